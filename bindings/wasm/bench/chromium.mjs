// The package benchmark (bench/run.mjs, as bench.mjs runs it in Node) in headless Chromium:
// the package's js/ and pkg/ and the corpus files served from 127.0.0.1 by a server of its
// own, the page driven through playwright-core (a dev dependency), its lines printed here.
//
//   node bench/chromium.mjs CORPUS.tsv [MIXED.tsv]      (after scripts/build.sh)
//
// BHYT_CHROMIUM overrides /usr/bin/chromium (Debian's, which test.sh installs). The profile
// is a new folder under build/, removed afterwards.

import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

import { chromium } from "playwright-core";

const HERE = fileURLToPath(new URL("..", import.meta.url));
const CHROMIUM = process.env.BHYT_CHROMIUM ?? "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const [corpusPath, mixedPath] = process.argv.slice(2);
if (!corpusPath) {
  console.error("usage: node bench/chromium.mjs CORPUS.tsv [MIXED.tsv]");
  process.exit(2);
}

const PAGE = `<!doctype html><meta charset="utf-8"><title>bhyt bench</title>
<script type="module">
  import * as bhyt from "/js/index.js";
  import { run } from "/bench/run.mjs";
  const text = async (path) => (await fetch(path)).text();
  const lines = [];
  try {
    const [corpus, mixed] = await Promise.all([text("/corpus.tsv"), text("/mixed.tsv")]);
    run(bhyt, corpus, mixed, (line) => lines.push(line), navigator.userAgent.match(/Chrome\\/[0-9.]+/)?.[0] ?? "Chromium");
  } catch (error) {
    lines.push("error: " + error);
  }
  window.benchLines = lines;
</script>`;

// The files the page may load, and nothing else.
const files = {
  "/corpus.tsv": () => readFileSync(corpusPath),
  "/mixed.tsv": () => (mixedPath ? readFileSync(mixedPath) : ""),
  "/bench/run.mjs": () => readFileSync(join(HERE, "bench/run.mjs")),
};
const server = createServer((request, response) => {
  const path = new URL(request.url, "http://127.0.0.1").pathname;
  let body = null;
  if (path === "/") {
    body = PAGE;
  } else if (files[path]) {
    body = files[path]();
  } else if (/^\/(js|pkg)\/[A-Za-z0-9_./-]+\.js$/.test(path) && !path.includes("..")) {
    try {
      body = readFileSync(join(HERE, path));
    } catch {
      body = null;
    }
  }
  if (body === null) {
    response.writeHead(404).end();
    return;
  }
  const type = path === "/" ? "text/html" : path.endsWith(".tsv") ? "text/plain" : "text/javascript";
  // Cross-origin isolation: without it Chromium coarsens performance.now() to 0.1 ms.
  response
    .writeHead(200, {
      "content-type": `${type}; charset=utf-8`,
      "cross-origin-opener-policy": "same-origin",
      "cross-origin-embedder-policy": "require-corp",
    })
    .end(body);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));

mkdirSync(join(HERE, "build"), { recursive: true });
const profile = mkdtempSync(join(HERE, "build", "bench-profile-"));
try {
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.benchLines, null, { timeout: 600_000, polling: 500 });
  if (!(await page.evaluate(() => window.crossOriginIsolated))) {
    throw new Error("the page is not cross-origin isolated: its timer is coarse");
  }
  for (const line of await page.evaluate(() => window.benchLines)) console.log(line);
  await context.close();
} finally {
  server.close();
  rmSync(profile, { recursive: true, force: true });
}
