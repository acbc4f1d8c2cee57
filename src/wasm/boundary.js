// The JavaScript half of the WebAssembly boundary (src/wasm/mod.rs is the
// other half). The build inlines it into pkg/seatquote.js.
//
// Crossing the boundary once per value is what made a quote slow (tens of
// µs: a call into JS per field read, per field written). Instead:
//
// * in:  `encode` walks the request in JS and writes it as bytes, which
//        Rust reads into the parser's tree (src/wasm/wire.rs, `decode`);
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

// Tags of the encoding (ASCII letters, for reading a dump).
const NULL = 0x6e; // n
const TRUE = 0x74; // t
const FALSE = 0x66; // f
const INT = 0x69; // i, then the number as f64
const FLOAT = 0x64; // d, then the number as f64, then String(number) as a STRING
const STRING = 0x73; // s, then the UTF-8 byte length as u32, then the bytes
const ARRAY = 0x5b; // [ (its items are not read)
const OBJECT = 0x7b; // {, then the key count as u32, then key (a STRING or a KEY) and value pairs
const KEY = 0x6b; // k, then one byte: the index of a field name in KEYS
const UNSUPPORTED = 0x75; // u, then one byte: the code below

// The field names of the requests, in the order of KEYS in src/wasm/wire.rs:
// a known key crosses as two bytes. Any other key is sent as a string.
const KEYS = new Map(
  [
    "subscription",
    "target_seats",
    "as_of",
    "actor",
    "policy",
    "locale",
    "seats_to_cancel",
    "plan",
    "interval",
    "billing_anchor",
    "currency",
    "seats",
    "seats_in_use",
    "pending_cancellations",
    "status",
    "tax_rate",
    "prices_include_tax",
    "id",
    "name",
    "allows_additional_seats",
    "included_seats",
    "min_seats",
    "max_seats",
    "prices",
    "month",
    "year",
    "base",
    "seat",
    "role",
    "proration",
    "placement",
    "threshold_days",
    "decrease",
    "anchor",
    "rounding",
    "from",
    "to",
  ].map((key, i) => [key, i]),
);

// Codes of the values JSON cannot express; src/wasm/wire.rs has their words.
const BIGINT = 0;
const SYMBOL = 1;
const FUNCTION = 2;
const TOO_DEEP = 3;
const UNREADABLE_OBJECT = 4;
const UNREADABLE_ARRAY = 5;
const THROWING_GETTER = 6;
const TOO_MANY = 14;

// The bytes being written: one buffer, reused, grown when a request needs it.
let buf = new Uint8Array(1024);
let view = new DataView(buf.buffer);
let pos = 0;
let valuesLeft = 0;
let encoding = false;

function room(n) {
  if (pos + n <= buf.length) return;
  const bigger = new Uint8Array(Math.max(buf.length * 2, pos + n));
  bigger.set(buf.subarray(0, pos));
  buf = bigger;
  view = new DataView(buf.buffer);
}

/**
 * The request as bytes (little-endian), or undefined when there is no
 * memory for them:
 *   n, t, f                    null or undefined, true, false
 *   i <f64>                    a safe integer
 *   d <f64> s…                 any other number (NaN, ±Infinity, -0 included) and
 *                              its String(): its shortest digits, which Rust
 *                              would otherwise need 5 KB of code to compute
 *   s <u32 length> <UTF-8>     a string; lone surrogates become U+FFFD
 *   [                          an array (its items are not read)
 *   { <u32 count> (key value)… a plain object, own enumerable keys in order;
 *                              a key is k <index> (a field name) or s…
 *   u <code>                   a value JSON cannot express (see above)
 */
export function encode(value) {
  // A getter may itself ask seatquote for a quote: that request gets a
  // buffer of its own, and this one carries on where it was.
  const outer = encoding ? { buf, view, pos, valuesLeft } : null;
  if (outer) fresh();
  encoding = true;
  pos = 0;
  valuesLeft = MAX_VALUES;
  try {
    encodeValue(value, 0);
    return buf.subarray(0, pos);
  } catch {
    // Only the engine can throw here (no memory for the buffer): user
    // code runs inside try everywhere. Rust makes it an input error.
    return undefined;
  } finally {
    if (outer) {
      ({ buf, view, pos, valuesLeft } = outer);
    } else {
      encoding = false;
      // Keep no megabytes around after a huge request.
      if (buf.length > 1 << 20) fresh();
    }
  }
}

function fresh() {
  buf = new Uint8Array(1024);
  view = new DataView(buf.buffer);
}

