// The TypeScript types of the npm package `seatquote`. This file is the
// single source of truth for them: it is embedded into the WebAssembly glue
// with a `typescript_custom_section` (src/wasm/mod.rs), and the build copies
// it as pkg/index.d.ts, the types of both package entries. What every value
// means is in the rules document (src/rules.md); the comments below say it
// for the editor.

/**
 * A decimal amount (a price or a tax rate). A string such as `"4.90"` is
 * preferred: digits with an optional decimal point and nothing else (no
 * spaces, `+`, `_`, commas or exponents: `"5,00"` and `"1e3"` are errors).
 * A JavaScript number is accepted when finite and read through its shortest
 * round-trip form (`4.9` is `"4.9"`; `0.1 + 0.2` has 17 decimals and is
 * refused). Binary floating point is never used in a calculation.
 *
 * Allowed: from 0 to 1,000,000,000, with at most 10 decimals (trailing zeros
 * do not count). Anything else throws a {@link SeatQuoteError} at the
 * amount's path, e.g. `"subscription.plan.prices.month.seat"`.
 */
export type Amount = string | number;
/**
 * A calendar date, exactly `"YYYY-MM-DD"`: no time, no zone. From
 * `"1900-01-01"` to `"9999-12-31"`. A malformed or impossible date (such as
 * `"2026-02-30"`) throws a {@link SeatQuoteError} at the date's path.
 */
export type IsoDate = string;

/** What a customer subscribes to: its seat rules and its prices. */
export interface Plan {
  /**
   * The plan's identifier. Given back in the `plan` parameter of a
   * `PLAN_UPGRADE_REQUIRED` violation.
   */
  id: string;
  /** A display name, used in messages instead of `id` when given. */
  name?: string | null;
  /**
   * Whether seats can be bought on this plan. `false` for plans of the
   * Solo/Solo+ kind, which must be upgraded first: a change to more seats
   * than `subscription.seats` is then refused with the violation
   * `PLAN_UPGRADE_REQUIRED` (revoking pending cancellations still works: it
   * buys no seat).
   */
  allows_additional_seats: boolean;
  /**
   * Seats covered by the base price: only seats beyond these cost
   * `seat` each. A whole number from 0 to 1,000,000. Default 0.
   */
  included_seats?: number | null;
  /**
   * The fewest renewing seats allowed: a target below it is refused with
   * `BELOW_MINIMUM`. A whole number from 0 to 1,000,000. Default
   * `max(1, included_seats)`.
   */
  min_seats?: number | null;
  /**
   * The most renewing seats allowed: a target above it is refused with
   * `ABOVE_MAXIMUM`. A whole number from 0 to 1,000,000, not below the
   * minimum (else a {@link SeatQuoteError} at
   * `"subscription.plan.max_seats"`). Default: no maximum.
   */
  max_seats?: number | null;
  /**
   * The plan's price for each billing interval it is sold in. The price of
   * the subscription's `interval` is required: without it the request throws
   * a {@link SeatQuoteError} at `"subscription.plan.prices.month"` (or
   * `.year`). A price given for the other interval is checked too.
   */
  prices: {
    /** The price per month. */
    month?: Price | null;
    /** The price per year. */
    year?: Price | null;
  };
}
/**
 * The price of one billing interval, before tax (or including tax when the
 * subscription has `prices_include_tax: true`): a base price, and the seats
 * beyond the plan's `included_seats` (the billable seats) priced either at
 * one `seat` price each or by `tiers`. The recurring amount for `n`
 * renewing seats is `base + S(max(0, n − included_seats))`, rounded once,
 * where `S(q)` is `q × seat` or the tiers' amount of `q` seats.
 *
 * Exactly one of `seat` and `tiers` (with its `tiers_mode`): both or
 * neither throw a {@link SeatQuoteError} at the price's path (such as
 * `"subscription.plan.prices.month"`), `tiers` without `tiers_mode` or the
 * reverse at the missing field's.
 *
 * @example
 * // 1–5 seats 7.00 each, 6–10 6.50, 11 and more 6.00.
 * const price: Price = {
 *   base: "0",
 *   tiers_mode: "graduated",
 *   tiers: [
 *     { up_to: 5, unit: "7.00" },
 *     { up_to: 10, unit: "6.50" },
 *     { up_to: null, unit: "6.00" },
 *   ],
 * };
 */
