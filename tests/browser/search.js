#!/usr/bin/env node
// Uses gen's search on one built page in headless Chromium as a reader does, and prints
// one JSON object: the search files requested before search was opened (none are
// expected), then per query, typed into the dialog opened with "/", the results shown
// (title, link, highlighted words), whether Escape closes the dialog and Ctrl-K opens it
// again, where Enter then leads (the last query's first result), and whether the search
// button shows without JavaScript.
// tests/search.rs asserts on it.
//
//   node tests/browser/search.js URL QUERY...
"use strict";

const { launch, open } = require("./harness");

async function results(page) {
  await page.waitForFunction(() => {
    const status = document.querySelector(".gen-search-status");
    return document.querySelector(".gen-search-results li") || (status && /No results/.test(status.textContent));
  }, null, { timeout: 10000 });
  return page.$$eval(".gen-search-results li", (items) =>
    items.map((li) => ({
      title: li.querySelector(".gen-search-title").textContent,
      href: li.querySelector("a").getAttribute("href"),
      marks: [...li.querySelectorAll("mark")].map((m) => m.textContent),
      excerpt: li.querySelector(".gen-search-excerpt").textContent,
    })),
  );
}

async function main() {
  const [url, ...queries] = process.argv.slice(2);
  const browser = await launch();
  const report = { queries: {} };
  try {
    const requested = [];
    const { page, problems } = await open(browser, url);
    page.on("request", (r) => requested.push(new URL(r.url()).pathname));
    await page.waitForTimeout(300);
    report.beforeOpen = requested.filter((p) => p.includes("/_gen/search/"));
    report.buttonVisible = await page.isVisible("[data-gen-search]");

    await page.keyboard.press("/");
    await page.waitForSelector("dialog.gen-search[open] input", { timeout: 5000 });
    for (const query of queries) {
      await page.fill("dialog.gen-search input", "");
      await page.keyboard.type(query);
      await page.waitForTimeout(150);
      report.queries[query] = await results(page);
    }
    report.requested = [...new Set(requested.filter((p) => p.includes("/_gen/search/")))];

    await page.keyboard.press("Escape");
    report.escapeCloses = await page.waitForSelector("dialog.gen-search[open]", { state: "detached", timeout: 5000 })
      .then(() => true, () => false);
    await page.keyboard.press("Control+KeyK");
    report.ctrlK = await page.waitForSelector("dialog.gen-search[open]", { timeout: 5000 }).then(() => true, () => false);
    await Promise.all([page.waitForNavigation({ waitUntil: "load", timeout: 10000 }), page.keyboard.press("Enter")]);
    report.navigated = decodeURIComponent(new URL(page.url()).pathname + new URL(page.url()).hash);
    report.problems = problems;

    const nojs = await open(browser, url, { js: false });
    report.buttonVisibleWithoutJs = await nojs.page.isVisible("[data-gen-search]");
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(report, null, 1) + "\n");
}

main().catch((e) => {
  console.error(e.stack || String(e));
  process.exit(1);
});
