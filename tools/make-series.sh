#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Write the mailable series: git format-patch of base..series with the
# cover letter of patches/cover-letter.txt (first line: subject), and the
# recipients that scripts/get_maintainer.pl names for the whole series.
# Commits with a "Not-for-mailing:" trailer (the project's own test
# infrastructure) are not mailed; they come last, after every mailed one.
#
# Usage: tools/make-series.sh TREE OUTDIR
# Prints the files, then "last mailed: COMMIT".
set -euo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
tree=$(realpath "$1")
out=$(realpath -m "$2")
export PATH=/usr/bin:$PATH

last=$(git -C "$tree" rev-parse base)
held=
for c in $(git -C "$tree" rev-list --reverse base..series); do
	if git -C "$tree" log -1 --format=%B "$c" | grep -q '^Not-for-mailing:'; then
		held=$c
	elif [ -n "$held" ]; then
		echo "series: $(git -C "$tree" log -1 --format='%h %s' "$c") comes after a commit not for mailing" >&2
		exit 1
	else
		last=$c
	fi
done

rm -rf "$out"
git -C "$tree" format-patch -q --cover-letter --thread=shallow -o "$out" "base..$last"
cover=$(ls "$out"/0000-*.patch)

recipients() {
	(cd "$tree" && ./scripts/get_maintainer.pl --no-rolestats --no-git \
		--no-git-fallback "$@" $(ls "$out"/*.patch | grep -v /0000-)) |
		paste -sd, | sed 's/,/, /g'
}
to=$(recipients --no-l)
cc=$(recipients --no-m --no-r)

python3 - "$cover" "$top/patches/cover-letter.txt" "$to" "$cc" <<'PY'
import sys
cover, text, to, cc = sys.argv[1:]
subject, body = open(text).read().split("\n", 1)
s = open(cover).read()
s = s.replace("*** SUBJECT HERE ***", subject, 1)
s = s.replace("*** BLURB HERE ***", body.strip("\n"), 1)
head, rest = s.split("\nSubject:", 1)
s = head + "\nTo: " + to + "\nCc: " + cc + "\nSubject:" + rest
open(cover, "w").write(s)
PY
ls "$out"
echo "last mailed: $last"
