// SPDX-License-Identifier: GPL-2.0-only
/*
 * Iris IOMMU context banks as auxiliary devices
 *
 * Iris issues DMA through two IOMMU context banks, one for pixel data and
 * one for everything else, which the firmware requires above 600 MiB.  When
 * the iris node describes each bank in a sub-node of its own ("non-pixel",
 * "pixel"), each becomes an auxiliary device of the iris core, declared by
 * its sub-node, so that it has its own IOMMU group and domain and the IOVA
 * ranges its sub-node's "iommu-ranges" gives it.  A small auxiliary driver
 * binds them while they are added.  Every buffer then goes to the bank its
 * type names.
 *
 * When the iris node lists both stream IDs in its own "iommus" instead,
 * there is no bank device, and every buffer goes to the iris device.
 */

#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/of.h>
#include <linux/pm_runtime.h>
#include <linux/slab.h>

#include "iris_context_bank.h"
#include "iris_core.h"
#include "iris_instance.h"

static const char * const iris_context_bank_names[IRIS_CB_MAX] = {
	[IRIS_CB_NON_PIXEL] = "non-pixel",
	[IRIS_CB_PIXEL] = "pixel",
};

/**
 * iris_has_context_banks() - does iris have a device per context bank?
 * @core: the iris core
 *
 * Return: true if iris_context_banks_create() created the context banks'
 * devices, false if the iris node describes no context bank sub-node.
 */
bool iris_has_context_banks(struct iris_core *core)
{
	return core->context_bank[IRIS_CB_NON_PIXEL];
}

/**
 * iris_context_bank_dev() - the device that maps a context bank's buffers
 * @core: the iris core
 * @id: the context bank
 *
 * Return: the context bank's device, or the iris device when the iris
 * node describes no context bank sub-node.
 */
struct device *iris_context_bank_dev(struct iris_core *core, enum iris_context_bank_id id)
{
	return core->context_bank[id] ? &core->context_bank[id]->dev : core->dev;
}

/**
 * iris_buffer_dev() - the device that maps the buffers of a type
 * @inst: the session
 * @type: the buffer type
 *
 * Uncompressed frames (the decoder's output, the encoder's input),
 * reference pictures, VPSS and partial-data buffers are pixel data;
 * everything else is not.  This is how Qualcomm's own driver places them
 * (msm_vidc_buffer_region_ext() of its video-driver).
 *
 * Return: the device of the context bank that @type names in @inst's
 * domain, or the iris device when there is no device per context bank.
 */
struct device *iris_buffer_dev(struct iris_inst *inst, enum iris_buffer_type type)
{
	bool pixel;

	switch (type) {
	case BUF_INPUT:
		pixel = inst->domain == ENCODER;
		break;
	case BUF_OUTPUT:
		pixel = inst->domain == DECODER;
		break;
	case BUF_DPB:
	case BUF_VPSS:
	case BUF_PARTIAL:
		pixel = true;
		break;
	default:
		pixel = false;
		break;
	}

	return iris_context_bank_dev(inst->core, pixel ? IRIS_CB_PIXEL : IRIS_CB_NON_PIXEL);
}

/**
 * iris_context_banks_destroy() - remove the context banks' devices
 * @core: the iris core
 */
void iris_context_banks_destroy(struct iris_core *core)
{
	int i;

	for (i = IRIS_CB_MAX - 1; i >= 0; i--) {
		if (core->context_bank[i])
			auxiliary_device_destroy(core->context_bank[i]);
		core->context_bank[i] = NULL;
	}
	pm_suspend_ignore_children(core->dev, false);
}

/**
 * iris_context_banks_resume() - resume the context banks with iris
 * @core: the iris core
 *
 * The IOMMU links the context bank that it translates for, not iris, as
 * its consumer, and an IOMMU with runtime PM (arm-smmu's, for one) stays
 * powered only while a consumer is runtime active.  Iris resumes its banks
 * in its own runtime resume, before the firmware may do DMA, and suspends
 * them in its runtime suspend, so that their IOMMU is powered whenever
 * iris is, as it was when iris was the IOMMU's consumer itself.  Iris
 * ignores its children's runtime PM state: a bank resumes while iris is
 * still resuming, and does not keep iris from suspending.
 *
 * Return: 0, or the error of a bank's resume; no bank is left resumed on
 * error.
 */
int iris_context_banks_resume(struct iris_core *core)
{
	int i, ret;

	for (i = 0; i < IRIS_CB_MAX; i++) {
		if (!core->context_bank[i])
			continue;
		ret = pm_runtime_resume_and_get(&core->context_bank[i]->dev);
		if (ret) {
			dev_err(core->dev, "cannot resume context bank %s: %d\n",
				iris_context_bank_names[i], ret);
			while (--i >= 0)
				if (core->context_bank[i])
					pm_runtime_put_sync(&core->context_bank[i]->dev);
			return ret;
		}
	}
	return 0;
}

/**
 * iris_context_banks_suspend() - suspend the context banks with iris
 * @core: the iris core
 *
 * Undo iris_context_banks_resume().
 */
void iris_context_banks_suspend(struct iris_core *core)
{
	int i;

	for (i = IRIS_CB_MAX - 1; i >= 0; i--)
		if (core->context_bank[i])
			pm_runtime_put_sync(&core->context_bank[i]->dev);
}

static void iris_context_bank_release(struct device *dev)
{
	kfree(to_auxiliary_dev(dev));
}

