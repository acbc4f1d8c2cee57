//! Billing periods on the civil calendar.
//!
//! Period *k* starts at `anchor + k × interval`, computed from the anchor
//! every time: stepping from one period to the next would let a clamped
//! month end drift (Jan 31 → Feb 28 → Mar 28 instead of Mar 31).

use crate::types::Interval;
use chrono::{Datelike, Months, NaiveDate};

/// The number of days in a month of the proleptic Gregorian calendar.
pub(crate) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

fn months_per(interval: Interval) -> u32 {
    match interval {
        Interval::Month => 1,
        Interval::Year => 12,
    }
}

/// The start of period `k`: `anchor + k × interval`, clamped to the end of
/// shorter months. `None` beyond chrono's calendar.
pub(crate) fn period_start(anchor: NaiveDate, interval: Interval, k: u32) -> Option<NaiveDate> {
    let months = k.checked_mul(months_per(interval))?;
    anchor.checked_add_months(Months::new(months))
}

/// The period `[start, end)` that contains `as_of`, counted from `anchor`,
/// as `(start, end)`. `None` when `as_of` is before the anchor or the period
/// would leave chrono's calendar.
pub(crate) fn period_containing(
    anchor: NaiveDate,
    interval: Interval,
    as_of: NaiveDate,
) -> Option<(NaiveDate, NaiveDate)> {
    if as_of < anchor {
        return None;
    }
    // Whole months from the anchor's month to as_of's month; the period
    // index is that divided by the interval, or one less when the clamped
    // start falls after as_of (as_of's day is before the anchor's day).
    let months = (as_of.year() - anchor.year()) * 12 + as_of.month() as i32 - anchor.month() as i32;
    let mut k = u32::try_from(months).ok()? / months_per(interval);
    while k > 0 && period_start(anchor, interval, k)? > as_of {
        k -= 1;
    }
    let mut start = period_start(anchor, interval, k)?;
    let mut end = period_start(anchor, interval, k.checked_add(1)?)?;
    // Clamping can only move a start earlier, so at most one step forward.
    while end <= as_of {
        k = k.checked_add(1)?;
        start = end;
        end = period_start(anchor, interval, k.checked_add(1)?)?;
    }
    Some((start, end))
}

/// Whole days from `from` to `to` (`to − from`), when `from <= to` and it fits.
pub(crate) fn days_between(from: NaiveDate, to: NaiveDate) -> Option<u32> {
    u32::try_from((to - from).num_days()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn month_ends_clamp_from_the_anchor() {
        let a = d(2026, 1, 31);
        let starts: Vec<_> = (0..5)
            .map(|k| period_start(a, Interval::Month, k).unwrap())
            .collect();
        assert_eq!(
            starts,
            [
                d(2026, 1, 31),
                d(2026, 2, 28),
                d(2026, 3, 31),
                d(2026, 4, 30),
                d(2026, 5, 31)
            ]
        );
    }

    #[test]
    fn leap_day_anchor_by_year() {
        let a = d(2024, 2, 29);
        assert_eq!(period_start(a, Interval::Year, 1), Some(d(2025, 2, 28)));
        assert_eq!(period_start(a, Interval::Year, 4), Some(d(2028, 2, 29)));
        assert_eq!(
            period_containing(a, Interval::Year, d(2025, 2, 28)),
            Some((d(2025, 2, 28), d(2026, 2, 28)))
        );
        assert_eq!(
            period_containing(a, Interval::Year, d(2025, 2, 27)),
            Some((d(2024, 2, 29), d(2025, 2, 28)))
        );
    }

    #[test]
    fn as_of_before_anchor_has_no_period() {
        assert_eq!(
            period_containing(d(2026, 1, 2), Interval::Month, d(2026, 1, 1)),
            None
        );
    }

    #[test]
    fn the_period_containing_a_day() {
        let (start, end) =
            period_containing(d(2026, 1, 15), Interval::Month, d(2026, 11, 21)).unwrap();
        assert_eq!((start, end), (d(2026, 11, 15), d(2026, 12, 15)));
    }

    fn date(days_since_2000: u32) -> NaiveDate {
        d(2000, 1, 1) + chrono::Days::new(u64::from(days_since_2000))
    }

    fn interval() -> impl Strategy<Value = Interval> {
        prop_oneof![Just(Interval::Month), Just(Interval::Year)]
    }

    proptest! {
        /// The current period contains as_of, and consecutive periods tile time without gaps.
        #[test]
        fn periods_tile(anchor in 0u32..40_000, after in 0u32..4_000, interval in interval()) {
            let anchor = date(anchor);
            let as_of = anchor + chrono::Days::new(u64::from(after));
            let (start, end) = period_containing(anchor, interval, as_of).unwrap();
            prop_assert!(start <= as_of && as_of < end);
            // The next period starts where this one ends.
            let (next_start, next_end) = period_containing(anchor, interval, end).unwrap();
            prop_assert_eq!(next_start, end);
            prop_assert!(next_end > next_start);
            // The day before the start belongs to the previous period.
            if start > anchor {
                let (_, prev_end) = period_containing(anchor, interval, start.pred_opt().unwrap()).unwrap();
                prop_assert_eq!(prev_end, start);
            } else {
                prop_assert_eq!(start, anchor);
            }
        }

        /// Periods come from the anchor, k by k: start k+1 is the end of period k.
        #[test]
        fn starts_are_consecutive(anchor in 0u32..40_000, k in 0u32..1_200, interval in interval()) {
            let anchor = date(anchor);
            let start = period_start(anchor, interval, k).unwrap();
            let next = period_start(anchor, interval, k + 1).unwrap();
            prop_assert_eq!(period_containing(anchor, interval, start), Some((start, next)));
        }
    }

    #[test]
    fn days_in_month_knows_leap_years() {
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(1900, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2026, 2), 28);
        assert_eq!(days_in_month(2026, 12), 31);
    }
}
