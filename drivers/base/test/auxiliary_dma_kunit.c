// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for DMA contexts of auxiliary devices
 *
 * The tests build their DT fragments at run time with of_changeset, under
 * the root node so that the OF notifier makes the parent a platform device,
 * and point them at the system's SMMUv3, found by its compatible string.
 * They need that IOMMU, bound to its driver: QEMU's "virt" machine with
 * "iommu=smmuv3" has one.  Elsewhere every test skips and says why.
 */

#include <kunit/platform_device.h>
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/dma-map-ops.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/scatterlist.h>
#include <linux/sizes.h>
#include <linux/sort.h>
#include <linux/slab.h>
#include <linux/xarray.h>

/*
 * Stream IDs well above the PCI requester IDs that QEMU's root complex
 * uses; each VPU instance v uses SID_BASE + v * SID_STRIDE onwards.
 */
#define SID_BASE	0x1000
#define SID_STRIDE	0x100
#define SID_PARENT	0x00	/* the parent's own "iommus" */
#define SID_BLOCK	0x10	/* + block index: the blocks' own "iommus" */
#define SID_MAP		0x80	/* "iommu-map": input IDs 0..3 -> SID_MAP.. */
#define SID_MAP_LEN	4
#define SID_BAD		0x7fffffff	/* beyond any SMMUv3's stream ID range */

#define NR_BLOCKS	5

/* Phandles for the nodes the tests make, well above dtc's */
#define MOCK_PHANDLE_BASE	0x7fff0000
#define NR_VPUS		2

/* A VPU-like parent: its DT node, its blocks' nodes, its platform device */
struct auxdma_vpu {
	struct device_node *np;
	struct device_node *block_np[NR_BLOCKS];
	u32 block_sid[NR_BLOCKS];
	u32 block_iommu[NR_BLOCKS];	/* 0: the VPU's IOMMU */
	struct platform_device *pdev;
};

struct auxdma_env {
	struct kunit *test;
	struct device_node *smmu_np;
	struct of_changeset ocs;
	bool applied;
	struct of_changeset mock_ocs;
	bool mock_applied;
	struct auxdma_vpu vpu[NR_VPUS];
	/* Shorthands for vpu[0] */
	struct device_node *parent_np;
	struct device_node **block_np;
	struct platform_device *parent;
	int seq;
	int nr_phandles;
};

static atomic_t auxdma_seq = ATOMIC_INIT(0);

static int auxdma_test_init(struct kunit *test)
{
	struct auxdma_env *env;
	struct platform_device *pdev;

	env = kunit_kzalloc(test, sizeof(*env), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, env);
	env->test = test;
	env->seq = atomic_inc_return(&auxdma_seq);
	env->block_np = env->vpu[0].block_np;
	test->priv = env;

	env->smmu_np = of_find_compatible_node(NULL, NULL, "arm,smmu-v3");
	if (!env->smmu_np)
		kunit_skip(test, "no arm,smmu-v3 node in the DT: run on QEMU virt,iommu=smmuv3");

	pdev = of_find_device_by_node(env->smmu_np);
	if (!pdev || !pdev->dev.driver) {
		if (pdev)
			put_device(&pdev->dev);
		kunit_skip(test, "%pOF has no bound driver: needs CONFIG_ARM_SMMU_V3",
			   env->smmu_np);
	}
	put_device(&pdev->dev);
	return 0;
}

static void auxdma_test_exit(struct kunit *test)
{
	struct auxdma_env *env = test->priv;

	if (env)
		of_node_put(env->smmu_np);
}

static void auxdma_ocs_revert(void *data)
{
	struct auxdma_env *env = data;

	if (env->applied)
		of_changeset_revert(&env->ocs);
	of_changeset_destroy(&env->ocs);
}

static void auxdma_mock_ocs_revert(void *data)
{
	struct auxdma_env *env = data;

	if (env->mock_applied)
		of_changeset_revert(&env->mock_ocs);
	of_changeset_destroy(&env->mock_ocs);
}

static void auxdma_put_device(void *data)
{
	put_device(data);
}

static void auxdma_destroy(void *data)
{
	auxiliary_device_destroy(data);
}

/*
 * Add to @env's changeset VPU instance @v: a parent node directly under the
 * root with, if @iommus, "iommus" for the parent itself and an "iommu-map"
 * for blocks without a node of their own; and NR_BLOCKS child nodes with
 * their own "iommus".
 */
static void auxdma_build_parent(struct auxdma_env *env, int v, const char *compatible,
				u32 iommu_phandle, bool iommus)
{
	struct auxdma_vpu *vpu = &env->vpu[v];
	struct kunit *test = env->test;
	struct of_changeset *ocs = &env->ocs;
	u32 sid = SID_BASE + v * SID_STRIDE;
	char name[48];
	int i;

	snprintf(name, sizeof(name), "kunit-auxdma-vpu-%d-%d", env->seq, v);
	vpu->np = of_changeset_create_node(ocs, of_root, name);
	KUNIT_ASSERT_NOT_NULL(test, vpu->np);
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, vpu->np,
							      "compatible", compatible));
	/* The cells of the blocks' "iommu-addresses" */
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(ocs, vpu->np, "#address-cells", 2));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(ocs, vpu->np, "#size-cells", 2));
	if (iommus) {
		u32 own[] = { iommu_phandle, sid + SID_PARENT };
		u32 map[] = { 0, iommu_phandle, sid + SID_MAP, SID_MAP_LEN };

		KUNIT_ASSERT_EQ(test, 0,
				of_changeset_add_prop_u32_array(ocs, vpu->np, "iommus",
								own, ARRAY_SIZE(own)));
		KUNIT_ASSERT_EQ(test, 0,
				of_changeset_add_prop_u32_array(ocs, vpu->np, "iommu-map",
								map, ARRAY_SIZE(map)));
	}

	for (i = 0; i < NR_BLOCKS; i++) {
		u32 own[] = { vpu->block_iommu[i] ?: iommu_phandle,
			      vpu->block_sid[i] ?: sid + SID_BLOCK + i };

		snprintf(name, sizeof(name), "block@%d", i);
		vpu->block_np[i] = of_changeset_create_node(ocs, vpu->np, name);
		KUNIT_ASSERT_NOT_NULL(test, vpu->block_np[i]);
		KUNIT_ASSERT_EQ(test, 0,
				of_changeset_add_prop_u32_array(ocs, vpu->block_np[i], "iommus",
								own, ARRAY_SIZE(own)));
	}
}

/* Apply @env's changeset and find the platform devices made for the parents */
static void auxdma_apply(struct auxdma_env *env)
{
	struct kunit *test = env->test;
	int v;

	KUNIT_ASSERT_EQ(test, 0, of_changeset_apply(&env->ocs));
	env->applied = true;

	for (v = 0; v < NR_VPUS; v++) {
		struct auxdma_vpu *vpu = &env->vpu[v];

		if (!vpu->np)
			continue;
		vpu->pdev = of_find_device_by_node(vpu->np);
		KUNIT_ASSERT_NOT_NULL_MSG(test, vpu->pdev, "no platform device for %pOF",
					  vpu->np);
		KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_put_device,
								   &vpu->pdev->dev));
	}
	env->parent_np = env->vpu[0].np;
	env->parent = env->vpu[0].pdev;
}

static void auxdma_ocs_init(struct auxdma_env *env)
{
	of_changeset_init(&env->ocs);
	KUNIT_ASSERT_EQ(env->test, 0,
			kunit_add_action_or_reset(env->test, auxdma_ocs_revert, env));
}

/* The common fixture: a parent with "iommus", "iommu-map" and two blocks */
static void auxdma_setup(struct auxdma_env *env)
{
	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, true);
	auxdma_apply(env);
}

