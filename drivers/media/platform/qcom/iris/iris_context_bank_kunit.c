// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the IOMMU context banks of iris, auxiliary devices with a
 * DMA context of their own
 *
 * Each test builds, with of_changeset, a node under the root shaped like the
 * iris node of SM8550, in one of its two forms: the context banks in
 * sub-nodes ("non-pixel" with "iommu-ranges" from 600 MiB to 3.5 GiB, and
 * "pixel"), or both stream IDs in the node's own "iommus", as in Linux 7.3.
 * Here the stream IDs point at the system's SMMUv3.  The OF notifier makes
 * the node a platform device, which stands for iris in a struct iris_core
 * that has only what the DMA set-up uses; its compatible is not iris's, so
 * that the iris driver, which needs the real hardware, leaves it alone.
 * QEMU's "virt" machine with "iommu=smmuv3" has an SMMUv3; elsewhere the
 * tests skip and say why.
 */

#include <kunit/device.h>
#include <kunit/fail_nth.h>
#include <kunit/test.h>
#include <linux/auxiliary_bus.h>
#include <linux/dma-buf.h>
#include <linux/dma-map-ops.h>
#include <linux/dma-mapping.h>
#include <linux/file.h>
#include <linux/iommu.h>
#include <linux/kprobes.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/pm_domain.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>
#include <media/videobuf2-dma-contig.h>

#include "iris_buffer.h"
#include "iris_context_bank.h"
#include "iris_core.h"
#include "iris_hfi_queue.h"
#include "iris_instance.h"
#include "iris_vidc.h"

/* SM8550's stream IDs: the first is the non-pixel bank's */
#define IRIS_SID_NON_PIXEL	0x1940
#define IRIS_SID_PIXEL		0x1947
#define IRIS_SID_BAD		0x7fffffff	/* beyond any SMMUv3's stream ID range */

/* What SM8550's DT and iris's platform data say, written out */
#define IRIS_LIMIT		0xe0000000ULL	/* "dma-ranges": 3.5 GiB */
#define IRIS_NP_START		0x25800000ULL	/* non-pixel "iommu-ranges": 600 MiB */
#define IRIS_NP_SIZE		0xba800000ULL	/* up to 3.5 GiB */
#define IRIS_DMA_MASK		(IRIS_LIMIT - 1)

enum iris_cb_form {
	IRIS_CB_FORM_OLD,	/* both stream IDs in the node's "iommus" */
	IRIS_CB_FORM_BANKS,	/* "non-pixel" and "pixel" sub-nodes */
	IRIS_CB_FORM_BAD_SID,	/* sub-nodes; the pixel bank's stream ID is refused */
	IRIS_CB_FORM_NO_PIXEL,	/* a "non-pixel" sub-node only */
	IRIS_CB_FORM_PIXEL_OFF,	/* the "pixel" sub-node disabled */
	IRIS_CB_FORM_LATE_IOMMU,	/* the pixel bank's IOMMU has no driver yet */
};

/* + n: the IOMMU node without a driver, above dtc's and the other suites' phandles */
#define IRIS_PHANDLE_LATE	0x7ffd0000

#define IRIS_MAX_POINTS		4096	/* more than the path has: a path that reaches it loops */

static const struct iris_platform_data iris_cb_pdata = {
	.dma_mask = IRIS_DMA_MASK,
};

struct iris_cb_env {
	struct device_node *smmu_np;
	struct of_changeset ocs;
	bool built;
	bool applied;
	struct device_node *np;
	struct platform_device *pdev;
	struct iris_core core;
	bool dma_init;
	struct dev_pm_domain pm_domain;	/* iris's runtime PM callbacks */
	bool pm;
	struct device_driver *owned;	/* its owner stands in for a module */
	struct module *saved_owner;
};

static int iris_cb_test_init(struct kunit *test)
{
	struct platform_device *smmu;
	struct iris_cb_env *env;

	env = kunit_kzalloc(test, sizeof(*env), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, env);
	test->priv = env;

	env->smmu_np = of_find_compatible_node(NULL, NULL, "arm,smmu-v3");
	if (!env->smmu_np)
		kunit_skip(test, "no arm,smmu-v3 node in the DT: run on QEMU virt,iommu=smmuv3");

	smmu = of_find_device_by_node(env->smmu_np);
	if (!smmu || !smmu->dev.driver) {
		if (smmu)
			put_device(&smmu->dev);
		kunit_skip(test, "%pOF has no bound driver: needs CONFIG_ARM_SMMU_V3",
			   env->smmu_np);
	}
	put_device(&smmu->dev);
	return 0;
}

/* Take down what a test built, in reverse; each step is a no-op if not done */
static void iris_cb_teardown(struct iris_cb_env *env)
{
	if (env->owned)
		env->owned->owner = env->saved_owner;
	env->owned = NULL;
	if (env->pm) {
		pm_runtime_disable(env->core.dev);
		dev_pm_domain_set(env->core.dev, NULL);
		dev_set_drvdata(env->core.dev, NULL);
		mutex_destroy(&env->core.lock);
	}
	env->pm = false;
	if (env->dma_init)
		iris_deinit_dma(&env->core);
	env->dma_init = false;
	if (env->pdev)
		put_device(&env->pdev->dev);
	env->pdev = NULL;
	if (env->applied)
		of_changeset_revert(&env->ocs);
	env->applied = false;
	if (env->built)
		of_changeset_destroy(&env->ocs);
	env->built = false;
}

static void iris_cb_test_exit(struct kunit *test)
{
	struct iris_cb_env *env = test->priv;

	if (!env)
		return;
	iris_cb_teardown(env);
	of_node_put(env->smmu_np);
}

