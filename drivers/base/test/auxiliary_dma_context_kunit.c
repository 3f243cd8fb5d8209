// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for DMA contexts of auxiliary devices: a group and a default
 * domain of its own for each declared child, DMA mappings, bind and unbind,
 * creation and removal, errors that leave nothing behind, and an IOMMU that
 * probes late or groups two children.  On an SMMUv3, with the DT fixture of
 * auxiliary_dma_kunit_fixture.c.
 */

#include <kunit/platform_device.h>
#include <kunit/resource.h>
#include <linux/delay.h>
#include <linux/dma-direct.h>
#include <linux/dma-map-ops.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/of_platform.h>
#include <linux/scatterlist.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include "../base.h"
#include "auxiliary_dma_kunit.h"

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

/*
 * An auxiliary device created the old way, sharing its parent's DT node and
 * so its "iommus", is not a DMA master of its own, even bound to a driver:
 * the bus's .dma_configure leaves an undeclared device alone (configuring
 * it from the node it shares would put it in its parent's group).  No IOMMU
 * group, no DMA mask, no DMA ops, no IOMMU data.  On an SMMUv3 the device
 * has no fwspec either; the opt-in that keeps it from IOMMU drivers taking
 * any device is the auxiliary_dma_opt_in suite's.
 */
static void auxdma_test_legacy_device_unchanged(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *auxdev;

	auxdma_setup(env);
	auxdev = auxiliary_device_create(&env->parent->dev, KBUILD_MODNAME,
					 "block", NULL, auxdma_new_id());
	KUNIT_ASSERT_NOT_NULL(test, auxdev);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_destroy, auxdev));

	KUNIT_EXPECT_PTR_EQ(test, auxdev->dev.driver, auxdma_fixture_driver("block"));
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
 * Create one child of each kind, with the instance IDs in @id; note their
 * group IDs
 */
static void auxdma_create_pair(struct auxdma_env *env,
			       const struct auxiliary_dma_context ctx[2],
			       struct auxiliary_device *auxdev[2], int group_id[2],
			       const int id[2])
{
	struct kunit *test = env->test;
	struct iommu_group *group;
	int k;

	for (k = 0; k < 2; k++) {
		auxdev[k] = auxiliary_device_create_dma(&env->parent->dev, "block", NULL,
							id[k], &ctx[k]);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, auxdev[k]);
		group = iommu_group_get(&auxdev[k]->dev);
		KUNIT_ASSERT_NOT_NULL(test, group);
		group_id[k] = iommu_group_id(group);
		iommu_group_put(group);
	}
}

/*
 * Removing a child releases its IOMMU group: 100 create/remove cycles of
 * both kinds of child, with the same names, keep one group per child on
 * the bus and end with the number of groups they started with.  Then the
 * DT nodes' reference counts are back, and a new pair gets the group IDs
 * of the first, which only happens if every release really freed them.
 * Each check follows the removal it tests, with no wait: the releases run
 * when the last reference goes, unless CONFIG_DEBUG_KOBJECT_RELEASE
 * delays them on purpose.
 */
static void auxdma_test_create_remove_cycles(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx[2] = {
		{ .mode = AUXILIARY_DMA_OF_NODE },
		{ .mode = AUXILIARY_DMA_OF_ID, .input_id = 1 },
	};
	const int id[2] = { auxdma_new_id(), auxdma_new_id() };
	struct auxiliary_device *auxdev[2];
	int first_group[2], group_id[2];
	unsigned int refs, parent_refs;
	unsigned long before;
	int i;

	if (IS_ENABLED(CONFIG_DEBUG_KOBJECT_RELEASE))
		kunit_skip(test, "CONFIG_DEBUG_KOBJECT_RELEASE delays every release");

	auxdma_setup(env);
	ctx[0].np = env->block_np[0];
	before = auxdma_count_groups();
	refs = auxdma_np_refs(ctx[0].np);
	parent_refs = auxdma_np_refs(env->parent_np);

	for (i = 0; i < 100; i++) {
		auxdma_create_pair(env, ctx, auxdev, group_id, id);
		if (i == 0)
			memcpy(first_group, group_id, sizeof(first_group));
		KUNIT_EXPECT_EQ(test, auxdma_count_groups(), before + 2);
		auxiliary_device_destroy(auxdev[1]);
		auxiliary_device_destroy(auxdev[0]);
	}
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), before);
	KUNIT_EXPECT_EQ(test, auxdma_np_refs(ctx[0].np), refs);
	KUNIT_EXPECT_EQ(test, auxdma_np_refs(env->parent_np), parent_refs);

	auxdma_create_pair(env, ctx, auxdev, group_id, id);
	auxiliary_device_destroy(auxdev[1]);
	auxiliary_device_destroy(auxdev[0]);
	KUNIT_EXPECT_EQ(test, group_id[0], first_group[0]);
	KUNIT_EXPECT_EQ(test, group_id[1], first_group[1]);
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
	b = auxiliary_device_create_dma(&env->vpu[1].pdev->dev, "unbound", NULL,
					auxdma_new_id(), &ctx1);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, b);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_destroy, b));

	KUNIT_EXPECT_STRNEQ(test, dev_name(&a->dev), dev_name(&b->dev));
	KUNIT_EXPECT_TRUE(test, device_is_registered(&a->dev));
	KUNIT_EXPECT_TRUE(test, device_is_registered(&b->dev));
	KUNIT_EXPECT_PTR_NE(test, auxdma_group(test, &a->dev), auxdma_group(test, &b->dev));
}