static struct auxiliary_device *
auxdma_create(struct auxdma_env *env, const char *devname,
	      const struct auxiliary_dma_context *ctx)
{
	struct kunit *test = env->test;
	struct auxiliary_device *auxdev;

	auxdev = auxiliary_device_create_dma(&env->parent->dev, devname, NULL, ctx);
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, auxdev, "create %s: %pe", devname, auxdev);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_destroy, auxdev));
	return auxdev;
}

static struct auxiliary_device *
auxdma_create_node(struct auxdma_env *env, const char *devname, int block)
{
	struct auxiliary_dma_context ctx = {
		.mode = AUXILIARY_DMA_OF_NODE, .np = env->block_np[block],
	};

	return auxdma_create(env, devname, &ctx);
}

static struct auxiliary_device *
auxdma_create_id(struct auxdma_env *env, const char *devname, u32 input_id)
{
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_ID, .input_id = input_id };

	return auxdma_create(env, devname, &ctx);
}

static struct iommu_group *auxdma_group(struct kunit *test, struct device *dev)
{
	struct iommu_group *group = iommu_group_get(dev);

	KUNIT_ASSERT_NOT_NULL_MSG(test, group, "%s has no IOMMU group", dev_name(dev));
	/* The device keeps the group alive; the tests only compare pointers */
	iommu_group_put(group);
	return group;
}

static struct iommu_domain *auxdma_dma_domain(struct kunit *test, struct device *dev)
{
	struct iommu_domain *domain = iommu_get_domain_for_dev(dev);

	KUNIT_ASSERT_NOT_NULL(test, domain);
	KUNIT_EXPECT_TRUE_MSG(test, domain->type & __IOMMU_DOMAIN_DMA_API,
			      "%s: default domain type %#x is not a DMA domain",
			      dev_name(dev), domain->type);
	return domain;
}

/* Distinct groups and distinct default DMA domains for @a, @b and the parent */
static void auxdma_expect_own_contexts(struct kunit *test, struct device *parent,
				       struct device *a, struct device *b)
{
	struct iommu_group *ga = auxdma_group(test, a), *gb = auxdma_group(test, b);
	struct iommu_group *gp = auxdma_group(test, parent);
	struct iommu_domain *da = auxdma_dma_domain(test, a);
	struct iommu_domain *db = auxdma_dma_domain(test, b);
	struct iommu_domain *dp = auxdma_dma_domain(test, parent);

	KUNIT_EXPECT_PTR_NE(test, ga, gb);
	KUNIT_EXPECT_PTR_NE(test, ga, gp);
	KUNIT_EXPECT_PTR_NE(test, gb, gp);
	KUNIT_EXPECT_PTR_NE(test, da, db);
	KUNIT_EXPECT_PTR_NE(test, da, dp);
	KUNIT_EXPECT_PTR_NE(test, db, dp);
	KUNIT_EXPECT_TRUE(test, device_iommu_mapped(a));
	KUNIT_EXPECT_TRUE(test, device_iommu_mapped(b));
}

/* Test drivers: "block" uses the DMA API, "managed" owns its domain */

struct auxdma_managed {
	struct iommu_domain *domain;
	struct page *page;
};

#define MANAGED_IOVA	0x40000000UL

static int auxdma_block_probe(struct auxiliary_device *auxdev,
			      const struct auxiliary_device_id *id)
{
	return 0;
}

static int auxdma_managed_probe(struct auxiliary_device *auxdev,
				const struct auxiliary_device_id *id)
{
	struct device *dev = &auxdev->dev;
	struct auxdma_managed *m;
	int ret;

	m = devm_kzalloc(dev, sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;

	m->page = alloc_page(GFP_KERNEL);
	if (!m->page)
		return -ENOMEM;

	m->domain = iommu_paging_domain_alloc(dev);
	if (IS_ERR(m->domain)) {
		ret = PTR_ERR(m->domain);
		goto err_free_page;
	}

	ret = iommu_attach_device(m->domain, dev);
	if (ret)
		goto err_free_domain;

	ret = iommu_map(m->domain, MANAGED_IOVA, page_to_phys(m->page), PAGE_SIZE,
			IOMMU_READ | IOMMU_WRITE, GFP_KERNEL);
	if (ret)
		goto err_detach;

	auxiliary_set_drvdata(auxdev, m);
	return 0;

err_detach:
	iommu_detach_device(m->domain, dev);
err_free_domain:
	iommu_domain_free(m->domain);
err_free_page:
	__free_page(m->page);
	return ret;
}

static void auxdma_managed_remove(struct auxiliary_device *auxdev)
{
	struct auxdma_managed *m = auxiliary_get_drvdata(auxdev);

	iommu_unmap(m->domain, MANAGED_IOVA, PAGE_SIZE);
	iommu_detach_device(m->domain, &auxdev->dev);
	iommu_domain_free(m->domain);
	__free_page(m->page);
}

static const struct auxiliary_device_id auxdma_block_ids[] = {
	{ .name = KBUILD_MODNAME ".block" },
	{ }
};

static const struct auxiliary_device_id auxdma_managed_ids[] = {
	{ .name = KBUILD_MODNAME ".managed" },
	{ }
};

static struct auxiliary_driver auxdma_block_driver = {
	.name = "block",
	.probe = auxdma_block_probe,
	.id_table = auxdma_block_ids,
};

static struct auxiliary_driver auxdma_managed_driver = {
	.name = "managed",
	.probe = auxdma_managed_probe,
	.remove = auxdma_managed_remove,
	.id_table = auxdma_managed_ids,
	.driver_managed_dma = true,
};

static int auxdma_suite_init(struct kunit_suite *suite)
{
	int ret;

	ret = auxiliary_driver_register(&auxdma_block_driver);
	if (ret)
		return ret;
	ret = auxiliary_driver_register(&auxdma_managed_driver);
	if (ret)
		auxiliary_driver_unregister(&auxdma_block_driver);
	return ret;
}

static void auxdma_suite_exit(struct kunit_suite *suite)
{
	auxiliary_driver_unregister(&auxdma_managed_driver);
	auxiliary_driver_unregister(&auxdma_block_driver);
}

/* Count the distinct IOMMU groups of every device on the IOMMU's buses */
static int auxdma_note_group(struct device *dev, void *data)
{
	struct iommu_group *group = iommu_group_get(dev);

	if (group) {
		xa_store(data, iommu_group_id(group), group, GFP_KERNEL);
		iommu_group_put(group);
	}
	return 0;
}

static unsigned long auxdma_count_groups(void)
{
	struct xarray groups;
	unsigned long n = 0, i;
	void *entry;

	xa_init(&groups);
	bus_for_each_dev(&platform_bus_type, NULL, &groups, auxdma_note_group);
	bus_for_each_dev(&auxiliary_bus_type, NULL, &groups, auxdma_note_group);
#ifdef CONFIG_PCI
	bus_for_each_dev(&pci_bus_type, NULL, &groups, auxdma_note_group);
#endif
	xa_for_each(&groups, i, entry)
		n++;
	xa_destroy(&groups);
	return n;
}

/*
 * An auxiliary device created the old way, sharing its parent's DT node and
 * so its "iommus", is not a DMA master of its own: no IOMMU group, no DMA
 * mask, no DMA ops, no IOMMU data, even though its bus is now one of the
 * IOMMU's buses.
 */
static void auxdma_test_legacy_device_unchanged(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *auxdev;

	auxdma_setup(env);
	auxdev = auxiliary_device_create(&env->parent->dev, KBUILD_MODNAME,
					 "legacy", NULL, env->seq);
	KUNIT_ASSERT_NOT_NULL(test, auxdev);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_destroy, auxdev));

	KUNIT_EXPECT_PTR_EQ(test, auxdev->dev.of_node, env->parent_np);
	KUNIT_EXPECT_NULL(test, auxdev->dma);
	KUNIT_EXPECT_NULL(test, auxdev->dev.iommu_group);
	KUNIT_EXPECT_NULL(test, auxdev->dev.iommu);
	KUNIT_EXPECT_NULL(test, auxdev->dev.dma_mask);
	KUNIT_EXPECT_NULL(test, auxdev->dev.dma_parms);
	KUNIT_EXPECT_FALSE(test, device_iommu_mapped(&auxdev->dev));
	KUNIT_EXPECT_NULL(test, get_dma_ops(&auxdev->dev));
	KUNIT_EXPECT_FALSE(test, dev_dma_iommu(&auxdev->dev));
}

