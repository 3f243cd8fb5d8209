#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# Every fastrpc channel, iris node and host1x node of the kernel's own
# arm64 DTS, as C tables for the in-tree DT suites
# (drivers/misc/fastrpc_intree_kunit.c,
# drivers/media/platform/qcom/iris/iris_intree_kunit.c,
# drivers/gpu/host1x/context_intree_kunit.c): each SoC .dtsi
# that has a "qcom,fastrpc" node is run through the C preprocessor
# and dtc (forced past the labels that only its boards define, which
# these nodes do not use, and with the headers that boards include
# first), and each channel's compute banks are written
# out with their "reg", "qcom,nsessions", "dma-coherent" and every
# "iommus" entry (stream ID and mask, whatever the IOMMU's cell count).
# Each SoC .dtsi with a node that iris drives (a compatible of iris's
# match table, read from iris_probe.c) is compiled the same way, and each
# such node is written out with its "iommus", "dma-ranges" and sub-nodes,
# each context bank sub-node with its "iommus" and "iommu-ranges"; and
# each node that host1x drives with its "iommus" and "iommu-map".
#
# Usage: tools/intree-dt.py TREE FASTRPC.h IRIS.h HOST1X.h   (each is
# rewritten only if it changes; prints one line per SoC)
import glob, os, re, subprocess, sys, tempfile

tree, out, iris_out, host1x_out = sys.argv[1:5]


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



def match_table(path, name):
    """The compatibles of the of_device_id table @name in @path"""
    text = open(os.path.join(tree, path)).read()
    table = text[text.index(f"{name}[]"):]
    return re.findall(r'\.compatible = "([^"]+)"', table[:table.index("};")])


def driven_nodes(compat_list):
    """(SoC, nodes, IOMMU cells, path, props, compatible) of every node
    of an arm64 SoC .dtsi with a compatible of @compat_list"""
    found = []
    for path in sorted(glob.glob(os.path.join(tree, "arch/arm64/boot/dts/*/*.dtsi"))):
        if not any(f'"{c}"' in open(path).read() for c in compat_list):
            continue
        nodes = compile_dtsi(path)
        iommu_cells = {cells(p["phandle"])[0]: cells(p["#iommu-cells"])[0]
                       for _, p in nodes if "phandle" in p and "#iommu-cells" in p}
        for npath, props in nodes:
            driven = [c for c in re.findall(r'"([^"]+)"', props.get("compatible", ""))
                      if c in compat_list]
            if driven:
                found.append((os.path.basename(path)[:-len(".dtsi")], nodes, iommu_cells,
                              npath, props, driven[0]))
    return found


# Iris: the compatibles of its match table, and each node with one of them
iris_compat = match_table("drivers/media/platform/qcom/iris/iris_probe.c", "iris_dt_match")
BANKS = ("non-pixel", "pixel")


def c_cells(vals):
    return "{ " + ", ".join(f"{v:#x}" for v in vals) + " }" if vals else "{ }"


def c_ids(ents):
    return c_cells([]) if not ents else \
        "{ " + ", ".join(f"{{ {a:#x}, {m:#x} }}" for _, a, m in ents) + " }"


iris_nodes = []
for soc, nodes, iommu_cells, npath, props, compat in driven_nodes(iris_compat):
    kids = [(k.rsplit("/", 1)[1], b) for k, b in nodes if k.rsplit("/", 1)[0] == npath]
    iris_nodes.append((soc, compat, iommus(props.get("iommus", ""), iommu_cells, {}),
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

# host1x: each node that it drives, with "iommus" and every "iommu-map"
# entry (input ID, which IOMMU, stream ID, length)
host1x_nodes = []
for soc, nodes, iommu_cells, npath, props, compat in driven_nodes(
        match_table("drivers/gpu/host1x/dev.c", "host1x_of_match")):
    seen = {}
    own = iommus(props.get("iommus", ""), iommu_cells, seen)
    c, imap = cells(props.get("iommu-map", "")), []
    while c:
        n = iommu_cells[c[1]]
        imap.append((c[0], seen.setdefault(c[1], len(seen)), c[2], c[2 + n]))
        c = c[3 + n:]
    host1x_nodes.append((soc, compat, own, imap))

lines = ["/* SPDX-License-Identifier: GPL-2.0 */",
         "/*",
         " * Every host1x node of Linux's arm64 DTS: written by",
         " * tools/intree-dt.py from the tree it was run on, do not edit.",
         " */",
         "",
         "static const struct host1x_intree_node host1x_intree_nodes[] = {"]
for soc, compat, own, imap in host1x_nodes:
    ids = ", ".join(f"{{ {i}, {a:#x} }}" for i, a, _ in own)
    lines.append(f'\t{{ "{soc}", "{compat}", {len(own)}, {{ {ids} }}, {len(imap)}, {{' +
                 ("" if imap else " } },"))
    for k in range(0, len(imap), 4):
        end = " } }," if k + 4 >= len(imap) else ","
        lines.append("\t\t" + ", ".join(f"{{ {i}, {m}, {a:#x}, {n} }}"
                                         for i, m, a, n in imap[k:k + 4]) + end)
lines.append("};")
write(host1x_out, lines)
for soc, compat, own, imap in host1x_nodes:
    print(f"intree-dt: {soc}: host1x ({compat}), {len(imap)} iommu-map entries, "
          f"{sum(n for *_, n in imap)} contexts")
print(f"intree-dt: {len(host1x_nodes)} host1x nodes -> {host1x_out}")
