//! Exact money arithmetic in integer minor units.
//!
//! Every amount is computed as an exact fraction of integers and rounded
//! once, by the policy's rule, to the currency's minor units. Intermediate
//! products may need more than 128 bits (a 1,000,000,000 price with ten
//! decimals, a million seats, 366 days); they are carried in 256 bits, so no
//! input within the documented limits can overflow or lose a digit.

use crate::types::{Money, Rounding};
use rust_decimal::Decimal;

/// `a × b` as a 256-bit number `(high, low)`.
fn mul_wide(a: u128, b: u128) -> (u128, u128) {
    const MASK: u128 = u64::MAX as u128;
    let (a1, a0) = (a >> 64, a & MASK);
    let (b1, b0) = (b >> 64, b & MASK);
    let (p00, p01, p10, p11) = (a0 * b0, a0 * b1, a1 * b0, a1 * b1);
    // Each partial product is below 2^128; the middle sum below 3 × 2^64.
    let mid = (p00 >> 64) + (p01 & MASK) + (p10 & MASK);
    let low = (p00 & MASK) | (mid << 64);
    let high = p11 + (p01 >> 64) + (p10 >> 64) + (mid >> 64);
    (high, low)
}

/// `(high, low) / c` as `(quotient, remainder)`; `None` when `c` is zero or
/// the quotient does not fit in 128 bits.
fn div_wide(high: u128, low: u128, c: u128) -> Option<(u128, u128)> {
    if c == 0 || high >= c {
        return None;
    }
    if high == 0 {
        return Some((low / c, low % c));
    }
    // Restoring long division, one bit of `low` at a time.
    let (mut rem, mut quot) = (high, 0u128);
    for bit in (0..128).rev() {
        let overflow = rem >> 127 == 1;
        rem = (rem << 1) | ((low >> bit) & 1);
        quot <<= 1;
        if overflow || rem >= c {
            rem = rem.wrapping_sub(c);
            quot |= 1;
        }
    }
    Some((quot, rem))
}

/// `round(a × b / c)` for non-negative integers, exactly, by `rule`.
pub(crate) fn mul_div_round(a: u128, b: u128, c: u128, rule: Rounding) -> Option<u128> {
    let (quot, rem) = match (u64::try_from(a), u64::try_from(b), u64::try_from(c)) {
        // The usual case, in 64-bit division: 128-bit division is a
        // software routine in WebAssembly.
        (Ok(a), Ok(b), Ok(c)) if c != 0 && a.checked_mul(b).is_some() => {
            let product = a * b;
            (u128::from(product / c), u128::from(product % c))
        }
        _ => {
            let (high, low) = mul_wide(a, b);
            div_wide(high, low, c)?
        }
    };
    round_quotient(quot, rem, c, rule)
}

/// `quot + rem/c` (with `rem < c`) rounded to an integer by `rule`.
fn round_quotient(quot: u128, rem: u128, c: u128, rule: Rounding) -> Option<u128> {
    // Compare rem with c/2 without doubling rem (which could overflow).
    let up = match rem.cmp(&(c - rem)) {
        std::cmp::Ordering::Greater => true,
        std::cmp::Ordering::Less => false,
        std::cmp::Ordering::Equal => match rule {
            Rounding::HalfAwayFromZero => true,
            Rounding::HalfEven => quot % 2 == 1,
        },
    };
    quot.checked_add(u128::from(up))
}

/// 10^exp for every exponent that fits in 128 bits: a table rather than
/// `checked_pow`, whose multiplications are software routines in wasm.
#[inline]
pub(crate) fn pow10(exp: u32) -> Option<u128> {
    const POWERS: [u128; 39] = {
        let mut powers = [1u128; 39];
        let mut i = 1;
        while i < 39 {
            powers[i] = powers[i - 1] * 10;
            i += 1;
        }
        powers
    };
    POWERS.get(exp as usize).copied()
}

/// A non-negative decimal as `(mantissa, scale)`.
#[inline]
fn parts(d: Decimal) -> Option<(u128, u32)> {
    u128::try_from(d.mantissa()).ok().map(|m| (m, d.scale()))
}

