// `npm test`: every test layer, in order, each under a header; stops at the
// first failure. Installs first what the selected layers need and is missing
// (.ci/setup.mjs; chromium only for the layers that start it).
//
//   npm test                     all layers
//   npm test -- js types         only these layers (after the setup), e.g.
//                                to rerun the JS tests against today's pkg/
//
// The JS layers run against the *packed* package installed into an empty
// project, as a user gets it; the summary at the end counts their tests.

import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "./build.mjs";
import { ROOT, WASM_TARGET, duration, header, paint, path, run, say } from "./lib.mjs";
import { CHROMEDRIVER, ensureChromium, ensureNodeModules, ensureRust, ensureWasmBindgen } from "./setup.mjs";
import { checkBudget, printSizes } from "./size.mjs";

const cargo = (args, env) => run("cargo", args, { env });

/** Shared between layers. */
const state = { bin: null, project: null, js: { pass: 0, fail: 0 } };

/** Counts `#[wasm_bindgen_test]` functions under src/: what must run. */
function wasmTestCount() {
  let count = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith(".rs"))
        count += readFileSync(file, "utf8").match(/^\s*#\[wasm_bindgen_test\]/gm)?.length ?? 0;
    }
  };
  walk(path("src"));
  return count;
}

/**
 * wasm-bindgen-test in one environment. A suite configured for the other
 * environment is skipped with exit code 0, so the runner's own report must
 * show every test of the sources as run and passed.
 */
async function wasmTests(env) {
  // The browser has no file system: the suite compiles the vectors in, file
  // by file. A vector file it does not name would silently go untested.
  const suite = readFileSync(path("src", "wasm", "tests.rs"), "utf8");
  const unnamed = readdirSync(path("tests", "vectors")).filter(
    (f) => f.endsWith(".json") && !suite.includes(`tests/vectors/${f}`),
  );
  if (unnamed.length > 0) throw new Error(`add ${unnamed.join(", ")} to VECTORS in src/wasm/tests.rs`);
  const expected = wasmTestCount();
  const output = await run("cargo", ["test", "--lib", "--target", WASM_TARGET], {
    capture: true,
    env: { CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: join(state.bin, "wasm-bindgen-test-runner"), ...env },
  });
  const passed = Number(output.match(/test result: ok\. (\d+) passed/)?.[1] ?? 0);
  if (expected === 0 || passed < expected) {
    throw new Error(`${passed} wasm tests passed, but the sources have ${expected}: some did not run`);
  }
  say(`${passed} of ${expected} wasm tests ran and passed`);
}

/** `node --test` with the spec reporter; adds its counts to the summary. */
async function nodeTests(files, { cwd, env }) {
  let output = "";
  try {
    output = await run(process.execPath, ["--test", "--test-reporter=spec", ...files], { cwd, env, capture: true });
  } catch (error) {
    output = error.output ?? "";
    throw error;
  } finally {
    state.js.pass += Number(output.match(/^ℹ pass (\d+)/m)?.[1] ?? 0);
    state.js.fail += Number(output.match(/^ℹ fail (\d+)/m)?.[1] ?? 0);
  }
}

