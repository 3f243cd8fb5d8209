// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the IOVA ranges of auxiliary devices: each child's IOVA
 * space, filled through the DMA allocator, against what it declared, after
 * the cases of the threads that asked for DMA contexts.  On an SMMUv3, with
 * the DT fixture of auxiliary_dma_kunit_fixture.c.
 */

#include <kunit/resource.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/sizes.h>
#include <linux/sort.h>
#include <linux/slab.h>

#include "auxiliary_dma_kunit.h"

/*
 * IOVA limits.  A block with a DT node gets its usable ranges from its
 * "iommu-ranges" and its holes from reserved-memory nodes with
 * "iommu-addresses" in its "memory-region"; a block declared by input ID
 * has neither: ranges come from firmware only.
 */

/* An IOVA window reserved through a reserved-memory node */
struct auxdma_win {
	u64 start;
	u64 size;
};

/* A phandle for a node the test made, after its changeset was applied */
static u32 auxdma_new_phandle(struct auxdma_env *env)
{
	u32 phandle = MOCK_PHANDLE_BASE - 0x10000 + env->seq * 64 + env->nr_phandles++;

	KUNIT_ASSERT_NULL(env->test, of_find_node_by_phandle(phandle));
	return phandle;
}

static void auxdma_late_ocs_revert(void *data)
{
	struct of_changeset *ocs = data;

	of_changeset_revert(ocs);
	of_changeset_destroy(ocs);
}

/*
 * Give the blocks of VPU 0 the windows in @windows[block] (an empty entry
 * ends a block's list), through a reserved-memory node per block whose
 * "iommu-addresses" name the block, in the block's "memory-region".
 *
 * of_changeset attaches a node before it adds the node's properties, so a
 * "phandle" property would not be seen: phandles are set on the nodes
 * themselves, as the overlay code does, once they are attached, and the
 * properties that refer to them come in a second changeset.
 */
static void auxdma_dt_windows(struct auxdma_env *env,
			      const struct auxdma_win windows[][4])
{
	struct kunit *test = env->test;
	struct of_changeset *late;
	struct device_node *resv[NR_BLOCKS] = {};
	u32 resv_phandle[NR_BLOCKS];
	int b, k;

	late = kunit_kzalloc(test, sizeof(*late), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, late);
	of_changeset_init(late);

	for (b = 0; b < NR_BLOCKS; b++) {
		u32 cells[4 * 5], block_phandle;
		char name[16];
		int n = 0;

		if (!windows[b][0].size)
			continue;
		block_phandle = auxdma_new_phandle(env);
		env->block_np[b]->phandle = block_phandle;

		snprintf(name, sizeof(name), "resv-%d", b);
		resv[b] = of_changeset_create_node(late, env->parent_np, name);
		KUNIT_ASSERT_NOT_NULL(test, resv[b]);
		of_node_put(resv[b]);	/* the changeset holds a reference */
		for (k = 0; k < 4 && windows[b][k].size; k++) {
			u64 start = windows[b][k].start, size = windows[b][k].size;

			cells[n++] = block_phandle;
			cells[n++] = upper_32_bits(start);
			cells[n++] = lower_32_bits(start);
			cells[n++] = upper_32_bits(size);
			cells[n++] = lower_32_bits(size);
		}
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(late, resv[b],
									 "iommu-addresses",
									 cells, n));
		resv_phandle[b] = auxdma_new_phandle(env);
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(late, env->block_np[b],
								   "memory-region",
								   resv_phandle[b]));
	}
	KUNIT_ASSERT_EQ(test, 0, of_changeset_apply(late));
	if (kunit_add_action_or_reset(test, auxdma_late_ocs_revert, late))
		KUNIT_FAIL_AND_ABORT(test, "cannot register the changeset's revert");
	for (b = 0; b < NR_BLOCKS; b++)
		if (resv[b])
			resv[b]->phandle = resv_phandle[b];
}

