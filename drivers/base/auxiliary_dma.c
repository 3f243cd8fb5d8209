// SPDX-License-Identifier: GPL-2.0-only
/*
 * DMA contexts for auxiliary devices
 *
 * Please see Documentation/driver-api/auxiliary_bus.rst for more information.
 */

#define pr_fmt(fmt) "auxiliary: " fmt

#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/dma-map-ops.h>
#include <linux/dma-mapping.h>
#include <linux/idr.h>
#include <linux/iommu.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/slab.h>
#include "base.h"

/**
 * DOC: DMA_CONTEXTS
 *
 * A multi-block device, such as a video processing unit, often issues DMA
 * from several hardware blocks, each behind its own IOMMU context with its
 * own stream ID and its own constraints on the I/O virtual address space.
 * Linux wants one &struct device per IOMMU context, so the core driver
 * splits itself into one auxiliary device per block and declares, for each
 * of them, where the block's DMA is described:
 *
 * * in the block's own DT node, a child of the core's node with its own
 *   ``iommus`` and ``memory-region`` properties; or
 * * in the core's DT node, through an input ID that the core's
 *   ``iommu-map`` translates, for a block that has no node of its own.
 *
 * The declaration is made once, before the device is added, with
 * auxiliary_device_set_dma_context() or by creating the device with
 * auxiliary_device_create_dma().  From then on the auxiliary bus does what
 * the platform and PCI buses do for their devices: the IOMMU layer probes
 * the device when it is added and releases it when it is removed, and the
 * bus's ``dma_configure`` and ``dma_cleanup`` callbacks set up DMA when a
 * driver binds and undo it when the driver unbinds.  No driver calls
 * of_dma_configure() for a device it created.
 *
 * An auxiliary device without a declaration is not a DMA master of its own:
 * it gets no DMA configuration and no IOMMU group, as it always had.
 *
 * A block whose context names an IOMMU binds only once it has its own IOMMU
 * group: it defers while the IOMMU has not probed, and fails with -ENODEV
 * if the IOMMU refused it, rather than fall back to untranslated DMA.
 *
 * A driver that manages its block's IOMMU domain itself sets
 * &auxiliary_driver.driver_managed_dma, so that binding does not claim the
 * default domain.
 */

/**
 * DOC: IOVA_WINDOWS
 *
 * Each block owns exactly its own constraints on the I/O virtual address
 * space: windows that its IOVA allocator must never hand out, and through
 * them the range it may use.  They are known before the device is added,
 * so they reach dma-iommu before the block's default domain is first
 * initialised, and they appear in iommu_get_resv_regions() and in
 * ``/sys/kernel/iommu_groups/N/reserved_regions`` as "reserved".
 *
 * * A block with a DT node has the windows of its own node: every IOVA
 *   outside the ranges its ``iommu-ranges`` lists, if it has one, and the
 *   reserved-memory regions in its ``memory-region`` whose
 *   ``iommu-addresses`` name the block's node.  A range the block may use,
 *   such as 600 MiB to 3500 MiB, is written in ``iommu-ranges``.
 * * A block declared by input ID has exactly the table of windows that its
 *   creator hands over in &auxiliary_dma_context.windows.
 *
 * A block inherits none of its parent's windows, and a block that declares
 * none has none: its whole IOVA space below its DMA mask, less what the
 * IOMMU driver itself reserves (an MSI window, for instance), is its own.
 *
 * A table is checked when the context is declared: each window must be
 * non-empty, below the DMA mask, and apart from the others, and there may
 * be at most %AUXILIARY_DMA_MAX_WINDOWS.  Once the IOMMU has probed the
 * device, each window must also lie within the IOMMU aperture and be
 * aligned to the IOMMU page size.  A bad window fails the declaration, the
 * creation or the bind with -EINVAL and a log line that names the window.
 */

/* Instance IDs of devices made by auxiliary_device_create_dma() */
static DEFINE_IDA(auxiliary_dma_ida);

/* The last IOVA of a window; callers check that it does not wrap */
static u64 auxiliary_dma_window_end(const struct auxiliary_dma_window *w)
{
	return (u64)w->start + w->size - 1;
}

