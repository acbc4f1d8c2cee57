//! The readers of single values: counts, booleans, strings, amounts,
//! dates and enum spellings. Each takes the path of its field.

use super::fields::{closest, Fields, Path};
use crate::error::{Beyond, Error, Range};
use crate::limits::{MAX_DECIMALS, MAX_INTEGER_DIGITS};
use crate::value::{excerpt, Node};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// A whole, non-negative number (ranges are checked later).
pub(crate) fn count(value: &Node<'_>, path: Path<'_>) -> Result<u32, Error> {
    let whole = match value {
        Node::Int(i) => u32::try_from(*i).ok(),
        // -0 is 0; 3.0 is 3. Fractions, NaN and infinities are not counts.
        Node::Float(f, _) if f.fract() == 0.0 && *f >= 0.0 && *f <= f64::from(u32::MAX) => {
            Some(*f as u32)
        }
        _ => None,
    };
    whole.ok_or_else(|| expected(value, path, "a whole number of 0 or more"))
}

/// The error of a value of the wrong kind: "must be …, got …". Written
/// once, not inlined into every field that is read.
#[cold]
#[inline(never)]
fn expected(value: &Node<'_>, path: Path<'_>, what: &str) -> Error {
    Error::new(path, format!("must be {what}, got {}", value.describe()))
}

pub(crate) fn boolean(value: &Node<'_>, path: Path<'_>) -> Result<bool, Error> {
    match value {
        Node::Bool(b) => Ok(*b),
        other => Err(expected(other, path, "true or false")),
    }
}

pub(crate) fn string<'v>(value: &'v Node<'_>, path: Path<'_>) -> Result<&'v str, Error> {
    match value {
        Node::String(s) => Ok(s),
        other => Err(expected(other, path, "a string")),
    }
}

/// A decimal amount: a string such as `"4.90"`, or a finite number read
/// through its shortest round-trip decimal form (`4.9` → `4.9`). Not
/// inlined: every amount field reads through this one copy.
#[inline(never)]
pub(crate) fn amount(value: &Node<'_>, path: Path<'_>) -> Result<Decimal, Error> {
    match value {
        Node::String(s) => parse_decimal(s, path),
        Node::Int(i) => Ok(Decimal::from(*i)),
        Node::Float(f, text) if f.is_finite() => parse_decimal(text, path),
        other => Err(expected(
            other,
            path,
            "a decimal string such as \"4.90\" (or a finite number)",
        )),
    }
}

/// Strict decimal syntax: optional `-`, digits, optional `.` and digits.
/// No spaces, `+`, `_`, exponents or commas: a checkout must not guess.
pub(crate) fn parse_decimal(text: &str, path: Path<'_>) -> Result<Decimal, Error> {
    let bad = || {
        Error::new(
            path,
            format!(
                "\"{}\" is not a decimal amount: write digits with an optional point, such as \"4.90\" (no spaces, commas, signs other than '-', '_' or exponents)",
                excerpt(text)
            ),
        )
    };
    // One pass over the bytes (no `str` pattern searches: this runs for
    // every price of every request).
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let unsigned = &bytes[usize::from(negative)..];
    let (int, frac, has_point) = match unsigned.iter().position(|b| *b == b'.') {
        Some(i) => (&unsigned[..i], &unsigned[i + 1..], true),
        None => (unsigned, &unsigned[..0], false),
    };
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    if int.is_empty() || !digits(int) || !digits(frac) || (has_point && frac.is_empty()) {
        return Err(bad());
    }
    let int = &int[int.iter().take_while(|b| **b == b'0').count()..];
    if int.len() > MAX_INTEGER_DIGITS {
        return Err(Error::beyond(
            path,
            excerpt(text),
            Beyond::OutOfRange,
            Range::Amounts,
        ));
    }
    let trailing_zeros = frac.iter().rev().take_while(|b| **b == b'0').count();
    if frac.len() - trailing_zeros > MAX_DECIMALS as usize {
        return Err(Error::new(
            path,
            format!("{} has more than {MAX_DECIMALS} decimals", excerpt(text)),
        ));
    }
    // Trailing zeros beyond ten decimals carry no value: drop them so the
    // mantissa stays exact (at most 20 digits) and within Decimal's 28.
    let frac = &frac[..frac.len().min(MAX_DECIMALS as usize)];
    // What `Decimal::from_str` makes of the canonical text, without the
    // text: the digits are the mantissa, the decimals the scale (and, as
    // there, "-0" is plain zero).
    // At most 20 digits: u64 holds 19 of them, u128 all.
    let digits = || int.iter().chain(frac).map(|b| b - b'0');
    let magnitude = if int.len() + frac.len() <= 19 {
        i128::from(digits().fold(0u64, |m, d| m * 10 + u64::from(d)))
    } else {
        digits().fold(0i128, |m, d| m * 10 + i128::from(d))
    };
    let mantissa = if negative { -magnitude } else { magnitude };
    Decimal::try_from_i128_with_scale(mantissa, frac.len() as u32).map_err(|_| bad())
}

