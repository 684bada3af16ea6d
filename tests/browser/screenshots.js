#!/usr/bin/env node
// Screenshots of one built page for looking at by eye: the top of the page and a few
// parts of it (the first Mermaid diagram, the first run panels), light and dark, at
// desktop and phone width (375 px).
//
//   node tests/browser/screenshots.js URL OUT_DIR [--no-js]
//
// Writes OUT_DIR/<setting>-<part>.png.
"use strict";

const fs = require("fs");
const path = require("path");
const { launch, open } = require("./harness");

const SETTINGS = [
  { name: "desktop-light", dark: false, width: 1280, height: 800 },
  { name: "desktop-dark", dark: true, width: 1280, height: 800 },
  { name: "phone-light", dark: false, width: 375, height: 740 },
  { name: "phone-dark", dark: true, width: 375, height: 740 },
];

const PARTS = [
  ["mermaid", ".gen-mermaid"],
  ["panel-ok", ".gen-run[data-status=ok]"],
  ["panel-error", ".gen-run[data-status=error]"],
  ["heap", ".gen-run[data-status=ok] .gen-heap"],
  ["table", "table"],
];

async function main() {
  const [url, dir, flag] = process.argv.slice(2);
  if (!url || !dir) {
    console.error("usage: screenshots.js URL OUT_DIR [--no-js]");
    process.exit(2);
  }
  fs.mkdirSync(dir, { recursive: true });
  const browser = await launch();
  try {
    for (const s of SETTINGS) {
      const { context, page, problems } = await open(browser, url, { ...s, js: flag !== "--no-js" });
      await page.screenshot({ path: path.join(dir, `${s.name}-top.png`) });
      for (const [part, selector] of PARTS) {
        const el = page.locator(selector).first();
        if ((await el.count()) === 0) continue;
        await el.scrollIntoViewIfNeeded();
        await el.screenshot({ path: path.join(dir, `${s.name}-${part}.png`) });
      }
      if (problems.length) console.error(`${s.name}: ${problems.join("; ")}`);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
