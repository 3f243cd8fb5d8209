// SPDX-License-Identifier: GPL-2.0-only
/* Must not match: bus code configuring DMA of devices on its bus */
#include <linux/device.h>
#include <linux/of_device.h>
#include <linux/auxiliary_bus.h>

static int my_bus_dma_configure(struct device *dev)
{
	return of_dma_configure(dev, dev->parent->of_node, true);
}

/* A driver that declares the context and lets the bus configure it */
static int aux_add(struct auxiliary_device *adev, struct device_node *np)
{
	struct auxiliary_dma_context ctx = { .np = np };
	int ret;

	ret = auxiliary_device_set_dma_context(adev, &ctx);
	if (!ret)
		ret = auxiliary_device_add(adev);
	if (ret)
		auxiliary_device_uninit(adev);
	return ret;
}