/// `d` with its trailing zeros stripped, as `(mantissa, scale)`: what
/// `Decimal::normalize` makes of it (and, as there, -0 is 0), in integers.
#[inline]
pub(crate) fn normalized(d: Decimal) -> (i128, u32) {
    let (m, mut scale) = (d.mantissa(), d.scale());
    // In 64 bits when it fits: 128-bit division is a software routine in
    // WebAssembly, and every price of every request comes through here.
    let mut magnitude = m.unsigned_abs();
    if let Ok(mut small) = u64::try_from(magnitude) {
        while scale > 0 && small % 10 == 0 {
            small /= 10;
            scale -= 1;
        }
        magnitude = u128::from(small);
    } else {
        while scale > 0 && magnitude % 10 == 0 {
            magnitude /= 10;
            scale -= 1;
        }
    }
    // At most the original magnitude, so it fits back.
    let magnitude = magnitude as i128;
    (if m < 0 { -magnitude } else { magnitude }, scale)
}

/// Rounds a non-negative decimal to `dp` decimals, as minor units.
#[cfg(test)]
pub(crate) fn to_minor(d: Decimal, dp: u32, rule: Rounding) -> Option<i128> {
    let (m, scale) = parts(d)?;
    rounded_minor(m, scale, dp, rule)
}

/// `m / 10^scale` rounded to `dp` decimals, as minor units.
pub(crate) fn rounded_minor(m: u128, scale: u32, dp: u32, rule: Rounding) -> Option<i128> {
    let minor = if scale <= dp {
        m.checked_mul(pow10(dp - scale)?)?
    } else {
        mul_div_round(m, 1, pow10(scale - dp)?, rule)?
    };
    i128::try_from(minor).ok()
}

/// `round(unit × quantity × days / days_in_period)` in minor units: one
/// prorated line of a price per seat, computed exactly and rounded once. The
/// engine computes it as the change of `S` ([`crate::pricing::prorate`]);
/// the tests check that the two agree.
#[cfg(test)]
pub(crate) fn prorate(
    unit: Decimal,
    quantity: u32,
    days: u32,
    days_in_period: u32,
    dp: u32,
    rule: Rounding,
) -> Option<i128> {
    let (m, scale) = parts(unit)?;
    let numerator = m
        .checked_mul(u128::from(quantity))?
        .checked_mul(u128::from(days))?;
    let denominator = pow10(scale)?.checked_mul(u128::from(days_in_period))?;
    i128::try_from(mul_div_round(numerator, pow10(dp)?, denominator, rule)?).ok()
}

/// `round(minor × days / days_in_period)` for an amount already in minor units.
pub(crate) fn prorate_minor(
    minor: i128,
    days: u32,
    days_in_period: u32,
    rule: Rounding,
) -> Option<i128> {
    let magnitude = mul_div_round(
        minor.unsigned_abs(),
        u128::from(days),
        u128::from(days_in_period),
        rule,
    )?;
    let magnitude = i128::try_from(magnitude).ok()?;
    Some(if minor < 0 { -magnitude } else { magnitude })
}

/// An invoice total with its tax, all in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Taxed {
    pub net: i128,
    pub tax: i128,
    pub gross: i128,
}

/// The tax on one total, computed once. With exclusive prices
/// `tax = round(net × rate)`; with inclusive prices the amount is the gross
/// and `tax = round(gross × rate / (1 + rate))`.
pub(crate) fn taxed(amount: i128, rate: Decimal, inclusive: bool, rule: Rounding) -> Option<Taxed> {
    let (rm, rs) = parts(rate)?;
    let one = pow10(rs)?;
    let divisor = if inclusive { one.checked_add(rm)? } else { one };
    let magnitude = mul_div_round(amount.unsigned_abs(), rm, divisor, rule)?;
    let tax = i128::try_from(magnitude).ok()?;
    let tax = if amount < 0 { -tax } else { tax };
    Some(if inclusive {
        Taxed {
            net: amount.checked_sub(tax)?,
            tax,
            gross: amount,
        }
    } else {
        Taxed {
            net: amount,
            tax,
            gross: amount.checked_add(tax)?,
        }
    })
}

/// Minor units as a decimal with exactly `dp` decimals (`800, 2` → `8.00`).
#[inline]
pub(crate) fn decimal(minor: i128, dp: u32) -> Option<Decimal> {
    Decimal::try_from_i128_with_scale(minor, dp).ok()
}

