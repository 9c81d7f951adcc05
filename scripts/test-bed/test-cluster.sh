#!/usr/bin/env bash
# The real test bed: etcd 3.6, kube-apiserver/scheduler/controller-manager v1.34 with RBAC and token auth,
# kwok simulating a node and pod lifecycles, Argo's CRDs; optionally PostgreSQL, MinIO, and Argo v3.7.9's
# workflow-controller and `argo server` as the oracle.
#
#   test-cluster.sh up      start (building missing binaries first); prints `export ...` lines
#   test-cluster.sh down    stop every process it started and delete its state
#   test-cluster.sh env     print the environment of the running bed
#   test-cluster.sh status  show which components run
#   test-cluster.sh stop-apiserver / start-apiserver   stop and restart only the kube-apiserver (fault tests)
#
# Components: WITH_PG=1 WITH_MINIO=1 WITH_ARGO=1 (each default 0; WITH_ALL=1 turns all on).
# State lives in $CAPSTAN_TEST_DIR (default /tmp/capstan-test-bed); binaries in ~/.cache/capstan/bin.
set -Eeuo pipefail   # -E: the ERR trap of `up` (stop what was started) also fires inside functions
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
. "$here/versions.sh"
D=${CAPSTAN_TEST_DIR:-/tmp/capstan-test-bed}
ADMIN_TOKEN=${ADMIN_TOKEN:-capstan-admin-token}
USER_TOKEN=${USER_TOKEN:-capstan-user-token}   # authenticates as "alice", who has no RBAC rights by default
KUBE_PORT=${KUBE_PORT:-6443}
ETCD_PORT=${ETCD_PORT:-2379}
PG_PORT=${PG_PORT:-15432}   # below the ephemeral port range: docs/test-bed.md
MINIO_PORT=${MINIO_PORT:-9000}
ARGO_SERVER_PORT=${ARGO_SERVER_PORT:-2747}
ARGO_METRICS_PORT=${ARGO_METRICS_PORT:-9090}   # the oracle controller's Prometheus port (it panics when busy)
ORACLE_NS=${ORACLE_NS:-argo-oracle}
if [ "${WITH_ALL:-0}" = 1 ]; then WITH_PG=1 WITH_MINIO=1 WITH_ARGO=1; fi
WITH_PG=${WITH_PG:-0} WITH_MINIO=${WITH_MINIO:-0} WITH_ARGO=${WITH_ARGO:-0}

T0=$(date +%s%N)
say() { echo "[test-bed +$(( ($(date +%s%N) - T0) / 1000000 ))ms] $*" >&2; }
die() { echo "test-bed: $*" >&2; exit 1; }
bin() { bin_path "$1" "$2"; }

