// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for DMA contexts of auxiliary devices: the bad-input matrix.
 *
 * Each case gets one thing wrong, in the firmware or in the caller, and
 * expects one errno, one kernel log line that names the device and the
 * reason, and nothing left behind: no device, no IOMMU group, no reference
 * on a DT node, no name (a good device of the same name and instance ID can
 * be made) and no claim on a default domain.  On an SMMUv3,
 * with the DT fixture of auxiliary_dma_kunit_fixture.c.
 */

#include <kunit/platform_device.h>
#include <kunit/resource.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/platform_device.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include "auxiliary_dma_kunit.h"

/* Where the case fails */
enum auxdma_stage {
	AT_CREATE,	/* auxiliary_device_create_dma() */
	AT_ADDED,	/* auxiliary_device_set_dma_context() after add */
	AT_REDECLARE,	/* auxiliary_device_set_dma_context() a second time */
	AT_FWNODE,	/* auxiliary_device_set_dma_context() on a device with a node */
	AT_BIND,	/* the device is made; binding a driver fails */
};

/* Whom the log line names */
enum auxdma_who {
	BY_PARENT,	/* "<parent>: bad: ...", before the device has a name */
	BY_DEVICE,	/* "<modname>.bad.<id>: ...", once it has one */
	BY_NAME,	/* "auxiliary: bad: ...", when there is no parent */
	BY_NONE,	/* "auxiliary: (null): ...", when there is no name */
};

struct auxdma_bad;

struct auxdma_bad_case {
	const char *desc;
	enum auxdma_stage stage;
	int expected;
	enum auxdma_who who;
	const char *log;
	bool no_map;			/* the parent has no "iommus", no "iommu-map" */
	u32 block_iommu;		/* block 0's IOMMU phandle, if not the SMMU */
	u32 block_sid;			/* block 0's stream ID, if not its own */
	void (*dt)(struct auxdma_bad *b);	/* before the changeset is applied */
	void (*ctx)(struct auxdma_bad *b);	/* after: the declaration */
};

struct auxdma_bad {
	struct auxdma_env *env;
	struct device *parent;
	const char *devname;
	struct auxiliary_dma_context ctx, *pctx;
	struct auxiliary_driver *drv;	/* for AT_BIND */
};

/* DT edits */

static void auxdma_bad_prop(struct auxdma_bad *b, struct device_node *np,
			    const char *name, const u32 *cells, unsigned int n)
{
	KUNIT_ASSERT_EQ(b->env->test, 0,
			of_changeset_add_prop_u32_array(&b->env->ocs, np, name, cells, n));
}

static void auxdma_bad_iommus(struct auxdma_bad *b, u32 phandle, unsigned int n)
{
	u32 iommus[] = { phandle, SID_BASE + SID_BLOCK };

	auxdma_bad_prop(b, b->env->block_np[0], "iommus", iommus, n);
}

/* "iommus" naming the interrupt controller, which is no IOMMU */
static void dt_iommus_not_iommu(struct auxdma_bad *b)
{
	struct device_node *np = of_find_node_with_property(NULL, "interrupt-controller");
	u32 phandle = np ? np->phandle : 0;

	of_node_put(np);
	if (!phandle)
		kunit_skip(b->env->test, "no interrupt controller with a phandle");
	auxdma_bad_iommus(b, phandle, 2);
}

static void dt_iommus_no_cell(struct auxdma_bad *b)
{
	auxdma_bad_iommus(b, b->env->smmu_np->phandle, 1);
}

static void dt_iommus_no_node(struct auxdma_bad *b)
{
	auxdma_bad_iommus(b, MOCK_PHANDLE_BASE - 1, 2);
}

static void dt_disabled(struct auxdma_bad *b)
{
	KUNIT_ASSERT_EQ(b->env->test, 0,
			of_changeset_add_prop_string(&b->env->ocs, b->env->block_np[0],
						     "status", "disabled"));
}

static void auxdma_bad_map(struct auxdma_bad *b, u32 phandle, u32 len, unsigned int n)
{
	u32 map[] = { 0, phandle, SID_BASE + SID_MAP, len };

	auxdma_bad_prop(b, b->env->vpu[0].np, "iommu-map", map, n);
}

