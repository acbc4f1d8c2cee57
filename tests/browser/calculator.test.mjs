// Browser tests of the pricing calculator page (www/calculator.html and its
// <price-calculator> element) against the real build (pkg/), in Debian's
// Chromium through playwright-core.
//
//   npm run build && node --test tests/browser/
//
// Nothing is skipped. The group "needs tiered prices in the engine" prices
// the Team plan (graduated tiers); a build without them fails it.

import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { openPage, SCREENSHOTS, spaces, text } from "./support.mjs";

/** The calculator page, loaded; `check()` asserts no console error, exception or failed request. */
function open({ width = 1280, locale = "en-GB", query = "", path = "calculator.html" } = {}) {
  return openPage(`${path}${query}`, { viewport: { width, height: 900 }, locale });
}

const setSeats = (page, n) => page.getByTestId("calc-seats").fill(String(n));

/** The x coordinate where a plan's curve starts, or null without a curve. */
async function curveStart(page, plan) {
  const d = await page.locator(`[data-testid="price-chart"] path[data-plan="${plan}"]`).getAttribute("d");
  return d ? Number(/^M([\d.]+)/.exec(d)[1]) : null;
}

describe("pricing calculator", () => {
  test("served at /calculator.html with a strict CSP, no console errors, linked both ways", async () => {
    const { page, url, check } = await open();
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/);
    assert.equal(await page.getAttribute("html", "lang"), "en");
    assert.equal(await page.getByTestId("calc-seats").inputValue(), "10");
    assert.equal(await text(page, "calc-total-business"), "€55.00");
    assert.equal(await text(page, "calc-total-enterprise"), "€100.00");
    assert.equal(await text(page, "calc-total-solo"), "Not available");
    assert.match(spaces(await page.locator('li[data-plan="solo"]').textContent()), /for 10 seats/);
    // Linked both ways, keeping the language.
    await page.getByRole("link", { name: "Checkout preview" }).click();
    await page.waitForSelector("body[data-ready]", { state: "attached" });
    assert.equal(new URL(page.url()).pathname, "/index.html");
    await page.getByRole("link", { name: "Pricing calculator" }).click();
    await page.waitForSelector("price-calculator [data-testid='price-chart']");
    assert.equal(page.url(), `${url}calculator.html?lang=en`);
    await check();
  });

  test("a seat count and monthly or yearly: every plan's price, per seat, and the yearly saving", async () => {
    const { page, check } = await open();
    await setSeats(page, 6);
    // Business: 10.00 + 5 × 5.00; Enterprise: 60.00 + 1 × 8.00.
    assert.equal(await text(page, "calc-total-business"), "€35.00");
    assert.equal(await text(page, "calc-total-enterprise"), "€68.00");
    assert.match(spaces(await page.locator('li[data-plan="business"]').textContent()), /€5\.83 per seat/);
    assert.match(await text(page, "calc-total-solo"), /Not available/);

    await page.getByTestId("calc-interval").selectOption("year");
    assert.equal(await text(page, "calc-total-business"), "€350.00");
    const business = spaces(await page.locator('li[data-plan="business"]').textContent());
    assert.match(business, /per year/);
    assert.match(business, /€58\.33 per seat/, "350.00 / 6, rounded to the cent");
    assert.match(business, /saves €70\.00 against 12 monthly payments/, "12 × 35.00 − 350.00");

    await setSeats(page, 1);
    assert.equal(await text(page, "calc-total-solo"), "€90.00");
    assert.equal(await text(page, "calc-total-enterprise"), "Not available");
    assert.match(spaces(await page.locator('li[data-plan="enterprise"]').textContent()), /for 1 seat(?!s)/);
    assert.match(spaces(await page.locator('li[data-plan="enterprise"]').textContent()), /from 5 seats/);
    await check();
  });

  test("the chart: a curve per priced plan, refused counts as gaps, the chosen count marked", async () => {
    const { page, check } = await open();
    const chart = page.getByTestId("price-chart");
    assert.equal(await chart.evaluate((node) => node.tagName), "svg");
    assert.equal(await chart.getAttribute("role"), "img");
    assert.match(await chart.locator("title").textContent(), /Business/);
    // Business from 1 seat; Enterprise only from 5 (a gap before); Solo only at 1 (a point, no line).
    const business = await curveStart(page, "business");
    const enterprise = await curveStart(page, "enterprise");
    assert.ok(business !== null && enterprise !== null);
    assert.ok(enterprise > business, `Enterprise starts later (${enterprise} > ${business})`);
    assert.equal(await curveStart(page, "solo"), null, "Solo has no line beyond one seat");
    assert.equal(await chart.locator(".pc__point").count(), 1, "Solo's single seat is a point");
    // The chosen count: a line and one dot per plan with a price there.
    const markerX = async () => Number(await chart.locator(".pc__marker line").getAttribute("x1"));
    const at10 = await markerX();
    await setSeats(page, 100);
    assert.ok((await markerX()) > at10, "the marker moves with the seat count");
    assert.match(spaces(await chart.locator(".pc__marker").textContent()), /100 seats/);
    await check();
  });

  test("the text alternative lists the same prices, the chosen count and what is not available", async () => {
    const { page, check } = await open();
    await setSeats(page, 6);
    const table = page.getByTestId("price-table");
    assert.equal(await table.evaluate((node) => node.tagName), "TABLE");
    assert.match(spaces(await table.locator("caption").textContent()), /Price per month by number of seats/);
    const row = async (locator) => spaces((await locator.locator("th, td").allTextContents()).join(" "));
    const chosen = await row(table.locator("tr[aria-current]"));
    assert.match(chosen, /^6 \(your choice\)/);
    assert.match(chosen, /€35\.00/);
    assert.match(chosen, /Not available/);
    assert.match(await row(table.locator("tbody tr").first()), /^1 €9\.00 €10\.00 /);
    await check();
  });

  test("German: German words and number format, ?lang=de and the language select", async () => {
    const { page, check } = await open({ locale: "de-DE", query: "?lang=de" });
    assert.equal(await page.getAttribute("html", "lang"), "de");
    assert.equal(spaces(await page.locator("h1").textContent()), "Was kostet dein Team?");
    await setSeats(page, 6);
    assert.equal(await text(page, "calc-total-business"), "35,00 €");
    assert.match(spaces(await page.locator('li[data-plan="business"]').textContent()), /5,83 € je Nutzerlizenz/);
    await page.getByTestId("calc-interval").selectOption("year");
    assert.match(spaces(await page.locator('li[data-plan="business"]').textContent()), /spart 70,00 €/);
    await setSeats(page, 200);
    assert.equal(await text(page, "calc-total-enterprise"), "16.200,00 €", "600.00 + 195 × 80.00, grouped");
    await page.getByTestId("locale").selectOption("en");
    assert.equal(await text(page, "calc-total-enterprise"), "€16,200.00");
    await check();
  });

  test("keyboard: Tab reaches the seat controls, arrows change the count, the interval select works", async () => {
    const { page, check } = await open();
    await page.click("h1");
    let reached = null;
    for (let i = 0; i < 8 && reached === null; i += 1) {
      await page.keyboard.press("Tab");
      const type = await page.evaluate(() => document.activeElement?.type);
      if (type === "range") reached = type;
    }
    assert.equal(reached, "range", "the seat slider is among the first Tab stops");
    await page.keyboard.press("ArrowRight");
    assert.equal(await page.getByTestId("calc-seats").inputValue(), "11");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "calc-seats");
    await page.keyboard.press("ArrowUp");
    assert.equal(await page.getByTestId("calc-seats").inputValue(), "12");
    assert.equal(await text(page, "calc-total-business"), "€65.00");
    await page.keyboard.press("Tab");
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "calc-interval");
    await page.getByTestId("calc-interval").selectOption("year"); // what the select's keys do
    assert.equal(await text(page, "calc-total-business"), "€650.00");
    // Every control has a label.
    const unlabelled = await page.evaluate(() =>
      [...document.querySelectorAll("input, select, button")]
        .filter((c) => c.labels.length === 0 && !c.getAttribute("aria-label") && !c.getAttribute("aria-labelledby"))
        .map((c) => c.outerHTML),
    );
    assert.deepEqual(unlabelled, []);
    await check();
  });

  test("one polite live summary; a bad seat count shows an error and no stale price", async () => {
    const { page, check } = await open();
    const live = page.locator("[aria-live]");
    assert.equal(await live.count(), 1);
    assert.equal(await live.getAttribute("aria-live"), "polite");
    await setSeats(page, 6);
    await page.waitForFunction(() => document.querySelector("[aria-live]").textContent.includes("€35.00"));
    assert.match(spaces(await live.textContent()), /^6 seats, per month: Solo not available, Business €35\.00/);
    for (const bad of ["0", "201", "", "2.5"]) {
      await setSeats(page, bad);
      const seats = page.getByTestId("calc-seats");
      assert.equal(await seats.getAttribute("aria-invalid"), "true", `"${bad}" marked invalid`);
      assert.match(spaces(await page.locator(".pc__error").textContent()), /whole number of seats from 1 to 200/);
      assert.equal(await text(page, "calc-total-business"), "", `"${bad}": no stale price`);
      assert.equal(await page.locator(".pc__marker line").count(), 0, `"${bad}": no marker`);
      assert.equal(await page.locator('[data-testid="price-table"] tr[aria-current]').count(), 0);
    }
    await setSeats(page, 7);
    assert.equal(await text(page, "calc-total-business"), "€40.00");
    assert.equal(await page.getByTestId("calc-seats").getAttribute("aria-invalid"), null);
    await check();
  });

  test("the element's English and German texts have the same keys", async () => {
    const { page, check } = await open();
    const [en, de] = await page.evaluate(async () => {
      const { textKeys } = await import("/price-calculator.js");
      return [textKeys("en").sort(), textKeys("de").sort()];
    });
    assert.deepEqual(de, en);
    await check();
  });
});