/* The free IOVA space of a device, as the ranges its allocator hands out */
#define AUXDMA_MAX_RANGES	1024

struct auxdma_space {
	struct auxdma_range {
		u64 start, end;		/* inclusive */
	} r[AUXDMA_MAX_RANGES];
	unsigned int n;
	u64 total;
};

static int auxdma_range_cmp(const void *a, const void *b)
{
	const struct auxdma_range *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/*
 * Allocate IOVA space from @dev until none is left, largest blocks first,
 * with the allocator that dma_map_*() uses; record it in @sp, merged and
 * sorted, then give it all back.
 */
static void auxdma_fill(struct kunit *test, struct device *dev, struct auxdma_space *sp)
{
	struct dma_iova_state *st;
	unsigned int n = 0, i, m;
	size_t size;

	st = kunit_kcalloc(test, AUXDMA_MAX_RANGES, sizeof(*st), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, st);
	memset(sp, 0, sizeof(*sp));

	for (size = SZ_1G; size >= PAGE_SIZE; size >>= 1) {
		while (n < AUXDMA_MAX_RANGES && dma_iova_try_alloc(dev, &st[n], 0, size)) {
			sp->r[n].start = st[n].addr;
			sp->r[n].end = st[n].addr + size - 1;
			sp->total += size;
			n++;
		}
	}
	KUNIT_ASSERT_LT_MSG(test, n, AUXDMA_MAX_RANGES, "%s: too fragmented", dev_name(dev));

	for (i = 0; i < n; i++)
		dma_iova_free(dev, &st[i]);

	sort(sp->r, n, sizeof(sp->r[0]), auxdma_range_cmp, NULL);
	for (i = 0, m = 0; i < n; i++) {
		if (m && sp->r[m - 1].end + 1 == sp->r[i].start)
			sp->r[m - 1].end = sp->r[i].end;
		else
			sp->r[m++] = sp->r[i];
	}
	sp->n = m;
}

static struct auxdma_space *auxdma_new_space(struct kunit *test)
{
	struct auxdma_space *sp = kunit_kzalloc(test, sizeof(*sp), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, sp);
	return sp;
}

/* Does @dev's reserved region list hold exactly @w as a reserved region? */
static bool auxdma_has_resv(struct list_head *list, const struct auxdma_win *w)
{
	struct iommu_resv_region *region;

	list_for_each_entry(region, list, list)
		if (region->type == IOMMU_RESV_RESERVED && region->start == w->start &&
		    region->length == w->size)
			return true;
	return false;
}

/* iommu_put_resv_regions() frees the entries; make the list empty again */
static void auxdma_put_resv(struct device *dev, struct list_head *list)
{
	iommu_put_resv_regions(dev, list);
	INIT_LIST_HEAD(list);
}

static unsigned int auxdma_count_resv(struct list_head *list)
{
	struct iommu_resv_region *region;
	unsigned int n = 0;

	list_for_each_entry(region, list, list)
		n += region->type == IOMMU_RESV_RESERVED;
	return n;
}

#define MiB(x)	((u64)(x) * SZ_1M)

/*
 * Seed 000: a VPU whose SID-0 may only use 600 MB-3500 MB, SID-1 0-3500 MB
 * and SID-2 16 MB-600 MB.  Each block's DT node lists its range in
 * "iommu-ranges"; filling the block's whole IOVA space through the DMA
 * allocator gives only addresses inside its range, and exactly all of the
 * range that no other reserved region covers.
 */
static const struct {
	u64 lo, hi;	/* usable: [lo, hi) */
} auxdma_seed000[3] = {
	{ MiB(600), MiB(3500) },
	{ 0, MiB(3500) },
	{ MiB(16), MiB(600) },
};

static void auxdma_windows_test_seed000(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxdma_space *sp = auxdma_new_space(test);
	int b;

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, true);
	for (b = 0; b < 3; b++) {
		u64 lo = auxdma_seed000[b].lo, size = auxdma_seed000[b].hi - lo;
		u32 range[4] = { upper_32_bits(lo), lower_32_bits(lo),
				 upper_32_bits(size), lower_32_bits(size) };

		KUNIT_ASSERT_EQ(test, 0,
				of_changeset_add_prop_u32_array(&env->ocs, env->block_np[b],
								"iommu-ranges", range, 4));
	}
	auxdma_apply(env);

	for (b = 0; b < 3; b++) {
		struct auxiliary_device *auxdev = auxdma_create_node(env, "block", b);
		struct device *dev = &auxdev->dev;
		u64 lo = auxdma_seed000[b].lo, hi = auxdma_seed000[b].hi;
		/*
		 * All of the declared range, from the declaration alone: the
		 * IOVA allocator never hands out page 0, and dma-iommu takes
		 * SMMUv3's software MSI pages from the allocator on demand, so
		 * that window is no hole in it.
		 */
		u64 expected = hi - max_t(u64, lo, PAGE_SIZE);
		unsigned int i;

		auxdma_fill(test, dev, sp);
		for (i = 0; i < sp->n; i++)
			KUNIT_EXPECT_TRUE_MSG(test, sp->r[i].start >= lo && sp->r[i].end < hi,
					      "block %d: IOVA [%#llx-%#llx] outside [%#llx-%#llx)",
					      b, sp->r[i].start, sp->r[i].end, lo, hi);
		KUNIT_EXPECT_EQ_MSG(test, sp->total, expected, "block %d", b);
		kunit_info(test, "seed 000: block %d may use [%llu MiB, %llu MiB): got %llu MiB in %u ranges, all inside\n",
			   b, lo >> 20, hi >> 20, sp->total >> 20, sp->n);
	}
}

