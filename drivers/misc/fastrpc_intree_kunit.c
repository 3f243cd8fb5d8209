// SPDX-License-Identifier: GPL-2.0
/*
 * fastrpc on every fastrpc channel of Linux's own arm64 DTS
 *
 * fastrpc_intree_kunit.h, which tools/intree-dt.py writes from the kernel's
 * DTS, holds each channel's compute banks as its SoC's .dtsi has them.  For
 * each SoC, the test builds its channels with of_changeset, each under a
 * glink edge of its own, their "iommus" naming mock IOMMUs, one per IOMMU
 * that the SoC's banks name, which match stream IDs as arm-smmu's stream
 * match registers do (arm_smmu_find_sme(), arm_smmu_device_group()): an
 * entry (ID, mask) that an earlier one covers shares it and its group, one
 * that overlaps an earlier one without being covered is refused.  Then a
 * mock rpmsg device per channel binds the fastrpc driver, and the sessions
 * it made are compared with what v7.3's driver made of the same nodes: each
 * bank's platform device bound, whatever its IOMMU said, with one session,
 * or "qcom,nsessions" of them, up to FASTRPC_MAX_SESSIONS per channel.
 */

#include <kunit/test.h>
#include <kunit/visibility.h>
#include <linux/iommu.h>
#include <linux/of.h>
#include <linux/of_platform.h>
#include <linux/platform_device.h>
#include <linux/rpmsg.h>
#include <linux/slab.h>

#include "../rpmsg/rpmsg_internal.h"
#include "fastrpc.h"

MODULE_IMPORT_NS("EXPORTED_FOR_KUNIT_TESTING");

#define FASTRPC_INTREE_MAX_SIDS		5
#define FASTRPC_INTREE_MAX_IOMMUS	4
#define FASTRPC_INTREE_MAX_CHANNELS	8
#define FASTRPC_INTREE_SMES		128	/* arm-smmu has at most 128 */
#define FASTRPC_INTREE_PHANDLE		0x7ffd0000	/* well above dtc's phandles */
#define FASTRPC_INTREE_MAX_SESSIONS	14	/* v7.3's FASTRPC_MAX_SESSIONS */

struct fastrpc_intree_sid {
	unsigned int iommu;	/* which of the SoC's IOMMUs */
	u32 id;
	u32 mask;
};

struct fastrpc_intree_bank {
	u32 reg;
	u32 nsessions;		/* 0: no "qcom,nsessions" */
	bool coherent;
	bool available;
	unsigned int nsids;
	struct fastrpc_intree_sid sids[FASTRPC_INTREE_MAX_SIDS];
};

struct fastrpc_intree_channel {
	const char *soc;
	const char *label;
	bool non_secure;
	const struct fastrpc_intree_bank *banks;
	unsigned int nbanks;
};

#include "fastrpc_intree_kunit.h"

/* The mock IOMMU: arm-smmu's stream matching, and identity domains only */
struct fastrpc_intree_sme {
	u32 id;
	u32 mask;
	unsigned int count;	/* 0: the entry is free */
	struct iommu_group *group;
};

struct fastrpc_intree_smmu {
	struct iommu_device iommu;
	struct fastrpc_intree_sme sme[FASTRPC_INTREE_SMES];
};

/* A master's entries, one per stream ID, as arm-smmu's cfg->smendx[] */
struct fastrpc_intree_master {
	struct fastrpc_intree_smmu *smmu;
	unsigned int n;
	int idx[FASTRPC_INTREE_MAX_SIDS];
};

static struct fastrpc_intree_smmu *fastrpc_intree_smmus[FASTRPC_INTREE_MAX_IOMMUS];
static DEFINE_MUTEX(fastrpc_intree_lock);	/* the entries, as stream_map_mutex */

static int fastrpc_intree_attach(struct iommu_domain *domain, struct device *dev,
				 struct iommu_domain *old)
{
	return 0;
}

static const struct iommu_domain_ops fastrpc_intree_identity_ops = {
	.attach_dev = fastrpc_intree_attach,
};

static struct iommu_domain fastrpc_intree_identity = {
	.type = IOMMU_DOMAIN_IDENTITY,
	.ops = &fastrpc_intree_identity_ops,
};

