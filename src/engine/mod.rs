//! The engine: what a change costs and where it is billed.
//!
//! * [`context`]: a request's validated facts and billing period;
//! * [`rules`]: the rules that refuse a change, and their violations;
//! * [`seat_change`], [`plan_change`], [`reset`]: each kind of change, as an
//!   [`Effect`](outcome::Effect);
//! * [`outcome`]: the totals of an effect, computed once from its lines;
//! * [`words`]: an outcome as a [`SeatQuote`], with its messages.

mod context;
mod outcome;
mod plan_change;
mod reset;
mod rules;
mod seat_change;
mod words;

pub(crate) use context::Context;

use crate::error::Error;
use crate::types::{QuoteRequest, SeatQuote};
use crate::validate::{self, Today};

/// What a change of seats costs, where it is billed and whether it is
/// allowed: the engine behind the npm package's `quote_seat_change`.
///
/// # Errors
/// An [`Error`] with `code` `INVALID_INPUT` and the path of the field for
/// input outside [rules §7](crate::rules) (counts, amounts, dates,
/// currency, …). Business refusals are not errors: they are `violations`
/// with `allowed: false`.
///
/// # Example
/// ```
/// let request = seatquote::QuoteRequest::from_json(r#"{
///   "subscription": {
///     "plan": { "id": "business", "allows_additional_seats": true, "included_seats": 1,
///               "prices": { "month": { "base": "10.00", "seat": "5.00" } } },
///     "interval": "month", "billing_anchor": "2026-01-15", "currency": "EUR",
///     "seats": 3, "seats_in_use": 3
///   },
///   "target_seats": 5, "as_of": "2026-11-21"
/// }"#)?;
/// let quote = seatquote::quote_seat_change(&request)?;
/// assert_eq!(quote.lines[0].amount.to_string(), "8.00");
/// assert_eq!(quote.placement, seatquote::Placement::NextInvoice);
/// assert_eq!(quote.next_invoice.total.gross.to_string(), "38.00");
/// # Ok::<(), seatquote::Error>(())
/// ```
pub fn quote_seat_change(request: &QuoteRequest) -> Result<SeatQuote, Error> {
    let mut quote = quote_seat_change_with(request, &validate::system_today)?;
    quote.fingerprint = crate::fingerprint::of_quote(&quote);
    Ok(quote)
}

/// [`quote_seat_change`] with the caller's idea of today, without its
/// fingerprint: the WebAssembly layer has JavaScript add it when it is first
/// read, so that a quote does not pay for hashing what nobody confirms.
pub(crate) fn quote_seat_change_with(
    request: &QuoteRequest,
    today: Today<'_>,
) -> Result<SeatQuote, Error> {
    let ctx = Context::for_quote(request, today)?;
    ctx.quote(&ctx.outcome(request.target_seats)?)
}
