// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit benchmarks for DMA contexts of auxiliary devices: what a child with
 * a DMA context of its own costs against the patterns it replaces, on the
 * same SMMUv3.
 *
 * The variants are an auxiliary child declared by DT node and one declared
 * by input ID, against a platform device made from a DT child node with
 * of_platform_device_create() and bound by its compatible, and a device
 * that its creator configures with of_dma_configure_id() through the
 * parent's "iommu-map" (host1x's context devices before this series).
 * Each figure is timed in rounds that run every variant in turn, in an
 * order that changes from round to round (bench_order), and is the median
 * of the rounds; each ratio is the median of the rounds' ratios.
 * Under emulation only the ratios between variants of one run mean
 * something; each is printed as "bench: NAME VALUE UNIT", for
 * tools/bench-report.py.  The figures mean nothing under KASAN, lockdep or
 * DMA-API debugging: the suite belongs in a kernel without them (make
 * bench), and checks only that each step works.
 */

#include <kunit/resource.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/mmzone.h>
#include <linux/of_device.h>
#include <linux/of_platform.h>
#include <linux/scatterlist.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/vmstat.h>

#include "auxiliary_dma_kunit.h"

/* Stream IDs of their own, above the other suites' instances */
#define BENCH_SID		0x2000
#define BENCH_SID_MAP		0x2100
#define BENCH_MAP_LEN		512

/* block@0: auxiliary children by node; block@1: platform children */
#define BENCH_AUX_BLOCK		0
#define BENCH_PDEV_BLOCK	1
#define BENCH_NR_BLOCKS		2
#define BENCH_COMPATIBLE	"test,auxdma-bench-block"

/* Input IDs: the hot path's children, then the lifecycle's, then scale */
#define BENCH_ID_AUX		0
#define BENCH_ID_OFID		1
#define BENCH_ID_CYCLE		2
#define BENCH_ID_SCALE		16

#define BENCH_ROUNDS		36	/* a multiple of both orders' rows */
#define BENCH_MAP_ITERS		1000
#define BENCH_SG_ITERS		200
#define BENCH_SG_PAGES		64
#define BENCH_CYCLES		16
#define BENCH_SCALE_MAX		256

enum bench_variant {
	BENCH_AUX_NODE,		/* auxiliary, declared by DT node */
	BENCH_AUX_ID,		/* auxiliary, declared by input ID */
	BENCH_PDEV,		/* of_platform_device_create() of a DT child */
	BENCH_OFID,		/* of_dma_configure_id() by its creator */
	BENCH_NR_VARIANTS,
};

static const char *const bench_variant_name[] = {
	[BENCH_AUX_NODE] = "aux_node",
	[BENCH_AUX_ID] = "aux_id",
	[BENCH_PDEV] = "platform",
	[BENCH_OFID] = "of_dma_configure_id",
};

/*
 * The order of the variants in round r, row r % 4: a Williams square, in
 * which each variant runs once in each place and follows each other
 * variant once, so that neither its place in a round nor what the variant
 * before it left behind (slabs to reuse, deferred work) favours one.
 * Rotating the first variant of a fixed order is not enough: each
 * variant would always follow the same one.
 */
static const u8 bench_order[][BENCH_NR_VARIANTS] = {
	{ BENCH_AUX_NODE, BENCH_AUX_ID, BENCH_OFID, BENCH_PDEV },
	{ BENCH_AUX_ID, BENCH_PDEV, BENCH_AUX_NODE, BENCH_OFID },
	{ BENCH_PDEV, BENCH_OFID, BENCH_AUX_ID, BENCH_AUX_NODE },
	{ BENCH_OFID, BENCH_AUX_NODE, BENCH_PDEV, BENCH_AUX_ID },
};

/* The same for the scale's three sizes: all six orders */
static const u8 bench_scale_order[][3] = {
	{ 0, 1, 2 }, { 1, 2, 0 }, { 2, 0, 1 }, { 0, 2, 1 }, { 1, 0, 2 }, { 2, 1, 0 },
};

struct bench_child {
	enum bench_variant variant;
	struct auxiliary_device *auxdev;
	struct platform_device *pdev;
	struct device *dev;
};