/* Declare the context bank of sub-node @np: an auxiliary device, not added */
static struct auxiliary_device *iris_context_bank_declare(struct iris_core *core,
							  enum iris_context_bank_id id,
							  struct device_node *np)
{
	struct auxiliary_dma_context dma = {
		.mode = AUXILIARY_DMA_OF_NODE,
		.np = np,
		.dma_mask = core->iris_platform_data->dma_mask,
	};
	struct auxiliary_device *adev;
	int ret;

	adev = kzalloc_obj(*adev);
	if (!adev)
		return ERR_PTR(-ENOMEM);
	adev->name = iris_context_bank_names[id];
	adev->dev.parent = core->dev;
	adev->dev.release = iris_context_bank_release;
	ret = auxiliary_device_init(adev);
	if (ret) {
		kfree(adev);
		return ERR_PTR(ret);
	}

	ret = auxiliary_device_set_dma_context(adev, &dma);
	if (ret) {
		auxiliary_device_uninit(adev);
		return ERR_PTR(ret);
	}
	return adev;
}

/**
 * iris_context_banks_create() - create a device per context bank
 * @core: the iris core, its platform data set
 *
 * If the iris node has context bank sub-nodes, declare an auxiliary device
 * for each, by its sub-node and with iris's DMA mask, then add them, and
 * let the context bank driver bind each while it is added.  Both are
 * declared before either is added: a bank whose IOMMU has not probed yet
 * defers iris before anything is registered.  If the node has no bank
 * sub-node, create nothing.
 *
 * Return: 0 on success; -EPROBE_DEFER if a bank's IOMMU has not probed
 * yet; -ENODEV if the iris node has one sub-node but not the other, or a
 * bank did not bind; or the error of auxiliary_device_set_dma_context()
 * or auxiliary_device_add().  Nothing is left created on error.
 */
int iris_context_banks_create(struct iris_core *core)
{
	struct auxiliary_device *adev[IRIS_CB_MAX] = {};
	struct device *dev = core->dev;
	unsigned int found = 0;
	int i, ret;

	for (i = 0; i < IRIS_CB_MAX; i++) {
		struct device_node *np __free(device_node) =
			of_get_child_by_name(dev->of_node, iris_context_bank_names[i]);

		found += !!np;
	}
	if (!found)
		return 0;

	/* See iris_context_banks_resume() */
	pm_suspend_ignore_children(dev, true);

	for (i = 0; i < IRIS_CB_MAX; i++) {
		struct device_node *np __free(device_node) =
			of_get_available_child_by_name(dev->of_node, iris_context_bank_names[i]);

		if (!np) {
			ret = dev_err_probe(dev, -ENODEV, "no available %s context bank node\n",
					    iris_context_bank_names[i]);
			goto err_uninit;
		}

		adev[i] = iris_context_bank_declare(core, i, np);
		if (IS_ERR(adev[i])) {
			ret = dev_err_probe(dev, PTR_ERR(adev[i]),
					    "cannot declare context bank %pOF\n", np);
			adev[i] = NULL;
			goto err_uninit;
		}
	}

	for (i = 0; i < IRIS_CB_MAX; i++) {
		ret = auxiliary_device_add(adev[i]);
		if (ret) {
			dev_err(dev, "cannot add context bank %pOF: %d\n",
				adev[i]->dev.of_node, ret);
			goto err_uninit;
		}
		core->context_bank[i] = adev[i];
		adev[i] = NULL;

		if (!device_is_bound(&core->context_bank[i]->dev)) {
			ret = dev_err_probe(dev, -ENODEV, "context bank %pOF did not bind\n",
					    core->context_bank[i]->dev.of_node);
			goto err_uninit;
		}
	}

	return 0;

err_uninit:
	for (i = 0; i < IRIS_CB_MAX; i++)
		if (adev[i])
			auxiliary_device_uninit(adev[i]);
	iris_context_banks_destroy(core);
	return ret;
}

/*
 * The segment limits that iris sets on its own device, and runtime PM,
 * which iris drives (iris_context_banks_resume())
 */
static int iris_context_bank_probe(struct auxiliary_device *adev,
				   const struct auxiliary_device_id *id)
{
	/* A bank is its IOMMU context: DMA around the IOMMU would fault */
	if (!device_iommu_mapped(&adev->dev))
		return dev_err_probe(&adev->dev, -ENODEV, "not behind its IOMMU\n");

	dma_set_max_seg_size(&adev->dev, DMA_BIT_MASK(32));
	dma_set_seg_boundary(&adev->dev, DMA_BIT_MASK(32));

	return devm_pm_runtime_enable(&adev->dev);
}

static const struct auxiliary_device_id iris_context_bank_ids[] = {
	{ .name = KBUILD_MODNAME ".non-pixel" },
	{ .name = KBUILD_MODNAME ".pixel" },
	{ }
};
MODULE_DEVICE_TABLE(auxiliary, iris_context_bank_ids);

static struct auxiliary_driver iris_context_bank_driver = {
	.name = "context-bank",
	.probe = iris_context_bank_probe,
	.id_table = iris_context_bank_ids,
	.driver = {
		.suppress_bind_attrs = true,
		/* Bound while iris adds it, whatever driver_async_probe= says */
		.probe_type = PROBE_FORCE_SYNCHRONOUS,
	},
};

int iris_context_bank_driver_register(void)
{
	return auxiliary_driver_register(&iris_context_bank_driver);
}

void iris_context_bank_driver_unregister(void)
{
	auxiliary_driver_unregister(&iris_context_bank_driver);
}
