// WebAssembly memory under a long mix of valid and invalid calls: it may grow
// while the allocator warms up, then must stay flat. A leak of a few bytes
// per call (a string never freed, a JS value never dropped from the
// externref table) shows up as growth over a million calls.
//
// Used by tests/js/memory.test.mjs (inside `npm test`, fewer calls) and by
// .ci/memory.mjs (`npm run memory`, a million calls).

import { readFileSync } from "node:fs";
import * as seatquote from "seatquote";

/**
 * The package's own glue (pkg/seatquote.js, whose functions every entry
 * re-exports or carries), instantiated from the .wasm next to it, and the
 * instance's exports (`memory`, `__wbindgen_externrefs`). The calls go
 * through this glue, so that its instance is the one measured.
 */
export async function wasmExports() {
  const glueUrl = new URL("seatquote.js", import.meta.resolve("seatquote"));
  const glue = await import(glueUrl.href);
  if (typeof glue.initSync !== "function") {
    throw new Error(`${glueUrl} has no initSync(): the memory check needs wasm-bindgen's glue next to the entry`);
  }
  const exports = glue.initSync({ module: readFileSync(new URL("seatquote_bg.wasm", glueUrl)) });
  if (!(exports?.memory instanceof WebAssembly.Memory)) throw new Error("the module exports no memory");
  return { exports, glue };
}

const subscription = () => ({
  plan: {
    id: "business",
    allows_additional_seats: true,
    included_seats: 1,
    prices: { month: { base: "10.00", seat: "5.00" }, year: { base: "100.00", seat: "50.00" } },
  },
  interval: "month",
  billing_anchor: "2026-01-15",
  currency: "EUR",
  seats: 5,
  seats_in_use: 3,
  tax_rate: "0.19",
});

let deep = {};
for (let i = 0; i < 100; i += 1) deep = { a: deep };

/** `[function, ...arguments]`: answers, refusals and input errors of every kind. */
const ALL = [
  ["quote_seat_change", { subscription: subscription(), target_seats: 7, as_of: "2026-11-21" }],
  ["validate_cancellation", { subscription: subscription(), seats_to_cancel: 2, as_of: "2026-11-21" }],
  ["validate_cancellation", { subscription: subscription(), seats_to_cancel: 3, as_of: "2026-11-21", locale: "de" }],
  [
    "quote_seat_change",
    {
      subscription: { ...subscription(), interval: "year" },
      target_seats: 2,
      as_of: "2026-11-21",
      policy: { anchor: "reset", decrease: "immediate_credit" },
      actor: { role: "member" },
    },
  ],
  ["quote_seat_change", { subscription: subscription(), target_seats: 9 }], // as_of: today
  [
    "quote_seat_change",
    {
      subscription: subscription(),
      target_seats: 6,
      target_plan: { ...subscription().plan, id: "enterprise", name: "Enterprise", included_seats: 5, min_seats: 5 },
      target_interval: "year",
      as_of: "2026-11-21",
      locale: "de",
    },
  ],
  [
    "quote_price_table",
    { subscription: subscription(), target_seats: 5, target_interval: "year", as_of: "2026-11-21" },
    { from: 1, to: 12 },
  ],
  [
    "quote_seat_change",
    { subscription: subscription(), target_seats: 7, target_plan: { ...subscription().plan, id: "p".repeat(4096) } },
  ],
  ["quote_seat_change", { subscription: { ...subscription(), seats: 2.5 }, target_seats: 7, as_of: "2026-11-21" }],
  ["quote_seat_change", { subscription: subscription(), target_seats: 7, as_of: "2026-02-30" }],
  ["quote_seat_change", { subscription: { ...subscription(), seat_in_use: 1 }, target_seats: 7 }],
  ["validate_cancellation", { subscription: subscription(), seats_to_cancel: 10n }],
  ["quote_seat_change", { subscription: { ...subscription(), currency: "E".repeat(4096) }, target_seats: 7 }],
  ["quote_seat_change", { subscription: subscription(), target_seats: 7, policy: deep }],
  ["quote_seat_change", { subscription: subscription(), target_seats: 7, actor: new Map() }],
  [
    "quote_seat_change",
    Object.defineProperty({ subscription: subscription() }, "target_seats", {
      get() {
        throw new Error("hostile getter");
      },
      enumerable: true,
    }),
  ],
  ["validate_cancellation", { subscription: subscription(), seats_to_cancel: 99, as_of: "2026-11-21" }],
  ["quote_price_table", { subscription: subscription(), target_seats: 5, as_of: "2026-11-21" }, { from: 1, to: 12 }],
  ["quote_price_table", { subscription: subscription(), target_seats: 5, as_of: "2026-11-21" }, { from: 12, to: 1 }],
];
/** The mix, of the functions this build exports. */
export const MIX = ALL.filter(([fn]) => typeof seatquote[fn] === "function");

/**
 * Runs `calls` calls of the mix after `warmUp` calls, and returns the
 * figures: memory (bytes) initially, after the warm-up and at the end; the
 * externref table's length at the same points; calls per second.
 */
export async function measure({ calls, warmUp = 20_000 }) {
  const { exports: wasm, glue } = await wasmExports();
  const table = () => wasm.__wbindgen_externrefs?.length ?? 0;
  const run = (n) => {
    let answers = 0;
    for (let i = 0; i < n; i += 1) {
      const [fn, ...args] = MIX[i % MIX.length];
      try {
        glue[fn](...args);
        answers += 1;
      } catch (error) {
        if (error?.name !== "SeatQuoteError") throw error;
      }
    }
    return answers;
  };
  const initial = { memory: wasm.memory.buffer.byteLength, table: table() };
  run(warmUp);
  const warm = { memory: wasm.memory.buffer.byteLength, table: table() };
  const started = performance.now();
  const answers = run(calls);
  const seconds = (performance.now() - started) / 1000;
  const end = { memory: wasm.memory.buffer.byteLength, table: table() };
  return { calls, answers, initial, warm, end, seconds, perSecond: Math.round(calls / seconds) };
}

const MiB = 1024 * 1024;
/** The most the memory may grow after the warm-up, whatever the number of calls. */
export const MAX_GROWTH = 1 * MiB;

/** One line per figure, for the test log and the script. */
export function report(r) {
  const mib = (bytes) => `${(bytes / MiB).toFixed(2)} MiB`;
  return [
    `wasm memory: initial ${mib(r.initial.memory)}, after warm-up ${mib(r.warm.memory)}, after ${r.calls.toLocaleString("en")} calls ${mib(r.end.memory)} (growth ${r.end.memory - r.warm.memory} bytes)`,
    `externref table: initial ${r.initial.table}, after warm-up ${r.warm.table}, at the end ${r.end.table}`,
    `${r.calls.toLocaleString("en")} calls (${r.answers.toLocaleString("en")} answers, the rest input errors) in ${r.seconds.toFixed(1)} s: ${r.perSecond.toLocaleString("en")} calls/s`,
  ];
}
