#!/usr/bin/env bash
# Runs every test: lint, type-check, every package's Jest tests and the Playwright
# journeys in Debian's Chromium against the running demo. Installs what it needs first.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
bash "$REPO_ROOT/scripts/bootstrap.sh"
cd "$REPO_ROOT"
mkdir -p artifacts

# System packages the tests need, from Debian.
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v kubectl >/dev/null 2>&1 || missing+=(kubernetes-client)
if ((${#missing[@]})); then
  echo "› installing Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}" >/dev/null
fi

step() { echo; echo "━━ $*"; }

step "lint"
npx backstage-cli repo lint

step "type-check"
npx tsc --noEmit

step "unit and integration tests (Jest)"
npx backstage-cli repo test --watchAll=false --ci --json --outputFile=artifacts/jest-results.json

step "browser journeys (Playwright, Debian Chromium)"
# The journeys get a demo of their own, on ports nobody is using, so the tests run beside a
# demo you have open (which keeps 3000, 7007 and 16443).
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() { local port="$1"; while port_in_use "$port"; do port=$((port + 1)); done; echo "$port"; }
app_port=$(free_port 3300)
backend_port=$(free_port 7307)
sim_port=$(free_port 16743)
export SLICE_DEMO_KUBECONFIG="$REPO_ROOT/.fleet-sim/e2e-kubeconfig"
export SLICE_DEMO_GITOPS_REPO="$REPO_ROOT/.fleet-sim/e2e-gitops"
demo_log=artifacts/demo-for-e2e.log
SLICE_DEMO_APP_PORT=$app_port SLICE_DEMO_BACKEND_PORT=$backend_port SIM_PORT=$sim_port \
  setsid bash scripts/demo.sh > "$demo_log" 2>&1 &
demo_pid=$!
stop_demo() {
  kill -TERM -- "-$demo_pid" 2>/dev/null || true
  wait "$demo_pid" 2>/dev/null || true
}
trap stop_demo EXIT
deadline=$((SECONDS + 420))
until grep -q "demo is running" "$demo_log"; do
  if ! kill -0 "$demo_pid" 2>/dev/null || ((SECONDS > deadline)); then
    echo "✖ the demo did not start; its output:" >&2; cat "$demo_log" >&2; exit 1
  fi
  sleep 2
done
SLICE_E2E_BACKEND_URL="http://localhost:$backend_port" PLAYWRIGHT_URL="http://localhost:$app_port" npx playwright test

node scripts/summarize-results.js artifacts/jest-results.json artifacts/playwright-results.json
