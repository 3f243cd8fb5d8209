// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for the memory contexts of host1x, auxiliary devices with a
 * DMA context of their own
 *
 * Each test builds, with of_changeset, a node under the root shaped like
 * the host1x node of Tegra234: "iommus" for host1x itself, and an
 * "iommu-map" with one entry per context, here pointing at the system's
 * SMMUv3.  The OF notifier makes the node a platform device, which stands
 * for host1x in a struct host1x that has only what the context list uses.
 * QEMU's "virt" machine with "iommu=smmuv3" has an SMMUv3; elsewhere the
 * tests skip and say why.
 */

#include <kunit/fail_nth.h>
#include <kunit/test.h>
#include <linux/auxiliary_bus.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/kprobes.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/pid.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include "context.h"
#include "dev.h"

/* Stream IDs apart from those of the auxiliary_dma suites */
#define CTX_SID_HOST	0x2000
#define CTX_SID_BAD	0x7fffffff	/* beyond any SMMUv3's stream ID range */
#define CTX_PHANDLE_OFF	0x7ffe0000	/* + n: a disabled or late IOMMU, above dtc's phandles */
#define CTX_MAX_POINTS	4096		/* more than the path has: a path that reaches it loops */

/* "iommu-map": four entries of one context, then one of two */
static const u32 ctx_map[][2] = {	/* input ID, stream ID */
	{ 0, 0x2010 }, { 1, 0x2011 }, { 2, 0x2012 }, { 3, 0x2013 }, { 4, 0x2020 },
};

#define CTX_LAST_LEN	2
#define NR_CONTEXTS	(ARRAY_SIZE(ctx_map) - 1 + CTX_LAST_LEN)

/* The stream ID of each context, as the map above gives it */
static const u32 ctx_sid[NR_CONTEXTS] = {
	0x2010, 0x2011, 0x2012, 0x2013, 0x2020, 0x2021,
};

struct host1x_ctx_env {
	struct device_node *smmu_np;
	struct of_changeset ocs;
	bool built;
	bool applied;
	struct platform_device *pdev;
	struct host1x host;
	unsigned int nr_map;	/* entries of ctx_map in the node; 0: all */
};