/* The platform driver of the DT children: it only has to bind */
static int bench_pdev_probe(struct platform_device *pdev)
{
	return 0;
}

static const struct of_device_id bench_pdev_of_match[] = {
	{ .compatible = BENCH_COMPATIBLE },
	{ }
};

static struct platform_driver bench_pdev_driver = {
	.probe = bench_pdev_probe,
	.driver = {
		.name = "kunit-auxdma-bench-block",
		.of_match_table = bench_pdev_of_match,
	},
};

static int bench_suite_init(struct kunit_suite *suite)
{
	int ret;

	ret = auxdma_suite_init(suite);
	if (ret)
		return ret;
	ret = platform_driver_register(&bench_pdev_driver);
	if (ret)
		auxdma_suite_exit(suite);
	return ret;
}

static void bench_suite_exit(struct kunit_suite *suite)
{
	platform_driver_unregister(&bench_pdev_driver);
	auxdma_suite_exit(suite);
}

/*
 * The parent: "iommus" of its own, an "iommu-map" wide enough for the
 * largest scale, and two block nodes with their own "iommus", the
 * platform children's with the compatible their driver matches.
 */
static void bench_setup(struct auxdma_env *env)
{
	struct auxdma_vpu *vpu = &env->vpu[0];
	struct of_changeset *ocs = &env->ocs;
	struct kunit *test = env->test;
	u32 smmu = env->smmu_np->phandle;
	u32 own[] = { smmu, BENCH_SID };
	u32 map[] = { 0, smmu, BENCH_SID_MAP, BENCH_MAP_LEN };
	char name[48];
	int i;

	auxdma_ocs_init(env);
	snprintf(name, sizeof(name), "kunit-auxdma-bench-%d", env->seq);
	vpu->np = of_changeset_create_node(ocs, of_root, name);
	KUNIT_ASSERT_NOT_NULL(test, vpu->np);
	of_node_put(vpu->np);	/* the changeset holds a reference */
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, vpu->np, "compatible",
							      "test,auxdma-vpu"));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(ocs, vpu->np, "iommus",
								 own, ARRAY_SIZE(own)));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(ocs, vpu->np, "iommu-map",
								 map, ARRAY_SIZE(map)));
	for (i = 0; i < BENCH_NR_BLOCKS; i++) {
		u32 block[] = { smmu, BENCH_SID + 0x10 + i };

		snprintf(name, sizeof(name), "block@%d", i);
		vpu->block_np[i] = of_changeset_create_node(ocs, vpu->np, name);
		KUNIT_ASSERT_NOT_NULL(test, vpu->block_np[i]);
		of_node_put(vpu->block_np[i]);	/* the changeset holds a reference */
		KUNIT_ASSERT_EQ(test, 0,
				of_changeset_add_prop_u32_array(ocs, vpu->block_np[i], "iommus",
								block, ARRAY_SIZE(block)));
		if (i == BENCH_PDEV_BLOCK)
			KUNIT_ASSERT_EQ(test, 0,
					of_changeset_add_prop_string(ocs, vpu->block_np[i],
								     "compatible",
								     BENCH_COMPATIBLE));
	}
	auxdma_apply(env);
}

/*
 * Make and bind one child of @variant (input ID @id where it takes one);
 * return 0 or an errno.  The lifecycle figures time this and
 * bench_child_del() together.
 */
static int bench_child_add(struct auxdma_env *env, struct bench_child *c,
			   enum bench_variant variant, u32 id)
{
	struct auxiliary_dma_context ctx = { };
	struct device *parent = &env->parent->dev;
	int ret;

