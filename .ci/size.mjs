// The size of what a browser downloads: the .wasm and the JS modules it
// imports (pkg/index.js and the glue pkg/seatquote.js, into which the build
// inlines src/wasm/boundary.js), raw, gzip -9 and brotli -11.
//
//   node .ci/size.mjs          prints the table for today's pkg/
//
// The budget is on the gzip total: a marketing page serves it gzipped at
// least, and brotli only helps.

import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { isMain, path, say } from "./lib.mjs";

/** The budget of the browser payload, gzip -9, in bytes. */
export const BUDGET_GZIP = 64 * 1024;

/** What a browser fetches from pkg/, in the order it fetches it. */
export const BROWSER_FILES = ["index.js", "seatquote.js", "seatquote_bg.wasm"];

/** `[{ file, raw, gzip, brotli }]` for each browser file and the total. */
export function measure(pkg = path("pkg")) {
  const rows = BROWSER_FILES.map((file) => {
    const full = join(pkg, file);
    if (!existsSync(full)) throw new Error(`${full} is missing: run npm run build`);
    const bytes = readFileSync(full);
    return {
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }).length,
    };
  });
  const total = { file: "total", raw: 0, gzip: 0, brotli: 0 };
  for (const row of rows) for (const key of ["raw", "gzip", "brotli"]) total[key] += row[key];
  return [...rows, total];
}

const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;

/** Prints the table; returns the total row. */
export function printSizes(rows = measure()) {
  console.log(`${"file".padEnd(22)} ${"raw".padStart(11)} ${"gzip -9".padStart(11)} ${"brotli".padStart(11)}`);
  for (const { file, raw, gzip, brotli } of rows) {
    console.log(`${file.padEnd(22)} ${kib(raw).padStart(11)} ${kib(gzip).padStart(11)} ${kib(brotli).padStart(11)}`);
  }
  const total = rows.at(-1);
  say(`browser payload ${kib(total.gzip)} gzip of a ${kib(BUDGET_GZIP)} budget (${total.gzip} bytes)`);
  return total;
}

/** Throws when the gzip total is over budget. */
export function checkBudget(total) {
  if (total.gzip > BUDGET_GZIP) {
    throw new Error(
      `the browser payload is ${kib(total.gzip)} gzip (${total.gzip} bytes), over its ${kib(BUDGET_GZIP)} budget by ${total.gzip - BUDGET_GZIP} bytes`,
    );
  }
}

if (isMain(import.meta.url)) {
  try {
    checkBudget(printSizes());
  } catch (error) {
    console.error(`seatquote: ${error.message}`);
    process.exit(1);
  }
}
