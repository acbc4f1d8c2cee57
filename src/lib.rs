//! # seatquote
//!
//! Exact previews of what a change in the number of seats (user licences)
//! of a SaaS subscription costs — the prorated amount for the rest of the
//! billing period, whether it is invoiced now or added to the next invoice,
//! the new recurring amount, and whether a cancellation is allowed at all.
//!
//! One pure Rust core: compiled to WebAssembly it answers in the browser
//! (the npm package `seatquote`); built natively, a billing server re-checks
//! every quote with the very same arithmetic. The rules are those of the
//! project's `SPEC.md`; the README explains them in plain words.
//!
//! * Money is exact: prices are [`rust_decimal::Decimal`], every line is an
//!   exact fraction rounded once to the currency's minor units.
//! * Dates are civil dates; billing periods count from the anchor.
//! * Nothing panics on any input: bad input is an [`Error`] with a `path`.
//!
//! ```
//! use seatquote::{quote_seat_change, QuoteRequest};
//!
//! // SPEC §8.1: 3 → 5 seats, 24 of 30 days left: 8.00 on the next invoice.
//! let request: QuoteRequest = serde_json::from_str(r#"{
//!   "subscription": {
//!     "plan": { "id": "business", "allows_additional_seats": true, "included_seats": 1,
//!               "prices": { "month": { "base": "10.00", "seat": "5.00" },
//!                           "year":  { "base": "100.00", "seat": "50.00" } } },
//!     "interval": "month", "billing_anchor": "2026-01-15", "currency": "EUR",
//!     "seats": 3, "seats_in_use": 3, "tax_rate": "0.19"
//!   },
//!   "target_seats": 5,
//!   "as_of": "2026-11-21"
//! }"#)?;
//! let quote = quote_seat_change(&request)?;
//! assert_eq!(quote.lines[0].amount.to_string(), "8.00");
//! assert_eq!(quote.due_now.gross.to_string(), "0.00");
//! assert_eq!(quote.next_invoice.total.net.to_string(), "38.00");
//! assert_eq!(quote.next_invoice.total.tax.to_string(), "7.22");
//! assert_eq!(quote.placement_reason.code.as_str(), "WITHIN_THRESHOLD");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]

pub mod calendar;
pub(crate) mod cancellation;
pub mod currency;
mod error;
mod messages;
pub mod money;
mod parse;
pub(crate) mod quote;
mod table;
mod types;
mod validate;
pub mod value;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use cancellation::validate_cancellation;
pub use error::Error;
pub use quote::quote_seat_change;
pub use table::{quote_price_table, MoneyColumns, PriceTable, TableRange, MAX_TABLE_ROWS};
pub use types::*;
pub use validate::{MAX_AMOUNT, MAX_SEATS};

/// Quotes a seat change from JSON to JSON: what a billing server calls to
/// re-check the request a browser sent.
///
/// # Errors
/// As [`quote_seat_change`], and for text that is not JSON.
///
/// # Example
/// ```
/// let err = seatquote::quote_seat_change_json(r#"{"target_seats": 1}"#).unwrap_err();
/// assert_eq!(err.path(), "subscription");
/// ```
pub fn quote_seat_change_json(json: &str) -> Result<String, Error> {
    let quote = quote_seat_change(&QuoteRequest::from_json(json)?)?;
    serde_json::to_string(&quote).map_err(|e| Error::new("", e.to_string()))
}

/// Checks a cancellation from JSON to JSON.
///
/// # Errors
/// As [`validate_cancellation`], and for text that is not JSON.
///
/// # Example
/// ```
/// let err = seatquote::validate_cancellation_json("{}").unwrap_err();
/// assert_eq!(err.code(), "INVALID_INPUT");
/// ```
pub fn validate_cancellation_json(json: &str) -> Result<String, Error> {
    let check = validate_cancellation(&CancellationRequest::from_json(json)?)?;
    serde_json::to_string(&check).map_err(|e| Error::new("", e.to_string()))
}
