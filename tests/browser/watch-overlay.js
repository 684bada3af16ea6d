#!/usr/bin/env node
// gen watch's error overlay in a real browser: with the page open, breaks the note's
// frontmatter, waits for the overlay naming file:line:col over the last good page, then
// fixes the note and waits for the tab to reload with the fix and no overlay.
//
//   node tests/browser/watch-overlay.js URL NOTE_FILE      prints one JSON object
"use strict";

const fs = require("fs");
const { launch, open } = require("./harness");

const NOTE = (body) => `---\ntitle: Garbage collection\n---\n\n# GC\n\n${body}\n`;

async function main() {
  const [url, note] = process.argv.slice(2);
  const browser = await launch();
  const out = {};
  try {
    const { context, page, problems } = await open(browser, url);
    out.before = await page.textContent("main");
    fs.writeFileSync(note, "---\ntitle: [unclosed\n---\n\nbroken version\n");
    const overlay = page.locator("#gen-watch-errors");
    await overlay.waitFor({ state: "visible", timeout: 60000 });
    out.overlay = await overlay.textContent();
    out.underneath = await page.textContent("main");
    fs.writeFileSync(note, NOTE("fixed version"));
    await page.waitForFunction(
      () => document.body.innerText.includes("fixed version") && !document.getElementById("gen-watch-errors"),
      null,
      { timeout: 60000 },
    );
    out.after = await page.textContent("main");
    out.problems = [...problems];
    await context.close();
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out) + "\n");
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