static void iris_cb_add_bank(struct kunit *test, struct device_node *np, const char *name,
			     u32 iommu, u32 sid, bool ranges, bool disabled)
{
	struct iris_cb_env *env = test->priv;
	u32 iommus[] = { iommu, sid };
	u32 range[] = { IRIS_NP_START, IRIS_NP_SIZE };
	struct device_node *cb;

	cb = of_changeset_create_node(&env->ocs, np, name);
	KUNIT_ASSERT_NOT_NULL(test, cb);
	of_node_put(cb);	/* the changeset holds a reference */
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(&env->ocs, cb, "iommus",
								 iommus, ARRAY_SIZE(iommus)));
	if (ranges)
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(&env->ocs, cb,
									 "iommu-ranges", range,
									 ARRAY_SIZE(range)));
	if (disabled)
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(&env->ocs, cb, "status",
								      "disabled"));
}

/*
 * An iris-like node in @form, its platform device, and the struct iris_core
 * that stands for iris on it.  The SMMUv3 takes one cell per stream ID,
 * where SM8550's SMMU takes two (stream ID and mask).
 */
static struct iris_core *iris_cb_build(struct kunit *test, enum iris_cb_form form)
{
	struct iris_cb_env *env = test->priv;
	struct of_changeset *ocs = &env->ocs;
	u32 smmu = env->smmu_np->phandle;
	u32 own[] = { smmu, IRIS_SID_NON_PIXEL, smmu, IRIS_SID_PIXEL };
	u32 dma_ranges[] = { 0, 0, 0, IRIS_LIMIT };
	static atomic_t seq = ATOMIC_INIT(0);
	struct device_node *np, *late = NULL;
	int n = atomic_inc_return(&seq);
	u32 pixel_iommu = smmu;
	char name[32];

	of_changeset_init(ocs);
	env->built = true;

	if (form == IRIS_CB_FORM_LATE_IOMMU) {
		/* An IOMMU node that no driver has probed, as at early boot */
		snprintf(name, sizeof(name), "kunit-iris-iommu-%d", n);
		late = of_changeset_create_node(ocs, of_root, name);
		KUNIT_ASSERT_NOT_NULL(test, late);
		of_node_put(late);	/* the changeset holds a reference */
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, late, "compatible",
								      "test,iris-late-iommu"));
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(ocs, late, "#iommu-cells", 1));
		KUNIT_ASSERT_NULL(test, of_find_node_by_phandle(IRIS_PHANDLE_LATE + n));
		pixel_iommu = IRIS_PHANDLE_LATE + n;
	}

	snprintf(name, sizeof(name), "kunit-iris-%d", n);
	np = of_changeset_create_node(ocs, of_root, name);
	KUNIT_ASSERT_NOT_NULL(test, np);
	of_node_put(np);	/* the changeset holds a reference */
	env->np = np;
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, np, "compatible",
							      "test,iris-context-banks"));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_bool(ocs, np, "dma-coherent"));

	if (form == IRIS_CB_FORM_OLD) {
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(ocs, np, "iommus", own,
									 ARRAY_SIZE(own)));
	} else {
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(ocs, np, "#address-cells", 1));
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(ocs, np, "#size-cells", 1));
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(ocs, np, "dma-ranges",
									 dma_ranges,
									 ARRAY_SIZE(dma_ranges)));
		iris_cb_add_bank(test, np, "non-pixel", smmu, IRIS_SID_NON_PIXEL, true, false);
		if (form != IRIS_CB_FORM_NO_PIXEL)
			iris_cb_add_bank(test, np, "pixel", pixel_iommu,
					 form == IRIS_CB_FORM_BAD_SID ? IRIS_SID_BAD :
					 IRIS_SID_PIXEL, false, form == IRIS_CB_FORM_PIXEL_OFF);
	}

	KUNIT_ASSERT_EQ(test, 0, of_changeset_apply(ocs));
	env->applied = true;
	/*
	 * of_changeset attaches a node before it adds the node's properties,
	 * so a "phandle" property would not be seen: set it on the node, before
	 * a bank is created that refers to it.
	 */
	if (late)
		late->phandle = pixel_iommu;

	env->pdev = of_find_device_by_node(np);
	KUNIT_ASSERT_NOT_NULL_MSG(test, env->pdev, "no platform device for %pOF", np);

	memset(&env->core, 0, sizeof(env->core));
	env->core.dev = &env->pdev->dev;
	env->core.iris_platform_data = &iris_cb_pdata;
	return &env->core;
}

/* iris_init_dma() as iris's probe calls it, then the mask that probe sets */
static void iris_cb_init_dma(struct kunit *test, struct iris_core *core)
{
	struct iris_cb_env *env = test->priv;

	KUNIT_ASSERT_EQ(test, 0, iris_init_dma(core));
	env->dma_init = true;
	KUNIT_ASSERT_EQ(test, 0, dma_set_mask_and_coherent(core->dev, IRIS_DMA_MASK));
}

static int iris_cb_match_bank(struct device *dev, const void *data)
{
	return dev_is_auxiliary(dev);
}

/* No context bank device is left under iris */
static void iris_cb_expect_none(struct kunit *test, struct iris_core *core)
{
	struct device *dev = device_find_child(core->dev, NULL, iris_cb_match_bank);

	KUNIT_EXPECT_NULL_MSG(test, dev, "%s is left behind", dev_name(dev));
	put_device(dev);
}

static int iris_cb_count(struct device *dev, void *data)
{
	(*(unsigned int *)data)++;
	return 0;
}

static unsigned int iris_cb_group_members(struct iommu_group *group)
{
	unsigned int n = 0;

	iommu_group_for_each_dev(group, &n, iris_cb_count);
	return n;
}

static bool iris_cb_mapped(struct device *dev, dma_addr_t iova)
{
	struct iommu_domain *domain = iommu_get_domain_for_dev(dev);

	return domain && iommu_iova_to_phys(domain, iova);
}

