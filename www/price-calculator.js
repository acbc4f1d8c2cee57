// <price-calculator>: every plan's price for a chosen number of seats, and a
// chart of the price over 1–200 seats, from the seatquote engine.
//
// A small custom element a marketing page can drop in:
//
//   <link rel="stylesheet" href="price-calculator.css">
//   <price-calculator currency="EUR" locale="de"></price-calculator>
//   <script type="module">
//     import "./price-calculator.js";
//     const calculator = document.querySelector("price-calculator");
//     calculator.plans = [...];                       // the engine's Plan objects
//     calculator.engine = await import("seatquote");  // anything with quote_price_table
//   </script>
//
// Attributes: `currency` (ISO 4217, default EUR), `locale` ("en", "de" or a
// BCP 47 tag such as "de-CH": the element's words follow its language, the
// numbers its region), `seats` (start value, default 10), `interval`
// ("month" or "year"). It renders in the light DOM, so the page's styles
// apply; it fires `price-calculator-ready` after its first result.
//
// One quote_price_table call per plan and interval gives each curve: row i
// is the quote of i + 1 seats for a customer new to that plan, and its
// `recurring_after` is that plan's price per interval. A count the plan
// refuses (`allowed` false) is shown as not available, never as a price.
// Amounts stay the engine's decimal strings; the price per seat and the
// yearly saving are computed exactly on whole cents (BigInt), and only the
// chart's geometry turns amounts into floating-point pixels.

const MIN = 1;
const MAX = 200;
/** Any date will do: a price per interval does not depend on it. */
const AS_OF = "2026-01-01";
/** The rows of the text alternative, besides the chosen count. */
const TABLE_ROWS = [1, 5, 10, 20, 50, 100, 200];
const SVG = "http://www.w3.org/2000/svg";
/** Curve colours (at least 3:1 on white) and dashes, so plans differ without colour too. */
const STYLES = [
  { colour: "#1d4f91", dash: "" },
  { colour: "#b3261e", dash: "8 4" },
  { colour: "#17643a", dash: "2 3" },
  { colour: "#8a4b00", dash: "12 4 3 4" },
  { colour: "#6b3fa0", dash: "4 4" },
];

const plural = (n, one, many) => (n === 1 ? one : many);

const TEXT = {
  en: {
    seats: "Seats",
    interval: "Billing",
    month: "Monthly",
    year: "Yearly",
    perMonth: "per month",
    perYear: "per year",
    perSeat: (amount) => `${amount} per seat`,
    saves: (amount) => `saves ${amount} against 12 monthly payments`,
    unavailable: "Not available",
    unavailableFor: (n) => `for ${n} ${plural(n, "seat", "seats")}`,
    seatsColumn: "Seats",
    noPrice: "No price for this billing",
    onlyUpTo: (n) => `up to ${n} ${plural(n, "seat", "seats")}`,
    onlyFrom: (n) => `from ${n} seats`,
    errorSeats: (min, max) => `Enter a whole number of seats from ${min} to ${max}.`,
    chartTitle: (per, names) => `Price ${per} for 1 to 200 seats: ${names}. The table below lists the same prices.`,
    chosen: (n) => `${n} ${plural(n, "seat", "seats")}`,
    tierBreak: "tier break",
    axisSeats: "Seats",
    caption: (per) => `Price ${per} by number of seats`,
    yourChoice: "your choice",
    live: (n, per, prices) => `${n} ${plural(n, "seat", "seats")}, ${per}: ${prices}.`,
    liveError: "Enter a number of seats from 1 to 200.",
  },
  de: {
    seats: "Nutzerlizenzen",
    interval: "Abrechnung",
    month: "Monatlich",
    year: "Jährlich",
    perMonth: "pro Monat",
    perYear: "pro Jahr",
    perSeat: (amount) => `${amount} je Nutzerlizenz`,
    saves: (amount) => `spart ${amount} gegenüber 12 Monatszahlungen`,
    unavailable: "Nicht verfügbar",
    unavailableFor: (n) => `für ${n} ${plural(n, "Nutzerlizenz", "Nutzerlizenzen")}`,
    seatsColumn: "Lizenzen",
    noPrice: "Kein Preis für diese Abrechnung",
    onlyUpTo: (n) => `bis ${n} ${plural(n, "Nutzerlizenz", "Nutzerlizenzen")}`,
    onlyFrom: (n) => `ab ${n} Nutzerlizenzen`,
    errorSeats: (min, max) => `Gib eine ganze Zahl von ${min} bis ${max} Nutzerlizenzen ein.`,
    chartTitle: (per, names) =>
      `Preis ${per} für 1 bis 200 Nutzerlizenzen: ${names}. Die Tabelle darunter nennt dieselben Preise.`,
    chosen: (n) => `${n} ${plural(n, "Nutzerlizenz", "Nutzerlizenzen")}`,
    tierBreak: "Staffelgrenze",
    axisSeats: "Nutzerlizenzen",
    caption: (per) => `Preis ${per} nach Anzahl der Nutzerlizenzen`,
    yourChoice: "deine Wahl",
    live: (n, per, prices) => `${n} ${plural(n, "Nutzerlizenz", "Nutzerlizenzen")}, ${per}: ${prices}.`,
    liveError: "Gib eine Anzahl Nutzerlizenzen von 1 bis 200 ein.",
  },
};

