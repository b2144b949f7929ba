// The toolchain matrix: the packed `bhyt` tarball installed into real projects, built by each
// tool with no configuration for bhyt, and run.
//
//   node test/toolchains/run.mjs build/bhyt-0.1.0.tgz [CASE...]
//
// Cases: node (ESM import, CommonJS require), typescript (moduleResolution node, node16 and
// bundler; TypeScript 6 and 7), jest (default config: CommonJS, node and jsdom environments),
// vitest (node and jsdom), esbuild (--bundle --format=esm, es2020 target, iife, and `bhyt/init`
// given the .wasm URLs), rollup (@rollup/plugin-node-resolve), vite (a module worker, built
// with the default worker format), next-turbopack and next-webpack (the app router: `next build`
// and `next start`, a server component, a "use client" component and a route handler).
// Pages are loaded in headless Chromium (BHYT_CHROMIUM, default /usr/bin/chromium) through
// playwright-core. Every case makes the calls of probe.js and must give the answers Node.js
// gives with `import "bhyt"` from the same tarball.
//
// The tools are the exact versions of package.json and package-lock.json here, installed
// with `npm ci` into bindings/wasm/build/toolchains/ (skipped when that lock is unchanged since
// the last run); the tarball is then added with `npm install --no-save`. Cases run
// BHYT_TOOLCHAIN_JOBS at a time (default 2); each one's output goes to
// build/toolchains/logs/CASE.log, printed when it fails. Ends with each case's time.

import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, createReadStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

import { CALLS } from "./probe.js";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const WORK = fileURLToPath(new URL("../../build/toolchains/", import.meta.url));
const LOGS = join(WORK, "logs");
const CHROMIUM = process.env.BHYT_CHROMIUM ?? "/usr/bin/chromium";
const JOBS = Number(process.env.BHYT_TOOLCHAIN_JOBS ?? 2);
const SOURCES = ["probe.js", "node", "ts", "jest", "vitest", "web", "next"];

const [tarballArg, ...only] = process.argv.slice(2);
if (!tarballArg) {
  console.error("usage: node test/toolchains/run.mjs TARBALL [CASE...]");
  process.exit(2);
}
const tarball = resolve(tarballArg);

// ---- processes, logs, files ----------------------------------------------------------------

/** Runs `command args` in `cwd`, appending its output to `log`; rejects on a non-zero exit. */
function run(log, cwd, command, args, env = {}) {
  writeFileSync(log, `\n$ (cd ${cwd} && ${command} ${args.join(" ")})\n`, { flag: "a" });
  return new Promise((done, fail) => {
    execFile(
      command,
      args,
      { cwd, env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", CI: "1", ...env }, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => {
        writeFileSync(log, stdout + stderr, { flag: "a" });
        if (error) {
          fail(new Error(`${command} ${args.join(" ")} failed (exit ${error.code}); see ${log}`));
        } else {
          done(stdout);
        }
      },
    );
  });
}

const bin = (path) => join(WORK, "node_modules", path);
const node = (log, cwd, script, args, env) => run(log, cwd, process.execPath, [bin(script), ...args], env);

// ---- the reference answers -----------------------------------------------------------------

async function expected() {
  const bhyt = await import(pathToFileURL(join(WORK, "node_modules/bhyt/js/index.js")));
  const reception = await import(pathToFileURL(join(WORK, "node_modules/bhyt/js/reception/index.js")));
  const libs = { bhyt, reception };
  const answers = CALLS.map(([lib, name, args]) => JSON.parse(JSON.stringify(libs[lib][name](...args))));
  // Not two broken builds agreeing with each other: the first number is valid, the second not.
  assert.equal(answers[0].valid, true);
  assert.equal(answers[1].valid, false);
  writeFileSync(
    join(WORK, "expected.json"),
    JSON.stringify(CALLS.map(([lib, name, args], i) => ({ lib, name, args, answer: answers[i] }))),
  );
  return JSON.stringify(answers);
}

// ---- pages in Chromium ---------------------------------------------------------------------

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".wasm": "application/wasm", ".json": "application/json" };

/** Serves `root` on 127.0.0.1 (GET, files only); resolves to its origin. */
function serveDir(root) {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, "http://x").pathname);
    let file = resolve(root, `.${path}`);
    if (existsSync(file) && statSync(file).isDirectory()) {
      file = join(file, "index.html");
    }
    if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((done) =>
    server.listen(0, "127.0.0.1", () => done({ server, origin: `http://127.0.0.1:${server.address().port}` })),
  );
}

let browser;
async function chromium() {
  if (!browser) {
    const { chromium: launcher } = await import(pathToFileURL(bin("playwright-core/index.mjs")));
    browser = launcher.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
  }
  return browser;
}