/* arm_smmu_find_sme(): reuse an entry that covers (id, mask), refuse overlap */
static int fastrpc_intree_find_sme(struct fastrpc_intree_smmu *smmu, u32 id, u32 mask)
{
	int i, free_idx = -ENOSPC;

	for (i = 0; i < FASTRPC_INTREE_SMES; i++) {
		struct fastrpc_intree_sme *sme = &smmu->sme[i];

		if (!sme->count) {
			if (free_idx < 0)
				free_idx = i;
			continue;
		}
		if ((mask & sme->mask) == mask && !((id ^ sme->id) & ~sme->mask))
			return i;
		if (!((id ^ sme->id) & ~(sme->mask | mask)))
			return -EINVAL;
	}
	return free_idx;
}

static void fastrpc_intree_free_smes(struct fastrpc_intree_master *master)
{
	while (master->n) {
		struct fastrpc_intree_sme *sme = &master->smmu->sme[master->idx[--master->n]];

		if (!--sme->count)
			sme->group = NULL;
	}
}

static struct fastrpc_intree_smmu *fastrpc_intree_smmu_of(struct device *dev)
{
	struct iommu_fwspec *fwspec = dev_iommu_fwspec_get(dev);
	int i;

	for (i = 0; fwspec && i < FASTRPC_INTREE_MAX_IOMMUS; i++)
		if (fastrpc_intree_smmus[i] &&
		    fwspec->iommu_fwnode == fastrpc_intree_smmus[i]->iommu.fwnode)
			return fastrpc_intree_smmus[i];
	return NULL;
}

/* arm_smmu_master_alloc_smes() */
static struct iommu_device *fastrpc_intree_probe_device(struct device *dev)
{
	struct iommu_fwspec *fwspec = dev_iommu_fwspec_get(dev);
	struct fastrpc_intree_smmu *smmu = fastrpc_intree_smmu_of(dev);
	struct fastrpc_intree_master *master;
	int i, idx;

	if (!smmu || fwspec->num_ids > FASTRPC_INTREE_MAX_SIDS)
		return ERR_PTR(-ENODEV);
	master = kzalloc_obj(*master);
	if (!master)
		return ERR_PTR(-ENOMEM);
	master->smmu = smmu;

	mutex_lock(&fastrpc_intree_lock);
	for (i = 0; i < fwspec->num_ids; i++) {
		u32 id = fwspec->ids[i] & 0xffff, mask = fwspec->ids[i] >> 16;

		idx = fastrpc_intree_find_sme(smmu, id, mask);
		if (idx < 0) {
			fastrpc_intree_free_smes(master);
			mutex_unlock(&fastrpc_intree_lock);
			kfree(master);
			return ERR_PTR(idx);
		}
		if (!smmu->sme[idx].count) {
			smmu->sme[idx].id = id;
			smmu->sme[idx].mask = mask;
		}
		smmu->sme[idx].count++;
		master->idx[master->n++] = idx;
	}
	mutex_unlock(&fastrpc_intree_lock);
	dev_iommu_priv_set(dev, master);
	return &smmu->iommu;
}

static void fastrpc_intree_release_device(struct device *dev)
{
	struct fastrpc_intree_master *master = dev_iommu_priv_get(dev);

	mutex_lock(&fastrpc_intree_lock);
	fastrpc_intree_free_smes(master);
	mutex_unlock(&fastrpc_intree_lock);
	kfree(master);
}

/* arm_smmu_device_group(): the group of the master's entries, or a new one */
static struct iommu_group *fastrpc_intree_device_group(struct device *dev)
{
	struct fastrpc_intree_master *master = dev_iommu_priv_get(dev);
	struct fastrpc_intree_sme *sme = master->smmu->sme;
	struct iommu_group *group = NULL;
	unsigned int i;

	mutex_lock(&fastrpc_intree_lock);
	for (i = 0; i < master->n; i++) {
		if (group && sme[master->idx[i]].group && group != sme[master->idx[i]].group) {
			mutex_unlock(&fastrpc_intree_lock);
			return ERR_PTR(-EINVAL);
		}
		group = sme[master->idx[i]].group;
	}
	if (group) {
		group = iommu_group_ref_get(group);
	} else {
		group = generic_device_group(dev);
		for (i = 0; !IS_ERR(group) && i < master->n; i++)
			sme[master->idx[i]].group = group;
	}
	mutex_unlock(&fastrpc_intree_lock);
	return group;
}

