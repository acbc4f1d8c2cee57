//! The objects of a request, each read at the path its caller gives: a
//! plan is read at `subscription.plan` today, and may be read elsewhere.

use super::fields::{Fields, Path};
use super::keys;
use super::scalars::{amount, boolean, choice, count, date, optional, string};
use crate::error::Error;
use crate::limits::MAX_TIERS;
use crate::types::*;
use crate::value::{Node, Value};
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The fields every request has, read in one place.
struct Shared {
    subscription: Subscription,
    as_of: Option<NaiveDate>,
    actor: Option<Actor>,
    policy: Policy,
    locale: Locale,
}

/// Reads a request object with the `known` fields: the shared ones, and
/// its own ones by `own` (read right after the subscription, in the order
/// the fields are listed, so the first problem reported stays the first).
/// `own` is a `dyn` and keeps what it reads: this is compiled once for
/// both requests, not once per request (3 KB of WebAssembly).
fn request(
    value: &Node<'_>,
    known: &[&str],
    own: &mut dyn FnMut(&Fields<'_>) -> Result<(), Error>,
) -> Result<Shared, Error> {
    use keys::request as k;
    let f = Fields::new(value, Path::new(""), known)?;
    let subscription = f.read(k::subscription, "the subscription", subscription)?;
    own(&f)?;
    Ok(Shared {
        subscription,
        as_of: optional(&f, k::as_of, date)?,
        actor: optional(&f, k::actor, actor)?,
        policy: optional(&f, k::policy, policy)?.unwrap_or_default(),
        locale: optional(&f, k::locale, |v, p| choice(v, p, Locale::ALL))?.unwrap_or(Locale::En),
    })
}

/// `from_node` and `from_json` of a request type: the shared fields, and
/// its own ones (`$own`, each with its reader) listed right after the
/// subscription.
macro_rules! request_readers {
    ($ty:ident { $($own:ident: $read:expr),+ $(,)? }, $doc_errors:literal, $example:literal) => {
        impl $ty {
            /// Reads the request from the parser's view of a value.
            pub(crate) fn from_node(value: &Node<'_>) -> Result<Self, Error> {
                use keys::request as k;
                const KNOWN: &[&str] = &[
                    k::subscription,
                    $(k::$own,)+
                    k::as_of,
                    k::actor,
                    k::policy,
                    k::locale,
                ];
                let mut own = None;
                let shared = request(value, KNOWN, &mut |f| {
                    own = Some(($(($read)(f)?,)+));
                    Ok(())
                })?;
                let ($($own,)+) = own.ok_or_else(Error::internal)?;
                Ok($ty {
                    subscription: shared.subscription,
                    $($own,)+
                    as_of: shared.as_of,
                    actor: shared.actor,
                    policy: shared.policy,
                    locale: shared.locale,
                })
            }

            /// Reads the request from JSON, reporting the first problem with
            /// the path of its field.
            ///
            /// # Errors
            #[doc = $doc_errors]
            ///
            /// # Example
            /// ```
            #[doc = $example]
            /// ```
            pub fn from_json(json: &str) -> Result<Self, Error> {
                Self::from_node(&Node::from(&value_from_json(json)?))
            }
        }
    };
}

request_readers!(
    QuoteRequest {
        target_seats: |f: &Fields<'_>| f.read(
            keys::request::target_seats,
            "the number of renewing seats wanted",
            count
        ),
        target_plan: |f: &Fields<'_>| optional(f, keys::request::target_plan, plan),
        target_interval: |f: &Fields<'_>| optional(f, keys::request::target_interval, interval),
    },
    "An [`Error`] for text that is not JSON, a missing or unknown field, a wrong type, a malformed date or amount, or an unknown enum value.",
    "let err = seatquote::QuoteRequest::from_json(r#\"{\"target_seats\": 2.5}\"#).unwrap_err();\nassert_eq!(err.path(), \"subscription\");"
);

request_readers!(
    CancellationRequest {
        seats_to_cancel: |f: &Fields<'_>| f.read(
            keys::request::seats_to_cancel,
            "how many seats to cancel",
            count
        ),
    },
    "As [`QuoteRequest::from_json`].",
    "let err = seatquote::CancellationRequest::from_json(\"[\").unwrap_err();\nassert_eq!(err.path(), \"\");"
);

impl TableRange {
    /// Reads the range of a price table: an object with exactly the whole
    /// numbers `from` and `to` (paths `range.from`, `range.to`; `range` when
    /// it is not an object).
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    pub(crate) fn from_node(value: &Node<'_>) -> Result<Self, Error> {
        use keys::range as k;
        let f = Fields::new(value, Path::new("range"), k::ALL)?;
        Ok(TableRange {
            from: f.read(k::from, "the first target seat count", count)?,
            to: f.read(k::to, "the last target seat count (included)", count)?,
        })
    }
}

pub(crate) fn value_from_json(json: &str) -> Result<Value, Error> {
    serde_json::from_str(json).map_err(|e| Error::new("", format!("not valid JSON: {e}")))
}

fn subscription(value: &Node<'_>, path: Path<'_>) -> Result<Subscription, Error> {
    use keys::subscription as k;
    let f = Fields::new(value, path, k::ALL)?;
    let currency = f.read(k::currency, "an ISO 4217 code such as \"EUR\"", string)?;
    Ok(Subscription {
        plan: f.read(k::plan, "the plan", plan)?,
        interval: f.read(k::interval, "\"month\" or \"year\"", interval)?,
        billing_anchor: f.read(
            k::billing_anchor,
            "the date billing periods count from",
            date,
        )?,
        currency: currency.to_owned(),
        seats: f.read(k::seats, "the number of seats paid for", count)?,
        seats_in_use: f.read(
            k::seats_in_use,
            "the number of seats assigned to users",
            count,
        )?,
        pending_cancellations: optional(&f, k::pending_cancellations, count)?.unwrap_or(0),
        status: optional(&f, k::status, |v, p| choice(v, p, Status::ALL))?
            .unwrap_or(Status::Active),
        tax_rate: optional(&f, k::tax_rate, amount)?.unwrap_or(Decimal::ZERO),
        prices_include_tax: optional(&f, k::prices_include_tax, boolean)?.unwrap_or(false),
    })
}

