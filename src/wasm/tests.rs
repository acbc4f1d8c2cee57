//! wasm-bindgen-test suite of the boundary, run in Node and in headless
//! Chromium by `npm test` (.ci/test.mjs counts the `#[wasm_bindgen_test]`
//! attributes in this file and fails if fewer tests ran: a suite meant for
//! the other environment would be skipped with exit code 0).
//!
//! It calls the exports the way JavaScript does — with `JsValue`s built by
//! `JSON.parse` or by JS code — so the converter, the error objects and the
//! local date are tested in a real engine.

use super::{quote_price_table, quote_seat_change, validate_cancellation};
use js_sys::{Array, Function, Object, Reflect, JSON};
use serde_json::Value as Json;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

/// The shared vectors, compiled in: the test runner has no file system in
/// the browser.
const VECTORS: &[(&str, &str)] = &[
    (
        "calendar",
        include_str!("../../tests/vectors/calendar.json"),
    ),
    (
        "cancellation",
        include_str!("../../tests/vectors/cancellation.json"),
    ),
    ("errors", include_str!("../../tests/vectors/errors.json")),
    ("money", include_str!("../../tests/vectors/money.json")),
    (
        "plan_changes",
        include_str!("../../tests/vectors/plan_changes.json"),
    ),
    (
        "policies",
        include_str!("../../tests/vectors/policies.json"),
    ),
    (
        "spec_examples",
        include_str!("../../tests/vectors/spec_examples.json"),
    ),
    ("tiers", include_str!("../../tests/vectors/tiers.json")),
    (
        "violations",
        include_str!("../../tests/vectors/violations.json"),
    ),
];

const BUSINESS: &str = r#"{
  "subscription": {
    "plan": { "id": "business", "allows_additional_seats": true, "included_seats": 1,
              "prices": { "month": { "base": "10.00", "seat": "5.00" } } },
    "interval": "month", "billing_anchor": "2026-01-15", "currency": "EUR",
    "seats": 3, "seats_in_use": 3
  },
  "target_seats": 5,
  "as_of": "2026-11-21"
}"#;

fn js(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON parses")
}

fn to_json(value: &JsValue) -> Json {
    let text = JSON::stringify(value)
        .expect("stringify")
        .as_string()
        .expect("a string");
    serde_json::from_str(&text).expect("JSON")
}

/// Evaluates a JS expression (getters, proxies, BigInts … that JSON cannot
/// express).
fn eval(expression: &str) -> JsValue {
    Function::new_no_args(&format!("return ({expression});"))
        .call0(&JsValue::NULL)
        .expect("expression evaluates")
}

fn get(object: &JsValue, key: &str) -> JsValue {
    Reflect::get(object, &key.into()).expect("readable")
}

/// A `BUSINESS` request with one field replaced by a JS value, by path.
fn business_with(path: &[&str], value: JsValue) -> JsValue {
    let request = js(BUSINESS);
    let mut object = request.clone();
    for key in &path[..path.len() - 1] {
        object = get(&object, key);
    }
    Reflect::set(&object, &path[path.len() - 1].into(), &value).expect("settable");
    request
}

include!("../../tests/support/subset.rs");

/// Asserts `result` is a SeatQuoteError for `path`, and returns it.
fn assert_input_error(result: Result<JsValue, JsValue>, path: &str) -> js_sys::Error {
    let err = result.expect_err("an input error");
    assert!(err.is_instance_of::<js_sys::Error>(), "a real Error");
    let err: js_sys::Error = err.unchecked_into();
    assert_eq!(err.name(), "SeatQuoteError");
    assert_eq!(get(&err, "code"), "INVALID_INPUT");
    assert_eq!(
        get(&err, "path"),
        path,
        "path; message: {}",
        String::from(err.message())
    );
    assert!(err.message().length() > 0);
    err
}