export type Price =
  | {
      /** The base price per interval; it covers the plan's `included_seats`. */
      base: Amount;
      /** The price per interval of each seat beyond the plan's `included_seats`. */
      seat: Amount;
    }
  | {
      /** The base price per interval; it covers the plan's `included_seats`. */
      base: Amount;
      /**
       * `"graduated"`: each billable seat costs the `unit` of the tier it
       * falls in, plus the `flat` of every tier reached (6 seats of the
       * example: 5 × 7.00 + 6.50 = 41.50). `"volume"`: every billable seat
       * costs the `unit` of the tier the count falls in, plus that tier's
       * `flat` (6 seats: 6 × 6.50 = 39.00; with volume prices adding a seat
       * can lower the amount, and the quote then credits).
       */
      tiers_mode: "graduated" | "volume";
      /**
       * 1 to 50 tiers with strictly increasing `up_to`, the last one open
       * (`up_to: null`). A tier's problem throws at its index, such as
       * `"subscription.plan.prices.month.tiers.2.up_to"`.
       */
      tiers: Tier[];
    };

/**
 * One tier of a tiered {@link Price}: the billable seats after the previous
 * tier's `up_to` (from 1 for the first tier), up to and including its own.
 */
export interface Tier {
  /**
   * The last billable seat of the tier: a whole number from 1 to 1,000,000,
   * above the previous tier's. `null` for the last tier, and only for it:
   * it has no upper bound.
   */
  up_to: number | null;
  /** The price per interval of each seat of the tier. */
  unit: Amount;
  /** An amount per interval once the tier is reached. Default 0. */
  flat?: Amount | null;
}

/**
 * A subscription as it is now, before the change. Seat counts are whole
 * numbers from 0 to 1,000,000.
 */
export interface Subscription {
  /** The plan subscribed to. */
  plan: Plan;
  /**
   * The billing interval: one period is one month or one year. It chooses
   * the price in `plan.prices`.
   */
  interval: "month" | "year";
  /**
   * The date billing periods are counted from. Period *k* starts at
   * `billing_anchor` + *k* intervals, computed from the anchor each time and
   * clamped to the end of shorter months (anchor `"2026-01-31"`: periods
   * start on 2026-02-28, 2026-03-31, 2026-04-30, …). The day of the change
   * (`as_of`) must not lie before it.
   */
  billing_anchor: IsoDate;
  /**
   * The ISO 4217 code of every amount, in upper case, e.g. `"EUR"`. It fixes
   * the decimals of every amount in the answer: `"8.00"` in EUR, `"1200"` in
   * JPY, `"1.250"` in KWD. An unknown or lower-case code throws a
   * {@link SeatQuoteError} at `"subscription.currency"`.
   */
  currency: string;
  /** Seats active and paid for in the current period (pending cancellations included). */
  seats: number;
  /**
   * Of `seats`, those assigned to users. More than `seats` throws a
   * {@link SeatQuoteError} at `"subscription.seats_in_use"`.
   */
  seats_in_use: number;
  /**
   * Of `seats`, those already cancelled: they stay active until the period
   * ends and do not renew. An increase revokes them first, at no charge.
   * `seats_in_use + pending_cancellations` may not exceed `seats` (else a
   * {@link SeatQuoteError} at `"subscription.pending_cancellations"`).
   * Default 0.
   */
  pending_cancellations?: number | null;
  /**
   * Whether the subscription can be changed. `"trial_expired"` (subscribe
   * first) and `"canceled"` refuse every change with the violation
   * `SUBSCRIPTION_INACTIVE`. Default `"active"`.
   */
  status?: "active" | "trial_expired" | "canceled" | null;
  /**
   * The VAT or sales tax rate as a fraction: `"0.19"` for 19 %. Tax is
   * computed once per total (what is due now, the next invoice, each
   * recurring amount), never per line. Default `"0"` (no tax).
   */
  tax_rate?: Amount | null;
  /**
   * Whether the plan's prices already include the tax. With `true`, line
   * amounts, `adjustments` and credits are gross, and the net is taken out
   * of each total. Default `false` (prices are net).
   */
  prices_include_tax?: boolean | null;
}