describe("needs tiered prices in the engine (the Team plan)", () => {
  test("calculator: Team's graduated tiers, 41.50 at 6 seats and 127.50 at 20 (rules §10, worked example 7)", async () => {
    const { page, check } = await open();
    await setSeats(page, 6);
    assert.equal(await text(page, "calc-total-team"), "€41.50", "5 × 7.00 + 6.50");
    await setSeats(page, 20);
    assert.equal(await text(page, "calc-total-team"), "€127.50", "5 × 7.00 + 5 × 6.50 + 10 × 6.00");
    await page.getByTestId("calc-interval").selectOption("year");
    assert.equal(await text(page, "calc-total-team"), "€1,275.00", "yearly tiers are ten times the monthly");
    assert.match(spaces(await page.locator('li[data-plan="team"]').textContent()), /saves €255\.00/);
    await check();
  });

  test("calculator: one curve per plan, Team's tier breaks drawn, German Team price", async () => {
    const { page, check } = await open({ query: "?lang=de", locale: "de-DE" });
    const chart = page.getByTestId("price-chart");
    const curves = await chart
      .locator("path[data-plan]")
      .evaluateAll((paths) => paths.filter((p) => p.getAttribute("d")).map((p) => p.dataset.plan));
    // Solo is a single point (one seat only); every other plan is a line.
    assert.deepEqual(curves, ["business", "team", "enterprise"]);
    assert.equal(await chart.locator(".pc__point").count(), 1);
    assert.equal(await chart.locator(".pc__tier-break").count(), 2, "Team's breaks after 5 and 10 seats");
    await setSeats(page, 6);
    assert.equal(await text(page, "calc-total-team"), "41,50 €");
    await check();
  });

  test("checkout: a Team seat change names the tier (rules §10, worked example 7: 46.70)", async () => {
    const { page, check } = await open({ path: "index.html" });
    await page.fill("#today", "2026-11-21");
    await page.getByTestId("current-plan").selectOption("team");
    await page.getByTestId("current-seats").fill("5");
    await page.getByTestId("seats-in-use").fill("5");
    await page.getByTestId("seats").fill("6");
    assert.equal(await text(page, "next-invoice-total"), "€46.70", "41.50 + round(6.50 × 24/30)");
    assert.equal(
      spaces(await page.locator("#help-plan").textContent()),
      "Per seat and month: €7.00 for seats 1–5, €6.50 for seats 6–10, €6.00 from seat 11.",
    );
    const line = spaces(await page.locator("#lines li").first().textContent());
    assert.match(line, /seats 6–10 at €6\.50/);
    assert.match(line, /€6\.50 × 24\/30 days/);
    assert.match(line, /€5\.20/);
    await check();
  });
});

describe("calculator screenshots", () => {
  test("readable at 390 px and 1280 px; screenshots in .artifacts/screenshots/", async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    for (const width of [390, 1280]) {
      for (const lang of ["en", "de"]) {
        const { page, check } = await open({
          width,
          locale: lang === "de" ? "de-DE" : "en-GB",
          query: `?lang=${lang}`,
        });
        await setSeats(page, 6);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        const wide = await page.evaluate(() =>
          [...document.querySelectorAll("body *")]
            .filter((e) => e.getBoundingClientRect().right > window.innerWidth + 0.5)
            .map(
              (e) => `${e.tagName}.${e.className} ${e.getBoundingClientRect().right} ${e.clientWidth}/${e.scrollWidth}`,
            ),
        );
        assert.ok(overflow <= 0, `no sideways scrolling at ${width} px (${overflow} px too wide: ${wide.slice(0, 5)})`);
        await page.screenshot({ path: `${SCREENSHOTS}/calculator-${width}-${lang}.png`, fullPage: true });
        await check();
      }
    }
  });
});
