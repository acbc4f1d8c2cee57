// The checkout preview: every input event recomputes the quote with the
// seatquote engine (WebAssembly) and shows it at once — no button.

import { money } from "./format.js";
import { GERMAN_FIELD_ERRORS, LANGUAGES, applyStaticText, t } from "./i18n.js";
import { el } from "./dom.js";
import { CURRENCY, DEFAULT_PLAN, PLANS } from "./plans.js";
import { clearFieldErrors, defaultToday, fieldForPath, fieldLabel, readForm, showFieldError } from "./form.js";
import { clearResults, renderQuote, showNotice } from "./render.js";

const $ = (id) => document.getElementById(id);

/** The page's language: ?lang=de, else the browser's, else English. */
function initialLanguage() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (LANGUAGES.includes(asked)) return asked;
  return navigator.language?.toLowerCase().startsWith("de") ? "de" : "en";
}

const lang = () => $("locale").value;

// Screen readers hear one short sentence once the customer pauses, not one
// per slider step.
let liveTimer;
function announce(text) {
  clearTimeout(liveTimer);
  liveTimer = setTimeout(() => {
    $("live").textContent = text;
  }, 300);
}

/** A plan's price for an interval in words, for the help under a plan select. */
function priceHelp(plan, interval, language) {
  const price = plan.prices[interval];
  if (!price) return "";
  const per = t(language, interval === "year" ? "perYear" : "perMonth");
  const m = (amount) => money(amount, CURRENCY, language);
  const included = plan.included_seats ?? 0;
  if (!plan.allows_additional_seats) return t(language, "planHelpNoSeats", m(price.base), per, included);
  if (price.tiers) {
    // Tier bounds count billable seats, after the included ones.
    let from = 1;
    const tiers = price.tiers.map((tier) => {
      const text = t(
        language,
        "tierRange",
        from + included,
        tier.up_to === null ? null : tier.up_to + included,
        m(tier.unit),
      );
      from = (tier.up_to ?? 0) + 1;
      return text;
    });
    // No base price: say only the tiers ("Per seat and month: €7.00 for seats 1–5, …").
    if (/^0*(\.0*)?$/.test(String(price.base))) return t(language, "planHelpTiersOnly", tiers.join(", "), per);
    return t(language, "planHelpTiers", m(price.base), tiers.join(", "), per);
  }
  return t(language, "planHelp", m(price.base), m(price.seat), per, included);
}

/** Help texts that depend on the plans, the intervals and the language. */
function updateHelp(language) {
  const interval = document.querySelector('input[name="interval"]:checked').value;
  $("help-plan").textContent = priceHelp(PLANS[$("plan").value], interval, language);
  $("help-target-plan").textContent = priceHelp(PLANS[$("target-plan").value], $("target-interval").value, language);
}

/** Both plan selects list the example plans; the current plan starts as the default. */
function fillPlans() {
  for (const id of ["plan", "target-plan"]) {
    $(id).replaceChildren(...Object.values(PLANS).map((plan) => el("option", { value: plan.id }, plan.name)));
    $(id).value = DEFAULT_PLAN;
  }
}

/** The link to the other page keeps the language. */
function updateNav(language) {
  $("nav-other").href = `calculator.html?lang=${language}`;
}

/** Keeps the slider's range around the current seat count, and its value on the number. */
function syncSlider(renewing) {
  const range = $("target-range");
  const typed = $("target").value;
  const target = /^\d+$/.test(typed) ? Number(typed) : null;
  // Room to double the team; a larger typed count stretches the slider to it.
  if (renewing !== null) range.max = String(Math.max(20, renewing * 2, target ?? 0));
  if (target !== null) range.value = String(target);
}

/**
 * Input errors: shown beside their fields, the results emptied (never a
 * stale price), and one sentence announced.
 */
function showProblems(problems, language) {
  clearResults();
  for (const { field, message } of problems) showFieldError(field, message);
  showNotice(t(language, "errorFix"), "error");
  // The hint's counts come from the engine's answer; without one there are none to show.
  $("picker-hint").hidden = true;
  const first = problems[0];
  announce(t(language, "liveError", fieldLabel(first.field) || t(language, "errorGeneral"), first.message));
}

/**
 * The engine's message is English and exact; the German page says the same
 * in German for the field, so a customer never reads a mixed-language page.
 */
function messageFor(error, field, language) {
  if (language === "de") return GERMAN_FIELD_ERRORS[field] ?? GERMAN_FIELD_ERRORS.general;
  return error.message;
}

function update(core) {
  const language = lang();
  clearFieldErrors();
  updateHelp(language);
  const { request, problems } = readForm(language);
  if (problems.length > 0) {
    showProblems(
      problems.map(({ field, key }) => ({ field, message: t(language, key) })),
      language,
    );
    syncSlider(null);
    return;
  }
  let quote;
  let check = null;
  try {
    quote = core.quote_seat_change(request);
    if (quote.change === "decrease" && !quote.plan_change) {
      // For a reduction, also ask when it takes effect and who must go first.
      const { target_seats: target, ...rest } = request;
      check = core.validate_cancellation({ ...rest, seats_to_cancel: quote.seats.renewing_before - target });
    }
  } catch (error) {
    if (error?.name !== "SeatQuoteError") {
      clearResults();
      showNotice(t(language, "errorGeneral"), "error");
      throw error;
    }
    const field = fieldForPath(error.path ?? "");
    showProblems([{ field, message: messageFor(error, field, language) }], language);
    syncSlider(null);
    return;
  }
  const { seats_in_use: inUse, pending_cancellations: pending } = request.subscription;
  $("picker-hint").textContent = t(language, "pickerHint", quote.seats.before, inUse, pending);
  $("picker-hint").hidden = false;
  syncSlider(quote.seats.renewing_before);
  announce(renderQuote(quote, check, request, language));
}

async function main() {
  $("locale").value = initialLanguage();
  fillPlans();
  applyStaticText(lang());
  updateNav(lang());
  defaultToday();
  showNotice(t(lang(), "loading"));

  let core;
  try {
    // Loaded here rather than imported statically, so that a missing or
    // broken build shows a message instead of an empty page.
    core = await import("/pkg/index.js");
  } catch (error) {
    showNotice(t(lang(), "loadFailed"), "error");
    throw error;
  }

  // Nothing is ever submitted: Enter in a field must not reload the page.
  $("settings").addEventListener("submit", (event) => event.preventDefault());
  document.addEventListener("input", (event) => {
    // Slider and number field are one control: each follows the other.
    if (event.target.id === "target-range") $("target").value = event.target.value;
    if (event.target.id === "locale") {
      applyStaticText(lang());
      updateNav(lang());
    }
    // The plan and the billing after the change start as the current ones.
    if (event.target.id === "plan") $("target-plan").value = event.target.value;
    if (event.target.name === "interval") $("target-interval").value = event.target.value;
    update(core);
  });
  // The way out of a refusal for too many seats: the suggested plan, quoted at once.
  $("upgrade-suggestion").addEventListener("click", (event) => {
    $("target-plan").value = event.currentTarget.dataset.plan;
    update(core);
    $("target-plan").focus();
  });
  update(core);
  // For tests and embedding pages: the engine is loaded and a first result is shown.
  document.body.dataset.ready = "true";
}

main();
