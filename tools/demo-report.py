#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# Read the console log of `make demo` and print, per table, one row per
# VPU block: device, bound driver, IOMMU group, reserved regions as sysfs
# lists them, and its buffers' IOVAs.  Exit non-zero if a block lacks a
# group of its own, a buffer lies in a reserved region, a step failed, or
# the kernel log has a line that tools/kunit-check.sh would refuse.
import re
import sys

log_path, forbidden_path = sys.argv[1:3]
lines = open(log_path, errors="replace").read().splitlines()
forbidden = [l for l in open(forbidden_path).read().splitlines()
             if l and not l.startswith("#")]

tables = {}
order = []
cur = None
failures = []
leaks = 0
leak_lines = []
mode = None
for line in lines:
    m = re.search(r"DEMO (\w+) ?(.*)$", line)
    if not m:
        continue
    kind, rest = m.group(1), m.group(2).split()
    if kind == "TABLE":
        cur = rest[0]
        tables[cur] = {}
        order.append(cur)
    elif kind == "END":
        cur = None
    elif kind == "BLOCK" and cur:
        tables[cur][rest[0]] = {"driver": rest[1], "group": rest[2], "resv": [], "bufs": []}
    elif kind == "RESV" and cur:
        tables[cur][rest[0]]["resv"].append((int(rest[1], 16), int(rest[2], 16), rest[3]))
    elif kind == "BUF" and cur:
        tables[cur][rest[0]]["bufs"].append((rest[1], int(rest[2], 16), int(rest[3], 16)))
    elif kind == "MODE":
        mode = rest[0]
    elif kind == "FAIL":
        failures.append("step failed: " + " ".join(rest))
    elif kind == "KMEMLEAK":
        leaks = int(rest[0])
    elif kind == "LEAK":
        leak_lines.append(" ".join(rest))

def usable(resv):
    """The ranges below 4 GiB that no reserved region covers."""
    out, nxt = [], 0
    for s, e, t in sorted(r for r in resv if r[2] == "reserved"):
        if s > nxt:
            out.append((nxt, min(s, 1 << 32) - 1))
        nxt = max(nxt, e + 1)
        if nxt >= 1 << 32:
            break
    if nxt < 1 << 32:
        out.append((nxt, (1 << 32) - 1))
    return [(s, e) for s, e in out if s <= e and s < 1 << 32]

def mib(x):
    return f"{x / (1 << 20):g}M"

for name in order:
    rows = tables[name]
    print(f"\n== {name}: {len(rows)} blocks")
    print(f"{'device':28} {'driver':24} {'group':5}  reserved regions (sysfs)")
    for dev, b in sorted(rows.items()):
        resv = [f"{s:#x}-{e:#x} {t}" for s, e, t in b["resv"]]
        print(f"{dev:28} {b['driver']:24} {b['group']:5}  {resv[0] if resv else '-'}")
        for r in resv[1:]:
            print(f"{'':60}{r}")
        use = ", ".join(f"[{mib(s)}, {mib(e + 1)})" for s, e in usable(b["resv"]))
        print(f"{'':60}may use: {use}")
        for kind, iova, size in b["bufs"]:
            inside = not any(s <= iova + size - 1 and iova <= e
                             for s, e, t in b["resv"] if t == "reserved")
            print(f"{'':60}{kind:9} {iova:#010x} +{size:#x} {'ok' if inside else 'IN A RESERVED REGION'}")
            if not inside:
                failures.append(f"{name}: {dev}: buffer {iova:#x} in a reserved region")

    if name in ("before", "after"):
        if len(rows) != 4:
            failures.append(f"{name}: {len(rows)} blocks, expected 4")
        groups = [b["group"] for b in rows.values()]
        for dev, b in rows.items():
            if b["group"] == "-":
                failures.append(f"{name}: {dev} has no IOMMU group")
            if b["driver"] == "-":
                failures.append(f"{name}: {dev} has no driver")
            if len(b["bufs"]) == 0:
                failures.append(f"{name}: {dev} has no buffers")
        if len(set(groups)) != len(groups):
            failures.append(f"{name}: blocks share an IOMMU group: {groups}")
    if name in ("unbound", "end") and rows:
        failures.append(f"{name}: blocks left after the core unbound")
    if name == "unloaded":
        for dev, b in rows.items():
            if b["driver"] != "-":
                failures.append(f"unloaded: {dev} still bound")

if mode not in ("module", "builtin"):
    failures.append("the demo did not say whether the block driver is a module")
wanted = ["before", "unbound", "unloaded", "after", "end"]
if mode == "builtin":
    wanted.remove("unloaded")
for want in wanted:
    if want not in tables:
        failures.append(f"no '{want}' table: the demo did not get that far")
if not any("DEMO DONE" in l for l in lines):
    failures.append("the demo did not finish")

bad = [l for l in lines if not l.startswith("DEMO ")
       and any(re.search(p, l) for p in forbidden)]
for l in bad[:10]:
    failures.append("kernel log: " + l.strip())

related = [l for l in leak_lines if re.search(r"auxiliary|auxdma|iommu|of_", l)]
print(f"\nkmemleak after the cycles: {leaks} unreferenced objects, "
      f"{len(related)} lines in auxiliary, IOMMU or OF code")
if related:
    failures.append("kmemleak: " + related[0])

if failures:
    print("\ndemo: FAILED")
    for f in failures:
        print("  " + f)
    sys.exit(1)
how = "both drivers built in" if mode == "builtin" else "the block driver a module"
print("\ndemo: every block has its own IOMMU group and every IOVA lies outside "
      f"its reserved regions, before and after the rebind ({how})")