/**
 * The billing rules. Every field may be omitted; the defaults (rules §5)
 * are the Billomat behaviour: daily proration, charged now only when more
 * than 30 days remain, decreases at the end of the term, the billing anchor
 * kept, commercial rounding. An unknown value throws a
 * {@link SeatQuoteError} at its path, e.g. `"policy.placement"`.
 */
export interface Policy {
  /**
   * How added (or, with `decrease: "immediate_credit"`, removed) seats are
   * charged for the current period: `"daily"` by days,
   * `price × days_remaining / days_in_period`; `"full"` the whole period's
   * price; `"none"` nothing until the next period. Default `"daily"`.
   */
  proration?: "daily" | "full" | "none" | null;
  /**
   * When a charge is invoiced: `"threshold"` now if more than
   * `threshold_days` remain until the next invoice, else on the next
   * invoice; `"immediate"` always now; `"next_invoice"` always on the next
   * invoice. Default `"threshold"`.
   */
  placement?: "threshold" | "immediate" | "next_invoice" | null;
  /**
   * With `placement: "threshold"`: a charge is invoiced now only if strictly
   * more than this many days remain (exactly 30 of 30 goes on the next
   * invoice). A whole number from 0 to 1,000,000. Default 30.
   */
  threshold_days?: number | null;
  /**
   * What a decrease does: `"end_of_term"` keeps the seats active until the
   * period ends, without credit; `"immediate_credit"` removes them now with
   * a prorated credit. A credit is never paid out: it reduces the next
   * invoice (reason `CREDIT_TO_NEXT_INVOICE`), whatever `placement` says.
   * Default `"end_of_term"`.
   */
  decrease?: "end_of_term" | "immediate_credit" | null;
  /**
   * `"keep"`: periods keep counting from `billing_anchor`. `"reset"` (the
   * GoTo behaviour): any change ends the current period today, credits the
   * unused time of what was paid and charges a new full period from today,
   * both due now; today becomes the billing anchor. A reset ignores
   * `proration`, `placement`, `threshold_days` and `decrease`, and ends
   * pending cancellations with the old period. Default `"keep"`.
   */
  anchor?: "keep" | "reset" | null;
  /**
   * How each line and each tax amount is rounded to the currency's minor
   * units: `"half_away_from_zero"` (commercial rounding) or `"half_even"`
   * (banker's rounding). Default `"half_away_from_zero"`.
   */
  rounding?: "half_away_from_zero" | "half_even" | null;
}
/** Who asks for the change, for the permission check. */
export interface Actor {
  /**
   * The role in the customer's account. `"owner"`, `"admin"` and
   * `"billing_admin"` may change seats; a `"member"` is refused with the
   * violation `NOT_PERMITTED`.
   */
  role: "owner" | "admin" | "billing_admin" | "member";
}

/**
 * The input of {@link quote_seat_change} and {@link quote_price_table}. A
 * field the types do not name (a typo such as `seat_in_use`) throws a
 * {@link SeatQuoteError} at its own path instead of being ignored.
 */
export interface QuoteRequest {
  /** The subscription as it is now. */
  subscription: Subscription;
  /**
   * The renewing seats wanted after the change: more than
   * `seats − pending_cancellations` is an increase, fewer a decrease, the
   * same number no change. A whole number from 0 to 1,000,000 (else a
   * {@link SeatQuoteError} at `"target_seats"`).
   */
  target_seats: number;
  /**
   * The plan after the change. Omitted: the plan stays. Every rule of a
   * {@link Plan} applies, reported at `"target_plan.…"` paths. A plan with
   * the current plan's `id` *is* the current plan: it must equal
   * `subscription.plan` after defaults (amounts as numbers, `name` not
   * compared), else a {@link SeatQuoteError} at `"target_plan"` — a changed
   * plan needs its own id. The plan after the change needs a price for the
   * interval after the change.
   */
  target_plan?: Plan | null;
  /** The billing interval after the change. Omitted: the interval stays. */
  target_interval?: "month" | "year" | null;
  /**
   * The day of the change. Default: today, the local date of the browser
   * (or Node process), not the UTC date. It must not lie before
   * `subscription.billing_anchor`: a {@link SeatQuoteError} at `"as_of"`
   * (at `"subscription.billing_anchor"` when `as_of` is omitted).
   */
  as_of?: IsoDate | null;
  /** Who asks. Omitted: no permission check (e.g. an anonymous price calculator). */
  actor?: Actor | null;
  /** The billing rules; an omitted field takes its default (see {@link Policy}). */
  policy?: Policy | null;
  /** The language of messages and line descriptions: English or German. Default `"en"`. */
  locale?: "en" | "de" | null;
}

