// The installed package in a real browser (Debian's chromium through
// playwright-core), the two ways a frontend uses it:
//
// * a plain page: `<script type="module">` importing the package's browser
//   entry (through an import map, so the page says `import "seatquote"`);
// * a Vite app, built for production and served by the Vite dev server.
//
// Both run every shared vector and must equal the native answers.

import assert from "node:assert/strict";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { business, fromRepo, launchChromium, loadVectors, nativeOutputs, REPO } from "./support.mjs";

const PROJECT = process.cwd(); // the throw-away project with node_modules/seatquote
const { serve } = await import(join(REPO, ".ci", "serve.mjs"));

// What the page runs: every vector, the way runCase does in Node.
const RUN_VECTORS = `
  window.runVectors = (seatquote, vectors) => {
    const outputs = {};
    for (const { file, cases } of vectors) {
      for (const v of cases) {
        try {
          outputs[file + "/" + v.name] = seatquote[v.function](v.request);
        } catch (e) {
          outputs[file + "/" + v.name] = e && e.name === "SeatQuoteError"
            ? { error: { code: e.code, path: e.path, message: e.message } }
            : { thrown: String(e) };
        }
      }
    }
    return outputs;
  };
`;

const PLAIN_PAGE = `<!doctype html>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>seatquote in a plain page</title>
<script type="importmap">{ "imports": { "seatquote": "/node_modules/seatquote/pkg/index.js" } }</script>
<script>${RUN_VECTORS}</script>
<script type="module">
  import * as seatquote from "seatquote";
  window.seatquote = seatquote;
  window.ready = true;
</script>
`;

const VITE_APP = {
  "index.html": `<!doctype html>
<meta charset="utf-8">
<link rel="icon" href="data:,">
<title>seatquote in a Vite app</title>
<script>${RUN_VECTORS}</script>
<script type="module" src="./main.js"></script>
`,
  "main.js": `import * as seatquote from "seatquote";
window.seatquote = seatquote;
window.ready = true;
`,
};

let browser;
const servers = [];
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  for (const server of servers) await server.close();
});

/** Opens `url` in a fresh context, waits for the module, collects problems. */
async function open(url, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  page.on("console", (m) => {
    // A wrong MIME type only warns (and falls back): treat warnings as failures.
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(url);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 15_000 });
  return { page, context, problems };
}

/** Runs every vector in the page and compares with the native answers. */
async function assertVectorsMatchNative(page) {
  const native = nativeOutputs();
  const outputs = await page.evaluate((vectors) => window.runVectors(window.seatquote, vectors), loadVectors());
  assert.deepEqual(Object.keys(outputs).sort(), Object.keys(native).sort());
  for (const [name, output] of Object.entries(outputs)) {
    assert.deepStrictEqual(output, native[name], `${name}: the browser's answer equals the native one`);
  }
}

test("a plain <script type=module> page", async (t) => {
  writeFileSync(join(PROJECT, "plain.html"), PLAIN_PAGE);
  const { server, url } = await serve({ mounts: { "/": PROJECT }, host: "127.0.0.1" });
  servers.push(server);
  const { page, context, problems } = await open(`${url}plain.html`);

  await t.test("serves the .wasm as application/wasm", async () => {
    const type = await page.evaluate(async () =>
      (await fetch("/node_modules/seatquote/pkg/seatquote_bg.wasm")).headers.get("content-type"),
    );
    assert.equal(type, "application/wasm");
  });

  await t.test("every vector equals the native answer", () => assertVectorsMatchNative(page));

  await t.test("errors are SeatQuoteErrors and the module keeps working", async () => {
    const result = await page.evaluate((request) => {
      const { quote_seat_change } = window.seatquote;
      let error;
      try {
        quote_seat_change({ subscription: { seats: 10n } });
      } catch (e) {
        error = e;
      }
      const ok = quote_seat_change(request);
      return {
        isError: error instanceof Error,
        name: error?.name,
        code: error?.code,
        path: typeof error?.path,
        after: ok.lines[0].amount,
      };
    }, business());
    assert.deepEqual(result, {
      isError: true,
      name: "SeatQuoteError",
      code: "INVALID_INPUT",
      path: "string",
      after: "8.00",
    });
  });

  await t.test("an omitted as_of is the browser's local date", async () => {
    const dates = [];
    for (const timezoneId of ["Pacific/Kiritimati", "Pacific/Pago_Pago"]) {
      const {
        page: zoned,
        context: zonedContext,
        problems: zonedProblems,
      } = await open(`${url}plain.html`, { timezoneId });
      const { as_of, local } = await zoned.evaluate(() => {
        const d = new Date();
        const local = [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
        const quote = window.seatquote.quote_seat_change({
          subscription: {
            plan: { id: "b", allows_additional_seats: true, prices: { month: { base: "0", seat: "5.00" } } },
            interval: "month",
            billing_anchor: "2020-01-01",
            currency: "EUR",
            seats: 1,
            seats_in_use: 1,
          },
          target_seats: 2,
        });
        return { as_of: quote.as_of, local };
      });
      assert.equal(as_of, local, timezoneId);
      assert.deepEqual(zonedProblems, []);
      dates.push(as_of);
      await zonedContext.close();
    }
    // UTC+14 and UTC−11 never share a date: the answer follows the zone.
    assert.notEqual(dates[0], dates[1]);
  });

  assert.deepEqual(problems, [], "no console errors, warnings or failed requests");
  await context.close();
});

test("a Vite app: production build and dev server", async (t) => {
  const { build, createServer } = await fromRepo("vite");
  const root = join(PROJECT, "vite-app");
  mkdirSync(root, { recursive: true });
  for (const [name, text] of Object.entries(VITE_APP)) writeFileSync(join(root, name), text);
  const quiet = { root, logLevel: "error", configFile: false, cacheDir: join(PROJECT, ".vite-cache") };

  await t.test("vite build", async () => {
    const outDir = join(PROJECT, "vite-dist");
    await build({ ...quiet, build: { outDir, emptyOutDir: true } });
    const { server, url } = await serve({ mounts: { "/": outDir }, host: "127.0.0.1" });
    servers.push(server);
    const { page, context, problems } = await open(url);
    await assertVectorsMatchNative(page);
    assert.deepEqual(problems, []);
    await context.close();
  });

  await t.test("vite dev server", async () => {
    const dev = await createServer({ ...quiet, server: { port: 0, host: "127.0.0.1" } });
    await dev.listen();
    servers.push({ close: () => dev.close() });
    const { page, context, problems } = await open(dev.resolvedUrls.local[0]);
    await assertVectorsMatchNative(page);
    assert.deepEqual(
      problems.filter((p) => !p.includes("[vite]")),
      [],
    );
    await context.close();
  });
});
