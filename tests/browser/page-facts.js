#!/usr/bin/env node
// Loads one built page of gen in headless Chromium under several settings and prints, as
// one JSON object, what a reader would see: problems (console errors, uncaught exceptions,
// failed requests), the run panels and their parts that are visible, the Mermaid
// diagrams, labels clipped by their boxes, and whether anything overflows the viewport.
// tests/browser.rs asserts on it; with --shots DIR it also saves full-page screenshots.
//
//   node tests/browser/page-facts.js URL [--shots DIR]
//
// Settings: desktop light with JavaScript, desktop light without JavaScript, desktop
// dark, and phone width (375 px) light and dark.
"use strict";

const fs = require("fs");
const path = require("path");
const { launch, open } = require("./harness");

const SETTINGS = [
  { name: "desktop-light", js: true, dark: false, width: 1280 },
  { name: "desktop-light-nojs", js: false, dark: false, width: 1280 },
  { name: "desktop-dark", js: true, dark: true, width: 1280 },
  { name: "phone-light", js: true, dark: false, width: 375, height: 740 },
  { name: "phone-dark-nojs", js: false, dark: true, width: 375, height: 740 },
];

/** Runs inside the page: the facts of the current rendering. */
function facts() {
  const visible = (el) => {
    if (!el) return false;
    const r = el.getBoundingClientRect();
    const s = getComputedStyle(el);
    return r.width > 0 && r.height > 0 && s.visibility !== "hidden" && s.opacity !== "0";
  };
  const visibleSvg = (root) => [...root.querySelectorAll("svg")].some(visible);
  const runs = [...document.querySelectorAll(".gen-run")].map((run) => ({
    lang: run.dataset.lang,
    status: run.dataset.status,
    visible: visible(run),
    output: visible(run.querySelector(".gen-output")),
    trace: visible(run.querySelector("table.gen-trace")),
    traceHeaders: run.querySelectorAll("table.gen-trace thead th").length,
    heap: !!run.querySelector(".gen-heap") && visibleSvg(run.querySelector(".gen-heap")),
    seq: !!run.querySelector(".gen-seq") && visibleSvg(run.querySelector(".gen-seq")),
  }));
  const diagrams = [...document.querySelectorAll(".gen-mermaid")]
    .filter((d) => !d.closest(".gen-seq"))
    .map((d) => ({
      visible: visibleSvg(d),
      titled: [...d.querySelectorAll("svg")].every((s) => s.querySelector("title")),
    }));
  // A label is clipped when its text needs more room than the box merman gave it.
  let labels = 0;
  const clipped = [];
  for (const fo of document.querySelectorAll(".gen-mermaid svg foreignObject")) {
    if (!visible(fo.closest("svg"))) continue;
    const inner = fo.firstElementChild;
    if (!inner) continue;
    labels += 1;
    const w = fo.width.baseVal.value;
    const h = fo.height.baseVal.value;
    if (inner.scrollWidth > w + 1 || inner.scrollHeight > h + 1) {
      clipped.push(`${inner.textContent.trim().slice(0, 40)} (${inner.scrollWidth}x${inner.scrollHeight} in ${w}x${h})`);
    }
  }
  const doc = document.documentElement;
  // Elements sticking out of the viewport on the right (wide content must scroll inside
  // its own box instead).
  const wide = [];
  for (const el of document.body.querySelectorAll("*")) {
    const r = el.getBoundingClientRect();
    if (r.right > doc.clientWidth + 1 && r.width > 0 && !el.closest("[data-scroll]")) {
      let p = el.parentElement;
      let inScroller = false;
      while (p && p !== document.body) {
        const o = getComputedStyle(p).overflowX;
        if (o === "auto" || o === "scroll" || o === "hidden") { inScroller = true; break; }
        p = p.parentElement;
      }
      if (!inScroller) wide.push(`${el.tagName.toLowerCase()}.${(el.getAttribute("class") || "").split(" ")[0]}`);
    }
  }
  return {
    title: document.title,
    dark: doc.classList.contains("dark") || matchMedia("(prefers-color-scheme: dark)").matches && !doc.classList.contains("light"),
    background: getComputedStyle(document.body).backgroundColor,
    runs,
    diagrams,
    labels,
    clipped,
    overflow: doc.scrollWidth > doc.clientWidth,
    wide: [...new Set(wide)].slice(0, 10),
    rawMermaid: document.body.innerText.includes("participant Var as"),
  };
}

async function main() {
  const [url, ...rest] = process.argv.slice(2);
  if (!url) {
    console.error("usage: page-facts.js URL [--shots DIR]");
    process.exit(2);
  }
  const shots = rest[0] === "--shots" ? rest[1] : null;
  if (shots) fs.mkdirSync(shots, { recursive: true });
  const browser = await launch();
  const out = {};
  try {
    for (const s of SETTINGS) {
      const { context, page, problems } = await open(browser, url, s);
      const f = await page.evaluate(facts);
      if (shots) {
        await page.screenshot({ path: path.join(shots, `${s.name}.png`), fullPage: true });
      }
      // The heap stepper works without JavaScript: clicking a step's label shows its figure.
      const shown = () =>
        page.evaluate(() => {
          const stepper = [...document.querySelectorAll(".gen-stepper")].find(
            (st) => st.querySelectorAll(".gen-step-labels label").length > 1,
          );
          if (!stepper) return null;
          const visible = [...stepper.querySelectorAll("figure.gen-step")].filter(
            (fig) => fig.getBoundingClientRect().height > 0,
          );
          return visible.map((fig) => fig.querySelector("figcaption").textContent);
        });
      const before = await shown();
      let after = null;
      if (before) {
        await page.locator(".gen-stepper .gen-step-labels label").first().click();
        after = await shown();
      }
      out[s.name] = { ...f, stepper: { before, after }, problems: [...problems] };
      await context.close();
    }
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(out, null, 1) + "\n");
}

main().catch((e) => {
  console.error(e && e.stack ? e.stack : String(e));
  process.exit(1);
});
