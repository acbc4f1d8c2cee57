//! What any kind of change produces, in numbers (amounts in minor units):
//! the lines of the change, and the totals computed once from them.

use super::rules::Rule;
use super::Context;
use crate::error::Error;
use crate::messages::{LineText, NoCharge};
use crate::types::{Change, Direction, LineKind, LinePlacement, Money, Placement, SeatCounts};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// Why the lines are placed as they are, before it is put into words.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Reason {
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
    pub kind: LineKind,
    pub text: LineText,
    pub quantity: u32,
    pub unit_price: Decimal,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: u32,
    pub days_in_period: u32,
    /// Minor units, negative for credits.
    pub amount: i128,
    pub placement: LinePlacement,
}

/// What one kind of change does, complete: each kind of change (a seat
/// change, an anchor reset, …) builds one of these and nothing else.
#[derive(Debug, Clone)]
pub(crate) struct Effect {
    pub counts: SeatCounts,
    pub lines: Vec<LineNumbers>,
    pub reason: Reason,
    pub invoice_date: NaiveDate,
    pub anchor_after: NaiveDate,
    /// The recurring amount after the change, in minor units.
    pub recurring_after: i128,
}

/// The totals of an effect, in minor units.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Totals {
    pub recurring_before: i128,
    pub now: i128,
    pub adjustments: i128,
    pub next_total: i128,
    /// Credits are never paid out: what is below zero is carried forward.
    pub carried: i128,
}

/// A quote in numbers: what the quote, the price table and the
/// cancellation check all read, so they cannot disagree.
#[derive(Debug, Clone)]
pub(crate) struct Outcome {
    pub target: u32,
    pub change: Change,
    pub rules: Vec<Rule>,
    pub effective_date: NaiveDate,
    pub effect: Effect,
    pub totals: Totals,
    /// The direction of a plan change; `None` for a seat change.
    pub direction: Option<Direction>,
}

/// An outcome's invoice totals with their tax: the same for a quote and a
/// price table row.
pub(crate) struct Invoiced {
    pub due_now: Money,
    pub next_invoice_total: Money,
    pub recurring_after: Money,
}

impl Outcome {
    /// The outcome of `effect`, its totals computed from its lines.
    pub(crate) fn new(
        ctx: &Context<'_>,
        target: u32,
        change: Change,
        rules: Vec<Rule>,
        effective_date: NaiveDate,
        effect: Effect,
    ) -> Result<Self, Error> {
        let sum = |placement| {
            effect
                .lines
                .iter()
                .filter(|l| l.placement == placement)
                .try_fold(0i128, |acc, l| acc.checked_add(l.amount))
                .ok_or_else(Error::internal)
        };
        let now = sum(LinePlacement::Now)?;
        let adjustments = sum(LinePlacement::NextInvoice)?;
        let next_total = effect
            .recurring_after
            .checked_add(adjustments)
            .ok_or_else(Error::internal)?;
        let totals = Totals {
            recurring_before: ctx.recurring_before,
            now,
            adjustments,
            next_total,
            carried: (-now).max(0) + (-next_total).max(0),
        };
        Ok(Outcome {
            target,
            change,
            rules,
            effective_date,
            effect,
            totals,
            direction: None,
        })
    }

    /// Whether no rule refuses the change.
    pub(crate) fn allowed(&self) -> bool {
        self.rules.is_empty()
    }

    /// `immediate` when any line is due now, `next_invoice` when all go on
    /// the next invoice, `none` when there is none.
    pub(crate) fn placement(&self) -> Placement {
        let lines = &self.effect.lines;
        if lines.iter().any(|l| l.placement == LinePlacement::Now) {
            Placement::Immediate
        } else if lines.is_empty() {
            Placement::None
        } else {
            Placement::NextInvoice
        }
    }

    /// The sum of the credit lines, in minor units (zero or negative).
    pub(crate) fn credit(&self) -> Result<i128, Error> {
        self.effect
            .lines
            .iter()
            .filter(|l| matches!(l.kind, LineKind::SeatCredit | LineKind::UnusedTimeCredit))
            .try_fold(0i128, |acc, l| acc.checked_add(l.amount))
            .ok_or_else(Error::internal)
    }

    /// The invoice totals with their tax.
    pub(crate) fn invoiced(&self, ctx: &Context<'_>) -> Result<Invoiced, Error> {
        Ok(Invoiced {
            due_now: ctx.taxed(self.totals.now.max(0))?,
            next_invoice_total: ctx.taxed(self.totals.next_total.max(0))?,
            recurring_after: ctx.taxed(self.effect.recurring_after)?,
        })
    }
}
