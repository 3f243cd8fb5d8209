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
#include <kunit/static_stub.h>
#include <linux/delay.h>
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

/* Create one child of each kind; note their group IDs and instance IDs */
static void auxdma_create_pair(struct auxdma_env *env,
			       const struct auxiliary_dma_context ctx[2],
			       struct auxiliary_device *auxdev[2], int group_id[2], int id[2])
{
	struct kunit *test = env->test;
	struct iommu_group *group;
	int k;

	for (k = 0; k < 2; k++) {
		auxdev[k] = auxiliary_device_create_dma(&env->parent->dev, "block", NULL,
							&ctx[k]);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, auxdev[k]);
		group = iommu_group_get(&auxdev[k]->dev);
		KUNIT_ASSERT_NOT_NULL(test, group);
		group_id[k] = iommu_group_id(group);
		id[k] = auxdev[k]->id;
		iommu_group_put(group);
	}
}

/*
 * Removing a child releases its IOMMU group: 100 create/remove cycles of
 * both kinds of child keep one group per child on the bus and end with the
 * number of groups they started with.  Then the DT nodes' reference counts
 * come back, and a new pair of children gets the group IDs and the
 * instance IDs of the first, which only happens if every release really
 * freed them.  Releases may run late (with CONFIG_DEBUG_KOBJECT_RELEASE,
 * up to four seconds after the last reference goes, twice for a group), so
 * both steps wait: for up to ten seconds, and for about 25 seconds.
 */
static void auxdma_test_create_remove_cycles(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx[2] = {
		{ .mode = AUXILIARY_DMA_OF_NODE },
		{ .mode = AUXILIARY_DMA_OF_ID, .input_id = 1 },
	};
	struct auxiliary_device *auxdev[2];
	int first_group[2], first_id[2], group_id[2], id[2];
	unsigned long before, deadline;
	unsigned int refs, parent_refs, delay;
	int i;

	auxdma_setup(env);
	ctx[0].np = env->block_np[0];
	before = auxdma_count_groups();
	refs = auxdma_np_refs(ctx[0].np);
	parent_refs = auxdma_np_refs(env->parent_np);

	for (i = 0; i < 100; i++) {
		auxdma_create_pair(env, ctx, auxdev, group_id, id);
		if (i == 0) {
			memcpy(first_group, group_id, sizeof(first_group));
			memcpy(first_id, id, sizeof(first_id));
		}
		KUNIT_EXPECT_EQ(test, auxdma_count_groups(), before + 2);
		auxiliary_device_destroy(auxdev[1]);
		auxiliary_device_destroy(auxdev[0]);
	}
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), before);

	deadline = jiffies + 10 * HZ;
	while ((auxdma_np_refs(ctx[0].np) != refs ||
		auxdma_np_refs(env->parent_np) != parent_refs) &&
	       !time_after(jiffies, deadline))
		msleep(100);
	KUNIT_EXPECT_EQ(test, auxdma_np_refs(ctx[0].np), refs);
	KUNIT_EXPECT_EQ(test, auxdma_np_refs(env->parent_np), parent_refs);

	/*
	 * Each try's own children are released late too, and hold the IDs
	 * they took meanwhile: wait longer after each try.
	 */
	for (delay = 100; ; delay *= 2) {
		auxdma_create_pair(env, ctx, auxdev, group_id, id);
		auxiliary_device_destroy(auxdev[1]);
		auxiliary_device_destroy(auxdev[0]);
		if (!memcmp(group_id, first_group, sizeof(group_id)) &&
		    !memcmp(id, first_id, sizeof(id)))
			break;
		if (delay > 20000) {
			KUNIT_FAIL(test, "groups %d, %d, IDs %d, %d; first %d, %d, %d, %d",
				   group_id[0], group_id[1], id[0], id[1],
				   first_group[0], first_group[1], first_id[0], first_id[1]);
			break;
		}
		msleep(delay);
	}
}

/*
 * Creating @devname with @ctx under @env's parent fails with @err and
 * leaves nothing behind: no device of that name, no new group, no
 * reference on the declared node.
 */
static void auxdma_expect_create_fails(struct auxdma_env *env, const char *devname,
				       const struct auxiliary_dma_context *ctx, int err)
{
	struct kunit *test = env->test;
	unsigned long groups = auxdma_count_groups();
	unsigned int refs = ctx->np ? auxdma_np_refs(ctx->np) : 0;
	struct auxiliary_device *auxdev;
	struct device *dev;
	char prefix[64];

	auxdev = auxiliary_device_create_dma(&env->parent->dev, devname, NULL, ctx);
	KUNIT_EXPECT_EQ_MSG(test, PTR_ERR_OR_ZERO(auxdev), err, "%s: got %pe",
			    devname, auxdev);
	if (!IS_ERR(auxdev))
		auxiliary_device_destroy(auxdev);

	snprintf(prefix, sizeof(prefix), "%s.%s.", KBUILD_MODNAME, devname);
	dev = bus_find_device(&auxiliary_bus_type, NULL, prefix, auxdma_match_prefix);
	KUNIT_EXPECT_NULL_MSG(test, dev, "%s left behind", dev ? dev_name(dev) : "");
	put_device(dev);
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), groups);
	if (ctx->np)
		KUNIT_EXPECT_EQ(test, auxdma_np_refs(ctx->np), refs);
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
 * child and the child's driver binds.
 */
