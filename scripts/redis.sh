#!/usr/bin/env bash
# Makes sure `redis-server` is on PATH for @mallkit/redis's tests, bench and the BullMQ example,
# which start their own private server on a free port (never a system service). Installs Debian's
# package when it is missing; does nothing when it is there. Run as root or with sudo available.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "scripts/redis.sh: redis-server is not installed and apt-get is not available; install Redis (>= 6.2) yourself." >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "scripts/redis.sh: installing redis-server needs root (or sudo)." >&2
    exit 1
  fi
fi

echo "scripts/redis.sh: installing redis-server (Debian package)…" >&2
export DEBIAN_FRONTEND=noninteractive
# The package list may be missing or stale on a fresh machine.
$SUDO apt-get update -qq >/dev/null
# The package's own service is not used (and may not start on a machine without systemd): the
# tests, the bench and the example start their own server.
$SUDO apt-get install -y -qq --no-install-recommends redis-server >/dev/null

if ! command -v redis-server >/dev/null 2>&1; then
  echo "scripts/redis.sh: redis-server is still not on PATH after installing it." >&2
  exit 1
fi
redis-server --version >&2
