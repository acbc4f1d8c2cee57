// The JavaScript half of the WebAssembly boundary (src/wasm/mod.rs is the
// other half). The build inlines it into pkg/seatquote.js.
//
// Crossing the boundary once per value is what made a quote slow (tens of
// µs: a call into JS per field read, per field written). Instead:
//
// * in:  `encode` walks the request in JS and returns one compact string,
//        which Rust reads into the core's `Value` tree (src/wasm/wire.rs);
// * out: Rust writes the answer as one text plus one array of numbers, and
//        `quote_from` / `cancellation_from` / `table_from` build the plain
//        objects from them, field by field, in the order Rust wrote them.
//
// `encode` recognises exactly what the core must reject by name (BigInt,
// Date, Map, NaN, -0, functions, class instances, proxies that throw, …);
// nothing is coerced, and no JS exception escapes into WebAssembly: every
// operation that user code can intercept runs inside `try`.

// ------------------------------------------------------------------- in

/** Requests are a few levels deep; deeper (or cyclic) input is refused. */
const MAX_DEPTH = 32;
/**
 * A request has a few dozen values. An object that holds the same object
 * twice, 32 levels down, has four billion: past this many, every further
 * value is refused instead of read.
 */
const MAX_VALUES = 1 << 20;

// Codes of the values JSON cannot express; src/wasm/wire.rs has their words.
const BIGINT = "u0;";
const SYMBOL = "u1;";
const FUNCTION = "u2;";
const TOO_DEEP = "u3;";
const UNREADABLE_OBJECT = "u4;";
const UNREADABLE_ARRAY = "u5;";
const THROWING_GETTER = "u6;";
const TOO_MANY = "u14;";

let valuesLeft = 0;

const FLOAT = new DataView(new ArrayBuffer(8));

/**
 * The request as one string:
 *   n  null or undefined       t / f  true / false
 *   i<int>;                    a safe integer
 *   d<low>,<high>;             any other number, as the two halves of its bits
 *   s<length>:<text>           a string; length in UTF-16 code units
 *   []                         an array (its items are not read)
 *   {<count>;s<length>:<key><value>…}
 *                              a plain object, own enumerable keys in order
 *   u<code>;                   a value JSON cannot express (see above)
 */
export function encode(value) {
  valuesLeft = MAX_VALUES;
  return encodeValue(value, 0);
}

function encodeValue(v, depth) {
  if (--valuesLeft < 0) return TOO_MANY;
  if (v === null || v === undefined) return "n";
  switch (typeof v) {
    case "boolean":
      return v ? "t" : "f";
    case "number":
      if (Number.isSafeInteger(v) && !Object.is(v, -0)) return `i${v};`;
      FLOAT.setFloat64(0, v, true);
      return `d${FLOAT.getUint32(0, true)},${FLOAT.getUint32(4, true)};`;
    case "string":
      return `s${v.length}:${v}`;
    case "bigint":
      return BIGINT;
    case "symbol":
      return SYMBOL;
    case "function":
      return FUNCTION;
  }
  if (depth >= MAX_DEPTH) return TOO_DEEP;
  let isArray;
  try {
    isArray = Array.isArray(v); // throws for a revoked proxy
  } catch {
    return UNREADABLE_OBJECT;
  }
  if (isArray) return encodeArray(v);
  let proto;
  try {
    proto = Object.getPrototypeOf(v);
  } catch {
    return UNREADABLE_OBJECT;
  }
  if (proto === null || proto === Object.prototype) return encodeObject(v, depth);
  return `u${instanceKind(v)};`;
}

/**
 * No field of a request is an array, so what an array holds never matters:
 * only its length is read (`new Array(2 ** 32 - 1)` has four billion holes
 * that could not be read in any time).
 */
function encodeArray(v) {
  let length;
  try {
    length = Reflect.get(v, "length");
  } catch {
    length = 0;
  }
  if (typeof length !== "number") length = 0;
  return length >= 0 && length <= 4294967295 ? "[]" : UNREADABLE_ARRAY;
}

function encodeObject(v, depth) {
  let keys;
  try {
    keys = Object.keys(v); // own enumerable string keys, like JSON.stringify
  } catch {
    return UNREADABLE_OBJECT;
  }
  let out = `{${keys.length};`;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let item;
    try {
      item = v[key];
    } catch {
      return THROWING_GETTER;
    }
    out += `s${key.length}:${key}${encodeValue(item, depth + 1)}`;
  }
  return `${out}}`;
}

