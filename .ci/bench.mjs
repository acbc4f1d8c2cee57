// `npm run bench`: how fast and how small, on this machine, in one run.
//
//   npm run bench              build if pkg/ is older than the sources, then
//                              time Node, Chromium and native Rust
//   npm run bench -- --no-native   skip `cargo bench` (the slowest part)
//   npm run bench -- --pkg DIR     time another build of pkg/ (e.g. an older
//                                  commit's), as it is: no build
//
// Every figure comes from the requests in tests/bench/requests.json:
// quote_seat_change and validate_cancellation per call (median and p99),
// quote_price_table for 1,000 rows (a price per seat, and 10 graduated
// tiers), a cold compile + instantiate of the module, the pricing
// calculator page recomputing all its curves in Chromium
// (www/calculator.html: one 200-row table per plan and interval and the
// redraw), the same requests natively (`cargo bench --bench native`, whose
// last line is BENCH_JSON {…}) and the wasm/native ratio, and the browser
// payload. The targets are printed beside the figures; they are
// measured, not asserted: the run never fails because of a number.
// The figures are also written to .artifacts/bench.json.

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus } from "node:os";
import { join, resolve } from "node:path";
import { build } from "./build.mjs";
import { ROOT, header, isMain, path, run, say } from "./lib.mjs";
import { serve } from "./serve.mjs";
import { ensureBuildTools, launchChromium } from "./setup.mjs";
import { BUDGET_GZIP, measure } from "./size.mjs";
import { summary, time } from "../tests/bench/measure.mjs";

const REQUESTS = JSON.parse(readFileSync(path("tests", "bench", "requests.json"), "utf8"));
const PKG_ARG = process.argv.indexOf("--pkg");
const PKG = PKG_ARG > 0 ? resolve(process.argv[PKG_ARG + 1]) : path("pkg");
const COLD_RUNS = 15;

const TARGETS = {
  quote_node_median_us: 5,
  table_ms: 1,
  instantiate_ms: 5,
  payload_gzip: BUDGET_GZIP,
  calculator_ms: 1000 / 60,
};

/** The newest modification time under `dir` (files only). */
function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const file = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(file) : statSync(file).mtimeMs);
  }
  return latest;
}

async function buildIfNeeded() {
  if (PKG !== path("pkg")) return say(`timing ${PKG} as it is`);
  const wasm = path("pkg", "seatquote_bg.wasm");
  const sources = Math.max(
    newest(path("src")),
    statSync(path("Cargo.toml")).mtimeMs,
    statSync(path("Cargo.lock")).mtimeMs,
  );
  if (existsSync(wasm) && statSync(wasm).mtimeMs >= sources && existsSync(path("pkg", "node.js"))) {
    say("pkg/ is up to date");
    return;
  }
  say("pkg/ is missing or older than the sources: building");
  await build({ bin: await ensureBuildTools() });
}

/** Node: the installed module's calls, timed one by one (a fine clock). */
async function node() {
  const seatquote = await import(join(PKG, "node.js"));
  const { quote, plan_change, cancellation, table, tiered } = REQUESTS;
  return {
    quote_seat_change: time(() => seatquote.quote_seat_change(quote), { samples: 50_000 }),
    // A build without plan changes refuses target_plan as unknown: no figure.
    plan_change: refusesNot(() => seatquote.quote_seat_change(plan_change))
      ? time(() => seatquote.quote_seat_change(plan_change), { samples: 50_000 })
      : null,
    validate_cancellation: time(() => seatquote.validate_cancellation(cancellation), { samples: 50_000 }),
    // Older builds have no price table.
    quote_price_table: seatquote.quote_price_table
      ? time(() => seatquote.quote_price_table(quote, table), { warmup: 200, samples: 500 })
      : null,
    // Older builds have no tiers: they refuse the request.
    quote_price_table_tiered: refusesNot(() => seatquote.quote_price_table(tiered, table))
      ? time(() => seatquote.quote_price_table(tiered, table), { warmup: 200, samples: 500 })
      : null,
  };
}

/** Whether `call` runs without throwing. */
function refusesNot(call) {
  try {
    call();
    return true;
  } catch {
    return false;
  }
}

/**
 * Node, cold: a fresh process per run reads the .wasm and times
 * `initSync` (compile + instantiate) only.
 */
function nodeCold() {
  const script = `
    import { readFileSync } from "node:fs";
    import { initSync } from ${JSON.stringify(join(PKG, "seatquote.js"))};
    const bytes = readFileSync(${JSON.stringify(join(PKG, "seatquote_bg.wasm"))});
    const start = performance.now();
    initSync({ module: bytes });
    console.log(performance.now() - start);
  `;
  const ms = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    ms.push(Number(execFileSync(process.execPath, ["--input-type=module", "-e", script], { encoding: "utf8" })));
  }
  return coldSummary(ms);
}

function coldSummary(ms) {
  const { median_us, samples } = summary(ms.map((m) => m * 1000));
  return { median_ms: median_us / 1000, max_ms: Math.max(...ms), runs: samples };
}

