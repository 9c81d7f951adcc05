#!/bin/sh
# Embedded mode's stand-in for the argoproj/argosay:v2 image, whose entrypoint Argo's examples and tests call:
#   argosay [echo [text [file]] | cat file... | sleep duration | exit [code] | assert_contains file text | assert_exist file]
cmd=${1:-echo}
[ $# -gt 0 ] && shift
case $cmd in
  echo)
    text=${1:-hello argo}
    if [ $# -ge 2 ]; then mkdir -p "$(dirname "$2")" && printf '%s\n' "$text" > "$2"; else printf '%s\n' "$text"; fi ;;
  cat) cat "$@" ;;
  sleep)
    d=${1:-1s}
    case $d in
      *ms) sleep "$(awk "BEGIN{print ${d%ms}/1000}")" ;;
      *s) sleep "${d%s}" ;;
      *m) sleep "$(( ${d%m} * 60 ))" ;;
      *h) sleep "$(( ${d%h} * 3600 ))" ;;
      *) sleep "$d" ;;
    esac ;;
  exit) exit "${1:-0}" ;;
  assert_contains) grep -q -- "$2" "$1" || { echo "expected $1 to contain $2" >&2; exit 1; } ;;
  assert_exist) [ -e "$1" ] || { echo "expected $1 to exist" >&2; exit 1; } ;;
  *) echo "argosay: unknown command: $cmd" >&2; exit 1 ;;
esac
