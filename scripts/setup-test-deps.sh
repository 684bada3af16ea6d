#!/usr/bin/env bash
# Installs the tools gen's tests need beyond the Rust toolchain, idempotently.
# Today: nothing beyond cargo; browser end-to-end tests add Chromium here.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo >/dev/null || { echo "cargo is required (https://rustup.rs)" >&2; exit 1; }