/* "iommus" entries of two cells, (ID, mask), as arm-smmu's; or of one */
static int fastrpc_intree_of_xlate(struct device *dev, const struct of_phandle_args *args)
{
	u32 fwid = args->args[0] | (args->args_count > 1 ? args->args[1] << 16 : 0);

	return iommu_fwspec_add_ids(dev, &fwid, 1);
}

static const struct iommu_ops fastrpc_intree_ops = {
	.identity_domain = &fastrpc_intree_identity,
	.default_domain = &fastrpc_intree_identity,
	.probe_device = fastrpc_intree_probe_device,
	.release_device = fastrpc_intree_release_device,
	.device_group = fastrpc_intree_device_group,
	.of_xlate = fastrpc_intree_of_xlate,
	.owner = THIS_MODULE,
};

static int fastrpc_intree_smmu_probe(struct platform_device *pdev)
{
	struct fastrpc_intree_smmu *smmu;
	u32 n;
	int ret;

	if (of_property_read_u32(pdev->dev.of_node, "kunit,index", &n) ||
	    n >= FASTRPC_INTREE_MAX_IOMMUS)
		return -EINVAL;
	smmu = devm_kzalloc(&pdev->dev, sizeof(*smmu), GFP_KERNEL);
	if (!smmu)
		return -ENOMEM;
	platform_set_drvdata(pdev, smmu);
	ret = iommu_device_sysfs_add(&smmu->iommu, &pdev->dev, NULL, "%s",
				     dev_name(&pdev->dev));
	if (ret)
		return ret;
	fastrpc_intree_smmus[n] = smmu;
	ret = iommu_device_register(&smmu->iommu, &fastrpc_intree_ops, &pdev->dev);
	if (ret) {
		fastrpc_intree_smmus[n] = NULL;
		iommu_device_sysfs_remove(&smmu->iommu);
	}
	return ret;
}

static void fastrpc_intree_smmu_remove(struct platform_device *pdev)
{
	struct fastrpc_intree_smmu *smmu = platform_get_drvdata(pdev);
	int i;

	iommu_device_unregister(&smmu->iommu);
	iommu_device_sysfs_remove(&smmu->iommu);
	for (i = 0; i < FASTRPC_INTREE_MAX_IOMMUS; i++)
		if (fastrpc_intree_smmus[i] == smmu)
			fastrpc_intree_smmus[i] = NULL;
}

/* Bound through driver_override: the mock nodes have no compatible */
static struct platform_driver fastrpc_intree_smmu_driver = {
	.probe = fastrpc_intree_smmu_probe,
	.remove = fastrpc_intree_smmu_remove,
	.driver = {
		.name = "kunit-fastrpc-intree-smmu",
	},
};

/* The mock rpmsg provider: endpoints that send nothing */
static void fastrpc_intree_destroy_ept(struct rpmsg_endpoint *ept)
{
	kfree(ept);
}

static const struct rpmsg_endpoint_ops fastrpc_intree_ept_ops = {
	.destroy_ept = fastrpc_intree_destroy_ept,
};

static struct rpmsg_endpoint *
fastrpc_intree_create_ept(struct rpmsg_device *rpdev, rpmsg_rx_cb_t cb, void *priv,
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
	ept->ops = &fastrpc_intree_ept_ops;
	return ept;
}

static const struct rpmsg_device_ops fastrpc_intree_rpdev_ops = {
	.create_ept = fastrpc_intree_create_ept,
};

static void fastrpc_intree_rpdev_release(struct device *dev)
{
	struct rpmsg_device *rpdev = container_of(dev, struct rpmsg_device, dev);

	of_node_put(dev->of_node);
	kfree(rpdev);
}

/* One SoC: its IOMMUs, its channels under their edges, their rpmsg devices */
struct fastrpc_intree_soc {
	struct kunit *test;
	struct of_changeset iommu_ocs, ocs;
	bool iommu_applied, applied;
	struct platform_device *iommu[FASTRPC_INTREE_MAX_IOMMUS];
	unsigned int niommus;
	struct device_node *channel_np[FASTRPC_INTREE_MAX_CHANNELS];
	struct platform_device *edge[FASTRPC_INTREE_MAX_CHANNELS];
	struct rpmsg_device *rpdev[FASTRPC_INTREE_MAX_CHANNELS];
};

