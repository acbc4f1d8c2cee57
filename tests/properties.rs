//! Properties a billing engineer relies on, over random subscriptions,
//! dates and policies (raise the case count with `PROPTEST_CASES=10000`).

use chrono::{Days, NaiveDate};
use proptest::prelude::*;
use rust_decimal::Decimal;
use seatquote::*;

include!("support/strategies.rs");

/// A valid subscription with one price per seat (sometimes for both
/// intervals) and a day of change within its life.
fn subscription() -> impl Strategy<Value = (Subscription, NaiveDate)> {
    let prices = (amount(1000, 3), amount(500, 4), interval(), any::<bool>()).prop_map(
        |(base, seat, interval, with_other)| {
            let price = Price::per_seat(base, seat);
            let mut prices = Prices::default();
            match interval {
                Interval::Month => prices.month = Some(price.clone()),
                Interval::Year => prices.year = Some(price.clone()),
            }
            if with_other {
                prices.month.get_or_insert(price.clone());
                prices.year.get_or_insert(price);
            }
            (interval, prices)
        },
    );
    subscription_with(prices)
}

/// Often no change of plan or interval; otherwise another plan (priced
/// for both intervals), another interval, or both.
fn plan_target() -> impl Strategy<Value = PlanTarget> {
    (
        any::<u8>(),
        0u32..4,
        amount(1000, 3),
        amount(500, 4),
        any::<bool>(),
        prop::option::of(interval()),
    )
        .prop_map(|(kind, included, base, seat, allows, interval)| {
            let price = Price::per_seat(base, seat);
            let plan = Plan {
                id: "other".into(),
                name: Some("Other".into()),
                allows_additional_seats: allows,
                included_seats: included,
                min_seats: Some(0),
                max_seats: None,
                prices: Prices {
                    month: Some(price.clone()),
                    year: Some(price),
                },
            };
            match kind % 3 {
                0 => (None, None),
                1 => (Some(plan), interval),
                _ => (None, interval),
            }
        })
}

/// The quote, or `None` when the plan stays and has no price for the
/// interval after the change (an input error, as it should be).
fn quote_or_no_price(request: &QuoteRequest) -> Option<SeatQuote> {
    match quote_seat_change(request) {
        Ok(q) => Some(q),
        Err(e) if e.path().starts_with("subscription.plan.prices.") => None,
        Err(e) => panic!("unexpected error {e}"),
    }
}

/// `round(amount × days / of)` with decimal arithmetic, by the rounding rule.
fn prorated(amount: Decimal, days: u32, of: u32, dp: u32, rounding: Rounding) -> Decimal {
    let strategy = match rounding {
        Rounding::HalfAwayFromZero => rust_decimal::RoundingStrategy::MidpointAwayFromZero,
        Rounding::HalfEven => rust_decimal::RoundingStrategy::MidpointNearestEven,
    };
    (amount * Decimal::from(days) / Decimal::from(of)).round_dp_with_strategy(dp, strategy)
}

/// An amount in minor units (its mantissa at the currency's scale).
fn minor(d: Decimal) -> i128 {
    d.mantissa()
}

fn sum_lines(q: &SeatQuote, placement: Option<LinePlacement>) -> i128 {
    q.lines
        .iter()
        .filter(|l| placement.is_none_or(|p| l.placement == p))
        .map(|l| minor(l.amount))
        .sum()
}

/// The part of a Money in the prices' own terms.
fn terms(m: &Money, sub: &Subscription) -> i128 {
    minor(if sub.prices_include_tax {
        m.gross
    } else {
        m.net
    })
}

