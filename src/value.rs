//! A small self-describing value tree: the common shape of a request before
//! it is checked, whether it came from JSON (natively) or from a JavaScript
//! object (in WebAssembly).
//!
//! Parsing goes through this tree rather than straight into typed structs so
//! that every problem is reported with the exact path of the field and a
//! message that names the fix, and so that JavaScript-only values (BigInt,
//! Date, NaN, …) are recognised instead of being coerced.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
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
    /// A value JSON cannot express (a BigInt, a Date, a Map, a function, …),
    /// described in words such as `"a BigInt"`; always rejected.
    Unsupported(&'static str),
}

impl Value {
    /// Describes the value for an error message: `a string ("5,00")`.
    pub(crate) fn describe(&self) -> String {
        match self {
            Value::Null => "nothing".to_owned(),
            Value::Bool(b) => format!("{b}"),
            Value::Int(i) => format!("the number {i}"),
            Value::Float(f) if f.is_nan() => "NaN".to_owned(),
            Value::Float(f) if f.is_infinite() => {
                if *f > 0.0 { "Infinity" } else { "-Infinity" }.to_owned()
            }
            Value::Float(f) => format!("the number {f}"),
            Value::String(s) => format!("a string (\"{}\")", excerpt(s)),
            Value::Array(_) => "an array".to_owned(),
            Value::Object(_) => "an object".to_owned(),
            Value::Unsupported(what) => (*what).to_owned(),
        }
    }
}

/// The most characters of the caller's own text an error message repeats.
const EXCERPT_CHARS: usize = 40;

/// The caller's text as an error message quotes it: whole when short, else
/// its first 40 characters and "…". A message must stay a sentence even when
/// the input is a megabyte long.
pub(crate) fn excerpt(text: &str) -> String {
    match text.char_indices().nth(EXCERPT_CHARS) {
        Some((end, _)) => format!("{}…", &text[..end]),
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