/*
 * Each sub-node is a bound auxiliary device of iris, with its own group,
 * distinct from the other bank's, the stream ID of its sub-node, iris's
 * DMA mask and segment limits; iris itself has no group.  Taking them down
 * leaves no device and no member in their groups.
 */
static void iris_cb_test_banks(struct kunit *test)
{
	static const u32 sid[IRIS_CB_MAX] = { IRIS_SID_NON_PIXEL, IRIS_SID_PIXEL };
	static const char * const node[IRIS_CB_MAX] = { "non-pixel", "pixel" };
	struct iris_cb_env *env = test->priv;
	struct iommu_group *group[IRIS_CB_MAX];
	struct iris_core *core;
	int i;

	core = iris_cb_build(test, IRIS_CB_FORM_BANKS);
	iris_cb_init_dma(test, core);
	KUNIT_ASSERT_TRUE(test, iris_has_context_banks(core));
	KUNIT_EXPECT_NULL(test, core->iova_state);
	KUNIT_EXPECT_NULL(test, iommu_group_get(core->dev));

	for (i = 0; i < IRIS_CB_MAX; i++) {
		struct device *dev = iris_context_bank_dev(core, i);
		struct iommu_fwspec *fwspec = dev_iommu_fwspec_get(dev);

		KUNIT_ASSERT_PTR_NE(test, dev, core->dev);
		KUNIT_EXPECT_PTR_EQ(test, dev->parent, core->dev);
		KUNIT_EXPECT_TRUE_MSG(test, device_is_bound(dev), "%s is not bound",
				      dev_name(dev));
		KUNIT_EXPECT_TRUE_MSG(test, of_node_name_eq(dev->of_node, node[i]),
				      "%s has node %pOF", dev_name(dev), dev->of_node);
		KUNIT_EXPECT_PTR_EQ(test, dev->of_node->parent, env->np);
		KUNIT_ASSERT_NOT_NULL(test, fwspec);
		KUNIT_ASSERT_EQ(test, fwspec->num_ids, 1);
		KUNIT_EXPECT_EQ(test, fwspec->ids[0], sid[i]);
		KUNIT_EXPECT_EQ(test, *dev->dma_mask, IRIS_DMA_MASK);
		KUNIT_EXPECT_EQ(test, dev->coherent_dma_mask, IRIS_DMA_MASK);
		KUNIT_EXPECT_EQ(test, dma_get_max_seg_size(dev), (unsigned int)DMA_BIT_MASK(32));
		KUNIT_EXPECT_EQ(test, dma_get_seg_boundary(dev), DMA_BIT_MASK(32));
		KUNIT_EXPECT_TRUE(test, dev_is_dma_coherent(dev));

		group[i] = iommu_group_get(dev);
		KUNIT_ASSERT_NOT_NULL(test, group[i]);
		KUNIT_EXPECT_EQ(test, iris_cb_group_members(group[i]), 1);
	}
	KUNIT_EXPECT_PTR_NE(test, group[IRIS_CB_NON_PIXEL], group[IRIS_CB_PIXEL]);

	iris_deinit_dma(core);
	env->dma_init = false;
	KUNIT_EXPECT_FALSE(test, iris_has_context_banks(core));
	iris_cb_expect_none(test, core);
	for (i = 0; i < IRIS_CB_MAX; i++) {
		KUNIT_EXPECT_EQ(test, iris_cb_group_members(group[i]), 0);
		iommu_group_put(group[i]);
	}
}

/* What filling a device's IOVA space through the DMA allocator gets */
struct iris_cb_space {
	u64 total;
	u64 lowest;
	u64 highest;	/* inclusive */
};

#define IRIS_CB_MAX_ALLOCS	256

static void iris_cb_fill(struct kunit *test, struct device *dev, struct iris_cb_space *sp)
{
	struct dma_iova_state *st;
	unsigned int n = 0, i;
	size_t size;

	st = kunit_kcalloc(test, IRIS_CB_MAX_ALLOCS, sizeof(*st), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, st);
	sp->total = 0;
	sp->lowest = U64_MAX;
	sp->highest = 0;

	for (size = SZ_1G; size >= PAGE_SIZE; size >>= 1) {
		while (n < IRIS_CB_MAX_ALLOCS && dma_iova_try_alloc(dev, &st[n], 0, size)) {
			sp->total += size;
			sp->lowest = min_t(u64, sp->lowest, st[n].addr);
			sp->highest = max_t(u64, sp->highest, st[n].addr + size - 1);
			n++;
		}
	}
	for (i = 0; i < n; i++)
		dma_iova_free(dev, &st[i]);
	KUNIT_ASSERT_LT_MSG(test, n, IRIS_CB_MAX_ALLOCS, "%s: too fragmented", dev_name(dev));
}

#define MIB(x)	((unsigned long long)(((x) + SZ_512K) >> 20))

/*
 * The address space of each buffer, measured by filling it through the DMA
 * API: in 7.3, every buffer gets [600 MiB, 3.5 GiB); with a device per
 * context bank, the non-pixel bank gets the same, and the pixel bank gets
 * everything below 3.5 GiB but page 0, which the IOVA allocator never
 * hands out.
 */
