#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# Judge the console log of `tools/demo.sh faults` (tools/faults-init.sh):
# print each path's injection points and the run's summary line, and fail
# on any check the run reported, on a leak, and on any kernel log line of
# kunit/forbidden-log.txt (lockdep, KASAN, a WARNING such as DMA-API debug
# prints, a BUG).
#
# Usage: tools/faults-report.py CONSOLE.LOG FORBIDDEN.TXT

import re
import sys

lines = [l.rstrip("\r\n") for l in open(sys.argv[1], errors="replace")]
forbidden = [p.strip() for p in open(sys.argv[2])
             if p.strip() and not p.startswith("#")]

REPORTS = {
    "lockdep": r"possible (circular|recursive) locking|inconsistent lock state"
               r"|suspicious RCU usage|BUG: sleeping function",
    "KASAN": r"KASAN: [a-z-]+",
    "DMA-API": r"DMA-API: \S+ \S+: ",
    "ODEBUG": r"ODEBUG: ",
}
counts = {k: sum(1 for l in lines if re.search(p, l)) for k, p in REPORTS.items()}

failures = []
paths = []
summary = None
leaks = None
for l in lines:
    m = re.search(r"FAULTS (\w+) ?(.*)$", l)
    if not m:
        continue
    kind, rest = m.groups()
    if kind == "PATH":
        paths.append(rest)
    elif kind == "FAIL":
        failures.append(rest)
    elif kind == "NOLOG":
        print("  no log line: " + rest)
    elif kind == "SUMMARY":
        summary = rest
    elif kind == "KMEMLEAK":
        leaks = int(rest)
    elif kind == "LEAK":
        print("  kmemleak: " + rest)

for p in paths:
    print("  " + p)
if summary is None or not any("FAULTS DONE" in l for l in lines):
    failures.append("the run did not finish")
if leaks is None:
    failures.append("no kmemleak scan")
elif leaks:
    failures.append(f"kmemleak: {leaks} unreferenced objects")

# Two WARNINGs that upstream code prints when a page allocation fails in
# SMMUv3's first attach of a device's default domain (its context
# descriptor table): the IOMMU core's "drivers are not allowed to fail the
# first domain attach", then SMMUv3's own, unwinding that attach.  Any
# device on an SMMUv3 hits them, platform devices too; they are counted
# and shown, and excused only right after an injected fault: the first
# within four lines of its "FAULT_INJECTION" line, the second within the
# next 150 lines (the first one's register dump and call trace).  Every
# other WARNING fails the run.
FIRST_ATTACH = r"WARNING: drivers/iommu/iommu\.c:\d+ at iommu_setup_default_domain\+"
UNWIND = r"WARNING: drivers/iommu/arm/arm-smmu-v3/arm-smmu-v3\.c:\d+ at arm_smmu_install_old_domain_invs\+"
upstream = []
last_fault = last_first = -1000
bad = []
for i, l in enumerate(lines):
    if "FAULT_INJECTION: forcing a failure" in l:
        last_fault = i
    if "FAULTS " in l or not any(re.search(p, l) for p in forbidden):
        continue
    if i - last_fault <= 4 and re.search(FIRST_ATTACH, l):
        upstream.append(l.strip())
        last_first = i
        continue
    if i - last_first <= 150 and re.search(UNWIND, l):
        upstream.append(l.strip())
        last_first = -1000
        continue
    bad.append(l)
for l in sorted(set(re.sub(r"\+0x.*", "", u) for u in upstream)):
    print(f"  upstream, right after an injected fault: {l}")
for l in bad[:10]:
    failures.append("kernel log: " + l.strip())

m = re.match(r"(\d+) points, (\d+) faults injected", summary or "")
points, injected = (m.group(1), m.group(2)) if m else ("?", "?")
print(f"faults: {len(paths)} paths, {points} injection points, {injected} faults "
      f"injected, {len(failures)} failures, {leaks if leaks is not None else '?'} "
      f"leaks, lockdep {counts['lockdep']}, KASAN {counts['KASAN']}, "
      f"DMA-API {counts['DMA-API']}, ODEBUG {counts['ODEBUG']}; "
      f"{len(upstream)} upstream SMMUv3 warnings")
if failures:
    print("faults: FAILED")
    for f in failures[:20]:
        print("  " + f)
    sys.exit(1)
