#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
#
# /init of the bench's dma_map_benchmark run (tools/bench.sh): the kernel's
# own user-space tool, unmodified, on three devices behind the same
# SMMUv3, one after the other, in rounds: a platform device
# (dma-bench@d000000, bound to "dma_map_benchmark"), the reference VPU's
# block with a DT node and the widest range, [0, 3500 MiB) (declared by
# its node), and its pixel block (declared by input ID, no limits), each
# bound to the auxiliary
# driver "map_benchmark" through driver_override.  The VPU's block driver
# is not loaded, so its blocks wait unbound.  Lines starting with
# "MAPBENCH " are read by tools/bench-report.py.

/bin/busybox mkdir -p /proc /sys /dev /tmp /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t debugfs debugfs /sys/kernel/debug

# Rounds and seconds per run: mapbench.rounds= and mapbench.seconds= on
# the command line (make check's short run), else 3 and 3
ROUNDS=3
SECONDS_EACH=3
for arg in $(cat /proc/cmdline); do
	case $arg in
	mapbench.rounds=*) ROUNDS=${arg#*=} ;;
	mapbench.seconds=*) SECONDS_EACH=${arg#*=} ;;
	esac
done

insmod /auxdma_vpu_core.ko || echo "MAPBENCH ERROR the VPU core module does not load"

# bench NAME BUS DEVICE DRIVER: bind DEVICE to DRIVER, run the tool, unbind
bench() {
	dev=/sys/bus/$2/devices/$3
	if [ ! -e "$dev" ]; then
		echo "MAPBENCH ERROR $1: no $dev"
		return
	fi
	echo "$4" >"$dev/driver_override"
	echo "$3" >/sys/bus/"$2"/drivers_probe
	if [ ! -e /sys/kernel/debug/dma_map_benchmark ]; then
		echo "MAPBENCH ERROR $1: $3 did not bind to $4"
		return
	fi
	/bin/dma_map_benchmark -t 1 -s "$SECONDS_EACH" -g 1 2>&1 |
		while read -r line; do echo "MAPBENCH $1 $line"; done
	echo "$3" >"$dev/driver/unbind"
	echo >"$dev/driver_override"
}

# A first run is slower, whichever device it is on (a second's run by
# half): one on the platform device first, printed, not counted
bench warmup platform d000000.dma-bench dma_map_benchmark
round=1
while [ $round -le $ROUNDS ]; do
	bench platform platform d000000.dma-bench dma_map_benchmark
	bench aux_node auxiliary auxdma_vpu_core.block.1 map_benchmark
	bench aux_id auxiliary auxdma_vpu_core.pixel.0 map_benchmark
	round=$((round + 1))
done
echo "MAPBENCH END"
poweroff -f