/// Appends `d` exactly as its `Display` writes it (`"8.00"`, `"-66.67"`,
/// `"0.05"`), without `core::fmt`: every amount of every answer is written
/// this way, so it is on the hot path of each quote.
pub(crate) fn push_decimal(out: &mut String, d: Decimal) {
    push_ascii(out, decimal_ascii(d, &mut [0; 64]));
}

/// [`push_decimal`]'s text, written at the end of `text`: the slice written.
#[inline]
pub(crate) fn decimal_ascii(d: Decimal, text: &mut [u8; 64]) -> &[u8] {
    // Written backwards from the end: at most 29 digits, a point, zeros
    // before it and a sign.
    let mut at = text.len();
    let scale = d.scale() as usize;
    let digit = |text: &mut [u8; 64], at: &mut usize, value: u8, written: usize| {
        if written == scale && scale > 0 {
            *at -= 1;
            text[*at] = b'.';
        }
        *at -= 1;
        text[*at] = b'0' + value;
    };
    let mut written = 0;
    let magnitude = d.mantissa().unsigned_abs();
    // The narrowest division that holds it: most amounts fit 32 bits.
    if let Ok(mut small) = u32::try_from(magnitude) {
        while small > 0 {
            digit(text, &mut at, (small % 10) as u8, written);
            small /= 10;
            written += 1;
        }
    } else if let Ok(mut small) = u64::try_from(magnitude) {
        while small > 0 {
            digit(text, &mut at, (small % 10) as u8, written);
            small /= 10;
            written += 1;
        }
    } else {
        let mut big = magnitude;
        while big > 0 {
            digit(text, &mut at, (big % 10) as u8, written);
            big /= 10;
            written += 1;
        }
    }
    // Zeros up to the decimal point, and one before it.
    while written <= scale {
        digit(text, &mut at, 0, written);
        written += 1;
    }
    if d.is_sign_negative() {
        at -= 1;
        text[at] = b'-';
    }
    &text[at..]
}

/// Appends ASCII bytes (digits and signs) in one go.
#[inline]
pub(crate) fn push_ascii(out: &mut String, ascii: &[u8]) {
    out.push_str(std::str::from_utf8(ascii).unwrap_or_default());
}