static void auxdma_test_defers_until_iommu(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *auxdev;
	u32 phandle = auxdma_mock_node(env);

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", phandle, false);
	auxdma_apply(env);

	auxdev = auxdma_create_node(env, "block", 0);
	KUNIT_EXPECT_NULL(test, auxdev->dev.iommu_group);
	KUNIT_EXPECT_NULL(test, auxdev->dev.driver);

	auxdma_mock_register(test, false);
	KUNIT_EXPECT_NOT_NULL(test, auxdev->dev.iommu_group);
	KUNIT_EXPECT_PTR_EQ(test, iommu_get_domain_for_dev(&auxdev->dev),
			    &auxdma_mock_identity);
	KUNIT_EXPECT_NOT_NULL(test, auxdev->dev.driver);
}

/*
 * A driver that binds while the IOMMU layer probes the device: between
 * of_iommu_configure() and the device's group, iommu_init_device() calls
 * the bus's .dma_configure with its lock dropped, so the device has a
 * fwspec and no group yet.  The stub binds "late" there, in the test's
 * thread: the bind must defer, and the device must bind once the probe is
 * done, without anybody asking again.
 */
struct auxdma_window {
	struct auxiliary_device *auxdev;
	unsigned int calls;
	bool no_group;		/* the window: a fwspec and no group */
	bool bound;		/* "late" bound in the window */
};

static struct auxdma_window auxdma_window;

static int auxdma_late_probe(struct auxiliary_device *auxdev,
			     const struct auxiliary_device_id *id)
{
	return 0;
}

static const struct auxiliary_device_id auxdma_late_ids[] = {
	{ .name = KBUILD_MODNAME ".late" },
	{ }
};

static struct auxiliary_driver auxdma_late_driver = {
	.name = "late",
	.probe = auxdma_late_probe,
	.id_table = auxdma_late_ids,
};

static void auxdma_late_unregister(void *unused)
{
	auxiliary_driver_unregister(&auxdma_late_driver);
}

static int auxdma_window_configure(struct device *dev)
{
	struct kunit *test = kunit_get_current_test();
	struct auxdma_window *w = &auxdma_window;
	int ret, err;

	kunit_deactivate_static_stub(test, auxiliary_dma_configure);
	w->calls++;
	KUNIT_EXPECT_PTR_EQ(test, dev, &w->auxdev->dev);
	KUNIT_EXPECT_NULL(test, dev->driver);

	ret = auxiliary_dma_configure(dev);
	w->no_group = !ret && dev_iommu_fwspec_get(dev) && !dev->iommu_group;

	err = auxiliary_driver_register(&auxdma_late_driver);
	if (!err)
		err = kunit_add_action_or_reset(test, auxdma_late_unregister, NULL);
	KUNIT_EXPECT_EQ(test, err, 0);
	w->bound = dev->driver;
	return ret;
}

static void auxdma_test_bind_while_iommu_probes(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxdma_window *w = &auxdma_window;
	struct auxiliary_device *auxdev;
	u32 phandle = auxdma_mock_node(env);

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", phandle, false);
	auxdma_apply(env);

	/* No driver matches "late" yet, so nothing defers before the window */
	memset(w, 0, sizeof(*w));
	auxdev = auxdma_create_node(env, "late", 0);
	w->auxdev = auxdev;

	kunit_activate_static_stub(test, auxiliary_dma_configure,
				   auxdma_window_configure);
	auxdma_mock_register(test, false);

	KUNIT_EXPECT_EQ(test, w->calls, 1);
	KUNIT_EXPECT_TRUE_MSG(test, w->no_group, "the stub did not run in the window");
	KUNIT_EXPECT_FALSE_MSG(test, w->bound, "bound without a group");
	KUNIT_EXPECT_NOT_NULL(test, auxdev->dev.iommu_group);
	KUNIT_EXPECT_PTR_EQ_MSG(test, auxdev->dev.driver, &auxdma_late_driver.driver,
				"the bind in the window did not defer");
}

/*
 * An IOMMU that puts two blocks in one group: the IOVA ranges and the
 * domain of a block would no longer be its own, so the second block is
 * refused when it is added, and nothing of it is left.
 */
static void auxdma_test_shared_group_refused(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_NODE };
	struct auxiliary_device *first;
	struct iommu_group *group;
	unsigned int n = 0;
	u32 phandle = auxdma_mock_node(env);

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", phandle, false);
	auxdma_apply(env);
	auxdma_mock_register(test, true);

	first = auxdma_create_node(env, "block", 0);
	group = auxdma_group(test, &first->dev);
	KUNIT_EXPECT_NOT_NULL(test, first->dev.driver);

	ctx.np = env->block_np[1];
	auxdma_expect_create_fails(env, "second", &ctx, -EBUSY);
	iommu_group_for_each_dev(group, &n, auxdma_count_dev);
	KUNIT_EXPECT_EQ(test, n, 1);
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
	KUNIT_CASE(auxdma_test_bind_while_iommu_probes),
	KUNIT_CASE(auxdma_test_shared_group_refused),
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
