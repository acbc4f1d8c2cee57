// The README's JavaScript examples run as written, against the installed
// package: every ```js block of "## Usage" in Node, and the ```html block of
// "### Browser page" in Chromium.

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { launchChromium, REPO } from "./support.mjs";

const PROJECT = process.cwd();
const readme = readFileSync(join(REPO, "README.md"), "utf8");
const usage = readme.slice(readme.indexOf("\n## Usage"), readme.indexOf("\n## API"));

/** The fenced blocks of `lang` in `text`, with the heading above each. */
function blocks(text, lang) {
  const found = [];
  let heading = "";
  for (const part of text.split(/^```/m).entries()) {
    const [i, chunk] = part;
    if (i % 2 === 0) {
      heading = [...chunk.matchAll(/^###? (.+)$/gm)].pop()?.[1] ?? heading;
    } else if (chunk.startsWith(`${lang}\n`)) {
      found.push({ heading, code: chunk.slice(lang.length + 1) });
    }
  }
  return found;
}

test("README: the usage section has its examples", () => {
  assert.ok(usage.length > 100, "README.md has a ## Usage section before ## API");
  assert.ok(blocks(usage, "js").length >= 2);
  assert.equal(blocks(usage, "html").length, 1);
});

for (const [i, { heading, code }] of blocks(usage, "js").entries()) {
  test(`README: ${heading} example runs in Node`, () => {
    const file = join(PROJECT, `readme-example-${i}.mjs`);
    writeFileSync(file, code);
    const output = execFileSync(process.execPath, [file], { cwd: PROJECT, encoding: "utf8" });
    // Where the example shows its output in a comment, it must be that.
    const shown = code.match(/^\/\/ → (.+)$/m)?.[1];
    if (shown) assert.equal(output.trim(), shown);
    else assert.ok(output.trim().length > 0, "prints something");
  });
}

test("README: the browser page example works in Chromium", async () => {
  const [{ code }] = blocks(usage, "html");
  writeFileSync(join(PROJECT, "readme-page.html"), `<!doctype html><link rel="icon" href="data:,">\n${code}`);
  const { serve } = await import(join(REPO, ".ci", "serve.mjs"));
  const { server, url } = await serve({ mounts: { "/": PROJECT }, host: "127.0.0.1" });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
    await page.goto(`${url}readme-page.html`);
    await page.waitForFunction(() => document.getElementById("total")?.textContent !== "");
    assert.match(await page.textContent("#total"), /^8\.00 EUR — 24 days until the next invoice/);
    assert.deepEqual(errors, []);
  } finally {
    await browser.close();
    server.close();
  }
});