/*
 * Children declared by their own DT nodes each get, at device_add() and
 * before any driver binds, an IOMMU group and a default DMA domain of their
 * own, distinct from each other's and from their parent's.
 */
static void auxdma_test_of_node_own_contexts(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *a, *b;

	auxdma_setup(env);
	a = auxdma_create_node(env, "unbound", 0);
	b = auxdma_create_node(env, "unbound", 1);

	KUNIT_EXPECT_NULL(test, a->dev.driver);
	KUNIT_EXPECT_PTR_EQ(test, a->dev.of_node, env->block_np[0]);
	KUNIT_EXPECT_PTR_EQ(test, b->dev.of_node, env->block_np[1]);
	auxdma_expect_own_contexts(test, &env->parent->dev, &a->dev, &b->dev);
}

/*
 * Children declared by input ID through the parent's "iommu-map" get their
 * own groups and domains too, and no DT node: nothing of the parent's node
 * is inherited.
 */
static void auxdma_test_of_id_own_contexts(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *a, *b;

	auxdma_setup(env);
	a = auxdma_create_id(env, "unbound", 0);
	b = auxdma_create_id(env, "unbound", SID_MAP_LEN - 1);

	KUNIT_EXPECT_NULL(test, a->dev.of_node);
	KUNIT_EXPECT_NULL(test, b->dev.of_node);
	auxdma_expect_own_contexts(test, &env->parent->dev, &a->dev, &b->dev);
}

/*
 * dma_map_single() on one child gives an IOVA that translates back to the
 * buffer in that child's domain and is not mapped in its sibling's.
 */
static void auxdma_expect_map_single(struct kunit *test, struct device *a,
				     struct device *b)
{
	struct iommu_domain *da = iommu_get_domain_for_dev(a);
	struct iommu_domain *db = iommu_get_domain_for_dev(b);
	dma_addr_t iova;
	void *buf;

	buf = kunit_kmalloc(test, PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);

	iova = dma_map_single(a, buf + 64, 256, DMA_TO_DEVICE);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(a, iova));
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(da, iova), virt_to_phys(buf + 64));
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(db, iova), 0);
	dma_unmap_single(a, iova, 256, DMA_TO_DEVICE);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(da, iova), 0);
}

static void auxdma_test_of_node_map_single(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *a, *b;

	auxdma_setup(env);
	a = auxdma_create_node(env, "block", 0);
	b = auxdma_create_node(env, "block", 1);
	KUNIT_ASSERT_NOT_NULL(test, a->dev.driver);

	auxdma_expect_map_single(test, &a->dev, &b->dev);
	auxdma_expect_map_single(test, &b->dev, &a->dev);
}

static void auxdma_test_of_id_map_single(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *a, *b;

	auxdma_setup(env);
	a = auxdma_create_id(env, "block", 1);
	b = auxdma_create_id(env, "block", 2);
	KUNIT_ASSERT_NOT_NULL(test, a->dev.driver);

	auxdma_expect_map_single(test, &a->dev, &b->dev);
	auxdma_expect_map_single(test, &b->dev, &a->dev);
}

/*
 * dma_map_sg() of discontiguous pages on one child: every mapped segment
 * translates back, page by page, in that child's domain only.
 */
static void auxdma_expect_map_sg(struct kunit *test, struct device *a,
				 struct device *b)
{
	struct iommu_domain *da = iommu_get_domain_for_dev(a);
	struct iommu_domain *db = iommu_get_domain_for_dev(b);
	struct page *pages[8] = {};
	struct scatterlist sgl[8], *sg;
	int i, nents;

	sg_init_table(sgl, ARRAY_SIZE(sgl));
	for (i = 0; i < ARRAY_SIZE(pages); i++) {
		pages[i] = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, pages[i]);
		sg_set_page(&sgl[i], pages[i], PAGE_SIZE, 0);
	}

	nents = dma_map_sg(a, sgl, ARRAY_SIZE(sgl), DMA_BIDIRECTIONAL);
	KUNIT_ASSERT_GT(test, nents, 0);

	/* Walk the input entries: each page sits at its offset in its segment */
	for_each_sg(sgl, sg, ARRAY_SIZE(sgl), i) {
		struct scatterlist *seg;
		dma_addr_t iova = 0;
		size_t off = 0;
		int j;

		/* dma-iommu maps all entries into one IOVA range, in order */
		for_each_sg(sgl, seg, nents, j) {
			if (off + sg_dma_len(seg) > (size_t)i * PAGE_SIZE) {
				iova = sg_dma_address(seg) + (i * PAGE_SIZE - off);
				break;
			}
			off += sg_dma_len(seg);
		}
		KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(da, iova), page_to_phys(pages[i]));
		KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(db, iova), 0);
	}

	dma_unmap_sg(a, sgl, ARRAY_SIZE(sgl), DMA_BIDIRECTIONAL);
	for (i = 0; i < ARRAY_SIZE(pages); i++)
		__free_page(pages[i]);
}

static void auxdma_test_of_node_map_sg(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *a, *b;

	auxdma_setup(env);
	a = auxdma_create_node(env, "block", 0);
	b = auxdma_create_id(env, "block", 0);

	auxdma_expect_map_sg(test, &a->dev, &b->dev);
	auxdma_expect_map_sg(test, &b->dev, &a->dev);
}

/*
 * Removing a child releases its IOMMU group: 100 create/remove cycles of
 * both kinds of child end with the number of groups they started with, and
 * the last child gets the group ID and the instance ID of the first, which
 * only happens if every release really freed them.
 */
static void auxdma_test_create_remove_cycles(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx[2] = {
		{ .mode = AUXILIARY_DMA_OF_NODE },
		{ .mode = AUXILIARY_DMA_OF_ID, .input_id = 1 },
	};
	int first_group[2] = { -1, -1 }, first_id[2] = { -1, -1 };
	unsigned long before, after;
	int i, k;

	auxdma_setup(env);
	ctx[0].np = env->block_np[0];
	before = auxdma_count_groups();

	for (i = 0; i < 100; i++) {
		for (k = 0; k < 2; k++) {
			struct auxiliary_device *auxdev;
			struct iommu_group *group;

			auxdev = auxiliary_device_create_dma(&env->parent->dev, "block",
							     NULL, &ctx[k]);
			KUNIT_ASSERT_NOT_ERR_OR_NULL(test, auxdev);
			group = iommu_group_get(&auxdev->dev);
			KUNIT_ASSERT_NOT_NULL(test, group);
			if (i == 0) {
				first_group[k] = iommu_group_id(group);
				first_id[k] = auxdev->id;
			} else if (i == 99) {
				KUNIT_EXPECT_EQ(test, iommu_group_id(group), first_group[k]);
				KUNIT_EXPECT_EQ(test, auxdev->id, first_id[k]);
			}
			iommu_group_put(group);
			KUNIT_EXPECT_EQ(test, auxdma_count_groups(), before + 1);
			auxiliary_device_destroy(auxdev);
		}
	}

	after = auxdma_count_groups();
	KUNIT_EXPECT_EQ(test, after, before);
}

