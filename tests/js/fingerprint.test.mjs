// The fingerprint of an answer through the installed package: computed as
// the rules document says (recomputed here with node:crypto from
// JSON.stringify), the same in English and German, a plain enumerable
// property; and the server flow the README documents, end to end: preview,
// confirm at an unchanged price (charged), confirm after the server's price
// changed (refused, with the fresh quote).

import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import { quote_seat_change, validate_cancellation } from "seatquote";
import { loadVectors } from "./support.mjs";

const vectors = loadVectors().flatMap(({ file, cases }) =>
  cases.filter((c) => !c.error).map((c) => ({ ...c, key: `${file}/${c.name}` })),
);
const call = (vector, request) =>
  (vector.function === "quote_seat_change" ? quote_seat_change : validate_cancellation)(request);

/** The documented recipe: SHA-256 of JSON.stringify without the texts and the fingerprint. */
function recomputed(answer) {
  const skipped = new Set(["description", "message", "fingerprint"]);
  const canonical = JSON.stringify(answer, (key, value) => (skipped.has(key) ? undefined : value));
  return `sq1:${createHash("sha256").update(canonical, "utf8").digest("hex")}`;
}

test(`every answer's fingerprint is the documented SHA-256 of its canonical form (${vectors.length} vectors)`, () => {
  assert.ok(vectors.length >= 150);
  for (const vector of vectors) {
    const answer = call(vector, vector.request);
    assert.match(answer.fingerprint, /^sq1:[0-9a-f]{64}$/, vector.key);
    assert.equal(answer.fingerprint, recomputed(answer), vector.key);
  }
});

test("an English and a German preview of one request share the fingerprint; the texts differ", () => {
  let differentTexts = 0;
  for (const vector of vectors) {
    const en = call(vector, { ...vector.request, locale: "en" });
    const de = call(vector, { ...vector.request, locale: "de" });
    assert.equal(en.fingerprint, de.fingerprint, vector.key);
    if (JSON.stringify(en) !== JSON.stringify(de)) differentTexts += 1;
  }
  assert.ok(differentTexts > 100, `${differentTexts} vectors have texts`);
});

test("the fingerprint is an enumerable property: JSON, spread and structuredClone carry it", () => {
  const answer = call(vectors[0], vectors[0].request);
  assert.ok(Object.keys(answer).includes("fingerprint"));
  assert.equal(Object.keys(answer).at(-1), "fingerprint", "the last field, as in the types");
  const print = answer.fingerprint;
  assert.equal(JSON.parse(JSON.stringify(answer)).fingerprint, print);
  assert.equal({ ...answer }.fingerprint, print);
  assert.equal(structuredClone(answer).fingerprint, print);
  assert.equal(answer.fingerprint, print, "read twice, the same");
});

// ---------------------------------------------------------- the server flow

/** The billing server's own records: plans and prices, and the customer's subscription. */
function server() {
  const plans = {
    business: {
      id: "business",
      name: "Business",
      allows_additional_seats: true,
      included_seats: 1,
      prices: { month: { base: "10.00", seat: "5.00" }, year: { base: "100.00", seat: "50.00" } },
    },
  };
  const customer = {
    plan: "business",
    interval: "month",
    billing_anchor: "2026-01-15",
    currency: "EUR",
    seats: 3,
    seats_in_use: 3,
    tax_rate: "0.19",
  };
  const charged = [];
  /** The subscription as the server's records say, for the page and for the re-check. */
  const subscription = () => ({ ...customer, plan: structuredClone(plans[customer.plan]) });
  return {
    plans,
    subscription,
    charged,
    /**
     * The confirmation: from the browser only what the customer chose and
     * the fingerprint they saw; prices, seats and plans come from the records.
     */
    confirm({ request, fingerprint }) {
      const fresh = quote_seat_change({
        subscription: subscription(),
        target_seats: request.target_seats,
        ...(request.target_plan ? { target_plan: structuredClone(plans[request.target_plan.id]) } : {}),
        ...(request.target_interval ? { target_interval: request.target_interval } : {}),
        as_of: request.as_of, // the day the customer saw; a server also checks it is today
        locale: request.locale,
      });
      if (!fresh.allowed || fresh.fingerprint !== fingerprint) return { charged: false, fresh };
      charged.push(fresh.due_now.gross);
      return { charged: true, quote: fresh };
    },
  };
}

test("server flow: an unchanged preview is charged; after a price change it is refused with the fresh quote", () => {
  const billing = server();
  // The page quotes what the customer picks, from the subscription the server sent.
  const request = { subscription: billing.subscription(), target_seats: 6, as_of: "2026-11-21", locale: "de" };
  const preview = quote_seat_change(request);
  assert.equal(preview.due_now.gross, "0.00");
  assert.equal(preview.next_invoice.total.gross, "55.93"); // 35.00 + 12.00 (3 seats × 5.00 × 24/30), + 19 %

  // Confirmed at the price shown: charged.
  const ok = billing.confirm({ request, fingerprint: preview.fingerprint });
  assert.equal(ok.charged, true);
  assert.equal(ok.quote.fingerprint, preview.fingerprint);
  assert.deepEqual(billing.charged, ["0.00"]);

  // A tampered request (a lower price in the browser) changes nothing: the server reads its records.
  const tampered = structuredClone(request);
  tampered.subscription.plan.prices.month.seat = "0.01";
  const cheap = quote_seat_change(tampered);
  const refused = billing.confirm({ request: tampered, fingerprint: cheap.fingerprint });
  assert.equal(refused.charged, false);
  assert.equal(refused.fresh.fingerprint, preview.fingerprint, "the server's own quote");

  // The price changed on the server after the page was loaded: the stale preview is refused.
  billing.plans.business.prices.month.seat = "6.00";
  const stale = billing.confirm({ request, fingerprint: preview.fingerprint });
  assert.equal(stale.charged, false);
  assert.notEqual(stale.fresh.fingerprint, preview.fingerprint);
  assert.equal(stale.fresh.next_invoice.total.gross, "64.74"); // 40.00 + 14.40 (3 × 6.00 × 24/30), + 19 %
  // The customer sees the fresh quote and confirms it: now it is charged.
  const again = billing.confirm({ request, fingerprint: stale.fresh.fingerprint });
  assert.equal(again.charged, true);
  assert.equal(billing.charged.length, 2);
});