/*
 * Give block @b of VPU 0 "iommu-ranges" with the @n (start, size) pairs of
 * @pairs, in the parent's 2 + 2 cells, before the changeset is applied.
 */
static void auxdma_block_ranges(struct auxdma_env *env, int b, const u64 *pairs,
				unsigned int n)
{
	u32 cells[4 * 4];
	unsigned int i;

	KUNIT_ASSERT_LE(env->test, n, 4);
	for (i = 0; i < 2 * n; i++) {
		cells[2 * i] = upper_32_bits(pairs[i]);
		cells[2 * i + 1] = lower_32_bits(pairs[i]);
	}
	KUNIT_ASSERT_EQ(env->test, 0,
			of_changeset_add_prop_u32_array(&env->ocs, env->block_np[b],
							"iommu-ranges", cells, 4 * n));
}

/*
 * Exhaustion through the mapping API: a block whose one usable range is
 * 16 MiB at 2 GiB maps 64 KiB at a time until the mapping fails with
 * DMA_MAPPING_ERROR, after exactly 256 mappings, each inside the 16 MiB,
 * and never in a reserved window.
 */
static void auxdma_windows_test_exhaustion(struct kunit *test)
{
	static const u64 ranges[] = { SZ_2G, SZ_16M };
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *auxdev;
	dma_addr_t *iovas;
	void *buf;
	int n = 0, i;

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, true);
	auxdma_block_ranges(env, 1, ranges, 1);
	auxdma_apply(env);
	auxdev = auxdma_create_node(env, "block", 1);
	KUNIT_ASSERT_NOT_NULL(test, auxdev->dev.driver);

	buf = kunit_kmalloc(test, SZ_64K, GFP_KERNEL);
	iovas = kunit_kcalloc(test, 512, sizeof(*iovas), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	KUNIT_ASSERT_NOT_NULL(test, iovas);

	while (n < 512) {
		dma_addr_t iova = dma_map_single(&auxdev->dev, buf, SZ_64K, DMA_TO_DEVICE);

		/* The loop must end here: 512 mappings would not fit */
		if (dma_mapping_error(&auxdev->dev, iova))
			break;
		KUNIT_EXPECT_TRUE_MSG(test, iova >= SZ_2G && iova + SZ_64K <= SZ_2G + SZ_16M,
				      "IOVA %pad outside the 16 MiB left", &iova);
		iovas[n++] = iova;
	}
	KUNIT_EXPECT_EQ(test, n, SZ_16M / SZ_64K);
	for (i = 0; i < n; i++)
		dma_unmap_single(&auxdev->dev, iovas[i], SZ_64K, DMA_TO_DEVICE);
}