/* Check a table of windows against itself and the device's DMA mask */
static int auxiliary_dma_check_table(struct auxiliary_device *auxdev,
				     const struct auxiliary_dma_context *ctx,
				     u64 mask)
{
	struct device *parent = auxdev->dev.parent;
	const struct auxiliary_dma_window *w = ctx->windows;
	unsigned int i, j;

	if (!ctx->num_windows)
		return 0;
	if (ctx->np) {
		dev_err(parent, "%s: windows of %pOF must come from the node, not a table\n",
			auxdev->name, ctx->np);
		return -EINVAL;
	}
	if (!w || ctx->num_windows > AUXILIARY_DMA_MAX_WINDOWS) {
		dev_err(parent, "%s: %u windows: at most %u, in a table\n",
			auxdev->name, ctx->num_windows, AUXILIARY_DMA_MAX_WINDOWS);
		return -EINVAL;
	}

	for (i = 0; i < ctx->num_windows; i++) {
		u64 end = auxiliary_dma_window_end(&w[i]);

		if (!w[i].size) {
			dev_err(parent, "%s: window %u at %#llx is empty\n",
				auxdev->name, i, (u64)w[i].start);
			return -EINVAL;
		}
		if (end < w[i].start || end > mask) {
			dev_err(parent, "%s: window %u [%#llx-%#llx] is past the DMA mask %#llx\n",
				auxdev->name, i, (u64)w[i].start, end, mask);
			return -EINVAL;
		}
		for (j = 0; j < i; j++) {
			if (w[j].start <= end &&
			    w[i].start <= auxiliary_dma_window_end(&w[j])) {
				dev_err(parent, "%s: window %u [%#llx-%#llx] overlaps window %u\n",
					auxdev->name, i, (u64)w[i].start, end, j);
				return -EINVAL;
			}
		}
	}
	return 0;
}

/*
 * Check the windows against the device's IOMMU domain, once the IOMMU has
 * probed the device: within the aperture, aligned to the IOMMU page size.
 */
static int auxiliary_dma_check_windows(struct auxiliary_device *auxdev)
{
	struct device *dev = &auxdev->dev;
	const struct auxiliary_dma_window *w = auxdev->dma.windows;
	struct iommu_domain *domain;
	unsigned long granule;
	unsigned int i;

	domain = iommu_get_domain_for_dev(dev);
	if (!domain || !(domain->type & __IOMMU_DOMAIN_PAGING))
		return 0;

	granule = 1UL << __ffs(domain->pgsize_bitmap);
	for (i = 0; i < auxdev->dma.num_windows; i++) {
		u64 end = auxiliary_dma_window_end(&w[i]);

		if (!IS_ALIGNED(w[i].start | w[i].size, granule)) {
			dev_err(dev,
				"window %u [%#llx-%#llx] is not aligned to the IOMMU page size %#lx\n",
				i, (u64)w[i].start, end, granule);
			return -EINVAL;
		}
		if (domain->geometry.force_aperture &&
		    (w[i].start < domain->geometry.aperture_start ||
		     end > domain->geometry.aperture_end)) {
			dev_err(dev,
				"window %u [%#llx-%#llx] is outside the IOMMU aperture [%#llx-%#llx]\n",
				i, (u64)w[i].start, end,
				(u64)domain->geometry.aperture_start,
				(u64)domain->geometry.aperture_end);
			return -EINVAL;
		}
	}
	return 0;
}

#ifdef CONFIG_IOMMU_API
/**
 * auxiliary_device_get_resv_regions - add the IOVA windows of a device
 * @dev:  device, on any bus
 * @list: reserved region list to add to
 *
 * Add one %IOMMU_RESV_RESERVED region per window that the creator of an
 * auxiliary device declared in its table.  The IOMMU core calls this from
 * iommu_get_resv_regions(), for every device; it adds nothing for a device
 * that is not auxiliary or has no table.  The windows of a block with a DT
 * node come from the node, through the IOMMU driver.
 */
void auxiliary_device_get_resv_regions(struct device *dev, struct list_head *list)
{
	struct auxiliary_device *auxdev;
	struct iommu_resv_region *region;
	unsigned int i;

	if (!dev_is_auxiliary(dev))
		return;

	auxdev = to_auxiliary_dev(dev);
	for (i = 0; i < auxdev->dma.num_windows; i++) {
		const struct auxiliary_dma_window *w = &auxdev->dma.windows[i];

		region = iommu_alloc_resv_region(w->start, w->size, 0,
						 IOMMU_RESV_RESERVED, GFP_KERNEL);
		if (!region)
			return;
		list_add_tail(&region->list, list);
	}
}
#endif

static bool of_node_is_descendant(const struct device_node *np,
				  const struct device_node *ancestor)
{
	struct device_node *p;

	for (p = np->parent; p; p = p->parent)
		if (p == ancestor)
			return true;
	return false;
}

