//! The JavaScript half of the answer layouts, written from the Rust half.
//!
//! The writers of [`super`] are run over every answer of the shared vectors
//! with a [`Recorder`] as their sink: what they write, field by field, is the
//! layout. Two tests follow from it:
//!
//! * what the [`Wire`] holds, read back by that layout, is exactly the JSON
//!   serde writes for the same answer (names, order and values), so the
//!   layout cannot drift from the public types;
//! * `src/wasm/wire.generated.js`, the readers `boundary.js` does not
//!   write by hand, is exactly what [`javascript`] writes from the layout
//!   and [`FIELD_NAMES`]. When it is stale the test fails; run it with
//!   `SEATQUOTE_BLESS=1` to rewrite the file.

use super::{cancellation, quote, table, ColumnSink, Sink, Wire, FIELD_NAMES};
use crate::types::{Param, TableRange};
use crate::{CancellationRequest, QuoteRequest};
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;

/// How a value crosses, as the JS readers see it.
#[derive(Debug, Clone, PartialEq)]
enum Shape {
    Bool,
    Num,
    /// Text: a string, a decimal or a date.
    Str,
    Object(Vec<Field>),
    /// A count, then the items; `None` while no sample had an item.
    List(Option<Vec<Field>>),
    /// A flag, then the object when it is 1 (else `null`); `None` while no
    /// sample had one.
    Nullable(Option<Vec<Field>>),
    Params,
    /// Not on the wire: a getter that computes it in JS.
    Fingerprint,
    TextColumn,
    NumColumn,
    BoolColumn,
}

type Field = (&'static str, Shape);

/// A sink that writes down what is written, not the values.
#[derive(Default)]
struct Recorder(Vec<Field>);

fn record(fields: impl FnOnce(&mut Recorder)) -> Vec<Field> {
    let mut recorder = Recorder::default();
    fields(&mut recorder);
    recorder.0
}

impl Sink for Recorder {
    fn bool(&mut self, name: &'static str, _: bool) {
        self.0.push((name, Shape::Bool));
    }
    fn num(&mut self, name: &'static str, _: u32) {
        self.0.push((name, Shape::Num));
    }
    fn str(&mut self, name: &'static str, _: &str) {
        self.0.push((name, Shape::Str));
    }
    fn decimal(&mut self, name: &'static str, _: Decimal) {
        self.0.push((name, Shape::Str));
    }
    fn date(&mut self, name: &'static str, _: chrono::NaiveDate) {
        self.0.push((name, Shape::Str));
    }
    fn object(&mut self, name: &'static str, fields: impl FnOnce(&mut Self)) {
        self.0.push((name, Shape::Object(record(fields))));
    }
    fn list<T>(&mut self, name: &'static str, items: &[T], item: impl Fn(&mut Self, &T)) {
        let first = items.first().map(|first| record(|r| item(r, first)));
        self.0.push((name, Shape::List(first)));
    }
    fn nullable<T>(
        &mut self,
        name: &'static str,
        value: Option<&T>,
        fields: impl FnOnce(&mut Self, &T),
    ) {
        let object = value.map(|value| record(|r| fields(r, value)));
        self.0.push((name, Shape::Nullable(object)));
    }
    fn params(&mut self, name: &'static str, _: &BTreeMap<String, Param>) {
        self.0.push((name, Shape::Params));
    }
    fn fingerprint(&mut self, name: &'static str, _: &str) {
        self.0.push((name, Shape::Fingerprint));
    }
}

impl ColumnSink for Recorder {
    fn text(&mut self, name: &'static str, _: &str) {
        self.0.push((name, Shape::Str));
    }
    fn text_column<T: super::Ascii>(&mut self, name: &'static str, _: &[T]) {
        self.0.push((name, Shape::TextColumn));
    }
    fn num_column(&mut self, name: &'static str, _: &[u32]) {
        self.0.push((name, Shape::NumColumn));
    }
    fn bool_column(&mut self, name: &'static str, _: &[bool]) {
        self.0.push((name, Shape::BoolColumn));
    }
    fn object(&mut self, name: &'static str, fields: impl FnOnce(&mut Self)) {
        self.0.push((name, Shape::Object(record(fields))));
    }
}

/// One layout from two recordings of it: a list's items are known once
/// any recording had one. Anything else that differs is a writer that
/// writes differently for different answers, which JS could not read.
fn merge(a: Vec<Field>, b: Vec<Field>) -> Vec<Field> {
    assert_eq!(
        a.iter().map(|f| f.0).collect::<Vec<_>>(),
        b.iter().map(|f| f.0).collect::<Vec<_>>(),
        "a writer writes different fields for different answers"
    );
    a.into_iter()
        .zip(b)
        .map(|((name, x), (_, y))| {
            let shape = match (x, y) {
                (Shape::Object(x), Shape::Object(y)) => Shape::Object(merge(x, y)),
                (Shape::List(Some(x)), Shape::List(Some(y))) => Shape::List(Some(merge(x, y))),
                (Shape::List(x), Shape::List(y)) => Shape::List(x.or(y)),
                (Shape::Nullable(Some(x)), Shape::Nullable(Some(y))) => {
                    Shape::Nullable(Some(merge(x, y)))
                }
                (Shape::Nullable(x), Shape::Nullable(y)) => Shape::Nullable(x.or(y)),
                (x, y) => {
                    assert_eq!(x, y, "{name} is written in two ways");
                    x
                }
            };
            (name, shape)
        })
        .collect()
}

// ------------------------------------------------------------ read back

/// Reads a wire by a layout, as the generated JS does, into JSON text.
struct Reading<'a> {
    text: &'a str,
    at: usize,
    nums: &'a [u32],
    next: usize,
}

