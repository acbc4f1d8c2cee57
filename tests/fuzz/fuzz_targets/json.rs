//! Any bytes as the JSON request of all three entry points: an answer or an
//! INVALID_INPUT error with a message, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for result in [
        seatquote::quote_seat_change_json(text),
        seatquote::validate_cancellation_json(text),
    ] {
        match result {
            Ok(answer) => {
                let value: serde_json::Value = serde_json::from_str(&answer).expect("answers are JSON");
                assert!(value.is_object());
            }
            Err(e) => {
                assert_eq!(e.code(), "INVALID_INPUT");
                assert!(!e.message().is_empty());
            }
        }
    }
    if let Ok(request) = seatquote::QuoteRequest::from_json(text) {
        let from = request.target_seats.min(1_000_000);
        let range = seatquote::TableRange { from, to: from.saturating_add(3).min(1_000_000) };
        let _ = seatquote::quote_price_table(&request, range);
    }
});
