// The TypeScript contract of the npm package `seatquote`, exactly as API.md
// states it. This file is the single source of truth for the types: it is
// embedded into the WebAssembly glue with a `typescript_custom_section`
// (src/wasm/mod.rs), and the build copies it as pkg/index.d.ts, the types of
// both package entries. SPEC.md says what every value means.

/** A decimal amount; a string such as `"4.90"` is preferred. A number is read through its shortest round-trip form. */
export type Amount = string | number;
/** A calendar date `"YYYY-MM-DD"` (no time, no zone). */
export type IsoDate = string;

/** What a customer subscribes to. */
export interface Plan {
  id: string;
  name?: string;
  /** `false` for plans (Solo/Solo+ kind) that must be upgraded before seats can be added. */
  allows_additional_seats: boolean;
  /** Seats covered by the base price; default 0. */
  included_seats?: number;
  /** Default `max(1, included_seats)`. */
  min_seats?: number;
  /** Default: no maximum. */
  max_seats?: number;
  prices: { month?: Price; year?: Price };
}
/** Prices per interval, before tax (or gross with `prices_include_tax`). */
export interface Price {
  base: Amount;
  seat: Amount;
}

/** A subscription as it is now. */
export interface Subscription {
  plan: Plan;
  interval: "month" | "year";
  billing_anchor: IsoDate;
  /** ISO 4217, e.g. `"EUR"`. */
  currency: string;
  seats: number;
  seats_in_use: number;
  /** Default 0. */
  pending_cancellations?: number;
  /** Default `"active"`. */
  status?: "active" | "trial_expired" | "canceled";
  /** Default `"0"`. */
  tax_rate?: Amount;
  /** Default `false`. */
  prices_include_tax?: boolean;
}

/** The billing rules; every field defaults to the Billomat rules (SPEC §5). */
export interface Policy {
  proration?: "daily" | "full" | "none";
  placement?: "threshold" | "immediate" | "next_invoice";
  /** Default 30. */
  threshold_days?: number;
  decrease?: "end_of_term" | "immediate_credit";
  anchor?: "keep" | "reset";
  rounding?: "half_away_from_zero" | "half_even";
}
/** Who asks for the change. */
export interface Actor {
  role: "owner" | "admin" | "billing_admin" | "member";
}

/** The input of {@link quote_seat_change}. */
export interface QuoteRequest {
  subscription: Subscription;
  /** Renewing seats wanted after the change. */
  target_seats: number;
  /** Default: today, the local date. */
  as_of?: IsoDate;
  /** Omitted: no permission check. */
  actor?: Actor;
  policy?: Policy;
  /** Default `"en"`. */
  locale?: "en" | "de";
}

/** What a seat change costs, and whether it is allowed. */
export interface SeatQuote {
  allowed: boolean;
  violations: Violation[];
  change: "increase" | "decrease" | "none";
  as_of: IsoDate;
  currency: string;
  seats: {
    /** Active now, before / right after the change. */
    before: number;
    after: number;
    renewing_before: number;
    renewing_after: number;
    added: number;
    reactivated: number;
    removed: number;
  };
  period: { start: IsoDate; end: IsoDate; days_in_period: number; days_remaining: number };
  effective_date: IsoDate;
  lines: Line[];
  placement: "immediate" | "next_invoice" | "none";
  placement_reason: { code: string; message: string };
  due_now: Money;
  /** `>= 0`. */
  credit_carried_forward: string;
  next_invoice: { date: IsoDate; recurring: Money; adjustments: string; total: Money };
  recurring: { before: Money; after: Money };
  billing_anchor_after: IsoDate;
}
/** One line of a quote. */
export interface Line {
  kind: "seat_proration" | "seat_credit" | "unused_time_credit" | "new_period";
  /** In the request's locale. */
  description: string;
  quantity: number;
  unit_price: string;
  /** `[from, to)`. */
  from: IsoDate;
  to: IsoDate;
  days: number;
  days_in_period: number;
  /** Rounded, in the prices' terms (net, or gross with `prices_include_tax`); negative for credits. */
  amount: string;
  placement: "now" | "next_invoice";
}
/** An amount before tax, the tax, and the sum. */
export interface Money {
  net: string;
  tax: string;
  gross: string;
}
/** A rule that refuses the change. SEATS_IN_USE params: `{ requested, free, users_to_remove }`. */
export interface Violation {
  code: string;
  message: string;
  params: Record<string, number | string>;
}

/** The input of {@link validate_cancellation}. */
export interface CancellationRequest {
  subscription: Subscription;
  /** `>= 1`. */
  seats_to_cancel: number;
  as_of?: IsoDate;
  actor?: Actor;
  policy?: Policy;
  locale?: "en" | "de";
}
/** Whether some seats may be cancelled, and what follows. */
export interface CancellationCheck {
  allowed: boolean;
  violations: Violation[];
  seats_to_cancel: number;
  /** `seats − seats_in_use − pending_cancellations`. */
  free_seats: number;
  /** Users to delete first; 0 when enough seats are free. */
  users_to_remove: number;
  /** Period end, or `as_of` when removed now. */
  effective_date: IsoDate;
  /** `effective_date` − 1 day. */
  last_active_day: IsoDate;
  renewing_seats_after: number;
  recurring_after: Money;
  /** Sum of the credit lines; `"0.00"` at end of term. */
  credit: string;
}

/** The target seat counts of a price table, both ends included: whole numbers, `from <= to`, at most 100,000 rows. */
export interface TableRange {
  from: number;
  to: number;
}
/** One amount per row of a price table: `net[i] + tax[i] = gross[i]`. */
export interface MoneyColumns {
  net: string[];
  tax: string[];
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
  currency: string;
  /** `from, from + 1, …, to`. */
  target_seats: number[];
  due_now: MoneyColumns;
  next_invoice_total: MoneyColumns;
  recurring_after: MoneyColumns;
  placement: ("immediate" | "next_invoice" | "none")[];
  allowed: boolean[];
}

/** What all three functions throw for malformed input (not part of API.md's list, a convenience for `catch`). */
export interface SeatQuoteError extends Error {
  name: "SeatQuoteError";
  code: "INVALID_INPUT";
  /** The offending field as a dotted path, e.g. `"subscription.seats"`; `""` for the request as a whole. */
  path: string;
}

/**
 * Quotes a change in the number of seats.
 * @throws {Error} `name` "SeatQuoteError", `code` "INVALID_INPUT", `path` the offending field.
 */
export function quote_seat_change(request: QuoteRequest): SeatQuote;
/**
 * Checks whether seats may be cancelled.
 * @throws {Error} `name` "SeatQuoteError", `code` "INVALID_INPUT", `path` the offending field.
 */
export function validate_cancellation(request: CancellationRequest): CancellationCheck;
/**
 * Quotes every target seat count from `range.from` to `range.to` for one
 * subscription in one call, for calculators that draw a price curve. The
 * request is checked like `quote_seat_change`'s (its own `target_seats`
 * included); the range chooses the rows.
 * @throws {Error} `name` "SeatQuoteError", `code` "INVALID_INPUT", `path` the offending field
 * (`range.from` / `range.to` for the range).
 */
export function quote_price_table(request: QuoteRequest, range: TableRange): PriceTable;
