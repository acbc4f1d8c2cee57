// Hostile input never breaks a quote (rules §7), proven through the installed
// package with seeded random requests (fast-check):
//
// * a valid request (every shared vector) with the value at one random path
//   replaced by a random or adversarial one — wrong types, NaN, ±Infinity,
//   -0, 2^53, BigInt, Date, Map, symbols, functions, proxies, throwing
//   getters, cycles, deep nesting, 1 MB strings, impossible dates, number
//   strings such as "1_000" or "5,00" — must give no WebAssembly trap; every
//   throw is a SeatQuoteError whose `path` names the replaced field (a path
//   inside it for an object; the object holding it for a throwing getter);
//   a value the limits refuse (an oracle written here, from rules §7 and the
//   README, independently of the engine) is never accepted; and a valid one
//   is refused only by a rule between fields that really is broken;
// * an unknown field at any depth is refused at its own path;
// * the same request in another JavaScript shape (frozen, proxied,
//   null-prototype, getters, numbers for amounts, null for omitted fields)
//   gives the very same answer;
// * after every few mutations a known vector still gives its full native
//   answer: the module keeps working.
//
// Every run prints its seed. To replay or to fuzz longer:
//   SEATQUOTE_FUZZ_SEED=1234 npm test -- js
//   SEATQUOTE_FUZZ_RUNS=100000 npm test -- js     (runs of the main property)

import assert from "node:assert/strict";
import { test } from "node:test";
import * as seatquote from "seatquote";
import { fromRepo, loadVectors, localDate, nativeOutputs } from "./support.mjs";

const fcModule = await fromRepo("fast-check");
const fc = fcModule.default ?? fcModule;