/**
 * What a seat change costs, where it is billed, and whether it is allowed.
 * Amounts are decimal strings with exactly the currency's decimals
 * (`"8.00"`).
 */
export interface SeatQuote {
  /**
   * `false` when any violation refuses the change. The amounts then describe
   * no change (no lines, `seats.after === seats.before`, the anchor kept);
   * `change` and `effective_date` still describe the change asked for.
   */
  allowed: boolean;
  /**
   * Every rule that refuses the change, in this order: `SUBSCRIPTION_INACTIVE`,
   * `NOT_PERMITTED`, `PLAN_UPGRADE_REQUIRED`, `ABOVE_MAXIMUM`,
   * `BELOW_MINIMUM`, `SEATS_IN_USE`. Empty when allowed; keeping the seat
   * count is never refused.
   */
  violations: Violation[];
  /** The direction asked for (also when refused), in renewing seats. */
  change: "increase" | "decrease" | "none";
  /** The day of the change: the request's `as_of`, or today's local date when it was omitted. */
  as_of: IsoDate;
  /** The subscription's currency, in which every amount is given. */
  currency: string;
  /** Seat counts around the change. */
  seats: {
    /** Active seats now (the subscription's `seats`). */
    before: number;
    /**
     * Active seats right after the change. A decrease at the end of the term
     * leaves it at `before`: the seats stay active until the period ends.
     */
    after: number;
    /** Renewing seats now: `seats − pending_cancellations`. */
    renewing_before: number;
    /** Renewing seats after the change: `target_seats` (or `renewing_before` when refused). */
    renewing_after: number;
    /** New seats bought. */
    added: number;
    /** Pending cancellations revoked by an increase (free: they are paid for this period). */
    reactivated: number;
    /** Renewing seats given up. */
    removed: number;
  };
  /** The current billing period, `[start, end)`, as of the day of the change. */
  period: {
    /** Its first day. */
    start: IsoDate;
    /** The day after its last day: the next invoice date (unless the anchor is reset). */
    end: IsoDate;
    /** `end − start`, in days. */
    days_in_period: number;
    /** `end − as_of`, in days: the day of the change counts as a day of use. */
    days_remaining: number;
  };
  /**
   * When the change takes effect: `as_of`, or the period end for a decrease
   * at the end of the term. Also given for a refused change (when it would
   * take effect).
   */
  effective_date: IsoDate;
  /**
   * The charges and credits of the change, each rounded once. Empty when
   * there is nothing to bill, e.g. for a refused change, no change or a
   * decrease at the end of the term.
   */
  lines: Line[];
  /**
   * Where the lines are billed, summed up: `"immediate"` when any line is due
   * now, `"next_invoice"` when all go on the next invoice, `"none"` when there
   * is no line.
   */
  placement: "immediate" | "next_invoice" | "none";
  /** Why the lines are placed as they are. */
  placement_reason: {
    /**
     * A stable code: `THRESHOLD_EXCEEDED`, `WITHIN_THRESHOLD`,
     * `POLICY_IMMEDIATE`, `POLICY_NEXT_INVOICE`, `CREDIT_TO_NEXT_INVOICE`,
     * `ANCHOR_RESET` or `NO_CHARGE`.
     */
    code: PlacementReasonCode;
    /**
     * The reason in words for the customer, in the request's locale, e.g.
     * "24 days until the next invoice on 2026-12-15 — not more than 30, so
     * the prorated amount is added to that invoice."
     */
    message: string;
  };
  /** What is invoiced now. Never negative: a larger credit goes to `credit_carried_forward`. */
  due_now: Money;
  /**
   * Credit left over after the invoice it was applied to, to be applied to
   * the invoices that follow. A decimal string, `>= 0`, in the prices' terms
   * (net, or gross with `prices_include_tax`).
   */
  credit_carried_forward: string;
  /** The next regular invoice. */
  next_invoice: {
    /** Its date: the current period's end, or one interval after `as_of` after an anchor reset. */
    date: IsoDate;
    /** The recurring amount it bills, for the renewing seats after the change. */
    recurring: Money;
    /**
     * The sum of the lines placed on it (negative for credits), a decimal
     * string in the prices' terms (net, or gross with `prices_include_tax`).
     */
    adjustments: string;
    /**
     * `recurring` plus `adjustments`, taxed once: that invoice's own total,
     * never negative (credit beyond it goes to `credit_carried_forward`).
     */
    total: Money;
  };
  /** The recurring amount per interval (month or year), before and after the change. */
  recurring: {
    /** For the renewing seats now. */
    before: Money;
    /** For the renewing seats after the change. */
    after: Money;
  };
  /** The billing anchor after the change: the request's, or `as_of` after an anchor reset. */
  billing_anchor_after: IsoDate;
  /**
   * The change of plan or billing interval, also when it is refused; `null`
   * for a seat change (plan and interval kept). With a plan change,
   * `recurring.before` is per the current interval and `recurring.after`
   * per the interval after the change.
   */
  plan_change: PlanChange | null;
  /**
   * `"sq1:"` and the lowercase hex SHA-256 of the answer's canonical form:
   * `JSON.stringify` of the answer without `description`, `message` and
   * `fingerprint` (so an English and a German preview of one request share
   * it, and anything the customer agrees to changes it). A billing server
   * that re-quotes from its own records charges only when its fingerprint
   * equals the one the customer confirmed. Computed when first read.
   */
  fingerprint: string;
}

