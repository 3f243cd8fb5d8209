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
# What failed, in a line each: make check prints these files again at its
# end, where a CI log's tail shows them
why=$out.why
: >"$why"

(cd "$tree" && ./tools/testing/kunit/kunit.py run --build_dir="$build" \
	--raw_output=all "$@") >"$log" 2>&1
status=$?
if ! grep -q "^KTAP version\|TAP version" "$log"; then
	tail -40 "$log"
	echo "kunit-check: $name: the kernel did not build or boot (see $log)" | tee "$why"
	echo "0 passed, 1 failed"
	exit 1
fi

(cd "$tree" && ./tools/testing/kunit/kunit.py parse --json="$json" "$log") >/dev/null 2>&1

python3 - "$json" "$name" "$why" <<'PY'
import json, sys
data = json.load(open(sys.argv[1]))
counts = {"PASS": 0, "FAIL": 0, "SKIP": 0, "ERROR": 0}
def walk(g, path):
    for c in g.get("test_cases", []):
        counts[c["status"]] = counts.get(c["status"], 0) + 1
        if c["status"] != "PASS":
            line = f"  {c['status']}: {'.'.join(path + [c['name']])}"
            print(line)
            open(sys.argv[3], "a").write(f"kunit-check: {sys.argv[2]}:{line}\n")
    for s in g.get("sub_groups", []):
        walk(s, path + [s["name"]])
walk(data, [])
open(sys.argv[1] + ".counts", "w").write(
    f"{counts['PASS']} {counts['FAIL'] + counts['ERROR']} {counts['SKIP']}\n")
PY
read -r passed failed skipped <"$json.counts"
cases=$((passed + failed + skipped))

bad=0
# Every line of kunit/forbidden-log.txt fails the run, with one exception,
# counted apart: two WARNINGs that upstream code prints when an injected
# fault fails a page allocation in SMMUv3's first attach of a device's
# default domain (its context descriptor table), any device's, platform
# devices' too: the IOMMU core's "drivers are not allowed to fail the
# first domain attach", within 12 lines of the "FAULT_INJECTION" line (3
# alone; the rest for a line that the other CPU prints between them),
# then SMMUv3's own, unwinding that attach, within the next 300 lines (the
# first one's register dump and call trace, about 50).
python3 - "$log" "$top/kunit/forbidden-log.txt" "$out.forbidden" <<'PY'
import re, sys
lines = open(sys.argv[1], errors="replace").read().splitlines()
forbidden = [re.compile(p) for p in open(sys.argv[2]).read().splitlines()
             if p and not p.startswith("#")]
FIRST_ATTACH = re.compile(r"WARNING: drivers/iommu/iommu\.c:\d+ at iommu_setup_default_domain\+")
UNWIND = re.compile(r"WARNING: drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3\.c:\d+ at arm_smmu_(install_old_domain_invs|invs_unref)\+")
bad, upstream = [], []
last_fault = last_first = -1000
for i, l in enumerate(lines):
    if "FAULT_INJECTION: forcing a failure" in l:
        last_fault = i
    if not any(p.search(l) for p in forbidden):
        continue
    if i - last_fault <= 12 and FIRST_ATTACH.search(l):
        upstream.append(l)
        last_first = i
    elif i - last_first <= 300 and UNWIND.search(l):
        upstream.append(l)
        last_first = -1000
    else:
        bad.append(f"{i + 1}:{l}")
open(sys.argv[3], "w").write("".join(b + "\n" for b in bad))
for u in sorted(set(re.sub(r"\+0x.*", "", u.strip()) for u in upstream)):
    print(f"  upstream, right after an injected fault: {u}")
if upstream:
    print(f"  upstream SMMUv3 warnings right after an injected fault: {len(upstream)}")
PY
if [ -s "$out.forbidden" ]; then
	echo "kunit-check: $name: forbidden kernel log lines:"
	head -20 "$out.forbidden" | sed 's/^/  /'
	head -3 "$out.forbidden" | sed "s/^/kunit-check: $name: forbidden line /" >>"$why"
	bad=1
