#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# Every fastrpc channel and every iris node of the kernel's own arm64
# DTS, as C tables for the in-tree DT suites
# (drivers/misc/fastrpc_intree_kunit.c,
# drivers/media/platform/qcom/iris/iris_intree_kunit.c): each SoC .dtsi
# that has a "qcom,fastrpc" node is run through the C preprocessor
# and dtc (forced past the labels that only its boards define, which
# these nodes do not use, and with the headers that boards include
# first), and each channel's compute banks are written
# out with their "reg", "qcom,nsessions", "dma-coherent" and every
# "iommus" entry (stream ID and mask, whatever the IOMMU's cell count).
# Each SoC .dtsi with a node that iris drives (a compatible of iris's
# match table, read from iris_probe.c) is compiled the same way, and each
# such node is written out with its "iommus", "dma-ranges" and sub-nodes,
# each context bank sub-node with its "iommus" and "iommu-ranges".
#
# Usage: tools/intree-dt.py TREE FASTRPC.h IRIS.h   (each is rewritten
# only if it changes; prints one line per SoC)
import glob, os, re, subprocess, sys, tempfile

tree, out, iris_out = sys.argv[1:4]


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


def write(path, lines):
    text = "\n".join(lines) + "\n"
    if not os.path.exists(path) or open(path).read() != text:
        open(path, "w").write(text)


write(out, lines)
for r in rows:
    print(f"intree-dt: {r}")
print(f"intree-dt: {len(socs)} SoCs, {len(channels_out)} channels -> {out}")

# Iris: the compatibles of its match table, and each node with one of them
probe = open(os.path.join(tree, "drivers/media/platform/qcom/iris/iris_probe.c")).read()
iris_compat = re.findall(r'\.compatible = "([^"]+)"',
                         probe[probe.index("iris_dt_match[]"):])
socs = sorted(f for f in glob.glob(os.path.join(tree, "arch/arm64/boot/dts/*/*.dtsi"))
              if any(f'"{c}"' in open(f).read() for c in iris_compat))
BANKS = ("non-pixel", "pixel")


def c_cells(vals):
    return "{ " + ", ".join(f"{v:#x}" for v in vals) + " }" if vals else "{ }"


def c_ids(ents):
    return c_cells([]) if not ents else \
        "{ " + ", ".join(f"{{ {a:#x}, {m:#x} }}" for _, a, m in ents) + " }"


iris_nodes = []
for path in socs:
    soc = os.path.basename(path)[:-len(".dtsi")]
    nodes = compile_dtsi(path)
    iommu_cells = {cells(p["phandle"])[0]: cells(p["#iommu-cells"])[0]
                   for _, p in nodes if "phandle" in p and "#iommu-cells" in p}
    for npath, props in nodes:
        compat = re.findall(r'"([^"]+)"', props.get("compatible", ""))
        driven = [c for c in compat if c in iris_compat]
        if not driven:
            continue
        kids = [(k.rsplit("/", 1)[1], b) for k, b in nodes if k.rsplit("/", 1)[0] == npath]
        iris_nodes.append((soc, driven[0], iommus(props.get("iommus", ""), iommu_cells, {}),
                           cells(props.get("#address-cells", "<0>"))[0],
                           cells(props.get("#size-cells", "<0>"))[0],
                           cells(props.get("dma-ranges", "")),
                           [k for k, _ in kids if k not in BANKS],
                           [(k, iommus(b.get("iommus", ""), iommu_cells, {}),
                             cells(b.get("iommu-ranges", "")),
                             b.get("status", '"okay"') != '"disabled"')
                            for k, b in kids if k in BANKS]))

lines = ["/* SPDX-License-Identifier: GPL-2.0 */",
         "/*",
         " * Every iris node of Linux's arm64 DTS: written by",
         " * tools/intree-dt.py from the tree it was run on, do not edit.",
         " */",
         "",
         "static const struct iris_intree_node iris_intree_nodes[] = {"]
for soc, compat, ents, acells, scells, dma_ranges, others, banks in iris_nodes:
    lines.append(f'\t{{ "{soc}", "{compat}", {len(ents)}, {c_ids(ents)},')
    lines.append(f"\t  {acells}, {scells}, {len(dma_ranges)}, {c_cells(dma_ranges)}, "
                 "{ " + ", ".join(f'"{k}"' for k in others) + " }, "
                 f"{len(banks)}, {{" + ("" if banks else " } },"))
    for i, (name, bents, ranges, okay) in enumerate(banks):
        end = " } }," if i == len(banks) - 1 else ","
        lines.append(f'\t\t{{ "{name}", {str(okay).lower()}, {len(bents)}, {c_ids(bents)}, '
                     f"{len(ranges)}, {c_cells(ranges)} }}{end}")
lines.append("};")
write(iris_out, lines)
for soc, compat, ents, *_, banks in iris_nodes:
    print(f"intree-dt: {soc}: iris ({compat}), {len(ents)} stream IDs, {len(banks)} context banks")
print(f"intree-dt: {len(iris_nodes)} iris nodes -> {iris_out}")
