//! Every sentence seatquote writes, in English and German.
//!
//! Kept in one place so that a translation is reviewed as a whole, and so
//! that the engine only decides *what* to say, never *how*.

use crate::types::{Locale, Status};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// A date as the locale writes it: `2026-12-15` or `15.12.2026`.
pub(crate) fn date(locale: Locale, d: NaiveDate) -> String {
    // Written by hand: chrono's `format` parses its pattern on every call.
    let (y, m, day) = (d.year(), d.month(), d.day());
    match locale {
        Locale::En => format!("{y:04}-{m:02}-{day:02}"),
        Locale::De => format!("{day:02}.{m:02}.{y:04}"),
    }
}

/// An amount as the locale writes it, with the currency code:
/// `1,234.50 EUR` or `1.234,50 EUR`.
pub(crate) fn money(locale: Locale, amount: Decimal, currency: &str) -> String {
    let mut text = String::with_capacity(16);
    crate::money::push_decimal(&mut text, amount);
    let (sign, unsigned) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text.as_str()),
    };
    let (int, frac) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let (group, point) = match locale {
        Locale::En => (',', '.'),
        Locale::De => ('.', ','),
    };
    let mut out = String::with_capacity(text.len() + 8);
    out.push_str(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out.push(' ');
    out.push_str(currency);
    out
}

/// "1 seat" / "2 seats", "1 Nutzerlizenz" / "2 Nutzerlizenzen".
fn seats(locale: Locale, n: u32) -> String {
    match (locale, n) {
        (Locale::En, 1) => "1 seat".to_owned(),
        (Locale::En, n) => format!("{n} seats"),
        (Locale::De, 1) => "1 Nutzerlizenz".to_owned(),
        (Locale::De, n) => format!("{n} Nutzerlizenzen"),
    }
}

fn days(locale: Locale, n: u32) -> String {
    match (locale, n) {
        (Locale::En, 1) => "1 day".to_owned(),
        (Locale::En, n) => format!("{n} days"),
        (Locale::De, 1) => "1 Tag".to_owned(),
        (Locale::De, n) => format!("{n} Tage"),
    }
}

fn users(locale: Locale, n: u32) -> String {
    match (locale, n) {
        (Locale::En, 1) => "1 user".to_owned(),
        (Locale::En, n) => format!("{n} users"),
        (Locale::De, 1) => "1 Nutzer".to_owned(),
        (Locale::De, n) => format!("{n} Nutzer"),
    }
}

// -------------------------------------------------------------- violations

pub(crate) fn subscription_inactive(locale: Locale, status: Status) -> String {
    match (locale, status) {
        (Locale::En, Status::TrialExpired) => {
            "The trial has expired: subscribe to a plan before changing seats.".into()
        }
        (Locale::En, _) => {
            "The subscription is cancelled: subscribe again before changing seats.".into()
        }
        (Locale::De, Status::TrialExpired) => {
            "Die Testphase ist abgelaufen: Schließe zuerst ein Abonnement ab, bevor du Nutzerlizenzen änderst.".into()
        }
        (Locale::De, _) => {
            "Das Abonnement ist gekündigt: Schließe zuerst ein neues Abonnement ab, bevor du Nutzerlizenzen änderst.".into()
        }
    }
}

pub(crate) fn not_permitted(locale: Locale) -> String {
    match locale {
        Locale::En => "Only owners, admins and billing admins can change seats: ask one of them to make this change.".into(),
        Locale::De => "Nur Inhaber, Admins und Abrechnungsadmins können Nutzerlizenzen ändern: Bitte wende dich an eine dieser Personen.".into(),
    }
}

pub(crate) fn plan_upgrade_required(locale: Locale, plan: &str) -> String {
    match locale {
        Locale::En => format!("The plan \"{plan}\" does not allow additional seats: upgrade to a larger plan first."),
        Locale::De => format!("Der Tarif „{plan}“ erlaubt keine zusätzlichen Nutzerlizenzen: Wechsle zuerst in einen größeren Tarif."),
    }
}

pub(crate) fn above_maximum(locale: Locale, requested: u32, max: u32) -> String {
    match locale {
        Locale::En => format!(
            "The plan allows at most {}; {requested} requested.",
            seats(locale, max)
        ),
        Locale::De => format!(
            "Der Tarif erlaubt höchstens {}; angefragt: {requested}.",
            seats(locale, max)
        ),
    }
}

pub(crate) fn below_minimum(locale: Locale, requested: u32, min: u32) -> String {
    match locale {
        Locale::En => format!(
            "The plan needs at least {}; {requested} requested.",
            seats(locale, min)
        ),
        Locale::De => format!(
            "Der Tarif erfordert mindestens {}; angefragt: {requested}.",
            seats(locale, min)
        ),
    }
}

pub(crate) fn seats_in_use(locale: Locale, requested: u32, free: u32, remove: u32) -> String {
    match locale {
        Locale::En => format!(
            "{} can't be cancelled while only {free} {} free: seats in use must be freed first, so remove {} first.",
            seats(locale, requested),
            if free == 1 { "is" } else { "are" },
            users(locale, remove)
        ),
        Locale::De => format!(
            "{} können nicht gekündigt werden, da nur {free} frei {}: Verwendete Lizenzen müssen erst freigegeben werden, lösche also zuerst {}.",
            seats(locale, requested),
            if free == 1 { "ist" } else { "sind" },
            users(locale, remove)
        ),
    }
}