const SEED = Number(process.env.SEATQUOTE_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const RUNS = Number(process.env.SEATQUOTE_FUZZ_RUNS ?? 3000);
assert.ok(Number.isSafeInteger(SEED) && Number.isSafeInteger(RUNS), "SEATQUOTE_FUZZ_SEED and _RUNS are integers");
/** How often (in mutations) a known vector is re-checked against its native answer. */
const CANARY_EVERY = 25;

const native = nativeOutputs();
const vectors = loadVectors().flatMap(({ file, cases }) => cases.map((c) => ({ ...c, key: `${file}/${c.name}` })));
/** Valid requests of both functions: the starting points of every mutation. */
const bases = vectors.filter((v) => !v.error);
assert.ok(bases.some((v) => v.function === "validate_cancellation") && bases.length > 50);

// ------------------------------------------------------------ the schema

const COUNT = "count";
const AMOUNT = "amount";
const DATE = "date";
const BOOL = "bool";
/** A plan's id or name: a string of at most 200 characters (code points). */
const NAME = "name";
const CURRENCY = "currency";
const OBJECT = "object";
const ENUM = "enum";
const TIERS = "tiers";

const field = (kind, required = false, extra = {}) => ({ kind, required, ...extra });
const choice = (required, ...values) => ({ kind: ENUM, required, values });
/** `template`: what a missing optional object is created as before a field inside it is set. */
const object = (required, template) => ({ kind: OBJECT, required, template });

const PRICE = { base: "1.00", seat: "1.00" };

/** A whole valid plan: what a missing `target_plan` is created as before a field inside it is set. */
const TARGET_PLAN = {
  id: "fuzz-target",
  name: "Fuzz",
  allows_additional_seats: true,
  prices: { month: { ...PRICE }, year: { ...PRICE } },
};

/** The fields of a plan read at `at`. */
function planFields(at, required) {
  return [
    [at, object(required, TARGET_PLAN)],
    [`${at}.id`, field(NAME, true)],
    [`${at}.name`, field(NAME)],
    [`${at}.allows_additional_seats`, field(BOOL, true)],
    [`${at}.included_seats`, field(COUNT)],
    [`${at}.min_seats`, field(COUNT)],
    [`${at}.max_seats`, field(COUNT)],
    [`${at}.prices`, object(true)],
    [`${at}.prices.month`, object(false, PRICE)],
    [`${at}.prices.month.base`, field(AMOUNT, true)],
    [`${at}.prices.month.seat`, field(AMOUNT)],
    [`${at}.prices.month.tiers_mode`, choice(false, "graduated", "volume")],
    [`${at}.prices.month.tiers`, field(TIERS)],
    [`${at}.prices.year`, object(false, PRICE)],
    [`${at}.prices.year.base`, field(AMOUNT, true)],
    [`${at}.prices.year.seat`, field(AMOUNT)],
    [`${at}.prices.year.tiers_mode`, choice(false, "graduated", "volume")],
    [`${at}.prices.year.tiers`, field(TIERS)],
  ];
}

/** Every field of a request (the TypeScript types), by path. */
function schemaOf(fn) {
  const quote = fn === "quote_seat_change";
  return new Map([
    ["subscription", object(true)],
    ...planFields("subscription.plan", true),
    ["subscription.interval", choice(true, "month", "year")],
    ["subscription.billing_anchor", field(DATE, true)],
    ["subscription.currency", field(CURRENCY, true)],
    ["subscription.seats", field(COUNT, true)],
    ["subscription.seats_in_use", field(COUNT, true)],
    ["subscription.pending_cancellations", field(COUNT)],
    ["subscription.status", choice(false, "active", "trial_expired", "canceled")],
    ["subscription.tax_rate", field(AMOUNT)],
    ["subscription.prices_include_tax", field(BOOL)],
    ...(quote
      ? [
          ["target_seats", field(COUNT, true)],
          ...planFields("target_plan", false),
          ["target_interval", choice(false, "month", "year")],
        ]
      : [["seats_to_cancel", field(COUNT, true)]]),
    ["as_of", field(DATE)],
    ["actor", object(false, { role: "admin" })],
    ["actor.role", choice(true, "owner", "admin", "billing_admin", "member")],
    ["policy", object(false, {})],
    ["policy.proration", choice(false, "daily", "full", "none")],
    ["policy.placement", choice(false, "threshold", "immediate", "next_invoice")],
    ["policy.threshold_days", field(COUNT)],
    ["policy.decrease", choice(false, "end_of_term", "immediate_credit")],
    ["policy.anchor", choice(false, "keep", "reset")],
    ["policy.rounding", choice(false, "half_away_from_zero", "half_even")],
    ["locale", choice(false, "en", "de")],
  ]);
}
const SCHEMAS = {
  quote_seat_change: schemaOf("quote_seat_change"),
  validate_cancellation: schemaOf("validate_cancellation"),
};

const parentOf = (path) => (path.includes(".") ? path.slice(0, path.lastIndexOf(".")) : "");
const keyOf = (path) => path.slice(path.lastIndexOf(".") + 1);
const join = (parent, key) => (parent === "" ? key : `${parent}.${key}`);
/** The field names an object at `path` may have. */
const knownKeys = (schema, path) => [...schema.keys()].filter((p) => p !== path && parentOf(p) === path).map(keyOf);

/**
 * Valid values that other fields can still refuse: the paths such an error
 * may name besides the field itself (rules §7's rules between fields).
 */
const PRICE_PATHS = [
  "subscription.plan.prices.month",
  "subscription.plan.prices.year",
  "target_plan.prices.month",
  "target_plan.prices.year",
];
/** A plan whose id is the current plan's must equal it: any field of either plan can break that. */
const PLAN_FIELD_RULES = ["target_plan", ...PRICE_PATHS];
const CROSS_FIELD = {
  "subscription.seats": ["subscription.seats_in_use", "subscription.pending_cancellations", "seats_to_cancel"],
  "subscription.seats_in_use": ["subscription.pending_cancellations"],
  "subscription.pending_cancellations": ["seats_to_cancel"],
  "subscription.plan.included_seats": ["subscription.plan.max_seats"],
  "subscription.plan.min_seats": ["subscription.plan.max_seats"],
  "target_plan.included_seats": ["target_plan.max_seats"],
  "target_plan.min_seats": ["target_plan.max_seats"],
  "subscription.interval": [...PRICE_PATHS, "as_of"],
  target_interval: [...PRICE_PATHS, "as_of"],
  "subscription.billing_anchor": ["as_of"],
  // Omitted: today, which may lie before a future anchor.
  as_of: ["subscription.billing_anchor"],
};
for (const at of ["subscription.plan", "target_plan"]) {
  for (const [path] of planFields(at, false)) {
    CROSS_FIELD[path] = [...(CROSS_FIELD[path] ?? []), ...PLAN_FIELD_RULES, "as_of"];
  }
}
// A price has seat or tiers with tiers_mode: exactly one of the two kinds.
for (const at of ["subscription.plan", "target_plan"]) {
  for (const interval of ["month", "year"]) {
    const price = `${at}.prices.${interval}`;
    const add = (path, ...rules) => {
      CROSS_FIELD[path] = [...(CROSS_FIELD[path] ?? []), ...rules];
    };
    add(`${price}.seat`, price);
    add(`${price}.tiers_mode`, price, `${price}.tiers`);
    add(`${price}.tiers`, price, `${price}.tiers_mode`);
  }
}
/** Amounts that are each in range can still be too large together (reported here). */
const OVERFLOW_PATH = "subscription.plan.prices";

/**
 * Whether the rule between fields that rules §7 reports at `errorPath` is
 * really broken in `request`: a valid value may only be refused for a
 * reason that holds.
 */
function ruleBroken(request, errorPath) {
  // Read as the engine reads: own enumerable fields only, null = omitted.
  const get = (o, key, fallback) => {
    const v =
      o !== null && typeof o === "object" && Object.prototype.propertyIsEnumerable.call(o, key) ? o[key] : undefined;
    return v === null || v === undefined ? fallback : v;
  };
  const sub = get(request, "subscription");
  const plan = get(sub, "plan");
  const seats = get(sub, "seats");
  const inUse = get(sub, "seats_in_use");
  const pending = get(sub, "pending_cancellations", 0);
  const anchor = get(sub, "billing_anchor");
  const asOf = get(request, "as_of", null);
  switch (errorPath) {
    case "subscription.seats_in_use":
      return inUse > seats;
    case "subscription.pending_cancellations":
      return inUse + pending > seats;
    case "subscription.plan.max_seats":
    case "target_plan.max_seats": {
      const p = errorPath === "target_plan.max_seats" ? get(request, "target_plan") : plan;
      return get(p, "max_seats") < get(p, "min_seats", Math.max(1, get(p, "included_seats", 0)));
    }
    case "target_plan":
      // Not modelled: whether the two plans are equal after defaults.
      return get(get(request, "target_plan"), "id") === get(plan, "id");
    case "seats_to_cancel": {
      const cancel = get(request, "seats_to_cancel");
      return cancel < 1 || cancel > seats - pending;
    }
    case "subscription.plan.prices.month":
    case "subscription.plan.prices.year":
    case "target_plan.prices.month":
    case "target_plan.prices.year": {
      // The current plan's price for its interval, or the price of the plan
      // after the change (the current one when the id stays) for the interval after it.
      const interval = get(sub, "interval");
      const target = get(request, "target_plan", null);
      const after = get(request, "target_interval", interval);
      const stays = target === null || get(target, "id") === get(plan, "id");
      const owner = errorPath.startsWith("subscription.") ? plan : target;
      // Both kinds of price, or neither (every price given is checked).
      const price = get(get(owner, "prices"), keyOf(errorPath), null);
      if (price !== null) {
        const [seat, mode, tiers] = ["seat", "tiers_mode", "tiers"].map((k) => get(price, k, null) !== null);
        if (seat ? mode || tiers : !mode && !tiers) return true;
      }
      const missing = (p, i) => errorPath.endsWith(i) && get(get(p, "prices"), i, null) === null;
      return errorPath.startsWith("subscription.")
        ? missing(plan, interval) || (stays && missing(plan, after))
        : !stays && missing(target, after);
    }
    case "subscription.plan.prices.month.tiers":
    case "subscription.plan.prices.year.tiers":
    case "subscription.plan.prices.month.tiers_mode":
    case "subscription.plan.prices.year.tiers_mode":
    case "target_plan.prices.month.tiers":
    case "target_plan.prices.year.tiers":
    case "target_plan.prices.month.tiers_mode":
    case "target_plan.prices.year.tiers_mode": {
      // One of tiers and tiers_mode without the other.
      const owner = errorPath.startsWith("subscription.") ? plan : get(request, "target_plan", null);
      const price = get(get(owner, "prices"), errorPath.split(".").at(-2), null);
      const [seat, mode, tiers] = ["seat", "tiers_mode", "tiers"].map((k) => get(price, k, null) !== null);
      return !seat && mode !== tiers && errorPath.endsWith(mode ? ".tiers" : ".tiers_mode");
    }
    case "subscription.billing_anchor":
      return asOf === null && anchor > localDate();
    case "as_of":
      // Before the anchor, or in a period that would end after 9999-12-31.
      return asOf !== null && (asOf < anchor || asOf >= "9998-12-01");
    case OVERFLOW_PATH:
      return true; // products of in-range amounts: not modelled here
    default:
      return false;
  }
}

// ------------------------------------------------------------ the oracle
// What rules §7 and the README's "Decisions" accept, written independently of
// the engine: `true` valid, `false` invalid, `undefined` not known here.

const isLeap = (y) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

function validCount(v) {
  // -0 is 0 (JSON cannot tell them apart); 3.0 is 3.
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 1_000_000;
}

/** A finite number's shortest round-trip decimal, without an exponent. */
function plainDecimal(n) {
  const s = String(Math.abs(n));
  const m = /^(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(s);
  if (!m) return s;
  const digits = m[1] + (m[2] ?? "");
  const point = m[1].length + Number(m[3]);
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

function validAmount(v) {
  let text;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) return false;
    text = (v < 0 ? "-" : "") + plainDecimal(v);
  } else if (typeof v === "string") {
    text = v;
  } else {
    return false;
  }
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!m) return false;
  const int = m[2].replace(/^0+/, "");
  // Not /0+$/: that regex is quadratic on a megabyte of zeros followed by a digit.
  let frac = m[3] ?? "";
  let end = frac.length;
  while (end > 0 && frac[end - 1] === "0") end -= 1;
  frac = frac.slice(0, end);
  if (m[1] === "-" && (int !== "" || frac !== "")) return false; // negative; -0 is 0
  if (frac.length > 10) return false;
  if (int.length !== 10) return int.length < 10;
  return int < "1000000000" || (int === "1000000000" && frac === "");
}

