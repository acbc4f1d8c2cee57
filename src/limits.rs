//! Every limit of seatquote, in one place ([rules §7](crate::rules)).
//!
//! Within these limits every answer is computed exactly: no intermediate
//! result can overflow. Input beyond them is an [`Error`](crate::Error)
//! naming the field.

use chrono::NaiveDate;

/// The most seats (and the largest count) a request may carry.
pub const MAX_SEATS: u32 = 1_000_000;
/// The largest price or tax rate.
pub const MAX_AMOUNT: u32 = 1_000_000_000;
/// The most decimals an amount may have.
pub const MAX_DECIMALS: u32 = 10;
/// The most digits before the decimal point an amount may have (those of
/// [`MAX_AMOUNT`]).
pub const MAX_INTEGER_DIGITS: usize = 10;
/// The most characters of a plan's `id` or `name`.
pub const MAX_NAME_CHARS: usize = 200;
/// The most tiers a tiered price may have.
pub const MAX_TIERS: usize = 50;
/// The most rows one price table may have.
pub const MAX_TABLE_ROWS: u32 = 100_000;
/// The first date seatquote works with.
pub const FIRST_DATE: NaiveDate = ymd(1900, 1, 1);
/// The last date seatquote works with: no period may end after it.
pub const LAST_DATE: NaiveDate = ymd(9999, 12, 31);

const fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    match NaiveDate::from_ymd_opt(year, month, day) {
        Some(date) => date,
        None => panic!("not a calendar date"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integer_digits_are_those_of_the_largest_amount() {
        assert_eq!(MAX_AMOUNT.to_string().len(), MAX_INTEGER_DIGITS);
        assert_eq!(FIRST_DATE.to_string(), "1900-01-01");
        assert_eq!(LAST_DATE.to_string(), "9999-12-31");
    }
}