/*
 * The three-step API for drivers that embed the auxiliary device: the DMA
 * context is declared between init and add, and refused after add.
 */
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
 * The instance ID is the caller's, as for auxiliary_device_create(): one
 * whose name another auxiliary device has fails with device_add()'s
 * -EEXIST, and leaves the block's node free for the next try.
 */
static void auxdma_test_name_clash(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_NODE };
	struct auxiliary_device *auxdev, *taken;
	int id = auxdma_new_id();

	auxdma_setup(env);
	ctx.np = env->block_np[0];
	taken = auxiliary_device_create(&env->parent->dev, KBUILD_MODNAME, "clash", NULL, id);
	KUNIT_ASSERT_NOT_NULL(test, taken);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_destroy, taken));

	auxdev = auxiliary_device_create_dma(&env->parent->dev, "clash", NULL, id, &ctx);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(auxdev), -EEXIST);
	if (!IS_ERR(auxdev))
		auxiliary_device_destroy(auxdev);

	auxdev = auxiliary_device_create_dma(&env->parent->dev, "clash", NULL,
					     auxdma_new_id(), &ctx);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, auxdev);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_destroy, auxdev));
	auxdma_group(test, &auxdev->dev);
}

/*
 * A parent driver that creates its children managed by devres in probe
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

		auxdev = auxdma_devm_create(&pdev->dev, "block", &ctx);
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
 * A child whose IOMMU has not probed yet is not made: its creation fails
 * with -EPROBE_DEFER and leaves nothing registered, so that its creator
 * defers before registering any child.  Once the IOMMU's driver has bound,
 * the same creation makes the child, in the IOMMU's group, with its driver.
 */
static void auxdma_test_defers_until_iommu(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_NODE };
	struct auxiliary_device *auxdev;
	u32 phandle = auxdma_mock_node(env);
	unsigned int refs;
	struct device *dev;

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", phandle, false);
	auxdma_apply(env);

	ctx.np = env->block_np[0];
	refs = auxdma_np_refs(ctx.np);
	auxdev = auxiliary_device_create_dma(&env->parent->dev, "block", NULL,
					     auxdma_new_id(), &ctx);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(auxdev), -EPROBE_DEFER);
	if (!IS_ERR(auxdev))
		auxiliary_device_destroy(auxdev);
	dev = auxdma_find_aux(KBUILD_MODNAME ".block.");
	KUNIT_EXPECT_NULL(test, dev);
	put_device(dev);
	KUNIT_EXPECT_EQ(test, auxdma_np_refs(ctx.np), refs);

	auxdma_mock_register(test, false);
	auxdev = auxdma_create_node(env, "block", 0);
	KUNIT_EXPECT_NOT_NULL(test, auxdev->dev.iommu_group);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(&auxdev->dev),
			    &auxdma_mock_identity);
	KUNIT_EXPECT_NOT_NULL(test, auxdev->dev.driver);
}

/*
 * A block's DT node has one device at a time: while a child holds it, the
 * node is marked populated, so that of_platform_populate() makes no
 * platform device of it (two masters with one stream ID), and a second
 * declaration of the node is refused.  Removing the child frees the node.
 */
static void auxdma_test_node_claimed(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_NODE };
	struct auxiliary_device *first, *second;
	u64 mark;

	auxdma_setup(env);
	ctx.np = env->block_np[0];
	KUNIT_EXPECT_FALSE(test, of_node_check_flag(ctx.np, OF_POPULATED));
	first = auxdma_create(env, "block", &ctx);
	KUNIT_EXPECT_TRUE(test, of_node_check_flag(ctx.np, OF_POPULATED));

	mark = auxdma_log_mark();
	second = auxiliary_device_create_dma(&env->parent->dev, "block", NULL,
					     auxdma_new_id(), &ctx);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(second), -EBUSY);
	if (!IS_ERR(second))
		auxiliary_device_destroy(second);
	KUNIT_EXPECT_TRUE(test, auxdma_log_has(test, mark, dev_name(&env->parent->dev),
					       "already has a device"));
	KUNIT_EXPECT_TRUE(test, of_node_check_flag(ctx.np, OF_POPULATED));

	kunit_release_action(test, auxdma_destroy, first);
	KUNIT_EXPECT_FALSE(test, of_node_check_flag(ctx.np, OF_POPULATED));
}

