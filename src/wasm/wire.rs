//! The Rust half of the boundary's wire format (the JS half is
//! `boundary.js`, with `wire.generated.js` written from this file): the
//! encoded request → the parser's [`Node`] (its strings borrowed from the
//! encoded bytes, never copied), and answers → one text plus one array of
//! numbers.
//!
//! Both directions are plain byte work in WebAssembly memory, with one
//! crossing into JS each way instead of one per field.
//!
//! Every table the two halves share has its one source here:
//! * the field names that cross as one byte are the parser's
//!   [`FIELD_NAMES`];
//! * each answer's layout is the code that writes it: [`quote`],
//!   [`cancellation`] and [`table`] write every value through a [`Sink`]
//!   with its field name, and a test records the layout from them and
//!   writes the JS readers (`wire.generated.js`), failing when the checked-in
//!   file is stale;
//! * a value JSON cannot express crosses as its words, written in JS.

use crate::limits::MAX_TIERS;
use crate::money::decimal_ascii;
use crate::parse::FIELD_NAMES;
use crate::types::{
    CancellationCheck, Money, MoneyColumns, Param, Placement, PriceTable, SeatQuote, Violation,
};
use crate::value::{float_text_from_js, Node};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use std::borrow::Cow;
use std::collections::BTreeMap;

#[cfg(all(test, not(target_arch = "wasm32")))]
mod generate;

