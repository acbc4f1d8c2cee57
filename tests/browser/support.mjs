// What the browser tests share: Chromium and the page server, started once
// on first use (and closed after the file's tests), and a page that records
// console errors, exceptions and failed requests.

import assert from "node:assert/strict";
import { after } from "node:test";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { serve } from "../../.ci/serve.mjs";
import { CHROMIUM as DEBIAN_CHROMIUM, launchChromium } from "../../.ci/setup.mjs";

/** A path of the repository. */
export const root = (relative) => fileURLToPath(new URL(`../../${relative}`, import.meta.url));
export const CHROMIUM = process.env.CHROMIUM ?? DEBIAN_CHROMIUM;
export const SCREENSHOTS = root(".artifacts/screenshots");

/**
 * Chromium and the server, started once on first use. Missing prerequisites
 * reject here, so that every browser test *fails* with this message (a
 * failed `before` hook would only mark them cancelled).
 */
let started;
export function start() {
  started ??= (async () => {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`no Chromium at ${CHROMIUM}: install it with "apt-get install -y chromium", or set CHROMIUM`);
    }
    if (!existsSync(root("pkg/index.js"))) {
      throw new Error('no build at pkg/index.js: run "npm run build" first');
    }
    const { server, url } = await serve({ port: 0, host: "127.0.0.1" });
    const browser = await launchChromium().catch(async (error) => {
      server.close();
      throw error;
    });
    return { server, url, browser };
  })();
  return started;
}

after(async () => {
  const running = await started?.catch(() => null);
  await running?.browser.close();
  await new Promise((done) => (running ? running.server.close(done) : done()));
});

/**
 * `path` of the pages, loaded in a page of its own context, once its first
 * result is shown (`body[data-ready]`). `problems` collects console errors,
 * uncaught exceptions and failed requests; `check()` asserts there were
 * none and closes the context.
 */
export async function openPage(path, contextOptions) {
  const { page, context, problems, url } = await newPage(contextOptions);
  await page.goto(`${url}${path}`);
  await page.waitForSelector("body[data-ready]", { state: "attached", timeout: 10_000 });
  return {
    page,
    url,
    problems,
    async check() {
      assert.deepEqual(problems, [], "no console errors, exceptions or failed requests");
      await context.close();
    },
  };
}

/** Text with every kind of space as one plain space. */
export const spaces = (s) => s.replace(/\s+/g, " ").trim();

/** The visible text of a test hook, spaces made plain. */
export async function text(page, testId) {
  return spaces(await page.getByTestId(testId).textContent());
}

/** A new page in its own context; the problems it reports are collected in `problems`. */
async function newPage(contextOptions) {
  const { browser, url } = await start();
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  const problems = [];
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`exception: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return { page, context, problems, url };
}
