//! The fields of an object: their path (written out only for an error),
//! unknown names, and "did you mean" for a misspelt one.

use crate::error::Error;
use crate::value::{excerpt, Node};

/// The path of a field as a chain of keys, written out
/// (`"subscription.seats"`) only when an error names it: building every
/// field's path up front cost more than reading the field.
#[derive(Clone, Copy)]
pub(crate) struct Path<'a> {
    parent: Option<&'a Path<'a>>,
    key: &'a str,
}

impl<'a> Path<'a> {
    /// A path written out already: `""` (the request), `"subscription"`, …
    pub(crate) const fn new(path: &'a str) -> Self {
        Path {
            parent: None,
            key: path,
        }
    }

    pub(crate) fn child(&'a self, key: &'a str) -> Path<'a> {
        Path {
            parent: Some(self),
            key,
        }
    }

    /// `parent.key`, or `key` under an empty parent.
    pub(crate) fn render(&self) -> String {
        match self.parent.map(Path::render) {
            Some(parent) if !parent.is_empty() => format!("{parent}.{}", self.key),
            _ => self.key.to_owned(),
        }
    }
}

impl<'a> From<&'a str> for Path<'a> {
    fn from(path: &'a str) -> Self {
        Path::new(path)
    }
}

impl From<Path<'_>> for String {
    fn from(path: Path<'_>) -> String {
        path.render()
    }
}

/// The fields of an object, checked against the names it may have.
pub(crate) struct Fields<'a> {
    path: Path<'a>,
    entries: &'a [(&'a str, Node<'a>)],
}

impl<'a> Fields<'a> {
    pub(crate) fn new(value: &'a Node<'a>, path: Path<'a>, known: &[&str]) -> Result<Self, Error> {
        let Node::Object(entries) = value else {
            let path = path.render();
            let what = if path.is_empty() {
                "the request"
            } else {
                &path
            };
            let message = format!("{what} must be an object, got {}", value.describe());
            return Err(Error::new(path, message));
        };
        for (key, _) in entries {
            if !known.contains(key) {
                let hint = match closest(key, known) {
                    Some(near) => format!(" — did you mean \"{near}\"?"),
                    None => format!("; known fields: {}", known.join(", ")),
                };
                return Err(Error::new(
                    path.child(key),
                    format!("unknown field \"{}\"{hint}", excerpt(key)),
                ));
            }
        }
        Ok(Fields { path, entries })
    }

    /// The value of `key`; `None` when absent, `null` or `undefined`.
    #[inline]
    pub(crate) fn get(&self, key: &str) -> Option<&'a Node<'a>> {
        self.entries
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
            .filter(|v| !matches!(v, Node::Null))
    }

    #[inline]
    pub(crate) fn required(&self, key: &str, what: &str) -> Result<&'a Node<'a>, Error> {
        match self.get(key) {
            Some(value) => Ok(value),
            None => Err(self.missing(key, what)),
        }
    }

    /// The error of a missing field: written once, not at every field read.
    #[cold]
    #[inline(never)]
    fn missing(&self, key: &str, what: &str) -> Error {
        Error::new(
            self.path.child(key),
            format!("\"{key}\" is missing: give {what}"),
        )
    }

    /// The required field `key`, read by `read` at its path.
    #[inline]
    pub(crate) fn read<T>(
        &self,
        key: &str,
        what: &str,
        read: impl FnOnce(&'a Node<'a>, Path<'_>) -> Result<T, Error>,
    ) -> Result<T, Error> {
        read(self.required(key, what)?, self.path(key))
    }

    pub(crate) fn path<'s>(&'s self, key: &'s str) -> Path<'s> {
        self.path.child(key)
    }
}

/// The known name nearest to a misspelt one (at most two edits away).
pub(crate) fn closest<'k>(key: &str, known: &[&'k str]) -> Option<&'k str> {
    // Names whose lengths differ by more than two are more than two edits
    // apart: skipping them keeps a megabyte-long key from costing a
    // megabyte × name-length distance table per known name.
    let len = key.chars().count();
    known
        .iter()
        .filter(|k| k.chars().count().abs_diff(len) <= 2)
        .map(|k| (edit_distance(key, k), *k))
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, k)| k)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != *cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_written_as_joined_keys() {
        let root = Path::new("");
        let sub = root.child("subscription");
        assert_eq!(sub.render(), "subscription");
        assert_eq!(sub.child("seats").render(), "subscription.seats");
        assert_eq!(root.child("").render(), "");
        assert_eq!(sub.child("").render(), "subscription.");
        let prices = Path::new("subscription.plan.prices");
        let price = prices.child("month");
        assert_eq!(
            price.child("seat").render(),
            "subscription.plan.prices.month.seat"
        );
    }
}
