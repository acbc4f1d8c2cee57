// Showing a quote: the totals, the placement and its reason, the working of
// each line, a refusal, the cancellation and the billing period.
//
// Every amount shown is a string the engine returned, formatted for display;
// nothing here adds, subtracts or rounds money.

import { clear, el, setText } from "./dom.js";
import { date, money, percent } from "./format.js";
import { t } from "./i18n.js";
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

  const yearly = request.subscription.interval === "year";
  $("recurring-label").textContent = t(lang, yearly ? "recurringPerYear" : "recurringPerMonth");
  $("recurring-after").textContent = m(quote.recurring.after.gross);
  const before = quote.recurring.before.gross;
  $("recurring-was").textContent = before === quote.recurring.after.gross ? "" : t(lang, "recurringWas", m(before));
  $("recurring-detail").textContent = netAndVat(quote.recurring.after, cur, rate, lang);

  setText(
    $("carried"),
    isZero(quote.credit_carried_forward) ? "" : t(lang, "creditCarried", m(quote.credit_carried_forward)),
  );
}

function renderPlacement(quote, lang) {
  const title =
    quote.change === "none"
      ? t(lang, "changeNone")
      : quote.placement === "immediate"
        ? t(lang, "placementImmediate")
        : quote.placement === "next_invoice"
          ? t(lang, "placementNextInvoice")
          : t(lang, "placementNone");
  $("placement").dataset.placement = quote.change === "none" ? "unchanged" : quote.placement;
  $("placement-title").textContent = title;
  // The reason is the engine's own sentence, already in the request's locale.
  $("placement-reason").textContent = quote.placement_reason.message;
}

const LINE_KIND = {
  seat_proration: "lineSeatProration",
  seat_credit: "lineSeatCredit",
  unused_time_credit: "lineUnusedTime",
  new_period: "lineNewPeriod",
};

/** "2 seats × €5.00 × 24/30 days", from the line's own numbers. */
function working(line, currency, lang) {
  const parts = [];
  // Period lines (anchor reset) prorate one recurring amount: "1 seat" would be wrong.
  if (line.kind === "seat_proration" || line.kind === "seat_credit") parts.push(t(lang, "lineSeats", line.quantity));
  parts.push(money(line.unit_price, currency, lang));
  parts.push(t(lang, "lineDays", line.days, line.days_in_period));
  return parts.join(" × ");
}

function renderLines(quote, lang) {
  const list = $("lines");
  for (const line of quote.lines) {
    const when = line.placement === "now" ? t(lang, "lineNow") : t(lang, "lineNextInvoice");
    list.append(
      el(
        "li",
        { class: "line", "data-kind": line.kind },
        el(
          "span",
          { class: "line__head" },
          el("span", { class: "line__kind" }, t(lang, LINE_KIND[line.kind] ?? "lineSeatProration")),
          el("span", { class: `line__when line__when--${line.placement}` }, when),
        ),
        el("span", { class: "line__working" }, working(line, quote.currency, lang)),
        el("span", { class: "line__amount" }, money(line.amount, quote.currency, lang)),
      ),
    );
  }
  $("working").hidden = quote.lines.length === 0;
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
  $("timeline-figure").append(timeline(quote, request.policy, lang));
  $("timeline").hidden = false;

  if (!quote.allowed) {
    // A refused change has no price: show why, not amounts of "no change".
    renderRefusal(quote, check, lang);
    return t(lang, "liveRefused", quote.violations.map((v) => v.message).join(" "));
  }
  renderTotals(quote, request, lang);
  renderPlacement(quote, lang);
  renderLines(quote, lang);
  renderCancellation(quote, check, lang);
  $("quote").hidden = false;
  return t(
    lang,
    "liveQuote",
    quote.seats.renewing_after,
    money(quote.due_now.gross, quote.currency, lang),
    date(quote.next_invoice.date, lang),
    money(quote.next_invoice.total.gross, quote.currency, lang),
  );
}