static int host1x_ctx_test_init(struct kunit *test)
{
	struct host1x_ctx_env *env;
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

static void host1x_ctx_test_exit(struct kunit *test)
{
	struct host1x_ctx_env *env = test->priv;

	if (!env)
		return;
	/* What a failed test left; a no-op after host1x_memory_context_list_free() */
	host1x_memory_context_list_free(&env->host.context_list);
	if (env->pdev)
		put_device(&env->pdev->dev);
	if (env->applied)
		of_changeset_revert(&env->ocs);
	if (env->built)
		of_changeset_destroy(&env->ocs);
	of_node_put(env->smmu_np);
}

/* What is wrong with the context that host1x_ctx_build() spoils */
enum host1x_ctx_bad {
	CTX_SID_REFUSED,	/* a stream ID that the SMMUv3 refuses */
	CTX_IOMMU_OFF,		/* an IOMMU node that is disabled */
	CTX_IOMMU_LATE,		/* an IOMMU node that no driver has bound yet */
};

/*
 * A host1x-like node whose context @bad_index, if not negative, maps to a
 * stream ID that the SMMUv3 refuses, to an IOMMU that is disabled, or to
 * one that has not probed, as @how says.
 */
static void host1x_ctx_build_bad(struct kunit *test, int bad_index, enum host1x_ctx_bad how)
{
	struct host1x_ctx_env *env = test->priv;
	struct of_changeset *ocs = &env->ocs;
	u32 smmu = env->smmu_np->phandle;
	u32 own[] = { smmu, CTX_SID_HOST };
	u32 map[ARRAY_SIZE(ctx_map) * 4];
	unsigned int nr_map = env->nr_map ?: ARRAY_SIZE(ctx_map);
	struct device_node *np, *off = NULL;
	static atomic_t seq = ATOMIC_INIT(0);
	char name[32];
	int n = atomic_inc_return(&seq);
	unsigned int i;

	of_changeset_init(ocs);
	env->built = true;

	if (bad_index >= 0 && how != CTX_SID_REFUSED) {
		/* An IOMMU node without a driver: disabled, or not probed yet */
		snprintf(name, sizeof(name), "kunit-host1x-iommu-%d", n);
		off = of_changeset_create_node(ocs, of_root, name);
		KUNIT_ASSERT_NOT_NULL(test, off);
		of_node_put(off);	/* the changeset holds a reference */
		if (how == CTX_IOMMU_OFF)
			KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, off, "status",
									      "disabled"));
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(ocs, off, "#iommu-cells", 1));
		KUNIT_ASSERT_NULL(test, of_find_node_by_phandle(CTX_PHANDLE_OFF + n));
	}

	for (i = 0; i < nr_map; i++) {
		bool bad = (int)i == bad_index;

		map[i * 4] = ctx_map[i][0];
		map[i * 4 + 1] = bad && off ? CTX_PHANDLE_OFF + n : smmu;
		map[i * 4 + 2] = bad && !off ? CTX_SID_BAD : ctx_map[i][1];
		map[i * 4 + 3] = i == ARRAY_SIZE(ctx_map) - 1 ? CTX_LAST_LEN : 1;
	}

	snprintf(name, sizeof(name), "kunit-host1x-%d", n);
	np = of_changeset_create_node(ocs, of_root, name);
	KUNIT_ASSERT_NOT_NULL(test, np);
	of_node_put(np);	/* the changeset holds a reference */
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, np, "compatible",
							      "test,host1x-contexts"));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(ocs, np, "iommus", own,
								 ARRAY_SIZE(own)));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(ocs, np, "iommu-map", map,
								 nr_map * 4));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_apply(ocs));
	env->applied = true;
	/*
	 * of_changeset attaches a node before it adds the node's properties,
	 * so a "phandle" property would not be seen: set it on the node, before
	 * the contexts refer to it.
	 */
	if (off)
		off->phandle = CTX_PHANDLE_OFF + n;

	env->pdev = of_find_device_by_node(np);
	KUNIT_ASSERT_NOT_NULL_MSG(test, env->pdev, "no platform device for %pOF", np);
	env->host.dev = &env->pdev->dev;
}

static void host1x_ctx_build(struct kunit *test)
{
	host1x_ctx_build_bad(test, -1, CTX_SID_REFUSED);
}

static int host1x_ctx_match(struct device *dev, const void *data)
{
	return !strncmp(dev_name(dev), "host1x.context.", strlen("host1x.context."));
}

/* No context device is left under host1x */
static void host1x_ctx_expect_none(struct kunit *test)
{
	struct host1x_ctx_env *env = test->priv;
	struct device *dev = device_find_child(env->host.dev, NULL, host1x_ctx_match);

	KUNIT_EXPECT_NULL_MSG(test, dev, "%s is left behind", dev_name(dev));
	put_device(dev);
}

static int host1x_ctx_count(struct device *dev, void *data)
{
	(*(unsigned int *)data)++;
	return 0;
}

static unsigned int host1x_ctx_group_members(struct iommu_group *group)
{
	unsigned int n = 0;

	iommu_group_for_each_dev(group, &n, host1x_ctx_count);
	return n;
}

/*
 * Each context is a bound device with its own group, distinct from host1x's
 * and from every other context's, the stream ID that "iommu-map" gives, the
 * 38-bit DMA mask and an unlimited segment size; freeing the list leaves
 * no device, and no member in any of their groups.
 */
