# Pinned versions of the test bed. Cached binaries are keyed by these, so bumping one rebuilds only it.
K8S_VERSION=v1.34.4
K8S_STAGING_VERSION=v0.34.4
ETCD_VERSION=v3.6.16
KWOK_VERSION=v0.8.0
ARGO_VERSION=v3.7.9
# MinIO publishes no semver tags: pin the module proxy's pseudo-version.
MINIO_VERSION=v0.0.0-20260212201848-7aac2a2c5b7c
CAPSTAN_CACHE=${CAPSTAN_CACHE:-$HOME/.cache/capstan}
BIN_DIR=$CAPSTAN_CACHE/bin
# bin_path NAME VERSION -> the cache path of that binary
bin_path() { echo "$BIN_DIR/$1-$2"; }
