//! A small self-describing value tree: the common shape of a request before
//! it is checked, whether it came from JSON (natively) or from a JavaScript
//! object (in WebAssembly).
//!
//! Parsing goes through this tree rather than straight into typed structs so
//! that every problem is reported with the exact path of the field and a
//! message that names the fix, and so that JavaScript-only values (BigInt,
//! Date, NaN, …) are recognised instead of being coerced.

use crate::limits::MAX_TIERS;
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;

/// One input value.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    /// `null`, or JavaScript `undefined`: treated as "not given".
    Null,
    /// `true` / `false`.
    Bool(bool),
    /// An integer (a JavaScript number that is a safe integer).
    Int(i64),
    /// Any other number, including `NaN`, `±Infinity` and `-0`.
    Float(f64),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Value>),
    /// An object, its keys in their original order.
    Object(Vec<(String, Value)>),
}

/// What the parser reads: a [`Value`] borrowed, or read in place from the
/// WebAssembly boundary's wire format without copying a string. An array's
/// items are read only when there are at most [`MAX_TIERS`] of them (the
/// longest array a request may have): a longer one is refused by its length.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Node<'a> {
    Null,
    Bool(bool),
    Int(i64),
    /// A number and, when finite, its text as `f64`'s `Display` writes it:
    /// made from Ryū's digits natively, from JavaScript's own `String(n)`
    /// in WebAssembly (so the module needs no float printing of its own).
    Float(f64, Cow<'a, str>),
    String(&'a str),
    /// The length, and the items when there are at most [`MAX_TIERS`].
    Array(usize, Vec<Node<'a>>),
    Object(Vec<(&'a str, Node<'a>)>),
    /// A value JSON cannot express, in words ("a BigInt"): only the
    /// WebAssembly boundary reads those.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Unsupported(&'a str),
}

impl<'a> From<&'a Value> for Node<'a> {
    fn from(value: &'a Value) -> Self {
        match value {
            Value::Null => Node::Null,
            Value::Bool(b) => Node::Bool(*b),
            Value::Int(i) => Node::Int(*i),
            Value::Float(f) => Node::Float(
                *f,
                if f.is_finite() {
                    Cow::Owned(float_text(*f))
                } else {
                    Cow::Borrowed("")
                },
            ),
            Value::String(s) => Node::String(s),
            Value::Array(items) => Node::Array(
                items.len(),
                match items.len() <= MAX_TIERS {
                    true => items.iter().map(Node::from).collect(),
                    false => Vec::new(),
                },
            ),
            Value::Object(entries) => Node::Object(
                entries
                    .iter()
                    .map(|(key, value)| (key.as_str(), Node::from(value)))
                    .collect(),
            ),
        }
    }
}

impl Node<'_> {
    /// Describes the value for an error message: `a string ("5,00")`.
    pub(crate) fn describe(&self) -> String {
        match self {
            Node::Null => "nothing".to_owned(),
            Node::Bool(b) => format!("{b}"),
            Node::Int(i) => format!("the number {i}"),
            Node::Float(f, _) if f.is_nan() => "NaN".to_owned(),
            Node::Float(f, _) if f.is_infinite() => {
                if *f > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
            }
            Node::Float(_, text) => format!("the number {text}"),
            Node::String(s) => format!("a string (\"{}\")", excerpt(s)),
            Node::Array(..) => "an array".to_owned(),
            Node::Object(_) => "an object".to_owned(),
            Node::Unsupported(what) => (*what).to_owned(),
        }
    }
}

/// A finite float as `f.to_string()` writes it: the shortest digits that
/// read back as `f`, never an exponent (`4.9`, `1000000000000000000000`,
/// `0.0000001`, `-0`).
///
/// The digits come from Ryū (its small tables) rather than `core::fmt`,
/// whose float printing would be the largest single function of the
/// WebAssembly module; a test compares the two on millions of floats.
pub(crate) fn float_text(f: f64) -> String {
    let mut buffer = ryu::Buffer::new();
    // Ryū writes the same shortest digits, in its own layout: "4.9",
    // "100.0", "0.001", "1e21", "1.5e-7", "-0.0".
    display_from_shortest(f, buffer.format_finite(f))
}

/// A finite float as `f.to_string()` writes it, from the text JavaScript's
/// `String(f)` gave it: the same shortest digits, in JavaScript's layout
/// ("4.9", "1e+21", "1.5e-7"; "0" for -0).
#[cfg(any(test, target_arch = "wasm32"))] // the WebAssembly boundary's
pub(crate) fn float_text_from_js(f: f64, js: &str) -> String {
    display_from_shortest(f, js)
}

