//! Native timings of the same requests the WebAssembly benchmark uses:
//! `cargo bench --bench native`. Prints a table and, last, one line
//! `BENCH_JSON {…}` that `npm run bench` reads to compute wasm/native ratios.

use seatquote::{quote_price_table, quote_seat_change, validate_cancellation};
use seatquote::{CancellationRequest, QuoteRequest, TableRange};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// The requests `npm run bench` also times in Node and Chromium: rules §8.1
/// with tax (what the page sends on every input event), rules §8.5's
/// allowed cancellation, and a 1,000-row table of the first, also with 10
/// graduated tiers.
const REQUESTS: &str = include_str!("requests.json");

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
    let requests: serde_json::Value = serde_json::from_str(REQUESTS).expect("requests.json");
    let (quote_json, cancel_json) = (
        requests["quote"].to_string(),
        requests["cancellation"].to_string(),
    );
    let quote: QuoteRequest = QuoteRequest::from_json(&quote_json).expect("valid");
    let tiered = QuoteRequest::from_json(&requests["tiered"].to_string()).expect("valid");
    let plan_change = QuoteRequest::from_json(&requests["plan_change"].to_string()).expect("valid");
    let cancel = CancellationRequest::from_json(&cancel_json).expect("valid");
    let range = TableRange {
        from: requests["table"]["from"].as_u64().expect("from") as u32,
        to: requests["table"]["to"].as_u64().expect("to") as u32,
    };
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
                black_box(seatquote::quote_seat_change_json(black_box(&quote_json)).expect("ok"));
            }),
        ),
        (
            "quote_seat_change, plan change (typed)",
            time(n, || {
                black_box(quote_seat_change(black_box(&plan_change)).expect("ok"));
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
                black_box(
                    seatquote::validate_cancellation_json(black_box(&cancel_json)).expect("ok"),
                );
            }),
        ),
        (
            "quote_price_table, 1,000 rows (typed)",
            time(2_000, || {
                black_box(quote_price_table(black_box(&quote), range).expect("ok"));
            }),
        ),
        (
            "quote_price_table, 1,000 rows, 10 tiers (typed)",
            time(2_000, || {
                black_box(quote_price_table(black_box(&tiered), range).expect("ok"));
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