static void fastrpc_intree_soc_teardown(struct fastrpc_intree_soc *s)
{
	int i;

	for (i = 0; i < FASTRPC_INTREE_MAX_CHANNELS; i++) {
		if (s->rpdev[i])
			device_unregister(&s->rpdev[i]->dev);
		if (s->edge[i])
			put_device(&s->edge[i]->dev);
	}
	if (s->applied)
		of_changeset_revert(&s->ocs);
	of_changeset_destroy(&s->ocs);
	for (i = 0; i < FASTRPC_INTREE_MAX_IOMMUS; i++)
		if (s->iommu[i])
			put_device(&s->iommu[i]->dev);
	if (s->iommu_applied)
		of_changeset_revert(&s->iommu_ocs);
	of_changeset_destroy(&s->iommu_ocs);
}

static void fastrpc_intree_soc_release(void *data)
{
	fastrpc_intree_soc_teardown(data);
}

/* The mock IOMMUs that the banks of channels [first, last) name */
static void fastrpc_intree_add_iommus(struct fastrpc_intree_soc *s, unsigned int first,
				      unsigned int last)
{
	struct kunit *test = s->test;
	unsigned int c, b, k, i;

	for (c = first; c < last; c++) {
		const struct fastrpc_intree_channel *ch = &fastrpc_intree_channels[c];

		for (b = 0; b < ch->nbanks; b++)
			for (k = 0; k < ch->banks[b].nsids; k++)
				s->niommus = max(s->niommus, ch->banks[b].sids[k].iommu + 1);
	}
	KUNIT_ASSERT_LE(test, s->niommus, FASTRPC_INTREE_MAX_IOMMUS);

	for (i = 0; i < s->niommus; i++) {
		struct device_node *np;
		char name[40];

		snprintf(name, sizeof(name), "kunit-fastrpc-intree-smmu-%u", i);
		np = of_changeset_create_node(&s->iommu_ocs, of_root, name);
		KUNIT_ASSERT_NOT_NULL(test, np);
		of_node_put(np);	/* the changeset holds a reference */
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(&s->iommu_ocs, np,
								   "#iommu-cells", 2));
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(&s->iommu_ocs, np,
								   "kunit,index", i));
	}
	KUNIT_ASSERT_EQ(test, 0, of_changeset_apply(&s->iommu_ocs));
	s->iommu_applied = true;

	for (i = 0; i < s->niommus; i++) {
		struct device_node *np;
		char path[48];

		snprintf(path, sizeof(path), "/kunit-fastrpc-intree-smmu-%u", i);
		np = of_find_node_by_path(path);
		KUNIT_ASSERT_NOT_NULL(test, np);
		/*
		 * of_changeset attaches a node before it adds its properties, so
		 * a "phandle" property would not be seen: set it on the node, as
		 * the overlay code does, before anything refers to it.
		 */
		np->phandle = FASTRPC_INTREE_PHANDLE + i;
		s->iommu[i] = of_find_device_by_node(np);
		of_node_put(np);
		KUNIT_ASSERT_NOT_NULL(test, s->iommu[i]);
		KUNIT_ASSERT_EQ(test, 0,
				device_set_driver_override(&s->iommu[i]->dev,
							   fastrpc_intree_smmu_driver.driver.name));
		KUNIT_ASSERT_EQ(test, 1, device_attach(&s->iommu[i]->dev));
	}
}

