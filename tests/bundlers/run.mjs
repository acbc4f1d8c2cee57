// The bundlers layer: the packed package, unpacked into node_modules/seatquote
// by .ci/test.mjs, used by a small app built with each tool; every case must
// print or show rules §8.1's amounts, "8.00 38.00" (a browser build in
// Chromium). A case that does not run fails the layer.
//
//   node tests/bundlers/run.mjs [case …]

import { execFileSync, spawn } from "node:child_process";
import { cpSync, createReadStream, existsSync, mkdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

const HERE = dirname(fileURLToPath(import.meta.url));
const OUT = join(HERE, "out");
const APP = join(HERE, "app");
const EXPECTED = "8.00 38.00";
const bin = (name) => join(HERE, "node_modules", ".bin", name);
const sh = (command, args, options = {}) =>
  execFileSync(command, args, { cwd: HERE, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], ...options });

const TYPES = {
  ".html": "text/html",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
};

/** Serves `root` on a free port; resolves to { url, close }. */
function serve(root) {
  const server = createServer((req, res) => {
    let file = join(root, decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
    if (!existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => server.close() }),
    ),
  );
}

let browser;
/** The text of #out once it is set, in Chromium. */
async function inChromium(url) {
  if (!browser) {
    // As every browser test of the repository launches it.
    const { launchChromium } = await import("../../.ci/setup.mjs");
    browser = await launchChromium();
  }
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  try {
    await page.goto(url);
    await page.waitForFunction(() => document.getElementById("out")?.textContent, null, { timeout: 30_000 });
    return await page.textContent("#out");
  } catch (error) {
    throw new Error(`${url}: ${errors.join("; ") || error.message}`);
  } finally {
    await page.close();
  }
}

/** Builds into out/<name>/ with an index.html next to the bundle, and loads it. */
async function servedBuild(dir) {
  const server = await serve(dir);
  try {
    return await inChromium(`${server.url}/`);
  } finally {
    server.close();
  }
}

function page(dir, script = "./main.js") {
  writeFileSync(
    join(dir, "index.html"),
    `<!doctype html><meta charset="utf-8"><output id="out"></output><script type="module" src="${script}"></script>\n`,
  );
}

async function viteBuild(vite, name) {
  const { build } = await import(vite);
  const outDir = join(OUT, name);
  await build({
    root: APP,
    cacheDir: join(OUT, `${name}-cache`),
    logLevel: "warn",
    configFile: false,
    build: { outDir, emptyOutDir: true },
  });
  return servedBuild(outDir);
}

async function viteDev(vite) {
  // A build before, in this process, leaves NODE_ENV=production behind.
  delete process.env.NODE_ENV;
  const { createServer: create } = await import(vite);
  const cacheDir = join(OUT, `${vite}-dev-cache`);
  const server = await create({ root: APP, cacheDir, logLevel: "warn", configFile: false, server: { port: 0 } });
  await server.listen();
  try {
    return await inChromium(server.resolvedUrls.local[0]);
  } finally {
    await server.close();
  }
}

