#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# The kernel's own gates, run on the series in the kernel tree:
#
#   checkpatch  scripts/checkpatch.pl --strict on every patch, and every
#               file a patch adds is in a MAINTAINERS section
#   kernel-doc  scripts/kernel-doc -none -Wall on every file the series
#               adds or changes: no more warnings than at base
#   cocci       the project's Coccinelle rules: their samples must and
#               must not match, and no finding in the series' directory
#               or the converted drivers (host1x, fastrpc, iris)
#   sparse-w1   sparse (make C=2) and W=1 on every C file the series adds
#               or changes, arm64, in the KUnit build: no warning on a
#               line the series added
#   series      make series, and the series applies to the base and gives
#               exactly the tree at its last mailed patch
#   bisect      every mailed patch compiles, and the top of the series
#               (arm64, W=1, w1-arm64's "all" configuration; a converted
#               driver from the first patch that touches it on), no new
#               W=1 warning
#   w1-ARCH     W=1 builds for arm64, arm and x86_64 with everything in,
#               and on arm64 also without the auxiliary bus and without
#               the IOMMU API, and with host1x, tegra-drm, fastrpc and
#               iris, with sparse (arm64's "all" is the bisect gate's last
#               step when that gate ran first)
#   dt-binding  make dt_binding_check on the new bindings, dtschema >= 2024.4
#   intree-dt   the tables of every in-tree fastrpc channel, iris node and
#               host1x node that the in-tree DT suites run are what
#               tools/intree-dt.py reads from the tree
#   dtbs        make dtbs_check (W=1) on every board that includes a DTS the
#               series changes: no warning that the base does not have
#               (the base's warnings kept in the cache)
#   docs        the kernel's Sphinx build of the pages the series touches
#               (written, or naming a changed file in kernel-doc): no new
#               warning
#   demo        make demo and its checks
#   demo-builtin  the demo with both reference drivers built in
#   modules     the converted drivers, the reference drivers and the suites
#               that can be, as modules with KUNIT=y, linked by modpost
#               (in the bench's kernel, kunit/bench.config)
#
# Usage: tools/gates.sh TREE BUILD CACHE GATE...
# A gate named +NAME runs in the background, beside the gates after it
# (checkpatch or dt-binding, which keep one core each, beside the demos,
# whose QEMU leaves cores idle); it must not share a build folder with
# them.  Its report is
# printed after theirs.
# Each gate prints "gate NAME: ok (N s)" or its findings and "gate NAME:
# FAILED (N s)", with the seconds it took;
# the last line is "gates: N passed, N failed".
set -uo pipefail

top=$(cd "$(dirname "$0")/.." && pwd)
tree=$(realpath "$1")
build=$(realpath -m "$2")
cache=$3
shift 3
g() { git -C "$tree" "$@"; }
# The Debian python3, whose packages (ply, git) tools/deps.sh installed
export PATH=/usr/bin:$PATH