impl Reading<'_> {
    fn num(&mut self) -> u32 {
        let n = self.nums[self.next];
        self.next += 1;
        n
    }

    /// The next string: as many UTF-16 code units as its length says.
    fn str(&mut self) -> &str {
        let mut units = self.num() as usize;
        let start = self.at;
        let mut chars = self.text[start..].chars();
        while units > 0 {
            let c = chars.next().expect("the text holds the string");
            units -= c.len_utf16();
            self.at += c.len_utf8();
        }
        &self.text[start..self.at]
    }

    fn object(&mut self, fields: &[Field], out: &mut String) {
        out.push('{');
        for (i, (name, shape)) in fields.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            write!(out, "\"{name}\":").unwrap();
            self.value(name, shape, out);
        }
        out.push('}');
    }

    fn value(&mut self, name: &str, shape: &Shape, out: &mut String) {
        match shape {
            Shape::Bool => out.push_str(if self.num() == 1 { "true" } else { "false" }),
            Shape::Num => write!(out, "{}", self.num()).unwrap(),
            Shape::Str => {
                let s = self.str().to_owned();
                out.push_str(&serde_json::to_string(&s).unwrap());
            }
            Shape::Object(fields) => self.object(fields, out),
            Shape::List(item) => {
                let count = self.num();
                out.push('[');
                for i in 0..count {
                    if i > 0 {
                        out.push(',');
                    }
                    let fields = item.as_ref().unwrap_or_else(|| {
                        panic!("{name}: no sample answer had an item of this list")
                    });
                    self.object(fields, out);
                }
                out.push(']');
            }
            Shape::Nullable(fields) => match self.num() {
                0 => out.push_str("null"),
                _ => {
                    let fields = fields
                        .as_ref()
                        .unwrap_or_else(|| panic!("{name}: no sample answer had this object"));
                    self.object(fields, out);
                }
            },
            Shape::Fingerprint => out.push_str(&serde_json::to_string(LAZY).unwrap()),
            Shape::Params => {
                let count = self.num();
                out.push('{');
                for i in 0..count {
                    if i > 0 {
                        out.push(',');
                    }
                    let key = self.str().to_owned();
                    out.push_str(&serde_json::to_string(&key).unwrap());
                    out.push(':');
                    if self.num() == 0 {
                        write!(out, "{}", self.num()).unwrap();
                    } else {
                        let text = self.str().to_owned();
                        out.push_str(&serde_json::to_string(&text).unwrap());
                    }
                }
                out.push('}');
            }
            Shape::TextColumn | Shape::NumColumn | Shape::BoolColumn => {
                panic!("{name}: a column outside a price table")
            }
        }
    }
}

