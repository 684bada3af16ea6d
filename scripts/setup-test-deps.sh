#!/usr/bin/env bash
# Installs the tools gen's tests need beyond the Rust toolchain, idempotently:
# - Debian's chromium (/usr/bin/chromium) and fonts-noto-cjk (the seed note is Chinese),
#   with apt-get, only when missing (about 80 s on a fresh machine);
# - playwright-core for the browser tests, pinned by tests/browser/package-lock.json,
#   with `npm ci` into tests/browser/node_modules, skipped when already installed from the
#   same lockfile. playwright-core drives the Debian chromium; it never downloads a browser.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v cargo >/dev/null || { echo "cargo is required (https://rustup.rs)" >&2; exit 1; }

apt_install() {
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || { echo "setup-test-deps: installing $* needs root" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "setup-test-deps: apt-get install $*" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
fc-list :lang=zh family 2>/dev/null | grep -q "Noto Sans CJK" || missing+=(fonts-noto-cjk)
if [ ${#missing[@]} -gt 0 ]; then
  apt_install "${missing[@]}"
fi

command -v node >/dev/null || { echo "setup-test-deps: node (20.x) is required" >&2; exit 1; }
(
  cd tests/browser
  stamp=node_modules/.installed-from-lockfile
  lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
  if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$lock_sum" ] && [ -d node_modules/playwright-core ]; then
    exit 0
  fi
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > "$stamp"
)
