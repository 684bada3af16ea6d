// The browser harness of gen's end-to-end tests: launches Debian's Chromium
// (/usr/bin/chromium, installed by scripts/setup-test-deps.sh) headless through
// playwright-core, which never downloads a browser of its own, and opens pages with every
// console error, uncaught exception, failed request and HTTP error status recorded.
//
//   const { launch, open } = require("./harness");
//   const browser = await launch();
//   const { page, problems } = await open(browser, url, { js: false, dark: true, width: 375 });
//
// The flags are the ones this machine needs (see /work/.library/env/machines/rust.md): no
// sandbox (tests run as root), no GPU, and no background networking, component updates,
// sync or QUIC, whose connections the closed network refuses. Each launch gets a fresh,
// empty --user-data-dir: Playwright creates one per launch and removes it on close (it
// refuses the flag in `args`), so no state leaks from one run into the next.
"use strict";

const { chromium } = require("playwright-core");

const CHROMIUM = process.env.GEN_CHROMIUM || "/usr/bin/chromium";

const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Launches headless Chromium. */
async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/**
 * Opens `url` in a new context and waits until the page and its resources have loaded.
 * Options: `js` (default true), `dark` (prefers-color-scheme: dark), `width` and `height`
 * of the viewport (default 1280×800). Returns the page and the `problems` seen so far
 * (the array keeps filling while the page lives).
 */
async function open(browser, url, options = {}) {
  const context = await browser.newContext({
    javaScriptEnabled: options.js !== false,
    colorScheme: options.dark ? "dark" : "light",
    viewport: { width: options.width || 1280, height: options.height || 800 },
    deviceScaleFactor: options.scale || 1,
  });
  const page = await context.newPage();
  const problems = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console error: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`uncaught: ${e.message}`));
  page.on("requestfailed", (r) => {
    const error = r.failure() && r.failure().errorText;
    // A live-reload event stream is cut by design when the page reloads.
    if (r.resourceType() === "eventsource" && error === "net::ERR_ABORTED") return;
    problems.push(`request failed: ${r.url()} (${error})`);
  });
  const pending = new Set();
  page.on("request", (r) => pending.add(r.url()));
  page.on("requestfinished", (r) => pending.delete(r.url()));
  page.on("requestfailed", (r) => pending.delete(r.url()));
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
  });
  try {
    await page.goto(url, { waitUntil: "load", timeout: options.timeout || 30000 });
  } catch (e) {
    throw new Error(`${e.message}\nstill loading: ${[...pending].join(", ") || "nothing"}`);
  }
  return { context, page, problems };
}

module.exports = { launch, open, FLAGS, CHROMIUM };
