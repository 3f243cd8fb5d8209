#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
#
# /init of the fault-injection run (tools/demo.sh faults), on the kernel
# of `make demo`.  For each path that makes or binds a DMA context of the
# reference VPU, fail its 1st, 2nd, ... allocation (failslab and
# fail_page_alloc, GFP_KERNEL included, through this task's fail-nth, as
# iommufd's selftests do) until the path has no allocation left to fail.
# After every injected fault: the write failed with an errno and a kernel
# log line (one that names the device, unless the write failed before it
# reached the device: "FAULTS NOLOG" says where), and left no device and
# no IOMMU group behind, and the same write without a fault then
# succeeds; or it succeeded and its result is whole.  At the end kmemleak
# scans.  The lines starting with "FAULTS " are read by
# tools/faults-report.py on the host.

/bin/busybox mkdir -p /proc /sys /dev /tmp /sbin /usr/bin /usr/sbin
/bin/busybox --install -s
mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t debugfs debugfs /sys/kernel/debug

MODDIR=/lib/modules/$(uname -r)/kernel/samples/auxiliary_dma
CORE_DRV=/sys/bus/platform/drivers/auxdma-vpu-core
BLOCK_DRV=/sys/bus/auxiliary/drivers/auxdma_vpu_block.block
fails=0
total_points=0
total_injected=0

bad() {
	echo "FAULTS FAIL $*"
	fails=$((fails + 1))
}

# Fail only what fail-nth asks, GFP_KERNEL and order-0 pages included;
# one log line per injected fault, none rate-limited away
for a in failslab fail_page_alloc; do
	d=/sys/kernel/debug/$a
	[ -d $d ] || { bad "no $d: the kernel lacks fault injection"; continue; }
	echo N >$d/ignore-gfp-wait
	echo 1 >$d/verbose
	echo 0 >$d/verbose_ratelimit_interval_ms
done
[ -e /sys/kernel/debug/fail_page_alloc/min-order ] &&
	echo 0 >/sys/kernel/debug/fail_page_alloc/min-order

core=$(basename "$(ls -d $CORE_DRV/*vpu* | head -n 1)")
echo "FAULTS CORE $core"

groups() {
	ls /sys/kernel/iommu_groups | wc -l
}

children() {
	for d in /sys/bus/auxiliary/devices/auxdma_vpu_core.*; do
		[ -e "$d" ] && echo "${d##*/}"
	done
}

bound() {
	[ -e "/sys/bus/$1/devices/$2/driver" ]
}

# What a child must have whenever it exists: a group of its own, whose
# reserved regions are those it had in the first run
child_whole() {
	c=$1
	g=/sys/bus/auxiliary/devices/$c/iommu_group
	[ -e "$g" ] || { bad "$path: $c has no IOMMU group"; return; }
	cmp -s "$(readlink -f "$g")/reserved_regions" "/tmp/resv.$c" ||
		bad "$path: $c: reserved regions differ from the first run"
	[ "$(ls "$(readlink -f "$g")/devices" | wc -l)" = 1 ] ||
		bad "$path: $c shares its IOMMU group"
}

# The core bound: every child of the first run, each whole, each bound
# to the block driver if it is loaded
core_whole() {
	bound platform "$core" || bad "$path: $core is not bound"
	[ "$(children)" = "$want" ] ||
		bad "$path: children '$(children)', want '$want'"
	for c in $(children); do
		child_whole "$c"
		[ -z "$module" ] || bound auxiliary "$c" || bad "$path: $c is not bound"
	done
}

# The core unbound: no child, no group left
core_clean() {
	bound platform "$core" && bad "$path: $core is still bound"
	[ -z "$(children)" ] || bad "$path: children left: $(children)"
	[ "$(groups)" = "$groups_unbound" ] ||
		bad "$path: $(groups) IOMMU groups, want $groups_unbound"
}

# One child: bound (whole) or unbound (clean), its group kept either way
child_bound() {
	bound auxiliary "$child" || bad "$path: $child is not bound"
	child_whole "$child"
}

child_clean() {
	bound auxiliary "$child" && bad "$path: $child is still bound"
	child_whole "$child"
	[ "$(groups)" = "$groups_bound" ] ||
		bad "$path: $(groups) IOMMU groups, want $groups_bound"
}

write() {
	echo "$2" >"$1" || bad "$path: writing $2 to $1 failed without a fault"
}

