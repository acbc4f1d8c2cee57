// Every sentence of the page's own UI, in English and German.
//
// The engine writes its own sentences (placement reasons, violations) in the
// request's locale; this dictionary only covers what the page itself says.
// Entries are strings or small functions for the few texts with numbers in
// them, so that plurals stay correct in both languages.

/** The languages the page offers, as sent in the request's `locale`. */
export const LANGUAGES = ["en", "de"];

const plural = (n, one, many) => (n === 1 ? one : many);

const en = {
  documentTitle: "Change your seats — price preview",
  brand: "seatquote",
  heading: "Change your seats",
  lead: "See exactly what a change costs before you confirm it. Nothing is charged on this page.",
  language: "Language",
  noscript: "This price preview needs JavaScript.",
  loading: "Loading the price calculator…",
  loadFailed: "The price calculator could not be loaded. Reload the page to try again.",

  navLabel: "Pages",
  navCalculator: "Pricing calculator",
  navCheckout: "Checkout preview",
  calcDocumentTitle: "Pricing calculator — seatquote",
  calcHeading: "What does your team cost?",
  calcLead: "Pick a number of seats and see every plan's price. Prices before VAT.",
  targetPlan: "Plan after the change",
  targetInterval: "Billing after the change",
  planHelpTiers: (base, tiers, per) => `${base} per ${per} plus, per seat, ${tiers}.`,
  planHelpTiersOnly: (tiers, per) => `Per seat and ${per}: ${tiers}.`,
  tierRange: (from, to, unit) => (to === null ? `${unit} from seat ${from}` : `${unit} for seats ${from}–${to}`),
  billedMonthly: "billed monthly",
  billedYearly: "billed yearly",
  monthlyBilling: "monthly billing",
  yearlyBilling: "yearly billing",
  upgradeToday: (target) => `Upgrade to ${target} today.`,
  downgradeToday: (target) => `Downgrade to ${target} today.`,
  planChangesOn: (target, date) => `Your plan changes to ${target} on ${date}; nothing is charged now.`,
  billingChangesOn: (target, date) => `Your billing changes to ${target} on ${date}; nothing is charged now.`,
  recurringWasPer: (amount, per) => `instead of ${amount} per ${per}`,
  lineRemainingTime: (name) => `Remaining time on ${name}`,
  lineTier: (from, to, unit) => (to === null ? `seats from ${from} at ${unit}` : `seats ${from}–${to} at ${unit}`),
  lineTiers: (list) => `Tiers: ${list} each`,
  upgradeText: (name, seats) => `${name} allows ${seats} ${plural(seats, "seat", "seats")}.`,
  upgradeButton: (name) => `Switch to ${name}`,
  upgradeButtonGeneric: "Switch plan",
  timelineSwitch: (target) => `Switch to ${target}`,
  timelineSwitchOn: (target, date) => `Switch to ${target} on ${date}`,

  pickerHeading: "Seats after the change",
  pickerHint: (seats, inUse, pending) =>
    `You have ${seats} ${plural(seats, "seat", "seats")} now, ${inUse} in use` +
    (pending > 0
      ? `; ${pending} of them ${plural(pending, "is", "are")} cancelled and end${plural(pending, "s", "")} with this period.`
      : "."),

  settingsHeading: "Your subscription",
  settingsLead: "At checkout these come from your account. Change them to try other cases.",
  plan: "Current plan",
  planHelp: (base, seat, per, included) =>
    `${base} per ${per} plus ${seat} per additional seat; ${included} ${plural(included, "seat", "seats")} included.`,
  planHelpNoSeats: (base, per, included) =>
    `${base} per ${per}; ${included} ${plural(included, "seat", "seats")} included. More seats need a larger plan.`,
  policy: "Billing rules",
  policyThreshold: "30-day rule, cancel at term end",
  policyReset: "Immediate, billing date moves to today",
  policyThresholdHelp:
    "Added seats are charged pro rata by day: at once if more than 30 days remain until the next invoice, otherwise on that invoice. Cancelled seats stay active until the end of the term.",
  policyResetHelp:
    "Every change takes effect today: the unused time is credited, and a new billing period starts today and is charged at once.",
  interval: "Current billing",
  month: "Monthly",
  year: "Yearly",
  perMonth: "month",
  perYear: "year",
  anchor: "Contract start",
  anchorHelp: "Billing periods are counted from this date.",
  today: "Date of the change",
  todayHelp: "Today, unless you want to try another date.",
  seats: "Current seats",
  inUse: "Seats in use",
  inUseHelp: "Seats assigned to users.",
  pending: "Pending cancellations",
  pendingHelp: "Cancelled seats that stay active until the period ends.",
  vat: "VAT rate (%)",

  resultsHeading: "Your price",
  dueNow: "Due now",
  nextInvoice: "Next invoice",
  nextInvoiceOn: (date) => `on ${date}`,
  recurringPerMonth: "Then per month",
  recurringPerYear: "Then per year",
  recurringWas: (amount) => `instead of ${amount}`,
  net: "Net",
  vatAmount: (rate) => `VAT ${rate}`,
  nextInvoiceParts: (recurring, adjustments) => `${recurring} recurring ${adjustments}`,
  adjustmentsPlus: (amount) => `+ ${amount} for this change`,
  adjustmentsMinus: (amount) => `− ${amount} credit`,
  creditCarried: (amount) => `${amount} credit is kept for later invoices.`,

  placementImmediate: "Charged now",
  placementNextInvoice: "Added to your next invoice",
  placementNone: "Nothing to charge",
  changeNone: "No change yet — move the slider or type a number of seats.",

  workingHeading: "How it is calculated",
  workingNet: "Amounts before VAT; VAT is added once to each invoice total.",
  lineSeats: (n) => `${n} ${plural(n, "seat", "seats")}`,
  lineDays: (days, of) => `${days}/${of} days`,
  lineSeatProration: "Added seats, rest of this period",
  lineSeatCredit: "Removed seats, unused time",
  lineUnusedTime: (name) => `Unused time on ${name}`,
  lineNewPeriod: (name) => `New billing period on ${name}`,
  lineNow: "now",
  lineNextInvoice: "next invoice",

  refusedHeading: "This change is not possible yet",
  usersToRemove: (n) => `Remove ${n} ${plural(n, "user", "users")} first.`,

  cancelHeading: "Cancellation",
  cancelAllowed: (n) => `You can cancel ${n} ${plural(n, "seat", "seats")}.`,
  cancelEndOfTerm: (last, effective) =>
    `The seats stay active until ${last} and end on ${effective}; there is no refund for the rest of the term.`,
  cancelImmediate: (effective) => `The seats are removed on ${effective}; the unused time is credited.`,
  cancelWouldTakeEffect: (effective) => `Once possible, the cancellation takes effect on ${effective}.`,
  freeSeats: (n) => `${n} ${plural(n, "seat is", "seats are")} free now.`,

  timelineHeading: "Your billing period",
  timelineToday: "Today",
  timelineInvoice: "Next invoice",
  timelineStart: "Period start",
  timelineOldEnd: "Previous end date",
  timelineDaysLeft: (n) => `${n} ${plural(n, "day", "days")} left`,
  timelineWindow: (n) => `Last ${n} ${plural(n, "day", "days")}: added to the next invoice`,
  timelineBeforeWindow: "Charged at once",
  timelineCredited: (n) => `${n} unused ${plural(n, "day", "days")} credited`,
  timelineNewPeriod: (from, to) => `New billing period: ${from} to ${to}`,
  timelineAlt: (start, end, days, today, left) =>
    `Billing period from ${start} to the next invoice on ${end}, ${days} days. Today is ${today}, ${left} ${plural(left, "day remains", "days remain")}.`,
  timelineAltWindow: (n, inside) =>
    `Seats added in the last ${n} days before the invoice go on that invoice; ` +
    (inside ? "today is inside that window." : "today is before that window, so they are charged at once."),
  timelineAltReset: (from, to) => `The change starts a new billing period from ${from} to ${to}.`,

  errorFix: "Check the highlighted field to see your price.",
  errorEmptyNumber: "Enter a whole number.",
  errorEmptyDate: "Enter a complete date.",
  errorEmptyRate: "Enter a VAT rate, for example 19 (or 0).",
  errorGeneral: "This combination cannot be priced.",

  liveQuote: (seats, due, date, total) =>
    `${seats} ${plural(seats, "seat", "seats")}: ${due} due now, next invoice on ${date}: ${total}.`,
  liveRefused: (message) => `Change not possible. ${message}`,
  liveError: (field, message) => `Check “${field}”: ${message}`,
};