// ------------------------------------------------------- placement reasons

pub(crate) fn threshold_exceeded(
    locale: Locale,
    remaining: u32,
    invoice: NaiveDate,
    threshold: u32,
) -> String {
    match locale {
        Locale::En => format!(
            "{} until the next invoice on {} — more than {threshold}, so the prorated amount is invoiced now.",
            days(locale, remaining), date(locale, invoice)
        ),
        Locale::De => format!(
            "{} bis zur nächsten Rechnung am {} — mehr als {threshold}, daher wird der anteilige Betrag sofort in Rechnung gestellt.",
            days(locale, remaining), date(locale, invoice)
        ),
    }
}

pub(crate) fn within_threshold(
    locale: Locale,
    remaining: u32,
    invoice: NaiveDate,
    threshold: u32,
) -> String {
    match locale {
        Locale::En => format!(
            "{} until the next invoice on {} — not more than {threshold}, so the prorated amount is added to that invoice.",
            days(locale, remaining), date(locale, invoice)
        ),
        Locale::De => format!(
            "{} bis zur nächsten Rechnung am {} — nicht mehr als {threshold}, daher wird der anteilige Betrag auf diese Rechnung aufgeschlagen.",
            days(locale, remaining), date(locale, invoice)
        ),
    }
}

pub(crate) fn policy_immediate(locale: Locale) -> String {
    match locale {
        Locale::En => "The prorated amount is invoiced now.".into(),
        Locale::De => "Der anteilige Betrag wird sofort in Rechnung gestellt.".into(),
    }
}

pub(crate) fn policy_next_invoice(locale: Locale, invoice: NaiveDate) -> String {
    match locale {
        Locale::En => format!(
            "The prorated amount is added to the next invoice on {}.",
            date(locale, invoice)
        ),
        Locale::De => format!(
            "Der anteilige Betrag wird auf die nächste Rechnung am {} aufgeschlagen.",
            date(locale, invoice)
        ),
    }
}

pub(crate) fn credit_to_next_invoice(locale: Locale, invoice: NaiveDate) -> String {
    match locale {
        Locale::En => format!(
            "The credit for the removed seats reduces the next invoice on {}; credits are never paid out.",
            date(locale, invoice)
        ),
        Locale::De => format!(
            "Die Gutschrift für die entfernten Nutzerlizenzen wird mit der nächsten Rechnung am {} verrechnet; Gutschriften werden nicht ausgezahlt.",
            date(locale, invoice)
        ),
    }
}

pub(crate) fn anchor_reset(locale: Locale, as_of: NaiveDate, next: NaiveDate) -> String {
    match locale {
        Locale::En => format!(
            "The change starts a new billing period today ({}): the unused time of the current period is credited and the new period is invoiced now; the billing date moves to the day of the change, so the next invoice is on {}.",
            date(locale, as_of), date(locale, next)
        ),
        Locale::De => format!(
            "Die Änderung beginnt heute ({}) einen neuen Abrechnungszeitraum: Die ungenutzte Zeit des laufenden Zeitraums wird gutgeschrieben und der neue Zeitraum sofort berechnet; das Rechnungsdatum verschiebt sich auf den Tag der Änderung, die nächste Rechnung folgt am {}.",
            date(locale, as_of), date(locale, next)
        ),
    }
}

/// Why nothing is charged or credited.
#[derive(Debug, Clone, Copy)]
pub(crate) enum NoCharge {
    /// The seat count stays as it is.
    Unchanged,
    /// A violation refuses the change.
    Refused,
    /// A decrease at the end of the term (last active day, next invoice).
    EndOfTerm(NaiveDate, NaiveDate),
    /// `proration: none` (next invoice).
    NotProrated(NaiveDate),
    /// Only reactivated or included seats (next invoice).
    NothingBillable(NaiveDate),
}