# fault PATH-NAME FILE VALUE WHOLE CLEAN UNDO [NAME-IN-LOG]
#
# Writes VALUE to FILE with the 1st, 2nd, ... fault-injection point failed.
# A failed write must leave CLEAN true, log a line naming the device and
# be followed by a write without a fault that leaves WHOLE true; a write
# that survived its fault must leave WHOLE true.  UNDO reverts a write.
# The path's last write, which no fault reached, must leave WHOLE true.
fault() {
	path=$1 file=$2 value=$3 whole=$4 clean=$5 undo=$6 dev=${7:-$3}
	n=1 injected=0 failed=0 survived=0 errnos=
	while :; do
		dmesg -c >/dev/null
		set -- $(fail-nth $n "$file" "$value")
		err=$1 hit=$2 log=$(dmesg -c)
		if [ -z "$hit" ]; then
			bad "$path: fail-nth $n did not run"
			break
		fi
		if [ "$hit" = 0 ]; then
			[ "$err" = 0 ] || bad "$path: failed with errno $err, no fault"
			$whole
			$undo
			break
		fi
		injected=$((injected + 1))
		if [ "$err" = 0 ]; then
			survived=$((survived + 1))
			$whole
		else
			failed=$((failed + 1))
			case " $errnos " in *" $err "*) ;; *) errnos="$errnos $err" ;; esac
			$clean
			echo "$log" | grep -q "FAULT_INJECTION: forcing a failure" ||
				bad "$path: point $n: no fault-injection line"
			echo "$log" | grep -q "$dev" ||
				echo "FAULTS NOLOG $path: point $n: errno $err, no line names $dev"
			# The same write without a fault succeeds, whole
			$undo
			log=
			write "$file" "$value"
			$whole
		fi
		$undo
		n=$((n + 1))
	done
	points=$((n - 1))
	total_points=$((total_points + points))
	total_injected=$((total_injected + injected))
	echo "FAULTS PATH $path: $points points, $failed failed cleanly," \
	     "$survived survived whole, errnos${errnos:- none}"
}

unbind_core() {
	bound platform "$core" && echo "$core" >$CORE_DRV/unbind
}

bind_core() {
	bound platform "$core" || echo "$core" >$CORE_DRV/bind
}

unbind_child() {
	bound auxiliary "$child" && echo "$child" >$BLOCK_DRV/unbind
}

# The first run: what a whole core is
module=
groups_bound=$(groups)
want=$(children)
for c in $want; do
	cp "$(readlink -f /sys/bus/auxiliary/devices/$c/iommu_group)/reserved_regions" \
		"/tmp/resv.$c"
done
echo "FAULTS CHILDREN" $want
path=first
core_whole
unbind_core
groups_unbound=$(groups)

# 1. The core's probe: declare, add, IOMMU probe and reservation of two
#    blocks by DT node and one by input ID, no block driver
fault core-probe $CORE_DRV/bind "$core" core_whole core_clean unbind_core
bind_core
# 2. The core's removal: a write that fails (before it reaches the driver
#    core) leaves the core as it was; one that does not leaves nothing
fault core-remove $CORE_DRV/unbind "$core" core_clean core_whole bind_core
bind_core

# 3. Binding the block driver, to a block declared by node and to one
#    declared by input ID: the bus's DMA configuration and the probe
insmod $MODDIR/auxdma_vpu_block.ko || bad "insmod auxdma_vpu_block failed"
module=1
groups_bound=$(groups)
path=insmod
core_whole
for child in $want; do
	case $child in
	*.block.*) [ -z "$by_node" ] || continue; by_node=1 ;;
	*.pixel.*) [ -z "$by_id" ] || continue; by_id=1 ;;
	esac
	unbind_child
	fault "bind-${child%.*}" $BLOCK_DRV/bind "$child" child_bound child_clean \
		unbind_child
	echo "$child" >$BLOCK_DRV/bind
done
[ -n "$by_node" ] && [ -n "$by_id" ] || bad "no block of each declaration"

rmmod auxdma_vpu_block
unbind_core
path=end
core_clean

echo "FAULTS SUMMARY $total_points points, $total_injected faults injected," \
     "$fails failures"
if [ -e /sys/kernel/debug/kmemleak ]; then
	# kmemleak reports objects at least 5 s old, seen unreferenced twice
	sleep 6
	echo scan >/sys/kernel/debug/kmemleak
	echo scan >/sys/kernel/debug/kmemleak
	echo "FAULTS KMEMLEAK $(grep -c 'unreferenced object' /sys/kernel/debug/kmemleak)"
	sed 's/^/FAULTS LEAK /' /sys/kernel/debug/kmemleak
else
	echo "FAULTS FAIL no kmemleak"
fi
echo "FAULTS DONE"
poweroff -f