/*
 * Return the IOMMU node that the DMA context of @auxdev names, with a
 * reference, or NULL if it names none.  Fail if the firmware names one but
 * it cannot be found: an "iommus" that does not parse, or an input ID that
 * the parent's "iommu-map" does not translate.  of_dma_configure() takes
 * both to mean "no IOMMU", which would silently leave the block without an
 * IOMMU context.
 */
static struct device_node *auxiliary_dma_iommu_node(struct auxiliary_device *auxdev,
						    int *err)
{
	struct device *dev = &auxdev->dev;
	struct of_phandle_args args = {};

	*err = 0;
	switch (auxdev->dma.source) {
	case AUXILIARY_DMA_OF_NODE:
		if (!of_property_present(dev->of_node, "iommus"))
			return NULL;
		*err = of_parse_phandle_with_args(dev->of_node, "iommus",
						  "#iommu-cells", 0, &args);
		return *err ? NULL : args.np;
	case AUXILIARY_DMA_OF_ID:
		*err = of_map_iommu_id(dev->parent->of_node, auxdev->dma.input_id,
				       &args);
		if (!*err && !args.np)
			*err = -ENODEV;
		return args.np;
	default:
		return NULL;
	}
}

/**
 * auxiliary_device_set_dma_context - declare the DMA context of a device
 * @auxdev: auxiliary device, initialised and not yet added
 * @ctx:    where the device's DMA is described
 *
 * Make @auxdev a DMA master of its own, with the IOMMU context and reserved
 * IOVA windows that @ctx describes.  This is an optional step between
 * auxiliary_device_init() and auxiliary_device_add(); the IOMMU layer
 * probes the device when it is added.
 *
 * With &auxiliary_dma_context.np set, the node becomes the device's own
 * firmware node, with a reference that the device's release callback must
 * drop with of_node_put(), as for device_set_of_node_from_dev().  The node
 * must be an enabled descendant of the parent's node.  Without it, the
 * device gets no firmware node: its IOMMU context is the one that the
 * parent's ``iommu-map`` gives &auxiliary_dma_context.input_id, and it
 * inherits none of the parent's reserved windows.
 *
 * The device's DMA masks start at &auxiliary_dma_context.dma_mask, 32 bits
 * by default, as for platform devices; its driver may change them with
 * dma_set_mask_and_coherent().  The IOVA windows of a device declared by
 * input ID are the table in @ctx; see "IOVA windows" above.
 *
 * Return:
 * * 0 on success;
 * * -EINVAL if @ctx is missing or inconsistent with the device, or a
 *   window of its table is bad;
 * * -EBUSY if @auxdev was already added;
 * * -ENODEV if the firmware does not describe the context: the node is
 *   disabled, the parent has no DT node, or the parent's ``iommu-map``
 *   does not translate the input ID.
 */
int auxiliary_device_set_dma_context(struct auxiliary_device *auxdev,
				     const struct auxiliary_dma_context *ctx)
{
	struct device *dev = &auxdev->dev;
	struct device *parent = dev->parent;
	struct device_node *iommu_np;
	bool set_node;
	u64 mask;
	int ret;

	if (!ctx || !parent) {
		pr_err("%s: no DMA context or no parent\n", auxdev->name);
		return -EINVAL;
	}
	if (device_is_registered(dev)) {
		dev_err(dev, "DMA context must be declared before the device is added\n");
		return -EBUSY;
	}
	if (!parent->of_node) {
		dev_err(parent, "%s: cannot declare a DMA context: parent has no DT node\n",
			auxdev->name);
		return -ENODEV;
	}

	mask = ctx->dma_mask ?: DMA_BIT_MASK(32);
	ret = auxiliary_dma_check_table(auxdev, ctx, mask);
	if (ret)
		return ret;

	if (ctx->np) {
		if (dev->of_node && dev->of_node != ctx->np) {
			dev_err(parent, "%s: device already has DT node %pOF\n",
				auxdev->name, dev->of_node);
			return -EINVAL;
		}
		if (!of_node_is_descendant(ctx->np, parent->of_node)) {
			dev_err(parent, "%s: %pOF is not a child of %pOF\n",
				auxdev->name, ctx->np, parent->of_node);
			return -EINVAL;
		}
		if (!of_device_is_available(ctx->np)) {
			dev_err(parent, "%s: %pOF is disabled\n",
				auxdev->name, ctx->np);
			return -ENODEV;
		}
		set_node = !dev->of_node;
		if (set_node)
			device_set_node(dev, of_fwnode_handle(of_node_get(ctx->np)));
		auxdev->dma.source = AUXILIARY_DMA_OF_NODE;
		iommu_np = auxiliary_dma_iommu_node(auxdev, &ret);
		of_node_put(iommu_np);
		if (ret) {
			dev_err(parent, "%s: cannot parse iommus of %pOF: %pe\n",
				auxdev->name, ctx->np, ERR_PTR(ret));
			auxdev->dma.source = AUXILIARY_DMA_NONE;
			if (set_node) {
				device_set_node(dev, NULL);
				of_node_put(ctx->np);
			}
			return ret;
		}
	} else {
		if (dev->of_node) {
			dev_err(parent, "%s: a device declared by input ID must have no DT node\n",
				auxdev->name);
			return -EINVAL;
		}
		auxdev->dma.source = AUXILIARY_DMA_OF_ID;
		auxdev->dma.input_id = ctx->input_id;
		iommu_np = auxiliary_dma_iommu_node(auxdev, &ret);
		of_node_put(iommu_np);
		if (ret) {
			dev_err(parent, "%s: %pOF iommu-map has no entry for input ID %#x: %pe\n",
				auxdev->name, parent->of_node, ctx->input_id,
				ERR_PTR(ret));
			auxdev->dma.source = AUXILIARY_DMA_NONE;
			return ret;
		}
	}

	auxdev->dma.windows = ctx->windows;
	auxdev->dma.num_windows = ctx->num_windows;
	auxdev->dma.mask = mask;
	dev->dma_mask = &auxdev->dma.mask;
	dev->coherent_dma_mask = mask;
	dev->dma_parms = &auxdev->dma.parms;
	return 0;
}
EXPORT_SYMBOL_GPL(auxiliary_device_set_dma_context);

