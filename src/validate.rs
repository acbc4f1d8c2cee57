//! Ranges and rules between fields ([rules §7](crate::rules)), checked for every request —
//! whether it was parsed from JSON or JavaScript or built in Rust.

use crate::calendar;
use crate::currency;
use crate::error::{Beyond, Error, Range};
use crate::limits::{FIRST_DATE, LAST_DATE, MAX_AMOUNT, MAX_DECIMALS, MAX_NAME_CHARS, MAX_SEATS};
use crate::pricing::Pricing;
use crate::types::{Interval, Plan, Policy, Subscription};
use chrono::NaiveDate;
use rust_decimal::Decimal;

pub(crate) fn count(value: u32, path: &str) -> Result<u32, Error> {
    if value > MAX_SEATS {
        return Err(Error::beyond(
            path,
            value,
            Beyond::OutOfRange,
            Range::Counts,
        ));
    }
    Ok(value)
}

pub(crate) fn amount(value: Decimal, path: &str) -> Result<Decimal, Error> {
    // In integers rather than with Decimal's normalize and comparison:
    // this runs for every price of every request.
    let (mantissa, scale) = crate::money::normalized(value);
    let text = || {
        let mut text = String::new();
        crate::money::push_decimal(&mut text, value);
        text
    };
    if mantissa < 0 {
        return Err(Error::beyond(
            path,
            text(),
            Beyond::Negative,
            Range::Amounts,
        ));
    }
    let limit = crate::money::pow10(scale).and_then(|p| p.checked_mul(u128::from(MAX_AMOUNT)));
    if limit.is_none_or(|limit| mantissa.unsigned_abs() > limit) {
        return Err(Error::beyond(
            path,
            text(),
            Beyond::OutOfRange,
            Range::Amounts,
        ));
    }
    if scale > MAX_DECIMALS {
        return Err(Error::new(
            path,
            format!("{} has more than {MAX_DECIMALS} decimals", text()),
        ));
    }
    // -0 becomes 0, and trailing zeros go: the value is what counts.
    Decimal::try_from_i128_with_scale(mantissa, scale)
        .map_err(|_| Error::beyond(path, text(), Beyond::OutOfRange, Range::Amounts))
}

pub(crate) fn date(value: NaiveDate, path: &str) -> Result<NaiveDate, Error> {
    if !(FIRST_DATE..=LAST_DATE).contains(&value) {
        return Err(Error::beyond(path, value, Beyond::OutOfRange, Range::Dates));
    }
    Ok(value)
}

/// The checked facts of a subscription that every computation needs.
pub(crate) struct Checked<'a> {
    /// The price for the subscription's interval, validated.
    pub pricing: Pricing<'a>,
    /// The plan's prices per interval (month, year), validated.
    pub prices: [Option<Pricing<'a>>; 2],
    /// The currency's minor units.
    pub dp: u32,
    /// The tax rate, validated.
    pub tax_rate: Decimal,
}

/// The paths of a plan's fields, written out once per place a plan is
/// read: static, so that a valid plan never pays for formatting a path.
pub(crate) struct PlanPaths {
    id: &'static str,
    name: &'static str,
    included_seats: &'static str,
    min_seats: &'static str,
    max_seats: &'static str,
    /// `prices.month`, then `prices.year`.
    prices: [&'static str; 2],
}

macro_rules! plan_paths {
    ($($name:ident = $plan:literal),+ $(,)?) => {$(
        pub(crate) const $name: PlanPaths = PlanPaths {
            id: concat!($plan, ".id"),
            name: concat!($plan, ".name"),
            included_seats: concat!($plan, ".included_seats"),
            min_seats: concat!($plan, ".min_seats"),
            max_seats: concat!($plan, ".max_seats"),
            prices: [concat!($plan, ".prices.month"), concat!($plan, ".prices.year")],
        };
    )+};
}

plan_paths!(
    SUBSCRIPTION_PLAN = "subscription.plan",
    TARGET_PLAN = "target_plan",
);

/// A plan's id or name: at most [`MAX_NAME_CHARS`] characters (each
/// character has one byte that is not a UTF-8 continuation byte; only a
/// text longer than that in bytes is counted).
pub(crate) fn name(text: &str, path: impl FnOnce() -> String) -> Result<(), Error> {
    let chars = || text.bytes().filter(|b| b & 0xC0 != 0x80).count();
    if text.len() > MAX_NAME_CHARS && chars() > MAX_NAME_CHARS {
        return Err(Error::new(
            path(),
            format!("is longer than {MAX_NAME_CHARS} characters: give a shorter one"),
        ));
    }
    Ok(())
}

/// A plan's counts, names and prices, checked; its prices per interval,
/// month first.
#[inline(never)]
pub(crate) fn plan<'a>(
    plan: &'a Plan,
    paths: &PlanPaths,
) -> Result<[Option<Pricing<'a>>; 2], Error> {
    name(&plan.id, || paths.id.to_owned())?;
    if let Some(text) = &plan.name {
        name(text, || paths.name.to_owned())?;
    }
    count(plan.included_seats, paths.included_seats)?;
    if let Some(min) = plan.min_seats {
        count(min, paths.min_seats)?;
    }
    if let Some(max) = plan.max_seats {
        count(max, paths.max_seats)?;
        let min = plan.effective_min_seats();
        if max < min {
            return Err(Error::new(
                paths.max_seats,
                format!("max_seats ({max}) is below the minimum of {min} seats: raise max_seats or lower min_seats"),
            ));
        }
    }
    let mut checked = [None, None];
    for ((price, path), out) in [&plan.prices.month, &plan.prices.year]
        .into_iter()
        .zip(paths.prices)
        .zip(&mut checked)
    {
        if let Some(price) = price {
            *out = Some(Pricing::new(price, path)?);
        }
    }
    Ok(checked)
}