/*
 * An input ID that the parent's "iommu-map" does not translate is refused
 * at creation with -ENODEV and a log line naming the parent, the block and
 * the ID; nothing is left behind.
 */
static void auxdma_test_unmapped_id_fails(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_ID, .input_id = 0x40 };
	struct auxiliary_device *auxdev;
	unsigned long before;

	auxdma_setup(env);
	before = auxdma_count_groups();

	auxdev = auxiliary_device_create_dma(&env->parent->dev, "unmapped", NULL, &ctx);
	KUNIT_EXPECT_EQ_MSG(test, PTR_ERR(auxdev), -ENODEV,
			    "Expected errno == -ENODEV, got: %pe", auxdev);
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), before);
}

/* The references held on a DT node, where nodes are refcounted */
static unsigned int auxdma_np_refs(struct device_node *np)
{
#ifdef CONFIG_OF_KOBJ
	return kref_read(&np->kobj.kref);
#else
	return 0;
#endif
}

/*
 * A declared stream ID that the IOMMU refuses (beyond its stream ID range)
 * fails the creation with -ENODEV and a log line (kunit/expected-log.txt),
 * instead of leaving a registered device that can never bind; nothing is
 * left behind.
 */
static void auxdma_test_refused_sid_fails(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_NODE };
	struct auxiliary_device *auxdev;
	unsigned long before;
	unsigned int refs;

	auxdma_ocs_init(env);
	env->vpu[0].block_sid[1] = SID_BAD;
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, true);
	auxdma_apply(env);

	ctx.np = env->block_np[1];
	before = auxdma_count_groups();
	refs = auxdma_np_refs(ctx.np);
	auxdev = auxiliary_device_create_dma(&env->parent->dev, "block", NULL, &ctx);
	KUNIT_EXPECT_EQ_MSG(test, PTR_ERR(auxdev), -ENODEV, "got %pe", auxdev);
	if (!IS_ERR(auxdev))
		auxiliary_device_destroy(auxdev);
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), before);
	KUNIT_EXPECT_EQ(test, auxdma_np_refs(ctx.np), refs);
}

/*
 * Binding a DMA-API driver claims the default domain and unbinding gives it
 * back: while "block" is bound, nobody else can take DMA ownership of the
 * group; once it is unbound, ownership can be claimed and released, and the
 * driver binds again.
 */
static void auxdma_test_bind_pairs_configure_cleanup(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *auxdev;
	struct iommu_group *group;
	int owner;

	auxdma_setup(env);
	auxdev = auxdma_create_node(env, "block", 0);
	KUNIT_ASSERT_NOT_NULL(test, auxdev->dev.driver);
	group = auxdma_group(test, &auxdev->dev);

	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, &owner), -EPERM);

	device_release_driver(&auxdev->dev);
	KUNIT_ASSERT_NULL(test, auxdev->dev.driver);
	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, &owner), 0);
	iommu_group_release_dma_owner(group);

	KUNIT_EXPECT_EQ(test, device_attach(&auxdev->dev), 1);
	KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, &owner), -EPERM);
}

/*
 * A driver_managed_dma driver attaches an unmanaged domain of its own in
 * probe; the device's translations are then the driver's, and unbinding
 * hands the group back to its default domain.
 */
static void auxdma_test_driver_managed_dma(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *auxdev;
	struct iommu_domain *def, *cur;
	struct auxdma_managed *m;

	auxdma_setup(env);
	auxdev = auxdma_create_node(env, "managed", 0);
	KUNIT_ASSERT_NOT_NULL(test, auxdev->dev.driver);
	m = auxiliary_get_drvdata(auxdev);
	KUNIT_ASSERT_NOT_NULL(test, m);

	cur = iommu_get_domain_for_dev(&auxdev->dev);
	KUNIT_EXPECT_PTR_EQ(test, cur, m->domain);
	KUNIT_EXPECT_EQ(test, cur->type, IOMMU_DOMAIN_UNMANAGED);
	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(cur, MANAGED_IOVA),
			page_to_phys(m->page));

	device_release_driver(&auxdev->dev);
	def = iommu_get_domain_for_dev(&auxdev->dev);
	KUNIT_ASSERT_NOT_NULL(test, def);
	KUNIT_EXPECT_TRUE(test, def->type & __IOMMU_DOMAIN_DMA_API);
}

/*
 * Names are unique across parent instances: two parents each creating a
 * "block" child get two devices with different names, both added.
 */
static void auxdma_test_names_unique(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx0 = { .mode = AUXILIARY_DMA_OF_NODE };
	struct auxiliary_dma_context ctx1 = { .mode = AUXILIARY_DMA_OF_NODE };
	struct auxiliary_device *a, *b;

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, true);
	auxdma_build_parent(env, 1, "test,auxdma-vpu", env->smmu_np->phandle, true);
	auxdma_apply(env);

	ctx0.np = env->vpu[0].block_np[0];
	ctx1.np = env->vpu[1].block_np[0];
	a = auxdma_create(env, "unbound", &ctx0);
	b = auxiliary_device_create_dma(&env->vpu[1].pdev->dev, "unbound", NULL, &ctx1);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, b);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_destroy, b));

	KUNIT_EXPECT_STRNEQ(test, dev_name(&a->dev), dev_name(&b->dev));
	KUNIT_EXPECT_TRUE(test, device_is_registered(&a->dev));
	KUNIT_EXPECT_TRUE(test, device_is_registered(&b->dev));
	KUNIT_EXPECT_PTR_NE(test, auxdma_group(test, &a->dev), auxdma_group(test, &b->dev));
}

/* Bad declarations: the errno for each, and nothing left behind */
enum auxdma_bad_kind {
	BAD_NO_CONTEXT,
	BAD_ZEROED_CONTEXT,
	BAD_FOREIGN_NODE,
	BAD_DISABLED_NODE,
	BAD_PARENT_WITHOUT_NODE,
	BAD_PARENT_WITHOUT_MAP,
	BAD_BROKEN_IOMMUS,
};

struct auxdma_bad_case {
	const char *desc;
	enum auxdma_bad_kind kind;
	int expected;
};

static const struct auxdma_bad_case auxdma_bad_cases[] = {
	{ "no context", BAD_NO_CONTEXT, -EINVAL },
	{ "zeroed context, no mode", BAD_ZEROED_CONTEXT, -EINVAL },
	{ "node of another device", BAD_FOREIGN_NODE, -EINVAL },
	{ "disabled node", BAD_DISABLED_NODE, -ENODEV },
	{ "parent without DT node", BAD_PARENT_WITHOUT_NODE, -ENODEV },
	{ "parent without iommu-map", BAD_PARENT_WITHOUT_MAP, -ENODEV },
	{ "iommus naming no node", BAD_BROKEN_IOMMUS, -EINVAL },
};

KUNIT_ARRAY_PARAM_DESC(auxdma_bad, auxdma_bad_cases, desc);

