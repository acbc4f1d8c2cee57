// Reading the form into an engine request, and showing input errors beside
// the field they belong to.

import { localToday, percentToRate } from "./format.js";
import { CURRENCY, PLANS, POLICIES } from "./plans.js";

const $ = (id) => document.getElementById(id);

/**
 * The form's fields: the controls an error is shown on, and the request
 * paths (SeatQuoteError.path) that belong to each. A path belongs to a field
 * when it equals one of these or continues it with a dot
 * ("subscription.plan.prices.month" → plan).
 */
const FIELDS = {
  target: { controls: ["target", "target-range"], paths: ["target_seats", "seats_to_cancel"] },
  anchor: { controls: ["anchor"], paths: ["subscription.billing_anchor"] },
  today: { controls: ["today"], paths: ["as_of"] },
  seats: { controls: ["seats"], paths: ["subscription.seats"] },
  inUse: { controls: ["in-use"], paths: ["subscription.seats_in_use"] },
  pending: { controls: ["pending"], paths: ["subscription.pending_cancellations"] },
  vat: { controls: ["vat"], paths: ["subscription.tax_rate", "subscription.prices_include_tax"] },
  // A missing price is a price for the chosen interval: the interval is what
  // the customer can change, so the message goes there.
  interval: {
    controls: ["interval-month", "interval-year"],
    paths: ["subscription.interval", "subscription.plan.prices"],
  },
  plan: { controls: ["plan"], paths: ["subscription.plan", "subscription.currency"] },
  targetPlan: { controls: ["target-plan"], paths: ["target_plan"] },
  // The plan after the change lacks a price for the interval after it.
  targetInterval: { controls: ["target-interval"], paths: ["target_interval", "target_plan.prices"] },
  policy: { controls: ["policy-threshold", "policy-reset"], paths: ["policy"] },
};

/** The field a request path belongs to, or "general" when none does. */
export function fieldForPath(path) {
  let best = "general";
  let bestLength = -1;
  for (const [field, { paths }] of Object.entries(FIELDS)) {
    for (const prefix of paths) {
      const matches = path === prefix || path.startsWith(`${prefix}.`);
      // The longest match wins: "subscription.plan.prices" beats "subscription.plan".
      if (matches && prefix.length > bestLength) {
        best = field;
        bestLength = prefix.length;
      }
    }
  }
  return best;
}

/** The visible label of a field, for messages that name it. */
export function fieldLabel(field) {
  const control = $(FIELDS[field]?.controls[0] ?? "");
  if (!control) return "";
  // A radio group is named by its legend, not by one option's label.
  const legend = control.type === "radio" ? control.closest("fieldset")?.querySelector("legend") : null;
  return (legend ?? control.labels?.[0])?.textContent.trim() ?? "";
}

/** The control to focus for a field. */
export function fieldControl(field) {
  return $(FIELDS[field]?.controls[0] ?? "");
}

// Each control's own aria-describedby (its help text), so that the error id
// can be added and removed again without losing it.
const ownDescription = new Map();

function describe(control, errorId) {
  if (!ownDescription.has(control)) ownDescription.set(control, control.getAttribute("aria-describedby") ?? "");
  const ids = [ownDescription.get(control), errorId].filter(Boolean).join(" ");
  if (ids) control.setAttribute("aria-describedby", ids);
  else control.removeAttribute("aria-describedby");
}

/** Shows `message` beside `field` and marks its controls invalid. */
export function showFieldError(field, message) {
  const error = $(`err-${field}`) ?? $("err-general");
  error.textContent = message;
  error.hidden = false;
  for (const id of FIELDS[field]?.controls ?? []) {
    const control = $(id);
    control.setAttribute("aria-invalid", "true");
    describe(control, error.id);
  }
}

/** Removes every field error. */
export function clearFieldErrors() {
  for (const error of document.querySelectorAll(".error")) {
    error.textContent = "";
    error.hidden = true;
  }
  for (const { controls } of Object.values(FIELDS)) {
    for (const id of controls) {
      const control = $(id);
      control.removeAttribute("aria-invalid");
      describe(control, null);
    }
  }
}

/**
 * A count as the engine should see it. An empty box (or text the browser
 * could not read as a number) is reported here, in the page's language:
 * sending 0 instead would quote a price for something nobody typed.
 * Anything else, however wrong (2.5, -1, 10^9), goes to the engine, which
 * is the one place that decides what a valid count is.
 */
function readCount(id, field, problems) {
  const input = $(id);
  if (input.value.trim() === "" || input.validity.badInput) {
    problems.push({ field, key: "errorEmptyNumber" });
    return undefined;
  }
  return Number(input.value);
}

function readDate(id, field, problems) {
  const value = $(id).value;
  if (value === "") {
    problems.push({ field, key: "errorEmptyDate" });
    return undefined;
  }
  return value;
}

/** Fills in today's local date if the date field is still empty. */
export function defaultToday() {
  if ($("today").value === "") $("today").value = localToday();
}

/**
 * The request the form describes.
 *
 * @returns {{ request, problems }} `problems` lists empty fields as
 *   `{ field, key }` (a dictionary key); the request is only complete when
 *   there are none.
 */
export function readForm(lang) {
  const problems = [];
  const interval = document.querySelector('input[name="interval"]:checked').value;
  const policy = POLICIES[document.querySelector('input[name="policy"]:checked').value];
  const taxRate = percentToRate($("vat").value);
  if (taxRate === null) problems.push({ field: "vat", key: "errorEmptyRate" });

  const plan = $("plan").value;
  const targetPlan = $("target-plan").value;
  const targetInterval = $("target-interval").value;
  const request = {
    subscription: {
      plan: PLANS[plan],
      interval,
      billing_anchor: readDate("anchor", "anchor", problems),
      currency: CURRENCY,
      seats: readCount("seats", "seats", problems),
      seats_in_use: readCount("in-use", "inUse", problems),
      pending_cancellations: readCount("pending", "pending", problems),
      tax_rate: taxRate ?? undefined,
    },
    target_seats: readCount("target", "target", problems),
    as_of: readDate("today", "today", problems),
    policy,
    locale: lang,
  };
  // Sent only when they differ (the same plan and interval are a seat
  // change), and then as fields of their own: a key with `undefined` is
  // still a key to the engine.
  if (targetPlan !== plan) request.target_plan = PLANS[targetPlan];
  if (targetInterval !== interval) request.target_interval = targetInterval;
  return { request, problems };
}
