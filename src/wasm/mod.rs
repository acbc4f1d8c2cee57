//! The WebAssembly boundary: the only code that knows about wasm-bindgen.
//!
//! Each export is *JS value → [`Node`] → typed request → core → plain JS
//! object*. The two conversions cross the boundary once each: JS encodes
//! the request as bytes that [`wire::decode`] reads, and builds the answer
//! from the text and numbers that [`wire`] writes (`boundary.js` by hand,
//! `wire.generated.js` written from [`wire`]'s tables by its tests).
//! Errors become a real JavaScript `Error` named `SeatQuoteError` with
//! `code` and `path` properties, returned (never thrown from Rust with
//! `throw_str`, which leaks) so the module keeps working after any error.

#[cfg(test)]
mod tests;
mod wire;

use crate::value::Node;
use crate::{CancellationRequest, Error, QuoteRequest, TableRange};
use chrono::NaiveDate;
use wasm_bindgen::prelude::*;

// The TypeScript declarations of the whole package: one file, written by
// hand because the contract fixes them to the letter (literal unions,
// optional fields), which derived declarations would not reproduce.
#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &'static str = include_str!("seatquote.d.ts");

#[wasm_bindgen(module = "/src/wasm/boundary.js")]
extern "C" {
    /// The local date as y·10⁴ + m·10² + d.
    fn today() -> f64;
    /// A `SeatQuoteError` with its code, path and message.
    fn seatquote_error(code: &str, path: &str, message: &str) -> JsValue;
}

#[wasm_bindgen(module = "/src/wasm/wire.generated.js")]
extern "C" {
    /// The request as bytes; `None` only when JS has no memory for them.
    /// It throws nothing: no exception may unwind through WebAssembly.
    #[wasm_bindgen(js_name = encode)]
    fn encode_js(value: &JsValue) -> Option<Vec<u8>>;
    fn quote_from(text: &[u8], nums: &[u32]) -> JsValue;
    fn cancellation_from(text: &[u8], nums: &[u32]) -> JsValue;
    fn table_from(text: &[u8], nums: &[u32]) -> JsValue;
}

/// Quotes a seat change. See `QuoteRequest` / `SeatQuote` in `seatquote.d.ts`.
#[wasm_bindgen(skip_typescript)]
pub fn quote_seat_change(request: JsValue) -> Result<JsValue, JsValue> {
    let request = quote_request(&request)?;
    let quote =
        crate::engine::quote_seat_change_with(&request, &local_today).map_err(to_js_error)?;
    let wire = wire::write_quote(&quote);
    Ok(quote_from(&wire.text, &wire.nums))
}

/// Checks a cancellation. See `CancellationRequest` / `CancellationCheck` in `seatquote.d.ts`.
#[wasm_bindgen(skip_typescript)]
pub fn validate_cancellation(request: JsValue) -> Result<JsValue, JsValue> {
    let bytes = encode(&request)?;
    let request = CancellationRequest::from_node(&decode(&bytes)?).map_err(to_js_error)?;
    let check = crate::cancellation::validate_cancellation_with(&request, &local_today)
        .map_err(to_js_error)?;
    let wire = wire::write_cancellation(&check);
    Ok(cancellation_from(&wire.text, &wire.nums))
}

/// Quotes a range of seat counts. See `PriceTable` in `seatquote.d.ts`.
#[wasm_bindgen(skip_typescript)]
pub fn quote_price_table(request: JsValue, range: JsValue) -> Result<JsValue, JsValue> {
    let request = quote_request(&request)?;
    let bytes = encode(&range)?;
    let range = TableRange::from_node(&decode(&bytes)?).map_err(to_js_error)?;
    let table =
        crate::table::quote_price_table_with(&request, range, &local_today).map_err(to_js_error)?;
    let wire = wire::write_table(&table);
    Ok(table_from(&wire.text, &wire.nums))
}

/// A quote request from JS, as two exports read it. Not inlined into each
/// (nor is [`decode`]): the parser is the largest code of the module.
#[inline(never)]
fn quote_request(request: &JsValue) -> Result<QuoteRequest, JsValue> {
    let bytes = encode(request)?;
    QuoteRequest::from_node(&decode(&bytes)?).map_err(to_js_error)
}

/// The request's bytes; a request too large to encode is an input error.
fn encode(value: &JsValue) -> Result<Vec<u8>, JsValue> {
    encode_js(value).ok_or_else(|| {
        seatquote_error(
            Error::INVALID_INPUT,
            "",
            "the request is too large to read: it does not fit in memory",
        )
    })
}

/// The encoded request as the parser reads it.
#[inline(never)]
fn decode(bytes: &[u8]) -> Result<Node<'_>, JsValue> {
    // The two halves of the boundary disagree: a bug, not the caller's input.
    wire::decode(bytes).ok_or_else(|| {
        seatquote_error(
            Error::INTERNAL_ERROR,
            "",
            "the request could not be read back: this is a bug in seatquote, please report it",
        )
    })
}

/// An omitted `as_of` is the caller's *local* date (rules §2): read from
/// `new Date()`'s local fields, never `toISOString()`, which is the UTC date
/// and differs for hours every day east and west of Greenwich. Only called
/// when a request has no `as_of`.
fn local_today() -> Option<NaiveDate> {
    let packed = today();
    if !packed.is_finite() {
        return None;
    }
    let year = (packed / 10_000.0).floor();
    let month_day = packed - year * 10_000.0;
    // In range by construction: a JS date's year is within ±275,760.
    NaiveDate::from_ymd_opt(
        year as i32,
        (month_day / 100.0).floor() as u32,
        (month_day % 100.0) as u32,
    )
}

fn to_js_error(err: Error) -> JsValue {
    seatquote_error(err.code(), err.path(), err.message())
}
