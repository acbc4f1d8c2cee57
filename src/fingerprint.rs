//! The fingerprint of an answer ([rules §11](crate::rules)): `"sq1:"` and
//! the lowercase hex SHA-256 of its canonical form — the answer as compact
//! JSON, in its own field order, without its texts (`description`,
//! `message`) and without `fingerprint` itself: exactly what JavaScript's
//! `JSON.stringify(answer, (k, v) => SKIPPED.includes(k) ? undefined : v)`
//! writes for the package's answer object.
//!
//! The canonical form is written by the answers' own writers
//! ([`crate::answer`]) into one buffer, hashed at once (many small updates
//! of the hash cost more than the hash).

use crate::answer::{self, push_date, Sink};
use crate::money::decimal_ascii;
use crate::types::{CancellationCheck, Param, SeatQuote};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// The scheme, written before the hash: a later scheme gets a new name.
pub(crate) const SCHEME: &str = "sq1:";

/// The fields the canonical form leaves out: the texts, in the request's
/// language, and the fingerprint itself.
pub(crate) const SKIPPED: [&str; 3] = ["description", "message", "fingerprint"];

/// The fingerprint of a quote.
pub(crate) fn of_quote(q: &SeatQuote) -> String {
    let mut c = Canonical::default();
    c.root(|c| answer::quote(c, q));
    c.finish()
}

/// The fingerprint of a cancellation check.
pub(crate) fn of_cancellation(check: &CancellationCheck) -> String {
    let mut c = Canonical::default();
    c.root(|c| answer::cancellation(c, check));
    c.finish()
}

/// The canonical form, written out.
struct Canonical {
    text: Vec<u8>,
    /// Whether the next field needs a comma before it.
    comma: bool,
}

impl Default for Canonical {
    fn default() -> Self {
        Canonical {
            text: Vec::with_capacity(1024),
            comma: false,
        }
    }
}

impl Canonical {
    fn raw(&mut self, bytes: &[u8]) {
        self.text.extend_from_slice(bytes);
    }

    fn root(&mut self, fields: impl FnOnce(&mut Self)) {
        self.raw(b"{");
        fields(self);
        self.raw(b"}");
    }

    /// `"name":` (after a comma when needed); false for a skipped field.
    fn key(&mut self, name: &str) -> bool {
        if SKIPPED.contains(&name) {
            return false;
        }
        if self.comma {
            self.raw(b",");
        }
        self.comma = true;
        self.string(name);
        self.raw(b":");
        true
    }

