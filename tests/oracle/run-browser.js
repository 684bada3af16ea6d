#!/usr/bin/env node
// The browser oracle of gen's JS conformance corpus: runs one browser snippet in jsdom the
// way gen's simulated browser environment behaves, and prints what it prints.
//
//   node --expose-gc tests/oracle/run-browser.js SNIPPET.js [FIXTURE.html]
//
// - The document is `<!DOCTYPE html><html><head></head><body>FIXTURE</body></html>`.
// - The snippet runs as a classic script in the window's realm (top-level `this` and
//   `var`/function declarations land on `window`); `console` prints like Node's console
//   (util.inspect formatting; log/info/debug to stdout, warn/error to stderr).
// - `gc()` is Node's `--expose-gc` collector, exposed on the window.
// - Errors follow the browser's rule: an uncaught error (at the top level, in a timer, an
//   event listener, an observer callback, or an unhandled promise rejection) prints its
//   `Name: message` line (Node's form, without the browser's `Uncaught ` prefix) on stderr
//   and the page keeps running: the rest of the top-level script is skipped when it threw,
//   but timers, listeners and promises go on. The exit code is then 1. A syntax error
//   prints `SyntaxError: message` and nothing runs.
// - The program ends when nothing is pending any more, as in Node.
"use strict";

const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { JSDOM, VirtualConsole } = require("jsdom");

function main() {
  const [snippetPath, fixturePath] = process.argv.slice(2);
  if (!snippetPath) {
    process.stderr.write("usage: run-browser.js SNIPPET.js [FIXTURE.html]\n");
    process.exit(2);
  }
  const source = fs.readFileSync(snippetPath, "utf8");
  const fixture = fixturePath ? fs.readFileSync(fixturePath, "utf8") : "";

  const virtualConsole = new VirtualConsole();
  virtualConsole.sendTo(console, { omitJSDOMErrors: true });
  virtualConsole.on("jsdomError", (error) => {
    if (error.type === "unhandled exception" && error.detail !== undefined) {
      report(error.detail);
      return;
    }
    process.stderr.write(`jsdom: ${error.message}\n`);
  });

  const dom = new JSDOM(
    `<!DOCTYPE html><html><head></head><body>${fixture}</body></html>`,
    { runScripts: "outside-only", pretendToBeVisual: true, virtualConsole },
  );
  if (typeof global.gc === "function") {
    dom.window.gc = global.gc;
  }

  process.on("unhandledRejection", report);

  let script;
  try {
    script = new vm.Script(source, { filename: path.resolve(snippetPath) });
  } catch (error) {
    report(error);
    return;
  }
  try {
    script.runInContext(dom.getInternalVMContext());
  } catch (error) {
    report(error);
  }
}

// Prints an uncaught error as Node's report does on its `Name: message` line; exit code 1.
function report(error) {
  let line;
  if (error !== null && typeof error === "object" && "name" in error && "message" in error) {
    line = error.message === "" ? `${error.name}` : `${error.name}: ${error.message}`;
  } else {
    line = `Uncaught ${String(error)}`;
  }
  process.stderr.write(`${line}\n`);
  process.exitCode = 1;
}

main();
