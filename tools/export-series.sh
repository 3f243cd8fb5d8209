#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The reverse of assemble-tree.sh, for developers: write the commits
# base..HEAD of the kernel tree back into this repository.  Files that a
# commit adds become files of the repository at the same path; its changes
# to upstream files become patches/NNNN-*.patch; patches/series lists both.
#
# A file added by one commit must not be changed by a later one: the
# repository holds one version of it.  Squash the change into the commit
# that adds the file instead.
#
# Usage: tools/export-series.sh TREE
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
tree=$1
g() { git -C "$tree" "$@"; }

commits=$(g rev-list --reverse base..HEAD)
declare -A owner=()
for c in $commits; do
	for f in $(g diff-tree --no-commit-id --name-only --diff-filter=A -r "$c"); do
		owner[$f]=$c
	done
done
for c in $commits; do
	for f in $(g diff-tree --no-commit-id --name-only --diff-filter=MD -r "$c"); do
		if [ -n "${owner[$f]:-}" ] && [ "${owner[$f]}" != "$c" ]; then
			echo "export: $(g log -1 --format=%h "$c") changes $f, added by $(g log -1 --format=%h "${owner[$f]}")" >&2
			exit 1
		fi
	done
done

excludes=()
for f in "${!owner[@]}"; do
	excludes+=(":(exclude)$f")
done

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=0
{
	echo "# The series, in order: PATCH followed by the files its commit adds."
	echo "# Written by tools/export-series.sh; read by tools/assemble-tree.sh."
} >"$tmp/series"
for c in $commits; do
	n=$((n + 1))
	name=$(printf '%04d-%s.patch' "$n" "$(g log -1 --format=%f "$c" | cut -c1-52)")
	{
		g log -1 --format='From: %an <%ae>%nDate: %aD%nSubject: %s%n%n%b' "$c" |
			sed -e '$ { /^$/d }'
		echo "---"
		g diff --no-color "$c^" "$c" -- . "${excludes[@]}"
	} >"$tmp/$name"
	files=$(g diff-tree --no-commit-id --name-only --diff-filter=A -r "$c" | tr '\n' ' ')
	echo "$name ${files% }" >>"$tmp/series"
	for f in $files; do
		mkdir -p "$top/$(dirname "$f")"
		g show "$c:$f" >"$tmp/file"
		cmp -s "$tmp/file" "$top/$f" || cp "$tmp/file" "$top/$f"
	done
done

rm -f "$top"/patches/*.patch
cp "$tmp"/*.patch "$top/patches/"
cp "$tmp/series" "$top/patches/series"
echo "export: $n commits to patches/ ($(wc -w <<<"${!owner[*]}") new files)"
