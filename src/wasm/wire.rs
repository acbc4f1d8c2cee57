//! The Rust half of the boundary's wire format (the JS half is
//! `boundary.js`): the encoded request → the parser's [`Node`] (its strings
//! borrowed from the encoded bytes, never copied), and answers → one text
//! plus one array of numbers.
//!
//! Both directions are plain byte work in WebAssembly memory, with one
//! crossing into JS each way instead of one per field.

use crate::money::decimal_ascii;
use crate::types::{CancellationCheck, Money, Param, PriceTable, SeatQuote, Violation};
use crate::value::{float_text_from_js, Node};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use std::borrow::Cow;

/// Deeper than `boundary.js` ever writes (it stops at 32): a guard only.
const MAX_DEPTH: usize = 40;

/// The field names `boundary.js` sends as an index (its `KEYS`, in order).
const KEYS: &[&str] = &[
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
];

/// What `boundary.js` writes for a value JSON cannot express (`u<code>`).
const UNSUPPORTED: &[&str] = &[
    "a BigInt",
    "a symbol",
    "a function",
    "a value nested too deeply (a cycle?)",
    "an unreadable object",
    "an unreadable array",
    "an object whose getter throws",
    "a Date",
    "a Map",
    "a Set",
    "a typed array",
    "a Promise",
    "a boxed primitive (new Number/String/Boolean)",
    "an instance of a class (give a plain object)",
    "a value beyond the first 1048576 of the request (the same object many times over?)",
];

/// Reads what `encode` in `boundary.js` wrote. `None` only if the two
/// halves disagree about the format (a bug, never the caller's input).
pub(crate) fn decode(bytes: &[u8]) -> Option<Node<'_>> {
    let mut reader = Reader { bytes, at: 0 };
    let value = reader.value(0)?;
    (reader.at == bytes.len()).then_some(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    #[inline(always)] // tiny, and called for every value
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let taken = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(taken)
    }

    #[inline(always)] // tiny, and called for every value
    fn byte(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }

    #[inline(always)] // tiny, and called for every value
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    #[inline(always)] // tiny, and called for every value
    fn f64(&mut self) -> Option<f64> {
        Some(f64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// `<u32 length><UTF-8>`.
    #[inline]
    fn string(&mut self) -> Option<&'a str> {
        let len = self.u32()? as usize;
        std::str::from_utf8(self.take(len)?).ok()
    }

    fn value(&mut self, depth: usize) -> Option<Node<'a>> {
        if depth > MAX_DEPTH {
            return None;
        }
        Some(match self.byte()? {
            b'n' => Node::Null,
            b't' => Node::Bool(true),
            b'f' => Node::Bool(false),
            // A safe integer: exact as i64.
            b'i' => Node::Int(self.f64()? as i64),
            b'd' => {
                let f = self.f64()?;
                if self.byte()? != b's' {
                    return None;
                }
                let js = self.string()?;
                let text = if f.is_finite() {
                    Cow::Owned(float_text_from_js(f, js))
                } else {
                    Cow::Borrowed("")
                };
                Node::Float(f, text)
            }
            b's' => Node::String(self.string()?),
            b'u' => Node::Unsupported(UNSUPPORTED.get(usize::from(self.byte()?))?),
            b'[' => Node::Array,
            b'{' => {
                let count = self.u32()? as usize;
                // Each entry takes at least seven bytes (an empty key and null).
                let mut entries = Vec::with_capacity(count.min(self.bytes.len() / 7));
                for _ in 0..count {
                    let key = match self.byte()? {
                        b'k' => KEYS.get(usize::from(self.byte()?))?,
                        b's' => self.string()?,
                        _ => return None,
                    };
                    entries.push((key, self.value(depth + 1)?));
                }
                Node::Object(entries)
            }
            _ => return None,
        })
    }
}

// ------------------------------------------------------------------- out

/// An answer on its way out: strings appended to `text` (UTF-8, decoded
/// once in JS), their UTF-16 lengths and every number in `nums`, in the
/// order `boundary.js` reads.
#[derive(Default)]
pub(crate) struct Wire {
    pub text: Vec<u8>,
    pub nums: Vec<u32>,
}

/// The length of `s` in UTF-16 code units, as JavaScript counts it: one
/// per UTF-8 sequence, two for a four-byte one.
fn utf16_len(s: &str) -> usize {
    s.bytes()
        .map(|b| match b {
            0x80..=0xBF => 0, // continuation
            0xF0..=0xFF => 2, // starts a four-byte sequence
            _ => 1,
        })
        .sum()
}

impl Wire {
    #[inline]
    fn str(&mut self, s: &str) {
        self.text.extend_from_slice(s.as_bytes());
        // Strings are far shorter than 4 GiB: the request was a JS string.
        self.nums.push(utf16_len(s) as u32);
    }

    #[inline]
    fn num(&mut self, n: u32) {
        self.nums.push(n);
    }

    #[inline]
    fn bool(&mut self, b: bool) {
        self.nums.push(u32::from(b));
    }

    /// A decimal exactly as its `Display` (and serde) writes it; ASCII.
    #[inline]
    fn decimal(&mut self, d: Decimal) {
        let mut buffer = [0; 64];
        let ascii = decimal_ascii(d, &mut buffer);
        self.text.extend_from_slice(ascii);
        self.nums.push(ascii.len() as u32);
    }

