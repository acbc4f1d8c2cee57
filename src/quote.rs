//! The engine: what a seat change costs and where it is billed.

use crate::error::Error;
use crate::messages::{self, LineFacts, LineText, NoCharge};
use crate::money::{self, Taxed};
use crate::types::*;
use crate::validate::{self, Checked, Today};
use chrono::{Months, NaiveDate};
use rust_decimal::Decimal;
use std::cmp::Ordering;
use std::collections::BTreeMap;

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

/// Arithmetic that cannot fail within the validated limits; reported as an
/// input error all the same rather than trusting that to stay true.
fn overflow() -> Error {
    Error::new(
        "subscription.plan.prices",
        "the amounts are too large to compute exactly: lower the prices, seats or tax rate",
    )
}

impl<'a> Context<'a> {
    pub(crate) fn new(
        sub: &'a Subscription,
        as_of: Option<NaiveDate>,
        actor: Option<Actor>,
        policy: Policy,
        locale: Locale,
        today: Today<'_>,
    ) -> Result<Self, Error> {
        let checked = validate::subscription(sub)?;
        validate::policy(&policy)?;
        let as_of = validate::as_of(as_of, sub.billing_anchor, today)?;
        let (start, end) = validate::period(sub.billing_anchor, sub.interval, as_of)?;
        let days = |from, to| crate::calendar::days_between(from, to).ok_or_else(overflow);
        let renewing = sub.seats - sub.pending_cancellations; // validated: pending ≤ seats
        Ok(Context {
            free: renewing - sub.seats_in_use, // validated: in_use + pending ≤ seats
            days_in_period: days(start, end)?,
            days_remaining: days(as_of, end)?,
            renewing,
            sub,
            policy,
            locale,
            actor,
            checked,
            as_of,
            start,
            end,
        })
    }

    fn dp(&self) -> u32 {
        self.checked.dp
    }

    /// Seats beyond the included ones.
    fn billable(&self, n: u32) -> u32 {
        n.saturating_sub(self.sub.plan.included_seats)
    }

    /// `base + billable(n) × seat`, rounded once, in minor units.
    fn recurring(&self, n: u32) -> Result<i128, Error> {
        let price = &self.checked.price;
        let billable = self.billable(n);
        money::recurring(
            price.base,
            price.seat,
            billable,
            self.dp(),
            self.policy.rounding,
        )
        .ok_or_else(overflow)
    }

    fn taxed(&self, minor: i128) -> Result<Money, Error> {
        money::taxed(
            minor,
            self.checked.tax_rate,
            self.sub.prices_include_tax,
            self.policy.rounding,
        )
        .and_then(|t: Taxed| t.to_money(self.dp()))
        .ok_or_else(overflow)
    }

    fn decimal(&self, minor: i128) -> Result<Decimal, Error> {
        money::decimal(minor, self.dp()).ok_or_else(overflow)
    }

    /// A price as written on a line: at least the currency's decimals.
    fn unit_price(&self, price: Decimal) -> Decimal {
        // normalize(), then rescale(dp) when that has fewer decimals: in
        // integers, exact (only zeros are added).
        let (m, scale) = money::normalized(price);
        let dp = self.dp();
        let widened = money::pow10(dp.saturating_sub(scale))
            .and_then(|f| i128::try_from(f).ok())
            .and_then(|f| m.checked_mul(f));
        match widened {
            Some(m) if scale < dp => Decimal::try_from_i128_with_scale(m, dp).unwrap_or(price),
            _ => Decimal::try_from_i128_with_scale(m, scale).unwrap_or(price),
        }
    }

    /// The rules of SPEC §6 broken by a change to `target` renewing seats,
    /// in order, before they are put into words.
    fn rules(&self, target: u32) -> Vec<Rule> {
        let mut found = Vec::new();
        let r = self.renewing;
        if target == r {
            return found; // keeping the seat count is never refused
        }
        if self.sub.status != Status::Active {
            found.push(Rule::Inactive);
        }
        if let Some(Actor { role: Role::Member }) = self.actor {
            found.push(Rule::Member);
        }
        let plan = &self.sub.plan;
        if target > self.sub.seats && !plan.allows_additional_seats {
            found.push(Rule::Upgrade);
        }
        if let Some(max) = plan.max_seats.filter(|max| target > *max) {
            found.push(Rule::Above(max));
        }
        let min = plan.effective_min_seats();
        if target < min {
            found.push(Rule::Below(min));
        }
        if target < r && r - target > self.free {
            found.push(Rule::InUse(r - target));
        }
        found
    }