/// `f.to_string()` from `printed`, the shortest round-trip digits of `f`
/// in any layout (`[-]digits[.digits][e[±]exponent]`) that breaks an exact
/// tie between two candidates towards the even one, as Ryū and JavaScript
/// do. The sign is taken from `f` (JavaScript writes -0 as "0").
fn display_from_shortest(f: f64, printed: &str) -> String {
    let negative = f.is_sign_negative();
    let printed = printed.strip_prefix('-').unwrap_or(printed);
    let (mantissa, exponent) = match printed.split_once('e') {
        Some((m, e)) => (m, e.parse::<i32>().unwrap_or(0)),
        None => (printed, 0),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    // All digits, and where the point goes among them.
    let mut digits: Vec<u8> = int.bytes().chain(frac.bytes()).collect();
    let mut point = int.len() as i32 + exponent;
    let leading = digits.iter().take_while(|d| **d == b'0').count();
    digits.drain(..leading);
    point -= leading as i32;
    while digits.last() == Some(&b'0') {
        digits.pop();
    }
    // Both pick the digits closest to `f`; when `f` lies exactly halfway
    // between two, Ryū picks the even one and `core::fmt` the larger.
    if is_halfway_above(f, &digits, point) {
        if let Some(last) = digits.last_mut() {
            *last += 1; // even, so never a 9 that would carry
        }
    }
    let mut out = String::with_capacity(digits.len() + 8);
    if negative {
        out.push('-');
    }
    let zeros = |out: &mut String, n: i32| (0..n).for_each(|_| out.push('0'));
    let digits = std::str::from_utf8(&digits).unwrap_or("");
    if digits.is_empty() {
        out.push('0');
    } else if point <= 0 {
        out.push_str("0.");
        zeros(&mut out, -point);
        out.push_str(digits);
    } else if point as usize >= digits.len() {
        out.push_str(digits);
        zeros(&mut out, point - digits.len() as i32);
    } else {
        let point = point as usize;
        out.push_str(digits.get(..point).unwrap_or(""));
        out.push('.');
        out.push_str(digits.get(point..).unwrap_or(""));
    }
    out
}

/// Whether `|f|` is exactly `(D + ½) × 10^k`, where `D` is the integer of
/// `digits` and `k` the power of ten of its last digit.
fn is_halfway_above(f: f64, digits: &[u8], point: i32) -> bool {
    let Some(d) = digits.iter().try_fold(0u64, |d, b| {
        d.checked_mul(10)?.checked_add(u64::from(b - b'0'))
    }) else {
        return false;
    };
    let k = point - digits.len() as i32;
    // |f| = m × 2^e, m = odd × 2^a.
    let bits = f.to_bits();
    let (fraction, biased) = (bits & ((1 << 52) - 1), ((bits >> 52) & 0x7ff) as i32);
    let (m, e) = if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | 1 << 52, biased - 1075)
    };
    if m == 0 {
        return false;
    }
    let (odd, a) = (m >> m.trailing_zeros(), m.trailing_zeros() as i32);
    // 2|f| = (2D + 1) × 5^k × 2^k: the powers of two and the odd parts
    // must match.
    let twice_plus_one = u128::from(d) * 2 + 1;
    let five = |n: i32| 5u128.checked_pow(n.unsigned_abs());
    a + e + 1 == k
        && if k >= 0 {
            five(k).and_then(|p| twice_plus_one.checked_mul(p)) == Some(u128::from(odd))
        } else {
            five(k).and_then(|p| u128::from(odd).checked_mul(p)) == Some(twice_plus_one)
        }
}

/// The most characters of the caller's own text an error message repeats.
const EXCERPT_CHARS: usize = 40;

/// The caller's text as an error message quotes it: whole when short, else
/// its first 40 characters and "…". A message must stay a sentence even when
/// the input is a megabyte long.
pub(crate) fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or(text)),
        None => text.to_owned(),
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(ValueVisitor)
    }
}

struct ValueVisitor;

impl<'de> Visitor<'de> for ValueVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }
    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        Value::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Value::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }
    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut entries = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, Value>()? {
            if entries.iter().any(|(k, _): &(String, Value)| *k == key) {
                return Err(de::Error::custom(format!("duplicate field `{key}`")));
            }
            entries.push((key, value));
        }
        Ok(Value::Object(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::float_text;

    #[test]
    fn javascript_layouts_are_rewritten_as_display_writes_them() {
        use super::float_text_from_js;
        for (f, js) in [
            (4.9, "4.9"),
            (1e21, "1e+21"),
            (1.5e-7, "1.5e-7"),
            (-0.0, "0"),
            (0.0, "0"),
            (-1.25e-300, "-1.25e-300"),
            (123456.0, "123456"),
            (5e-324, "5e-324"),
            (f64::MAX, "1.7976931348623157e+308"),
            // An exact tie: JavaScript picks the even digit, Display the larger.
            (f64::from_bits(0x4317_9085_685d_83c9), "1658206780088562.2"),
        ] {
            assert_eq!(float_text_from_js(f, js), f.to_string(), "{js}");
        }
    }

    #[test]
    fn floats_are_written_as_display_writes_them() {
        let special = [
            0.0,
            -0.0,
            4.9,
            0.1 + 0.2,
            1e21,
            1e22,
            1.5e-7,
            5e-324,
            -5e-324,
            f64::MAX,
            f64::MIN,
            f64::MIN_POSITIVE,
            9007199254740993.0,
            123456.0,
            0.001,
            100.0,
            1e15,
            1e16,
            1e17,
            2.5e-5,
            -1.0,
            1.0 / 3.0,
        ];
        // Exactly halfway between two 17-digit decimals (…562.25, …796.125).
        let halfway = [
            f64::from_bits(0x4317_9085_685d_83c9),
            f64::from_bits(0x42ea_8090_bb0f_6d84),
            f64::from_bits(0xc2dc_e6db_df37_c628),
            0.5,
            2.5,
            1e23,
        ];
        for f in special.into_iter().chain(halfway) {
            assert_eq!(float_text(f), f.to_string(), "{f:e}");
        }
        // Every kind of bit pattern: subnormals, all exponents, both signs.
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut checked = 0;
        while checked < 300_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let f = f64::from_bits(state);
            if f.is_finite() {
                assert_eq!(float_text(f), f.to_string(), "{:#x}", f.to_bits());
                // Short decimals too: the kind a price as a JS number has.
                let short = (state % 100_000_000) as f64 / 10f64.powi((state >> 60) as i32);
                assert_eq!(float_text(short), short.to_string(), "{short:e}");
                checked += 1;
            }
        }
    }
}
