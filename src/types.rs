//! The request and answer types of the JavaScript contract, as Rust
//! types. They (de)serialize to exactly the JSON the npm package takes
//! and returns, so a billing server can read the browser's request and
//! re-check the browser's answer.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

// ---------------------------------------------------------------- requests

/// The two request types: their own fields after the subscription, then
/// the fields every request has, declared once here (and in this order, which is their JSON order).
macro_rules! request {
    ($(#[$meta:meta])* $name:ident { $($(#[$own_meta:meta])* $own:ident: $own_ty:ty),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, PartialEq, Serialize)]
        pub struct $name {
            /// The subscription as it is now.
            pub subscription: Subscription,
            $($(#[$own_meta])*
            pub $own: $own_ty,)+
            /// The day of the change; `None` means today (the caller's local date).
            #[serde(skip_serializing_if = "Option::is_none")]
            pub as_of: Option<NaiveDate>,
            /// Who asks; `None` skips the permission check (an anonymous price calculator).
            #[serde(skip_serializing_if = "Option::is_none")]
            pub actor: Option<Actor>,
            /// The billing rules; the default is the 30-day rule with cancellation at term end.
            pub policy: Policy,
            /// The language of messages and line descriptions.
            pub locale: Locale,
        }

        impl $name {
            /// The fields every request has, as the engine reads them.
            pub(crate) fn parts(&self) -> RequestParts<'_> {
                RequestParts {
                    subscription: &self.subscription,
                    as_of: self.as_of,
                    actor: self.actor,
                    policy: self.policy,
                    locale: self.locale,
                }
            }
        }
    };
}

request!(
    /// What a seat change would cost: the input of [`quote_seat_change`](crate::quote_seat_change).
    QuoteRequest {
        /// Renewing seats wanted after the change (`T` in the rules).
        target_seats: u32,
        /// The plan after the change; `None` keeps the plan. A plan with the
        /// current plan's id must equal it: a changed plan has its own id.
        #[serde(skip_serializing_if = "Option::is_none")]
        target_plan: Option<Plan>,
        /// The billing interval after the change; `None` keeps the interval.
        #[serde(skip_serializing_if = "Option::is_none")]
        target_interval: Option<Interval>,
    }
);

request!(
    /// Whether some seats may be cancelled: the input of
    /// [`validate_cancellation`](crate::validate_cancellation).
    CancellationRequest {
        /// How many renewing seats to cancel, `1..=seats − pending_cancellations`.
        seats_to_cancel: u32
    }
);

/// The fields every request has, borrowed: what a computation starts from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct RequestParts<'a> {
    pub subscription: &'a Subscription,
    pub as_of: Option<NaiveDate>,
    pub actor: Option<Actor>,
    pub policy: Policy,
    pub locale: Locale,
}

/// A subscription with a number of seats.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Subscription {
    /// The plan subscribed to.
    pub plan: Plan,
    /// Monthly or yearly billing.
    pub interval: Interval,
    /// The date billing periods are counted from.
    pub billing_anchor: NaiveDate,
    /// ISO 4217 code in upper case, e.g. `"EUR"`.
    pub currency: String,
    /// Seats active and paid for in the current period.
    pub seats: u32,
    /// Of those, seats assigned to users.
    pub seats_in_use: u32,
    /// Of those, seats already cancelled: active until the period ends, not renewed.
    pub pending_cancellations: u32,
    /// Whether the subscription may be changed at all.
    pub status: Status,
    /// VAT or sales tax rate, e.g. `0.19`; zero for none.
    pub tax_rate: Decimal,
    /// Whether the plan's prices already include the tax.
    pub prices_include_tax: bool,
}

/// A plan: its prices and seat rules.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    /// The plan's identifier.
    pub id: String,
    /// A display name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Whether seats beyond the ones paid for may be bought (false for Solo plans).
    pub allows_additional_seats: bool,
    /// Seats covered by the base price.
    pub included_seats: u32,
    /// The fewest renewing seats allowed; `None` means `max(1, included_seats)`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub min_seats: Option<u32>,
    /// The most renewing seats allowed; `None` means no maximum.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub max_seats: Option<u32>,
    /// Prices per billing interval.
    pub prices: Prices,
}

