# Sourced by scripts/run and .ci/run: makes sure Node >= 22.12 and the pinned pnpm are first on PATH.
# A machine with an older Node (CI has Node 20) gets node@24 from the npm registry's `node` package,
# which ships the binary inside a registry package, so nothing is downloaded from anywhere else.

NODE_MAJOR=24
PNPM_VERSION=10.34.8   # keep in step with "packageManager" in package.json
CACHE_DIR="${MALLKIT_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mallkit-tools}"

node_is_recent_enough() {
  command -v node >/dev/null 2>&1 || return 1
  node -e 'const [a,b]=process.versions.node.split(".").map(Number); process.exit(a>22||(a===22&&b>=12)?0:1)'
}

if ! node_is_recent_enough; then
  echo "ci: Node $(node --version 2>/dev/null || echo none) is older than 22.12; installing node@${NODE_MAJOR} from the npm registry into ${CACHE_DIR}/node"
  mkdir -p "$CACHE_DIR/node"
  if [ ! -x "$CACHE_DIR/node/node_modules/node/bin/node" ]; then
    npm install --prefix "$CACHE_DIR/node" --no-save --no-audit --no-fund --loglevel=error "node@${NODE_MAJOR}"
  fi
  export PATH="$CACHE_DIR/node/node_modules/node/bin:$PATH"
fi
echo "ci: using node $(node --version)"

if ! command -v pnpm >/dev/null 2>&1 || [ "$(pnpm --version 2>/dev/null)" != "$PNPM_VERSION" ]; then
  mkdir -p "$CACHE_DIR/pnpm"
  if [ ! -x "$CACHE_DIR/pnpm/node_modules/.bin/pnpm" ] || [ "$("$CACHE_DIR/pnpm/node_modules/.bin/pnpm" --version)" != "$PNPM_VERSION" ]; then
    npm install --prefix "$CACHE_DIR/pnpm" --no-save --no-audit --no-fund --loglevel=error "pnpm@${PNPM_VERSION}"
  fi
  export PATH="$CACHE_DIR/pnpm/node_modules/.bin:$PATH"
fi
echo "ci: using pnpm $(pnpm --version)"