	memset(c, 0, sizeof(*c));
	c->variant = variant;
	switch (variant) {
	case BENCH_AUX_NODE:
	case BENCH_AUX_ID:
		if (variant == BENCH_AUX_NODE) {
			ctx.mode = AUXILIARY_DMA_OF_NODE;
			ctx.np = env->block_np[BENCH_AUX_BLOCK];
		} else {
			ctx.mode = AUXILIARY_DMA_OF_ID;
			ctx.input_id = id;
		}
		c->auxdev = auxiliary_device_create_dma(parent, "block", NULL,
							auxdma_new_id(), &ctx);
		if (IS_ERR(c->auxdev))
			return PTR_ERR(c->auxdev);
		c->dev = &c->auxdev->dev;
		break;
	case BENCH_PDEV:
		c->pdev = of_platform_device_create(env->block_np[BENCH_PDEV_BLOCK], NULL,
						    parent);
		if (!c->pdev)
			return -ENODEV;
		c->dev = &c->pdev->dev;
		break;
	case BENCH_OFID:
		c->pdev = platform_device_register_data(parent, "kunit-auxdma-bench-ofid",
							PLATFORM_DEVID_AUTO, NULL, 0);
		if (IS_ERR(c->pdev))
			return PTR_ERR(c->pdev);
		c->dev = &c->pdev->dev;
		ret = of_dma_configure_id(c->dev, env->parent_np, true, &id);
		if (ret) {
			platform_device_unregister(c->pdev);
			c->dev = NULL;
			return ret;
		}
		break;
	default:
		return -EINVAL;
	}
	return 0;
}

static void bench_child_del(struct bench_child *c)
{
	switch (c->variant) {
	case BENCH_AUX_NODE:
	case BENCH_AUX_ID:
		auxiliary_device_destroy(c->auxdev);
		break;
	case BENCH_PDEV:
		of_platform_device_destroy(c->dev, NULL);
		break;
	default:
		platform_device_unregister(c->pdev);
		break;
	}
	c->dev = NULL;
}

static void bench_child_del_action(void *data)
{
	struct bench_child *c = data;

	if (c->dev)
		bench_child_del(c);
}

/* One child of each variant, deleted at the test's end if still there */
static struct bench_child *bench_children(struct kunit *test)
{
	struct bench_child *c;
	int v;

	c = kunit_kcalloc(test, BENCH_NR_VARIANTS, sizeof(*c), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	for (v = 0; v < BENCH_NR_VARIANTS; v++)
		KUNIT_ASSERT_EQ(test, 0,
				kunit_add_action_or_reset(test, bench_child_del_action, &c[v]));
	return c;
}

/* Make child @c of @variant, checked usable for DMA */
static void bench_child_ready(struct auxdma_env *env, struct bench_child *c,
			      enum bench_variant variant, u32 id)
{
	struct kunit *test = env->test;
	int ret;

	ret = bench_child_add(env, c, variant, id);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "%s: %d", bench_variant_name[variant], ret);
	KUNIT_ASSERT_EQ(test, 0, dma_set_mask_and_coherent(c->dev, DMA_BIT_MASK(32)));
	/* Every variant must map through its own default DMA domain */
	auxdma_dma_domain(test, c->dev);
}

static int bench_cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/* The median of BENCH_ROUNDS values, which keep their order */
static u64 bench_median(const u64 *v)
{
	u64 sorted[BENCH_ROUNDS];

	memcpy(sorted, v, sizeof(sorted));
	sort(sorted, BENCH_ROUNDS, sizeof(*sorted), bench_cmp_u64, NULL);
	return sorted[BENCH_ROUNDS / 2];
}

/*
 * The median of the rounds' ratios @num[r] / @den[r], in thousandths: the
 * two variants of a round ran one after the other, so a drift of the
 * host's speed over the run cancels out.
 */
static u64 bench_ratio(const u64 *num, const u64 *den)
{
	u64 r[BENCH_ROUNDS];
	int i;

	for (i = 0; i < BENCH_ROUNDS; i++)
		r[i] = den[i] ? div64_u64(num[i] * 1000, den[i]) : 0;
	return bench_median(r);
}

static void bench_print_ratio(struct kunit *test, const char *name, u64 milli)
{
	kunit_info(test, "bench: %s %llu.%03llu ratio\n", name, milli / 1000, milli % 1000);
}

/*
 * Print figure @name of each variant, the median of its rounds in @t, and
 * the ratios of each auxiliary child to the pattern it replaces: its time
 * over theirs, or with @throughput, their time over its.
 */
