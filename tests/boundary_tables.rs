//! The two halves of the WebAssembly boundary share two tables by position:
//! the field names that cross as one byte (`KEYS`) and the words for values
//! JSON cannot express. `src/wasm/wire.rs` (Rust) and `src/wasm/boundary.js`
//! (JS) each hold a copy; this test keeps the copies equal, so a field added
//! on one side only fails here, by name, rather than as a wrong field later.

use std::fs;
use std::path::Path;

/// The quoted strings between `start` and the next `end` in `text`.
fn quoted(text: &str, start: &str, end: &str) -> Vec<String> {
    let from = text
        .find(start)
        .unwrap_or_else(|| panic!("{start:?} not found"))
        + start.len();
    let body = &text[from..];
    let body = &body[..body
        .find(end)
        .unwrap_or_else(|| panic!("{end:?} not found"))];
    body.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn wire_and_boundary_agree_on_field_names() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/wasm");
    let rust = fs::read_to_string(src.join("wire.rs")).expect("wire.rs");
    let js = fs::read_to_string(src.join("boundary.js")).expect("boundary.js");
    let rust_keys = quoted(&rust, "const KEYS: &[&str] = &[", "];");
    let js_keys = quoted(&js, "const KEYS = new Map(", "].map");
    assert!(rust_keys.len() > 30, "{rust_keys:?}");
    assert_eq!(
        rust_keys, js_keys,
        "KEYS differ between wire.rs and boundary.js"
    );
    // A byte indexes the table.
    assert!(rust_keys.len() <= 256);
}
