// SPDX-License-Identifier: GPL-2.0-only
/*
 * Helpers shared by the KUnit suites for DMA contexts of auxiliary devices:
 * devices and IOMMU groups on the buses the IOMMU core serves, and the
 * kernel log lines a test provoked.
 */

#include <linux/iommu.h>
#include <linux/kmsg_dump.h>
#include <linux/pci.h>
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
	bus_for_each_dev(&auxiliary_bus_type, NULL, &groups, auxdma_note_group);
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
