#!/usr/bin/env bash
# Checks the formatting of every tracked .cpp and .h file with clang-format 14 and the
# repository's .clang-format, changing nothing: lists the files that differ, one a line.
#
#   scripts/check-format.sh          exit 0: all formatted; 1: some are not (listed); 2: no
#                                    clang-format 14 (scripts/deps.sh installs it)
#   scripts/check-format.sh --fix    formats those files in place
#
# scripts/test.sh runs it under CI (CI=true) and fails the run when a file is listed.
set -euo pipefail
cd "$(dirname "$0")/.."

fix=false
case "${1:-}" in
"") ;;
--fix) fix=true ;;
*)
    echo "usage: scripts/check-format.sh [--fix]" >&2
    exit 2
    ;;
esac

# Another major version formats differently: use 14, as Debian 12 ships it.
formatter=""
for candidate in clang-format-14 clang-format; do
    if command -v "$candidate" >/dev/null && "$candidate" --version | grep -q ' version 14\.'; then
        formatter=$candidate
        break
    fi
done
if [[ -z "$formatter" ]]; then
    echo "check-format: clang-format 14 is missing (scripts/deps.sh installs it)" >&2
    exit 2
fi

# Tracked files only (git), or every file outside build folders in a source tarball.
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    mapfile -t listed < <(git ls-files -- '*.cpp' '*.h')
else
    mapfile -t listed < <(find . -path './build*' -prune -o -type f \( -name '*.cpp' -o -name '*.h' \) \
        -print | sed 's|^\./||' | sort)
fi
files=()
for file in "${listed[@]}"; do
    [[ -f "$file" ]] && files+=("$file") # not deleted meanwhile
done
if ((${#files[@]} == 0)); then
    echo "check-format: no .cpp or .h file"
    exit 0
fi

# One run over all of them; each difference is a warning naming its file.
if ! report=$("$formatter" --dry-run "${files[@]}" 2>&1); then
    printf '%s\n' "$report" >&2
    echo "check-format: $formatter failed" >&2
    exit 2
fi
mapfile -t unformatted < <(printf '%s\n' "$report" \
    | sed -nE 's/^(.+):[0-9]+:[0-9]+: warning: code should be clang-formatted.*/\1/p' | sort -u)

if ((${#unformatted[@]} == 0)); then
    echo "check-format: ${#files[@]} files, all formatted"
    exit 0
fi
if $fix; then
    "$formatter" -i "${unformatted[@]}"
    printf 'check-format: formatted %s\n' "${unformatted[@]}"
    exit 0
fi
printf '%s\n' "${unformatted[@]}"
echo "check-format: ${#unformatted[@]} of ${#files[@]} files are not formatted" \
    "(scripts/check-format.sh --fix formats them)" >&2
exit 1