# checkpatch: Signed-off-by lines are the human submitter's to add
# (Documentation/process/coding-assistants.rst).  The tree is a tarball
# without upstream history, so checkpatch cannot look up the commit a
# Fixes: tag names (UNKNOWN_COMMIT_ID).  FILE_PATH_CHANGES only asks
# whether MAINTAINERS needs updating for a file a patch adds or deletes;
# maintainers_cover answers it instead.  The reference VPU of samples/
# does not exist, so its compatible has no binding (a binding for it would
# not be taken): UNDOCUMENTED_DT_STRING is waived for the patch that adds
# the sample, and no other.  Nothing else is waived.
gate_checkpatch() {
	local dir=$build/gates/patches p rc=0 ignore
	rm -rf "$dir"
	g format-patch -q -o "$dir" base..series
	for p in "$dir"/*.patch; do
		ignore=MISSING_SIGN_OFF,UNKNOWN_COMMIT_ID,FILE_PATH_CHANGES
		if grep -q '^+++ b/samples/auxiliary_dma/auxdma_vpu_core\.c$' "$p"; then
			ignore+=,UNDOCUMENTED_DT_STRING
		fi
		if ! (cd "$tree" && ./scripts/checkpatch.pl --strict -q \
			--ignore "$ignore" \
			--show-types "$p") >"$p.out" 2>&1 || [ -s "$p.out" ] ||
		   ! maintainers_cover "$p" >>"$p.out"; then
			echo "  $(basename "$p"):"
			sed 's/^/    /' "$p.out"
			rc=1
		fi
	done
	echo "  $(ls "$dir"/*.patch | wc -l) patches checked"
	return $rc
}

# Each file that patch $1 adds is in a MAINTAINERS section other than
# THE REST, and no F: line of MAINTAINERS names a file it deletes (both in
# the tree at the top of the series).
maintainers_cover() {
	local what f rc=0
	while read -r what f; do
		if [ "$what" = new ]; then
			(cd "$tree" && ./scripts/get_maintainer.pl --no-git --no-git-fallback \
				--sections -f "$f") 2>/dev/null | grep -v '^THE REST$' |
				grep -q '^[A-Z][^:]*$' && continue
			echo "  $f: added, and no MAINTAINERS section covers it"
		else
			grep -qxF "F:	$f" "$tree/MAINTAINERS" || continue
			echo "  $f: deleted, and MAINTAINERS still names it"
		fi
		rc=1
	done < <(awk '/^diff --git /{ f = $4; sub(/^b\//, "", f) }
		/^new file mode/{ print "new " f } /^deleted file mode/{ print "deleted " f }' "$1")
	return $rc
}

# W=1 also runs kernel-doc on each C file it compiles: a Python process
# per file (0.1 s each here), whose "Warning: FILE:LINE" lines new_warnings
# never matched, and which the kernel-doc gate covers with -Wall for every
# file the series changes.  The W=1 builds here point it at an empty
# script (the command is not part of what kbuild records for an object).
NO_KDOC=KERNELDOC=/dev/null

changed_files() {
	g diff --name-only --diff-filter=AM base series -- "$@"
}

gate_kernel_doc() {
	local f before after rc=0
	for f in $(changed_files '*.c' '*.h'); do
		after=$(cd "$tree" && ./scripts/kernel-doc -none -Wall "$f" 2>&1 | grep -c .)
		if g cat-file -e "base:$f" 2>/dev/null; then
			mkdir -p "$build/gates/base/$(dirname "$f")"
			g show "base:$f" >"$build/gates/base/$f"
			before=$(cd "$tree" && ./scripts/kernel-doc -none -Wall "$build/gates/base/$f" 2>&1 |
				grep -c .)
		else
			before=0
		fi
		echo "  $f: $after warnings (base: $before)"
		if [ "$after" -gt "$before" ]; then
			(cd "$tree" && ./scripts/kernel-doc -none -Wall "$f" 2>&1) | sed 's/^/    /'
			rc=1
		fi
	done
	return $rc
}

gate_cocci() {
	local rule name sample expect got rc=0
	for rule in "$top"/scripts/coccinelle/api/*.cocci; do
		name=$(basename "$rule" .cocci)
		for sample in "$top"/cocci/samples/"$name"-*.c; do
			expect=$(sed -n 's|^// expect: ||p' "$sample")
			expect=${expect:-0}
			got=$(spatch --very-quiet --sp-file "$rule" -D report --no-includes \
				--include-headers "$sample" 2>&1 | grep -c ': \(ERROR\|WARNING\):')
			echo "  $name: $(basename "$sample"): $got reports (expected $expect)"
			[ "$got" = "$expect" ] || rc=1
		done
		# The rule on the tree, through the kernel's own make coccicheck,
		# in the series' own directory, host1x and iris, and on fastrpc.c
		# (its directory holds unrelated drivers): no finding.
		for m in drivers/base drivers/gpu/host1x drivers/media/platform/qcom/iris; do
			(cd "$tree" && make -s coccicheck MODE=report SPFLAGS=--very-quiet \
				COCCI="$tree/scripts/coccinelle/api/$name.cocci" M=$m) \
				>"$build/gates/cocci-$name.out" 2>&1 || rc=1
			if grep -E ': (ERROR|WARNING):' "$build/gates/cocci-$name.out" |
			   sed "s|^\./|    $m/|" | grep .; then
				echo "  $name reports a finding in $m"
				rc=1
			fi
		done
		got=$(cd "$tree" && spatch --very-quiet --sp-file "$rule" -D report \
			--no-includes drivers/misc/fastrpc.c 2>&1 | grep ': \(ERROR\|WARNING\):')
		[ -z "$got" ] || { echo "$got" | sed 's/^/    /'; echo "  $name reports a finding in fastrpc"; rc=1; }
	done
	# What the conversions removed: the rule flags host1x's context code
	# as it was before the series
	mkdir -p "$build/gates/cocci-base"
	g show base:drivers/gpu/host1x/context.c >"$build/gates/cocci-base/host1x-context.c"
	got=$(spatch --very-quiet --sp-file "$top/scripts/coccinelle/api/of_dma_configure_own_device.cocci" \
		-D report --no-includes "$build/gates/cocci-base/host1x-context.c" 2>&1 |
		grep -c ': \(ERROR\|WARNING\):')
	echo "  of_dma_configure_own_device: host1x context.c before the series: $got reports (expected 1)"
	[ "$got" = 1 ] || rc=1
	return $rc
}

# Lines that the series added, as FILE:LINE, for filtering warnings
added_lines() {
	g diff -U0 base series -- '*.c' '*.h' | awk '
		/^\+\+\+ b\// { file = substr($0, 7) }
		/^@@/ { split($3, a, ","); start = substr(a[1], 2); n = (a[2] == "" ? 1 : a[2]);
			for (i = 0; i < n; i++) print file ":" start + i }'
}

# Keep the warnings of a build log that fall on lines the series added;
# SRC is the source tree of the build, the tree unless given
new_warnings() {
	local log=$1 src=${2:-$tree}
	grep -E '^[^ :]+:[0-9]+:([0-9]+:)? (warning|error):' "$log" |
		sed "s|^$src/||" |
		awk -F: 'NR == FNR { added[$1 ":" $2] = 1; next } added[$1 ":" $2]' \
			<(added_lines) -
}

gate_sparse_w1() {
	local kbuild=$build/kunit-arm64 sparse objs f log=$build/gates/sparse-w1.log
	sparse=$("$top/tools/build-sparse.sh" "$cache") || return 1
	[ -f "$kbuild/.config" ] || { echo "  no KUnit build in $kbuild"; return 1; }
	objs=
	for f in $(changed_files '*.c'); do
		objs="$objs ${f%.c}.o"
	done
	(cd "$tree" && make -s O="$kbuild" ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu- \
		W=1 $NO_KDOC C=2 CHECK="$sparse" $objs) >"$log" 2>&1
	local rc=$?
	echo "  sparse $("$sparse" --version) and W=1 on:$objs"
	if [ $rc != 0 ]; then
		tail -20 "$log" | sed 's/^/    /'
		return 1
	fi
	if [ -n "$(new_warnings "$log")" ]; then
		new_warnings "$log" | sed 's/^/    /'
		return 1
	fi
	return 0
}

# series: the mailable series, one folder each (tools/make-series.sh),
# applied in turn to the base, give exactly the tree at the last mailed
# commit
gate_series() {
	local idx=$build/gates/series.index p rc=0 last
	"$top/tools/make-series.sh" "$tree" "$build/series" >"$build/gates/series.out" 2>&1 ||
		rc=1
	grep -v '^last mailed: ' "$build/gates/series.out"
	last=$(sed -n 's/^last mailed: //p' "$build/gates/series.out")
	[ "$rc" = 0 ] && [ -n "$last" ] || return 1
	rm -f "$idx"
	GIT_INDEX_FILE=$idx g read-tree base
	for p in $(ls "$build/series"/*/*.patch | grep -v /0000-); do
		if ! (cd "$tree" && GIT_INDEX_FILE=$idx git apply --cached "$p"); then
			echo "  $(basename "$(dirname "$p")")/$(basename "$p") does not apply"
			return 1
		fi
	done
	if [ "$(GIT_INDEX_FILE=$idx g write-tree)" != "$(g rev-parse "$last^{tree}")" ]; then
		echo "  the series applied to base differs from the tree at $(g log -1 --format=%s "$last")"
		rc=1
	fi
	echo "  $(ls -d "$build/series"/*/ | wc -l) series of $(ls "$build/series"/*/*.patch |
		grep -vc /0000-) patches in $build/series, applied in turn;" \
		"$(g rev-list --count "$last..series") not mailed (Not-for-mailing:)"
	rm -f "$idx"
	return $rc
}