static void bench_report(struct kunit *test, const char *name,
			 u64 t[BENCH_NR_VARIANTS][BENCH_ROUNDS], bool throughput)
{
	static const struct {
		enum bench_variant aux, other;
	} pairs[] = {
		{ BENCH_AUX_NODE, BENCH_PDEV },
		{ BENCH_AUX_ID, BENCH_PDEV },
		{ BENCH_AUX_ID, BENCH_OFID },
	};
	char ratio[96];
	u64 med;
	int v, i;

	for (v = 0; v < BENCH_NR_VARIANTS; v++) {
		med = bench_median(t[v]);
		kunit_info(test, "bench: %s.%s %llu ns\n", name, bench_variant_name[v], med);
	}
	for (i = 0; i < ARRAY_SIZE(pairs); i++) {
		snprintf(ratio, sizeof(ratio), "%s.%s.%s/%s", name,
			 throughput ? "throughput" : "time",
			 bench_variant_name[pairs[i].aux], bench_variant_name[pairs[i].other]);
		bench_print_ratio(test, ratio,
				  throughput ? bench_ratio(t[pairs[i].other], t[pairs[i].aux]) :
					       bench_ratio(t[pairs[i].aux], t[pairs[i].other]));
	}
}

static u64 bench_map_single(struct kunit *test, struct device *dev, void *buf)
{
	u64 start = ktime_get_ns();
	dma_addr_t dma;
	int i;

	for (i = 0; i < BENCH_MAP_ITERS; i++) {
		dma = dma_map_single(dev, buf, PAGE_SIZE, DMA_TO_DEVICE);
		if (dma_mapping_error(dev, dma)) {
			KUNIT_FAIL(test, "%s: dma_map_single failed", dev_name(dev));
			return 0;
		}
		dma_unmap_single(dev, dma, PAGE_SIZE, DMA_TO_DEVICE);
	}
	return div_u64(ktime_get_ns() - start, BENCH_MAP_ITERS);
}

static u64 bench_map_sg(struct kunit *test, struct device *dev, struct sg_table *sgt)
{
	u64 start = ktime_get_ns();
	int i, n;

	for (i = 0; i < BENCH_SG_ITERS; i++) {
		n = dma_map_sg(dev, sgt->sgl, sgt->orig_nents, DMA_TO_DEVICE);
		if (n <= 0) {
			KUNIT_FAIL(test, "%s: dma_map_sg failed", dev_name(dev));
			return 0;
		}
		dma_unmap_sg(dev, sgt->sgl, sgt->orig_nents, DMA_TO_DEVICE);
	}
	return div_u64(ktime_get_ns() - start, BENCH_SG_ITERS);
}

static void bench_free_pages(void *page)
{
	__free_pages(page, get_order(2 * BENCH_SG_PAGES * PAGE_SIZE));
}

static void bench_free_sgt(void *sgt)
{
	sg_free_table(sgt);
}

/* BENCH_SG_PAGES pages, every other one of a contiguous run: never merged */
static struct sg_table *bench_sgt(struct kunit *test)
{
	struct scatterlist *sg;
	struct sg_table *sgt;
	struct page *pages;
	int i;

	pages = alloc_pages(GFP_KERNEL, get_order(2 * BENCH_SG_PAGES * PAGE_SIZE));
	KUNIT_ASSERT_NOT_NULL(test, pages);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, bench_free_pages, pages));
	sgt = kunit_kzalloc(test, sizeof(*sgt), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sgt);
	KUNIT_ASSERT_EQ(test, 0, sg_alloc_table(sgt, BENCH_SG_PAGES, GFP_KERNEL));
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, bench_free_sgt, sgt));
	for_each_sgtable_sg(sgt, sg, i)
		sg_set_page(sg, pages + 2 * i, PAGE_SIZE, 0);
	return sgt;
}

/*
 * The hot path: dma_map_single() and unmap of 4 KiB, dma_map_sg() and
 * unmap of 64 discontiguous pages, on one child of each variant, all
 * behind the same SMMUv3.  The throughput ratio of an auxiliary child to
 * the pattern it replaces is the latter's time over the former's.
 *
 * Each round makes its own children, in the round's order: where a
 * child's page tables and structures land moves its map time by a few per
 * cent under emulation (two children of the same variant differ as much),
 * and children kept for the whole run would give each variant one layout
 * for good.
 */