static void host1x_ctx_test_contexts(struct kunit *test)
{
	struct host1x_ctx_env *env = test->priv;
	struct host1x_memory_context_list *cdl = &env->host.context_list;
	struct iommu_group *group[NR_CONTEXTS], *host_group;
	unsigned int i, j;

	host1x_ctx_build(test);
	KUNIT_ASSERT_EQ(test, 0, host1x_memory_context_list_init(&env->host));
	KUNIT_ASSERT_EQ(test, cdl->len, NR_CONTEXTS);

	host_group = iommu_group_get(env->host.dev);
	KUNIT_EXPECT_NOT_NULL(test, host_group);

	for (i = 0; i < NR_CONTEXTS; i++) {
		struct host1x_memory_context *ctx = cdl->devs[i];
		struct device *dev = &ctx->adev.dev;
		char name[32];

		snprintf(name, sizeof(name), "host1x.context.%u", i);
		KUNIT_EXPECT_STREQ(test, dev_name(dev), name);
		KUNIT_EXPECT_TRUE_MSG(test, dev->driver && ctx->bound, "%s is not bound", name);
		KUNIT_EXPECT_EQ(test, ctx->stream_id, ctx_sid[i]);
		KUNIT_EXPECT_EQ(test, dma_get_mask(dev), DMA_BIT_MASK(38));
		KUNIT_EXPECT_EQ(test, dma_get_max_seg_size(dev), UINT_MAX);

		group[i] = iommu_group_get(dev);
		KUNIT_EXPECT_NOT_NULL_MSG(test, group[i], "%s has no group", name);
		KUNIT_EXPECT_PTR_NE(test, group[i], host_group);
		for (j = 0; j < i; j++)
			KUNIT_EXPECT_PTR_NE(test, group[i], group[j]);
	}

	host1x_memory_context_list_free(cdl);
	KUNIT_EXPECT_EQ(test, cdl->len, 0);
	KUNIT_EXPECT_NULL(test, cdl->devs);
	host1x_ctx_expect_none(test);
	for (i = 0; i < NR_CONTEXTS; i++) {
		if (!group[i])
			continue;
		KUNIT_EXPECT_EQ(test, host1x_ctx_group_members(group[i]), 0);
		iommu_group_put(group[i]);
	}
	iommu_group_put(host_group);
}

/* A buffer mapped for one context translates in its domain only */
static void host1x_ctx_test_map_own_domain(struct kunit *test)
{
	struct host1x_ctx_env *env = test->priv;
	struct host1x_memory_context_list *cdl = &env->host.context_list;
	struct iommu_domain *host_domain;
	struct device *dev;
	dma_addr_t iova;
	unsigned int i;
	void *buf;

	host1x_ctx_build(test);
	KUNIT_ASSERT_EQ(test, 0, host1x_memory_context_list_init(&env->host));
	dev = &cdl->devs[0]->adev.dev;

	buf = kunit_kzalloc(test, PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	iova = dma_map_single(dev, buf, PAGE_SIZE, DMA_TO_DEVICE);
	KUNIT_ASSERT_FALSE(test, dma_mapping_error(dev, iova));

	KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(iommu_get_domain_for_dev(dev), iova),
			virt_to_phys(buf));
	for (i = 1; i < NR_CONTEXTS; i++) {
		struct device *other = &cdl->devs[i]->adev.dev;

		KUNIT_EXPECT_EQ_MSG(test, iommu_iova_to_phys(iommu_get_domain_for_dev(other),
							     iova), 0,
				    "%pad translates in %s", &iova, dev_name(other));
	}
	host_domain = iommu_get_domain_for_dev(env->host.dev);
	if (host_domain)
		KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(host_domain, iova), 0);

	dma_unmap_single(dev, iova, PAGE_SIZE, DMA_TO_DEVICE);
}

static void host1x_ctx_put_pids(void *data)
{
	struct pid **pids = data;
	unsigned int i;

	for (i = 0; i < NR_CONTEXTS + 1; i++)
		put_pid(pids[i]);
}

/*
 * host1x_memory_context_alloc() gives a process the context it has, with
 * one more reference, or a free bound one, and -EBUSY when none is left;
 * an unbound context is never handed out; the last put frees a context.
 */
