#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
#
# The DT of the demo and of the bench's dma_map_benchmark run: QEMU virt's
# own (decompiled from -machine dumpdtb), plus the reference VPU, pointing
# at the SMMUv3 found there.  With --dma-bench, also a platform device
# behind the same SMMUv3 (stream ID 0x120, no limits) for
# dma_map_benchmark to bind to, beside the VPU's blocks.
#
# Usage: tools/vpu-dt.py VIRT.dts OUT.dts [--dma-bench]
import re, sys
src = open(sys.argv[1]).read()
# Walk the nodes: the SMMU is the node whose compatible is arm,smmu-v3
stack, props, smmu = [], [], None
for line in src.splitlines():
    line = line.strip()
    if line.endswith("{"):
        stack.append(line)
        props.append({})
    elif line == "};":
        node = props.pop()
        stack.pop()
        if '"arm,smmu-v3"' in node.get("compatible", "") and "phandle" in node:
            smmu = re.search(r"<(0x[0-9a-f]+)>", node["phandle"]).group(1)
    elif "=" in line and props:
        key, val = line.split("=", 1)
        props[-1][key.strip()] = val
if not smmu:
    sys.exit("vpu-dt: no arm,smmu-v3 node with a phandle in QEMU's DT")
vpu = f"""
	vpu@c000000 {{
		compatible = "linux,auxdma-vpu";
		reg = <0x0 0x0c000000 0x0 0x10000>;
		#address-cells = <1>;
		#size-cells = <1>;
		ranges = <0x0 0x0 0x0c000000 0x10000>;
		iommus = <{smmu} 0x100>;
		/* input ID 0: the pixel block, which has no node and no limit */
		iommu-map = <0x0 {smmu} 0x113 0x1>;

		/* seed 000's SID-0: IOVA 600 MB-3500 MB */
		block@1000 {{
			reg = <0x1000 0x100>;
			iommus = <{smmu} 0x110>;
			iommu-ranges = <0x25800000 0xb5400000>;
		}};

		/* seed 000's SID-1: IOVA 0-3500 MB */
		block@2000 {{
			reg = <0x2000 0x100>;
			iommus = <{smmu} 0x111>;
			iommu-ranges = <0x0 0xdac00000>;
		}};

		/* seed 000's SID-2: IOVA 16 MB-600 MB */
		block@3000 {{
			reg = <0x3000 0x100>;
			iommus = <{smmu} 0x112>;
			iommu-ranges = <0x1000000 0x24800000>;
		}};
	}};
"""
if "--dma-bench" in sys.argv[3:]:
    vpu += f"""
	dma-bench@d000000 {{
		compatible = "linux,dma-bench";
		reg = <0x0 0x0d000000 0x0 0x1000>;
		iommus = <{smmu} 0x120>;
	}};
"""
end = src.rstrip().rfind("};")
open(sys.argv[2], "w").write(src[:end] + vpu + src[end:])
print(f"demo: the SMMU's phandle in QEMU's DT is {smmu}")