const de = {
  documentTitle: "Nutzerlizenzen ändern – Preisvorschau",
  brand: "seatquote",
  heading: "Nutzerlizenzen ändern",
  lead: "Sieh genau, was eine Änderung kostet, bevor du sie bestätigst. Auf dieser Seite wird nichts berechnet.",
  language: "Sprache",
  noscript: "Diese Preisvorschau braucht JavaScript.",
  loading: "Der Preisrechner wird geladen …",
  loadFailed: "Der Preisrechner konnte nicht geladen werden. Lade die Seite neu, um es noch einmal zu versuchen.",

  navLabel: "Seiten",
  navCalculator: "Preisrechner",
  navCheckout: "Preisvorschau",
  calcDocumentTitle: "Preisrechner – seatquote",
  calcHeading: "Was kostet dein Team?",
  calcLead: "Wähle eine Anzahl Nutzerlizenzen und sieh den Preis jedes Tarifs. Preise ohne Umsatzsteuer.",
  targetPlan: "Tarif nach der Änderung",
  targetInterval: "Abrechnung nach der Änderung",
  planHelpTiers: (base, tiers, per) => `${base} pro ${per} plus je Nutzerlizenz ${tiers}.`,
  planHelpTiersOnly: (tiers, per) => `Je Nutzerlizenz und ${per}: ${tiers}.`,
  tierRange: (from, to, unit) => (to === null ? `${unit} ab Lizenz ${from}` : `${unit} für Lizenz ${from}–${to}`),
  billedMonthly: "monatlich abgerechnet",
  billedYearly: "jährlich abgerechnet",
  monthlyBilling: "monatliche Abrechnung",
  yearlyBilling: "jährliche Abrechnung",
  upgradeToday: (target) => `Upgrade auf ${target} ab heute.`,
  downgradeToday: (target) => `Downgrade auf ${target} ab heute.`,
  planChangesOn: (target, date) => `Dein Tarif wechselt am ${date} zu ${target}; jetzt wird nichts berechnet.`,
  billingChangesOn: (target, date) => `Deine Abrechnung wechselt am ${date} zu ${target}; jetzt wird nichts berechnet.`,
  recurringWasPer: (amount, per) => `statt bisher ${amount} pro ${per}`,
  lineRemainingTime: (name) => `Restzeit im Tarif ${name}`,
  lineTier: (from, to, unit) => (to === null ? `ab Lizenz ${from} zu ${unit}` : `Lizenz ${from}–${to} zu ${unit}`),
  lineTiers: (list) => `Staffeln: ${list} je Nutzerlizenz`,
  upgradeText: (name, seats) => `${name} erlaubt ${seats} ${plural(seats, "Nutzerlizenz", "Nutzerlizenzen")}.`,
  upgradeButton: (name) => `Zu ${name} wechseln`,
  upgradeButtonGeneric: "Tarif wechseln",
  timelineSwitch: (target) => `Wechsel zu ${target}`,
  timelineSwitchOn: (target, date) => `Wechsel zu ${target} am ${date}`,

  pickerHeading: "Nutzerlizenzen nach der Änderung",
  pickerHint: (seats, inUse, pending) =>
    `Du hast jetzt ${seats} ${plural(seats, "Nutzerlizenz", "Nutzerlizenzen")}, ${inUse} davon verwendet` +
    (pending > 0
      ? `; ${pending} ${plural(pending, "ist gekündigt und endet", "sind gekündigt und enden")} mit diesem Zeitraum.`
      : "."),

  settingsHeading: "Dein Abonnement",
  settingsLead: "Beim Bezahlen kommen diese Angaben aus deinem Konto. Ändere sie, um andere Fälle auszuprobieren.",
  plan: "Aktueller Tarif",
  planHelp: (base, seat, per, included) =>
    `${base} pro ${per} plus ${seat} je weitere Nutzerlizenz; ${included} ${plural(included, "Nutzerlizenz", "Nutzerlizenzen")} inklusive.`,
  planHelpNoSeats: (base, per, included) =>
    `${base} pro ${per}; ${included} ${plural(included, "Nutzerlizenz", "Nutzerlizenzen")} inklusive. Für mehr Nutzerlizenzen brauchst du einen größeren Tarif.`,
  policy: "Abrechnungsregeln",
  policyThreshold: "30-Tage-Regel, Kündigung zum Laufzeitende",
  policyReset: "Sofort, Rechnungsdatum wird heute",
  policyThresholdHelp:
    "Neue Nutzerlizenzen werden tagesgenau anteilig berechnet: sofort, wenn bis zur nächsten Rechnung mehr als 30 Tage bleiben, sonst mit dieser Rechnung. Gekündigte Nutzerlizenzen bleiben bis zum Ende der Laufzeit aktiv.",
  policyResetHelp:
    "Jede Änderung gilt ab heute: Die ungenutzte Zeit wird gutgeschrieben, ein neuer Abrechnungszeitraum beginnt heute und wird sofort berechnet.",
  interval: "Aktuelle Abrechnung",
  month: "Monatlich",
  year: "Jährlich",
  perMonth: "Monat",
  perYear: "Jahr",
  anchor: "Vertragsbeginn",
  anchorHelp: "Ab diesem Datum werden die Abrechnungszeiträume gezählt.",
  today: "Datum der Änderung",
  todayHelp: "Heute, außer du möchtest ein anderes Datum ausprobieren.",
  seats: "Aktuelle Nutzerlizenzen",
  inUse: "Davon verwendet",
  inUseHelp: "Nutzerlizenzen, die Nutzern zugewiesen sind.",
  pending: "Gekündigt, noch aktiv",
  pendingHelp: "Gekündigte Nutzerlizenzen, die bis zum Ende des Zeitraums aktiv bleiben.",
  vat: "Umsatzsteuer (%)",

  resultsHeading: "Dein Preis",
  dueNow: "Jetzt fällig",
  nextInvoice: "Nächste Rechnung",
  nextInvoiceOn: (date) => `am ${date}`,
  recurringPerMonth: "Danach pro Monat",
  recurringPerYear: "Danach pro Jahr",
  recurringWas: (amount) => `statt bisher ${amount}`,
  net: "Netto",
  vatAmount: (rate) => `USt. ${rate}`,
  nextInvoiceParts: (recurring, adjustments) => `${recurring} laufend ${adjustments}`,
  adjustmentsPlus: (amount) => `+ ${amount} für diese Änderung`,
  adjustmentsMinus: (amount) => `− ${amount} Gutschrift`,
  creditCarried: (amount) => `${amount} Guthaben wird mit späteren Rechnungen verrechnet.`,

  placementImmediate: "Wird sofort berechnet",
  placementNextInvoice: "Kommt auf deine nächste Rechnung",
  placementNone: "Nichts zu berechnen",
  changeNone: "Noch keine Änderung – bewege den Regler oder gib eine Anzahl Nutzerlizenzen ein.",

  workingHeading: "So wird gerechnet",
  workingNet: "Beträge ohne Umsatzsteuer; sie wird einmal auf jede Rechnungssumme aufgeschlagen.",
  lineSeats: (n) => `${n} ${plural(n, "Nutzerlizenz", "Nutzerlizenzen")}`,
  lineDays: (days, of) => `${days}/${of} Tage`,
  lineSeatProration: "Neue Nutzerlizenzen, Rest dieses Zeitraums",
  lineSeatCredit: "Entfernte Nutzerlizenzen, ungenutzte Zeit",
  lineUnusedTime: (name) => `Ungenutzte Zeit im Tarif ${name}`,
  lineNewPeriod: (name) => `Neuer Abrechnungszeitraum im Tarif ${name}`,
  lineNow: "sofort",
  lineNextInvoice: "nächste Rechnung",

  refusedHeading: "Diese Änderung ist noch nicht möglich",
  usersToRemove: (n) => `Lösche zuerst ${n} Nutzer.`,

  cancelHeading: "Kündigung",
  cancelAllowed: (n) => `Du kannst ${n} ${plural(n, "Nutzerlizenz", "Nutzerlizenzen")} kündigen.`,
  cancelEndOfTerm: (last, effective) =>
    `Die Nutzerlizenzen bleiben bis einschließlich ${last} aktiv und enden am ${effective}; für den Rest der Laufzeit gibt es keine Erstattung.`,
  cancelImmediate: (effective) =>
    `Die Nutzerlizenzen werden am ${effective} entfernt; die ungenutzte Zeit wird gutgeschrieben.`,
  cancelWouldTakeEffect: (effective) => `Sobald es möglich ist, wirkt die Kündigung zum ${effective}.`,
  freeSeats: (n) => `${n} ${plural(n, "Nutzerlizenz ist", "Nutzerlizenzen sind")} gerade frei.`,

  timelineHeading: "Dein Abrechnungszeitraum",
  timelineToday: "Heute",
  timelineInvoice: "Nächste Rechnung",
  timelineStart: "Beginn",
  timelineOldEnd: "Bisheriges Ende",
  timelineDaysLeft: (n) => `noch ${n} ${plural(n, "Tag", "Tage")}`,
  timelineWindow: (n) => `Letzte ${n} ${plural(n, "Tag", "Tage")}: auf die nächste Rechnung`,
  timelineBeforeWindow: "Sofort berechnet",
  timelineCredited: (n) => `${n} ungenutzte ${plural(n, "Tag", "Tage")} gutgeschrieben`,
  timelineNewPeriod: (from, to) => `Neuer Abrechnungszeitraum: ${from} bis ${to}`,
  timelineAlt: (start, end, days, today, left) =>
    `Abrechnungszeitraum vom ${start} bis zur nächsten Rechnung am ${end}, ${days} Tage. Heute ist der ${today}, ${plural(left, "es bleibt 1 Tag", `es bleiben ${left} Tage`)}.`,
  timelineAltWindow: (n, inside) =>
    `In den letzten ${n} Tagen vor der Rechnung hinzugefügte Nutzerlizenzen kommen auf diese Rechnung; ` +
    (inside ? "heute liegt in diesem Zeitfenster." : "heute liegt davor, daher werden sie sofort berechnet."),
  timelineAltReset: (from, to) => `Die Änderung beginnt einen neuen Abrechnungszeitraum vom ${from} bis ${to}.`,

  errorFix: "Prüfe das markierte Feld, um deinen Preis zu sehen.",
  errorEmptyNumber: "Gib eine ganze Zahl ein.",
  errorEmptyDate: "Gib ein vollständiges Datum ein.",
  errorEmptyRate: "Gib einen Steuersatz ein, zum Beispiel 19 (oder 0).",
  errorGeneral: "Diese Kombination lässt sich nicht berechnen.",

  liveQuote: (seats, due, date, total) =>
    `${seats} ${plural(seats, "Nutzerlizenz", "Nutzerlizenzen")}: jetzt fällig ${due}, nächste Rechnung am ${date}: ${total}.`,
  liveRefused: (message) => `Änderung nicht möglich. ${message}`,
  liveError: (field, message) => `Prüfe „${field}“: ${message}`,
};

