# SPDX-License-Identifier: GPL-2.0
#
# DMA-capable auxiliary devices: the story of a build.
#
#   deps    install the Debian packages the project needs (idempotent)
#   tree    the kernel tree: Linux 7.3.4 plus patches/series, as a git
#           repository in $(TREE), one commit per patch
#   kernel  the arm64 kernel of the KUnit runs and the demos (kunit.py)
#   demo    the reference VPU drivers on QEMU virt with an SMMUv3
#   demo-builtin  the same with both drivers built in
#   check   everything that must pass: the KUnit suites, the kernel's
#           gates and the benchmarks' gross-regression check; ends with
#           "N passed, N failed" (KUnit cases passed, KUnit cases and gates
#           failed)
#   bench   what a DMA-capable auxiliary child costs against the patterns
#           it replaces, in a kernel without debug options
#   series  the mailable patch series, in $(BUILD)/series
#   export  write the commits of $(TREE) back into this repository
#
# KSRC=/path/to/linux uses an existing tree as the base instead of
# Debian's linux-source-7.3.

BUILD	?= $(CURDIR)/build
TREE	?= $(BUILD)/linux
CACHE	?= $(HOME)/.cache/auxdma
KSRC	?=
JOBS	?= $(shell nproc)

# The arm64 kernel: every KUnit suite, the converted drivers, the debug
# options, and what the demos boot (kunit/demo.config)
KERNEL_ARM64 := --arch=arm64 --cross_compile=aarch64-linux-gnu- --jobs=$(JOBS) \
	--qemu_config=$(CURDIR)/kunit/qemu_arm64_smmuv3.py \
	--kunitconfig=drivers/base/test/auxiliary_dma.kunitconfig \
	--kunitconfig=drivers/base/test/auxiliary_dma_deep.kunitconfig \
	--kunitconfig=drivers/gpu/host1x \
	--kunitconfig=drivers/gpu/host1x/intree.kunitconfig \
	--kunitconfig=drivers/misc/fastrpc.kunitconfig \
	--kunitconfig=drivers/misc/fastrpc_intree.kunitconfig \
	--kunitconfig=drivers/media/platform/qcom/iris \
	--kunitconfig=drivers/media/platform/qcom/iris/intree.kunitconfig \
	--kunitconfig=$(CURDIR)/kunit/debug.config \
	--kunitconfig=$(CURDIR)/kunit/kasan.config \
	--kunitconfig=$(CURDIR)/kunit/demo.config
# The converted drivers' bank drivers are asked to probe asynchronously:
# their suites check that they bind synchronously all the same
KUNIT_ARM64 := $(KERNEL_ARM64) --timeout=900 \
	--kernel_args=driver_async_probe=fastrpc.cb,host1x.context,qcom_iris.context-bank

# The same kernel on "virt" without an IOMMU: the opt-in suite's mock IOMMU
KUNIT_MOCK := $(subst qemu_arm64_smmuv3,qemu_arm64_virt,$(KUNIT_ARM64)) auxiliary_dma_opt_in

# The same kernel and SMMUv3 with identity default domains: a device with
# iommu-ranges still gets a DMA domain
KUNIT_PASSTHROUGH := $(KUNIT_ARM64) --kernel_args=iommu.passthrough=1 \
	auxiliary_dma_ranges_domain

KERNEL_X86_64 := --arch=x86_64 --jobs=$(JOBS) \
	--qemu_config=$(CURDIR)/kunit/qemu_x86_64_vtd.py \
	--kunitconfig=$(CURDIR)/kunit/vtd.kunitconfig \
	--kunitconfig=$(CURDIR)/kunit/debug.config
KUNIT_X86_64 := $(KERNEL_X86_64) --timeout=900

.PHONY: all deps tree kernel kernel-x86_64 demo demo-builtin check kunit-smmuv3 kunit-mock kunit-passthrough kunit-vtd gates bench series export clean

all: check

# 1. The tools
deps:
	@./tools/deps.sh

# 2. The kernel tree
tree: deps
	@./tools/assemble-tree.sh $(TREE) $(CACHE) $(KSRC)

# 3. The arm64 kernel, built by kunit.py for the KUnit runs and booted by
#    the demos
kernel: tree
	@cd $(TREE) && ./tools/testing/kunit/kunit.py build \
		--build_dir=$(BUILD)/kunit-arm64 $(KERNEL_ARM64) >$(BUILD)/kernel.log 2>&1 || \
		{ tail -30 $(BUILD)/kernel.log; exit 1; }

# 4. The main job: the reference VPU on QEMU virt with an SMMUv3
demo: kernel
	@./tools/demo.sh $(TREE) $(BUILD) $(CACHE)

demo-builtin: kernel
	@./tools/demo.sh $(TREE) $(BUILD) $(CACHE) builtin

# 5. The tests: every suite on arm64 with a real SMMUv3; the opt-in suite
#    on the same kernel without an IOMMU (a mock IOMMU without a fwnode);
#    the IOMMU core's iommu-ranges policy on the same SMMUv3 booted with
#    iommu.passthrough=1; and the opt-in suite on x86_64 with the real
#    intel-iommu driver (VT-d), under TCG
kunit-smmuv3: tree
	@./tools/initramfs.sh $(CACHE) $(BUILD)/kunit-root tools/kunit-init.sh \
		$(BUILD)/kunit-initramfs.cpio.gz
	@./tools/kunit-check.sh $(TREE) $(BUILD)/kunit-arm64 smmuv3 $(KUNIT_ARM64) \
		--qemu_args="-initrd $(BUILD)/kunit-initramfs.cpio.gz"

