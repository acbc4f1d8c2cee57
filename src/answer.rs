//! The answers, field by field: one writer per answer type that hands
//! every value, with its field name and in serde's order, to a [`Sink`].
//! The WebAssembly codec writes answers through it, and so does the
//! canonical form of a fingerprint: both follow the answer's own order.

use crate::types::{CancellationCheck, Money, Param, SeatQuote, Violation};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use std::collections::BTreeMap;

/// Where an answer goes, value by value, each with its field name: the
/// WebAssembly codec's wire (which ignores the names), the canonical form
/// of a fingerprint ([`crate::fingerprint`]), or, in tests, a recorder of
/// the layout, from which `wire.generated.js` is written. So the order in
/// which JS reads an answer is, by construction, the order in which it is
/// written, and the order of the fingerprint's canonical form.
pub(crate) trait Sink: Sized {
    fn bool(&mut self, name: &'static str, b: bool);
    fn num(&mut self, name: &'static str, n: u32);
    fn str(&mut self, name: &'static str, s: &str);
    /// A decimal exactly as its `Display` (and serde) writes it.
    fn decimal(&mut self, name: &'static str, d: Decimal);
    /// `YYYY-MM-DD`, as chrono's `Display` (and serde) writes it.
    fn date(&mut self, name: &'static str, d: NaiveDate);
    fn object(&mut self, name: &'static str, fields: impl FnOnce(&mut Self));
    fn list<T>(&mut self, name: &'static str, items: &[T], item: impl Fn(&mut Self, &T));
    /// An object or `null`.
    fn nullable<T>(
        &mut self,
        name: &'static str,
        value: Option<&T>,
        fields: impl FnOnce(&mut Self, &T),
    );
    /// A violation's parameters: each a number or a text.
    fn params(&mut self, name: &'static str, params: &BTreeMap<String, Param>);
    /// The answer's fingerprint: left out of its own canonical form, and
    /// not sent to JavaScript, which computes it when it is first read.
    fn fingerprint(&mut self, name: &'static str, fingerprint: &str);
}

/// A date of a year from 0 to 9999, written by hand rather than through
/// chrono's `Display` and `core::fmt`.
pub(crate) fn push_date(text: &mut Vec<u8>, d: NaiveDate) {
    let (y, m, day) = (d.year().unsigned_abs(), d.month(), d.day());
    let digit = |n: u32| b'0' + (n % 10) as u8;
    text.extend_from_slice(&[
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ]);
}

fn money<S: Sink>(w: &mut S, name: &'static str, m: &Money) {
    w.object(name, |w| {
        w.decimal("net", m.net);
        w.decimal("tax", m.tax);
        w.decimal("gross", m.gross);
    });
}

fn violations<S: Sink>(w: &mut S, list: &[Violation]) {
    w.list("violations", list, |w, v| {
        w.str("code", v.code.as_str());
        w.str("message", &v.message);
        w.params("params", &v.params);
    });
}

/// A [`SeatQuote`], field by field as serde writes it.
pub(crate) fn quote<S: Sink>(w: &mut S, q: &SeatQuote) {
    w.bool("allowed", q.allowed);
    violations(w, &q.violations);
    w.str("change", q.change.as_str());
    w.date("as_of", q.as_of);
    w.str("currency", &q.currency);
    w.object("seats", |w| {
        let s = &q.seats;
        w.num("before", s.before);
        w.num("after", s.after);
        w.num("renewing_before", s.renewing_before);
        w.num("renewing_after", s.renewing_after);
        w.num("added", s.added);
        w.num("reactivated", s.reactivated);
        w.num("removed", s.removed);
    });
    w.object("period", |w| {
        w.date("start", q.period.start);
        w.date("end", q.period.end);
        w.num("days_in_period", q.period.days_in_period);
        w.num("days_remaining", q.period.days_remaining);
    });
    w.date("effective_date", q.effective_date);
    w.list("lines", &q.lines, |w, line| {
        w.str("kind", line.kind.as_str());
        w.str("description", &line.description);
        w.num("quantity", line.quantity);
        w.decimal("unit_price", line.unit_price);
        w.date("from", line.from);
        w.date("to", line.to);
        w.num("days", line.days);
        w.num("days_in_period", line.days_in_period);
        w.decimal("amount", line.amount);
        w.str("placement", line.placement.as_str());
    });
    w.str("placement", q.placement.as_str());
    w.object("placement_reason", |w| {
        w.str("code", q.placement_reason.code.as_str());
        w.str("message", &q.placement_reason.message);
    });
    money(w, "due_now", &q.due_now);
    w.decimal("credit_carried_forward", q.credit_carried_forward);
    w.object("next_invoice", |w| {
        w.date("date", q.next_invoice.date);
        money(w, "recurring", &q.next_invoice.recurring);
        w.decimal("adjustments", q.next_invoice.adjustments);
        money(w, "total", &q.next_invoice.total);
    });
    w.object("recurring", |w| {
        money(w, "before", &q.recurring.before);
        money(w, "after", &q.recurring.after);
    });
    w.date("billing_anchor_after", q.billing_anchor_after);
    w.nullable("plan_change", q.plan_change.as_ref(), |w, change| {
        for (name, side) in [("from", &change.from), ("to", &change.to)] {
            w.object(name, |w| {
                w.str("plan", &side.plan);
                w.str("interval", side.interval.as_str());
            });
        }
        w.str("direction", change.direction.as_str());
    });
    w.fingerprint("fingerprint", &q.fingerprint);
}

/// A [`CancellationCheck`], field by field as serde writes it.
pub(crate) fn cancellation<S: Sink>(w: &mut S, c: &CancellationCheck) {
    w.bool("allowed", c.allowed);
    violations(w, &c.violations);
    w.num("seats_to_cancel", c.seats_to_cancel);
    w.num("free_seats", c.free_seats);
    w.num("users_to_remove", c.users_to_remove);
    w.date("effective_date", c.effective_date);
    w.date("last_active_day", c.last_active_day);
    w.num("renewing_seats_after", c.renewing_seats_after);
    money(w, "recurring_after", &c.recurring_after);
    w.decimal("credit", c.credit);
    w.fingerprint("fingerprint", &c.fingerprint);
}
