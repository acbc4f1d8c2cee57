//! An outcome in words: the [`SeatQuote`] with its line descriptions,
//! violations and placement reason, in the request's locale.

use super::outcome::{Outcome, Reason};
use super::Context;
use crate::error::Error;
use crate::messages::LineText;
use crate::messages::{self, CreditFor, LineFacts};
use crate::money;
use crate::types::{
    Change, Line, NextInvoice, Period, PlacementReason, PlacementReasonCode, Plan, PlanAndInterval,
    PlanChange, RecurringChange, SeatQuote,
};
use rust_decimal::Decimal;

impl Context<'_> {
    /// The quote of an outcome: its numbers in words.
    pub(crate) fn quote(&self, o: &Outcome) -> Result<SeatQuote, Error> {
        let lines = o
            .effect
            .lines
            .iter()
            .map(|n| {
                let unit_price = self.unit_price(n.unit_price);
                let plan = match (n.text, &self.target) {
                    (LineText::UnusedTimeOn { .. }, _) | (_, None) => &self.sub.plan,
                    (_, Some(t)) => t.plan,
                };
                let facts = LineFacts {
                    plan: shown(plan),
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
        let invoiced = o.invoiced(self)?;
        Ok(SeatQuote {
            allowed: o.allowed(),
            violations: self.violations(&o.rules, o.target),
            change: o.change,
            as_of: self.as_of,
            currency: self.sub.currency.clone(),
            seats: o.effect.counts,
            period: Period {
                start: self.start,
                end: self.end,
                days_in_period: self.days_in_period,
                days_remaining: self.days_remaining,
            },
            effective_date: o.effective_date,
            lines,
            placement: o.placement(),
            placement_reason: self.reason(o.effect.reason, o.direction.is_some(), o.change),
            due_now: invoiced.due_now,
            credit_carried_forward: self.decimal(o.totals.carried)?,
            next_invoice: NextInvoice {
                date: o.effect.invoice_date,
                recurring: invoiced.recurring_after,
                adjustments: self.decimal(o.totals.adjustments)?,
                total: invoiced.next_invoice_total,
            },
            recurring: RecurringChange {
                before: self.taxed(o.totals.recurring_before)?,
                after: invoiced.recurring_after,
            },
            billing_anchor_after: o.effect.anchor_after,
            plan_change: match (&self.target, o.direction) {
                (Some(t), Some(direction)) => Some(PlanChange {
                    from: PlanAndInterval {
                        plan: self.sub.plan.id.clone(),
                        interval: self.sub.interval,
                    },
                    to: PlanAndInterval {
                        plan: t.plan.id.clone(),
                        interval: t.interval,
                    },
                    direction,
                }),
                _ => None,
            },
            fingerprint: String::new(),
        })
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

    /// A plan change's reason starts with the plans and intervals it is between.
    fn reason(&self, reason: Reason, plan_change: bool, change: Change) -> PlacementReason {
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
                messages::credit_to_next_invoice(
                    l,
                    end,
                    match (plan_change, change) {
                        (true, _) => CreditFor::PlanChange,
                        // Volume tiers: more seats at a lower price each.
                        (false, Change::Increase) => CreditFor::LowerPrice,
                        (false, _) => CreditFor::RemovedSeats,
                    },
                ),
            ),
            Reason::AnchorReset(next) => (
                PlacementReasonCode::AnchorReset,
                messages::anchor_reset(l, self.as_of, next),
            ),
            Reason::NoCharge(why) => (PlacementReasonCode::NoCharge, messages::no_charge(l, why)),
        };
        let message = match &self.target {
            Some(t) if plan_change => {
                let from = (shown(&self.sub.plan), self.sub.interval);
                messages::plan_change_lead(l, [from, (shown(t.plan), t.interval)]) + &message
            }
            _ => message,
        };
        PlacementReason { code, message }
    }
}

/// How a plan is named to the customer: its name, else its id.
fn shown(plan: &Plan) -> &str {
    plan.name.as_deref().unwrap_or(&plan.id)
}
