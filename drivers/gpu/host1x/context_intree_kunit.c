// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit test: host1x's memory contexts on every host1x node of Linux's
 * arm64 DTS
 *
 * context_intree_kunit.h, written by tools/intree-dt.py, has each node
 * that host1x drives: its "iommus" and every "iommu-map" entry (input ID,
 * which IOMMU, stream ID, length).  The test builds each node in turn
 * under the root, with of_changeset, its stream IDs on the system's SMMUv3
 * (QEMU's "virt" machine with "iommu=smmuv3"; it skips elsewhere and says
 * why), and makes its contexts with host1x_memory_context_list_init(), as
 * host1x's probe does.  Tegra234 maps its contexts through two SMMUs, with
 * the same stream IDs on each: on the one SMMUv3, the n-th IOMMU of a node
 * has its stream IDs at HOST1X_INTREE_SID_BASE + n * 0x1000 up, so that
 * each (IOMMU, stream ID) pair stays apart.
 *
 * Linux 7.3 made one context per input ID that "iommu-map" covers, each
 * with its own IOMMU context, or failed host1x's probe; a context that is
 * not made, not bound, or not mapped by its stream ID is lost against it.
 */

#include <kunit/test.h>
#include <linux/auxiliary_bus.h>
#include <linux/host1x.h>
#include <linux/iommu.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>

#include "context.h"
#include "dev.h"

#define HOST1X_INTREE_SID_BASE	0x4000	/* apart from the other suites' */
#define HOST1X_INTREE_MAX_MAP	16

struct host1x_intree_id {
	unsigned int iommu;
	u32 sid;
};

struct host1x_intree_map {
	u32 input;
	unsigned int iommu;
	u32 sid, length;
};

struct host1x_intree_node {
	const char *soc, *compatible;
	unsigned int nids;
	struct host1x_intree_id ids[1];
	unsigned int nmap;
	struct host1x_intree_map map[HOST1X_INTREE_MAX_MAP];
};

#include "context_intree_kunit.h"

struct host1x_intree_env {
	struct device_node *smmu_np;
	struct of_changeset ocs;
	bool built;
	bool applied;
	struct platform_device *pdev;
	struct host1x host;
};

/* The SMMUv3 stream ID that stands for @sid of a node's IOMMU @iommu */
static u32 host1x_intree_sid(unsigned int iommu, u32 sid)
{
	return HOST1X_INTREE_SID_BASE + iommu * 0x1000 + sid;
}

static int host1x_intree_test_init(struct kunit *test)
{
	struct host1x_intree_env *env;
	struct platform_device *smmu;

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

/* Take down the contexts and the node; each step a no-op if not done */
static void host1x_intree_teardown(struct host1x_intree_env *env)
{
	host1x_memory_context_list_free(&env->host.context_list);
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

static void host1x_intree_test_exit(struct kunit *test)
{
	struct host1x_intree_env *env = test->priv;

	if (!env)
		return;
	host1x_intree_teardown(env);
	of_node_put(env->smmu_np);
}

/* @node under the root, and the platform device that stands for host1x */
static void host1x_intree_build(struct kunit *test, const struct host1x_intree_node *node,
				unsigned int n)
{
	struct host1x_intree_env *env = test->priv;
	struct of_changeset *ocs = &env->ocs;
	u32 smmu = env->smmu_np->phandle;
	u32 own[2], map[4 * HOST1X_INTREE_MAX_MAP];
	struct device_node *np;
	unsigned int i;
	char name[32];

	of_changeset_init(ocs);
	env->built = true;
	snprintf(name, sizeof(name), "kunit-host1x-intree-%u", n);
	np = of_changeset_create_node(ocs, of_root, name);
	KUNIT_ASSERT_NOT_NULL(test, np);
	of_node_put(np);	/* the changeset holds a reference */
	/* Not host1x's compatible: the host1x driver needs the real hardware */
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, np, "compatible",
							      "test,host1x-intree"));
	if (node->nids) {
		own[0] = smmu;
		own[1] = host1x_intree_sid(node->ids[0].iommu, node->ids[0].sid);
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(ocs, np, "iommus", own,
									 ARRAY_SIZE(own)));
	}
	for (i = 0; i < node->nmap; i++) {
		map[4 * i] = node->map[i].input;
		map[4 * i + 1] = smmu;
		map[4 * i + 2] = host1x_intree_sid(node->map[i].iommu, node->map[i].sid);
		map[4 * i + 3] = node->map[i].length;
	}
	if (node->nmap)
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(ocs, np, "iommu-map", map,
									 4 * node->nmap));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_apply(ocs));
	env->applied = true;

	env->pdev = of_find_device_by_node(np);
	KUNIT_ASSERT_NOT_NULL_MSG(test, env->pdev, "no platform device for %pOF", np);
	memset(&env->host, 0, sizeof(env->host));
	env->host.dev = &env->pdev->dev;
}