/*
 * The windows appear in iommu_get_resv_regions() and in the group's list
 * (what /sys/kernel/iommu_groups/N/reserved_regions prints), from
 * "memory-region" and from "iommu-ranges"; a block declared by input ID
 * inherits none of the windows of its parent's node.
 */
static void auxdma_windows_test_resv_regions(struct kunit *test)
{
	/* Usable: [0, 256M) and [272M, 1G); reserved: [256M, 272M) and [1G, top] */
	static const u64 ranges[] = {
		SZ_256M + SZ_16M, SZ_1G - SZ_256M - SZ_16M,
		0, SZ_256M,
	};
	static const struct auxdma_win table[] = {
		{ SZ_256M, SZ_16M },
		{ SZ_1G, U64_MAX - SZ_1G + 1 },
	};
	struct auxdma_win windows[NR_BLOCKS][4] = {
		{ { SZ_512M, SZ_32M } },
	};
	struct auxiliary_dma_context ctx = {
		.mode = AUXILIARY_DMA_OF_ID, .input_id = 3,
	};
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *a, *b, *c;
	struct iommu_group *group;
	LIST_HEAD(list);

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, true);
	auxdma_block_ranges(env, 1, ranges, 2);
	auxdma_apply(env);
	auxdma_dt_windows(env, windows);
	a = auxdma_create_node(env, "unbound", 0);
	b = auxdma_create_node(env, "unbound", 1);
	c = auxdma_create(env, "unbound", &ctx);

	iommu_get_resv_regions(&a->dev, &list);
	KUNIT_EXPECT_TRUE(test, auxdma_has_resv(&list, &windows[0][0]));
	KUNIT_EXPECT_EQ(test, auxdma_count_resv(&list), 1);
	auxdma_put_resv(&a->dev, &list);

	iommu_get_resv_regions(&b->dev, &list);
	KUNIT_EXPECT_TRUE(test, auxdma_has_resv(&list, &table[0]));
	KUNIT_EXPECT_TRUE(test, auxdma_has_resv(&list, &table[1]));
	KUNIT_EXPECT_EQ(test, auxdma_count_resv(&list), 2);
	auxdma_put_resv(&b->dev, &list);

	group = auxdma_group(test, &b->dev);
	KUNIT_ASSERT_EQ(test, 0, iommu_get_group_resv_regions(group, &list));
	KUNIT_EXPECT_TRUE(test, auxdma_has_resv(&list, &table[0]));
	KUNIT_EXPECT_TRUE(test, auxdma_has_resv(&list, &table[1]));
	auxdma_put_resv(&b->dev, &list);

	iommu_get_resv_regions(&c->dev, &list);
	KUNIT_EXPECT_EQ(test, auxdma_count_resv(&list), 0);
	auxdma_put_resv(&c->dev, &list);
}

/*
 * One reserved-memory node that names two blocks, as "iommu-addresses"
 * allows: block 1's entry first, then block 0's.  Block 1's size is block
 * 0's phandle, a cell that a parser which does not skip another device's
 * entry whole takes for a phandle.  Each block gets its own window, and
 * only it.
 */