/*
 * A declaration that fails once it has begun (here at a node that another
 * device claimed) leaves the device as its creator made it: the DMA mask
 * and parameters the creator set stay, and no context is left.
 */
static void auxdma_test_failed_declaration_keeps_device(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_NODE };
	struct device_dma_parameters parms = {};
	struct auxiliary_device *auxdev;
	u64 mask = DMA_BIT_MASK(40);

	auxdma_setup(env);
	ctx.np = env->block_np[0];
	auxdma_create(env, "block", &ctx);

	auxdev = auxdma_embedded_init(env, "kept");
	auxdev->dev.dma_mask = &mask;
	auxdev->dev.dma_parms = &parms;
	KUNIT_EXPECT_EQ(test, auxiliary_device_set_dma_context(auxdev, &ctx), -EBUSY);
	KUNIT_EXPECT_PTR_EQ(test, auxdev->dev.dma_mask, &mask);
	KUNIT_EXPECT_PTR_EQ(test, auxdev->dev.dma_parms, &parms);
	KUNIT_EXPECT_NULL(test, auxdev->dma);
	auxdev->dev.dma_mask = NULL;
	auxdev->dev.dma_parms = NULL;
	auxiliary_device_uninit(auxdev);
}

/* Give block @block of the parent "iommu-ranges": 16 MiB to 256 MiB */
static void auxdma_add_ranges(struct auxdma_env *env, int block)
{
	const u32 ranges[] = { 0, 0x1000000, 0, 0xf000000 };

	KUNIT_ASSERT_EQ(env->test, 0,
			of_changeset_add_prop_u32_array(&env->ocs, env->block_np[block],
							"iommu-ranges", ranges,
							ARRAY_SIZE(ranges)));
}

/* The members of @dev's IOMMU group */
static unsigned int auxdma_group_members(struct kunit *test, struct device *dev)
{
	struct iommu_group *group = auxdma_group(test, dev);
	unsigned int n = 0;

	iommu_group_for_each_dev(group, &n, auxdma_count_dev);
	return n;
}

/*
 * An IOMMU that puts two blocks in one group, as arm-smmu does for masters
 * that share a stream-match entry: blocks without "iommu-ranges" share it
 * and both bind, exactly as platform devices would.
 */
static void auxdma_test_shared_group_without_ranges(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *first, *second;
	u32 phandle = auxdma_mock_node(env);

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", phandle, false);
	auxdma_apply(env);
	auxdma_mock_register(test, true);

	first = auxdma_create_node(env, "block", 0);
	second = auxdma_create_node(env, "block", 1);
	KUNIT_EXPECT_NOT_NULL(test, first->dev.driver);
	KUNIT_EXPECT_NOT_NULL(test, second->dev.driver);
	KUNIT_EXPECT_PTR_EQ(test, first->dev.iommu_group, second->dev.iommu_group);
	KUNIT_EXPECT_EQ(test, auxdma_group_members(test, &first->dev), 2);
}

/*
 * A block node without "iommus" (fastrpc's bank on MSM8916 has none) is a DMA
 * master without an IOMMU, as a platform device made from it would be: it
 * binds, with no group, and the DMA API maps its buffers at their physical
 * address.
 */
static void auxdma_test_node_without_iommus(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *auxdev;
	dma_addr_t dma;
	void *buf;

	auxdma_ocs_init(env);
	env->vpu[0].block_iommu[0] = AUXDMA_NO_IOMMUS;
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, true);
	auxdma_apply(env);

	auxdev = auxdma_create_node(env, "block", 0);
	KUNIT_EXPECT_NOT_NULL(test, auxdev->dev.driver);
	KUNIT_EXPECT_NULL(test, auxdev->dev.iommu_group);
	KUNIT_EXPECT_FALSE(test, dev_dma_iommu(&auxdev->dev));

	buf = kunit_kmalloc(test, 256, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	dma = dma_map_single(&auxdev->dev, buf, 256, DMA_TO_DEVICE);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(&auxdev->dev, dma));
	KUNIT_EXPECT_EQ(test, dma, phys_to_dma(&auxdev->dev, virt_to_phys(buf)));
	dma_unmap_single(&auxdev->dev, dma, 256, DMA_TO_DEVICE);
}

/*
 * A block whose stream ID its IOMMU refuses, and whose IOVA nothing limits,
 * does DMA without the IOMMU, as a platform device from its node would (the
 * IOMMU's error is no reason to fail there), with a warning.
 */
