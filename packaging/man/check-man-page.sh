#!/usr/bin/env bash
# Checks that a hand-written man page is in step with its program's --help.
#
#   check-man-page.sh <program> <man page>
#
# Every long option of `<program> --help` must appear in the man page. If the help has a
# "Commands:" section (webhook-admin-cli), every command must have its own `.SS <command>`
# subsection, and every long option of `<program> <command> --help` must appear in that subsection
# or in the page's BACKEND OPTIONS section (the options many commands share).
# Prints what is missing and exits 1 if anything is.
set -euo pipefail

program=$1
page=$2
missing=0

# Long options of a help text, without the ones every parser adds.
long_options() {
    grep -oE -- '--[a-z][a-z0-9-]*' | sort -u | grep -vxE -- '--(help|help-all)' || true
}

# The roff source of one .SS subsection, hyphens unescaped.
subsection() {
    awk -v name="$1" '
        /^\.S[SH] / { inside = ($1 == ".SS" && ($2 == name || $2 == "\"" name "\"")); next }
        inside { print }
    ' "$page" | sed 's/\\-/-/g'
}

help=$("$program" --help)
whole=$(sed 's/\\-/-/g' "$page")
shared=$(awk '/^\.SH / { inside = ($0 ~ /BACKEND OPTIONS/); next } inside { print }' "$page" | sed 's/\\-/-/g')

for option in $(long_options <<< "$help"); do
    if ! grep -qE -- "${option}([^a-z0-9-]|$)" <<< "$whole"; then
        echo "$page: option $option of '$(basename "$program") --help' is not documented"
        missing=1
    fi
done

commands=$(awk '/^Commands:/ { inside = 1; next } /^$/ { inside = 0 } inside && /^  [a-z]/ { print $1 }' \
    <<< "$help")
for command in $commands; do
    section=$(subsection "$command")
    if [[ -z "$section" ]]; then
        echo "$page: command '$command' has no '.SS $command' subsection"
        missing=1
        continue
    fi
    command_help=$("$program" "$command" --help 2>&1 || true)
    for option in $(long_options <<< "$command_help" | grep -vx -- '--version'); do
        if ! grep -qE -- "${option}([^a-z0-9-]|$)" <<< "$section"$'\n'"$shared"; then
            echo "$page: option $option of '$(basename "$program") $command --help' is not in its subsection"
            missing=1
        fi
    done
done

if ((missing)); then
    exit 1
fi
echo "$page is in step with $(basename "$program") --help${commands:+ (commands: ${commands//$'\n'/ })}"
