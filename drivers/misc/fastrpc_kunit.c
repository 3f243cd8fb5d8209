// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for fastrpc's compute context banks, auxiliary devices with a
 * DMA context of their own
 *
 * Each test builds, with of_changeset, a node under the root that stands
 * for a glink edge, with a "qcom,fastrpc" child shaped like the ADSP
 * channel of SM8550: "compute-cb@N" children with "reg", two "iommus"
 * entries each (here on the system's SMMUv3) and "dma-coherent", and one
 * with "qcom,nsessions".  The channel has Kaanapali's compatible and the
 * CDSP label, so that its banks get a DMA mask (34 bits) that differs from
 * the default.  A mock rpmsg provider registers the channel's
 * rpmsg device under the edge's platform device, so that the fastrpc
 * driver probes and removes it as it would on a Qualcomm SoC.  QEMU's
 * "virt" machine with "iommu=smmuv3" has an SMMUv3; elsewhere the tests
 * skip and say why.
 */

#include <kunit/fail_nth.h>
#include <kunit/test.h>
#include <kunit/visibility.h>
#include <linux/auxiliary_bus.h>
#include <linux/dma-map-ops.h>
#include <linux/iommu.h>
#include <linux/kprobes.h>
#include <linux/miscdevice.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/rpmsg.h>
#include <linux/slab.h>
#include <linux/sort.h>

#include "../rpmsg/rpmsg_internal.h"
#include "fastrpc.h"

MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING");

/* The context banks: "reg", the first of their two stream IDs, sessions */
static const struct {
	u32 reg;
	u32 sid;
	u32 nsessions;	/* 0: no "qcom,nsessions" */
	bool coherent;
} fastrpc_cbs[] = {
	{ 3, 0x3003, 0, true },
	{ 4, 0x3004, 0, true },
	{ 5, 0x3005, 3, false },
};

#define FASTRPC_SID2	0x60	/* + reg: the second stream ID of a bank */
#define FASTRPC_SID_BAD	0x7fffffff	/* beyond any SMMUv3's stream ID range */
#define FASTRPC_NR_CBS	ARRAY_SIZE(fastrpc_cbs)
#define FASTRPC_LATE_PHANDLE	0x7ffe0000	/* well above dtc's phandles */
#define FASTRPC_MAX_POINTS	4096	/* more than the probe has: a probe that reaches it loops */

/* The sessions' stream IDs, in order: reg 3, reg 4, and reg 5 three times */
static const int fastrpc_session_reg[] = { 3, 4, 5, 5, 5 };

/* The channel that the return probe watches */
static struct rpmsg_device *fastrpc_kunit_watched;

struct fastrpc_kunit_env {
	struct device_node *smmu_np;
	struct of_changeset ocs;
	bool built;
	bool applied;
	struct device_node *channel_np;
	struct device_node *cb_np[FASTRPC_NR_CBS];
	unsigned int first_cb;	/* the banks in DT: fastrpc_cbs[first_cb] on */
	u32 broken_reg;		/* this bank's "iommus" is one cell short */
	u32 late_reg;		/* this bank's IOMMU has no device yet */
	struct platform_device *edge;
	struct rpmsg_device *rpdev;
};

/* The mock rpmsg provider: endpoints that send nothing */
static void fastrpc_kunit_destroy_ept(struct rpmsg_endpoint *ept)
{
	kfree(ept);
}

static const struct rpmsg_endpoint_ops fastrpc_kunit_ept_ops = {
	.destroy_ept = fastrpc_kunit_destroy_ept,
};

static struct rpmsg_endpoint *
fastrpc_kunit_create_ept(struct rpmsg_device *rpdev, rpmsg_rx_cb_t cb, void *priv,
			 struct rpmsg_channel_info chinfo)
{
	struct rpmsg_endpoint *ept = kzalloc_obj(*ept);

	if (!ept)
		return NULL;
	kref_init(&ept->refcount);
	mutex_init(&ept->cb_lock);
	ept->rpdev = rpdev;
	ept->cb = cb;
	ept->priv = priv;
	ept->ops = &fastrpc_kunit_ept_ops;
	return ept;
}

static const struct rpmsg_device_ops fastrpc_kunit_rpdev_ops = {
	.create_ept = fastrpc_kunit_create_ept,
};

static void fastrpc_kunit_rpdev_release(struct device *dev)
{
	struct rpmsg_device *rpdev = container_of(dev, struct rpmsg_device, dev);

	of_node_put(dev->of_node);
	kfree(rpdev);
}

static int fastrpc_kunit_init(struct kunit *test)
{
	struct fastrpc_kunit_env *env;
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

static void fastrpc_kunit_exit(struct kunit *test)
{
	struct fastrpc_kunit_env *env = test->priv;

	if (!env)
		return;
	WRITE_ONCE(fastrpc_kunit_watched, NULL);
	if (env->rpdev)
		device_unregister(&env->rpdev->dev);
	if (env->edge)
		put_device(&env->edge->dev);
	if (env->applied)
		of_changeset_revert(&env->ocs);
	if (env->built)
		of_changeset_destroy(&env->ocs);
	of_node_put(env->smmu_np);
}

/*
 * The edge and the channel in DT, and the edge's platform device; the bank
 * with "reg" @bad_reg, if any, gets a stream ID that the SMMUv3 refuses.
 * The bank with "reg" env->broken_reg gets an "iommus" one cell short, the
 * one with env->late_reg an IOMMU node that no driver has bound.
 */
static void fastrpc_kunit_build(struct kunit *test, u32 bad_reg)
{
	struct fastrpc_kunit_env *env = test->priv;
	struct of_changeset *ocs = &env->ocs;
	static atomic_t seq = ATOMIC_INIT(0);
	struct device_node *edge_np, *np, *late = NULL;
	char name[32];
	unsigned int i;

	of_changeset_init(ocs);
	env->built = true;

	snprintf(name, sizeof(name), "kunit-fastrpc-edge-%d", atomic_inc_return(&seq));
	edge_np = of_changeset_create_node(ocs, of_root, name);
	KUNIT_ASSERT_NOT_NULL(test, edge_np);
	of_node_put(edge_np);	/* the changeset holds a reference */
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, edge_np, "compatible",
							      "test,glink-edge"));
	if (env->late_reg) {
		late = of_changeset_create_node(ocs, edge_np, "late-iommu");
		KUNIT_ASSERT_NOT_NULL(test, late);
		of_node_put(late);	/* the changeset holds a reference */
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(ocs, late, "#iommu-cells", 1));
	}

	np = of_changeset_create_node(ocs, edge_np, "fastrpc");
	KUNIT_ASSERT_NOT_NULL(test, np);
	of_node_put(np);	/* the changeset holds a reference */
	env->channel_np = np;
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, np, "compatible",
							      "qcom,kaanapali-fastrpc"));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, np, "qcom,glink-channels",
							      "fastrpcglink-apps-dsp"));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, np, "label", "cdsp"));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_bool(ocs, np, "qcom,non-secure-domain"));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(ocs, np, "#address-cells", 1));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(ocs, np, "#size-cells", 0));

	for (i = env->first_cb; i < FASTRPC_NR_CBS; i++) {
		u32 iommus[] = {
			env->smmu_np->phandle, fastrpc_cbs[i].sid,
			env->smmu_np->phandle, fastrpc_cbs[i].sid + FASTRPC_SID2,
		};

		unsigned int cells = ARRAY_SIZE(iommus);
		struct device_node *cb;

		if (fastrpc_cbs[i].reg == bad_reg)
			iommus[3] = FASTRPC_SID_BAD;
		if (fastrpc_cbs[i].reg == env->broken_reg)
			cells--;
		if (fastrpc_cbs[i].reg == env->late_reg)
			iommus[0] = FASTRPC_LATE_PHANDLE;

		snprintf(name, sizeof(name), "compute-cb@%u", fastrpc_cbs[i].reg);
		cb = of_changeset_create_node(ocs, np, name);
		KUNIT_ASSERT_NOT_NULL(test, cb);
		of_node_put(cb);	/* the changeset holds a reference */
		env->cb_np[i] = cb;
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, cb, "compatible",
								      "qcom,fastrpc-compute-cb"));
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(ocs, cb, "reg",
								   fastrpc_cbs[i].reg));
		KUNIT_ASSERT_EQ(test, 0,
				of_changeset_add_prop_u32_array(ocs, cb, "iommus", iommus, cells));
		if (fastrpc_cbs[i].nsessions)
			KUNIT_ASSERT_EQ(test, 0,
					of_changeset_add_prop_u32(ocs, cb, "qcom,nsessions",
								  fastrpc_cbs[i].nsessions));
		if (fastrpc_cbs[i].coherent)
			KUNIT_ASSERT_EQ(test, 0,
					of_changeset_add_prop_bool(ocs, cb, "dma-coherent"));
	}

	KUNIT_ASSERT_EQ(test, 0, of_changeset_apply(ocs));
	env->applied = true;
	/* Set once the node is attached, as the overlay code does */
	if (late)
		late->phandle = FASTRPC_LATE_PHANDLE;
	env->edge = of_find_device_by_node(edge_np);
	KUNIT_ASSERT_NOT_NULL_MSG(test, env->edge, "no platform device for %pOF", edge_np);
}

