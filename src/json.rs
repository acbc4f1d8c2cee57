//! JSON in, JSON out: what a billing server calls to re-check the request
//! a browser sent.

use crate::cancellation::validate_cancellation;
use crate::engine::quote_seat_change;
use crate::error::Error;
use crate::types::{CancellationRequest, QuoteRequest};

/// Quotes a seat change from JSON to JSON: what a billing server calls to
/// re-check the request a browser sent.
///
/// # Errors
/// As [`quote_seat_change`], and for text that is not JSON.
///
/// # Example
/// ```
/// let err = seatquote::quote_seat_change_json(r#"{"target_seats": 1}"#).unwrap_err();
/// assert_eq!(err.path(), "subscription");
/// ```
pub fn quote_seat_change_json(json: &str) -> Result<String, Error> {
    let quote = quote_seat_change(&QuoteRequest::from_json(json)?)?;
    serde_json::to_string(&quote).map_err(|_| Error::internal())
}

/// Checks a cancellation from JSON to JSON.
///
/// # Errors
/// As [`validate_cancellation`], and for text that is not JSON.
///
/// # Example
/// ```
/// let err = seatquote::validate_cancellation_json("{}").unwrap_err();
/// assert_eq!(err.code(), "INVALID_INPUT");
/// ```
pub fn validate_cancellation_json(json: &str) -> Result<String, Error> {
    let check = validate_cancellation(&CancellationRequest::from_json(json)?)?;
    serde_json::to_string(&check).map_err(|_| Error::internal())
}
