#!/usr/bin/env bash
# Runs every test of gen: the workspace's unit and integration tests (site builds,
# conformance corpora against the recorded python3/node outputs, trace panels, gen watch,
# and the browser end-to-end tests in headless Chromium).
# Installs what the tests need on a fresh machine first (scripts/setup-test-deps.sh); with
# GEN_REQUIRE_BROWSER set, a browser test fails instead of skipping when Chromium is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-test-deps.sh
export GEN_REQUIRE_BROWSER=1
cargo test --workspace --locked "$@"
