//! Every sentence seatquote writes, in English and German.
//!
//! Kept in one place so that a translation is reviewed as a whole, and so
//! that the engine only decides *what* to say, never *how*.
//!
//! Sentences are put together with [`text!`] from [`Piece`]s rather than
//! with `format!`: a quote writes several sentences, and `core::fmt` was
//! most of the time a quote took in WebAssembly.

use crate::money::push_ascii;
use crate::types::{Interval, Locale, Status, TiersMode};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// One piece of a sentence.
trait Piece {
    fn push_to(self, out: &mut String);
}

impl Piece for &str {
    // Out of line, like the number below: a push inlined at every piece of
    // every sentence cost 1 KB of gzipped WebAssembly.
    #[inline(never)]
    fn push_to(self, out: &mut String) {
        out.push_str(self);
    }
}

impl Piece for u32 {
    #[inline(never)]
    fn push_to(self, out: &mut String) {
        push_number(out, self);
    }
}

/// The sentence of the pieces, in order.
macro_rules! text {
    ($($piece:expr),+ $(,)?) => {{
        let mut out = sentence();
        $(Piece::push_to($piece, &mut out);)+
        out
    }};
}

/// The room of one sentence, allocated out of line (one call per sentence).
#[inline(never)]
fn sentence() -> String {
    String::with_capacity(128)
}

fn push_number(out: &mut String, n: u32) {
    push_padded(out, n, 1);
}

/// `n` as at least `width` digits (`7` → `07`), for dates.
#[inline]
fn push_padded(out: &mut String, n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let mut at = digits.len();
    let mut rest = n;
    while rest > 0 || digits.len() - at < width {
        at -= 1;
        digits[at] = b'0' + (rest % 10) as u8;
        rest /= 10;
    }
    push_ascii(out, &digits[at..]);
}

/// A date as the locale writes it: `2026-12-15` or `15.12.2026`.
struct Date(Locale, NaiveDate);

impl Piece for Date {
    fn push_to(self, out: &mut String) {
        let Date(locale, d) = self;
        let (y, m, day) = (d.year(), d.month(), d.day());
        let Ok(year) = u32::try_from(y) else {
            // Not reachable within the supported dates (1900–9999).
            out.push_str(&d.to_string());
            return;
        };
        match locale {
            Locale::En => {
                push_padded(out, year, 4);
                "-".push_to(out);
                push_padded(out, m, 2);
                "-".push_to(out);
                push_padded(out, day, 2);
            }
            Locale::De => {
                push_padded(out, day, 2);
                ".".push_to(out);
                push_padded(out, m, 2);
                ".".push_to(out);
                push_padded(out, year, 4);
            }
        }
    }
}

/// An amount as the locale writes it, with the currency code:
/// `1,234.50 EUR` or `1.234,50 EUR`.
struct Money<'a>(Locale, Decimal, &'a str);

impl Piece for Money<'_> {
    fn push_to(self, out: &mut String) {
        let Money(locale, amount, currency) = self;
        let mut plain = String::with_capacity(40);
        crate::money::push_decimal(&mut plain, amount);
        let plain = plain.as_bytes();
        let (sign, unsigned) = match plain.split_first() {
            Some((b'-', rest)) => (&plain[..1], rest),
            _ => (&plain[..0], plain),
        };
        let point = unsigned.iter().position(|b| *b == b'.');
        let (int, frac) = match point {
            Some(i) => (&unsigned[..i], &unsigned[i + 1..]),
            None => (unsigned, &unsigned[..0]),
        };
        let (group, point) = match locale {
            Locale::En => (b',', b'.'),
            Locale::De => (b'.', b','),
        };
        // At most 29 digits, 9 group separators, a point and a sign.
        let mut text = [0u8; 48];
        let mut len = 0;
        for b in sign {
            text[len] = *b;
            len += 1;
        }
        for (i, digit) in int.iter().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                text[len] = group;
                len += 1;
            }
            text[len] = *digit;
            len += 1;
        }
        if !frac.is_empty() {
            text[len] = point;
            len += 1;
        }
        push_ascii(out, &text[..len]);
        push_ascii(out, frac);
        " ".push_to(out);
        currency.push_to(out);
    }
}

#[cfg(test)]
pub(crate) fn money(locale: Locale, amount: Decimal, currency: &str) -> String {
    text![Money(locale, amount, currency)]
}

/// A count and its noun, singular for 1: `(n, one, many)`.
struct Counted(u32, &'static str, &'static str);

