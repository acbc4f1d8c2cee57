//! Runs every shared vector in `tests/vectors/*.json` through the native
//! core. The same files run through the npm package (tests/js) and in
//! wasm-bindgen-test; this test also writes every full native answer to
//! `target/vector-outputs.json`, which the JavaScript tests compare with the
//! WebAssembly answers value for value.

use serde_json::{json, Map, Value};
use std::{fs, path::Path};

include!("support/subset.rs");

fn run(function: &str, request: &Value) -> Result<Value, seatquote::Error> {
    let text = request.to_string();
    let answer = match function {
        "quote_seat_change" => seatquote::quote_seat_change_json(&text)?,
        "validate_cancellation" => seatquote::validate_cancellation_json(&text)?,
        other => panic!("unknown function {other}"),
    };
    Ok(serde_json::from_str(&answer).expect("the answer is JSON"))
}

#[test]
fn shared_vectors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .expect("tests/vectors exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(files.len() >= 7, "vector files are missing: {files:?}");

    let mut outputs = Map::new();
    let mut failures = Vec::new();
    let mut count = 0;
    for file in &files {
        let stem = file.file_stem().and_then(|s| s.to_str()).unwrap_or("?");
        let doc: Value = serde_json::from_str(&fs::read_to_string(file).expect("readable"))
            .unwrap_or_else(|e| panic!("{stem}: not JSON: {e}"));
        assert!(doc["about"].is_string(), "{stem}: says what it is about");
        for case in doc["cases"].as_array().expect("cases") {
            count += 1;
            let name = format!("{stem}/{}", case["name"].as_str().expect("name"));
            assert!(
                case["why"].as_str().is_some_and(|w| !w.is_empty()),
                "{name}: every case says why"
            );
            let function = case["function"].as_str().expect("function");
            let result = run(function, &case["request"]);
            let mut problems = Vec::new();
            match (&result, case.get("expect"), case.get("error")) {
                (Ok(answer), Some(expect), None) => subset(expect, answer, "", &mut problems),
                (Err(err), None, Some(expect)) => {
                    let actual = json!({"code": err.code(), "path": err.path()});
                    subset(
                        &json!({"code": expect["code"], "path": expect["path"]}),
                        &actual,
                        "error",
                        &mut problems,
                    );
                    if let Some(part) = expect.get("message_contains").and_then(Value::as_str) {
                        if !err.message().contains(part) {
                            problems.push(format!(
                                "error.message: {:?} does not contain {part:?}",
                                err.message()
                            ));
                        }
                    }
                }
                (Ok(answer), _, Some(_)) => {
                    problems.push(format!("expected an error, got {answer}"))
                }
                (Err(err), Some(_), _) => problems.push(format!("unexpected error {err}")),
                _ => problems.push("a case has either expect or error".into()),
            }
            if !problems.is_empty() {
                failures.push(format!(
                    "{name} ({})\n    {}",
                    case["why"],
                    problems.join("\n    ")
                ));
            }
            let output = match result {
                Ok(answer) => answer,
                Err(e) => {
                    json!({"error": {"code": e.code(), "path": e.path(), "message": e.message()}})
                }
            };
            assert!(
                outputs.insert(name.clone(), output).is_none(),
                "{name}: duplicate name"
            );
        }
    }
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target");
    fs::create_dir_all(&target).expect("target dir");
    fs::write(
        target.join("vector-outputs.json"),
        serde_json::to_string_pretty(&Value::Object(outputs)).expect("serializable"),
    )
    .expect("write target/vector-outputs.json");
    println!("{count} vectors in {} files", files.len());
    assert!(
        failures.is_empty(),
        "{} of {count} vectors failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// The wasm-bindgen suite compiles the vector files in (a browser has no
/// file system): it must list every file of `tests/vectors`.
#[test]
fn the_wasm_suite_lists_every_vector_file() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let suite = fs::read_to_string(root.join("src/wasm/tests.rs")).expect("src/wasm/tests.rs");
    for entry in fs::read_dir(root.join("tests/vectors")).expect("tests/vectors") {
        let name = entry
            .expect("entry")
            .file_name()
            .into_string()
            .expect("UTF-8");
        if name.ends_with(".json") {
            let include = format!("include_str!(\"../../tests/vectors/{name}\")");
            assert!(
                suite.contains(&include),
                "src/wasm/tests.rs does not compile in {name}"
            );
        }
    }
}
