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
    let value = convert::to_value(&request);
    let mut request = QuoteRequest::from_value(&value).map_err(to_js_error)?;
    let filled = fill_today(&mut request.as_of)?;
    let quote = crate::quote_seat_change(&request)
        .map_err(|e| today_before_anchor(e, filled, &request.subscription.billing_anchor))?;
    to_js(&quote)
}

/// Checks a cancellation. See `CancellationRequest` / `CancellationCheck` in API.md.
#[wasm_bindgen(skip_typescript)]
pub fn validate_cancellation(request: JsValue) -> Result<JsValue, JsValue> {
    let value = convert::to_value(&request);
    let mut request = CancellationRequest::from_value(&value).map_err(to_js_error)?;
    let filled = fill_today(&mut request.as_of)?;
    let check = crate::validate_cancellation(&request)
        .map_err(|e| today_before_anchor(e, filled, &request.subscription.billing_anchor))?;
    to_js(&check)
}

/// An omitted `as_of` is the caller's *local* date (SPEC §2). Read from
/// `new Date()`'s local fields, never `toISOString()`, which is the UTC date
/// and differs for hours every day east and west of Greenwich.
/// Returns the date it filled in, if any.
fn fill_today(as_of: &mut Option<NaiveDate>) -> Result<Option<NaiveDate>, JsValue> {
    if as_of.is_some() {
        return Ok(None);
    }
    let now = js_sys::Date::new_0();
    let today = i32::try_from(now.get_full_year())
        .ok()
        .and_then(|year| NaiveDate::from_ymd_opt(year, now.get_month() + 1, now.get_date()))
        .ok_or_else(|| js_sys::Error::new("seatquote: the system clock gives no valid date"))?;
    *as_of = Some(today);
    Ok(Some(today))
}

/// The core blames `as_of` when it is before the billing anchor. When the
/// caller gave no `as_of`, the date is ours, so the answer is the one the
/// native build gives for "today": the anchor is in the future.
fn today_before_anchor(err: Error, filled: Option<NaiveDate>, anchor: &NaiveDate) -> JsValue {
    match filled {
        Some(today) if err.path() == "as_of" => js_error(
            "subscription.billing_anchor",
            &format!(
                "today ({today}) is before the billing anchor ({anchor}): the subscription has not started yet"
            ),
        ),
        _ => to_js_error(err),
    }
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
