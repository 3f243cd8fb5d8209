#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make demo: the reference VPU on emulated hardware.  Boots the arm64
# kernel of the KUnit runs (built by `make kernel`: the series, the debug
# options, kunit/demo.config's reference core built in and block driver as
# a module) with kunit.enable=0, on a DT derived from QEMU's own plus a VPU
# node (seed 000's three blocks, each with a DT node and "iommu-ranges",
# and a fourth declared through "iommu-map", without limits), with a busybox
# initramfs, on QEMU virt with an SMMUv3, and reports what each block got,
# before and after an unbind/rebind of the core and an unload/reload of
# the block driver.
#
# With "builtin", the block driver is built in too, and the run has no
# module cycle.  The option is switched in the kernel's own folder: kbuild
# rebuilds only what it reaches (the samples), and the next kunit.py run
# switches it back the same way.  (DEBUG_KOBJECT_RELEASE, which this run
# had in a kernel of its own, changes struct kobject: switching it would
# rebuild the whole kernel twice.)
#
# Usage: tools/demo.sh TREE BUILD CACHE [builtin]
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
tree=$(realpath "$1")
build=$(realpath -m "$2")
cache=$3
variant=${4:-}
limit=600	# seconds for the QEMU run
obj=$build/kunit-arm64
switch="-m SAMPLE_AUXILIARY_DMA_BLOCK"
case $variant in
"")
	out=$build/demo
	want="SAMPLE_AUXILIARY_DMA_CORE=y SAMPLE_AUXILIARY_DMA_BLOCK=m"
	what="the VPU core built in, its block driver a module" ;;
builtin)
	out=$build/demo-builtin
	switch="-e SAMPLE_AUXILIARY_DMA_BLOCK"
	want="SAMPLE_AUXILIARY_DMA_CORE=y SAMPLE_AUXILIARY_DMA_BLOCK=y"
	what="both VPU drivers built in" ;;
*)
	echo "demo: unknown variant $variant" >&2
	exit 2 ;;
esac
make="make -s -j$(nproc) ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- O=$obj"
qemu=(qemu-system-aarch64 -nodefaults -display none -machine virt,iommu=smmuv3 -cpu max,pauth-impdef=on -smp 2 -m 1G)
mkdir -p "$out"

# 1. The kernel: the KUnit runs' arm64 kernel, with this run's switch
echo "demo: kernel ($what)"
if [ ! -f "$obj/.config" ]; then
	echo "demo: no arm64 kernel in $obj: make kernel builds it" >&2
	exit 1
fi
# shellcheck disable=SC2086 # $switch is a list of options
"$tree/scripts/config" --file "$obj/.config" $switch
(cd "$tree" && $make olddefconfig)
for opt in $want ARM_SMMU_V3=y BLK_DEV_INITRD=y DEBUG_KMEMLEAK=y MODULES=y; do
	grep -qx "CONFIG_$opt" "$obj/.config" || {
		echo "demo: CONFIG_$opt is not in the kernel of $obj" >&2
		exit 1
	}
done
(cd "$tree" && $make Image modules) >"$out/build.log" 2>&1 || {
	tail -30 "$out/build.log"
	exit 1
}
kver=$(cat "$obj/include/config/kernel.release")

# 2. The DT: QEMU's own, plus the sample's overlay of the VPU
echo "demo: device tree"
"${qemu[@]}" -machine dumpdtb="$out/virt.dtb" >/dev/null 2>&1
python3 "$top/tools/vpu-dt.py" "$out/virt.dtb" \
	"$tree/samples/auxiliary_dma/auxdma_vpu.dtso" "$out/vpu.dtb"

# 3. The initramfs: busybox (arm64, from Debian), the modules, /init
echo "demo: initramfs"
root=$out/root
"$top/tools/initramfs.sh" "$cache" "$root" "$top/tools/demo-init.sh"
(cd "$tree" && $make INSTALL_MOD_PATH="$root" modules_install >/dev/null)
(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) >"$out/initramfs.cpio.gz"

# 4. The run
echo "demo: booting QEMU virt with an SMMUv3 ($kver)"
timeout "$limit" "${qemu[@]}" -serial stdio -no-reboot \
	-kernel "$obj/arch/arm64/boot/Image" -initrd "$out/initramfs.cpio.gz" \
	-dtb "$out/vpu.dtb" -append "console=ttyAMA0 panic=-1 kunit.enable=0" \
	</dev/null >"$out/console.log" 2>&1 || true
echo "demo: console log in $out/console.log"
python3 "$top/tools/demo-report.py" "$out/console.log" "$top/kunit/forbidden-log.txt"
