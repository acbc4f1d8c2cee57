//! The numbers of a change in the number of seats, with the anchor kept
//! (an anchor reset is in [`super::reset`]).

use super::outcome::{Effect, LineNumbers, Outcome, Reason};
use super::Context;
use crate::error::Error;
use crate::messages::{LineText, NoCharge};
use crate::pricing;
use crate::types::{
    AnchorPolicy, Change, Decrease, LineKind, LinePlacement, PlacementPolicy, Proration, SeatCounts,
};
use crate::validate;
use chrono::NaiveDate;
use std::cmp::Ordering;

/// Which way a seat line goes.
#[derive(Debug, Clone, Copy)]
enum SeatLine {
    /// Seats bought for the rest of the period.
    Bought,
    /// Seats removed, credited for the rest of the period.
    Credited,
}

impl Context<'_> {
    /// Everything a change to `target` renewing seats means, in numbers.
    /// A plan change when the context has a plan or interval after the change.
    pub(crate) fn outcome(&self, target: u32) -> Result<Outcome, Error> {
        validate::count(target, "target_seats")?;
        if let Some(t) = &self.target {
            return self.plan_change(target, t);
        }
        let change = self.change(target);
        let rules = self.rules(target);
        let effect = match (change, self.policy.anchor, self.policy.decrease) {
            _ if !rules.is_empty() => self.unchanged(NoCharge::Refused)?,
            (Change::None, _, _) => self.unchanged(NoCharge::Unchanged)?,
            (_, AnchorPolicy::Reset, _) => self.reset(target)?,
            (Change::Increase, AnchorPolicy::Keep, _) => self.increase(target)?,
            (_, AnchorPolicy::Keep, Decrease::EndOfTerm) => self.decrease_at_term_end(target)?,
            (_, AnchorPolicy::Keep, Decrease::ImmediateCredit) => self.decrease_now(target)?,
        };
        let effective_date = self.effective_date(target);
        Outcome::new(self, target, change, rules, effective_date, effect)
    }

    /// How `target` renewing seats compare with the renewing seats now.
    pub(super) fn change(&self, target: u32) -> Change {
        match target.cmp(&self.renewing) {
            Ordering::Greater => Change::Increase,
            Ordering::Less => Change::Decrease,
            Ordering::Equal => Change::None,
        }
    }

    /// The seat counts of a change to `target`, with the active seats
    /// unchanged (each kind of change sets its own `after`): an increase
    /// first revokes pending cancellations, then buys seats.
    pub(crate) fn counts(&self, target: u32) -> SeatCounts {
        let (r, seats) = (self.renewing, self.sub.seats);
        let up = target.saturating_sub(r);
        let reactivated = up.min(self.sub.pending_cancellations);
        SeatCounts {
            before: seats,
            after: seats,
            renewing_before: r,
            renewing_after: target,
            added: up - reactivated,
            reactivated,
            removed: r.saturating_sub(target),
        }
    }

    /// No change: refused, or the same number of seats.
    pub(super) fn unchanged(&self, why: NoCharge) -> Result<Effect, Error> {
        self.kept_anchor(
            self.counts(self.renewing),
            Vec::new(),
            Reason::NoCharge(why),
        )
    }

    fn increase(&self, target: u32) -> Result<Effect, Error> {
        let counts = self.counts(target);
        let counts = SeatCounts {
            after: counts.before + counts.added,
            ..counts
        };
        let (lines, reason) = self.seat_line(&counts, SeatLine::Bought)?;
        self.kept_anchor(counts, lines, reason)
    }

    fn decrease_at_term_end(&self, target: u32) -> Result<Effect, Error> {
        let last = self.end.pred_opt().unwrap_or(self.end);
        let reason = Reason::NoCharge(NoCharge::EndOfTerm(last, self.end));
        self.kept_anchor(self.counts(target), Vec::new(), reason)
    }

    fn decrease_now(&self, target: u32) -> Result<Effect, Error> {
        let counts = self.counts(target);
        let counts = SeatCounts {
            after: counts.before - counts.removed, // removed ≤ renewing ≤ seats
            ..counts
        };
        let (lines, reason) = self.seat_line(&counts, SeatLine::Credited)?;
        self.kept_anchor(counts, lines, reason)
    }

    /// The effect of a change that keeps the billing anchor.
    fn kept_anchor(
        &self,
        counts: SeatCounts,
        lines: Vec<LineNumbers>,
        reason: Reason,
    ) -> Result<Effect, Error> {
        Ok(Effect {
            recurring_after: self.recurring(counts.renewing_after)?,
            counts,
            lines,
            reason,
            invoice_date: self.end,
            anchor_after: self.sub.billing_anchor,
        })
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

    /// The seat line of a change of the active seats from `counts.before`
    /// to `counts.after` (none when nothing is charged for this period),
    /// and where it goes. A price per seat charges the seats bought and
    /// credits the seats removed; tiers prorate the change of `S` over the
    /// billable seats, in one line whose sign decides its kind.
    fn seat_line(
        &self,
        counts: &SeatCounts,
        direction: SeatLine,
    ) -> Result<(Vec<LineNumbers>, Reason), Error> {
        let (before, after) = (self.billable(counts.before), self.billable(counts.after));
        let (from, days) = match self.policy.proration {
            Proration::None => {
                let why = NoCharge::NotProrated(self.end);
                return Ok((Vec::new(), Reason::NoCharge(why)));
            }
            _ if before == after => {
                let why = NoCharge::NothingBillable(self.end);
                return Ok((Vec::new(), Reason::NoCharge(why)));
            }
            Proration::Daily => (self.as_of, self.days_remaining),
            Proration::Full => (self.start, self.days_in_period),
        };
        let pricing = &self.checked.pricing;
        // `before` is the billable active seats now: `S` of them is known.
        let s0 = self.seats_amount;
        let s1 = pricing.amount(after).ok_or_else(Error::internal)?;
        let change = s1.abs_diff(s0);
        let (dip, dp, rule) = (self.days_in_period, self.dp(), self.policy.rounding);
        let magnitude =
            pricing::prorate(change, days, dip, dp, rule).ok_or_else(Error::internal)?;
        let bought = matches!(direction, SeatLine::Bought);
        // Zero takes the kind of the change (for a price per seat, the
        // sign always agrees with the change).
        let credit = match magnitude {
            0 => !bought,
            _ => s1 < s0,
        };
        let (quantity, unit_price, text) = match (pricing.per_seat(), pricing.tiers_mode()) {
            (Some(seat), _) => {
                let text = if bought {
                    LineText::Added
                } else {
                    LineText::Removed
                };
                (before.abs_diff(after), seat, text)
            }
            (None, mode) => {
                let text = LineText::Tiers {
                    mode: mode.ok_or_else(Error::internal)?,
                    before,
                    after,
                    credit,
                };
                let unit = pricing::decimal(change).ok_or_else(Error::internal)?;
                (1, unit, text)
            }
        };
        let (kind, amount, placement, reason) = if credit {
            let next = LinePlacement::NextInvoice;
            (
                LineKind::SeatCredit,
                -magnitude,
                next,
                Reason::CreditToNextInvoice,
            )
        } else {
            let (placement, reason) = self.charge_placement();
            (LineKind::SeatProration, magnitude, placement, reason)
        };
        let line = LineNumbers {
            kind,
            text,
            quantity,
            unit_price,
            from,
            to: self.end,
            days,
            days_in_period: self.days_in_period,
            amount,
            placement,
        };
        Ok((vec![line], reason))
    }

    /// Where a charge goes under the placement policy, and why.
    pub(super) fn charge_placement(&self) -> (LinePlacement, Reason) {
        match self.policy.placement {
            PlacementPolicy::Threshold if self.days_remaining > self.policy.threshold_days => {
                (LinePlacement::Now, Reason::ThresholdExceeded)
            }
            PlacementPolicy::Threshold => (LinePlacement::NextInvoice, Reason::WithinThreshold),
            PlacementPolicy::Immediate => (LinePlacement::Now, Reason::PolicyImmediate),
            PlacementPolicy::NextInvoice => (LinePlacement::NextInvoice, Reason::PolicyNextInvoice),
        }
    }
}
