// Installs whatever a fresh machine lacks, saying what it does: the wasm32
// target, the exact wasm-bindgen CLI, the npm dev dependencies and (for the
// browser tests) Debian's chromium + chromedriver. Every check is cheap, so
// `npm start` / `npm test` call this every time.
//
//   node .ci/setup.mjs            toolchain + npm dependencies
//   node .ci/setup.mjs --browser  … and chromium

import { existsSync, readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { ROOT, WASM_TARGET, isMain, path, probe, run, say } from "./lib.mjs";

export const CHROMIUM = "/usr/bin/chromium";
export const CHROMEDRIVER = "/usr/bin/chromedriver";

/**
 * Launches Debian's Chromium (or `$CHROMIUM`) headless through playwright-core,
 * as root and on a closed network: without the background-networking flags
 * its connections to Google's hosts are refused, many at a time.
 */
export async function launchChromium() {
  const playwright = await import("playwright-core");
  // A CommonJS module: its exports may only be on `default`.
  const { chromium } = playwright.chromium ? playwright : playwright.default;
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

export async function ensureRust() {
  if (!probe("cargo", ["--version"]) || !probe("rustup", ["--version"])) {
    throw new Error("Rust (cargo and rustup) is required: see https://rustup.rs");
  }
  const installed = probe("rustup", ["target", "list", "--installed"]) ?? "";
  if (!installed.split("\n").includes(WASM_TARGET)) {
    say(`installing the Rust target ${WASM_TARGET}`);
    await run("rustup", ["target", "add", WASM_TARGET]);
  }
}

/** The wasm-bindgen version in Cargo.lock: the CLI must be exactly this one. */
export function wasmBindgenVersion() {
  const lock = readFileSync(path("Cargo.lock"), "utf8");
  const match = lock.match(/\[\[package\]\]\nname = "wasm-bindgen"\nversion = "([^"]+)"/);
  if (!match) throw new Error("Cargo.lock has no wasm-bindgen package");
  return match[1];
}

/**
 * Makes sure `wasm-bindgen` and `wasm-bindgen-test-runner` of exactly the
 * locked version exist, and returns the directory that holds them. It is a
 * per-version cache outside the repository, so clones and CI runs on one
 * machine share it (the install compiles for ~2 minutes).
 */
export async function ensureWasmBindgen() {
  const version = wasmBindgenVersion();
  const cache = process.env.XDG_CACHE_HOME || join(homedir(), ".cache");
  const root = join(cache, "seatquote", `wasm-bindgen-cli-${version}`);
  const bin = join(root, "bin");
  const matches = (dir) =>
    probe(join(dir, "wasm-bindgen"), ["--version"])?.trim() === `wasm-bindgen ${version}` &&
    existsSync(join(dir, "wasm-bindgen-test-runner"));
  if (matches(bin)) return bin;
  // One already on PATH will do if it is the very same version.
  for (const dir of (process.env.PATH ?? "").split(":").filter(Boolean)) {
    if (matches(dir)) return dir;
  }
  say(`installing wasm-bindgen-cli ${version} into ${root} (compiles for about 2 minutes, once)`);
  // No --locked: the CLI's own lock file wants a webpki-roots release the
  // registry mirror lacks.
  await run("cargo", ["install", "wasm-bindgen-cli", "--version", `=${version}`, "--root", root]);
  if (!matches(bin)) throw new Error(`wasm-bindgen ${version} is still not in ${bin}`);
  return bin;
}

/** Installs the npm dev dependencies unless every pinned one is present. */
export async function ensureNodeModules() {
  const manifest = JSON.parse(readFileSync(path("package.json"), "utf8"));
  const missing = Object.entries(manifest.devDependencies ?? {}).filter(([name, version]) => {
    const file = path("node_modules", name, "package.json");
    return !existsSync(file) || JSON.parse(readFileSync(file, "utf8")).version !== version;
  });
  if (missing.length === 0) return;
  say(`installing npm dependencies (${missing.map(([n]) => n).join(", ")} missing or outdated)`);
  const lock = existsSync(path("package-lock.json"));
  await run("npm", [lock ? "ci" : "install", "--no-audit", "--no-fund"], { cwd: ROOT });
}

const majorOf = (text) => text?.match(/(\d+)\.\d+\.\d+/)?.[1];

/**
 * Debian's chromium and chromium-driver for the browser tests (the only
 * browser this machine kind can install: browser downloads are blocked).
 * Installed again when the two majors differ, which chromedriver refuses.
 */
export async function ensureChromium() {
  const browser = majorOf(probe(CHROMIUM, ["--version"], { stdio: ["ignore", "pipe", "ignore"] }));
  const driver = majorOf(probe(CHROMEDRIVER, ["--version"]));
  if (browser && driver && browser === driver) return;
  const packages = ["chromium", "chromium-driver"];
  say(`installing ${packages.join(" and ")} from Debian (apt-get, about 20 s)`);
  const asRoot = process.getuid?.() === 0;
  if (!asRoot && !probe("sudo", ["-n", "true"])) {
    throw new Error(`run as root, or install them yourself: apt-get install -y ${packages.join(" ")}`);
  }
  const sudo = (command, args) => (asRoot ? [command, args] : ["sudo", ["-n", command, ...args]]);
  const env = { DEBIAN_FRONTEND: "noninteractive" };
  await run(...sudo("apt-get", ["update"]), { env });
  await run(...sudo("apt-get", ["install", "-y", ...packages]), { env });
}

/** Everything the build needs. */
export async function ensureBuildTools() {
  await ensureRust();
  await ensureNodeModules();
  return ensureWasmBindgen();
}

if (isMain(import.meta.url)) {
  try {
    const bin = await ensureBuildTools();
    if (process.argv.includes("--browser")) await ensureChromium();
    say(`toolchain ready (wasm-bindgen in ${bin})`);
  } catch (error) {
    console.error(`seatquote: ${error.message}`);
    process.exit(1);
  }
}
