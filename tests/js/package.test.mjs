// The installed package as a Node user meets it: what it exports, the
// errors it throws, the local date, and the shape of its answers.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { test } from "node:test";
import * as seatquote from "seatquote";
import { quote_seat_change, validate_cancellation } from "seatquote";
import { business, localDate } from "./support.mjs";

/** Asserts `fn` throws a SeatQuoteError at `path`, and returns it. */
function throwsInputError(fn, path) {
  let caught;
  try {
    fn();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof Error, `a real Error, got ${caught}`);
  assert.equal(caught.name, "SeatQuoteError");
  assert.equal(caught.code, "INVALID_INPUT");
  assert.equal(caught.path, path, caught.message);
  assert.ok(caught.message.length > 10, "a message that names the fix");
  assert.match(String(caught), /^SeatQuoteError: /);
  assert.equal(typeof caught.stack, "string");
  return caught;
}

test("exports exactly the three functions, ready on import", () => {
  assert.deepEqual(Object.keys(seatquote).sort(), ["quote_price_table", "quote_seat_change", "validate_cancellation"]);
  assert.equal(typeof quote_seat_change, "function");
});

test("rules §8.1 to the cent", () => {
  const quote = quote_seat_change(business({ subscription: { ...business().subscription, tax_rate: "0.19" } }));
  assert.equal(quote.lines[0].amount, "8.00");
  assert.equal(quote.placement, "next_invoice");
  assert.equal(quote.due_now.gross, "0.00");
  assert.deepEqual(quote.next_invoice.total, { net: "38.00", tax: "7.22", gross: "45.22" });
  assert.equal(quote.recurring.after.net, "30.00");
});

test("rules §8.5: cancelling a seat in use is refused with users_to_remove", () => {
  const subscription = { ...business().subscription, seats: 5, seats_in_use: 4 };
  const refused = validate_cancellation({ subscription, seats_to_cancel: 2, as_of: "2026-11-21" });
  assert.equal(refused.allowed, false);
  assert.equal(refused.violations[0].code, "SEATS_IN_USE");
  assert.equal(refused.users_to_remove, 1);
  const allowed = validate_cancellation({ subscription, seats_to_cancel: 1, as_of: "2026-11-21" });
  assert.equal(allowed.allowed, true);
  assert.equal(allowed.recurring_after.net, "25.00");
  assert.equal(allowed.credit, "0.00");
});

test("input errors are SeatQuoteErrors with code and path", () => {
  const withSeats = (seats) => business({ subscription: { ...business().subscription, seats } });
  throwsInputError(() => quote_seat_change(withSeats(2.5)), "subscription.seats");
  throwsInputError(() => quote_seat_change(withSeats(-1)), "subscription.seats");
  throwsInputError(() => quote_seat_change(business({ as_of: "2026-02-30" })), "as_of");
  throwsInputError(
    () => quote_seat_change(business({ subscription: { ...business().subscription, seat_in_use: 3 } })),
    "subscription.seat_in_use",
  );
  throwsInputError(() => quote_seat_change(), "");
  const { subscription } = business();
  throwsInputError(
    () => validate_cancellation({ subscription, seats_to_cancel: 0, as_of: "2026-11-21" }),
    "seats_to_cancel",
  );
});

// Each kind of value JSON cannot express, in the words the error uses.
test("JS-only values are named in the error, never coerced", () => {
  const sub = business().subscription;
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const cases = [
    [business({ as_of: new Date(2026, 10, 21) }), "as_of", /Date/],
    [
      business({ subscription: { ...sub, plan: { ...sub.plan, prices: new Map() } } }),
      "subscription.plan.prices",
      /Map/,
    ],
    [business({ subscription: { ...sub, tax_rate: Number.NaN } }), "subscription.tax_rate", /NaN/],
    [business({ target_seats: Infinity }), "target_seats", /Infinity/],
    [business({ subscription: new (class Subscription {})() }), "subscription", /an instance of a class/],
    [business({ target_seats: new Set([5]) }), "target_seats", /a Set/],
    [business({ target_seats: new Uint32Array([5]) }), "target_seats", /a typed array/],
    [business({ target_seats: Promise.resolve(5) }), "target_seats", /a Promise/],
    [business({ target_seats: new Number(5) }), "target_seats", /a boxed primitive/],
    [business({ target_seats: 5n }), "target_seats", /a BigInt/],
    [business({ target_seats: Symbol("5") }), "target_seats", /a symbol/],
    [business({ target_seats: () => 5 }), "target_seats", /a function/],
    [
      business({
        subscription: {
          ...sub,
          get plan() {
            throw new Error("boom");
          },
        },
      }),
      "subscription",
      /an object whose getter throws/,
    ],
    [business({ subscription: revoked.proxy }), "subscription", /an unreadable object/],
  ];
  for (const [request, path, named] of cases) {
    assert.match(throwsInputError(() => quote_seat_change(request), path).message, named);
  }
});