/** A change of plan or billing interval. */
export interface PlanChange {
  /** The plan (its id) and interval now. */
  from: { plan: string; interval: "month" | "year" };
  /** The plan (its id) and interval after the change. */
  to: { plan: string; interval: "month" | "year" };
  /**
   * `"upgrade"` when the change adds seats, goes from month to year, or
   * keeps the interval without lowering the recurring amount: it takes
   * effect today. Otherwise `"downgrade"`: at the end of the term, or today
   * with `decrease: "immediate_credit"`.
   */
  direction: "upgrade" | "downgrade";
}
/** One charge or credit of a quote. */
export interface Line {
  /**
   * What the line is for: `"seat_proration"` new seats for the rest of the
   * period; `"seat_credit"` removed seats, credited for the rest of the
   * period; with a plan change or an anchor reset, `"unused_time_credit"`
   * the unused time of what was paid, `"remaining_time"` the rest of the
   * period on the plan after the change, and `"new_period"` the new full
   * period.
   */
  kind: "seat_proration" | "seat_credit" | "unused_time_credit" | "remaining_time" | "new_period";
  /**
   * The line in words, in the request's locale, e.g. "2 additional seats ×
   * 5.00 EUR, 24 of 30 days (2026-11-21 to 2026-12-14)", or for tiers "2
   * additional seats (5 → 7, graduated prices), 24 of 30 days (…)", the
   * billable seats before and after in parentheses.
   */
  description: string;
  /**
   * Billable seats; 1 for the lines of a plan change or an anchor reset, and
   * for the seat line of a tiered price.
   */
  quantity: number;
  /**
   * The price per seat and period, a decimal string with at least the
   * currency's decimals; for the lines of a plan change or an anchor reset,
   * the period amount they prorate; for the seat line of a tiered price, the
   * change of the seats' amount per period, `|S(after) − S(before)|` (its
   * sign is the line's kind: with volume tiers more seats can cost less, and
   * a `"seat_credit"` then follows an increase).
   */
  unit_price: string;
  /** The first day charged or credited; the line covers `[from, to)`. */
  from: IsoDate;
  /** The day after the last day charged or credited. */
  to: IsoDate;
  /** Days charged or credited: `to − from`. */
  days: number;
  /** Days of the period the unit price is for. */
  days_in_period: number;
  /**
   * `unit_price × quantity × days / days_in_period`, rounded once to the
   * currency's decimals; a decimal string in the prices' terms (net, or
   * gross with `prices_include_tax`); negative for credits.
   */
  amount: string;
  /** Whether the line is invoiced now or added to the next invoice. */
  placement: "now" | "next_invoice";
}
/**
 * An amount before tax, the tax, and the sum: decimal strings with exactly
 * the currency's decimals.
 */
