//! From a [`Value`] tree to typed requests: the *shape* of the input (types,
//! formats, enum spellings, unknown fields). Ranges and rules between fields
//! are checked by [`crate::validate`], so a request built in Rust gets the
//! same checks as one that came from JSON or JavaScript.

use crate::error::{Error, Range};
use crate::limits::{MAX_DECIMALS, MAX_INTEGER_DIGITS};
use crate::types::*;
use crate::value::{excerpt, Node, Value};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The path of a field as a chain of keys, written out
/// (`"subscription.seats"`) only when an error names it: building every
/// field's path up front cost more than reading the field.
#[derive(Clone, Copy)]
struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    key: &'a str,
}

impl<'a> Path<'a> {
    /// A path written out already: `""` (the request), `"subscription"`, …
    const fn new(path: &'a str) -> Self {
        Path {
            parent: None,
            key: path,
        }
    }

    fn child(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            key,
        }
    }

    /// `parent.key`, or `key` under an empty parent.
    fn render(&self) -> String {
        match self.parent.map(Path::render) {
            Some(parent) if !parent.is_empty() => format!("{parent}.{}", self.key),
            _ => self.key.to_owned(),
        }
    }
}

impl<'a> From<&'a str> for Path<'a> {
    fn from(path: &'a str) -> Self {
        Path::new(path)
    }
}

impl From<Path<'_>> for String {
    fn from(path: Path<'_>) -> String {
        path.render()
    }
}

/// The fields of an object, checked against the names it may have.
struct Fields<'a> {
    path: Path<'a>,
    entries: &'a [(&'a str, Node<'a>)],
}

impl<'a> Fields<'a> {
    fn new(value: &'a Node<'a>, path: Path<'a>, known: &[&str]) -> Result<Self, Error> {
        let Node::Object(entries) = value else {
            let path = path.render();
            let what = if path.is_empty() {
                "the request"
            } else {
                &path
            };
            let message = format!("{what} must be an object, got {}", value.describe());
            return Err(Error::new(path, message));
        };
        for (key, _) in entries {
            if !known.contains(key) {
                let hint = match closest(key, known) {
                    Some(near) => format!(" — did you mean \"{near}\"?"),
                    None => format!("; known fields: {}", known.join(", ")),
                };
                return Err(Error::new(
                    path.child(key),
                    format!("unknown field \"{}\"{hint}", excerpt(key)),
                ));
            }
        }
        Ok(Fields { path, entries })
    }

    /// The value of `key`; `None` when absent, `null` or `undefined`.
    #[inline]
    fn get(&self, key: &str) -> Option<&'a Node<'a>> {
        self.entries
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, Node::Null))
    }

    #[inline]
    fn required(&self, key: &str, what: &str) -> Result<&'a Node<'a>, Error> {
        self.get(key).ok_or_else(|| {
            Error::new(
                self.path.child(key),
                format!("\"{key}\" is missing: give {what}"),
            )
        })
    }

    fn path<'s>(&'s self, key: &'s str) -> Path<'s> {
        self.path.child(key)
    }
}