static void bench_test_hot_path(struct kunit *test)
{
	static const u32 id[BENCH_NR_VARIANTS] = {
		[BENCH_AUX_ID] = BENCH_ID_AUX,
		[BENCH_OFID] = BENCH_ID_OFID,
	};
	struct auxdma_env *env = test->priv;
	u64 (*single)[BENCH_ROUNDS], (*sg)[BENCH_ROUNDS];
	struct bench_child *c;
	struct sg_table *sgt;
	const u8 *order;
	void *buf;
	int r, i, v;

	bench_setup(env);
	c = bench_children(test);
	single = kunit_kcalloc(test, BENCH_NR_VARIANTS, sizeof(*single), GFP_KERNEL);
	sg = kunit_kcalloc(test, BENCH_NR_VARIANTS, sizeof(*sg), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, single);
	KUNIT_ASSERT_NOT_NULL(test, sg);
	buf = kunit_kmalloc(test, PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	sgt = bench_sgt(test);

	for (r = 0; r < BENCH_ROUNDS; r++) {
		order = bench_order[r % ARRAY_SIZE(bench_order)];
		for (i = 0; i < BENCH_NR_VARIANTS; i++)
			bench_child_ready(env, &c[order[i]], order[i], id[order[i]]);
		for (i = 0; i < BENCH_NR_VARIANTS; i++) {
			v = order[i];
			single[v][r] = bench_map_single(test, c[v].dev, buf);
			sg[v][r] = bench_map_sg(test, c[v].dev, sgt);
		}
		for (i = 0; i < BENCH_NR_VARIANTS; i++)
			bench_child_del(&c[order[i]]);
	}

	bench_report(test, "map_single_4k", single, true);
	bench_report(test, "map_sg_64", sg, true);
}

/* Create, bind, unbind and delete one child BENCH_CYCLES times: ns each */
static u64 bench_cycles(struct auxdma_env *env, enum bench_variant variant, u32 id)
{
	struct kunit *test = env->test;
	struct bench_child c;
	u64 start = ktime_get_ns();
	int i, ret;

	for (i = 0; i < BENCH_CYCLES; i++) {
		ret = bench_child_add(env, &c, variant, id);
		if (ret) {
			KUNIT_FAIL(test, "%s: %d", bench_variant_name[variant], ret);
			return 0;
		}
		/* Bound, and in a DMA domain of its own */
		if (!c.dev->driver && variant != BENCH_OFID)
			KUNIT_FAIL(test, "%s: not bound", dev_name(c.dev));
		if (!iommu_get_domain_for_dev(c.dev))
			KUNIT_FAIL(test, "%s: no IOMMU domain", dev_name(c.dev));
		bench_child_del(&c);
	}
	return div_u64(ktime_get_ns() - start, BENCH_CYCLES);
}

/*
 * The lifecycle: create, bind, unbind and delete one child, from an
 * existing DT node (auxiliary against of_platform_device_create()) and by
 * input ID (against the same platform child, and against a device
 * configured with of_dma_configure_id(), which has no driver to bind).
 */
static void bench_test_lifecycle(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	u64 (*t)[BENCH_ROUNDS];
	unsigned int groups;
	int r, i, v;

	t = kunit_kcalloc(test, BENCH_NR_VARIANTS, sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, t);
	bench_setup(env);
	groups = auxdma_count_groups();

	for (r = 0; r < BENCH_ROUNDS; r++) {
		for (i = 0; i < BENCH_NR_VARIANTS; i++) {
			v = bench_order[r % ARRAY_SIZE(bench_order)][i];
			t[v][r] = bench_cycles(env, v, BENCH_ID_CYCLE);
		}
	}
	/* Every cycle left nothing behind */
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), groups);

	bench_report(test, "lifecycle", t, false);
}

/* A node counter, with what each CPU has not folded into it yet */
static long bench_node_stat(enum node_stat_item item)
{
	struct pglist_data *pgdat;
	long x = 0;
	int cpu;

	for_each_online_pgdat(pgdat) {
		x += atomic_long_read(&pgdat->vm_stat[item]);
		for_each_online_cpu(cpu)
			x += per_cpu_ptr(pgdat->per_cpu_nodestats, cpu)->vm_node_stat_diff[item];
	}
	return x;
}