static void iris_cb_test_address_space(struct kunit *test)
{
	const u64 whole = IRIS_LIMIT - PAGE_SIZE;
	struct iris_cb_space old, np, px;
	struct iris_core *core;

	core = iris_cb_build(test, IRIS_CB_FORM_OLD);
	iris_cb_init_dma(test, core);
	KUNIT_ASSERT_FALSE(test, iris_has_context_banks(core));
	iris_cb_fill(test, core->dev, &old);
	iris_cb_teardown(test->priv);

	core = iris_cb_build(test, IRIS_CB_FORM_BANKS);
	iris_cb_init_dma(test, core);
	KUNIT_ASSERT_TRUE(test, iris_has_context_banks(core));
	iris_cb_fill(test, iris_context_bank_dev(core, IRIS_CB_NON_PIXEL), &np);
	iris_cb_fill(test, iris_context_bank_dev(core, IRIS_CB_PIXEL), &px);

	kunit_info(test, "iris: IOVA space per buffer in MiB, filled through the DMA API\n");
	kunit_info(test, "iris: 7.3, one context, [0, 600 MiB) allocated away: %llu MiB, every buffer\n",
		   MIB(old.total));
	kunit_info(test, "iris: non-pixel context bank, [600 MiB, 3.5 GiB):      %llu MiB\n",
		   MIB(np.total));
	kunit_info(test, "iris: pixel context bank, no iommu-ranges:             %llu MiB (%+lld MiB)\n",
		   MIB(px.total), (long long)(MIB(px.total) - MIB(old.total)));

	KUNIT_EXPECT_EQ(test, old.total, IRIS_NP_SIZE);
	KUNIT_EXPECT_EQ(test, old.lowest, IRIS_NP_START);
	KUNIT_EXPECT_EQ(test, old.highest, IRIS_LIMIT - 1);

	KUNIT_EXPECT_EQ(test, np.total, IRIS_NP_SIZE);
	KUNIT_EXPECT_GE(test, np.lowest, IRIS_NP_START);
	KUNIT_EXPECT_LE(test, np.highest, IRIS_NP_START + IRIS_NP_SIZE - 1);

	KUNIT_EXPECT_EQ(test, px.total, whole);
	KUNIT_EXPECT_EQ(test, px.lowest, (u64)PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, px.highest, IRIS_LIMIT - 1);
	KUNIT_EXPECT_EQ(test, px.total - old.total, IRIS_NP_START - PAGE_SIZE);
}

/*
 * The bank of each buffer type, in a decoder and an encoder session, as
 * Qualcomm's downstream driver maps buffer types to regions for a session
 * that is not secure: msm_vidc_buffer_region_ext(), in
 * driver/vidc/src/msm_vidc_memory_ext.c of its video-driver (as published
 * in OnePlusOSS/android_kernel_modules_and_devicetree_oneplus_sm8650,
 * vendor/qcom/opensource/video-driver).  MSM_VIDC_NON_SECURE_PIXEL is the
 * pixel bank, MSM_VIDC_NON_SECURE the non-pixel one; the scratch buffers,
 * which that driver names otherwise, fall to its default, non-pixel.
 */
static const struct {
	enum iris_buffer_type type;
	enum iris_context_bank_id dec, enc;
} iris_cb_routes[] = {
	{ BUF_INPUT, IRIS_CB_NON_PIXEL, IRIS_CB_PIXEL },	/* bitstream; frames */
	{ BUF_OUTPUT, IRIS_CB_PIXEL, IRIS_CB_NON_PIXEL },	/* frames; bitstream */
	{ BUF_BIN, IRIS_CB_NON_PIXEL, IRIS_CB_NON_PIXEL },
	{ BUF_ARP, IRIS_CB_NON_PIXEL, IRIS_CB_NON_PIXEL },
	{ BUF_COMV, IRIS_CB_NON_PIXEL, IRIS_CB_NON_PIXEL },
	{ BUF_NON_COMV, IRIS_CB_NON_PIXEL, IRIS_CB_NON_PIXEL },
	{ BUF_LINE, IRIS_CB_NON_PIXEL, IRIS_CB_NON_PIXEL },
	{ BUF_DPB, IRIS_CB_PIXEL, IRIS_CB_PIXEL },
	{ BUF_PERSIST, IRIS_CB_NON_PIXEL, IRIS_CB_NON_PIXEL },
	{ BUF_SCRATCH_1, IRIS_CB_NON_PIXEL, IRIS_CB_NON_PIXEL },
	{ BUF_SCRATCH_2, IRIS_CB_NON_PIXEL, IRIS_CB_NON_PIXEL },
	{ BUF_VPSS, IRIS_CB_PIXEL, IRIS_CB_PIXEL },
	{ BUF_PARTIAL, IRIS_CB_PIXEL, IRIS_CB_PIXEL },
};

/* The bank of each vb2 queue (source, destination) in each session domain */
static const struct {
	u32 domain;
	enum iris_context_bank_id src, dst;
	const char *src_what, *dst_what;
} iris_cb_queues[] = {
	{ DECODER, IRIS_CB_NON_PIXEL, IRIS_CB_PIXEL, "decoder bitstream", "decoder frames" },
	{ ENCODER, IRIS_CB_PIXEL, IRIS_CB_NON_PIXEL, "encoder frames", "encoder bitstream" },
};

/* @iova is mapped by @want only (or by iris alone without banks), above 600 MiB if non-pixel */
static void iris_cb_expect_in(struct kunit *test, struct iris_core *core, dma_addr_t iova,
			      enum iris_context_bank_id want, const char *what)
{
	struct device *in = iris_context_bank_dev(core, want);
	struct device *other = iris_context_bank_dev(core, !want);

	KUNIT_EXPECT_TRUE_MSG(test, iris_cb_mapped(in, iova), "%s: %pad not mapped by %s",
			      what, &iova, dev_name(in));
	if (other != in)
		KUNIT_EXPECT_FALSE_MSG(test, iris_cb_mapped(other, iova),
				       "%s: %pad also mapped by %s", what, &iova,
				       dev_name(other));
	if (want == IRIS_CB_NON_PIXEL || other == in)
		KUNIT_EXPECT_GE_MSG(test, (u64)iova, IRIS_NP_START, "%s: %pad below 600 MiB",
				    what, &iova);
}