/*
 * A return probe on the channel's probe reads how many sessions exist when
 * it returns: the race that the banks' platform devices had, which were
 * bound only after it.
 */
#ifdef CONFIG_KRETPROBES
static int fastrpc_kunit_sessions_at_return;

static int fastrpc_kunit_probe_returned(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	struct rpmsg_device *rpdev = READ_ONCE(fastrpc_kunit_watched);

	if (rpdev && !regs_return_value(regs))
		fastrpc_kunit_sessions_at_return = fastrpc_session_sids(&rpdev->dev, NULL, 0);
	return 0;
}

static void fastrpc_kunit_unwatch(void *rp)
{
	unregister_kretprobe(rp);
	WRITE_ONCE(fastrpc_kunit_watched, NULL);
}
#endif

/* What a glink edge does when the DSP announces the channel */
static void fastrpc_kunit_announce(struct kunit *test)
{
	struct fastrpc_kunit_env *env = test->priv;
	struct rpmsg_device *rpdev;

	rpdev = kzalloc_obj(*rpdev);
	KUNIT_ASSERT_NOT_NULL(test, rpdev);
	strscpy(rpdev->id.name, "fastrpcglink-apps-dsp", RPMSG_NAME_SIZE);
	rpdev->ops = &fastrpc_kunit_rpdev_ops;
	rpdev->dev.parent = &env->edge->dev;
	rpdev->dev.of_node = of_node_get(env->channel_np);
	rpdev->dev.release = fastrpc_kunit_rpdev_release;

	WRITE_ONCE(fastrpc_kunit_watched, rpdev);
	KUNIT_ASSERT_EQ(test, 0, rpmsg_register_device(rpdev));
	env->rpdev = rpdev;
}

