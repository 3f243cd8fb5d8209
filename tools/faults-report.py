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
    "KASAN": r"BUG: KASAN",
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

bad = [l for l in lines if not re.search(r"FAULTS ", l)
       and any(re.search(p, l) for p in forbidden)]
for l in bad[:10]:
    failures.append("kernel log: " + l.strip())

m = re.match(r"(\d+) points, (\d+) faults injected", summary or "")
points, injected = (m.group(1), m.group(2)) if m else ("?", "?")
print(f"faults: {len(paths)} paths, {points} injection points, {injected} faults "
      f"injected, {len(failures)} failures, {leaks if leaks is not None else '?'} "
      f"leaks, lockdep {counts['lockdep']}, KASAN {counts['KASAN']}, "
      f"DMA-API {counts['DMA-API']}, ODEBUG {counts['ODEBUG']}")
if failures:
    print("faults: FAILED")
    for f in failures[:20]:
        print("  " + f)
    sys.exit(1)
