#!/usr/bin/env bash
# scripts/check-format.sh on a small repository of its own: it lists exactly the tracked
# .cpp/.h files clang-format would change and exits 1, ignores untracked ones, changes nothing;
# --fix formats them, after which it exits 0. Exits 77 (skipped) without git or clang-format 14.
#
#   check-format-test.sh
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
if ! command -v git >/dev/null || ! { command -v clang-format-14 >/dev/null ||
    clang-format --version 2>/dev/null | grep -q ' version 14\.'; }; then
    echo "SKIP: needs git and clang-format 14"
    exit 77
fi
work=$(mktemp -d /tmp/wa-check-format.XXXXXX)
trap 'rm -rf "$work"' EXIT
fail() {
    echo "FAIL: $*" >&2
    exit 1
}

mkdir -p "$work/scripts" "$work/src"
cp "$root/.clang-format" "$work/"
cp "$root/scripts/check-format.sh" "$work/scripts/"
printf 'int answer()\n{\n    return 42;\n}\n' >"$work/src/good.cpp"
printf 'int  answer( ) {return 42;}\n' >"$work/src/bad.cpp"
printf '#pragma once\nclass  Bad{ };\n' >"$work/src/bad.h"
printf 'int  untracked( ) {return 1;}\n' >"$work/src/untracked.cpp"
git -C "$work" init -q
git -C "$work" add .clang-format scripts src/good.cpp src/bad.cpp src/bad.h

cp "$work/src/bad.cpp" "$work/bad.before"
code=0
"$work/scripts/check-format.sh" >"$work/out" 2>"$work/err" || code=$?
[[ "$code" == 1 ]] || fail "exit $code for two unformatted files (expected 1)"
[[ $(cat "$work/out") == $'src/bad.cpp\nsrc/bad.h' ]] || fail "listed: $(cat "$work/out")"
grep -q '2 of 3 files are not formatted' "$work/err" || fail "summary: $(cat "$work/err")"
cmp -s "$work/src/bad.cpp" "$work/bad.before" || fail "a dry run changed a file"

"$work/scripts/check-format.sh" --fix >/dev/null || fail "--fix failed"
[[ $(cat "$work/src/bad.cpp") == $'int answer()\n{\n    return 42;\n}' ]] ||
    fail "--fix gave: $(cat "$work/src/bad.cpp")"
[[ $(cat "$work/src/untracked.cpp") == 'int  untracked( ) {return 1;}' ]] ||
    fail "--fix touched an untracked file"
"$work/scripts/check-format.sh" >"$work/out" 2>&1 || fail "still unformatted: $(cat "$work/out")"
echo "PASS: check-format.sh lists the tracked files clang-format would change, --fix formats them"
