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
#include <linux/kernfs.h>
#include <linux/of.h>
#include <linux/of_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include "base.h"

/**
 * DOC: DMA_CONTEXTS
 *
 * A multi-block device, such as a video processing unit, often issues DMA
 * from several hardware blocks, each behind its own IOMMU context with its
 * own stream ID and its own limits on the I/O virtual address space.  Linux
 * wants one &struct device per IOMMU context, so the core driver splits
 * itself into one auxiliary device per block and declares, for each of
 * them, where the block's DMA is described (&enum auxiliary_dma_mode):
 *
 * * %AUXILIARY_DMA_OF_NODE: in the block's own DT node, a child of the
 *   core's node with its own ``iommus`` and ``iommu-ranges``; or
 * * %AUXILIARY_DMA_OF_ID: in the core's DT node, through an input ID that
 *   the core's ``iommu-map`` translates, for a block that has no node of
 *   its own.
 *
 * The declaration is made once, before the device is added, with
 * auxiliary_device_set_dma_context() or by creating the device with
 * auxiliary_device_create_dma().  From then on the auxiliary bus does what
 * the platform and PCI buses do for their devices: the IOMMU layer probes
 * the device when it is added and releases it when it is removed, and the
 * bus configures DMA when a driver binds and undoes it when the driver
 * unbinds.  No driver calls of_dma_configure() for a device it created.
 *
 * An auxiliary device without a declaration is not a DMA master of its own:
 * the IOMMU layer never sees it, on any IOMMU driver, and it gets no DMA
 * configuration, as it always had.  The declaration is private to the bus.
 *
 * A block's DMA goes through its IOMMU context or not at all: a block
 * declared by DT node must name its IOMMU in ``iommus``, and a driver binds
 * to a block only when the IOMMU layer has put it in an IOMMU group.  Its
 * declaration fails with -EPROBE_DEFER while the IOMMU has not probed, so
 * that its creator defers before registering anything; a block that the
 * IOMMU refused stays registered, without a driver, and says why.
 * What the IOMMU core does with ``iommu-ranges`` (a DMA domain and a group
 * of the block's own) it does for every device, whatever its bus.
 *
 * A driver that manages its block's IOMMU domain itself sets
 * &auxiliary_driver.driver_managed_dma, so that binding does not claim the
 * default domain.
 */

/**
 * DOC: IOVA_RANGES
 *
 * Each block has exactly its own limits on the I/O virtual address space,
 * written in one property, ``iommu-ranges``: the only IOVA ranges it may
 * use (dt-schema's IOMMU consumer binding).  The IOMMU core reserves every
 * IOVA outside them, for every IOMMU driver, before the block's default
 * domain is first initialised, and they appear in
 * ``/sys/kernel/iommu_groups/N/reserved_regions`` as "reserved".
 *
 * Ranges come from firmware only: a block with a DT node has the
 * ``iommu-ranges`` of its own node, and a block declared by input ID has
 * none.  A driver cannot declare ranges of its own: a block that needs them
 * is described by a node.  A block inherits none of its parent's limits,
 * and a block without ranges may use its whole IOVA space below its DMA
 * mask, less what the IOMMU driver itself reserves.
 *
 * Ranges are checked when the context is declared: well formed, none
 * empty, none overlapping, none starting beyond the declared DMA mask.
 * The IOMMU core enforces
 * them: it gives the block a DMA API domain whatever the default domain type
 * (an identity domain is refused), keeps it alone in its IOMMU group, and
 * reserves everything outside the ranges, or all of it when it cannot.
 */

/**
 * struct auxiliary_dma - the DMA context of an auxiliary device
 * @mode:        where the device's DMA is described
 * @input_id:    for %AUXILIARY_DMA_OF_ID, the input ID of the parent's map
 * @fwnode:      %AUXILIARY_DMA_OF_NODE: the device's DT node, held and
 *               claimed (%OF_POPULATED)
 * @mask:        storage for the device's DMA mask
 * @parms:       storage for the device's DMA parameters
 */
struct auxiliary_dma {
	enum auxiliary_dma_mode mode;
	u32 input_id;
	struct fwnode_handle *fwnode;
	u64 mask;
	struct device_dma_parameters parms;
};