    /// `YYYY-MM-DD`, as chrono's `Display` (and serde) writes it.
    #[inline]
    fn date(&mut self, d: NaiveDate) {
        let start = self.text.len();
        if (0..=9999).contains(&d.year()) {
            push_date(&mut self.text, d);
        } else {
            // Not reachable within the validated dates; chrono signs such years.
            self.text.extend_from_slice(d.to_string().as_bytes());
        }
        self.nums.push((self.text.len() - start) as u32);
    }

    fn money(&mut self, m: &Money) {
        self.decimal(m.net);
        self.decimal(m.tax);
        self.decimal(m.gross);
    }

    fn violations(&mut self, violations: &[Violation]) {
        self.num(violations.len() as u32);
        for v in violations {
            self.str(v.code.as_str());
            self.str(&v.message);
            self.num(v.params.len() as u32);
            for (key, param) in &v.params {
                self.str(key);
                match param {
                    Param::Number(n) => {
                        self.num(0);
                        self.num(*n);
                    }
                    Param::Text(t) => {
                        self.num(1);
                        self.str(t);
                    }
                }
            }
        }
    }
}

/// A date of a year from 0 to 9999, written by hand rather than through
/// chrono's `Display` and `core::fmt`.
fn push_date(text: &mut Vec<u8>, d: NaiveDate) {
    let (y, m, day) = (d.year().unsigned_abs(), d.month(), d.day());
    let digit = |n: u32| b'0' + (n % 10) as u8;
    text.extend_from_slice(&[
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ]);
}

/// In the order of `quote_from` in `boundary.js`.
pub(crate) fn write_quote(q: &SeatQuote) -> Wire {
    let mut w = Wire {
        text: Vec::with_capacity(512),
        nums: Vec::with_capacity(64),
    };
    w.bool(q.allowed);
    w.violations(&q.violations);
    w.str(q.change.as_str());
    w.date(q.as_of);
    w.str(&q.currency);
    let s = &q.seats;
    for n in [
        s.before,
        s.after,
        s.renewing_before,
        s.renewing_after,
        s.added,
        s.reactivated,
        s.removed,
    ] {
        w.num(n);
    }
    w.date(q.period.start);
    w.date(q.period.end);
    w.num(q.period.days_in_period);
    w.num(q.period.days_remaining);
    w.date(q.effective_date);
    w.num(q.lines.len() as u32);
    for line in &q.lines {
        w.str(line.kind.as_str());
        w.str(&line.description);
        w.num(line.quantity);
        w.decimal(line.unit_price);
        w.date(line.from);
        w.date(line.to);
        w.num(line.days);
        w.num(line.days_in_period);
        w.decimal(line.amount);
        w.str(line.placement.as_str());
    }
    w.str(q.placement.as_str());
    w.str(q.placement_reason.code.as_str());
    w.str(&q.placement_reason.message);
    w.money(&q.due_now);
    w.decimal(q.credit_carried_forward);
    w.date(q.next_invoice.date);
    w.money(&q.next_invoice.recurring);
    w.decimal(q.next_invoice.adjustments);
    w.money(&q.next_invoice.total);
    w.money(&q.recurring.before);
    w.money(&q.recurring.after);
    w.date(q.billing_anchor_after);
    w
}

/// In the order of `cancellation_from` in `boundary.js`.
pub(crate) fn write_cancellation(c: &CancellationCheck) -> Wire {
    let mut w = Wire::default();
    w.bool(c.allowed);
    w.violations(&c.violations);
    w.num(c.seats_to_cancel);
    w.num(c.free_seats);
    w.num(c.users_to_remove);
    w.date(c.effective_date);
    w.date(c.last_active_day);
    w.num(c.renewing_seats_after);
    w.money(&c.recurring_after);
    w.decimal(c.credit);
    w
}

/// In the order of `table_from` in `boundary.js`: columns of
/// engine-written text joined by "," and separated by "\n" (no value can
/// contain either), then the row count, target seats and `allowed`.
pub(crate) fn write_table(t: &PriceTable) -> Wire {
    let rows = t.target_seats.len();
    let mut w = Wire {
        text: Vec::with_capacity(16 + rows * 70),
        nums: Vec::with_capacity(1 + 2 * rows),
    };
    w.text.extend_from_slice(t.currency.as_bytes());
    for column in [
        &t.due_now.net,
        &t.due_now.tax,
        &t.due_now.gross,
        &t.next_invoice_total.net,
        &t.next_invoice_total.tax,
        &t.next_invoice_total.gross,
        &t.recurring_after.net,
        &t.recurring_after.tax,
        &t.recurring_after.gross,
    ] {
        w.text.push(b'\n');
        for (i, d) in column.iter().enumerate() {
            if i > 0 {
                w.text.push(b',');
            }
            w.text.extend_from_slice(decimal_ascii(*d, &mut [0; 64]));
        }
    }
    w.text.push(b'\n');
    for (i, p) in t.placement.iter().enumerate() {
        if i > 0 {
            w.text.push(b',');
        }
        w.text.extend_from_slice(p.as_str().as_bytes());
    }
    w.nums.push(rows as u32);
    w.nums.extend_from_slice(&t.target_seats);
    w.nums.extend(t.allowed.iter().map(|a| u32::from(*a)));
    w
}