/// The price of a checked plan for `interval`, or an error at its path.
pub(crate) fn price_for<'a>(
    prices: [Option<Pricing<'a>>; 2],
    interval: Interval,
    paths: &PlanPaths,
    who: &str,
) -> Result<Pricing<'a>, Error> {
    let [month, year] = prices;
    let (price, path) = match interval {
        Interval::Month => (month, paths.prices[0]),
        Interval::Year => (year, paths.prices[1]),
    };
    match price {
        Some(price) => Ok(price),
        None => {
            let name = interval.as_str();
            Err(Error::new(
                path,
                format!(
                    "{who} bills every {name}, but the plan has no {name}ly price: add prices.{name} {{ base, seat }}"
                ),
            ))
        }
    }
}

/// Whether two checked plans are the same plan: every field after
/// defaults, amounts as numbers (a checked price holds them as integers
/// and normalized decimals); the name is not compared.
pub(crate) fn same_plan(
    a: &Plan,
    a_prices: &[Option<Pricing<'_>>; 2],
    b: &Plan,
    b_prices: &[Option<Pricing<'_>>; 2],
) -> bool {
    a.id == b.id
        && a.allows_additional_seats == b.allows_additional_seats
        && a.included_seats == b.included_seats
        && a.effective_min_seats() == b.effective_min_seats()
        && a.max_seats == b.max_seats
        && a_prices == b_prices
}

pub(crate) fn subscription(sub: &Subscription) -> Result<Checked<'_>, Error> {
    let prices = plan(&sub.plan, &SUBSCRIPTION_PLAN)?;
    let price = price_for(prices, sub.interval, &SUBSCRIPTION_PLAN, "the subscription")?;
    let dp = currency::minor_units(&sub.currency).ok_or_else(|| {
        let upper = sub.currency.to_ascii_uppercase();
        let message = if upper != sub.currency && currency::minor_units(&upper).is_some() {
            format!("write the currency code in upper case: \"{upper}\"")
        } else {
            let shown: String = sub.currency.chars().take(12).collect();
            format!("\"{shown}\" is not an ISO 4217 currency: use a code such as \"EUR\", \"USD\" or \"JPY\"")
        };
        Error::new("subscription.currency", message)
    })?;
    date(sub.billing_anchor, "subscription.billing_anchor")?;
    count(sub.seats, "subscription.seats")?;
    count(sub.seats_in_use, "subscription.seats_in_use")?;
    count(
        sub.pending_cancellations,
        "subscription.pending_cancellations",
    )?;
    if sub.seats_in_use > sub.seats {
        return Err(Error::new(
            "subscription.seats_in_use",
            format!(
                "seats_in_use ({}) is more than seats ({}): a user needs a seat",
                sub.seats_in_use, sub.seats
            ),
        ));
    }
    if sub.seats_in_use + sub.pending_cancellations > sub.seats {
        return Err(Error::new(
            "subscription.pending_cancellations",
            format!(
                "seats_in_use ({}) plus pending_cancellations ({}) is more than seats ({}): a cancelled seat must be free",
                sub.seats_in_use, sub.pending_cancellations, sub.seats
            ),
        ));
    }
    let tax_rate = amount(sub.tax_rate, "subscription.tax_rate")?;
    Ok(Checked {
        pricing: price,
        prices,
        dp,
        tax_rate,
    })
}

pub(crate) fn policy(policy: &Policy) -> Result<(), Error> {
    count(policy.threshold_days, "policy.threshold_days").map(|_| ())
}

/// Where "today" comes from when a request has no `as_of`: the system
/// clock natively, the browser's local date in WebAssembly.
pub(crate) type Today<'a> = &'a dyn Fn() -> Option<NaiveDate>;

/// The day of the change: `as_of`, or today; it must lie within the dates
/// seatquote supports and not before the anchor.
pub(crate) fn as_of(
    given: Option<NaiveDate>,
    anchor: NaiveDate,
    today: Today<'_>,
) -> Result<NaiveDate, Error> {
    let as_of = match given {
        Some(d) => date(d, "as_of")?,
        None => today().ok_or_else(|| {
            Error::new("as_of", "give the date of the change as \"YYYY-MM-DD\" (there is no clock to take today from)")
        })?,
    };
    if as_of < anchor {
        let (path, what) = if given.is_some() {
            ("as_of", "as_of")
        } else {
            ("subscription.billing_anchor", "today")
        };
        return Err(Error::new(
            path,
            format!(
                "{what} ({as_of}) is before the billing anchor ({anchor}): the subscription has not started yet"
            ),
        ));
    }
    Ok(as_of)
}

/// The current period `(start, end)`; its end must be a supported date.
pub(crate) fn period(
    anchor: NaiveDate,
    interval: Interval,
    as_of: NaiveDate,
) -> Result<(NaiveDate, NaiveDate), Error> {
    calendar::period_containing(anchor, interval, as_of)
        .filter(|(_, end)| *end <= LAST_DATE)
        .ok_or_else(|| {
            Error::new(
                "as_of",
                format!("the billing period containing {as_of} would end after {LAST_DATE}"),
            )
        })
}

/// The system's local date.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn system_today() -> Option<NaiveDate> {
    Some(chrono::Local::now().date_naive())
}

