// A tiny static file server with no dependencies: www/ at `/` and pkg/ at
// `/pkg/`, the layout the demo page imports from (`/pkg/index.js`).
// `application/wasm` matters: browsers refuse streaming compilation of a
// .wasm served with any other type. Nothing is cached, so a rebuild shows up
// on reload.
//
//   node .ci/serve.mjs            http://localhost:8080 (PORT to change)
//
// Tests import `serve()` to mount other directories on a free port.

import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { isMain, path, say } from "./lib.mjs";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".ts": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
};

/** The default mounts: URL prefix → directory. The longest prefix wins. */
export const DEFAULT_MOUNTS = { "/": path("www"), "/pkg/": path("pkg") };

/**
 * Starts serving `mounts` on `port` (0 = any free port) at `host` (Node's
 * default when undefined: every interface, IPv6 and IPv4); resolves to
 * `{ server, url }` once listening.
 */
export function serve({ mounts = DEFAULT_MOUNTS, port = 0, host } = {}) {
  const prefixes = Object.keys(mounts).sort((a, b) => b.length - a.length);
  mounts = Object.fromEntries(Object.entries(mounts).map(([p, dir]) => [p, normalize(dir)]));
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const pathname = decodeURIComponent(url.pathname);
      const prefix = prefixes.find((p) => pathname.startsWith(p) || `${pathname}/` === p);
      if (!prefix || (req.method !== "GET" && req.method !== "HEAD")) return send(res, 404);
      const root = mounts[prefix];
      let file = normalize(join(root, pathname.slice(prefix.length)));
      // No escaping the mounted directory with `..`.
      if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return send(res, 403);
      let info = await stat(file).catch(() => null);
      if (info?.isDirectory()) {
        if (!pathname.endsWith("/")) {
          res.writeHead(301, { Location: `${url.pathname}/${url.search}` });
          return res.end();
        }
        file = join(file, "index.html");
        info = await stat(file).catch(() => null);
      }
      if (!info?.isFile()) return send(res, 404);
      res.writeHead(200, {
        "Content-Type": TYPES[extname(file).toLowerCase()] ?? "application/octet-stream",
        "Content-Length": info.size,
        "Cache-Control": "no-store",
      });
      if (req.method === "HEAD") return res.end();
      createReadStream(file).pipe(res);
    } catch {
      send(res, 400);
    }
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const address = server.address();
      const shown = host === undefined || host === "0.0.0.0" || host === "::" ? "localhost" : host;
      resolve({ server, url: `http://${shown}:${address.port}/` });
    });
  });
}

function send(res, status) {
  res.writeHead(status, { "Content-Type": "text/plain; charset=utf-8" });
  res.end(`${status}\n`);
}

if (isMain(import.meta.url)) {
  const port = Number(process.env.PORT ?? 8080);
  const { url } = await serve({ port, host: process.env.HOST }).catch((error) => {
    console.error(`seatquote: cannot serve on port ${port}: ${error.message}`);
    process.exit(1);
  });
  say(`serving www/ at ${url} and pkg/ at ${url}pkg/ (Ctrl+C to stop)`);
}