impl Plan {
    /// The effective minimum: `min_seats`, or `max(1, included_seats)`.
    ///
    /// # Example
    /// ```
    /// # let mut plan: seatquote::Plan = serde_json::from_str(r#"{"id":"p","allows_additional_seats":true,"prices":{}}"#).unwrap();
    /// plan.included_seats = 3;
    /// assert_eq!(plan.effective_min_seats(), 3);
    /// ```
    pub fn effective_min_seats(&self) -> u32 {
        self.min_seats.unwrap_or(self.included_seats.max(1))
    }
}

/// The plan's price for each interval it is sold in.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Prices {
    /// Price per month.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<Price>,
    /// Price per year.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year: Option<Price>,
}

/// A price for one interval, net unless `prices_include_tax`: a base price
/// and either one price per billable seat (`seat`) or `tiers` with their
/// `tiers_mode` ([rules §10](crate::rules)). Exactly one of the two is
/// given; a request that has both or neither is an input error.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Price {
    /// The plan's base price, covering `included_seats`.
    pub base: Decimal,
    /// The price of each seat beyond `included_seats`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seat: Option<Decimal>,
    /// How the tiers price the billable seats.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tiers_mode: Option<TiersMode>,
    /// 1 to 50 tiers, `up_to` strictly increasing, the last one open.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tiers: Option<Vec<Tier>>,
}

impl Price {
    /// A base price and one price per billable seat.
    ///
    /// # Example
    /// ```
    /// let price = seatquote::Price::per_seat("10.00".parse()?, "5.00".parse()?);
    /// assert_eq!(price.seat.map(|s| s.to_string()).as_deref(), Some("5.00"));
    /// # Ok::<(), rust_decimal::Error>(())
    /// ```
    pub fn per_seat(base: Decimal, seat: Decimal) -> Self {
        Price {
            base,
            seat: Some(seat),
            tiers_mode: None,
            tiers: None,
        }
    }

    /// A base price and tiers.
    pub fn tiered(base: Decimal, mode: TiersMode, tiers: Vec<Tier>) -> Self {
        Price {
            base,
            seat: None,
            tiers_mode: Some(mode),
            tiers: Some(tiers),
        }
    }
}

/// One tier of a tiered price: the billable seats after the previous
/// tier's `up_to`, up to and including its own.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tier {
    /// The last billable seat of the tier; `None` (`null`) for the last tier.
    pub up_to: Option<u32>,
    /// The price per seat and interval.
    pub unit: Decimal,
    /// A price once for reaching the tier; `None` is 0.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flat: Option<Decimal>,
}

/// Who asks for the change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Actor {
    /// The actor's role in the customer's account.
    pub role: Role,
}

/// The billing rules. [`Policy::default()`] is the Billomat behaviour:
/// daily proration, invoiced now only if more than 30 days remain,
/// cancellations at the end of the term, anchor kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Policy {
    /// How a change during a period is charged.
    pub proration: Proration,
    /// When a prorated charge is invoiced.
    pub placement: PlacementPolicy,
    /// With [`PlacementPolicy::Threshold`]: a charge is invoiced now iff
    /// more than this many days remain until the next invoice.
    pub threshold_days: u32,
    /// What a decrease does.
    pub decrease: Decrease,
    /// Whether a change restarts the billing period.
    pub anchor: AnchorPolicy,
    /// How each line is rounded to the currency's minor units.
    pub rounding: Rounding,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            proration: Proration::Daily,
            placement: PlacementPolicy::Threshold,
            threshold_days: 30,
            decrease: Decrease::EndOfTerm,
            anchor: AnchorPolicy::Keep,
            rounding: Rounding::HalfAwayFromZero,
        }
    }
}

macro_rules! string_enum {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $text)] $variant),+
        }
        impl $name {
            /// Every value with its JSON spelling.
            pub const ALL: &'static [(&'static str, $name)] = &[$(($text, $name::$variant)),+];
            /// The JSON spelling.
            ///
            /// # Example
            /// ```
            #[doc = concat!("use seatquote::", stringify!($name), ";")]
            #[doc = concat!("for (text, value) in ", stringify!($name), "::ALL {")]
            ///     assert_eq!(value.as_str(), *text);
            /// }
            /// ```
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }
        }
    };
}

