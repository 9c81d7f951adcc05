#!/usr/bin/env bash
# Builds the test bed's binaries from the Go module proxy into ~/.cache/capstan/bin/<name>-<version>.
# Usage: build-bins.sh [core|argo|minio|all]...   (default: all)
#   core  = etcd, kube-apiserver, kube-scheduler, kube-controller-manager, kubectl, kwok
# Idempotent: a binary already cached under its version is skipped.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/versions.sh"
WORK=${CAPSTAN_BUILD_DIR:-$CAPSTAN_CACHE/build}
mkdir -p "$BIN_DIR" "$WORK"
command -v go >/dev/null || { echo "build-bins: Go toolchain not found: install Go >= 1.24 (apt-get install golang or https://go.dev/dl) and retry" >&2; exit 1; }
command -v unzip >/dev/null || { echo "build-bins: unzip not found: apt-get install -y unzip" >&2; exit 1; }
export GOFLAGS=${GOFLAGS:--mod=mod} GOTOOLCHAIN=${GOTOOLCHAIN:-local}
step() { echo "[build-bins $(date +%H:%M:%S)] $*"; }
# Two test runs on one machine must not build into the same folders at once.
exec 9>"$CAPSTAN_CACHE/build.lock"
flock -n 9 || { step "another build is running; waiting for it"; flock 9; }
cached() { [ -x "$(bin_path "$1" "$2")" ]; }
# install_bin NAME VERSION SRC: atomically move a fresh build into the cache
install_bin() { mv -f "$3" "$(bin_path "$1" "$2")"; step "built $1 $2"; }

build_etcd() {
  cached etcd $ETCD_VERSION && return 0
  step "etcd $ETCD_VERSION (wrapper module: server/v3's go.mod has replace directives)"
  local d=$WORK/etcd; mkdir -p "$d"; cd "$d"
  printf 'module capstan.local/etcd\n\ngo 1.24.0\n\nrequire go.etcd.io/etcd/server/v3 %s\n' $ETCD_VERSION > go.mod
  printf 'package main\n\nimport (\n\t"os"\n\n\t"go.etcd.io/etcd/server/v3/etcdmain"\n)\n\nfunc main() { etcdmain.Main(os.Args) }\n' > main.go
  go mod tidy >/dev/null 2>&1 || go mod tidy
  go build -ldflags "-s -w" -o etcd.new . && install_bin etcd $ETCD_VERSION etcd.new
}