/** The code of a non-plain object, named in the error message. */
function instanceKind(v) {
  try {
    if (v instanceof Date) return 7;
    if (v instanceof Map) return 8;
    if (v instanceof Set) return 9;
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return 10;
    if (v instanceof Promise) return 11;
    if (v instanceof Number || v instanceof String || v instanceof Boolean) return 12;
    return 13;
  } catch {
    return 4; // a proxy whose getPrototypeOf trap throws
  }
}

/** The local calendar date as y·10⁴ + m·10² + d (never the UTC date). */
export function today() {
  const now = new Date();
  return now.getFullYear() * 10000 + (now.getMonth() + 1) * 100 + now.getDate();
}

// ------------------------------------------------------------------ out

// The answer being read: strings are consecutive slices of `text`, their
// lengths (UTF-16 code units) and every number are the next `nums`.
let text = "";
let nums = null;
let at = 0;
let next = 0;

function open(t, n) {
  text = t;
  nums = n;
  at = 0;
  next = 0;
}

function str() {
  const end = at + nums[next++];
  const s = text.slice(at, end);
  at = end;
  return s;
}

function num() {
  return nums[next++];
}

function bool() {
  return nums[next++] === 1;
}

function money() {
  return { net: str(), tax: str(), gross: str() };
}

function violations() {
  const list = [];
  for (let n = num(); n > 0; n--) {
    const code = str();
    const message = str();
    const params = {};
    for (let k = num(); k > 0; k--) {
      const key = str();
      params[key] = num() === 0 ? num() : str();
    }
    list.push({ code, message, params });
  }
  return list;
}

function lines() {
  const list = [];
  for (let n = num(); n > 0; n--) {
    list.push({
      kind: str(),
      description: str(),
      quantity: num(),
      unit_price: str(),
      from: str(),
      to: str(),
      days: num(),
      days_in_period: num(),
      amount: str(),
      placement: str(),
    });
  }
  return list;
}

/** A `SeatQuote` from what src/wasm/wire.rs `write_quote` wrote. */
export function quote_from(t, n) {
  open(t, n);
  return {
    allowed: bool(),
    violations: violations(),
    change: str(),
    as_of: str(),
    currency: str(),
    seats: {
      before: num(),
      after: num(),
      renewing_before: num(),
      renewing_after: num(),
      added: num(),
      reactivated: num(),
      removed: num(),
    },
    period: { start: str(), end: str(), days_in_period: num(), days_remaining: num() },
    effective_date: str(),
    lines: lines(),
    placement: str(),
    placement_reason: { code: str(), message: str() },
    due_now: money(),
    credit_carried_forward: str(),
    next_invoice: { date: str(), recurring: money(), adjustments: str(), total: money() },
    recurring: { before: money(), after: money() },
    billing_anchor_after: str(),
  };
}

/** A `CancellationCheck` from what `write_cancellation` wrote. */
export function cancellation_from(t, n) {
  open(t, n);
  return {
    allowed: bool(),
    violations: violations(),
    seats_to_cancel: num(),
    free_seats: num(),
    users_to_remove: num(),
    effective_date: str(),
    last_active_day: str(),
    renewing_seats_after: num(),
    recurring_after: money(),
    credit: str(),
  };
}

/**
 * A `PriceTable` from what `write_table` wrote: the currency and eleven
 * columns of engine-written text (digits, '-', '.', a-z, _) separated by
 * "\n", values by ","; then the row count, the target seats and `allowed`
 * as numbers.
 */
export function table_from(t, n) {
  const columns = t.split("\n");
  const rows = n[0];
  const target_seats = [];
  const allowed = [];
  for (let i = 1; i <= rows; i++) {
    target_seats.push(n[i]);
    allowed.push(n[rows + i] === 1);
  }
  const column = (i) => columns[i].split(",");
  return {
    currency: columns[0],
    target_seats,
    due_now: { net: column(1), tax: column(2), gross: column(3) },
    next_invoice_total: { net: column(4), tax: column(5), gross: column(6) },
    recurring_after: { net: column(7), tax: column(8), gross: column(9) },
    placement: column(10),
    allowed,
  };
}

/** The error every export throws for malformed input. */
export function input_error(path, message) {
  const error = new Error(message);
  error.name = "SeatQuoteError";
  error.code = "INVALID_INPUT";
  error.path = path;
  return error;
}
