// Formatting for display, and the two conversions the form needs.
//
// Money never goes through a JS number: the engine returns exact decimal
// strings, and Intl.NumberFormat formats a decimal *string* exactly (ECMA-402
// "Intl.NumberFormat v3"), so "0.10" stays 0.10 and never becomes 0.1000000001.

/** BCP 47 tags for the page's languages: day-month-year English, German. */
const INTL_LOCALE = { en: "en-GB", de: "de-DE" };

const cache = new Map();
function cached(kind, lang, options, make) {
  const key = `${kind}|${lang}|${JSON.stringify(options)}`;
  if (!cache.has(key)) cache.set(key, make(INTL_LOCALE[lang] ?? lang, options));
  return cache.get(key);
}

/** "€38.00" / "38,00 €" from the decimal string "38.00". */
export function money(amount, currency, lang) {
  const nf = cached("money", lang, { currency }, (loc) => new Intl.NumberFormat(loc, { style: "currency", currency }));
  return nf.format(String(amount));
}

/** "19%" / "19 %" from the rate string "0.19". */
export function percent(rate, lang) {
  const nf = cached(
    "percent",
    lang,
    {},
    (loc) => new Intl.NumberFormat(loc, { style: "percent", maximumFractionDigits: 8 }),
  );
  return nf.format(String(rate));
}

/** A whole number with the locale's grouping: "1,000,000" / "1.000.000". */
export function count(n, lang) {
  const nf = cached("count", lang, {}, (loc) => new Intl.NumberFormat(loc));
  return nf.format(n);
}

/**
 * "15 Dec 2026" / "15. Dez. 2026" from "2026-12-15".
 *
 * The date is a civil date without a zone: it is built in UTC and formatted
 * in UTC, so no time zone can move it to the day before.
 */
export function date(iso, lang) {
  const [y, m, d] = iso.split("-").map(Number);
  const when = new Date(Date.UTC(y, m - 1, d));
  when.setUTCFullYear(y); // Date.UTC maps years 0–99 to 1900–1999
  const df = cached(
    "date",
    lang,
    {},
    (loc) => new Intl.DateTimeFormat(loc, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }),
  );
  return df.format(when);
}

/**
 * Today's date in the browser's own time zone as "YYYY-MM-DD".
 *
 * Not `toISOString()`: that is the UTC date, which is yesterday or tomorrow
 * for part of every day in most of the world.
 */
export function localToday(now = new Date()) {
  const pad = (n, width) => String(n).padStart(width, "0");
  return `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`;
}

/**
 * The tax rate for the engine from what the customer typed as a percentage:
 * "19" → "0.19", "7,7" → "0.077". Done on the digits, not with a division,
 * so the rate is exactly what was typed.
 *
 * Returns null for an empty field; text that is not a plain number is passed
 * through unchanged, so that the engine reports it against the VAT field.
 */
export function percentToRate(text) {
  const typed = text.trim().replace(",", ".");
  if (typed === "") return null;
  const match = /^(\d+)(?:\.(\d+))?$/.exec(typed);
  if (!match) return typed;
  const digits = (match[1] + (match[2] ?? "")).replace(/^0+(?=\d)/, "");
  // The point moves two places left: it sits before the last
  // (decimals + 2) digits, padding with zeros when the number is short.
  const decimals = (match[2] ?? "").length + 2;
  const padded = digits.padStart(decimals + 1, "0");
  const int = padded.slice(0, padded.length - decimals);
  const frac = padded.slice(padded.length - decimals);
  return `${int}.${frac}`;
}