impl Taxed {
    pub(crate) fn to_money(self, dp: u32) -> Option<Money> {
        Some(Money {
            net: decimal(self.net, dp)?,
            tax: decimal(self.tax, dp)?,
            gross: decimal(self.gross, dp)?,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    #[test]
    fn wide_products_divide_exactly() {
        let a = u128::MAX / 3;
        let (hi, lo) = mul_wide(a, 6);
        assert_eq!(div_wide(hi, lo, 6), Some((a, 0)));
        assert_eq!(div_wide(hi, lo, 2), Some((u128::MAX, 0)));
        assert_eq!(div_wide(hi, lo, 1), None);
        assert_eq!(
            mul_div_round(u128::MAX, u128::MAX, u128::MAX, Rounding::HalfEven),
            Some(u128::MAX)
        );
        // (2^127 + 1) × 3 / 4 = 3 × 2^125 + 0.75 → rounds up.
        let x = (1u128 << 127) + 1;
        assert_eq!(
            mul_div_round(x, 3, 4, Rounding::HalfEven),
            Some(3 * (1u128 << 125) + 1)
        );
    }

    #[test]
    fn the_64_bit_shortcut_agrees_with_the_wide_division() {
        let wide = |a: u128, b: u128, c: u128, rule: Rounding| {
            let (high, low) = mul_wide(a, b);
            let (quot, rem) = div_wide(high, low, c)?;
            round_quotient(quot, rem, c, rule)
        };
        let mut state = 0x2545_F491_4F6C_DD1D_u64;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        for _ in 0..200_000 {
            let (x, y, z) = (next(), next(), next());
            // Small and large magnitudes, zero divisors included.
            let (a, b, c) = (
                u128::from(x >> (x % 64)),
                u128::from(y >> (y % 64)),
                u128::from(z >> (z % 64)),
            );
            for rule in [Rounding::HalfAwayFromZero, Rounding::HalfEven] {
                assert_eq!(
                    mul_div_round(a, b, c, rule),
                    wide(a, b, c, rule),
                    "{a} {b} {c}"
                );
            }
        }
        assert_eq!(mul_div_round(7, 3, 0, Rounding::HalfEven), None);
    }

    #[test]
    fn normalized_equals_decimal_normalize() {
        let mut state = 0x9E37_79B9_7F4A_7C15_u64;
        for _ in 0..50_000 {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let scale = (state % 11) as u32;
            let mantissa = i128::from(state >> 8) % 10i128.pow(scale + (state >> 4 & 7) as u32 + 2);
            let d = Decimal::from_i128_with_scale(mantissa, scale);
            let normal = d.normalize();
            assert_eq!(normalized(d), (normal.mantissa(), normal.scale()), "{d}");
        }
        let negative_zero = Decimal::from_i128_with_scale(0, 2) * Decimal::from(-1);
        assert_eq!(normalized(negative_zero), (0, 0));
    }

    #[test]
    fn midpoints_follow_the_rule() {
        for (a, c, away, even) in [
            (5, 2, 3, 2),
            (7, 2, 4, 4),
            (1, 2, 1, 0),
            (3, 2, 2, 2),
            (1, 3, 0, 0),
            (2, 3, 1, 1),
        ] {
            assert_eq!(
                mul_div_round(a, 1, c, Rounding::HalfAwayFromZero),
                Some(away),
                "{a}/{c}"
            );
            assert_eq!(
                mul_div_round(a, 1, c, Rounding::HalfEven),
                Some(even),
                "{a}/{c}"
            );
        }
    }

    #[test]
    fn spec_lines() {
        let r = Rounding::HalfAwayFromZero;
        assert_eq!(prorate(dec("5.00"), 2, 24, 30, 2, r), Some(800));
        assert_eq!(prorate(dec("50.00"), 1, 100, 365, 2, r), Some(1370));
        assert_eq!(prorate(dec("5.00"), 1, 8, 28, 2, r), Some(143));
        assert_eq!(prorate_minor(20000, 10, 30, r), Some(6667));
        assert_eq!(prorate_minor(-20000, 10, 30, r), Some(-6667));
    }

    #[test]
    fn tax_exclusive_and_inclusive() {
        let r = Rounding::HalfAwayFromZero;
        let t = taxed(3800, dec("0.19"), false, r).unwrap();
        assert_eq!((t.net, t.tax, t.gross), (3800, 722, 4522));
        let t = taxed(11900, dec("0.19"), true, r).unwrap();
        assert_eq!((t.net, t.tax, t.gross), (10000, 1900, 11900));
        let t = taxed(-3800, dec("0.19"), false, r).unwrap();
        assert_eq!((t.net, t.tax, t.gross), (-3800, -722, -4522));
    }

    #[test]
    fn decimals_are_written_as_display_writes_them() {
        let mut samples: Vec<Decimal> = [
            "0",
            "0.00",
            "-0.00",
            "8.00",
            "-66.67",
            "0.05",
            "-0.05",
            "1200",
            "1.250",
            "0.0000000001",
            "1000000000",
            "123456789.0123456789",
            "-1",
            "10",
            "100.5",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "0.0000000000000000000000000001",
            "18446744073709551616",
            "18446744073709551615",
            "-18446744073709551616.5",
        ]
        .iter()
        .map(|s| dec(s))
        .collect();
        for minor in [
            0i128,
            1,
            -1,
            9,
            10,
            99,
            100,
            101,
            12345,
            -12345,
            i64::MAX as i128 + 7,
        ] {
            for dp in 0..=4 {
                samples.push(decimal(minor, dp).unwrap());
            }
        }
        for d in samples {
            let mut fast = String::new();
            push_decimal(&mut fast, d);
            assert_eq!(fast, d.to_string(), "{d:?}");
        }
    }

    #[test]
    fn to_minor_rounds_once() {
        let r = Rounding::HalfEven;
        assert_eq!(to_minor(dec("2.345"), 2, r), Some(234));
        assert_eq!(to_minor(dec("2.355"), 2, r), Some(236));
        assert_eq!(to_minor(dec("7"), 3, r), Some(7000));
        assert_eq!(decimal(0, 2).unwrap().to_string(), "0.00");
        assert_eq!(decimal(-5, 2).unwrap().to_string(), "-0.05");
    }
}