impl Piece for Counted {
    fn push_to(self, out: &mut String) {
        let Counted(n, one, many) = self;
        push_number(out, n);
        " ".push_to(out);
        (if n == 1 { one } else { many }).push_to(out);
    }
}

/// "1 seat" / "2 seats", "1 Nutzerlizenz" / "2 Nutzerlizenzen".
fn seats(locale: Locale, n: u32) -> Counted {
    match locale {
        Locale::En => Counted(n, "seat", "seats"),
        Locale::De => Counted(n, "Nutzerlizenz", "Nutzerlizenzen"),
    }
}

fn days(locale: Locale, n: u32) -> Counted {
    match locale {
        Locale::En => Counted(n, "day", "days"),
        Locale::De => Counted(n, "Tag", "Tage"),
    }
}

fn users(locale: Locale, n: u32) -> Counted {
    match locale {
        Locale::En => Counted(n, "user", "users"),
        Locale::De => Counted(n, "Nutzer", "Nutzer"),
    }
}

// -------------------------------------------------------------- violations

pub(crate) fn subscription_inactive(locale: Locale, status: Status) -> String {
    match (locale, status) {
        (Locale::En, Status::TrialExpired) => {
            text!["The trial has expired: subscribe to a plan before changing seats."]
        }
        (Locale::En, _) => {
            text!["The subscription is cancelled: subscribe again before changing seats."]
        }
        (Locale::De, Status::TrialExpired) => {
            text!["Die Testphase ist abgelaufen: Schließe zuerst ein Abonnement ab, bevor du Nutzerlizenzen änderst."]
        }
        (Locale::De, _) => {
            text!["Das Abonnement ist gekündigt: Schließe zuerst ein neues Abonnement ab, bevor du Nutzerlizenzen änderst."]
        }
    }
}

pub(crate) fn not_permitted(locale: Locale) -> String {
    match locale {
        Locale::En => text!["Only owners, admins and billing admins can change seats: ask one of them to make this change."],
        Locale::De => text!["Nur Inhaber, Admins und Abrechnungsadmins können Nutzerlizenzen ändern: Bitte wende dich an eine dieser Personen."],
    }
}

pub(crate) fn plan_upgrade_required(locale: Locale, plan: &str) -> String {
    match locale {
        Locale::En => text![
            "The plan \"",
            plan,
            "\" does not allow additional seats: upgrade to a larger plan first."
        ],
        Locale::De => text![
            "Der Tarif „",
            plan,
            "“ erlaubt keine zusätzlichen Nutzerlizenzen: Wechsle zuerst in einen größeren Tarif."
        ],
    }
}

pub(crate) fn above_maximum(locale: Locale, requested: u32, max: u32) -> String {
    match locale {
        Locale::En => text![
            "The plan allows at most ",
            seats(locale, max),
            "; ",
            requested,
            " requested."
        ],
        Locale::De => text![
            "Der Tarif erlaubt höchstens ",
            seats(locale, max),
            "; angefragt: ",
            requested,
            "."
        ],
    }
}

pub(crate) fn below_minimum(locale: Locale, requested: u32, min: u32) -> String {
    match locale {
        Locale::En => text![
            "The plan needs at least ",
            seats(locale, min),
            "; ",
            requested,
            " requested."
        ],
        Locale::De => text![
            "Der Tarif erfordert mindestens ",
            seats(locale, min),
            "; angefragt: ",
            requested,
            "."
        ],
    }
}

pub(crate) fn seats_in_use(locale: Locale, requested: u32, free: u32, remove: u32) -> String {
    match locale {
        Locale::En => text![
            seats(locale, requested),
            " can't be cancelled while only ",
            free,
            if free == 1 { " is" } else { " are" },
            " free: seats in use must be freed first, so remove ",
            users(locale, remove),
            " first.",
        ],
        Locale::De => text![
            seats(locale, requested),
            " können nicht gekündigt werden, da nur ",
            free,
            if free == 1 { " frei ist" } else { " frei sind" },
            ": Verwendete Lizenzen müssen erst freigegeben werden, lösche also zuerst ",
            users(locale, remove),
            ".",
        ],
    }
}

// ------------------------------------------------------- placement reasons