static void fastrpc_kunit_register_channel(struct kunit *test)
{
	struct fastrpc_kunit_env *env = test->priv;

	fastrpc_kunit_announce(test);
	KUNIT_ASSERT_NOT_NULL_MSG(test, env->rpdev->dev.driver,
				  "the fastrpc driver did not bind %s", dev_name(&env->rpdev->dev));
}

struct fastrpc_kunit_find {
	struct device *found[FASTRPC_NR_CBS + 1];
	unsigned int n;
};

static int fastrpc_kunit_collect(struct device *dev, void *data)
{
	struct fastrpc_kunit_find *f = data;

	if (!strncmp(dev_name(dev), "fastrpc.cb.", strlen("fastrpc.cb.")) &&
	    f->n < ARRAY_SIZE(f->found))
		f->found[f->n++] = get_device(dev);
	return 0;
}

/* The context banks under @parent, with a reference each */
static unsigned int fastrpc_kunit_banks(struct device *parent, struct fastrpc_kunit_find *f)
{
	memset(f, 0, sizeof(*f));
	device_for_each_child(parent, f, fastrpc_kunit_collect);
	return f->n;
}

static void fastrpc_kunit_put_banks(struct fastrpc_kunit_find *f)
{
	while (f->n)
		put_device(f->found[--f->n]);
}

