#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Write the mailable series, one folder each, as patches/mailing lists
# them: git format-patch of each series' commits of base..series, with its
# cover letter from patches/cover/ (first line: subject) and the recipients
# that scripts/get_maintainer.pl names for that series alone; a series of
# one patch goes without a cover letter, its recipients in the patch.
# Commits with a "Not-for-mailing:" trailer (the project's own test
# infrastructure) are not mailed; they come last, after every mailed one.
# Every mailed commit is in exactly one series, and no mailed text names a
# file of this repository.
#
# Usage: tools/make-series.sh TREE OUTDIR
# Prints each series' folder and size, then "last mailed: COMMIT".
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
tree=$(realpath "$1")
out=$(realpath -m "$2")
export PATH=/usr/bin:$PATH

mailed=()
held=
for c in $(git -C "$tree" rev-list --reverse base..series); do
	if git -C "$tree" log -1 --format=%B "$c" | grep -q '^Not-for-mailing:'; then
		held=$c
	elif [ -n "$held" ]; then
		echo "series: $(git -C "$tree" log -1 --format='%h %s' "$c") comes after a commit not for mailing" >&2
		exit 1
	else
		mailed+=("$c")
	fi
done

# recipients DIR --no-l|--no-m --no-r: the addresses for the patches of DIR
recipients() {
	local dir=$1
	shift
	(cd "$tree" && ./scripts/get_maintainer.pl --no-rolestats --no-git \
		--no-git-fallback "$@" $(ls "$dir"/*.patch | grep -v /0000-) 2>/dev/null) |
		paste -sd, | sed 's/,/, /g'
}

# headers FILE TO CC [COVER]: To: and Cc: before the Subject: of FILE, and
# with COVER, its subject and body in place of format-patch's placeholders
headers() {
	python3 - "$@" <<'PY'
import sys
path, to, cc = sys.argv[1:4]
s = open(path).read()
if len(sys.argv) > 4:
    subject, body = open(sys.argv[4]).read().split("\n", 1)
    s = s.replace("*** SUBJECT HERE ***", subject, 1)
    s = s.replace("*** BLURB HERE ***", body.strip("\n"), 1)
head, rest = s.split("\nSubject:", 1)
open(path, "w").write(head + "\nTo: " + to + "\nCc: " + cc + "\nSubject:" + rest)
PY
}

rm -rf "$out"
mkdir -p "$out"
next=1
n=0
while read -r name range cover; do
	case $name in ''|'#'*) continue ;; esac
	first=${range%-*}
	last=${range#*-}
	if [ "$first" != "$next" ] || [ "$last" -lt "$first" ] || [ "$last" -gt "${#mailed[@]}" ]; then
		echo "series: $name: patches $range do not follow patch $((next - 1)) in patches/mailing" >&2
		exit 1
	fi
	next=$((last + 1))
	n=$((n + 1))
	dir=$out/$(printf %02d "$n")-$name
	count=$((last - first + 1))
	if [ "$cover" = - ]; then
		[ "$count" = 1 ] || { echo "series: $name: $count patches need a cover letter" >&2; exit 1; }
		git -C "$tree" format-patch -q -o "$dir" -1 "${mailed[$((first - 1))]}"
	else
		git -C "$tree" format-patch -q --cover-letter --thread=shallow -o "$dir" \
			"${mailed[$((first - 1))]}^..${mailed[$((last - 1))]}"
	fi
	to=$(recipients "$dir" --no-l)
	cc=$(recipients "$dir" --no-m --no-r)
	if [ "$cover" = - ]; then
		headers "$dir"/0001-*.patch "$to" "$cc"
	else
		headers "$dir"/0000-*.patch "$to" "$cc" "$top/patches/cover/$cover"
		lines=$(wc -l <"$top/patches/cover/$cover")
	fi
	echo "  $(basename "$dir"): $count patch$([ "$count" = 1 ] && echo "" || echo es)$(
		[ "$cover" = - ] && echo ", alone" || echo " and a cover letter of $lines lines")"
done <"$top/patches/mailing"
if [ "$next" != $((${#mailed[@]} + 1)) ]; then
	echo "series: patches/mailing ends at patch $((next - 1)); ${#mailed[@]} are mailed" >&2
	exit 1
fi

# What a reader of the list cannot open: this repository's files and runs
if grep -n -E 'tools/[a-z-]+\.(sh|py)|docs/[a-z]+\.md|kunit/[a-z_.-]+\.(config|txt|py)|patches/|README|\bseeds? 0[0-9]{2}|seeds/|make (check|demo|bench|series)\b' \
	"$out"/*/*.patch | grep -v '^[^:]*:[0-9]*:[-+ ]' | grep -v 'tools/testing/'; then
	echo "series: the lines above name files or runs of this repository" >&2
	exit 1
fi
echo "last mailed: ${mailed[$((${#mailed[@]} - 1))]}"
