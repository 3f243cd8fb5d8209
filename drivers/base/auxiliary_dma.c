// SPDX-License-Identifier: GPL-2.0-only
/*
 * DMA contexts for auxiliary devices
 *
 * Please see Documentation/driver-api/auxiliary_bus.rst for more information.
 */

#define pr_fmt(fmt) "auxiliary: " fmt

#include <kunit/static_stub.h>
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
 * A block binds only when everything it declared holds: if its context
 * names an IOMMU, it has an IOMMU group of its own, shared with no other
 * device, and every IOVA outside its ranges is reserved.  It defers while
 * the IOMMU has not probed it.  Adding a block that the IOMMU refused fails
 * with -ENODEV and leaves nothing registered; it never falls back to
 * untranslated DMA.
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
 * * A block with a DT node has the ``iommu-ranges`` of its own node.
 * * A block declared by input ID has the ranges of its declaration,
 *   &auxiliary_dma_context.ranges, which the bus copies into a software
 *   node that becomes the device's firmware node, so that the IOMMU core
 *   reads them through the same property.
 *
 * A block inherits none of its parent's limits, and a block that declares
 * none may use its whole IOVA space below its DMA mask, less what the IOMMU
 * driver itself reserves (an MSI window, for instance).
 *
 * Ranges are checked when the context is declared (well formed, none
 * empty, none overlapping, none starting beyond the declared DMA mask, at
 * most %AUXILIARY_DMA_MAX_RANGES in a declaration) and, once the IOMMU has
 * probed the block, against its domain (aligned to the IOMMU page size,
 * within the aperture), against what the IOMMU core reserved, and against
 * the regions that the IOMMU driver keeps for itself: a range that lies
 * whole in one leaves the block no usable space there.  A range that cannot be enforced fails the
 * declaration, the addition or the bind, with a log line that names it.
 */

/**
 * struct auxiliary_dma - the DMA context of an auxiliary device
 * @mode:        where the device's DMA is described
 * @input_id:    for %AUXILIARY_DMA_OF_ID, the input ID of the parent's map
 * @fwnode:      the device's firmware node, held: its own DT node, or the
 *               software node that carries its ranges
 * @mask:        storage for the device's DMA mask
 * @parms:       storage for the device's DMA parameters
 * @iommu_seen:  the IOMMU took the device's specifier when it was added
 * @iommu_wait:  the IOMMU has not probed yet: the IOMMU layer's last
 *               configuration of the device deferred
 * @owns_domain: a bound driver uses the default domain
 */
struct auxiliary_dma {
	enum auxiliary_dma_mode mode;
	u32 input_id;
	struct fwnode_handle *fwnode;
	u64 mask;
	struct device_dma_parameters parms;
	bool iommu_seen;
	bool iommu_wait;
	bool owns_domain;
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
	if (auxdev->dma->mode == AUXILIARY_DMA_OF_ID) {
		*err = of_map_iommu_id(dev->parent->of_node, auxdev->dma->input_id,
				       &args);
		if (!*err && !args.np)
			*err = -ENODEV;
		return args.np;
	}

	if (!of_property_present(dev->of_node, "iommus"))
		return NULL;
	*err = of_parse_phandle_with_args(dev->of_node, "iommus",
					  "#iommu-cells", 0, &args);
	return *err ? NULL : args.np;
}

/* Give the device a software node that carries the ranges of @ctx */
static int auxiliary_dma_add_ranges(struct auxiliary_device *auxdev,
				    const struct auxiliary_dma_context *ctx)
{
	struct property_entry props[2] = {};
	struct fwnode_handle *fwnode;

	if (ctx->num_ranges > AUXILIARY_DMA_MAX_RANGES || !ctx->ranges) {
		dev_err(auxdev->dev.parent, "%s: %u IOVA ranges: at most %u, in a table\n",
			auxdev->name, ctx->num_ranges, AUXILIARY_DMA_MAX_RANGES);
		return -EINVAL;
	}

	props[0] = PROPERTY_ENTRY_U64_ARRAY_LEN("iommu-ranges",
						(const u64 *)ctx->ranges,
						2 * ctx->num_ranges);
	fwnode = fwnode_create_software_node(props, NULL);
	if (IS_ERR(fwnode))
		return PTR_ERR(fwnode);

	auxdev->dma->fwnode = fwnode;
	device_set_node(&auxdev->dev, fwnode);
	return 0;
}