/// A calendar date written exactly `YYYY-MM-DD`.
pub(crate) fn date(value: &Node<'_>, path: Path<'_>) -> Result<NaiveDate, Error> {
    let text = match value {
        Node::String(s) => s,
        other => return Err(expected(other, path, "a date string \"YYYY-MM-DD\"")),
    };
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err(Error::new(
            path,
            format!(
                "\"{}\" is not a date: write it as YYYY-MM-DD, e.g. \"2026-11-21\"",
                excerpt(text)
            ),
        ));
    }
    // All ten bytes are ASCII digits or '-', so these slices are safe.
    // Checked digits: read without `str` slicing, whose panic path (never
    // taken here) costs the module its char-escaping tables.
    let num = |range: std::ops::Range<usize>| {
        b[range]
            .iter()
            .fold(0u32, |n, d| n * 10 + u32::from(d - b'0'))
    };
    let (y, m, d) = (num(0..4), num(5..7), num(8..10));
    NaiveDate::from_ymd_opt(y as i32, m, d).ok_or_else(|| {
        let why = if !(1..=12).contains(&m) {
            "there is no month ".to_owned() + text.get(5..7).unwrap_or("")
        } else {
            let days = crate::calendar::days_in_month(y as i32, m);
            format!("that month has {days} days")
        };
        Error::new(path, format!("{text} is not a calendar date: {why}"))
    })
}