string_enum!(
    /// The billing interval.
    Interval { /** Monthly. */ Month = "month", /** Yearly. */ Year = "year" }
);
string_enum!(
    /// How tiers price the billable seats.
    TiersMode {
        /** Each seat at the price of its own tier, plus the flat amount of every tier reached. */ Graduated = "graduated",
        /** Every seat at the price of the tier the count falls in, plus its flat amount. */ Volume = "volume",
    }
);
string_enum!(
    /// Whether the subscription can be changed.
    Status {
        /** Paid and running. */ Active = "active",
        /** A trial that ended: subscribe first. */ TrialExpired = "trial_expired",
        /** Cancelled. */ Canceled = "canceled",
    }
);
string_enum!(
    /// The actor's role.
    Role {
        /** Account owner. */ Owner = "owner",
        /** Administrator. */ Admin = "admin",
        /** Billing administrator. */ BillingAdmin = "billing_admin",
        /** A member: may not change seats. */ Member = "member",
    }
);
string_enum!(
    /// How a change during a period is charged.
    Proration {
        /** By days: `price × days_remaining / days_in_period`. */ Daily = "daily",
        /** The whole period's price. */ Full = "full",
        /** Nothing until the next period. */ None = "none",
    }
);
string_enum!(
    /// When a prorated charge is invoiced.
    PlacementPolicy {
        /** Now iff more than `threshold_days` remain, else on the next invoice. */ Threshold = "threshold",
        /** Always now. */ Immediate = "immediate",
        /** Always on the next invoice. */ NextInvoice = "next_invoice",
    }
);
string_enum!(
    /// What a decrease does.
    Decrease {
        /** Seats stay active until the period ends; no credit. */ EndOfTerm = "end_of_term",
        /** Seats are removed now, with a prorated credit on the next invoice. */ ImmediateCredit = "immediate_credit",
    }
);
string_enum!(
    /// Whether a change restarts the billing period.
    AnchorPolicy {
        /** Periods keep counting from the anchor. */ Keep = "keep",
        /** A change starts a new period today. */ Reset = "reset",
    }
);
string_enum!(
    /// How a line is rounded to minor units.
    Rounding {
        /** Half away from zero (kaufmännisch). */ HalfAwayFromZero = "half_away_from_zero",
        /** Half to even (banker's rounding). */ HalfEven = "half_even",
    }
);
string_enum!(
    /// The language of messages.
    Locale { /** English. */ En = "en", /** German. */ De = "de" }
);
string_enum!(
    /// The direction of the change asked for.
    Change {
        /** More renewing seats. */ Increase = "increase",
        /** Fewer renewing seats. */ Decrease = "decrease",
        /** The same number. */ None = "none",
    }
);
string_enum!(
    /// Which way a plan change goes.
    Direction {
        /** More seats or commitment, or a recurring amount that does not fall: takes effect now. */ Upgrade = "upgrade",
        /** Only a lower recurring amount or a shorter interval. */ Downgrade = "downgrade",
    }
);
string_enum!(
    /// Where the quote's lines are billed, summed up.
    Placement {
        /** At least one line is invoiced now. */ Immediate = "immediate",
        /** All lines go on the next invoice. */ NextInvoice = "next_invoice",
        /** There is no line. */ None = "none",
    }
);
string_enum!(
    /// Where one line is billed.
    LinePlacement {
        /** Invoiced now. */ Now = "now",
        /** Added to the next invoice. */ NextInvoice = "next_invoice",
    }
);
string_enum!(
    /// The kind of a line.
    LineKind {
        /** New seats for the rest of the period. */ SeatProration = "seat_proration",
        /** Removed seats, credited for the rest of the period. */ SeatCredit = "seat_credit",
        /** Plan change or anchor reset: the unused time of what was paid. */ UnusedTimeCredit = "unused_time_credit",
        /** Plan change: the rest of the period on the plan after the change. */ RemainingTime = "remaining_time",
        /** Anchor reset: the new full period. */ NewPeriod = "new_period",
    }
);
string_enum!(
    /// Why the quote is placed where it is.
    PlacementReasonCode {
        /** More than `threshold_days` remain: invoiced now. */ ThresholdExceeded = "THRESHOLD_EXCEEDED",
        /** At most `threshold_days` remain: on the next invoice. */ WithinThreshold = "WITHIN_THRESHOLD",
        /** The policy invoices now. */ PolicyImmediate = "POLICY_IMMEDIATE",
        /** The policy defers to the next invoice. */ PolicyNextInvoice = "POLICY_NEXT_INVOICE",
        /** Credits always reduce the next invoice. */ CreditToNextInvoice = "CREDIT_TO_NEXT_INVOICE",
        /** The period restarts today. */ AnchorReset = "ANCHOR_RESET",
        /** Nothing is charged or credited. */ NoCharge = "NO_CHARGE",
    }
);
string_enum!(
    /// A rule that refuses a change, in the order they are reported.
    ViolationCode {
        /** The trial expired or the subscription was cancelled. */ SubscriptionInactive = "SUBSCRIPTION_INACTIVE",
        /** The actor is a member. */ NotPermitted = "NOT_PERMITTED",
        /** New seats on a plan that allows none. */ PlanUpgradeRequired = "PLAN_UPGRADE_REQUIRED",
        /** More than `max_seats`. */ AboveMaximum = "ABOVE_MAXIMUM",
        /** Fewer than `min_seats`. */ BelowMinimum = "BELOW_MINIMUM",
        /** Not enough free seats to remove. */ SeatsInUse = "SEATS_IN_USE",
    }
);

