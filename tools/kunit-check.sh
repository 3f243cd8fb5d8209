#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run one KUnit configuration on QEMU and judge it: the KUnit results,
# every line of the kernel log against kunit/forbidden-log.txt, and the
# lines of kunit/expected-log-NAME.txt.  Skipped cases count as
# failures here: this run has the IOMMU they need.
#
# Usage: tools/kunit-check.sh TREE BUILD_DIR NAME KUNIT.PY-ARGS...
# Runs can share a BUILD_DIR (one kernel, two QEMU machines).  Writes
# kunit-NAME.log, .json and .result next to BUILD_DIR; prints
# "N passed, N failed".
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
tree=$1
build=$(realpath -m "$2")
name=$3
shift 3
out=$(dirname "$build")/kunit-$name
log=$out.log
json=$out.json

(cd "$tree" && ./tools/testing/kunit/kunit.py run --build_dir="$build" \
	--raw_output=all "$@") >"$log" 2>&1
status=$?
if ! grep -q "^KTAP version\|TAP version" "$log"; then
	tail -40 "$log"
	echo "kunit-check: $name: the kernel did not build or boot (see $log)"
	echo "0 passed, 1 failed"
	exit 1
fi

(cd "$tree" && ./tools/testing/kunit/kunit.py parse --json="$json" "$log") >/dev/null 2>&1

python3 - "$json" "$name" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
counts = {"PASS": 0, "FAIL": 0, "SKIP": 0, "ERROR": 0}
def walk(g, path):
    for c in g.get("test_cases", []):
        counts[c["status"]] = counts.get(c["status"], 0) + 1
        if c["status"] != "PASS":
            print(f"  {c['status']}: {'.'.join(path + [c['name']])}")
    for s in g.get("sub_groups", []):
        walk(s, path + [s["name"]])
walk(data, [])
open(sys.argv[1] + ".counts", "w").write(
    f"{counts['PASS']} {counts['FAIL'] + counts['ERROR']} {counts['SKIP']}\n")
PY
read -r passed failed skipped <"$json.counts"

bad=0
forbidden=$(grep -v '^#' "$top/kunit/forbidden-log.txt" | grep -v '^$')
if grep -E -n -f <(echo "$forbidden") "$log" >"$out.forbidden"; then
	echo "kunit-check: $name: forbidden kernel log lines:"
	head -20 "$out.forbidden" | sed 's/^/  /'
	bad=1
fi
while read -r pattern; do
	case "$pattern" in ''|'#'*) continue ;; esac
	if ! grep -E -q -- "$pattern" "$log"; then
		echo "kunit-check: $name: missing expected log line: $pattern"
		bad=1
	fi
done <"$top/kunit/expected-log-$name.txt"

if [ "$skipped" != 0 ]; then
	echo "kunit-check: $name: $skipped cases skipped; the reasons:"
	grep -E "# SKIP" "$log" | sed 's/^/  /' | head -10
	failed=$((failed + skipped))
fi
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then
	echo "kunit-check: $name: kunit.py exited with $status"
	failed=1
fi
[ "$bad" = 0 ] || failed=$((failed + 1))
# The figures the suites print for the seeds of the threads, for iris and
# for the stress suite
grep -o 'seed 00[0-9]: .*\|iris: .*MiB.*\|# auxdma_stress_test_[a-z_]*: .*' "$log" |
	sed 's/^# auxdma_stress_test_/stress /; s/^/  /'
# The reports of the kernel's debugging options, all 0 for a pass
# (or "off" for an option that the kernel of this run does not have)
reports() {
	if grep -qx "CONFIG_$1=y" "$build/.config"; then
		grep -E -c -- "$2" "$log"
	else
		echo off
	fi
}
echo "kunit-check: $name: reports:" \
	"lockdep $(reports PROVE_LOCKING 'possible (circular|recursive) locking|inconsistent lock state|suspicious RCU usage|BUG: sleeping function')," \
	"KASAN $(reports KASAN 'KASAN: [a-z-]+')," \
	"DMA-API $(reports DMA_API_DEBUG 'DMA-API: [^ ]+ [^ ]+: ')," \
	"ODEBUG $(reports DEBUG_OBJECTS 'ODEBUG: ')"

echo "kunit-check: $name: $passed passed, $failed failed, $skipped skipped (log: $log)"
echo "$passed $failed" >"$out.result"
[ "$failed" = 0 ]
