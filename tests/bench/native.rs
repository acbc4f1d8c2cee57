//! Native timings of the same requests the WebAssembly benchmark uses:
//! `cargo bench --bench native`. Prints a table and, last, one line
//! `BENCH_JSON {…}` that `npm run bench` reads to compute wasm/native ratios.

use seatquote::{quote_price_table, quote_seat_change, validate_cancellation};
use seatquote::{CancellationRequest, QuoteRequest, TableRange};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// SPEC §8.1 with tax: the request the page sends on every input event.
const QUOTE: &str = r#"{
  "subscription": {
    "plan": { "id": "business", "name": "Business", "allows_additional_seats": true, "included_seats": 1,
              "prices": { "month": { "base": "10.00", "seat": "5.00" }, "year": { "base": "100.00", "seat": "50.00" } } },
    "interval": "month", "billing_anchor": "2026-01-15", "currency": "EUR",
    "seats": 3, "seats_in_use": 3, "tax_rate": "0.19"
  },
  "target_seats": 5, "as_of": "2026-11-21"
}"#;

const CANCEL: &str = r#"{
  "subscription": {
    "plan": { "id": "business", "name": "Business", "allows_additional_seats": true, "included_seats": 1,
              "prices": { "month": { "base": "10.00", "seat": "5.00" } } },
    "interval": "month", "billing_anchor": "2026-01-15", "currency": "EUR",
    "seats": 5, "seats_in_use": 4, "tax_rate": "0.19"
  },
  "seats_to_cancel": 1, "as_of": "2026-11-21"
}"#;

/// Median and 99th percentile of `samples` single calls, after a warm-up.
fn time(samples: usize, mut call: impl FnMut()) -> (Duration, Duration) {
    for _ in 0..samples / 10 {
        call();
    }
    let mut times: Vec<Duration> = (0..samples)
        .map(|_| {
            let start = Instant::now();
            call();
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    (times[samples / 2], times[samples * 99 / 100])
}

fn micros(d: Duration) -> f64 {
    d.as_nanos() as f64 / 1000.0
}

fn main() {
    let quote: QuoteRequest = QuoteRequest::from_json(QUOTE).expect("valid");
    let cancel = CancellationRequest::from_json(CANCEL).expect("valid");
    let n = 100_000;
    let rows = [
        (
            "quote_seat_change (typed)",
            time(n, || {
                black_box(quote_seat_change(black_box(&quote)).expect("ok"));
            }),
        ),
        (
            "quote_seat_change (JSON in, JSON out)",
            time(n, || {
                black_box(seatquote::quote_seat_change_json(black_box(QUOTE)).expect("ok"));
            }),
        ),
        (
            "validate_cancellation (typed)",
            time(n, || {
                black_box(validate_cancellation(black_box(&cancel)).expect("ok"));
            }),
        ),
        (
            "validate_cancellation (JSON in, JSON out)",
            time(n, || {
                black_box(seatquote::validate_cancellation_json(black_box(CANCEL)).expect("ok"));
            }),
        ),
        (
            "quote_price_table, 1,000 rows (typed)",
            time(2_000, || {
                black_box(
                    quote_price_table(black_box(&quote), TableRange { from: 1, to: 1_000 })
                        .expect("ok"),
                );
            }),
        ),
    ];
    println!(
        "{:<44} {:>12} {:>12}",
        "native (release)", "median µs", "p99 µs"
    );
    for (name, (median, p99)) in &rows {
        println!(
            "{name:<44} {:>12.2} {:>12.2}",
            micros(*median),
            micros(*p99)
        );
    }
    let json: Vec<String> = rows
        .iter()
        .map(|(name, (median, p99))| {
            format!(
                r#""{name}": {{"median_us": {:.3}, "p99_us": {:.3}}}"#,
                micros(*median),
                micros(*p99)
            )
        })
        .collect();
    println!("BENCH_JSON {{{}}}", json.join(", "));
}