static void auxdma_test_bad_context(struct kunit *test)
{
	const struct auxdma_bad_case *bad = test->param_value;
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_NODE }, *pctx = &ctx;
	struct auxiliary_device *auxdev;
	struct platform_device *bare;
	struct device *parent;
	unsigned long before;
	unsigned int np_refs = 0;

	auxdma_ocs_init(env);
	env->vpu[0].block_iommu[2] = MOCK_PHANDLE_BASE - 1;	/* no such node */
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle,
			    bad->kind != BAD_PARENT_WITHOUT_MAP);
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(&env->ocs, env->block_np[1],
							      "status", "disabled"));
	auxdma_apply(env);
	parent = &env->parent->dev;

	switch (bad->kind) {
	case BAD_NO_CONTEXT:
		pctx = NULL;
		break;
	case BAD_ZEROED_CONTEXT:
		ctx.mode = AUXILIARY_DMA_NONE;
		break;
	case BAD_FOREIGN_NODE:
		ctx.np = env->smmu_np;
		break;
	case BAD_DISABLED_NODE:
		ctx.np = env->block_np[1];
		break;
	case BAD_PARENT_WITHOUT_NODE:
		ctx.mode = AUXILIARY_DMA_OF_ID;
		bare = kunit_platform_device_alloc(test, "kunit-auxdma-bare", env->seq);
		KUNIT_ASSERT_NOT_NULL(test, bare);
		KUNIT_ASSERT_EQ(test, 0, kunit_platform_device_add(test, bare));
		parent = &bare->dev;
		break;
	case BAD_PARENT_WITHOUT_MAP:
		ctx.mode = AUXILIARY_DMA_OF_ID;
		break;
	case BAD_BROKEN_IOMMUS:
		ctx.np = env->block_np[2];
		break;
	}

	before = auxdma_count_groups();
	if (ctx.np)
		np_refs = auxdma_np_refs(ctx.np);
	auxdev = auxiliary_device_create_dma(parent, "bad", NULL, pctx);
	KUNIT_EXPECT_EQ_MSG(test, PTR_ERR(auxdev), bad->expected,
			    "%s: expected %d, got %pe", bad->desc, bad->expected, auxdev);
	if (!IS_ERR(auxdev))
		auxiliary_device_destroy(auxdev);
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), before);
	/* A failed declaration took no reference on the node */
	if (ctx.np && bad->kind != BAD_FOREIGN_NODE)
		KUNIT_EXPECT_EQ(test, auxdma_np_refs(ctx.np), np_refs);
}

/*
 * The three-step API for drivers that embed the auxiliary device: the DMA
 * context is declared between init and add, and refused after add.
 */
struct auxdma_embedded {
	int cookie;
	struct auxiliary_device auxdev;
};

static void auxdma_embedded_release(struct device *dev)
{
	struct auxiliary_device *auxdev = to_auxiliary_dev(dev);

	kfree(container_of(auxdev, struct auxdma_embedded, auxdev));
}

/* An embedded auxiliary device of the VPU, initialised but not added */
static struct auxiliary_device *auxdma_embedded_init(struct auxdma_env *env,
						     const char *name)
{
	struct kunit *test = env->test;
	struct auxdma_embedded *e;
	struct auxiliary_device *auxdev;

	e = kzalloc_obj(*e);
	KUNIT_ASSERT_NOT_NULL(test, e);
	auxdev = &e->auxdev;
	auxdev->name = name;
	auxdev->id = 1000 + env->seq;
	auxdev->dev.parent = &env->parent->dev;
	auxdev->dev.release = auxdma_embedded_release;
	KUNIT_ASSERT_EQ(test, 0, auxiliary_device_init(auxdev));
	return auxdev;
}

/* Add it, to be destroyed at the end of the test; uninit it if add fails */
static void auxdma_embedded_add(struct kunit *test, struct auxiliary_device *auxdev)
{
	int ret = auxiliary_device_add(auxdev);

	if (ret) {
		auxiliary_device_uninit(auxdev);
		KUNIT_FAIL_AND_ABORT(test, "auxiliary_device_add failed: %d", ret);
	}
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_destroy, auxdev));
}

static void auxdma_test_three_step(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_NODE };
	struct auxiliary_device *auxdev;

	auxdma_setup(env);
	auxdev = auxdma_embedded_init(env, "unbound");

	ctx.np = env->block_np[0];
	KUNIT_EXPECT_EQ(test, 0, auxiliary_device_set_dma_context(auxdev, &ctx));
	auxdma_embedded_add(test, auxdev);

	auxdma_group(test, &auxdev->dev);
	KUNIT_EXPECT_EQ(test, auxiliary_device_set_dma_context(auxdev, &ctx), -EBUSY);
}

/*
 * A device is declared once: declaring another node, an input ID or the
 * same node again is refused with -EBUSY, takes no reference and changes
 * nothing, and the device then adds with its first context.  A device that
 * its creator gave a firmware node of its own cannot be declared.
 */
static void auxdma_test_three_step_redeclare(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_NODE };
	struct auxiliary_dma_context other = { .mode = AUXILIARY_DMA_OF_NODE };
	struct auxiliary_dma_context by_id = { .mode = AUXILIARY_DMA_OF_ID, .input_id = 1 };
	unsigned int refs, other_refs;
	struct auxiliary_device *auxdev, *shared;
	struct iommu_fwspec *fwspec;

	auxdma_setup(env);
	ctx.np = env->block_np[0];
	other.np = env->block_np[3];
	auxdev = auxdma_embedded_init(env, "redeclare");

	KUNIT_EXPECT_EQ(test, 0, auxiliary_device_set_dma_context(auxdev, &ctx));
	refs = auxdma_np_refs(ctx.np);
	other_refs = auxdma_np_refs(other.np);
	KUNIT_EXPECT_EQ(test, auxiliary_device_set_dma_context(auxdev, &other), -EBUSY);
	KUNIT_EXPECT_EQ(test, auxiliary_device_set_dma_context(auxdev, &by_id), -EBUSY);
	KUNIT_EXPECT_EQ(test, auxiliary_device_set_dma_context(auxdev, &ctx), -EBUSY);
	KUNIT_EXPECT_PTR_EQ(test, auxdev->dev.of_node, ctx.np);
	KUNIT_EXPECT_EQ(test, auxdma_np_refs(ctx.np), refs);
	KUNIT_EXPECT_EQ(test, auxdma_np_refs(other.np), other_refs);

	auxdma_embedded_add(test, auxdev);
	auxdma_group(test, &auxdev->dev);
	fwspec = dev_iommu_fwspec_get(&auxdev->dev);
	KUNIT_ASSERT_NOT_NULL(test, fwspec);
	KUNIT_ASSERT_EQ(test, fwspec->num_ids, 1);
	KUNIT_EXPECT_EQ(test, fwspec->ids[0], SID_BASE + SID_BLOCK);

	/* A device that shares its parent's node, as auxiliary_device_create() makes */
	shared = auxdma_embedded_init(env, "shared");
	device_set_of_node_from_dev(&shared->dev, &env->parent->dev);
	KUNIT_EXPECT_EQ(test, auxiliary_device_set_dma_context(shared, &other), -EINVAL);
	KUNIT_EXPECT_NULL(test, shared->dma);
	KUNIT_EXPECT_EQ(test, auxdma_np_refs(other.np), other_refs);
	of_node_put(shared->dev.of_node);
	shared->dev.of_node = NULL;
	shared->dev.fwnode = NULL;
	auxiliary_device_uninit(shared);
}

/*
 * Declared, then given up without being added: auxiliary_device_uninit()
 * drops the context and gives back the node reference, and no group is
 * made.
 */
static void auxdma_test_declare_uninit(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_NODE };
	struct auxiliary_device *auxdev;
	unsigned long before;
	unsigned int refs;

	auxdma_setup(env);
	ctx.np = env->block_np[0];
	before = auxdma_count_groups();
	refs = auxdma_np_refs(ctx.np);

	auxdev = auxdma_embedded_init(env, "uninit");
	KUNIT_ASSERT_EQ(test, 0, auxiliary_device_set_dma_context(auxdev, &ctx));
	KUNIT_EXPECT_EQ(test, auxdma_np_refs(ctx.np), refs + 1);
	auxiliary_device_uninit(auxdev);
	KUNIT_EXPECT_EQ(test, auxdma_np_refs(ctx.np), refs);
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), before);
}

/*
 * Instance names stay unique when another creator already took names in
 * the same modname.devname space with IDs of its own choosing, as
 * auxiliary_device_create() lets it: the helper skips those IDs instead of
 * failing with -EEXIST and a duplicate sysfs name.
 */
