// SPDX-License-Identifier: GPL-2.0-only
/*
 * The DT fixture of the KUnit suites for DMA contexts of auxiliary devices
 *
 * The suites build their DT fragments at run time with of_changeset, under
 * the root node so that the OF notifier makes the parent a platform device,
 * and point them at the system's SMMUv3, found by its compatible string.
 * They need that IOMMU, bound to its driver: QEMU's "virt" machine with
 * "iommu=smmuv3" has one.  Elsewhere every test skips and says why.  The
 * fixture also holds the two test drivers the suites bind: "block" uses the
 * DMA API, "managed" owns its domain; and a mock IOMMU.
 */

#include <kunit/resource.h>
#include <linux/iommu.h>
#include <linux/of_platform.h>
#include <linux/slab.h>

#include "auxiliary_dma_kunit.h"

static atomic_t auxdma_seq = ATOMIC_INIT(0);

int auxdma_test_init(struct kunit *test)
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

void auxdma_test_exit(struct kunit *test)
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

void auxdma_put_device(void *data)
{
	put_device(data);
}

/*
 * Add to @env's changeset VPU instance @v: a parent node directly under the
 * root with, if @iommus, "iommus" for the parent itself and an "iommu-map"
 * for blocks without a node of their own; and NR_BLOCKS child nodes with
 * their own "iommus", except where block_iommu[] is AUXDMA_NO_IOMMUS.
 */
void auxdma_build_parent(struct auxdma_env *env, int v, const char *compatible,
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
	of_node_put(vpu->np);	/* the changeset holds a reference */
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
		of_node_put(vpu->block_np[i]);	/* the changeset holds a reference */
		if (vpu->block_iommu[i] == AUXDMA_NO_IOMMUS)
			continue;
		KUNIT_ASSERT_EQ(test, 0,
				of_changeset_add_prop_u32_array(ocs, vpu->block_np[i], "iommus",
								own, ARRAY_SIZE(own)));
	}
}

/* Apply @env's changeset and find the platform devices made for the parents */
void auxdma_apply(struct auxdma_env *env)
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

void auxdma_ocs_init(struct auxdma_env *env)
{
	of_changeset_init(&env->ocs);
	KUNIT_ASSERT_EQ(env->test, 0,
			kunit_add_action_or_reset(env->test, auxdma_ocs_revert, env));
}

/* The common fixture: a parent with "iommus", "iommu-map" and two blocks */
void auxdma_setup(struct auxdma_env *env)
{
	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, true);
	auxdma_apply(env);
}

struct auxiliary_device *
auxdma_create(struct auxdma_env *env, const char *devname,
	      const struct auxiliary_dma_context *ctx)
{
	struct kunit *test = env->test;
	struct auxiliary_device *auxdev;

	auxdev = auxiliary_device_create_dma(&env->parent->dev, devname, NULL,
					     auxdma_new_id(), ctx);
	KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, auxdev, "create %s: %pe", devname, auxdev);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_destroy, auxdev));
	return auxdev;
}

struct auxiliary_device *
auxdma_create_node(struct auxdma_env *env, const char *devname, int block)
{
	struct auxiliary_dma_context ctx = {
		.mode = AUXILIARY_DMA_OF_NODE, .np = env->block_np[block],
	};

	return auxdma_create(env, devname, &ctx);
}

struct auxiliary_device *
auxdma_create_id(struct auxdma_env *env, const char *devname, u32 input_id)
{
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_ID, .input_id = input_id };

	return auxdma_create(env, devname, &ctx);
}

/* Drivers that embed the auxiliary device in a structure of their own */
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
struct auxiliary_device *auxdma_embedded_init(struct auxdma_env *env, const char *name)
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
void auxdma_embedded_add(struct kunit *test, struct auxiliary_device *auxdev)
{
	int ret = auxiliary_device_add(auxdev);

	if (ret) {
		auxiliary_device_uninit(auxdev);
		KUNIT_FAIL_AND_ABORT(test, "auxiliary_device_add failed: %d", ret);
	}
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_destroy, auxdev));
}

struct iommu_group *auxdma_group(struct kunit *test, struct device *dev)
{
	struct iommu_group *group = iommu_group_get(dev);

	KUNIT_ASSERT_NOT_NULL_MSG(test, group, "%s has no IOMMU group", dev_name(dev));
	/* The device keeps the group alive; the tests only compare pointers */
	iommu_group_put(group);
	return group;
}

struct iommu_domain *auxdma_dma_domain(struct kunit *test, struct device *dev)
{
	struct iommu_domain *domain = iommu_get_domain_for_dev(dev);

	KUNIT_ASSERT_NOT_NULL(test, domain);
	KUNIT_EXPECT_TRUE_MSG(test, domain->type & __IOMMU_DOMAIN_DMA_API,
			      "%s: default domain type %#x is not a DMA domain",
			      dev_name(dev), domain->type);
	return domain;
}