static void dt_map_zero_length(struct auxdma_bad *b)
{
	auxdma_bad_map(b, b->env->smmu_np->phandle, 0, 4);
}

static void dt_map_truncated(struct auxdma_bad *b)
{
	auxdma_bad_map(b, b->env->smmu_np->phandle, SID_MAP_LEN, 3);
}

static void dt_map_no_node(struct auxdma_bad *b)
{
	auxdma_bad_map(b, MOCK_PHANDLE_BASE - 1, SID_MAP_LEN, 4);
}

/* "iommu-ranges" of block 0, in 2 + 2 cells */
static void auxdma_bad_ranges(struct auxdma_bad *b, const u64 *v, unsigned int ncells)
{
	u32 cells[8];
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(cells) / 2; i++) {
		cells[2 * i] = upper_32_bits(v[i]);
		cells[2 * i + 1] = lower_32_bits(v[i]);
	}
	auxdma_bad_prop(b, b->env->block_np[0], "iommu-ranges", cells, ncells);
}

static void dt_ranges_good(struct auxdma_bad *b)
{
	const u64 v[4] = { SZ_1G, SZ_256M };

	auxdma_bad_ranges(b, v, 4);
}

/* Declarations: by default, block 0 by its DT node */

static void ctx_none(struct auxdma_bad *b)
{
	b->pctx = NULL;
}

static void ctx_no_mode(struct auxdma_bad *b)
{
	b->ctx.mode = AUXILIARY_DMA_NONE;
}

static void ctx_unknown_mode(struct auxdma_bad *b)
{
	b->ctx.mode = 42;
}

static void ctx_node_missing(struct auxdma_bad *b)
{
	b->ctx.np = NULL;
}

static void ctx_node_and_id(struct auxdma_bad *b)
{
	b->ctx.input_id = 1;
}

static void ctx_node_iommu(struct auxdma_bad *b)
{
	b->ctx.np = b->env->smmu_np;
}

static void ctx_node_parent(struct auxdma_bad *b)
{
	b->ctx.np = b->env->parent_np;
}

static void ctx_id(struct auxdma_bad *b)
{
	b->ctx.mode = AUXILIARY_DMA_OF_ID;
	b->ctx.np = NULL;
}

static void ctx_id_and_node(struct auxdma_bad *b)
{
	b->ctx.mode = AUXILIARY_DMA_OF_ID;
}

static void ctx_id_bare_parent(struct auxdma_bad *b)
{
	struct platform_device *bare;

	ctx_id(b);
	bare = kunit_platform_device_alloc(b->env->test, "kunit-auxdma-bare", b->env->seq);
	KUNIT_ASSERT_NOT_NULL(b->env->test, bare);
	KUNIT_ASSERT_EQ(b->env->test, 0, kunit_platform_device_add(b->env->test, bare));
	b->parent = &bare->dev;
}

static void ctx_id_outside_map(struct auxdma_bad *b)
{
	ctx_id(b);
	b->ctx.input_id = SID_MAP_LEN;
}

/* A driver whose probe fails once the bus has configured its DMA */
static int auxdma_fail_probe(struct auxiliary_device *auxdev,
			     const struct auxiliary_device_id *id)
{
	return -EIO;
}

static const struct auxiliary_device_id auxdma_fail_ids[] = {
	{ .name = KBUILD_MODNAME ".fail" },
	{ }
};

static struct auxiliary_driver auxdma_fail_driver = {
	.name = "fail",
	.probe = auxdma_fail_probe,
	.id_table = auxdma_fail_ids,
};

static void auxdma_bad_unregister(void *drv)
{
	auxiliary_driver_unregister(drv);
}

static void ctx_probe_fails(struct auxdma_bad *b)
{
	struct kunit *test = b->env->test;

	KUNIT_ASSERT_EQ(test, 0, auxiliary_driver_register(&auxdma_fail_driver));
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_bad_unregister,
							   &auxdma_fail_driver));
	b->drv = &auxdma_fail_driver;
}