#[wasm_bindgen_test]
fn every_shared_vector() {
    let mut count = 0;
    let mut failures = Vec::new();
    for (file, text) in VECTORS {
        let doc: Json = serde_json::from_str(text).expect("vector JSON");
        for case in doc["cases"].as_array().expect("cases") {
            count += 1;
            let name = format!("{file}/{}", case["name"]);
            let request = js(&case["request"].to_string());
            let result = match case["function"].as_str() {
                Some("quote_seat_change") => quote_seat_change(request),
                Some("validate_cancellation") => validate_cancellation(request),
                other => panic!("{name}: unknown function {other:?}"),
            };
            let mut problems = Vec::new();
            match (result, case.get("error")) {
                (Ok(answer), None) => subset(&case["expect"], &to_json(&answer), "", &mut problems),
                (Err(err), Some(expect)) => {
                    let actual = serde_json::json!({
                        "code": get(&err, "code").as_string(),
                        "path": get(&err, "path").as_string(),
                    });
                    let wanted =
                        serde_json::json!({"code": expect["code"], "path": expect["path"]});
                    subset(&wanted, &actual, "error", &mut problems);
                    if let Some(part) = expect["message_contains"].as_str() {
                        let message = get(&err, "message").as_string().unwrap_or_default();
                        if !message.contains(part) {
                            problems.push(format!("message {message:?} lacks {part:?}"));
                        }
                    }
                }
                (Ok(answer), Some(_)) => problems.push(format!("no error: {}", to_json(&answer))),
                (Err(err), None) => problems.push(format!("error: {}", to_json(&err))),
            }
            if !problems.is_empty() {
                failures.push(format!("{name}: {}", problems.join("; ")));
            }
        }
    }
    assert!(count >= 100, "only {count} vectors");
    assert!(
        failures.is_empty(),
        "{} failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[wasm_bindgen_test]
fn spec_example_1_to_the_cent() {
    let quote = to_json(&quote_seat_change(js(BUSINESS)).expect("a quote"));
    assert_eq!(quote["lines"][0]["amount"], "8.00");
    assert_eq!(quote["due_now"]["gross"], "0.00");
    assert_eq!(quote["next_invoice"]["total"]["net"], "38.00");
    assert_eq!(quote["placement_reason"]["code"], "WITHIN_THRESHOLD");
}

#[wasm_bindgen_test]
fn errors_are_seatquote_errors_and_the_module_keeps_working() {
    let bad = business_with(&["subscription", "seats"], JsValue::from_f64(2.5));
    let err = assert_input_error(quote_seat_change(bad), "subscription.seats");
    assert!(String::from(err.message()).contains("whole number"));
    // A string is never thrown: the error is an own property bag on an Error.
    assert!(Reflect::has(&err, &"stack".into()).unwrap_or(false));
    for _ in 0..3 {
        assert_input_error(quote_seat_change(JsValue::UNDEFINED), "");
        assert!(
            quote_seat_change(js(BUSINESS)).is_ok(),
            "works after an error"
        );
    }
}

#[wasm_bindgen_test]
fn unknown_fields_are_errors() {
    let bad = business_with(&["subscription", "seat_in_use"], JsValue::from_f64(1.0));
    assert_input_error(quote_seat_change(bad), "subscription.seat_in_use");
}

#[wasm_bindgen_test]
fn js_only_values_are_named_not_coerced() {
    let cases = [
        (
            &["subscription", "seats"][..],
            "10n",
            "subscription.seats",
            "BigInt",
        ),
        (&["as_of"][..], "new Date(2026, 10, 21)", "as_of", "Date"),
        (
            &["subscription", "plan", "prices"][..],
            "new Map()",
            "subscription.plan.prices",
            "Map",
        ),
        (
            &["subscription", "tax_rate"][..],
            "NaN",
            "subscription.tax_rate",
            "NaN",
        ),
        (
            &["target_seats"][..],
            "Infinity",
            "target_seats",
            "Infinity",
        ),
        (&["target_seats"][..], "() => 5", "target_seats", "function"),
        (
            &["target_seats"][..],
            "Symbol('five')",
            "target_seats",
            "symbol",
        ),
    ];
    for (path, expression, error_path, named) in cases {
        let err = assert_input_error(
            quote_seat_change(business_with(path, eval(expression))),
            error_path,
        );
        let message = String::from(err.message());
        assert!(message.contains(named), "{expression}: {message}");
    }
}

#[wasm_bindgen_test]
fn hostile_objects_are_errors_not_traps() {
    let cases = [
        // A cycle: would recurse forever without the depth cap.
        "(() => { const o = {}; o.self = o; return o; })()",
        // A getter that throws.
        "({ get currency() { throw new Error('boom'); } })",
        // A revoked proxy: even Array.isArray throws on it.
        "(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()",
    ];
    for expression in cases {
        let bad = business_with(&["subscription", "plan"], eval(expression));
        let err = quote_seat_change(bad).expect_err(expression);
        assert_eq!(get(&err, "name"), "SeatQuoteError", "{expression}");
        assert!(
            quote_seat_change(js(BUSINESS)).is_ok(),
            "works after {expression}"
        );
    }
}

#[wasm_bindgen_test]
fn number_prices_read_through_their_shortest_form() {
    let request = business_with(
        &["subscription", "plan", "prices", "month", "seat"],
        JsValue::from_f64(4.9),
    );
    let quote = to_json(&quote_seat_change(request).expect("a quote"));
    // 4.9 × 2 × 24/30 = 7.84 exactly; a binary float would not be.
    assert_eq!(quote["lines"][0]["amount"], "7.84");
    assert_eq!(quote["lines"][0]["unit_price"], "4.90");
}

fn local_today() -> String {
    let now = js_sys::Date::new_0();
    format!(
        "{:04}-{:02}-{:02}",
        now.get_full_year(),
        now.get_month() + 1,
        now.get_date()
    )
}

#[wasm_bindgen_test]
fn omitted_as_of_is_the_local_date() {
    let request = js(BUSINESS);
    Reflect::delete_property(request.unchecked_ref::<Object>(), &"as_of".into())
        .expect("deletable");
    // Read the local date on both sides: midnight may pass in between.
    let before = local_today();
    let quote = quote_seat_change(request).expect("a quote");
    let after = local_today();
    let as_of = get(&quote, "as_of").as_string().expect("a date");
    assert!(
        as_of == before || as_of == after,
        "{as_of} is not the local date {before}"
    );
}

#[wasm_bindgen_test]
fn omitted_as_of_before_the_anchor_blames_the_anchor() {
    let request = business_with(&["subscription", "billing_anchor"], "2999-01-01".into());
    Reflect::delete_property(request.unchecked_ref::<Object>(), &"as_of".into())
        .expect("deletable");
    let err = assert_input_error(quote_seat_change(request), "subscription.billing_anchor");
    assert!(String::from(err.message()).starts_with("today ("));
}

#[wasm_bindgen_test]
fn answers_are_plain_objects_and_arrays() {
    let quote = quote_seat_change(js(BUSINESS)).expect("a quote");
    let object_prototype = Object::get_prototype_of(&Object::new());
    let plain = |v: &JsValue| Object::get_prototype_of(v) == object_prototype;
    assert!(plain(&quote));
    assert!(plain(&get(&quote, "seats")));
    assert!(plain(&get(&quote, "due_now")));
    assert!(
        get(&get(&quote, "due_now"), "net").is_string(),
        "amounts are strings"
    );
    assert!(Array::is_array(&get(&quote, "lines")));
    assert!(plain(&Array::from(&get(&quote, "lines")).get(0)));
    // Violations carry params, a BTreeMap in Rust: a plain object here, not a Map.
    let refused = business_with(&["actor"], js(r#"{"role": "member"}"#));
    let quote = quote_seat_change(refused).expect("a quote");
    let violation = Array::from(&get(&quote, "violations")).get(0);
    assert!(
        plain(&get(&violation, "params")),
        "params is a plain object"
    );
}

#[wasm_bindgen_test]
fn cancellation_of_a_seat_in_use_is_refused() {
    let request = js(&BUSINESS.replace("\"target_seats\": 5", "\"seats_to_cancel\": 1"));
    let check = to_json(&validate_cancellation(request).expect("a check"));
    assert_eq!(check["allowed"], false);
    assert_eq!(check["violations"][0]["code"], "SEATS_IN_USE");
    assert_eq!(check["users_to_remove"], 1);
}

#[wasm_bindgen_test]
fn price_table_rows_are_the_quotes_of_their_seat_counts() {
    let requests = [
        BUSINESS.to_owned(),
        BUSINESS.replace("\"month\"", "\"year\"").replace(
            "\"prices\": { \"year\": { \"base\": \"10.00\", \"seat\": \"5.00\" } }",
            "\"prices\": { \"year\": { \"base\": \"100.00\", \"seat\": \"50.00\" } }",
        ),
        BUSINESS.replace(
            "\"as_of\": \"2026-11-21\"",
            "\"as_of\": \"2026-11-21\", \"policy\": { \"anchor\": \"reset\", \"decrease\": \"immediate_credit\" }, \"actor\": { \"role\": \"admin\" }",
        ),
    ];
    for request in requests {
        let table = to_json(
            &quote_price_table(js(&request), js(r#"{"from": 0, "to": 12}"#)).expect("a table"),
        );
        for (i, target) in (0..=12).enumerate() {
            let mut one: Json = serde_json::from_str(&request).expect("JSON");
            one["target_seats"] = target.into();
            let quote = to_json(&quote_seat_change(js(&one.to_string())).expect("a quote"));
            let row = serde_json::json!({
                "target_seats": table["target_seats"][i],
                "due_now": column_row(&table["due_now"], i),
                "next_invoice_total": column_row(&table["next_invoice_total"], i),
                "recurring_after": column_row(&table["recurring_after"], i),
                "placement": table["placement"][i],
                "allowed": table["allowed"][i],
            });
            let expected = serde_json::json!({
                "target_seats": target,
                "due_now": quote["due_now"],
                "next_invoice_total": quote["next_invoice"]["total"],
                "recurring_after": quote["recurring"]["after"],
                "placement": quote["placement"],
                "allowed": quote["allowed"],
            });
            assert_eq!(row, expected, "{target} seats of {request}");
        }
    }
}

fn column_row(columns: &Json, i: usize) -> Json {
    serde_json::json!({
        "net": columns["net"][i],
        "tax": columns["tax"][i],
        "gross": columns["gross"][i],
    })
}

#[wasm_bindgen_test]
fn a_bad_price_table_range_is_an_error_at_its_path() {
    for (range, path) in [
        (r#"{"from": 5, "to": 2}"#, "range.to"),
        (r#"{"from": -1, "to": 2}"#, "range.from"),
        (r#"{"from": 1}"#, "range.to"),
        (r#"{"from": 1, "to": 2, "step": 1}"#, "range.step"),
        (r#"{"from": 0, "to": 100000}"#, "range.to"),
        ("[1, 2]", "range"),
    ] {
        assert_input_error(quote_price_table(js(BUSINESS), js(range)), path);
    }
    assert_input_error(quote_price_table(js(BUSINESS), JsValue::UNDEFINED), "range");
    assert!(quote_price_table(js(BUSINESS), js(r#"{"from": 3, "to": 3}"#)).is_ok());
}

#[wasm_bindgen_test]
fn numbers_are_written_from_their_javascript_text_as_display_writes_them() {
    // What the boundary does with a JS number that is not a safe integer:
    // its String() rewritten, compared with Rust's own Display of it.
    let check = |f: f64| {
        let js = js_sys::Number::from(f)
            .to_string_with_radix(10)
            .expect("radix 10")
            .as_string()
            .expect("a string");
        assert_eq!(
            crate::value::float_text_from_js(f, &js),
            f.to_string(),
            "{js} ({:#x})",
            f.to_bits()
        );
    };
    for f in [
        4.9,
        0.1 + 0.2,
        -0.0,
        1e21,
        1.5e-7,
        5e-324,
        f64::MAX,
        2.5,
        0.5,
    ] {
        check(f);
    }
    // Exact ties between two 17-digit candidates.
    for bits in [
        0x4317_9085_685d_83c9_u64,
        0x42ea_8090_bb0f_6d84,
        0xc2dc_e6db_df37_c628,
    ] {
        check(f64::from_bits(bits));
    }
    let mut state = 0x1234_5678_9abc_def1_u64;
    for i in 0..100_000 {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        // Half arbitrary bits, half near the binary exponents where ties occur.
        let bits = if i % 2 == 0 {
            state
        } else {
            (state & 0x800F_FFFF_FFFF_FFFF) | ((state >> 1) % 60 + 1045) << 52
        };
        let f = f64::from_bits(bits);
        if f.is_finite() {
            check(f);
        }
    }
}
