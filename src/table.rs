//! Price tables: the quote for a whole range of seat counts in one call,
//! for calculators that draw a price curve.

use crate::error::Error;
use crate::quote::Context;
use crate::types::{Placement, QuoteRequest};
use crate::validate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The most rows one price table may have.
pub const MAX_TABLE_ROWS: u32 = 100_000;

/// The range of target seat counts of a price table, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TableRange {
    /// The first target seat count.
    pub from: u32,
    /// The last target seat count (included).
    pub to: u32,
}

/// Amounts of one kind for every row: `net[i] + tax[i] = gross[i]`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoneyColumns {
    /// Before tax.
    pub net: Vec<Decimal>,
    /// The tax, rounded once per total.
    pub tax: Vec<Decimal>,
    /// Net plus tax.
    pub gross: Vec<Decimal>,
}

impl MoneyColumns {
    fn with_capacity(n: usize) -> Self {
        MoneyColumns {
            net: Vec::with_capacity(n),
            tax: Vec::with_capacity(n),
            gross: Vec::with_capacity(n),
        }
    }

    fn push(&mut self, m: crate::Money) {
        self.net.push(m.net);
        self.tax.push(m.tax);
        self.gross.push(m.gross);
    }
}

/// The answer of [`quote_price_table`]: one column per field, one row per
/// target seat count. Row `i` equals `quote_seat_change` with
/// `target_seats = target_seats[i]`: `due_now.gross[i]` is that quote's
/// `due_now.gross`, and so on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PriceTable {
    /// The currency of every amount.
    pub currency: String,
    /// The target seat counts, `from..=to`.
    pub target_seats: Vec<u32>,
    /// What each change invoices now.
    pub due_now: MoneyColumns,
    /// The total of the next invoice after each change.
    pub next_invoice_total: MoneyColumns,
    /// The recurring amount after each change.
    pub recurring_after: MoneyColumns,
    /// Where each change's lines are billed.
    pub placement: Vec<Placement>,
    /// Whether each change is allowed.
    pub allowed: Vec<bool>,
}

/// Quotes every target seat count in `range` for one subscription — the
/// same answers as calling [`quote_seat_change`](crate::quote_seat_change)
/// once per row, computed without the words (descriptions and messages).
/// The request's own `target_seats` is checked like any request's but does
/// not choose the rows: the range does.
///
/// # Errors
/// As [`quote_seat_change`](crate::quote_seat_change); and for a range with
/// `from > to`, beyond `MAX_SEATS`, or of more than [`MAX_TABLE_ROWS`] rows
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
    let ctx = Context::new(
        &request.subscription,
        request.as_of,
        request.actor,
        request.policy,
        request.locale,
        today,
    )?;
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
        let (outcome, due_now, next_total, recurring_after) = ctx.row(target)?;
        table.target_seats.push(target);
        table.due_now.push(due_now);
        table.next_invoice_total.push(next_total);
        table.recurring_after.push(recurring_after);
        table.placement.push(outcome.placement());
        table.allowed.push(outcome.allowed());
    }
    Ok(table)
}