function unsupported(code) {
  room(2);
  buf[pos++] = UNSUPPORTED;
  buf[pos++] = code;
}

function encodeValue(v, depth) {
  if (--valuesLeft < 0) return unsupported(TOO_MANY);
  const type = typeof v;
  if (type === "string") return encodeString(v);
  if (type === "number") {
    room(9);
    const int = Number.isSafeInteger(v) && !Object.is(v, -0);
    buf[pos] = int ? INT : FLOAT;
    view.setFloat64(pos + 1, v, true);
    pos += 9;
    if (!int) encodeString(String(v));
    return;
  }
  if (v === null || v === undefined) {
    room(1);
    buf[pos++] = NULL;
    return;
  }
  if (type === "boolean") {
    room(1);
    buf[pos++] = v ? TRUE : FALSE;
    return;
  }
  if (type === "bigint") return unsupported(BIGINT);
  if (type === "symbol") return unsupported(SYMBOL);
  if (type === "function") return unsupported(FUNCTION);
  // An object (or document.all, whose typeof is "undefined").
  if (depth >= MAX_DEPTH) return unsupported(TOO_DEEP);
  let isArray;
  try {
    isArray = Array.isArray(v); // throws for a revoked proxy
  } catch {
    return unsupported(UNREADABLE_OBJECT);
  }
  if (isArray) return encodeArray(v);
  let proto;
  try {
    proto = Object.getPrototypeOf(v);
  } catch {
    return unsupported(UNREADABLE_OBJECT);
  }
  if (proto === null || proto === Object.prototype) return encodeObject(v, depth);
  return unsupported(instanceKind(v));
}

/** UTF-8, as TextEncoder writes it (lone surrogates as U+FFFD). */
function encodeString(s) {
  const n = s.length;
  room(5 + 3 * n);
  buf[pos] = STRING;
  const start = pos + 5;
  let at = start;
  if (n > 64) {
    // A view of exactly the room needed: Node's encodeInto writes nothing
    // into a view longer than 2 GiB, and the buffer may have grown past it.
    at += encoder.encodeInto(s, buf.subarray(at, at + 3 * n)).written;
  } else {
    for (let i = 0; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c < 0x80) {
        buf[at++] = c;
        continue;
      }
      if (c < 0x800) {
        buf[at++] = 0xc0 | (c >> 6);
      } else {
        if (c >= 0xd800 && c < 0xe000) {
          const low = i + 1 < n ? s.charCodeAt(i + 1) : 0;
          if (c < 0xdc00 && low >= 0xdc00 && low < 0xe000) {
            c = 0x10000 + ((c - 0xd800) << 10) + (low - 0xdc00);
            i++;
            buf[at++] = 0xf0 | (c >> 18);
            buf[at++] = 0x80 | ((c >> 12) & 0x3f);
          } else {
            c = 0xfffd; // a lone surrogate
            buf[at++] = 0xe0 | (c >> 12);
          }
        } else {
          buf[at++] = 0xe0 | (c >> 12);
        }
        buf[at++] = 0x80 | ((c >> 6) & 0x3f);
      }
      buf[at++] = 0x80 | (c & 0x3f);
    }
  }
  view.setUint32(pos + 1, at - start, true);
  pos = at;
}

const encoder = new TextEncoder();

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
  if (!(length >= 0 && length <= 4294967295)) return unsupported(UNREADABLE_ARRAY);
  room(1);
  buf[pos++] = ARRAY;
}

function encodeObject(v, depth) {
  let keys;
  try {
    keys = Object.keys(v); // own enumerable string keys, like JSON.stringify
  } catch {
    return unsupported(UNREADABLE_OBJECT);
  }
  const start = pos;
  room(5);
  buf[pos] = OBJECT;
  view.setUint32(pos + 1, keys.length, true);
  pos += 5;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let item;
    try {
      item = v[key];
    } catch {
      pos = start; // what was written of this object goes
      return unsupported(THROWING_GETTER);
    }
    const known = KEYS.get(key);
    if (known === undefined) {
      encodeString(key);
    } else {
      room(2);
      buf[pos++] = KEY;
      buf[pos++] = known;
    }
    encodeValue(item, depth + 1);
  }
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
    return UNREADABLE_OBJECT; // a proxy whose getPrototypeOf trap throws
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

const decoder = new TextDecoder();

function open(bytes, n) {
  text = decoder.decode(bytes);
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
export function table_from(bytes, n) {
  const columns = decoder.decode(bytes).split("\n");
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