static int fastrpc_kunit_cmp_int(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

/*
 * When the channel's probe returns, every context bank is a bound
 * auxiliary device of the channel, with its own node, its own group, both
 * its stream IDs, the coherency of its node, and every session of the
 * channel (the one of "qcom,nsessions" too) exists, with the bank's "reg"
 * as its stream ID.  The banks have the DMA mask that the driver gives the
 * CDSP of Kaanapali.
 */
static void fastrpc_kunit_test_banks(struct kunit *test)
{
	struct fastrpc_kunit_env *env = test->priv;
	struct iommu_group *group[FASTRPC_NR_CBS];
	int sids[FASTRPC_NR_CBS + 8];
	struct fastrpc_kunit_find f;
	unsigned int i, j;
	int n;

	fastrpc_kunit_build(test, 0);
	fastrpc_kunit_register_channel(test);

	/* Every session exists now; banks probe in the order of DT's children */
	n = fastrpc_session_sids(&env->rpdev->dev, sids, ARRAY_SIZE(sids));
	KUNIT_ASSERT_EQ(test, n, ARRAY_SIZE(fastrpc_session_reg));
	sort(sids, n, sizeof(*sids), fastrpc_kunit_cmp_int, NULL);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, sids[i], fastrpc_session_reg[i]);

	KUNIT_ASSERT_EQ(test, fastrpc_kunit_banks(&env->rpdev->dev, &f), FASTRPC_NR_CBS);
	for (i = 0; i < FASTRPC_NR_CBS; i++) {
		struct device *dev = NULL;
		struct iommu_fwspec *fwspec;

		for (j = 0; j < f.n; j++)
			if (f.found[j]->of_node == env->cb_np[i])
				dev = f.found[j];
		KUNIT_ASSERT_NOT_NULL_MSG(test, dev, "no context bank for %pOF", env->cb_np[i]);
		KUNIT_EXPECT_TRUE_MSG(test, device_is_bound(dev), "%s is not bound", dev_name(dev));
		KUNIT_EXPECT_STREQ(test, dev->driver ? dev->driver->name : "", "fastrpc.cb");

		group[i] = iommu_group_get(dev);
		KUNIT_EXPECT_NOT_NULL_MSG(test, group[i], "%s has no group", dev_name(dev));
		for (j = 0; j < i; j++)
			KUNIT_EXPECT_PTR_NE(test, group[i], group[j]);
		iommu_group_put(group[i]);

		fwspec = dev_iommu_fwspec_get(dev);
		KUNIT_ASSERT_NOT_NULL(test, fwspec);
		KUNIT_ASSERT_EQ(test, fwspec->num_ids, 2);
		KUNIT_EXPECT_EQ(test, fwspec->ids[0], fastrpc_cbs[i].sid);
		KUNIT_EXPECT_EQ(test, fwspec->ids[1], fastrpc_cbs[i].sid + FASTRPC_SID2);
		KUNIT_EXPECT_EQ(test, dev_is_dma_coherent(dev), fastrpc_cbs[i].coherent);
		KUNIT_EXPECT_EQ(test, dma_get_mask(dev), DMA_BIT_MASK(34));
	}
	fastrpc_kunit_put_banks(&f);
}

static int fastrpc_kunit_count(struct device *dev, void *data)
{
	(*(unsigned int *)data)++;
	return 0;
}