    fn violation(&self, rule: Rule, target: u32) -> Violation {
        let (l, plan) = (self.locale, &self.sub.plan);
        let (code, message, params): (_, _, Vec<(&str, Param)>) = match rule {
            Rule::Inactive => (
                ViolationCode::SubscriptionInactive,
                messages::subscription_inactive(l, self.sub.status),
                vec![("status", Param::Text(self.sub.status.as_str().to_owned()))],
            ),
            Rule::Member => (
                ViolationCode::NotPermitted,
                messages::not_permitted(l),
                vec![("role", Param::Text(Role::Member.as_str().to_owned()))],
            ),
            Rule::Upgrade => (
                ViolationCode::PlanUpgradeRequired,
                messages::plan_upgrade_required(l, plan.name.as_deref().unwrap_or(&plan.id)),
                vec![
                    ("plan", Param::Text(plan.id.clone())),
                    ("requested", Param::Number(target)),
                    ("seats", Param::Number(self.sub.seats)),
                ],
            ),
            Rule::Above(max) => (
                ViolationCode::AboveMaximum,
                messages::above_maximum(l, target, max),
                vec![
                    ("requested", Param::Number(target)),
                    ("max_seats", Param::Number(max)),
                ],
            ),
            Rule::Below(min) => (
                ViolationCode::BelowMinimum,
                messages::below_minimum(l, target, min),
                vec![
                    ("requested", Param::Number(target)),
                    ("min_seats", Param::Number(min)),
                ],
            ),
            Rule::InUse(requested) => {
                let remove = requested - self.free;
                (
                    ViolationCode::SeatsInUse,
                    messages::seats_in_use(l, requested, self.free, remove),
                    vec![
                        ("requested", Param::Number(requested)),
                        ("free", Param::Number(self.free)),
                        ("users_to_remove", Param::Number(remove)),
                    ],
                )
            }
        };
        // Inserted one by one: collecting would sort, which costs 3 KB of
        // WebAssembly for a handful of entries.
        let mut map = BTreeMap::new();
        for (key, value) in params {
            map.insert(key.to_owned(), value);
        }
        Violation {
            code,
            message,
            params: map,
        }
    }

    /// When a change to `target` takes effect (also asked of refused changes).
    fn effective_date(&self, target: u32) -> NaiveDate {
        let decrease_at_term_end = target < self.renewing
            && self.policy.anchor == AnchorPolicy::Keep
            && self.policy.decrease == Decrease::EndOfTerm;
        if decrease_at_term_end {
            self.end
        } else {
            self.as_of
        }
    }

    /// A seat line for `quantity` billable seats bought or credited, by the
    /// proration policy; `None` when nothing is charged for this period.
    fn seat_line(
        &self,
        quantity: u32,
        credit: bool,
        placement: LinePlacement,
    ) -> Result<Option<LineNumbers>, Error> {
        let (from, days) = match self.policy.proration {
            Proration::None => return Ok(None),
            _ if quantity == 0 => return Ok(None),
            Proration::Daily => (self.as_of, self.days_remaining),
            Proration::Full => (self.start, self.days_in_period),
        };
        let unit = self.checked.price.seat;
        let magnitude = money::prorate(
            unit,
            quantity,
            days,
            self.days_in_period,
            self.dp(),
            self.policy.rounding,
        )
        .ok_or_else(overflow)?;
        let (kind, text, amount) = if credit {
            (LineKind::SeatCredit, LineText::Removed, -magnitude)
        } else {
            (LineKind::SeatProration, LineText::Added, magnitude)
        };
        Ok(Some(LineNumbers {
            kind,
            text,
            quantity,
            unit_price: unit,
            from,
            to: self.end,
            days,
            days_in_period: self.days_in_period,
            amount,
            placement,
        }))
    }

    /// Where a charge goes under the placement policy, and why.
    fn charge_placement(&self) -> (LinePlacement, Reason) {
        match self.policy.placement {
            PlacementPolicy::Threshold if self.days_remaining > self.policy.threshold_days => {
                (LinePlacement::Now, Reason::ThresholdExceeded)
            }
            PlacementPolicy::Threshold => (LinePlacement::NextInvoice, Reason::WithinThreshold),
            PlacementPolicy::Immediate => (LinePlacement::Now, Reason::PolicyImmediate),
            PlacementPolicy::NextInvoice => (LinePlacement::NextInvoice, Reason::PolicyNextInvoice),
        }
    }

