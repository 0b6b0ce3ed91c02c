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

# `npm install` rather than `npm ci`: the registry reachable here lacks some other platforms'
# optional binaries (e.g. @rollup/rollup-darwin-arm64), so the lockfile cannot list them and
# `npm ci` refuses it as out of sync. `npm install` still installs exactly the locked versions.
echo "› installing npm dependencies (a few minutes on a fresh machine)"
npm install --no-audit --no-fund --loglevel=error

# npm may skip the native build of better-sqlite3; build it against Node 22's headers.
if ! node -e "new (require('better-sqlite3'))(':memory:').close()" >/dev/null 2>&1; then
  echo "› building better-sqlite3 for $(node --version)"
  npm rebuild better-sqlite3 --loglevel=error
  node -e "new (require('better-sqlite3'))(':memory:').close()"
fi

echo "$want" > "$stamp"
