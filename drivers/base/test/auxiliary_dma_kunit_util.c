// SPDX-License-Identifier: GPL-2.0-only
/*
 * Helpers shared by the KUnit suites for DMA contexts of auxiliary devices:
 * devices and IOMMU groups on the buses the IOMMU core serves, and the
 * kernel log lines a test provoked.
 */

#include <linux/iommu.h>
#include <linux/kmsg_dump.h>
#include <linux/pci.h>
#include <linux/platform_device.h>
#include <linux/xarray.h>

#include "auxiliary_dma_kunit.h"

void auxdma_destroy(void *data)
{
	auxiliary_device_destroy(data);
}

/* An instance ID that no device of the suites has had */
int auxdma_new_id(void)
{
	static atomic_t next = ATOMIC_INIT(0);

	return atomic_inc_return(&next);
}

/* A child destroyed when @parent's driver unbinds, as a parent driver makes */
struct auxiliary_device *auxdma_devm_create(struct device *parent, const char *devname,
					    const struct auxiliary_dma_context *ctx)
{
	struct auxiliary_device *auxdev;
	int ret;

	auxdev = auxiliary_device_create_dma(parent, devname, NULL, auxdma_new_id(), ctx);
	if (IS_ERR(auxdev))
		return auxdev;
	ret = devm_add_action_or_reset(parent, auxdma_destroy, auxdev);
	return ret ? ERR_PTR(ret) : auxdev;
}

/* Count the distinct IOMMU groups of every device on the IOMMU's buses */
static int auxdma_note_group(struct device *dev, void *data)
{
	struct iommu_group *group = iommu_group_get(dev);

	if (group) {
		xa_store(data, iommu_group_id(group), group, GFP_KERNEL);
		iommu_group_put(group);
	}
	return 0;
}

int auxdma_count_dev(struct device *dev, void *data)
{
	(*(unsigned int *)data)++;
	return 0;
}

unsigned long auxdma_count_groups(void)
{
	struct xarray groups;
	unsigned long n = 0, i;
	void *entry;

	xa_init(&groups);
	bus_for_each_dev(&platform_bus_type, NULL, &groups, auxdma_note_group);
	auxdma_visit_aux(auxdma_note_group, &groups);
#ifdef CONFIG_PCI
	bus_for_each_dev(&pci_bus_type, NULL, &groups, auxdma_note_group);
#endif
	xa_for_each(&groups, i, entry)
		n++;
	xa_destroy(&groups);
	return n;
}

int auxdma_match_prefix(struct device *dev, const void *prefix)
{
	return !strncmp(dev_name(dev), prefix, strlen(prefix));
}

/*
 * The auxiliary bus type is private to the driver core (modules have
 * dev_is_auxiliary()): reach the auxiliary devices through their parents,
 * the platform and PCI devices, as their drivers do.
 */
struct auxdma_walk {
	device_iter_t fn;
	void *data;
};

static int auxdma_walk_aux(struct device *dev, void *data)
{
	struct auxdma_walk *w = data;

	if (!dev_is_auxiliary(dev))
		return 0;
	return w->fn(dev, w->data) ?: device_for_each_child(dev, w, auxdma_walk_aux);
}

static int auxdma_walk_parent(struct device *dev, void *data)
{
	return device_for_each_child(dev, data, auxdma_walk_aux);
}

int auxdma_visit_aux(device_iter_t fn, void *data)
{
	struct auxdma_walk w = { .fn = fn, .data = data };
	int ret;

	ret = bus_for_each_dev(&platform_bus_type, NULL, &w, auxdma_walk_parent);
#ifdef CONFIG_PCI
	if (!ret)
		ret = bus_for_each_dev(&pci_bus_type, NULL, &w, auxdma_walk_parent);
#endif
	return ret;
}

struct auxdma_find {
	const char *prefix;
	struct device *dev;
};

static int auxdma_find_one(struct device *dev, void *data)
{
	struct auxdma_find *f = data;

	if (!auxdma_match_prefix(dev, f->prefix))
		return 0;
	f->dev = get_device(dev);
	return 1;
}

/* An auxiliary device whose name starts with @prefix, with a reference */
struct device *auxdma_find_aux(const char *prefix)
{
	struct auxdma_find f = { .prefix = prefix };

	auxdma_visit_aux(auxdma_find_one, &f);
	return f.dev;
}

/* The printk records since a mark, read back as the kmsg dumpers do */
u64 auxdma_log_mark(void)
{
	struct kmsg_dump_iter iter;

	kmsg_dump_rewind(&iter);
	return iter.next_seq;
}

bool auxdma_log_has(struct kunit *test, u64 mark, const char *who, const char *what)
{
	struct kmsg_dump_iter iter;
	size_t len;
	char *line;

	line = kunit_kmalloc(test, 1024, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, line);
	kmsg_dump_rewind(&iter);
	iter.cur_seq = mark;
	while (kmsg_dump_get_line(&iter, false, line, 1023, &len)) {
		line[len] = '\0';
		if (strstr(line, who) && strstr(line, what))
			return true;
	}
	return false;
}

MODULE_DESCRIPTION("KUnit tests for DMA contexts of auxiliary devices");
MODULE_LICENSE("GPL");
