// Generated from src/wasm/wire.rs by its tests; do not edit. When the Rust
// side changes, `SEATQUOTE_BLESS=1 cargo test --lib wire` rewrites this file
// (a test fails while it is stale).
//
// The field names that cross as one byte (the parser's field names), and a
// reader for each answer: it takes the values in the order the Rust writer
// wrote them. The reading primitives are in boundary.js.

import {
  boolColumn,
  bool,
  encodeWith,
  num,
  numColumn,
  open,
  params,
  str,
  textColumns,
  withFingerprint,
} from "./boundary.js";

const KEYS = new Map(
  [
    "subscription",
    "target_seats",
    "as_of",
    "actor",
    "policy",
    "locale",
    "seats_to_cancel",
    "target_plan",
    "target_interval",
    "plan",
    "interval",
    "billing_anchor",
    "currency",
    "seats",
    "seats_in_use",
    "pending_cancellations",
    "status",
    "tax_rate",
    "prices_include_tax",
    "id",
    "name",
    "allows_additional_seats",
    "included_seats",
    "min_seats",
    "max_seats",
    "prices",
    "month",
    "year",
    "base",
    "seat",
    "tiers_mode",
    "tiers",
    "up_to",
    "unit",
    "flat",
    "role",
    "proration",
    "placement",
    "threshold_days",
    "decrease",
    "anchor",
    "rounding",
    "from",
    "to",
  ].map((key, i) => [key, i]),
);

/** The most items of an array that are read: the most tiers of a price. */
const MAX_ITEMS = 50;

/** The request as bytes: see `encodeWith` in boundary.js. */
export function encode(value) {
  return encodeWith(value, KEYS, MAX_ITEMS);
}

/** A `SeatQuote`. */
export function quote_from(text, nums) {
  open(text, nums);
  return withFingerprint({
    allowed: bool(),
    violations: violations(),
    change: str(),
    as_of: str(),
    currency: str(),
    seats: {
      before: num(),
      after: num(),
      renewing_before: num(),
      renewing_after: num(),
      added: num(),
      reactivated: num(),
      removed: num(),
    },
    period: {
      start: str(),
      end: str(),
      days_in_period: num(),
      days_remaining: num(),
    },
    effective_date: str(),
    lines: lines(),
    placement: str(),
    placement_reason: {
      code: str(),
      message: str(),
    },
    due_now: {
      net: str(),
      tax: str(),
      gross: str(),
    },
    credit_carried_forward: str(),
    next_invoice: {
      date: str(),
      recurring: {
        net: str(),
        tax: str(),
        gross: str(),
      },
      adjustments: str(),
      total: {
        net: str(),
        tax: str(),
        gross: str(),
      },
    },
    recurring: {
      before: {
        net: str(),
        tax: str(),
        gross: str(),
      },
      after: {
        net: str(),
        tax: str(),
        gross: str(),
      },
    },
    billing_anchor_after: str(),
    plan_change: bool()
      ? {
        from: {
          plan: str(),
          interval: str(),
        },
        to: {
          plan: str(),
          interval: str(),
        },
        direction: str(),
      }
      : null,
  });
}

/** A `CancellationCheck`. */
export function cancellation_from(text, nums) {
  open(text, nums);
  return withFingerprint({
    allowed: bool(),
    violations: violations(),
    seats_to_cancel: num(),
    free_seats: num(),
    users_to_remove: num(),
    effective_date: str(),
    last_active_day: str(),
    renewing_seats_after: num(),
    recurring_after: {
      net: str(),
      tax: str(),
      gross: str(),
    },
    credit: str(),
  });
}

function violations() {
  const list = [];
  for (let n = num(); n > 0; n--) {
    list.push({
      code: str(),
      message: str(),
      params: params(),
    });
  }
  return list;
}

function lines() {
  const list = [];
  for (let n = num(); n > 0; n--) {
    list.push({
      kind: str(),
      description: str(),
      quantity: num(),
      unit_price: str(),
      from: str(),
      to: str(),
      days: num(),
      days_in_period: num(),
      amount: str(),
      placement: str(),
    });
  }
  return list;
}

/** A `PriceTable`: text segments, then the row count and the number columns. */
export function table_from(text, nums) {
  const segments = textColumns(text);
  const rows = nums[0];
  return {
    currency: segments[0],
    target_seats: numColumn(nums, 1 + 0 * rows, rows),
    due_now: {
      net: segments[1].split(","),
      tax: segments[2].split(","),
      gross: segments[3].split(","),
    },
    next_invoice_total: {
      net: segments[4].split(","),
      tax: segments[5].split(","),
      gross: segments[6].split(","),
    },
    recurring_after: {
      net: segments[7].split(","),
      tax: segments[8].split(","),
      gross: segments[9].split(","),
    },
    placement: segments[10].split(","),
    allowed: boolColumn(nums, 1 + 1 * rows, rows),
  };
}