/* Every session exists when the channel's probe returns */
static void fastrpc_kunit_test_sessions_at_return(struct kunit *test)
{
#ifdef CONFIG_KRETPROBES
	struct kretprobe *rp;

	fastrpc_kunit_build(test, 0);

	rp = kunit_kzalloc(test, sizeof(*rp), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, rp);
	rp->kp.symbol_name = "fastrpc_rpmsg_probe";
	rp->handler = fastrpc_kunit_probe_returned;
	fastrpc_kunit_sessions_at_return = -1;
	KUNIT_ASSERT_EQ(test, 0, register_kretprobe(rp));
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, fastrpc_kunit_unwatch, rp));

	fastrpc_kunit_register_channel(test);
	KUNIT_EXPECT_EQ(test, fastrpc_kunit_sessions_at_return,
			ARRAY_SIZE(fastrpc_session_reg));
#else
	kunit_skip(test, "needs CONFIG_KRETPROBES to watch fastrpc_rpmsg_probe() return");
#endif
}

/* Unbinding the channel removes every context bank, and their groups */
static void fastrpc_kunit_test_unbind(struct kunit *test)
{
	struct fastrpc_kunit_env *env = test->priv;
	struct iommu_group *group[FASTRPC_NR_CBS];
	struct fastrpc_kunit_find f;
	unsigned int i, n;

	fastrpc_kunit_build(test, 0);
	fastrpc_kunit_register_channel(test);

	KUNIT_ASSERT_EQ(test, fastrpc_kunit_banks(&env->rpdev->dev, &f), FASTRPC_NR_CBS);
	for (i = 0; i < FASTRPC_NR_CBS; i++)
		group[i] = iommu_group_get(f.found[i]);
	fastrpc_kunit_put_banks(&f);

	device_release_driver(&env->rpdev->dev);
	KUNIT_EXPECT_EQ(test, fastrpc_kunit_banks(&env->rpdev->dev, &f), 0);
	fastrpc_kunit_put_banks(&f);

	for (i = 0; i < FASTRPC_NR_CBS; i++) {
		if (!group[i])
			continue;
		n = 0;
		iommu_group_for_each_dev(group[i], &n, fastrpc_kunit_count);
		KUNIT_EXPECT_EQ(test, n, 0);
		iommu_group_put(group[i]);
	}

	/* Bound again, the channel has its banks again */
	KUNIT_EXPECT_EQ(test, device_attach(&env->rpdev->dev), 1);
	KUNIT_EXPECT_EQ(test, fastrpc_kunit_banks(&env->rpdev->dev, &f), FASTRPC_NR_CBS);
	fastrpc_kunit_put_banks(&f);
}

/*
 * A bank whose second stream ID the IOMMU refuses binds all the same, without
 * a group, with a log line, as its platform device did in v7.3 (which
 * of_dma_configure() then left to DMA without the IOMMU): the channel has
 * the sessions of every bank.
 */
static void fastrpc_kunit_test_refused_bank(struct kunit *test)
{
	struct fastrpc_kunit_env *env = test->priv;
	unsigned int i, sessions = 0;
	struct fastrpc_kunit_find f;
	u32 reg;

	for (i = 0; i < FASTRPC_NR_CBS; i++)
		sessions += fastrpc_cbs[i].nsessions ?: 1;

	fastrpc_kunit_build(test, 4);
	fastrpc_kunit_announce(test);
	KUNIT_ASSERT_NOT_NULL(test, env->rpdev->dev.driver);
	KUNIT_EXPECT_EQ(test, fastrpc_session_sids(&env->rpdev->dev, NULL, 0), sessions);
	KUNIT_EXPECT_EQ(test, fastrpc_kunit_banks(&env->rpdev->dev, &f), FASTRPC_NR_CBS);
	for (i = 0; i < f.n; i++) {
		KUNIT_ASSERT_EQ(test, of_property_read_u32(f.found[i]->of_node, "reg", &reg), 0);
		KUNIT_EXPECT_NOT_NULL(test, f.found[i]->driver);
		if (reg == 4)
			KUNIT_EXPECT_NULL(test, f.found[i]->iommu_group);
		else
			KUNIT_EXPECT_NOT_NULL(test, f.found[i]->iommu_group);
	}
	fastrpc_kunit_put_banks(&f);
}

