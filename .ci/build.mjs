// `npm run build`: the npm package in pkg/.
//
//   cargo build --release (wasm32) → wasm-bindgen --target web → wasm-opt -O3
//   (binaryen from npm, never Debian's, whose wasm-opt writes modules that fail to load) → two small entries
//   that share the one .wasm:
//
//   pkg/index.js   browsers and bundlers: instantiates with top-level await
//                  from `new URL("./seatquote_bg.wasm", import.meta.url)`,
//                  the form Vite, webpack and Rollup recognise as an asset;
//   pkg/inline.js  Node, dev servers (the `development` condition) and the
//   pkg/inline.cjs `seatquote/inline` subpath: the .wasm inside, as base64,
//                  compiled synchronously (no file to fetch or read);
//   pkg/node.js    instantiates synchronously from the file: for
//                  .ci/bench.mjs and .ci/memory.mjs only (not shipped);
//   pkg/index.d.ts the types of all (and index.d.cts for require()): src/wasm/seatquote.d.ts, the file the
//                  glue's .d.ts embeds (typescript_custom_section).
//
// The JS half of the boundary (src/wasm/boundary.js and the generated
// src/wasm/wire.generated.js, which wasm-bindgen copies to pkg/snippets/)
// is inlined into the glue, so that a browser
// fetches two modules before the .wasm, not three; then the glue is
// minified (oxc, through the dev dependency rolldown): it is a third of
// the JS a page downloads otherwise, and nobody reads pkg/.
//
// Prints the browser payload (.ci/size.mjs) and fails over its budget.

import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { WASM_TARGET, duration, isMain, path, run, say } from "./lib.mjs";
import { ensureBuildTools } from "./setup.mjs";
import { checkBudget, measure } from "./size.mjs";

const CRATE = "seatquote";
export const PKG = path("pkg");

export async function build({ bin } = {}) {
  const started = Date.now();
  bin ??= await ensureBuildTools();
  await run("cargo", ["build", "--release", "--lib", "--target", WASM_TARGET]);

  rmSync(PKG, { recursive: true, force: true });
  const wasmIn = path("target", WASM_TARGET, "release", `${CRATE}.wasm`);
  await run(join(bin, "wasm-bindgen"), [
    "--target",
    "web",
    "--remove-name-section",
    "--remove-producers-section",
    "--out-dir",
    PKG,
    "--out-name",
    CRATE,
    wasmIn,
  ]);
  const wasm = join(PKG, `${CRATE}_bg.wasm`);
  // Not on PATH on purpose: a Debian wasm-opt there writes broken modules.
  // -O3 to match the crate's opt-level 3 (Cargo.toml): -Oz saves nothing
  // on a module LLVM already optimised for speed. --low-memory-unused lets
  // it fold constant offsets into loads and stores: Rust puts the 1 MiB
  // stack first and the stack grows down, so the lowest KiB is only reached
  // by a stack about to overflow (0.3 KB gzip). --converge repeats -O3 while
  // it still shrinks the module (0.07 KB, a few seconds). The
  // target_features section only guides linkers, and wasm-bindgen has run.
  await run(path("node_modules", ".bin", "wasm-opt"), [
    "-O3",
    "--low-memory-unused",
    "--converge",
    "--strip-target-features",
    wasm,
    "-o",
    wasm,
  ]);
  inlineSnippets();
  writeEntries();
  await minifyGlue();
  await writeInlineEntries();
  const total = measure(PKG).at(-1);
  say(`built pkg/ in ${duration(Date.now() - started)}; browser payload ${total.raw} bytes, ${total.gzip} gzip`);
  checkBudget(total);
  return total;
}

/**
 * Replaces the glue's imports of the JS half of the boundary — wasm-bindgen
 * copies src/wasm/boundary.js and src/wasm/wire.generated.js to
 * pkg/snippets/ — by the files themselves, each wrapped in a function so
 * that its names cannot clash with the glue's or the other file's. An import
 * of one file by the other becomes a read of the first one's exports.
 */
function inlineSnippets() {
  const gluePath = join(PKG, `${CRATE}.js`);
  let glue = readFileSync(gluePath, "utf8");
  const snippetImport = /^import (\{[^}]*\}|\* as (\w+)) from ["'](\.\/snippets\/[^"']+)["'];?\n/gm;
  const found = [...glue.matchAll(snippetImport)];
  if (found.length === 0) return;
  // In the order they may import each other.
  const order = ["boundary.js", "wire.generated.js"];
  const files = new Set(found.map((m) => m[3].split("/").pop()));
  const unexpected = [...files].filter((f) => !order.includes(f));
  if (unexpected.length > 0) throw new Error(`unexpected snippets in the glue: ${unexpected.join(", ")}`);
  const localImport = /^import (\{[^}]*\}) from "\.\/([\w.]+)";\n/gm;
  let inlined = "";
  const namespaces = new Map();
  for (const file of order) {
    const source = readFileSync(path("src", "wasm", file), "utf8");
    const exported = [...source.matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
    if (/^export (?!function )/m.test(source)) {
      throw new Error(`src/wasm/${file} may only export functions (the build inlines it)`);
    }
    const namespace = `__seatquote_${file.replace(/\W/g, "_")}`;
    // Its comments stay in src/: whole-line ones are dropped from the payload.
    const body = source
      .replace(/^[ \t]*\/\*\*[\s\S]*?\*\/[ \t]*\n/gm, "")
      .replace(/^[ \t]*\/\/.*\n/gm, "")
      .replace(localImport, (_, names, from) => {
        if (!namespaces.has(from)) throw new Error(`src/wasm/${file} imports ${from}, which is not inlined before it`);
        return `const ${names} = ${namespaces.get(from)};\n`;
      })
      .replace(/^export function /gm, "function ");
    inlined += `const ${namespace} = (() => {\n${body}\nreturn { ${exported.join(", ")} };\n})();\n`;
    namespaces.set(file, namespace);
  }
  // What the glue imported, under the names it imported it by.
  for (const [, named, star, from] of found) {
    const namespace = namespaces.get(from.split("/").pop());
    inlined += star ? `const ${star} = ${namespace};\n` : `const ${named} = ${namespace};\n`;
  }
  glue = glue.replace(snippetImport, "");
  // After the first line, wasm-bindgen's `@ts-self-types` comment.
  const firstLineEnd = glue.indexOf("\n") + 1;
  glue = glue.slice(0, firstLineEnd) + inlined + glue.slice(firstLineEnd);
  writeFileSync(gluePath, glue);
  rmSync(join(PKG, "snippets"), { recursive: true, force: true });
}

