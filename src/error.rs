//! The one error type of seatquote: malformed input, with a stable code and
//! the path of the offending field — or, never expected, a bug of seatquote.

use crate::limits::{FIRST_DATE, LAST_DATE, MAX_AMOUNT, MAX_SEATS};
use std::fmt;

/// A request seatquote cannot compute: malformed, out of range or
/// contradictory input.
///
/// Refusals that are business rules (seats still in use, a missing
/// permission, …) are **not** errors: they are [`Violation`](crate::Violation)s
/// inside a successful answer. An `Error` means the request itself must be
/// fixed; its [`path`](Error::path) names the field and its
/// [`message`](Error::message) says how.
///
/// In JavaScript it is thrown as an `Error` with `name` `"SeatQuoteError"`
/// and the properties `code` and `path`.
#[derive(Clone, PartialEq, Eq)]
pub struct Error(Box<Details>);

/// An error's fields, boxed: every `Result` of seatquote carries an error
/// as one pointer rather than two strings, which is less to move around on
/// every `?` of the success path (2.8 KB less gzipped WebAssembly).
#[derive(Clone, PartialEq, Eq)]
struct Details {
    kind: Kind,
    path: String,
    message: String,
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Error")
            .field("kind", &self.0.kind)
            .field("path", &self.0.path)
            .field("message", &self.0.message)
            .finish()
    }
}

/// Whose mistake an error is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The caller's: the request must be fixed.
    InvalidInput,
    /// seatquote's: arithmetic that cannot overflow within the limits did.
    Internal,
}

/// How a value misses its range.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Beyond {
    /// Beyond either end.
    OutOfRange,
    /// Below zero.
    Negative,
}

/// The kinds of number whose range an error message states.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Range {
    /// Seat counts and day counts.
    Counts,
    /// Prices and tax rates.
    Amounts,
    /// Calendar dates.
    Dates,
}

impl fmt::Display for Range {
    /// The range in words, as every message states it.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Range::Counts => write!(f, "counts go from 0 to {MAX_SEATS}"),
            Range::Amounts => write!(f, "amounts go from 0 to {MAX_AMOUNT}"),
            Range::Dates => write!(f, "dates go from {FIRST_DATE} to {LAST_DATE}"),
        }
    }
}

impl Error {
    /// The code of every input error.
    pub const INVALID_INPUT: &'static str = "INVALID_INPUT";
    /// The code of an error that is a bug in seatquote.
    pub const INTERNAL_ERROR: &'static str = "INTERNAL_ERROR";

    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::invalid(path.into(), message.into())
    }

    /// [`Error::new`] once its parts are strings: boxed out of line.
    #[cold]
    #[inline(never)]
    fn invalid(path: String, message: String) -> Self {
        Error(Box::new(Details {
            kind: Kind::InvalidInput,
            path,
            message,
        }))
    }

    /// `value` (as the caller wrote it) lies outside `range`: above it, or
    /// below zero where it starts.
    pub(crate) fn beyond(
        path: impl Into<String>,
        value: impl fmt::Display,
        side: Beyond,
        range: Range,
    ) -> Self {
        let what = match side {
            Beyond::OutOfRange => "out of range",
            Beyond::Negative => "negative",
        };
        Error::new(path, format!("{value} is {what}: {range}"))
    }

    /// Arithmetic that cannot overflow within the limits did: a bug of
    /// seatquote, not of the request.
    pub(crate) fn internal() -> Self {
        Error(Box::new(Details {
            kind: Kind::Internal,
            path: String::new(),
            message: "the amounts could not be computed exactly: this is a bug in seatquote, please report it with the request".to_owned(),
        }))
    }

    /// The stable, machine-readable code: `"INVALID_INPUT"` for a request
    /// to fix, `"INTERNAL_ERROR"` for a bug in seatquote (never expected).
    ///
    /// # Example
    /// ```
    /// let err = seatquote::QuoteRequest::from_json("{}").unwrap_err();
    /// assert_eq!(err.code(), "INVALID_INPUT");
    /// ```
    pub fn code(&self) -> &'static str {
        match self.0.kind {
            Kind::InvalidInput => Self::INVALID_INPUT,
            Kind::Internal => Self::INTERNAL_ERROR,
        }
    }

    /// The offending field as a dotted path, e.g. `subscription.seats_in_use`
    /// (empty when the request as a whole is wrong, and for internal errors).
    ///
    /// # Example
    /// ```
    /// let err = seatquote::QuoteRequest::from_json("{}").unwrap_err();
    /// assert_eq!(err.path(), "subscription");
    /// ```
    pub fn path(&self) -> &str {
        &self.0.path
    }

    /// A sentence that says what is wrong and how to fix it.
    ///
    /// # Example
    /// ```
    /// let err = seatquote::QuoteRequest::from_json("{}").unwrap_err();
    /// assert!(err.message().contains("subscription"));
    /// ```
    pub fn message(&self) -> &str {
        &self.0.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.0.path.is_empty() {
            f.write_str(&self.0.message)
        } else {
            write!(f, "{}: {}", self.0.path, self.0.message)
        }
    }
}

impl std::error::Error for Error {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_errors_have_their_own_code_and_no_path() {
        let err = Error::internal();
        assert_eq!(err.code(), "INTERNAL_ERROR");
        assert_eq!(err.path(), "");
        assert!(err.message().contains("bug in seatquote"));
        assert_eq!(Error::new("x", "y").code(), "INVALID_INPUT");
    }

    #[test]
    fn ranges_are_worded_once() {
        let err = Error::beyond("p", 7, Beyond::OutOfRange, Range::Counts);
        assert_eq!(
            err.message(),
            "7 is out of range: counts go from 0 to 1000000"
        );
        let err = Error::beyond("p", "-1", Beyond::Negative, Range::Amounts);
        assert_eq!(
            err.message(),
            "-1 is negative: amounts go from 0 to 1000000000"
        );
        let err = Error::beyond("p", "1800-01-01", Beyond::OutOfRange, Range::Dates);
        assert_eq!(
            err.message(),
            "1800-01-01 is out of range: dates go from 1900-01-01 to 9999-12-31"
        );
    }
}
