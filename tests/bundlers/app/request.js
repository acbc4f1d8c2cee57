// Rules §8.1: 3 → 5 seats on the Business plan, 24 of 30 days left.
export const request = {
  subscription: {
    plan: { id: "business", allows_additional_seats: true, included_seats: 1, prices: { month: { base: "10.00", seat: "5.00" } } },
    interval: "month",
    billing_anchor: "2026-01-15",
    currency: "EUR",
    seats: 3,
    seats_in_use: 3,
  },
  target_seats: 5,
  as_of: "2026-11-21",
};
export const answer = (quote) => `${quote.lines[0].amount} ${quote.next_invoice.total.net}`;