// ----------------------------------------------------------------- answers

/// The answer of [`quote_seat_change`](crate::quote_seat_change).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SeatQuote {
    /// False when any violation refuses the change; amounts then describe no change.
    pub allowed: bool,
    /// Every rule that refuses the change, in the spec's order.
    pub violations: Vec<Violation>,
    /// The direction asked for (also when refused).
    pub change: Change,
    /// The day of the change.
    pub as_of: NaiveDate,
    /// The currency of every amount.
    pub currency: String,
    /// Seat counts before and after.
    pub seats: SeatCounts,
    /// The current billing period.
    pub period: Period,
    /// When the change takes effect: `as_of`, or the period end for a
    /// decrease at the end of the term.
    pub effective_date: NaiveDate,
    /// The charges and credits, each rounded once.
    pub lines: Vec<Line>,
    /// Where the lines are billed, summed up.
    pub placement: Placement,
    /// Why, in words for the customer.
    pub placement_reason: PlacementReason,
    /// What is invoiced now (never negative).
    pub due_now: Money,
    /// Credit left over after the invoice it was applied to, kept for later invoices.
    pub credit_carried_forward: Decimal,
    /// The next regular invoice.
    pub next_invoice: NextInvoice,
    /// The recurring amount per interval, before and after.
    pub recurring: RecurringChange,
    /// The billing anchor after the change (`as_of` after an anchor reset).
    pub billing_anchor_after: NaiveDate,
    /// The plan change, also when refused; `None` for a seat change.
    pub plan_change: Option<PlanChange>,
    /// `"sq1:"` and the SHA-256 of the answer's canonical form: every field
    /// but the texts ([rules §11](crate::rules)). A server that recomputes the
    /// quote charges only when its fingerprint equals the one confirmed.
    pub fingerprint: String,
}

/// A change of plan or billing interval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanChange {
    /// The plan and interval now.
    pub from: PlanAndInterval,
    /// The plan and interval after the change.
    pub to: PlanAndInterval,
    /// Upgrade (takes effect now) or downgrade.
    pub direction: Direction,
}

/// A plan, by its id, and a billing interval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanAndInterval {
    /// The plan's id.
    pub plan: String,
    /// Monthly or yearly.
    pub interval: Interval,
}

/// Seat counts around the change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct SeatCounts {
    /// Active seats now.
    pub before: u32,
    /// Active seats right after the change.
    pub after: u32,
    /// Renewing seats now: `seats − pending_cancellations`.
    pub renewing_before: u32,
    /// Renewing seats after the change: the target.
    pub renewing_after: u32,
    /// New seats bought.
    pub added: u32,
    /// Pending cancellations revoked.
    pub reactivated: u32,
    /// Renewing seats given up.
    pub removed: u32,
}