// Each layer names what the setup must install for it (see setup() below):
// "rust" (cargo + the wasm32 target), "npm" (node_modules), "wasm-bindgen"
// (the CLI and test runner) and "chromium" (Debian's, through apt-get).
const LAYERS = [
  { id: "fmt", title: "cargo fmt --check", needs: ["rust"], run: () => cargo(["fmt", "--check"]) },
  {
    id: "lint",
    title: "JS format and lint (Biome)",
    needs: ["npm"],
    run: () => run(path("node_modules", ".bin", "biome"), ["ci", "--config-path", path(".ci", "biome.jsonc")]),
  },
  {
    id: "clippy",
    title: "clippy (native)",
    needs: ["rust"],
    run: () => cargo(["clippy", "--all-targets", "--", "-D", "warnings"]),
  },
  {
    id: "clippy-wasm",
    title: "clippy (wasm32)",
    needs: ["rust"],
    run: () => cargo(["clippy", "--all-targets", "--target", WASM_TARGET, "--", "-D", "warnings"]),
  },
  {
    id: "doc",
    title: "cargo doc",
    needs: ["rust"],
    run: () => cargo(["doc", "--no-deps"], { RUSTDOCFLAGS: "-D warnings" }),
  },
  // Also writes target/vector-outputs.json, which the JS layers compare with.
  { id: "cargo-test", title: "cargo test (native)", needs: ["rust"], run: () => cargo(["test"]) },
  {
    id: "build",
    title: "build the npm package (npm run build)",
    needs: ["rust", "npm", "wasm-bindgen"],
    run: () => build({ bin: state.bin }),
  },
  // What a browser downloads (.ci/size.mjs): fails over 64 KiB gzip.
  {
    id: "size",
    title: "browser payload: .wasm + JS, raw / gzip -9 / brotli",
    needs: [],
    run: () => checkBudget(printSizes()),
  },
  { id: "wasm-node", title: "wasm-bindgen-test in Node", needs: ["rust", "wasm-bindgen"], run: () => wasmTests({}) },
  {
    id: "wasm-chromium",
    title: "wasm-bindgen-test in headless Chromium",
    needs: ["rust", "wasm-bindgen", "chromium"],
    // .ci/webdriver.json passes chromium's path and flags.
    run: () =>
      wasmTests({
        WASM_BINDGEN_USE_BROWSER: "1",
        CHROMEDRIVER,
        WASM_BINDGEN_TEST_WEBDRIVER_JSON: path(".ci", "webdriver.json"),
      }),
  },
  { id: "pack", title: "npm pack, installed into an empty project", needs: [], run: packAndInstall },
  { id: "types", title: "TypeScript consumer (tsc --strict --noEmit)", needs: ["npm"], run: typeCheck },
  // tests/js/browser.test.mjs drives Debian's chromium through playwright-core.
  {
    id: "js",
    title: "JS tests against the installed package (Node, Chromium, Vite)",
    needs: ["npm", "chromium"],
    run: jsTests,
  },
  { id: "browser", title: "demo page tests (tests/browser)", needs: ["npm", "chromium"], run: pageTests },
  // tests/bundlers/run.mjs: an app built with each bundler and framework.
  {
    id: "bundlers",
    title: "the packed package in each bundler and test runner (tests/bundlers)",
    needs: ["npm", "chromium"],
    run: bundlerTests,
  },
];

async function packAndInstall() {
  if (!existsSync(path("pkg", "index.js"))) throw new Error("pkg/ is missing: run the build layer first");
  const project = mkdtempSync(join(tmpdir(), "seatquote-consumer-"));
  state.project = project;
  const output = await run("npm", ["pack", "--silent", "--pack-destination", project], { capture: true });
  const tarball = output.trim().split("\n").pop();
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "seatquote-consumer", private: true, type: "module" }, null, 2),
  );
  await run("npm", ["install", "--no-audit", "--no-fund", "--no-save", `./${tarball}`], { cwd: project });
  say(`installed ${tarball} into ${project}`);
}

function needProject() {
  if (!state.project) throw new Error("no installed package: the pack layer must run first");
  return state.project;
}

async function typeCheck() {
  const project = needProject();
  cpSync(path("tests", "types"), join(project, "types"), { recursive: true });
  const tsc = path("node_modules", ".bin", "tsc");
  const config = join(project, "types", "tsconfig.json");
  // As a bundler app with the DOM, and as a Node ESM project without it.
  await run(tsc, ["-p", config]);
  await run(tsc, ["-p", config, "--module", "nodenext", "--moduleResolution", "nodenext", "--lib", "es2022"]);
}

