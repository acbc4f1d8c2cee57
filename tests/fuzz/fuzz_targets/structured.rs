//! Typed requests with arbitrary counts, prices, dates and policies, built
//! the way a Rust billing server would build them: every answer keeps the
//! invariants of the money rules, and errors are input errors.
#![no_main]

use arbitrary::Arbitrary;
use chrono::{Days, NaiveDate};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use seatquote::*;

#[derive(Debug, Arbitrary)]
struct Input {
    interval_year: bool,
    anchor_days: u32,
    as_of_after: u16,
    seats: u32,
    in_use: u32,
    pending: u32,
    target: u32,
    included: u8,
    min_seats: Option<u32>,
    max_seats: Option<u32>,
    allows_additional: bool,
    base: (i64, u8),
    seat: Option<(i64, u8)>,
    /// A tiers_mode, and tiers: `up_to`, unit and flat amount of each.
    tiers_mode: Option<u8>,
    tiers: Option<Vec<(Option<u32>, (i64, u8), Option<(i64, u8)>)>>,
    tax: (i64, u8),
    inclusive: bool,
    currency: u8,
    status: u8,
    role: Option<u8>,
    policy: (u8, u8, u32, u8, u8, u8),
    locale_de: bool,
    cancel: u32,
    table: (u32, u16),
    target_plan: Option<TargetPlan>,
    target_interval: Option<bool>,
}

/// The plan after a plan change: often the current plan's id (which must
/// then be the very same plan), sometimes an over-long id.
#[derive(Debug, Arbitrary)]
struct TargetPlan {
    same_id: bool,
    id_len: u8,
    name: Option<u8>,
    included: u8,
    min_seats: Option<u32>,
    max_seats: Option<u32>,
    allows_additional: bool,
    month: Option<((i64, u8), (i64, u8))>,
    year: Option<((i64, u8), (i64, u8))>,
}

fn pick<T: Copy>(all: &[(&str, T)], i: u8) -> T {
    all[usize::from(i) % all.len()].1
}

fn decimal((mantissa, scale): (i64, u8)) -> Decimal {
    Decimal::new(mantissa, u32::from(scale) % 29)
}