pub(crate) fn threshold_exceeded(
    locale: Locale,
    remaining: u32,
    invoice: NaiveDate,
    threshold: u32,
) -> String {
    let (more, so) = match locale {
        Locale::En => (" — more than ", ", so the prorated amount is invoiced now."),
        Locale::De => (
            " — mehr als ",
            ", daher wird der anteilige Betrag sofort in Rechnung gestellt.",
        ),
    };
    until_invoice(locale, remaining, invoice, [more, so], threshold)
}

pub(crate) fn within_threshold(
    locale: Locale,
    remaining: u32,
    invoice: NaiveDate,
    threshold: u32,
) -> String {
    let (not_more, so) = match locale {
        Locale::En => (
            " — not more than ",
            ", so the prorated amount is added to that invoice.",
        ),
        Locale::De => (
            " — nicht mehr als ",
            ", daher wird der anteilige Betrag auf diese Rechnung aufgeschlagen.",
        ),
    };
    until_invoice(locale, remaining, invoice, [not_more, so], threshold)
}

/// "24 days until the next invoice on …" + `compared` + the threshold +
/// `so`: the sentence of both threshold reasons.
fn until_invoice(
    locale: Locale,
    remaining: u32,
    invoice: NaiveDate,
    [compared, so]: [&str; 2],
    threshold: u32,
) -> String {
    let until = match locale {
        Locale::En => " until the next invoice on ",
        Locale::De => " bis zur nächsten Rechnung am ",
    };
    text![
        days(locale, remaining),
        until,
        Date(locale, invoice),
        compared,
        threshold,
        so
    ]
}

pub(crate) fn policy_immediate(locale: Locale) -> String {
    match locale {
        Locale::En => text!["The prorated amount is invoiced now."],
        Locale::De => text!["Der anteilige Betrag wird sofort in Rechnung gestellt."],
    }
}

pub(crate) fn policy_next_invoice(locale: Locale, invoice: NaiveDate) -> String {
    match locale {
        Locale::En => text![
            "The prorated amount is added to the next invoice on ",
            Date(locale, invoice),
            ".",
        ],
        Locale::De => text![
            "Der anteilige Betrag wird auf die nächste Rechnung am ",
            Date(locale, invoice),
            " aufgeschlagen.",
        ],
    }
}

/// What a credit on the next invoice is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Credit {
    /// Seats removed now.
    RemovedSeats,
    /// Seats added that lower the price of every seat (volume tiers).
    LowerSeatPrice,
    /// A plan change whose unused time is worth more than the rest of the period.
    PlanChange,
}

pub(crate) fn credit_to_next_invoice(locale: Locale, invoice: NaiveDate, credit: Credit) -> String {
    let what = match (locale, credit) {
        (Locale::En, Credit::RemovedSeats) => "The credit for the removed seats",
        (Locale::En, Credit::LowerSeatPrice) => "The credit for the lower price of every seat",
        (Locale::En, Credit::PlanChange) => {
            "The credit for the unused time, which exceeds the charge for the remaining time,"
        }
        (Locale::De, Credit::RemovedSeats) => "Die Gutschrift für die entfernten Nutzerlizenzen",
        (Locale::De, Credit::LowerSeatPrice) => {
            "Die Gutschrift für den niedrigeren Preis jeder Nutzerlizenz"
        }
        (Locale::De, Credit::PlanChange) => {
            "Die Gutschrift für die ungenutzte Zeit, die den Betrag für die Restlaufzeit übersteigt,"
        }
    };
    match locale {
        Locale::En => text![
            what,
            " reduces the next invoice on ",
            Date(locale, invoice),
            "; credits are never paid out.",
        ],
        Locale::De => text![
            what,
            " wird mit der nächsten Rechnung am ",
            Date(locale, invoice),
            " verrechnet; Gutschriften werden nicht ausgezahlt.",
        ],
    }
}

pub(crate) fn anchor_reset(locale: Locale, as_of: NaiveDate, next: NaiveDate) -> String {
    match locale {
        Locale::En => text![
            "The change starts a new billing period today (",
            Date(locale, as_of),
            "): the unused time of the current period is credited and the new period is invoiced now; the billing date moves to the day of the change, so the next invoice is on ",
            Date(locale, next),
            ".",
        ],
        Locale::De => text![
            "Die Änderung beginnt heute (",
            Date(locale, as_of),
            ") einen neuen Abrechnungszeitraum: Die ungenutzte Zeit des laufenden Zeitraums wird gutgeschrieben und der neue Zeitraum sofort berechnet; das Rechnungsdatum verschiebt sich auf den Tag der Änderung, die nächste Rechnung folgt am ",
            Date(locale, next),
            ".",
        ],
    }
}