# W=1 builds of the directories the series touches, in three
# configurations: everything built in (the reference drivers too), the
# auxiliary bus absent, the IOMMU API absent (the reference drivers as
# modules).  On arm64 also host1x, tegra-drm, fastrpc and iris, built in
# and as modules, with sparse on those four.  No build break, and no
# warning on a line the series added.
converted="drivers/gpu/host1x/ drivers/gpu/drm/tegra/ drivers/misc/ drivers/media/platform/qcom/iris/"

# w1_build ARCH CROSS VARIANT SRC OBJ LOG [last]: one W=1 build of
# VARIANT from the source tree SRC (the tree, or the bisect worktree at
# one of the series' commits) in OBJ; with "last", SRC holds the whole
# series and the options the series adds must have taken, and sparse runs
# on the converted drivers.
w1_build() {
	local arch=$1 cross=$2 variant=$3 src=$4 obj=$5 log=$6 last=${7:-}
	local make="make -s -j$(nproc) ARCH=$arch CROSS_COMPILE=$cross W=1 $NO_KDOC O=$obj"
	local want= w d dirs= sparse=
	mkdir -p "$obj"
	# The bisect gate keeps the configuration of its last step when no
	# Kconfig file changed since (W1_KEEP_CONFIG): it would come out the same
	[ -n "${W1_KEEP_CONFIG:-}" ] && [ -s "$obj/.config" ] ||
	(cd "$src" && $make allnoconfig >/dev/null &&
	 ./scripts/kconfig/merge_config.sh -m -O "$obj" "$obj/.config" \
		"$top/kunit/w1/common.config" "$top/kunit/w1/$arch.config" \
		"$top/kunit/w1/$variant.config" >/dev/null &&
	 $make olddefconfig) >>"$log" 2>&1 || { echo "$arch $variant: no configuration"; return 1; }
	case $variant in
	all)      want="AUXILIARY_BUS=y IOMMU_API=y" ;;
	no-aux)   want="IOMMU_API=y" ;;
	no-iommu) want="AUXILIARY_BUS=y" ;;
	esac
	if [ -n "$last" ]; then
		case $variant in
		all)      want="$want AUXILIARY_DMA_KUNIT_TEST=y AUXILIARY_DMA_KUNIT_BENCH=y SAMPLE_AUXILIARY_DMA_CORE=y SAMPLE_AUXILIARY_DMA_BLOCK=y" ;;
		no-iommu) want="$want SAMPLE_AUXILIARY_DMA_CORE=m SAMPLE_AUXILIARY_DMA_BLOCK=m" ;;
		esac
		# The converted drivers, on the architecture they run on
		case $arch-$variant in
		arm64-all)      want="$want TEGRA_HOST1X=y DRM_TEGRA=y TEGRA_HOST1X_CONTEXT_KUNIT_TEST=y QCOM_FASTRPC=y QCOM_FASTRPC_KUNIT_TEST=y VIDEO_QCOM_IRIS=y VIDEO_QCOM_IRIS_KUNIT_TEST=y" ;;
		arm64-no-iommu) want="$want TEGRA_HOST1X=m DRM_TEGRA=m QCOM_FASTRPC=m VIDEO_QCOM_IRIS=m" ;;
		esac
	fi
	for w in $want; do
		grep -qx "CONFIG_$w" "$obj/.config" || { echo "$arch $variant: CONFIG_$w did not take"; return 1; }
	done
	case $variant in
	no-aux)   ! grep -q '^CONFIG_AUXILIARY_BUS=y' "$obj/.config" || { echo "$arch no-aux has the auxiliary bus"; return 1; } ;;
	no-iommu) ! grep -q '^CONFIG_IOMMU_API=y' "$obj/.config" || { echo "$arch no-iommu has the IOMMU API"; return 1; } ;;
	esac
	for d in drivers/base/ drivers/iommu/ drivers/of/ samples/auxiliary_dma/; do
		[ ! -d "$src/$d" ] || dirs="$dirs $d"
	done
	[ "$arch" != arm64 ] || dirs="$dirs ${converted_now-$converted}"
	if ! (cd "$src" && $make $dirs) >>"$log" 2>&1; then
		echo "$arch $variant: build break:"
		grep -E 'error' "$log" | head -10 | sed 's/^/  /'
		return 1
	fi
	# sparse on the converted drivers too, in every configuration
	if [ "$arch" = arm64 ] && [ -n "$last" ]; then
		sparse=$("$top/tools/build-sparse.sh" "$cache") || return 1
		if ! (cd "$src" && $make C=2 CHECK="$sparse" $converted) >>"$log" 2>&1; then
			echo "$arch $variant: sparse failed:"
			grep -E 'error' "$log" | head -10 | sed 's/^/  /'
			return 1
		fi
	fi
	if [ -n "$(new_warnings "$log" "$src")" ]; then
		echo "$arch $variant: new W=1${sparse:+ or sparse} warnings:"
		new_warnings "$log" "$src" | sed 's/^/  /'
		return 1
	fi
	echo "$arch $variant: builds, no new W=1 warning${sparse:+ or sparse warning}"
}