static int iris_cb_queue_setup(struct vb2_queue *q, unsigned int *num_buffers,
			       unsigned int *num_planes, unsigned int sizes[],
			       struct device *alloc_devs[])
{
	return 0;
}

static void iris_cb_buf_queue(struct vb2_buffer *vb)
{
}

static const struct vb2_ops iris_cb_vb2_ops = {
	.queue_setup = iris_cb_queue_setup,
	.buf_queue = iris_cb_buf_queue,
};

/* A buffer from @q's allocator, as vb2 allocates it on REQBUFS */
static void iris_cb_expect_queue(struct kunit *test, struct iris_core *core,
				 struct vb2_queue *q, enum iris_context_bank_id want,
				 const char *what)
{
	struct vb2_buffer *vb;
	void *priv;

	KUNIT_EXPECT_PTR_EQ(test, q->dev, iris_context_bank_dev(core, want));
	vb = kunit_kzalloc(test, sizeof(*vb), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, vb);
	vb->vb2_queue = q;
	priv = q->mem_ops->alloc(vb, q->dev, SZ_64K);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(priv));
	iris_cb_expect_in(test, core, *(dma_addr_t *)q->mem_ops->cookie(vb, priv), want, what);
	q->mem_ops->put(priv);
}

/*
 * A buffer of each type lands in the bank that its type names, through the
 * code that iris allocates it with: the firmware interface queues, the
 * internal buffers, and the vb2 queues of each session domain.  Without
 * banks, every buffer lands on iris, above 600 MiB.
 */
static void iris_cb_test_buffers(struct kunit *test)
{
	enum iris_cb_form form = *(const enum iris_cb_form *)test->param_value;
	struct vb2_queue src, dst;
	struct iris_core *core;
	struct iris_inst *inst;
	unsigned int i;

	core = iris_cb_build(test, form);
	iris_cb_init_dma(test, core);
	KUNIT_ASSERT_EQ(test, iris_has_context_banks(core), form == IRIS_CB_FORM_BANKS);
	core->iris_vb2_ops = &iris_cb_vb2_ops;

	KUNIT_ASSERT_EQ(test, 0, iris_hfi_queues_init(core));
	iris_cb_expect_in(test, core, core->iface_q_table_daddr, IRIS_CB_NON_PIXEL,
			  "interface queues");
	iris_cb_expect_in(test, core, core->sfr_daddr, IRIS_CB_NON_PIXEL, "SFR");
	iris_hfi_queues_deinit(core);

	inst = kunit_kzalloc(test, sizeof(*inst), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, inst);
	inst->core = core;
	mutex_init(&inst->ctx_q_lock);

	KUNIT_EXPECT_EQ(test, ARRAY_SIZE(iris_cb_routes), BUF_TYPE_MAX - 1);
	for (i = 0; i < 2 * ARRAY_SIZE(iris_cb_routes); i++) {
		enum iris_buffer_type type = iris_cb_routes[i / 2].type;
		enum iris_context_bank_id bank = i % 2 ? iris_cb_routes[i / 2].enc :
							  iris_cb_routes[i / 2].dec;
		struct iris_buffers *buffers = &inst->buffers[type];
		struct iris_buffer *buf;

		inst->domain = i % 2 ? ENCODER : DECODER;
		INIT_LIST_HEAD(&buffers->list);
		buffers->size = SZ_64K;
		KUNIT_ASSERT_EQ(test, 0, iris_create_internal_buffer(inst, type, 0));
		buf = list_first_entry_or_null(&buffers->list, struct iris_buffer, list);
		KUNIT_ASSERT_NOT_NULL(test, buf);
		KUNIT_EXPECT_PTR_EQ_MSG(test, iris_buffer_dev(inst, buf->type),
					iris_context_bank_dev(core, bank), "%s buffer type %d",
					i % 2 ? "encoder" : "decoder", type);
		iris_cb_expect_in(test, core, buf->device_addr, bank, "internal buffer");
		iris_destroy_internal_buffer(inst, buf);
		KUNIT_EXPECT_TRUE(test, list_empty(&buffers->list));
	}

	for (i = 0; i < ARRAY_SIZE(iris_cb_queues); i++) {
		inst->domain = iris_cb_queues[i].domain;
		memset(&src, 0, sizeof(src));
		memset(&dst, 0, sizeof(dst));
		KUNIT_ASSERT_EQ(test, 0, iris_m2m_queue_init(inst, &src, &dst));
		iris_cb_expect_queue(test, core, &src, iris_cb_queues[i].src,
				     iris_cb_queues[i].src_what);
		iris_cb_expect_queue(test, core, &dst, iris_cb_queues[i].dst,
				     iris_cb_queues[i].dst_what);
		vb2_queue_release(&src);
		vb2_queue_release(&dst);
	}
	mutex_destroy(&inst->ctx_q_lock);
}

static const enum iris_cb_form iris_cb_buffer_forms[] = {
	IRIS_CB_FORM_BANKS,
	IRIS_CB_FORM_OLD,
};

