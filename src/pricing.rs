//! What seats cost ([rules §10](crate::rules)): `S(q)`, the amount of `q`
//! billable seats for one interval — a price per seat, or graduated or
//! volume tiers — and `recurring(n) = round(base + S(b(n)))`, the one
//! recurring amount every kind of change bills.
//!
//! Amounts are carried as integers of 10⁻¹⁰ (every amount has at most ten
//! decimals), in `u128`: the largest `S` within the limits, a million seats
//! at 1,000,000,000 plus fifty flat amounts of 1,000,000,000, is about
//! 10²⁵ such units, far below 2¹²⁸ ≈ 3.4 × 10³⁸, and still within the
//! 96 bits of a [`Decimal`] mantissa.
//!
//! A [`Pricing`] borrows the request's tiers rather than copying them: it
//! is `Copy`, so checking a plan allocates nothing and nothing needs to be
//! freed. `S(q)` walks the tiers up to the one `q` falls in (at most 50,
//! a handful of integer operations each).

use crate::error::Error;
use crate::limits::{MAX_DECIMALS, MAX_SEATS, MAX_TIERS};
use crate::money;
use crate::types::{Price, Rounding, Tier, TiersMode};
use crate::validate;
use rust_decimal::Decimal;

/// The decimals every amount is carried in.
const SCALE: u32 = MAX_DECIMALS;

/// A price checked against the limits, ready to compute.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pricing<'a> {
    /// The base price, in units of 10⁻¹⁰.
    base: u64,
    seats: Seats<'a>,
}

#[derive(Debug, Clone, Copy)]
enum Seats<'a> {
    /// One price per billable seat, as given (normalized), and in units of
    /// 10⁻¹⁰.
    PerSeat(Decimal, u64),
    /// Tiers, checked.
    Tiered(TiersMode, &'a [Tier]),
}

/// `d` (checked: non-negative, at most 1,000,000,000 with at most ten
/// decimals, trailing zeros aside) in units of 10⁻¹⁰: at most
/// 1,000,000,000 × 10¹⁰ = 10¹⁹ < 2⁶⁴.
#[inline(never)]
fn units(d: Decimal) -> Option<u64> {
    let (m, scale) = (d.mantissa(), d.scale());
    if scale <= SCALE {
        let m = u64::try_from(m).ok()?;
        return m.checked_mul(u64::try_from(money::pow10(SCALE - scale)?).ok()?);
    }
    // More decimals than ten are trailing zeros of a checked amount.
    u64::try_from(u128::try_from(m).ok()? / money::pow10(scale - SCALE)?).ok()
}

/// A tier's unit and flat amount in units of 10⁻¹⁰ (0 when it fails, which
/// a checked tier never does).
fn tier_units(tier: &Tier) -> (u128, u128) {
    let flat = tier.flat.and_then(units).unwrap_or(0);
    (u128::from(units(tier.unit).unwrap_or(0)), u128::from(flat))
}

/// An error at `path.field`, or `path.tiers.<tier>.field`; the path is
/// written out only here, for an error.
#[inline(never)]
fn error(path: &str, tier: Option<u32>, field: &str, message: &str) -> Error {
    let at = match tier {
        Some(i) => format!("{path}.tiers.{i}.{field}"),
        None => format!("{path}.{field}"),
    };
    Error::new(at, message.to_owned())
}

/// An amount of the price, checked against the limits, in units of 10⁻¹⁰.
#[inline(never)]
fn amount(value: Decimal, path: &str, tier: Option<u32>, field: &str) -> Result<u64, Error> {
    match validate::amount(value, "") {
        Ok(checked) => units(checked).ok_or_else(Error::internal),
        Err(e) => Err(error(path, tier, field, e.message())),
    }
}

/// The error of a tier count outside `1..=MAX_TIERS` at `path` (the
/// price's `tiers`): the parser's, which reads no item of a longer array,
/// and the validator's.
#[inline(never)]
pub(crate) fn tier_count_error(count: usize, path: String) -> Error {
    Error::new(path, format!("give from 1 to 50 tiers, got {count}"))
}