/** Minifies pkg/seatquote.js in place (its exports keep their names). */
async function minifyGlue() {
  const { minifySync } = await import("rolldown/experimental");
  const gluePath = join(PKG, `${CRATE}.js`);
  const { code, errors } = minifySync(`${CRATE}.js`, readFileSync(gluePath, "utf8"), {
    module: true,
    compress: true,
    mangle: true,
  });
  if (errors.length > 0) throw new Error(`minifying the glue: ${errors.map((e) => e.message).join("; ")}`);
  writeFileSync(gluePath, code);
}

/** Writes the entries; their export lists are read from what was generated. */
function writeEntries() {
  const glue = readFileSync(join(PKG, `${CRATE}.js`), "utf8");
  const functions = [...glue.matchAll(/^export function (\w+)/gm)]
    .map((m) => m[1])
    .filter((name) => name !== "initSync");
  const types = readFileSync(path("src", "wasm", "seatquote.d.ts"), "utf8");
  // The custom section must have carried the declarations into the glue,
  // and every export needs its declaration.
  // (wasm-bindgen re-indents it, hence the comparison without whitespace.)
  const squeeze = (text) => text.replace(/\s+/g, "");
  if (!squeeze(readFileSync(join(PKG, `${CRATE}.d.ts`), "utf8")).includes(squeeze(types))) {
    throw new Error(`pkg/${CRATE}.d.ts lacks src/wasm/seatquote.d.ts: is the typescript_custom_section gone?`);
  }
  const undeclared = functions.filter((f) => !types.includes(`export function ${f}(`));
  if (undeclared.length > 0 || !functions.includes("quote_seat_change")) {
    throw new Error(`src/wasm/seatquote.d.ts does not declare: ${undeclared.join(", ") || "quote_seat_change"}`);
  }
  const reexport = `export { ${functions.join(", ")} } from "./${CRATE}.js";\n`;
  const note = "// Generated by .ci/build.mjs.\n";

  writeFileSync(
    join(PKG, "index.js"),
    `${note}\
// Browser and bundler entry: the module is instantiated once, on import,
// so the functions can be called right away.
import init from "./${CRATE}.js";

await init({ module_or_path: new URL("./${CRATE}_bg.wasm", import.meta.url) });

${reexport}`,
  );

  writeFileSync(
    join(PKG, "node.js"),
    `${note}\
// Node entry: compiled synchronously from the file next to this one
// (Node's fetch cannot read file: URLs).
import { readFileSync } from "node:fs";
import { initSync } from "./${CRATE}.js";

initSync({ module: readFileSync(new URL("./${CRATE}_bg.wasm", import.meta.url)) });

${reexport}`,
  );

  // The declarations of both entries: src/wasm/seatquote.d.ts itself. Not
  // a re-export of the glue's .d.ts, which also declares the init functions
  // with DOM types (RequestInfo, Response) that the entries do not export
  // and a Node project without the DOM lib cannot resolve.
  writeFileSync(join(PKG, "index.d.ts"), `${note}${types}`);
  // The same for require(): TypeScript reads a .d.cts as CommonJS.
  writeFileSync(join(PKG, "index.d.cts"), `${note}${types}`);
}

/**
 * pkg/inline.js (ESM) and pkg/inline.cjs (CommonJS): the glue with the .wasm
 * inside, as base64, compiled synchronously on import. For wherever no file
 * can be fetched or read next to the module: Node (also bundled, as in a
 * framework's server rendering), `require()` and Jest, dev servers that
 * pre-bundle dependencies elsewhere, and tools that do not emit assets.
 * About 21 KiB gzip heavier than the browser entry, so never the default
 * entry of a browser build.
 */
async function writeInlineEntries() {
  const { build: bundle } = await import("rolldown");
  const base64 = readFileSync(join(PKG, `${CRATE}_bg.wasm`)).toString("base64");
  const entry = join(PKG, "inline-entry.js");
  writeFileSync(
    entry,
    `import { initSync } from "./${CRATE}.js";
const text = atob("${base64}");
const bytes = new Uint8Array(text.length);
for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
initSync({ module: bytes });
export { quote_price_table, quote_seat_change, validate_cancellation } from "./${CRATE}.js";
`,
  );
  try {
    for (const [format, file] of [
      ["esm", "inline.js"],
      ["cjs", "inline.cjs"],
    ]) {
      await bundle({
        input: entry,
        logLevel: "silent",
        output: { file: join(PKG, file), format, minify: true, banner: "// Generated by .ci/build.mjs." },
      });
      if (readFileSync(join(PKG, file), "utf8").includes("import.meta")) {
        throw new Error(`pkg/${file} still reads import.meta: the fetching loader was not tree-shaken away`);
      }
    }
  } finally {
    rmSync(entry, { force: true });
  }
}

if (isMain(import.meta.url)) {
  build().catch((error) => {
    console.error(`seatquote: ${error.message}`);
    process.exit(1);
  });
}