static void host1x_ctx_test_alloc(struct kunit *test)
{
	struct host1x_ctx_env *env = test->priv;
	struct host1x_memory_context_list *cdl = &env->host.context_list;
	struct host1x_memory_context *ctx[NR_CONTEXTS + 1], *again;
	struct pid **pids;
	unsigned int i, j;

	host1x_ctx_build(test);
	KUNIT_ASSERT_EQ(test, 0, host1x_memory_context_list_init(&env->host));

	/* The processes of the early kernel threads stand for clients */
	pids = kunit_kcalloc(test, NR_CONTEXTS + 1, sizeof(*pids), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, pids);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, host1x_ctx_put_pids, pids));
	for (i = 0; i < NR_CONTEXTS + 1; i++) {
		pids[i] = find_get_pid(i + 1);
		KUNIT_ASSERT_NOT_NULL_MSG(test, pids[i], "no process %u", i + 1);
	}

	ctx[0] = host1x_memory_context_alloc(&env->host, env->host.dev, pids[0]);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx[0]);
	again = host1x_memory_context_alloc(&env->host, env->host.dev, pids[0]);
	KUNIT_EXPECT_PTR_EQ(test, again, ctx[0]);
	KUNIT_EXPECT_EQ(test, refcount_read(&ctx[0]->ref), 2);
	host1x_memory_context_put(again);

	/* Context 1 unbound: the others go, one per process, and then none */
	device_release_driver(&cdl->devs[1]->adev.dev);
	KUNIT_EXPECT_FALSE(test, cdl->devs[1]->bound);
	for (i = 1; i < NR_CONTEXTS - 1; i++) {
		ctx[i] = host1x_memory_context_alloc(&env->host, env->host.dev, pids[i]);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx[i]);
		KUNIT_EXPECT_PTR_NE(test, ctx[i], cdl->devs[1]);
		for (j = 0; j < i; j++)
			KUNIT_EXPECT_PTR_NE(test, ctx[i], ctx[j]);
	}
	again = host1x_memory_context_alloc(&env->host, env->host.dev, pids[NR_CONTEXTS]);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(again), -EBUSY);

	/* Bound again, context 1 is the one left */
	KUNIT_EXPECT_EQ(test, device_attach(&cdl->devs[1]->adev.dev), 1);
	again = host1x_memory_context_alloc(&env->host, env->host.dev, pids[NR_CONTEXTS]);
	KUNIT_EXPECT_PTR_EQ(test, again, cdl->devs[1]);
	if (!IS_ERR(again))
		host1x_memory_context_put(again);

	for (i = 0; i < NR_CONTEXTS - 1; i++) {
		host1x_memory_context_put(ctx[i]);
		KUNIT_EXPECT_NULL(test, ctx[i]->owner);
	}
}

/*
 * A context that a client holds, with host1x_memory_context_alloc() or
 * _get(), outlives the removal of its device (host1x's unbind): it stays
 * readable until the client's last put, which KASAN would otherwise see.
 */
static void host1x_ctx_test_held_past_free(struct kunit *test)
{
	struct host1x_ctx_env *env = test->priv;
	struct host1x_memory_context_list *cdl = &env->host.context_list;
	struct host1x_memory_context *ctx;
	struct pid *pid;

	host1x_ctx_build(test);
	KUNIT_ASSERT_EQ(test, 0, host1x_memory_context_list_init(&env->host));

	pid = find_get_pid(1);
	KUNIT_ASSERT_NOT_NULL(test, pid);
	ctx = host1x_memory_context_alloc(&env->host, env->host.dev, pid);
	put_pid(pid);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctx);
	host1x_memory_context_get(ctx);

	host1x_memory_context_list_free(cdl);
	host1x_ctx_expect_none(test);

	/* Freed at the last put, not at the removal */
	KUNIT_EXPECT_EQ(test, ctx->stream_id, ctx_sid[0]);
	KUNIT_EXPECT_EQ(test, refcount_read(&ctx->ref), 2);
	host1x_memory_context_put(ctx);
	KUNIT_EXPECT_NOT_NULL(test, ctx->owner);
	host1x_memory_context_put(ctx);
}

#if defined(CONFIG_KPROBES) && defined(CONFIG_HAVE_FUNCTION_ARG_ACCESS_API)
static struct device *host1x_ctx_watched;
static atomic_t host1x_ctx_added;

static int host1x_ctx_add_pre(struct kprobe *kp, struct pt_regs *regs)
{
	struct auxiliary_device *adev = (void *)regs_get_kernel_argument(regs, 0);

	if (adev->dev.parent == READ_ONCE(host1x_ctx_watched))
		atomic_inc(&host1x_ctx_added);
	return 0;
}
#endif