/// "Change from Solo (monthly) to Business (yearly): ", the lead of every
/// placement reason of a plan change.
pub(crate) fn plan_change_lead(locale: Locale, [from, to]: [(&str, Interval); 2]) -> String {
    let adjective = |interval| match (locale, interval) {
        (Locale::En, Interval::Month) => " (monthly)",
        (Locale::En, Interval::Year) => " (yearly)",
        (Locale::De, Interval::Month) => " (monatlich)",
        (Locale::De, Interval::Year) => " (jährlich)",
    };
    let (change, to_word) = match locale {
        Locale::En => ("Change from ", " to "),
        Locale::De => ("Wechsel von ", " zu "),
    };
    text![
        change,
        from.0,
        adjective(from.1),
        to_word,
        to.0,
        adjective(to.1),
        ": "
    ]
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
    /// A plan change whose credit and charge are equal (next invoice).
    Balanced(NaiveDate),
    /// A plan change at the end of the term (the invoice it applies from).
    PlanAtTermEnd(NaiveDate),
}

pub(crate) fn no_charge(locale: Locale, why: NoCharge) -> String {
    use NoCharge::*;
    let l = locale;
    match (locale, why) {
        (Locale::En, Unchanged) => text!["The number of seats stays the same: nothing is charged."],
        (Locale::De, Unchanged) => text!["Die Anzahl der Nutzerlizenzen bleibt gleich: Es wird nichts berechnet."],
        (Locale::En, Refused) => text!["The change is not allowed, so nothing is charged."],
        (Locale::De, Refused) => text!["Die Änderung ist nicht zulässig, daher wird nichts berechnet."],
        (Locale::En, EndOfTerm(last, next)) => text![
            "The cancelled seats stay active until ",
            Date(l, last),
            " and are no longer billed from the invoice on ",
            Date(l, next),
            "; nothing is credited.",
        ],
        (Locale::De, EndOfTerm(last, next)) => text![
            "Die gekündigten Nutzerlizenzen bleiben bis zum ",
            Date(l, last),
            " aktiv und werden ab der Rechnung am ",
            Date(l, next),
            " nicht mehr berechnet; es gibt keine Gutschrift.",
        ],
        (Locale::En, NotProrated(next)) => text![
            "This period is not prorated: the new recurring amount applies from the invoice on ",
            Date(l, next),
            ".",
        ],
        (Locale::De, NotProrated(next)) => text![
            "Der laufende Zeitraum wird nicht anteilig berechnet: Der neue wiederkehrende Betrag gilt ab der Rechnung am ",
            Date(l, next),
            ".",
        ],
        (Locale::En, NothingBillable(next)) => text![
            "No billable seat is added or removed in this period (reactivated or included seats only): the new recurring amount applies from the invoice on ",
            Date(l, next),
            ".",
        ],
        (Locale::En, Balanced(next)) => text![
            "The credit for the unused time equals the charge for the remaining time: nothing is charged or credited, and the new recurring amount applies from the invoice on ",
            Date(l, next),
            ".",
        ],
        (Locale::De, Balanced(next)) => text![
            "Die Gutschrift für die ungenutzte Zeit und der Betrag für die Restlaufzeit gleichen sich aus: Es wird nichts berechnet oder gutgeschrieben, der neue wiederkehrende Betrag gilt ab der Rechnung am ",
            Date(l, next),
            ".",
        ],
        (Locale::En, PlanAtTermEnd(next)) => text![
            "The change applies from the invoice on ",
            Date(l, next),
            ", at the end of the current period; until then nothing changes, and nothing is charged now.",
        ],
        (Locale::De, PlanAtTermEnd(next)) => text![
            "Die Änderung gilt ab der Rechnung am ",
            Date(l, next),
            ", zum Ende des laufenden Zeitraums; bis dahin ändert sich nichts, und jetzt wird nichts berechnet.",
        ],
        (Locale::De, NothingBillable(next)) => text![
            "In diesem Zeitraum kommt keine berechnete Nutzerlizenz hinzu oder weg (nur reaktivierte oder inklusive Lizenzen): Der neue wiederkehrende Betrag gilt ab der Rechnung am ",
            Date(l, next),
            ".",
        ],
    }
}

// ------------------------------------------------------------------ lines

/// The range of a line, last day included: `(2026-11-21 to 2026-12-14)`.
struct Range(Locale, NaiveDate, NaiveDate);

