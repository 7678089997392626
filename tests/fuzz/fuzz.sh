#!/usr/bin/env bash
# Fuzzes one target for a while with libFuzzer (clang), starting from its seed corpus.
#   tests/fuzz/fuzz.sh TARGET SECONDS      TARGET: codec, json, signature or urlrule
# New interesting inputs go to build/fuzz/corpus-TARGET (not the checked-in seeds); a crash
# leaves its input in build/fuzz/ and the script fails.
set -euo pipefail
cd "$(dirname "$0")/../.."

target="${1:-}"
seconds="${2:-60}"
case "$target" in
    codec | json | signature | urlrule) ;;
    *) echo "usage: $0 codec|json|signature|urlrule SECONDS" >&2; exit 2 ;;
esac

cmake -S . -B build/fuzz -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DWA_BUILD_GUI=OFF > /dev/null
cmake --build build/fuzz --target "fuzz_$target" -j"$(nproc)"
mkdir -p "build/fuzz/corpus-$target"
cd build/fuzz
"./tests/fuzz/fuzz_$target" -max_total_time="$seconds" -print_final_stats=1 \
    "corpus-$target" "../../tests/fuzz/corpus/$target"
