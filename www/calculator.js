// The pricing calculator page: the <price-calculator> element with the
// example plans, in the page's language.

import { LANGUAGES, applyStaticText, t } from "./i18n.js";
import { CURRENCY, PLANS } from "./plans.js";
import "./price-calculator.js";

const $ = (id) => document.getElementById(id);
const calculator = document.querySelector("price-calculator");

/** The page's language: ?lang=de, else the browser's, else English. */
function initialLanguage() {
  const asked = new URLSearchParams(location.search).get("lang");
  if (LANGUAGES.includes(asked)) return asked;
  return navigator.language?.toLowerCase().startsWith("de") ? "de" : "en";
}

function setLanguage(lang) {
  applyStaticText(lang, document, "calcDocumentTitle");
  calculator.setAttribute("locale", lang);
  $("nav-other").href = `index.html?lang=${lang}`;
}

function notice(text, tone = "info") {
  $("notice").textContent = text;
  $("notice").dataset.tone = tone;
  $("notice").hidden = !text;
}

async function main() {
  $("locale").value = initialLanguage();
  setLanguage($("locale").value);
  notice(t($("locale").value, "loading"));
  $("locale").addEventListener("input", () => setLanguage($("locale").value));

  let core;
  try {
    core = await import("/pkg/index.js");
  } catch (error) {
    notice(t($("locale").value, "loadFailed"), "error");
    throw error;
  }
  // For tests and embedding pages: set once the first prices are shown.
  calculator.addEventListener(
    "price-calculator-ready",
    () => {
      notice("");
      document.body.dataset.ready = "true";
    },
    { once: true },
  );
  calculator.setAttribute("currency", CURRENCY);
  calculator.plans = Object.values(PLANS);
  calculator.engine = core;
}

main();