function validDate(v) {
  if (typeof v !== "string") return false;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [y, mo, d] = m.slice(1).map(Number);
  if (mo < 1 || mo > 12 || d < 1) return false;
  const days = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1];
  return d <= days && y >= 1900;
}

/** Active ISO 4217 codes, and codes that must be refused. Other strings of three capitals: unknown here. */
const CURRENCIES_VALID = ["EUR", "USD", "JPY", "KWD", "CLF", "CHF", "GBP", "BHD", "ISK", "UYW", "VES", "ZWG"];
const CURRENCIES_INVALID = [
  "XAU",
  "XDR",
  "XXX",
  "XTS",
  "DEM",
  "HRK",
  "eur",
  "Eur",
  "EURO",
  "EU",
  "",
  " EUR",
  "EUR ",
  "€",
  "E\u0301UR",
  "ＥＵＲ",
];

function validCurrency(v) {
  if (typeof v !== "string") return false;
  if (CURRENCIES_VALID.includes(v)) return true;
  if (CURRENCIES_INVALID.includes(v) || !/^[A-Z]{3}$/.test(v)) return false;
  return undefined;
}

/**
 * Tiers (rules §10): 1 to 50 plain objects with only up_to, unit and flat;
 * up_to a whole number from 1 to 1,000,000, strictly increasing, null (or
 * omitted) on the last tier only; unit a valid amount, flat one if given.
 */
function validTiers(v) {
  try {
    if (!Array.isArray(v) || v.length < 1 || v.length > 50) return false;
    let previous = 0;
    for (let i = 0; i < v.length; i++) {
      const tier = v[i];
      if (!isPlainObject(tier) || Object.keys(tier).some((k) => !["up_to", "unit", "flat"].includes(k))) return false;
      const upTo = tier.up_to ?? null;
      if (i === v.length - 1) {
        if (upTo !== null) return false;
      } else if (!(validCount(upTo) && upTo >= 1 && upTo > previous)) {
        return false;
      } else {
        previous = upTo;
      }
      if (!validAmount(tier.unit)) return false;
      if (tier.flat !== null && tier.flat !== undefined && !validAmount(tier.flat)) return false;
    }
    return true;
  } catch {
    return false; // a trap or getter that throws: unreadable
  }
}

/** A plain or null-prototype object; false for anything unreadable (a revoked proxy …). */
const isPlainObject = (v) => {
  try {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return false;
    const proto = Object.getPrototypeOf(v);
    return proto === null || proto === Object.prototype;
  } catch {
    return false;
  }
};

/** Own enumerable keys, or undefined for an object whose proxy trap throws. */
const keysOf = (v) => {
  try {
    return Object.keys(v);
  } catch {
    return undefined;
  }
};

/** Combines verdicts: any `false` wins, then `undefined`. */
const all = (verdicts) => (verdicts.includes(false) ? false : verdicts.includes(undefined) ? undefined : true);

/** Whether `value` is valid for the field at `path`, by the oracle. */
function validFor(schema, path, value) {
  const spec = schema.get(path);
  if (value === null || value === undefined) return !spec.required;
  switch (spec.kind) {
    case COUNT:
      return validCount(value);
    case AMOUNT:
      return validAmount(value);
    case DATE:
      return validDate(value);
    case BOOL:
      return typeof value === "boolean";
    case NAME:
      return typeof value === "string" && (value.length <= 200 || [...value].length <= 200);
    case CURRENCY:
      return validCurrency(value);
    case ENUM:
      return typeof value === "string" && spec.values.includes(value);
    case TIERS:
      return validTiers(value);
    case OBJECT: {
      if (!isPlainObject(value)) return false;
      const known = knownKeys(schema, path);
      try {
        const keys = Object.keys(value);
        if (keys.some((k) => !known.includes(k))) return false;
        return all(known.map((k) => validFor(schema, join(path, k), value[k])));
      } catch {
        return false; // a trap or getter that throws: unreadable
      }
    }
    default:
      throw new Error(`no oracle for ${spec.kind}`);
  }
}

// ------------------------------------------------------- hostile values
// Made fresh on every use (proxies, cycles, getters), and named, so that a
// failing case prints as `{ special: "revoked proxy" }`.

const MB = 1 << 20;
const BIG = {
  letters: "x".repeat(MB),
  digits: "1".repeat(MB),
  zeros: "0".repeat(MB),
  decimals: `0.${"0".repeat(MB)}1`,
  date: `2026-01-01${" ".repeat(MB)}`,
};

function cyclic() {
  const a = { id: "a" };
  a.self = a;
  return a;
}
function deep(depth, wrap) {
  let v = {};
  for (let i = 0; i < depth; i += 1) v = wrap(v);
  return v;
}
const throwing = () => {
  throw new Error("hostile getter");
};

