// SPDX-License-Identifier: GPL-2.0-only
/* Must match: drivers configuring DMA of devices they created */
// expect: 3
#include <linux/device.h>
#include <linux/of_device.h>
#include <linux/platform_device.h>
#include <linux/auxiliary_bus.h>

struct ctx { struct device dev; };

/* As host1x's context devices do */
static int ctx_add(struct ctx *ctx, struct device_node *np, u32 id)
{
	int err;

	err = device_add(&ctx->dev);
	if (err)
		return err;

	err = of_dma_configure_id(&ctx->dev, np, true, &id);
	if (err)
		device_del(&ctx->dev);
	return err;
}

static int pdev_add(struct platform_device *pdev, struct device_node *np)
{
	int ret = platform_device_add(pdev);

	if (ret)
		return ret;
	return of_dma_configure(&pdev->dev, np, true);
}

static int aux_add(struct auxiliary_device *adev, struct device_node *np)
{
	int ret = auxiliary_device_add(adev);

	if (ret) {
		auxiliary_device_uninit(adev);
		return ret;
	}
	return of_dma_configure(&adev->dev, np, true);
}