    /// Everything a change to `target` renewing seats means, in numbers:
    /// the arithmetic of a quote without its words. [`Context::quote`] and
    /// the price table both read it, so they cannot disagree.
    pub(crate) fn outcome(&self, target: u32) -> Result<Outcome, Error> {
        validate::count(target, "target_seats")?;
        let r = self.renewing;
        let seats = self.sub.seats;
        let change = match target.cmp(&r) {
            Ordering::Greater => Change::Increase,
            Ordering::Less => Change::Decrease,
            Ordering::Equal => Change::None,
        };
        let rules = self.rules(target);
        let unchanged = SeatCounts {
            before: seats,
            after: seats,
            renewing_before: r,
            renewing_after: r,
            added: 0,
            reactivated: 0,
            removed: 0,
        };
        let mut outcome = Outcome {
            change,
            effective_date: self.effective_date(target),
            counts: unchanged,
            lines: Vec::new(),
            reason: Reason::NoCharge(if rules.is_empty() {
                NoCharge::Unchanged
            } else {
                NoCharge::Refused
            }),
            invoice_date: self.end,
            anchor_after: self.sub.billing_anchor,
            rules,
            recurring_before: self.recurring(r)?,
            recurring_after: 0,
            now: 0,
            adjustments: 0,
            next_total: 0,
            carried: 0,
        };
        if outcome.rules.is_empty() && change != Change::None {
            // An increase first revokes pending cancellations, then buys seats.
            let up = target.saturating_sub(r);
            let reactivated = up.min(self.sub.pending_cancellations);
            let added = up - reactivated;
            let removed = r.saturating_sub(target);
            outcome.counts = SeatCounts {
                renewing_after: target,
                added,
                reactivated,
                removed,
                ..unchanged
            };
            match (self.policy.anchor, change) {
                (AnchorPolicy::Reset, _) => self.reset(target, &mut outcome)?,
                (AnchorPolicy::Keep, Change::Increase) => {
                    let after = seats + added;
                    let quantity = self.billable(after) - self.billable(seats);
                    let (placement, reason) = self.charge_placement();
                    outcome.counts.after = after;
                    outcome
                        .lines
                        .extend(self.seat_line(quantity, false, placement)?);
                    outcome.reason = self.reason_for(&outcome.lines, reason);
                }
                (AnchorPolicy::Keep, _) => match self.policy.decrease {
                    Decrease::EndOfTerm => {
                        let last = self.end.pred_opt().unwrap_or(self.end);
                        outcome.reason = Reason::NoCharge(NoCharge::EndOfTerm(last, self.end));
                    }
                    Decrease::ImmediateCredit => {
                        let after = seats - removed; // removed ≤ renewing ≤ seats
                        let quantity = self.billable(seats) - self.billable(after);
                        outcome.counts.after = after;
                        outcome.lines.extend(self.seat_line(
                            quantity,
                            true,
                            LinePlacement::NextInvoice,
                        )?);
                        outcome.reason =
                            self.reason_for(&outcome.lines, Reason::CreditToNextInvoice);
                    }
                },
            }
        }
        outcome.recurring_after = self.recurring(outcome.counts.renewing_after)?;
        let sum = |placement| {
            outcome
                .lines
                .iter()
                .filter(|l| l.placement == placement)
                .try_fold(0i128, |acc, l| acc.checked_add(l.amount))
                .ok_or_else(overflow)
        };
        outcome.now = sum(LinePlacement::Now)?;
        outcome.adjustments = sum(LinePlacement::NextInvoice)?;
        outcome.next_total = outcome
            .recurring_after
            .checked_add(outcome.adjustments)
            .ok_or_else(overflow)?;
        // Credits are never paid out: what is below zero is carried forward.
        outcome.carried = (-outcome.now).max(0) + (-outcome.next_total).max(0);
        Ok(outcome)
    }

    /// The reason for a charge or credit, or why there is none.
    fn reason_for(&self, lines: &[LineNumbers], if_any: Reason) -> Reason {
        match (lines.is_empty(), self.policy.proration) {
            (false, _) => if_any,
            (true, Proration::None) => Reason::NoCharge(NoCharge::NotProrated(self.end)),
            (true, _) => Reason::NoCharge(NoCharge::NothingBillable(self.end)),
        }
    }

