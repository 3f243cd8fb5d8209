#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# apt-get with a private configuration that sees only the suites named in
# tools/private-apt.list.  Nothing is installed: the caller only
# downloads (.deb or source) into the current folder.  The system's apt
# sources, lists and cache are left untouched, so the machine is never
# moved off its own release.
#
# Usage: tools/private-apt.sh CACHE_DIR apt-get-args...
# PRIVATE_APT=NAME uses tools/NAME.list and its own lists (default:
# private-apt); PRIVATE_APT_ARCH=ARCH fetches for another architecture.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
name=${PRIVATE_APT:-private-apt}
cache=$1/$name
shift

mkdir -p "$cache/apt/lists/partial" "$cache/apt/cache/archives/partial"
opts=(
	-o "Dir::Etc::SourceList=$here/$name.list"
	-o "Dir::Etc::SourceParts=/nonexistent"
	-o "Dir::State::Lists=$cache/apt/lists"
	-o "Dir::Cache=$cache/apt/cache"
	-o "Dir::State::status=/var/lib/dpkg/status"
	-o "APT::Get::Only-Source=true"
	-o "Acquire::Languages=none"
	-o "APT::Sandbox::User=root"
)
if [ -n "${PRIVATE_APT_ARCH:-}" ]; then
	opts+=(-o "APT::Architecture=$PRIVATE_APT_ARCH" -o "APT::Architectures=$PRIVATE_APT_ARCH")
fi

stamp=$cache/apt/updated
if [ ! -e "$stamp" ] || [ -n "$(find "$stamp" -mmin +1440)" ]; then
	apt-get "${opts[@]}" update -qq
	touch "$stamp"
fi
exec "${APT_CMD:-apt-get}" "${opts[@]}" "$@"