static const struct auxdma_bad_case auxdma_bad_cases[] = {
	/* The caller */
	{ "NULL context", AT_CREATE, -EINVAL, BY_NAME,
	  "no DMA context or no parent", .ctx = ctx_none },
	{ "context with no mode", AT_CREATE, -EINVAL, BY_PARENT,
	  "malformed DMA context: mode 0", .ctx = ctx_no_mode },
	{ "context with an unknown mode", AT_CREATE, -EINVAL, BY_PARENT,
	  "malformed DMA context: mode 42", .ctx = ctx_unknown_mode },
	{ "by node: no node", AT_CREATE, -EINVAL, BY_PARENT,
	  "malformed DMA context: mode 1, node (null)", .ctx = ctx_node_missing },
	{ "by node: an input ID too", AT_CREATE, -EINVAL, BY_PARENT,
	  "malformed DMA context: mode 1, node /", .ctx = ctx_node_and_id },
	{ "by node: the IOMMU's node", AT_CREATE, -EINVAL, BY_PARENT,
	  "is not a child of", .ctx = ctx_node_iommu },
	{ "by node: the parent's own node", AT_CREATE, -EINVAL, BY_PARENT,
	  "is not a child of", .ctx = ctx_node_parent },
	{ "by ID: a node too", AT_CREATE, -EINVAL, BY_PARENT,
	  "malformed DMA context: mode 2, node /", .ctx = ctx_id_and_node },
	{ "by ID: parent without DT node", AT_CREATE, -ENODEV, BY_PARENT,
	  "parent has no DT node", .ctx = ctx_id_bare_parent },
	{ "declared after add", AT_ADDED, -EBUSY, BY_PARENT,
	  "must be declared once, before the device is added" },
	{ "declared twice", AT_REDECLARE, -EBUSY, BY_PARENT,
	  "must be declared once, before the device is added" },
	{ "device with a firmware node of its own", AT_FWNODE, -EINVAL, BY_PARENT,
	  "device already has firmware node" },
	{ "driver probe fails after DMA configuration", AT_BIND, -EIO, BY_DEVICE,
	  "probe with driver " KBUILD_MODNAME ".fail failed with error -5",
	  .ctx = ctx_probe_fails },

	/* The firmware: "iommus" and "status" of a block node */
	{ "iommus naming a node that is no IOMMU", AT_CREATE, -EINVAL, BY_PARENT,
	  "names no IOMMU for it (input ID 0x0)", .block_iommu = AUXDMA_NO_IOMMUS,
	  .dt = dt_iommus_not_iommu },
	{ "iommus shorter than the IOMMU's cell count", AT_CREATE, -EINVAL, BY_PARENT,
	  "names no IOMMU for it (input ID 0x0)", .block_iommu = AUXDMA_NO_IOMMUS,
	  .dt = dt_iommus_no_cell },
	{ "iommus naming no node", AT_CREATE, -EINVAL, BY_PARENT,
	  "names no IOMMU for it (input ID 0x0)", .block_iommu = AUXDMA_NO_IOMMUS,
	  .dt = dt_iommus_no_node },
	{ "stream ID that the SMMU refuses, with ranges", AT_BIND, -ENODEV, BY_DEVICE,
	  "the IOMMU did not take its DMA context", .block_sid = SID_BAD,
	  .dt = dt_ranges_good },
	{ "disabled node", AT_CREATE, -ENODEV, BY_PARENT, "is disabled",
	  .dt = dt_disabled },
	{ "no iommus: ranges without an IOMMU to enforce them", AT_CREATE, -EINVAL,
	  BY_PARENT, "names no IOMMU for it (input ID 0x0)", .block_iommu = AUXDMA_NO_IOMMUS,
	  .dt = dt_ranges_good },

	/* The firmware: the parent's "iommu-map" */
	{ "no iommu-map", AT_CREATE, -ENODEV, BY_PARENT,
	  "names no IOMMU for it (input ID 0x0)", .no_map = true, .ctx = ctx_id },
	{ "input ID outside iommu-map", AT_CREATE, -ENODEV, BY_PARENT,
	  "names no IOMMU for it (input ID 0x4)", .ctx = ctx_id_outside_map },
	{ "iommu-map with a zero-length entry", AT_CREATE, -ENODEV, BY_PARENT,
	  "names no IOMMU for it (input ID 0x0)", .no_map = true,
	  .dt = dt_map_zero_length, .ctx = ctx_id },
	{ "iommu-map with a truncated entry", AT_CREATE, -EINVAL, BY_PARENT,
	  "names no IOMMU for it (input ID 0x0)", .no_map = true,
	  .dt = dt_map_truncated, .ctx = ctx_id },
	{ "iommu-map naming no node", AT_CREATE, -ENODEV, BY_PARENT,
	  "names no IOMMU for it (input ID 0x0)", .no_map = true,
	  .dt = dt_map_no_node, .ctx = ctx_id },

};