static void auxdma_windows_test_shared_node(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxdma_win win[2];
	struct auxiliary_device *a, *b;
	struct of_changeset *late;
	struct device_node *resv;
	u32 phandle[2], resv_phandle, cells[2 * 5];
	LIST_HEAD(list);
	int i, n = 0;

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, true);
	auxdma_apply(env);
	phandle[0] = auxdma_new_phandle(env);
	phandle[1] = auxdma_new_phandle(env);
	env->block_np[0]->phandle = phandle[0];
	env->block_np[1]->phandle = phandle[1];
	win[0] = (struct auxdma_win){ SZ_512M, SZ_32M };
	win[1] = (struct auxdma_win){ SZ_1G, phandle[0] };

	late = kunit_kzalloc(test, sizeof(*late), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, late);
	of_changeset_init(late);
	resv = of_changeset_create_node(late, env->parent_np, "resv-shared");
	KUNIT_ASSERT_NOT_NULL(test, resv);
	of_node_put(resv);	/* the changeset holds a reference */
	for (i = 1; i >= 0; i--) {
		cells[n++] = phandle[i];
		cells[n++] = upper_32_bits(win[i].start);
		cells[n++] = lower_32_bits(win[i].start);
		cells[n++] = upper_32_bits(win[i].size);
		cells[n++] = lower_32_bits(win[i].size);
	}
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(late, resv, "iommu-addresses",
								 cells, n));
	resv_phandle = auxdma_new_phandle(env);
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(late, env->block_np[0],
							   "memory-region", resv_phandle));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(late, env->block_np[1],
							   "memory-region", resv_phandle));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_apply(late));
	if (kunit_add_action_or_reset(test, auxdma_late_ocs_revert, late))
		KUNIT_FAIL_AND_ABORT(test, "cannot register the changeset's revert");
	resv->phandle = resv_phandle;

	a = auxdma_create_node(env, "unbound", 0);
	b = auxdma_create_node(env, "unbound", 1);

	iommu_get_resv_regions(&a->dev, &list);
	KUNIT_EXPECT_TRUE(test, auxdma_has_resv(&list, &win[0]));
	KUNIT_EXPECT_EQ(test, auxdma_count_resv(&list), 1);
	auxdma_put_resv(&a->dev, &list);

	iommu_get_resv_regions(&b->dev, &list);
	KUNIT_EXPECT_TRUE(test, auxdma_has_resv(&list, &win[1]));
	KUNIT_EXPECT_EQ(test, auxdma_count_resv(&list), 1);
	auxdma_put_resv(&b->dev, &list);
}

/*
 * Seed 004: a block's DMA parameters are its own.  Raising its segment
 * limit leaves its parent's alone, and a 64-entry scatterlist of
 * discontiguous pages then maps into one contiguous IOVA segment.
 */
static void auxdma_windows_test_seed004(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *auxdev;
	struct iommu_domain *domain;
	struct page *pages[128];
	struct scatterlist *sgl, *sg;
	unsigned int parent_max;
	struct device *dev;
	int i, nents;

	auxdma_setup(env);
	auxdev = auxdma_create_id(env, "block", 0);
	dev = &auxdev->dev;
	domain = iommu_get_domain_for_dev(dev);

	/* Every other page of 128: no two entries are physically adjacent */
	for (i = 0; i < 128; i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
	}
	sgl = kunit_kcalloc(test, 64, sizeof(*sgl), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sgl);
	sg_init_table(sgl, 64);
	for_each_sg(sgl, sg, 64, i)
		sg_set_page(sg, pages[2 * i], PAGE_SIZE, 0);

	parent_max = dma_get_max_seg_size(&env->parent->dev);
	KUNIT_ASSERT_NE(test, parent_max, UINT_MAX);
	dma_set_max_seg_size(dev, UINT_MAX);
	KUNIT_ASSERT_EQ(test, dma_get_max_seg_size(dev), UINT_MAX);
	KUNIT_EXPECT_EQ(test, dma_get_max_seg_size(&env->parent->dev), parent_max);
	nents = dma_map_sg(dev, sgl, 64, DMA_TO_DEVICE);
	KUNIT_EXPECT_EQ(test, nents, 1);
	KUNIT_EXPECT_EQ(test, sg_dma_len(sgl), 64 * PAGE_SIZE);
	for (i = 0; i < 64; i++) {
		dma_addr_t iova = sg_dma_address(sgl) + i * PAGE_SIZE;

		KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(domain, iova), page_to_phys(pages[2 * i]));
	}
	dma_unmap_sg(dev, sgl, 64, DMA_TO_DEVICE);

	for (i = 0; i < 128; i++)
		__free_page(pages[i]);
}