/*
 * A bank whose "iommus" does not parse is skipped with a warning; the
 * channel binds with the sessions of its other banks, and the skipped
 * bank's node is neither claimed nor held.
 */
static void fastrpc_kunit_test_broken_bank_skipped(struct kunit *test)
{
	struct fastrpc_kunit_env *env = test->priv;
	unsigned int i, sessions = 0, refs;
	struct device_node *broken = NULL;
	struct fastrpc_kunit_find f;

	for (i = 0; i < FASTRPC_NR_CBS; i++)
		if (fastrpc_cbs[i].reg != 4)
			sessions += fastrpc_cbs[i].nsessions ?: 1;

	env->broken_reg = 4;
	fastrpc_kunit_build(test, 0);
	for (i = 0; i < FASTRPC_NR_CBS; i++)
		if (fastrpc_cbs[i].reg == 4)
			broken = env->cb_np[i];
	KUNIT_ASSERT_NOT_NULL(test, broken);
	refs = kref_read(&broken->kobj.kref);

	fastrpc_kunit_announce(test);
	KUNIT_ASSERT_NOT_NULL_MSG(test, env->rpdev->dev.driver,
				  "a bank that cannot be declared failed the channel");
	KUNIT_EXPECT_EQ(test, fastrpc_session_sids(&env->rpdev->dev, NULL, 0), sessions);
	KUNIT_EXPECT_EQ(test, fastrpc_kunit_banks(&env->rpdev->dev, &f), FASTRPC_NR_CBS - 1);
	for (i = 0; i < f.n; i++) {
		KUNIT_EXPECT_PTR_NE(test, f.found[i]->of_node, broken);
		KUNIT_EXPECT_NOT_NULL(test, f.found[i]->driver);
	}
	fastrpc_kunit_put_banks(&f);
	KUNIT_EXPECT_FALSE(test, of_node_check_flag(broken, OF_POPULATED));
	KUNIT_EXPECT_EQ(test, kref_read(&broken->kobj.kref), refs);
}

#if defined(CONFIG_KPROBES) && defined(CONFIG_HAVE_FUNCTION_ARG_ACCESS_API)
/* What the channel's probe registers while a test watches it */
static atomic_t fastrpc_kunit_misc_registered;
static atomic_t fastrpc_kunit_banks_added;

static int fastrpc_kunit_misc_register_pre(struct kprobe *kp, struct pt_regs *regs)
{
	struct miscdevice *misc = (struct miscdevice *)regs_get_kernel_argument(regs, 0);

	if (misc->name && !strncmp(misc->name, "fastrpc-", strlen("fastrpc-")))
		atomic_inc(&fastrpc_kunit_misc_registered);
	return 0;
}

static int fastrpc_kunit_aux_add_pre(struct kprobe *kp, struct pt_regs *regs)
{
	struct auxiliary_device *adev = (void *)regs_get_kernel_argument(regs, 0);
	struct rpmsg_device *rpdev = READ_ONCE(fastrpc_kunit_watched);

	if (rpdev && adev->dev.parent == &rpdev->dev)
		atomic_inc(&fastrpc_kunit_banks_added);
	return 0;
}

static void fastrpc_kunit_unregister_kprobe(void *kp)
{
	unregister_kprobe(kp);
}

static void fastrpc_kunit_watch(struct kunit *test, const char *symbol,
				kprobe_pre_handler_t pre)
{
	struct kprobe *kp = kunit_kzalloc(test, sizeof(*kp), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, kp);
	kp->symbol_name = symbol;
	kp->pre_handler = pre;
	KUNIT_ASSERT_EQ_MSG(test, 0, register_kprobe(kp), "kprobe on %s", symbol);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, fastrpc_kunit_unregister_kprobe,
							   kp));
}
#endif

/*
 * A bank whose IOMMU has not probed yet makes the channel defer before it
 * has any effect: no device node registered, no bank added, nothing left.
 */