/** Chromium through playwright-core: tests/bench/page.html on pkg/. */
async function chromium() {
  const { server, url } = await serve({
    mounts: { "/": path("tests", "bench"), "/pkg/": PKG, "/bench/": path("tests", "bench") },
    port: 0,
    host: "127.0.0.1",
  });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const open = async () => {
      await page.goto(`${url}page.html`);
      await page.waitForSelector("body[data-ready]", { state: "attached" });
    };
    const cold = [];
    for (let i = 0; i < COLD_RUNS; i++) {
      await open(); // a new document: the module and its glue start afresh
      cold.push(await page.evaluate(() => window.instantiate()));
    }
    const calls = await page.evaluate(() => window.calls());
    return { version: browser.version(), instantiate: coldSummary(cold), ...calls };
  } finally {
    await browser.close();
    server.close();
  }
}

/**
 * Chromium: the pricing calculator (www/calculator.html) recomputing all
 * its curves — one quote_price_table call of 200 rows per plan and
 * interval, and the redraw of its cards, chart and table — as it would on
 * an input. Each sample is one recompute (milliseconds, so the coarse
 * browser clock is fine); the target is one frame at 60 Hz.
 */
async function calculator() {
  const { server, url } = await serve({ mounts: { "/": path("www"), "/pkg/": PKG }, port: 0, host: "127.0.0.1" });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${url}calculator.html?lang=en`);
    await page.waitForSelector("body[data-ready]", { state: "attached" });
    return await page.evaluate(() => {
      const element = document.querySelector("price-calculator");
      for (let i = 0; i < 20; i++) element.recompute();
      const ms = [];
      for (let i = 0; i < 200; i++) {
        const start = performance.now();
        element.recompute();
        ms.push(performance.now() - start);
      }
      ms.sort((a, b) => a - b);
      const curves = element.querySelectorAll('[data-testid="price-chart"] path[d], .pc__point').length;
      return {
        plans: element.plans.length,
        curves,
        median_ms: ms[Math.floor(ms.length / 2)],
        p99_ms: ms[Math.floor(ms.length * 0.99)],
        runs: ms.length,
      };
    });
  } finally {
    await browser.close();
    server.close();
  }
}

/** `cargo bench --bench native`: its BENCH_JSON line. */
async function native() {
  const output = await run("cargo", ["bench", "--bench", "native"], { capture: true });
  const line = output.split("\n").find((l) => l.startsWith("BENCH_JSON "));
  if (!line) throw new Error("cargo bench printed no BENCH_JSON line");
  return JSON.parse(line.slice("BENCH_JSON ".length));
}

// ------------------------------------------------------------------ report

const us = (x) => (x >= 100 ? `${x.toFixed(0)} µs` : `${x.toFixed(2)} µs`);
const ms = (x) => `${x.toFixed(2)} ms`;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const check = (ok) => (ok ? "✓" : "✗");

function report(r) {
  header("results");
  console.log(`${r.machine.cpu} × ${r.machine.cores}, Node ${r.machine.node}, Chromium ${r.chromium?.version ?? "–"}`);
  console.log("Timings are medians and 99th percentiles of many calls after a warm-up; Node times single calls,");
  console.log("Chromium batches (its clock is coarsened to 100 µs), so its p99 is that of batch means.\n");
  const rows = [];
  const line = (what, where, t) => rows.push([what, where, t ? us(t.median_us) : "–", t ? us(t.p99_us) : "–"]);
  for (const [name, nativeKey] of [
    ["quote_seat_change", "quote_seat_change"],
    ["validate_cancellation", "validate_cancellation"],
  ]) {
    line(name, "Node", r.node[name]);
    line("", "Chromium", r.chromium?.[name]);
    if (r.native) {
      line("", "native, typed", r.native[`${nativeKey} (typed)`]);
      line("", "native, JSON in/out", r.native[`${nativeKey} (JSON in, JSON out)`]);
    }
    if (name === "quote_seat_change") {
      line("  … a plan change", "Node", r.node.plan_change ?? undefined);
      line("", "Chromium", r.chromium?.plan_change ?? undefined);
      if (r.native) line("", "native, typed", r.native["quote_seat_change, plan change (typed)"]);
    }
  }
  line("quote_price_table, 1,000 rows", "Node", r.node.quote_price_table ?? undefined);
  line("", "Chromium", r.chromium?.quote_price_table);
  if (r.native) line("", "native, typed", r.native["quote_price_table, 1,000 rows (typed)"]);
  line("  the same, 10 graduated tiers", "Node", r.node.quote_price_table_tiered ?? undefined);
  line("", "Chromium", r.chromium?.quote_price_table_tiered ?? undefined);
  if (r.native) line("", "native, typed", r.native["quote_price_table, 1,000 rows, 10 tiers (typed)"]);
  console.log(`${"".padEnd(32)} ${"".padEnd(20)} ${"median".padStart(10)} ${"p99".padStart(10)}`);
  for (const [a, b, c, d] of rows) console.log(`${a.padEnd(32)} ${b.padEnd(20)} ${c.padStart(10)} ${d.padStart(10)}`);

  console.log(
    `\ncold compile + instantiate (${COLD_RUNS} runs): Node ${ms(r.cold.node.median_ms)} median (max ${ms(r.cold.node.max_ms)}), ` +
      `Chromium ${r.chromium ? `${ms(r.chromium.instantiate.median_ms)} median (max ${ms(r.chromium.instantiate.max_ms)})` : "–"}`,
  );
  if (r.native) {
    const ratio = (a, b) => (a && b ? `${(a.median_us / b.median_us).toFixed(1)}×` : "–");
    const n = r.native;
    console.log(
      `wasm (Node) / native: quote ${ratio(r.node.quote_seat_change, n["quote_seat_change (typed)"])} typed, ` +
        `${ratio(r.node.quote_seat_change, n["quote_seat_change (JSON in, JSON out)"])} JSON; ` +
        `cancellation ${ratio(r.node.validate_cancellation, n["validate_cancellation (typed)"])} typed; ` +
        `table ${ratio(r.node.quote_price_table, n["quote_price_table, 1,000 rows (typed)"])}`,
    );
  }
  if (r.calculator) {
    const c = r.calculator;
    console.log(
      `calculator, all curves recomputed (${c.plans} plans × 2 intervals × 200 seats, ${c.curves} drawn, and the redraw), ` +
        `Chromium: ${ms(c.median_ms)} median, ${ms(c.p99_ms)} p99 of ${c.runs}`,
    );
  }
  const total = r.size.at(-1);
  const wasm = r.size.find((s) => s.file.endsWith(".wasm"));
  console.log(
    `payload: .wasm ${kib(wasm.raw)} raw, ${kib(wasm.gzip)} gzip, ${kib(wasm.brotli)} brotli; ` +
      `with its JS ${kib(total.raw)} raw, ${kib(total.gzip)} gzip, ${kib(total.brotli)} brotli`,
  );

  header("targets");
  const table = (r.node.quote_price_table?.median_us ?? Number.NaN) / 1000;
  const tiered = (r.node.quote_price_table_tiered?.median_us ?? Number.NaN) / 1000;
  const instantiate = Math.max(r.cold.node.median_ms, r.chromium?.instantiate.median_ms ?? 0);
  console.log(
    `${check(r.node.quote_seat_change.median_us <= TARGETS.quote_node_median_us)} quote_seat_change ≤ 5 µs median in Node: ${us(r.node.quote_seat_change.median_us)}`,
  );
  console.log(
    `${check(table <= TARGETS.table_ms)} 1,000-row price table ≤ 1 ms: ${Number.isNaN(table) ? "– (no quote_price_table)" : ms(table)} (Node)`,
  );
  console.log(
    `${check(tiered <= TARGETS.table_ms)} the same with 10 graduated tiers ≤ 1 ms: ${Number.isNaN(tiered) ? "– (no tiers)" : ms(tiered)} (Node)`,
  );
  console.log(
    `${check(instantiate <= TARGETS.instantiate_ms)} instantiation ≤ 5 ms: ${ms(instantiate)} (the slower of Node and Chromium)`,
  );
  if (r.calculator) {
    console.log(
      `${check(r.calculator.median_ms <= TARGETS.calculator_ms)} calculator recompute within one frame (16.7 ms): ${ms(r.calculator.median_ms)} median (Chromium)`,
    );
  }
  console.log(
    `${check(total.gzip <= TARGETS.payload_gzip)} payload ≤ 64 KiB gzip: ${kib(total.gzip)} (${total.gzip} bytes)`,
  );
}

async function main() {
  const skipNative = process.argv.includes("--no-native");
  await buildIfNeeded();
  const r = {
    date: new Date().toISOString(),
    machine: { cpu: cpus()[0]?.model?.trim() ?? "?", cores: cpus().length, node: process.versions.node },
    size: measure(PKG),
  };
  header("Node");
  r.node = await node();
  r.cold = { node: nodeCold() };
  say(`quote_seat_change ${us(r.node.quote_seat_change.median_us)} median`);
  header("Chromium");
  try {
    r.chromium = await chromium();
    say(`quote_seat_change ${us(r.chromium.quote_seat_change.median_us)} median`);
  } catch (error) {
    say(`Chromium skipped: ${error.message.split("\n")[0]} (npm test installs it)`);
  }
  try {
    r.calculator = await calculator();
    say(`calculator: all curves in ${ms(r.calculator.median_ms)} median`);
  } catch (error) {
    say(`calculator skipped: ${error.message.split("\n")[0]}`);
  }
  if (!skipNative) {
    header("native (cargo bench --bench native)");
    r.native = await native();
  }
  report(r);
  mkdirSync(path(".artifacts"), { recursive: true });
  writeFileSync(path(".artifacts", "bench.json"), `${JSON.stringify(r, null, 2)}\n`);
  say(`figures written to ${join(ROOT, ".artifacts", "bench.json")}`);
}

if (isMain(import.meta.url)) {
  main().catch((error) => {
    console.error(`seatquote: ${error.message}`);
    process.exit(1);
  });
}
