#!/usr/bin/env bash
# Installs what the repository needs to run: Node 22 and the npm workspace dependencies.
# Safe to re-run; quick when nothing changed (the lockfile's hash is stamped after a good install).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
cd "$REPO_ROOT"

stamp="node_modules/.slice-portal-install-stamp"
want="$(node --version) $(sha256sum package-lock.json | cut -d' ' -f1)"
if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
  exit 0
fi

# Native addons (better-sqlite3) must build against the headers of the Node that runs them.
if [ -n "${NODE_HEADERS_DIR:-}" ]; then export npm_config_nodedir="$NODE_HEADERS_DIR"; fi

# The install must leave package-lock.json as committed, so a checkout stays clean after a run.
out_of_sync() {
  echo "✖ package-lock.json is out of sync with the package.json files (installing would rewrite" >&2
  echo "  it). Run 'npm install' (Node 22: source scripts/toolchain.sh) and commit package-lock.json." >&2
  exit 1
}
if [ ! -d node_modules ]; then
  # Fresh checkout: `npm ci` installs exactly the lockfile and refuses one that is out of sync.
  echo "› installing npm dependencies (npm ci; about 8 minutes on a fresh machine)"
  if ! npm ci --no-audit --no-fund --loglevel=error; then
    echo "✖ npm ci failed. If it says package.json and package-lock.json are not in sync, run" >&2
    echo "  'npm install' (Node 22: source scripts/toolchain.sh) and commit package-lock.json." >&2
    exit 1
  fi
else
  # node_modules is there but the lockfile changed: `npm install` updates it in place, where
  # `npm ci` would delete it first (minutes, and breaks whatever runs from it meanwhile).
  # If it rewrites the lockfile, that was out of sync: put it back and refuse.
  echo "› updating npm dependencies (npm install against the lockfile)"
  locked="$(mktemp)"
  trap 'rm -f "$locked"' EXIT
  cp package-lock.json "$locked"
  npm install --no-audit --no-fund --loglevel=error || { cp "$locked" package-lock.json; exit 1; }
  if ! cmp -s package-lock.json "$locked"; then
    cp "$locked" package-lock.json
    out_of_sync
  fi
fi

# npm may skip the native build of better-sqlite3; build it against Node 22's headers.
if ! node -e "new (require('better-sqlite3'))(':memory:').close()" >/dev/null 2>&1; then
  echo "› building better-sqlite3 for $(node --version)"
  npm rebuild better-sqlite3 --loglevel=error
  node -e "new (require('better-sqlite3'))(':memory:').close()"
fi

echo "$want" > "$stamp"