/* Instance IDs of devices made by auxiliary_device_create_dma() */
static DEFINE_IDA(auxiliary_dma_ida);

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
 * Return IOMMU node @index of the DMA context of @auxdev, with a reference,
 * or NULL after the last.  Fail if the firmware names one that cannot be
 * found: an "iommus" entry that does not parse, or an input ID that the
 * parent's "iommu-map" does not translate.  of_dma_configure() takes both to
 * mean "no IOMMU", which would silently leave the block without an IOMMU
 * context.
 */
static struct device_node *auxiliary_dma_iommu_node(struct auxiliary_device *auxdev,
						    int index, int *err)
{
	struct device *dev = &auxdev->dev;
	struct of_phandle_args args = {};

	*err = 0;
	if (auxdev->dma->mode == AUXILIARY_DMA_OF_ID) {
		if (index)
			return NULL;
		*err = of_map_iommu_id(dev->parent->of_node, auxdev->dma->input_id,
				       &args);
		if (!*err && !args.np)
			*err = -ENODEV;
		return args.np;
	}

	*err = of_parse_phandle_with_args(dev->of_node, "iommus", "#iommu-cells",
					  index, &args);
	if (*err == -ENOENT && index) {
		*err = 0;
		return NULL;
	}
	return *err ? NULL : args.np;
}