/* Test drivers: "block" uses the DMA API, "managed" owns its domain */

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

int auxdma_suite_init(struct kunit_suite *suite)
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

/* The fixture's driver "block" or "managed", registered by auxdma_suite_init() */
struct device_driver *auxdma_fixture_driver(const char *name)
{
	if (!strcmp(name, auxdma_managed_driver.name))
		return &auxdma_managed_driver.driver;
	if (!strcmp(name, auxdma_block_driver.name))
		return &auxdma_block_driver.driver;
	return NULL;
}

void auxdma_suite_exit(struct kunit_suite *suite)
{
	auxiliary_driver_unregister(&auxdma_managed_driver);
	auxiliary_driver_unregister(&auxdma_block_driver);
}

/* The references held on a DT node, where nodes are refcounted */
unsigned int auxdma_np_refs(struct device_node *np)
{
#ifdef CONFIG_OF_KOBJ
	return kref_read(&np->kobj.kref);
#else
	return 0;
#endif
}

/*
 * A minimal IOMMU with an identity default domain, registered by a platform
 * driver of the tests when they choose, for an IOMMU that probes late or
 * that puts every device in one group.
 */
static void auxdma_mock_ocs_revert(void *data)
{
	struct auxdma_env *env = data;

	if (env->mock_applied)
		of_changeset_revert(&env->mock_ocs);
	of_changeset_destroy(&env->mock_ocs);
}

struct auxdma_mock_iommu {
	struct iommu_device iommu;
	struct iommu_group *shared;
};

/* With auxdma_mock_shared, every device of the mock IOMMU joins one group */
static bool auxdma_mock_shared;

static int auxdma_mock_attach(struct iommu_domain *domain, struct device *dev,
			      struct iommu_domain *old)
{
	return 0;
}

static const struct iommu_domain_ops auxdma_mock_identity_ops = {
	.attach_dev = auxdma_mock_attach,
};

struct iommu_domain auxdma_mock_identity = {
	.type = IOMMU_DOMAIN_IDENTITY,
	.ops = &auxdma_mock_identity_ops,
};

static struct iommu_device *auxdma_mock_probe_device(struct device *dev);
static struct iommu_group *auxdma_mock_device_group(struct device *dev);

static int auxdma_mock_of_xlate(struct device *dev, const struct of_phandle_args *args)
{
	return iommu_fwspec_add_ids(dev, args->args, 1);
}

static const struct iommu_ops auxdma_mock_ops = {
	.identity_domain = &auxdma_mock_identity,
	.default_domain = &auxdma_mock_identity,
	.probe_device = auxdma_mock_probe_device,
	.device_group = auxdma_mock_device_group,
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

/* Called with the IOMMU core's probe lock held, so never concurrently */
static struct iommu_group *auxdma_mock_device_group(struct device *dev)
{
	struct auxdma_mock_iommu *mock = auxdma_mock;

	if (!auxdma_mock_shared)
		return generic_device_group(dev);
	if (!mock->shared) {
		mock->shared = iommu_group_alloc();
		if (IS_ERR(mock->shared)) {
			struct iommu_group *err = mock->shared;

			mock->shared = NULL;
			return err;
		}
		/* The mock keeps the reference that iommu_group_alloc() gave */
	}
	return iommu_group_ref_get(mock->shared);
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
	if (mock->shared)
		iommu_group_put(mock->shared);
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
	auxdma_mock_shared = false;
}

/*
 * Make the mock IOMMU's DT node, on a changeset of its own that is reverted
 * last, and return its phandle.  The driver is registered later, by
 * auxdma_mock_register().
 */
u32 auxdma_mock_node(struct auxdma_env *env)
{
	struct kunit *test = env->test;
	struct platform_device *mock_pdev;
	struct device_node *mock_np;
	u32 phandle = MOCK_PHANDLE_BASE + env->seq;
	char name[48];

	KUNIT_ASSERT_NULL(test, of_find_node_by_phandle(phandle));

	of_changeset_init(&env->mock_ocs);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_mock_ocs_revert, env));
	snprintf(name, sizeof(name), "kunit-auxdma-mock-iommu-%d", env->seq);
	mock_np = of_changeset_create_node(&env->mock_ocs, of_root, name);
	KUNIT_ASSERT_NOT_NULL(test, mock_np);
	of_node_put(mock_np);	/* the changeset holds a reference */
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
	/* The IOMMU must go away only after its devices: actions run in reverse */
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_mock_unregister,
							   NULL));
	return phandle;
}

void auxdma_mock_register(struct kunit *test, bool shared)
{
	auxdma_mock_shared = shared;
	KUNIT_ASSERT_EQ(test, 0, platform_driver_register(&auxdma_mock_driver));
	auxdma_mock_registered = true;
	wait_for_device_probe();
	KUNIT_ASSERT_NOT_NULL(test, auxdma_mock);
}