/*
 * "iommu-ranges" in DT, read with the cells of the node's parent: ranges in
 * any order, several ranges, ranges above 4 GiB.  The reserved regions
 * expected are written out from the declaration.  Malformed properties are
 * in the bad-input matrix (auxiliary_dma_bad_input_kunit.c).
 */
struct auxdma_dt_ranges {
	const char *desc;
	u64 cells[6];		/* start, size pairs in 2 + 2 cells */
	unsigned int ncells;	/* 32-bit cells in the property */
	struct auxdma_win resv[3];
	bool malformed;
};

/* A malformed property reserves the whole space: the constraint fails closed */
#define AUXDMA_ALL	{ { 0, SIZE_MAX } }

static const struct auxdma_dt_ranges auxdma_dt_ranges_cases[] = {
	{ "two ranges, not in order", { SZ_1G, SZ_256M, SZ_256M, SZ_256M }, 8,
	  { { 0, SZ_256M }, { SZ_512M, SZ_512M },
	    { SZ_1G + SZ_256M, U64_MAX - SZ_1G - SZ_256M + 1 } } },
#ifdef CONFIG_ARCH_DMA_ADDR_T_64BIT
	{ "above 4 GiB", { 5ULL * SZ_1G, SZ_1G }, 4,
	  { { 0, 5ULL * SZ_1G }, { 6ULL * SZ_1G, U64_MAX - 6ULL * SZ_1G + 1 } } },
#endif
	{ "malformed: three cells", { SZ_1G, SZ_256M }, 3, AUXDMA_ALL, true },
	{ "malformed: overlapping", { SZ_1G, SZ_256M, SZ_1G + SZ_128M, SZ_256M }, 8,
	  AUXDMA_ALL, true },
	{ "malformed: zero size", { SZ_1G, 0 }, 4, AUXDMA_ALL, true },
	{ "malformed: wrapping", { U64_MAX - SZ_1M + 1, SZ_2M }, 4, AUXDMA_ALL, true },
	{ "malformed: empty", { }, 0, AUXDMA_ALL, true },
};

KUNIT_ARRAY_PARAM_DESC(auxdma_dt_ranges, auxdma_dt_ranges_cases, desc);

static void auxdma_windows_test_dt_ranges(struct kunit *test)
{
	const struct auxdma_dt_ranges *c = test->param_value;
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx = {
		.mode = AUXILIARY_DMA_OF_NODE, .dma_mask = DMA_BIT_MASK(64),
	};
	struct auxiliary_device *auxdev;
	unsigned int i;
	u32 cells[12];
	LIST_HEAD(list);
	u64 mark;

	for (i = 0; i < 6; i++) {
		cells[2 * i] = upper_32_bits(c->cells[i]);
		cells[2 * i + 1] = lower_32_bits(c->cells[i]);
	}
	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, true);
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(&env->ocs, env->block_np[0],
								 "iommu-ranges", cells,
								 c->ncells));
	auxdma_apply(env);
	ctx.np = env->block_np[0];
	auxdev = auxdma_create(env, "unbound", &ctx);

	mark = auxdma_log_mark();
	iommu_get_resv_regions(&auxdev->dev, &list);
	KUNIT_EXPECT_EQ(test, auxdma_log_has(test, mark, dev_name(&auxdev->dev),
					     "malformed iommu-ranges (-EINVAL): reserving all"),
			c->malformed);
	for (i = 0; i < ARRAY_SIZE(c->resv) && c->resv[i].size; i++)
		KUNIT_EXPECT_TRUE_MSG(test, auxdma_has_resv(&list, &c->resv[i]),
				      "no reserved region [%#llx+%#llx]",
				      c->resv[i].start, c->resv[i].size);
	KUNIT_EXPECT_EQ(test, auxdma_count_resv(&list), i);
	auxdma_put_resv(&auxdev->dev, &list);
}

