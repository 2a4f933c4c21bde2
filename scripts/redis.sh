#!/usr/bin/env bash
# Makes sure `redis-server` is on PATH for @mallkit/redis's tests, bench and the BullMQ example,
# which start their own private server on a free port (never a system service). Installs Debian's
# package when it is missing; does nothing when it is there. Run as root or with sudo available.
set -euo pipefail

if command -v redis-server >/dev/null 2>&1; then
  exit 0
fi

. "$(dirname "$0")/debian-install.sh"
# The package's own service is not used (and may not start on a machine without systemd): the
# tests, the bench and the example start their own server.
debian_install scripts/redis.sh redis-server || { echo "scripts/redis.sh: install Redis (>= 6.2) yourself." >&2; exit 1; }

if ! command -v redis-server >/dev/null 2>&1; then
  echo "scripts/redis.sh: redis-server is still not on PATH after installing it." >&2
  exit 1
fi
redis-server --version >&2
