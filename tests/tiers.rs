//! Properties of tiered seat prices, over random tiers, subscriptions,
//! dates and policies (raise the case count with `PROPTEST_CASES=10000`).

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use seatquote::*;

include!("support/strategies.rs");

/// 1 to `max` tiers: `up_to` strictly increasing by random steps, the last
/// one open, some with a flat amount.
fn tiers(max: usize) -> impl Strategy<Value = Vec<Tier>> {
    prop::collection::vec(
        (1u32..12, amount(60, 3), prop::option::of(amount(40, 2))),
        1..=max,
    )
    .prop_map(|spec| {
        let n = spec.len();
        let mut up_to = 0;
        spec.into_iter()
            .enumerate()
            .map(|(i, (step, unit, flat))| {
                up_to += step;
                Tier {
                    up_to: (i + 1 < n).then_some(up_to),
                    unit,
                    flat,
                }
            })
            .collect()
    })
}

/// A price of any kind: per seat, graduated or volume tiers.
fn price() -> impl Strategy<Value = Price> {
    (
        amount(100, 2),
        prop::option::of(any_of(TiersMode::ALL)),
        tiers(6),
        amount(60, 3),
    )
        .prop_map(|(base, mode, tiers, seat)| match mode {
            Some(mode) => Price::tiered(base, mode, tiers),
            None => Price::per_seat(base, seat),
        })
}

/// A valid subscription with `price` for one interval and a day of
/// change within its life.
fn subscription(
    price: impl Strategy<Value = Price>,
) -> impl Strategy<Value = (Subscription, NaiveDate)> {
    subscription_with((price, interval()).prop_map(|(price, interval)| {
        let mut prices = Prices::default();
        match interval {
            Interval::Month => prices.month = Some(price),
            Interval::Year => prices.year = Some(price),
        }
        (interval, prices)
    }))
}

fn sum_lines(q: &SeatQuote) -> i128 {
    q.lines.iter().map(|l| l.amount.mantissa()).sum()
}

