//! JavaScript value → [`Value`]: the one place that looks at raw JS input.
//!
//! Hand-written instead of serde-wasm-bindgen's `Deserializer` so that every
//! JavaScript-only value (BigInt, Date, Map, NaN, -0, class instances, …) is
//! *recognised* and reported by the core with its path, rather than coerced
//! or rejected with a serde message. Every JS operation that user code can
//! intercept (getters, proxies) is called through a `catch` binding: a JS
//! exception must never unwind through WebAssembly frames, which would leave
//! the module's shadow stack behind.

use crate::value::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Requests are a few levels deep; the cap turns a cyclic or absurdly deep
/// object into an input error instead of a stack overflow (a trap).
const MAX_DEPTH: usize = 32;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Object, js_name = getPrototypeOf)]
    fn prototype_of(value: &JsValue) -> Result<JsValue, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn own_keys(value: &JsValue) -> Result<js_sys::Array, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    #[wasm_bindgen(thread_local_v2, js_namespace = Object, js_name = prototype)]
    static OBJECT_PROTOTYPE: JsValue;
}

/// Converts any JavaScript value; never fails, never panics. What JSON
/// cannot express becomes [`Value::Unsupported`], which the core rejects.
pub(crate) fn to_value(js: &JsValue) -> Value {
    convert(js, 0)
}

fn convert(js: &JsValue, depth: usize) -> Value {
    if js.is_null() || js.is_undefined() {
        return Value::Null;
    }
    if let Some(b) = js.as_bool() {
        return Value::Bool(b);
    }
    if let Some(n) = js.as_f64() {
        return number(n);
    }
    if let Some(s) = js.as_string() {
        return Value::String(s);
    }
    if js.is_bigint() {
        return Value::Unsupported("a BigInt");
    }
    if js.is_symbol() {
        return Value::Unsupported("a symbol");
    }
    if js.is_function() {
        return Value::Unsupported("a function");
    }
    if depth >= MAX_DEPTH {
        return Value::Unsupported("a value nested too deeply (a cycle?)");
    }
    match is_array(js) {
        Ok(true) => return array(js, depth),
        Ok(false) => {}
        Err(_) => return Value::Unsupported("an unreadable object"),
    }
    match prototype_of(js) {
        Ok(proto) if proto.is_null() || OBJECT_PROTOTYPE.with(|p| *p == proto) => object(js, depth),
        Ok(_) => Value::Unsupported(describe_instance(js)),
        Err(_) => Value::Unsupported("an unreadable object"),
    }
}

/// A safe integer is `Int`; anything else, `-0` included, stays `Float` so
/// the core can name it in its message.
fn number(n: f64) -> Value {
    const MAX_SAFE: f64 = 9_007_199_254_740_991.0;
    let negative_zero = n == 0.0 && n.is_sign_negative();
    if n.fract() == 0.0 && n.abs() <= MAX_SAFE && !negative_zero {
        // Exact: a safe integer fits i64 without rounding.
        Value::Int(n as i64)
    } else {
        Value::Float(n)
    }
}

fn array(js: &JsValue, depth: usize) -> Value {
    // Reflect.get rather than Array#get: a proxy's trap may throw.
    let length = js_sys::Reflect::get(js, &JsValue::from_str("length"))
        .ok()
        .and_then(|l| l.as_f64())
        .unwrap_or(0.0);
    if !(0.0..=f64::from(u32::MAX)).contains(&length) {
        return Value::Unsupported("an unreadable array");
    }
    let mut items = Vec::new();
    for i in 0..length as u32 {
        match js_sys::Reflect::get_u32(js, i) {
            Ok(item) => items.push(convert(&item, depth + 1)),
            Err(_) => return Value::Unsupported("an unreadable array"),
        }
    }
    Value::Array(items)
}

fn object(js: &JsValue, depth: usize) -> Value {
    // Own enumerable string keys, like JSON.stringify.
    let Ok(keys) = own_keys(js) else {
        return Value::Unsupported("an unreadable object");
    };
    let mut entries = Vec::with_capacity(keys.length() as usize);
    for key in keys.iter() {
        let Some(name) = key.as_string() else {
            continue;
        };
        match js_sys::Reflect::get(js, &key) {
            Ok(value) => entries.push((name, convert(&value, depth + 1))),
            Err(_) => return Value::Unsupported("an object whose getter throws"),
        }
    }
    Value::Object(entries)
}

/// Names the kind of a non-plain object for the error message.
fn describe_instance(js: &JsValue) -> &'static str {
    if js.is_instance_of::<js_sys::Date>() {
        "a Date"
    } else if js.is_instance_of::<js_sys::Map>() {
        "a Map"
    } else if js.is_instance_of::<js_sys::Set>() {
        "a Set"
    } else if js_sys::ArrayBuffer::is_view(js) || js.is_instance_of::<js_sys::ArrayBuffer>() {
        "a typed array"
    } else if js.is_instance_of::<js_sys::Promise>() {
        "a Promise"
    } else if js.is_instance_of::<js_sys::Number>()
        || js.is_instance_of::<js_sys::JsString>()
        || js.is_instance_of::<js_sys::Boolean>()
    {
        "a boxed primitive (new Number/String/Boolean)"
    } else {
        "an instance of a class (give a plain object)"
    }
}