pub(crate) fn no_charge(locale: Locale, why: NoCharge) -> String {
    use NoCharge::*;
    match (locale, why) {
        (Locale::En, Unchanged) => "The number of seats stays the same: nothing is charged.".into(),
        (Locale::De, Unchanged) => "Die Anzahl der Nutzerlizenzen bleibt gleich: Es wird nichts berechnet.".into(),
        (Locale::En, Refused) => "The change is not allowed, so nothing is charged.".into(),
        (Locale::De, Refused) => "Die Änderung ist nicht zulässig, daher wird nichts berechnet.".into(),
        (Locale::En, EndOfTerm(last, next)) => format!(
            "The cancelled seats stay active until {} and are no longer billed from the invoice on {}; nothing is credited.",
            date(locale, last), date(locale, next)
        ),
        (Locale::De, EndOfTerm(last, next)) => format!(
            "Die gekündigten Nutzerlizenzen bleiben bis zum {} aktiv und werden ab der Rechnung am {} nicht mehr berechnet; es gibt keine Gutschrift.",
            date(locale, last), date(locale, next)
        ),
        (Locale::En, NotProrated(next)) => format!(
            "This period is not prorated: the new recurring amount applies from the invoice on {}.",
            date(locale, next)
        ),
        (Locale::De, NotProrated(next)) => format!(
            "Der laufende Zeitraum wird nicht anteilig berechnet: Der neue wiederkehrende Betrag gilt ab der Rechnung am {}.",
            date(locale, next)
        ),
        (Locale::En, NothingBillable(next)) => format!(
            "No billable seat is added or removed in this period (reactivated or included seats only): the new recurring amount applies from the invoice on {}.",
            date(locale, next)
        ),
        (Locale::De, NothingBillable(next)) => format!(
            "In diesem Zeitraum kommt keine berechnete Nutzerlizenz hinzu oder weg (nur reaktivierte oder inklusive Lizenzen): Der neue wiederkehrende Betrag gilt ab der Rechnung am {}.",
            date(locale, next)
        ),
    }
}

// ------------------------------------------------------------------ lines

/// The range of a line, last day included: `(2026-11-21 to 2026-12-14)`.
fn range(locale: Locale, from: NaiveDate, to: NaiveDate) -> String {
    let last = to.pred_opt().unwrap_or(to);
    match locale {
        Locale::En => format!("({} to {})", date(locale, from), date(locale, last)),
        Locale::De => format!("({} bis {})", date(locale, from), date(locale, last)),
    }
}

/// `24 of 30 days`, or `full period`.
fn share(locale: Locale, days_used: u32, of: u32) -> String {
    match (locale, days_used == of) {
        (Locale::En, true) => "full period".into(),
        (Locale::De, true) => "voller Zeitraum".into(),
        (Locale::En, false) => format!("{days_used} of {}", days(locale, of)),
        (Locale::De, false) => {
            format!("{days_used} von {}", days(locale, of)).replace("Tage", "Tagen")
        }
    }
}

/// What a line is for, before its numbers.
#[derive(Debug, Clone, Copy)]
pub(crate) enum LineText {
    Added,
    Removed,
    UnusedTime,
    NewPeriod { seats: u32 },
}

pub(crate) struct LineFacts<'a> {
    pub quantity: u32,
    pub unit_price: Decimal,
    pub currency: &'a str,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: u32,
    pub days_in_period: u32,
}

pub(crate) fn line(locale: Locale, text: LineText, f: &LineFacts<'_>) -> String {
    let price = money(locale, f.unit_price, f.currency);
    let share = share(locale, f.days, f.days_in_period);
    let range = range(locale, f.from, f.to);
    let n = f.quantity;
    match (locale, text) {
        (Locale::En, LineText::Added) => format!(
            "{n} additional {} × {price}, {share} {range}",
            if n == 1 { "seat" } else { "seats" }
        ),
        (Locale::De, LineText::Added) => format!(
            "{n} {} × {price}, {share} {range}",
            if n == 1 {
                "zusätzliche Nutzerlizenz"
            } else {
                "zusätzliche Nutzerlizenzen"
            }
        ),
        (Locale::En, LineText::Removed) => format!(
            "Credit for {n} removed {} × {price}, {share} {range}",
            if n == 1 { "seat" } else { "seats" }
        ),
        (Locale::De, LineText::Removed) => format!(
            "Gutschrift für {n} {} × {price}, {share} {range}",
            if n == 1 {
                "entfernte Nutzerlizenz"
            } else {
                "entfernte Nutzerlizenzen"
            }
        ),
        (Locale::En, LineText::UnusedTime) => {
            format!("Unused time of the current period at {price}, {share} {range}")
        }
        (Locale::De, LineText::UnusedTime) => {
            format!("Ungenutzte Zeit des laufenden Zeitraums zu {price}, {share} {range}")
        }
        (Locale::En, LineText::NewPeriod { seats: s }) => {
            format!(
                "New billing period for {} at {price} {range}",
                seats(locale, s)
            )
        }
        (Locale::De, LineText::NewPeriod { seats: s }) => {
            format!(
                "Neuer Abrechnungszeitraum für {} zu {price} {range}",
                seats(locale, s)
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn amounts_are_grouped_per_locale() {
        let d = Decimal::from_str("1234567.50").unwrap();
        assert_eq!(money(Locale::En, d, "EUR"), "1,234,567.50 EUR");
        assert_eq!(money(Locale::De, d, "EUR"), "1.234.567,50 EUR");
        let d = Decimal::from_str("-66.67").unwrap();
        assert_eq!(money(Locale::De, d, "EUR"), "-66,67 EUR");
        assert_eq!(money(Locale::En, Decimal::from(1200), "JPY"), "1,200 JPY");
    }

    #[test]
    fn the_api_example_sentence() {
        let d = NaiveDate::from_ymd_opt(2026, 12, 15).unwrap();
        assert_eq!(
            within_threshold(Locale::En, 24, d, 30),
            "24 days until the next invoice on 2026-12-15 — not more than 30, so the prorated amount is added to that invoice."
        );
    }
}