/*
 * Slab memory in use, in bytes, from the kernel's own counters: they count
 * the pages of the slabs, so a child that fits in slabs already there
 * costs nothing, and the one that needs a new slab costs a page or more.
 */
static u64 bench_slab_bytes(void)
{
	return (u64)(bench_node_stat(NR_SLAB_RECLAIMABLE_B) +
		     bench_node_stat(NR_SLAB_UNRECLAIMABLE_B)) << PAGE_SHIFT;
}

/* Make and bind @n children declared by input ID; return how many were made */
static unsigned int bench_scale_add(struct auxdma_env *env, struct bench_child *c,
				    unsigned int n)
{
	unsigned int made;
	int ret;

	for (made = 0; made < n; made++) {
		ret = bench_child_add(env, &c[made], BENCH_AUX_ID, BENCH_ID_SCALE + made);
		if (ret) {
			KUNIT_FAIL(env->test, "child %u of %u: %d", made, n, ret);
			break;
		}
	}
	return made;
}

/* Delete the @made children that bench_scale_add() made, each bound */
static void bench_scale_del(struct kunit *test, struct bench_child *c, unsigned int made)
{
	unsigned int i;

	for (i = 0; i < made; i++) {
		if (!c[i].dev->driver)
			KUNIT_FAIL(test, "%s: not bound", dev_name(c[i].dev));
		bench_child_del(&c[i]);
	}
}

/*
 * Scale: @n children declared by input ID, made and bound one after
 * another and alive together, then deleted; BENCH_SCALE_MAX / @n times, so
 * that each size makes as many children.  Returns the time per child, or 0
 * if a child could not be made.
 */
static u64 bench_scale_once(struct auxdma_env *env, struct bench_child *c, unsigned int n)
{
	unsigned int batch, made;
	u64 ns = 0, start;

	for (batch = 0; batch < BENCH_SCALE_MAX / n; batch++) {
		start = ktime_get_ns();
		made = bench_scale_add(env, c, n);
		ns += ktime_get_ns() - start;
		bench_scale_del(env->test, c, made);
		if (made < n)
			return 0;
	}
	return div_u64(ns, BENCH_SCALE_MAX);
}

/*
 * The slab memory that BENCH_SCALE_MAX children alive take, per child, in
 * a first run: once children were freed, their slabs stay cached for the
 * next ones, which the counters would not see.
 */
static s64 bench_scale_memory(struct auxdma_env *env, struct bench_child *c)
{
	unsigned int made;
	u64 slab;
	s64 bytes;

	slab = bench_slab_bytes();
	made = bench_scale_add(env, c, BENCH_SCALE_MAX);
	bytes = div_s64((s64)(bench_slab_bytes() - slab), BENCH_SCALE_MAX);
	bench_scale_del(env->test, c, made);
	return bytes;
}

static void bench_test_scale(struct kunit *test)
{
	static const unsigned int sizes[] = { 8, 64, BENCH_SCALE_MAX };
	struct auxdma_env *env = test->priv;
	u64 (*t)[BENCH_ROUNDS], med[ARRAY_SIZE(sizes)];
	struct bench_child *c;
	unsigned int groups;
	int r, i, s;

	BUILD_BUG_ON(BENCH_ID_SCALE + BENCH_SCALE_MAX > BENCH_MAP_LEN);
	BUILD_BUG_ON(ARRAY_SIZE(bench_scale_order[0]) != ARRAY_SIZE(sizes));
	BUILD_BUG_ON(BENCH_ROUNDS % ARRAY_SIZE(bench_scale_order) ||
		     BENCH_ROUNDS % ARRAY_SIZE(bench_order));
	bench_setup(env);
	groups = auxdma_count_groups();
	c = kunit_kcalloc(test, BENCH_SCALE_MAX, sizeof(*c), GFP_KERNEL);
	t = kunit_kcalloc(test, ARRAY_SIZE(sizes), sizeof(*t), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_ASSERT_NOT_NULL(test, t);

	kunit_info(test, "bench: scale.slab_per_child.%u %lld bytes\n", BENCH_SCALE_MAX,
		   bench_scale_memory(env, c));
	for (r = 0; r < BENCH_ROUNDS; r++) {
		for (i = 0; i < ARRAY_SIZE(sizes); i++) {
			s = bench_scale_order[r % ARRAY_SIZE(bench_scale_order)][i];
			t[s][r] = bench_scale_once(env, c, sizes[s]);
		}
	}
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), groups);

	for (s = 0; s < ARRAY_SIZE(sizes); s++) {
		med[s] = bench_median(t[s]);
		kunit_info(test, "bench: scale.create_bind.%u %llu ns\n", sizes[s], med[s]);
	}
	bench_print_ratio(test, "scale.create_bind.256/8",
			  bench_ratio(t[ARRAY_SIZE(sizes) - 1], t[0]));
}