/* The SMMUv3's software MSI window (arm-smmu-v3.h) */
#define SMMU_MSI_IOVA		0x8000000
#define SMMU_MSI_LEN		0x100000

/*
 * Block 0 of a fresh VPU with "iommu-ranges" [@start, @start + @size),
 * created and bound; dma_map_single() of a page on it gives an IOVA inside
 * the range, which translates back to the page.
 */
static struct auxiliary_device *auxdma_map_in_range(struct auxdma_env *env,
						    u64 start, u64 size)
{
	const u32 cells[] = { upper_32_bits(start), lower_32_bits(start),
			      upper_32_bits(size), lower_32_bits(size) };
	struct kunit *test = env->test;
	struct auxiliary_device *auxdev;
	struct iommu_domain *domain;
	dma_addr_t iova;
	void *buf;

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, true);
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(&env->ocs, env->block_np[0],
								 "iommu-ranges", cells,
								 ARRAY_SIZE(cells)));
	auxdma_apply(env);
	auxdev = auxdma_create_node(env, "block", 0);
	KUNIT_EXPECT_NOT_NULL(test, auxdev->dev.driver);
	domain = auxdma_dma_domain(test, &auxdev->dev);

	buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	iova = dma_map_single(&auxdev->dev, buf, PAGE_SIZE, DMA_TO_DEVICE);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(&auxdev->dev, iova));
	KUNIT_EXPECT_GE_MSG(test, (u64)iova, start, "IOVA %pad below the range", &iova);
	KUNIT_EXPECT_LE_MSG(test, (u64)iova + PAGE_SIZE, start + size,
			    "IOVA %pad beyond the range", &iova);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(domain, iova), virt_to_phys(buf));
	dma_unmap_single(&auxdev->dev, iova, PAGE_SIZE, DMA_TO_DEVICE);
	return auxdev;
}

/*
 * Whatever the default domain type (make check also runs this suite with
 * iommu.passthrough=1), a block with ranges gets a DMA API domain and maps
 * inside its ranges; a block without takes the default type, as its parent,
 * a platform device, does.
 */
static void auxdma_ranges_test_dma_domain(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct iommu_domain *parent_domain;
	struct auxiliary_device *plain;

	auxdma_map_in_range(env, SZ_256M, SZ_256M);
	plain = auxdma_create_node(env, "block", 1);
	parent_domain = iommu_get_domain_for_dev(&env->parent->dev);
	KUNIT_ASSERT_NOT_NULL(test, parent_domain);
	KUNIT_ASSERT_NOT_NULL(test, iommu_get_domain_for_dev(&plain->dev));
	KUNIT_EXPECT_EQ(test, iommu_get_domain_for_dev(&plain->dev)->type,
			parent_domain->type);
	kunit_info(test, "default domain type %#x", parent_domain->type);
}

/*
 * A range inside the SMMUv3's software MSI window is usable: dma-iommu
 * manages that window itself and takes MSI pages from the allocator only
 * when a device needs one.
 */
static void auxdma_ranges_test_msi_window(struct kunit *test)
{
	auxdma_map_in_range(test->priv, SMMU_MSI_IOVA, SMMU_MSI_LEN);
}

/*
 * The cells of "iommu-ranges" are those of the node's DMA parent, which
 * "interconnects" names where "interconnect-names" has "dma-mem" (as on
 * Tegra), not those of its structural parent: 2 + 1 cells here, against
 * the VPU node's 2 + 2.  (The address itself is read in the structural
 * parent's cells by of_translate_dma_address(), so both have two.)
 */