/* The stream ID that 7.3 gave the context of input ID @input, or 0 */
static u32 host1x_intree_expected_sid(const struct host1x_intree_node *node, u32 input)
{
	unsigned int i;

	for (i = 0; i < node->nmap; i++)
		if (input >= node->map[i].input &&
		    input - node->map[i].input < node->map[i].length)
			return host1x_intree_sid(node->map[i].iommu,
						 node->map[i].sid + input - node->map[i].input);
	return 0;
}

/*
 * Every in-tree host1x node gets the contexts that 7.3 made of it: one
 * bound context per input ID that "iommu-map" covers, each in a group of
 * its own, with the stream ID that the map gives it.
 */
static void host1x_intree_test_nodes(struct kunit *test)
{
	struct host1x_intree_env *env = test->priv;
	struct host1x_memory_context_list *cdl = &env->host.context_list;
	unsigned int i, j, want = 0, made = 0, bound = 0, mapped = 0;

	for (i = 0; i < ARRAY_SIZE(host1x_intree_nodes); i++) {
		const struct host1x_intree_node *node = &host1x_intree_nodes[i];
		unsigned int contexts = 0, ok = 0;
		int err;

		for (j = 0; j < node->nmap; j++)
			contexts += node->map[j].length;
		want += contexts;
		mapped += !!node->nmap;

		host1x_intree_build(test, node, i);
		err = host1x_memory_context_list_init(&env->host);
		KUNIT_EXPECT_EQ_MSG(test, err, 0, "%s: host1x (%s)", node->soc, node->compatible);
		made += cdl->len;
		for (j = 0; !err && j < cdl->len; j++) {
			struct host1x_memory_context *ctx = cdl->devs[j];
			struct iommu_group *group = iommu_group_get(&ctx->adev.dev);

			if (ctx->bound && group && device_iommu_mapped(&ctx->adev.dev) &&
			    ctx->stream_id == host1x_intree_expected_sid(node, ctx->adev.id))
				ok++;
			iommu_group_put(group);
		}
		bound += ok;
		KUNIT_EXPECT_EQ_MSG(test, ok, contexts, "%s: host1x (%s): contexts as in 7.3",
				    node->soc, node->compatible);
		host1x_intree_teardown(env);
	}

	kunit_info(test, "in-tree DT: host1x: %zu SoCs, %u with an iommu-map, %u contexts made, %u bound with their stream ID, %u lost against v7.3\n",
		   ARRAY_SIZE(host1x_intree_nodes), mapped, made, bound, want - bound);
}

static struct kunit_case host1x_intree_cases[] = {
	KUNIT_CASE(host1x_intree_test_nodes),
	{}
};

static struct kunit_suite host1x_intree_suite = {
	.name = "host1x_intree_dt",
	.init = host1x_intree_test_init,
	.exit = host1x_intree_test_exit,
	.test_cases = host1x_intree_cases,
};

kunit_test_suite(host1x_intree_suite);