export interface Money {
  /** Before tax. */
  net: string;
  /** The tax, computed once for this total; zero without a tax rate. */
  tax: string;
  /** `net + tax`. */
  gross: string;
}
/**
 * A rule that refuses the change. Its `params`, by `code`:
 * `SUBSCRIPTION_INACTIVE` `{ status }`; `NOT_PERMITTED` `{ role }`;
 * `PLAN_UPGRADE_REQUIRED` `{ plan, requested, seats }`; `ABOVE_MAXIMUM`
 * `{ requested, max_seats }`; `BELOW_MINIMUM` `{ requested, min_seats }`;
 * `SEATS_IN_USE` `{ requested, free, users_to_remove }`.
 */
export interface Violation {
  /**
   * A stable code: `SUBSCRIPTION_INACTIVE`, `NOT_PERMITTED`,
   * `PLAN_UPGRADE_REQUIRED`, `ABOVE_MAXIMUM`, `BELOW_MINIMUM` or
   * `SEATS_IN_USE`.
   */
  code: ViolationCode;
  /** The rule in words for the customer, in the request's locale. */
  message: string;
  /** The numbers (and texts) behind the message, to build a message of your own. */
  params: Record<string, number | string>;
}

/**
 * The input of {@link validate_cancellation}. A field the types do not name
 * throws a {@link SeatQuoteError} at its own path instead of being ignored.
 */
export interface CancellationRequest {
  /** The subscription as it is now. */
  subscription: Subscription;
  /**
   * How many renewing seats to cancel: from 1 to
   * `seats − pending_cancellations` (else a {@link SeatQuoteError} at
   * `"seats_to_cancel"`).
   */
  seats_to_cancel: number;
  /** The day of the cancellation. Default: today, the local date (see {@link QuoteRequest.as_of}). */
  as_of?: IsoDate | null;
  /** Who asks. Omitted: no permission check. */
  actor?: Actor | null;
  /** The billing rules; an omitted field takes its default (see {@link Policy}). */
  policy?: Policy | null;
  /** The language of messages: English or German. Default `"en"`. */
  locale?: "en" | "de" | null;
}
/**
 * Whether some seats may be cancelled, and what follows. Its numbers are
 * those of {@link quote_seat_change} with
 * `target_seats = seats − pending_cancellations − seats_to_cancel`; that
 * quote gives the full amounts (lines, due now, next invoice).
 */
export interface CancellationCheck {
  /** `false` when any violation refuses the cancellation. */
  allowed: boolean;
  /** Every rule that refuses it, in the order of {@link SeatQuote.violations}; empty when allowed. */
  violations: Violation[];
  /** As asked. */
  seats_to_cancel: number;
  /** Seats that can be cancelled without removing a user: `seats − seats_in_use − pending_cancellations`. */
  free_seats: number;
  /** Users to delete before the cancellation is allowed; 0 when enough seats are free. */
  users_to_remove: number;
  /**
   * When the cancellation takes effect: the period end (the default, seats
   * stay active until then), or `as_of` when removed now. Also given when
   * refused.
   */
  effective_date: IsoDate;
  /** The last day the cancelled seats are active: `effective_date` − 1 day. */
  last_active_day: IsoDate;
  /** Renewing seats afterwards (unchanged when refused). */
  renewing_seats_after: number;
  /** The recurring amount per interval afterwards. */
  recurring_after: Money;
  /**
   * The signed sum of the credit lines (e.g. `"-8.00"`), a decimal string in
   * the prices' terms; `"0.00"` at the end of the term.
   */
  credit: string;
  /** As {@link SeatQuote.fingerprint}: the same scheme over this answer. */
  fingerprint: string;
}