# wait_for NAME LOGFILE CMD...: poll CMD for up to 60 s; on failure show the component's log tail.
wait_for() {
  local name=$1 log=$2; shift 2
  for _ in $(seq 1 600); do "$@" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "test-bed: $name did not become ready within 60 s; last lines of $log:" >&2
  tail -n 15 "$log" >&2 || true
  exit 1
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
need_port() { port_free "$1" || die "port $1 ($2) is busy: run '$0 down', stop what holds it (ss -ltnp 'sport = :$1'), or set $3"; }

# start NAME CMD...: run a component in the background, its output in $D/NAME.log, its pid in $D/NAME.pid.
start() {
  local name=$1; shift
  "$@" > "$D/$name.log" 2>&1 &
  echo $! > "$D/$name.pid"
}

# A cached binary that no longer runs (truncated copy, wrong architecture) is a stale cache, not a mystery.
check_bin() {
  local path=$1
  [ -x "$path" ] || die "missing $path: run scripts/test-bed/build-bins.sh"
  "$path" --help >/dev/null 2>&1 || "$path" --version >/dev/null 2>&1 || "$path" version >/dev/null 2>&1 \
    || die "stale cache: $path does not run; delete it and run scripts/test-bed/build-bins.sh"
}

ensure_bins() {
  local targets=core
  [ "$WITH_ARGO" = 1 ] && targets="$targets argo"
  [ "$WITH_MINIO" = 1 ] && targets="$targets minio"
  # shellcheck disable=SC2086
  "$here/build-bins.sh" $targets >&2
  local b
  for b in "etcd $ETCD_VERSION" "kube-apiserver $K8S_VERSION" "kubectl $K8S_VERSION" "kube-scheduler $K8S_VERSION" "kube-controller-manager $K8S_VERSION" "kwok $KWOK_VERSION"; do
    # shellcheck disable=SC2086
    check_bin "$(bin $b)"
  done
}

kubectl_() { "$(bin kubectl $K8S_VERSION)" --kubeconfig "$D/kubeconfig" "$@"; }

start_pg() {
  local pgbin
  pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
  [ -n "$pgbin" ] && [ -x "$pgbin/initdb" ] || die "PostgreSQL server binaries not found: apt-get install -y postgresql"
  need_port "$PG_PORT" PostgreSQL PG_PORT
  local as=()
  if [ "$(id -u)" = 0 ]; then
    id postgres >/dev/null 2>&1 || useradd -r -M postgres
    as=(runuser -u postgres --)
  fi
  mkdir -p "$D/pg"; [ "$(id -u)" = 0 ] && chown postgres "$D/pg"
  "${as[@]}" "$pgbin/initdb" -D "$D/pg/data" -U postgres --auth=trust -E UTF8 --no-locale --no-sync > "$D/pg-init.log" 2>&1 \
    || { tail -5 "$D/pg-init.log" >&2; die "initdb failed"; }
  "${as[@]}" "$pgbin/pg_ctl" -D "$D/pg/data" -l "$D/pg/postgres.log" -w -o \
    "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $D/pg -c fsync=off -c synchronous_commit=off -c full_page_writes=off" start > /dev/null \
    || { tail -5 "$D/pg/postgres.log" >&2; die "PostgreSQL did not start"; }
  echo "$pgbin" > "$D/pg.bindir"
  say "PostgreSQL $("$pgbin/postgres" --version | awk '{print $3}') on :$PG_PORT"
}

start_minio() {
  need_port "$MINIO_PORT" MinIO MINIO_PORT
  need_port "$((MINIO_PORT + 1))" "MinIO console" MINIO_PORT
  check_bin "$(bin minio $MINIO_VERSION)"
  mkdir -p "$D/minio"
  MINIO_ROOT_USER=minioadmin MINIO_ROOT_PASSWORD=minioadmin MINIO_BROWSER=off \
    start minio "$(bin minio $MINIO_VERSION)" server "$D/minio" --address "127.0.0.1:$MINIO_PORT" --console-address "127.0.0.1:$((MINIO_PORT + 1))"
  wait_for MinIO "$D/minio.log" curl -sf "http://127.0.0.1:$MINIO_PORT/minio/health/ready"
  say "MinIO on :$MINIO_PORT"
}

start_argo_controller() {
  LEADER_ELECTION_IDENTITY=test-bed DEFAULT_REQUEUE_TIME=${DEFAULT_REQUEUE_TIME:-1s} start workflow-controller \
    "$(bin workflow-controller $ARGO_VERSION)" --kubeconfig "$D/kubeconfig" --namespaced --namespace "$ORACLE_NS" \
    --executor-image "quay.io/argoproj/argoexec:$ARGO_VERSION"
  # Workflows submitted before the controller leads wait for its first resync: wait for the lease instead.
  wait_for "workflow-controller leadership" "$D/workflow-controller.log" grep -q "successfully acquired lease" "$D/workflow-controller.log"
}
start_argo_server() {
  start argo-server "$(bin argo $ARGO_VERSION)" server --kubeconfig "$D/kubeconfig" --auth-mode server --secure=false \
    --port "$ARGO_SERVER_PORT" --namespaced --namespace "$ORACLE_NS"
  wait_for "argo server" "$D/argo-server.log" curl -sf "http://127.0.0.1:$ARGO_SERVER_PORT/api/v1/version"
}
# Argo's controller exits when it cannot renew its lease while the API server is down: the oracle comes back
# with the API server, so the tests after a fault test still have it.
revive_argo() {
  [ -f "$D/workflow-controller.pid" ] || return 0
  kill -0 "$(cat "$D/workflow-controller.pid")" 2>/dev/null || start_argo_controller
  kill -0 "$(cat "$D/argo-server.pid")" 2>/dev/null || start_argo_server
}
start_argo() {
  check_bin "$(bin argo $ARGO_VERSION)"
  need_port "$ARGO_SERVER_PORT" "argo server" ARGO_SERVER_PORT
  kubectl_ create namespace "$ORACLE_NS" > /dev/null
  need_port "$ARGO_METRICS_PORT" "workflow-controller metrics" ARGO_METRICS_PORT
  kubectl_ -n "$ORACLE_NS" create configmap workflow-controller-configmap \
    --from-literal=metricsConfig="$(printf 'enabled: true\nport: %s\n' "$ARGO_METRICS_PORT")" > /dev/null
  # The oracle manages only its own namespace, so Capstan's controller can own the others on the same cluster.
  start_argo_controller
  start_argo_server
  say "Argo $ARGO_VERSION workflow-controller and argo server (:$ARGO_SERVER_PORT) managing namespace $ORACLE_NS"
}

start_apiserver() {
  start kube-apiserver "$(bin kube-apiserver $K8S_VERSION)" --etcd-servers "http://127.0.0.1:$ETCD_PORT" \
    --bind-address 127.0.0.1 --advertise-address 127.0.0.1 --secure-port "$KUBE_PORT" --cert-dir "$D/certs" \
    --service-account-issuer https://kubernetes.default.svc.cluster.local --service-account-key-file "$D/sa.pub" \
    --service-account-signing-key-file "$D/sa.key" --token-auth-file "$D/tokens.csv" --authorization-mode RBAC \
    --service-cluster-ip-range 10.96.0.0/16 --disable-admission-plugins ServiceAccount,TaintNodesByCondition \
    --enable-priority-and-fairness=false
}
wait_apiserver() {
  wait_for kube-apiserver "$D/kube-apiserver.log" curl -ksf -H "Authorization: Bearer $ADMIN_TOKEN" "https://127.0.0.1:$KUBE_PORT/readyz"
  say "kube-apiserver $K8S_VERSION on :$KUBE_PORT"
}

# Fault tests stop the kube-apiserver (as a crashed or unreachable control plane) and start it again.
stop_apiserver() {
  [ -f "$D/kube-apiserver.pid" ] || die "no test bed running in $D"
  local pid; pid=$(cat "$D/kube-apiserver.pid")
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
}
restart_apiserver() {
  [ -f "$D/env" ] || die "no test bed running in $D"
  kill -0 "$(cat "$D/kube-apiserver.pid")" 2>/dev/null && die "kube-apiserver is running: run '$0 stop-apiserver' first"
  start_apiserver
  wait_apiserver
  revive_argo
}

write_env() {
  {
    echo "export KUBECONFIG=$D/kubeconfig"
    echo "export CAPSTAN_TEST_BED=$D"
    echo "export CAPSTAN_TEST_KUBECTL=$(bin kubectl $K8S_VERSION)"
    echo "export CAPSTAN_TEST_KUBE_SERVER=https://127.0.0.1:$KUBE_PORT"
    echo "export CAPSTAN_TEST_ADMIN_TOKEN=$ADMIN_TOKEN"
    echo "export CAPSTAN_TEST_USER_TOKEN=$USER_TOKEN"
    [ "$WITH_PG" = 1 ] && echo "export CAPSTAN_TEST_PG_URL=postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
    if [ "$WITH_MINIO" = 1 ]; then
      echo "export CAPSTAN_TEST_S3_ENDPOINT=http://127.0.0.1:$MINIO_PORT"
      echo "export CAPSTAN_TEST_S3_ACCESS_KEY=minioadmin CAPSTAN_TEST_S3_SECRET_KEY=minioadmin"
      # For tests that start a MinIO of their own (over TLS, with their own CA).
      echo "export CAPSTAN_TEST_MINIO_BIN=$(bin minio $MINIO_VERSION)"
    fi
    if [ "$WITH_ARGO" = 1 ]; then
      echo "export CAPSTAN_TEST_ARGO_BIN=$(bin argo $ARGO_VERSION)"
      echo "export CAPSTAN_TEST_ARGO_SERVER=127.0.0.1:$ARGO_SERVER_PORT"
      echo "export CAPSTAN_TEST_ORACLE_NAMESPACE=$ORACLE_NS"
    fi
  } > "$D/env"
}

up() {
  if [ -f "$D/env" ]; then die "a test bed is already running in $D: run '$0 down' first (or set CAPSTAN_TEST_DIR)"; fi
  command -v openssl >/dev/null || die "openssl not found: apt-get install -y openssl"
  need_port "$ETCD_PORT" etcd ETCD_PORT; need_port "$((ETCD_PORT + 1))" "etcd peer" ETCD_PORT
  for p in "$KUBE_PORT" "$((KUBE_PORT + 1))" "$((KUBE_PORT + 2))" "$((KUBE_PORT + 3))"; do need_port "$p" "kube components" KUBE_PORT; done
  ensure_bins
  mkdir -p "$D/certs"
  trap 'echo "test-bed: start-up failed; stopping what was started" >&2; down' ERR
  T0=$(date +%s%N)

  start etcd "$(bin etcd $ETCD_VERSION)" --name capstan --data-dir "$D/etcd" \
    --listen-client-urls "http://127.0.0.1:$ETCD_PORT" --advertise-client-urls "http://127.0.0.1:$ETCD_PORT" \
    --listen-peer-urls "http://127.0.0.1:$((ETCD_PORT + 1))" --initial-advertise-peer-urls "http://127.0.0.1:$((ETCD_PORT + 1))" \
    --initial-cluster "capstan=http://127.0.0.1:$((ETCD_PORT + 1))" --unsafe-no-fsync --log-level warn
  wait_for etcd "$D/etcd.log" curl -sf "http://127.0.0.1:$ETCD_PORT/health"
  say "etcd $ETCD_VERSION"

  openssl genrsa -out "$D/sa.key" 2048 2>/dev/null
  openssl rsa -in "$D/sa.key" -pubout -out "$D/sa.pub" 2>/dev/null
  printf '%s,admin,admin,system:masters\n%s,alice,alice\n' "$ADMIN_TOKEN" "$USER_TOKEN" > "$D/tokens.csv"
  start_apiserver
  cat > "$D/kubeconfig" <<KUBECONFIG
apiVersion: v1
kind: Config
clusters: [{name: test-bed, cluster: {server: "https://127.0.0.1:$KUBE_PORT", insecure-skip-tls-verify: true}}]
users: [{name: admin, user: {token: "$ADMIN_TOKEN"}}]
contexts: [{name: test-bed, context: {cluster: test-bed, user: admin, namespace: default}}]
current-context: test-bed
KUBECONFIG
  wait_apiserver

  local kc=$D/kubeconfig
  # The bed simulates pods; it must never be what bounds a controller under test (the benchmarks compare Argo's
  # controller and Capstan's on it). client-go's default rate limits would: the scheduler binds each pod with one
  # API call at 50/s (burst 100), and the controller manager's garbage collector deletes the pods of a deleted
  # workflow at 20/s (burst 30). Like kwokctl's `--disable-qps-limits`, both get limits they never reach.
  local unlimited=(--kube-api-qps 5000 --kube-api-burst 10000)
  start kube-scheduler "$(bin kube-scheduler $K8S_VERSION)" --kubeconfig "$kc" --authentication-kubeconfig "$kc" \
    --authorization-kubeconfig "$kc" --leader-elect=false --bind-address 127.0.0.1 --secure-port "$((KUBE_PORT + 1))" \
    "${unlimited[@]}"
  # The controller manager gives namespaces their deletion, ownerReference garbage collection and default ServiceAccounts.
  start kube-controller-manager "$(bin kube-controller-manager $K8S_VERSION)" --kubeconfig "$kc" \
    --authentication-kubeconfig "$kc" --authorization-kubeconfig "$kc" --leader-elect=false --bind-address 127.0.0.1 \
    --secure-port "$((KUBE_PORT + 3))" --service-account-private-key-file "$D/sa.key" --root-ca-file "$D/certs/apiserver.crt" \
    --use-service-account-credentials=false --controllers '*,-nodeipam,-cloud-node-lifecycle,-service-lb-controller,-node-route-controller' \
    "${unlimited[@]}"
  # kwok's own client has no rate limit; how many pod stages it plays at once is set in kwok-stages.yaml.
  start kwok "$(bin kwok $KWOK_VERSION)" --kubeconfig "$kc" --config "$here/kwok-stages.yaml" --manage-all-nodes=false \
    --manage-nodes-with-annotation-selector kwok.x-k8s.io/node=fake --node-ip 10.0.0.1 --cidr 10.244.0.0/16 \
    --server-address "127.0.0.1:$((KUBE_PORT + 2))"
  kubectl_ apply -f - > /dev/null <<NODE
apiVersion: v1
kind: Node
metadata:
  name: kwok-node-0
  annotations: {kwok.x-k8s.io/node: fake}
  labels: {type: kwok, kubernetes.io/hostname: kwok-node-0, kubernetes.io/os: linux, kubernetes.io/arch: amd64}
status:
  allocatable: {cpu: "32", memory: 256Gi, pods: "${NODE_PODS:-5000}"}
  capacity: {cpu: "32", memory: 256Gi, pods: "${NODE_PODS:-5000}"}
NODE
  kubectl_ apply --server-side -k "$repo/deploy/crds/" > /dev/null
  kubectl_ wait --for condition=established crd --all --timeout=60s > /dev/null
  kubectl_ wait --for=condition=Ready node/kwok-node-0 --timeout=60s > /dev/null
  # A fresh CRD's watch cache answers 429 "storage is (re)initializing" for a while; controllers that start
  # then back off for seconds. Wait until streaming lists (what client-go and kwok use) work for Argo's kinds.
  local kind
  for kind in workflows workflowtaskresults workflowtemplates cronworkflows; do
    wait_for "watch cache for $kind" "$D/kube-apiserver.log" curl -ksf -H "Authorization: Bearer $ADMIN_TOKEN" \
      "https://127.0.0.1:$KUBE_PORT/apis/argoproj.io/v1alpha1/$kind?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan&allowWatchBookmarks=true&timeoutSeconds=1"
  done
  wait_for kube-scheduler "$D/kube-scheduler.log" curl -ksf "https://127.0.0.1:$((KUBE_PORT + 1))/readyz"
  say "scheduler, controller-manager, kwok node Ready, Argo CRDs established"

  [ "$WITH_PG" = 1 ] && start_pg
  [ "$WITH_MINIO" = 1 ] && start_minio
  [ "$WITH_ARGO" = 1 ] && start_argo
  write_env
  trap - ERR
  say "test bed up in $D"
  cat "$D/env"
}

down() {
  local name pids=""
  for name in argo-server workflow-controller minio kwok kube-controller-manager kube-scheduler kube-apiserver etcd; do
    [ -f "$D/$name.pid" ] && pids="$pids $(cat "$D/$name.pid")"
  done
  # shellcheck disable=SC2086
  if [ -n "$pids" ]; then
    kill $pids 2>/dev/null || true
    for _ in $(seq 1 30); do kill -0 $pids 2>/dev/null || break; sleep 0.1; done
    kill -9 $pids 2>/dev/null || true
  fi
  if [ -f "$D/pg.bindir" ]; then
    local as=(); [ "$(id -u)" = 0 ] && as=(runuser -u postgres --)
    "${as[@]}" "$(cat "$D/pg.bindir")/pg_ctl" -D "$D/pg/data" -m immediate stop > /dev/null 2>&1 || true
  fi
  rm -rf "$D"
}

status() {
  [ -d "$D" ] || { echo "no test bed in $D"; return 0; }
  local f
  for f in "$D"/*.pid; do
    [ -e "$f" ] || continue
    if kill -0 "$(cat "$f")" 2>/dev/null; then echo "$(basename "$f" .pid): running"; else echo "$(basename "$f" .pid): stopped"; fi
  done
}

case ${1:-} in
  up) up ;;
  down) down ;;
  env) [ -f "$D/env" ] && cat "$D/env" || die "no test bed running in $D" ;;
  status) status ;;
  stop-apiserver) stop_apiserver ;;
  start-apiserver) restart_apiserver ;;
  *) echo "usage: $0 up|down|env|status|stop-apiserver|start-apiserver" >&2; exit 2 ;;
esac
