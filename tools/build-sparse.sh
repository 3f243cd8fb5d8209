#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Build sparse from Debian sid's source package: Debian 12's sparse 0.6.4
# does not know __typeof_unqual__, which Linux 7.3 uses.  The source comes
# through the private apt configuration; only the "sparse" binary is built,
# into the cache folder.  Prints the path of the binary.
#
# Usage: tools/build-sparse.sh CACHE_DIR
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=$1
out=$cache/sparse/bin/sparse

if [ -x "$out" ] && "$out" --version >/dev/null 2>&1; then
	echo "$out"
	exit 0
fi

work=$cache/sparse/src
rm -rf "$work"
mkdir -p "$work" "$(dirname "$out")"
(cd "$work" && "$here/private-apt.sh" "$cache" source --download-only sparse >&2)
dsc=$(ls "$work"/sparse_*.dsc | head -n 1)
dpkg-source --no-check -x "$dsc" "$work/tree" >&2
make -C "$work/tree" -j"$(nproc)" CC=gcc sparse >&2
cp "$work/tree/sparse" "$out"
echo "$out"