/**
 * German messages for input errors, by field.
 *
 * The engine's error messages are English and name the fix precisely; the
 * German page shows these sentences instead, so that a German customer never
 * reads an English technical message. (English pages show the engine's own.)
 */
export const GERMAN_FIELD_ERRORS = {
  anchor: "Gib ein gültiges Datum zwischen 1900 und 9999 ein.",
  today: "Gib ein gültiges Datum ein, frühestens den Vertragsbeginn und spätestens 9999.",
  seats: "Gib eine ganze Zahl von 0 bis 1.000.000 ein.",
  inUse: "Gib eine ganze Zahl ein, höchstens so viele wie aktuelle Nutzerlizenzen.",
  pending:
    "Gib eine ganze Zahl ein; verwendete und gekündigte Nutzerlizenzen zusammen dürfen die aktuellen nicht übersteigen.",
  vat: "Gib einen Steuersatz von 0 bis 1.000.000.000 % mit höchstens 8 Nachkommastellen ein.",
  target: "Gib eine ganze Zahl von 0 bis 1.000.000 ein.",
  plan: "Dieser Tarif lässt sich so nicht berechnen.",
  policy: "Diese Abrechnungsregel lässt sich so nicht berechnen.",
  interval: "Für diese Abrechnung hat der Tarif keinen Preis.",
  targetPlan: "Zu diesem Tarif lässt sich nicht wechseln.",
  targetInterval: "Für diese Abrechnung hat der Tarif nach der Änderung keinen Preis.",
  general: "Diese Kombination lässt sich nicht berechnen.",
};

const DICTIONARIES = { en, de };

/** The dictionary entry `key` in `lang`, called with `args` if it is a function. */
export function t(lang, key, ...args) {
  const entry = DICTIONARIES[lang]?.[key] ?? en[key];
  if (entry === undefined) throw new Error(`missing UI text "${key}"`);
  return typeof entry === "function" ? entry(...args) : entry;
}

/** Every key of a dictionary, for a test that both languages are complete. */
export function keys(lang) {
  return Object.keys(DICTIONARIES[lang]);
}

/**
 * Fills every element marked `data-i18n="key"` with that text, and sets the
 * document's `lang` and title, so that screen readers pronounce it right.
 */
export function applyStaticText(lang, root = document, title = "documentTitle") {
  root.documentElement.lang = lang;
  root.title = t(lang, title);
  for (const el of root.querySelectorAll("[data-i18n]")) {
    el.textContent = t(lang, el.dataset.i18n);
  }
  for (const el of root.querySelectorAll("[data-i18n-label]")) {
    el.setAttribute("aria-label", t(lang, el.dataset.i18nLabel));
  }
}
