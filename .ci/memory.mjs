// `npm run memory`: a million calls mixing valid and invalid requests
// through the built package (pkg/, `npm run build` first); prints the
// WebAssembly memory before, after the warm-up and at the end, and fails if
// it grew more than 1 MiB after the warm-up. `npm test` runs the same check
// with fewer calls (tests/js/memory.test.mjs).
//
//   npm run memory                 1,000,000 calls
//   npm run memory -- 5000000      another number

import { existsSync } from "node:fs";
import { path } from "./lib.mjs";

if (!existsSync(path("pkg", "node.js"))) {
  console.error("no build in pkg/: run `npm run build` first");
  process.exit(1);
}
// Imported by the package's own name: the repository resolves to its pkg/.
const { MAX_GROWTH, measure, report } = await import("../tests/js/memory.mjs");

const calls = Number(process.argv[2] ?? 1_000_000);
const result = await measure({ calls });
for (const line of report(result)) console.log(line);
const growth = result.end.memory - result.warm.memory;
const tableGrowth = result.end.table - result.warm.table;
if (growth > MAX_GROWTH || tableGrowth > 0) {
  console.error(
    `FAILED: memory grew by ${growth} bytes (at most ${MAX_GROWTH}), the externref table by ${tableGrowth}`,
  );
  process.exit(1);
}
console.log(`ok: memory flat (at most ${MAX_GROWTH / 1024 / 1024} MiB of growth allowed after the warm-up)`);