# bisect: every patch of the series compiles: the W=1 build of w1-arm64's
# "all" configuration (the series' directories, and each converted
# driver's from the first patch that touches it on: the core's header
# changes would otherwise rebuild drivers the series has not reached, a
# third of this gate's time), in a worktree that steps through the series,
# one object folder for all steps so that each rebuilds only what its
# patch reaches;
# no W=1 warning on a line the series added.  A patch that changes no C
# file, header, Kconfig or Makefile (bindings, DTS, Coccinelle, documents)
# has nothing to build, and one that changes no Kconfig file since the
# last step built keeps that step's configuration.  The patches after the
# last one that patches/mailing sends (the test patches that stay here)
# are built at the top only: no one bisects them.  The last step, at the top of the series,
# is w1-arm64's "all" variant, sparse included, which that gate then
# reuses.  The whole kernel is linked at the top of the series (KUnit,
# demo).
gate_bisect() {
	local src=$build/bisect-src obj=$build/bisect c n=0 total log last out converted_now d
	local mailed built= keep
	mailed=$(awk '!/^#/ && NF == 3 { split($2, r, "-"); if (r[2] > m) m = r[2] } END { print m + 0 }' \
		"$top/patches/mailing")
	if [ ! -e "$src/.git" ]; then
		g worktree prune
		rm -rf "$src"
		g worktree add -q --detach "$src" base || return 1
	fi
	rm -f "$obj/series-checked"
	total=$(g rev-list --count base..series)
	for c in $(g rev-list --reverse base..series); do
		n=$((n + 1))
		log=$build/gates/bisect-$n.log
		if [ "$n" != "$total" ] &&
		   ! g diff --name-only "$c~" "$c" | grep -qE '\.[ch]$|(^|/)(Kconfig[^/]*|Makefile|Kbuild)$'; then
			echo "  patch $n: no C file, header, Kconfig or Makefile changed: $(g log -1 --format=%s "$c")"
			continue
		fi
		if [ "$n" != "$total" ] && [ "$n" -gt "$mailed" ]; then
			echo "  patch $n: not mailed, built at the top: $(g log -1 --format=%s "$c")"
			continue
		fi
		git -C "$src" checkout -q --detach "$c" || return 1
		last=
		[ "$n" != "$total" ] || last=last
		# The converted drivers' folders from the first patch that
		# touches each on (all of them at the top)
		converted_now=
		for d in $converted; do
			[ -n "$last" ] || [ -n "$(g diff --name-only base "$c" -- "$d")" ] ||
				continue
			converted_now="$converted_now $d"
		done
		# The configuration of the last step, unless a Kconfig file changed
		keep=
		[ -z "$built" ] || grep -qE '(^|/)Kconfig[^/]*$' \
			<<<"$(g diff --name-only "$built" "$c")" || keep=1
		built=$c
		: >"$log"
		if ! out=$(W1_KEEP_CONFIG=$keep w1_build arm64 aarch64-linux-gnu- all "$src" "$obj" "$log" $last); then
			echo "  patch $n ($(g log -1 --format=%s "$c")):"
			echo "$out" | sed 's/^/    /'
			return 1
		fi
		echo "  patch $n builds: $(g log -1 --format=%s "$c")"
	done
	echo "  the top of the series: $out"
	g rev-parse series >"$obj/series-checked"
	return 0
}