impl<'a> Pricing<'a> {
    /// Checks the price at `path` (such as `subscription.plan.prices.month`)
    /// against the limits, and makes it ready to compute.
    ///
    /// # Errors
    /// At `path` for both or neither of `seat` and `tiers`; at the field of
    /// an amount out of range, of a missing `tiers` or `tiers_mode`, and of
    /// a tier's `up_to` that is out of range, not increasing, open before
    /// the last tier or not open on it (`path.tiers.<index>.up_to`).
    #[inline(never)]
    pub(crate) fn new(price: &'a Price, path: &str) -> Result<Pricing<'a>, Error> {
        let base = amount(price.base, path, None, "base")?;
        // Each field given is checked before the rule between them, so
        // that a wrong value is reported at its own path.
        let seat = match price.seat {
            Some(seat) => Some(
                validate::amount(seat, "").map_err(|e| error(path, None, "seat", e.message()))?,
            ),
            None => None,
        };
        if let Some(tiers) = &price.tiers {
            check_tiers(tiers, path)?;
        }
        let seats = match (seat, price.tiers_mode, &price.tiers) {
            (Some(seat), None, None) => {
                Seats::PerSeat(seat, units(seat).ok_or_else(Error::internal)?)
            }
            (None, Some(mode), Some(tiers)) => Seats::Tiered(mode, tiers),
            (None, Some(_), None) => {
                return Err(error(path, None, "tiers", "\"tiers\" is missing: tiers_mode needs its tiers"))
            }
            (None, None, Some(_)) => {
                return Err(error(path, None, "tiers_mode", "\"tiers_mode\" is missing: give \"graduated\" or \"volume\""))
            }
            _ => {
                return Err(Error::new(path, "give exactly one of seat (one price per seat) and tiers (with tiers_mode \"graduated\" or \"volume\")"))
            }
        };
        Ok(Pricing { base, seats })
    }

    /// The price of one billable seat, when the price is one per seat.
    pub(crate) fn per_seat(&self) -> Option<Decimal> {
        match self.seats {
            Seats::PerSeat(seat, _) => Some(seat),
            Seats::Tiered(..) => None,
        }
    }

    /// The tiers' mode, when the price has tiers.
    pub(crate) fn tiers_mode(&self) -> Option<TiersMode> {
        match self.seats {
            Seats::PerSeat(..) => None,
            Seats::Tiered(mode, _) => Some(mode),
        }
    }

    /// `S(q)`: the amount of `q` billable seats, exactly, in units of 10⁻¹⁰.
    #[inline(never)]
    pub(crate) fn amount(&self, q: u32) -> Option<u128> {
        let (mode, tiers) = match self.seats {
            // Below 2⁶⁴ × 2³²: no overflow.
            Seats::PerSeat(_, unit) => return Some(u128::from(unit) * u128::from(q)),
            Seats::Tiered(mode, tiers) => (mode, tiers),
        };
        // Each checked tier's amounts are below 2⁶⁴ and at most 1,000,000
        // seats lie below the open tier: every sum stays under 2⁸⁵.
        let (mut total, mut start) = (0u128, 0u32);
        for tier in tiers {
            if q <= start {
                break; // S(0) = 0; graduated: no seat in this tier
            }
            let end = tier.up_to.unwrap_or(u32::MAX);
            if mode == TiersMode::Volume && q > end {
                start = end;
                continue;
            }
            let (unit, flat) = tier_units(tier);
            let seats = match mode {
                TiersMode::Graduated => q.min(end) - start,
                TiersMode::Volume => q,
            };
            total += unit * u128::from(seats) + flat;
            if mode == TiersMode::Volume {
                break;
            }
            start = end;
        }
        Some(total)
    }

    /// `recurring(n) = round(base + S(b(n)))` in minor units, where
    /// `b(n) = max(0, n − included)`: the recurring amount of `n` seats,
    /// rounded once to `dp` decimals. Every recurring amount of every kind
    /// of change is this one.
    #[inline(never)]
    pub(crate) fn recurring(&self, included: u32, n: u32, dp: u32, rule: Rounding) -> Option<i128> {
        // S below 2⁹⁷, the base below 2⁶⁴: no overflow.
        let exact = u128::from(self.base) + self.amount(n.saturating_sub(included))?;
        money::rounded_minor(exact, SCALE, dp, rule)
    }
}

/// Two checked prices are equal when they price every seat count alike:
/// the same base and seat price, or the same tiers, amounts as numbers.
impl PartialEq for Pricing<'_> {
    fn eq(&self, other: &Self) -> bool {
        self.base == other.base
            && match (self.seats, other.seats) {
                (Seats::PerSeat(_, a), Seats::PerSeat(_, b)) => a == b,
                (Seats::Tiered(m, a), Seats::Tiered(n, b)) => {
                    m == n
                        && a.len() == b.len()
                        && a.iter()
                            .zip(b)
                            .all(|(x, y)| x.up_to == y.up_to && tier_units(x) == tier_units(y))
                }
                _ => false,
            }
    }
}

