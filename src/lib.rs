//! # seatquote
//!
//! Exact previews of what a change in the number of seats (user licences)
//! of a SaaS subscription costs — the prorated amount for the rest of the
//! billing period, whether it is invoiced now or added to the next invoice,
//! the new recurring amount, and whether a cancellation is allowed at all.
//!
//! One pure Rust core: compiled to WebAssembly it answers in the browser
//! (the npm package `seatquote`); built natively, a billing server re-checks
//! every quote with the very same arithmetic. The rules are those of
//! [the billing rules](crate::rules); the README explains them in plain words.
//!
//! * Money is exact: prices are [`rust_decimal::Decimal`], every line is an
//!   exact fraction rounded once to the currency's minor units.
//! * Dates are civil dates; billing periods count from the anchor.
//! * Nothing panics on any input: bad input is an [`Error`] with a `path`.
//! * Every limit is in [`limits`].
//!
//! ```
//! use seatquote::{quote_seat_change, QuoteRequest};
//!
//! // rules §8.1: 3 → 5 seats, 24 of 30 days left: 8.00 on the next invoice.
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

// The layers, each using only those above it in this list.
mod error;
pub mod limits;
mod types;

pub(crate) mod calendar;
pub(crate) mod currency;
mod messages;
pub(crate) mod money;
pub(crate) mod pricing;
pub(crate) mod value;

mod parse;
mod validate;

mod engine;

mod answer;
mod fingerprint;

mod cancellation;
mod table;

mod json;

#[cfg(target_arch = "wasm32")]
mod wasm;
// The codec's writers build natively too, for the test that checks them
// against serde and writes the JavaScript readers from them.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[path = "wasm"]
mod wasm {
    #[allow(dead_code)] // the request decoder, used in WebAssembly only
    mod wire;
}

#[doc = include_str!("rules.md")]
pub mod rules {}

pub use cancellation::validate_cancellation;
pub use engine::quote_seat_change;
pub use error::Error;
pub use json::{quote_seat_change_json, validate_cancellation_json};
pub use limits::{MAX_AMOUNT, MAX_SEATS, MAX_TABLE_ROWS};
pub use table::quote_price_table;
pub use types::*;