/// Reads an answer's wire by its layout into JSON text; all of it.
fn read(wire: &Wire, layout: &[Field]) -> String {
    let mut reading = Reading {
        text: std::str::from_utf8(&wire.text).unwrap(),
        at: 0,
        nums: &wire.nums,
        next: 0,
    };
    let mut out = String::new();
    reading.object(layout, &mut out);
    assert_eq!(
        (reading.at, reading.next),
        (wire.text.len(), wire.nums.len()),
        "all of it is read"
    );
    out
}

/// Reads a price table's wire by its layout into JSON text.
fn read_table(wire: &Wire, fields: &[Field]) -> String {
    let text = std::str::from_utf8(&wire.text).unwrap();
    let mut segments = text.split('\n');
    let rows = wire.nums[0] as usize;
    let mut column = 0;
    let mut out = String::new();
    read_columns(
        fields,
        &mut segments,
        &wire.nums[1..],
        rows,
        &mut column,
        &mut out,
    );
    assert!(segments.next().is_none(), "every text segment is read");
    assert_eq!(1 + column * rows, wire.nums.len(), "every number is read");
    out
}

fn read_columns<'a>(
    fields: &[Field],
    segments: &mut impl Iterator<Item = &'a str>,
    nums: &[u32],
    rows: usize,
    column: &mut usize,
    out: &mut String,
) {
    out.push('{');
    for (i, (name, shape)) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        write!(out, "\"{name}\":").unwrap();
        let mut numbers = |out: &mut String, bools: bool| {
            let values = &nums[*column * rows..(*column + 1) * rows];
            *column += 1;
            let items: Vec<String> = values
                .iter()
                .map(|n| match bools {
                    true => (*n == 1).to_string(),
                    false => n.to_string(),
                })
                .collect();
            write!(out, "[{}]", items.join(",")).unwrap();
        };
        match shape {
            Shape::Str => {
                let s = segments.next().expect("a text segment");
                out.push_str(&serde_json::to_string(s).unwrap());
            }
            Shape::TextColumn => {
                let s = segments.next().expect("a text segment");
                let items: Vec<String> = s.split(',').map(|v| format!("\"{v}\"")).collect();
                write!(out, "[{}]", items.join(",")).unwrap();
            }
            Shape::NumColumn => numbers(out, false),
            Shape::BoolColumn => numbers(out, true),
            Shape::Object(fields) => read_columns(fields, segments, nums, rows, column, out),
            other => panic!("{name}: {other:?} in a price table"),
        }
    }
    out.push('}');
}

// --------------------------------------------------------- JavaScript

const HEADER: &str = "\
// Generated from src/wasm/wire.rs by its tests; do not edit. When the Rust
// side changes, `SEATQUOTE_BLESS=1 cargo test --lib wire` rewrites this file
// (a test fails while it is stale).
//
// The field names that cross as one byte (the parser's field names), and a
// reader for each answer: it takes the values in the order the Rust writer
// wrote them. The reading primitives are in boundary.js.
";

/// The generated readers of `wire.generated.js`.
fn javascript(quote: &[Field], cancellation: &[Field], table: &[Field]) -> String {
    let mut js = String::from(HEADER);
    js.push_str(
        "\nimport {\n  boolColumn,\n  bool,\n  encodeWith,\n  num,\n  numColumn,\n  open,\n  params,\n  str,\n  textColumns,\n  withFingerprint,\n} from \"./boundary.js\";\n",
    );
    let keys: String = FIELD_NAMES
        .iter()
        .map(|k| format!("    \"{k}\",\n"))
        .collect();
    write!(
        js,
        "\nconst KEYS = new Map(\n  [\n{keys}  ].map((key, i) => [key, i]),\n);\n"
    )
    .unwrap();
    write!(
        js,
        "\n/** The most items of an array that are read: the most tiers of a price. */\nconst MAX_ITEMS = {};\n",
        crate::limits::MAX_TIERS
    )
    .unwrap();
    js.push_str(
        "\n/** The request as bytes: see `encodeWith` in boundary.js. */\nexport function encode(value) {\n  return encodeWith(value, KEYS, MAX_ITEMS);\n}\n",
    );
    let mut lists = Vec::new();
    for (name, fields, about) in [
        ("quote_from", quote, "A `SeatQuote`"),
        ("cancellation_from", cancellation, "A `CancellationCheck`"),
    ] {
        // The fingerprint is no field of the literal: an accessor defined
        // on the finished object (with one shared descriptor) costs a quote
        // a fraction of what one in the literal does.
        let lazy = fields.iter().any(|(_, shape)| *shape == Shape::Fingerprint);
        let (open, close) = if lazy {
            ("withFingerprint(", ")")
        } else {
            ("", "")
        };
        write!(
            js,
            "\n/** {about}. */\nexport function {name}(text, nums) {{\n  open(text, nums);\n  return {open}"
        )
        .unwrap();
        object_js(fields, 1, &mut js, &mut lists);
        write!(js, "{close};\n}}\n").unwrap();
    }
    for (name, fields) in &lists {
        write!(
            js,
            "\nfunction {name}() {{\n  const list = [];\n  for (let n = num(); n > 0; n--) {{\n    list.push("
        )
        .unwrap();
        object_js(fields, 2, &mut js, &mut Vec::new());
        js.push_str(");\n  }\n  return list;\n}\n");
    }
    js.push_str(
        "\n/** A `PriceTable`: text segments, then the row count and the number columns. */\nexport function table_from(text, nums) {\n  const segments = textColumns(text);\n  const rows = nums[0];\n  return ",
    );
    let (mut segment, mut column) = (0, 0);
    table_js(table, 1, &mut segment, &mut column, &mut js);
    js.push_str(";\n}\n");
    js
}

