//! From a value tree to typed requests: the *shape* of the input (types,
//! formats, enum spellings, unknown fields). Ranges and rules between fields
//! are checked by [`crate::validate`], so a request built in Rust gets the
//! same checks as one that came from JSON or JavaScript.
//!
//! * [`fields`]: an object's fields, their paths, "did you mean";
//! * [`scalars`]: the readers of single values;
//! * [`requests`]: the objects of a request, each read at the path given.
//!
//! Every field name is written once, in [`keys`]: the objects' lists of
//! known fields, their reads and [`FIELD_NAMES`] all come from there.

mod fields;
mod requests;
mod scalars;

/// Declares the field names of each object once: a module per object with
/// a constant per name and `ALL`, its names in order; and [`FIELD_NAMES`],
/// every object's names one after the other.
macro_rules! keys {
    ($($object:ident { $($key:ident),+ $(,)? })+) => {
        /// The field names of each object of a request.
        #[allow(non_upper_case_globals)]
        pub(crate) mod keys {
            $(
                pub(crate) mod $object {
                    $(pub(crate) const $key: &str = stringify!($key);)+
                    /// Every field name of this object, in order.
                    pub(crate) const ALL: &[&str] = &[$($key),+];
                }
            )+
        }

        const OBJECTS: &[&[&str]] = &[$(keys::$object::ALL),+];
    };
}

keys! {
    request {
        subscription, target_seats, as_of, actor, policy, locale, seats_to_cancel,
        target_plan, target_interval,
    }
    subscription {
        plan, interval, billing_anchor, currency, seats, seats_in_use,
        pending_cancellations, status, tax_rate, prices_include_tax,
    }
    plan { id, name, allows_additional_seats, included_seats, min_seats, max_seats, prices }
    prices { month, year }
    price { base, seat, tiers_mode, tiers }
    tier { up_to, unit, flat }
    actor { role }
    policy { proration, placement, threshold_days, decrease, anchor, rounding }
    range { from, to }
}

const fn total(lists: &[&[&str]]) -> usize {
    let (mut n, mut i) = (0, 0);
    while i < lists.len() {
        n += lists[i].len();
        i += 1;
    }
    n
}

const fn concat<const N: usize>(lists: &[&[&'static str]]) -> [&'static str; N] {
    let mut out = [""; N];
    let (mut at, mut i) = (0, 0);
    while i < lists.len() {
        let mut j = 0;
        while j < lists[i].len() {
            out[at] = lists[i][j];
            at += 1;
            j += 1;
        }
        i += 1;
    }
    out
}

const ALL_NAMES: [&str; total(OBJECTS)] = concat(OBJECTS);

/// Every field name the parser knows, each once, in a stable order (the
/// objects of a request from the top down): the WebAssembly codec's key
/// table, so that a field added to the parser needs no other edit.
// The WebAssembly codec's key table (src/wasm/wire.rs, and the generated JS).
#[cfg_attr(not(any(test, target_arch = "wasm32")), allow(dead_code))]
pub(crate) const FIELD_NAMES: &[&str] = &ALL_NAMES;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_are_unique_and_fit_a_byte() {
        for (i, name) in FIELD_NAMES.iter().enumerate() {
            assert!(!FIELD_NAMES[..i].contains(name), "{name} twice");
        }
        assert!(FIELD_NAMES.len() <= 256);
        assert_eq!(FIELD_NAMES[..3], ["subscription", "target_seats", "as_of"]);
        assert_eq!(FIELD_NAMES.last(), Some(&"to"));
    }
}