build_kube() {
  local n missing=""
  for n in kube-apiserver kube-scheduler kube-controller-manager kubectl; do cached $n $K8S_VERSION || missing="$missing $n"; done
  [ -z "$missing" ] && return 0
  step "kubernetes $K8S_VERSION:$missing (wrapper module; the apiserver alone takes ~9 min on 2 cores)"
  local d=$WORK/kube; mkdir -p "$d"; cd "$d"
  local gomod
  gomod=$(go mod download -json k8s.io/kubernetes@$K8S_VERSION | sed -n 's/.*"GoMod": "\(.*\)",/\1/p')
  { printf 'module capstan.local/kube\n\ngo 1.24.0\n\nrequire k8s.io/kubernetes %s\n\nreplace (\n' $K8S_VERSION
    grep '=> ./staging' "$gomod" | awk -v v=$K8S_STAGING_VERSION '{print "\t"$1" => "$1" "v}'; echo ')'; } > go.mod
  local spec cmd ctor
  for spec in kube-apiserver:NewAPIServerCommand kube-scheduler:NewSchedulerCommand kube-controller-manager:NewControllerManagerCommand; do
    cmd=${spec%%:*}; ctor=${spec##*:}; mkdir -p cmd/$cmd
    cat > cmd/$cmd/main.go <<GO
package main

import (
	"os"
	_ "time/tzdata"

	"k8s.io/component-base/cli"
	_ "k8s.io/component-base/logs/json/register"
	_ "k8s.io/component-base/metrics/prometheus/clientgo"
	_ "k8s.io/component-base/metrics/prometheus/version"
	"k8s.io/kubernetes/cmd/$cmd/app"
)

func main() { os.Exit(cli.Run(app.$ctor())) }
GO
  done
  # kubectl too: the test bed must not depend on whichever kubectl a machine happens to have.
  mkdir -p cmd/kubectl
  cat > cmd/kubectl/main.go <<'GO'
package main

import (
	"k8s.io/component-base/cli"
	"k8s.io/kubectl/pkg/cmd"
	"k8s.io/kubectl/pkg/cmd/util"
)

func main() {
	command := cmd.NewDefaultKubectlCommand()
	if err := cli.RunNoErrOutput(command); err != nil {
		util.CheckErr(err)
	}
}
GO
  go mod tidy
  local v="-X k8s.io/component-base/version" minor=${K8S_VERSION#v1.}; minor=${minor%%.*}
  local ldflags="-s -w $v.gitVersion=$K8S_VERSION $v.gitMajor=1 $v.gitMinor=$minor $v.gitTreeState=clean"
  for n in $missing; do
    step "go build $n"
    go build -ldflags "$ldflags" -o $n.new ./cmd/$n && install_bin $n $K8S_VERSION $n.new
  done
}

build_kwok() {
  cached kwok $KWOK_VERSION && return 0
  step "kwok $KWOK_VERSION"
  local d=$WORK/kwok; mkdir -p "$d"
  GOBIN=$d go install -ldflags "-s -w" sigs.k8s.io/kwok/cmd/kwok@$KWOK_VERSION && install_bin kwok $KWOK_VERSION "$d/kwok"
}

build_argo() {
  cached argo $ARGO_VERSION && cached workflow-controller $ARGO_VERSION && return 0
  step "argo CLI + workflow-controller $ARGO_VERSION (built inside the module zip: go install refuses its replace directive)"
  local d=$WORK/argo zip; mkdir -p "$d"; cd "$d"
  zip=$(go mod download -json github.com/argoproj/argo-workflows/v3@$ARGO_VERSION | sed -n 's/.*"Zip": "\(.*\)",/\1/p')
  rm -rf src unz && unzip -q "$zip" -d unz && mv unz/github.com/argoproj/argo-workflows/v3@$ARGO_VERSION src && rm -rf unz
  chmod -R u+w src
  # The module zip has no built UI, but ui/embed.go embeds ui/dist/app: give it a placeholder page.
  mkdir -p src/ui/dist/app && echo '<html><body>argo (test bed build, no UI)</body></html>' > src/ui/dist/app/index.html
  cd src
  local ldflags="-s -w -X github.com/argoproj/argo-workflows/v3.version=$ARGO_VERSION -X github.com/argoproj/argo-workflows/v3.gitTreeState=clean"
  cached argo $ARGO_VERSION || { step "go build argo"; go build -ldflags "$ldflags" -o ../argo.new ./cmd/argo && install_bin argo $ARGO_VERSION ../argo.new; }
  cached workflow-controller $ARGO_VERSION || { step "go build workflow-controller"; go build -ldflags "$ldflags" -o ../wfc.new ./cmd/workflow-controller && install_bin workflow-controller $ARGO_VERSION ../wfc.new; }
}

build_minio() {
  cached minio $MINIO_VERSION && return 0
  step "minio $MINIO_VERSION"
  local d=$WORK/minio; mkdir -p "$d"
  GOBIN=$d go install -ldflags "-s -w" github.com/minio/minio@$MINIO_VERSION && install_bin minio $MINIO_VERSION "$d/minio"
}

[ $# -eq 0 ] && set -- all
for what in "$@"; do
  case $what in
    core) build_etcd; build_kube; build_kwok ;;
    argo) build_argo ;;
    minio) build_minio ;;
    all) build_etcd; build_kube; build_kwok; build_argo; build_minio ;;
    *) echo "build-bins: unknown target '$what' (core|argo|minio|all)" >&2; exit 2 ;;
  esac
done
step "done"