/// The decimals of the currencies `subscription()` picks from.
fn minor_units(currency: &str) -> u32 {
    match currency {
        "JPY" => 0,
        "KWD" => 3,
        "CLF" => 4,
        _ => 2,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(512), ..ProptestConfig::default() })]

    /// Adding n seats and removing them the same day under immediate_credit nets exactly zero.
    #[test]
    fn add_then_remove_nets_zero((mut sub, as_of) in subscription(), n in 1u32..40, mut policy in policy()) {
        sub.pending_cancellations = 0;
        policy.anchor = AnchorPolicy::Keep;
        policy.decrease = Decrease::ImmediateCredit;
        let up = quote(&sub, sub.seats + n, as_of, policy);
        let mut grown = sub.clone();
        grown.seats += n;
        let down = quote(&grown, sub.seats, as_of, policy);
        prop_assert!(up.allowed && down.allowed);
        prop_assert_eq!(sum_lines(&up, None) + sum_lines(&down, None), 0);
        prop_assert_eq!(up.lines.len(), down.lines.len());
    }

    /// A prorated line never exceeds the price of the whole period.
    #[test]
    fn prorated_never_exceeds_full_period((sub, as_of) in subscription(), extra in 1u32..40, policy in policy()) {
        let target = sub.seats - sub.pending_cancellations + extra;
        let q = quote(&sub, target, as_of, Policy { anchor: AnchorPolicy::Keep, ..policy });
        for line in &q.lines {
            let full = line.unit_price * Decimal::from(line.quantity);
            let dp = line.amount.scale();
            let full = full.round_dp_with_strategy(dp, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
            prop_assert!(line.amount <= full, "{} > {}", line.amount, full);
            prop_assert!(line.amount >= Decimal::ZERO);
            prop_assert!(line.days <= line.days_in_period);
        }
    }

    /// For an increase, amounts never fall as target_seats grows.
    #[test]
    fn increase_is_monotonic((sub, as_of) in subscription(), a in 1u32..30, b in 1u32..30, policy in policy()) {
        let r = sub.seats - sub.pending_cancellations;
        let (lo, hi) = (r + a.min(b), r + a.max(b));
        let (ql, qh) = (quote(&sub, lo, as_of, policy), quote(&sub, hi, as_of, policy));
        prop_assert!(ql.allowed && qh.allowed);
        prop_assert!(sum_lines(&ql, None) <= sum_lines(&qh, None));
        prop_assert!(ql.due_now.gross <= qh.due_now.gross);
        prop_assert!(ql.next_invoice.total.gross <= qh.next_invoice.total.gross);
        prop_assert!(ql.recurring.after.gross <= qh.recurring.after.gross);
    }

    /// due_now plus the next-invoice adjustments equal the sum of the lines
    /// before clamping; what clamping removes is exactly the credit carried forward.
    #[test]
    fn totals_add_up((sub, as_of) in subscription(), target in 0u32..80, policy in policy(), change in plan_target()) {
        let Some(q) = quote_or_no_price(&request(&sub, target, as_of, policy, change)) else { return Ok(()) };
        let now = sum_lines(&q, Some(LinePlacement::Now));
        let next = sum_lines(&q, Some(LinePlacement::NextInvoice));
        prop_assert_eq!(minor(q.next_invoice.adjustments), next);
        prop_assert_eq!(terms(&q.due_now, &sub), now.max(0));
        let recurring = terms(&q.next_invoice.recurring, &sub);
        prop_assert_eq!(terms(&q.next_invoice.total, &sub), (recurring + next).max(0));
        prop_assert_eq!(minor(q.credit_carried_forward), (-now).max(0) + (-(recurring + next)).max(0));
        // Unclamped, the two places add up to the lines.
        let carried_now = (-now).max(0);
        prop_assert_eq!(terms(&q.due_now, &sub) - carried_now + minor(q.next_invoice.adjustments), sum_lines(&q, None));
    }

    /// Every amount has exactly the currency's decimals, no negative zero, and net + tax = gross.
    #[test]
    fn amounts_are_well_formed((sub, as_of) in subscription(), target in 0u32..80, policy in policy(), change in plan_target()) {
        let Some(q) = quote_or_no_price(&request(&sub, target, as_of, policy, change)) else { return Ok(()) };
        let dp = minor_units(&sub.currency);
        let monies = [q.due_now, q.next_invoice.recurring, q.next_invoice.total, q.recurring.before, q.recurring.after];
        for m in monies {
            prop_assert_eq!(m.net + m.tax, m.gross);
            prop_assert!(m.gross >= Decimal::ZERO && m.net >= Decimal::ZERO && m.tax >= Decimal::ZERO);
            for d in [m.net, m.tax, m.gross] {
                prop_assert_eq!(d.scale(), dp);
            }
        }
        let mut all: Vec<Decimal> = q.lines.iter().map(|l| l.amount).collect();
        all.extend([q.credit_carried_forward, q.next_invoice.adjustments]);
        for d in all {
            prop_assert_eq!(d.scale(), dp);
            prop_assert!(!(d.is_zero() && d.to_string().starts_with('-')), "negative zero: {}", d);
        }
    }

    /// A request serialized by the crate reads back to the same request and the same answer.
    #[test]
    fn requests_round_trip_through_json((sub, as_of) in subscription(), target in 0u32..80, policy in policy()) {
        let request = QuoteRequest { subscription: sub, target_seats: target, target_plan: None, target_interval: None, as_of: Some(as_of), actor: Some(Actor { role: Role::Admin }), policy, locale: Locale::De };
        let json = serde_json::to_string(&request).unwrap();
        let back = QuoteRequest::from_json(&json).unwrap();
        prop_assert_eq!(&back, &request);
        prop_assert_eq!(quote_seat_change(&back).unwrap(), quote_seat_change(&request).unwrap());
    }

    /// At the documented limits nothing overflows: every answer is computed.
    #[test]
    fn limits_never_panic(
        seats in prop::sample::select(vec![0u32, 1, 999_999, 1_000_000]),
        target in prop::sample::select(vec![0u32, 1, 500_000, 1_000_000]),
        price in prop::sample::select(vec!["0", "0.0000000001", "999999999.9999999999", "1000000000"]),
        tax in prop::sample::select(vec!["0", "0.19", "999999999.9999999999", "1000000000"]),
        currency in prop::sample::select(vec!["EUR", "JPY", "CLF"]),
        inclusive in any::<bool>(),
        policy in policy(),
        days in 0u32..800,
    ) {
        let price = Price::per_seat(price.parse().unwrap(), price.parse().unwrap());
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
        let request = QuoteRequest { subscription: sub, target_seats: target, target_plan: None, target_interval: None, as_of: Some(date(9_000 + days)), actor: None, policy, locale: Locale::En };
        // Every input here is within the documented limits, so the answer
        // must be computed, exactly, not refused as an overflow.
        let q = quote_seat_change(&request);
        prop_assert!(q.is_ok(), "{:?}", q.err());
        let q = q.unwrap();
        prop_assert_eq!(q.due_now.net + q.due_now.tax, q.due_now.gross);
        prop_assert_eq!(q.next_invoice.total.net + q.next_invoice.total.tax, q.next_invoice.total.gross);
    }

    /// Every row of a price table equals quote_seat_change for that target.
    #[test]
    fn price_table_rows_equal_quotes((sub, as_of) in subscription(), from in 0u32..40, len in 0u32..25, policy in policy(), member in any::<bool>(), change in plan_target()) {
        let request = QuoteRequest {
            actor: member.then_some(Actor { role: Role::Member }),
            ..request(&sub, 0, as_of, policy, change)
        };
        if quote_or_no_price(&request).is_none() {
            return Ok(());
        }
        table_rows_are_quotes(&request, TableRange { from, to: from + len })?;
    }

    /// A plan change to the current plan's twin under another id, the
    /// interval kept, taking effect today: the unused time of what was paid
    /// is credited and the rest of the period charged at the twin's price,
    /// each rounded once from the period amounts.
    #[test]
    fn a_twin_plan_reprices_by_the_fraction((sub, as_of) in subscription(), extra in 0u32..5, fewer in 0u32..3, policy in policy()) {
        let r = sub.seats - sub.pending_cancellations;
        let target = (r + extra).saturating_sub(fewer);
        let twin = Plan { id: "twin".into(), ..sub.plan.clone() };
        let policy = Policy { anchor: AnchorPolicy::Keep, decrease: Decrease::ImmediateCredit, proration: Proration::Daily, ..policy };
        let q = quote_seat_change(&request(&sub, target, as_of, policy, (Some(twin), None))).unwrap();
        if !q.allowed {
            return Ok(()); // seats in use
        }
        let price = match sub.interval { Interval::Month => sub.plan.prices.month.clone(), Interval::Year => sub.plan.prices.year.clone() }.unwrap();
        let dp = minor_units(&sub.currency);
        let recurring = |n: u32| prorated(price.base + price.seat.unwrap() * Decimal::from(n.saturating_sub(sub.plan.included_seats)), 1, 1, dp, policy.rounding);
        let (days, of) = (q.period.days_remaining, q.period.days_in_period);
        prop_assert_eq!(q.lines.len(), 2);
        prop_assert_eq!(q.lines[0].kind, LineKind::UnusedTimeCredit);
        prop_assert_eq!(q.lines[0].amount, -prorated(recurring(sub.seats), days, of, dp, policy.rounding));
        prop_assert_eq!(q.lines[1].kind, LineKind::RemainingTime);
        prop_assert_eq!(q.lines[1].amount, prorated(recurring(target), days, of, dp, policy.rounding));
        prop_assert_eq!(q.seats.after, target);
        prop_assert_eq!(q.plan_change.map(|c| c.to.plan), Some("twin".to_owned()));
    }

    /// With the interval kept and no more seats, the direction is exactly
    /// whether the recurring amount does not fall: an upgrade never lowers it.
    #[test]
    fn an_upgrade_without_more_seats_never_lowers_the_recurring_amount((sub, as_of) in subscription(), fewer in 0u32..4, policy in policy(), (plan, _) in plan_target()) {
        let r = sub.seats - sub.pending_cancellations;
        let fewer = fewer.min(r - sub.seats_in_use); // never refused for seats in use
        let plan = plan.unwrap_or_else(|| Plan { id: "other".into(), ..sub.plan.clone() });
        let q = quote_seat_change(&request(&sub, r - fewer, as_of, policy, (Some(plan), None))).unwrap();
        let change = q.plan_change.clone().unwrap();
        if !q.allowed {
            return Ok(()); // a plan without additional seats, below its minimum
        }
        let up = change.direction == Direction::Upgrade;
        // In the prices' terms, as the rules compare (net amounts of
        // tax-inclusive prices can be equal for different gross amounts).
        prop_assert_eq!(up, terms(&q.recurring.after, &sub) >= terms(&q.recurring.before, &sub), "{:?}", q);
        // An upgrade takes effect today; a downgrade at the end of the term by default.
        let at_term_end = !up && policy.decrease == Decrease::EndOfTerm && policy.anchor == AnchorPolicy::Keep;
        prop_assert_eq!(q.effective_date, if at_term_end { q.period.end } else { q.as_of });
    }
}
