#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Turn this repository into a kernel git tree: a base commit holding the
# kernel base, then one commit per entry of patches/series.  Each entry
# names a patch (a mail whose diff touches upstream files only) and the new
# files of this repository that the commit adds.
#
# Only files whose content changes are rewritten, so an unchanged tree
# keeps its mtimes and incremental builds stay incremental.
#
# Usage: tools/assemble-tree.sh TREE CACHE_DIR [KSRC]
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
tree=$1
cache=$2
ksrc=${3:-}

# Commits are reproducible: the committer and its date are fixed, the
# author and author date come from each patch.
export GIT_AUTHOR_NAME="DMA-capable auxiliary devices"
export GIT_AUTHOR_EMAIL="auxdma@localhost"
export GIT_COMMITTER_NAME=$GIT_AUTHOR_NAME
export GIT_COMMITTER_EMAIL=$GIT_AUTHOR_EMAIL
export GIT_AUTHOR_DATE="2026-11-21T00:00:00+0000"
export GIT_COMMITTER_DATE=$GIT_AUTHOR_DATE
g() { git -C "$tree" "$@"; }

# 1. The base commit, made once.
if ! g rev-parse -q --verify refs/tags/base >/dev/null 2>&1; then
	rm -rf "$tree"
	mkdir -p "$tree"
	if [ -n "$ksrc" ]; then
		echo "tree: base from $ksrc"
		rsync -a --exclude=.git "$ksrc"/ "$tree"/
		what="Kernel base from $ksrc"
	else
		tarball=$("$top/tools/fetch-kernel.sh" "$cache")
		echo "tree: base from $tarball"
		tar -xJf "$tarball" -C "$tree" --strip-components=1
		# shellcheck source=kernel.lock
		. "$top/tools/kernel.lock"
		what="Linux 7.3.4 from Debian $PACKAGE $VERSION"
	fi
	g init -q -b series
	g config core.autocrlf false
	g config gc.auto 0
	# Debian's tarball ignores "/*" in .gitignore: add everything anyway.
	g add -A -f .
	g commit -q --no-verify -m "$what"
	g tag base
fi

# 2. The series, built in a private index without touching the work tree.
idx=$(mktemp)
trap 'rm -f "$idx" "$idx.msg" "$idx.diff" "$idx.info"' EXIT
export GIT_INDEX_FILE=$idx
g read-tree base
parent=$(g rev-parse base^{commit})
n=0
while read -r patch files; do
	case "$patch" in ''|'#'*) continue ;; esac
	n=$((n + 1))
	git mailinfo -k "$idx.msg" "$idx.diff" <"$top/patches/$patch" >"$idx.info"
	subject=$(sed -n 's/^Subject: //p' "$idx.info")
	author=$(sed -n 's/^Author: //p' "$idx.info")
	email=$(sed -n 's/^Email: //p' "$idx.info")
	date=$(sed -n 's/^Date: //p' "$idx.info")
	if [ -s "$idx.diff" ]; then
		if ! g apply --cached --whitespace=nowarn "$idx.diff"; then
			echo "tree: patches/$patch does not apply" >&2
			exit 1
		fi
	fi
	for f in $files; do
		blob=$(git hash-object -w --path="$f" --git-dir="$tree/.git" "$top/$f" 2>/dev/null ||
		       (cd "$tree" && git hash-object -w "$top/$f"))
		mode=100644
		[ -x "$top/$f" ] && mode=100755
		g update-index --add --cacheinfo "$mode,$blob,$f"
	done
	treeid=$(g write-tree)
	parent=$( { printf '%s\n\n' "$subject"; cat "$idx.msg"; } |
		GIT_AUTHOR_NAME=${author:-$GIT_AUTHOR_NAME} \
		GIT_AUTHOR_EMAIL=${email:-$GIT_AUTHOR_EMAIL} \
		GIT_AUTHOR_DATE=${date:-$GIT_AUTHOR_DATE} \
		g commit-tree "$treeid" -p "$parent")
done <"$top/patches/series"
unset GIT_INDEX_FILE

# 3. Move the work tree to the new top, rewriting only what changed.
old=$(g rev-parse HEAD)
if [ "$old" = "$parent" ]; then
	echo "tree: $tree up to date ($n patches)"
	exit 0
fi
g update-index -q --refresh || true
dirty=$(g diff-files --name-only)
g read-tree -m "$old" "$parent"
g update-index -q --refresh || true
need=$(g diff-files --name-only)
for p in $dirty; do
	if grep -qxF "$p" <<<"$need"; then
		g read-tree "$old"
		echo "tree: $tree/$p has local edits; run 'make refresh' or discard them" >&2
		exit 1
	fi
done
if [ -n "$need" ]; then
	(cd "$tree" && xargs git checkout-index -f -q -- <<<"$need")
fi
g diff --name-only --diff-filter=D "$old" "$parent" | (cd "$tree" && xargs -r rm -f --)
g update-ref refs/heads/series "$parent"
g symbolic-ref HEAD refs/heads/series
echo "tree: $tree at $(g log -1 --format=%h) ($n patches, $(wc -w <<<"$need") files rewritten)"
