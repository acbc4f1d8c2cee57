// The plans and billing rules the pages offer.
//
// At a real checkout these come from the customer's account; here they are
// fixed examples: the plans of the worked examples in rules §8 (Business) and
// of the plan-change and tiered-price examples after it. Prices are decimal
// strings, exactly as the engine takes them. The order here is the order of
// the selects and of the calculator.

/** Plans by id. */
export const PLANS = {
  // One user, no extra seats without an upgrade (PLAN_UPGRADE_REQUIRED).
  solo: {
    id: "solo",
    name: "Solo",
    allows_additional_seats: false,
    included_seats: 1,
    prices: {
      month: { base: "9.00", seat: "0" },
      year: { base: "90.00", seat: "0" },
    },
  },
  // The worked-example plan of rules §8: the page's default.
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
  // Graduated tiers: seats 1–5 at 7.00, 6–10 at 6.50, from 11 at 6.00 a
  // month; yearly ten times the monthly amounts.
  team: {
    id: "team",
    name: "Team",
    allows_additional_seats: true,
    included_seats: 0,
    prices: {
      month: {
        base: "0",
        tiers_mode: "graduated",
        tiers: [
          { up_to: 5, unit: "7.00" },
          { up_to: 10, unit: "6.50" },
          { up_to: null, unit: "6.00" },
        ],
      },
      year: {
        base: "0",
        tiers_mode: "graduated",
        tiers: [
          { up_to: 5, unit: "70.00" },
          { up_to: 10, unit: "65.00" },
          { up_to: null, unit: "60.00" },
        ],
      },
    },
  },
  // Five seats included and at least five.
  enterprise: {
    id: "enterprise",
    name: "Enterprise",
    allows_additional_seats: true,
    included_seats: 5,
    min_seats: 5,
    prices: {
      month: { base: "60.00", seat: "8.00" },
      year: { base: "600.00", seat: "80.00" },
    },
  },
};

/** The plan a checkout page starts on. */
export const DEFAULT_PLAN = "business";

/** The currency of every plan on these pages. */
export const CURRENCY = "EUR";

/**
 * The two behaviours the page offers, as complete policies so that the page
 * does not depend on the engine's defaults staying what they are today.
 */
export const POLICIES = {
  // Pro rata by day, invoiced now only if more than 30 days remain,
  // cancelled seats stay active until the end of the term.
  threshold: {
    proration: "daily",
    placement: "threshold",
    threshold_days: 30,
    decrease: "end_of_term",
    anchor: "keep",
  },
  // Every change takes effect today and the billing date moves to it.
  reset: {
    proration: "daily",
    placement: "immediate",
    decrease: "immediate_credit",
    anchor: "reset",
  },
};

/** The fewest seats a plan allows (as the engine's defaults say). */
export function minSeats(plan) {
  return plan.min_seats ?? Math.max(1, plan.included_seats ?? 0);
}

/** The most seats a plan allows, or null for no maximum. */
export function maxSeats(plan) {
  if (!plan.allows_additional_seats) return Math.max(1, plan.included_seats ?? 0);
  return plan.max_seats ?? null;
}