static void fastrpc_kunit_test_defers_first(struct kunit *test)
{
#if defined(CONFIG_KPROBES) && defined(CONFIG_HAVE_FUNCTION_ARG_ACCESS_API)
	struct fastrpc_kunit_env *env = test->priv;
	struct fastrpc_kunit_find f;
	unsigned int i;

	env->late_reg = fastrpc_cbs[FASTRPC_NR_CBS - 1].reg;
	fastrpc_kunit_build(test, 0);
	atomic_set(&fastrpc_kunit_misc_registered, 0);
	atomic_set(&fastrpc_kunit_banks_added, 0);
	fastrpc_kunit_watch(test, "misc_register", fastrpc_kunit_misc_register_pre);
	fastrpc_kunit_watch(test, "__auxiliary_device_add", fastrpc_kunit_aux_add_pre);

	fastrpc_kunit_announce(test);
	KUNIT_EXPECT_NULL_MSG(test, env->rpdev->dev.driver, "bound without the late IOMMU");
	KUNIT_EXPECT_EQ(test, atomic_read(&fastrpc_kunit_misc_registered), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&fastrpc_kunit_banks_added), 0);
	KUNIT_EXPECT_EQ(test, fastrpc_kunit_banks(&env->rpdev->dev, &f), 0);
	fastrpc_kunit_put_banks(&f);
	for (i = 0; i < FASTRPC_NR_CBS; i++)
		KUNIT_EXPECT_FALSE(test, of_node_check_flag(env->cb_np[i], OF_POPULATED));
#else
	kunit_skip(test, "needs KPROBES and HAVE_FUNCTION_ARG_ACCESS_API to watch the probe");
#endif
}

/*
 * The channel's banks are all there, each bound in a group of its own, or
 * without a group if a fault failed its IOMMU probe (it then does DMA
 * without its IOMMU, as its platform device did), or, if a fault failed its
 * bind, left unbound, as a bank whose platform device failed to probe was
 * before, or, if it failed its addition, skipped; the channel's sessions
 * are those of its bound banks.  Return how many banks are unbound or
 * skipped.
 */
static unsigned int fastrpc_kunit_expect_whole(struct kunit *test, unsigned int point)
{
	struct fastrpc_kunit_env *env = test->priv;
	struct fastrpc_kunit_find f;
	unsigned int i, j, sessions = 0, unbound, banks;

	/* A bank that a fault kept from being added is skipped */
	banks = fastrpc_kunit_banks(&env->rpdev->dev, &f);
	KUNIT_EXPECT_LE_MSG(test, banks, FASTRPC_NR_CBS - env->first_cb, "point %u", point);
	unbound = FASTRPC_NR_CBS - env->first_cb - banks;
	for (i = 0; i < f.n; i++) {
		struct iommu_group *group = iommu_group_get(f.found[i]);
		unsigned int members = 0;

		for (j = env->first_cb; j < FASTRPC_NR_CBS; j++)
			if (f.found[i]->of_node == env->cb_np[j] && device_is_bound(f.found[i]))
				sessions += fastrpc_cbs[j].nsessions ?: 1;
		unbound += !device_is_bound(f.found[i]);
		if (!group)
			KUNIT_EXPECT_FALSE_MSG(test, dev_dma_iommu(f.found[i]),
					       "point %u: %s has IOMMU DMA ops and no group",
					       point, dev_name(f.found[i]));
		if (group) {
			iommu_group_for_each_dev(group, &members, fastrpc_kunit_count);
			KUNIT_EXPECT_EQ(test, members, 1);
		}
		iommu_group_put(group);
	}
	fastrpc_kunit_put_banks(&f);
	KUNIT_EXPECT_EQ_MSG(test, fastrpc_session_sids(&env->rpdev->dev, NULL, 0), sessions,
			    "point %u", point);
	return unbound;
}

