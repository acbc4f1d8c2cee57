// Browser tests of the checkout preview page (www/) against the real build
// (pkg/), in Debian's Chromium through playwright-core.
//
//   npm run build && node --test tests/browser/
//
// Nothing is skipped: without Chromium or without a build every test fails
// with a message saying what to install or run.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { openPage, root, SCREENSHOTS, spaces, text } from "./support.mjs";
import { keys } from "../../www/i18n.js";
import { percentToRate } from "../../www/format.js";

/**
 * A fresh page on the preview, loaded and with today fixed to rules §8's
 * 2026-11-21 (unless `today` is false). `problems` collects console errors,
 * uncaught exceptions and failed requests; `check()` asserts there were none.
 */
async function open({ width = 1280, locale = "en-GB", timezoneId, today = "2026-11-21" } = {}) {
  const opened = await openPage("", { viewport: { width, height: 900 }, locale, timezoneId });
  if (today) await opened.page.fill("#today", today);
  return opened;
}

/** Sets the seat count by typing into the number field, as a customer would. */
async function seats(page, n) {
  await page.getByTestId("seats").fill(String(n));
}

describe("page modules (no browser)", () => {
  test("English and German dictionaries have the same keys", () => {
    assert.deepEqual(keys("de").sort(), keys("en").sort());
  });

  test("a typed VAT percentage becomes the exact rate, digit by digit", () => {
    assert.equal(percentToRate("19"), "0.19");
    assert.equal(percentToRate("7,7"), "0.077");
    assert.equal(percentToRate("7.7"), "0.077");
    assert.equal(percentToRate("0"), "0.00");
    assert.equal(percentToRate("100"), "1.00");
    assert.equal(percentToRate(" 5 "), "0.05");
    assert.equal(percentToRate(""), null);
    assert.equal(percentToRate("abc"), "abc", "passed on so that the engine reports it on the VAT field");
  });

  test("no markup is ever built from strings", () => {
    for (const file of readdirSync(root("www")).filter((f) => f.endsWith(".js"))) {
      // Code only: comments may well explain why innerHTML is not used.
      const source = readFileSync(root(`www/${file}`), "utf8")
        .replace(/\/\*[\s\S]*?\*\//g, "")
        .replace(/\/\/.*$/gm, "");
      assert.doesNotMatch(source, /innerHTML|outerHTML|insertAdjacentHTML|document\.write/, file);
    }
  });
});

describe("checkout preview page", () => {
  test("loads without console errors, with a CSP that lets the wasm run", async () => {
    const { page, check } = await open();
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
    assert.equal(await page.getAttribute("html", "lang"), "en");
    // Defaults: rules §8.1's subscription, seat count at the renewing seats (3): no change.
    assert.equal(await page.getByTestId("seats").inputValue(), "3");
    assert.equal(await text(page, "due-now"), "€0.00");
    assert.equal(await text(page, "next-invoice-total"), "€20.00");
    await check();
  });

  test("today defaults to the local date, not the UTC date", async () => {
    // UTC+14: for ten hours of every UTC day, the local date is a day ahead.
    const timezoneId = "Pacific/Kiritimati";
    const { page, check } = await open({ timezoneId, today: false });
    const local = new Intl.DateTimeFormat("en-CA", {
      timeZone: timezoneId,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
    }).format(new Date());
    assert.equal(await page.inputValue("#today"), local);
    await check();
  });

  test("changing the seat count updates the amounts (rules §8.1)", async () => {
    const { page, check } = await open();
    await seats(page, 5);
    assert.equal(await text(page, "due-now"), "€0.00");
    assert.equal(await text(page, "next-invoice-total"), "€38.00");
    assert.equal(await text(page, "recurring-after"), "€30.00");
    const placement = await text(page, "placement");
    assert.match(placement, /Added to your next invoice/);
    assert.match(placement, /24 days until the next invoice on 2026-12-15 — not more than 30/);
    assert.match(spaces(await page.locator("#next-invoice-date").textContent()), /15 Dec 2026/);
    // The working, built from the line's quantity, unit price and days.
    const line = spaces(await page.locator("#lines li").first().textContent());
    assert.match(line, /2 seats × €5\.00 × 24\/30 days/);
    assert.match(line, /€8\.00/);

    await seats(page, 6);
    assert.equal(await text(page, "next-invoice-total"), "€47.00", "35.00 recurring + 3 × 5.00 × 24/30");
    assert.equal(await text(page, "recurring-after"), "€35.00");
    assert.equal(await text(page, "due-now"), "€0.00");
    await check();
  });

  test("the slider and the number field follow each other", async () => {
    const { page, check } = await open();
    await page.focus("#target-range");
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.getByTestId("seats").inputValue(), "5");
    assert.equal(await text(page, "next-invoice-total"), "€38.00");
    await seats(page, 7);
    assert.equal(await page.inputValue("#target-range"), "7");
    await check();
  });

  test("VAT: net, VAT and gross, tax once on the invoice total", async () => {
    const { page, check } = await open();
    await page.fill("#vat", "19");
    await seats(page, 5);
    assert.equal(await text(page, "next-invoice-total"), "€45.22");
    assert.match(spaces(await page.locator("#next-invoice-vat").textContent()), /Net €38\.00 · VAT 19% €7\.22/);
    assert.equal(await text(page, "recurring-after"), "€35.70");
    await page.fill("#vat", "7,7"); // a German decimal comma is understood
    assert.match(spaces(await page.locator("#next-invoice-vat").textContent()), /VAT 7\.7% €2\.93/);
    await check();
  });

  test("yearly, more than 30 days left: charged now (rules §8.2)", async () => {
    const { page, check } = await open();
    await page.check("#interval-year");
    await page.fill("#anchor", "2026-03-01");
    await page.fill("#seats", "5");
    await page.fill("#in-use", "5");
    await seats(page, 6);
    assert.equal(await text(page, "due-now"), "€13.70");
    assert.equal(await text(page, "recurring-after"), "€350.00");
    const placement = await text(page, "placement");
    assert.match(placement, /Charged now/);
    assert.match(placement, /100 days until the next invoice on 2027-03-01 — more than 30/);
    assert.match(spaces(await page.locator("#lines").textContent()), /1 seat × €50\.00 × 100\/365 days/);
    await check();
  });

  test("exactly 30 days left goes on the next invoice (rules §8.4)", async () => {
    const { page, check } = await open({ today: "2026-11-01" });
    await page.fill("#anchor", "2026-01-01");
    await seats(page, 4);
    assert.equal(await text(page, "due-now"), "€0.00");
    assert.equal(await text(page, "next-invoice-total"), "€30.00");
    assert.match(await text(page, "placement"), /30 days until the next invoice on 2026-12-01 — not more than 30/);
    await check();
  });

  test("a refused reduction shows the violation and who must go first (rules §8.5)", async () => {
    const { page, check } = await open();
    await page.fill("#seats", "5");
    await page.fill("#in-use", "4");
    await seats(page, 3);
    const violations = page.getByTestId("violations");
    assert.ok(await violations.isVisible(), "the refusal is visible");
    assert.equal(await page.locator('[data-code="SEATS_IN_USE"]').count(), 1);
    assert.match(await text(page, "violations"), /remove 1 user first/);
    assert.equal(await text(page, "users-to-remove"), "Remove 1 user first.");
    assert.match(await text(page, "violations"), /takes effect on 15 Dec 2026/);
    // A refused change has no price to show.
    assert.equal(await page.getByTestId("due-now").isVisible(), false);

    // One seat fewer is allowed: active until the period end, no credit.
    await seats(page, 4);
    assert.equal(await violations.isVisible(), false);
    assert.equal(await text(page, "recurring-after"), "€25.00");
    assert.match(
      spaces(await page.locator("#cancellation").textContent()),
      /stay active until 14 Dec 2026 and end on 15 Dec 2026/,
    );
    await check();
  });

  test('"immediate, billing date moves to today": credit and new period now (as in rules §8.6)', async () => {
    const { page, check } = await open();
    await page.check("#policy-reset");
    await page.fill("#anchor", "2026-11-01");
    await page.fill("#seats", "10");
    await page.fill("#in-use", "3");
    await seats(page, 8);
    // Credit −round(55.00 × 10/30) = −18.33, new period 45.00: 26.67 due now.
    assert.equal(await text(page, "due-now"), "€26.67");
    assert.equal(await text(page, "next-invoice-total"), "€45.00");
    assert.match(spaces(await page.locator("#next-invoice-date").textContent()), /21 Dec 2026/);
    assert.match(await text(page, "placement"), /billing date moves to the day of the change/);
    const lines = spaces(await page.locator("#lines").textContent());
    assert.match(lines, /€55\.00 × 10\/30 days/);
    assert.match(lines, /-€18\.33/);
    await check();
  });

  test("German shows German text and German number format", async () => {
    const { page, check } = await open({ locale: "de-DE" });
    await page.getByTestId("locale").selectOption("de");
    assert.equal(await page.getAttribute("html", "lang"), "de");
    assert.equal(spaces(await page.locator("h1").textContent()), "Nutzerlizenzen ändern");
    await seats(page, 5);
    assert.equal(await text(page, "next-invoice-total"), "38,00 €");
    assert.equal(await text(page, "due-now"), "0,00 €");
    assert.match(await text(page, "placement"), /24 Tage bis zur nächsten Rechnung am 15\.12\.2026/);
    assert.match(spaces(await page.locator("#lines").textContent()), /2 Nutzerlizenzen × 5,00 € × 24\/30 Tage/);
    assert.match(spaces(await page.locator("#next-invoice-date").textContent()), /am 15\. Dez\. 2026/);

    await page.fill("#seats", "5");
    await page.fill("#in-use", "4");
    await seats(page, 3);
    assert.equal(await text(page, "users-to-remove"), "Lösche zuerst 1 Nutzer.");
    await check();
  });

  test("results are announced in a polite live region, as one sentence", async () => {
    const { page, check } = await open();
    const live = page.locator("[aria-live]");
    assert.equal(await live.count(), 1);
    assert.equal(await live.getAttribute("aria-live"), "polite");
    assert.equal(await page.locator('.results [aria-live="polite"]').count(), 1, "inside the results region");
    await seats(page, 5);
    await page.waitForFunction(() => document.querySelector("[aria-live]").textContent.includes("€38.00"));
    assert.equal(spaces(await live.textContent()), "5 seats: €0.00 due now, next invoice on 15 Dec 2026: €38.00.");
    await check();
  });

  test("keyboard: Tab reaches the seat field and ArrowUp changes it", async () => {
    const { page, check } = await open();
    // Start where a keyboard user starts: the top of the page (the date
    // field filled by open() holds the focus otherwise).
    await page.click("h1");
    let reached = false;
    for (let i = 0; i < 10 && !reached; i += 1) {
      await page.keyboard.press("Tab");
      reached = await page.evaluate(() => document.activeElement?.dataset.testid === "seats");
    }
    assert.ok(reached, "the seat field is among the first ten Tab stops");
    await page.keyboard.press("ArrowUp");
    assert.equal(await page.getByTestId("seats").inputValue(), "4");
    assert.equal(await text(page, "next-invoice-total"), "€29.00", "25.00 recurring + 5.00 × 24/30");
    await check();
  });

  test("every control has a label", async () => {
    const { page, check } = await open();
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, button, textarea")]
        .filter(
          (c) =>
            c.labels.length === 0 &&
            !c.getAttribute("aria-label") &&
            !c.getAttribute("aria-labelledby") &&
            // A button is named by its text.
            !(c.tagName === "BUTTON" && c.textContent.trim()),
        )
        .map((c) => c.id || c.name),
    );
    assert.deepEqual(unlabelled, []);
    const timeline = page.getByTestId("timeline");
    assert.equal(await timeline.getAttribute("role"), "img");
    assert.match(await timeline.getAttribute("aria-label"), /Today is 21 Nov 2026, 24 days remain\./);
    await check();
  });

  test("input errors: shown at the field, results blanked, never stale", async () => {
    const { page, check } = await open();
    await seats(page, 5);
    assert.equal(await text(page, "next-invoice-total"), "€38.00");

    const cases = [
      ["#seats", "", "err-seats", /Enter a whole number/],
      ['[data-testid="seats"]', "1000000000", "err-target", /out of range/],
      ["#today", "1850-01-01", "err-today", /out of range/],
      ["#today", "9999-12-20", "err-today", /after 9999-12-31/],
      ["#today", "2025-06-01", "err-today", /before the billing anchor/],
      ["#in-use", "7", "err-inUse", /more than seats/],
      ["#pending", "1", "err-pending", /pending_cancellations/],
      ["#vat", "", "err-vat", /Enter a VAT rate/],
      ["#vat", "-5", "err-vat", /decimal amount|negative/],
      ['[data-testid="seats"]', "2.5", "err-target", /whole number/],
    ];
    for (const [selector, value, errorId, message] of cases) {
      const control = page.locator(selector);
      const before = await control.inputValue();
      await control.fill(value);
      const error = page.locator(`#${errorId}`);
      assert.ok(await error.isVisible(), `${selector} = "${value}": error shown`);
      assert.match(spaces(await error.textContent()), message, `${selector} = "${value}"`);
      assert.equal(await control.getAttribute("aria-invalid"), "true");
      assert.match(await control.getAttribute("aria-describedby"), new RegExp(`\\b${errorId}\\b`));
      assert.equal(await page.getByTestId("due-now").isVisible(), false, "no result next to an error");
      assert.equal(await text(page, "next-invoice-total"), "", "no stale number left in the page");
      await control.fill(before);
      assert.equal(await error.isVisible(), false);
      assert.equal(await control.getAttribute("aria-invalid"), null);
      assert.equal(await text(page, "next-invoice-total"), "€38.00", `${selector} restored`);
    }
    await check();
  });

  /** Sets a field's value as a script (or a browser's year field with six digits) can, and fires `input`. */
  async function setValue(page, selector, value) {
    await page.evaluate(
      ([s, v]) => {
        const control = document.querySelector(s);
        control.value = v;
        control.dispatchEvent(new Event("input", { bubbles: true }));
      },
      [selector, value],
    );
  }

  /** Types into a field as a customer would: select all, then keys. */
  async function typeInto(page, selector, keys) {
    await page.click(selector, { clickCount: 3 });
    await page.keyboard.press("Backspace");
    await page.keyboard.type(keys);
  }

  /**
   * The page shows `message` at `errorId`, marks the control, and no number
   * of any earlier result is left anywhere: totals, lines, placement, the
   * seat hint, the timeline.
   */
  async function expectErrorOnly(page, { control, errorId, message, what }) {
    const error = page.locator(`#${errorId}`);
    assert.ok(await error.isVisible(), `${what}: error shown at #${errorId}`);
    assert.match(spaces(await error.textContent()), message, what);
    assert.equal(
      await page.locator(control).getAttribute("aria-invalid"),
      "true",
      `${what}: ${control} marked invalid`,
    );
    const left = await page.evaluate(() => ({
      visible: ["quote", "refused", "cancellation", "working", "timeline"].filter(
        (id) => !document.getElementById(id).hidden,
      ),
      numbers: [
        ...document.querySelectorAll(
          ".results p[id]:not(#live):not(#notice), #lines, #violation-list, #timeline-figure",
        ),
      ]
        .map((node) => node.textContent.trim())
        .filter(Boolean),
      hint: document.getElementById("picker-hint").hidden,
    }));
    assert.deepEqual(left, { visible: [], numbers: [], hint: true }, `${what}: nothing of an earlier result is left`);
  }

  /** No field error anywhere, and the totals are `due` and `next`. */
  async function expectQuote(page, { due, next, what }) {
    const errors = await page.evaluate(() =>
      [...document.querySelectorAll(".error")].filter((e) => !e.hidden).map((e) => e.id),
    );
    assert.deepEqual(errors, [], `${what}: no error left`);
    assert.equal(await page.locator("[aria-invalid]").count(), 0, `${what}: no control left marked invalid`);
    assert.equal(await text(page, "due-now"), due, what);
    assert.equal(await text(page, "next-invoice-total"), next, what);
  }

  test("absurd values: far dates, huge VAT, letters, yearly — error beside the field, no number left", async () => {
    const { page, check } = await open();
    await seats(page, 5);
    await expectQuote(page, { due: "€0.00", next: "€38.00", what: "rules §8.1" });

    // [what, the field changed, how, the control the error is shown at, its error id, message]
    const fill = (selector, value) => (p) => p.fill(selector, value);
    const script = (selector, value) => (p) => setValue(p, selector, value);
    const type = (selector, keys) => (p) => typeInto(p, selector, keys);
    const target = '[data-testid="seats"]';
    const cases = [
      // The engine reports a contract start after the day of the change at that day.
      [
        "contract start 9999-12-31",
        "#anchor",
        fill("#anchor", "9999-12-31"),
        "#today",
        "err-today",
        /before the billing anchor \(9999-12-31\)/,
      ],
      [
        "contract start in year 10000",
        "#anchor",
        script("#anchor", "10000-01-01"),
        "#anchor",
        "err-anchor",
        /not a date/,
      ],
      [
        "contract start in year 275760",
        "#anchor",
        script("#anchor", "275760-09-13"),
        "#anchor",
        "err-anchor",
        /not a date/,
      ],
      ["contract start in year 1", "#anchor", script("#anchor", "0001-01-01"), "#anchor", "err-anchor", /out of range/],
      [
        "date of the change 9999-12-31",
        "#today",
        fill("#today", "9999-12-31"),
        "#today",
        "err-today",
        /after 9999-12-31/,
      ],
      [
        "date of the change in year 10000",
        "#today",
        script("#today", "10000-01-01"),
        "#today",
        "err-today",
        /not a date/,
      ],
      ["VAT of 10^20 %", "#vat", fill("#vat", "99999999999999999999"), "#vat", "err-vat", /out of range/],
      [
        "VAT with 11 decimals of a percent",
        "#vat",
        fill("#vat", "0,00000000001"),
        "#vat",
        "err-vat",
        /more than 10 decimals/,
      ],
      ['VAT "1e3"', "#vat", fill("#vat", "1e3"), "#vat", "err-vat", /not a decimal amount/],
      ['VAT "19%"', "#vat", fill("#vat", "19%"), "#vat", "err-vat", /not a decimal amount/],
      ["VAT in letters", "#vat", fill("#vat", "nineteen"), "#vat", "err-vat", /not a decimal amount/],
      ["letters for current seats", "#seats", type("#seats", "abc"), "#seats", "err-seats", /Enter a whole number/],
      ['"12e" for seats in use', "#in-use", type("#in-use", "12e"), "#in-use", "err-inUse", /Enter a whole number/],
      [
        '"1e400" for pending cancellations',
        "#pending",
        type("#pending", "1e400"),
        "#pending",
        "err-pending",
        /Enter a whole number/,
      ],
      ["letters for the seat count", target, type(target, "abc"), target, "err-target", /Enter a whole number/],
      ["1,000,001 current seats", "#seats", fill("#seats", "1000001"), "#seats", "err-seats", /out of range/],
      ["-1 seats in use", "#in-use", fill("#in-use", "-1"), "#in-use", "err-inUse", /whole number of 0 or more/],
    ];
    for (const [what, changed, set, control, errorId, message] of cases) {
      const original = await page.locator(changed).inputValue();
      await set(page);
      await expectErrorOnly(page, { control, errorId, message, what });
      await page.fill(changed, original);
      await expectQuote(page, { due: "€0.00", next: "€38.00", what: `${what}, then restored` });
    }

    // Yearly with absurd dates: periods that would end after 9999-12-31.
    await page.check("#interval-year");
    await page.fill("#anchor", "9999-01-01");
    await expectErrorOnly(page, {
      control: "#today",
      errorId: "err-today",
      message: /before the billing anchor/,
      what: "yearly, contract start 9999",
    });
    await page.fill("#today", "9999-06-01");
    await expectErrorOnly(page, {
      control: "#today",
      errorId: "err-today",
      message: /after 9999-12-31/,
      what: "yearly, period ending in 10000",
    });
    // The longest contract there is: from 1900 to a change in 9998.
    await page.fill("#anchor", "1900-02-28");
    await page.fill("#today", "9998-11-21");
    assert.match(await text(page, "placement"), /until the next invoice on 9999-02-28/);
    await check();
  });

  test("after an error the page shows fresh numbers for what the form says now, never the old ones", async () => {
    const { page, check } = await open();
    const live = page.locator("#live");
    await seats(page, 5);
    await expectQuote(page, { due: "€0.00", next: "€38.00", what: "5 seats" });

    // An error, then another change while the error is shown, then the fix:
    // the numbers are those of 6 seats, not the 5 seats shown before.
    await page.fill("#anchor", "9999-12-31");
    await expectErrorOnly(page, {
      control: "#today",
      errorId: "err-today",
      message: /before the billing anchor/,
      what: "future contract start",
    });
    await seats(page, 6);
    await expectErrorOnly(page, {
      control: "#today",
      errorId: "err-today",
      message: /before the billing anchor/,
      what: "still in error",
    });
    await page.fill("#anchor", "2026-01-15");
    await expectQuote(page, { due: "€0.00", next: "€47.00", what: "fixed: 6 seats" });
    await page.waitForFunction(() => document.querySelector("#live").textContent.includes("€47.00"));
    assert.match(spaces(await live.textContent()), /^6 seats: €0\.00 due now/);
    assert.match(spaces(await page.locator("#lines").textContent()), /3 seats × €5\.00 × 24\/30 days/);

    // An error fixed through another field: 7 in use of 3 seats, then 8 seats.
    await page.fill("#in-use", "7");
    await expectErrorOnly(page, {
      control: "#in-use",
      errorId: "err-inUse",
      message: /more than seats/,
      what: "7 in use of 3",
    });
    await page.fill("#seats", "8");
    await seats(page, 9);
    // recurring(9) = 10.00 + 8 × 5.00 = 50.00; one new seat × 5.00 × 24/30 = 4.00.
    await expectQuote(page, { due: "€0.00", next: "€54.00", what: "8 seats, 7 in use, 9 wanted" });
    assert.equal(await text(page, "recurring-after"), "€50.00");
    assert.match(spaces(await page.locator("#lines").textContent()), /1 seat × €5\.00 × 24\/30 days/);

    // Yearly with an absurd VAT first, then a sane one: rules §8.2's 13.70 plus 19 %.
    await page.check("#interval-year");
    await page.fill("#anchor", "2026-03-01");
    await page.fill("#seats", "5");
    await page.fill("#in-use", "5");
    await page.fill("#vat", "1e30");
    await seats(page, 6);
    await expectErrorOnly(page, {
      control: "#vat",
      errorId: "err-vat",
      message: /not a decimal amount/,
      what: "VAT 1e30",
    });
    await page.fill("#vat", "19");
    await expectQuote(page, { due: "€16.30", next: "€416.50", what: "yearly, 19 % VAT" });
    assert.match(spaces(await page.locator("#due-now-detail").textContent()), /Net €13\.70 · VAT 19% €2\.60/);
    await check();
  });

  test("German page: absurd values give a German error and no number, then the quote again", async () => {
    const { page, check } = await open({ locale: "de-DE" });
    await page.getByTestId("locale").selectOption("de");
    await seats(page, 5);
    assert.equal(await text(page, "next-invoice-total"), "38,00 €");
    await page.fill("#today", "9999-12-31");
    await expectErrorOnly(page, {
      control: "#today",
      errorId: "err-today",
      message: /Gib ein gültiges Datum ein/,
      what: "de: 9999-12-31",
    });
    await page.fill("#vat", "neunzehn");
    await page.fill("#today", "2026-11-21");
    await expectErrorOnly(page, { control: "#vat", errorId: "err-vat", message: /\S/, what: "de: VAT in letters" });
    assert.doesNotMatch(await page.locator("#err-vat").textContent(), /decimal amount/, "no English on a German page");
    await page.fill("#vat", "7,7");
    await expectQuote(page, { due: "0,00 €", next: "40,93 €", what: "de: 7,7 %" });
    await check();
  });

  /** A Solo customer with one seat (one in use), rules §8.1's dates. */
  async function solo(page) {
    await page.getByTestId("current-plan").selectOption("solo");
    await page.getByTestId("current-seats").fill("1");
    await page.getByTestId("seats-in-use").fill("1");
    await seats(page, 1);
  }

  test("the plan and the billing after the change start as the current ones", async () => {
    const { page, check } = await open();
    const ids = await page
      .getByTestId("target-plan")
      .locator("option")
      .evaluateAll((o) => o.map((x) => x.value));
    assert.deepEqual(ids, ["solo", "business", "team", "enterprise"]);
    assert.equal(await page.getByTestId("current-plan").inputValue(), "business");
    assert.equal(await page.getByTestId("target-plan").inputValue(), "business");
    assert.equal(await page.getByTestId("target-interval").inputValue(), "month");
    assert.equal(await page.getByTestId("plan-change").isVisible(), false, "a seat change is no plan change");
    await page.getByTestId("current-plan").selectOption("solo");
    assert.equal(await page.getByTestId("target-plan").inputValue(), "solo");
    await page.getByTestId("current-interval").getByLabel("Yearly").check();
    assert.equal(await page.getByTestId("target-interval").inputValue(), "year");
    await check();
  });

  test("Solo → Business, 1 → 3 seats: upgrade today, on the next invoice (rules §9, worked example 1)", async () => {
    const { page, check } = await open();
    await solo(page);
    await page.getByTestId("contract-start").fill("2026-01-15");
    await page.getByTestId("change-date").fill("2026-11-21");
    await page.getByTestId("target-plan").selectOption("business");
    await seats(page, 3);
    assert.equal(await text(page, "plan-change"), "Upgrade to Business today.");
    assert.equal(await text(page, "next-invoice-total"), "€28.80");
    assert.equal(await text(page, "due-now"), "€0.00");
    assert.equal(await text(page, "recurring-after"), "€20.00");
    assert.equal(spaces(await page.locator("#recurring-was").textContent()), "instead of €9.00");
    const lines = await page.locator("#lines li").allTextContents();
    assert.equal(lines.length, 2);
    assert.match(spaces(lines[0]), /Unused time on Solo.*€9\.00 × 24\/30 days.*-€7\.20/);
    assert.match(spaces(lines[1]), /Remaining time on Business.*€20\.00 × 24\/30 days.*€16\.00/);

    // Staying on Solo with 2 seats is refused: Solo has no extra seats.
    await page.getByTestId("target-plan").selectOption("solo");
    await seats(page, 2);
    assert.ok(await page.getByTestId("violations").isVisible());
    assert.equal(await page.locator('[data-code="PLAN_UPGRADE_REQUIRED"]').count(), 1);
    assert.equal(await page.getByTestId("due-now").isVisible(), false);
    await check();
  });

  test("monthly → yearly: the period restarts today, 184.00 due now (rules §9, worked example 2)", async () => {
    const { page, check } = await open();
    await page.getByTestId("target-interval").selectOption("year");
    assert.equal(await text(page, "plan-change"), "Upgrade to yearly billing today.");
    assert.equal(await text(page, "due-now"), "€184.00");
    assert.equal(await text(page, "next-invoice-total"), "€200.00");
    assert.match(spaces(await page.locator("#next-invoice-date").textContent()), /21 Nov 2027/);
    assert.equal(spaces(await page.locator("#recurring-label").textContent()), "Then per year");
    assert.equal(
      `${await text(page, "recurring-after")} per year, ${spaces(await page.locator("#recurring-was").textContent())}`,
      "€200.00 per year, instead of €20.00 per month",
    );
    const lines = spaces(await page.locator("#lines").textContent());
    assert.match(lines, /Unused time on Business.*€20\.00 × 24\/30 days.*-€16\.00/);
    assert.match(lines, /New billing period on Business.*€200\.00/);
    // The timeline shows the reset: the new period starts today.
    const timeline = page.getByTestId("timeline");
    assert.match(spaces(await timeline.textContent()), /New billing period: 21 Nov 2026 to 21 Nov 2027/);
    assert.match(await timeline.getAttribute("aria-label"), /new billing period from 21 Nov 2026 to 21 Nov 2027/);
    await check();
  });

  test("Business → Solo at the end of the term: the switch date, nothing due (rules §9, worked example 4)", async () => {
    const { page, check } = await open();
    await page.getByTestId("seats-in-use").fill("1");
    await page.getByTestId("target-plan").selectOption("solo");
    await seats(page, 1);
    assert.equal(await text(page, "plan-change"), "Your plan changes to Solo on 15 Dec 2026; nothing is charged now.");
    assert.equal(await text(page, "due-now"), "€0.00");
    assert.equal(await text(page, "next-invoice-total"), "€9.00");
    assert.match(spaces(await page.locator("#next-invoice-date").textContent()), /15 Dec 2026/);
    assert.equal(await page.locator("#working").isVisible(), false, "no lines");
    const timeline = page.getByTestId("timeline");
    assert.match(spaces(await timeline.textContent()), /Switch to Solo on 15 Dec 2026/);
    assert.match(await timeline.getAttribute("aria-label"), /Switch to Solo on 15 Dec 2026/);

    // With all 3 seats in use, 2 users must go first.
    await page.getByTestId("seats-in-use").fill("3");
    assert.ok(await page.getByTestId("violations").isVisible());
    assert.equal(await page.locator('[data-code="SEATS_IN_USE"]').count(), 1);
    assert.equal(await text(page, "users-to-remove"), "Remove 2 users first.");
    await check();
  });

  test("too many seats for Solo: the refusal and a one-click upgrade to Business", async () => {
    const { page, check } = await open();
    await solo(page);
    await seats(page, 3);
    assert.ok(await page.getByTestId("violations").isVisible());
    assert.equal(await page.locator('[data-code="PLAN_UPGRADE_REQUIRED"]').count(), 1);
    const button = page.getByTestId("upgrade-suggestion");
    assert.equal(await text(page, "upgrade-suggestion"), "Switch to Business");
    // From the keyboard: focus and Enter.
    await button.focus();
    await page.keyboard.press("Enter");
    assert.equal(await page.getByTestId("target-plan").inputValue(), "business");
    assert.equal(await page.getByTestId("violations").isVisible(), false);
    assert.equal(await text(page, "plan-change"), "Upgrade to Business today.");
    assert.equal(await text(page, "next-invoice-total"), "€28.80");
    assert.equal(await text(page, "due-now"), "€0.00");
    assert.equal(
      await page.evaluate(() => document.activeElement?.id),
      "target-plan",
      "the focus goes to the plan it changed",
    );
    await page.waitForFunction(() => document.querySelector("#live").textContent.includes("€28.80"));
    assert.equal(
      spaces(await page.locator("#live").textContent()),
      "Upgrade to Business today. 3 seats: €0.00 due now, next invoice on 15 Dec 2026: €28.80.",
    );
    await check();
  });

  test("German: the plan change in German words and numbers", async () => {
    const { page, check } = await open({ locale: "de-DE" });
    await page.getByTestId("locale").selectOption("de");
    await solo(page);
    await seats(page, 3);
    assert.equal(await text(page, "upgrade-suggestion"), "Zu Business wechseln");
    await page.getByTestId("upgrade-suggestion").click();
    assert.equal(await text(page, "plan-change"), "Upgrade auf Business ab heute.");
    assert.equal(await text(page, "next-invoice-total"), "28,80 €");
    assert.match(
      spaces(await page.locator("#lines").textContent()),
      /Ungenutzte Zeit im Tarif Solo.*9,00 € × 24\/30 Tage/,
    );

    await page.getByTestId("current-plan").selectOption("business");
    await page.getByTestId("current-seats").fill("3");
    await page.getByTestId("target-plan").selectOption("solo");
    await seats(page, 1);
    assert.equal(
      await text(page, "plan-change"),
      "Dein Tarif wechselt am 15. Dez. 2026 zu Solo; jetzt wird nichts berechnet.",
    );
    await check();
  });

  test("readable at 390 px and 1280 px; screenshots in .artifacts/screenshots/", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const width of [390, 1280]) {
      for (const lang of ["en", "de"]) {
        const { page, check } = await open({ width, locale: lang === "de" ? "de-DE" : "en-GB" });
        await page.getByTestId("locale").selectOption(lang);
        await page.fill("#vat", "19");
        await seats(page, 5);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow} px too wide)`);
        await page.screenshot({ path: `${SCREENSHOTS}/page-${width}-${lang}.png`, fullPage: true });

        await page.fill("#seats", "5");
        await page.fill("#in-use", "4");
        await seats(page, 3);
        await page.screenshot({ path: `${SCREENSHOTS}/page-${width}-${lang}-refused.png`, fullPage: true });

        // Plan changes: monthly → yearly now (a reset), Business → Solo at
        // the end of the term, and a Solo customer asking for 3 seats.
        const wide = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        await page.fill("#in-use", "3");
        await page.fill("#seats", "3");
        await seats(page, 3);
        await page.getByTestId("target-interval").selectOption("year");
        assert.ok((await wide()) <= 0, `no sideways scrolling at ${width} px, monthly → yearly`);
        await page.screenshot({ path: `${SCREENSHOTS}/page-${width}-${lang}-yearly.png`, fullPage: true });
        await page.getByTestId("target-interval").selectOption("month");
        await page.fill("#in-use", "1");
        await page.getByTestId("target-plan").selectOption("solo");
        await seats(page, 1);
        assert.ok((await wide()) <= 0, `no sideways scrolling at ${width} px, Business → Solo`);
        await page.screenshot({ path: `${SCREENSHOTS}/page-${width}-${lang}-switch.png`, fullPage: true });
        await solo(page);
        await seats(page, 3);
        assert.ok((await wide()) <= 0, `no sideways scrolling at ${width} px, Solo refused`);
        await page.screenshot({ path: `${SCREENSHOTS}/page-${width}-${lang}-upgrade.png`, fullPage: true });
        await check();
      }
    }
  });
});
