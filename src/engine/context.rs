//! The context of a request: its subscription, checked, and the billing
//! period of the day of the change.

use crate::calendar;
use crate::error::Error;
use crate::money::{self, Taxed};
use crate::types::{Actor, Locale, Money, Policy, RequestParts, Subscription};
use crate::validate::{self, Checked, Today};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Everything a computation needs, validated.
pub(crate) struct Context<'a> {
    pub sub: &'a Subscription,
    pub policy: Policy,
    pub locale: Locale,
    pub actor: Option<Actor>,
    pub checked: Checked,
    pub as_of: NaiveDate,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub days_in_period: u32,
    pub days_remaining: u32,
    /// Renewing seats now: `seats − pending_cancellations`.
    pub renewing: u32,
    /// Seats neither in use nor cancelled.
    pub free: u32,
}

impl<'a> Context<'a> {
    /// The context of any request, from the fields every request has.
    pub(crate) fn new(request: RequestParts<'a>, today: Today<'_>) -> Result<Self, Error> {
        let sub = request.subscription;
        let checked = validate::subscription(sub)?;
        validate::policy(&request.policy)?;
        let as_of = validate::as_of(request.as_of, sub.billing_anchor, today)?;
        let (start, end) = validate::period(sub.billing_anchor, sub.interval, as_of)?;
        let days = |from, to| calendar::days_between(from, to).ok_or_else(Error::internal);
        let renewing = sub.seats - sub.pending_cancellations; // validated: pending ≤ seats
        Ok(Context {
            free: renewing - sub.seats_in_use, // validated: in_use + pending ≤ seats
            days_in_period: days(start, end)?,
            days_remaining: days(as_of, end)?,
            renewing,
            sub,
            policy: request.policy,
            locale: request.locale,
            actor: request.actor,
            checked,
            as_of,
            start,
            end,
        })
    }

    pub(crate) fn dp(&self) -> u32 {
        self.checked.dp
    }

    /// Seats beyond the included ones.
    pub(crate) fn billable(&self, n: u32) -> u32 {
        n.saturating_sub(self.sub.plan.included_seats)
    }

    /// `recurring(n) = round(base + S(billable(n)))`, in minor units.
    pub(crate) fn recurring(&self, n: u32) -> Result<i128, Error> {
        self.checked
            .pricing
            .recurring(
                self.sub.plan.included_seats,
                n,
                self.dp(),
                self.policy.rounding,
            )
            .ok_or_else(Error::internal)
    }

    /// An invoice total in minor units with its tax, as decimals.
    pub(crate) fn taxed(&self, minor: i128) -> Result<Money, Error> {
        money::taxed(
            minor,
            self.checked.tax_rate,
            self.sub.prices_include_tax,
            self.policy.rounding,
        )
        .and_then(|t: Taxed| t.to_money(self.dp()))
        .ok_or_else(Error::internal)
    }

    /// Minor units as a decimal with the currency's decimals.
    pub(crate) fn decimal(&self, minor: i128) -> Result<Decimal, Error> {
        money::decimal(minor, self.dp()).ok_or_else(Error::internal)
    }
}
