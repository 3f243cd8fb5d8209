// SPDX-License-Identifier: GPL-2.0-only
/*
 * DMA contexts for auxiliary devices, as platform_dma_configure() for platform
 * devices.  See Documentation/driver-api/auxiliary_bus.rst.
 */

#define pr_fmt(fmt) "auxiliary: " fmt

#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/dma-map-ops.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include "base.h"

/* The DMA context of an auxiliary device, private to the bus */
struct auxiliary_dma {
	u32 input_id;			/* AUXILIARY_DMA_OF_ID */
	struct device_node *np;		/* AUXILIARY_DMA_OF_NODE: held, claimed */
	u64 mask;
	struct device_dma_parameters parms;
};

/*
 * Check each IOMMU the firmware names for @auxdev, every "iommus" entry of
 * its node or the parent's "iommu-map" entry for its input ID, refusing one
 * that does not parse, and wait, as fw_devlink does, until it is bound.  A
 * node without "iommus" does DMA without an IOMMU, as a platform device's
 * would, unless it has "iommu-ranges", which nothing would then enforce.
 */
static int auxiliary_dma_check_iommus(struct auxiliary_device *auxdev)
{
	struct device_node *parent_np = auxdev->dev.parent->of_node;
	struct device *parent = auxdev->dev.parent;
	struct auxiliary_dma *dma = auxdev->dma;
	struct of_phandle_args args = {};
	struct device *iommu_dev;
	int i, ret = 0;

	for (i = 0; !ret && (dma->np || !i); i++) {
		ret = dma->np ?
		      of_parse_phandle_with_args(dma->np, "iommus", "#iommu-cells", i, &args) :
		      of_map_iommu_id(parent_np, dma->input_id, &args) ?:
		      (args.np ? 0 : -ENODEV);
		if (ret == -ENOENT && dma->np &&
		    (i || !of_property_present(dma->np, "iommu-ranges")))
			return 0;
		if (ret) {
			dev_err(parent, "%s: %pOF names no IOMMU for it (input ID %#x): %pe\n",
				auxdev->name, dma->np ?: parent_np, dma->input_id, ERR_PTR(ret));
			return dma->np ? -EINVAL : ret;
		}

		iommu_dev = get_dev_from_fwnode(of_fwnode_handle(args.np));
		if (!of_device_is_available(args.np)) {
			dev_err(parent, "%s: IOMMU %pOF is disabled\n", auxdev->name, args.np);
			ret = -ENODEV;
		} else if (!iommu_dev || !device_is_bound(iommu_dev)) {
			dev_dbg(parent, "%s: IOMMU %pOF has not probed yet\n",
				auxdev->name, args.np);
			ret = -EPROBE_DEFER;
		}
		put_device(iommu_dev);
		of_node_put(args.np);
	}
	return ret;
}

static int auxiliary_dma_claim_node(struct auxiliary_device *auxdev,
				    const struct auxiliary_dma_context *ctx)
{
	struct device *parent = auxdev->dev.parent;
	struct device_node *p;

	for (p = ctx->np->parent; p && p != parent->of_node; p = p->parent)
		;
	if (!p) {
		dev_err(parent, "%s: %pOF is not a child of %pOF\n",
			auxdev->name, ctx->np, parent->of_node);
		return -EINVAL;
	}
	if (!of_device_is_available(ctx->np)) {
		dev_err(parent, "%s: %pOF is disabled\n", auxdev->name, ctx->np);
		return -ENODEV;
	}
	/* One device per node: of_platform_populate() must not make another */
	if (of_node_test_and_set_flag(ctx->np, OF_POPULATED)) {
		dev_err(parent, "%s: %pOF already has a device\n", auxdev->name, ctx->np);
		return -EBUSY;
	}
	auxdev->dma->np = of_node_get(ctx->np);
	return 0;
}

/**
 * auxiliary_device_dma_uninit - drop the DMA context of a device
 * @auxdev: auxiliary device with a DMA context, deleted or never added
 *
 * Called by auxiliary_device_uninit(): leave the device as it was before.
 */
