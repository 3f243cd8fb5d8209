#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
#
# /init of the `make demo` initramfs.  The reference VPU core is built in
# and has spawned its blocks at boot: load the block driver, print what
# each block got, unbind and rebind the core, unload and reload the block
# driver, print it again, unload it and unbind the core, scan for leaks,
# power off.  Where the block driver is built in too (tools/demo.sh
# builtin), the same without the module steps.  The lines
# starting with "DEMO " are read by tools/demo-report.py on the host.

/bin/busybox mkdir -p /proc /sys /dev /tmp /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t debugfs debugfs /sys/kernel/debug

KVER=$(uname -r)
MODDIR=/lib/modules/$KVER/kernel/samples/auxiliary_dma

table() {
	echo "DEMO TABLE $1"
	for d in /sys/bus/auxiliary/devices/auxdma_vpu_core.*; do
		[ -e "$d" ] || continue
		dev=${d##*/}
		drv=-
		[ -e "$d/driver" ] && drv=$(basename "$(readlink "$d/driver")")
		grp=-
		[ -e "$d/iommu_group" ] && grp=$(basename "$(readlink "$d/iommu_group")")
		echo "DEMO BLOCK $dev $drv $grp"
		if [ "$grp" != - ]; then
			while read -r start end type; do
				echo "DEMO RESV $dev $start $end $type"
			done </sys/kernel/iommu_groups/"$grp"/reserved_regions
		fi
		buf=/sys/kernel/debug/auxdma_vpu/$dev/buffers
		if [ -e "$buf" ]; then
			while read -r kind iova size; do
				echo "DEMO BUF $dev $kind $iova $size"
			done <"$buf"
		fi
	done
	echo "DEMO END $1"
}

step() {
	echo "DEMO STEP $*"
	"$@" || echo "DEMO FAIL step: $*"
}

module=
if [ -e $MODDIR/auxdma_vpu_block.ko ]; then
	module=1
	echo "DEMO MODE module"
	step insmod $MODDIR/auxdma_vpu_block.ko
else
	echo "DEMO MODE builtin"
fi
table before

core=$(basename "$(ls -d /sys/bus/platform/drivers/auxdma-vpu-core/*vpu* | head -n 1)")
echo "DEMO CORE $core"
step sh -c "echo $core > /sys/bus/platform/drivers/auxdma-vpu-core/unbind"
table unbound
step sh -c "echo $core > /sys/bus/platform/drivers/auxdma-vpu-core/bind"
if [ -n "$module" ]; then
	step rmmod auxdma_vpu_block
	table unloaded
	step insmod $MODDIR/auxdma_vpu_block.ko
fi
table after

[ -n "$module" ] && step rmmod auxdma_vpu_block
step sh -c "echo $core > /sys/bus/platform/drivers/auxdma-vpu-core/unbind"
table end
if [ -e /sys/kernel/debug/kmemleak ]; then
	echo scan >/sys/kernel/debug/kmemleak
	echo scan >/sys/kernel/debug/kmemleak
	grep -c "unreferenced object" /sys/kernel/debug/kmemleak | sed 's/^/DEMO KMEMLEAK /'
	sed 's/^/DEMO LEAK /' /sys/kernel/debug/kmemleak
fi
echo "DEMO DONE"
poweroff -f