/*
 * What every auxiliary device pays for the feature, declared or not: the
 * size of struct auxiliary_device and of its pointer to a DMA context;
 * and what a declared one adds: the allocation that holds its context.
 */
static void bench_test_memory(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct bench_child *c;

	bench_setup(env);
	c = &bench_children(test)[BENCH_AUX_ID];
	bench_child_ready(env, c, BENCH_AUX_ID, BENCH_ID_AUX);
	KUNIT_ASSERT_NOT_NULL(test, c->auxdev->dma);

	kunit_info(test, "bench: memory.auxiliary_device %zu bytes\n",
		   sizeof(struct auxiliary_device));
	kunit_info(test, "bench: memory.undeclared_cost %zu bytes\n",
		   sizeof_field(struct auxiliary_device, dma));
	kunit_info(test, "bench: memory.declared_context %zu bytes\n",
		   ksize(c->auxdev->dma));
}

/*
 * Check that @order, @rows rows of @n, is balanced as bench_order says:
 * each row runs every variant once, each place holds every variant
 * @rows / @n times, and each variant follows each other one the same
 * number of times.
 */
static void bench_check_order(struct kunit *test, const u8 *order, int rows, int n)
{
	int place[4][4] = { }, after[4][4] = { };
	int r, i, j, seen;

	for (r = 0; r < rows; r++) {
		seen = 0;
		for (i = 0; i < n; i++) {
			seen |= BIT(order[r * n + i]);
			place[i][order[r * n + i]]++;
			if (i)
				after[order[r * n + i - 1]][order[r * n + i]]++;
		}
		KUNIT_EXPECT_EQ_MSG(test, seen, BIT(n) - 1, "row %d", r);
	}
	for (i = 0; i < n; i++)
		for (j = 0; j < n; j++) {
			KUNIT_EXPECT_EQ_MSG(test, place[i][j], rows / n, "place %d, variant %d",
					    i, j);
			if (i != j)
				KUNIT_EXPECT_EQ_MSG(test, after[i][j], rows / n,
						    "%d after %d", j, i);
		}
}

/* The orders of the rounds are balanced: no variant gets a better place */
static void bench_test_order(struct kunit *test)
{
	BUILD_BUG_ON(BENCH_NR_VARIANTS > 4);
	bench_check_order(test, &bench_order[0][0], ARRAY_SIZE(bench_order),
			  BENCH_NR_VARIANTS);
	bench_check_order(test, &bench_scale_order[0][0], ARRAY_SIZE(bench_scale_order),
			  ARRAY_SIZE(bench_scale_order[0]));
}

static struct kunit_case auxdma_bench_cases[] = {
	KUNIT_CASE(bench_test_order),
	KUNIT_CASE_SLOW(bench_test_hot_path),
	KUNIT_CASE_SLOW(bench_test_lifecycle),
	KUNIT_CASE_SLOW(bench_test_scale),
	KUNIT_CASE(bench_test_memory),
	{ }
};

static struct kunit_suite auxdma_bench_suite = {
	.name = "auxiliary_dma_bench",
	.suite_init = bench_suite_init,
	.suite_exit = bench_suite_exit,
	.init = auxdma_test_init,
	.exit = auxdma_test_exit,
	.test_cases = auxdma_bench_cases,
};

kunit_test_suites(&auxdma_bench_suite);
