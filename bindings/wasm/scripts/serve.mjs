// A static file server for the demo, listening on 127.0.0.1 only.
//
//   /          the demo page (bindings/wasm/demo/)
//   /bhyt/...  the package: its js/ and pkg/ folders (by default this folder, after
//              scripts/build.sh; the end-to-end test points it at the installed tarball)
//
// Usage: node scripts/serve.mjs [--port 8080] [--package DIR]
// It serves GET and HEAD only, never lists folders, and logs nothing about requests.

import { createReadStream, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = fileURLToPath(new URL("..", import.meta.url));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

// The page may load its own files and nothing else: no request can carry a number away.
const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "manifest-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join("; ");

/** The file under `root` that `path` names, or null if it escapes `root` or is no file. */
function fileUnder(root, path) {
  const file = resolve(root, `.${path}`);
  if (file !== root && !file.startsWith(root + sep)) {
    return null;
  }
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) {
      return fileUnder(root, join(path, "index.html"));
    }
    return stat.isFile() ? file : null;
  } catch {
    return null;
  }
}

function locate(url, demoDir, packageDir) {
  let path;
  try {
    path = decodeURIComponent(new URL(url, "http://127.0.0.1").pathname);
  } catch {
    return null;
  }
  if (path.includes("\0")) {
    return null;
  }
  if (path.startsWith("/bhyt/js/") || path.startsWith("/bhyt/pkg/")) {
    return fileUnder(packageDir, path.slice("/bhyt".length));
  }
  if (path.startsWith("/bhyt/")) {
    return null;
  }
  return fileUnder(demoDir, path);
}

/**
 * Starts the server. Resolves to `{ server, url }`; `port` 0 picks a free port.
 */
export function serve({
  port = 8080,
  demoDir = join(HERE, "demo"),
  packageDir = HERE,
} = {}) {
  const demoRoot = resolve(demoDir);
  const packageRoot = resolve(packageDir);
  const server = createServer((request, response) => {
    const headers = {
      "Content-Security-Policy": CSP,
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "no-referrer",
      "Cache-Control": "no-store",
    };
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { ...headers, Allow: "GET, HEAD" }).end();
      return;
    }
    const file = locate(request.url ?? "/", demoRoot, packageRoot);
    if (file === null) {
      response.writeHead(404, { ...headers, "Content-Type": "text/plain; charset=utf-8" });
      response.end("not found\n");
      return;
    }
    headers["Content-Type"] = TYPES[extname(file)] ?? "application/octet-stream";
    response.writeHead(200, headers);
    if (request.method === "HEAD") {
      response.end();
      return;
    }
    createReadStream(file).pipe(response);
  });
  return new Promise((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const { port: bound } = server.address();
      resolvePromise({ server, url: `http://127.0.0.1:${bound}/` });
    });
  });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const index = args.indexOf(name);
    return index === -1 ? fallback : args[index + 1];
  };
  const { url } = await serve({
    port: Number(option("--port", "8080")),
    packageDir: option("--package", HERE),
  });
  console.log(`bhyt demo: ${url} (Ctrl+C to stop)`);
}
