// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit test: iris's DMA set-up on every iris node of Linux's arm64 DTS
 *
 * iris_intree_kunit.h, written by tools/intree-dt.py, has each node that
 * iris drives: its "iommus", "dma-ranges" and sub-nodes, and each context
 * bank sub-node's "iommus" and "iommu-ranges".  The test builds each node
 * in turn under the root, with of_changeset, its stream IDs on the
 * system's SMMUv3 (QEMU's "virt" machine with "iommu=smmuv3"; it skips
 * elsewhere and says why), and runs iris's DMA set-up, iris_init_dma(),
 * with the platform data that iris's match table gives the node's
 * compatible.  An SMMUv3 has no stream ID masks: each entry's mask is left
 * out, which changes nothing for one device that has every ID.
 *
 * A node in the old form (every stream ID in iris's own "iommus", no
 * "non-pixel" or "pixel" sub-node) must take Linux 7.3's path: no bank
 * device, every stream ID on iris, and IOVA [0, 600 MiB) allocated away.
 * A node with context bank sub-nodes must get a bound bank device per
 * sub-node, with the sub-node's stream IDs, and no group on iris.  A node
 * that does neither is lost against 7.3, where every node of the tree gets
 * its DMA set up.
 */

#include <kunit/test.h>
#include <linux/auxiliary_bus.h>
#include <linux/iommu.h>
#include <linux/mod_devicetable.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>

#include "iris_context_bank.h"
#include "iris_core.h"
#include "iris_platform_common.h"

#define IRIS_INTREE_MAX_IDS	4

struct iris_intree_id {
	u32 sid, mask;
};

struct iris_intree_bank {
	const char *name;
	bool okay;
	unsigned int nids;
	struct iris_intree_id ids[2];
	unsigned int nranges;
	u32 ranges[4];
};

struct iris_intree_node {
	const char *soc, *compatible;
	unsigned int nids;
	struct iris_intree_id ids[IRIS_INTREE_MAX_IDS];
	u32 address_cells, size_cells;	/* 0: none */
	unsigned int ndma_ranges;
	u32 dma_ranges[8];
	const char *children[2];	/* the sub-nodes that are not banks */
	unsigned int nbanks;
	struct iris_intree_bank banks[IRIS_CB_MAX];
};

#include "iris_intree_kunit.h"

struct iris_intree_env {
	struct device_node *smmu_np;
	const struct of_device_id *match;	/* iris's match table */
	struct of_changeset ocs;
	bool built;
	bool applied;
	struct platform_device *pdev;
	struct iris_core core;
	bool dma_init;
};

static int iris_intree_test_init(struct kunit *test)
{
	struct iris_intree_env *env;
	struct platform_device *smmu;
	struct device_driver *drv;

	env = kunit_kzalloc(test, sizeof(*env), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, env);
	test->priv = env;

	drv = driver_find("qcom-iris", &platform_bus_type);
	KUNIT_ASSERT_NOT_NULL_MSG(test, drv, "iris's driver is not registered");
	env->match = drv->of_match_table;

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

/* Take down what iris_intree_build() and iris_init_dma() made */
static void iris_intree_teardown(struct iris_intree_env *env)
{
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

static void iris_intree_test_exit(struct kunit *test)
{
	struct iris_intree_env *env = test->priv;

	if (!env)
		return;
	iris_intree_teardown(env);
	of_node_put(env->smmu_np);
}

static int iris_intree_add_iommus(struct iris_intree_env *env, struct device_node *np,
				  const struct iris_intree_id *ids, unsigned int nids)
{
	u32 cells[2 * IRIS_INTREE_MAX_IDS];
	unsigned int i;

	if (!nids)
		return 0;
	for (i = 0; i < nids; i++) {
		cells[2 * i] = env->smmu_np->phandle;
		cells[2 * i + 1] = ids[i].sid;
	}
	return of_changeset_add_prop_u32_array(&env->ocs, np, "iommus", cells, 2 * nids);
}

/* @node under the root, its platform device, and a struct iris_core on it */
static struct iris_core *iris_intree_build(struct kunit *test, const struct iris_intree_node *node,
					   unsigned int n)
{
	struct iris_intree_env *env = test->priv;
	struct of_changeset *ocs = &env->ocs;
	const struct of_device_id *m;
	struct device_node *np, *cb;
	unsigned int i;
	char name[32];

	of_changeset_init(ocs);
	env->built = true;
	snprintf(name, sizeof(name), "kunit-iris-intree-%u", n);
	np = of_changeset_create_node(ocs, of_root, name);
	KUNIT_ASSERT_NOT_NULL(test, np);
	of_node_put(np);	/* the changeset holds a reference */
	/* Not iris's compatible: the iris driver needs the real hardware */
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, np, "compatible",
							      "test,iris-intree"));
	KUNIT_ASSERT_EQ(test, 0, iris_intree_add_iommus(env, np, node->ids, node->nids));
	if (node->address_cells)
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(ocs, np, "#address-cells",
								   node->address_cells));
	if (node->size_cells)
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(ocs, np, "#size-cells",
								   node->size_cells));
	if (node->ndma_ranges)
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(ocs, np, "dma-ranges",
									 node->dma_ranges,
									 node->ndma_ranges));

	/* In reverse: of_changeset makes each node its parent's first child */
	for (i = node->nbanks; i-- > 0;) {
		const struct iris_intree_bank *bank = &node->banks[i];

		cb = of_changeset_create_node(ocs, np, bank->name);
		KUNIT_ASSERT_NOT_NULL(test, cb);
		of_node_put(cb);
		KUNIT_ASSERT_EQ(test, 0, iris_intree_add_iommus(env, cb, bank->ids, bank->nids));
		if (bank->nranges)
			KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(ocs, cb,
										 "iommu-ranges",
										 bank->ranges,
										 bank->nranges));
		if (!bank->okay)
			KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, cb, "status",
									      "disabled"));
	}
	for (i = ARRAY_SIZE(node->children); i-- > 0;) {
		if (!node->children[i])
			continue;
		cb = of_changeset_create_node(ocs, np, node->children[i]);
		KUNIT_ASSERT_NOT_NULL(test, cb);
		of_node_put(cb);
	}

	KUNIT_ASSERT_EQ(test, 0, of_changeset_apply(ocs));
	env->applied = true;
	env->pdev = of_find_device_by_node(np);
	KUNIT_ASSERT_NOT_NULL_MSG(test, env->pdev, "no platform device for %pOF", np);

	memset(&env->core, 0, sizeof(env->core));
	env->core.dev = &env->pdev->dev;
	for (m = env->match; m->compatible[0]; m++)
		if (!strcmp(m->compatible, node->compatible))
			env->core.iris_platform_data = m->data;
	KUNIT_ASSERT_NOT_NULL_MSG(test, env->core.iris_platform_data,
				  "%s: iris's match table has no %s", node->soc, node->compatible);
	return &env->core;
}