/// A billing period `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    /// The first day.
    pub start: NaiveDate,
    /// The day after the last day: the next invoice date.
    pub end: NaiveDate,
    /// `end − start` in days.
    pub days_in_period: u32,
    /// `end − as_of` in days; the day of the change counts as used.
    pub days_remaining: u32,
}

/// One charge or credit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// What the line is for.
    pub kind: LineKind,
    /// The line in words, in the request's locale.
    pub description: String,
    /// Billable seats (1 for the lines of plan changes and anchor resets,
    /// and for the seat line of tiers).
    pub quantity: u32,
    /// The price per seat and period (for the lines of plan changes and
    /// anchor resets: the invoice amount they prorate; for the seat line of
    /// tiers: the change of the seats' amount).
    pub unit_price: Decimal,
    /// First day charged.
    pub from: NaiveDate,
    /// Day after the last day charged.
    pub to: NaiveDate,
    /// Days charged.
    pub days: u32,
    /// Days of the period the price is for.
    pub days_in_period: u32,
    /// Rounded once, in the prices' terms; negative for credits.
    pub amount: Decimal,
    /// Invoiced now or on the next invoice.
    pub placement: LinePlacement,
}

/// An amount with its tax.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Money {
    /// Before tax.
    pub net: Decimal,
    /// The tax, rounded once per total.
    pub tax: Decimal,
    /// `net + tax`.
    pub gross: Decimal,
}

/// Why a quote is placed where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlacementReason {
    /// A stable code.
    pub code: PlacementReasonCode,
    /// The reason in the request's locale.
    pub message: String,
}

/// The next regular invoice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NextInvoice {
    /// Its date: the current period's end, or one interval after `as_of` after a reset.
    pub date: NaiveDate,
    /// The recurring amount it bills.
    pub recurring: Money,
    /// The lines added to it, summed (in the prices' terms).
    pub adjustments: Decimal,
    /// Recurring plus adjustments, never negative.
    pub total: Money,
}

/// The recurring amount before and after the change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecurringChange {
    /// For the renewing seats now.
    pub before: Money,
    /// For the renewing seats after the change.
    pub after: Money,
}

/// A rule that refuses the change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Violation {
    /// A stable code.
    pub code: ViolationCode,
    /// The rule in the request's locale.
    pub message: String,
    /// The numbers behind the message, e.g. `users_to_remove`.
    pub params: BTreeMap<String, Param>,
}

/// A violation parameter: a number or a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Param {
    /// A count.
    Number(u32),
    /// A text, such as a status or a plan id.
    Text(String),
}

/// The answer of [`validate_cancellation`](crate::validate_cancellation).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CancellationCheck {
    /// False when any violation refuses the cancellation.
    pub allowed: bool,
    /// Every rule that refuses it.
    pub violations: Vec<Violation>,
    /// As asked.
    pub seats_to_cancel: u32,
    /// `seats − seats_in_use − pending_cancellations`.
    pub free_seats: u32,
    /// Users to delete first; 0 when enough seats are free.
    pub users_to_remove: u32,
    /// When the cancellation takes effect: the period end, or `as_of` when removed now.
    pub effective_date: NaiveDate,
    /// `effective_date − 1 day`.
    pub last_active_day: NaiveDate,
    /// Renewing seats afterwards (unchanged when refused).
    pub renewing_seats_after: u32,
    /// The recurring amount afterwards.
    pub recurring_after: Money,
    /// The sum of the credit lines (zero or negative); `0.00` at the end of the term.
    pub credit: Decimal,
    /// `"sq1:"` and the SHA-256 of the answer's canonical form, as for a quote.
    pub fingerprint: String,
}

// ------------------------------------------------------------ price tables

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
    pub(crate) fn with_capacity(n: usize) -> Self {
        MoneyColumns {
            net: Vec::with_capacity(n),
            tax: Vec::with_capacity(n),
            gross: Vec::with_capacity(n),
        }
    }

    pub(crate) fn push(&mut self, m: Money) {
        self.net.push(m.net);
        self.tax.push(m.tax);
        self.gross.push(m.gross);
    }
}

/// The answer of [`quote_price_table`](crate::quote_price_table): one column per field, one row per
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
