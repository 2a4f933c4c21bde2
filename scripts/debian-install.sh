# Sourced by scripts/redis.sh and scripts/chromium.sh: installs Debian packages a test needs, as root
# or through sudo. `debian_install <caller> <package>…` returns 1 with a message naming the caller
# when it cannot (no apt-get, no root, apt failed): the caller decides whether that is fatal.

debian_install() {
  local caller="$1"
  shift
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "$caller: apt-get is not available; install $* yourself." >&2
    return 1
  fi
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
      echo "$caller: installing $* needs root (or sudo)." >&2
      return 1
    fi
  fi
  echo "$caller: installing $* (Debian packages)…" >&2
  # The package list may be missing or stale on a fresh machine.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