fn indent(depth: usize) -> String {
    "  ".repeat(depth)
}

/// An object literal whose values read the fields in order; lists become
/// functions of their own, named after the field.
fn object_js(
    fields: &[Field],
    depth: usize,
    js: &mut String,
    lists: &mut Vec<(String, Vec<Field>)>,
) {
    js.push_str("{\n");
    for (name, shape) in fields {
        if *shape == Shape::Fingerprint {
            continue; // added by `withFingerprint` around the whole answer
        }
        write!(js, "{}{name}: ", indent(depth + 1)).unwrap();
        match shape {
            Shape::Bool => js.push_str("bool()"),
            Shape::Num => js.push_str("num()"),
            Shape::Str => js.push_str("str()"),
            Shape::Params => js.push_str("params()"),
            Shape::Object(fields) => object_js(fields, depth + 1, js, lists),
            Shape::Nullable(fields) => {
                let fields = fields
                    .as_ref()
                    .unwrap_or_else(|| panic!("{name}: no sample answer had this object"));
                js.push_str("bool()\n");
                write!(js, "{}? ", indent(depth + 2)).unwrap();
                object_js(fields, depth + 2, js, lists);
                write!(js, "\n{}: null", indent(depth + 2)).unwrap();
            }
            Shape::List(item) => {
                let item = item
                    .clone()
                    .unwrap_or_else(|| panic!("{name}: no sample answer had an item"));
                let same = lists.iter().find(|(n, _)| n == name);
                let function = match same {
                    Some((n, fields)) if *fields == item => n.clone(),
                    Some(_) => panic!("two lists named {name} differ"),
                    None => {
                        lists.push((name.to_string(), item));
                        name.to_string()
                    }
                };
                write!(js, "{function}()").unwrap();
            }
            other => panic!("{name}: {other:?} outside a price table"),
        }
        js.push_str(",\n");
    }
    write!(js, "{}}}", indent(depth)).unwrap();
}

fn table_js(
    fields: &[Field],
    depth: usize,
    segment: &mut usize,
    column: &mut usize,
    js: &mut String,
) {
    js.push_str("{\n");
    for (name, shape) in fields {
        write!(js, "{}{name}: ", indent(depth + 1)).unwrap();
        match shape {
            Shape::Str => {
                write!(js, "segments[{segment}]").unwrap();
                *segment += 1;
            }
            Shape::TextColumn => {
                write!(js, "segments[{segment}].split(\",\")").unwrap();
                *segment += 1;
            }
            Shape::NumColumn | Shape::BoolColumn => {
                let read = if *shape == Shape::NumColumn {
                    "numColumn"
                } else {
                    "boolColumn"
                };
                write!(js, "{read}(nums, 1 + {column} * rows, rows)").unwrap();
                *column += 1;
            }
            Shape::Object(fields) => table_js(fields, depth + 1, segment, column, js),
            other => panic!("{name}: {other:?} in a price table"),
        }
        js.push_str(",\n");
    }
    write!(js, "{}}}", indent(depth)).unwrap();
}