static void iris_cb_form_desc(const enum iris_cb_form *form, char *desc)
{
	strscpy(desc, *form == IRIS_CB_FORM_OLD ? "old form" : "context banks",
		KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(iris_cb_buffer_forms, iris_cb_buffer_forms, iris_cb_form_desc);

/*
 * With the old form, the code takes the 7.3 path: no bank device, iris has
 * one group with both stream IDs, and IOVA [0, 600 MiB) is allocated away
 * until iris_deinit_dma() gives it back.
 */
static void iris_cb_test_old_form(struct kunit *test)
{
	struct iommu_fwspec *fwspec;
	struct iris_cb_space sp;
	struct iris_core *core;
	int i;

	core = iris_cb_build(test, IRIS_CB_FORM_OLD);
	iris_cb_init_dma(test, core);
	KUNIT_EXPECT_FALSE(test, iris_has_context_banks(core));
	KUNIT_EXPECT_NOT_NULL(test, core->iova_state);
	iris_cb_expect_none(test, core);
	for (i = 0; i < IRIS_CB_MAX; i++)
		KUNIT_EXPECT_PTR_EQ(test, iris_context_bank_dev(core, i), core->dev);

	fwspec = dev_iommu_fwspec_get(core->dev);
	KUNIT_ASSERT_NOT_NULL(test, fwspec);
	KUNIT_ASSERT_EQ(test, fwspec->num_ids, 2);
	KUNIT_EXPECT_EQ(test, fwspec->ids[0], IRIS_SID_NON_PIXEL);
	KUNIT_EXPECT_EQ(test, fwspec->ids[1], IRIS_SID_PIXEL);

	iris_cb_fill(test, core->dev, &sp);
	KUNIT_EXPECT_EQ(test, sp.lowest, IRIS_NP_START);

	iris_deinit_dma(core);
	((struct iris_cb_env *)test->priv)->dma_init = false;
	KUNIT_EXPECT_NULL(test, core->iova_state);
	iris_cb_fill(test, core->dev, &sp);
	KUNIT_EXPECT_EQ(test, sp.lowest, (u64)PAGE_SIZE);
}

/*
 * The context banks' IOMMU is powered whenever iris is runtime active, and
 * only then.  The IOMMU links each bank, not iris, as its consumer
 * (arm-smmu adds a DL_FLAG_PM_RUNTIME link from the bank to itself in
 * arm_smmu_probe_device()); QEMU's SMMUv3 has no runtime PM, so a device
 * with runtime PM, linked to each bank as arm-smmu links it, stands for
 * such an IOMMU.  Iris's own runtime PM callbacks run, through the PM core,
 * on the device that stands for iris.
 */
static void iris_cb_test_runtime_pm(struct kunit *test)
{
	struct iris_cb_env *env = test->priv;
	struct iris_core *core;
	struct device *iommu;
	int round, i;

	if (!IS_ENABLED(CONFIG_PM))
		kunit_skip(test, "needs CONFIG_PM");

	core = iris_cb_build(test, IRIS_CB_FORM_BANKS);
	iris_cb_init_dma(test, core);
	KUNIT_ASSERT_TRUE(test, iris_has_context_banks(core));

	iommu = kunit_device_register(test, "iris-cb-iommu");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, iommu);
	pm_runtime_enable(iommu);
	for (i = 0; i < IRIS_CB_MAX; i++)
		KUNIT_ASSERT_NOT_NULL(test, device_link_add(iris_context_bank_dev(core, i), iommu,
							    DL_FLAG_PM_RUNTIME |
							    DL_FLAG_STATELESS));

	mutex_init(&core->lock);
	dev_set_drvdata(core->dev, core);
	env->pm_domain.ops = iris_pm_ops;
	dev_pm_domain_set(core->dev, &env->pm_domain);
	pm_runtime_enable(core->dev);
	env->pm = true;

	KUNIT_EXPECT_TRUE(test, pm_runtime_suspended(iommu));
	for (round = 1; round <= 2; round++) {
		KUNIT_EXPECT_EQ(test, pm_runtime_resume_and_get(core->dev), 0);
		KUNIT_EXPECT_TRUE_MSG(test, pm_runtime_active(iommu),
				      "round %d: the IOMMU is suspended while iris is active",
				      round);
		for (i = 0; i < IRIS_CB_MAX; i++)
			KUNIT_EXPECT_TRUE(test, pm_runtime_active(iris_context_bank_dev(core, i)));

		KUNIT_EXPECT_EQ(test, pm_runtime_put_sync_suspend(core->dev), 0);
		/* The PM core suspends an idle supplier from its workqueue: now */
		pm_runtime_barrier(iommu);
		pm_runtime_idle(iommu);
		KUNIT_EXPECT_TRUE_MSG(test, pm_runtime_suspended(iommu),
				      "round %d: the IOMMU is active while iris is suspended",
				      round);
	}
}

#ifdef CONFIG_MODULE_UNLOAD
/*
 * Give @drv a module of the test's as its owner, loaded and unused, until
 * the test's exit: iris is built in here, and a built-in driver has none.
 */
static struct module *iris_cb_stand_in_module(struct kunit *test, struct device_driver *drv)
{
	struct iris_cb_env *env = test->priv;
	struct module *mod;

	mod = kunit_kzalloc(test, sizeof(*mod), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, mod);
	strscpy(mod->name, "qcom_iris");
	atomic_set(&mod->refcnt, 1);	/* MODULE_REF_BASE */
	env->owned = drv;
	env->saved_owner = drv->owner;
	drv->owner = mod;
	return mod;
}

static int iris_cb_module_refs(struct module *mod)
{
	return module_refcount(mod);
}
#else
static struct module *iris_cb_stand_in_module(struct kunit *test, struct device_driver *drv)
{
	kunit_skip(test, "needs CONFIG_MODULE_UNLOAD: without it no module is unloaded");
	return NULL;
}

static int iris_cb_module_refs(struct module *mod)
{
	return -1;
}
#endif

/*
 * A capture buffer exported as a dma-buf is freed on its bank when its last
 * importer lets it go, which may be after its session closed.  Until then
 * iris's module stays loaded, so that "rmmod qcom_iris" fails rather than
 * remove the bank under the buffer, and iris cannot be unbound from sysfs.
 * A module of the test's stands for qcom_iris as the banks' driver's owner.
 */
static void iris_cb_test_exported_buffer(struct kunit *test)
{
	struct device_driver *drv;
	struct vb2_queue src, dst;
	struct iris_core *core;
	struct iris_inst *inst;
	struct vb2_buffer *vb;
	struct dma_buf *dbuf;
	struct module *mod;
	void *priv;

	drv = driver_find("qcom-iris", &platform_bus_type);
	KUNIT_ASSERT_NOT_NULL(test, drv);
	KUNIT_EXPECT_TRUE_MSG(test, drv->suppress_bind_attrs, "iris can be unbound from sysfs");

	core = iris_cb_build(test, IRIS_CB_FORM_BANKS);
	iris_cb_init_dma(test, core);
	KUNIT_ASSERT_NOT_NULL(test, iris_context_bank_dev(core, IRIS_CB_PIXEL)->driver);
	mod = iris_cb_stand_in_module(test, iris_context_bank_dev(core, IRIS_CB_PIXEL)->driver);

	core->iris_vb2_ops = &iris_cb_vb2_ops;
	inst = kunit_kzalloc(test, sizeof(*inst), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, inst);
	inst->core = core;
	inst->domain = DECODER;
	mutex_init(&inst->ctx_q_lock);
	memset(&src, 0, sizeof(src));
	memset(&dst, 0, sizeof(dst));
	KUNIT_ASSERT_EQ(test, 0, iris_m2m_queue_init(inst, &src, &dst));
	KUNIT_EXPECT_PTR_EQ(test, dst.dev, iris_context_bank_dev(core, IRIS_CB_PIXEL));

	/* REQBUFS, EXPBUF, then the session closes: the dma-buf holds the buffer */
	vb = kunit_kzalloc(test, sizeof(*vb), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, vb);
	vb->vb2_queue = &dst;
	priv = dst.mem_ops->alloc(vb, dst.dev, SZ_64K);
	dbuf = IS_ERR_OR_NULL(priv) ? NULL : dst.mem_ops->get_dmabuf(vb, priv, O_RDWR);
	if (!IS_ERR_OR_NULL(priv))
		dst.mem_ops->put(priv);
	vb2_queue_release(&src);
	vb2_queue_release(&dst);
	mutex_destroy(&inst->ctx_q_lock);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(priv));
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(dbuf));

	KUNIT_EXPECT_EQ_MSG(test, iris_cb_module_refs(mod), 1,
			    "qcom_iris can be unloaded while a buffer it exported lives");

	/* The importer lets it go: freed on the bank, which is still there */
	dma_buf_put(dbuf);
	flush_delayed_fput();
	KUNIT_EXPECT_EQ_MSG(test, iris_cb_module_refs(mod), 0,
			    "qcom_iris stays in use after the buffer was freed");
}