/** Loads `url` in a fresh Chromium context; the text of `selectors` once each is filled. */
async function pageText(log, url, selectors = ["#result"]) {
  const context = await (await chromium()).newContext();
  const page = await context.newPage();
  const messages = [];
  page.on("console", (message) => messages.push(`console.${message.type()}: ${message.text()}`));
  page.on("pageerror", (error) => messages.push(`pageerror: ${error}`));
  page.on("requestfailed", (request) => messages.push(`requestfailed: ${request.url()}`));
  page.on("response", (response) => response.status() >= 400 && messages.push(`${response.status()}: ${response.url()}`));
  try {
    await page.goto(url);
    const texts = [];
    for (const selector of selectors) {
      await page.waitForFunction((s) => document.querySelector(s)?.textContent, selector, { timeout: 30_000 });
      texts.push(await page.textContent(selector));
    }
    return texts;
  } finally {
    writeFileSync(log, `\n${url}\n${messages.join("\n")}\n`, { flag: "a" });
    await context.close();
  }
}

/** Serves `dir`, loads each page in Chromium and compares its answers with `want`. */
async function pages(log, dir, names, want) {
  const { server, origin } = await serveDir(dir);
  try {
    for (const name of names) {
      const [text] = await pageText(log, `${origin}/${name}`);
      assert.equal(text, want, `${name}: the page's answers`);
    }
  } finally {
    server.close();
  }
}

const html = (script, module = true) =>
  `<!doctype html><meta charset="utf-8"><pre id="result"></pre><script ${module ? 'type="module" ' : ""}src="${script}"></script>\n`;

// ---- the cases -----------------------------------------------------------------------------

const CASES = {
  // The longest first, so that the cases running side by side end at about the same time.
  "next-webpack": (log, want) => next(log, want, "next-webpack", ["--webpack"]),
  "next-turbopack": (log, want) => next(log, want, "next-turbopack", []),

  async node(log, want) {
    const esm = await run(log, join(WORK, "node"), process.execPath, ["esm.mjs"]);
    assert.equal(esm.trim(), want, "import");
    const cjs = await run(log, join(WORK, "node"), process.execPath, ["cjs.cjs"]);
    assert.equal(cjs.trim(), want, "require");
  },

  async typescript(log) {
    const ts = join(WORK, "ts");
    for (const config of ["node10", "node16", "bundler"]) {
      await node(log, ts, "typescript6/bin/tsc", ["-p", `tsconfig.${config}.json`]);
    }
    // TypeScript 7 no longer has moduleResolution node (node10).
    for (const config of ["node16", "bundler"]) {
      await node(log, ts, "typescript/bin/tsc", ["-p", `tsconfig.${config}.json`]);
    }
  },

  async jest(log) {
    await node(log, join(WORK, "jest"), "jest/bin/jest.js", ["--ci"]);
  },

  async vitest(log) {
    await node(log, join(WORK, "vitest"), "vitest/vitest.mjs", ["run"]);
  },

  async esbuild(log, want) {
    const web = join(WORK, "web");
    const out = join(web, "out-esbuild");
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out);
    const builds = [
      ["esm.js", "src/main.js", ["--format=esm"], true],
      ["es2020.js", "src/main.js", ["--format=esm", "--target=es2020"], true],
      ["iife.js", "src/main.js", ["--format=iife", "--target=es2020"], false],
      ["own-url.js", "src/own-url.js", ["--format=esm"], true],
    ];
    for (const [file, entry, flags, module] of builds) {
      await run(log, web, bin(".bin/esbuild"), [entry, "--bundle", "--minify", ...flags, `--outfile=out-esbuild/${file}`]);
      writeFileSync(join(out, file.replace(/js$/, "html")), html(file, module));
    }
    for (const wasm of ["bhyt_wasm_bg.wasm", "bhyt_reception_bg.wasm"]) {
      cpSync(bin(`bhyt/pkg/${wasm}`), join(out, wasm));
    }
    await pages(log, out, builds.map(([file]) => file.replace(/js$/, "html")), want);
  },

  async rollup(log, want) {
    const web = join(WORK, "web");
    const out = join(web, "out-rollup");
    rmSync(out, { recursive: true, force: true });
    await node(log, web, "rollup/dist/bin/rollup", ["src/main.js", "-p", "@rollup/plugin-node-resolve", "-f", "es", "-o", "out-rollup/main.js"]);
    await node(log, web, "rollup/dist/bin/rollup", ["src/main.js", "-p", "@rollup/plugin-node-resolve", "-f", "iife", "-o", "out-rollup/iife.js"]);
    writeFileSync(join(out, "index.html"), html("main.js"));
    writeFileSync(join(out, "iife.html"), html("iife.js", false));
    await pages(log, out, ["index.html", "iife.html"], want);
  },

  async vite(log, want) {
    const web = join(WORK, "web");
    rmSync(join(web, "dist"), { recursive: true, force: true });
    await node(log, web, "vite/bin/vite.js", ["build"]);
    await pages(log, join(web, "dist"), ["index.html"], want);
  },
};

