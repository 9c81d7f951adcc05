#!/usr/bin/env bash
# Checks the container image's file set without a container engine: builds it as the Dockerfile does
# (standalone build + scripts/assemble-image.mjs), copies it outside the repository (so nothing resolves from the
# project's node_modules), starts it with plain node under BASE_HREF=/argo/, and checks pages, assets, the API and a
# graceful stop. Estimates the image size: the bytes of the files the Dockerfile copies, plus the base image and the
# Alpine packages it adds, as documented; fails above the 250 MB budget (scripts/build-image.sh builds the real image
# with podman and measures it). PORT (default 3009) and WORK (a temp folder).
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
port=${PORT:-3009}
work=${WORK:-$(mktemp -d)}
cd "$repo"
CAPSTAN_STANDALONE=1 NEXT_TELEMETRY_DISABLED=1 npx next build > "$work/build.log" 2>&1 || { tail -20 "$work/build.log"; exit 1; }
node scripts/assemble-image.mjs || exit 1
rm -rf "$work/image" && cp -a dist/image "$work/image"
# The layer the Dockerfile's COPY adds holds these files' bytes (apparent size, not disk blocks).
files_mb=$(( $(du -sb "$work/image" | cut -f1) / 1000000 ))
# node:20-alpine unpacked, as `docker images` shows it: about 135 MB for linux/amd64 (node 20's binary ~100 MB, npm and
# yarn ~15 MB, Alpine ~8 MB, libstdc++); Docker Hub lists ~45 MB compressed. Documented figures, not measured here.
base_mb=${BASE_IMAGE_MB:-135}
# apk add tini bubblewrap ca-certificates: Alpine's index gives them well under 2 MB installed together.
packages_mb=2
estimate_mb=$((files_mb + base_mb + packages_mb))
echo "image files: ${files_mb} MB (node_modules $(( $(du -sb "$work/image/node_modules" | cut -f1) / 1000000 )) MB)"
echo "image size estimate: ${estimate_mb} MB = ${files_mb} MB files + ${base_mb} MB node:20-alpine + ${packages_mb} MB packages (budget 250 MB)"
[ "$estimate_mb" -le 250 ] || { echo "image size estimate above the 250 MB budget"; exit 1; }
cd "$work/image"
NODE_ENV=production CAPSTAN_NEXT_RUNTIME_DIR="$work/next" sh scripts/start.sh --port "$port" --host 127.0.0.1 --data-dir "$work/data" --base-href /argo/ > "$work/capstan.log" 2>&1 &
pid=$!
for _ in $(seq 120); do curl -sf -o /dev/null "http://127.0.0.1:$port/argo/healthz" && break; sleep 2; done
failed=0
check() { local code; code=$(curl -s -o /dev/null -w '%{http_code}' "$@"); echo "$code ${*: -1}"; [ "$code" = 200 ] || failed=1; }
for path in healthz readyz metrics api/v1/version workflows workflow-templates api/v1/workflow-templates/argo; do check "http://127.0.0.1:$port/argo/$path"; done
asset=$(curl -s "http://127.0.0.1:$port/argo/workflows" | grep -o '/argo/_next/static/[^"]*\.js' | head -1)
check "http://127.0.0.1:$port$asset"
check -X POST -H 'content-type: application/json' -d '{"resourceKind":"WorkflowTemplate","resourceName":"hello-world"}' "http://127.0.0.1:$port/argo/api/v1/workflows/argo/submit"
kill -TERM "$pid"; wait "$pid"; code=$?
echo "exit after SIGTERM: $code"; [ "$code" = 0 ] || failed=1
[ "$failed" = 0 ] && echo "image files: OK" || { echo "image files: FAILED (log: $work/capstan.log)"; exit 1; }