void auxiliary_device_dma_uninit(struct auxiliary_device *auxdev)
{
	struct auxiliary_dma *dma = auxdev->dma;
	struct device *dev = &auxdev->dev;

	if (dev->dma_mask == &dma->mask)
		dev->dma_mask = NULL;
	if (dev->dma_parms == &dma->parms)
		dev->dma_parms = NULL;
	if (dma->np) {
		device_set_node(dev, NULL);
		of_node_clear_flag(dma->np, OF_POPULATED);
		of_node_put(dma->np);
	}
	auxdev->dma = NULL;
	kfree(dma);
}
EXPORT_SYMBOL_GPL(auxiliary_device_dma_uninit);

/**
 * auxiliary_device_set_dma_context - declare the DMA context of a device
 * @auxdev: auxiliary device, initialised and not yet added
 * @ctx:    where the device's DMA is described
 *
 * Make @auxdev a DMA master of its own, with the IOMMU context that @ctx
 * describes, if any (a node without ``iommus`` does DMA without an IOMMU).
 * Call it between auxiliary_device_init() and auxiliary_device_add();
 * auxiliary_device_uninit() drops the context.
 * The device must have no firmware node yet: with %AUXILIARY_DMA_OF_NODE it
 * gets the node of @ctx, claimed (%OF_POPULATED) until the context is
 * dropped.  Its DMA masks start at &auxiliary_dma_context.dma_mask.
 *
 * Return: 0, or with nothing left behind: -EINVAL if @ctx is malformed, an
 * ``iommus`` entry does not parse, or no ``iommus`` enforces ``iommu-ranges``;
 * -EBUSY if @auxdev was added or the node is claimed; -ENODEV if the node or
 * IOMMU is disabled, or no DT node maps the input ID; -EPROBE_DEFER if the
 * IOMMU has not probed; -ENOMEM.
 */
int auxiliary_device_set_dma_context(struct auxiliary_device *auxdev,
				     const struct auxiliary_dma_context *ctx)
{
	struct device *dev = &auxdev->dev;
	struct device *parent = dev->parent;
	int ret;

	if (!ctx || !parent) {
		pr_err("%s: no DMA context or no parent\n", auxdev->name);
		return -EINVAL;
	}
	if (device_is_registered(dev) || auxdev->dma) {
		dev_err(parent, "%s: DMA context must be declared once, before the device is added\n",
			auxdev->name);
		return -EBUSY;
	}
	/* A DT node and nothing else, or an input ID and no node */
	if (ctx->mode == AUXILIARY_DMA_OF_NODE ? !ctx->np || ctx->input_id :
	    ctx->mode != AUXILIARY_DMA_OF_ID || ctx->np) {
		dev_err(parent, "%s: malformed DMA context: mode %d, node %pOF, input ID %#x\n",
			auxdev->name, ctx->mode, ctx->np, ctx->input_id);
		return -EINVAL;
	}
	if (!parent->of_node) {
		dev_err(parent, "%s: cannot declare a DMA context: parent has no DT node\n",
			auxdev->name);
		return -ENODEV;
	}
	if (dev_fwnode(dev)) {
		dev_err(parent, "%s: device already has firmware node %pfw\n",
			auxdev->name, dev_fwnode(dev));
		return -EINVAL;
	}

	auxdev->dma = kzalloc_obj(*auxdev->dma);
	if (!auxdev->dma)
		return -ENOMEM;
	auxdev->dma->input_id = ctx->input_id;
	auxdev->dma->mask = ctx->dma_mask ?: DMA_BIT_MASK(32);

	ret = ctx->np ? auxiliary_dma_claim_node(auxdev, ctx) : 0;
	if (!ret)
		ret = auxiliary_dma_check_iommus(auxdev);
	if (ret) {
		auxiliary_device_dma_uninit(auxdev);
		return ret;
	}

	device_set_node(dev, of_fwnode_handle(auxdev->dma->np));
	dev->dma_mask = &auxdev->dma->mask;
	dev->coherent_dma_mask = auxdev->dma->mask;
	dev->dma_parms = &auxdev->dma->parms;
	return 0;
}
EXPORT_SYMBOL_GPL(auxiliary_device_set_dma_context);