# w1_arch ARCH CROSS VARIANT...
w1_arch() {
	local arch=$1 cross=$2 variant out rc=0
	shift 2
	for variant in "$@"; do
		if [ "$arch-$variant" = arm64-all ] &&
		   [ "$(cat "$build/bisect/series-checked" 2>/dev/null)" = "$(g rev-parse series)" ]; then
			echo "  arm64 all: built at the last step of the bisect gate, sparse included"
			continue
		fi
		: >"$build/gates/w1-$arch-$variant.log"
		out=$(w1_build "$arch" "$cross" "$variant" "$tree" "$build/w1/$arch-$variant" \
			"$build/gates/w1-$arch-$variant.log" last) || rc=1
		echo "$out" | sed 's/^/  /'
	done
	return $rc
}
# The configurations without the auxiliary bus or the IOMMU API build the
# same stubs on every architecture: on arm64, with the converted drivers.
# arm (32-bit) and x86_64 build everything in.
gate_w1_arm64() { w1_arch arm64 aarch64-linux-gnu- all no-aux no-iommu; }
gate_w1_arm() { w1_arch arm arm-linux-gnueabihf- all; }
gate_w1_x86_64() { w1_arch x86_64 "" all; }

# dt-binding: the kernel's make dt_binding_check on the bindings the series
# adds or changes, with sid's dtschema in a private trixie root
# (tools/dtschema-root.sh).  The target runs yamllint, dt-doc-validate,
# dt-check-style and dt-validate of each example, but ignores their exit
# status, so any line that is not a build step fails the gate; the
# validation of each example must be seen to run.
gate_dt_binding() {
	local bin files y rc=0 out=$build/gates/dt-binding.log
	bin=$("$top/tools/dtschema-root.sh" "$cache") || return 1
	files=$(changed_files 'Documentation/devicetree/bindings/*.yaml' |
		sed 's|^Documentation/devicetree/bindings/||' | paste -sd:)
	[ -n "$files" ] || { echo "  the series changes no binding"; return 0; }
	(cd "$tree" && PATH=$bin:$PATH make O="$build/dt" PYTHON3="$bin/python3" \
		DT_SCHEMA_FILES="$files" dt_binding_check) >"$out" 2>&1 || rc=1
	if grep -vE '^  [A-Z]+( \[C\])? +|^make\[[0-9]+\]: (Entering|Leaving) directory' "$out" |
		grep .; then
		rc=1
	fi
	for y in ${files//:/ }; do
		if ! grep -qF "DTC [C] Documentation/devicetree/bindings/${y%.yaml}.example.dtb" "$out"; then
			echo "  ${y}: its example was not validated"
			rc=1
		fi
	done
	echo "  make dt_binding_check DT_SCHEMA_FILES=$files, dtschema $("$bin/dt-doc-validate" --version)"
	return $rc
}

# intree-dt: the tables of every in-tree fastrpc channel, iris node and
# host1x node, which the in-tree DT suites run, are what tools/intree-dt.py reads from
# the tree's DTS today
gate_intree_dt() {
	local h out=$build/gates/intree-dt rc=0
	mkdir -p "$out"
	rm -f "$out"/*.h
	python3 "$top/tools/intree-dt.py" "$tree" "$out/fastrpc_intree_kunit.h" \
		"$out/iris_intree_kunit.h" "$out/context_intree_kunit.h" |
		grep -- '->' | sed 's/^/  /' || return 1
	for h in drivers/misc/fastrpc_intree_kunit.h \
		 drivers/media/platform/qcom/iris/iris_intree_kunit.h \
		 drivers/gpu/host1x/context_intree_kunit.h; do
		if ! diff -u "$tree/$h" "$out/${h##*/}" | head -20; then
			echo "  $h is not what tools/intree-dt.py reads from the DTS: run it again"
			rc=1
		fi
	done
	return $rc
}

