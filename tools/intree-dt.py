#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# Every fastrpc channel of the kernel's own arm64 DTS, as a C table for
# the in-tree DT suite (drivers/misc/fastrpc_intree_kunit.c): each SoC
# .dtsi that has a "qcom,fastrpc" node is run through the C preprocessor
# and dtc (forced past the labels that only its boards define, which
# these nodes do not use, and with the headers that boards include
# first), and each channel's compute banks are written
# out with their "reg", "qcom,nsessions", "dma-coherent" and every
# "iommus" entry (stream ID and mask, whatever the IOMMU's cell count).
#
# Usage: tools/intree-dt.py TREE OUT.h   (OUT.h is rewritten only if it
# changes; prints one line per SoC)
import glob, os, re, subprocess, sys, tempfile

tree, out = sys.argv[1:3]


def parse(text):
    """The nodes of dtc's DTS output: (path, {prop: raw value}), in order."""
    nodes, stack = [], []
    for line in text.splitlines():
        line = line.strip()
        if line.endswith("{"):
            name = line[:-1].strip().split(":")[-1].strip()
            stack.append((name, {}))
            nodes.append(("/".join(n for n, _ in stack), stack[-1][1]))
        elif line == "};":
            stack.pop()
        elif line.endswith(";") and stack:
            key, _, val = line[:-1].partition("=")
            stack[-1][1][key.strip()] = val.strip()
    return nodes


def cells(val):
    return [int(c, 0) for c in re.findall(r"0x[0-9a-f]+|\d+", val.replace("><", " "))]


def compile_dtsi(path):
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "soc.dts")
        with open(src, "w") as f:
            # What a board includes before its SoC's .dtsi, which some use
            f.write("/dts-v1/;\n#include <dt-bindings/gpio/gpio.h>\n"
                    "#include <dt-bindings/interrupt-controller/arm-gic.h>\n"
                    f'#include "{os.path.basename(path)}"\n')
        pp = subprocess.run(
            ["cpp", "-nostdinc", "-undef", "-D__DTS__", "-x", "assembler-with-cpp",
             "-I", os.path.dirname(path), "-I", os.path.join(tree, "include"),
             "-I", os.path.join(tree, "scripts/dtc/include-prefixes"), "-P", src],
            capture_output=True, text=True, check=True).stdout
        dts = subprocess.run(["dtc", "-f", "-q", "-I", "dts", "-O", "dts"],
                             input=pp, capture_output=True, text=True)
        if not dts.stdout:
            sys.exit(f"intree-dt: dtc failed on {path}:\n{dts.stderr}")
        return parse(dts.stdout)


def iommus(val, iommu_cells, seen):
    """[(IOMMU, id, mask)] of an "iommus" value, by each phandle's
    #iommu-cells; IOMMU numbers each distinct phandle of the SoC (@seen)."""
    c, entries = cells(val), []
    while c:
        n = iommu_cells.get(c[0])
        if n is None:
            sys.exit(f"intree-dt: iommus names phandle {c[0]:#x}, not an IOMMU")
        args = c[1:1 + n]
        entries.append((seen.setdefault(c[0], len(seen)), args[0], args[1] if n > 1 else 0))
        c = c[1 + n:]
    return entries


socs = sorted(f for f in glob.glob(os.path.join(tree, "arch/arm64/boot/dts/*/*.dtsi"))
              if '"qcom,fastrpc"' in open(f).read())
rows, channels_out = [], []
for path in socs:
    soc = os.path.basename(path)[:-len(".dtsi")]
    nodes = compile_dtsi(path)
    iommu_cells = {cells(p["phandle"])[0]: cells(p["#iommu-cells"])[0]
                   for _, p in nodes if "phandle" in p and "#iommu-cells" in p}
    nch = nbanks = 0
    seen = {}
    for cpath, props in nodes:
        if props.get("compatible") != '"qcom,fastrpc"':
            continue
        banks = []
        for bpath, b in nodes:
            if (bpath.rsplit("/", 1)[0] != cpath or
                    b.get("compatible") != '"qcom,fastrpc-compute-cb"'):
                continue
            ents = iommus(b.get("iommus", ""), iommu_cells, seen)
            banks.append((cells(b["reg"])[0], cells(b.get("qcom,nsessions", "<0>"))[0],
                          "dma-coherent" in b, b.get("status", '"okay"') != '"disabled"',
                          ents))
        label = props.get("label", '""')
        channels_out.append((soc, label, cpath.split("/", 1)[1], "qcom,non-secure-domain" in props,
                             banks))
        nch += 1
        nbanks += len(banks)
    rows.append(f"{soc}: {nch} channels, {nbanks} banks, {len(seen)} IOMMUs")

lines = ["/* SPDX-License-Identifier: GPL-2.0 */",
         "/*",
         " * Every fastrpc channel of Linux's arm64 DTS: written by",
         " * tools/intree-dt.py from the tree it was run on, do not edit.",
         " */",
         ""]
for i, (soc, label, path, nonsecure, banks) in enumerate(channels_out):
    lines.append(f"static const struct fastrpc_intree_bank fastrpc_intree_banks_{i}[] = {{")
    for reg, nsess, coherent, okay, ents in banks:
        ids = [f"{{ {i}, {a:#x}, {m:#x} }}" for i, a, m in ents]
        head = (f"\t{{ {reg}, {nsess}, {str(coherent).lower()}, {str(okay).lower()}, "
                f"{len(ents)}, {{")
        if len(head.expandtabs()) + len(", ".join(ids)) + 6 <= 100:
            lines.append(f"{head} {', '.join(ids)} }} }},")
            continue
        # Too long for a line: the stream IDs below, three to a line
        lines.append(head)
        for k in range(0, len(ids), 3):
            end = " } }," if k + 3 >= len(ids) else ","
            lines.append("\t\t  " + ", ".join(ids[k:k + 3]) + end)
    lines.append("};")
    lines.append("")
lines.append("static const struct fastrpc_intree_channel fastrpc_intree_channels[] = {")
for i, (soc, label, path, nonsecure, banks) in enumerate(channels_out):
    lines.append(f'\t{{ "{soc}", {label}, {str(nonsecure).lower()},')
    lines.append(f"\t  fastrpc_intree_banks_{i}, ARRAY_SIZE(fastrpc_intree_banks_{i}) }},")
lines.append("};")
text = "\n".join(lines) + "\n"
if not os.path.exists(out) or open(out).read() != text:
    open(out, "w").write(text)
for r in rows:
    print(f"intree-dt: {r}")
print(f"intree-dt: {len(socs)} SoCs, {len(channels_out)} channels -> {out}")