/*
 * Check that a device whose DMA context names an IOMMU has its own IOMMU
 * group: an IOMMU that refused the device must not leave it with
 * untranslated DMA.  A disabled or absent IOMMU is no error: the device
 * then does DMA as its DT describes, as a platform device would.
 */
static int auxiliary_dma_check_iommu(struct auxiliary_device *auxdev)
{
	struct device *dev = &auxdev->dev;
	struct device_node *iommu_np;
	int ret;

	iommu_np = auxiliary_dma_iommu_node(auxdev, &ret);
	if (ret)
		return ret;
	if (iommu_np && of_device_is_available(iommu_np) &&
	    !device_iommu_mapped(dev)) {
		dev_err(dev, "IOMMU %pOF did not accept the DMA context\n",
			iommu_np);
		ret = -ENODEV;
	}
	of_node_put(iommu_np);
	return ret;
}

/*
 * The auxiliary bus's .dma_configure callback, modelled on the platform
 * bus's.  The IOMMU layer calls it with no driver bound when the device is
 * added; the driver core calls it before a driver's probe.
 */
int auxiliary_dma_configure(struct device *dev)
{
	struct auxiliary_device *auxdev = to_auxiliary_dev(dev);
	struct device_driver *drv = READ_ONCE(dev->driver);
	int ret;

	switch (auxdev->dma.source) {
	case AUXILIARY_DMA_OF_NODE:
		ret = of_dma_configure(dev, dev->of_node, true);
		break;
	case AUXILIARY_DMA_OF_ID:
		ret = of_dma_configure_id(dev, dev->parent->of_node, true,
					  &auxdev->dma.input_id);
		break;
	default:
		return 0;
	}

	/* @dev->driver may not be valid when we're called from the IOMMU layer */
	if (ret || !drv)
		return ret;

	ret = auxiliary_dma_check_iommu(auxdev);
	if (!ret)
		ret = auxiliary_dma_check_windows(auxdev);
	if (!ret && !to_auxiliary_drv(drv)->driver_managed_dma)
		ret = iommu_device_use_default_domain(dev);
	if (ret)
		arch_teardown_dma_ops(dev);

	return ret;
}

/* The auxiliary bus's .dma_cleanup callback: undo auxiliary_dma_configure() */
void auxiliary_dma_cleanup(struct device *dev)
{
	struct auxiliary_device *auxdev = to_auxiliary_dev(dev);

	if (auxdev->dma.source != AUXILIARY_DMA_NONE &&
	    !to_auxiliary_drv(dev->driver)->driver_managed_dma)
		iommu_device_unuse_default_domain(dev);
}

static void auxiliary_dma_device_release(struct device *dev)
{
	struct auxiliary_device *auxdev = to_auxiliary_dev(dev);

	of_node_put(dev->of_node);
	ida_free(&auxiliary_dma_ida, auxdev->id);
	kfree(auxdev);
}

