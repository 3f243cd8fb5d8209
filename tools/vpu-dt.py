#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# The DT of the demo and of the bench's dma_map_benchmark run: QEMU virt's
# own (from -machine dumpdtb), with the label "smmu" on its SMMUv3 node,
# and the reference VPU's overlay (samples/auxiliary_dma/auxdma_vpu.dtso)
# applied by fdtoverlay.  The overlay must compile without a warning.
# With --dma-bench, also a platform device behind the same SMMUv3 (stream
# ID 0x120, no limits) for dma_map_benchmark to bind to, beside the
# VPU's blocks.
#
# Usage: tools/vpu-dt.py VIRT.dtb VPU.dtso OUT.dtb [--dma-bench]
import subprocess, sys

virt, dtso, out = sys.argv[1:4]
base = out.removesuffix(".dtb")


def run(*cmd):
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode or (r.stderr and cmd[-1] == dtso):
        sys.exit(f"vpu-dt: {' '.join(cmd)}:\n{r.stderr}")


run("dtc", "-q", "-I", "dtb", "-O", "dts", "-o", f"{base}-virt.dts", virt)
lines = open(f"{base}-virt.dts").read().splitlines()
# Walk the nodes: the SMMU is the node whose compatible is arm,smmu-v3
stack, smmu = [], None
for i, line in enumerate(lines):
    line = line.strip()
    if line.endswith("{"):
        stack.append(i)
    elif line == "};":
        stack.pop()
    elif line.startswith("compatible") and '"arm,smmu-v3"' in line and stack:
        smmu = stack[-1]
if smmu is None:
    sys.exit("vpu-dt: no arm,smmu-v3 node in QEMU's DT")
head = lines[smmu]
lines[smmu] = head.replace(head.lstrip(), "smmu: " + head.lstrip(), 1)
if "--dma-bench" in sys.argv[4:]:
    end = max(i for i, l in enumerate(lines) if l.strip() == "};")
    lines[end:end] = """
	dma-bench@d000000 {
		compatible = "linux,dma-bench";
		reg = <0x0 0x0d000000 0x0 0x1000>;
		iommus = <&smmu 0x120>;
	};""".splitlines()
open(f"{base}-base.dts", "w").write("\n".join(lines) + "\n")
run("dtc", "-q", "-@", "-I", "dts", "-O", "dtb", "-o", f"{base}-base.dtb",
    f"{base}-base.dts")
run("dtc", "-@", "-I", "dts", "-O", "dtb", "-o", f"{base}-vpu.dtbo", dtso)
run("fdtoverlay", "-i", f"{base}-base.dtb", "-o", out, f"{base}-vpu.dtbo")
print(f"demo: the VPU's overlay applied; QEMU's SMMUv3 is "
      f"{head.strip().rstrip(' {')}")
