#!/usr/bin/env node
// The dark-mode toggle end to end: a first visit follows prefers-color-scheme, a click
// switches and is remembered across a reload (localStorage), and without JavaScript the
// toggle stays hidden while the page still follows the system setting.
//
//   node tests/browser/theme-toggle.js URL      prints one JSON object
"use strict";

const { launch, open } = require("./harness");

const state = () => ({
  dark: getComputedStyle(document.body).backgroundColor !== "rgb(255, 255, 255)",
  classes: document.documentElement.className,
  toggleVisible: (() => {
    const b = document.querySelector(".theme-toggle");
    return !!b && !b.hidden && b.getBoundingClientRect().width > 0;
  })(),
});

async function main() {
  const url = process.argv[2];
  const browser = await launch();
  const out = {};
  try {
    for (const dark of [false, true]) {
      const name = dark ? "system-dark" : "system-light";
      const { context, page, problems } = await open(browser, url, { dark });
      const first = await page.evaluate(state);
      await page.click(".theme-toggle");
      const clicked = await page.evaluate(state);
      await page.reload({ waitUntil: "load" });
      const reloaded = await page.evaluate(state);
      out[name] = { first, clicked, reloaded, problems: [...problems] };
      await context.close();
    }
    const { context, page, problems } = await open(browser, url, { dark: true, js: false });
    out["system-dark-nojs"] = { first: await page.evaluate(state), problems: [...problems] };
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
