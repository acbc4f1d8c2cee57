// A TypeScript consumer of the installed package, checked by `npm test`
// with `tsc --strict --noEmit` (module resolution `bundler` and `nodenext`).
// It proves that every interface of the package is exported by name with
// exactly its types: values that match compile, and each `@ts-expect-error`
// line below must fail to compile (tsc reports an unused directive otherwise).

import { quote_price_table, quote_seat_change, validate_cancellation } from "seatquote";
import type {
  Actor,
  Amount,
  CancellationCheck,
  CancellationRequest,
  IsoDate,
  Line,
  Money,
  MoneyColumns,
  Plan,
  PlanChange,
  Policy,
  Price,
  PriceTable,
  QuoteRequest,
  SeatQuote,
  SeatQuoteError,
  Subscription,
  TableRange,
  Tier,
  Violation,
} from "seatquote";

const price: Price = { base: "10.00", seat: 5 };
const openTier: Tier = { up_to: null, unit: "6.00", flat: "0" };
const graduated: Price = {
  base: "0",
  tiers_mode: "graduated",
  tiers: [{ up_to: 5, unit: "7.00" }, { up_to: 10, unit: 6.5, flat: null }, openTier],
};
const volume: Price = { base: 0, tiers_mode: "volume", tiers: [openTier] };
const plan: Plan = {
  id: "business",
  allows_additional_seats: true,
  included_seats: 1,
  prices: { month: price, year: { base: "100.00", seat: "50.00" } },
};
const team: Plan = { id: "team", allows_additional_seats: true, prices: { month: graduated, year: volume } };
const subscription: Subscription = {
  plan,
  interval: "month",
  billing_anchor: "2026-01-15",
  currency: "EUR",
  seats: 3,
  seats_in_use: 3,
  status: "active",
  tax_rate: "0.19",
  prices_include_tax: false,
};
const policy: Policy = {
  proration: "daily",
  placement: "threshold",
  threshold_days: 30,
  decrease: "end_of_term",
  anchor: "keep",
  rounding: "half_away_from_zero",
};
const actor: Actor = { role: "billing_admin" };
const request: QuoteRequest = { subscription, target_seats: 5, as_of: "2026-11-21", actor, policy, locale: "de" };

// The answers are fully typed, down to the literal unions.
const quote: SeatQuote = quote_seat_change(request);
const placement: "immediate" | "next_invoice" | "none" = quote.placement;
const change: "increase" | "decrease" | "none" = quote.change;
const line: Line | undefined = quote.lines[0];
const lineKind: "seat_proration" | "seat_credit" | "unused_time_credit" | "remaining_time" | "new_period" | undefined =
  line?.kind;
const linePlacement: "now" | "next_invoice" | undefined = line?.placement;
const dueNow: Money = quote.due_now;
const net: string = quote.next_invoice.total.net;
const days: number = quote.period.days_remaining;
const added: number = quote.seats.added;
const anchorAfter: IsoDate = quote.billing_anchor_after;
const violation: Violation | undefined = quote.violations[0];
const param: number | string | undefined = violation?.params.users_to_remove;
const reason: string = quote.placement_reason.code;
const fingerprint: string = quote.fingerprint;

const cancellation: CancellationRequest = { subscription, seats_to_cancel: 1 };
const check: CancellationCheck = validate_cancellation(cancellation);
const allowed: boolean = check.allowed;
const credit: string = check.credit;
const checkFingerprint: string = check.fingerprint;
const recurring: Money = check.recurring_after;

const range: TableRange = { from: 1, to: 60 };
const table: PriceTable = quote_price_table(request, range);
const grossColumn: string[] = table.next_invoice_total.gross;
const columns: MoneyColumns = table.due_now;
const rowPlacement: "immediate" | "next_invoice" | "none" | undefined = table.placement[0];
const rowAllowed: boolean | undefined = table.allowed[0];
const rowSeats: number | undefined = table.target_seats[0];

// A plan and interval change in one quote.
const enterprise: Plan = { ...plan, id: "enterprise", included_seats: 5, min_seats: 5 };
const upgrade: QuoteRequest = { ...request, target_plan: enterprise, target_interval: "year" };
const planChange: PlanChange | null = quote_seat_change(upgrade).plan_change;
const direction: "upgrade" | "downgrade" | undefined = planChange?.direction;
const toInterval: "month" | "year" | undefined = planChange?.to.interval;
const fromPlan: string | undefined = planChange?.from.plan;
const planTable: PriceTable = quote_price_table(upgrade, range);