/* Channel @c of the table, as the @n-th of its SoC, under an edge of its own */
static void fastrpc_intree_add_channel(struct fastrpc_intree_soc *s, unsigned int c,
				       unsigned int n)
{
	const struct fastrpc_intree_channel *ch = &fastrpc_intree_channels[c];
	struct of_changeset *ocs = &s->ocs;
	struct kunit *test = s->test;
	struct device_node *edge, *np;
	char name[48];
	unsigned int b, k;

	snprintf(name, sizeof(name), "kunit-fastrpc-intree-edge-%u", n);
	edge = of_changeset_create_node(ocs, of_root, name);
	KUNIT_ASSERT_NOT_NULL(test, edge);
	of_node_put(edge);	/* the changeset holds a reference */
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, edge, "compatible",
							      "test,glink-edge"));
	np = of_changeset_create_node(ocs, edge, "fastrpc");
	KUNIT_ASSERT_NOT_NULL(test, np);
	of_node_put(np);	/* the changeset holds a reference */
	s->channel_np[n] = np;
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, np, "compatible",
							      "qcom,fastrpc"));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, np, "qcom,glink-channels",
							      "fastrpcglink-apps-dsp"));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, np, "label", ch->label));
	if (ch->non_secure)
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_bool(ocs, np,
								    "qcom,non-secure-domain"));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(ocs, np, "#address-cells", 1));
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(ocs, np, "#size-cells", 0));

	/*
	 * A node that of_changeset attaches becomes its parent's first child:
	 * create the banks last to first, so that fastrpc finds them, and the
	 * mock IOMMU matches their stream IDs, in the order of the DTS.
	 */
	for (b = ch->nbanks; b--; ) {
		const struct fastrpc_intree_bank *bank = &ch->banks[b];
		u32 iommus[3 * FASTRPC_INTREE_MAX_SIDS];
		struct device_node *cb;

		snprintf(name, sizeof(name), "compute-cb@%u", bank->reg);
		cb = of_changeset_create_node(ocs, np, name);
		KUNIT_ASSERT_NOT_NULL(test, cb);
		of_node_put(cb);	/* the changeset holds a reference */
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_string(ocs, cb, "compatible",
								      "qcom,fastrpc-compute-cb"));
		KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32(ocs, cb, "reg", bank->reg));
		for (k = 0; k < bank->nsids; k++) {
			iommus[3 * k] = FASTRPC_INTREE_PHANDLE + bank->sids[k].iommu;
			iommus[3 * k + 1] = bank->sids[k].id;
			iommus[3 * k + 2] = bank->sids[k].mask;
		}
		if (bank->nsids)
			KUNIT_ASSERT_EQ(test, 0,
					of_changeset_add_prop_u32_array(ocs, cb, "iommus", iommus,
									3 * bank->nsids));
		if (bank->nsessions)
			KUNIT_ASSERT_EQ(test, 0,
					of_changeset_add_prop_u32(ocs, cb, "qcom,nsessions",
								  bank->nsessions));
		if (bank->coherent)
			KUNIT_ASSERT_EQ(test, 0,
					of_changeset_add_prop_bool(ocs, cb, "dma-coherent"));
		if (!bank->available)
			KUNIT_ASSERT_EQ(test, 0,
					of_changeset_add_prop_string(ocs, cb, "status",
								     "disabled"));
	}
}

/* What a glink edge does when the DSP announces channel @n */
static void fastrpc_intree_announce(struct fastrpc_intree_soc *s, unsigned int n)
{
	struct kunit *test = s->test;
	struct rpmsg_device *rpdev;

	s->edge[n] = of_find_device_by_node(s->channel_np[n]->parent);
	KUNIT_ASSERT_NOT_NULL(test, s->edge[n]);
	rpdev = kzalloc_obj(*rpdev);
	KUNIT_ASSERT_NOT_NULL(test, rpdev);
	strscpy(rpdev->id.name, "fastrpcglink-apps-dsp", RPMSG_NAME_SIZE);
	rpdev->ops = &fastrpc_intree_rpdev_ops;
	rpdev->dev.parent = &s->edge[n]->dev;
	rpdev->dev.of_node = of_node_get(s->channel_np[n]);
	rpdev->dev.release = fastrpc_intree_rpdev_release;
	KUNIT_ASSERT_EQ(test, 0, rpmsg_register_device(rpdev));
	s->rpdev[n] = rpdev;
}

/* The sessions v7.3's driver made of channel @c: fastrpc_cb_probe() */
static unsigned int fastrpc_intree_v73_sessions(const struct fastrpc_intree_channel *ch)
{
	unsigned int b, count = 0;

	for (b = 0; b < ch->nbanks; b++) {
		if (!ch->banks[b].available || count >= FASTRPC_INTREE_MAX_SESSIONS)
			continue;
		count += 1;
		if (ch->banks[b].nsessions > 1)
			count = min(count + ch->banks[b].nsessions - 1,
				    FASTRPC_INTREE_MAX_SESSIONS);
	}
	return count;
}

struct fastrpc_intree_count {
	unsigned int bound;
	unsigned int shared;	/* in a group with another bank */
	unsigned int without_iommu;
};