    /// A JSON string as `JSON.stringify` writes it: `"` and `\` escaped,
    /// the control characters as `\b \f \n \r \t` or `\u00xx`, everything
    /// else as it is.
    fn string(&mut self, s: &str) {
        self.raw(b"\"");
        let bytes = s.as_bytes();
        if !bytes.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\') {
            // Field names, codes, dates, amounts and most ids: as they are.
            self.raw(bytes);
            self.raw(b"\"");
            return;
        }
        let mut start = 0;
        for (i, &b) in bytes.iter().enumerate() {
            let short = match b {
                b'"' => b'"',
                b'\\' => b'\\',
                0x08 => b'b',
                0x0c => b'f',
                b'\n' => b'n',
                b'\r' => b'r',
                b'\t' => b't',
                0x00..=0x1f => 0,
                _ => continue,
            };
            self.raw(&bytes[start..i]);
            start = i + 1;
            if short != 0 {
                self.raw(&[b'\\', short]);
            } else {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                self.raw(&[
                    b'\\',
                    b'u',
                    b'0',
                    b'0',
                    HEX[usize::from(b >> 4)],
                    HEX[usize::from(b & 15)],
                ]);
            }
        }
        self.raw(&bytes[start..]);
        self.raw(b"\"");
    }

    fn number(&mut self, n: u32) {
        let mut digits = [0u8; 10];
        let mut at = digits.len();
        let mut rest = n;
        loop {
            at -= 1;
            digits[at] = b'0' + (rest % 10) as u8;
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        self.raw(&digits[at..]);
    }

    /// An object's fields between braces.
    fn object(&mut self, fields: impl FnOnce(&mut Self)) {
        self.raw(b"{");
        self.comma = false;
        fields(self);
        self.raw(b"}");
        self.comma = true;
    }

    fn finish(self) -> String {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let digest = Sha256::digest(&self.text);
        let mut out = String::with_capacity(SCHEME.len() + 64);
        out.push_str(SCHEME);
        for b in digest {
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
        out
    }
}

impl Sink for Canonical {
    fn bool(&mut self, name: &'static str, b: bool) {
        if self.key(name) {
            self.raw(if b { b"true" } else { b"false" });
        }
    }

    fn num(&mut self, name: &'static str, n: u32) {
        if self.key(name) {
            self.number(n);
        }
    }

    fn str(&mut self, name: &'static str, s: &str) {
        if self.key(name) {
            self.string(s);
        }
    }

    fn decimal(&mut self, name: &'static str, d: Decimal) {
        if self.key(name) {
            let mut buffer = [0; 64];
            self.raw(b"\"");
            let ascii = decimal_ascii(d, &mut buffer);
            self.raw(ascii);
            self.raw(b"\"");
        }
    }

    fn date(&mut self, name: &'static str, d: NaiveDate) {
        if self.key(name) {
            // Digits and dashes: nothing to escape.
            self.raw(b"\"");
            push_date(&mut self.text, d);
            self.raw(b"\"");
        }
    }

    fn object(&mut self, name: &'static str, fields: impl FnOnce(&mut Self)) {
        if self.key(name) {
            Canonical::object(self, fields);
        }
    }

    fn list<T>(&mut self, name: &'static str, items: &[T], item: impl Fn(&mut Self, &T)) {
        if self.key(name) {
            self.raw(b"[");
            for (i, each) in items.iter().enumerate() {
                if i > 0 {
                    self.raw(b",");
                }
                Canonical::object(self, |c| item(c, each));
            }
            self.raw(b"]");
        }
    }

    fn nullable<T>(
        &mut self,
        name: &'static str,
        value: Option<&T>,
        fields: impl FnOnce(&mut Self, &T),
    ) {
        if self.key(name) {
            match value {
                Some(value) => Canonical::object(self, |c| fields(c, value)),
                None => self.raw(b"null"),
            }
        }
    }

    /// Left out: a fingerprint cannot cover itself.
    fn fingerprint(&mut self, _: &'static str, _: &str) {}

    fn params(&mut self, name: &'static str, params: &BTreeMap<String, Param>) {
        if self.key(name) {
            self.raw(b"{");
            for (i, (key, param)) in params.iter().enumerate() {
                if i > 0 {
                    self.raw(b",");
                }
                self.string(key);
                self.raw(b":");
                match param {
                    Param::Number(n) => self.number(*n),
                    Param::Text(t) => self.string(t),
                }
            }
            self.raw(b"}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The canonical form of a quote as text.
    fn canonical_quote(q: &SeatQuote) -> String {
        let mut c = Canonical::default();
        c.root(|c| answer::quote(c, q));
        String::from_utf8(c.text).expect("UTF-8")
    }

    #[test]
    fn strings_are_escaped_as_json_stringify_escapes_them() {
        // serde_json escapes exactly as JSON.stringify does for text without
        // lone surrogates (which Rust strings cannot hold).
        let mut texts: Vec<String> = [
            "plain",
            "quo\"te",
            "back\\slash",
            "tab\tnew\nline\r",
            "\u{8}\u{c}",
            "ü € 😀",
            "\u{7f}\u{2028}",
            "</script>",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        texts.extend((0u8..0x20).map(|b| format!("a{}b", char::from(b))));
        for text in texts {
            let mut c = Canonical::default();
            c.string(&text);
            assert_eq!(
                String::from_utf8(c.text).unwrap(),
                serde_json::to_string(&text).unwrap(),
                "{text:?}"
            );
        }
    }

    #[test]
    fn the_canonical_form_leaves_out_the_texts_and_itself() {
        let json = r#"{ "subscription": { "plan": { "id": "a \"b\"", "allows_additional_seats": true,
            "included_seats": 1, "prices": { "month": { "base": "10.00", "seat": "5.00" } } },
            "interval": "month", "billing_anchor": "2026-01-15", "currency": "EUR", "seats": 5,
            "seats_in_use": 5 }, "target_seats": 3, "as_of": "2026-11-21" }"#;
        let q = crate::quote_seat_change(&crate::QuoteRequest::from_json(json).unwrap()).unwrap();
        let text = canonical_quote(&q);
        assert!(
            text.starts_with(
                r#"{"allowed":false,"violations":[{"code":"SEATS_IN_USE","params":{"free":0,"#
            ),
            "{text}"
        );
        assert!(text.ends_with(r#","plan_change":null}"#), "{text}");
        for left_out in ["description", "message", "fingerprint"] {
            assert!(!text.contains(left_out), "{left_out} in {text}");
        }
        let mut c = Canonical::default();
        c.raw(text.as_bytes());
        assert_eq!(c.finish(), q.fingerprint);
    }
}
