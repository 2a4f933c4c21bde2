#!/usr/bin/env bash
# Makes sure a headless Chromium is on PATH for the documentation site's screenshot test
# (scripts/site/site.test.ts, run by `pnpm run test:site` after `pnpm run docs`). Installs Debian's
# `chromium` package when no browser is found; does nothing when one is there. Run as root or with
# sudo available. When it cannot install one it says why and exits 1: the caller (scripts/run)
# carries on, and the test skips with that reason.
set -euo pipefail

for name in chromium chromium-browser google-chrome-stable google-chrome; do
  if command -v "$name" >/dev/null 2>&1; then
    exit 0
  fi
done

. "$(dirname "$0")/debian-install.sh"
debian_install scripts/chromium.sh chromium || { echo "scripts/chromium.sh: install Chromium yourself (or set MALLKIT_CHROMIUM to its path)." >&2; exit 1; }
# Fonts with Japanese glyphs, so that the guides render as text rather than boxes; optional.
debian_install scripts/chromium.sh fonts-noto-cjk || echo "scripts/chromium.sh: fonts-noto-cjk not installed; Japanese text may render as boxes." >&2

if ! command -v chromium >/dev/null 2>&1; then
  echo "scripts/chromium.sh: chromium is still not on PATH after installing it." >&2
  exit 1
fi
chromium --version >&2