/// The known name nearest to a misspelt one (at most two edits away).
fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    // Names whose lengths differ by more than two are more than two edits
    // apart: skipping them keeps a megabyte-long key from costing a
    // megabyte × name-length distance table per known name.
    let len = key.chars().count();
    known
        .iter()
        .filter(|k| k.chars().count().abs_diff(len) <= 2)
        .map(|k| (edit_distance(key, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// A whole, non-negative number (ranges are checked later).
fn count(value: &Node<'_>, path: Path<'_>) -> Result<u32, Error> {
    let whole = match value {
        Node::Int(i) => u32::try_from(*i).ok(),
        // -0 is 0; 3.0 is 3. Fractions, NaN and infinities are not counts.
        Node::Float(f, _) if f.fract() == 0.0 && *f >= 0.0 && *f <= f64::from(u32::MAX) => {
            Some(*f as u32)
        }
        _ => None,
    };
    whole.ok_or_else(|| {
        let got = value.describe();
        Error::new(
            path,
            format!("must be a whole number of 0 or more, got {got}"),
        )
    })
}

fn boolean(value: &Node<'_>, path: Path<'_>) -> Result<bool, Error> {
    match value {
        Node::Bool(b) => Ok(*b),
        other => Err(Error::new(
            path,
            format!("must be true or false, got {}", other.describe()),
        )),
    }
}

fn string<'v>(value: &'v Node<'_>, path: Path<'_>) -> Result<&'v str, Error> {
    match value {
        Node::String(s) => Ok(s),
        other => Err(Error::new(
            path,
            format!("must be a string, got {}", other.describe()),
        )),
    }
}

/// A decimal amount: a string such as `"4.90"`, or a finite number read
/// through its shortest round-trip decimal form (`4.9` → `4.9`).
fn amount(value: &Node<'_>, path: Path<'_>) -> Result<Decimal, Error> {
    match value {
        Node::String(s) => parse_decimal(s, path),
        Node::Int(i) => Ok(Decimal::from(*i)),
        Node::Float(f, text) if f.is_finite() => parse_decimal(text, path),
        other => Err(Error::new(
            path,
            format!(
                "must be a decimal string such as \"4.90\" (or a finite number), got {}",
                other.describe()
            ),
        )),
    }
}


/// Strict decimal syntax: optional `-`, digits, optional `.` and digits.
/// No spaces, `+`, `_`, exponents or commas: a checkout must not guess.
fn parse_decimal(text: &str, path: Path<'_>) -> Result<Decimal, Error> {
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
        return Err(Error::out_of_range(path, excerpt(text), Range::Amounts));
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
fn date(value: &Node<'_>, path: Path<'_>) -> Result<NaiveDate, Error> {
    let text = match value {
        Node::String(s) => s,
        other => {
            return Err(Error::new(
                path,
                format!(
                    "must be a date string \"YYYY-MM-DD\", got {}",
                    other.describe()
                ),
            ))
        }
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

fn choice<T: Copy>(
    value: &Node<'_>,
    path: Path<'_>,
    options: &[(&'static str, T)],
) -> Result<T, Error> {
    let list = || {
        options
            .iter()
            .map(|(name, _)| format!("\"{name}\""))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let Node::String(text) = value else {
        return Err(Error::new(
            path,
            format!("must be one of {}, got {}", list(), value.describe()),
        ));
    };
    if let Some((_, v)) = options.iter().find(|(name, _)| name == text) {
        return Ok(*v);
    }
    let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
    let hint = closest(text, &names)
        .map(|n| format!(" — did you mean \"{n}\"?"))
        .unwrap_or_default();
    Err(Error::new(
        path,
        format!("\"{}\" is not one of {}{hint}", excerpt(text), list()),
    ))
}

fn optional<T>(
    fields: &Fields<'_>,
    key: &str,
    read: impl FnOnce(&Node<'_>, Path<'_>) -> Result<T, Error>,
) -> Result<Option<T>, Error> {
    fields
        .get(key)
        .map(|v| read(v, fields.path(key)))
        .transpose()
}

// ------------------------------------------------------------- the requests

impl QuoteRequest {
    /// Reads a request from a [`Value`] tree, reporting the first problem
    /// with the path of its field.
    ///
    /// # Errors
    /// An [`Error`] for a missing or unknown field, a wrong type, a malformed
    /// date or amount, or an unknown enum value.
    ///
    /// # Example
    /// ```
    /// use seatquote::{value::Value, QuoteRequest};
    /// let err = QuoteRequest::from_value(&Value::Array(vec![])).unwrap_err();
    /// assert_eq!(err.path(), "");
    /// ```
    pub fn from_value(value: &Value) -> Result<Self, Error> {
        Self::from_node(&Node::from(value))
    }

    /// [`Self::from_value`] of the parser's view of a value.
    pub(crate) fn from_node(value: &Node<'_>) -> Result<Self, Error> {
        const KNOWN: &[&str] = &[
            "subscription",
            "target_seats",
            "as_of",
            "actor",
            "policy",
            "locale",
        ];
        let f = Fields::new(value, Path::new(""), KNOWN)?;
        Ok(QuoteRequest {
            subscription: subscription(f.required("subscription", "the subscription")?)?,
            target_seats: count(
                f.required("target_seats", "the number of renewing seats wanted")?,
                f.path("target_seats"),
            )?,
            as_of: optional(&f, "as_of", date)?,
            actor: optional(&f, "actor", actor)?,
            policy: optional(&f, "policy", policy)?.unwrap_or_default(),
            locale: optional(&f, "locale", |v, p| choice(v, p, Locale::ALL))?.unwrap_or(Locale::En),
        })
    }

    /// Reads a request from JSON.
    ///
    /// # Errors
    /// As [`QuoteRequest::from_value`], and for text that is not JSON.
    ///
    /// # Example
    /// ```
    /// let err = seatquote::QuoteRequest::from_json(r#"{"target_seats": 2.5}"#).unwrap_err();
    /// assert_eq!(err.path(), "subscription");
    /// ```
    pub fn from_json(json: &str) -> Result<Self, Error> {
        Self::from_value(&value_from_json(json)?)
    }
}

impl CancellationRequest {
    /// Reads a cancellation request from a [`Value`] tree.
    ///
    /// # Errors
    /// As [`QuoteRequest::from_value`].
    ///
    /// # Example
    /// ```
    /// use seatquote::{value::Value, CancellationRequest};
    /// let err = CancellationRequest::from_value(&Value::Null).unwrap_err();
    /// assert_eq!(err.code(), "INVALID_INPUT");
    /// ```
    pub fn from_value(value: &Value) -> Result<Self, Error> {
        Self::from_node(&Node::from(value))
    }

    /// [`Self::from_value`] of the parser's view of a value.
    pub(crate) fn from_node(value: &Node<'_>) -> Result<Self, Error> {
        const KNOWN: &[&str] = &[
            "subscription",
            "seats_to_cancel",
            "as_of",
            "actor",
            "policy",
            "locale",
        ];
        let f = Fields::new(value, Path::new(""), KNOWN)?;
        Ok(CancellationRequest {
            subscription: subscription(f.required("subscription", "the subscription")?)?,
            seats_to_cancel: count(
                f.required("seats_to_cancel", "how many seats to cancel")?,
                f.path("seats_to_cancel"),
            )?,
            as_of: optional(&f, "as_of", date)?,
            actor: optional(&f, "actor", actor)?,
            policy: optional(&f, "policy", policy)?.unwrap_or_default(),
            locale: optional(&f, "locale", |v, p| choice(v, p, Locale::ALL))?.unwrap_or(Locale::En),
        })
    }

    /// Reads a cancellation request from JSON.
    ///
    /// # Errors
    /// As [`CancellationRequest::from_value`], and for text that is not JSON.
    ///
    /// # Example
    /// ```
    /// let err = seatquote::CancellationRequest::from_json("[").unwrap_err();
    /// assert_eq!(err.path(), "");
    /// ```
    pub fn from_json(json: &str) -> Result<Self, Error> {
        Self::from_value(&value_from_json(json)?)
    }
}

impl TableRange {
    /// Reads the range of a price table from a [`Value`] tree: an object
    /// with exactly the whole numbers `from` and `to` (paths `range.from`,
    /// `range.to`; `range` when it is not an object).
    ///
    /// # Errors
    /// An [`Error`] for a missing, unknown or mistyped field.
    ///
    /// # Example
    /// ```
    /// use seatquote::{value::Value, TableRange};
    /// let range = Value::Object(vec![("from".into(), Value::Int(1)), ("to".into(), Value::Int(9))]);
    /// assert_eq!(TableRange::from_value(&range)?, TableRange { from: 1, to: 9 });
    /// let err = TableRange::from_value(&Value::Object(vec![("from".into(), Value::Int(1))])).unwrap_err();
    /// assert_eq!(err.path(), "range.to");
    /// # Ok::<(), seatquote::Error>(())
    /// ```
    pub fn from_value(value: &Value) -> Result<Self, Error> {
        Self::from_node(&Node::from(value))
    }

    /// [`Self::from_value`] of the parser's view of a value.
    pub(crate) fn from_node(value: &Node<'_>) -> Result<Self, Error> {
        let f = Fields::new(value, Path::new("range"), &["from", "to"])?;
        Ok(TableRange {
            from: count(
                f.required("from", "the first target seat count")?,
                f.path("from"),
            )?,
            to: count(
                f.required("to", "the last target seat count (included)")?,
                f.path("to"),
            )?,
        })
    }
}

pub(crate) fn value_from_json(json: &str) -> Result<Value, Error> {
    serde_json::from_str(json).map_err(|e| Error::new("", format!("not valid JSON: {e}")))
}

fn subscription(value: &Node<'_>) -> Result<Subscription, Error> {
    const P: &str = "subscription";
    const KNOWN: &[&str] = &[
        "plan",
        "interval",
        "billing_anchor",
        "currency",
        "seats",
        "seats_in_use",
        "pending_cancellations",
        "status",
        "tax_rate",
        "prices_include_tax",
    ];
    let f = Fields::new(value, Path::new(P), KNOWN)?;
    let currency = string(
        f.required("currency", "an ISO 4217 code such as \"EUR\"")?,
        f.path("currency"),
    )?;
    Ok(Subscription {
        plan: plan(f.required("plan", "the plan")?)?,
        interval: choice(
            f.required("interval", "\"month\" or \"year\"")?,
            f.path("interval"),
            Interval::ALL,
        )?,
        billing_anchor: date(
            f.required("billing_anchor", "the date billing periods count from")?,
            f.path("billing_anchor"),
        )?,
        currency: currency.to_owned(),
        seats: count(
            f.required("seats", "the number of seats paid for")?,
            f.path("seats"),
        )?,
        seats_in_use: count(
            f.required("seats_in_use", "the number of seats assigned to users")?,
            f.path("seats_in_use"),
        )?,
        pending_cancellations: optional(&f, "pending_cancellations", count)?.unwrap_or(0),
        status: optional(&f, "status", |v, p| choice(v, p, Status::ALL))?.unwrap_or(Status::Active),
        tax_rate: optional(&f, "tax_rate", amount)?.unwrap_or(Decimal::ZERO),
        prices_include_tax: optional(&f, "prices_include_tax", boolean)?.unwrap_or(false),
    })
}

fn plan(value: &Node<'_>) -> Result<Plan, Error> {
    const P: &str = "subscription.plan";
    const KNOWN: &[&str] = &[
        "id",
        "name",
        "allows_additional_seats",
        "included_seats",
        "min_seats",
        "max_seats",
        "prices",
    ];
    let f = Fields::new(value, Path::new(P), KNOWN)?;
    Ok(Plan {
        id: string(f.required("id", "the plan's id")?, f.path("id"))?.to_owned(),
        name: optional(&f, "name", |v, p| string(v, p).map(str::to_owned))?,
        allows_additional_seats: boolean(
            f.required(
                "allows_additional_seats",
                "true if seats can be bought on this plan",
            )?,
            f.path("allows_additional_seats"),
        )?,
        included_seats: optional(&f, "included_seats", count)?.unwrap_or(0),
        min_seats: optional(&f, "min_seats", count)?,
        max_seats: optional(&f, "max_seats", count)?,
        prices: prices(f.required("prices", "the prices per interval")?)?,
    })
}

fn prices(value: &Node<'_>) -> Result<Prices, Error> {
    let f = Fields::new(
        value,
        Path::new("subscription.plan.prices"),
        &["month", "year"],
    )?;
    Ok(Prices {
        month: optional(&f, "month", price)?,
        year: optional(&f, "year", price)?,
    })
}

fn price(value: &Node<'_>, path: Path<'_>) -> Result<Price, Error> {
    let f = Fields::new(value, path, &["base", "seat"])?;
    Ok(Price {
        base: amount(
            f.required("base", "the base price, e.g. \"10.00\"")?,
            f.path("base"),
        )?,
        seat: amount(
            f.required("seat", "the price per extra seat, e.g. \"5.00\"")?,
            f.path("seat"),
        )?,
    })
}

fn actor(value: &Node<'_>, path: Path<'_>) -> Result<Actor, Error> {
    let f = Fields::new(value, path, &["role"])?;
    Ok(Actor {
        role: choice(
            f.required("role", "the actor's role")?,
            f.path("role"),
            Role::ALL,
        )?,
    })
}

fn policy(value: &Node<'_>, path: Path<'_>) -> Result<Policy, Error> {
    const KNOWN: &[&str] = &[
        "proration",
        "placement",
        "threshold_days",
        "decrease",
        "anchor",
        "rounding",
    ];
    let f = Fields::new(value, path, KNOWN)?;
    let d = Policy::default();
    Ok(Policy {
        proration: optional(&f, "proration", |v, p| choice(v, p, Proration::ALL))?
            .unwrap_or(d.proration),
        placement: optional(&f, "placement", |v, p| choice(v, p, PlacementPolicy::ALL))?
            .unwrap_or(d.placement),
        threshold_days: optional(&f, "threshold_days", count)?.unwrap_or(d.threshold_days),
        decrease: optional(&f, "decrease", |v, p| choice(v, p, Decrease::ALL))?
            .unwrap_or(d.decrease),
        anchor: optional(&f, "anchor", |v, p| choice(v, p, AnchorPolicy::ALL))?.unwrap_or(d.anchor),
        rounding: optional(&f, "rounding", |v, p| choice(v, p, Rounding::ALL))?
            .unwrap_or(d.rounding),
    })
}

/// Request types deserialize through the [`Value`] tree, so that serde
/// users get the same checks and messages (with the field's path) as
/// JavaScript callers.
macro_rules! deserialize_via_value {
    ($($ty:ty => $read:expr),+ $(,)?) => {$(
        impl<'de> serde::Deserialize<'de> for $ty {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let value = <Value as serde::Deserialize>::deserialize(d)?;
                let read: fn(&Node<'_>) -> Result<$ty, Error> = $read;
                read(&Node::from(&value)).map_err(serde::de::Error::custom)
            }
        }
    )+};
}

deserialize_via_value!(
    QuoteRequest => QuoteRequest::from_node,
    CancellationRequest => CancellationRequest::from_node,
    Subscription => subscription,
    Plan => plan,
    Prices => prices,
    Price => |v| price(v, Path::new("price")),
    Actor => |v| actor(v, Path::new("actor")),
    Policy => |v| policy(v, Path::new("policy")),
);

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
    fn paths_are_written_as_joined_keys() {
        let root = Path::new("");
        let sub = root.child("subscription");
        assert_eq!(sub.render(), "subscription");
        assert_eq!(sub.child("seats").render(), "subscription.seats");
        assert_eq!(root.child("").render(), "");
        assert_eq!(sub.child("").render(), "subscription.");
        let prices = Path::new("subscription.plan.prices");
        let price = prices.child("month");
        assert_eq!(
            price.child("seat").render(),
            "subscription.plan.prices.month.seat"
        );
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

    #[test]
    fn huge_input_gives_a_short_message_at_once() {
        // A megabyte-long key, enum value or amount: the path names the
        // field, the message quotes 40 characters, and the "did you mean"
        // search does not compare a megabyte with every known name.
        let long = "seats_in_use".to_owned() + &"e".repeat(1 << 20);
        let json = format!(r#"{{"subscription": {{"{long}": 1}}}}"#);
        let err = QuoteRequest::from_json(&json).unwrap_err();
        assert_eq!(err.path(), format!("subscription.{long}"));
        assert!(err.message().len() < 300, "{}", err.message().len());
        assert!(err.message().contains("…"));
        for (field, value) in [("locale", "d"), ("as_of", "2"), ("target_seats", "5")] {
            let json = format!(r#"{{"{field}": "{}"}}"#, value.repeat(1 << 20));
            let value = value_from_json(&json).unwrap();
            let Node::Object(entries) = Node::from(&value) else {
                unreachable!()
            };
            let err = match field {
                "locale" => choice(&entries[0].1, field.into(), Locale::ALL).map(|_| ()),
                "as_of" => date(&entries[0].1, field.into()).map(|_| ()),
                _ => count(&entries[0].1, field.into()).map(|_| ()),
            }
            .unwrap_err();
            assert!(
                err.message().len() < 300,
                "{field}: {}",
                err.message().len()
            );
        }
        for amount in ["1".repeat(1 << 20), format!("0.{}", "1".repeat(1 << 20))] {
            let err = parse_decimal(&amount, "p".into()).unwrap_err();
            assert!(err.message().len() < 100, "{}", err.message());
        }
        assert_eq!(closest(&"x".repeat(1 << 20), &["seats"]), None);
        assert_eq!(closest("seat", &["seats"]), Some("seats"));
    }

    #[test]
    fn typos_get_a_suggestion() {
        let err = QuoteRequest::from_json(r#"{"subscription": {"seat_in_use": 1}}"#).unwrap_err();
        assert_eq!(err.path(), "subscription.seat_in_use");
        assert!(
            err.message().contains("did you mean \"seats_in_use\""),
            "{err}"
        );
    }
}
