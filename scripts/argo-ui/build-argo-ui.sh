#!/usr/bin/env bash
# Builds Argo Workflows' web UI (the version the test bed runs) into ~/.cache/capstan/argo-ui/<version>/dist/app,
# for bench/graph-render.ts to measure Argo's UI beside Capstan's. Idempotent: a cached build is kept.
#
# Sources: Argo's repository and its `argo-ui` component library, both from git mirrors (ARGO_REPO, ARGO_UI_REPO:
# bare repositories, as /work/.mirror holds them); packages from the npm registry only. Argo's package.json pins
# argo-ui as a GitHub dependency, which needs network access to GitHub: it is replaced by the same commit
# checked out beside it (`file:../argo-ui`), in package.json and yarn.lock. Webpack takes 15+ minutes on 2 cores.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/../test-bed/versions.sh"
ARGO_REPO=${ARGO_REPO:-/work/.mirror/argoproj+argo-workflows/repo}
ARGO_UI_REPO=${ARGO_UI_REPO:-/work/.mirror/argoproj+argo-ui/repo}
out=$CAPSTAN_CACHE/argo-ui/$ARGO_VERSION
[ -f "$out/dist/app/index.html" ] && { echo "Argo UI $ARGO_VERSION already built: $out/dist/app"; exit 0; }
for repo in "$ARGO_REPO" "$ARGO_UI_REPO"; do
  git --git-dir="$repo" rev-parse --verify -q HEAD >/dev/null || { echo "build-argo-ui: no git mirror at $repo (set ARGO_REPO / ARGO_UI_REPO)" >&2; exit 1; }
done
work=$out/src
rm -rf "$work" && mkdir -p "$work" && cd "$work"
git --git-dir="$ARGO_REPO" archive "$ARGO_VERSION" ui api/openapi-spec/swagger.json api/jsonschema/schema.json | tar x
pin=$(sed -n 's#.*"argo-ui": "git+https://github.com/argoproj/argo-ui.git\#\([0-9a-f]*\)".*#\1#p' ui/package.json)
[ -n "$pin" ] || { echo "build-argo-ui: cannot find the argo-ui commit in ui/package.json" >&2; exit 1; }
mkdir argo-ui && git --git-dir="$ARGO_UI_REPO" archive "$pin" | tar x -C argo-ui
sed -i "s#\"argo-ui\": \"git+https://github.com/argoproj/argo-ui.git\#$pin\"#\"argo-ui\": \"file:../argo-ui\"#" ui/package.json
sed -i "s#^\"argo-ui@git+https://github.com/argoproj/argo-ui.git\#$pin\":#\"argo-ui@file:../argo-ui\":#; \#resolved \"git+https://github.com/argoproj/argo-ui.git#d" ui/yarn.lock
rm -f ui/.yarnrc   # its --frozen-lockfile refuses the edited lock entry
cd ui
npx -y yarn@1.22.22 install --ignore-optional --non-interactive --network-timeout 600000
NODE_ENV=production NODE_OPTIONS=--max-old-space-size=4096 npx webpack --mode production
mkdir -p "$out/dist" && rm -rf "$out/dist/app" && mv dist/app "$out/dist/app"
echo "Argo UI $ARGO_VERSION built: $out/dist/app"