test("hostile objects are errors, not traps, and the module keeps working", () => {
  const cyclic = business();
  cyclic.subscription.plan.self = cyclic;
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();
  const hostile = [
    cyclic,
    business({ subscription: revoked.proxy }),
    business({
      subscription: {
        get plan() {
          throw new Error("boom");
        },
      },
    }),
    business({
      subscription: new Proxy(
        {},
        {
          ownKeys() {
            throw new Error("trap");
          },
        },
      ),
    }),
    new Proxy([], {}),
    business({ locale: "x".repeat(1_000_000) }),
    JSON.parse("[".repeat(5000) + "]".repeat(5000)),
  ];
  for (const request of hostile) {
    const error = (() => {
      try {
        quote_seat_change(request);
      } catch (e) {
        return e;
      }
    })();
    assert.equal(error?.name, "SeatQuoteError", `${error}`);
  }
  // Thousands of errors later the instance still answers (no leak, no trap).
  for (let i = 0; i < 5000; i++) {
    try {
      quote_seat_change({ subscription: 1 });
    } catch {
      // expected
    }
  }
  assert.equal(quote_seat_change(business()).lines[0].amount, "8.00");
});

test("answers are plain objects and arrays all the way down", () => {
  const sub = { ...business().subscription, seats_in_use: 1 };
  const answers = [
    quote_seat_change(business({ subscription: sub, actor: { role: "member" } })),
    quote_seat_change(business({ subscription: sub, target_seats: 2, policy: { decrease: "immediate_credit" } })),
    validate_cancellation({ subscription: sub, seats_to_cancel: 1, as_of: "2026-11-21" }),
  ];
  const walk = (value, path) => {
    if (Array.isArray(value)) {
      for (const [i, v] of value.entries()) walk(v, `${path}[${i}]`);
      return;
    }
    if (value !== null && typeof value === "object") {
      assert.equal(Object.getPrototypeOf(value), Object.prototype, `${path} is a plain object`);
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
      return;
    }
    assert.ok(["string", "number", "boolean"].includes(typeof value) || value === null, `${path}: ${typeof value}`);
  };
  for (const [i, answer] of answers.entries()) walk(answer, `answer${i}`);
  assert.equal(answers[0].violations[0].code, "NOT_PERMITTED");
  assert.deepEqual(JSON.parse(JSON.stringify(answers[1])), answers[1], "JSON round trip is lossless");
});

test("prices given as JS numbers are read through their shortest decimal form", () => {
  const sub = business().subscription;
  const plan = { ...sub.plan, prices: { month: { base: 10, seat: 4.9 } } };
  const quote = quote_seat_change(business({ subscription: { ...sub, plan } }));
  assert.equal(quote.lines[0].amount, "7.84"); // 4.9 × 2 × 24/30, exactly
  const noisy = { ...sub.plan, prices: { month: { base: 10, seat: 0.1 + 0.2 } } };
  throwsInputError(
    () => quote_seat_change(business({ subscription: { ...sub, plan: noisy } })),
    "subscription.plan.prices.month.seat",
  );
});

test("an omitted as_of is the local date, not the UTC date", () => {
  // Kiritimati is UTC+14 and Pago Pago UTC−11: 25 hours apart, so at any
  // moment their dates differ and at least one differs from UTC's.
  const script = `
    import { quote_seat_change } from "seatquote";
    const d = new Date();
    const local = [d.getFullYear(), d.getMonth() + 1, d.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
    const request = ${JSON.stringify({ ...business(), as_of: undefined })};
    console.log(JSON.stringify({ local, as_of: quote_seat_change(request).as_of }));
  `;
  const run = (TZ) =>
    JSON.parse(
      execFileSync(process.execPath, ["--input-type=module", "-e", script], {
        env: { ...process.env, TZ },
        encoding: "utf8",
      }),
    );
  const east = run("Pacific/Kiritimati");
  const west = run("Pacific/Pago_Pago");
  assert.equal(east.as_of, east.local);
  assert.equal(west.as_of, west.local);
  assert.notEqual(east.as_of, west.as_of, "the date follows the local time zone");
  // And in this process, whatever its zone:
  const before = localDate();
  const { as_of } = quote_seat_change({ ...business(), as_of: undefined });
  assert.ok([before, localDate()].includes(as_of));
});

test("require() works too (the CommonJS entry, on every supported Node)", () => {
  const required = createRequire(import.meta.url)("seatquote");
  assert.equal(required.quote_seat_change(business()).lines[0].amount, "8.00");
});

// How fast is measured by `npm run bench` (.ci/bench.mjs), not by a timed
// test. What a test can check is that repeated calls carry nothing over.
test("thousands of calls in a row give the same answer", () => {
  const request = business();
  const first = quote_seat_change(request);
  for (let i = 0; i < 5000; i++) quote_seat_change(request);
  assert.deepStrictEqual(quote_seat_change(request), first);
  assert.deepStrictEqual(request, business(), "the request is left untouched");
});