static void auxdma_test_refused_without_ranges(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *auxdev;

	auxdma_ocs_init(env);
	env->vpu[0].block_sid[0] = SID_BAD;
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, true);
	auxdma_apply(env);

	auxdev = auxdma_create_node(env, "block", 0);
	KUNIT_EXPECT_NOT_NULL(test, auxdev->dev.driver);
	KUNIT_EXPECT_NULL(test, auxdev->dev.iommu_group);
	KUNIT_EXPECT_FALSE(test, dev_dma_iommu(&auxdev->dev));
}

/*
 * The same IOMMU, and a block with "iommu-ranges" that would join the group:
 * the IOMMU core refuses it when it probes it, and again when a driver would
 * bind, so the block stays without a group and without a driver, and the
 * group keeps its one member.
 */
static void auxdma_test_shared_group_ranges_refused(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *first, *second;
	u32 phandle = auxdma_mock_node(env);
	u64 mark;

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", phandle, false);
	auxdma_add_ranges(env, 1);
	auxdma_apply(env);
	auxdma_mock_register(test, true);

	first = auxdma_create_node(env, "block", 0);
	KUNIT_EXPECT_NOT_NULL(test, first->dev.driver);
	mark = auxdma_log_mark();
	second = auxdma_create_node(env, "block", 1);
	KUNIT_EXPECT_NULL(test, second->dev.iommu_group);
	KUNIT_EXPECT_NULL(test, second->dev.driver);
	KUNIT_EXPECT_EQ(test, auxdma_group_members(test, &first->dev), 1);
	KUNIT_EXPECT_TRUE(test, auxdma_log_has(test, mark, dev_name(&second->dev),
					       "cannot join IOMMU group"));
	KUNIT_EXPECT_TRUE(test, auxdma_log_has(test, mark, dev_name(&second->dev),
					       "the IOMMU did not take its DMA context"));
}

/*
 * An IOMMU whose driver only gives identity domains, as a driver's
 * def_domain_type() may: a block with "iommu-ranges" would get dma-direct,
 * with no limit at all, so the IOMMU core refuses it and no driver binds.
 */
static void auxdma_test_identity_ranges_refused(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *auxdev, *plain;
	u32 phandle = auxdma_mock_node(env);
	u64 mark;

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", phandle, false);
	auxdma_add_ranges(env, 0);
	auxdma_apply(env);
	auxdma_mock_register(test, false);

	mark = auxdma_log_mark();
	auxdev = auxdma_create_node(env, "block", 0);
	KUNIT_EXPECT_NULL(test, auxdev->dev.iommu_group);
	KUNIT_EXPECT_NULL(test, auxdev->dev.driver);
	KUNIT_EXPECT_TRUE(test, auxdma_log_has(test, mark, dev_name(&auxdev->dev),
					       "would give it a Passthrough domain"));

	/* A block without ranges takes the identity domain and binds */
	plain = auxdma_create_node(env, "block", 1);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(&plain->dev),
			    &auxdma_mock_identity);
	KUNIT_EXPECT_NOT_NULL(test, plain->dev.driver);
}

static struct kunit_case auxdma_test_cases[] = {
	KUNIT_CASE(auxdma_test_legacy_device_unchanged),
	KUNIT_CASE(auxdma_test_of_node_own_contexts),
	KUNIT_CASE(auxdma_test_of_id_own_contexts),
	KUNIT_CASE(auxdma_test_of_node_map_single),
	KUNIT_CASE(auxdma_test_of_id_map_single),
	KUNIT_CASE(auxdma_test_of_node_map_sg),
	KUNIT_CASE(auxdma_test_create_remove_cycles),
	KUNIT_CASE(auxdma_test_bind_pairs_configure_cleanup),
	KUNIT_CASE(auxdma_test_driver_managed_dma),
	KUNIT_CASE(auxdma_test_names_unique),
	KUNIT_CASE(auxdma_test_three_step),
	KUNIT_CASE(auxdma_test_three_step_redeclare),
	KUNIT_CASE(auxdma_test_declare_uninit),
	KUNIT_CASE(auxdma_test_name_clash),
	KUNIT_CASE(auxdma_test_devm_children),
	KUNIT_CASE(auxdma_test_defers_until_iommu),
	KUNIT_CASE(auxdma_test_node_claimed),
	KUNIT_CASE(auxdma_test_failed_declaration_keeps_device),
	KUNIT_CASE(auxdma_test_shared_group_without_ranges),
	KUNIT_CASE(auxdma_test_node_without_iommus),
	KUNIT_CASE(auxdma_test_refused_without_ranges),
	KUNIT_CASE(auxdma_test_shared_group_ranges_refused),
	KUNIT_CASE(auxdma_test_identity_ranges_refused),
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

kunit_test_suites(&auxdma_test_suite);