/* The node forms that iris's probe must refuse, and how */
static const struct iris_cb_bad {
	enum iris_cb_form form;
	int err;
	bool none_added;	/* found before any bank is added */
	const char *desc;
} iris_cb_bad_forms[] = {
	{ IRIS_CB_FORM_BAD_SID, -ENODEV, false, "refused stream ID" },
	{ IRIS_CB_FORM_NO_PIXEL, -ENODEV, true, "no pixel node" },
	{ IRIS_CB_FORM_PIXEL_OFF, -ENODEV, true, "pixel node disabled" },
	{ IRIS_CB_FORM_LATE_IOMMU, -EPROBE_DEFER, true, "IOMMU not probed yet" },
};

#if defined(CONFIG_KPROBES) && defined(CONFIG_HAVE_FUNCTION_ARG_ACCESS_API)
static struct device *iris_cb_watched;
static atomic_t iris_cb_added;

static int iris_cb_add_pre(struct kprobe *kp, struct pt_regs *regs)
{
	struct auxiliary_device *adev = (void *)regs_get_kernel_argument(regs, 0);

	if (adev->dev.parent == READ_ONCE(iris_cb_watched))
		atomic_inc(&iris_cb_added);
	return 0;
}
#endif

/*
 * iris_init_dma(@core), watching auxiliary_device_add(): how many bank
 * devices it added, even if it removed them again; -1 if it cannot tell.
 */
static int iris_cb_init_dma_added(struct kunit *test, struct iris_core *core, int *ret)
{
#if defined(CONFIG_KPROBES) && defined(CONFIG_HAVE_FUNCTION_ARG_ACCESS_API)
	struct kprobe kp = {
		.symbol_name = "__auxiliary_device_add",
		.pre_handler = iris_cb_add_pre,
	};
	int err;

	atomic_set(&iris_cb_added, 0);
	WRITE_ONCE(iris_cb_watched, core->dev);
	err = register_kprobe(&kp);
	*ret = iris_init_dma(core);
	if (!err)
		unregister_kprobe(&kp);
	WRITE_ONCE(iris_cb_watched, NULL);
	KUNIT_EXPECT_EQ_MSG(test, err, 0, "kprobe on __auxiliary_device_add");
	return err ? -1 : atomic_read(&iris_cb_added);
#else
	*ret = iris_init_dma(core);
	return -1;
#endif
}

/*
 * A bank the IOMMU refuses, a missing bank and a disabled bank each fail
 * with -ENODEV, and a bank whose IOMMU has not probed yet defers iris, each
 * with a log line naming iris and the bank; none leaves a bank device or a
 * group behind.  What can be found before a bank is added (a missing or
 * disabled node, an IOMMU not probed) is found before either is added.
 */
