import { type PlacementReasonCode, type QuoteRequest, quote_seat_change, type ViolationCode } from "seatquote";

const request: QuoteRequest = {
  subscription: {
    plan: {
      id: "business",
      allows_additional_seats: true,
      included_seats: 1,
      max_seats: null,
      prices: { month: { base: "10.00", seat: "5.00" } },
    },
    interval: "month",
    billing_anchor: "2026-01-15",
    currency: "EUR",
    seats: 3,
    seats_in_use: 3,
    tax_rate: null,
  },
  target_seats: 5,
  as_of: "2026-11-21",
  policy: null,
};
const quote = quote_seat_change(request);
const reason: PlacementReasonCode = quote.placement_reason.code;
const refused: ViolationCode[] = quote.violations.map((v) => v.code);
// @ts-expect-error: not a placement-reason code
const wrong: PlacementReasonCode = "SEATS_IN_USE";
export const seen = [reason, refused, wrong, quote.lines[0]?.amount];
