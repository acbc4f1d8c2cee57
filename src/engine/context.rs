//! The context of a request: its subscription, checked, and the billing
//! period of the day of the change.

use crate::calendar;
use crate::error::Error;
use crate::money::{self, Taxed};
use crate::pricing::Pricing;
use crate::types::{
    Actor, Interval, Locale, Money, Plan, Policy, QuoteRequest, RequestParts, Subscription,
};
use crate::validate::{self, Checked, Today, SUBSCRIPTION_PLAN, TARGET_PLAN};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Everything a computation needs, validated.
pub(crate) struct Context<'a> {
    pub sub: &'a Subscription,
    pub policy: Policy,
    pub locale: Locale,
    pub actor: Option<Actor>,
    pub checked: Checked<'a>,
    pub as_of: NaiveDate,
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub days_in_period: u32,
    pub days_remaining: u32,
    /// Renewing seats now: `seats − pending_cancellations`.
    pub renewing: u32,
    /// Seats neither in use nor cancelled.
    pub free: u32,
    /// The plan and interval after a plan change; `None` for a seat change.
    pub target: Option<Target<'a>>,
    /// `recurring(renewing)`, in minor units.
    pub recurring_before: i128,
    /// `S(b(seats))`: the amount of the active seats, in units of 10⁻¹⁰.
    pub seats_amount: u128,
}

/// The plan and interval after a plan change, checked.
pub(crate) struct Target<'a> {
    pub plan: &'a Plan,
    pub interval: Interval,
    /// The plan's price for `interval`, validated.
    pub pricing: Pricing<'a>,
    /// Whether the plan stays (only the interval changes).
    pub same_plan: bool,
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
        let mut ctx = Context {
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
            target: None,
            recurring_before: 0,
            seats_amount: 0,
        };
        // The same for every row of a price table: computed once.
        ctx.recurring_before = ctx.recurring(renewing)?;
        let billable = ctx.billable(sub.seats);
        ctx.seats_amount = ctx
            .checked
            .pricing
            .amount(billable)
            .ok_or_else(Error::internal)?;
        Ok(ctx)
    }

    /// The context of a quote: also the plan and interval after the change.
    pub(crate) fn for_quote(request: &'a QuoteRequest, today: Today<'_>) -> Result<Self, Error> {
        let mut ctx = Context::new(request.parts(), today)?;
        if request.target_plan.is_some() || request.target_interval.is_some() {
            ctx.target = ctx.target(request.target_plan.as_ref(), request.target_interval)?;
        }
        Ok(ctx)
    }

    /// The plan and interval after the change, checked; `None` when both
    /// stay (a seat change).
    #[inline(never)]
    fn target(
        &self,
        plan: Option<&'a Plan>,
        interval: Option<Interval>,
    ) -> Result<Option<Target<'a>>, Error> {
        let current = &self.sub.plan;
        let interval = interval.unwrap_or(self.sub.interval);
        let mut chosen = (current, self.checked.prices, &SUBSCRIPTION_PLAN);
        if let Some(plan) = plan {
            let prices = validate::plan(plan, &TARGET_PLAN)?;
            if plan.id != current.id {
                chosen = (plan, prices, &TARGET_PLAN);
            } else if !validate::same_plan(plan, &prices, current, &self.checked.prices) {
                return Err(Error::new(
                    "target_plan",
                    "has the id of the current plan but differs from it (seats or prices): give a changed plan its own id, or leave target_plan out to keep the plan",
                ));
            }
        }
        let (plan, prices, paths) = chosen;
        let same_plan = plan.id == current.id;
        if same_plan && interval == self.sub.interval {
            return Ok(None);
        }
        Ok(Some(Target {
            plan,
            interval,
            pricing: validate::price_for(prices, interval, paths, "the change")?,
            same_plan,
        }))
    }

    pub(crate) fn dp(&self) -> u32 {
        self.checked.dp
    }

    /// Seats beyond the included ones.
    pub(crate) fn billable(&self, n: u32) -> u32 {
        n.saturating_sub(self.sub.plan.included_seats)
    }

    /// `recurring(n) = round(base + S(billable(n)))`, in minor units: the
    /// invoice amount of `n` renewing seats on the current plan.
    pub(crate) fn recurring(&self, n: u32) -> Result<i128, Error> {
        self.recurring_on(&self.checked.pricing, self.sub.plan.included_seats, n)
    }

    /// The invoice amount of `n` renewing seats after the change: on the
    /// plan and interval after a plan change, else on the current ones.
    pub(crate) fn recurring_after(&self, n: u32) -> Result<i128, Error> {
        match &self.target {
            Some(t) => self.recurring_on(&t.pricing, t.plan.included_seats, n),
            None => self.recurring(n),
        }
    }

    /// The invoice amount of `n` renewing seats at `pricing`, with
    /// `included` seats covered by its base.
    #[inline(never)]
    fn recurring_on(&self, pricing: &Pricing<'_>, included: u32, n: u32) -> Result<i128, Error> {
        pricing
            .recurring(included, n, self.dp(), self.policy.rounding)
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