fi
while read -r pattern; do
	case "$pattern" in ''|'#'*) continue ;; esac
	if ! grep -E -q -- "$pattern" "$log"; then
		echo "kunit-check: $name: missing expected log line: $pattern" | tee -a "$why"
		bad=1
	fi
done <"$top/kunit/expected-log-$name.txt"

if [ "$skipped" != 0 ]; then
	echo "kunit-check: $name: $skipped cases skipped; the reasons:"
	grep -E "# SKIP" "$log" | sed 's/^/  /' | head -10
	echo "kunit-check: $name: $skipped cases skipped" >>"$why"
	failed=$((failed + skipped))
fi
if [ "$status" != 0 ] && [ "$failed" = 0 ]; then
	echo "kunit-check: $name: kunit.py exited with $status" | tee -a "$why"
	failed=1
fi
[ "$bad" = 0 ] || failed=$((failed + 1))
# The figures the suites print for the seeds of the threads, for iris, for
# the stress suite, the injection points of each path of the faults
# suite and of the converted drivers' creation paths, and the runs on
# every in-tree DT
grep -o 'seed 00[0-9]: .*\|iris: .*MiB.*\|# auxdma_stress_test_[a-z_]*: .*\|# [a-z0-9_]*: faults: .*\|in-tree DT: .*' "$log" |
	sed 's/^# auxdma_stress_test_/stress /; s/^# [a-z0-9_]*: faults: /faults: /; s/^/  /'
reports() {
	if grep -qx "CONFIG_$1=y" "$build/.config"; then
		grep -E -c -- "$2" "$log"
	else
		echo off
	fi
}
# kmemleak's count, from the initramfs that scans it after the suites
leaks="not scanned"
if grep -q "^kmemleak: [0-9]* unreferenced objects after the KUnit suites" "$log"; then
	leaks=$(sed -n 's/^kmemleak: \([0-9]*\) unreferenced objects after.*/\1/p' "$log" | tail -n 1)
	if [ "$leaks" != 0 ]; then
		echo "kunit-check: $name: kmemleak found $leaks unreferenced objects:" | tee -a "$why"
		grep -A12 "^unreferenced object" "$log" | head -40 | sed 's/^/  /'
		failed=$((failed + 1))
	fi
fi
# One line for the run: its cases, the faults injected, leaks, and the
# reports of the kernel's debugging options, all 0 for a pass (or "off"
# for an option that the kernel of this run does not have)
# Faults: one per injection point of each path that a case fails in turn
# (its last run of a path meets none); the log has a line for each but
# those on __GFP_NOWARN allocations
faults=$(grep -o '# [a-z0-9_]*: faults: .*: [0-9]* points' "$log" |
	awk '{ n += $(NF - 1) } END { print n + 0 }')
echo "kunit-check: $name: summary: $cases cases," \
	"$faults faults injected ($(grep -c 'FAULT_INJECTION: forcing a failure' "$log") logged)," \
	"leaks $leaks," \
	"lockdep $(reports PROVE_LOCKING 'possible (circular|recursive) locking|inconsistent lock state|suspicious RCU usage|BUG: sleeping function')," \
	"KASAN $(reports KASAN 'KASAN: [a-z-]+')," \
	"DMA-API $(reports DMA_API_DEBUG 'DMA-API: [^ ]+ [^ ]+: ')," \
	"ODEBUG $(reports DEBUG_OBJECTS 'ODEBUG: ')," \
	"kobject releases $(grep -qx CONFIG_DEBUG_KOBJECT_RELEASE=y "$build/.config" &&
		echo delayed || echo immediate)"

echo "kunit-check: $name: $passed passed, $failed failed, $skipped skipped (log: $log)"
echo "$passed $failed" >"$out.result"
[ "$failed" = 0 ]
