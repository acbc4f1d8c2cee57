//! The WebAssembly boundary: the only code that knows about wasm-bindgen.
//!
//! Each export is *JS value → [`Value`] → typed request → core → plain JS
//! object*. Input errors become a real JavaScript `Error` named
//! `SeatQuoteError` with `code` and `path` properties, returned (never
//! thrown from Rust with `throw_str`, which leaks) so the module keeps
//! working after any error.

mod convert;
#[cfg(test)]
mod tests;

use crate::{CancellationRequest, Error, QuoteRequest};
use chrono::NaiveDate;
use serde::Serialize;
use wasm_bindgen::prelude::*;

// The TypeScript declarations of the whole package: one file, stated by
// hand because API.md fixes them to the letter (literal unions, optional
// fields), which derived declarations would not reproduce.
#[wasm_bindgen(typescript_custom_section)]
const TYPESCRIPT: &'static str = include_str!("seatquote.d.ts");

/// Quotes a seat change. See `QuoteRequest` / `SeatQuote` in API.md.
#[wasm_bindgen(skip_typescript)]
pub fn quote_seat_change(request: JsValue) -> Result<JsValue, JsValue> {
    let request = QuoteRequest::from_value(&convert::to_value(&request)).map_err(to_js_error)?;
    let quote =
        crate::quote::quote_seat_change_with(&request, &local_today).map_err(to_js_error)?;
    to_js(&quote)
}

/// Checks a cancellation. See `CancellationRequest` / `CancellationCheck` in API.md.
#[wasm_bindgen(skip_typescript)]
pub fn validate_cancellation(request: JsValue) -> Result<JsValue, JsValue> {
    let request =
        CancellationRequest::from_value(&convert::to_value(&request)).map_err(to_js_error)?;
    let check = crate::cancellation::validate_cancellation_with(&request, &local_today)
        .map_err(to_js_error)?;
    to_js(&check)
}

/// An omitted `as_of` is the caller's *local* date (SPEC §2): read from
/// `new Date()`'s local fields, never `toISOString()`, which is the UTC date
/// and differs for hours every day east and west of Greenwich. Only called
/// when a request has no `as_of`.
fn local_today() -> Option<NaiveDate> {
    let now = js_sys::Date::new_0();
    let year = i32::try_from(now.get_full_year()).ok()?;
    NaiveDate::from_ymd_opt(year, now.get_month() + 1, now.get_date())
}

fn to_js_error(err: Error) -> JsValue {
    js_error(err.path(), err.message())
}

/// `new Error(message)` with `name = "SeatQuoteError"`, `code` and `path`.
fn js_error(path: &str, message: &str) -> JsValue {
    let error = js_sys::Error::new(message);
    error.set_name("SeatQuoteError");
    // Reflect.set on a fresh Error cannot fail; ignoring its result keeps
    // this free of panics.
    let _ = js_sys::Reflect::set(&error, &"code".into(), &Error::INVALID_INPUT.into());
    let _ = js_sys::Reflect::set(&error, &"path".into(), &path.into());
    error.into()
}

/// Plain objects and arrays (never `Map`), `null` for nothing.
fn to_js<T: Serialize>(answer: &T) -> Result<JsValue, JsValue> {
    answer
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| js_sys::Error::new(&format!("seatquote: internal error: {e}")).into())
}
