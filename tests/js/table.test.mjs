// quote_price_table through the installed package: every row equals
// quote_seat_change for that seat count (every column), for the
// subscriptions of the shared vectors; a bad range is a SeatQuoteError at
// range.from / range.to / range.<field>, and the module keeps working.

import assert from "node:assert/strict";
import { test } from "node:test";
import { quote_price_table, quote_seat_change } from "seatquote";
import { business, loadVectors } from "./support.mjs";

/** Every quote vector the engine answers (no error expected). */
const requests = loadVectors().flatMap(({ file, cases }) =>
  cases
    .filter((c) => c.function === "quote_seat_change" && !c.error)
    .map((c) => ({ name: `${file}/${c.name}`, request: c.request })),
);

const FROM = 0;
const TO = 60;

test(`each row of a 0..${TO} table equals quote_seat_change, for ${requests.length} vector subscriptions`, () => {
  assert.ok(requests.length >= 40, `only ${requests.length} vector requests`);
  let rows = 0;
  for (const { name, request } of requests) {
    const table = quote_price_table(request, { from: FROM, to: TO });
    assert.equal(table.target_seats.length, TO - FROM + 1, name);
    const columns = [
      table.target_seats,
      table.placement,
      table.allowed,
      ...["due_now", "next_invoice_total", "recurring_after"].flatMap((k) =>
        ["net", "tax", "gross"].map((m) => table[k][m]),
      ),
    ];
    for (const column of columns) assert.equal(column.length, TO - FROM + 1, `${name}: every column has every row`);
    for (let i = 0; i <= TO - FROM; i++) {
      const target = FROM + i;
      const quote = quote_seat_change({ ...request, target_seats: target });
      const row = {
        currency: table.currency,
        target_seats: table.target_seats[i],
        due_now: { net: table.due_now.net[i], tax: table.due_now.tax[i], gross: table.due_now.gross[i] },
        next_invoice_total: {
          net: table.next_invoice_total.net[i],
          tax: table.next_invoice_total.tax[i],
          gross: table.next_invoice_total.gross[i],
        },
        recurring_after: {
          net: table.recurring_after.net[i],
          tax: table.recurring_after.tax[i],
          gross: table.recurring_after.gross[i],
        },
        placement: table.placement[i],
        allowed: table.allowed[i],
      };
      assert.deepStrictEqual(
        row,
        {
          currency: quote.currency,
          target_seats: target,
          due_now: quote.due_now,
          next_invoice_total: quote.next_invoice.total,
          recurring_after: quote.recurring.after,
          placement: quote.placement,
          allowed: quote.allowed,
        },
        `${name}, ${target} seats`,
      );
      rows++;
    }
  }
  assert.ok(rows > 2000, `${rows} rows compared`);
});

test("the answer is plain arrays of strings, numbers and booleans", () => {
  // rules §8.1: 3 seats in use, 24 of 30 days left, 5.00 per seat.
  const table = quote_price_table(business(), { from: 2, to: 5 });
  assert.deepStrictEqual(table, {
    currency: "EUR",
    target_seats: [2, 3, 4, 5],
    due_now: {
      net: ["0.00", "0.00", "0.00", "0.00"],
      tax: ["0.00", "0.00", "0.00", "0.00"],
      gross: ["0.00", "0.00", "0.00", "0.00"],
    },
    // A refused row describes no change: the 20.00 of 3 seats.
    next_invoice_total: {
      net: ["20.00", "20.00", "29.00", "38.00"],
      tax: ["0.00", "0.00", "0.00", "0.00"],
      gross: ["20.00", "20.00", "29.00", "38.00"],
    },
    recurring_after: {
      net: ["20.00", "20.00", "25.00", "30.00"],
      tax: ["0.00", "0.00", "0.00", "0.00"],
      gross: ["20.00", "20.00", "25.00", "30.00"],
    },
    placement: ["none", "none", "next_invoice", "next_invoice"],
    allowed: [false, true, true, true],
  });
  for (const column of [table.target_seats, table.placement, table.allowed, table.due_now.net]) {
    assert.equal(Object.getPrototypeOf(column), Array.prototype);
  }
  assert.deepEqual(JSON.parse(JSON.stringify(table)), table);
});

test("a bad range is a SeatQuoteError at its own path, and the module keeps working", () => {
  const cases = [
    [{ from: 5, to: 2 }, "range.to"],
    [{ from: -1, to: 3 }, "range.from"],
    [{ from: 1.5, to: 3 }, "range.from"],
    [{ from: 1, to: "3" }, "range.to"],
    [{ from: 1, to: 10n }, "range.to"],
    [{ from: 1, to: Number.NaN }, "range.to"],
    [{ from: 1 }, "range.to"],
    [{ to: 3 }, "range.from"],
    [{ from: 1, to: 3, step: 1 }, "range.step"],
    [{ from: 0, to: 1_000_001 }, "range.to"],
    [{ from: 0, to: 100_000 }, "range.to"],
    [[1, 3], "range"],
    [undefined, "range"],
    [null, "range"],
    [3, "range"],
    [
      new Map([
        ["from", 1],
        ["to", 3],
      ]),
      "range",
    ],
  ];
  for (const [range, path] of cases) {
    let error;
    try {
      quote_price_table(business(), range);
    } catch (e) {
      error = e;
    }
    assert.equal(error?.name, "SeatQuoteError", `${String(range)}: ${error}`);
    assert.equal(error.code, "INVALID_INPUT");
    assert.equal(error.path, path, error.message);
  }
  // The request is checked like quote_seat_change's.
  assert.throws(
    () => quote_price_table(business({ as_of: "2026-02-30" }), { from: 1, to: 2 }),
    (e) => e.name === "SeatQuoteError" && e.path === "as_of",
  );
  assert.equal(quote_price_table(business(), { from: 0, to: 99_999 }).target_seats.length, 100_000);
  assert.equal(quote_seat_change(business()).lines[0].amount, "8.00");
});