const CASES = {
  "node-esm": () => sh(process.execPath, [join(APP, "node.mjs")]),
  "node-cjs": () => sh(process.execPath, [join(APP, "node.cjs")]),
  "plain-page": async () => {
    const server = await serve(HERE);
    try {
      return await inChromium(`${server.url}/app/plain.html`);
    } finally {
      server.close();
    }
  },
  "web-worker": async () => {
    const server = await serve(HERE);
    try {
      return await inChromium(`${server.url}/app/worker.html`);
    } finally {
      server.close();
    }
  },
  esbuild: async () => {
    const dir = join(OUT, "esbuild");
    sh(bin("esbuild"), [
      join(APP, "main-inline.js"),
      "--bundle",
      "--format=esm",
      "--minify",
      `--outfile=${join(dir, "main.js")}`,
    ]);
    page(dir);
    return servedBuild(dir);
  },
  rollup: async () => {
    const dir = join(OUT, "rollup");
    const { rollup } = await import("rollup");
    const { nodeResolve } = await import("@rollup/plugin-node-resolve");
    const bundle = await rollup({ input: join(APP, "main-inline.js"), plugins: [nodeResolve({ browser: true })] });
    await bundle.write({ file: join(dir, "main.js"), format: "es" });
    page(dir);
    return servedBuild(dir);
  },
  "vite8-build": () => viteBuild("vite", "vite8"),
  "vite7-build": () => viteBuild("vite7", "vite7"),
  "vite8-dev": () => viteDev("vite"),
  "vite7-dev": () => viteDev("vite7"),
  webpack: async () => {
    const dir = join(OUT, "webpack");
    const { default: webpack } = await import("webpack");
    const stats = await new Promise((resolve, reject) =>
      webpack(
        { mode: "production", entry: join(APP, "main.js"), output: { path: dir, filename: "main.js", clean: true } },
        (error, result) => (error ? reject(error) : resolve(result)),
      ),
    );
    if (stats.hasErrors()) throw new Error(stats.toString("errors-only"));
    page(dir);
    return servedBuild(dir);
  },
  // App router: a client component rendered on the server (the HTML must
  // hold the amounts) and hydrated in Chromium, and a route handler.
  next: async () => {
    const cwd = join(HERE, "next");
    // Without the NODE_ENV a Vite case before leaves behind: `next build`
    // fails under NODE_ENV=development.
    const { NODE_ENV: _, ...rest } = process.env;
    const env = { ...rest, NEXT_TELEMETRY_DISABLED: "1" };
    rmSync(join(cwd, ".next"), { recursive: true, force: true });
    sh(bin("next"), ["build"], { cwd, env });
    const port = 30000 + Math.floor(Math.random() * 20000);
    const server = spawn(bin("next"), ["start", "-p", String(port)], { cwd, env, stdio: "ignore", detached: true });
    try {
      const url = `http://127.0.0.1:${port}`;
      let html;
      for (let i = 0; i < 100 && html === undefined; i++) {
        html = await fetch(url).then(
          (r) => r.text(),
          () => new Promise((r) => setTimeout(r, 200)),
        );
      }
      if (!html?.includes(`id="ssr">${EXPECTED}<`)) throw new Error(`the server-rendered page lacks ${EXPECTED}`);
      const checked = await (await fetch(`${url}/api/check`)).text();
      if (checked !== EXPECTED) throw new Error(`the route handler answered ${JSON.stringify(checked)}`);
      return await inChromium(url);
    } finally {
      process.kill(-server.pid);
    }
  },
  parcel: () => {
    const dir = join(OUT, "parcel");
    const cache = join(OUT, "parcel-cache");
    sh(bin("parcel"), ["build", join(APP, "index.html"), "--dist-dir", dir, "--cache-dir", cache, "--no-source-maps"]);
    return servedBuild(dir);
  },
  jest: () => {
    sh(bin("jest"), ["--rootDir", APP, "--testMatch", "**/jest.test.cjs", "--ci"], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    return EXPECTED;
  },
  vitest: () => {
    const output = sh(bin("vitest"), ["run", "--root", APP, "vitest.test.js"], { stdio: ["ignore", "pipe", "pipe"] });
    if (!/1 passed/.test(output)) throw new Error(`vitest ran no test:\n${output}`);
    return EXPECTED;
  },
  typescript: () => {
    const file = join(HERE, "ts", "consumer.ts");
    const cts = join(OUT, "ts", "consumer.cts");
    mkdirSync(dirname(cts), { recursive: true });
    cpSync(file, cts);
    const common = ["--noEmit", "--strict", "--target", "es2022"];
    sh(bin("tsc"), [...common, "--module", "esnext", "--moduleResolution", "bundler", "--lib", "es2022,dom", file]);
    sh(bin("tsc"), [...common, "--module", "node16", "--moduleResolution", "node16", "--lib", "es2022", file]);
    // A .cts file is CommonJS under node16: its import becomes require().
    sh(bin("tsc"), [...common, "--module", "node16", "--moduleResolution", "node16", "--lib", "es2022", cts]);
    return EXPECTED;
  },
};

const only = process.argv.slice(2);
const unknown = only.filter((name) => !(name in CASES));
if (unknown.length > 0) {
  console.error(`unknown case ${unknown.join(", ")}; cases: ${Object.keys(CASES).join(" ")}`);
  process.exit(2);
}
if (!existsSync(join(HERE, "node_modules", "seatquote", "package.json"))) {
  console.error("tests/bundlers/node_modules/seatquote is missing: .ci/test.mjs unpacks the packed package there");
  process.exit(2);
}
rmSync(OUT, { recursive: true, force: true });
const results = [];
for (const name of only.length > 0 ? only : Object.keys(CASES)) {
  const started = Date.now();
  let status;
  try {
    const shown = String(await CASES[name]()).trim();
    status = shown === EXPECTED ? "ok" : `FAILED: showed ${JSON.stringify(shown)}`;
  } catch (error) {
    status = `FAILED: ${error.message}`;
  }
  results.push({ name, status, ms: Date.now() - started });
  console.log(
    `${status === "ok" ? "ok    " : "FAILED"} ${name.padEnd(12)} ${((Date.now() - started) / 1000).toFixed(1)} s${status === "ok" ? "" : `\n  ${status}`}`,
  );
}
await browser?.close();
const failed = results.filter((r) => r.status !== "ok");
const ran = results.length;
const expected = only.length > 0 ? only.length : Object.keys(CASES).length;
if (failed.length > 0 || ran !== expected) {
  console.error(`${failed.length} of ${expected} bundler cases failed (${ran} ran)`);
  process.exit(1);
}
console.log(`all ${ran} bundler cases showed ${EXPECTED}`);