impl Piece for Range {
    fn push_to(self, out: &mut String) {
        let Range(locale, from, to) = self;
        let last = to.pred_opt().unwrap_or(to);
        "(".push_to(out);
        Date(locale, from).push_to(out);
        match locale {
            Locale::En => " to ",
            Locale::De => " bis ",
        }
        .push_to(out);
        Date(locale, last).push_to(out);
        ")".push_to(out);
    }
}

/// `24 of 30 days`, or `full period` (`24 von 30 Tagen`, `voller Zeitraum`).
struct Share(Locale, u32, u32);

impl Piece for Share {
    fn push_to(self, out: &mut String) {
        let Share(locale, days_used, of) = self;
        match (locale, days_used == of) {
            (Locale::En, true) => "full period".push_to(out),
            (Locale::De, true) => "voller Zeitraum".push_to(out),
            (Locale::En, false) => {
                push_number(out, days_used);
                " of ".push_to(out);
                days(locale, of).push_to(out);
            }
            (Locale::De, false) => {
                push_number(out, days_used);
                " von ".push_to(out);
                // The dative plural: "von 30 Tagen".
                Counted(of, "Tag", "Tagen").push_to(out);
            }
        }
    }
}

/// What a line is for, before its numbers.
#[derive(Debug, Clone, Copy)]
pub(crate) enum LineText {
    Added,
    Removed,
    /// The seat line of tiers: billable seats before and after, and
    /// whether the line is a credit.
    Tiers {
        mode: TiersMode,
        before: u32,
        after: u32,
        credit: bool,
    },
    UnusedTime,
    NewPeriod {
        seats: u32,
    },
    /// A plan change: the unused time on the current plan.
    UnusedTimeOn {
        seats: u32,
    },
    /// A plan change: the rest of the period on the plan after it.
    RemainingTimeOn {
        seats: u32,
    },
    /// A plan change that restarts the period: the new period.
    NewPeriodOn {
        seats: u32,
    },
}

pub(crate) struct LineFacts<'a> {
    /// The plan a plan change's line is on (its name, else its id).
    pub plan: &'a str,
    pub quantity: u32,
    pub unit_price: Decimal,
    pub currency: &'a str,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: u32,
    pub days_in_period: u32,
}

pub(crate) fn line(locale: Locale, text: LineText, f: &LineFacts<'_>) -> String {
    use {LineText::*, Locale::*};
    if let UnusedTimeOn { seats: s } | RemainingTimeOn { seats: s } | NewPeriodOn { seats: s } =
        text
    {
        return plan_line(locale, text, s, f);
    }
    // The seat line of tiers counts the billable seats it changes.
    let n = match text {
        Tiers { before, after, .. } => before.abs_diff(after),
        _ => f.quantity,
    };
    // What the line is for: a lead, the seats it counts, and the word
    // before the price.
    let (lead, counted, before_price) = match (locale, text) {
        (En, Added) => (
            "",
            Some(Counted(n, "additional seat", "additional seats")),
            " × ",
        ),
        (De, Added) => (
            "",
            Some(Counted(
                n,
                "zusätzliche Nutzerlizenz",
                "zusätzliche Nutzerlizenzen",
            )),
            " × ",
        ),
        (En, Removed) => (
            "Credit for ",
            Some(Counted(n, "removed seat", "removed seats")),
            " × ",
        ),
        (De, Removed) => (
            "Gutschrift für ",
            Some(Counted(
                n,
                "entfernte Nutzerlizenz",
                "entfernte Nutzerlizenzen",
            )),
            " × ",
        ),
        (En, UnusedTime) => ("Unused time of the current period at ", None, ""),
        (De, UnusedTime) => ("Ungenutzte Zeit des laufenden Zeitraums zu ", None, ""),
        (
            _,
            Tiers {
                credit,
                before,
                after,
                ..
            },
        ) => {
            let added = after > before;
            let (lead, one, many) = match (locale, added) {
                (En, true) => ("Credit for ", "additional seat", "additional seats"),
                (En, false) => ("Credit for ", "removed seat", "removed seats"),
                (De, true) => (
                    "Gutschrift für ",
                    "zusätzliche Nutzerlizenz",
                    "zusätzliche Nutzerlizenzen",
                ),
                (De, false) => (
                    "Gutschrift für ",
                    "entfernte Nutzerlizenz",
                    "entfernte Nutzerlizenzen",
                ),
            };
            (
                if credit { lead } else { "" },
                Some(Counted(n, one, many)),
                " (",
            )
        }
        (En, NewPeriod { seats: s }) => ("New billing period for ", Some(seats(En, s)), " at "),
        (De, NewPeriod { seats: s }) => {
            ("Neuer Abrechnungszeitraum für ", Some(seats(De, s)), " zu ")
        }
        (_, UnusedTimeOn { .. } | RemainingTimeOn { .. } | NewPeriodOn { .. }) => ("", None, ""),
    };
    let mut out = text![lead];
    if let Some(counted) = counted {
        counted.push_to(&mut out);
    }
    before_price.push_to(&mut out);
    if let Tiers {
        mode,
        before,
        after,
        ..
    } = text
    {
        // "(5 → 7, graduated prices)": the billable seats the tiers price.
        let prices = match (locale, mode) {
            (En, TiersMode::Graduated) => ", graduated prices)",
            (En, TiersMode::Volume) => ", volume prices)",
            (De, TiersMode::Graduated) => ", Staffelpreise)",
            (De, TiersMode::Volume) => ", Volumenpreise)",
        };
        before.push_to(&mut out);
        " → ".push_to(&mut out);
        after.push_to(&mut out);
        prices.push_to(&mut out);
    } else {
        Money(locale, f.unit_price, f.currency).push_to(&mut out);
    }
    // A new period is charged in full: no share of it to name.
    if !matches!(text, NewPeriod { .. }) {
        ", ".push_to(&mut out);
        Share(locale, f.days, f.days_in_period).push_to(&mut out);
    }
    " ".push_to(&mut out);
    Range(locale, f.from, f.to).push_to(&mut out);
    out
}