# The boards (.dts) that include FILE, directly or through other .dtsi files
boards_including() {
	local todo=$1 seen= f inc
	while [ -n "$todo" ]; do
		f=${todo%% *}
		todo=${todo#"$f"}; todo=${todo# }
		for inc in $(cd "$tree" && grep -l "#include \"$(basename "$f")\"" \
				"$(dirname "$f")"/*.dts "$(dirname "$f")"/*.dtsi 2>/dev/null); do
			case " $seen " in *" $inc "*) continue ;; esac
			seen="$seen $inc"
			todo="$todo $inc"
		done
	done
	for f in $seen; do
		case $f in *.dts) echo "$f" ;; esac
	done
}

# dtbs: make dtbs_check with W=1 (dtc's extra checks and dt-validate with
# every binding) on every board that includes a DTS file the series
# changes, in the tree and in the base (a worktree shared with the bisect
# gate): every board is validated, and no warning is new.  Warnings are
# compared without their line numbers, which the series' edits shift.
gate_dtbs() {
	local bin files f boards= targets= src=$build/bisect-src which dir key rc=0
	bin=$("$top/tools/dtschema-root.sh" "$cache") || return 1
	files=$(changed_files 'arch/arm64/boot/dts/*.dts' 'arch/arm64/boot/dts/*.dtsi')
	[ -n "$files" ] || { echo "  the series changes no DTS"; return 0; }
	for f in $files; do
		case $f in *.dts) boards="$boards $f" ;; esac
		boards="$boards $(boards_including "$f")"
	done
	boards=$(echo $boards | tr ' ' '\n' | sort -u)
	for f in $boards; do
		targets="$targets ${f#arch/arm64/boot/dts/}"
	done
	targets=${targets//.dts/.dtb}
	if [ ! -e "$src/.git" ]; then
		g worktree prune
		rm -rf "$src"
		g worktree add -q --detach "$src" base || return 1
	fi
	git -C "$src" checkout -q --detach base || return 1
	# The base's warnings depend only on the base, the boards, dtschema
	# and the compiler: kept in the cache
	key=$( (g rev-parse base; echo "$targets"; cat "$cache/dtschema/packages"
		aarch64-linux-gnu-gcc --version | head -n 1) | sha256sum | cut -c1-16)
	mkdir -p "$cache/dtbs-base"
	for which in base series; do
		if [ $which = base ] && [ -f "$cache/dtbs-base/$key" ]; then
			cp "$cache/dtbs-base/$key" "$build/gates/dtbs-base.warnings"
			echo "  base: its warnings from the cache ($key)"
			continue
		fi
		dir=$src
		[ $which = base ] || dir=$tree
		# Build every board again: an up-to-date DTB prints no warning
		rm -rf "$build/dtbs-$which/arch/arm64/boot/dts"
		(cd "$dir" && make -s O="$build/dtbs-$which" ARCH=arm64 \
			CROSS_COMPILE=aarch64-linux-gnu- allnoconfig &&
		 PATH=$bin:$PATH make -j"$(nproc)" O="$build/dtbs-$which" ARCH=arm64 \
			CROSS_COMPILE=aarch64-linux-gnu- PYTHON3="$bin/python3" W=1 \
			CHECK_DTBS=y $targets) >"$build/gates/dtbs-$which.log" 2>&1 ||
			{ echo "  $which: the DTBs do not build"; tail -5 "$build/gates/dtbs-$which.log"; return 1; }
		grep -vE '^  [A-Z]+( \[C\])? +|^make\[[0-9]+\]: (Entering|Leaving) directory' \
			"$build/gates/dtbs-$which.log" |
			sed -E "s|$dir/||g; s|$build/dtbs-$which/||g; s/:[0-9]+\.[0-9]+-[0-9]+(\.[0-9]+)?(:|$)/\2/g" |
			sort -u >"$build/gates/dtbs-$which.warnings"
		[ $which != base ] || cp "$build/gates/dtbs-base.warnings" "$cache/dtbs-base/$key"
	done
	for f in $targets; do
		grep -qF "DTC [C] arch/arm64/boot/dts/$f" "$build/gates/dtbs-series.log" ||
			{ echo "  $f was not validated"; rc=1; }
	done
	if comm -13 "$build/gates/dtbs-base.warnings" "$build/gates/dtbs-series.warnings" | grep .; then
		echo "  new warnings (above)"
		rc=1
	fi
	echo "  make dtbs_check W=1 on$targets: $(grep -c . "$build/gates/dtbs-series.warnings") warning lines, $(grep -c . "$build/gates/dtbs-base.warnings") at base"
	return $rc
}

# docs: the kernel's Sphinx configuration and extensions (kernel-doc
# included) on the pages the series writes or whose kernel-doc directives
# name a file it changes, in the tree and in the base (the worktree shared
# with the bisect gate): the pages build, show the new sections, and no
# warning is new.  Warnings are compared without line numbers.  The pages
# are built alone, not as all of driver-api, which takes ten minutes of
# make check's budget for pages the series does not touch.
docs_pages() {
	local f
	for f in $(changed_files '*.c' '*.h'); do
		(cd "$tree" && grep -rl --include='*.rst' "kernel-doc:: *$f\$" Documentation)
	done
	changed_files 'Documentation/*.rst'
}

docs_build() {
	local which=$1 src=$2 pages=$3 d=$build/docs-$1 p
	rm -rf "$d"
	mkdir -p "$d/Documentation/series"
	# maintainers_include wants the tree's MAINTAINERS next to Documentation
	ln -s "$src/MAINTAINERS" "$d/MAINTAINERS"
	printf 'Pages the series touches\n========================\n\n.. toctree::\n\n' \
		>"$d/Documentation/series/index.rst"
	for p in $pages; do
		[ -f "$src/$p" ] || continue
		mkdir -p "$d/Documentation/series/$(dirname "${p#Documentation/}")"
		cp "$src/$p" "$d/Documentation/series/${p#Documentation/}"
		echo "   ${p#Documentation/}" | sed 's/\.rst$//' >>"$d/Documentation/series/index.rst"
	done
	(cd "$src" && srctree=$src python3 -m sphinx -b html -c Documentation -q \
		-j "$(nproc)" -d "$d/doctrees" -D kerneldoc_srctree="$src" \
		"$d/Documentation/series" "$d/out") >"$build/gates/docs-$which.log" 2>&1 || {
		tail -20 "$build/gates/docs-$which.log" | sed 's/^/    /'
		return 1
	}
	sed -E "s|$src/||g; s|$d/Documentation/series/|Documentation/|g; s/:[0-9]+( |:|$)/\1/" \
		"$build/gates/docs-$which.log" | sort -u >"$build/gates/docs-$which.warnings"
}

gate_docs() {
	local pages src=$build/bisect-src bad=0
	pages=$(docs_pages | sort -u)
	if [ ! -e "$src/.git" ]; then
		g worktree prune
		rm -rf "$src"
		g worktree add -q --detach "$src" base || return 1
	fi
	git -C "$src" checkout -q --detach base || return 1
	docs_build base "$src" "$pages" || return 1
	docs_build series "$tree" "$pages" || return 1
	if comm -13 "$build/gates/docs-base.warnings" "$build/gates/docs-series.warnings" | grep .; then
		echo "  new warnings (above)"
		bad=1
	fi
	if ! grep -q "auxiliary_device_set_dma_context" \
		"$build/docs-series/out/driver-api/auxiliary_bus.html"; then
		echo "  the DMA context documentation is not in auxiliary_bus.html"
		bad=1
	fi
	echo "  Sphinx on" $pages": $(grep -c . "$build/gates/docs-series.warnings") warning lines, $(grep -c . "$build/gates/docs-base.warnings") at base"
	return $bad
}

# demo: make demo, the reference VPU on QEMU with its own checks
gate_demo() {
	"$top/tools/demo.sh" "$tree" "$build" "$cache" 2>&1 | sed 's/^/  /'
	return "${PIPESTATUS[0]}"
}

# demo-builtin: the same with both reference drivers built in
gate_demo_builtin() {
	"$top/tools/demo.sh" "$tree" "$build" "$cache" builtin 2>&1 | sed 's/^/  /'
	return "${PIPESTATUS[0]}"
}

# modules: every converted driver, the reference drivers and every suite
# that can be one, built as a module with KUNIT=y and linked by modpost,
# which fails on a symbol the kernel does not export to them.  They are
# built in the bench's kernel (kunit/bench.config), which make check
# builds in the background: the gate waits for that build (tools/bench.sh
# takes a lock), whose make then has nothing left to do; a kernel of their
# own would not fit make check's budget.  The
# suites of host1x and Iris link into their drivers' modules (bool), the
# fastrpc suite is a module of its own, the auxiliary bus's suites are
# built in (they reach into the driver core and fault injection).
# tegra-drm, which only calls host1x's context API, is not converted: the
# W=1 gates build it as a module, and the DRM core it needs here would
# cost make check a minute and a half.
gate_modules() {
	local obj=$build/bench-kernel ko bad=0 n=0
	local want="drivers/gpu/host1x/host1x.ko:kunit
		    drivers/misc/fastrpc.ko drivers/misc/fastrpc_kunit.ko:kunit
		    drivers/media/platform/qcom/iris/qcom-iris.ko:kunit
		    samples/auxiliary_dma/auxdma_vpu_core.ko samples/auxiliary_dma/auxdma_vpu_block.ko"

	"$top/tools/bench.sh" "$tree" "$obj" "$build/bench" "$cache" build | sed 's/^/  /' || return 1
	if grep -q 'modpost' "$build/bench/build.log"; then
		echo "  modpost:"
		grep 'modpost' "$build/bench/build.log" | head -10 | sed 's/^/    /'
		return 1
	fi
	for ko in $want; do
		n=$((n + 1))
		if [ ! -f "$obj/${ko%:kunit}" ]; then
			echo "  ${ko%:kunit}: not built"
			bad=1
		elif [ "${ko#*:}" = kunit ] &&
		     ! aarch64-linux-gnu-objdump -h "$obj/${ko%:kunit}" | grep -q 'kunit_test_suites'; then
			echo "  ${ko%:kunit}: no KUnit suite in it"
			bad=1
		fi
	done
	[ "$bad" = 0 ] || return 1
	echo "  $n modules linked by modpost against the bench's kernel, KUNIT=y, 3 with their suites:"
	echo "  $(echo $want | sed 's/:kunit//g; s,[^ ]*/,,g')"
}

# run_gate NAME: one gate, its findings and its verdict with its seconds
run_gate() {
	local start=$SECONDS
	echo "gate $1:"
	if "gate_${1//-/_}"; then
		echo "gate $1: ok ($((SECONDS - start)) s)"
	else
		echo "gate $1: FAILED ($((SECONDS - start)) s)"
		return 1
	fi
}

mkdir -p "$build/gates"
: >"$build/gates.why"
passed=0
failed=0
background=
for gate in "$@"; do
	case $gate in
	+*)
		# In the background, beside the gates that follow; its report
		# comes after theirs
		gate=${gate#+}
		run_gate "$gate" >"$build/gates/$gate.report" 2>&1 &
		background="$background $gate:$!"
		echo "gate $gate: started in the background"
		continue ;;
	esac
	if run_gate "$gate"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "gate $gate: FAILED" >>"$build/gates.why"
	fi
done
for job in $background; do
	if wait "${job#*:}"; then
		passed=$((passed + 1))
	else
		failed=$((failed + 1))
		echo "gate ${job%%:*}: FAILED" >>"$build/gates.why"
	fi
	cat "$build/gates/${job%%:*}.report"
done
echo "gates: $passed passed, $failed failed"
echo "$passed $failed" >"$build/gates.result"
[ "$failed" = 0 ]