static void auxdma_windows_test_dma_parent_cells(struct kunit *test)
{
	static const u32 cells[] = { 0, SZ_1G, SZ_256M };
	static const struct auxdma_win resv[] = {
		{ 0, SZ_1G }, { SZ_1G + SZ_256M, U64_MAX - SZ_1G - SZ_256M + 1 },
	};
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx = {
		.mode = AUXILIARY_DMA_OF_NODE, .dma_mask = DMA_BIT_MASK(64),
	};
	struct auxiliary_device *auxdev;
	struct device_node *bus, *np;
	struct of_changeset *late;
	LIST_HEAD(list);
	u32 phandle;

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, true);
	bus = of_changeset_create_node(&env->ocs, env->vpu[0].np, "dma-bus");
	KUNIT_ASSERT_NOT_NULL(test, bus);
	of_node_put(bus);	/* the changeset holds a reference */
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(&env->ocs, bus, "#address-cells", 2));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(&env->ocs, bus, "#size-cells", 1));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(&env->ocs, bus,
							   "#interconnect-cells", 0));
	auxdma_apply(env);
	phandle = auxdma_new_phandle(env);
	bus->phandle = phandle;

	late = kunit_kzalloc(test, sizeof(*late), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, late);
	of_changeset_init(late);
	np = env->block_np[0];
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(late, np, "interconnects", phandle));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(late, np, "interconnect-names",
							      "dma-mem"));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(late, np, "iommu-ranges",
								 cells, ARRAY_SIZE(cells)));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_apply(late));
	if (kunit_add_action_or_reset(test, auxdma_late_ocs_revert, late))
		KUNIT_FAIL_AND_ABORT(test, "cannot register the changeset's revert");

	ctx.np = np;
	auxdev = auxdma_create(env, "unbound", &ctx);
	iommu_get_resv_regions(&auxdev->dev, &list);
	KUNIT_EXPECT_TRUE(test, auxdma_has_resv(&list, &resv[0]));
	KUNIT_EXPECT_TRUE(test, auxdma_has_resv(&list, &resv[1]));
	KUNIT_EXPECT_EQ(test, auxdma_count_resv(&list), 2);
	auxdma_put_resv(&auxdev->dev, &list);
}

static struct kunit_case auxdma_ranges_domain_cases[] = {
	KUNIT_CASE(auxdma_ranges_test_dma_domain),
	KUNIT_CASE(auxdma_ranges_test_msi_window),
	{ }
};

static struct kunit_suite auxdma_ranges_domain_suite = {
	.name = "auxiliary_dma_ranges_domain",
	.suite_init = auxdma_suite_init,
	.suite_exit = auxdma_suite_exit,
	.init = auxdma_test_init,
	.exit = auxdma_test_exit,
	.test_cases = auxdma_ranges_domain_cases,
};

static struct kunit_case auxdma_windows_cases[] = {
	KUNIT_CASE(auxdma_windows_test_seed000),
	KUNIT_CASE(auxdma_windows_test_exhaustion),
	KUNIT_CASE(auxdma_windows_test_resv_regions),
	KUNIT_CASE(auxdma_windows_test_shared_node),
	KUNIT_CASE(auxdma_windows_test_seed004),
	KUNIT_CASE_PARAM(auxdma_windows_test_dt_ranges, auxdma_dt_ranges_gen_params),
	KUNIT_CASE(auxdma_windows_test_dma_parent_cells),
	{ }
};

static struct kunit_suite auxdma_windows_suite = {
	.name = "auxiliary_dma_windows",
	.suite_init = auxdma_suite_init,
	.suite_exit = auxdma_suite_exit,
	.init = auxdma_test_init,
	.exit = auxdma_test_exit,
	.test_cases = auxdma_windows_cases,
};

kunit_test_suites(&auxdma_windows_suite, &auxdma_ranges_domain_suite);
