// Shared helpers of the JS tests. The tests run inside a throw-away project
// that installed the packed tarball (.ci/test.mjs copies tests/js there),
// so `import "seatquote"` is the published package, not the working tree.
// SEATQUOTE_REPO points back at the repository for the shared vectors, the
// native outputs and the dev tools (playwright-core, vite).

import { existsSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export const REPO = process.env.SEATQUOTE_REPO;
if (!REPO) throw new Error("SEATQUOTE_REPO is not set: run the JS tests through `npm test`");

/** Every vector file: `[{ file, cases }]`, sorted like the native runner. */
export function loadVectors() {
  const dir = join(REPO, "tests", "vectors");
  return readdirSync(dir)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => ({
      file: name.replace(/\.json$/, ""),
      cases: JSON.parse(readFileSync(join(dir, name), "utf8")).cases,
    }));
}

/** `{ "<file>/<name>": output }` written by the native `cargo test`. */
export function nativeOutputs() {
  const file = join(REPO, "target", "vector-outputs.json");
  if (!existsSync(file)) {
    throw new Error(`${file} is missing: the native layer (cargo test) writes it`);
  }
  return JSON.parse(readFileSync(file, "utf8"));
}

/**
 * Calls the function a vector names and returns what the native runner
 * records: the answer, or `{ error: { code, path, message } }`. Anything
 * thrown that is not a SeatQuoteError is rethrown: it is a bug.
 */
export function runCase(seatquote, vector) {
  const fn = seatquote[vector.function];
  if (typeof fn !== "function") throw new Error(`unknown function ${vector.function}`);
  try {
    return fn(vector.request);
  } catch (error) {
    if (error?.name !== "SeatQuoteError") throw error;
    return { error: { code: error.code, path: error.path, message: error.message } };
  }
}

/**
 * The vectors' rule (as tests/vectors.rs): every key of `expected` must
 * match; arrays match in length and element by element. Returns the list of
 * problems, empty when it matches.
 */
export function subsetProblems(expected, actual, path = "", problems = []) {
  const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
  if (isObject(expected) && isObject(actual)) {
    for (const [key, value] of Object.entries(expected)) {
      if (key in actual) subsetProblems(value, actual[key], `${path}.${key}`, problems);
      else problems.push(`${path}.${key}: missing in the answer`);
    }
  } else if (Array.isArray(expected) && Array.isArray(actual) && expected.length === actual.length) {
    for (const [i, value] of expected.entries()) subsetProblems(value, actual[i], `${path}[${i}]`, problems);
  } else if (JSON.stringify(expected) !== JSON.stringify(actual)) {
    problems.push(`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
  return problems;
}

/** Problems of one vector's answer against its `expect` or `error`. */
export function vectorProblems(vector, output) {
  if (vector.error) {
    if (!output?.error) return [`expected an error, got ${JSON.stringify(output).slice(0, 200)}`];
    const { code, path, message_contains: part } = vector.error;
    const problems = subsetProblems({ code, path }, output.error, "error");
    if (part && !output.error.message.includes(part)) {
      problems.push(`error.message ${JSON.stringify(output.error.message)} lacks ${JSON.stringify(part)}`);
    }
    return problems;
  }
  if (output?.error) return [`unexpected error ${JSON.stringify(output.error)}`];
  return subsetProblems(vector.expect, output);
}

/** Imports a dev dependency of the repository (not of the test project). */
export async function fromRepo(specifier) {
  const resolved = createRequire(join(REPO, "package.json")).resolve(specifier);
  return import(pathToFileURL(resolved).href);
}

/** Debian's chromium (or `$CHROMIUM`) through playwright-core, as the repository's .ci/setup.mjs launches it. */
export async function launchChromium() {
  const setup = await import(pathToFileURL(join(REPO, ".ci", "setup.mjs")).href);
  return setup.launchChromium();
}

/** The local calendar date of `date`, "YYYY-MM-DD" (not toISOString: UTC). */
export function localDate(date = new Date()) {
  const pad = (n, width = 2) => String(n).padStart(width, "0");
  return `${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** rules §8.1 as a request. */
export function business(overrides = {}) {
  return {
    subscription: {
      plan: {
        id: "business",
        allows_additional_seats: true,
        included_seats: 1,
        prices: { month: { base: "10.00", seat: "5.00" }, year: { base: "100.00", seat: "50.00" } },
      },
      interval: "month",
      billing_anchor: "2026-01-15",
      currency: "EUR",
      seats: 3,
      seats_in_use: 3,
    },
    target_seats: 5,
    as_of: "2026-11-21",
    ...overrides,
  };
}