/** Every key of the element's dictionaries, for a test that both are complete. */
export const textKeys = (lang) => Object.keys(TEXT[lang]);

// ------------------------------------------------------------ exact amounts

/** "41.50" → 4150n (whole cents); amounts with more decimals are cut to 2 only after rounding. */
function cents(amount) {
  const [int, frac = ""] = String(amount).replace("-", "").split(".");
  const sign = String(amount).startsWith("-") ? -1n : 1n;
  const digits = BigInt(int + frac.padEnd(2, "0").slice(0, 2));
  // A third decimal rounds half away from zero (engine amounts have two).
  const up = frac.length > 2 && Number(frac[2]) >= 5 ? 1n : 0n;
  return sign * (digits + up);
}

/** 4150n → "41.50". */
function decimal(c) {
  const sign = c < 0n ? "-" : "";
  const abs = (c < 0n ? -c : c).toString().padStart(3, "0");
  return `${sign}${abs.slice(0, -2)}.${abs.slice(-2)}`;
}

/** `amount / n`, rounded half away from zero to the cent. */
function divide(amount, n) {
  const c = cents(amount);
  const d = BigInt(n);
  const q = (2n * (c < 0n ? -c : c) + d) / (2n * d);
  return decimal(c < 0n ? -q : q);
}

// ------------------------------------------------------------ the element

let instances = 0;

/** `el("p", { class: "x" }, "text", child)`: text only through text nodes. */
function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== false) node.setAttribute(name, String(value));
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

function svg(tag, attributes = {}, ...children) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined && value !== "") node.setAttribute(name, String(value));
  }
  node.append(...children.filter((c) => c !== null && c !== undefined));
  return node;
}

/** The fewest and most seats a plan allows, as the engine's defaults say. */
function limits(plan) {
  const min = plan.min_seats ?? Math.max(1, plan.included_seats ?? 0);
  const max = plan.allows_additional_seats ? (plan.max_seats ?? null) : Math.max(1, plan.included_seats ?? 0);
  return { min, max };
}

/** The seat counts where a tiered price changes its unit: the tier breaks. */
function tierBreaks(plan, interval) {
  const price = plan.prices?.[interval];
  if (!price?.tiers) return [];
  const included = plan.included_seats ?? 0;
  return price.tiers.filter((tier) => tier.up_to !== null).map((tier) => tier.up_to + included);
}

export class PriceCalculator extends HTMLElement {
  static observedAttributes = ["currency", "locale"];

