//! The engine: what a seat change costs and where it is billed.

use crate::error::Error;
use crate::messages::{self, LineFacts, LineText, NoCharge};
use crate::money::{self, Taxed};
use crate::types::*;
use crate::validate::{self, Checked};
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
    ) -> Result<Self, Error> {
        let checked = validate::subscription(sub)?;
        validate::policy(&policy)?;
        let as_of = validate::as_of(as_of, sub.billing_anchor)?;
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
        let exact = price
            .seat
            .checked_mul(Decimal::from(self.billable(n)))
            .and_then(|seats| seats.checked_add(price.base))
            .ok_or_else(overflow)?;
        money::to_minor(exact, self.dp(), self.policy.rounding).ok_or_else(overflow)
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
        let mut p = price.normalize();
        if p.scale() < self.dp() {
            p.rescale(self.dp());
        }
        p
    }

    /// The rules of SPEC §6 for a change to `target` renewing seats, in order.
    pub(crate) fn violations(&self, target: u32) -> Vec<Violation> {
        let mut found = Vec::new();
        let r = self.renewing;
        if target == r {
            return found; // keeping the seat count is never refused
        }
        let locale = self.locale;
        let mut add = |code, message, params: &[(&str, Param)]| {
            found.push(Violation {
                code,
                message,
                params: params
                    .iter()
                    .map(|(k, v)| ((*k).to_owned(), v.clone()))
                    .collect::<BTreeMap<_, _>>(),
            })
        };
        let status = self.sub.status;
        if status != Status::Active {
            add(
                ViolationCode::SubscriptionInactive,
                messages::subscription_inactive(locale, status),
                &[("status", Param::Text(status.as_str().to_owned()))],
            );
        }
        if let Some(Actor { role: Role::Member }) = self.actor {
            add(
                ViolationCode::NotPermitted,
                messages::not_permitted(locale),
                &[("role", Param::Text(Role::Member.as_str().to_owned()))],
            );
        }
        let plan = &self.sub.plan;
        if target > self.sub.seats && !plan.allows_additional_seats {
            let name = plan.name.as_deref().unwrap_or(&plan.id);
            add(
                ViolationCode::PlanUpgradeRequired,
                messages::plan_upgrade_required(locale, name),
                &[
                    ("plan", Param::Text(plan.id.clone())),
                    ("requested", Param::Number(target)),
                    ("seats", Param::Number(self.sub.seats)),
                ],
            );
        }
        if let Some(max) = plan.max_seats.filter(|max| target > *max) {
            add(
                ViolationCode::AboveMaximum,
                messages::above_maximum(locale, target, max),
                &[
                    ("requested", Param::Number(target)),
                    ("max_seats", Param::Number(max)),
                ],
            );
        }
        let min = plan.effective_min_seats();
        if target < min {
            add(
                ViolationCode::BelowMinimum,
                messages::below_minimum(locale, target, min),
                &[
                    ("requested", Param::Number(target)),
                    ("min_seats", Param::Number(min)),
                ],
            );
        }
        if target < r && r - target > self.free {
            let requested = r - target;
            let remove = requested - self.free;
            add(
                ViolationCode::SeatsInUse,
                messages::seats_in_use(locale, requested, self.free, remove),
                &[
                    ("requested", Param::Number(requested)),
                    ("free", Param::Number(self.free)),
                    ("users_to_remove", Param::Number(remove)),
                ],
            );
        }
        found
    }

    /// When a change to `target` takes effect (also asked of refused changes).
    pub(crate) fn effective_date(&self, target: u32) -> NaiveDate {
        let decrease_at_term_end = target < self.renewing
            && self.policy.anchor == AnchorPolicy::Keep
            && self.policy.decrease == Decrease::EndOfTerm;
        if decrease_at_term_end {
            self.end
        } else {
            self.as_of
        }
    }

    fn line(
        &self,
        kind: LineKind,
        text: LineText,
        facts: LineFacts<'_>,
        amount: i128,
        placement: LinePlacement,
    ) -> Result<Line, Error> {
        Ok(Line {
            kind,
            description: messages::line(self.locale, text, &facts),
            quantity: facts.quantity,
            unit_price: facts.unit_price,
            from: facts.from,
            to: facts.to,
            days: facts.days,
            days_in_period: facts.days_in_period,
            amount: self.decimal(amount)?,
            placement,
        })
    }

    /// A seat line for `quantity` billable seats bought (`sign` 1) or
    /// credited (`sign` −1), by the proration policy. `None` when nothing is
    /// charged for this period.
    fn seat_line(
        &self,
        quantity: u32,
        credit: bool,
        placement: LinePlacement,
    ) -> Result<Option<Line>, Error> {
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
        let facts = LineFacts {
            quantity,
            unit_price: self.unit_price(unit),
            currency: &self.sub.currency,
            from,
            to: self.end,
            days,
            days_in_period: self.days_in_period,
        };
        let (kind, text, amount) = if credit {
            (LineKind::SeatCredit, LineText::Removed, -magnitude)
        } else {
            (LineKind::SeatProration, LineText::Added, magnitude)
        };
        self.line(kind, text, facts, amount, placement).map(Some)
    }

    /// Where a charge goes under the placement policy, and why.
    fn charge_placement(&self) -> (LinePlacement, PlacementReason) {
        let (l, rem, end) = (self.locale, self.days_remaining, self.end);
        let threshold = self.policy.threshold_days;
        let (placement, code, message) = match self.policy.placement {
            PlacementPolicy::Threshold if rem > threshold => (
                LinePlacement::Now,
                PlacementReasonCode::ThresholdExceeded,
                messages::threshold_exceeded(l, rem, end, threshold),
            ),
            PlacementPolicy::Threshold => (
                LinePlacement::NextInvoice,
                PlacementReasonCode::WithinThreshold,
                messages::within_threshold(l, rem, end, threshold),
            ),
            PlacementPolicy::Immediate => (
                LinePlacement::Now,
                PlacementReasonCode::PolicyImmediate,
                messages::policy_immediate(l),
            ),
            PlacementPolicy::NextInvoice => (
                LinePlacement::NextInvoice,
                PlacementReasonCode::PolicyNextInvoice,
                messages::policy_next_invoice(l, end),
            ),
        };
        (placement, PlacementReason { code, message })
    }

    fn no_charge(&self, why: NoCharge) -> PlacementReason {
        PlacementReason {
            code: PlacementReasonCode::NoCharge,
            message: messages::no_charge(self.locale, why),
        }
    }

    /// The quote for a change to `target` renewing seats.
    pub(crate) fn quote(&self, target: u32) -> Result<SeatQuote, Error> {
        validate::count(target, "target_seats")?;
        let r = self.renewing;
        let seats = self.sub.seats;
        let change = match target.cmp(&r) {
            Ordering::Greater => Change::Increase,
            Ordering::Less => Change::Decrease,
            Ordering::Equal => Change::None,
        };
        let violations = self.violations(target);
        let allowed = violations.is_empty();
        let effective_date = self.effective_date(target);
        let recurring_before = self.recurring(r)?;
        let unchanged = SeatCounts {
            before: seats,
            after: seats,
            renewing_before: r,
            renewing_after: r,
            added: 0,
            reactivated: 0,
            removed: 0,
        };

        // What happens, as (seat counts, lines, reason, next invoice date, anchor after).
        let (counts, lines, reason, invoice_date, anchor_after) = if !allowed
            || change == Change::None
        {
            let why = if allowed {
                NoCharge::Unchanged
            } else {
                NoCharge::Refused
            };
            (
                unchanged,
                Vec::new(),
                self.no_charge(why),
                self.end,
                self.sub.billing_anchor,
            )
        } else {
            // An increase first revokes pending cancellations, then buys seats.
            let up = target.saturating_sub(r);
            let reactivated = up.min(self.sub.pending_cancellations);
            let added = up - reactivated;
            let removed = r.saturating_sub(target);
            let base = SeatCounts {
                renewing_after: target,
                added,
                reactivated,
                removed,
                ..unchanged
            };
            match (self.policy.anchor, change) {
                (AnchorPolicy::Reset, _) => self.reset(target, base)?,
                (AnchorPolicy::Keep, Change::Increase) => {
                    let after = seats + added;
                    let quantity = self.billable(after) - self.billable(seats);
                    let (placement, reason) = self.charge_placement();
                    let line = self.seat_line(quantity, false, placement)?;
                    let reason = match (&line, self.policy.proration) {
                        (Some(_), _) => reason,
                        (None, Proration::None) => self.no_charge(NoCharge::NotProrated(self.end)),
                        (None, _) => self.no_charge(NoCharge::NothingBillable(self.end)),
                    };
                    let counts = SeatCounts { after, ..base };
                    (
                        counts,
                        line.into_iter().collect(),
                        reason,
                        self.end,
                        self.sub.billing_anchor,
                    )
                }
                (AnchorPolicy::Keep, _) => match self.policy.decrease {
                    Decrease::EndOfTerm => {
                        let last = self.end.pred_opt().unwrap_or(self.end);
                        let reason = self.no_charge(NoCharge::EndOfTerm(last, self.end));
                        (base, Vec::new(), reason, self.end, self.sub.billing_anchor)
                    }
                    Decrease::ImmediateCredit => {
                        let after = seats - removed; // removed ≤ renewing ≤ seats
                        let quantity = self.billable(seats) - self.billable(after);
                        let line = self.seat_line(quantity, true, LinePlacement::NextInvoice)?;
                        let reason = match (&line, self.policy.proration) {
                            (Some(_), _) => PlacementReason {
                                code: PlacementReasonCode::CreditToNextInvoice,
                                message: messages::credit_to_next_invoice(self.locale, self.end),
                            },
                            (None, Proration::None) => {
                                self.no_charge(NoCharge::NotProrated(self.end))
                            }
                            (None, _) => self.no_charge(NoCharge::NothingBillable(self.end)),
                        };
                        let counts = SeatCounts { after, ..base };
                        (
                            counts,
                            line.into_iter().collect(),
                            reason,
                            self.end,
                            self.sub.billing_anchor,
                        )
                    }
                },
            }
        };

        let renewing_after = counts.renewing_after;
        let recurring_after = self.recurring(renewing_after)?;
        let sum = |placement| -> Result<i128, Error> {
            lines
                .iter()
                .filter(|l| l.placement == placement)
                // Line amounts carry exactly `dp` decimals: the mantissa is
                // the amount in minor units.
                .try_fold(0i128, |acc, l| {
                    acc.checked_add(l.amount.mantissa()).ok_or_else(overflow)
                })
        };
        let now = sum(LinePlacement::Now)?;
        let adjustments = sum(LinePlacement::NextInvoice)?;
        let next_total = recurring_after
            .checked_add(adjustments)
            .ok_or_else(overflow)?;
        // Credits are never paid out: what is below zero is carried forward.
        let carried = (-now).max(0) + (-next_total).max(0);
        let placement = if lines.iter().any(|l| l.placement == LinePlacement::Now) {
            Placement::Immediate
        } else if lines.is_empty() {
            Placement::None
        } else {
            Placement::NextInvoice
        };
        Ok(SeatQuote {
            allowed,
            violations,
            change,
            as_of: self.as_of,
            currency: self.sub.currency.clone(),
            seats: counts,
            period: Period {
                start: self.start,
                end: self.end,
                days_in_period: self.days_in_period,
                days_remaining: self.days_remaining,
            },
            effective_date,
            lines,
            placement,
            placement_reason: reason,
            due_now: self.taxed(now.max(0))?,
            credit_carried_forward: self.decimal(carried)?,
            next_invoice: NextInvoice {
                date: invoice_date,
                recurring: self.taxed(recurring_after)?,
                adjustments: self.decimal(adjustments)?,
                total: self.taxed(next_total.max(0))?,
            },
            recurring: RecurringChange {
                before: self.taxed(recurring_before)?,
                after: self.taxed(recurring_after)?,
            },
            billing_anchor_after: anchor_after,
        })
    }

    /// Anchor reset: the current period ends today. The unused time of what
    /// was paid is credited, the new period is charged in full, both now.
    #[allow(clippy::type_complexity)]
    fn reset(
        &self,
        target: u32,
        base: SeatCounts,
    ) -> Result<(SeatCounts, Vec<Line>, PlacementReason, NaiveDate, NaiveDate), Error> {
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
        let credit = self.line(
            LineKind::UnusedTimeCredit,
            LineText::UnusedTime,
            LineFacts {
                quantity: 1,
                unit_price: self.decimal(paid)?,
                currency: &self.sub.currency,
                from: self.as_of,
                to: self.end,
                days: self.days_remaining,
                days_in_period: self.days_in_period,
            },
            -unused,
            LinePlacement::Now,
        )?;
        let charge = self.line(
            LineKind::NewPeriod,
            LineText::NewPeriod { seats: target },
            LineFacts {
                quantity: 1,
                unit_price: self.decimal(next)?,
                currency: &self.sub.currency,
                from: self.as_of,
                to: new_end,
                days: new_days,
                days_in_period: new_days,
            },
            next,
            LinePlacement::Now,
        )?;
        let reason = PlacementReason {
            code: PlacementReasonCode::AnchorReset,
            message: messages::anchor_reset(self.locale, self.as_of, new_end),
        };
        let counts = SeatCounts {
            after: target,
            ..base
        };
        Ok((counts, vec![credit, charge], reason, new_end, self.as_of))
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
    let ctx = Context::new(
        &request.subscription,
        request.as_of,
        request.actor,
        request.policy,
        request.locale,
    )?;
    ctx.quote(request.target_seats)
}