const SPECIALS = {
  undefined: () => undefined,
  null: () => null,
  NaN: () => NaN,
  Infinity: () => Infinity,
  "-Infinity": () => -Infinity,
  "-0": () => -0,
  0: () => 0,
  "2**53": () => 2 ** 53,
  "2**53 + 2": () => 2 ** 53 + 2,
  "-(2**53)": () => -(2 ** 53),
  "2**31": () => 2 ** 31,
  "2**32": () => 2 ** 32,
  "2**32 + 3": () => 2 ** 32 + 3,
  "1e6": () => 1e6,
  "1e6 + 1": () => 1e6 + 1,
  "1e9": () => 1e9,
  "1e9 + 0.5": () => 1e9 + 0.5,
  "1e-7": () => 1e-7,
  "1e-11": () => 1e-11,
  "5e-324": () => 5e-324,
  "Number.MAX_VALUE": () => Number.MAX_VALUE,
  "Number.EPSILON": () => Number.EPSILON,
  "0.1 + 0.2": () => 0.1 + 0.2,
  2.5: () => 2.5,
  "-1": () => -1,
  4.9: () => 4.9,
  "5n": () => 5n,
  "2n**64n": () => 2n ** 64n,
  symbol: () => Symbol("hostile"),
  "Symbol.iterator": () => Symbol.iterator,
  function: () => () => 5,
  class: () => class Seats {},
  "async function": () => async () => 5,
  Date: () => new Date(2026, 10, 21),
  "Invalid Date": () => new Date(NaN),
  Map: () => new Map([["seats", 5]]),
  Set: () => new Set([5]),
  WeakMap: () => new WeakMap(),
  "Object.create(null)": () => Object.create(null),
  "Object.create(null) with a key": () => Object.assign(Object.create(null), { role: "admin" }),
  "new Number(5)": () => new Number(5),
  "new String('5.00')": () => new String("5.00"),
  "new Boolean(true)": () => new Boolean(true),
  Promise: () => Promise.resolve(5),
  Uint8Array: () => new Uint8Array([5]),
  ArrayBuffer: () => new ArrayBuffer(8),
  RegExp: () => /5/,
  Error: () => new Error("5"),
  "[]": () => [],
  "[5]": () => [5],
  "['5.00']": () => ["5.00"],
  // biome-ignore lint/suspicious/noSparseArray: the holes are the input under test
  "sparse [,,]": () => [, ,],
  "{}": () => ({}),
  "own __proto__ key": () => JSON.parse('{"__proto__": {"polluted": true}}'),
  "own constructor key": () => JSON.parse('{"constructor": {"prototype": {"polluted": true}}}'),
  "{ valueOf: () => 5 }": () => ({ valueOf: () => 5 }),
  "{ toString: () => '5.00' }": () => ({ toString: () => "5.00" }),
  "frozen {}": () => Object.freeze({}),
  "cyclic object": cyclic,
  "cyclic array": () => {
    const a = [];
    a.push(a);
    return a;
  },
  "object nested 10,000 deep": () => deep(10_000, (v) => ({ a: v })),
  "array nested 10,000 deep": () => deep(10_000, (v) => [v]),
  "proxy of {}": () => new Proxy({}, {}),
  "revoked proxy": () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    return proxy;
  },
  "proxy: ownKeys throws": () => new Proxy({}, { ownKeys: throwing }),
  "proxy: getPrototypeOf throws": () => new Proxy({}, { getPrototypeOf: throwing }),
  "proxy: get throws": () => new Proxy({ role: "admin" }, { get: throwing }),
  "proxy: isArray, length 2**32 - 1, get throws": () =>
    new Proxy([], { get: (_target, key) => (key === "length" ? 2 ** 32 - 1 : throwing()) }),
  "object with a throwing getter": () => Object.defineProperty({}, "role", { get: throwing, enumerable: true }),
  globalThis: () => globalThis,
  "1 MB of letters": () => BIG.letters,
  "1 MB of digits": () => BIG.digits,
  "1 MB of zeros": () => BIG.zeros,
  "0.000…1 (1 MB)": () => BIG.decimals,
  "a date and 1 MB of spaces": () => BIG.date,
  "lone surrogate": () => "\uD800",
  NUL: () => "\0",
};
const SPECIAL_NAMES = Object.keys(SPECIALS);

/** Strings that look like numbers to a person but are not decimal amounts (or, for the valid ones, are). */
const NUMBER_STRINGS = [
  "1_000",
  " 5.00",
  "5.00 ",
  "5,00",
  "1,000.00",
  "1 000",
  "1e3",
  "1E3",
  "5e0",
  "1.5e+2",
  "+5",
  ".5",
  "5.",
  "0x10",
  "0b101",
  "0o7",
  "Infinity",
  "-Infinity",
  "NaN",
  "５",
  "５.００",
  "١٢٣",
  "5€",
  "€5",
  "5 EUR",
  "5.0.0",
  "--5",
  "-",
  "",
  " ",
  "\t5",
  "5\n",
  "∞",
  "0",
  "0.00",
  "-0",
  "-0.00",
  "007.50",
  "4.90",
  "5",
  "-5",
  "-0.01",
  "1000000000",
  "1000000000.00000000000",
  "1000000000.0000000001",
  "1000000001",
  "999999999.9999999999",
  "12345678901",
  "0.0000000001",
  "0.00000000010",
  "0.00000000001",
  `1${"0".repeat(30)}`,
  `0.${"0".repeat(30)}1`,
  `${"0".repeat(40)}1`,
  "79228162514264337593543950335",
  "79228162514264337593543950336",
];

const DATE_STRINGS = [
  "2026-02-30",
  "2026-13-01",
  "0000-01-01",
  "2026-00-10",
  "2026-01-00",
  "2026-01-32",
  "2025-02-29",
  "2024-02-29",
  "1900-02-29",
  "2000-02-29",
  "2100-02-29",
  "1899-12-31",
  "1900-01-01",
  "9999-12-31",
  "9999-12-01",
  "9999-11-30",
  "10000-01-01",
  "+002026-01-01",
  "-2026-01-01",
  "2026-1-01",
  "2026-01-1",
  "26-01-01",
  "2026/01/01",
  "2026.01.01",
  "01-01-2026",
  "2026-01-01T00:00:00Z",
  "2026-01-01 ",
  " 2026-01-01",
  "２０２６-０１-０１",
  "2026–01–01",
  "20260101",
  "2026-W01-1",
  "2026-001",
  "0001-01-01",
  "1970-01-01",
  "2038-01-19",
  "2026-11-21",
  "2026-12-31",
  "2027-01-01",
];