static void iris_cb_test_errors(struct kunit *test)
{
	const struct iris_cb_bad *bad = test->param_value;
	struct iris_cb_env *env = test->priv;
	struct iris_core *core;
	int ret, added;

	core = iris_cb_build(test, bad->form);
	added = iris_cb_init_dma_added(test, core, &ret);
	KUNIT_EXPECT_EQ(test, ret, bad->err);
	if (added < 0)
		kunit_mark_skipped(test, "no kprobe on function arguments: adds not counted");
	else if (bad->none_added)
		KUNIT_EXPECT_EQ_MSG(test, added, 0, "%d banks added before iris failed", added);
	KUNIT_EXPECT_FALSE(test, iris_has_context_banks(core));
	KUNIT_EXPECT_NULL(test, core->iova_state);
	iris_cb_expect_none(test, core);
	KUNIT_EXPECT_NULL(test, iommu_group_get(core->dev));

	/* The node is still usable once it is fixed: nothing holds its IDs */
	iris_cb_teardown(env);
	core = iris_cb_build(test, IRIS_CB_FORM_BANKS);
	iris_cb_init_dma(test, core);
	KUNIT_EXPECT_TRUE(test, iris_has_context_banks(core));
}

KUNIT_ARRAY_PARAM_DESC(iris_cb_bad_forms, iris_cb_bad_forms, desc);

/*
 * iris_init_dma(), which makes the context banks at iris's probe, with its
 * 1st allocation failed, then its 2nd, and so on (kunit_fail_nth()) until
 * a run meets no fault.  A run that a fault failed returns an errno and
 * leaves no bank, no group on iris and no reference on a bank's node; one
 * that survived its fault has both banks bound, each in a group of its
 * own; the run without a fault succeeds.  kmemleak, scanned once the
 * suites have run, finds memory left behind.
 */
static void iris_cb_test_faults(struct kunit *test)
{
	struct iris_cb_env *env = test->priv;
	struct device_node *bank_np[IRIS_CB_MAX];
	unsigned int refs[IRIS_CB_MAX];
	unsigned int n, failed = 0, survived = 0;
	struct iris_core *core;
	bool injected;
	u64 start;
	int ret, i;

	ret = kunit_fail_nth_setup(test);
	if (ret == -EOPNOTSUPP)
		kunit_skip(test, "needs FAILSLAB, FAIL_PAGE_ALLOC and FAULT_INJECTION_DEBUG_FS");
	KUNIT_ASSERT_EQ(test, ret, 0);

	core = iris_cb_build(test, IRIS_CB_FORM_BANKS);
	bank_np[IRIS_CB_NON_PIXEL] = of_get_child_by_name(env->np, "non-pixel");
	bank_np[IRIS_CB_PIXEL] = of_get_child_by_name(env->np, "pixel");
	for (i = 0; i < IRIS_CB_MAX; i++) {
		KUNIT_ASSERT_NOT_NULL(test, bank_np[i]);
		of_node_put(bank_np[i]);	/* the changeset holds a reference */
		refs[i] = kref_read(&bank_np[i]->kobj.kref);
	}

	start = ktime_get_ns();
	for (n = 1; n <= IRIS_MAX_POINTS; n++) {
		kunit_fail_nth(n);
		ret = iris_init_dma(core);
		injected = !kunit_fail_nth(0);

		if (ret) {
			KUNIT_EXPECT_TRUE_MSG(test, injected, "failed without a fault: %d", ret);
			KUNIT_EXPECT_FALSE(test, iris_has_context_banks(core));
			KUNIT_EXPECT_NULL(test, core->iova_state);
			failed++;
		} else {
			KUNIT_EXPECT_TRUE_MSG(test, iris_has_context_banks(core), "point %u", n);
			for (i = 0; i < IRIS_CB_MAX && iris_has_context_banks(core); i++) {
				struct device *dev = iris_context_bank_dev(core, i);
				struct iommu_group *group = iommu_group_get(dev);

				KUNIT_EXPECT_TRUE_MSG(test, device_is_bound(dev),
						      "point %u: %s is not bound", n,
						      dev_name(dev));
				KUNIT_EXPECT_NOT_NULL_MSG(test, group, "point %u: %s has no group",
							  n, dev_name(dev));
				if (group)
					KUNIT_EXPECT_EQ(test, iris_cb_group_members(group), 1);
				iommu_group_put(group);
			}
			iris_deinit_dma(core);
			survived += injected;
		}
		iris_cb_expect_none(test, core);
		KUNIT_EXPECT_NULL(test, iommu_group_get(core->dev));
		for (i = 0; i < IRIS_CB_MAX; i++)
			KUNIT_EXPECT_EQ_MSG(test, kref_read(&bank_np[i]->kobj.kref), refs[i],
					    "point %u: %pOF", n, bank_np[i]);
		if (!injected)
			break;
	}
	KUNIT_EXPECT_LE(test, n, IRIS_MAX_POINTS);
	kunit_info(test, "faults: iris context banks: %u points, %u failed cleanly, %u survived whole, %llu ms\n",
		   n - 1, failed, survived, div_u64(ktime_get_ns() - start, NSEC_PER_MSEC));
}

static struct kunit_case iris_context_bank_cases[] = {
	KUNIT_CASE(iris_cb_test_banks),
	KUNIT_CASE(iris_cb_test_address_space),
	KUNIT_CASE_PARAM(iris_cb_test_buffers, iris_cb_buffer_forms_gen_params),
	KUNIT_CASE(iris_cb_test_old_form),
	KUNIT_CASE(iris_cb_test_runtime_pm),
	KUNIT_CASE(iris_cb_test_exported_buffer),
	KUNIT_CASE_PARAM(iris_cb_test_errors, iris_cb_bad_forms_gen_params),
	KUNIT_CASE_SLOW(iris_cb_test_faults),
	{}
};

static struct kunit_suite iris_context_bank_suite = {
	.name = "iris_context_bank",
	.init = iris_cb_test_init,
	.exit = iris_cb_test_exit,
	.test_cases = iris_context_bank_cases,
};

kunit_test_suite(iris_context_bank_suite);