/* Take the node of @ctx as the device's own */
static int auxiliary_dma_set_node(struct auxiliary_device *auxdev,
				  const struct auxiliary_dma_context *ctx)
{
	struct device *parent = auxdev->dev.parent;
	struct device_node *iommu_np;
	int i, ret;

	if (!ctx->np || ctx->input_id) {
		dev_err(parent, "%s: a context declared by DT node needs the node and nothing else\n",
			auxdev->name);
		return -EINVAL;
	}
	if (!of_node_is_descendant(ctx->np, parent->of_node)) {
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

	auxdev->dma->fwnode = fwnode_handle_get(of_fwnode_handle(ctx->np));
	device_set_node(&auxdev->dev, auxdev->dma->fwnode);

	/* Every "iommus" entry parses, and there is one at least */
	for (i = 0; ; i++) {
		iommu_np = auxiliary_dma_iommu_node(auxdev, i, &ret);
		if (!iommu_np)
			break;
		of_node_put(iommu_np);
	}
	if (ret == -ENOENT)
		ret = -EINVAL;
	if (ret)
		dev_err(parent, "%s: cannot parse iommus of %pOF: %pe\n",
			auxdev->name, ctx->np, ERR_PTR(ret));
	return ret;
}

/* Check that the parent's map translates the input ID of @ctx */
static int auxiliary_dma_set_id(struct auxiliary_device *auxdev,
				const struct auxiliary_dma_context *ctx)
{
	struct device *parent = auxdev->dev.parent;
	struct device_node *iommu_np;
	int ret;

	if (ctx->np) {
		dev_err(parent, "%s: a context declared by input ID has no DT node\n",
			auxdev->name);
		return -EINVAL;
	}

	auxdev->dma->input_id = ctx->input_id;
	iommu_np = auxiliary_dma_iommu_node(auxdev, 0, &ret);
	of_node_put(iommu_np);
	if (ret) {
		dev_err(parent, "%s: %pOF iommu-map has no entry for input ID %#x: %pe\n",
			auxdev->name, parent->of_node, ctx->input_id, ERR_PTR(ret));
	}
	return ret;
}

/*
 * A block waits for its IOMMU as fw_devlink makes a device wait for its
 * suppliers: until the IOMMU's own device is bound, and so registered with
 * the IOMMU core, the declaration fails with -EPROBE_DEFER, before anything
 * is registered.  An IOMMU that the firmware disables never comes.
 */
static int auxiliary_dma_iommu_ready(struct auxiliary_device *auxdev)
{
	struct device *parent = auxdev->dev.parent;
	struct device_node *iommu_np;
	struct device *iommu_dev;
	int i, ret = 0;

	for (i = 0; !ret; i++) {
		iommu_np = auxiliary_dma_iommu_node(auxdev, i, &ret);
		if (!iommu_np)
			break;
		iommu_dev = get_dev_from_fwnode(of_fwnode_handle(iommu_np));
		if (!of_device_is_available(iommu_np)) {
			dev_err(parent, "%s: IOMMU %pOF is disabled\n", auxdev->name, iommu_np);
			ret = -ENODEV;
		} else if (!iommu_dev || !device_is_bound(iommu_dev)) {
			dev_dbg(parent, "%s: IOMMU %pOF has not probed yet\n",
				auxdev->name, iommu_np);
			ret = -EPROBE_DEFER;
		}
		put_device(iommu_dev);
		of_node_put(iommu_np);
	}
	return ret;
}

/*
 * Refuse malformed ranges here, before anything uses them, and a range
 * that the device cannot reach with the DMA mask it declared.
 */
static int auxiliary_dma_read_ranges(struct auxiliary_device *auxdev)
{
	struct device *parent = auxdev->dev.parent;
	struct iommu_usable_range *r;
	int n, i, ret = 0;

	n = iommu_read_usable_ranges(&auxdev->dev, &r);
	if (n < 0) {
		dev_err(parent, "%s: IOVA ranges cannot be enforced: %pe\n",
			auxdev->name, ERR_PTR(n));
		return n;
	}
	for (i = 0; i < n; i++) {
		if (r[i].start > auxdev->dma->mask) {
			dev_err(parent, "%s: IOVA range [%#llx+%#llx] is beyond the DMA mask %#llx\n",
				auxdev->name, r[i].start, r[i].size, auxdev->dma->mask);
			ret = -EINVAL;
			break;
		}
	}
	kfree(r);
	return ret;
}

/**
 * auxiliary_device_dma_uninit - drop the DMA context of a device
 * @auxdev: auxiliary device with a DMA context, deleted or never added
 *
 * Called by auxiliary_device_uninit(): give back the device's firmware
 * node and free its DMA context.
 */
void auxiliary_device_dma_uninit(struct auxiliary_device *auxdev)
{
	struct auxiliary_dma *dma = auxdev->dma;
	struct device *dev = &auxdev->dev;

	if (dev->dma_mask == &dma->mask)
		dev->dma_mask = NULL;
	if (dev->dma_parms == &dma->parms)
		dev->dma_parms = NULL;
	if (dma->fwnode) {
		device_set_node(dev, NULL);
		of_node_clear_flag(to_of_node(dma->fwnode), OF_POPULATED);
		fwnode_handle_put(dma->fwnode);
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
 * describes and the IOVA ranges of its DT node, if any.  This is an
 * optional step between auxiliary_device_init() and auxiliary_device_add();
 * the IOMMU layer probes the device when it is added, and
 * auxiliary_device_uninit() drops the context.  See "DMA contexts" above
 * for what each mode needs.
 *
 * The device must have no firmware node of its own yet.  With
 * %AUXILIARY_DMA_OF_NODE it gets the node of the declaration, and the bus
 * holds the reference, so the device's release callback has none to drop;
 * the node is claimed (%OF_POPULATED) until the context is dropped, so
 * that of_platform_populate() makes no other device of it, and a node
 * that is already claimed is refused.  With %AUXILIARY_DMA_OF_ID it has
 * none.
 *
 * The device's DMA masks start at &auxiliary_dma_context.dma_mask, 32 bits
 * by default, as for platform devices; its driver may change them with
 * dma_set_mask_and_coherent().
 *
 * On failure nothing is left: the device is as it was, without a context.
 *
 * Return:
 * * 0 on success;
 * * -EINVAL if @ctx is missing, names no mode, or is inconsistent with its
 *   mode or with the device, or its ranges are malformed or start beyond
 *   its DMA mask;
 * * -EBUSY if @auxdev was already added or already has a context, or the
 *   node is claimed by another device;
 * * -ENODEV if the firmware does not describe the context: the node is
 *   disabled, the parent has no DT node, the parent's ``iommu-map``
 *   does not translate the input ID, or the IOMMU is disabled;
 * * -EPROBE_DEFER if the IOMMU has not probed yet;
 * * -ENOMEM.
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
	if (ctx->mode != AUXILIARY_DMA_OF_NODE && ctx->mode != AUXILIARY_DMA_OF_ID) {
		dev_err(parent, "%s: DMA context names no mode (%d)\n",
			auxdev->name, ctx->mode);
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
	auxdev->dma->mode = ctx->mode;

	if (ctx->mode == AUXILIARY_DMA_OF_NODE)
		ret = auxiliary_dma_set_node(auxdev, ctx);
	else
		ret = auxiliary_dma_set_id(auxdev, ctx);
	auxdev->dma->mask = ctx->dma_mask ?: DMA_BIT_MASK(32);
	if (!ret)
		ret = auxiliary_dma_read_ranges(auxdev);
	if (!ret)
		ret = auxiliary_dma_iommu_ready(auxdev);
	if (ret < 0) {
		auxiliary_device_dma_uninit(auxdev);
		return ret;
	}

	dev->dma_mask = &auxdev->dma->mask;
	dev->coherent_dma_mask = auxdev->dma->mask;
	dev->dma_parms = &auxdev->dma->parms;
	return 0;
}
EXPORT_SYMBOL_GPL(auxiliary_device_set_dma_context);

/*
 * The auxiliary bus's .dma_configure callback: what platform_dma_configure()
 * does for a platform device with a DT node, for a device with a DMA context.
 * The IOMMU layer calls it with no driver bound when it probes the device;
 * with a driver, the device's DMA must go through its IOMMU context, or the
 * driver does not bind.
 */
int auxiliary_dma_configure(struct device *dev)
{
	struct auxiliary_device *auxdev = to_auxiliary_dev(dev);
	struct device_driver *drv = READ_ONCE(dev->driver);
	int ret;

	if (!auxdev->dma)
		return 0;

	/*
	 * The IOMMU was there when the device was added (the declaration
	 * waits for it), and the IOMMU layer probed the device then: without
	 * a group now, it refused it.  Configuring it again would probe it
	 * late, at driver bind, which the IOMMU core does not allow.
	 */
	if (drv && !device_iommu_mapped(dev)) {
		dev_err(dev, "the IOMMU did not take its DMA context\n");
		return -ENODEV;
	}

	if (auxdev->dma->mode == AUXILIARY_DMA_OF_NODE)
		ret = of_dma_configure(dev, dev->of_node, true);
	else
		ret = of_dma_configure_id(dev, dev->parent->of_node, true,
					  &auxdev->dma->input_id);
	/* @dev->driver may not be valid when the IOMMU layer calls */
	if (ret || !drv || to_auxiliary_drv(drv)->driver_managed_dma)
		return ret;

	ret = iommu_device_use_default_domain(dev);
	if (ret)
		arch_teardown_dma_ops(dev);
	return ret;
}

/* The auxiliary bus's .dma_cleanup callback: undo auxiliary_dma_configure() */
void auxiliary_dma_cleanup(struct device *dev)
{
	struct auxiliary_device *auxdev = to_auxiliary_dev(dev);

	if (auxdev->dma && !to_auxiliary_drv(dev->driver)->driver_managed_dma)
		iommu_device_unuse_default_domain(dev);
}

/*
 * Devices with a DMA context are DMA masters, as PCI devices are: with
 * CONFIG_DMA_API_DEBUG, report a driver that unbinds with mappings left.
 * After dma_debug_init(), a core initcall, which the notifier needs.
 */
static int __init auxiliary_dma_debug_init(void)
{
	dma_debug_add_bus(&auxiliary_bus_type);
	return 0;
}
postcore_initcall(auxiliary_dma_debug_init);

static void auxiliary_dma_device_release(struct device *dev)
{
	struct auxiliary_device *auxdev = to_auxiliary_dev(dev);

	ida_free(&auxiliary_dma_ida, auxdev->id);
	kfree(auxdev);
}

/*
 * Whether a device on the bus has @name: a lookup in the bus's "devices"
 * directory, which has a link for each of them, rather than a walk of
 * every auxiliary device of the system for each new one.
 */
static bool auxiliary_dma_name_taken(const char *name)
{
	struct subsys_private *sp;
	struct kernfs_node *kn;
	struct device *other;

	if (!IS_ENABLED(CONFIG_SYSFS)) {
		other = bus_find_device_by_name(&auxiliary_bus_type, NULL, name);
		put_device(other);
		return other;
	}
	sp = bus_to_subsys(&auxiliary_bus_type);
	if (!sp)
		return false;
	kn = kernfs_find_and_get(sp->devices_kset->kobj.sd, name);
	subsys_put(sp);
	kernfs_put(kn);
	return kn;
}

/*
 * Take the lowest instance ID whose name no other device on the bus has:
 * auxiliary_device_create() and drivers that embed their devices choose
 * their IDs themselves, in the same modname.devname.id name space.
 */
static int auxiliary_dma_alloc_id(const char *modname, const char *devname)
{
	unsigned int start = 0;
	bool taken;
	char *name;
	int id;

	for (;;) {
		id = ida_alloc_min(&auxiliary_dma_ida, start, GFP_KERNEL);
		if (id < 0)
			return id;
		name = kasprintf(GFP_KERNEL, "%s.%s.%d", modname, devname, id);
		if (!name) {
			ida_free(&auxiliary_dma_ida, id);
			return -ENOMEM;
		}
		taken = auxiliary_dma_name_taken(name);
		kfree(name);
		if (!taken)
			return id;
		ida_free(&auxiliary_dma_ida, id);
		start = id + 1;
	}
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
 * driver 'modname.devname'.  Its instance ID is the lowest that no device
 * made by this function holds and whose name no other auxiliary device
 * has, so its name is unique across every instance of the parent.  The
 * IOMMU layer has probed the device by the time this function returns.
 *
 * Remove the device with auxiliary_device_destroy().  Callers should use
 * the auxiliary_device_create_dma() macro, which passes KBUILD_MODNAME.
 *
 * Return: the new device, or an ERR_PTR(): -EINVAL for a missing argument
 * or a bad @ctx, -ENODEV if the firmware does not describe the context,
 * -EPROBE_DEFER if its IOMMU has not probed yet, -ENOMEM, or the error of
 * device_add().  Each error but a failed allocation's -ENOMEM and the
 * deferral is logged with the device and the reason, and nothing is left
 * registered.  A device that the IOMMU refuses is made, and no driver
 * binds to it, as for a platform device.
 */
struct auxiliary_device *
__auxiliary_device_create_dma(struct device *parent, const char *modname,
			      const char *devname, void *platform_data,
			      const struct auxiliary_dma_context *ctx)
{
	struct auxiliary_device *auxdev;
	int id, ret;

	if (!parent || !modname || !devname || !ctx) {
		pr_err("%s: missing parent, name or DMA context\n",
		       devname ?: "(null)");
		return ERR_PTR(-EINVAL);
	}

	auxdev = kzalloc_obj(*auxdev);
	if (!auxdev)
		return ERR_PTR(-ENOMEM);

	id = auxiliary_dma_alloc_id(modname, devname);
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
	 * From here on, auxiliary_device_uninit() drops the context and the
	 * last reference, and the release callback frees auxdev and its ID.
	 */
	ret = auxiliary_device_set_dma_context(auxdev, ctx);
	if (!ret)
		ret = __auxiliary_device_add(auxdev, modname);
	if (ret) {
		auxiliary_device_uninit(auxdev);
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
 * when @parent's driver unbinds, in the reverse order of creation, so
 * @parent must have a driver bound (or be probing).  Callers should use
 * the devm_auxiliary_device_create_dma() macro.
 *
 * Return: the new device, or an ERR_PTR() as for
 * __auxiliary_device_create_dma(), or -ENODEV if @parent has no driver.
 */
struct auxiliary_device *
__devm_auxiliary_device_create_dma(struct device *parent, const char *modname,
				   const char *devname, void *platform_data,
				   const struct auxiliary_dma_context *ctx)
{
	struct auxiliary_device *auxdev;
	int ret;

	if (parent && !parent->driver) {
		dev_err(parent, "%s: parent has no driver: a managed child would outlive its unbind\n",
			devname);
		return ERR_PTR(-ENODEV);
	}

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
