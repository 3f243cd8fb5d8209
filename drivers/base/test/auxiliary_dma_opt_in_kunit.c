// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests that auxiliary devices without a declared DMA context stay
 * out of IOMMU drivers
 *
 * The auxiliary bus is one of the IOMMU core's buses, and the IOMMU core
 * offers a device without a fwspec to the IOMMU driver that registered
 * without a firmware node: Intel VT-d, AMD-Vi, PAMU, legacy arm-smmu.  The
 * tests watch that driver's probe_device() with a kprobe while they add
 * devices: a platform device without firmware must reach it (the control),
 * an auxiliary device that declared nothing must not.  Where a PCI device
 * is served by such a driver, as on QEMU q35 with intel-iommu, that driver
 * is watched; elsewhere the tests register a minimal IOMMU without a
 * firmware node that refuses every device.  Neither DT nor a particular
 * IOMMU is needed, only a PCI device to be the auxiliary devices' parent.
 */

#include <kunit/platform_device.h>
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/iommu.h>
#include <linux/kprobes.h>
#include <linux/pci.h>
#include <linux/platform_device.h>

#include "auxiliary_dma_kunit.h"

struct auxdma_opt_in {
	struct pci_dev *parent;
	struct iommu_device mock;
	bool mock_registered;
	struct kprobe kp;
	bool armed;
	struct device *control;
	atomic_t control_calls;
	atomic_t auxiliary_calls;
};

/* Sees every call of the watched probe_device(); nothing else runs here */
static struct auxdma_opt_in *auxdma_watched;

/* The device that probe_device() was called with */
static struct device *auxdma_probe_device_arg(struct pt_regs *regs)
{
#ifdef CONFIG_HAVE_FUNCTION_ARG_ACCESS_API
	return (struct device *)regs_get_kernel_argument(regs, 0);
#else
	return NULL;
#endif
}

static int auxdma_probe_device_pre(struct kprobe *kp, struct pt_regs *regs)
{
	struct device *dev = auxdma_probe_device_arg(regs);
	struct auxdma_opt_in *oi = READ_ONCE(auxdma_watched);

	if (!oi || !dev)
		return 0;
	if (dev == oi->control)
		atomic_inc(&oi->control_calls);
	else if (dev_is_auxiliary(dev))
		atomic_inc(&oi->auxiliary_calls);
	return 0;
}

static struct iommu_device *auxdma_null_probe_device(struct device *dev)
{
	return ERR_PTR(-ENODEV);
}

/* Takes no device: only its probe_device() is ever called */
static const struct iommu_ops auxdma_null_fwnode_ops = {
	.probe_device = auxdma_null_probe_device,
	.device_group = generic_device_group,
	.owner = THIS_MODULE,
};

static void auxdma_opt_in_exit(struct kunit *test)
{
	struct auxdma_opt_in *oi = test->priv;

	if (!oi)
		return;
	if (oi->armed) {
		WRITE_ONCE(auxdma_watched, NULL);
		unregister_kprobe(&oi->kp);
	}
	if (oi->mock_registered)
		iommu_device_unregister(&oi->mock);
	pci_dev_put(oi->parent);
}

/* A PCI device without a DT node: the parent of the tests' devices */
static struct pci_dev *auxdma_pci_parent(void)
{
	struct pci_dev *pdev = NULL;

	for_each_pci_dev(pdev)
		if (!dev_of_node(&pdev->dev))
			return pdev;
	return NULL;
}

static int auxdma_opt_in_init(struct kunit *test)
{
	struct auxdma_opt_in *oi;

	oi = kunit_kzalloc(test, sizeof(*oi), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, oi);
	test->priv = oi;

	oi->parent = auxdma_pci_parent();
	if (!oi->parent)
		kunit_skip(test, "no PCI device without a DT node: run on QEMU q35 or virt");
	return 0;
}

/*
 * The probe_device() of the IOMMU driver that takes devices without a
 * fwspec: the one that serves the parent without a fwspec (VT-d, AMD-Vi),
 * or else a minimal one registered here without a firmware node.
 */
static void *auxdma_watch_null_fwnode_iommu(struct kunit *test)
{
	struct auxdma_opt_in *oi = test->priv;
	struct device *parent = &oi->parent->dev;
	int ret;

	if (parent->iommu && parent->iommu->iommu_dev && !dev_iommu_fwspec_get(parent)) {
		kunit_info(test, "watching the IOMMU driver of %s\n", dev_name(parent));
		return parent->iommu->iommu_dev->ops->probe_device;
	}

	ret = iommu_device_register(&oi->mock, &auxdma_null_fwnode_ops, NULL);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "register an IOMMU without fwnode: %d", ret);
	oi->mock_registered = true;
	kunit_info(test, "watching an IOMMU registered without a firmware node\n");
	return auxdma_null_fwnode_ops.probe_device;
}

