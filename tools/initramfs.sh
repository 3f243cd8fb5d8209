#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# A busybox initramfs for the arm64 kernel: ROOT gets Debian's static
# busybox (arm64, downloaded once into CACHE/dl) and INIT as its /init.
# With OUT, ROOT is packed into OUT (gzipped cpio); without it the caller
# adds its files and packs ROOT itself.
#
# Usage: tools/initramfs.sh CACHE ROOT INIT [OUT]
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
cache=$1
root=$2
init=$3
out=${4:-}

mkdir -p "$cache/dl"
bb=$(ls "$cache"/dl/busybox-static_*_arm64.deb 2>/dev/null | head -n 1 || true)
if [ -z "$bb" ]; then
	(cd "$cache/dl" && PRIVATE_APT=arm64-apt PRIVATE_APT_ARCH=arm64 \
		"$top/tools/private-apt.sh" "$cache" download busybox-static >/dev/null)
	bb=$(ls "$cache"/dl/busybox-static_*_arm64.deb | head -n 1)
fi
rm -rf "$root"
mkdir -p "$root/bin"
dpkg-deb --fsys-tarfile "$bb" | tar -x -O ./bin/busybox >"$root/bin/busybox"
chmod 755 "$root/bin/busybox"
cp "$init" "$root/init"
chmod 755 "$root/init"
if [ -n "$out" ]; then
	(cd "$root" && find . | cpio -o -H newc --quiet | gzip -1) >"$out"
fi