/// A line of a plan change: "Remaining time on Business for 3 seats, 24
/// of 30 days (…)"; a new period has no share.
fn plan_line(locale: Locale, text: LineText, n: u32, f: &LineFacts<'_>) -> String {
    use {LineText::*, Locale::*};
    let (on, for_word) = match locale {
        En => (" on ", " for "),
        De => (" im Tarif ", " für "),
    };
    let what = match (locale, text) {
        (En, UnusedTimeOn { .. }) => "Unused time",
        (De, UnusedTimeOn { .. }) => "Ungenutzte Zeit",
        (En, RemainingTimeOn { .. }) => "Remaining time",
        (De, RemainingTimeOn { .. }) => "Restlaufzeit",
        (En, _) => "New billing period",
        (De, _) => "Neuer Abrechnungszeitraum",
    };
    let mut out = text![what, on, f.plan, for_word, seats(locale, n)];
    if !matches!(text, NewPeriodOn { .. }) {
        ", ".push_to(&mut out);
        Share(locale, f.days, f.days_in_period).push_to(&mut out);
    }
    " ".push_to(&mut out);
    Range(locale, f.from, f.to).push_to(&mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn tier_lines_say_what_changed() {
        let d = |day| NaiveDate::from_ymd_opt(2026, 12, day).unwrap();
        let facts = LineFacts {
            plan: "Team",
            quantity: 1,
            unit_price: Decimal::from(13),
            currency: "EUR",
            from: d(1),
            to: d(25),
            days: 24,
            days_in_period: 30,
        };
        let tiers = |mode, before, after, credit| LineText::Tiers {
            mode,
            before,
            after,
            credit,
        };
        let g = TiersMode::Graduated;
        assert_eq!(
            line(Locale::En, tiers(g, 5, 7, false), &facts),
            "2 additional seats (5 → 7, graduated prices), 24 of 30 days (2026-12-01 to 2026-12-24)"
        );
        assert_eq!(
            line(Locale::De, tiers(g, 5, 7, false), &facts),
            "2 zusätzliche Nutzerlizenzen (5 → 7, Staffelpreise), 24 von 30 Tagen (01.12.2026 bis 24.12.2026)"
        );
        let v = TiersMode::Volume;
        assert_eq!(
            line(Locale::En, tiers(v, 5, 6, true), &facts),
            "Credit for 1 additional seat (5 → 6, volume prices), 24 of 30 days (2026-12-01 to 2026-12-24)"
        );
        assert_eq!(
            line(Locale::De, tiers(v, 6, 5, false), &facts),
            "1 entfernte Nutzerlizenz (6 → 5, Volumenpreise), 24 von 30 Tagen (01.12.2026 bis 24.12.2026)"
        );
    }

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
