// A small static server for the browser tests: www/ at /, pkg/ at /pkg/,
// on a free port of 127.0.0.1. The same layout as `npm start`, without
// needing a fixed port, so tests can run beside a developer's server.

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  // WebAssembly.instantiateStreaming insists on this type.
  '.wasm': 'application/wasm',
  '.ts': 'text/plain; charset=utf-8',
};

/** The file under `root` for a URL path, or null if the path leaves `root`. */
function inside(root, urlPath) {
  const file = resolve(root, `.${normalize(`/${urlPath}`)}`);
  return file === root || file.startsWith(root + sep) ? file : null;
}

/**
 * Starts serving; resolves to `{ url, close }`.
 *
 * @param {{ www: string, pkg: string }} dirs absolute directories
 */
export async function startServer({ www, pkg }) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const [root, rest] = path.startsWith('/pkg/') ? [pkg, path.slice(5)] : [www, path];
    let file = inside(root, rest);
    try {
      if (!file) throw new Error('outside the served folders');
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      res.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
      });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((done) => server.close(done)),
  };
}