/**
 * The target seat counts of a price table, both ends included: whole
 * numbers from 0 to 1,000,000, `from <= to`, at most 100,000 rows. Anything
 * else throws a {@link SeatQuoteError} at `"range.from"` or `"range.to"`
 * (at `"range"` when it is not an object).
 */
export interface TableRange {
  /** The first target seat count. */
  from: number;
  /** The last target seat count (included). */
  to: number;
}
/** One amount per row of a price table: `net[i] + tax[i] = gross[i]`, decimal strings. */
export interface MoneyColumns {
  /** Before tax. */
  net: string[];
  /** The tax, computed once per total. */
  tax: string[];
  /** Net plus tax. */
  gross: string[];
}
/**
 * The answer of {@link quote_price_table}: one array per field, one entry per
 * target seat count. Row `i` equals `quote_seat_change` with
 * `target_seats: target_seats[i]` (`due_now.gross[i]` is its `due_now.gross`,
 * `next_invoice_total` its `next_invoice.total`, `recurring_after` its
 * `recurring.after`, …).
 */
export interface PriceTable {
  /** The subscription's currency, in which every amount is given. */
  currency: string;
  /** The target seat counts: `from, from + 1, …, to`. */
  target_seats: number[];
  /** What each change invoices now (its quote's `due_now`). */
  due_now: MoneyColumns;
  /** The total of the next invoice after each change (its quote's `next_invoice.total`). */
  next_invoice_total: MoneyColumns;
  /** The recurring amount per interval after each change (its quote's `recurring.after`). */
  recurring_after: MoneyColumns;
  /** Where each change's lines are billed (its quote's `placement`). */
  placement: ("immediate" | "next_invoice" | "none")[];
  /** Whether each change is allowed (its quote's `allowed`). */
  allowed: boolean[];
}

/**
 * What all three functions throw for malformed input: a wrong type, a value
 * out of range, an impossible date, an unknown currency, enum value or
 * field, a missing required field, or fields that contradict each other.
 * A change the billing rules refuse is not an error: it is answered with
 * `allowed: false` and its violations. After an error the module keeps
 * working. Declared for `catch` blocks: the functions throw an `Error` with
 * these fields.
 */
export interface SeatQuoteError extends Error {
  /** Always `"SeatQuoteError"`. */
  name: "SeatQuoteError";
  /**
   * `"INVALID_INPUT"` for a request to fix (every error you should expect);
   * `"INTERNAL_ERROR"` for a bug in seatquote, never expected within the
   * limits: please report it with the request.
   */
  code: "INVALID_INPUT" | "INTERNAL_ERROR";
  /**
   * The offending field as a dotted path, e.g. `"subscription.seats"`,
   * `"subscription.plan.prices.month.seat"` or `"range.to"`; `""` for the
   * request as a whole (e.g. when it is not an object).
   */
  path: string;
}

/**
 * Quotes a change in the number of seats: what it costs now and on the next
 * invoice, the new recurring amount, and whether it is allowed.
 *
 * @param request - The subscription as it is now and the renewing seats
 * wanted (`target_seats`).
 * @returns The quote. A change the rules refuse is not thrown: it has
 * `allowed: false` and its `violations`.
 * @throws {@link SeatQuoteError} for malformed input: `code`
 * `"INVALID_INPUT"`, `path` the offending field.
 *
 * @example
 * 3 → 5 seats on a monthly plan (rules §8.1): 24 of 30 days are left, not
 * more than 30, so the prorated 8.00 goes on the next invoice.
 * ```ts
 * import { quote_seat_change } from "seatquote";
 *
 * const quote = quote_seat_change({
 *   subscription: {
 *     plan: {
 *       id: "business",
 *       allows_additional_seats: true,
 *       included_seats: 1,
 *       prices: { month: { base: "10.00", seat: "5.00" } },
 *     },
 *     interval: "month",
 *     billing_anchor: "2026-01-15",
 *     currency: "EUR",
 *     seats: 3,
 *     seats_in_use: 3,
 *   },
 *   target_seats: 5,
 *   as_of: "2026-11-21",
 * });
 * quote.lines[0].amount; // "8.00"
 * quote.placement; // "next_invoice"
 * quote.due_now.gross; // "0.00"
 * quote.next_invoice.total.gross; // "38.00", on quote.next_invoice.date "2026-12-15"
 * quote.recurring.after.gross; // "30.00"
 * ```
 */