KUNIT_ARRAY_PARAM_DESC(auxdma_bad, auxdma_bad_cases, desc);

/*
 * A good device of the bad one's name and instance ID: it can be made only
 * if nothing of the bad one is left.
 */
static int auxdma_good(struct auxdma_bad *b)
{
	struct auxiliary_dma_context ctx = {
		.mode = AUXILIARY_DMA_OF_NODE, .np = b->env->block_np[NR_BLOCKS - 1],
	};
	struct auxiliary_device *auxdev;

	auxdev = auxiliary_device_create_dma(&b->env->parent->dev, "bad", NULL, 0, &ctx);
	if (IS_ERR(auxdev))
		return PTR_ERR(auxdev);
	auxiliary_device_destroy(auxdev);
	return 0;
}

/* An embedded device, declared after add, twice, or with a node of its own */
static int auxdma_bad_declare(struct auxdma_bad *b, enum auxdma_stage stage)
{
	struct kunit *test = b->env->test;
	struct auxiliary_device *auxdev;
	bool added = false;
	int ret;

	auxdev = auxdma_embedded_init(b->env, "bad");
	if (stage == AT_FWNODE) {
		device_set_node(&auxdev->dev, of_fwnode_handle(b->env->parent_np));
	} else {
		KUNIT_EXPECT_EQ(test, 0, auxiliary_device_set_dma_context(auxdev, &b->ctx));
		if (stage == AT_ADDED) {
			KUNIT_ASSERT_EQ(test, 0, auxiliary_device_add(auxdev));
			added = true;
		}
	}

	ret = auxiliary_device_set_dma_context(auxdev, &b->ctx);
	if (!auxdev->dma)
		device_set_node(&auxdev->dev, NULL);
	if (added)
		auxiliary_device_delete(auxdev);
	auxiliary_device_uninit(auxdev);
	return ret;
}

/* AT_BIND: the device is made; binding b->drv, or "block", must fail */
static int auxdma_bad_bind(struct auxdma_bad *b)
{
	struct kunit *test = b->env->test;
	struct auxiliary_device *auxdev;
	struct iommu_group *group;
	struct device_driver *drv;
	int ret, owner;

	auxdev = auxiliary_device_create_dma(b->parent, b->devname, NULL, 0, b->pctx);
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, auxdev, "create: %pe", auxdev);
	if (b->drv) {
		drv = &b->drv->driver;
	} else {
		drv = auxdma_fixture_driver("block");
		KUNIT_ASSERT_NOT_NULL(test, drv);
	}

	ret = device_driver_attach(drv, &auxdev->dev);
	KUNIT_EXPECT_NULL(test, auxdev->dev.driver);
	/* A failed bind gave back the default domain it claimed */
	group = iommu_group_get(&auxdev->dev);
	if (group) {
		KUNIT_EXPECT_EQ(test, iommu_group_claim_dma_owner(group, &owner), 0);
		iommu_group_release_dma_owner(group);
		iommu_group_put(group);
	}
	auxiliary_device_destroy(auxdev);
	return ret;
}