kunit-mock: tree
	@./tools/kunit-check.sh $(TREE) $(BUILD)/kunit-arm64 mock $(KUNIT_MOCK)

kunit-passthrough: tree
	@./tools/initramfs.sh $(CACHE) $(BUILD)/kunit-root tools/kunit-init.sh \
		$(BUILD)/kunit-initramfs.cpio.gz
	@./tools/kunit-check.sh $(TREE) $(BUILD)/kunit-arm64 passthrough $(KUNIT_PASSTHROUGH) \
		--qemu_args="-initrd $(BUILD)/kunit-initramfs.cpio.gz"

kunit-vtd: tree
	@./tools/no-kvm.sh ./tools/kunit-check.sh $(TREE) $(BUILD)/kunit-x86_64 vtd $(KUNIT_X86_64)

# The x86_64 kernel alone, without the tree step: make check builds it
# beside the arm64 runs, whose QEMU leaves a core idle, and make bench's
# kernel at the lowest priority beside everything after them
kernel-x86_64:
	@cd $(TREE) && ./tools/testing/kunit/kunit.py build \
		--build_dir=$(BUILD)/kunit-x86_64 $(KERNEL_X86_64) >$(BUILD)/kernel-x86_64.log 2>&1 || \
		{ tail -30 $(BUILD)/kernel-x86_64.log; exit 1; }

# 6. The kernel's own gates on the series (needs the KUnit build; the
#    modules gate, last, checks the bench's kernel, which make check
#    builds in the background, and waits for that build or makes it);
#    checkpatch and dt-binding, which keep one core each, in the
#    background beside the demos, whose QEMU leaves cores idle.  The demos
#    first: make demo boots the KUnit kernel as built, make demo-builtin
#    relinks it once, and sparse-w1 then rebuilds the series' objects in
#    its folder with W=1, which would make the first demo relink it again
GATES := +checkpatch +dt-binding demo demo-builtin sparse-w1 kernel-doc cocci \
	intree-dt dtbs docs series bisect w1-arm64 w1-arm w1-x86_64 modules

gates: tree
	@./tools/gates.sh $(TREE) $(BUILD) $(CACHE) $(GATES)

check:
	@start=$$(date +%s); rc=0; \
	rm -f $(BUILD)/kunit-*.result $(BUILD)/kunit-*.why $(BUILD)/gates.result \
		$(BUILD)/gates.why; \
	$(MAKE) --no-print-directory kernel || rc=1; \
	$(MAKE) --no-print-directory kernel-x86_64 & x86=$$!; \
	nice -n 19 ./tools/bench.sh $(TREE) $(BUILD)/bench-kernel $(BUILD)/bench $(CACHE) build & \
	bench=$$!; \
	$(MAKE) --no-print-directory kunit-smmuv3 || rc=1; \
	$(MAKE) --no-print-directory kunit-mock || rc=1; \
	$(MAKE) --no-print-directory kunit-passthrough || rc=1; \
	wait $$x86 || rc=1; \
	$(MAKE) --no-print-directory kunit-vtd || rc=1; \
	$(MAKE) --no-print-directory gates || rc=1; \
	wait $$bench && ./tools/bench.sh $(TREE) $(BUILD)/bench-kernel $(BUILD)/bench $(CACHE) run check || \
		{ rc=1; echo "bench: FAILED" >>$(BUILD)/gates.why; }; \
	passed=0; failed=0; \
	for r in $(BUILD)/kunit-smmuv3.result $(BUILD)/kunit-mock.result \
		 $(BUILD)/kunit-passthrough.result $(BUILD)/kunit-vtd.result; do \
		[ -f "$$r" ] || { failed=$$((failed + 1)); continue; }; \
		read p f <"$$r"; passed=$$((passed + p)); failed=$$((failed + f)); \
	done; \
	if [ -f $(BUILD)/gates.result ]; then \
		read gp gf <$(BUILD)/gates.result; failed=$$((failed + gf)); \
	else failed=$$((failed + 1)); fi; \
	[ $$rc = 0 ] || [ $$failed != 0 ] || failed=1; \
	cat $(BUILD)/kunit-*.why $(BUILD)/gates.why 2>/dev/null | sed 's/^/failed: /'; \
	echo "check: $$(( $$(date +%s) - start )) s"; \
	echo "$$passed passed, $$failed failed"; \
	[ $$failed = 0 ]

# 7. What the extension costs: the benchmark suite in a kernel of its own
#    without debug options (kunit/bench.config), on QEMU virt with an
#    SMMUv3; figures, targets, a table and a plot in $(BUILD)/bench.
#    make check runs it once and fails only on a gross regression
bench: tree
	@./tools/bench.sh $(TREE) $(BUILD)/bench-kernel $(BUILD)/bench $(CACHE)

# 8. The series for the lists: one folder per series, as patches/mailing
#    groups them, each with its cover letter from patches/cover/
series: tree
	@./tools/make-series.sh $(TREE) $(BUILD)/series

export:
	@./tools/export-series.sh $(TREE)

clean:
	rm -rf $(BUILD)