/// The price of the subscription's interval.
fn price_of(sub: &mut Subscription) -> &mut Price {
    let prices = &mut sub.plan.prices;
    prices.month.as_mut().or(prices.year.as_mut()).unwrap()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(256), ..ProptestConfig::default() })]

    /// With graduated tiers every further seat costs something or nothing,
    /// never less: the recurring amount never falls as seats grow.
    #[test]
    fn graduated_recurring_never_falls(tiers in tiers(8), base in amount(100, 2), (mut sub, as_of) in subscription(Just(Price::per_seat(Decimal::ZERO, Decimal::ZERO))), rounding in any_of(Rounding::ALL)) {
        *price_of(&mut sub) = Price::tiered(base, TiersMode::Graduated, tiers);
        sub.tax_rate = Decimal::ZERO;
        // Nothing refuses a row (a refused row keeps today's amount).
        (sub.seats_in_use, sub.pending_cancellations) = (0, 0);
        let policy = Policy { proration: Proration::None, rounding, ..Policy::default() };
        let table = quote_price_table(&request(&sub, 0, as_of, policy, (None, None)), TableRange { from: 0, to: 80 }).unwrap();
        prop_assert!(table.allowed.iter().all(|a| *a));
        for pair in table.recurring_after.gross.windows(2) {
            prop_assert!(pair[0] <= pair[1], "{} > {}", pair[0], pair[1]);
        }
    }

    /// One open tier without a flat amount is a price per seat: the same
    /// quote, but for the seat line's quantity 1 and its unit price, the
    /// whole change, and its words.
    #[test]
    fn one_tier_is_a_price_per_seat((sub, as_of) in subscription(price()), unit in amount(60, 3), mode in any_of(TiersMode::ALL), target in 0u32..60, policy in policy()) {
        let mut per_seat = sub.clone();
        let base = price_of(&mut per_seat).base;
        *price_of(&mut per_seat) = Price::per_seat(base, unit);
        let mut tiered = sub;
        *price_of(&mut tiered) = Price::tiered(base, mode, vec![Tier { up_to: None, unit, flat: None }]);
        let (a, mut b) = (quote(&per_seat, target, as_of, policy), quote(&tiered, target, as_of, policy));
        prop_assert_eq!(a.lines.len(), b.lines.len());
        for (x, y) in a.lines.iter().zip(&mut b.lines) {
            if matches!(x.kind, LineKind::SeatProration | LineKind::SeatCredit) {
                prop_assert_eq!(y.quantity, 1);
                prop_assert_eq!(x.unit_price * Decimal::from(x.quantity), y.unit_price);
                y.quantity = x.quantity;
                y.unit_price = x.unit_price;
                y.description.clone_from(&x.description);
            }
        }
        // The lines are written differently (quantity 1 and ΔS for tiers),
        // and so are the fingerprints, which cover them: the rest is equal.
        b.fingerprint.clone_from(&a.fingerprint);
        prop_assert_eq!(a, b);
    }

    /// Every row of a price table equals quote_seat_change for its target,
    /// for every kind of price.
    #[test]
    fn price_table_rows_equal_quotes((sub, as_of) in subscription(price()), from in 0u32..40, len in 0u32..25, policy in policy()) {
        let request = request(&sub, 0, as_of, policy, (None, None));
        table_rows_are_quotes(&request, TableRange { from, to: from + len })?;
    }

    /// Adding n seats and removing them the same day under immediate_credit
    /// nets exactly zero, whatever the kind of price.
    #[test]
    fn add_then_remove_nets_zero((mut sub, as_of) in subscription(price()), n in 1u32..40, mut policy in policy()) {
        sub.pending_cancellations = 0;
        policy.anchor = AnchorPolicy::Keep;
        policy.decrease = Decrease::ImmediateCredit;
        let up = quote(&sub, sub.seats + n, as_of, policy);
        let mut grown = sub.clone();
        grown.seats += n;
        let down = quote(&grown, sub.seats, as_of, policy);
        prop_assert!(up.allowed && down.allowed);
        prop_assert_eq!(sum_lines(&up) + sum_lines(&down), 0);
        prop_assert_eq!(up.lines.len(), down.lines.len());
        for (u, d) in up.lines.iter().zip(&down.lines) {
            prop_assert_eq!(u.unit_price, d.unit_price);
        }
    }

    /// A line's sign decides its kind and where it goes: charges by the
    /// placement policy, credits always on the next invoice.
    #[test]
    fn the_sign_decides_kind_and_placement((sub, as_of) in subscription(price()), target in 0u32..60, mut policy in policy()) {
        policy.anchor = AnchorPolicy::Keep;
        let q = quote(&sub, target, as_of, policy);
        prop_assert!(q.lines.len() <= 1);
        for line in &q.lines {
            match line.kind {
                LineKind::SeatCredit => {
                    prop_assert!(line.amount <= Decimal::ZERO);
                    prop_assert_eq!(line.placement, LinePlacement::NextInvoice);
                }
                LineKind::SeatProration => prop_assert!(line.amount >= Decimal::ZERO),
                other => prop_assert!(false, "{:?}", other),
            }
            if line.amount.is_zero() {
                let credit = q.change == Change::Decrease;
                prop_assert_eq!(line.kind == LineKind::SeatCredit, credit);
            }
        }
    }

    /// At the limits nothing overflows: 50 tiers at the largest amounts
    /// and a million seats are computed exactly, never refused.
    #[test]
    fn the_largest_tiers_never_overflow(
        seats in prop::sample::select(vec![0u32, 1, 999_999, 1_000_000]),
        target in prop::sample::select(vec![0u32, 1, 500_000, 999_999, 1_000_000]),
        amount in prop::sample::select(vec!["0.0000000001", "999999999.9999999999", "1000000000"]),
        last in prop::sample::select(vec![49u32, 20_000, 999_999]),
        mode in any_of(TiersMode::ALL),
        tax in prop::sample::select(vec!["0", "0.19", "1000000000"]),
        currency in prop::sample::select(vec!["EUR", "JPY", "CLF"]),
        inclusive in any::<bool>(),
        policy in policy(),
        days in 0u32..800,
    ) {
        let amount: Decimal = amount.parse().unwrap();
        // 50 tiers, the 49th ending at `last` seats.
        let tiers: Vec<Tier> = (1..=50u32)
            .map(|i| Tier {
                up_to: (i < 50).then_some(if i == 49 { last } else { i }),
                unit: amount,
                flat: Some(amount),
            })
            .collect();
        let price = Price::tiered(amount, mode, tiers);
        let sub = Subscription {
            plan: Plan { id: "x".into(), name: None, allows_additional_seats: true, included_seats: 0, min_seats: None, max_seats: None,
                         prices: Prices { month: Some(price.clone()), year: Some(price) } },
            interval: Interval::Year,
            billing_anchor: date(9_000),
            currency: currency.into(),
            seats, seats_in_use: 0, pending_cancellations: 0,
            status: Status::Active,
            tax_rate: tax.parse().unwrap(),
            prices_include_tax: inclusive,
        };
        let request = request(&sub, target, date(9_000 + days), policy, (None, None));
        let q = quote_seat_change(&request);
        prop_assert!(q.is_ok(), "{:?}", q.err());
        let q = q.unwrap();
        prop_assert_eq!(q.due_now.net + q.due_now.tax, q.due_now.gross);
        let table = quote_price_table(&request, TableRange { from: target.saturating_sub(2), to: target });
        prop_assert!(table.is_ok(), "{:?}", table.err());
    }
}
