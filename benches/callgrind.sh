#!/usr/bin/env bash
# Instructions per number of each benchmarked call, from `valgrind --tool=callgrind` (they do
# not move with the machine's load, unlike times). Each call runs over its corpus once and
# three times (benches/examples/calls.rs); the difference divided by two corpus passes is
# the cost of the calls alone, setup (corpus, regex compilation) cancelled out.
#
#   benches/callgrind.sh              # every call
#   benches/callgrind.sh is_valid regex
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "callgrind.sh: valgrind is missing (apt-get install valgrind)" >&2; exit 1; }

cargo build --release -q -p bhyt-benches --example calls
binary=target/release/examples/calls
calls=("$@")
[ ${#calls[@]} -gt 0 ] || mapfile -t calls < <("$binary" --list)

count() { # instructions of `calls CALL ROUNDS`
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$binary" "$1" "$2" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
printf '%-16s %12s\n' call instr/number
for call in "${calls[@]}"; do
    units=$("$binary" "$call" 1 | cut -d' ' -f2)
    one=$(count "$call" 1)
    three=$(count "$call" 3)
    awk -v a="$one" -v b="$three" -v n="$units" -v c="$call" \
        'BEGIN { printf "%-16s %12.1f\n", c, (b - a) / (2 * n) }'
done