/// `round(units × days / days_in_period)` in minor units, for an amount in
/// units of 10⁻¹⁰: the seat line, rounded once.
pub(crate) fn prorate(
    units: u128,
    days: u32,
    days_in_period: u32,
    dp: u32,
    rule: Rounding,
) -> Option<i128> {
    let numerator = u128::from(days).checked_mul(money::pow10(dp)?)?;
    let denominator = money::pow10(SCALE)?.checked_mul(u128::from(days_in_period))?;
    i128::try_from(money::mul_div_round(units, numerator, denominator, rule)?).ok()
}

/// An amount in units of 10⁻¹⁰ as a decimal.
pub(crate) fn decimal(units: u128) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(i128::try_from(units).ok()?, SCALE).ok()
}

/// Checks the tiers of the price at `path`: their count, `up_to` in range,
/// increasing, open on the last tier only, and their amounts.
fn check_tiers(tiers: &[Tier], path: &str) -> Result<(), Error> {
    if tiers.is_empty() || tiers.len() > MAX_TIERS {
        return Err(tier_count_error(tiers.len(), format!("{path}.tiers")));
    }
    let mut start = 0u32;
    for (i, tier) in (0u32..).zip(tiers) {
        let last = i as usize + 1 == tiers.len();
        let problem = match tier.up_to {
            Some(up_to) if up_to == 0 || up_to > MAX_SEATS => {
                "must be a whole number of seats from 1 to 1000000, or null for the last tier"
            }
            Some(up_to) if up_to <= start => "must be more than the previous tier's: tiers go up",
            Some(_) if last => "the last tier must be open: write \"up_to\": null",
            None if !last => {
                "only the last tier is open (\"up_to\": null): give this tier's last seat"
            }
            _ => "",
        };
        if !problem.is_empty() {
            return Err(error(path, Some(i), "up_to", problem));
        }
        amount(tier.unit, path, Some(i), "unit")?;
        amount(tier.flat.unwrap_or_default(), path, Some(i), "flat")?;
        start = tier.up_to.unwrap_or(u32::MAX);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::types::Tier;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    fn tiers(mode: TiersMode, list: &[(Option<u32>, &str, &str)]) -> Price {
        let tiers = list
            .iter()
            .map(|(up_to, unit, flat)| Tier {
                up_to: *up_to,
                unit: dec(unit),
                flat: Some(dec(flat)),
            })
            .collect();
        Price::tiered(Decimal::ZERO, mode, tiers)
    }

    fn checked(price: &Price) -> Pricing<'_> {
        Pricing::new(price, "p").unwrap()
    }

    /// `S(q)` in currency units, as text.
    fn s(p: &Pricing, q: u32) -> String {
        decimal(p.amount(q).unwrap())
            .unwrap()
            .normalize()
            .to_string()
    }

    /// `S(q)` straight from the definition, seat by seat (graduated) or by
    /// the tier of the count (volume), in Decimal arithmetic.
    fn by_definition(mode: TiersMode, list: &[(Option<u32>, &str, &str)], q: u32) -> Decimal {
        if q == 0 {
            return Decimal::ZERO;
        }
        let mut lower = 1;
        let mut total = Decimal::ZERO;
        for (up_to, unit, flat) in list {
            let upper = up_to.unwrap_or(u32::MAX);
            match mode {
                TiersMode::Graduated if lower <= q => {
                    total += Decimal::from(q.min(upper) - lower + 1) * dec(unit) + dec(flat);
                }
                TiersMode::Volume if lower <= q && q <= upper => {
                    return Decimal::from(q) * dec(unit) + dec(flat);
                }
                _ => {}
            }
            lower = upper.saturating_add(1);
        }
        total
    }

    const STRIPE_GRADUATED: &[(Option<u32>, &str, &str)] = &[
        (Some(5), "7.00", "0"),
        (Some(10), "6.50", "0"),
        (None, "6.00", "0"),
    ];
    const FLAT_AMOUNTS: &[(Option<u32>, &str, &str)] = &[
        (Some(5), "5", "10"),
        (Some(10), "4", "20"),
        (Some(15), "3", "30"),
        (Some(20), "2", "40"),
        (None, "1", "50"),
    ];

    #[test]
    fn the_examples_of_the_rules() {
        let graduated_price = tiers(TiersMode::Graduated, STRIPE_GRADUATED);
        let graduated = checked(&graduated_price);
        let volume_price = tiers(TiersMode::Volume, STRIPE_GRADUATED);
        let volume = checked(&volume_price);
        for (q, g, v) in [
            (0, "0", "0"),
            (1, "7", "7"),
            (5, "35", "35"),
            (6, "41.5", "39"),
            (10, "67.5", "65"),
            (11, "73.5", "66"),
            (20, "127.5", "120"),
            (25, "157.5", "150"),
        ] {
            assert_eq!(
                (s(&graduated, q), s(&volume, q)),
                (g.into(), v.into()),
                "{q}"
            );
        }
        let graduated_price = tiers(TiersMode::Graduated, FLAT_AMOUNTS);
        let graduated = checked(&graduated_price);
        let volume_price = tiers(TiersMode::Volume, FLAT_AMOUNTS);
        let volume = checked(&volume_price);
        assert_eq!(s(&graduated, 12), "111");
        assert_eq!(s(&volume, 12), "66");
    }

    #[test]
    fn tiers_equal_their_definition() {
        for list in [STRIPE_GRADUATED, FLAT_AMOUNTS] {
            for mode in [TiersMode::Graduated, TiersMode::Volume] {
                let price = tiers(mode, list);
                let p = checked(&price);
                for q in 0..40 {
                    let ours = decimal(p.amount(q).unwrap()).unwrap();
                    assert_eq!(ours, by_definition(mode, list, q), "{mode:?} {q}");
                }
            }
        }
        let one = &[(Some(1), "3", "1"), (None, "2", "0")][..];
        for mode in [TiersMode::Graduated, TiersMode::Volume] {
            let price = tiers(mode, one);
            let p = checked(&price);
            for q in [0, 1, 2, 999_999, 1_000_000] {
                let ours = decimal(p.amount(q).unwrap()).unwrap();
                assert_eq!(ours, by_definition(mode, one, q), "{mode:?} {q}");
            }
        }
    }

    #[test]
    fn per_seat_recurring_equals_decimal_arithmetic() {
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        // Prices within the validated limits, trailing zeros included.
        let price = |r: u64| {
            let scale = (r % 11) as u32;
            let mantissa = i128::from(r >> 8) % 10i128.pow(scale + (r >> 4 & 7) as u32 + 2);
            Decimal::from_i128_with_scale(mantissa, scale)
        };
        for _ in 0..50_000 {
            let (base, seat) = (price(next()), price(next()));
            let (n, included) = ((next() % 1_000_001) as u32, (next() % 4) as u32);
            let price = Price::per_seat(base, seat);
            let p = checked(&price);
            for (dp, rule) in [
                (2, Rounding::HalfAwayFromZero),
                (0, Rounding::HalfEven),
                (3, Rounding::HalfEven),
            ] {
                let billable = Decimal::from(n.saturating_sub(included));
                let exact = seat * billable + base;
                let expected = money::to_minor(exact, dp, rule);
                assert_eq!(
                    p.recurring(included, n, dp, rule),
                    expected,
                    "{base} + {seat} × {n}"
                );
            }
        }
    }

    #[test]
    fn per_seat_lines_are_the_change_of_s() {
        // A price per seat prorates `S(after) − S(before) = seat × quantity`:
        // exactly the line of `unit × quantity`, rounded once.
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..50_000 {
            let r = next();
            let scale = (r % 11) as u32;
            let seat =
                Decimal::from_i128_with_scale(i128::from(r >> 20) % 10i128.pow(scale + 9), scale);
            let price = Price::per_seat(Decimal::ZERO, seat);
            let p = checked(&price);
            let (a, b) = ((next() % 1_000_001) as u32, (next() % 1_000_001) as u32);
            let dip = 28 + (next() % 339) as u32;
            let days = (next() % u64::from(dip + 1)) as u32;
            let rule = if next() % 2 == 0 {
                Rounding::HalfEven
            } else {
                Rounding::HalfAwayFromZero
            };
            let dp = (next() % 5) as u32;
            let change = p.amount(a).unwrap().abs_diff(p.amount(b).unwrap());
            assert_eq!(
                prorate(change, days, dip, dp, rule),
                money::prorate(seat, a.abs_diff(b), days, dip, dp, rule),
                "{seat} × {a} − {b}, {days}/{dip}"
            );
        }
    }

    #[test]
    fn the_largest_tiers_do_not_overflow() {
        // 50 tiers at the largest amount, up to the most seats.
        let max = "1000000000";
        let list: Vec<(Option<u32>, &str, &str)> = (1..=50)
            .map(|i| (if i < 50 { Some(i * 20_000) } else { None }, max, max))
            .collect();
        for mode in [TiersMode::Graduated, TiersMode::Volume] {
            let price = tiers(mode, &list);
            let p = checked(&price);
            let all = p.amount(MAX_SEATS).unwrap();
            assert_eq!(decimal(all).unwrap(), by_definition(mode, &list, MAX_SEATS));
            for dp in [0, 2, 3, 4] {
                assert!(p.recurring(0, MAX_SEATS, dp, Rounding::HalfEven).is_some());
                assert!(prorate(all, 366, 366, dp, Rounding::HalfEven).is_some());
            }
        }
    }

    #[test]
    fn amounts_with_trailing_zeros_beyond_ten_decimals() {
        // A Rust caller may build 6.50 with 20 decimals: the same units.
        let long = Decimal::from_i128_with_scale(650_000_000_000_000_000_000, 20);
        assert_eq!(units(long), units(dec("6.5")));
        let price = Price::tiered(
            Decimal::ZERO,
            TiersMode::Graduated,
            vec![Tier {
                up_to: None,
                unit: long,
                flat: Some(long),
            }],
        );
        assert_eq!(s(&checked(&price), 2), "19.5");
    }

    #[test]
    fn messages_state_the_limits() {
        assert_eq!(MAX_SEATS, 1_000_000, "the up_to message states 1000000");
        assert_eq!(MAX_TIERS, 50, "the tier count message states 50");
    }

    #[test]
    fn tiers_are_checked_at_their_path() {
        let tier = |up_to: Option<u32>, unit: &str| Tier {
            up_to,
            unit: dec(unit),
            flat: None,
        };
        let check = |list: Vec<Tier>| {
            Pricing::new(&Price::tiered(Decimal::ONE, TiersMode::Volume, list), "x")
                .map(|_| ())
                .map_err(|e| e.path().to_owned())
        };
        assert_eq!(check(vec![]), Err("x.tiers".into()));
        assert_eq!(check(vec![tier(None, "1"); 51]), Err("x.tiers".into()));
        assert_eq!(
            check(vec![tier(Some(0), "1"), tier(None, "1")]),
            Err("x.tiers.0.up_to".into())
        );
        assert_eq!(
            check(vec![tier(Some(1_000_001), "1"), tier(None, "1")]),
            Err("x.tiers.0.up_to".into())
        );
        assert_eq!(
            check(vec![
                tier(Some(5), "1"),
                tier(Some(5), "1"),
                tier(None, "1")
            ]),
            Err("x.tiers.1.up_to".into())
        );
        assert_eq!(
            check(vec![tier(None, "1"), tier(None, "1")]),
            Err("x.tiers.0.up_to".into())
        );
        assert_eq!(
            check(vec![tier(Some(5), "1")]),
            Err("x.tiers.0.up_to".into())
        );
        assert_eq!(
            check(vec![tier(Some(5), "1"), tier(None, "-1")]),
            Err("x.tiers.1.unit".into())
        );
        assert_eq!(
            check(vec![tier(None, "1000000000.5")]),
            Err("x.tiers.0.unit".into())
        );
        let mut flat = tier(None, "1");
        flat.flat = Some(dec("0.00000000001"));
        assert_eq!(check(vec![flat]), Err("x.tiers.0.flat".into()));
        assert_eq!(
            check(vec![tier(Some(1_000_000), "1"), tier(None, "1")]),
            Ok(())
        );
        assert_eq!(check(vec![tier(None, "1"); 1]), Ok(()));
        let mut fifty = vec![tier(None, "1"); 50];
        for (i, t) in fifty.iter_mut().enumerate().take(49) {
            t.up_to = Some(i as u32 + 1);
        }
        assert_eq!(check(fifty), Ok(()));
    }
}
