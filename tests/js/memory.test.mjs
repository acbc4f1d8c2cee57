// Memory stays flat: a long mix of valid and invalid calls must not grow the
// WebAssembly memory (beyond 1 MiB after the warm-up) or the table of JS
// values held by the module. `npm test` makes 200,000 calls;
// `npm run memory` makes a million (SEATQUOTE_MEMORY_CALLS to change here).

import assert from "node:assert/strict";
import { test } from "node:test";
import { MAX_GROWTH, measure, report } from "./memory.mjs";

const CALLS = Number(process.env.SEATQUOTE_MEMORY_CALLS ?? 200_000);

test(`wasm memory stays flat over ${CALLS.toLocaleString("en")} valid and invalid calls`, async (t) => {
  const result = await measure({ calls: CALLS });
  for (const line of report(result)) t.diagnostic(line);
  assert.ok(result.answers > 0 && result.answers < CALLS, "the mix has answers and errors");
  assert.ok(
    result.end.memory - result.warm.memory <= MAX_GROWTH,
    `memory grew by ${result.end.memory - result.warm.memory} bytes after the warm-up`,
  );
  assert.ok(
    result.end.table - result.warm.table <= 0,
    `the externref table grew from ${result.warm.table} to ${result.end.table}`,
  );
});
