#!/usr/bin/env bash
# Runs Capstan's tests: `all` (npm test) or one layer: unit | integration | e2e.
# Installs what the layers need (Debian packages, the test bed's binaries) and ends with `N passed, N failed`.
set -uo pipefail
layer=${1:-all}
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
results=$repo/test-reports
export TEST_STARTED=$(date +%s)
rm -rf "$results"; mkdir -p "$results"
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
say() { echo "[test $(date +%H:%M:%S)] $*"; }
step_result() { echo "$1 $2 $3" >> "$results/steps.txt"; }

# check NAME CMD...: a check that passes or fails as one test.
check() {
  local name=$1; shift
  say "$name: $*"
  if "$@"; then step_result "$name" 1 0; else say "$name FAILED"; step_result "$name" 0 1; fi
}

install_packages() {
  local missing=()
  # Embedded mode sandboxes every step with bubblewrap; the tests run it as users do.
  command -v bwrap >/dev/null || missing+=(bubblewrap)
  case $layer in all|e2e) command -v chromium >/dev/null || [ -x "${PW_CHROMIUM:-/nonexistent}" ] || missing+=(chromium)
    # The embedding tests put Debian's nginx in front of Capstan, as a portal's proxy.
    [ -x "${NGINX_BIN:-/usr/sbin/nginx}" ] || missing+=(nginx) ;; esac
  case $layer in all|integration)
    ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || missing+=(postgresql)
    command -v unzip >/dev/null || missing+=(unzip)
    command -v openssl >/dev/null || missing+=(openssl) ;;
  esac
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ]; then
    echo "test: missing Debian packages: ${missing[*]}; install them with: sudo apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  say "installing Debian packages: ${missing[*]}"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" > "$results/apt.log" 2>&1 \
    || { tail -20 "$results/apt.log" >&2; echo "test: apt-get install ${missing[*]} failed" >&2; exit 1; }
}

run_unit() {
  check typecheck npx tsc --noEmit -p .
  check lint npx eslint --max-warnings 0 .
  check generated npx tsx scripts/generate-types.ts --check
  say "unit tests"
  npx vitest run --project unit --reporter=default --reporter=json --outputFile.json="$results/unit.json" \
    || [ -f "$results/unit.json" ] || step_result unit-crash 0 1
}

build_app() {
  say "next build"
  npx next build > "$results/next-build.log" 2>&1 || { tail -30 "$results/next-build.log"; step_result next-build 0 1; return 1; }
}

run_integration() {
  command -v go >/dev/null || { echo "test: Go toolchain not found: the test bed is built from the Go module proxy; install Go >= 1.24" >&2; step_result test-bed 0 1; return; }
  say "building missing test-bed binaries (cold: ~25 min on 2 cores; cached in ~/.cache/capstan/bin)"
  bash scripts/test-bed/build-bins.sh all || { step_result test-bed-build 0 1; return; }
  export CAPSTAN_TEST_DIR=${CAPSTAN_TEST_DIR:-/tmp/capstan-test-bed-$$}
  trap 'bash scripts/test-bed/test-cluster.sh down' EXIT
  trap 'bash scripts/test-bed/test-cluster.sh down; exit 130' INT TERM
  WITH_ALL=1 bash scripts/test-bed/test-cluster.sh up > "$results/test-bed.env" || { step_result test-bed-up 0 1; return; }
  # shellcheck disable=SC1091
  . "$results/test-bed.env"
  say "integration tests"
  npx vitest run --project integration --reporter=default --reporter=json --outputFile.json="$results/integration.json" \
    || [ -f "$results/integration.json" ] || step_result integration-crash 0 1
  # Opt-in: the container image built from the Dockerfile (podman, no registry needed) and checked, in kubernetes mode
  # against this test bed too. Not by default: each source change reruns next build inside it (~5 min + checks).
  if [ "${CAPSTAN_TEST_IMAGE:-}" = 1 ]; then
    "$CAPSTAN_TEST_KUBECTL" get namespace argo >/dev/null 2>&1 || "$CAPSTAN_TEST_KUBECTL" create namespace argo >/dev/null
    check image env CHECK_KUBECONFIG="$KUBECONFIG" bash scripts/build-image.sh
  fi
  bash scripts/test-bed/test-cluster.sh down; trap - EXIT INT TERM
}

run_e2e() {
  say "end-to-end tests in Chromium"
  PW_JSON_OUTPUT="$results/e2e.json" npx playwright test || [ -f "$results/e2e.json" ] || step_result e2e-crash 0 1
}

[ -d node_modules ] || { say "installing npm dependencies"; npm install --no-audit --no-fund; }
install_packages
case $layer in
  unit) run_unit ;;
  integration) build_app && run_integration ;;
  e2e) build_app && run_e2e ;;
  all) run_unit; if build_app; then run_integration; run_e2e; fi ;;
  *) echo "usage: scripts/test.sh all|unit|integration|e2e" >&2; exit 2 ;;
esac
npx tsx scripts/test-summary.ts "$results"
