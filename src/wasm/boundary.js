// The JavaScript half of the WebAssembly boundary (src/wasm/mod.rs is the
// other half), written by hand: the encoder of requests and the primitives
// that read answers. Its tables — the field names that cross as one byte,
// and each answer's layout — are written from the Rust side into
// wire.generated.js, which uses what this file exports. The build inlines
// both into pkg/seatquote.js.
//
// Crossing the boundary once per value is what made a quote slow (tens of
// µs: a call into JS per field read, per field written). Instead:
//
// * in:  `encodeWith` walks the request in JS and writes it as bytes, which
//        Rust reads into the parser's tree (src/wasm/wire.rs, `decode`);
// * out: Rust writes the answer as one text plus one array of numbers, and
//        the generated readers build the plain objects from them, field by
//        field, in the order Rust wrote them.
//
// `encodeWith` recognises exactly what the core must reject by name (BigInt,
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
const ARRAY = 0x5b; // [, then the length as u32, then the items when there are at most maxItems
const OBJECT = 0x7b; // {, then the key count as u32, then key (a STRING or a KEY) and value pairs
const KEY = 0x6b; // k, then one byte: the index of a field name in the key table
const UNSUPPORTED = 0x75; // u, then what the value is, in words, as a STRING without its tag

// Values JSON cannot express, in the words of the error message.
const BIGINT = "a BigInt";
const SYMBOL = "a symbol";
const FUNCTION = "a function";
const TOO_DEEP = "a value nested too deeply (a cycle?)";
const UNREADABLE_OBJECT = "an unreadable object";
const UNREADABLE_ARRAY = "an unreadable array";
const THROWING_GETTER = "an object whose getter throws";
const TOO_MANY = `a value beyond the first ${MAX_VALUES} of the request (the same object many times over?)`;

