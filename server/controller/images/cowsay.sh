#!/bin/sh
# Embedded mode's stand-in for cowsay, which images such as argoproj/argosay:v1 and docker/whalesay provide.
text="$*"
[ -z "$text" ] && text=$(cat)
line=$(printf '%s' "$text" | sed 's/./-/g')
printf ' _%s_\n< %s >\n -%s-\n' "$line" "$text" "$line"
cat <<'COW'
        \   ^__^
         \  (oo)\_______
            (__)\       )\/\
                ||----w |
                ||     ||
COW