    /// Anchor reset: the current period ends today. The unused time of what
    /// was paid is credited, the new period is charged in full, both now.
    fn reset(&self, target: u32, outcome: &mut Outcome) -> Result<(), Error> {
        let months = match self.sub.interval {
            Interval::Month => 1,
            Interval::Year => 12,
        };
        let (_, last) = validate::date_range();
        let new_end = self
            .as_of
            .checked_add_months(Months::new(months))
            .filter(|end| *end <= last)
            .ok_or_else(|| {
                Error::new(
                    "as_of",
                    format!(
                        "a new billing period from {} would end after {last}",
                        self.as_of
                    ),
                )
            })?;
        let new_days = crate::calendar::days_between(self.as_of, new_end).ok_or_else(overflow)?;
        let paid = self.recurring(self.sub.seats)?;
        let unused = money::prorate_minor(
            paid,
            self.days_remaining,
            self.days_in_period,
            self.policy.rounding,
        )
        .ok_or_else(overflow)?;
        let next = self.recurring(target)?;
        outcome.lines.push(LineNumbers {
            kind: LineKind::UnusedTimeCredit,
            text: LineText::UnusedTime,
            quantity: 1,
            unit_price: self.decimal(paid)?,
            from: self.as_of,
            to: self.end,
            days: self.days_remaining,
            days_in_period: self.days_in_period,
            amount: -unused,
            placement: LinePlacement::Now,
        });
        outcome.lines.push(LineNumbers {
            kind: LineKind::NewPeriod,
            text: LineText::NewPeriod { seats: target },
            quantity: 1,
            unit_price: self.decimal(next)?,
            from: self.as_of,
            to: new_end,
            days: new_days,
            days_in_period: new_days,
            amount: next,
            placement: LinePlacement::Now,
        });
        outcome.reason = Reason::AnchorReset(new_end);
        outcome.counts.after = target;
        outcome.invoice_date = new_end;
        outcome.anchor_after = self.as_of;
        Ok(())
    }

    fn reason(&self, reason: Reason) -> PlacementReason {
        let (l, rem, end, threshold) = (
            self.locale,
            self.days_remaining,
            self.end,
            self.policy.threshold_days,
        );
        let (code, message) = match reason {
            Reason::ThresholdExceeded => (
                PlacementReasonCode::ThresholdExceeded,
                messages::threshold_exceeded(l, rem, end, threshold),
            ),
            Reason::WithinThreshold => (
                PlacementReasonCode::WithinThreshold,
                messages::within_threshold(l, rem, end, threshold),
            ),
            Reason::PolicyImmediate => (
                PlacementReasonCode::PolicyImmediate,
                messages::policy_immediate(l),
            ),
            Reason::PolicyNextInvoice => (
                PlacementReasonCode::PolicyNextInvoice,
                messages::policy_next_invoice(l, end),
            ),
            Reason::CreditToNextInvoice => (
                PlacementReasonCode::CreditToNextInvoice,
                messages::credit_to_next_invoice(l, end),
            ),
            Reason::AnchorReset(next) => (
                PlacementReasonCode::AnchorReset,
                messages::anchor_reset(l, self.as_of, next),
            ),
            Reason::NoCharge(why) => (PlacementReasonCode::NoCharge, messages::no_charge(l, why)),
        };
        PlacementReason { code, message }
    }