#define AUXDMA_CLASH_IDS	64

static void auxdma_test_name_clash(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_NODE };
	struct auxiliary_device *auxdev, *taken;
	int i;

	auxdma_setup(env);
	ctx.np = env->block_np[0];
	for (i = 0; i < AUXDMA_CLASH_IDS; i++) {
		taken = auxiliary_device_create(&env->parent->dev, KBUILD_MODNAME,
						"clash", NULL, i);
		KUNIT_ASSERT_NOT_NULL(test, taken);
		KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_destroy, taken));
	}

	auxdev = auxiliary_device_create_dma(&env->parent->dev, "clash", NULL, &ctx);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, auxdev);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_destroy, auxdev));
	KUNIT_EXPECT_GE(test, auxdev->id, AUXDMA_CLASH_IDS);
	auxdma_group(test, &auxdev->dev);
}

/*
 * A parent driver that creates its children with the devm helper in probe
 * gets them torn down, groups and all, when it unbinds.
 */
static int auxdma_parent_probe(struct platform_device *pdev)
{
	struct device_node *np;
	int i = 0;

	for_each_child_of_node(pdev->dev.of_node, np) {
		struct auxiliary_dma_context ctx = {
			.mode = AUXILIARY_DMA_OF_NODE, .np = np,
		};
		struct auxiliary_device *auxdev;

		auxdev = devm_auxiliary_device_create_dma(&pdev->dev, "block", NULL, &ctx);
		if (IS_ERR(auxdev)) {
			of_node_put(np);
			return PTR_ERR(auxdev);
		}
		i++;
	}
	return i == NR_BLOCKS ? 0 : -ENODEV;
}

/* Bound through driver_override: the test's nodes need no compatible */
static struct platform_driver auxdma_parent_driver = {
	.probe = auxdma_parent_probe,
	.driver = {
		.name = "kunit-auxdma-parent",
	},
};

static void auxdma_test_devm_children(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	unsigned long before;

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, true);
	auxdma_apply(env);
	before = auxdma_count_groups();
	KUNIT_ASSERT_EQ(test, 0, device_set_driver_override(&env->parent->dev,
							    auxdma_parent_driver.driver.name));

	KUNIT_ASSERT_EQ(test, 0, kunit_platform_driver_register(test, &auxdma_parent_driver));
	KUNIT_ASSERT_NOT_NULL(test, env->parent->dev.driver);
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), before + NR_BLOCKS);

	device_release_driver(&env->parent->dev);
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), before);
}

/*
 * A child whose IOMMU has not probed yet defers, with no group; when the
 * IOMMU's driver binds and registers the IOMMU, the IOMMU layer probes the
 * child and the child's driver binds.  The IOMMU here is a minimal one with
 * an identity default domain, registered by a platform driver of the test.
 */
struct auxdma_mock_iommu {
	struct iommu_device iommu;
};

static int auxdma_mock_attach(struct iommu_domain *domain, struct device *dev,
			      struct iommu_domain *old)
{
	return 0;
}

static const struct iommu_domain_ops auxdma_mock_identity_ops = {
	.attach_dev = auxdma_mock_attach,
};

static struct iommu_domain auxdma_mock_identity = {
	.type = IOMMU_DOMAIN_IDENTITY,
	.ops = &auxdma_mock_identity_ops,
};

static struct iommu_device *auxdma_mock_probe_device(struct device *dev);

static int auxdma_mock_of_xlate(struct device *dev, const struct of_phandle_args *args)
{
	return iommu_fwspec_add_ids(dev, args->args, 1);
}

static const struct iommu_ops auxdma_mock_ops = {
	.identity_domain = &auxdma_mock_identity,
	.default_domain = &auxdma_mock_identity,
	.probe_device = auxdma_mock_probe_device,
	.device_group = generic_device_group,
	.of_xlate = auxdma_mock_of_xlate,
	.owner = THIS_MODULE,
};

static struct auxdma_mock_iommu *auxdma_mock;
static bool auxdma_mock_registered;

static struct iommu_device *auxdma_mock_probe_device(struct device *dev)
{
	struct iommu_fwspec *fwspec = dev_iommu_fwspec_get(dev);

	if (!auxdma_mock || !fwspec || fwspec->iommu_fwnode != auxdma_mock->iommu.fwnode)
		return ERR_PTR(-ENODEV);
	return &auxdma_mock->iommu;
}

static int auxdma_mock_probe(struct platform_device *pdev)
{
	struct auxdma_mock_iommu *mock;
	int ret;

	mock = devm_kzalloc(&pdev->dev, sizeof(*mock), GFP_KERNEL);
	if (!mock)
		return -ENOMEM;
	platform_set_drvdata(pdev, mock);

	ret = iommu_device_sysfs_add(&mock->iommu, &pdev->dev, NULL, "%s",
				     dev_name(&pdev->dev));
	if (ret)
		return ret;

	auxdma_mock = mock;
	ret = iommu_device_register(&mock->iommu, &auxdma_mock_ops, &pdev->dev);
	if (ret) {
		auxdma_mock = NULL;
		iommu_device_sysfs_remove(&mock->iommu);
	}
	return ret;
}

static void auxdma_mock_remove(struct platform_device *pdev)
{
	struct auxdma_mock_iommu *mock = platform_get_drvdata(pdev);

	iommu_device_unregister(&mock->iommu);
	iommu_device_sysfs_remove(&mock->iommu);
	auxdma_mock = NULL;
}

/* Bound through driver_override: the test's nodes need no compatible */
static struct platform_driver auxdma_mock_driver = {
	.probe = auxdma_mock_probe,
	.remove = auxdma_mock_remove,
	.driver = {
		.name = "kunit-auxdma-mock-iommu",
	},
};

static void auxdma_mock_unregister(void *unused)
{
	if (auxdma_mock_registered)
		platform_driver_unregister(&auxdma_mock_driver);
	auxdma_mock_registered = false;
}

static void auxdma_test_defers_until_iommu(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct platform_device *mock_pdev;
	struct device_node *mock_np;
	struct auxiliary_device *auxdev;
	u32 phandle = MOCK_PHANDLE_BASE + env->seq;
	char name[48];

	KUNIT_ASSERT_NULL(test, of_find_node_by_phandle(phandle));

	/* First the IOMMU's node, on its own changeset, reverted last */
	of_changeset_init(&env->mock_ocs);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_mock_ocs_revert, env));
	snprintf(name, sizeof(name), "kunit-auxdma-mock-iommu-%d", env->seq);
	mock_np = of_changeset_create_node(&env->mock_ocs, of_root, name);
	KUNIT_ASSERT_NOT_NULL(test, mock_np);
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(&env->mock_ocs, mock_np,
							   "#iommu-cells", 1));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_apply(&env->mock_ocs));
	env->mock_applied = true;
	mock_pdev = of_find_device_by_node(mock_np);
	KUNIT_ASSERT_NOT_NULL(test, mock_pdev);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_put_device,
							   &mock_pdev->dev));
	KUNIT_ASSERT_EQ(test, 0, device_set_driver_override(&mock_pdev->dev,
							    auxdma_mock_driver.driver.name));
	/*
	 * of_changeset attaches a node before it adds the node's properties,
	 * so a "phandle" property would not be seen: set the phandle on the
	 * node itself, as the overlay code does, before anything refers to it.
	 */
	mock_np->phandle = phandle;

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", phandle, false);
	auxdma_apply(env);

	/* The IOMMU must go away only after the child: actions run in reverse */
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_mock_unregister,
							   NULL));
	auxdev = auxdma_create_node(env, "block", 0);
	KUNIT_EXPECT_NULL(test, auxdev->dev.iommu_group);
	KUNIT_EXPECT_NULL(test, auxdev->dev.driver);

	KUNIT_ASSERT_EQ(test, 0, platform_driver_register(&auxdma_mock_driver));
	auxdma_mock_registered = true;
	wait_for_device_probe();

	KUNIT_ASSERT_NOT_NULL(test, auxdma_mock);
	KUNIT_EXPECT_NOT_NULL(test, auxdev->dev.iommu_group);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(&auxdev->dev),
			    &auxdma_mock_identity);
	KUNIT_EXPECT_NOT_NULL(test, auxdev->dev.driver);
}

