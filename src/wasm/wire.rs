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

use crate::answer::push_date;
pub(crate) use crate::answer::{cancellation, quote, Sink};
use crate::limits::MAX_TIERS;
use crate::money::decimal_ascii;
use crate::parse::FIELD_NAMES;
use crate::types::{CancellationCheck, MoneyColumns, Param, Placement, PriceTable, SeatQuote};
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

    /// Not sent: the JS reader gives the answer a getter that computes it.
    #[inline]
    fn fingerprint(&mut self, _: &'static str, _: &str) {}

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