/// In WebAssembly the core has no clock: the JavaScript layer passes the
/// browser's local date as its own [`Today`].
#[cfg(target_arch = "wasm32")]
pub(crate) fn system_today() -> Option<NaiveDate> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    /// `amount` as it was, with Decimal's normalize and comparison.
    fn with_decimal(value: Decimal, path: &str) -> Result<Decimal, Error> {
        let normal = value.normalize();
        if normal.is_sign_negative() && !normal.is_zero() {
            return Err(Error::new(
                path,
                format!("{value} is negative: amounts go from 0 to {MAX_AMOUNT}"),
            ));
        }
        if normal > Decimal::from(MAX_AMOUNT) {
            return Err(Error::new(
                path,
                format!("{value} is out of range: amounts go from 0 to {MAX_AMOUNT}"),
            ));
        }
        if normal.scale() > MAX_DECIMALS {
            return Err(Error::new(
                path,
                format!("{value} has more than {MAX_DECIMALS} decimals"),
            ));
        }
        Ok(normal.abs())
    }

    #[test]
    fn amounts_are_checked_as_with_decimal_arithmetic() {
        let mut values: Vec<Decimal> = [
            "0",
            "-0",
            "-0.00",
            "5.00",
            "-5.00",
            "1000000000",
            "1000000000.0000",
            "1000000000.0001",
            "999999999.9999999999",
            "0.0000000001",
            "0.00000000001",
            "0.000000000100",
            "-0.0000000001",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "0.0000000000000000000000000001",
            "7.9228162514264337593543950335",
            "12345678901",
        ]
        .iter()
        .map(|s| Decimal::from_str(s).unwrap())
        .collect();
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        for _ in 0..50_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let scale = (state % 29) as u32;
            let mantissa = i128::from(state as i64) * i128::from((state >> 40) as u32);
            values.push(Decimal::from_i128_with_scale(mantissa, scale));
        }
        for value in values {
            let (ours, theirs) = (amount(value, "p"), with_decimal(value, "p"));
            assert_eq!(ours, theirs, "{value:?}");
            if let (Ok(a), Ok(b)) = (ours, theirs) {
                assert_eq!(
                    (a.mantissa(), a.scale()),
                    (b.mantissa(), b.scale()),
                    "{value:?}"
                );
            }
        }
    }
}
