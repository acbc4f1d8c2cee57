//! Price tables: the quote for a whole range of seat counts in one call,
//! for calculators that draw a price curve.

use crate::engine::Context;
use crate::error::Error;
use crate::limits::MAX_TABLE_ROWS;
use crate::types::{MoneyColumns, PriceTable, QuoteRequest, TableRange};
use crate::validate;

/// Quotes every target seat count in `range` for one subscription — the
/// same answers as calling [`quote_seat_change`](crate::quote_seat_change)
/// once per row, computed without the words (descriptions and messages).
/// The request's own `target_seats` is checked like any request's but does
/// not choose the rows: the range does.
///
/// # Errors
/// As [`quote_seat_change`](crate::quote_seat_change); and for a range with
/// `from > to`, beyond [`MAX_SEATS`](crate::limits::MAX_SEATS), or of more
/// than [`MAX_TABLE_ROWS`] rows
/// (path `range.from` / `range.to`).
///
/// # Example
/// ```
/// use seatquote::{quote_price_table, QuoteRequest, TableRange};
/// let request = QuoteRequest::from_json(r#"{
///   "subscription": {
///     "plan": { "id": "business", "allows_additional_seats": true, "included_seats": 1,
///               "prices": { "month": { "base": "10.00", "seat": "5.00" } } },
///     "interval": "month", "billing_anchor": "2026-01-15", "currency": "EUR",
///     "seats": 3, "seats_in_use": 3
///   },
///   "target_seats": 3, "as_of": "2026-11-21"
/// }"#)?;
/// let table = quote_price_table(&request, TableRange { from: 3, to: 6 })?;
/// assert_eq!(table.target_seats, [3, 4, 5, 6]);
/// let totals: Vec<String> = table.next_invoice_total.gross.iter().map(|d| d.to_string()).collect();
/// assert_eq!(totals, ["20.00", "29.00", "38.00", "47.00"]);
/// # Ok::<(), seatquote::Error>(())
/// ```
pub fn quote_price_table(request: &QuoteRequest, range: TableRange) -> Result<PriceTable, Error> {
    quote_price_table_with(request, range, &validate::system_today)
}

/// [`quote_price_table`] with the caller's idea of today.
pub(crate) fn quote_price_table_with(
    request: &QuoteRequest,
    range: TableRange,
    today: validate::Today<'_>,
) -> Result<PriceTable, Error> {
    validate::count(range.from, "range.from")?;
    validate::count(range.to, "range.to")?;
    if range.from > range.to {
        return Err(Error::new(
            "range.to",
            format!(
                "the range ends ({}) before it starts ({}): give from <= to",
                range.to, range.from
            ),
        ));
    }
    let rows = range.to - range.from + 1;
    if rows > MAX_TABLE_ROWS {
        return Err(Error::new(
            "range.to",
            format!("{rows} rows is too many: a table has at most {MAX_TABLE_ROWS}"),
        ));
    }
    validate::count(request.target_seats, "target_seats")?;
    let ctx = Context::for_quote(request, today)?;
    let n = rows as usize;
    let mut table = PriceTable {
        currency: request.subscription.currency.clone(),
        target_seats: Vec::with_capacity(n),
        due_now: MoneyColumns::with_capacity(n),
        next_invoice_total: MoneyColumns::with_capacity(n),
        recurring_after: MoneyColumns::with_capacity(n),
        placement: Vec::with_capacity(n),
        allowed: Vec::with_capacity(n),
    };
    for target in range.from..=range.to {
        // The quote's own numbers, without its words.
        let outcome = ctx.outcome(target)?;
        let invoiced = outcome.invoiced(&ctx)?;
        table.target_seats.push(target);
        table.due_now.push(invoiced.due_now);
        table.next_invoice_total.push(invoiced.next_invoice_total);
        table.recurring_after.push(invoiced.recurring_after);
        table.placement.push(outcome.placement());
        table.allowed.push(outcome.allowed());
    }
    Ok(table)
}
