// Showing a quote: the totals, the placement and its reason, the working of
// each line, a refusal, the cancellation and the billing period.
//
// Every amount shown is a string the engine returned, formatted for display;
// nothing here adds, subtracts or rounds money.

import { clear, el, setText } from "./dom.js";
import { date, money, percent } from "./format.js";
import { t } from "./i18n.js";
import { PLANS, maxSeats, minSeats } from "./plans.js";
import { timeline } from "./timeline.js";

const $ = (id) => document.getElementById(id);

/** The result blocks, hidden and emptied before every new result. */
const BLOCKS = ["quote", "refused", "cancellation", "working", "timeline"];

/** True for "0", "0.00", "-0.00": a decimal string that is zero. */
const isZero = (amount) => /^-?0*(\.0*)?$/.test(amount);
const isNegative = (amount) => amount.startsWith("-") && !isZero(amount);

/**
 * Hides and empties every result, so that no number from an earlier input
 * can survive an error.
 */
export function clearResults() {
  for (const id of BLOCKS) $(id).hidden = true;
  for (const node of document.querySelectorAll(".results p[id]:not(#live):not(#notice)")) node.textContent = "";
  for (const id of ["violation-list", "lines", "timeline-figure"]) clear($(id));
  $("plan-change").hidden = true;
  $("upgrade").hidden = true;
}

const planName = (plan) => plan.name ?? plan.id;

/** The plan and the interval after the change the request asks for. */
function after(request) {
  return {
    plan: request.target_plan ?? request.subscription.plan,
    interval: request.target_interval ?? request.subscription.interval,
  };
}

/**
 * What a plan change changes to, in words: "Business", "Business, billed
 * yearly", or "yearly billing" when only the interval changes.
 */
function changeTarget(quote, request, lang) {
  const { from, to } = quote.plan_change;
  const name = planName(after(request).plan);
  const billed = t(lang, to.interval === "year" ? "billedYearly" : "billedMonthly");
  if (from.plan !== to.plan && from.interval !== to.interval) return `${name}, ${billed}`;
  if (from.plan !== to.plan) return name;
  return t(lang, to.interval === "year" ? "yearlyBilling" : "monthlyBilling");
}

/** "Upgrade to Business today." / "Your plan changes to Solo on 15 Dec 2026; nothing is charged now." */
function renderPlanChange(quote, request, lang) {
  const change = quote.plan_change;
  if (!change) return;
  const target = changeTarget(quote, request, lang);
  const node = $("plan-change");
  node.dataset.direction = change.direction;
  if (quote.effective_date === quote.as_of) {
    node.textContent = t(lang, change.direction === "upgrade" ? "upgradeToday" : "downgradeToday", target);
  } else {
    const onlyInterval = change.from.plan === change.to.plan;
    node.textContent = t(
      lang,
      onlyInterval ? "billingChangesOn" : "planChangesOn",
      target,
      date(quote.effective_date, lang),
    );
  }
  node.hidden = false;
}

/** Shows a sentence where the results would be (loading, load failure, fix a field). */
export function showNotice(text, tone = "info") {
  const notice = $("notice");
  notice.textContent = text;
  notice.dataset.tone = tone;
  notice.hidden = !text;
}

/**
 * "Net €30.00 · VAT 19% €5.70" for a Money of the engine. Each label is
 * tied to its amount by no-break spaces, so a narrow card wraps at the dot.
 */
function netAndVat(amounts, currency, taxRate, lang) {
  const keep = (s) => s.replace(/ /g, "\u00a0");
  const rate = percent(taxRate ?? "0", lang);
  const net = keep(`${t(lang, "net")} ${money(amounts.net, currency, lang)}`);
  const vat = keep(`${t(lang, "vatAmount", rate)} ${money(amounts.tax, currency, lang)}`);
  return `${net} · ${vat}`;
}