static void auxdma_test_bad_input(struct kunit *test)
{
	const struct auxdma_bad_case *c = test->param_value;
	struct auxdma_env *env = test->priv;
	struct auxdma_bad b = { .env = env, .devname = "bad" };
	unsigned int refs[NR_BLOCKS + 1];
	struct auxiliary_device *auxdev;
	unsigned long groups;
	char who[96];
	struct device *left;
	int i, ret;
	u64 mark;

	if (!IS_ENABLED(CONFIG_PRINTK))
		kunit_skip(test, "the log lines need CONFIG_PRINTK");

	auxdma_ocs_init(env);
	env->vpu[0].block_iommu[0] = c->block_iommu;
	env->vpu[0].block_sid[0] = c->block_sid;
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, !c->no_map);
	if (c->dt)
		c->dt(&b);
	auxdma_apply(env);

	b.parent = &env->parent->dev;
	b.ctx = (struct auxiliary_dma_context){
		.mode = AUXILIARY_DMA_OF_NODE, .np = env->block_np[0],
	};
	b.pctx = &b.ctx;
	if (c->ctx)
		c->ctx(&b);

	KUNIT_ASSERT_EQ_MSG(test, auxdma_good(&b), 0, "a good device cannot be made");
	groups = auxdma_count_groups();
	refs[NR_BLOCKS] = auxdma_np_refs(env->parent_np);
	for (i = 0; i < NR_BLOCKS; i++)
		refs[i] = auxdma_np_refs(env->block_np[i]);
	mark = auxdma_log_mark();

	switch (c->stage) {
	case AT_CREATE:
		auxdev = auxiliary_device_create_dma(b.parent, b.devname, NULL, 0, b.pctx);
		ret = PTR_ERR_OR_ZERO(auxdev);
		if (!ret)
			auxiliary_device_destroy(auxdev);
		break;
	case AT_ADDED:
	case AT_REDECLARE:
	case AT_FWNODE:
		ret = auxdma_bad_declare(&b, c->stage);
		break;
	case AT_BIND:
		ret = auxdma_bad_bind(&b);
		break;
	}
	KUNIT_EXPECT_EQ_MSG(test, ret, c->expected, "%s: expected %d, got %d",
			    c->desc, c->expected, ret);

	switch (c->who) {
	case BY_PARENT:
		snprintf(who, sizeof(who), "%s: bad: ", dev_name(b.parent));
		break;
	case BY_DEVICE:
		snprintf(who, sizeof(who), "%s.bad.", KBUILD_MODNAME);
		break;
	case BY_NAME:
		strscpy(who, "auxiliary: bad: ");
		break;
	case BY_NONE:
		strscpy(who, "auxiliary: (null): ");
		break;
	}
	KUNIT_EXPECT_TRUE_MSG(test, auxdma_log_has(test, mark, who, c->log),
			      "no log line with \"%s\" and \"%s\"", who, c->log);

	/* Nothing left: no device, group, node reference or name */
	left = auxdma_find_aux(KBUILD_MODNAME ".bad.");
	KUNIT_EXPECT_NULL_MSG(test, left, "%s left behind", left ? dev_name(left) : "");
	put_device(left);
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), groups);
	KUNIT_EXPECT_EQ(test, auxdma_np_refs(env->parent_np), refs[NR_BLOCKS]);
	for (i = 0; i < NR_BLOCKS; i++)
		KUNIT_EXPECT_EQ_MSG(test, auxdma_np_refs(env->block_np[i]), refs[i],
				    "references on %pOF", env->block_np[i]);
	KUNIT_EXPECT_EQ_MSG(test, auxdma_good(&b), 0, "its name is still taken");
}

static struct kunit_case auxdma_bad_input_cases[] = {
	KUNIT_CASE_PARAM(auxdma_test_bad_input, auxdma_bad_gen_params),
	{ }
};

static struct kunit_suite auxdma_bad_input_suite = {
	.name = "auxiliary_dma_bad_input",
	.suite_init = auxdma_suite_init,
	.suite_exit = auxdma_suite_exit,
	.init = auxdma_test_init,
	.exit = auxdma_test_exit,
	.test_cases = auxdma_bad_input_cases,
};

kunit_test_suites(&auxdma_bad_input_suite);