/// Deeper than `boundary.js` ever writes (it stops at 32): a guard only.
const MAX_DEPTH: usize = 40;

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
            // What the value is, in words written by JS.
            b'u' => Node::Unsupported(self.string()?),
            // The length, then the items when there are at most MAX_TIERS.
            b'[' => {
                let len = self.u32()? as usize;
                let mut items = Vec::new();
                if len <= MAX_TIERS {
                    for _ in 0..len {
                        items.push(self.value(depth + 1)?);
                    }
                }
                Node::Array(len, items)
            }
            b'{' => {
                let count = self.u32()? as usize;
                // Each entry takes at least seven bytes (an empty key and null).
                let mut entries = Vec::with_capacity(count.min(self.bytes.len() / 7));
                for _ in 0..count {
                    let key = match self.byte()? {
                        b'k' => FIELD_NAMES.get(usize::from(self.byte()?))?,
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

/// Where an answer goes, value by value, each with its field name: the
/// [`Wire`] (which ignores the names) or, in tests, a recorder of the
/// layout, from which `wire.generated.js` is written. So the order in which
/// JS reads an answer is, by construction, the order in which it is written.
pub(crate) trait Sink: Sized {
    fn bool(&mut self, name: &'static str, b: bool);
    fn num(&mut self, name: &'static str, n: u32);
    fn str(&mut self, name: &'static str, s: &str);
    /// A decimal exactly as its `Display` (and serde) writes it.
    fn decimal(&mut self, name: &'static str, d: Decimal);
    /// `YYYY-MM-DD`, as chrono's `Display` (and serde) writes it.
    fn date(&mut self, name: &'static str, d: NaiveDate);
    fn object(&mut self, name: &'static str, fields: impl FnOnce(&mut Self));
    fn list<T>(&mut self, name: &'static str, items: &[T], item: impl Fn(&mut Self, &T));
    /// An object or `null`.
    fn nullable<T>(
        &mut self,
        name: &'static str,
        value: Option<&T>,
        fields: impl FnOnce(&mut Self, &T),
    );
    /// A violation's parameters: each a number or a text.
    fn params(&mut self, name: &'static str, params: &BTreeMap<String, Param>);
}

/// Where a price table goes: its columns. Text crosses as one segment per
/// column (values joined by ","), numbers after the row count, a column
/// after the other.
pub(crate) trait ColumnSink: Sized {
    /// One text for the whole table (the currency).
    fn text(&mut self, name: &'static str, s: &str);
    fn text_column<T: Ascii>(&mut self, name: &'static str, items: &[T]);
    fn num_column(&mut self, name: &'static str, items: &[u32]);
    fn bool_column(&mut self, name: &'static str, items: &[bool]);
    fn object(&mut self, name: &'static str, fields: impl FnOnce(&mut Self));
}

/// A value of a text column: engine-written ASCII that contains neither
/// "," nor "\n" (digits, '-', '.', a-z, '_').
pub(crate) trait Ascii {
    fn ascii<'b>(&'b self, buffer: &'b mut [u8; 64]) -> &'b [u8];
}

impl Ascii for Decimal {
    fn ascii<'b>(&'b self, buffer: &'b mut [u8; 64]) -> &'b [u8] {
        decimal_ascii(*self, buffer)
    }
}

impl Ascii for Placement {
    fn ascii<'b>(&'b self, _: &'b mut [u8; 64]) -> &'b [u8] {
        self.as_str().as_bytes()
    }
}

/// An answer on its way out: strings appended to `text` (UTF-8, decoded
/// once in JS), their UTF-16 lengths and every number in `nums`, in the
/// order the generated readers read them.
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

impl Sink for Wire {
    // The scalars are written out of line: inlined, each of the many values
    // of an answer carried its own copy of a push and its growth path
    // (1.2 KB of gzipped WebAssembly), and a call is no slower here.
    #[inline(never)]
    fn bool(&mut self, _: &'static str, b: bool) {
        self.nums.push(u32::from(b));
    }

    #[inline(never)]
    fn num(&mut self, _: &'static str, n: u32) {
        self.nums.push(n);
    }

    #[inline(never)]
    fn str(&mut self, _: &'static str, s: &str) {
        self.text.extend_from_slice(s.as_bytes());
        // Strings are far shorter than 4 GiB: the request was a JS string.
        self.nums.push(utf16_len(s) as u32);
    }

    #[inline(never)]
    fn decimal(&mut self, _: &'static str, d: Decimal) {
        let mut buffer = [0; 64];
        let ascii = decimal_ascii(d, &mut buffer);
        self.text.extend_from_slice(ascii);
        self.nums.push(ascii.len() as u32);
    }

    #[inline]
    fn date(&mut self, _: &'static str, d: NaiveDate) {
        let start = self.text.len();
        if (0..=9999).contains(&d.year()) {
            push_date(&mut self.text, d);
        } else {
            // Not reachable within the validated dates; chrono signs such years.
            self.text.extend_from_slice(d.to_string().as_bytes());
        }
        self.nums.push((self.text.len() - start) as u32);
    }

    #[inline]
    fn object(&mut self, _: &'static str, fields: impl FnOnce(&mut Self)) {
        fields(self);
    }

    #[inline]
    fn list<T>(&mut self, _: &'static str, items: &[T], item: impl Fn(&mut Self, &T)) {
        self.nums.push(items.len() as u32);
        for each in items {
            item(self, each);
        }
    }

    #[inline]
    fn nullable<T>(
        &mut self,
        _: &'static str,
        value: Option<&T>,
        fields: impl FnOnce(&mut Self, &T),
    ) {
        self.nums.push(u32::from(value.is_some()));
        if let Some(value) = value {
            fields(self, value);
        }
    }

    fn params(&mut self, name: &'static str, params: &BTreeMap<String, Param>) {
        self.nums.push(params.len() as u32);
        for (key, param) in params {
            self.str(name, key);
            match param {
                Param::Number(n) => {
                    self.nums.push(0);
                    self.nums.push(*n);
                }
                Param::Text(t) => {
                    self.nums.push(1);
                    self.str(name, t);
                }
            }
        }
    }
}

impl ColumnSink for Wire {
    #[inline]
    fn text(&mut self, _: &'static str, s: &str) {
        self.segment();
        self.text.extend_from_slice(s.as_bytes());
    }

    #[inline]
    fn text_column<T: Ascii>(&mut self, _: &'static str, items: &[T]) {
        self.segment();
        for (i, item) in items.iter().enumerate() {
            if i > 0 {
                self.text.push(b',');
            }
            self.text.extend_from_slice(item.ascii(&mut [0; 64]));
        }
    }

    #[inline]
    fn num_column(&mut self, _: &'static str, items: &[u32]) {
        self.nums.extend_from_slice(items);
    }

    #[inline]
    fn bool_column(&mut self, _: &'static str, items: &[bool]) {
        self.nums.extend(items.iter().map(|b| u32::from(*b)));
    }

    #[inline]
    fn object(&mut self, _: &'static str, fields: impl FnOnce(&mut Self)) {
        fields(self);
    }
}

impl Wire {
    /// Separates a table's text segments.
    fn segment(&mut self) {
        if !self.text.is_empty() {
            self.text.push(b'\n');
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

fn money<S: Sink>(w: &mut S, name: &'static str, m: &Money) {
    w.object(name, |w| {
        w.decimal("net", m.net);
        w.decimal("tax", m.tax);
        w.decimal("gross", m.gross);
    });
}

fn violations<S: Sink>(w: &mut S, list: &[Violation]) {
    w.list("violations", list, |w, v| {
        w.str("code", v.code.as_str());
        w.str("message", &v.message);
        w.params("params", &v.params);
    });
}

/// A [`SeatQuote`], field by field as serde writes it.
pub(crate) fn quote<S: Sink>(w: &mut S, q: &SeatQuote) {
    w.bool("allowed", q.allowed);
    violations(w, &q.violations);
    w.str("change", q.change.as_str());
    w.date("as_of", q.as_of);
    w.str("currency", &q.currency);
    w.object("seats", |w| {
        let s = &q.seats;
        w.num("before", s.before);
        w.num("after", s.after);
        w.num("renewing_before", s.renewing_before);
        w.num("renewing_after", s.renewing_after);
        w.num("added", s.added);
        w.num("reactivated", s.reactivated);
        w.num("removed", s.removed);
    });
    w.object("period", |w| {
        w.date("start", q.period.start);
        w.date("end", q.period.end);
        w.num("days_in_period", q.period.days_in_period);
        w.num("days_remaining", q.period.days_remaining);
    });
    w.date("effective_date", q.effective_date);
    w.list("lines", &q.lines, |w, line| {
        w.str("kind", line.kind.as_str());
        w.str("description", &line.description);
        w.num("quantity", line.quantity);
        w.decimal("unit_price", line.unit_price);
        w.date("from", line.from);
        w.date("to", line.to);
        w.num("days", line.days);
        w.num("days_in_period", line.days_in_period);
        w.decimal("amount", line.amount);
        w.str("placement", line.placement.as_str());
    });
    w.str("placement", q.placement.as_str());
    w.object("placement_reason", |w| {
        w.str("code", q.placement_reason.code.as_str());
        w.str("message", &q.placement_reason.message);
    });
    money(w, "due_now", &q.due_now);
    w.decimal("credit_carried_forward", q.credit_carried_forward);
    w.object("next_invoice", |w| {
        w.date("date", q.next_invoice.date);
        money(w, "recurring", &q.next_invoice.recurring);
        w.decimal("adjustments", q.next_invoice.adjustments);
        money(w, "total", &q.next_invoice.total);
    });
    w.object("recurring", |w| {
        money(w, "before", &q.recurring.before);
        money(w, "after", &q.recurring.after);
    });
    w.date("billing_anchor_after", q.billing_anchor_after);
    w.nullable("plan_change", q.plan_change.as_ref(), |w, change| {
        for (name, side) in [("from", &change.from), ("to", &change.to)] {
            w.object(name, |w| {
                w.str("plan", &side.plan);
                w.str("interval", side.interval.as_str());
            });
        }
        w.str("direction", change.direction.as_str());
    });
}

/// A [`CancellationCheck`], field by field as serde writes it.
pub(crate) fn cancellation<S: Sink>(w: &mut S, c: &CancellationCheck) {
    w.bool("allowed", c.allowed);
    violations(w, &c.violations);
    w.num("seats_to_cancel", c.seats_to_cancel);
    w.num("free_seats", c.free_seats);
    w.num("users_to_remove", c.users_to_remove);
    w.date("effective_date", c.effective_date);
    w.date("last_active_day", c.last_active_day);
    w.num("renewing_seats_after", c.renewing_seats_after);
    money(w, "recurring_after", &c.recurring_after);
    w.decimal("credit", c.credit);
}

fn money_columns<S: ColumnSink>(w: &mut S, name: &'static str, m: &MoneyColumns) {
    w.object(name, |w| {
        w.text_column("net", &m.net);
        w.text_column("tax", &m.tax);
        w.text_column("gross", &m.gross);
    });
}

/// A [`PriceTable`], column by column as serde writes it.
pub(crate) fn table<S: ColumnSink>(w: &mut S, t: &PriceTable) {
    w.text("currency", &t.currency);
    w.num_column("target_seats", &t.target_seats);
    money_columns(w, "due_now", &t.due_now);
    money_columns(w, "next_invoice_total", &t.next_invoice_total);
    money_columns(w, "recurring_after", &t.recurring_after);
    w.text_column("placement", &t.placement);
    w.bool_column("allowed", &t.allowed);
}

/// The wire of a quote.
pub(crate) fn write_quote(q: &SeatQuote) -> Wire {
    let mut w = Wire {
        text: Vec::with_capacity(512),
        nums: Vec::with_capacity(64),
    };
    quote(&mut w, q);
    w
}

/// The wire of a cancellation check.
pub(crate) fn write_cancellation(c: &CancellationCheck) -> Wire {
    let mut w = Wire::default();
    cancellation(&mut w, c);
    w
}

/// The wire of a price table: the row count first.
pub(crate) fn write_table(t: &PriceTable) -> Wire {
    let rows = t.target_seats.len();
    let mut w = Wire {
        text: Vec::with_capacity(16 + rows * 70),
        nums: Vec::with_capacity(1 + 2 * rows),
    };
    w.nums.push(rows as u32);
    table(&mut w, t);
    w
}