/*
 * IOVA windows.  A block with a DT node gets its windows from reserved-memory
 * nodes with "iommu-addresses" in its "memory-region"; a block declared by
 * input ID from the table its creator hands over.
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

/* Bytes of @sp inside [start, end] */
static u64 auxdma_space_in(const struct auxdma_space *sp, u64 start, u64 end)
{
	u64 bytes = 0;
	unsigned int i;

	for (i = 0; i < sp->n; i++) {
		u64 s = max(sp->r[i].start, start), e = min(sp->r[i].end, end);

		if (s <= e)
			bytes += e - s + 1;
	}
	return bytes;
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
 * Exhaustion through the mapping API: a block declared by input ID whose
 * table leaves it 16 MiB at 2 GiB maps 64 KiB at a time until the mapping
 * fails with DMA_MAPPING_ERROR, after exactly 256 mappings, each inside
 * the 16 MiB, and never in a reserved window.
 */
static void auxdma_windows_test_exhaustion(struct kunit *test)
{
	static const struct iommu_usable_range ranges[] = {
		{ SZ_2G, SZ_16M },
	};
	struct auxiliary_dma_context ctx = {
		.mode = AUXILIARY_DMA_OF_ID, .input_id = 1,
		.ranges = ranges, .num_ranges = ARRAY_SIZE(ranges),
	};
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *auxdev;
	dma_addr_t *iovas;
	void *buf;
	int n = 0, i;

	auxdma_setup(env);
	auxdev = auxdma_create(env, "block", &ctx);
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
 * (what /sys/kernel/iommu_groups/N/reserved_regions prints), for both
 * declarations; a block declared by input ID inherits none of the windows
 * of its parent's node.
 */
static void auxdma_windows_test_resv_regions(struct kunit *test)
{
	/* Usable: [0, 256M) and [272M, 1G); reserved: [256M, 272M) and [1G, top] */
	static const struct iommu_usable_range ranges[] = {
		{ SZ_256M + SZ_16M, SZ_1G - SZ_256M - SZ_16M },
		{ 0, SZ_256M },
	};
	static const struct auxdma_win table[] = {
		{ SZ_256M, SZ_16M },
		{ SZ_1G, PHYS_ADDR_MAX - SZ_1G + 1 },
	};
	struct auxdma_win windows[NR_BLOCKS][4] = {
		{ { SZ_512M, SZ_32M } },
	};
	struct auxiliary_dma_context ctx = {
		.mode = AUXILIARY_DMA_OF_ID, .input_id = 2,
		.ranges = ranges, .num_ranges = ARRAY_SIZE(ranges),
	};
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *a, *b, *c;
	struct iommu_group *group;
	LIST_HEAD(list);

	auxdma_setup(env);
	auxdma_dt_windows(env, windows);
	a = auxdma_create_node(env, "unbound", 0);
	b = auxdma_create(env, "unbound", &ctx);
	ctx.ranges = NULL;
	ctx.num_ranges = 0;
	ctx.input_id = 3;
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
 * Seed 001: children A, B and C need 256, 512 and 600 MiB reserved from
 * IOVA 0.  With the parent-shared node (600 MiB, C's, for all three), A
 * and B lose IOVA space they never reserved; with a declaration of their
 * own each loses none.  Every figure is measured by filling the device's
 * space through the DMA allocator; the space a child should have is its
 * sibling's without windows, less its own reservation.
 */
static void auxdma_windows_test_seed001(struct kunit *test)
{
	static const u64 own[3] = { MiB(256), MiB(512), MiB(600) };
	static const u64 shared_loss[3] = { MiB(344), MiB(88), 0 };
	struct auxdma_win windows[NR_BLOCKS][4] = {
		{ { 0, MiB(256) } }, { { 0, MiB(512) } }, { { 0, MiB(600) } },
		{ { 0, MiB(600) } },	/* the node A, B and C would share */
	};
	struct auxdma_env *env = test->priv;
	struct auxdma_space *base = auxdma_new_space(test);
	struct auxdma_space *sp = auxdma_new_space(test);
	u64 shared_total;
	int c;

	auxdma_setup(env);
	auxdma_dt_windows(env, windows);

	/* Block 4 declares no window: the space every child starts from */
	auxdma_fill(test, &auxdma_create_node(env, "unbound", 4)->dev, base);
	auxdma_fill(test, &auxdma_create_node(env, "unbound", 3)->dev, sp);
	shared_total = sp->total;

	kunit_info(test, "seed 001: IOVA space lost beyond the child's own reservation\n");
	kunit_info(test, "seed 001: child  own reservation  parent-shared node  own declaration\n");
	for (c = 0; c < 3; c++) {
		u64 should = base->total - auxdma_space_in(base, 0, own[c] - 1);
		u64 lost_shared = should - shared_total;
		u64 lost_own;

		auxdma_fill(test, &auxdma_create_node(env, "unbound", c)->dev, sp);
		lost_own = should - sp->total;
		kunit_info(test, "seed 001: %c      %4llu MiB         %4llu MiB            %4llu MiB\n",
			   'A' + c, own[c] >> 20, lost_shared >> 20, lost_own >> 20);
		KUNIT_EXPECT_EQ(test, lost_own, 0);
		KUNIT_EXPECT_EQ(test, lost_shared, shared_loss[c]);
	}
}

/*
 * Seed 002: a hole declared for one master only.  Its sibling behind the
 * same SMMU keeps its whole space, the hole included.
 */
static void auxdma_windows_test_seed002(struct kunit *test)
{
	struct auxdma_win windows[NR_BLOCKS][4] = {
		{ { SZ_1G, SZ_256M } },
	};
	struct auxdma_env *env = test->priv;
	struct auxdma_space *holed = auxdma_new_space(test);
	struct auxdma_space *whole = auxdma_new_space(test);

	auxdma_setup(env);
	auxdma_dt_windows(env, windows);
	auxdma_fill(test, &auxdma_create_node(env, "unbound", 0)->dev, holed);
	auxdma_fill(test, &auxdma_create_node(env, "unbound", 1)->dev, whole);

	KUNIT_EXPECT_EQ(test, auxdma_space_in(holed, SZ_1G, SZ_1G + SZ_256M - 1), 0);
	KUNIT_EXPECT_EQ(test, auxdma_space_in(whole, SZ_1G, SZ_1G + SZ_256M - 1), SZ_256M);
	KUNIT_EXPECT_EQ(test, whole->total - holed->total, SZ_256M);
}

/*
 * Seed 004: a 64-entry scatterlist of discontiguous pages maps into one
 * contiguous IOVA segment on a block whose segment limits allow it; with
 * the default 64 KiB segment limit it takes several segments.
 */
static void auxdma_windows_test_seed004(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *auxdev;
	struct iommu_domain *domain;
	struct page *pages[128];
	struct scatterlist *sgl, *sg;
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

	nents = dma_map_sg(dev, sgl, 64, DMA_TO_DEVICE);
	KUNIT_EXPECT_GT(test, nents, 1);
	dma_unmap_sg(dev, sgl, 64, DMA_TO_DEVICE);

	dma_set_max_seg_size(dev, UINT_MAX);
	KUNIT_ASSERT_EQ(test, dma_get_max_seg_size(dev), UINT_MAX);
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
 * any order, several ranges, ranges above 4 GiB, and malformed properties,
 * which fail the declaration with -EINVAL and leave nothing behind.  The
 * reserved regions expected are written out from the declaration.
 */
struct auxdma_dt_ranges {
	const char *desc;
	u64 cells[6];		/* start, size pairs in 2 + 2 cells */
	unsigned int ncells;	/* 32-bit cells in the property */
	int expected;
	struct auxdma_win resv[3];
};

static const struct auxdma_dt_ranges auxdma_dt_ranges_cases[] = {
	{ "two ranges, not in order", { SZ_1G, SZ_256M, SZ_256M, SZ_256M }, 8, 0,
	  { { 0, SZ_256M }, { SZ_512M, SZ_512M },
	    { SZ_1G + SZ_256M, PHYS_ADDR_MAX - SZ_1G - SZ_256M + 1 } } },
#ifdef CONFIG_ARCH_DMA_ADDR_T_64BIT
	{ "above 4 GiB", { 5ULL * SZ_1G, SZ_1G }, 4, 0,
	  { { 0, 5ULL * SZ_1G }, { 6ULL * SZ_1G, PHYS_ADDR_MAX - 6ULL * SZ_1G + 1 } } },
#endif
	{ "malformed: three cells", { SZ_1G, SZ_256M }, 3, -EINVAL },
	{ "overlapping", { SZ_1G, SZ_256M, SZ_1G + SZ_128M, SZ_256M }, 8, -EINVAL },
	{ "empty", { SZ_1G, 0 }, 4, -EINVAL },
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
	unsigned long before;
	unsigned int refs, i;
	u32 cells[12];
	LIST_HEAD(list);

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
	before = auxdma_count_groups();
	refs = auxdma_np_refs(ctx.np);

	auxdev = auxiliary_device_create_dma(&env->parent->dev, "unbound", NULL, &ctx);
	KUNIT_ASSERT_EQ_MSG(test, PTR_ERR_OR_ZERO(auxdev), c->expected, "got %pe", auxdev);
	if (c->expected) {
		KUNIT_EXPECT_EQ(test, auxdma_count_groups(), before);
		KUNIT_EXPECT_EQ(test, auxdma_np_refs(ctx.np), refs);
		return;
	}
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_destroy, auxdev));

	iommu_get_resv_regions(&auxdev->dev, &list);
	for (i = 0; i < ARRAY_SIZE(c->resv) && c->resv[i].size; i++)
		KUNIT_EXPECT_TRUE_MSG(test, auxdma_has_resv(&list, &c->resv[i]),
				      "no reserved region [%#llx+%#llx]",
				      c->resv[i].start, c->resv[i].size);
	KUNIT_EXPECT_EQ(test, auxdma_count_resv(&list), i);
	auxdma_put_resv(&auxdev->dev, &list);
}

/* Bad ranges: -EINVAL, a log line naming the range, nothing left behind */
struct auxdma_bad_table {
	const char *desc;
	struct iommu_usable_range r[2];
	unsigned int n;
	u64 dma_mask;
	enum auxiliary_dma_mode mode;
};

static const struct auxdma_bad_table auxdma_bad_tables[] = {
	{ "overlapping", { { SZ_1G, SZ_256M }, { SZ_1G + SZ_128M, SZ_256M } }, 2 },
	{ "zero-length", { { SZ_1G, 0 } }, 1 },
	{ "wrapping around", { { U64_MAX - SZ_1M + 1, SZ_2M } }, 1 },
#ifdef CONFIG_ARCH_DMA_ADDR_T_64BIT
	{ "past the IOMMU aperture", { { 1ULL << 56, SZ_1M } }, 1, DMA_BIT_MASK(64) },
#endif
	{ "not aligned to the IOMMU page size", { { SZ_1G + 512, SZ_1M } }, 1 },
	{ "too many entries", { { SZ_1G, SZ_1M } }, AUXILIARY_DMA_MAX_RANGES + 1 },
	{ "ranges for a block with a DT node", { { SZ_1G, SZ_1M } }, 1, 0,
	  AUXILIARY_DMA_OF_NODE },
};

KUNIT_ARRAY_PARAM_DESC(auxdma_bad_tables, auxdma_bad_tables, desc);

static void auxdma_windows_test_bad_table(struct kunit *test)
{
	const struct auxdma_bad_table *bad = test->param_value;
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx = {
		.mode = bad->mode ?: AUXILIARY_DMA_OF_ID,
		.ranges = bad->r, .num_ranges = bad->n, .dma_mask = bad->dma_mask,
	};
	struct auxiliary_device *auxdev;
	unsigned long before;

	auxdma_setup(env);
	if (ctx.mode == AUXILIARY_DMA_OF_NODE)
		ctx.np = env->block_np[0];
	before = auxdma_count_groups();

	auxdev = auxiliary_device_create_dma(&env->parent->dev, "badwin", NULL, &ctx);
	KUNIT_EXPECT_EQ_MSG(test, PTR_ERR(auxdev), -EINVAL, "%s: got %pe", bad->desc, auxdev);
	if (!IS_ERR(auxdev))
		auxiliary_device_destroy(auxdev);
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), before);
}

static struct kunit_case auxdma_windows_cases[] = {
	KUNIT_CASE(auxdma_windows_test_seed000),
	KUNIT_CASE(auxdma_windows_test_exhaustion),
	KUNIT_CASE(auxdma_windows_test_resv_regions),
	KUNIT_CASE(auxdma_windows_test_seed001),
	KUNIT_CASE(auxdma_windows_test_seed002),
	KUNIT_CASE(auxdma_windows_test_seed004),
	KUNIT_CASE_PARAM(auxdma_windows_test_bad_table, auxdma_bad_tables_gen_params),
	KUNIT_CASE_PARAM(auxdma_windows_test_dt_ranges, auxdma_dt_ranges_gen_params),
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

static struct kunit_case auxdma_test_cases[] = {
	KUNIT_CASE(auxdma_test_legacy_device_unchanged),
	KUNIT_CASE(auxdma_test_of_node_own_contexts),
	KUNIT_CASE(auxdma_test_of_id_own_contexts),
	KUNIT_CASE(auxdma_test_of_node_map_single),
	KUNIT_CASE(auxdma_test_of_id_map_single),
	KUNIT_CASE(auxdma_test_of_node_map_sg),
	KUNIT_CASE(auxdma_test_create_remove_cycles),
	KUNIT_CASE(auxdma_test_unmapped_id_fails),
	KUNIT_CASE(auxdma_test_refused_sid_fails),
	KUNIT_CASE(auxdma_test_bind_pairs_configure_cleanup),
	KUNIT_CASE(auxdma_test_driver_managed_dma),
	KUNIT_CASE(auxdma_test_names_unique),
	KUNIT_CASE_PARAM(auxdma_test_bad_context, auxdma_bad_gen_params),
	KUNIT_CASE(auxdma_test_three_step),
	KUNIT_CASE(auxdma_test_three_step_redeclare),
	KUNIT_CASE(auxdma_test_declare_uninit),
	KUNIT_CASE(auxdma_test_name_clash),
	KUNIT_CASE(auxdma_test_devm_children),
	KUNIT_CASE(auxdma_test_defers_until_iommu),
	{ }
};

static struct kunit_suite auxdma_test_suite = {
	.name = "auxiliary_dma",
	.suite_init = auxdma_suite_init,
	.suite_exit = auxdma_suite_exit,
	.init = auxdma_test_init,
	.exit = auxdma_test_exit,
	.test_cases = auxdma_test_cases,
};

kunit_test_suites(&auxdma_test_suite, &auxdma_windows_suite);

MODULE_DESCRIPTION("KUnit tests for DMA contexts of auxiliary devices");
MODULE_LICENSE("GPL");