// The bytes being written: one buffer, reused, grown when a request needs it.
let buf = new Uint8Array(1024);
let view = new DataView(buf.buffer);
let pos = 0;
let valuesLeft = 0;
let encoding = false;
/** Field name → its index in the key table (from wire.generated.js). */
let keyIndex = new Map();
/** The most items of an array that are read (from wire.generated.js). */
let maxItems = 0;

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
 *   [ <u32 length> value…      an array: its items only when there are at
 *                              most `maxItems` (a longer one is refused by its
 *                              length: its items are never read)
 *   { <u32 count> (key value)… a plain object, own enumerable keys in order;
 *                              a key is k <index> (a field name) or s…
 *   u <u32 length> <UTF-8>     a value JSON cannot express, in words
 *
 * `table` maps the field names that cross as one byte to their index;
 * `max` is the most items of an array that are read (the most tiers).
 */
export function encodeWith(value, table, max) {
  // A getter may itself ask seatquote for a quote: that request gets a
  // buffer of its own, and this one carries on where it was.
  const outer = encoding ? { buf, view, pos, valuesLeft } : null;
  if (outer) fresh();
  encoding = true;
  keyIndex = table;
  maxItems = max;
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

function unsupported(words) {
  const start = pos;
  encodeString(words);
  buf[start] = UNSUPPORTED;
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
  if (isArray) return encodeArray(v, depth);
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
 * Only the tiers of a price are an array, of at most `maxItems`: a longer
 * array is refused by its length alone, its items never read
 * (`new Array(2 ** 32 - 1)` has four billion holes that could not be read
 * in any time).
 */
function encodeArray(v, depth) {
  let length;
  try {
    length = Reflect.get(v, "length");
  } catch {
    length = 0;
  }
  if (typeof length !== "number") length = 0;
  if (!(length >= 0 && length <= 4294967295)) return unsupported(UNREADABLE_ARRAY);
  const start = pos;
  room(5);
  buf[pos] = ARRAY;
  view.setUint32(pos + 1, length, true);
  pos += 5;
  if (length > maxItems) return;
  for (let i = 0; i < length; i++) {
    let item;
    try {
      item = Reflect.get(v, i);
    } catch {
      pos = start; // what was written of this array goes
      return unsupported(THROWING_GETTER);
    }
    encodeValue(item, depth + 1);
  }
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
    const known = keyIndex.get(key);
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

/** What a non-plain object is, in the words of the error message. */
function instanceKind(v) {
  try {
    if (v instanceof Date) return "a Date";
    if (v instanceof Map) return "a Map";
    if (v instanceof Set) return "a Set";
    if (ArrayBuffer.isView(v) || v instanceof ArrayBuffer) return "a typed array";
    if (v instanceof Promise) return "a Promise";
    if (v instanceof Number || v instanceof String || v instanceof Boolean) {
      return "a boxed primitive (new Number/String/Boolean)";
    }
    return "an instance of a class (give a plain object)";
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
// lengths (UTF-16 code units) and every number are the next `nums`. The
// readers of wire.generated.js call these in the order Rust wrote.
let text = "";
let nums = null;
let at = 0;
let next = 0;

const decoder = new TextDecoder();

export function open(bytes, n) {
  text = decoder.decode(bytes);
  nums = n;
  at = 0;
  next = 0;
}

export function str() {
  const end = at + nums[next++];
  const s = text.slice(at, end);
  at = end;
  return s;
}

export function num() {
  return nums[next++];
}

export function bool() {
  return nums[next++] === 1;
}

/** A violation's parameters: a key, then 0 and a number or 1 and a text. */
export function params() {
  const found = {};
  for (let k = num(); k > 0; k--) {
    const key = str();
    found[key] = num() === 0 ? num() : str();
  }
  return found;
}

/**
 * A price table's text: segments separated by "\n", each the values of
 * one column joined by "," (engine-written text: digits, '-', '.', a-z, _).
 */
export function textColumns(bytes) {
  return decoder.decode(bytes).split("\n");
}

/** `rows` numbers from `start`, as a plain array. */
export function numColumn(n, start, rows) {
  const column = [];
  for (let i = start; i < start + rows; i++) column.push(n[i]);
  return column;
}

/** `rows` flags from `start`, as a plain array. */
export function boolColumn(n, start, rows) {
  const column = [];
  for (let i = start; i < start + rows; i++) column.push(n[i] === 1);
  return column;
}

/**
 * The error every export throws: `code` is INVALID_INPUT for a request to
 * fix, INTERNAL_ERROR for a bug in seatquote.
 */
export function seatquote_error(code, path, message) {
  const error = new Error(message);
  error.name = "SeatQuoteError";
  error.code = code;
  error.path = path;
  return error;
}

// ---------------------------------------------------------- fingerprint

// The fingerprint of an answer (rules §11): "sq1:" and the SHA-256 of its
// canonical form, the answer as `JSON.stringify` writes it without its
// texts and without the fingerprint. Natively the crate computes it with
// the `sha2` crate from the same canonical form; here it is computed when
// it is first read, so that a quote does not pay for hashing a preview
// nobody confirms. Every shared vector's answer carries both, compared by
// the tests.

const SKIPPED = new Set(["description", "message", "fingerprint"]);
let canonicalizing = false;

/** The canonical form of an answer (its fingerprint getter is skipped). */
function canonical(answer) {
  canonicalizing = true;
  try {
    return JSON.stringify(answer, (key, value) => (SKIPPED.has(key) ? undefined : value));
  } finally {
    canonicalizing = false;
  }
}

const prints = new WeakMap();

/** The `fingerprint` of every answer: computed when first read, then kept (or as set). */
const FINGERPRINT = {
  enumerable: true,
  configurable: true,
  get() {
    if (canonicalizing) return undefined;
    let value = prints.get(this);
    if (value === undefined) {
      value = `sq1:${sha256(canonical(this))}`;
      prints.set(this, value);
    }
    return value;
  },
  set(value) {
    prints.set(this, value);
  },
};

/** Gives an answer its `fingerprint`, the last of its enumerable properties. */
export function withFingerprint(answer) {
  return Object.defineProperty(answer, "fingerprint", FINGERPRINT);
}

// SHA-256 (FIPS 180-4) of a string's UTF-8 bytes, as lowercase hex. The
// round constants are the first 32 bits of the fractional parts of the
// cube roots of the first 64 primes, the initial hash those of the square
// roots of the first 8 (computed once, and checked by known-answer tests).
const ROUND = new Uint32Array(64);
const INITIAL = new Uint32Array(8);
{
  let found = 0;
  for (let p = 2; found < 64; p++) {
    let prime = true;
    for (let d = 2; d * d <= p; d++) if (p % d === 0) prime = false;
    if (!prime) continue;
    if (found < 8) INITIAL[found] = (p ** 0.5 % 1) * 2 ** 32;
    ROUND[found++] = (p ** (1 / 3) % 1) * 2 ** 32;
  }
}
const rotr = (x, n) => (x >>> n) | (x << (32 - n));

function sha256(textToHash) {
  const bytes = encoder.encode(textToHash);
  const blocks = new Uint8Array(((bytes.length + 72) >> 6) << 6);
  blocks.set(bytes);
  blocks[bytes.length] = 0x80;
  const view = new DataView(blocks.buffer);
  view.setUint32(blocks.length - 8, Math.floor(bytes.length / 2 ** 29));
  view.setUint32(blocks.length - 4, bytes.length * 8);
  const h = INITIAL.slice();
  const w = new Uint32Array(64);
  for (let offset = 0; offset < blocks.length; offset += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(offset + 4 * i);
    for (let i = 16; i < 64; i++) {
      const a = w[i - 15];
      const b = w[i - 2];
      w[i] = w[i - 16] + (rotr(a, 7) ^ rotr(a, 18) ^ (a >>> 3)) + w[i - 7] + (rotr(b, 17) ^ rotr(b, 19) ^ (b >>> 10));
    }
    let [a, b, c, d, e, f, g, k] = h;
    for (let i = 0; i < 64; i++) {
      const t1 = (k + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + ROUND[i] + w[i]) | 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
      k = g;
      g = f;
      f = e;
      e = (d + t1) | 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) | 0;
    }
    h[0] += a;
    h[1] += b;
    h[2] += c;
    h[3] += d;
    h[4] += e;
    h[5] += f;
    h[6] += g;
    h[7] += k;
  }
  let hex = "";
  for (const word of h) hex += word.toString(16).padStart(8, "0");
  return hex;
}
