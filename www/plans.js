// The plans and billing rules the page offers.
//
// At a real checkout these come from the customer's account; here they are
// fixed examples. Prices are decimal strings, exactly as the engine takes them.

/** Plans by id. *Business* is rules §8's worked-example plan. */
export const PLANS = {
  business: {
    id: "business",
    name: "Business",
    allows_additional_seats: true,
    included_seats: 1,
    prices: {
      month: { base: "10.00", seat: "5.00" },
      year: { base: "100.00", seat: "50.00" },
    },
  },
  // A plan of the "Solo" kind: one user, no extra seats without an upgrade
  // (SPEC: PLAN_UPGRADE_REQUIRED).
  solo: {
    id: "solo",
    name: "Solo",
    allows_additional_seats: false,
    included_seats: 1,
    prices: {
      month: { base: "9.00", seat: "5.00" },
      year: { base: "90.00", seat: "50.00" },
    },
  },
};

/** The currency of every plan on this page. */
export const CURRENCY = "EUR";

/**
 * The two behaviours of SPEC, as complete policies so that the page does not
 * depend on the engine's defaults staying what they are today.
 */
export const POLICIES = {
  // Billomat: pro rata by day, invoiced now only if more than 30 days remain,
  // cancelled seats stay active until the end of the term.
  threshold: {
    proration: "daily",
    placement: "threshold",
    threshold_days: 30,
    decrease: "end_of_term",
    anchor: "keep",
  },
  // GoTo: every change takes effect today and the billing date moves to it.
  reset: {
    proration: "daily",
    placement: "immediate",
    decrease: "immediate_credit",
    anchor: "reset",
  },
};