/*
 * The bus's .dma_configure: platform_dma_configure() with the block's node,
 * or the parent's node and the input ID.  A device its IOMMU did not take
 * when added does DMA without it, as configured then, unless its IOVA is
 * limited: by "iommu-ranges", or to the context its input ID names.
 */
int auxiliary_dma_configure(struct device *dev)
{
	struct auxiliary_device *auxdev = to_auxiliary_dev(dev);
	struct device_driver *drv = READ_ONCE(dev->driver);
	int ret;

	if (!auxdev->dma)
		return 0;
	if (drv && !device_iommu_mapped(dev)) {
		if (!dev->of_node || of_property_present(dev->of_node, "iommu-ranges")) {
			dev_err(dev, "the IOMMU did not take its DMA context\n");
			return -ENODEV;
		}
		if (IS_ENABLED(CONFIG_IOMMU_API) && of_property_present(dev->of_node, "iommus")) {
			dev_warn(dev, "the IOMMU did not take it: DMA without an IOMMU\n");
			return 0;
		}
	}

	ret = of_dma_configure_id(dev, auxdev->dma->np ?: dev->parent->of_node, true,
				  auxdev->dma->np ? NULL : &auxdev->dma->input_id);
	/* With no driver, the IOMMU layer calls while it probes the device */
	if (ret || !drv || to_auxiliary_drv(drv)->driver_managed_dma)
		return ret;

	ret = iommu_device_use_default_domain(dev);
	if (ret)
		arch_teardown_dma_ops(dev);
	return ret;
}

/* The bus's .dma_cleanup: undo auxiliary_dma_configure() */
void auxiliary_dma_cleanup(struct device *dev)
{
	struct auxiliary_device *auxdev = to_auxiliary_dev(dev);

	if (auxdev->dma && !to_auxiliary_drv(dev->driver)->driver_managed_dma)
		iommu_device_unuse_default_domain(dev);
}

static void auxiliary_dma_device_release(struct device *dev)
{
	kfree(to_auxiliary_dev(dev));
}

/**
 * __auxiliary_device_create_dma - create an auxiliary device with a DMA context
 * @parent:        parent device, whose DT node describes the DMA context
 * @modname:       module name used to create the auxiliary driver name
 * @devname:       auxiliary bus device name
 * @platform_data: auxiliary bus device platform data
 * @id:            auxiliary bus device id
 * @ctx:           where the device's DMA is described
 *
 * auxiliary_device_create() for a device that is a DMA master of its own;
 * see auxiliary_device_set_dma_context().  Remove it with
 * auxiliary_device_destroy().
 *
 * Return: the new device, or an ERR_PTR() rather than NULL, so that the
 * caller can pass -EPROBE_DEFER on, with nothing left registered.
 */
struct auxiliary_device *
__auxiliary_device_create_dma(struct device *parent, const char *modname,
			      const char *devname, void *platform_data, int id,
			      const struct auxiliary_dma_context *ctx)
{
	struct auxiliary_device *auxdev;
	int ret;

	auxdev = kzalloc_obj(*auxdev);
	if (!auxdev)
		return ERR_PTR(-ENOMEM);

	auxdev->id = id;
	auxdev->name = devname;
	auxdev->dev.parent = parent;
	auxdev->dev.platform_data = platform_data;
	auxdev->dev.release = auxiliary_dma_device_release;

	ret = auxiliary_device_init(auxdev);
	if (ret) {
		kfree(auxdev);
		return ERR_PTR(ret);
	}

	ret = auxiliary_device_set_dma_context(auxdev, ctx);
	if (!ret)
		ret = __auxiliary_device_add(auxdev, modname);
	if (ret) {
		/* Drops the context and the last reference, which frees auxdev */
		auxiliary_device_uninit(auxdev);
		return ERR_PTR(ret);
	}
	return auxdev;
}
EXPORT_SYMBOL_GPL(__auxiliary_device_create_dma);
