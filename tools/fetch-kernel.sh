#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Fetch the kernel base named in tools/kernel.lock into the cache folder
# and print the path of the verified source tarball.
#
# Usage: tools/fetch-kernel.sh CACHE_DIR
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
cache=$1
# shellcheck source=kernel.lock
. "$here/kernel.lock"

deb=$cache/dl/${PACKAGE}_${VERSION}_all.deb
tarball=$cache/dl/$PACKAGE/$TARBALL

check() {
	echo "$2  $1" | sha256sum --quiet -c - 2>/dev/null
}

if [ -f "$tarball" ] && check "$tarball" "$TARBALL_SHA256"; then
	echo "$tarball"
	exit 0
fi

mkdir -p "$cache/dl"
if ! [ -f "$deb" ] || ! check "$deb" "$DEB_SHA256"; then
	rm -f "$deb"
	(cd "$cache/dl" &&
	 "$here/private-apt.sh" "$cache" download "$PACKAGE=$VERSION" >&2)
	# apt names the file with the epoch-less, URL-encoded version
	mv "$cache/dl/${PACKAGE}_${VERSION//:/%3a}_all.deb" "$deb" 2>/dev/null || true
fi
if ! check "$deb" "$DEB_SHA256"; then
	echo "fetch-kernel: $deb: checksum mismatch (want $DEB_SHA256)" >&2
	exit 1
fi

rm -rf "$cache/dl/$PACKAGE"
dpkg-deb -x "$deb" "$cache/dl/$PACKAGE"
if ! check "$tarball" "$TARBALL_SHA256"; then
	echo "fetch-kernel: $tarball: checksum mismatch" >&2
	exit 1
fi
echo "$tarball"
