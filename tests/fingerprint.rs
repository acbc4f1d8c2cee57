//! The fingerprint of an answer: the same for an English and a German
//! preview of one request, and changed exactly when something the customer
//! agrees to changes (raise the case count with `PROPTEST_CASES=10000`).

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use seatquote::*;
use serde_json::Value;
use std::{fs, path::Path};

include!("support/strategies.rs");

/// The answer without its texts and its fingerprint: what the fingerprint covers.
fn covered(q: &SeatQuote) -> SeatQuote {
    let mut q = q.clone();
    for line in &mut q.lines {
        line.description.clear();
    }
    for v in &mut q.violations {
        v.message.clear();
    }
    q.placement_reason.message.clear();
    q.fingerprint.clear();
    q
}

fn is_well_formed(fingerprint: &str) -> bool {
    fingerprint.len() == 68
        && fingerprint.starts_with("sq1:")
        && fingerprint[4..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

#[test]
fn every_vector_has_one_fingerprint_in_both_languages() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut checked = 0;
    for entry in fs::read_dir(dir).expect("tests/vectors") {
        let path = entry.expect("entry").path();
        let doc: Value =
            serde_json::from_str(&fs::read_to_string(&path).expect("readable")).expect("JSON");
        for case in doc["cases"].as_array().expect("cases") {
            if case.get("error").is_some() {
                continue;
            }
            let mut request = case["request"].clone();
            let mut prints = Vec::new();
            for locale in ["en", "de"] {
                request["locale"] = Value::from(locale);
                let text = request.to_string();
                let print = match case["function"].as_str() {
                    Some("quote_seat_change") => {
                        quote_seat_change(&QuoteRequest::from_json(&text).expect("valid"))
                            .expect("a quote")
                            .fingerprint
                    }
                    _ => {
                        validate_cancellation(
                            &CancellationRequest::from_json(&text).expect("valid"),
                        )
                        .expect("a check")
                        .fingerprint
                    }
                };
                assert!(is_well_formed(&print), "{print}");
                prints.push(print);
            }
            assert_eq!(prints[0], prints[1], "{}: en and de differ", case["name"]);
            checked += 1;
        }
    }
    assert!(checked >= 150, "only {checked} vectors");
}

/// One input of a request changed.
#[derive(Debug, Clone, Copy)]
enum Mutation {
    Target,
    AsOf,
    SeatsInUse,
    Pending,
    SeatPrice,
    BasePrice,
    TaxRate,
    Placement,
    Decrease,
    Rounding,
    Interval,
    PlanId,
    PlanName,
    Locale,
}

fn mutation() -> impl Strategy<Value = Mutation> {
    use Mutation::*;
    prop::sample::select(vec![
        Target, AsOf, SeatsInUse, Pending, SeatPrice, BasePrice, TaxRate, Placement, Decrease,
        Rounding, Interval, PlanId, PlanName, Locale,
    ])
}

fn mutate(request: &mut QuoteRequest, m: Mutation) {
    let sub = &mut request.subscription;
    let price = match sub.interval {
        Interval::Month => sub.plan.prices.month.as_mut(),
        Interval::Year => sub.plan.prices.year.as_mut(),
    }
    .expect("the interval's price");
    match m {
        Mutation::Target => request.target_seats += 1,
        Mutation::AsOf => request.as_of = request.as_of.map(|d| d + Days::new(1)),
        Mutation::SeatsInUse => sub.seats_in_use = sub.seats_in_use.saturating_sub(1),
        Mutation::Pending => {
            sub.pending_cancellations = sub.pending_cancellations.saturating_sub(1)
        }
        Mutation::SeatPrice => price.seat = price.seat.map(|s| s + Decimal::new(1, 2)),
        Mutation::BasePrice => price.base += Decimal::new(1, 2),
        Mutation::TaxRate => sub.tax_rate += Decimal::new(1, 2),
        Mutation::Placement => request.policy.placement = PlacementPolicy::Immediate,
        Mutation::Decrease => request.policy.decrease = Decrease::ImmediateCredit,
        Mutation::Rounding => request.policy.rounding = Rounding::HalfEven,
        Mutation::Interval => request.target_interval = Some(Interval::Year),
        Mutation::PlanId => {
            let mut plan = sub.plan.clone();
            plan.id.push_str("-2");
            request.target_plan = Some(plan);
        }
        Mutation::PlanName => sub.plan.name = Some("Another name".into()),
        Mutation::Locale => request.locale = Locale::De,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(512), ..ProptestConfig::default() })]

    /// A change of one input changes the fingerprint exactly when it changes
    /// what the customer agrees to (the answer without its texts).
    #[test]
    fn the_fingerprint_changes_with_what_the_customer_agrees_to(
        (sub, as_of) in subscription_with((amount(1000, 2), amount(500, 2)).prop_map(|(base, seat)| {
            let price = Price::per_seat(base, seat);
            (Interval::Month, Prices { month: Some(price.clone()), year: Some(price) })
        })),
        target in 0u32..40,
        policy in policy(),
        m in mutation(),
    ) {
        let request = request(&sub, target, as_of, policy, (None, None));
        let mut changed = request.clone();
        mutate(&mut changed, m);
        let (Ok(a), Ok(b)) = (quote_seat_change(&request), quote_seat_change(&changed)) else {
            return Ok(()); // a mutation into an input error (a date past the limits …)
        };
        prop_assert_eq!(a.fingerprint == b.fingerprint, covered(&a) == covered(&b), "{:?}", m);
        // Texts alone never move it.
        if matches!(m, Mutation::PlanName | Mutation::Locale) {
            prop_assert_eq!(&a.fingerprint, &b.fingerprint);
        }
    }
}