/* Take the node of @ctx as the device's own */
static int auxiliary_dma_set_node(struct auxiliary_device *auxdev,
				  const struct auxiliary_dma_context *ctx)
{
	struct device *parent = auxdev->dev.parent;
	struct device_node *iommu_np;
	int ret;

	if (!ctx->np || ctx->input_id || ctx->ranges || ctx->num_ranges) {
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

	auxdev->dma->fwnode = fwnode_handle_get(of_fwnode_handle(ctx->np));
	device_set_node(&auxdev->dev, auxdev->dma->fwnode);

	iommu_np = auxiliary_dma_iommu_node(auxdev, &ret);
	of_node_put(iommu_np);
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
	iommu_np = auxiliary_dma_iommu_node(auxdev, &ret);
	of_node_put(iommu_np);
	if (ret) {
		dev_err(parent, "%s: %pOF iommu-map has no entry for input ID %#x: %pe\n",
			auxdev->name, parent->of_node, ctx->input_id, ERR_PTR(ret));
		return ret;
	}

	if (!ctx->num_ranges && !ctx->ranges)
		return 0;
	return auxiliary_dma_add_ranges(auxdev, ctx);
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

	dev->dma_mask = NULL;
	dev->dma_parms = NULL;
	if (dma->fwnode) {
		device_set_node(dev, NULL);
		if (is_software_node(dma->fwnode))
			fwnode_remove_software_node(dma->fwnode);
		else
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
 * Make @auxdev a DMA master of its own, with the IOMMU context and the IOVA
 * ranges that @ctx describes.  This is an optional step between
 * auxiliary_device_init() and auxiliary_device_add(); the IOMMU layer
 * probes the device when it is added, and auxiliary_device_uninit() drops
 * the context.  See "DMA contexts" above for what each mode needs.
 *
 * The device must have no firmware node of its own yet: it gets the node
 * of the declaration (%AUXILIARY_DMA_OF_NODE), or a software node that
 * carries its ranges (%AUXILIARY_DMA_OF_ID), and the bus holds the
 * reference, so the device's release callback has none to drop.
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
 * * -EBUSY if @auxdev was already added or already has a context;
 * * -ENODEV if the firmware does not describe the context: the node is
 *   disabled, the parent has no DT node, or the parent's ``iommu-map``
 *   does not translate the input ID;
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

static int auxiliary_dma_count_dev(struct device *dev, void *data)
{
	(*(unsigned int *)data)++;
	return 0;
}

/*
 * Whether one reserved region covers [@start, @last]: one that the IOMMU
 * core reserved (%IOMMU_RESV_RESERVED), or, with @any, one of any type,
 * which the IOVA allocator also keeps out of the device's space.
 */
static bool auxiliary_dma_resv_covers(struct list_head *regions, u64 start,
				      u64 last, bool any)
{
	struct iommu_resv_region *r;

	list_for_each_entry(r, regions, list)
		if ((any || r->type == IOMMU_RESV_RESERVED) && r->start <= start &&
		    last <= (u64)r->start + r->length - 1)
			return true;
	return false;
}

/*
 * Check the device's ranges against its IOMMU group: each must be aligned
 * to the IOMMU page size and within the aperture, every IOVA outside them
 * must be reserved, and no range may be reserved whole, which is what the
 * IOMMU core does when it cannot reserve the rest, nor lie whole in a region
 * that the IOMMU driver keeps for itself (an MSI window, for instance).
 */
static int auxiliary_dma_check_ranges(struct auxiliary_device *auxdev,
				      struct iommu_group *group)
{
	struct device *dev = &auxdev->dev;
	struct iommu_usable_range *r;
	struct iommu_domain *domain;
	LIST_HEAD(regions);
	unsigned long granule;
	u64 next = 0;
	int n, i, ret = 0;

	n = iommu_read_usable_ranges(dev, &r);
	if (n <= 0)
		return n;
	if (!group) {
		dev_err(dev, "has IOVA ranges but no IOMMU to enforce them\n");
		ret = -ENODEV;
		goto out;
	}

	domain = iommu_get_domain_for_dev(dev);
	if (domain && (domain->type & __IOMMU_DOMAIN_PAGING)) {
		granule = 1UL << __ffs(domain->pgsize_bitmap);
		for (i = 0; i < n; i++) {
			u64 last = r[i].start + r[i].size - 1;

			if (!IS_ALIGNED(r[i].start | r[i].size, granule)) {
				dev_err(dev, "IOVA range [%#llx-%#llx] is not aligned to the IOMMU page size %#lx\n",
					r[i].start, last, granule);
				ret = -EINVAL;
				goto out;
			}
			if (domain->geometry.force_aperture &&
			    (r[i].start < domain->geometry.aperture_start ||
			     last > domain->geometry.aperture_end)) {
				dev_err(dev, "IOVA range [%#llx-%#llx] is outside the IOMMU aperture [%#llx-%#llx]\n",
					r[i].start, last,
					(u64)domain->geometry.aperture_start,
					(u64)domain->geometry.aperture_end);
				ret = -EINVAL;
				goto out;
			}
		}
	}

	ret = iommu_get_group_resv_regions(group, &regions);
	for (i = 0; i < n && !ret; i++) {
		u64 last = r[i].start + r[i].size - 1;

		if ((r[i].start > next &&
		     !auxiliary_dma_resv_covers(&regions, next, r[i].start - 1, false)) ||
		    auxiliary_dma_resv_covers(&regions, r[i].start, last, true))
			ret = -ENOMEM;
		next = last + 1;
	}
	if (!ret && next &&
	    !auxiliary_dma_resv_covers(&regions, next, PHYS_ADDR_MAX, false))
		ret = -ENOMEM;
	if (ret)
		dev_err(dev, "cannot reserve the IOVA space outside its ranges: %pe\n",
			ERR_PTR(ret));
	iommu_put_resv_regions(dev, &regions);
out:
	kfree(r);
	return ret;
}

/*
 * Check what the device declared against what the IOMMU made of it.  With
 * @bind, the device must have its group already: a fwspec without a group
 * means that the IOMMU layer has not finished probing it, so defer.
 */
static int auxiliary_dma_check(struct auxiliary_device *auxdev, bool bind)
{
	struct device *dev = &auxdev->dev;
	struct iommu_group *group;
	struct device_node *iommu_np;
	unsigned int n = 0;
	int ret;

	iommu_np = auxiliary_dma_iommu_node(auxdev, &ret);
	if (ret)
		return ret;

	/*
	 * Without a group, a device that the IOMMU has not probed yet waits
	 * for it; any other was refused, or failed, by the IOMMU layer.
	 */
	group = iommu_group_get(dev);
	if (iommu_np && of_device_is_available(iommu_np) && !group) {
		if (bind && dev_iommu_fwspec_get(dev)) {
			ret = -EPROBE_DEFER;
		} else if (bind || auxdev->dma->iommu_seen || !auxdev->dma->iommu_wait) {
			dev_err(dev, "IOMMU %pOF did not accept the DMA context\n",
				iommu_np);
			ret = -ENODEV;
		}
	}
	of_node_put(iommu_np);
	if (ret)
		goto out;

	if (group) {
		iommu_group_for_each_dev(group, &n, auxiliary_dma_count_dev);
		if (n != 1) {
			dev_err(dev, "shares IOMMU group %d with %u other devices: its IOVA ranges cannot be kept\n",
				iommu_group_id(group), n - 1);
			ret = -EBUSY;
			goto out;
		}
	}
	if (group || bind)
		ret = auxiliary_dma_check_ranges(auxdev, group);
out:
	iommu_group_put(group);
	return ret;
}

/*
 * The auxiliary bus's .dma_configure callback, modelled on the platform
 * bus's, but with nothing that belongs to a bind: the IOMMU layer calls it
 * with no driver bound, and without the device lock, when the device is
 * added, and may race with a bind.  auxiliary_dma_bind() does the rest.
 */
int auxiliary_dma_configure(struct device *dev)
{
	struct auxiliary_device *auxdev = to_auxiliary_dev(dev);
	int ret;

	/* KUnit binds a driver while the IOMMU layer is in this call */
	KUNIT_STATIC_STUB_REDIRECT(auxiliary_dma_configure, dev);

	if (!auxdev->dma)
		return 0;

	/*
	 * At bind, a device that the IOMMU layer failed to take when it was
	 * added, with its IOMMU there to answer (no group, and no fwspec: a
	 * failed probe frees it), stays refused: configuring it again would
	 * probe it late, at driver bind, which the IOMMU core does not allow.
	 */
	if (dev->driver && !auxdev->dma->iommu_wait && !device_iommu_mapped(dev) &&
	    !dev_iommu_fwspec_get(dev)) {
		struct device_node *iommu_np = auxiliary_dma_iommu_node(auxdev, &ret);

		if (!ret && iommu_np && of_device_is_available(iommu_np)) {
			dev_err(dev, "IOMMU %pOF failed to take the device when it was added\n",
				iommu_np);
			ret = -ENODEV;
		}
		of_node_put(iommu_np);
		if (ret)
			return ret;
	}

	if (auxdev->dma->mode == AUXILIARY_DMA_OF_NODE)
		ret = of_dma_configure(dev, dev->of_node, true);
	else
		ret = of_dma_configure_id(dev, dev->parent->of_node, true,
					  &auxdev->dma->input_id);
	if (!ret && dev_iommu_fwspec_get(dev))
		auxdev->dma->iommu_seen = true;
	auxdev->dma->iommu_wait = ret == -EPROBE_DEFER;
	return ret;
}

/*
 * Called by the auxiliary bus before a driver's probe, with the device
 * locked, after auxiliary_dma_configure(): refuse a device whose context
 * does not hold, and claim the default domain for the DMA API.
 */
int auxiliary_dma_bind(struct auxiliary_device *auxdev)
{
	struct device *dev = &auxdev->dev;
	int ret;

	ret = auxiliary_dma_check(auxdev, true);
	if (ret)
		return ret;

	if (!to_auxiliary_drv(dev->driver)->driver_managed_dma) {
		struct iommu_domain *domain = iommu_get_domain_for_dev(dev);

		/*
		 * The DMA API goes through the IOMMU that keeps the ranges, or
		 * not at all: the IOMMU layer keeps the platform's DMA ops when
		 * it cannot set up a DMA domain's IOVA space.
		 */
		if (IS_ENABLED(CONFIG_IOMMU_DMA) && domain &&
		    (domain->type & __IOMMU_DOMAIN_DMA_API) && !dev_dma_iommu(dev)) {
			dev_err(dev, "the IOMMU layer did not set up DMA through its domain\n");
			return -ENODEV;
		}
		ret = iommu_device_use_default_domain(dev);
		if (ret)
			return ret;
		auxdev->dma->owns_domain = true;
	}
	return 0;
}

/* The auxiliary bus's .dma_cleanup callback: undo auxiliary_dma_bind() */
void auxiliary_dma_cleanup(struct device *dev)
{
	struct auxiliary_device *auxdev = to_auxiliary_dev(dev);

	if (auxdev->dma && auxdev->dma->owns_domain) {
		iommu_device_unuse_default_domain(dev);
		auxdev->dma->owns_domain = false;
	}
}

/*
 * Called by auxiliary_device_add() once the device is added: a device that
 * the IOMMU refused, or whose ranges do not hold, is deleted again.
 */
int auxiliary_dma_added(struct auxiliary_device *auxdev)
{
	return auxiliary_dma_check(auxdev, false);
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
 * IOMMU layer has probed the device by the time this function returns,
 * unless the IOMMU has not probed yet.
 *
 * Remove the device with auxiliary_device_destroy().  Callers should use
 * the auxiliary_device_create_dma() macro, which passes KBUILD_MODNAME.
 *
 * Return: the new device, or an ERR_PTR(): -EINVAL for a missing argument
 * or a bad @ctx, -ENODEV if the firmware does not describe the context or
 * the IOMMU refused it, -EBUSY if the IOMMU put it in a group with another
 * device, -ENOMEM, or the error of device_add().  Each error but a failed
 * allocation's -ENOMEM is logged with the device and the reason, and
 * nothing is left registered.
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