/** `next build` then `next start`: the prerendered server component, the client component
 * after hydration (Chromium) and the route handler must all give the answers. */
async function next(log, want, name, flags) {
  const app = join(WORK, name);
  rmSync(app, { recursive: true, force: true });
  cpSync(join(WORK, "next"), app, { recursive: true });
  await node(log, app, "next/dist/bin/next", ["build", ...flags]);
  const port = await new Promise((done) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => done(port));
    });
  });
  const server = spawn(process.execPath, [bin("next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: app,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  server.stdout.on("data", (d) => writeFileSync(log, d, { flag: "a" }));
  server.stderr.on("data", (d) => writeFileSync(log, d, { flag: "a" }));
  const origin = `http://127.0.0.1:${port}`;
  try {
    for (let tries = 0; ; tries++) {
      try {
        await fetch(origin);
        break;
      } catch (error) {
        if (tries > 300 || server.exitCode !== null) throw new Error(`next start did not answer: ${error}`);
        await new Promise((done) => setTimeout(done, 100));
      }
    }
    const route = await fetch(`${origin}/api/check`);
    assert.equal(route.status, 200, "the route handler answers");
    assert.equal(await route.text(), want, "the route handler's answers");
    const [serverText, clientText] = await pageText(log, origin, ["#server", "#result"]);
    assert.equal(serverText, want, "the server component's answers");
    assert.equal(clientText, want, "the client component's answers");
  } finally {
    server.kill();
  }
}

// ---- main ----------------------------------------------------------------------------------

const names = only.length ? only : Object.keys(CASES);
for (const name of names) {
  if (!CASES[name]) {
    console.error(`run.mjs: no case ${name}; cases: ${Object.keys(CASES).join(", ")}`);
    process.exit(2);
  }
}

const started = performance.now();
const seconds = (since) => ((performance.now() - since) / 1000).toFixed(1);
mkdirSync(WORK, { recursive: true });
rmSync(LOGS, { recursive: true, force: true });
mkdirSync(LOGS);
const installLog = join(LOGS, "install.log");
const lock = readFileSync(join(HERE, "package-lock.json"));
const stamp = join(WORK, "node_modules", ".bhyt-lock-sha256");
const sha = createHash("sha256").update(readFileSync(join(HERE, "package.json"))).update(lock).digest("hex");
try {
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== sha) {
    cpSync(join(HERE, "package.json"), join(WORK, "package.json"));
    cpSync(join(HERE, "package-lock.json"), join(WORK, "package-lock.json"));
    await run(installLog, WORK, "npm", ["ci", "--no-audit", "--no-fund"]);
    writeFileSync(stamp, sha);
  }
  await run(installLog, WORK, "npm", ["install", "--no-save", "--no-audit", "--no-fund", tarball]);
} catch (error) {
  console.log(readFileSync(installLog, "utf8"));
  throw error;
}
console.log(`toolchains: tools and ${tarballArg} installed in ${seconds(started)} s`);
for (const source of SOURCES) {
  rmSync(join(WORK, source), { recursive: true, force: true });
  cpSync(join(HERE, source), join(WORK, source), { recursive: true });
}
const want = await expected();

const times = {};
const failures = [];
const queue = [...names];
async function worker() {
  for (let name; (name = queue.shift()); ) {
    const log = join(LOGS, `${name}.log`);
    writeFileSync(log, "");
    const since = performance.now();
    try {
      await CASES[name](log, want);
      times[name] = `${seconds(since)} s`;
      console.log(`toolchains: ok   ${name} (${times[name]})`);
    } catch (error) {
      times[name] = `${seconds(since)} s, FAILED`;
      failures.push(name);
      console.log(`toolchains: FAIL ${name} (${times[name]}): ${error.message}\n--- ${log}\n${readFileSync(log, "utf8").slice(-6000)}\n---`);
    }
  }
}
await Promise.all(Array.from({ length: Math.max(1, JOBS) }, worker));
await (await browser)?.close();

console.log("\ntoolchains: time per case");
for (const name of names) {
  console.log(`  ${name.padEnd(16)} ${times[name]}`);
}
console.log(`  ${"total".padEnd(16)} ${seconds(started)} s (${JOBS} at a time)`);
if (failures.length) {
  console.log(`toolchains: ${failures.length} failed: ${failures.join(", ")}`);
  process.exit(1);
}
console.log(`toolchains: all ${names.length} cases passed`);
