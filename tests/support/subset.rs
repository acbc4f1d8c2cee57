// The matching rule of the shared vectors, included by tests/vectors.rs
// (native) and src/wasm/tests.rs (WebAssembly) so both apply the very same
// rule. (tests/js/support.mjs states it again for JavaScript.)

/// `expected` is a recursive subset of `actual`: every key given must match;
/// arrays must have the same length and match element by element. Each
/// mismatch is pushed to `problems` with its path.
fn subset(
    expected: &serde_json::Value,
    actual: &serde_json::Value,
    path: &str,
    problems: &mut Vec<String>,
) {
    use serde_json::Value;
    match (expected, actual) {
        (Value::Object(e), Value::Object(a)) => {
            for (key, ev) in e {
                match a.get(key) {
                    Some(av) => subset(ev, av, &format!("{path}.{key}"), problems),
                    None => problems.push(format!("{path}.{key}: missing in the answer")),
                }
            }
        }
        (Value::Array(e), Value::Array(a)) if e.len() == a.len() => {
            for (i, (ev, av)) in e.iter().zip(a).enumerate() {
                subset(ev, av, &format!("{path}[{i}]"), problems);
            }
        }
        _ if expected == actual => {}
        _ => problems.push(format!("{path}: expected {expected}, got {actual}")),
    }
}