function renderTotals(quote, request, lang) {
  const cur = quote.currency;
  const rate = request.subscription.tax_rate;
  const m = (amount) => money(amount, cur, lang);

  $("due-now").textContent = m(quote.due_now.gross);
  $("due-now-detail").textContent = netAndVat(quote.due_now, cur, rate, lang);

  const next = quote.next_invoice;
  $("next-invoice-date").textContent = t(lang, "nextInvoiceOn", date(next.date, lang));
  $("next-invoice-total").textContent = m(next.total.gross);
  // The invoice is the recurring amount plus this change's adjustments
  // (both net, as the engine states them); the engine did the addition.
  let adjustments = "";
  if (!isZero(next.adjustments)) {
    adjustments = isNegative(next.adjustments)
      ? t(lang, "adjustmentsMinus", m(next.adjustments.slice(1)))
      : t(lang, "adjustmentsPlus", m(next.adjustments));
  }
  $("next-invoice-detail").textContent = t(lang, "nextInvoiceParts", m(next.recurring.net), adjustments).trim();
  $("next-invoice-vat").textContent = netAndVat(next.total, cur, rate, lang);

  // Each recurring amount per its own interval: "€200.00 per year, instead of €20.00 per month".
  const was = request.subscription.interval;
  const now = after(request).interval;
  $("recurring-label").textContent = t(lang, now === "year" ? "recurringPerYear" : "recurringPerMonth");
  $("recurring-after").textContent = m(quote.recurring.after.gross);
  const before = quote.recurring.before.gross;
  $("recurring-was").textContent =
    was !== now
      ? t(lang, "recurringWasPer", m(before), t(lang, was === "year" ? "perYear" : "perMonth"))
      : before === quote.recurring.after.gross
        ? ""
        : t(lang, "recurringWas", m(before));
  $("recurring-detail").textContent = netAndVat(quote.recurring.after, cur, rate, lang);

  setText(
    $("carried"),
    isZero(quote.credit_carried_forward) ? "" : t(lang, "creditCarried", m(quote.credit_carried_forward)),
  );
}

function renderPlacement(quote, lang) {
  // A plan change is a change even with the same seat count.
  const unchanged = quote.change === "none" && !quote.plan_change;
  const title = unchanged
    ? t(lang, "changeNone")
    : quote.placement === "immediate"
      ? t(lang, "placementImmediate")
      : quote.placement === "next_invoice"
        ? t(lang, "placementNextInvoice")
        : t(lang, "placementNone");
  $("placement").dataset.placement = unchanged ? "unchanged" : quote.placement;
  $("placement-title").textContent = title;
  // The reason is the engine's own sentence, already in the request's locale.
  $("placement-reason").textContent = quote.placement_reason.message;
}

/** What a line is for: "Added seats, rest of this period", "Unused time on Solo". */
function lineKind(line, request, lang) {
  switch (line.kind) {
    case "seat_credit":
      return t(lang, "lineSeatCredit");
    case "unused_time_credit":
      return t(lang, "lineUnusedTime", planName(request.subscription.plan));
    case "remaining_time":
      return t(lang, "lineRemainingTime", planName(after(request).plan));
    case "new_period":
      return t(lang, "lineNewPeriod", planName(after(request).plan));
    default:
      return t(lang, "lineSeatProration");
  }
}

const isSeatLine = (line) => line.kind === "seat_proration" || line.kind === "seat_credit";

/**
 * The tiers a seat line of a tiered price covers, in words ("seats 6–10 at
 * €6.50 each"), or null for a flat seat price. Counted in billable seats
 * (after the included ones), from the seat counts before and after — whole
 * numbers, no money.
 */
function tiersNamed(quote, request, lang) {
  const price = request.subscription.plan.prices[request.subscription.interval];
  if (!price?.tiers) return null;
  const included = request.subscription.plan.included_seats ?? 0;
  const billable = (n) => Math.max(0, n - included);
  const low = Math.min(billable(quote.seats.before), billable(quote.seats.after));
  const high = Math.max(billable(quote.seats.before), billable(quote.seats.after));
  const tiers = [];
  let first = 1;
  for (const tier of price.tiers) {
    const last = tier.up_to ?? Number.POSITIVE_INFINITY;
    const touched =
      price.tiers_mode === "volume" ? [low, high].some((q) => q >= first && q <= last) : first <= high && last > low;
    if (touched) tiers.push(t(lang, "lineTier", first, tier.up_to, money(tier.unit, quote.currency, lang)));
    first = last + 1;
  }
  return tiers.join(", ");
}

/** "2 seats × €5.00 × 24/30 days", from the line's own numbers. */
function working(line, currency, lang, tiers) {
  const parts = [];
  // Period lines prorate one recurring amount, and a tiered seat line one
  // change of the tiered amount: "1 seat" would be wrong for either.
  if (isSeatLine(line) && tiers === null) parts.push(t(lang, "lineSeats", line.quantity));
  parts.push(money(line.unit_price, currency, lang));
  parts.push(t(lang, "lineDays", line.days, line.days_in_period));
  return parts.join(" × ");
}