pub(crate) fn choice<T: Copy>(
    value: &Node<'_>,
    path: Path<'_>,
    options: &[(&'static str, T)],
) -> Result<T, Error> {
    if let Node::String(text) = value {
        if let Some((_, v)) = options.iter().find(|(name, _)| name == text) {
            return Ok(*v);
        }
    }
    Err(not_one_of(value, path, options))
}

/// [`not_a_choice`] with the names of `options`: out of line, so that
/// every reader of an enum does not carry its own copy.
#[cold]
#[inline(never)]
fn not_one_of<T>(value: &Node<'_>, path: Path<'_>, options: &[(&'static str, T)]) -> Error {
    not_a_choice(
        value,
        path,
        &options.iter().map(|(name, _)| *name).collect::<Vec<_>>(),
    )
}

/// The error of a value that is none of `names`: written once, not once
/// per enum (it is most of [`choice`]'s code).
#[inline(never)]
fn not_a_choice(value: &Node<'_>, path: Path<'_>, names: &[&str]) -> Error {
    let list = names
        .iter()
        .map(|name| format!("\"{name}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let Node::String(text) = value else {
        return Error::new(
            path,
            format!("must be one of {list}, got {}", value.describe()),
        );
    };
    let hint = closest(text, names)
        .map(|n| format!(" — did you mean \"{n}\"?"))
        .unwrap_or_default();
    Error::new(
        path,
        format!("\"{}\" is not one of {list}{hint}", excerpt(text)),
    )
}

pub(crate) fn optional<T>(
    fields: &Fields<'_>,
    key: &str,
    read: impl FnOnce(&Node<'_>, Path<'_>) -> Result<T, Error>,
) -> Result<Option<T>, Error> {
    fields
        .get(key)
        .map(|v| read(v, fields.path(key)))
        .transpose()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn float(f: f64) -> Node<'static> {
        Node::Float(f, crate::value::float_text(f).into())
    }

    #[test]
    fn decimals_are_strict() {
        for ok in ["0", "4.90", "1000000000", "0.0000000001", "-5", "007.50"] {
            assert!(parse_decimal(ok, "p".into()).is_ok(), "{ok}");
        }
        for bad in [
            "", " 5.00", "5,00", "1e3", "1_000", "+5", ".5", "5.", "5.0.0", "--5", "0x10",
        ] {
            assert!(parse_decimal(bad, "p".into()).is_err(), "{bad:?}");
        }
        assert_eq!(
            parse_decimal("4.9000000000000", "p".into())
                .unwrap()
                .to_string(),
            "4.9000000000"
        );
        assert!(parse_decimal("0.00000000001", "p".into()).is_err());
        assert!(parse_decimal("12345678901", "p".into()).is_err());
    }

    #[test]
    fn decimals_equal_what_from_str_reads() {
        use std::str::FromStr;
        for text in [
            "0",
            "-0",
            "-0.00",
            "4.90",
            "007.50",
            "1000000000",
            "9999999999.9999999999",
            "0.0000000001",
            "-5",
            "-12.340",
            "1.0000000000000",
            "00000000000000000001.5",
            "0.10000000000000000000",
            "1844674407.3709551615",
            "123456789.123456789",
        ] {
            let ours = parse_decimal(text, "p".into()).unwrap();
            // What the parser did before it built the mantissa itself.
            let unsigned = text.trim_start_matches('-');
            let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
            let (int, frac) = (int.trim_start_matches('0'), &frac[..frac.len().min(10)]);
            let canonical = format!(
                "{}{}{}{frac}",
                if text.starts_with('-') { "-" } else { "" },
                if int.is_empty() { "0" } else { int },
                if frac.is_empty() { "" } else { "." },
            );
            let theirs = Decimal::from_str(&canonical).unwrap();
            assert_eq!(ours.to_string(), theirs.to_string(), "{text}");
            assert_eq!(ours.is_sign_negative(), theirs.is_sign_negative(), "{text}");
            assert_eq!(ours.scale(), theirs.scale(), "{text}");
        }
    }

    #[test]
    fn floats_read_through_their_shortest_form() {
        let d = amount(&float(4.9), "p".into()).unwrap();
        assert_eq!(d.to_string(), "4.9");
        // 0.1 + 0.2 is 0.30000000000000004: more than ten decimals.
        assert!(amount(&float(0.1 + 0.2), "p".into()).is_err());
        assert!(amount(&float(f64::NAN), "p".into()).is_err());
        assert!(amount(&float(f64::INFINITY), "p".into()).is_err());
    }

    #[test]
    fn counts_are_whole() {
        assert_eq!(count(&float(-0.0), "p".into()).unwrap(), 0);
        assert_eq!(count(&float(3.0), "p".into()).unwrap(), 3);
        assert!(count(&float(2.5), "p".into()).is_err());
        assert!(count(&Node::Int(-1), "p".into()).is_err());
        assert!(count(&Node::String("5"), "p".into()).is_err());
        assert!(count(&float(f64::NAN), "p".into()).is_err());
    }

    #[test]
    fn dates_are_strict() {
        let ok = date(&Node::String("2024-02-29"), "d".into()).unwrap();
        assert_eq!(ok.to_string(), "2024-02-29");
        let err = date(&Node::String("2026-02-30"), "d".into()).unwrap_err();
        assert!(err.message().contains("28 days"), "{err}");
        for bad in [
            "2026-2-3",
            "26-02-03",
            "2026/02/03",
            "2026-02-03T00:00",
            "２０２６-02-03",
        ] {
            assert!(date(&Node::String(bad), "d".into()).is_err(), "{bad}");
        }
    }
}
