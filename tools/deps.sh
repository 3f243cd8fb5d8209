#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Install every Debian package the project needs, idempotently.
#
# Only the machine's own (bookworm) apt sources are used for installs.
# Packages from newer suites are never installed system-wide: they are
# fetched with a private apt configuration (tools/private-apt.sh) and
# unpacked or built under the cache folder.
set -euo pipefail

PKGS=(
	bc bison flex cpio rsync kmod xz-utils file device-tree-compiler
	libssl-dev libelf-dev
	gcc-aarch64-linux-gnu gcc-arm-linux-gnueabihf libc6-dev-arm64-cross
	qemu-system-arm qemu-system-x86
	python3 python3-ply python3-git
	build-essential dpkg-dev
	libxml2-dev libsqlite3-dev llvm-dev
	coccinelle yamllint
	python3-sphinx python3-sphinx-rtd-theme python3-yaml
	gnuplot-nox
)

missing=()
for p in "${PKGS[@]}"; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null |
		grep -q '^install ok installed$' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
	echo "deps: all ${#PKGS[@]} packages present"
	exit 0
fi

echo "deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
echo "deps: done"
