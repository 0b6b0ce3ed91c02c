#!/usr/bin/env bash
# Starts the demo: the fleet simulator (scenario "demo"), the example backend (port 7007)
# and the example frontend (port 3000) configured against it. Ctrl-C stops all of it.
# Other ports (to run a second demo beside the first, as the test command does):
#   SLICE_DEMO_APP_PORT=3100 SLICE_DEMO_BACKEND_PORT=7107 SIM_PORT=16543 bash scripts/demo.sh
# SLICE_DEMO_WATCH=1 restarts the backend when its source changes (for development).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/toolchain.sh"
bash "$REPO_ROOT/scripts/bootstrap.sh"
cd "$REPO_ROOT"

SIM_PORT="${SIM_PORT:-16443}"
APP_PORT="${SLICE_DEMO_APP_PORT:-3000}"
BACKEND_PORT="${SLICE_DEMO_BACKEND_PORT:-7007}"
# The default demo keeps the paths the README names; a demo on other ports gets its own.
NAME="demo"
[ "$APP_PORT" = 3000 ] || NAME="demo-$APP_PORT"
STATE_DIR="$REPO_ROOT/.fleet-sim"
# Absolute, so the processes started below (each in its own package folder) find the same files.
KUBECONFIG_FILE="$(realpath -m "${SLICE_DEMO_KUBECONFIG:-$STATE_DIR/$NAME-kubeconfig}")"
PORTS_CONFIG="$STATE_DIR/$NAME-ports.yaml"
# The GitOps template commits rendered manifests here (a local repository: no network needed).
GITOPS_REPO="$(realpath -m "${SLICE_DEMO_GITOPS_REPO:-$STATE_DIR/$NAME-gitops}")"
LOG_DIR="$REPO_ROOT/artifacts/$NAME-logs"
LOG_HINT="${LOG_DIR#"$REPO_ROOT"/}/"
# Check the ports before touching anything: a demo that is already running uses them, and its
# kubeconfig (removed below) must survive a second start.
for port in "$SIM_PORT" "$BACKEND_PORT" "$APP_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "✖ port $port is already in use (is another demo running?). Stop it (Ctrl-C in its" >&2
    echo "  terminal) or free port $port (e.g. 'ss -ltnp | grep :$port'), then start again." >&2
    [ "$port" = "$SIM_PORT" ] && echo "  For the simulator you can instead pick another port: SIM_PORT=<port> $0" >&2
    exit 1
  fi
done

mkdir -p "$STATE_DIR" "$LOG_DIR"
rm -f "$KUBECONFIG_FILE"
if [ ! -d "$GITOPS_REPO/.git" ]; then
  git init -q -b main "$GITOPS_REPO"
  printf '# Fleet configuration\n\nManifests the Slice Portal GitOps template commits.\n' > "$GITOPS_REPO/README.md"
  git -C "$GITOPS_REPO" add README.md
  git -C "$GITOPS_REPO" -c user.name="Slice Portal demo" -c user.email=demo@slice-portal.invalid \
    commit -q -m "Fleet configuration repository"
fi
# The ports, laid over app-config.yaml (a later --config wins).
cat > "$PORTS_CONFIG" <<YAML
app:
  baseUrl: http://localhost:$APP_PORT
backend:
  baseUrl: http://localhost:$BACKEND_PORT
  listen:
    port: $BACKEND_PORT
  cors:
    origin: http://localhost:$APP_PORT
demo:
  gitopsRepository: $GITOPS_REPO
YAML

pids=()
cleanup() {
  trap - EXIT INT TERM
  for pid in "${pids[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Each part runs in its own process group (setsid) so cleanup stops its children too.
setsid node packages/fleet-sim/bin/fleet-sim start --scenario demo --port "$SIM_PORT" \
  --kubeconfig "$KUBECONFIG_FILE" > >(tee "$LOG_DIR/fleet-sim.log") 2>&1 &
pids+=($!)

wait_for() { # <description> <timeout s> <command...>
  local what="$1" timeout="$2"; shift 2
  local deadline=$((SECONDS + timeout))
  until "$@" >/dev/null 2>&1; do
    if ((SECONDS > deadline)); then echo "✖ $what did not come up in ${timeout}s; logs in $LOG_HINT" >&2; exit 1; fi
    sleep 1
  done
}
wait_for "fleet simulator" 60 test -s "$KUBECONFIG_FILE"

export SLICE_DEMO_KUBECONFIG="$KUBECONFIG_FILE"
# The backend runs from source with Backstage's own transform. `backstage-cli package start`
# would also restart it whenever a source file changes — useful while developing
# (SLICE_DEMO_WATCH=1), but a restart in the middle of a demo or a browser journey breaks it.
backend_config=(--config ../../app-config.yaml --config "$PORTS_CONFIG")
if [ "${SLICE_DEMO_WATCH:-0}" = 1 ]; then
  backend_cmd=(npx backstage-cli package start "${backend_config[@]}")
else
  backend_cmd=(env NODE_ENV="${NODE_ENV:-development}" ESBK_TSCONFIG_PATH="$REPO_ROOT/tsconfig.json"
    node --enable-source-maps --require "$REPO_ROOT/node_modules/@backstage/cli-node/config/nodeTransform.cjs"
    src/index "${backend_config[@]}")
fi
(cd examples/app/packages/backend && exec setsid "${backend_cmd[@]}") > "$LOG_DIR/backend.log" 2>&1 &
pids+=($!)
(cd examples/app/packages/app && BROWSER=none exec setsid npx backstage-cli package start --config ../../app-config.yaml --config "$PORTS_CONFIG") \
  > "$LOG_DIR/frontend.log" 2>&1 &
pids+=($!)

echo "› starting the example backend ($BACKEND_PORT) and frontend ($APP_PORT); logs in $LOG_HINT"
wait_for "backend" 240 curl -sf "http://localhost:$BACKEND_PORT/api/slice/health"
wait_for "frontend" 300 curl -sf "http://localhost:$APP_PORT"
echo
echo "  Slice Portal demo is running: http://localhost:$APP_PORT/slices"
echo "  kubectl --kubeconfig ${KUBECONFIG_FILE#"$REPO_ROOT"/} --context hub get sliceconfigs -A"
echo "  Press Ctrl-C to stop."
echo
wait -n "${pids[@]}" || true
echo "✖ a demo process exited; see $LOG_HINT" >&2
exit 1