function renderLines(quote, request, lang) {
  const list = $("lines");
  const tiers = tiersNamed(quote, request, lang);
  for (const line of quote.lines) {
    const named = isSeatLine(line) ? tiers : null;
    const when = line.placement === "now" ? t(lang, "lineNow") : t(lang, "lineNextInvoice");
    list.append(
      el(
        "li",
        { class: "line", "data-kind": line.kind },
        el(
          "span",
          { class: "line__head" },
          el("span", { class: "line__kind" }, lineKind(line, request, lang)),
          el("span", { class: `line__when line__when--${line.placement}` }, when),
        ),
        named ? el("span", { class: "line__tiers" }, t(lang, "lineTiers", named)) : null,
        el("span", { class: "line__working" }, working(line, quote.currency, lang, named ?? null)),
        el("span", { class: "line__amount" }, money(line.amount, quote.currency, lang)),
      ),
    );
  }
  $("working").hidden = quote.lines.length === 0;
}

/**
 * The plan to suggest when the plan after the change does not allow the
 * seat count: the first example plan that does, or null.
 */
export function planFor(seats, refusedId) {
  return (
    Object.values(PLANS).find(
      (plan) =>
        plan.id !== refusedId && minSeats(plan) <= seats && seats <= (maxSeats(plan) ?? Number.POSITIVE_INFINITY),
    ) ?? null
  );
}

function renderUpgrade(quote, request, lang) {
  const tooMany = quote.violations.some((v) => v.code === "PLAN_UPGRADE_REQUIRED" || v.code === "ABOVE_MAXIMUM");
  if (!tooMany) return;
  const plan = planFor(request.target_seats, after(request).plan.id);
  if (!plan) return;
  $("upgrade-text").textContent = t(lang, "upgradeText", planName(plan), request.target_seats);
  const button = $("upgrade-suggestion");
  button.textContent = t(lang, "upgradeButton", planName(plan));
  button.dataset.plan = plan.id;
  $("upgrade").hidden = false;
}

function renderRefusal(quote, check, lang) {
  const list = $("violation-list");
  for (const violation of quote.violations) {
    const item = el("li", { "data-code": violation.code }, el("span", {}, violation.message));
    const remove = violation.params?.users_to_remove;
    if (typeof remove === "number" && remove > 0) {
      item.append(
        " ",
        el("strong", { class: "refused__action", "data-testid": "users-to-remove" }, t(lang, "usersToRemove", remove)),
      );
    }
    list.append(item);
  }
  // For a reduction: how many seats are free, and when it would take
  // effect. (Not the amounts: a refused check describes no change.)
  if (check) {
    $("refused-detail").textContent =
      `${t(lang, "freeSeats", check.free_seats)} ${t(lang, "cancelWouldTakeEffect", date(check.effective_date, lang))}`;
  }
  $("refused").hidden = false;
}

/** When an allowed reduction takes effect, and what it gives back. */
function renderCancellation(quote, check, lang) {
  if (!check?.allowed) return;
  const fmt = (iso) => date(iso, lang);
  $("cancel-verdict").textContent = t(lang, "cancelAllowed", check.seats_to_cancel);
  $("cancel-detail").textContent =
    check.effective_date === quote.as_of
      ? t(lang, "cancelImmediate", fmt(check.effective_date))
      : t(lang, "cancelEndOfTerm", fmt(check.last_active_day), fmt(check.effective_date));
  $("cancellation").hidden = false;
}

/**
 * Shows a quote (and, for a reduction, the cancellation check).
 *
 * @returns the one sentence to announce.
 */
export function renderQuote(quote, check, request, lang) {
  clearResults();
  showNotice("");
  const switching =
    quote.plan_change && quote.effective_date !== quote.as_of ? changeTarget(quote, request, lang) : null;
  $("timeline-figure").append(timeline(quote, request.policy, lang, switching));
  $("timeline").hidden = false;

  if (!quote.allowed) {
    // A refused change has no price: show why, not amounts of "no change".
    renderRefusal(quote, check, lang);
    renderUpgrade(quote, request, lang);
    return t(lang, "liveRefused", quote.violations.map((v) => v.message).join(" "));
  }
  renderTotals(quote, request, lang);
  renderPlanChange(quote, request, lang);
  renderPlacement(quote, lang);
  renderLines(quote, request, lang);
  renderCancellation(quote, check, lang);
  $("quote").hidden = false;
  const sentence = t(
    lang,
    "liveQuote",
    quote.seats.renewing_after,
    money(quote.due_now.gross, quote.currency, lang),
    date(quote.next_invoice.date, lang),
    money(quote.next_invoice.total.gross, quote.currency, lang),
  );
  // A plan change is said first: "Upgrade to Business today. 3 seats: …"
  return quote.plan_change ? `${$("plan-change").textContent} ${sentence}` : sentence;
}