    /// The quote for a change to `target` renewing seats: the outcome in words.
    pub(crate) fn quote(&self, target: u32) -> Result<SeatQuote, Error> {
        let o = self.outcome(target)?;
        let lines = o
            .lines
            .iter()
            .map(|n| {
                let unit_price = self.unit_price(n.unit_price);
                let facts = LineFacts {
                    quantity: n.quantity,
                    unit_price,
                    currency: &self.sub.currency,
                    from: n.from,
                    to: n.to,
                    days: n.days,
                    days_in_period: n.days_in_period,
                };
                Ok(Line {
                    kind: n.kind,
                    description: messages::line(self.locale, n.text, &facts),
                    quantity: n.quantity,
                    unit_price,
                    from: n.from,
                    to: n.to,
                    days: n.days,
                    days_in_period: n.days_in_period,
                    amount: self.decimal(n.amount)?,
                    placement: n.placement,
                })
            })
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(SeatQuote {
            allowed: o.rules.is_empty(),
            violations: o.rules.iter().map(|r| self.violation(*r, target)).collect(),
            change: o.change,
            as_of: self.as_of,
            currency: self.sub.currency.clone(),
            seats: o.counts,
            period: Period {
                start: self.start,
                end: self.end,
                days_in_period: self.days_in_period,
                days_remaining: self.days_remaining,
            },
            effective_date: o.effective_date,
            lines,
            placement: o.placement(),
            placement_reason: self.reason(o.reason),
            due_now: self.taxed(o.now.max(0))?,
            credit_carried_forward: self.decimal(o.carried)?,
            next_invoice: NextInvoice {
                date: o.invoice_date,
                recurring: self.taxed(o.recurring_after)?,
                adjustments: self.decimal(o.adjustments)?,
                total: self.taxed(o.next_total.max(0))?,
            },
            recurring: RecurringChange {
                before: self.taxed(o.recurring_before)?,
                after: self.taxed(o.recurring_after)?,
            },
            billing_anchor_after: o.anchor_after,
        })
    }

    /// One row of a price table: the outcome's totals, without words.
    pub(crate) fn row(&self, target: u32) -> Result<(Outcome, Money, Money, Money), Error> {
        let o = self.outcome(target)?;
        let due_now = self.taxed(o.now.max(0))?;
        let next_total = self.taxed(o.next_total.max(0))?;
        let recurring_after = self.taxed(o.recurring_after)?;
        Ok((o, due_now, next_total, recurring_after))
    }
}

/// A rule of SPEC §6 that refuses a change, before it is put into words.
#[derive(Debug, Clone, Copy)]
enum Rule {
    Inactive,
    Member,
    Upgrade,
    Above(u32),
    Below(u32),
    /// Seats asked to be removed.
    InUse(u32),
}

/// Why the lines are placed as they are, before it is put into words.
#[derive(Debug, Clone, Copy)]
enum Reason {
    ThresholdExceeded,
    WithinThreshold,
    PolicyImmediate,
    PolicyNextInvoice,
    CreditToNextInvoice,
    /// The next invoice date of the new period.
    AnchorReset(NaiveDate),
    NoCharge(NoCharge),
}

/// A line in numbers.
#[derive(Debug, Clone)]
pub(crate) struct LineNumbers {
    kind: LineKind,
    text: LineText,
    quantity: u32,
    unit_price: Decimal,
    from: NaiveDate,
    to: NaiveDate,
    days: u32,
    days_in_period: u32,
    /// Minor units, negative for credits.
    amount: i128,
    placement: LinePlacement,
}

/// A quote in numbers (amounts in minor units).
#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    pub change: Change,
    rules: Vec<Rule>,
    effective_date: NaiveDate,
    counts: SeatCounts,
    lines: Vec<LineNumbers>,
    reason: Reason,
    invoice_date: NaiveDate,
    anchor_after: NaiveDate,
    recurring_before: i128,
    recurring_after: i128,
    now: i128,
    adjustments: i128,
    next_total: i128,
    carried: i128,
}

impl Outcome {
    /// Whether no rule refuses the change.
    pub(crate) fn allowed(&self) -> bool {
        self.rules.is_empty()
    }

    /// `immediate` when any line is due now, `next_invoice` when all go on
    /// the next invoice, `none` when there is none.
    pub(crate) fn placement(&self) -> Placement {
        if self.lines.iter().any(|l| l.placement == LinePlacement::Now) {
            Placement::Immediate
        } else if self.lines.is_empty() {
            Placement::None
        } else {
            Placement::NextInvoice
        }
    }
}

/// What a change of seats costs, where it is billed and whether it is
/// allowed: the engine behind the npm package's `quote_seat_change`.
///
/// # Errors
/// An [`Error`] with `code` `INVALID_INPUT` and the path of the field for
/// input outside SPEC §7 (counts, amounts, dates, currency, …). Business
/// refusals are not errors: they are `violations` with `allowed: false`.
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
    quote_seat_change_with(request, &validate::system_today)
}

/// [`quote_seat_change`] with the caller's idea of today.
pub(crate) fn quote_seat_change_with(
    request: &QuoteRequest,
    today: Today<'_>,
) -> Result<SeatQuote, Error> {
    let ctx = Context::new(
        &request.subscription,
        request.as_of,
        request.actor,
        request.policy,
        request.locale,
        today,
    )?;
    ctx.quote(request.target_seats)
}
