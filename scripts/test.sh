#!/usr/bin/env bash
# Runs every test of gen: the workspace's unit and integration tests (site builds,
# conformance corpora against the recorded python3/node outputs, trace panels).
# Installs what the tests need on a fresh machine first (scripts/setup-test-deps.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-test-deps.sh
cargo test --workspace --locked "$@"
