#!/bin/sh
# Starts Capstan: `npm start`, the container image, the tests and the benchmarks all come through here. Node starts
# with its heap sized to Capstan's memory limit (scripts/node-memory.mjs); `exec`, so the server is this process and no
# wrapper stays behind. From a checkout it runs scripts/start.mjs (which rebuilds the server bundle when the sources
# changed); in the image, which holds no sources, the bundle itself.
set -e
here=$(dirname "$0")
node=${CAPSTAN_NODE:-node}
entry="$here/start.mjs"
[ -f "$here/bundle-server.mjs" ] || entry="$here/../dist/main.mjs"
flags=$("$node" "$here/node-memory.mjs" "$@")
# glibc's malloc keeps up to 8 arenas per core for the threads of V8 and libuv, and memory freed in one is not reused by
# another; two are enough for what Capstan allocates outside the JS heap. (musl, in the image, has no arenas.)
export MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}"
# shellcheck disable=SC2086 # the flags are words without spaces
exec "$node" $flags "$entry" "$@"
