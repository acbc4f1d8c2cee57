//! The one error type of seatquote: malformed input, with a stable code and
//! the path of the offending field.

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    path: String,
    message: String,
}

impl Error {
    /// The code of every input error.
    pub const INVALID_INPUT: &'static str = "INVALID_INPUT";

    pub(crate) fn new(path: impl Into<String>, message: impl Into<String>) -> Self {
        Error {
            path: path.into(),
            message: message.into(),
        }
    }

    /// The stable, machine-readable code: always `"INVALID_INPUT"`.
    ///
    /// # Example
    /// ```
    /// let err = seatquote::QuoteRequest::from_json("{}").unwrap_err();
    /// assert_eq!(err.code(), "INVALID_INPUT");
    /// ```
    pub fn code(&self) -> &'static str {
        Self::INVALID_INPUT
    }

    /// The offending field as a dotted path, e.g. `subscription.seats_in_use`
    /// (empty when the request as a whole is wrong).
    ///
    /// # Example
    /// ```
    /// let err = seatquote::QuoteRequest::from_json("{}").unwrap_err();
    /// assert_eq!(err.path(), "subscription");
    /// ```
    pub fn path(&self) -> &str {
        &self.path
    }

    /// A sentence that says what is wrong and how to fix it.
    ///
    /// # Example
    /// ```
    /// let err = seatquote::QuoteRequest::from_json("{}").unwrap_err();
    /// assert!(err.message().contains("subscription"));
    /// ```
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.message)
        } else {
            write!(f, "{}: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for Error {}
