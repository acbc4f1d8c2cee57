// The picture of the billing period: a bar from the period start to the next
// invoice, with today, the days remaining and the threshold window.
//
// Drawn with plain elements positioned in percent (CSSOM, which the CSP
// allows), so text stays real text at any width. The whole figure is one
// `role="img"` with a sentence as its name: the drawing is for the eye, the
// sentence carries the same facts for a screen reader.

import { el } from "./dom.js";
import { date as formatDate } from "./format.js";
import { t } from "./i18n.js";

/** Where along the period a day offset lies, in percent. */
const percent = (days, of) => (of > 0 ? (100 * days) / of : 0);

/**
 * A label placed at `at` percent. Centred labels (`centre`) stay centred
 * away from the edges; others start at the point in the left half and end
 * at it in the right half. Either way a label never leaves the figure, even
 * at 390 px.
 */
function marker(className, at, text, centre = false) {
  const node = el("span", { class: className }, text);
  node.style.left = `${at}%`;
  const side = at <= 50 ? "is-start" : "is-end";
  node.classList.add(centre && at >= 25 && at <= 75 ? "is-middle" : side);
  return node;
}

function segment(className, from, to) {
  const node = el("span", { class: className });
  node.style.left = `${from}%`;
  node.style.width = `${Math.max(0, to - from)}%`;
  return node;
}

/**
 * The figure for a quote.
 *
 * @param quote   the engine's SeatQuote
 * @param policy  the policy sent (its placement and threshold decide the window)
 * @param lang    "en" or "de"
 * @param switching what a change at the end of the term switches to
 *   ("Solo"), or null
 */
export function timeline(quote, policy, lang, switching = null) {
  const { start, end, days_in_period: days, days_remaining: left } = quote.period;
  const fmt = (iso) => formatDate(iso, lang);
  const todayAt = percent(days - left, days);
  const reset = quote.lines.some((line) => line.kind === "new_period");
  // The window decides where a *charge* goes, so it is drawn only with the
  // threshold placement and when seats are added (or may be: no change yet).
  const charging = quote.change !== "decrease";
  const threshold = policy.placement === "threshold" && !reset && charging ? policy.threshold_days : null;
  const windowAt = threshold === null ? null : percent(Math.max(0, days - threshold), days);

  const track = el(
    "div",
    { class: "tl__track" },
    segment("tl__elapsed", 0, todayAt),
    segment(reset ? "tl__remaining tl__remaining--credited" : "tl__remaining", todayAt, 100),
    marker("tl__today-line", todayAt, null),
  );

  const top = el(
    "div",
    { class: "tl__row tl__row--top" },
    marker("tl__label tl__label--today", todayAt, `${t(lang, "timelineToday")} · ${fmt(quote.as_of)}`),
  );

  const leftText = reset ? t(lang, "timelineCredited", left) : t(lang, "timelineDaysLeft", left);
  const middle = el(
    "div",
    { class: "tl__row" },
    marker("tl__label tl__label--left", todayAt + (100 - todayAt) / 2, leftText, true),
  );

  const bottom = el(
    "div",
    { class: "tl__row tl__row--dates" },
    el(
      "span",
      { class: "tl__date tl__date--start" },
      el("span", { class: "tl__date-label" }, t(lang, "timelineStart")),
      fmt(start),
    ),
    el(
      "span",
      { class: "tl__date tl__date--end" },
      el(
        "span",
        { class: "tl__date-label" },
        switching ? t(lang, "timelineSwitch", switching) : t(lang, reset ? "timelineOldEnd" : "timelineInvoice"),
      ),
      fmt(end),
    ),
  );

  const parts = [top, track, middle, bottom];
  const legend = el("ul", { class: "tl__legend" });
  if (windowAt !== null) {
    parts.push(
      el(
        "div",
        { class: "tl__windows" },
        segment("tl__before-window", 0, windowAt),
        segment("tl__window", windowAt, 100),
      ),
    );
    legend.append(
      el("li", {}, el("span", { class: "tl__swatch tl__swatch--window" }), t(lang, "timelineWindow", threshold)),
    );
    if (windowAt > 0) {
      legend.append(
        el("li", {}, el("span", { class: "tl__swatch tl__swatch--before" }), t(lang, "timelineBeforeWindow")),
      );
    }
  }
  if (reset) {
    legend.append(
      el(
        "li",
        {},
        el("span", { class: "tl__swatch tl__swatch--new" }),
        t(lang, "timelineNewPeriod", fmt(quote.as_of), fmt(quote.next_invoice.date)),
      ),
    );
  }
  if (switching) {
    legend.append(
      el(
        "li",
        {},
        el("span", { class: "tl__swatch tl__swatch--switch" }),
        t(lang, "timelineSwitchOn", switching, fmt(quote.effective_date)),
      ),
    );
  }
  if (legend.childElementCount > 0) parts.push(legend);

  // The same facts in one sentence, as the figure's accessible name.
  let alt = t(lang, "timelineAlt", fmt(start), fmt(end), days, fmt(quote.as_of), left);
  if (threshold !== null) alt += ` ${t(lang, "timelineAltWindow", threshold, left <= threshold)}`;
  if (reset) alt += ` ${t(lang, "timelineAltReset", fmt(quote.as_of), fmt(quote.next_invoice.date))}`;
  if (switching) alt += ` ${t(lang, "timelineSwitchOn", switching, fmt(quote.effective_date))}.`;

  return el("div", { class: "tl", role: "img", "aria-label": alt, "data-testid": "timeline" }, ...parts);
}