/* Do @dev's stream IDs, in order, equal @ids? */
static bool iris_intree_has_ids(struct device *dev, const struct iris_intree_id *ids,
				unsigned int nids)
{
	struct iommu_fwspec *fwspec = dev_iommu_fwspec_get(dev);
	unsigned int i;

	if (!fwspec || fwspec->num_ids != nids)
		return false;
	for (i = 0; i < nids; i++)
		if (fwspec->ids[i] != ids[i].sid)
			return false;
	return true;
}

/* Did iris_init_dma() give @node what 7.3 gave it, or its banks? */
static bool iris_intree_check(struct kunit *test, const struct iris_intree_node *node,
			      struct iris_core *core, unsigned int *banks)
{
	struct iommu_group *group = iommu_group_get(core->dev);
	bool ok = true;
	unsigned int i;

	if (!node->nbanks) {
		ok &= !iris_has_context_banks(core) && core->iova_state &&
		      group && iris_intree_has_ids(core->dev, node->ids, node->nids);
		iommu_group_put(group);
		return ok;
	}

	ok &= iris_has_context_banks(core) && !group;
	iommu_group_put(group);
	for (i = 0; ok && i < node->nbanks; i++) {
		const struct iris_intree_bank *bank = &node->banks[i];
		struct device *dev = NULL;
		unsigned int id;

		for (id = 0; id < IRIS_CB_MAX; id++)
			if (of_node_name_eq(iris_context_bank_dev(core, id)->of_node, bank->name))
				dev = iris_context_bank_dev(core, id);
		ok &= dev && device_is_bound(dev) && device_iommu_mapped(dev) &&
		      iris_intree_has_ids(dev, bank->ids, bank->nids);
		*banks += ok;
	}
	return ok;
}

/*
 * Every in-tree iris node gets its DMA set up: in the old form as 7.3 did,
 * with context bank sub-nodes one bound bank device per sub-node.
 */
static void iris_intree_test_nodes(struct kunit *test)
{
	struct iris_intree_env *env = test->priv;
	unsigned int i, old = 0, banks = 0, lost = 0;
	const char *soc = NULL;
	unsigned int socs = 0;

	for (i = 0; i < ARRAY_SIZE(iris_intree_nodes); i++) {
		const struct iris_intree_node *node = &iris_intree_nodes[i];
		struct iris_core *core;
		int ret;

		socs += !soc || strcmp(soc, node->soc);
		soc = node->soc;
		old += !node->nbanks;

		core = iris_intree_build(test, node, i);
		ret = iris_init_dma(core);
		env->dma_init = !ret;
		if (!ret)
			ret = dma_set_mask_and_coherent(core->dev,
							core->iris_platform_data->dma_mask);
		if (ret || !iris_intree_check(test, node, core, &banks)) {
			KUNIT_FAIL(test, "%s: iris (%s, %s): DMA set-up %d, not what 7.3 gave it",
				   node->soc, node->compatible,
				   node->nbanks ? "context banks" : "old form", ret);
			lost++;
		}
		iris_intree_teardown(env);
	}

	kunit_info(test, "in-tree DT: iris: %u SoCs, %zu nodes (%u in the old form, %zu with context banks), %u banks bound, %u lost against v7.3\n",
		   socs, ARRAY_SIZE(iris_intree_nodes), old,
		   ARRAY_SIZE(iris_intree_nodes) - old, banks, lost);
}

static struct kunit_case iris_intree_cases[] = {
	KUNIT_CASE(iris_intree_test_nodes),
	{}
};

static struct kunit_suite iris_intree_suite = {
	.name = "iris_intree_dt",
	.init = iris_intree_test_init,
	.exit = iris_intree_test_exit,
	.test_cases = iris_intree_cases,
};

kunit_test_suite(iris_intree_suite);
