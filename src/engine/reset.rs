//! An anchor reset: the current period ends today. The unused time of what
//! was paid is credited, the new period is charged in full, both now.

use super::outcome::{Effect, LineNumbers, Reason};
use super::Context;
use crate::calendar;
use crate::error::Error;
use crate::limits::LAST_DATE;
use crate::messages::LineText;
use crate::money;
use crate::types::{Interval, LineKind, LinePlacement, SeatCounts};
use chrono::{Months, NaiveDate};

impl Context<'_> {
    /// The effect of a change to `target` renewing seats that restarts the
    /// billing period today.
    pub(crate) fn reset(&self, target: u32) -> Result<Effect, Error> {
        self.new_period(
            target,
            self.sub.interval,
            self.recurring(target)?,
            [LineText::UnusedTime, LineText::NewPeriod { seats: target }],
        )
    }

    /// The period restarts today with `target` renewing seats billed
    /// `next` per `interval`; `texts` describe the credit and the new period.
    pub(crate) fn new_period(
        &self,
        target: u32,
        interval: Interval,
        next: i128,
        [unused_text, new_text]: [LineText; 2],
    ) -> Result<Effect, Error> {
        let months = match interval {
            Interval::Month => 1,
            Interval::Year => 12,
        };
        let new_end = self
            .as_of
            .checked_add_months(Months::new(months))
            .filter(|end| *end <= LAST_DATE)
            .ok_or_else(|| {
                Error::new(
                    "as_of",
                    format!(
                        "a new billing period from {} would end after {LAST_DATE}",
                        self.as_of
                    ),
                )
            })?;
        let new_days = calendar::days_between(self.as_of, new_end).ok_or_else(Error::internal)?;
        let unused_time = self.unused_time(
            unused_text,
            self.as_of,
            self.days_remaining,
            LinePlacement::Now,
        )?;
        let new_period = LineNumbers {
            kind: LineKind::NewPeriod,
            text: new_text,
            quantity: 1,
            unit_price: self.decimal(next)?,
            from: self.as_of,
            to: new_end,
            days: new_days,
            days_in_period: new_days,
            amount: next,
            placement: LinePlacement::Now,
        };
        Ok(Effect {
            counts: SeatCounts {
                after: target,
                ..self.counts(target)
            },
            lines: vec![unused_time, new_period],
            reason: Reason::AnchorReset(new_end),
            invoice_date: new_end,
            anchor_after: self.as_of,
            recurring_after: next,
        })
    }

    /// The credit for the unused time of what was paid for the current
    /// period (`recurring(seats)`, pending cancellations included): `days`
    /// of it from `from`, rounded once — the first line of a reset and of a
    /// plan change today.
    pub(super) fn unused_time(
        &self,
        text: LineText,
        from: NaiveDate,
        days: u32,
        placement: LinePlacement,
    ) -> Result<LineNumbers, Error> {
        let paid = self.recurring(self.sub.seats)?;
        let unused = money::prorate_minor(paid, days, self.days_in_period, self.policy.rounding)
            .ok_or_else(Error::internal)?;
        Ok(LineNumbers {
            kind: LineKind::UnusedTimeCredit,
            text,
            quantity: 1,
            unit_price: self.decimal(paid)?,
            from,
            to: self.end,
            days,
            days_in_period: self.days_in_period,
            amount: -unused,
            placement,
        })
    }
}