static int fastrpc_intree_count_member(struct device *dev, void *data)
{
	(*(unsigned int *)data)++;
	return 0;
}

static int fastrpc_intree_count_bank(struct device *dev, void *data)
{
	struct fastrpc_intree_count *count = data;
	struct iommu_group *group;
	unsigned int members = 0;

	if (!device_is_bound(dev))
		return 0;
	count->bound++;
	group = iommu_group_get(dev);
	if (!group) {
		count->without_iommu++;
		return 0;
	}
	iommu_group_for_each_dev(group, &members, fastrpc_intree_count_member);
	count->shared += members > 1;
	iommu_group_put(group);
	return 0;
}

/*
 * Every channel of every SoC binds, with as many sessions as v7.3's driver
 * made of the same nodes.
 */
static void fastrpc_intree_test_every_channel(struct kunit *test)
{
	unsigned int c = 0, socs = 0, channels = 0, banks = 0, sessions = 0, lost = 0;
	struct fastrpc_intree_count count = {};

	while (c < ARRAY_SIZE(fastrpc_intree_channels)) {
		struct fastrpc_intree_soc *s;
		unsigned int first = c, n;

		while (c < ARRAY_SIZE(fastrpc_intree_channels) &&
		       !strcmp(fastrpc_intree_channels[c].soc, fastrpc_intree_channels[first].soc))
			c++;
		KUNIT_ASSERT_LE(test, c - first, FASTRPC_INTREE_MAX_CHANNELS);

		s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, s);
		s->test = test;
		of_changeset_init(&s->iommu_ocs);
		of_changeset_init(&s->ocs);
		KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, fastrpc_intree_soc_release,
								   s));
		fastrpc_intree_add_iommus(s, first, c);
		for (n = 0; n < c - first; n++)
			fastrpc_intree_add_channel(s, first + n, n);
		KUNIT_ASSERT_EQ(test, 0, of_changeset_apply(&s->ocs));
		s->applied = true;

		for (n = 0; n < c - first; n++) {
			const struct fastrpc_intree_channel *ch;
			unsigned int want;
			int got;

			ch = &fastrpc_intree_channels[first + n];
			want = fastrpc_intree_v73_sessions(ch);

			fastrpc_intree_announce(s, n);
			KUNIT_EXPECT_NOT_NULL_MSG(test, s->rpdev[n]->dev.driver,
						  "%s %s: the channel did not bind",
						  ch->soc, ch->label);
			if (!s->rpdev[n]->dev.driver) {
				lost += want;
				continue;
			}
			got = fastrpc_session_sids(&s->rpdev[n]->dev, NULL, 0);
			KUNIT_EXPECT_EQ_MSG(test, got, want, "%s %s: sessions", ch->soc, ch->label);
			if (got < want)
				lost += want - got;
			sessions += got;
			banks += ch->nbanks;
			device_for_each_child(&s->rpdev[n]->dev, &count, fastrpc_intree_count_bank);
		}
		channels += c - first;
		socs++;
		kunit_release_action(test, fastrpc_intree_soc_release, s);
	}
	kunit_info(test,
		   "in-tree DT: fastrpc: %u SoCs, %u channels, %u banks, %u bound (%u sharing a group, %u without an IOMMU), %u sessions, %u lost against v7.3\n",
		   socs, channels, banks, count.bound, count.shared, count.without_iommu,
		   sessions, lost);
}

static int fastrpc_intree_init(struct kunit *test)
{
	return platform_driver_register(&fastrpc_intree_smmu_driver);
}

static void fastrpc_intree_exit(struct kunit *test)
{
	platform_driver_unregister(&fastrpc_intree_smmu_driver);
}

static struct kunit_case fastrpc_intree_cases[] = {
	KUNIT_CASE_SLOW(fastrpc_intree_test_every_channel),
	{ }
};

static struct kunit_suite fastrpc_intree_suite = {
	.name = "fastrpc_intree_dt",
	.init = fastrpc_intree_init,
	.exit = fastrpc_intree_exit,
	.test_cases = fastrpc_intree_cases,
};

kunit_test_suite(fastrpc_intree_suite);

MODULE_DESCRIPTION("KUnit run of fastrpc on every in-tree fastrpc channel");
MODULE_LICENSE("GPL");
