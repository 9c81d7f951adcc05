#!/usr/bin/env bash
# Builds Capstan's container image from the Dockerfile with podman, where no container registry is reachable, then
# runs it and checks it (docs/deploy.md, "Building the image without a registry").
#
# The Dockerfile's base images (node:20-bookworm-slim, node:20-alpine) come from a registry; here they are made
# locally and passed as build args (BUILD_BASE, RUNTIME_BASE):
#   runtime base: a Debian bookworm root filesystem holding only libc, libstdc++, dash, coreutils, tini and bubblewrap
#                 (mmdebstrap --variant=extract, from Debian's packages), plus this machine's Node 20 binary
#                 (`node`, which must be 20.x like the Dockerfile's images), users root and node (1000);
#   build base:   the same plus this machine's npm.
# Both are cached outside the repository, keyed by the Debian suite, the package list, the recipe version and the
# Node version: ${CAPSTAN_CACHE_DIR:-~/.cache/capstan}/image-base/<key>/{runtime,build}.tar. A rebuild with a warm
# cache only re-runs the Dockerfile's steps whose inputs changed (podman's layer cache; npm's cache is a cache mount).
#
# Then, unless --no-check: starts the image as the Kubernetes install does (read-only root filesystem, all
# capabilities dropped, no privilege escalation) in embedded mode under BASE_HREF=/argo/, and checks the probes,
# metrics, a page and one of its assets, the API, a submitted workflow running to Succeeded inside the container, the
# image's HEALTHCHECK, that the server runs as uid 1000, and that SIGTERM stops it with exit code 0; then once more
# with nested namespaces allowed, that steps run in bubblewrap inside the container; prints the time
# from `podman run` to the first 200 on /healthz and the container's memory. With CHECK_KUBECONFIG, the same image in
# kubernetes mode against that cluster too (TLS, probes, API, a workflow to Succeeded). Fails if the image is over
# the 250 MB budget (issue #9).
#
# Usage: scripts/build-image.sh [--no-check]     (as root; installs podman, runc and mmdebstrap from Debian if missing)
# Env: IMAGE (tag, default localhost/capstan:dev), PORT (host port for the check, default 3009; the container uses
#      the host's network), CAPSTAN_CACHE_DIR, CHECK_KUBECONFIG (a kubeconfig whose server the host reaches; its
#      namespace argo must exist), TMPDIR (the build log, and podman's npm cache mount).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
image=${IMAGE:-localhost/capstan:dev}
port=${PORT:-3009}
check=1
[ "${1:-}" = --no-check ] && check=0
budget_bytes=250000000 # 250 MB, as `docker images` counts (10^6 bytes)
started=$(date +%s)
say() { echo "[build-image $(( $(date +%s) - started ))s] $*"; }
die() { echo "[build-image] $*" >&2; exit 1; }

# --- tools ---------------------------------------------------------------------------------------------------------
missing=()
for tool in podman runc mmdebstrap; do command -v "$tool" >/dev/null || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "needs ${missing[*]} (Debian packages) and root"
  say "installing ${missing[*]} from Debian"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
fi
node_version=$(node --version)
[[ $node_version == v20.* ]] || die "the base images hold this machine's node, which must be 20.x like the Dockerfile's node:20 images (found $node_version)"

# runc, not Debian's default crun: crun refuses hybrid cgroup hierarchies (cgroup v1 controllers beside v2), which
# some machines have. Explicit ulimits: podman's defaults (1048576 open files) exceed what an unprivileged
# sandbox may raise to, so ask for what this shell has (podman itself caps processes at 32768).
nofile=$(ulimit -Hn); nproc=$(ulimit -Hu)
[ "$nofile" = unlimited ] && nofile=1048576
{ [ "$nproc" = unlimited ] || [ "$nproc" -gt 32768 ]; } && nproc=32768
engine=(--runtime runc --ulimit "nofile=$nofile:$nofile" --ulimit "nproc=$nproc:$nproc" --network host)

# --- base images ---------------------------------------------------------------------------------------------------
suite=bookworm
packages=base-files,dash,coreutils,libstdc++6,tini,bubblewrap
recipe=1 # bump when the recipe below changes
key="$suite-$(echo "$packages $recipe" | sha256sum | cut -c1-12)-node${node_version#v}"
cache=${CAPSTAN_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/capstan}/image-base/$key
runtime_base=localhost/capstan-base:$key-runtime
build_base=localhost/capstan-base:$key-build