fn plan(value: &Node<'_>, path: Path<'_>) -> Result<Plan, Error> {
    use keys::plan as k;
    let f = Fields::new(value, path, k::ALL)?;
    Ok(Plan {
        id: f.read(k::id, "the plan's id", name)?,
        name: optional(&f, k::name, name)?,
        allows_additional_seats: f.read(
            k::allows_additional_seats,
            "true if seats can be bought on this plan",
            boolean,
        )?,
        included_seats: optional(&f, k::included_seats, count)?.unwrap_or(0),
        min_seats: optional(&f, k::min_seats, count)?,
        max_seats: optional(&f, k::max_seats, count)?,
        prices: f.read(k::prices, "the prices per interval", prices)?,
    })
}

fn interval(value: &Node<'_>, path: Path<'_>) -> Result<Interval, Error> {
    choice(value, path, Interval::ALL)
}

/// A plan's id or name: checked for its length before it is copied.
fn name(value: &Node<'_>, path: Path<'_>) -> Result<String, Error> {
    let text = string(value, path)?;
    crate::validate::name(text, || path.render())?;
    Ok(text.to_owned())
}

fn prices(value: &Node<'_>, path: Path<'_>) -> Result<Prices, Error> {
    use keys::prices as k;
    let f = Fields::new(value, path, k::ALL)?;
    Ok(Prices {
        month: optional(&f, k::month, price)?,
        year: optional(&f, k::year, price)?,
    })
}

fn price(value: &Node<'_>, path: Path<'_>) -> Result<Price, Error> {
    use keys::price as k;
    let f = Fields::new(value, path, k::ALL)?;
    Ok(Price {
        base: f.read(k::base, "the base price, e.g. \"10.00\"", amount)?,
        seat: optional(&f, k::seat, amount)?,
        tiers_mode: optional(&f, k::tiers_mode, |v, p| choice(v, p, TiersMode::ALL))?,
        tiers: optional(&f, k::tiers, tiers)?,
    })
}

/// The tiers of a price: an array of at most [`MAX_TIERS`] tiers, each at
/// `tiers.<index>`. A longer array is refused by its length alone: its
/// items were never read.
#[inline(never)]
fn tiers(value: &Node<'_>, path: Path<'_>) -> Result<Vec<Tier>, Error> {
    let Node::Array(len, items) = value else {
        let message = "must be an array of tiers ({ up_to, unit, flat }), got ";
        return Err(Error::new(path, message.to_owned() + &value.describe()));
    };
    if *len > MAX_TIERS {
        return Err(crate::pricing::tier_count_error(*len, path.render()));
    }
    let mut read = Vec::with_capacity(items.len());
    for (i, item) in (0u32..).zip(items) {
        let index = format!("{i}");
        read.push(tier(item, path.child(&index))?);
    }
    Ok(read)
}

fn tier(value: &Node<'_>, path: Path<'_>) -> Result<Tier, Error> {
    use keys::tier as k;
    let f = Fields::new(value, path, k::ALL)?;
    Ok(Tier {
        up_to: optional(&f, k::up_to, count)?,
        unit: f.read(
            k::unit,
            "the price per seat of the tier, e.g. \"6.50\"",
            amount,
        )?,
        flat: optional(&f, k::flat, amount)?,
    })
}

fn actor(value: &Node<'_>, path: Path<'_>) -> Result<Actor, Error> {
    use keys::actor as k;
    let f = Fields::new(value, path, k::ALL)?;
    Ok(Actor {
        role: f.read(k::role, "the actor's role", |v, p| choice(v, p, Role::ALL))?,
    })
}

fn policy(value: &Node<'_>, path: Path<'_>) -> Result<Policy, Error> {
    use keys::policy as k;
    let f = Fields::new(value, path, k::ALL)?;
    let d = Policy::default();
    Ok(Policy {
        proration: optional(&f, k::proration, |v, p| choice(v, p, Proration::ALL))?
            .unwrap_or(d.proration),
        placement: optional(&f, k::placement, |v, p| choice(v, p, PlacementPolicy::ALL))?
            .unwrap_or(d.placement),
        threshold_days: optional(&f, k::threshold_days, count)?.unwrap_or(d.threshold_days),
        decrease: optional(&f, k::decrease, |v, p| choice(v, p, Decrease::ALL))?
            .unwrap_or(d.decrease),
        anchor: optional(&f, k::anchor, |v, p| choice(v, p, AnchorPolicy::ALL))?
            .unwrap_or(d.anchor),
        rounding: optional(&f, k::rounding, |v, p| choice(v, p, Rounding::ALL))?
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
    Subscription => |v| subscription(v, Path::new("subscription")),
    Plan => |v| plan(v, Path::new("subscription.plan")),
    Prices => |v| prices(v, Path::new("subscription.plan.prices")),
    Price => |v| price(v, Path::new("price")),
    Actor => |v| actor(v, Path::new("actor")),
    Policy => |v| policy(v, Path::new("policy")),
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::fields::closest;
    use crate::parse::scalars::parse_decimal;

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