static void auxdma_arm(struct kunit *test, void *probe_device)
{
	struct auxdma_opt_in *oi = test->priv;
	int ret;

	oi->kp.addr = probe_device;
	oi->kp.pre_handler = auxdma_probe_device_pre;
	WRITE_ONCE(auxdma_watched, oi);
	ret = register_kprobe(&oi->kp);
	if (ret)
		WRITE_ONCE(auxdma_watched, NULL);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "kprobe on %ps: %d", probe_device, ret);
	oi->armed = true;
}

/*
 * An auxiliary device created the usual way, with no DMA context, never
 * reaches the IOMMU driver that takes devices without a fwspec, and gets
 * no IOMMU data and no group; a platform device added in the same window
 * does reach it, which shows that the watch works.  What every auxiliary
 * device pays for DMA contexts is one pointer.
 */
static void auxdma_opt_in_test_undeclared_not_probed(struct kunit *test)
{
	struct auxdma_opt_in *oi = test->priv;
	struct auxiliary_device *auxdev;
	struct platform_device *control;

	if (!IS_ENABLED(CONFIG_KPROBES) || !IS_ENABLED(CONFIG_HAVE_FUNCTION_ARG_ACCESS_API))
		kunit_skip(test, "needs KPROBES and HAVE_FUNCTION_ARG_ACCESS_API");
	auxdma_arm(test, auxdma_watch_null_fwnode_iommu(test));

	control = kunit_platform_device_alloc(test, "kunit-auxdma-control",
					      PLATFORM_DEVID_AUTO);
	KUNIT_ASSERT_NOT_NULL(test, control);
	oi->control = &control->dev;
	KUNIT_ASSERT_EQ(test, 0, kunit_platform_device_add(test, control));
	KUNIT_EXPECT_GT_MSG(test, atomic_read(&oi->control_calls), 0,
			    "%s never reached the IOMMU driver: the watch is blind",
			    dev_name(&control->dev));

	auxdev = auxiliary_device_create(&oi->parent->dev, KBUILD_MODNAME, "undeclared",
					 NULL, 0);
	KUNIT_ASSERT_NOT_NULL(test, auxdev);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_destroy, auxdev));

	KUNIT_EXPECT_EQ_MSG(test, atomic_read(&oi->auxiliary_calls), 0,
			    "%s reached the IOMMU driver's probe_device()",
			    dev_name(&auxdev->dev));
	KUNIT_EXPECT_NULL(test, auxdev->dma);
	KUNIT_EXPECT_NULL(test, auxdev->dev.iommu);
	KUNIT_EXPECT_NULL(test, auxdev->dev.iommu_group);
	KUNIT_EXPECT_FALSE(test, device_iommu_mapped(&auxdev->dev));
}

static unsigned int auxdma_group_size(struct device *dev)
{
	struct iommu_group *group = iommu_group_get(dev);
	unsigned int n = 0;

	if (group) {
		iommu_group_for_each_dev(group, &n, auxdma_count_dev);
		iommu_group_put(group);
	}
	return n;
}

/*
 * Without DT there is nothing to declare a context with (a declaration by
 * node needs a node): a declaration by input ID fails with -ENODEV, and
 * nothing is registered or joins the parent's group.
 */
static void auxdma_opt_in_test_no_dt_refused(struct kunit *test)
{
	struct auxdma_opt_in *oi = test->priv;
	static const struct auxiliary_dma_context ctx[] = {
		{ .mode = AUXILIARY_DMA_OF_ID, .input_id = 0 },
	};
	const char *prefix = KBUILD_MODNAME ".nodt.";
	unsigned int group_size = auxdma_group_size(&oi->parent->dev);
	struct auxiliary_device *auxdev;
	struct device *dev;
	int i;

	for (i = 0; i < ARRAY_SIZE(ctx); i++) {
		auxdev = auxiliary_device_create_dma(&oi->parent->dev, "nodt", NULL,
						     auxdma_new_id(), &ctx[i]);
		if (!IS_ERR(auxdev))
			kunit_add_action_or_reset(test, auxdma_destroy, auxdev);
		KUNIT_EXPECT_EQ_MSG(test, PTR_ERR_OR_ZERO(auxdev), -ENODEV,
				    "mode %d", ctx[i].mode);
	}

	dev = auxdma_find_aux(prefix);
	KUNIT_EXPECT_NULL_MSG(test, dev, "%s left behind", dev ? dev_name(dev) : "");
	put_device(dev);
	KUNIT_EXPECT_EQ(test, auxdma_group_size(&oi->parent->dev), group_size);
}

static struct kunit_case auxdma_opt_in_cases[] = {
	KUNIT_CASE(auxdma_opt_in_test_undeclared_not_probed),
	KUNIT_CASE(auxdma_opt_in_test_no_dt_refused),
	{}
};

static struct kunit_suite auxdma_opt_in_suite = {
	.name = "auxiliary_dma_opt_in",
	.init = auxdma_opt_in_init,
	.exit = auxdma_opt_in_exit,
	.test_cases = auxdma_opt_in_cases,
};

kunit_test_suites(&auxdma_opt_in_suite);