make_base_tars() {
  local tmp rootfs npm_dir
  tmp=$(mktemp -d) rootfs=$tmp/rootfs
  # No documentation, manuals, translations or iconv modules: nothing in the image reads them.
  mmdebstrap --quiet --variant=extract --include="$packages" \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/locale/*' \
    --dpkgopt='path-exclude=/usr/share/info/*' --dpkgopt='path-exclude=/usr/lib/x86_64-linux-gnu/gconv/*' \
    "$suite" "$rootfs" || die "mmdebstrap failed"
  install -m 0755 "$(command -v node)" "$rootfs/usr/bin/node"
  # The extract variant runs no maintainer scripts, so the users are written here; node (1000) is the image's user.
  printf 'root:x:0:0:root:/root:/bin/sh\nnode:x:1000:1000:node:/home/node:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n' > "$rootfs/etc/passwd"
  printf 'root:x:0:\nnode:x:1000:\nnogroup:x:65534:\n' > "$rootfs/etc/group"
  install -d -o 1000 -g 1000 "$rootfs/home/node"
  env -u NODE_EXTRA_CA_CERTS chroot "$rootfs" /usr/bin/node -e 'require("node:os").userInfo()' || die "node does not run on the $suite root filesystem (a library missing?)"
  local tar=(tar --numeric-owner --sort=name --mtime=@0 -C "$rootfs" -cf)
  "${tar[@]}" "$tmp/runtime.tar" .
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  cp -a "$npm_dir" "$rootfs/usr/lib/node_modules-npm" && mkdir -p "$rootfs/usr/lib/node_modules" && mv "$rootfs/usr/lib/node_modules-npm" "$rootfs/usr/lib/node_modules/npm"
  ln -s ../lib/node_modules/npm/bin/npm-cli.js "$rootfs/usr/bin/npm"
  ln -s ../lib/node_modules/npm/bin/npx-cli.js "$rootfs/usr/bin/npx"
  env -u NODE_EXTRA_CA_CERTS chroot "$rootfs" /usr/bin/npm --version >/dev/null || die "npm does not run on the $suite root filesystem"
  "${tar[@]}" "$tmp/build.tar" .
  mkdir -p "$cache" && mv "$tmp/runtime.tar" "$tmp/build.tar" "$cache/"
  rm -rf "$tmp"
}

if ! podman image exists "$runtime_base" || ! podman image exists "$build_base"; then
  if [ ! -f "$cache/runtime.tar" ] || [ ! -f "$cache/build.tar" ]; then
    say "making the base root filesystems ($key) with mmdebstrap"
    make_base_tars
  fi
  say "importing the base images from $cache"
  changes=(--change 'ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin' --change 'CMD ["node"]')
  podman import --quiet "${changes[@]}" "$cache/runtime.tar" "$runtime_base" >/dev/null
  podman import --quiet "${changes[@]}" "$cache/build.tar" "$build_base" >/dev/null
fi

# --- the image -----------------------------------------------------------------------------------------------------
# This machine's CA bundle reaches npm's registry through a TLS-intercepting proxy if there is one; a build secret, so
# it is not part of the image.
ca_bundle=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}
ca_secret=()
[ -f "$ca_bundle" ] && ca_secret=(--secret "id=ca-certificates,src=$ca_bundle")
say "building $image from the Dockerfile (log: ${TMPDIR:-/tmp}/capstan-build-image.log)"
# Docker's format keeps the HEALTHCHECK (OCI image configs have no field for it).
if ! podman build "${engine[@]}" --format docker --layers \
    --build-arg "BUILD_BASE=$build_base" --build-arg "RUNTIME_BASE=$runtime_base" "${ca_secret[@]}" \
    -t "$image" "$repo" > "${TMPDIR:-/tmp}/capstan-build-image.log" 2>&1; then
  tail -30 "${TMPDIR:-/tmp}/capstan-build-image.log"; die "podman build failed"
fi
size=$(podman image inspect --format '{{.Size}}' "$image")
base_size=$(podman image inspect --format '{{.Size}}' "$runtime_base")
mb() { echo "$(( $1 / 1000000 )) MB"; }
say "image $image: $(mb "$size") ($size bytes); of which the base: $(mb "$base_size") (node $(mb "$(stat -c %s "$(command -v node)")"), Debian $(mb $((base_size - $(stat -c %s "$(command -v node)"))))), Capstan's files: $(mb $((size - base_size)))"
[ "$size" -le "$budget_bytes" ] || die "image over the 250 MB budget"
[ "$check" = 1 ] || exit 0

# --- run it and check it -------------------------------------------------------------------------------------------
name=capstan-image-check-$$
kube_name=capstan-image-check-kube-$$
# One at a time: podman 4.3 removes none of several names when one of them does not exist.
cleanup() { local c; for c in "$name" "$name-sandbox" "$kube_name"; do podman rm --force --volumes "$c" >/dev/null 2>&1 || true; done; }
trap cleanup EXIT
# podman arms a systemd timer for the HEALTHCHECK and says so on stderr where there is no systemd; the check runs it
# by hand instead (`podman healthcheck run`), so that message is noise.
quiet_podman() { podman "$@" 2> >(grep -v 'systemd connection' >&2); }
failed=0
fail() { echo "FAIL: $*"; failed=1; }
get() { local code; code=$(curl -ks -o /dev/null -w '%{http_code}' "$@"); echo "$code ${*: -1}"; [ "$code" = 200 ] || fail "${*: -1} answered $code"; }
json_field() { node -e 'let s="";process.stdin.on("data",d=>s+=d).on("end",()=>{try{console.log(process.argv[1].split(".").reduce((o,k)=>o?.[k],JSON.parse(s))??"")}catch{console.log("")}})' "$1"; }
# Waits until the URL answers 200 (up to 180 s); prints the seconds it took, or fails.
wait_ready() {
  local from=$1 url=$2
  for _ in $(seq 360); do
    if curl -ksf -o /dev/null "$url"; then echo "ready: $url answered 200 $(node -e "console.log(((Date.now() - $from) / 1000).toFixed(1))") s after podman run"; return; fi
    sleep 0.5
  done
  fail "no answer on $url after 180 s"
}
# Submits a workflow (POST body $2 to $1/api/v1/workflows/argo/$3) and waits up to 60 s for it to end Succeeded.
run_workflow() {
  local base=$1 body=$2 path=$3 workflow phase=; shift 3
  workflow=$(curl -ks "$@" -X POST -H 'content-type: application/json' -d "$body" "$base/api/v1/workflows/argo$path" | json_field metadata.name)
  [ -n "$workflow" ] || { fail "submitting a workflow to $base failed"; return; }
  for _ in $(seq 60); do
    phase=$(curl -ks "$@" "$base/api/v1/workflows/argo/$workflow" | json_field status.phase)
    case $phase in Succeeded|Failed|Error) break;; esac; sleep 1
  done
  echo "workflow $workflow: $phase"; [ "$phase" = Succeeded ] || fail "workflow $workflow ended ${phase:-without a phase}"
}
# Resident memory of the container's processes (tini and node), from /proc, and the container's cgroup usage.
memory() {
  local pid rss=0 p kb
  pid=$(podman inspect --format '{{.State.Pid}}' "$1")
  for p in $pid $(cat "/proc/$pid/task/$pid/children" 2>/dev/null); do
    kb=$(awk '/^VmRSS:/ {print $2}' "/proc/$p/status" 2>/dev/null) && rss=$((rss + ${kb:-0}))
  done
  echo "memory: RSS of tini + node $((rss / 1024)) MiB; cgroup (podman stats, includes page cache) $(podman stats --no-stream --format '{{.MemUsage}}' "$1" 2>/dev/null | cut -d/ -f1)"
}

say "starting it: embedded mode, BASE_HREF=/argo/, port $port, read-only root, no capabilities"
run_started=$(node -e 'console.log(Date.now())')
quiet_podman run "${engine[@]}" --detach --name "$name" --read-only --cap-drop ALL --security-opt no-new-privileges \
  -e BASE_HREF=/argo/ -e PORT="$port" "$image" >/dev/null
url=http://127.0.0.1:$port/argo
wait_ready "$run_started" "$url/healthz"
for path in healthz readyz metrics api/v1/version workflows workflow-templates api/v1/workflow-templates/argo; do get "$url/$path"; done
asset=$(curl -s "$url/workflows" | grep -o '/argo/_next/static/[^"]*\.js' | head -1)
if [ -n "$asset" ]; then get "http://127.0.0.1:$port$asset"; else fail "no /argo/_next/static/ asset on the workflows page"; fi
run_workflow "$url" '{"resourceKind":"WorkflowTemplate","resourceName":"hello-world"}' /submit
memory "$name"
if podman healthcheck run "$name" >/dev/null 2>&1; then echo "HEALTHCHECK: healthy"; else fail "the image's HEALTHCHECK failed"; fi
pid=$(podman inspect --format '{{.State.Pid}}' "$name")
uids=$(for p in $pid $(cat "/proc/$pid/task/$pid/children" 2>/dev/null); do awk '/^Uid:/ {print $2}' "/proc/$p/status"; done | sort -u | tr '\n' ' ')
echo "uids of tini and node: $uids"; [ "$uids" = "1000 " ] || fail "the server does not run as uid 1000 only"
stop_started=$(date +%s)
quiet_podman stop --time 30 "$name" >/dev/null
code=$(podman inspect --format '{{.State.ExitCode}}' "$name")
echo "exit after SIGTERM: $code, in $(( $(date +%s) - stop_started )) s"; [ "$code" = 0 ] || fail "exit code $code after SIGTERM"
[ "$failed" = 0 ] || podman logs --tail 40 "$name"

# Steps sandboxed by bubblewrap inside the container: it needs nested namespaces, which the default profile refuses
# (masked /proc paths stop it mounting /proc; the seccomp profile stops sethostname). With both relaxed, and still no
# capabilities, Capstan must find bwrap usable and run the workflow in it.
sandbox_name=$name-sandbox
say "starting it again with nested namespaces allowed (unmask=/proc/*, seccomp=unconfined): steps in bubblewrap"
run_started=$(node -e 'console.log(Date.now())')
quiet_podman run "${engine[@]}" --detach --name "$sandbox_name" --read-only --cap-drop ALL --security-opt no-new-privileges \
  --security-opt 'unmask=/proc/*' --security-opt seccomp=unconfined -e PORT="$port" "$image" >/dev/null
wait_ready "$run_started" "http://127.0.0.1:$port/healthz"
run_workflow "http://127.0.0.1:$port" '{"resourceKind":"WorkflowTemplate","resourceName":"hello-world"}' /submit
if podman logs "$sandbox_name" 2>&1 | grep -q 'steps run without a sandbox'; then fail "bubblewrap was not usable: $(podman logs "$sandbox_name" 2>&1 | grep -o '"reason":"[^"]*"')"; else echo "steps sandboxed by bubblewrap: yes"; fi
quiet_podman rm --force "$sandbox_name" >/dev/null

# Kubernetes mode (opt-in: CHECK_KUBECONFIG): the image with that kubeconfig mounted read-only, TLS on (self-signed,
# written to /data), auth mode server (the kubeconfig's identity), as `kubectl apply -k deploy/` runs it but outside
# the cluster. On the test bed (docs/test-bed.md) kwok completes the workflow's pod; on a real cluster the node must
# pull argoexec and the step's image within the 60 s the check waits.
if [ -n "${CHECK_KUBECONFIG:-}" ]; then
  [ -f "$CHECK_KUBECONFIG" ] || die "CHECK_KUBECONFIG=$CHECK_KUBECONFIG: no such file"
  say "starting it in kubernetes mode with $CHECK_KUBECONFIG (namespace argo must exist), port $port"
  run_started=$(node -e 'console.log(Date.now())')
  quiet_podman run "${engine[@]}" --detach --name "$kube_name" --read-only --cap-drop ALL --security-opt no-new-privileges \
    -e CAPSTAN_MODE=kubernetes -e CAPSTAN_AUTH_MODE=server -e PORT="$port" -e KUBECONFIG=/etc/capstan/kubeconfig \
    -v "$(readlink -f "$CHECK_KUBECONFIG"):/etc/capstan/kubeconfig:ro" "$image" >/dev/null
  kube_url=https://127.0.0.1:$port
  wait_ready "$run_started" "$kube_url/healthz"
  for path in healthz readyz api/v1/version api/v1/workflows/argo workflows; do get "$kube_url/$path"; done
  run_workflow "$kube_url" '{"workflow":{"metadata":{"generateName":"image-check-"},"spec":{"entrypoint":"main","templates":[{"name":"main","container":{"image":"busybox","command":["true"]}}]}}}' ""
  memory "$kube_name"
  if podman healthcheck run "$kube_name" >/dev/null 2>&1; then echo "HEALTHCHECK (https): healthy"; else fail "the image's HEALTHCHECK failed in kubernetes mode"; fi
  quiet_podman stop --time 30 "$kube_name" >/dev/null
  code=$(podman inspect --format '{{.State.ExitCode}}' "$kube_name")
  echo "exit after SIGTERM: $code"; [ "$code" = 0 ] || fail "exit code $code after SIGTERM in kubernetes mode"
  [ "$failed" = 0 ] || podman logs --tail 40 "$kube_name"
fi
if [ "$failed" = 0 ]; then say "image checked: OK"; else die "image check FAILED"; fi