// ------------------------------------------------------------- tests

/// Every answer of the shared vectors, and price tables around them.
struct Samples {
    quotes: Vec<crate::SeatQuote>,
    cancellations: Vec<crate::CancellationCheck>,
    tables: Vec<crate::PriceTable>,
}

fn samples() -> Samples {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut samples = Samples {
        quotes: Vec::new(),
        cancellations: Vec::new(),
        tables: Vec::new(),
    };
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    for file in files {
        let doc: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
        for case in doc["cases"].as_array().unwrap() {
            let request = case["request"].to_string();
            match case["function"].as_str().unwrap() {
                "quote_seat_change" => {
                    let Ok(request) = QuoteRequest::from_json(&request) else {
                        continue;
                    };
                    if let Ok(quote) = crate::quote_seat_change(&request) {
                        samples.quotes.push(quote);
                    }
                    let range = TableRange { from: 1, to: 12 };
                    if let Ok(table) = crate::quote_price_table(&request, range) {
                        samples.tables.push(table);
                    }
                }
                "validate_cancellation" => {
                    let Ok(request) = CancellationRequest::from_json(&request) else {
                        continue;
                    };
                    if let Ok(check) = crate::validate_cancellation(&request) {
                        samples.cancellations.push(check);
                    }
                }
                other => panic!("unknown function {other}"),
            }
        }
    }
    assert!(samples.quotes.len() > 50 && samples.cancellations.len() > 5);
    assert!(!samples.tables.is_empty());
    samples
}

/// The layout of every sample, merged.
fn layout<T>(answers: &[T], write: impl Fn(&mut Recorder, &T)) -> Vec<Field> {
    answers
        .iter()
        .map(|answer| record(|r| write(r, answer)))
        .reduce(merge)
        .expect("samples")
}

fn json<T: Serialize>(answer: &T) -> String {
    serde_json::to_string(answer).unwrap()
}

/// What the read-back writes for a fingerprint, which is not on the wire.
const LAZY: &str = "(computed in JavaScript)";

#[test]
fn every_answer_reads_back_as_serde_writes_it() {
    let s = samples();
    let quote_layout = layout(&s.quotes, quote);
    for q in &s.quotes {
        let wire = super::write_quote(q);
        let lazy = crate::SeatQuote {
            fingerprint: LAZY.into(),
            ..q.clone()
        };
        assert_eq!(read(&wire, &quote_layout), json(&lazy));
    }
    let cancellation_layout = layout(&s.cancellations, cancellation);
    for c in &s.cancellations {
        let wire = super::write_cancellation(c);
        let lazy = crate::CancellationCheck {
            fingerprint: LAZY.into(),
            ..c.clone()
        };
        assert_eq!(read(&wire, &cancellation_layout), json(&lazy));
    }
    let table_layout = layout(&s.tables, table);
    for t in &s.tables {
        assert_eq!(read_table(&super::write_table(t), &table_layout), json(t));
    }
}

#[test]
fn violation_parameters_of_both_kinds_read_back() {
    // The vectors need not hold a text parameter: one made here.
    let mut quote = samples().quotes.remove(0);
    let params = BTreeMap::from([
        ("count".to_owned(), Param::Number(7)),
        (
            "status".to_owned(),
            Param::Text("canceled — ünd 😀".to_owned()),
        ),
    ]);
    quote.violations = vec![crate::types::Violation {
        code: crate::types::ViolationCode::ALL[0].1,
        message: "Ä message with 😀".to_owned(),
        params,
    }];
    quote.fingerprint = LAZY.into();
    let layout = record(|r| super::quote(r, &quote));
    assert_eq!(read(&super::write_quote(&quote), &layout), json(&quote));
}

#[test]
fn the_generated_javascript_is_current() {
    let s = samples();
    let js = javascript(
        &layout(&s.quotes, quote),
        &layout(&s.cancellations, cancellation),
        &layout(&s.tables, table),
    );
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/wasm/wire.generated.js");
    if std::env::var_os("SEATQUOTE_BLESS").is_some() {
        std::fs::write(&path, &js).unwrap();
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        checked_in == js,
        "src/wasm/wire.generated.js is stale: run `SEATQUOTE_BLESS=1 cargo test --lib wire` and commit it"
    );
}
