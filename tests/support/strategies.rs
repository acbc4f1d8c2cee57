// Random subscriptions, policies and requests, included by the property
// tests (tests/properties.rs and tests/tiers.rs) so both draw from the very
// same generators.

/// 2000-01-01 plus `days_since_2000` days.
fn date(days_since_2000: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + Days::new(u64::from(days_since_2000))
}

/// A decimal with up to `max_dp` decimals, at most `max_units`.
fn amount(max_units: i64, max_dp: u32) -> impl Strategy<Value = Decimal> {
    (0..=max_dp).prop_flat_map(move |dp| {
        (0..=max_units * 10i64.pow(dp)).prop_map(move |m| Decimal::new(m, dp))
    })
}

#[allow(dead_code)] // not every file that includes this draws intervals
fn interval() -> impl Strategy<Value = Interval> {
    prop_oneof![Just(Interval::Month), Just(Interval::Year)]
}

/// Any value of a string enum.
fn any_of<T: Copy + std::fmt::Debug + 'static>(
    all: &'static [(&'static str, T)],
) -> impl Strategy<Value = T> {
    prop::sample::select(all.iter().map(|(_, v)| *v).collect::<Vec<_>>())
}

fn policy() -> impl Strategy<Value = Policy> {
    (
        any_of(Proration::ALL),
        any_of(PlacementPolicy::ALL),
        0u32..400,
        any_of(Decrease::ALL),
        any_of(AnchorPolicy::ALL),
        any_of(Rounding::ALL),
    )
        .prop_map(
            |(proration, placement, threshold_days, decrease, anchor, rounding)| Policy {
                proration,
                placement,
                threshold_days,
                decrease,
                anchor,
                rounding,
            },
        )
}

/// A valid subscription billed every `interval` with `prices`, and a day
/// of change within its life.
fn subscription_with(
    prices: impl Strategy<Value = (Interval, Prices)>,
) -> impl Strategy<Value = (Subscription, NaiveDate)> {
    (
        prices,
        0u32..4,
        (0u32..12_000, 0u32..3_000, 0u32..60),
        (
            prop::sample::select(vec!["EUR", "JPY", "KWD", "CLF", "USD"]),
            prop::sample::select(vec!["0", "0.19", "0.07", "0.2", "0.055"]),
            any::<bool>(),
        ),
        (any::<prop::sample::Index>(), any::<prop::sample::Index>()),
    )
        .prop_map(
            |(
                (interval, prices),
                included,
                (anchor, after, seats),
                (currency, tax, inclusive),
                (iu, ip),
            )| {
                let in_use = iu.index(seats as usize + 1) as u32;
                let pending = ip.index((seats - in_use) as usize + 1) as u32;
                let anchor = date(anchor);
                let sub = Subscription {
                    plan: Plan {
                        id: "p".into(),
                        name: None,
                        allows_additional_seats: true,
                        included_seats: included,
                        min_seats: Some(0),
                        max_seats: None,
                        prices,
                    },
                    interval,
                    billing_anchor: anchor,
                    currency: currency.into(),
                    seats,
                    seats_in_use: in_use,
                    pending_cancellations: pending,
                    status: Status::Active,
                    tax_rate: tax.parse().unwrap(),
                    prices_include_tax: inclusive,
                };
                (sub, anchor + Days::new(u64::from(after)))
            },
        )
}

/// A plan and interval after the change: `(None, None)` keeps both.
type PlanTarget = (Option<Plan>, Option<Interval>);

fn request(
    sub: &Subscription,
    target: u32,
    as_of: NaiveDate,
    policy: Policy,
    (plan, interval): PlanTarget,
) -> QuoteRequest {
    QuoteRequest {
        subscription: sub.clone(),
        target_seats: target,
        target_plan: plan,
        target_interval: interval,
        as_of: Some(as_of),
        actor: None,
        policy,
        locale: Locale::En,
    }
}

/// A seat change's quote.
#[allow(dead_code)] // not every file that includes this quotes seat changes
fn quote(sub: &Subscription, target: u32, as_of: NaiveDate, policy: Policy) -> SeatQuote {
    quote_seat_change(&request(sub, target, as_of, policy, (None, None))).expect("a valid request")
}

/// Every row of the price table of `request` over `range` is the quote of
/// its seat count, column by column.
#[allow(dead_code)] // not every file that includes this draws price tables
fn table_rows_are_quotes(request: &QuoteRequest, range: TableRange) -> Result<(), TestCaseError> {
    let table = quote_price_table(request, range).unwrap();
    prop_assert_eq!(table.target_seats.len() as u32, range.to - range.from + 1);
    for (i, target) in table.target_seats.iter().enumerate() {
        let q = quote_seat_change(&QuoteRequest { target_seats: *target, ..request.clone() }).unwrap();
        let columns = [
            (&table.due_now, q.due_now),
            (&table.next_invoice_total, q.next_invoice.total),
            (&table.recurring_after, q.recurring.after),
        ];
        for (column, money) in columns {
            prop_assert_eq!((column.net[i], column.tax[i], column.gross[i]), (money.net, money.tax, money.gross));
        }
        prop_assert_eq!(table.placement[i], q.placement);
        prop_assert_eq!(table.allowed[i], q.allowed);
    }
    Ok(())
}

/// `default` cases per property; `PROPTEST_CASES` overrides.
fn cases(default: u32) -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}
