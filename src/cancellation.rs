//! May these seats be cancelled, and what follows?

use crate::engine::Context;
use crate::error::Error;
use crate::types::{CancellationCheck, CancellationRequest};
use crate::validate::{self, Today};

/// Whether `seats_to_cancel` renewing seats may be cancelled now, when the
/// cancellation takes effect, how many users must be removed first, and the
/// recurring amount and credit that follow: the engine behind the npm
/// package's `validate_cancellation`.
///
/// It answers exactly as [`quote_seat_change`](crate::quote_seat_change)
/// does for `target_seats = seats − pending_cancellations − seats_to_cancel`.
///
/// # Errors
/// An [`Error`] for input outside [rules §7](crate::rules), and when `seats_to_cancel` is not
/// within `1..=seats − pending_cancellations`.
///
/// # Example
/// ```
/// // rules §8.5: 5 seats, 4 in use.
/// let subscription = r#"{
///   "plan": { "id": "business", "allows_additional_seats": true, "included_seats": 1,
///             "prices": { "month": { "base": "10.00", "seat": "5.00" } } },
///   "interval": "month", "billing_anchor": "2026-01-15", "currency": "EUR",
///   "seats": 5, "seats_in_use": 4 }"#;
/// let ask = |n: u32| {
///     let json = format!(r#"{{"subscription": {subscription}, "seats_to_cancel": {n}, "as_of": "2026-11-21"}}"#);
///     seatquote::validate_cancellation(&seatquote::CancellationRequest::from_json(&json)?)
/// };
/// let two = ask(2)?;
/// assert!(!two.allowed);
/// assert_eq!(two.users_to_remove, 1);
/// let one = ask(1)?;
/// assert!(one.allowed);
/// assert_eq!(one.effective_date.to_string(), "2026-12-15");
/// assert_eq!(one.recurring_after.gross.to_string(), "25.00");
/// assert_eq!(one.credit.to_string(), "0.00");
/// # Ok::<(), seatquote::Error>(())
/// ```
pub fn validate_cancellation(request: &CancellationRequest) -> Result<CancellationCheck, Error> {
    let mut check = validate_cancellation_with(request, &validate::system_today)?;
    check.fingerprint = crate::fingerprint::of_cancellation(&check);
    Ok(check)
}

/// [`validate_cancellation`] with the caller's idea of today, without its
/// fingerprint (as [`crate::engine::quote_seat_change_with`]).
pub(crate) fn validate_cancellation_with(
    request: &CancellationRequest,
    today: Today<'_>,
) -> Result<CancellationCheck, Error> {
    let ctx = Context::new(request.parts(), today)?;
    let n = request.seats_to_cancel;
    let renewing = ctx.renewing;
    if n == 0 || n > renewing {
        let message = if renewing == 0 {
            "there is no renewing seat left to cancel (all seats are already cancelled)".to_owned()
        } else {
            format!("must be from 1 to {renewing} (the renewing seats: seats − pending_cancellations), got {n}")
        };
        return Err(Error::new("seats_to_cancel", message));
    }
    // The engine's numbers: the same outcome a quote of this target has.
    let outcome = ctx.outcome(renewing - n)?;
    let effective_date = outcome.effective_date;
    let credit = ctx.decimal(outcome.credit()?)?;
    Ok(CancellationCheck {
        allowed: outcome.allowed(),
        violations: ctx.violations(&outcome.rules, outcome.target),
        seats_to_cancel: n,
        free_seats: ctx.free,
        users_to_remove: n.saturating_sub(ctx.free),
        effective_date,
        last_active_day: effective_date.pred_opt().unwrap_or(effective_date),
        renewing_seats_after: outcome.effect.counts.renewing_after,
        recurring_after: outcome.invoiced(&ctx)?.recurring_after,
        credit,
        fingerprint: String::new(),
    })
}