/**
 * __auxiliary_device_create_dma - create an auxiliary device with a DMA context
 * @parent:        parent device, whose DT node describes the DMA context
 * @modname:       module name used to create the auxiliary driver name
 * @devname:       auxiliary bus device name
 * @platform_data: auxiliary bus device platform data
 * @ctx:           where the device's DMA is described
 *
 * Allocate, initialise and add an auxiliary device that is a DMA master of
 * its own; see auxiliary_device_set_dma_context().  The device matches
 * driver 'modname.devname'.  Its instance ID comes from an allocator shared
 * by all devices made by this function, so that its name is unique across
 * every instance of the parent.  The IOMMU layer has probed the device by
 * the time this function returns, unless the IOMMU has not probed yet; if
 * it has, the windows are checked against the device's IOMMU domain here,
 * otherwise when a driver binds.
 *
 * Remove the device with auxiliary_device_destroy().  Callers should use
 * the auxiliary_device_create_dma() macro, which passes KBUILD_MODNAME.
 *
 * Return: the new device, or an ERR_PTR(): -EINVAL for a missing argument
 * or a bad @ctx, -ENODEV if the firmware does not describe the context,
 * -ENOMEM, or the error of device_add().  Each error is logged against
 * @parent with the reason.
 */
struct auxiliary_device *
__auxiliary_device_create_dma(struct device *parent, const char *modname,
			      const char *devname, void *platform_data,
			      const struct auxiliary_dma_context *ctx)
{
	struct auxiliary_device *auxdev;
	int id, ret;

	if (!parent || !devname || !ctx) {
		pr_err("%s: missing parent, name or DMA context\n",
		       devname ?: "(null)");
		return ERR_PTR(-EINVAL);
	}

	auxdev = kzalloc_obj(*auxdev);
	if (!auxdev)
		return ERR_PTR(-ENOMEM);

	id = ida_alloc(&auxiliary_dma_ida, GFP_KERNEL);
	if (id < 0) {
		kfree(auxdev);
		return ERR_PTR(id);
	}

	auxdev->id = id;
	auxdev->name = devname;
	auxdev->dev.parent = parent;
	auxdev->dev.platform_data = platform_data;
	auxdev->dev.release = auxiliary_dma_device_release;

	ret = auxiliary_device_init(auxdev);
	if (ret) {
		ida_free(&auxiliary_dma_ida, id);
		kfree(auxdev);
		return ERR_PTR(ret);
	}

	/*
	 * From here on, auxiliary_device_uninit() drops the last reference
	 * and the release callback frees auxdev, its ID and its node.
	 */
	ret = auxiliary_device_set_dma_context(auxdev, ctx);
	if (!ret)
		ret = __auxiliary_device_add(auxdev, modname);
	if (ret) {
		auxiliary_device_uninit(auxdev);
		return ERR_PTR(ret);
	}

	ret = auxiliary_dma_check_windows(auxdev);
	if (ret) {
		auxiliary_device_destroy(auxdev);
		return ERR_PTR(ret);
	}

	return auxdev;
}
EXPORT_SYMBOL_GPL(__auxiliary_device_create_dma);

/**
 * __devm_auxiliary_device_create_dma - create a managed auxiliary device with a DMA context
 * @parent:        parent device, whose DT node describes the DMA context
 * @modname:       module name used to create the auxiliary driver name
 * @devname:       auxiliary bus device name
 * @platform_data: auxiliary bus device platform data
 * @ctx:           where the device's DMA is described
 *
 * Device-managed __auxiliary_device_create_dma(): the device is destroyed
 * when @parent's driver unbinds, in the reverse order of creation.  Callers
 * should use the devm_auxiliary_device_create_dma() macro.
 *
 * Return: the new device, or an ERR_PTR() as for
 * __auxiliary_device_create_dma().
 */
struct auxiliary_device *
__devm_auxiliary_device_create_dma(struct device *parent, const char *modname,
				   const char *devname, void *platform_data,
				   const struct auxiliary_dma_context *ctx)
{
	struct auxiliary_device *auxdev;
	int ret;

	auxdev = __auxiliary_device_create_dma(parent, modname, devname,
					       platform_data, ctx);
	if (IS_ERR(auxdev))
		return auxdev;

	ret = devm_add_action_or_reset(parent, auxiliary_device_destroy, auxdev);
	if (ret)
		return ERR_PTR(ret);

	return auxdev;
}
EXPORT_SYMBOL_GPL(__devm_auxiliary_device_create_dma);