const amount: Amount = 4.9;
try {
  quote_seat_change({ subscription, target_seats: 1 });
} catch (error) {
  const e = error as SeatQuoteError;
  const code: "INVALID_INPUT" | "INTERNAL_ERROR" = e.code;
  const path: string = e.path;
  void [code, path, e.message];
}

// ── wrong literals and shapes are rejected ─────────────────────────────────
// @ts-expect-error: an interval is "month" or "year"
const week: Subscription = { ...subscription, interval: "week" };
// @ts-expect-error: placement is "threshold" | "immediate" | "next_invoice"
const later: Policy = { placement: "later" };
// @ts-expect-error: proration is "daily" | "full" | "none"
const hourly: Policy = { proration: "hourly" };
// @ts-expect-error: decrease is "end_of_term" | "immediate_credit"
const refund: Policy = { decrease: "refund" };
// @ts-expect-error: anchor is "keep" | "reset"
const moveAnchor: Policy = { anchor: "move" };
// @ts-expect-error: rounding is "half_away_from_zero" | "half_even"
const bankers: Policy = { rounding: "bankers" };
// @ts-expect-error: roles are owner, admin, billing_admin and member
const guest: Actor = { role: "guest" };
// @ts-expect-error: locales are "en" and "de"
const french: QuoteRequest = { ...request, locale: "fr" };
// @ts-expect-error: status is "active" | "trial_expired" | "canceled"
const paused: Subscription = { ...subscription, status: "paused" };
// @ts-expect-error: target_interval is "month" or "year"
const weekly: QuoteRequest = { ...request, target_interval: "week" };
// @ts-expect-error: target_plan is a Plan, not its id
const byId: QuoteRequest = { ...request, target_plan: "enterprise" };
// @ts-expect-error: a cancellation has no target plan
const cancelToSolo: CancellationRequest = { ...cancellation, target_plan: plan };
// @ts-expect-error: plan_change may be null
const surely: PlanChange = quote.plan_change;
// @ts-expect-error: target_seats is a number
const text: QuoteRequest = { ...request, target_seats: "5" };
// @ts-expect-error: a plan needs allows_additional_seats
const noFlag: Plan = { id: "solo", prices: {} };
// @ts-expect-error: a price is an Amount, not a boolean
const badPrice: Price = { base: true, seat: "5.00" };
// @ts-expect-error: tiers_mode is "graduated" | "volume"
const stepped: Price = { base: "0", tiers_mode: "stepped", tiers: [openTier] };
// @ts-expect-error: tiers need their tiers_mode
const noMode: Price = { base: "0", tiers: [openTier] };
// @ts-expect-error: a tier gives up_to (null for the last, open tier)
const noUpTo: Tier = { unit: "6.00" };
// @ts-expect-error: tiers are an array of tiers
const oneTier: Price = { base: "0", tiers_mode: "volume", tiers: openTier };
// @ts-expect-error: a quote request needs target_seats
quote_seat_change({ subscription });
// @ts-expect-error: validate_cancellation takes seats_to_cancel, not target_seats
validate_cancellation({ subscription, target_seats: 2 });
// @ts-expect-error: an amount in the answer is a string, not a number
const asNumber: number = quote.due_now.gross;
// @ts-expect-error: placement has no "later"
const laterPlacement: SeatQuote["placement"] = "later";
// @ts-expect-error: a range is { from, to }, not a pair
quote_price_table(request, [1, 60]);
// @ts-expect-error: a range needs both ends
const openRange: TableRange = { from: 1 };
// @ts-expect-error: a table column of amounts holds strings
const numbers: number[] = table.recurring_after.net;
// @ts-expect-error: the package exports no init function: it is ready on import
import("seatquote").then((m) => m.initSync);

void [placement, change, lineKind, linePlacement, dueNow, net, days, added, anchorAfter, param, reason];
void [allowed, credit, recurring, amount, week, later, hourly, refund, moveAnchor, bankers, guest];
void [french, paused, text, noFlag, badPrice, asNumber, laterPlacement];
void [team, stepped, noMode, noUpTo, oneTier];
void [grossColumn, columns, rowPlacement, rowAllowed, rowSeats, openRange, numbers];
void [planChange, direction, toInterval, fromPlan, planTable, weekly, byId, cancelToSolo, surely];
void [fingerprint, checkFingerprint];