/*
 * host1x_memory_context_list_init(), watching auxiliary_device_add(): how
 * many context devices it added, even if it removed them again; -1 if it
 * cannot tell.
 */
static int host1x_ctx_list_init_added(struct kunit *test, int *ret)
{
	struct host1x_ctx_env *env = test->priv;
#if defined(CONFIG_KPROBES) && defined(CONFIG_HAVE_FUNCTION_ARG_ACCESS_API)
	struct kprobe kp = {
		.symbol_name = "__auxiliary_device_add",
		.pre_handler = host1x_ctx_add_pre,
	};
	int err;

	atomic_set(&host1x_ctx_added, 0);
	WRITE_ONCE(host1x_ctx_watched, env->host.dev);
	err = register_kprobe(&kp);
	*ret = host1x_memory_context_list_init(&env->host);
	if (!err)
		unregister_kprobe(&kp);
	WRITE_ONCE(host1x_ctx_watched, NULL);
	KUNIT_EXPECT_EQ_MSG(test, err, 0, "kprobe on __auxiliary_device_add");
	return err ? -1 : atomic_read(&host1x_ctx_added);
#else
	*ret = host1x_memory_context_list_init(&env->host);
	return -1;
#endif
}

static const struct host1x_ctx_unmapped {
	enum host1x_ctx_bad how;
	int err;
	bool none_added;	/* found before any context is added */
	const char *desc;
} host1x_ctx_unmapped_params[] = {
	{ CTX_SID_REFUSED, -EINVAL, false, "sid-refused" },
	{ CTX_IOMMU_OFF, -ENODEV, true, "iommu-disabled" },
	{ CTX_IOMMU_LATE, -EPROBE_DEFER, true, "iommu-late" },
};

/*
 * Contexts described in DT that the IOMMU does not map make the list fail,
 * with an errno and a log line, and leave no context device behind: a
 * stream ID that the SMMUv3 refuses, an IOMMU that is disabled, or one
 * that has not probed yet (host1x defers, as before the series).  What
 * can be found before a context is added (the IOMMU's state) is found
 * before any is added.
 */
static void host1x_ctx_test_unmapped(struct kunit *test)
{
	const struct host1x_ctx_unmapped *bad = test->param_value;
	struct host1x_ctx_env *env = test->priv;
	struct host1x_memory_context_list *cdl = &env->host.context_list;
	int ret, added;

	host1x_ctx_build_bad(test, 2, bad->how);
	added = host1x_ctx_list_init_added(test, &ret);
	KUNIT_EXPECT_EQ(test, ret, bad->err);
	if (added < 0)
		kunit_mark_skipped(test, "no kprobe on function arguments: adds not counted");
	else if (bad->none_added)
		KUNIT_EXPECT_EQ_MSG(test, added, 0, "%d contexts added before the list failed",
				    added);
	KUNIT_EXPECT_EQ(test, cdl->len, 0);
	KUNIT_EXPECT_NULL(test, cdl->devs);
	host1x_ctx_expect_none(test);
}

KUNIT_ARRAY_PARAM_DESC(host1x_ctx_unmapped, host1x_ctx_unmapped_params, desc);

/*
 * Each context of a list that host1x_memory_context_list_init() returned
 * is in a group of its own, and bound, or, if an injected fault failed its
 * bind, left unbound: host1x_memory_context_alloc() never hands it out
 * (host1x_ctx_test_alloc).  Return how many are unbound.
 */
