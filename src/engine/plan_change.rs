//! The numbers of a change of plan or billing interval, with or without a
//! change of seats ([rules §9](crate::rules)): which way it goes, when it
//! takes effect, and its lines.

use super::context::Target;
use super::outcome::{Effect, LineNumbers, Outcome, Reason};
use super::Context;
use crate::error::Error;
use crate::messages::{LineText, NoCharge};
use crate::money;
use crate::types::{
    AnchorPolicy, Decrease, Direction, Interval, LineKind, LinePlacement, Proration, SeatCounts,
};
use std::cmp::Ordering;

/// When a plan change takes effect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Way {
    /// The period restarts today (an anchor reset, or a new interval now).
    Reset,
    /// Today, the anchor kept: the rest of the period is repriced.
    Now,
    /// At the end of the current period; nothing changes before.
    AtTermEnd,
}

impl Context<'_> {
    /// Everything a change to the plan and interval `t` with `target`
    /// renewing seats means, in numbers.
    pub(super) fn plan_change(&self, target: u32, t: &Target<'_>) -> Result<Outcome, Error> {
        let new = self.recurring_after(target)?;
        let direction = self.direction(target, t.interval, new)?;
        let now =
            direction == Direction::Upgrade || self.policy.decrease == Decrease::ImmediateCredit;
        let way = match self.policy.anchor {
            AnchorPolicy::Reset => Way::Reset,
            AnchorPolicy::Keep if now && t.interval != self.sub.interval => Way::Reset,
            AnchorPolicy::Keep if now => Way::Now,
            AnchorPolicy::Keep => Way::AtTermEnd,
        };
        let rules = self.rules(target);
        let effect = match way {
            _ if !rules.is_empty() => self.unchanged(NoCharge::Refused)?,
            Way::Reset => self.new_period(
                target,
                t.interval,
                new,
                [
                    LineText::UnusedTimeOn {
                        seats: self.sub.seats,
                    },
                    LineText::NewPeriodOn { seats: target },
                ],
            )?,
            Way::Now => self.repriced(target, new)?,
            Way::AtTermEnd => Effect {
                counts: self.counts(target),
                lines: Vec::new(),
                reason: Reason::NoCharge(NoCharge::PlanAtTermEnd(self.end)),
                invoice_date: self.end,
                anchor_after: self.sub.billing_anchor,
                recurring_after: new,
            },
        };
        let effective_date = match way {
            Way::AtTermEnd => self.end,
            _ => self.as_of,
        };
        let mut outcome = Outcome::new(
            self,
            target,
            self.change(target),
            rules,
            effective_date,
            effect,
        )?;
        outcome.direction = Some(direction);
        Ok(outcome)
    }

    /// An upgrade adds seats, goes from month to year, or keeps the
    /// interval without lowering the recurring amount (`new` is the
    /// recurring amount after the change); anything else is a downgrade.
    fn direction(&self, target: u32, interval: Interval, new: i128) -> Result<Direction, Error> {
        let upgrade = target > self.renewing
            || match (self.sub.interval, interval) {
                (Interval::Month, Interval::Year) => true,
                (Interval::Year, Interval::Month) => false,
                _ => new >= self.recurring(self.renewing)?,
            };
        Ok(if upgrade {
            Direction::Upgrade
        } else {
            Direction::Downgrade
        })
    }

    /// A plan change today with the anchor kept: the unused time of what
    /// was paid is credited and the rest of the period is charged at the
    /// new recurring amount `new`, both placed by the sign of their sum.
    fn repriced(&self, target: u32, new: i128) -> Result<Effect, Error> {
        let mut effect = Effect {
            counts: SeatCounts {
                after: target,
                ..self.counts(target)
            },
            lines: Vec::new(),
            reason: Reason::NoCharge(NoCharge::NotProrated(self.end)),
            invoice_date: self.end,
            anchor_after: self.sub.billing_anchor,
            recurring_after: new,
        };
        let (from, days) = match self.policy.proration {
            Proration::None => return Ok(effect),
            Proration::Daily => (self.as_of, self.days_remaining),
            Proration::Full => (self.start, self.days_in_period),
        };
        let mut unused_time = self.unused_time(
            LineText::UnusedTimeOn {
                seats: self.sub.seats,
            },
            from,
            days,
            LinePlacement::NextInvoice,
        )?;
        let remaining = money::prorate_minor(new, days, self.days_in_period, self.policy.rounding)
            .ok_or_else(Error::internal)?;
        let unused = -unused_time.amount;
        let (placement, reason) = match remaining.cmp(&unused) {
            Ordering::Greater => self.charge_placement(),
            Ordering::Less => (LinePlacement::NextInvoice, Reason::CreditToNextInvoice),
            Ordering::Equal => (
                LinePlacement::NextInvoice,
                Reason::NoCharge(NoCharge::Balanced(self.end)),
            ),
        };
        unused_time.placement = placement;
        let remaining_time = LineNumbers {
            kind: LineKind::RemainingTime,
            text: LineText::RemainingTimeOn { seats: target },
            quantity: 1,
            unit_price: self.decimal(new)?,
            from,
            to: self.end,
            days,
            days_in_period: self.days_in_period,
            amount: remaining,
            placement,
        };
        effect.lines = vec![unused_time, remaining_time];
        effect.reason = reason;
        Ok(effect)
    }
}