const jsonScalar = fc.oneof(
  fc.integer({ min: -2, max: 12 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.string({ maxLength: 12 }),
  fc.constant(null),
);

const countish = fc.oneof(
  fc.integer({ min: 0, max: 1_000_000 }),
  fc.integer({ min: 0, max: 12 }),
  fc.integer({ min: 999_990, max: 1_000_010 }),
  fc.integer({ min: -5, max: -1 }),
  fc.maxSafeInteger(),
  fc.double(),
  fc.double({ min: 0, max: 1e6, noNaN: true }),
  fc.constantFrom(...NUMBER_STRINGS),
  fc.bigInt({ min: 0n, max: 10n }),
);

const amountish = fc.oneof(
  fc.stringMatching(/^-?\d{1,11}(\.\d{0,12})?$/),
  fc.stringMatching(/^\d{1,4}\.\d{2}$/),
  // At the limits: 10 digits before the point, 10 decimals after it.
  fc.stringMatching(/^(0|[1-9]\d{0,2}|10{9}|9{9}|10{8}\d)(\.\d{9,11}0{0,2})?$/),
  fc.constantFrom(...NUMBER_STRINGS),
  fc.double(),
  fc.double({ min: 0, max: 1e9, noNaN: true }),
  fc.integer({ min: -10, max: 2_000_000_000 }),
);

const pad = (n, width) => (n < 0 ? `-${String(-n).padStart(width, "0")}` : String(n).padStart(width, "0"));
const dateish = fc.oneof(
  fc.constantFrom(...DATE_STRINGS),
  fc
    .tuple(fc.integer({ min: 1890, max: 10_000 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }))
    .map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`),
  fc.date({ noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  fc.stringMatching(/^\d{1,5}-\d{1,2}-\d{1,2}$/),
);

const stringish = fc.oneof(
  fc.string({ maxLength: 16 }),
  fc.string({ unit: "binary", maxLength: 16 }),
  fc.string({ unit: "grapheme", maxLength: 8 }),
);

const enumish = (values) =>
  fc.oneof(
    fc.constantFrom(...values),
    fc.constantFrom(...values).map((v) => v.toUpperCase()),
    fc.constantFrom(...values).map((v) => ` ${v}`),
    fc.constantFrom(...values).map((v) => v.slice(1)),
    fc.constantFrom(...values).map((v) => `${v}\0`),
    stringish,
  );

const tierish = fc.record(
  { up_to: fc.oneof(fc.constant(null), countish, fc.integer({ min: 1, max: 30 })), unit: amountish, flat: amountish },
  { requiredKeys: [] },
);
/** Tiers that are valid (increasing, the last open), near misses, and any tier-like objects. */
const tiersish = fc.oneof(
  fc
    .array(
      fc.tuple(
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom("7.00", "6.5", 0, 4.25, "0.0000000001", "1000000000"),
        fc.option(fc.constantFrom("10", "0", 1.5), { nil: undefined }),
      ),
      { minLength: 1, maxLength: 50 },
    )
    .map((spec) => {
      let upTo = 0;
      return spec.map(([step, unit, flat], i) => {
        upTo += step;
        return { up_to: i === spec.length - 1 ? null : upTo, unit, ...(flat === undefined ? {} : { flat }) };
      });
    }),
  fc.array(tierish, { maxLength: 6 }),
  fc
    .constantFrom(0, 1, 50, 51, 1000)
    .map((n) => Array.from({ length: n }, (_, i) => ({ up_to: i === n - 1 ? null : i + 1, unit: "1" }))),
);

const currencyish = fc.oneof(
  fc.constantFrom(...CURRENCIES_VALID, ...CURRENCIES_INVALID),
  fc.stringMatching(/^[A-Z]{3}$/),
  fc.stringMatching(/^[A-Za-z]{2,4}$/),
);

/** Objects with some of the field's own names and some junk ones, with random scalar values. */
function objectish(schema, path) {
  const names = knownKeys(schema, path);
  const junk = ["", "0", "seat", "Seats", "__proto__", "constructor", "toString", "hasOwnProperty"];
  return fc.oneof(
    fc.dictionary(fc.constantFrom(...names, ...junk), jsonScalar, { maxKeys: 4 }),
    fc.dictionary(fc.constantFrom(...names), jsonScalar, { maxKeys: 3 }),
    fc.object({ maxDepth: 2, maxKeys: 3 }),
  );
}

const anyValue = fc.oneof(
  jsonScalar,
  fc.anything({
    maxDepth: 2,
    maxKeys: 3,
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withNullPrototype: true,
    withTypedArray: true,
    withSparseArray: true,
    withBoxedValues: true,
    withObjectString: true,
  }),
);

/** Values aimed at the kind of field at `path`, mixed with the hostile catalogue and anything at all. */
function valuesFor(schema, path) {
  const spec = schema.get(path);
  const aimed = {
    [COUNT]: () => countish,
    [AMOUNT]: () => amountish,
    [DATE]: () => dateish,
    [BOOL]: () => fc.oneof(fc.boolean(), fc.constantFrom("true", "false", 0, 1)),
    [NAME]: () => fc.oneof(stringish, fc.string({ minLength: 195, maxLength: 205, unit: "grapheme" })),
    [CURRENCY]: () => currencyish,
    [ENUM]: () => enumish(spec.values),
    [OBJECT]: () => objectish(schema, path),
    [TIERS]: () => tiersish,
  }[spec.kind]();
  return fc.oneof(
    { weight: 5, arbitrary: aimed.map((value) => ({ value })) },
    { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_NAMES).map((special) => ({ special })) },
    { weight: 2, arbitrary: anyValue.map((value) => ({ value })) },
  );
}

const make = (v) => (v.special !== undefined ? SPECIALS[v.special]() : v.value);

// ------------------------------------------------------------- calling

/** Calls the export; `{ answer }` or `{ error }`. A trap or any non-SeatQuoteError fails at once. */
function call(fn, request, context) {
  try {
    return { answer: seatquote[fn](request) };
  } catch (error) {
    assertInputError(error, context);
    return { error };
  }
}

function assertInputError(error, context) {
  if (error instanceof WebAssembly.RuntimeError || /unreachable|RuntimeError/.test(String(error?.message))) {
    assert.fail(`a WebAssembly trap (${error}) — ${context}`);
  }
  assert.ok(error instanceof Error, `a real Error, got ${String(error)} — ${context}`);
  assert.equal(error.name, "SeatQuoteError", `${error} — ${context}`);
  assert.equal(error.code, "INVALID_INPUT", context);
  assert.equal(typeof error.path, "string", context);
  assert.ok(typeof error.message === "string" && error.message.length > 5, context);
  assert.ok(error.message.length < 2000, `a message of ${error.message.length} characters — ${context}`);
}

/** Known vectors in turn: each call must still give the full native answer. */
let canaryIndex = 0;
function canary() {
  const vector = vectors[canaryIndex++ % vectors.length];
  let output;
  try {
    output = seatquote[vector.function](vector.request);
  } catch (error) {
    if (error?.name !== "SeatQuoteError") throw new Error(`after fuzzing, ${vector.key} threw ${error}`);
    output = { error: { code: error.code, path: error.path, message: error.message } };
  }
  assert.deepStrictEqual(output, native[vector.key], `after fuzzing, ${vector.key} still gives its native answer`);
}

const clone = (request) => structuredClone(request);

/** The object at `path` in `request`, created from its template when an optional one is missing. */
function parentObject(schema, request, path) {
  let node = request;
  let at = "";
  for (const key of path === "" ? [] : path.split(".")) {
    at = join(at, key);
    if (node[key] === undefined || node[key] === null) node[key] = clone(schema.get(at).template ?? {});
    node = node[key];
  }
  return node;
}

/** What `fc.assert` reports on failure, plus how to replay it. */
async function check(property, options = {}) {
  try {
    fc.assert(property, { seed: SEED, numRuns: RUNS, ...options });
  } catch (error) {
    error.message += `\nreplay: SEATQUOTE_FUZZ_SEED=${SEED} npm test -- js`;
    throw error;
  }
}

const MODES = ["set", "set", "set", "set", "set", "set", "getter", "throwing getter", "delete", "non-enumerable"];

/** One mutation: a base vector, a path of its function's schema, a value and how it is put there. */
const mutation = fc.integer({ min: 0, max: bases.length - 1 }).chain((b) => {
  const schema = SCHEMAS[bases[b].function];
  return fc.constantFrom(...schema.keys()).chain((path) =>
    fc.record({
      base: fc.constant(b),
      path: fc.constant(path),
      mode: fc.constantFrom(...MODES),
      value: valuesFor(schema, path),
    }),
  );
});

test(`a field replaced by a hostile value: refused at its path, never a trap, never accepted when invalid (seed ${SEED})`, async (t) => {
  t.diagnostic(`seed ${SEED}, ${RUNS} runs (SEATQUOTE_FUZZ_SEED / SEATQUOTE_FUZZ_RUNS to change)`);
  const stats = { accepted: 0, refusedHere: 0, refusedInside: 0, refusedByOtherField: 0, unknownAccepted: 0 };
  let runs = 0;
  const started = performance.now();
  await check(
    fc.property(mutation, ({ base, path, mode, value: described }) => {
      runs += 1;
      if (runs % CANARY_EVERY === 0) canary();
      const vector = bases[base];
      const schema = SCHEMAS[vector.function];
      const spec = schema.get(path);
      const request = clone(vector.request);
      const parent = parentObject(schema, request, parentOf(path));
      const key = keyOf(path);
      const value = make(described);
      const context = `${vector.key}: ${mode} ${path} = ${described.special ?? safeString(value)}`;

      let seen = value; // what the engine reads at `path`
      if (mode === "set") parent[key] = value;
      else if (mode === "getter")
        Object.defineProperty(parent, key, { get: () => value, enumerable: true, configurable: true });
      else if (mode === "throwing getter")
        Object.defineProperty(parent, key, { get: throwing, enumerable: true, configurable: true });
      else if (mode === "delete" || mode === "non-enumerable") {
        delete parent[key];
        if (mode === "non-enumerable") Object.defineProperty(parent, key, { value, enumerable: false });
        seen = undefined;
      }

      const { answer, error } = call(vector.function, request, context);
      if (mode === "throwing getter") {
        assert.ok(error, `a throwing getter must be refused — ${context}`);
        // The object whose getter threw is named (or the field itself).
        assert.ok([path, parentOf(path)].includes(error.path), `path ${JSON.stringify(error.path)} — ${context}`);
        stats.refusedHere += 1;
        return;
      }
      const verdict = validFor(schema, path, seen);
      const nested = spec.kind === OBJECT || spec.kind === TIERS;
      const inside = error && (error.path === path || (nested && error.path.startsWith(`${path}.`)));
      if (verdict === false) {
        assert.ok(error, `accepted silently, but invalid for ${path} — ${context}\nanswer: ${safeString(answer)}`);
        assert.ok(inside, `refused at ${JSON.stringify(error.path)} ("${error.message}"), not at ${path} — ${context}`);
        stats[error.path === path ? "refusedHere" : "refusedInside"] += 1;
      } else if (error) {
        // A valid value: refused only by a rule between fields that really
        // is broken (or, for an object, somewhere inside it).
        const others = [
          path,
          ...(CROSS_FIELD[path] ?? []),
          ...([COUNT, AMOUNT].includes(spec.kind) ? [OVERFLOW_PATH] : []),
        ];
        const explained =
          verdict === undefined ||
          (nested && error.path.startsWith(`${path}.`)) ||
          (others.includes(error.path) && ruleBroken(request, error.path));
        assert.ok(
          explained,
          `a valid value refused at ${JSON.stringify(error.path)} ("${error.message}") — ${context}`,
        );
        stats[error.path === path ? "refusedHere" : "refusedByOtherField"] += 1;
      } else {
        assert.equal(typeof answer?.allowed, "boolean", context);
        stats[verdict === undefined ? "unknownAccepted" : "accepted"] += 1;
      }
    }),
  );
  canary();
  const ms = performance.now() - started;
  t.diagnostic(`${runs} calls in ${Math.round(ms)} ms: ${JSON.stringify(stats)}`);
  if (RUNS >= 1000) {
    assert.ok(
      stats.accepted > RUNS / 50 && stats.refusedHere > RUNS / 5,
      `both outcomes exercised: ${JSON.stringify(stats)}`,
    );
  }
});

test(`an unknown field at any depth is refused at its own path (seed ${SEED})`, async (t) => {
  const objectPaths = (request, schema) =>
    ["", ...[...schema.keys()].filter((p) => schema.get(p).kind === OBJECT)].filter((p) => {
      const node = p === "" ? request : p.split(".").reduce((n, k) => n?.[k], request);
      return isPlainObject(node);
    });
  const names = fc.oneof(
    fc.string({ maxLength: 20 }),
    fc.constantFrom(
      "seat_in_use",
      "Seats",
      "seats ",
      "target_seat",
      "asOf",
      "__proto__",
      "constructor",
      "prototype",
      "0",
      "",
      "toString",
      "valueOf",
      "then",
    ),
  );
  let runs = 0;
  await check(
    fc.property(fc.integer({ min: 0, max: bases.length - 1 }), fc.nat(), names, anyValue, (b, pick, name, value) => {
      runs += 1;
      if (runs % CANARY_EVERY === 0) canary();
      const vector = bases[b];
      const schema = SCHEMAS[vector.function];
      const request = clone(vector.request);
      const paths = objectPaths(request, schema);
      const at = paths[pick % paths.length];
      const known = at === "" ? [...schema.keys()].filter((p) => !p.includes(".")) : knownKeys(schema, at);
      fc.pre(!known.includes(name));
      const node = at === "" ? request : at.split(".").reduce((n, k) => n[k], request);
      // defineProperty: `node.__proto__ = …` would set the prototype, not a field.
      Object.defineProperty(node, name, { value, enumerable: true, configurable: true, writable: true });
      const context = `${vector.key}: ${join(at, name)} = ${safeString(value)}`;
      const { error } = call(vector.function, request, context);
      assert.ok(error, `unknown field accepted — ${context}`);
      assert.equal(error.path, join(at, name), context);
      assert.match(error.message, /unknown field/, context);
    }),
    { numRuns: Math.max(100, Math.round(RUNS / 4)) },
  );
  canary();
  t.diagnostic(`${runs} requests with an unknown field`);
});

test("a request of any other kind is refused at the top, not a trap", async () => {
  for (const fn of ["quote_seat_change", "validate_cancellation"]) {
    for (const name of SPECIAL_NAMES) {
      const { error } = call(fn, SPECIALS[name](), `${fn}(${name})`);
      assert.ok(error, `${fn}(${name}) accepted`);
      const keys = (isPlainObject(SPECIALS[name]()) && keysOf(SPECIALS[name]())) || [];
      assert.ok(
        error.path === "" || ["subscription", ...keys].includes(error.path.split(".")[0]),
        `${fn}(${name}): ${error.path}`,
      );
    }
    assert.equal(call(fn, undefined, `${fn}()`).error.path, "");
  }
  canary();
  assert.equal(Object.prototype.polluted, undefined, "Object.prototype is untouched");
  assert.equal({}.polluted, undefined);
});

// ---------------------------------------------- the same request, reshaped

function deepMap(value, mapObject) {
  if (Array.isArray(value)) return value.map((v) => deepMap(v, mapObject));
  if (isPlainObject(value))
    return mapObject(Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepMap(v, mapObject)])));
  return value;
}
const deepFreeze = (r) => deepMap(r, Object.freeze);
const nullPrototype = (r) => deepMap(r, (o) => Object.assign(Object.create(null), o));
const proxied = (r) => deepMap(r, (o) => new Proxy(o, {}));
const reflecting = (r) =>
  deepMap(
    r,
    (o) =>
      new Proxy(o, {
        get: Reflect.get,
        ownKeys: Reflect.ownKeys,
        getOwnPropertyDescriptor: Reflect.getOwnPropertyDescriptor,
      }),
  );
const getters = (r) =>
  deepMap(r, (o) =>
    Object.defineProperties(
      {},
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, { get: () => v, enumerable: true }])),
    ),
  );
const reversedKeys = (r) => deepMap(r, (o) => Object.fromEntries(Object.entries(o).reverse()));
/** Symbol keys and non-enumerable properties: invisible, like to JSON.stringify. */
const hiddenExtras = (r) =>
  deepMap(r, (o) =>
    Object.defineProperties(o, {
      [Symbol("extra")]: { value: 1, enumerable: true },
      hidden_extra_field: { value: 99, enumerable: false },
    }),
  );
/** Amount strings whose number reads back the same, as JS numbers ("5.00" → 5, "4.9" → 4.9). */
const numericAmounts = (r) =>
  deepMap(r, (o) => {
    for (const k of ["base", "seat", "tax_rate", "unit", "flat"]) {
      if (typeof o[k] === "string" && validAmount(o[k]) && !o[k].startsWith("-")) {
        const n = Number(o[k]);
        if (
          String(n) ===
          o[k]
            .replace(/(\.\d*?)0+$/, "$1")
            .replace(/\.$/, "")
            .replace(/^0+(?=\d)/, "")
        )
          o[k] = n;
      }
    }
    return o;
  });
/** Every optional field that is absent, given as null or undefined instead. */
const explicitNothing = (r) => {
  const request = clone(r);
  if (!isPlainObject(request) || !isPlainObject(request.subscription) || !isPlainObject(request.subscription.plan))
    return request;
  request.subscription.pending_cancellations ??= null;
  request.subscription.status ??= undefined;
  request.subscription.tax_rate ??= null;
  request.subscription.plan.name ??= undefined;
  request.subscription.plan.min_seats ??= null;
  request.actor ??= null;
  request.policy ??= undefined;
  request.locale ??= null;
  return request;
};
const zerosAsMinusZero = (r) =>
  deepMap(r, (o) => {
    for (const [k, v] of Object.entries(o)) if (v === 0) o[k] = -0;
    return o;
  });

const RESHAPES = {
  frozen: deepFreeze,
  "null prototypes": nullPrototype,
  "transparent proxies": proxied,
  "reflecting proxies": reflecting,
  getters,
  "keys in reverse order": reversedKeys,
  "symbol keys and non-enumerable extras": hiddenExtras,
  "amounts as JS numbers": numericAmounts,
  "null / undefined for omitted fields": explicitNothing,
  "-0 for 0": zerosAsMinusZero,
  "JSON round trip": (r) => JSON.parse(JSON.stringify(r)),
};

const outcome = (fn, request) => {
  const { answer, error } = call(fn, request, `${fn} reshaped`);
  return error ? { error: { code: error.code, path: error.path, message: error.message } } : answer;
};

test("the same request in another JavaScript shape gives the same answer, and is left untouched", () => {
  let compared = 0;
  for (const vector of vectors) {
    const expected = native[vector.key];
    for (const [name, reshape] of Object.entries(RESHAPES)) {
      const request = reshape(clone(vector.request));
      const before = JSON.stringify(request);
      assert.deepStrictEqual(outcome(vector.function, request), expected, `${vector.key}, ${name}`);
      assert.equal(JSON.stringify(request), before, `${vector.key}, ${name}: the request is not modified`);
      compared += 1;
    }
  }
  assert.ok(compared > 1000, `${compared} comparisons`);
});

test("a huge array is refused at its field without a trap", { timeout: 120_000 }, () => {
  // No request field is an array, so its length alone must refuse it:
  // reading 2**32 − 1 holes once ran the module out of memory (a trap).
  const request = clone(bases[0].request);
  request.subscription.seats = new Array(2 ** 32 - 1);
  const { error } = call(bases[0].function, request, "seats = new Array(2 ** 32 - 1)");
  assert.equal(error?.path, "subscription.seats");
  canary();
});

test("hostile tiers are refused at their path, a long array by its length alone", { timeout: 120_000 }, () => {
  const tiered = bases.find((v) => v.request.subscription.plan.prices.month?.tiers);
  assert.ok(tiered, "a vector with tiers");
  const at = "subscription.plan.prices.month.tiers";
  let reads = 0;
  const withTiers = (tiers) => {
    const request = clone(tiered.request);
    request.subscription.plan.prices.month.tiers = tiers;
    reads = 0; // only what the call reads is counted
    return call(tiered.function, request, "hostile tiers");
  };
  // Four billion holes, and a proxy whose every read would throw: neither is read.
  assert.equal(withTiers(new Array(2 ** 32 - 1)).error?.path, at);
  assert.match(withTiers(new Array(2 ** 32 - 1)).error.message, /4294967295/);
  const counting = new Proxy(new Array(51).fill({ up_to: null, unit: "1" }), {
    get: (target, key) => {
      if (key !== "length") reads += 1;
      return Reflect.get(target, key);
    },
  });
  assert.equal(withTiers(counting).error?.path, at);
  assert.equal(reads, 0, "no item of a 51-tier array is read");
  // A getter that throws on an item: the array is refused at its path.
  const throwing = [
    { up_to: 5, unit: "1" },
    { up_to: null, unit: "1" },
  ];
  Object.defineProperty(throwing, 1, {
    get: () => {
      throw new Error("boom");
    },
    enumerable: true,
  });
  assert.equal(withTiers(throwing).error?.path, at);
  // Holes and non-objects at an index: refused at that index.
  const holey = new Array(2);
  holey[1] = { up_to: null, unit: "1" };
  assert.equal(withTiers(holey).error?.path, `${at}.0`);
  assert.equal(withTiers([{ up_to: 5, unit: "1" }, 7n]).error?.path, `${at}.1`);
  // The same tier object 50 times, each holding a megabyte-long amount.
  const huge = { up_to: null, unit: "1".repeat(1 << 20) };
  assert.equal(withTiers(new Array(50).fill(huge)).error?.path, `${at}.0.unit`);
  canary();
});

test("a request too large for one JavaScript string is an input error, not a RangeError", () => {
  // Two 256 MiB strings: together longer than V8's longest string
  // (2**29 − 24 code units), so the request cannot be encoded in one string.
  const text = "x".repeat(2 ** 28);
  const request = clone(bases[0].request);
  request.subscription.currency = text;
  request.locale = text;
  const { error } = call(bases[0].function, request, "currency and locale of 2**28 characters each");
  assert.ok(error, "refused");
  assert.ok(["subscription.currency", "locale"].includes(error.path), error.path);
  canary();
});

test("a string deep into a request of over 2 GiB arrives whole, not empty", () => {
  // Five 256 MiB strings. The encoder's buffer grows past 2 GiB, and Node's
  // TextEncoder.encodeInto writes nothing into a view longer than 2**31
  // bytes: the fifth string (actor.role, the first invalid field parsed)
  // reached the engine as "", so its message quoted "" instead of the value.
  // (~2 s, ~2 GB of memory.)
  const text = "x".repeat(2 ** 28);
  const vector = bases.find((v) => v.function === "quote_seat_change");
  const request = {
    locale: text,
    policy: { proration: text, placement: text },
    ...clone(vector.request),
    actor: { role: text },
  };
  request.subscription.currency = text;
  const { error } = call(vector.function, request, "five strings of 2**28 characters");
  assert.equal(error?.path, "actor.role");
  assert.match(error.message, /^"xxxxxxxxxx/, "the message quotes the value that was given");
  canary();
});

// quote_price_table(request, { from, to }) (API: src/wasm/seatquote.d.ts).
// A hostile request or range is an input error; a table's rows are the
// quotes of their seat counts.
test(`quote_price_table: hostile requests and ranges; every row is its quote (seed ${SEED})`, async (t) => {
  if (typeof seatquote.quote_price_table !== "function") return t.skip("quote_price_table is not exported");
  const quoteBases = bases.filter((v) => v.function === "quote_seat_change");
  const schema = SCHEMAS.quote_seat_change;
  const bound = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 40 }).map((value) => ({ value })) },
    { weight: 2, arbitrary: countish.map((value) => ({ value })) },
    { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_NAMES).map((special) => ({ special })) },
  );
  const ranges = fc.oneof(
    { weight: 4, arbitrary: fc.record({ from: bound, to: bound }).map((r) => ({ fromTo: r })) },
    { weight: 1, arbitrary: fc.constantFrom(...SPECIAL_NAMES).map((special) => ({ special })) },
    {
      weight: 1,
      arbitrary: objectish(
        new Map([
          ["range", object(true)],
          ["range.from", field(COUNT, true)],
          ["range.to", field(COUNT, true)],
        ]),
        "range",
      ).map((value) => ({ value })),
    },
  );
  const ROWS = 100_000;
  let tables = 0;
  let rows = 0;
  await check(
    fc.property(
      fc.integer({ min: 0, max: quoteBases.length - 1 }),
      fc.option(fc.constantFrom(...schema.keys()), { freq: 3 }),
      anyValue,
      ranges,
      (b, path, value, rangeDescription) => {
        const vector = quoteBases[b];
        const request = clone(vector.request);
        if (path !== null) parentObject(schema, request, parentOf(path))[keyOf(path)] = value;
        const range = rangeDescription.fromTo
          ? { from: make(rangeDescription.fromTo.from), to: make(rangeDescription.fromTo.to) }
          : make(rangeDescription);
        const context = `${vector.key}: ${path ?? "(valid request)"} = ${safeString(value)}, range ${safeString(range)}`;
        let table;
        try {
          table = seatquote.quote_price_table(request, range);
        } catch (error) {
          assertInputError(error, `quote_price_table, ${context}`);
          if (path === null && isPlainObject(range) && keysOf(range)?.every((k) => k === "from" || k === "to")) {
            const { from, to } = range;
            const fine = validCount(from) && validCount(to) && from <= to && to - from < ROWS;
            assert.ok(!fine, `a valid range refused: ${error.path} ${error.message} — ${context}`);
            assert.match(error.path, /^range(\.|$)/, context);
          }
          return;
        }
        // Accepted: the range was valid, and each row is the quote of its seat count.
        assert.ok(
          validCount(range.from) && validCount(range.to) && range.from <= range.to,
          `range accepted — ${context}`,
        );
        assert.equal(table.target_seats.length, range.to - range.from + 1, context);
        tables += 1;
        const step = Math.max(1, Math.floor(table.target_seats.length / 4));
        for (let i = 0; i < table.target_seats.length; i += step) {
          const quote = seatquote.quote_seat_change({ ...request, target_seats: table.target_seats[i] });
          rows += 1;
          assert.equal(table.due_now.gross[i], quote.due_now.gross, `row ${i} — ${context}`);
          assert.equal(table.next_invoice_total.gross[i], quote.next_invoice.total.gross, `row ${i} — ${context}`);
          assert.equal(table.recurring_after.gross[i], quote.recurring.after.gross, `row ${i} — ${context}`);
          assert.equal(table.allowed[i], quote.allowed, `row ${i} — ${context}`);
          assert.equal(table.placement[i], quote.placement, `row ${i} — ${context}`);
        }
      },
    ),
    { numRuns: Math.max(50, Math.round(RUNS / 6)) },
  );
  canary();
  t.diagnostic(`${tables} tables accepted, ${rows} rows compared with their quotes`);
});

/** A short, never-throwing description of any value for messages. */
function safeString(value) {
  try {
    if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
    if (typeof value === "bigint") return `${value}n`;
    return fc.stringify(value).slice(0, 200);
  } catch {
    try {
      return Object.prototype.toString.call(value);
    } catch {
      return "<unreadable>";
    }
  }
}