export function quote_seat_change(request: QuoteRequest): SeatQuote;
/**
 * Checks whether seats may be cancelled: whether users must be removed
 * first, when the cancellation takes effect, and the recurring amount
 * afterwards.
 *
 * @param request - The subscription as it is now and `seats_to_cancel`.
 * @returns The check. A cancellation the rules refuse is not thrown: it has
 * `allowed: false` and its `violations`.
 * @throws {@link SeatQuoteError} for malformed input: `code`
 * `"INVALID_INPUT"`, `path` the offending field.
 *
 * @example
 * 5 seats, 4 in use (rules §8.5): cancelling 2 needs one user removed first.
 * ```ts
 * import { validate_cancellation } from "seatquote";
 *
 * const check = validate_cancellation({
 *   subscription: {
 *     plan: {
 *       id: "business",
 *       allows_additional_seats: true,
 *       included_seats: 1,
 *       prices: { month: { base: "10.00", seat: "5.00" } },
 *     },
 *     interval: "month",
 *     billing_anchor: "2026-01-15",
 *     currency: "EUR",
 *     seats: 5,
 *     seats_in_use: 4,
 *   },
 *   seats_to_cancel: 2,
 *   as_of: "2026-11-21",
 * });
 * check.allowed; // false
 * check.users_to_remove; // 1
 * check.violations[0].code; // "SEATS_IN_USE"
 * // With seats_to_cancel: 1 it is allowed: effective_date "2026-12-15",
 * // last_active_day "2026-12-14", recurring_after.gross "25.00", credit "0.00".
 * ```
 */
export function validate_cancellation(request: CancellationRequest): CancellationCheck;
/**
 * Quotes every target seat count from `range.from` to `range.to` for one
 * subscription in one call, for calculators that draw a price curve. The
 * request is checked like `quote_seat_change`'s (its own `target_seats`
 * included); the range chooses the rows.
 *
 * @param request - As for {@link quote_seat_change}.
 * @param range - The target seat counts, both ends included.
 * @returns One column per field, one row per target seat count.
 * @throws {@link SeatQuoteError} for malformed input: `code`
 * `"INVALID_INPUT"`, `path` the offending field (`"range.from"` /
 * `"range.to"` for the range).
 *
 * @example
 * The next invoice of the monthly plan of rules §8.1 for 3 to 6 seats.
 * ```ts
 * import { quote_price_table } from "seatquote";
 *
 * const table = quote_price_table(
 *   {
 *     subscription: {
 *       plan: {
 *         id: "business",
 *         allows_additional_seats: true,
 *         included_seats: 1,
 *         prices: { month: { base: "10.00", seat: "5.00" } },
 *       },
 *       interval: "month",
 *       billing_anchor: "2026-01-15",
 *       currency: "EUR",
 *       seats: 3,
 *       seats_in_use: 3,
 *     },
 *     target_seats: 3,
 *     as_of: "2026-11-21",
 *   },
 *   { from: 3, to: 6 },
 * );
 * table.target_seats; // [3, 4, 5, 6]
 * table.next_invoice_total.gross; // ["20.00", "29.00", "38.00", "47.00"]
 * ```
 */
export function quote_price_table(request: QuoteRequest, range: TableRange): PriceTable;

/**
 * Every `placement_reason.code` of a {@link SeatQuote}: why its lines are
 * placed as they are.
 */
export type PlacementReasonCode =
  | "THRESHOLD_EXCEEDED"
  | "WITHIN_THRESHOLD"
  | "POLICY_IMMEDIATE"
  | "POLICY_NEXT_INVOICE"
  | "CREDIT_TO_NEXT_INVOICE"
  | "ANCHOR_RESET"
  | "NO_CHARGE";

/** Every `code` of a {@link Violation}: the rule that refuses a change. */
export type ViolationCode =
  | "SUBSCRIPTION_INACTIVE"
  | "NOT_PERMITTED"
  | "PLAN_UPGRADE_REQUIRED"
  | "ABOVE_MAXIMUM"
  | "BELOW_MINIMUM"
  | "SEATS_IN_USE";
