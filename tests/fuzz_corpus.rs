//! Replays the fuzz corpus (`tests/fuzz/corpus/json`: the seeds, and every
//! input the fuzzer found interesting or that once crashed) through the JSON
//! entry points on every `cargo test`, so a fixed crash stays fixed without
//! a nightly toolchain.

use std::fs;
use std::path::Path;

#[test]
fn fuzz_corpus_never_panics() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fuzz/corpus/json");
    let mut count = 0;
    for entry in fs::read_dir(&dir).expect("the corpus exists") {
        let path = entry.expect("readable entry").path();
        let bytes = fs::read(&path).expect("readable file");
        let Ok(text) = std::str::from_utf8(&bytes) else {
            continue;
        };
        for result in [
            seatquote::quote_seat_change_json(text),
            seatquote::validate_cancellation_json(text),
        ] {
            if let Err(e) = result {
                assert_eq!(e.code(), "INVALID_INPUT", "{}", path.display());
                assert!(!e.message().is_empty(), "{}", path.display());
            }
        }
        count += 1;
    }
    assert!(
        count >= 100,
        "only {count} corpus files in {}",
        dir.display()
    );
}