static unsigned int host1x_ctx_expect_whole(struct kunit *test, unsigned int nr,
					    unsigned int point)
{
	struct host1x_ctx_env *env = test->priv;
	struct host1x_memory_context_list *cdl = &env->host.context_list;
	unsigned int i, unbound = 0;

	KUNIT_ASSERT_EQ_MSG(test, cdl->len, nr, "point %u", point);
	for (i = 0; i < nr; i++) {
		struct host1x_memory_context *ctx = cdl->devs[i];
		struct device *dev = &ctx->adev.dev;
		struct iommu_group *group = iommu_group_get(dev);

		KUNIT_EXPECT_EQ_MSG(test, !!dev->driver, ctx->bound, "point %u: %s",
				    point, dev_name(dev));
		unbound += !ctx->bound;
		KUNIT_EXPECT_NOT_NULL_MSG(test, group, "point %u: %s has no group", point,
					  dev_name(dev));
		if (group)
			KUNIT_EXPECT_EQ(test, host1x_ctx_group_members(group), 1);
		iommu_group_put(group);
	}
	return unbound;
}

/*
 * host1x's probe makes its contexts (two here) with its 1st allocation
 * failed, then its 2nd, and so on (kunit_fail_nth()) until a run meets no
 * fault.  A run that a fault failed returns an errno and leaves no context
 * device and no reference on host1x's node; a run that survived its fault
 * has every context in a group of its own, bound unless the fault failed
 * its bind; the run without a fault binds them all.  kmemleak, scanned
 * once the suites have run, finds memory left behind.
 */
static void host1x_ctx_test_faults(struct kunit *test)
{
	struct host1x_ctx_env *env = test->priv;
	struct host1x_memory_context_list *cdl = &env->host.context_list;
	unsigned int n, refs, failed = 0, survived = 0, unbound = 0, left;
	struct device_node *np;
	u64 start;
	bool injected;
	int ret;

	ret = kunit_fail_nth_setup(test);
	if (ret == -EOPNOTSUPP)
		kunit_skip(test, "needs FAILSLAB, FAIL_PAGE_ALLOC and FAULT_INJECTION_DEBUG_FS");
	KUNIT_ASSERT_EQ(test, ret, 0);

	env->nr_map = 2;
	host1x_ctx_build(test);
	np = env->host.dev->of_node;
	refs = kref_read(&np->kobj.kref);

	start = ktime_get_ns();
	for (n = 1; n <= CTX_MAX_POINTS; n++) {
		kunit_fail_nth(n);
		ret = host1x_memory_context_list_init(&env->host);
		injected = !kunit_fail_nth(0);

		if (ret) {
			KUNIT_EXPECT_TRUE_MSG(test, injected, "failed without a fault: %d", ret);
			KUNIT_EXPECT_EQ(test, cdl->len, 0);
			KUNIT_EXPECT_NULL(test, cdl->devs);
			failed++;
		} else {
			left = host1x_ctx_expect_whole(test, env->nr_map, n);
			KUNIT_EXPECT_TRUE_MSG(test, injected || !left, "%u unbound without a fault",
					      left);
			unbound += !!left;
			survived += injected;
			host1x_memory_context_list_free(cdl);
		}
		host1x_ctx_expect_none(test);
		KUNIT_EXPECT_EQ_MSG(test, kref_read(&np->kobj.kref), refs, "point %u", n);
		if (!injected)
			break;
	}
	KUNIT_EXPECT_LE(test, n, CTX_MAX_POINTS);
	kunit_info(test, "faults: host1x contexts: %u points, %u failed cleanly, %u survived whole (%u with a context left unbound), %llu ms\n",
		   n - 1, failed, survived, unbound,
		   div_u64(ktime_get_ns() - start, NSEC_PER_MSEC));
}

static struct kunit_case host1x_ctx_test_cases[] = {
	KUNIT_CASE(host1x_ctx_test_contexts),
	KUNIT_CASE(host1x_ctx_test_map_own_domain),
	KUNIT_CASE(host1x_ctx_test_alloc),
	KUNIT_CASE(host1x_ctx_test_held_past_free),
	KUNIT_CASE_PARAM(host1x_ctx_test_unmapped, host1x_ctx_unmapped_gen_params),
	KUNIT_CASE_SLOW(host1x_ctx_test_faults),
	{ }
};

static struct kunit_suite host1x_ctx_test_suite = {
	.name = "host1x_context",
	.init = host1x_ctx_test_init,
	.exit = host1x_ctx_test_exit,
	.test_cases = host1x_ctx_test_cases,
};

kunit_test_suites(&host1x_ctx_test_suite);