  #plans = [];
  #engine = null;
  /** tables[planId][interval] = { prices: string[], allowed: boolean[] } | { error } */
  #tables = {};
  #nodes = null;
  #liveTimer;
  #ready = false;
  #chartWidth = 0;
  #resize = null;

  /** The plans to compare, as the engine takes them (an array, or an object by id). */
  set plans(plans) {
    this.#plans = Array.isArray(plans) ? [...plans] : Object.values(plans ?? {});
    this.recompute();
  }
  get plans() {
    return [...this.#plans];
  }

  /** The engine: any object with `quote_price_table` (the seatquote module). */
  set engine(engine) {
    this.#engine = engine;
    this.recompute();
  }
  get engine() {
    return this.#engine;
  }

  get currency() {
    return this.getAttribute("currency") || "EUR";
  }
  get locale() {
    return this.getAttribute("locale") || "en";
  }
  get #lang() {
    return this.locale.slice(0, 2).toLowerCase() === "de" ? "de" : "en";
  }
  #t(key, ...args) {
    const entry = TEXT[this.#lang][key];
    return typeof entry === "function" ? entry(...args) : entry;
  }

  connectedCallback() {
    if (!this.#nodes) this.#build();
    // Redraw the chart when its box changes width (a phone turned, a window resized).
    this.#resize ??= new ResizeObserver(() => {
      const width = this.#nodes.chart.clientWidth;
      if (this.#tables && Math.abs(width - this.#chartWidth) > 8 && Object.keys(this.#tables).length > 0) {
        this.#renderChart(this.#seats(), this.#nodes.interval.value);
      }
    });
    this.#resize.observe(this.#nodes.chart);
    this.recompute();
  }

  disconnectedCallback() {
    this.#resize?.disconnect();
  }

  attributeChangedCallback() {
    if (!this.#nodes) return;
    this.#applyText();
    this.#render();
  }

  /**
   * Asks the engine for every curve again (one quote_price_table call per
   * plan and interval) and redraws. Called when the plans or the engine
   * change; `npm run bench` times it.
   */
  recompute() {
    if (!this.#nodes || !this.#engine || this.#plans.length === 0) return;
    const tables = {};
    for (const plan of this.#plans) {
      tables[plan.id] = {};
      for (const interval of ["month", "year"]) tables[plan.id][interval] = this.#table(plan, interval);
    }
    this.#tables = tables;
    this.#render();
  }

  /** One curve: the price of 1–200 seats on `plan`, or the engine's error. */
  #table(plan, interval) {
    if (!plan.prices?.[interval]) return { error: "no price" };
    const request = {
      subscription: {
        plan,
        interval,
        billing_anchor: AS_OF,
        currency: this.currency,
        seats: limits(plan).min,
        seats_in_use: 0,
      },
      target_seats: MIN,
      as_of: AS_OF,
      locale: this.#lang,
    };
    try {
      const table = this.#engine.quote_price_table(request, { from: MIN, to: MAX });
      return { prices: table.recurring_after.net, allowed: table.allowed };
    } catch (error) {
      // A plan the engine cannot price (an input error) has no curve; the
      // others still show. Anything else is a bug and is thrown on.
      if (error?.name !== "SeatQuoteError") throw error;
      return { error: error.message };
    }
  }

  // ---------------------------------------------------------------- building

  #build() {
    const id = `pc${++instances}`;
    const range = el("input", {
      type: "range",
      min: MIN,
      max: MAX,
      step: 1,
      value: this.getAttribute("seats") ?? 10,
      id: `${id}-range`,
      "aria-labelledby": `${id}-seats-label`,
    });
    const seats = el("input", {
      type: "number",
      min: MIN,
      max: MAX,
      step: 1,
      value: this.getAttribute("seats") ?? 10,
      id: `${id}-seats`,
      inputmode: "numeric",
      "data-testid": "calc-seats",
      "aria-describedby": `${id}-error`,
    });
    const interval = el(
      "select",
      { id: `${id}-interval`, "data-testid": "calc-interval" },
      el("option", { value: "month" }),
      el("option", { value: "year" }),
    );
    interval.value = this.getAttribute("interval") === "year" ? "year" : "month";
    const error = el("p", { class: "pc__error", id: `${id}-error`, hidden: true });
    const seatsLabel = el("label", { for: `${id}-seats`, id: `${id}-seats-label` });
    const intervalLabel = el("label", { for: `${id}-interval` });
    const plans = el("ul", { class: "pc__plans" });
    const chart = el("div", { class: "pc__chart" });
    const table = el("div", { class: "pc__table", role: "region", tabindex: 0, "aria-labelledby": `${id}-caption` });
    const live = el("p", { class: "pc__live", role: "status", "aria-live": "polite", "aria-atomic": "true" });

    this.replaceChildren(
      el(
        "div",
        { class: "pc__controls" },
        el("div", { class: "pc__field pc__field--seats" }, seatsLabel, el("div", { class: "pc__seats" }, range, seats)),
        el("div", { class: "pc__field" }, intervalLabel, interval),
        error,
      ),
      plans,
      chart,
      table,
      live,
    );
    this.#nodes = { id, range, seats, interval, error, seatsLabel, intervalLabel, plans, chart, table, live };

    range.addEventListener("input", () => {
      seats.value = range.value;
      this.#render();
    });
    seats.addEventListener("input", () => {
      if (/^\d+$/.test(seats.value)) range.value = String(Math.min(MAX, Math.max(MIN, Number(seats.value))));
      this.#render();
    });
    interval.addEventListener("input", () => this.#render());
    this.#applyText();
  }

  #applyText() {
    const n = this.#nodes;
    n.seatsLabel.textContent = this.#t("seats");
    n.intervalLabel.textContent = this.#t("interval");
    n.interval.options[0].textContent = this.#t("month");
    n.interval.options[1].textContent = this.#t("year");
  }

  /** The chosen seat count, or null when the field does not hold one from 1 to 200. */
  #seats() {
    const typed = this.#nodes.seats.value.trim();
    if (!/^\d+$/.test(typed)) return null;
    const n = Number(typed);
    return n >= MIN && n <= MAX ? n : null;
  }

  // ---------------------------------------------------------------- showing

  /** A formatter per locale and currency: building one costs more than formatting. */
  #formats = new Map();
  #format(maximumFractionDigits) {
    const key = `${this.locale}|${this.currency}|${maximumFractionDigits}`;
    if (!this.#formats.has(key)) {
      const options = { style: "currency", currency: this.currency };
      if (maximumFractionDigits !== undefined) options.maximumFractionDigits = maximumFractionDigits;
      this.#formats.set(key, new Intl.NumberFormat(this.locale, options));
    }
    return this.#formats.get(key);
  }

  #money(amount) {
    return this.#format().format(amount);
  }

  /** The price of `n` seats on a plan: `{ price }`, `{ unavailable }` or `{ error }`. */
  #price(plan, interval, n) {
    const table = this.#tables[plan.id]?.[interval];
    if (!table) return { error: true };
    if (table.error) return { error: true };
    if (!table.allowed[n - MIN]) return { unavailable: true };
    return { price: table.prices[n - MIN] };
  }

  #render() {
    if (!this.#nodes || !this.#engine || this.#plans.length === 0) return;
    const n = this.#seats();
    const interval = this.#nodes.interval.value;
    const { seats, range, error } = this.#nodes;
    if (n === null) {
      error.textContent = this.#t("errorSeats", MIN, MAX);
      error.hidden = false;
      seats.setAttribute("aria-invalid", "true");
      range.setAttribute("aria-invalid", "true");
    } else {
      error.textContent = "";
      error.hidden = true;
      seats.removeAttribute("aria-invalid");
      range.removeAttribute("aria-invalid");
    }
    this.#renderPlans(n, interval);
    this.#renderChart(n, interval);
    this.#renderTable(n, interval);
    this.#announce(n, interval);
    if (!this.#ready) {
      this.#ready = true;
      this.dispatchEvent(new CustomEvent("price-calculator-ready", { bubbles: true }));
    }
  }

  #renderPlans(n, interval) {
    const per = this.#t(interval === "year" ? "perYear" : "perMonth");
    const items = this.#plans.map((plan, i) => {
      const style = STYLES[i % STYLES.length];
      const { min, max } = limits(plan);
      const range = max === null ? (min > 1 ? this.#t("onlyFrom", min) : null) : this.#t("onlyUpTo", max);
      const head = el(
        "h2",
        { class: "pc__name" },
        el("span", { class: "pc__swatch", "aria-hidden": "true", "data-style": i % STYLES.length }),
        plan.name ?? plan.id,
      );
      const total = el("p", { class: "pc__total", "data-testid": `calc-total-${plan.id}` });
      const details = [];
      const item = el("li", { class: "pc__plan", "data-plan": plan.id }, head, total);
      item.style.setProperty("--pc-colour", style.colour);
      if (n !== null) {
        const at = this.#price(plan, interval, n);
        if (at.price !== undefined) {
          total.textContent = this.#money(at.price);
          details.push(el("p", { class: "pc__per" }, per));
          details.push(el("p", { class: "pc__detail" }, this.#t("perSeat", this.#money(divide(at.price, n)))));
          const monthly = this.#price(plan, "month", n).price;
          if (interval === "year" && monthly !== undefined) {
            const saving = 12n * cents(monthly) - cents(at.price);
            if (saving > 0n)
              details.push(el("p", { class: "pc__saving" }, this.#t("saves", this.#money(decimal(saving)))));
          }
        } else {
          item.dataset.unavailable = "true";
          // "Not available", then for how many (and, below, the plan's range).
          total.textContent = this.#t("unavailable");
          details.push(el("p", { class: "pc__detail" }, at.error ? this.#t("noPrice") : this.#t("unavailableFor", n)));
        }
      }
      if (range) details.push(el("p", { class: "pc__detail pc__range" }, range));
      item.append(...details);
      return item;
    });
    this.#nodes.plans.replaceChildren(...items);
  }

  #renderChart(n, interval) {
    // The drawing is as wide as its box in CSS pixels, so its text stays
    // 12 px at any width (a fixed viewBox would shrink it on a phone).
    const W = Math.round(Math.min(960, Math.max(300, this.#nodes.chart.clientWidth || 640)));
    this.#chartWidth = W;
    const H = W < 500 ? 240 : 300;
    const left = 64;
    const right = 16;
    const top = 16;
    const bottom = 44;
    const w = W - left - right;
    const h = H - top - bottom;
    // Geometry only: amounts become pixels here, and nowhere else.
    let highest = 0;
    for (const plan of this.#plans) {
      const table = this.#tables[plan.id]?.[interval];
      if (!table || table.error) continue;
      table.prices.forEach((p, i) => {
        if (table.allowed[i]) highest = Math.max(highest, Number(p));
      });
    }
    const step = niceStep(highest / 4 || 1);
    const top_ = Math.max(step, Math.ceil(highest / step) * step);
    const x = (seats) => left + ((seats - MIN) / (MAX - MIN)) * w;
    const y = (amount) => top + h - (Number(amount) / top_) * h;
    const axisMoney = this.#format(0);

    const grid = svg("g", { class: "pc__grid" });
    for (let v = 0; v <= top_ + step / 2; v += step) {
      grid.append(
        svg("line", { x1: left, x2: W - right, y1: y(v), y2: y(v) }),
        svg("text", { x: left - 8, y: y(v) + 4, "text-anchor": "end" }, axisMoney.format(v)),
      );
    }
    for (const s of W < 500 ? [1, 50, 100, 150, 200] : [1, 25, 50, 75, 100, 125, 150, 175, 200]) {
      grid.append(svg("text", { x: x(s), y: top + h + 18, "text-anchor": "middle" }, String(s)));
    }
    grid.append(
      svg(
        "text",
        { x: left + w / 2, y: H - 6, "text-anchor": "middle", class: "pc__axis-title" },
        this.#t("axisSeats"),
      ),
    );

    const curves = svg("g", { class: "pc__curves" });
    const names = [];
    this.#plans.forEach((plan, i) => {
      const table = this.#tables[plan.id]?.[interval];
      if (!table || table.error) return;
      names.push(plan.name ?? plan.id);
      const style = STYLES[i % STYLES.length];
      // Runs of counts the plan allows; a refused count breaks the line.
      let d = "";
      let run = [];
      const flush = () => {
        if (run.length === 1) {
          curves.append(
            svg("circle", { cx: x(run[0][0]), cy: y(run[0][1]), r: 4, fill: style.colour, class: "pc__point" }),
          );
        } else if (run.length > 1) {
          d += run.map(([s, p], k) => `${k === 0 ? "M" : "L"}${x(s).toFixed(1)} ${y(p).toFixed(1)}`).join("");
        }
        run = [];
      };
      table.prices.forEach((price, k) => {
        if (table.allowed[k]) run.push([k + MIN, price]);
        else flush();
      });
      flush();
      curves.append(
        svg("path", {
          d,
          fill: "none",
          stroke: style.colour,
          "stroke-width": 2.5,
          "stroke-dasharray": style.dash,
          "data-plan": plan.id,
          class: "pc__curve",
        }),
      );
      for (const at of tierBreaks(plan, interval)) {
        if (at < MIN || at > MAX || !table.allowed[at - MIN]) continue;
        curves.append(
          svg("rect", {
            x: x(at) - 4,
            y: y(table.prices[at - MIN]) - 4,
            width: 8,
            height: 8,
            transform: `rotate(45 ${x(at)} ${y(table.prices[at - MIN])})`,
            fill: "#fff",
            stroke: style.colour,
            "stroke-width": 2,
            class: "pc__tier-break",
          }),
        );
      }
    });

    const marker = svg("g", { class: "pc__marker" });
    if (n !== null) {
      const anchor = n > 150 ? "end" : n < 50 ? "start" : "middle";
      marker.append(
        svg("line", { x1: x(n), x2: x(n), y1: top, y2: top + h }),
        svg(
          "text",
          { x: x(n) + (anchor === "start" ? 6 : anchor === "end" ? -6 : 0), y: top + 12, "text-anchor": anchor },
          this.#t("chosen", n),
        ),
      );
      this.#plans.forEach((plan, i) => {
        const at = this.#price(plan, interval, n);
        if (at.price === undefined) return;
        marker.append(
          svg("circle", { cx: x(n), cy: y(at.price), r: 5, fill: STYLES[i % STYLES.length].colour, stroke: "#fff" }),
        );
      });
    }

    const per = this.#t(interval === "year" ? "perYear" : "perMonth");
    const title = svg("title", {}, this.#t("chartTitle", per, names.join(", ")));
    const chart = svg(
      "svg",
      {
        viewBox: `0 0 ${W} ${H}`,
        role: "img",
        "data-testid": "price-chart",
        "data-interval": interval,
        class: "pc__svg",
        preserveAspectRatio: "xMidYMid meet",
      },
      title,
      grid,
      curves,
      marker,
    );
    const legend = el(
      "ul",
      { class: "pc__legend" },
      ...this.#plans.map((plan, i) => {
        const style = STYLES[i % STYLES.length];
        const { min, max } = limits(plan);
        const range = max === null ? (min > 1 ? this.#t("onlyFrom", min) : null) : this.#t("onlyUpTo", max);
        return el(
          "li",
          {},
          svg(
            "svg",
            { viewBox: "0 0 28 10", width: 28, height: 10, "aria-hidden": "true" },
            svg("line", {
              x1: 1,
              x2: 27,
              y1: 5,
              y2: 5,
              stroke: style.colour,
              "stroke-width": 2.5,
              "stroke-dasharray": style.dash,
            }),
          ),
          range ? `${plan.name ?? plan.id} (${range})` : (plan.name ?? plan.id),
        );
      }),
    );
    if (this.#plans.some((plan) => tierBreaks(plan, interval).length > 0)) {
      legend.append(
        el(
          "li",
          {},
          svg(
            "svg",
            { viewBox: "0 0 28 10", width: 28, height: 10, "aria-hidden": "true" },
            svg("rect", {
              x: 10,
              y: 1,
              width: 8,
              height: 8,
              transform: "rotate(45 14 5)",
              fill: "#fff",
              stroke: "#1a1f26",
              "stroke-width": 1.5,
            }),
          ),
          this.#t("tierBreak"),
        ),
      );
    }
    this.#nodes.chart.replaceChildren(chart, legend);
  }

  /** The text alternative: the same prices as a table. */
  #renderTable(n, interval) {
    const per = this.#t(interval === "year" ? "perYear" : "perMonth");
    const counts = [...new Set([...TABLE_ROWS, ...(n === null ? [] : [n])])].sort((a, b) => a - b);
    const head = el(
      "tr",
      {},
      el("th", { scope: "col" }, this.#t("seatsColumn")),
      ...this.#plans.map((plan) => el("th", { scope: "col" }, plan.name ?? plan.id)),
    );
    const rows = counts.map((count) =>
      el(
        "tr",
        count === n ? { class: "pc__row--chosen", "aria-current": "true" } : {},
        el(
          "th",
          { scope: "row" },
          String(count),
          count === n ? el("span", { class: "pc__choice" }, ` (${this.#t("yourChoice")})`) : null,
        ),
        ...this.#plans.map((plan) => {
          const at = this.#price(plan, interval, count);
          if (at.price !== undefined) return el("td", {}, this.#money(at.price));
          // A dash for the eye, the words for a screen reader.
          return el(
            "td",
            { class: "pc__na" },
            el("span", { "aria-hidden": "true" }, "–"),
            el("span", { class: "pc__sr" }, this.#t("unavailable")),
          );
        }),
      ),
    );
    const table = el(
      "table",
      { "data-testid": "price-table" },
      el("caption", { id: `${this.#nodes.id}-caption` }, this.#t("caption", per)),
      el("thead", {}, head),
      el("tbody", {}, ...rows),
    );
    this.#nodes.table.replaceChildren(table);
  }

  /** One short sentence, once the customer pauses. */
  #announce(n, interval) {
    let text;
    if (n === null) text = this.#t("liveError");
    else {
      const prices = this.#plans
        .map((plan) => {
          const at = this.#price(plan, interval, n);
          return `${plan.name ?? plan.id} ${at.price === undefined ? this.#t("unavailable").toLowerCase() : this.#money(at.price)}`;
        })
        .join(", ");
      text = this.#t("live", n, this.#t(interval === "year" ? "perYear" : "perMonth"), prices);
    }
    clearTimeout(this.#liveTimer);
    this.#liveTimer = setTimeout(() => {
      this.#nodes.live.textContent = text;
    }, 300);
  }
}

/** 1, 2, 2.5 or 5 times a power of ten: a round step for an axis. */
function niceStep(raw) {
  const power = 10 ** Math.floor(Math.log10(raw));
  const scaled = raw / power;
  const nice = scaled <= 1 ? 1 : scaled <= 2 ? 2 : scaled <= 2.5 ? 2.5 : scaled <= 5 ? 5 : 10;
  return nice * power;
}

if (!customElements.get("price-calculator")) customElements.define("price-calculator", PriceCalculator);
