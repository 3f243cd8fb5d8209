#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# make bench: what an auxiliary child with a DMA context costs, against
# the patterns it replaces.  The kernel has no debug option: allnoconfig
# plus kunit/bench.config (the suites, SMMUv3, the console; the converted
# drivers and their suites as modules, which the modules gate checks),
# built in OBJ.  It boots on QEMU virt with an SMMUv3
# (kunit/qemu_arm64_bench.py) and runs the suite auxiliary_dma_bench.
# tools/bench-report.py prints the figures and their targets, and writes a
# table and a plot in OUT.
#
# Usage: tools/bench.sh TREE OBJ OUT CACHE [build|run] [check]
# CACHE holds the downloads (busybox for the dma_map_benchmark run).
# "build" only builds the kernel (make check builds it beside its KUnit
# runs), "run" only runs it; "check" (make check) fails only on a gross
# regression, not on a missed target (tools/bench-report.py --check).
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
tree=$(realpath "$1")
obj=$(realpath -m "$2")
out=$(realpath -m "$3")
cache=$4
shift 4
steps="build run"
check=
for a in "$@"; do
	case $a in
	build|run) steps=$a ;;
	check) check=--check ;;
	*) echo "bench: unknown option $a" >&2; exit 2 ;;
	esac
done
make="make -s -j$(nproc) ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- O=$obj"
mkdir -p "$obj" "$out"

if [ "$steps" != run ]; then
	# One build at a time in OBJ: the modules gate's waits for make
	# check's background one, and then has nothing left to do
	exec 9>"$obj.lock"
	flock 9
	echo "bench: kernel (allnoconfig and kunit/bench.config, no debug option) in $obj"
	(cd "$tree" && $make allnoconfig >/dev/null &&
	 ./scripts/kconfig/merge_config.sh -m -O "$obj" "$obj/.config" "$top/kunit/bench.config" >/dev/null &&
	 $make olddefconfig && $make Image modules) >"$out/build.log" 2>&1 || {
		tail -30 "$out/build.log"
		echo "bench: the kernel does not build (see $out/build.log)"
		exit 1
	}
	flock -u 9
	[ "$steps" != build ] || exit 0
fi
for opt in AUXILIARY_DMA_KUNIT_BENCH=y ARM_SMMU_V3=y DMA_MAP_BENCHMARK=y BLK_DEV_INITRD=y \
	   SAMPLE_AUXILIARY_DMA_CORE=m; do
	grep -qx "CONFIG_$opt" "$obj/.config" || {
		echo "bench: CONFIG_$opt is not in the kernel of $obj" >&2
		exit 1
	}
done
for opt in DEBUG_KERNEL KASAN PROVE_LOCKING DMA_API_DEBUG; do
	! grep -qx "CONFIG_$opt=y" "$obj/.config" || {
		echo "bench: CONFIG_$opt=y in the kernel of $obj: its figures would mean nothing" >&2
		exit 1
	}
done

rm -f "$out"/run-*.log
(cd "$tree" && ./tools/testing/kunit/kunit.py exec --build_dir="$obj" --arch=arm64 \
	--qemu_config="$top/kunit/qemu_arm64_bench.py" --timeout=600 \
	--raw_output=all auxiliary_dma_bench) >"$out/run.log" 2>&1 || true

# The kernel's own dma_map_benchmark (tools/dma), unmodified and built
# with its own Makefile, on a platform device and on two auxiliary ones
# behind the same SMMUv3, in the same kernel booted with KUnit off, on the
# demo's DT plus a platform device (tools/mapbench-init.sh)
mb=$out/mapbench
rm -rf "$mb"
mkdir -p "$mb"
make -s -C "$tree/tools/dma" CC=aarch64-linux-gnu-gcc CFLAGS=-static OUTPUT="$mb/" \
	>"$mb/tool.log" 2>&1 || {
	cat "$mb/tool.log"
	echo "bench: dma_map_benchmark does not build (see $mb/tool.log)"
	exit 1
}
qemu=(qemu-system-aarch64 -nodefaults -display none -machine virt,iommu=smmuv3
      -cpu max,pauth-impdef=on -smp 2 -m 1G)
"${qemu[@]}" -machine dumpdtb="$mb/virt.dtb" >/dev/null 2>&1
python3 "$top/tools/vpu-dt.py" "$mb/virt.dtb" \
	"$tree/samples/auxiliary_dma/auxdma_vpu.dtso" "$mb/bench.dtb" --dma-bench >/dev/null
"$top/tools/initramfs.sh" "$cache" "$mb/root" "$top/tools/mapbench-init.sh"
cp "$mb/dma_map_benchmark" "$mb/root/bin/"
cp "$obj/samples/auxiliary_dma/auxdma_vpu_core.ko" "$mb/root/"
(cd "$mb/root" && find . | cpio -o -H newc --quiet | gzip -1) >"$mb/initramfs.cpio.gz"
# make check's run is one round of a second each: it checks that the run
# works, within the budget; make bench's is three rounds of three seconds
short=
[ -z "$check" ] || short="mapbench.rounds=1 mapbench.seconds=1"
timeout 300 "${qemu[@]}" -serial stdio -no-reboot \
	-kernel "$obj/arch/arm64/boot/Image" -initrd "$mb/initramfs.cpio.gz" \
	-dtb "$mb/bench.dtb" -append "console=ttyAMA0 panic=-1 kunit.enable=0 $short" \
	</dev/null >"$out/mapbench.log" 2>&1 || true

python3 "$top/tools/bench-report.py" $check --mapbench "$out/mapbench.log" "$out" "$out/run.log"