async function jsTests() {
  const project = needProject();
  cpSync(path("tests", "js"), join(project, "test"), { recursive: true });
  const files = readdirSync(join(project, "test"))
    .filter((f) => f.endsWith(".test.mjs"))
    .map((f) => join("test", f));
  await nodeTests(files, { cwd: project, env: { SEATQUOTE_REPO: ROOT } });
}

/**
 * Installs the tools of tests/bundlers from its lock file (again only when
 * the lock file changed), unpacks the packed package into its node_modules
 * and runs every case.
 */
async function bundlerTests() {
  const project = needProject();
  const dir = path("tests", "bundlers");
  const lock = readFileSync(join(dir, "package-lock.json"), "utf8");
  const stamp = join(dir, "node_modules", ".seatquote-lock");
  if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== lock) {
    await run("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir });
    writeFileSync(stamp, lock);
  }
  const tarball = readdirSync(project).find((f) => f.endsWith(".tgz"));
  const target = join(dir, "node_modules", "seatquote");
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  await run("tar", ["-xzf", join(project, tarball), "-C", target, "--strip-components=1"]);
  await run(process.execPath, [join(dir, "run.mjs")], { cwd: dir });
}

async function pageTests() {
  const dir = path("tests", "browser");
  const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith(".test.mjs")) : [];
  if (files.length === 0) return say("no tests/browser/*.test.mjs yet");
  await nodeTests(
    files.map((f) => join("tests", "browser", f)),
    { cwd: ROOT, env: { CHROMIUM: "/usr/bin/chromium" } },
  );
}

async function main() {
  const only = process.argv.slice(2);
  const unknown = only.filter((name) => !LAYERS.some(({ id }) => id === name));
  if (unknown.length > 0) {
    console.error(`unknown layer ${unknown.join(", ")}; layers: ${LAYERS.map(({ id }) => id).join(" ")}`);
    process.exit(2);
  }
  const selected = LAYERS.filter(({ id }) => only.length === 0 || only.includes(id));
  // The JS layers need an installed package.
  const packed = ({ id }) => id === "types" || id === "js" || id === "bundlers";
  if (selected.some(packed) && !selected.some(({ id }) => id === "pack")) {
    selected.splice(
      selected.findIndex(packed),
      0,
      LAYERS.find(({ id }) => id === "pack"),
    );
  }

  const timings = [];
  const started = Date.now();
  let failed = null;
  const setupLayer = { id: "setup", title: "setup: install what is missing", run: () => setup(selected) };
  for (const { id, title, run: layer } of [setupLayer, ...selected]) {
    header(title);
    const t0 = Date.now();
    try {
      await layer();
      timings.push([id, Date.now() - t0, "ok"]);
    } catch (error) {
      timings.push([id, Date.now() - t0, "FAILED"]);
      failed = { id, error };
      break;
    }
  }

  header("summary");
  for (const [id, ms, status] of timings) {
    console.log(`${status === "ok" ? paint(32, "ok    ") : paint(31, "FAILED")} ${id.padEnd(14)} ${duration(ms)}`);
  }
  console.log(`total ${duration(Date.now() - started)}`);
  const { pass, fail } = state.js;
  if (pass + fail > 0) console.log(`JS tests: ${pass} passed, ${fail} failed`);
  if (failed) {
    console.error(paint(31, `\nnpm test failed at "${failed.id}": ${failed.error.message}`));
    if (state.project) console.error(`the installed package is kept in ${state.project}`);
    process.exit(1);
  }
  if (state.project) rmSync(state.project, { recursive: true, force: true });
}

/** Installs only what the selected layers declare in `needs`. */
async function setup(selected) {
  const needs = new Set(selected.flatMap((layer) => layer.needs));
  if (needs.has("rust")) await ensureRust();
  if (needs.has("npm")) await ensureNodeModules();
  if (needs.has("wasm-bindgen")) state.bin = await ensureWasmBindgen();
  if (needs.has("chromium")) await ensureChromium();
  say(`ready for ${selected.map(({ id }) => id).join(" ")} (${[...needs].join(", ") || "nothing to install"})`);
}

await main();
