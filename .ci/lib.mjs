// Small helpers shared by the project scripts. No dependencies: these run
// before `npm ci` on a fresh machine.

import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath, pathToFileURL } from "node:url";
import { dirname, join } from "node:path";

/** The repository root. */
export const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
export const WASM_TARGET = "wasm32-unknown-unknown";

// Colour only for a terminal that wants it.
const COLOR = process.stdout.isTTY && !process.env.NO_COLOR;
export const paint = (code, text) => (COLOR ? `\x1b[${code}m${text}\x1b[0m` : text);

/** Prints a step the user should see, e.g. "seatquote: installing …". */
export function say(message) {
  console.log(`${paint(36, "seatquote:")} ${message}`);
}

/** A section header for a test layer. */
export function header(title) {
  const line = "─".repeat(Math.max(0, 72 - title.length - 4));
  console.log(`\n${paint(1, `── ${title} ${line}`)}`);
}

/** Echoes a command line before it runs, so every step can be re-run by hand. */
function show(command, args, env) {
  const vars = Object.entries(env ?? {})
    .map(([k, v]) => `${k}=${v} `)
    .join("");
  console.log(paint(2, `$ ${vars}${[command, ...args].join(" ")}`));
}

/**
 * Runs a command with inherited output; rejects when it fails.
 * With `capture: true` the output is also collected (and still shown), for
 * runners whose summary we must read: resolves to stdout; a failure's
 * `error.output` has stdout and stderr.
 */
export function run(command, args = [], { cwd = ROOT, env, capture = false, quiet = false } = {}) {
  if (!quiet) show(command, args, env);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: capture ? ["ignore", "pipe", "pipe"] : "inherit",
    });
    let stdout = "";
    let both = "";
    if (capture) {
      child.stdout.on("data", (d) => {
        stdout += d;
        both += d;
        process.stdout.write(d);
      });
      child.stderr.on("data", (d) => {
        both += d;
        process.stderr.write(d);
      });
    }
    child.on("error", reject);
    child.on("close", (code, signal) => {
      if (code === 0) return resolve(stdout);
      const error = new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`);
      error.output = both;
      reject(error);
    });
  });
}

/** Runs a command quietly and returns its stdout, or null when it cannot run. */
export function probe(command, args = [], options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", ...options });
  return result.status === 0 ? result.stdout : null;
}

/** Formats milliseconds as "1.2 s" / "2 min 05 s". */
export function duration(ms) {
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(1)} s`;
  return `${Math.floor(s / 60)} min ${String(Math.round(s % 60)).padStart(2, "0")} s`;
}

export const path = (...parts) => join(ROOT, ...parts);

/** True when the module at `url` is the script node was started with. */
export const isMain = (url) => process.argv[1] && url === pathToFileURL(process.argv[1]).href;