fuzz_target!(|input: Input| {
    const CURRENCIES: [&str; 6] = ["EUR", "JPY", "KWD", "CLF", "USD", "XXX"];
    let start = NaiveDate::from_ymd_opt(1890, 1, 1).unwrap();
    let anchor = start + Days::new(u64::from(input.anchor_days % 3_700_000));
    // Any combination of seat, tiers_mode and tiers: the invalid ones must
    // be input errors, never a panic.
    let tiers = input.tiers.map(|tiers| {
        let tier = |(up_to, unit, flat): (Option<u32>, _, Option<_>)| Tier { up_to, unit: decimal(unit), flat: flat.map(decimal) };
        tiers.into_iter().map(tier).collect()
    });
    let price = Price {
        base: decimal(input.base),
        seat: input.seat.map(decimal),
        tiers_mode: input.tiers_mode.map(|m| pick(TiersMode::ALL, m)),
        tiers,
    };
    let (interval, prices) = if input.interval_year {
        (Interval::Year, Prices { month: None, year: Some(price) })
    } else {
        (Interval::Month, Prices { month: Some(price), year: None })
    };
    let (proration, placement, threshold_days, decrease, anchor_policy, rounding) = input.policy;
    let price_of = |(base, seat)| Price::per_seat(decimal(base), decimal(seat));
    let target_plan = input.target_plan.as_ref().map(|t| Plan {
        id: if t.same_id { "fuzz".into() } else { "t".repeat(usize::from(t.id_len)) },
        name: t.name.map(|n| "ü".repeat(usize::from(n))),
        allows_additional_seats: t.allows_additional,
        included_seats: u32::from(t.included),
        min_seats: t.min_seats,
        max_seats: t.max_seats,
        prices: Prices { month: t.month.map(price_of), year: t.year.map(price_of) },
    });
    let request = QuoteRequest {
        subscription: Subscription {
            plan: Plan {
                id: "fuzz".into(),
                name: None,
                allows_additional_seats: input.allows_additional,
                included_seats: u32::from(input.included),
                min_seats: input.min_seats,
                max_seats: input.max_seats,
                prices,
            },
            interval,
            billing_anchor: anchor,
            currency: CURRENCIES[usize::from(input.currency) % CURRENCIES.len()].into(),
            seats: input.seats,
            seats_in_use: input.in_use,
            pending_cancellations: input.pending,
            status: pick(Status::ALL, input.status),
            tax_rate: decimal(input.tax),
            prices_include_tax: input.inclusive,
        },
        target_seats: input.target,
        target_plan,
        target_interval: input
            .target_interval
            .map(|year| if year { Interval::Year } else { Interval::Month }),
        as_of: anchor.checked_add_days(Days::new(u64::from(input.as_of_after))),
        actor: input.role.map(|r| Actor { role: pick(Role::ALL, r) }),
        policy: Policy {
            proration: pick(Proration::ALL, proration),
            placement: pick(PlacementPolicy::ALL, placement),
            threshold_days,
            decrease: pick(Decrease::ALL, decrease),
            anchor: pick(AnchorPolicy::ALL, anchor_policy),
            rounding: pick(Rounding::ALL, rounding),
        },
        locale: if input.locale_de { Locale::De } else { Locale::En },
    };
    match quote_seat_change(&request) {
        Ok(q) => {
            for m in [q.due_now, q.next_invoice.total, q.recurring.before, q.recurring.after] {
                assert_eq!(m.net + m.tax, m.gross);
                assert!(m.gross >= Decimal::ZERO);
            }
            assert!(q.credit_carried_forward >= Decimal::ZERO);
            assert!(q.period.start <= q.as_of && q.as_of < q.period.end);
            if !q.allowed {
                assert!(q.lines.is_empty() && !q.violations.is_empty());
            }
            // A seat line's sign decides its kind; credits go on the next invoice.
            for line in &q.lines {
                match line.kind {
                    LineKind::SeatCredit => {
                        assert!(line.amount <= Decimal::ZERO);
                        assert_eq!(line.placement, LinePlacement::NextInvoice);
                    }
                    LineKind::SeatProration => assert!(line.amount >= Decimal::ZERO),
                    _ => {}
                }
            }
            // Every answer is fingerprinted, the same in the other language.
            assert!(q.fingerprint.starts_with("sq1:") && q.fingerprint.len() == 68);
            let other = QuoteRequest { locale: Locale::De, ..request.clone() };
            if let Ok(de) = quote_seat_change(&other) {
                assert_eq!(de.fingerprint, q.fingerprint);
            }
            // A plan change names both sides; a seat change has none.
            let changes_plan = request.target_plan.as_ref().is_some_and(|p| p.id != "fuzz")
                || request.target_interval.is_some_and(|i| i != interval);
            assert_eq!(q.plan_change.is_some(), changes_plan);
            if let Some(change) = &q.plan_change {
                let kept = change.from.interval == change.to.interval;
                if q.allowed && kept && q.seats.renewing_after <= q.seats.renewing_before {
                    // Without more seats, an upgrade never lowers the recurring amount.
                    let up = change.direction == Direction::Upgrade;
                    // In the prices' terms (net amounts of inclusive prices can tie).
                    let terms = |m: Money| if request.subscription.prices_include_tax { m.gross } else { m.net };
                    assert_eq!(up, terms(q.recurring.after) >= terms(q.recurring.before));
                }
            }
        }
        Err(e) => assert_eq!(e.code(), "INVALID_INPUT"),
    }
    // The price table: every row must be the very quote of its seat count.
    let from = input.table.0 % 1_000_002;
    let range = TableRange { from, to: from.saturating_add(u32::from(input.table.1 % 8)) };
    match quote_price_table(&request, range) {
        Ok(table) => {
            assert_eq!(table.target_seats.len(), (range.to - range.from + 1) as usize);
            for (i, &target) in table.target_seats.iter().enumerate() {
                let row = QuoteRequest { target_seats: target, ..request.clone() };
                let q = quote_seat_change(&row).expect("a table row quotes on its own");
                assert_eq!(q.due_now.gross, table.due_now.gross[i]);
                assert_eq!(q.next_invoice.total.gross, table.next_invoice_total.gross[i]);
                assert_eq!(q.recurring.after.gross, table.recurring_after.gross[i]);
                assert_eq!(q.allowed, table.allowed[i]);
            }
        }
        Err(e) => assert_eq!(e.code(), "INVALID_INPUT"),
    }
    // A plan change that is not the current plan is checked for its length.
    if let Some(plan) = &request.target_plan {
        if plan.id.chars().count() > 200 {
            assert!(quote_seat_change(&request).is_err());
        }
    }
    let cancellation = CancellationRequest {
        subscription: request.subscription.clone(),
        seats_to_cancel: input.cancel,
        as_of: request.as_of,
        actor: request.actor,
        policy: request.policy,
        locale: request.locale,
    };
    if let Ok(check) = validate_cancellation(&cancellation) {
        assert!(check.credit <= Decimal::ZERO);
        assert_eq!(check.allowed, check.violations.is_empty());
    }
});
