#!/bin/busybox sh
# SPDX-License-Identifier: GPL-2.0
#
# /init of the KUnit run on the SMMUv3 (make kunit-smmuv3): the kernel
# starts it once the built-in suites have run (kunit_shutdown=none in
# kunit/qemu_arm64_smmuv3.py).  kmemleak, which KUnit cannot drive, scans
# the memory the suites left, twice (it reports an object that is at
# least 5 s old and that a scan found unreferenced), and the count is
# printed for tools/kunit-check.sh; a leak also makes kmemleak log "N new
# suspected memory leaks", which kunit/forbidden-log.txt refuses.

/bin/busybox mkdir -p /proc /sys
/bin/busybox mount -t proc proc /proc
/bin/busybox mount -t sysfs sysfs /sys
/bin/busybox mount -t debugfs debugfs /sys/kernel/debug
leaks=/sys/kernel/debug/kmemleak
if [ -e $leaks ]; then
	/bin/busybox sleep 6
	echo scan >$leaks
	echo scan >$leaks
	echo "kmemleak: $(/bin/busybox grep -c 'unreferenced object' $leaks) unreferenced objects after the KUnit suites"
	/bin/busybox cat $leaks
else
	echo "kmemleak: off"
fi
/bin/busybox poweroff -f