/*
 * The channel's probe, which makes the context banks (here the last two:
 * one session, then three), with its 1st allocation failed, then its 2nd,
 * and so on (kunit_fail_nth()) until a probe meets no fault.  A probe that
 * a fault failed leaves the channel unbound, with no bank and no reference
 * on a bank's node; one that survived its fault leaves every bank in a
 * group of its own, bound unless the fault failed its bind, or skipped if
 * it failed its addition; the probe
 * without a fault binds them all.  kmemleak, scanned once the suites have
 * run, finds memory left behind.
 */
static void fastrpc_kunit_test_faults(struct kunit *test)
{
	struct fastrpc_kunit_env *env = test->priv;
	unsigned int n, i, failed = 0, survived = 0, unbound = 0, left;
	unsigned int refs[FASTRPC_NR_CBS];
	struct fastrpc_kunit_find f;
	bool injected;
	u64 start;
	int ret;

	ret = kunit_fail_nth_setup(test);
	if (ret == -EOPNOTSUPP)
		kunit_skip(test, "needs FAILSLAB, FAIL_PAGE_ALLOC and FAULT_INJECTION_DEBUG_FS");
	KUNIT_ASSERT_EQ(test, ret, 0);

	env->first_cb = FASTRPC_NR_CBS - 2;
	fastrpc_kunit_build(test, 0);
	fastrpc_kunit_register_channel(test);
	device_release_driver(&env->rpdev->dev);
	for (i = env->first_cb; i < FASTRPC_NR_CBS; i++)
		refs[i] = kref_read(&env->cb_np[i]->kobj.kref);

	start = ktime_get_ns();
	for (n = 1; n <= FASTRPC_MAX_POINTS; n++) {
		kunit_fail_nth(n);
		ret = device_attach(&env->rpdev->dev);
		injected = !kunit_fail_nth(0);

		if (env->rpdev->dev.driver) {
			left = fastrpc_kunit_expect_whole(test, n);
			KUNIT_EXPECT_TRUE_MSG(test, injected || !left,
					      "%u unbound or skipped without a fault", left);
			unbound += !!left;
			survived += injected;
			device_release_driver(&env->rpdev->dev);
		} else {
			KUNIT_EXPECT_TRUE_MSG(test, injected, "not bound without a fault: %d", ret);
			KUNIT_EXPECT_EQ(test, fastrpc_kunit_banks(&env->rpdev->dev, &f), 0);
			fastrpc_kunit_put_banks(&f);
			failed++;
		}
		for (i = env->first_cb; i < FASTRPC_NR_CBS; i++)
			KUNIT_EXPECT_EQ_MSG(test, kref_read(&env->cb_np[i]->kobj.kref), refs[i],
					    "point %u: %pOF", n, env->cb_np[i]);
		if (!injected)
			break;
	}
	KUNIT_EXPECT_LE(test, n, FASTRPC_MAX_POINTS);
	kunit_info(test, "faults: fastrpc channel probe: %u points, %u failed cleanly, %u survived whole (%u with a bank left unbound), %llu ms\n",
		   n - 1, failed, survived, unbound,
		   div_u64(ktime_get_ns() - start, NSEC_PER_MSEC));
}

static struct kunit_case fastrpc_kunit_cases[] = {
	KUNIT_CASE(fastrpc_kunit_test_banks),
	KUNIT_CASE(fastrpc_kunit_test_sessions_at_return),
	KUNIT_CASE(fastrpc_kunit_test_unbind),
	KUNIT_CASE(fastrpc_kunit_test_refused_bank),
	KUNIT_CASE(fastrpc_kunit_test_broken_bank_skipped),
	KUNIT_CASE(fastrpc_kunit_test_defers_first),
	KUNIT_CASE_SLOW(fastrpc_kunit_test_faults),
	{ }
};

static struct kunit_suite fastrpc_kunit_suite = {
	.name = "fastrpc_context_bank",
	.init = fastrpc_kunit_init,
	.exit = fastrpc_kunit_exit,
	.test_cases = fastrpc_kunit_cases,
};

kunit_test_suites(&fastrpc_kunit_suite);

MODULE_DESCRIPTION("KUnit tests for fastrpc's compute context banks");
MODULE_LICENSE("GPL");
