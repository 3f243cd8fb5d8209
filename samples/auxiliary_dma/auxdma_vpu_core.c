// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reference core driver for a multi-block video processing unit
 *
 * The VPU is one device in DT whose hardware blocks each issue DMA behind
 * an IOMMU context of their own.  The core spawns one auxiliary device per
 * block, synchronously in its probe, and declares each block's DMA
 * context: blocks with a DT child node bring their own "iommus" and
 * "iommu-ranges"; the "pixel" block, which has no node, is declared by an
 * input ID that the core's "iommu-map" translates, and may use its whole
 * IOVA space: ranges come from firmware only, so a block that needs them
 * has a node.
 * Block drivers bind to the children by name ("auxdma_vpu_core.block",
 * "auxdma_vpu_core.pixel").
 *
 * The core touches no register: it is a reference for the DMA plumbing
 * and runs on QEMU's "virt" machine, whose SMMUv3 translates the blocks'
 * stream IDs.
 */

#include <linux/auxiliary_bus.h>
#include <linux/dma-mapping.h>
#include <linux/err.h>
#include <linux/mod_devicetable.h>
#include <linux/module.h>
#include <linux/of.h>
#include <linux/platform_device.h>

/*
 * The pixel block has no DT node: its stream ID is the core's "iommu-map"
 * entry for input ID 0.
 */
#define AUXDMA_VPU_PIXEL_ID	0

/*
 * One block device, destroyed when the core unbinds.  The instance IDs are
 * the block's index: this sample drives one VPU.
 */
static int auxdma_vpu_add(struct device *dev, const char *name, int id,
			  const struct auxiliary_dma_context *ctx)
{
	struct auxiliary_device *auxdev;

	auxdev = auxiliary_device_create_dma(dev, name, NULL, id, ctx);
	if (IS_ERR(auxdev))
		return PTR_ERR(auxdev);
	return devm_add_action_or_reset(dev, auxiliary_device_destroy, auxdev);
}

static int auxdma_vpu_core_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct auxiliary_dma_context pixel = {
		.mode = AUXILIARY_DMA_OF_ID,
		.input_id = AUXDMA_VPU_PIXEL_ID,
	};
	unsigned int blocks = 0;
	int ret;

	for_each_available_child_of_node_scoped(dev->of_node, np) {
		struct auxiliary_dma_context ctx = {
			.mode = AUXILIARY_DMA_OF_NODE,
			.np = np,
		};

		ret = auxdma_vpu_add(dev, "block", blocks, &ctx);
		if (ret)
			return dev_err_probe(dev, ret, "cannot create the block of %pOF\n", np);
		blocks++;
	}

	if (of_property_present(dev->of_node, "iommu-map")) {
		ret = auxdma_vpu_add(dev, "pixel", 0, &pixel);
		if (ret)
			return dev_err_probe(dev, ret, "cannot create the pixel block\n");
		blocks++;
	}

	dev_info(dev, "%u blocks\n", blocks);
	return 0;
}

static const struct of_device_id auxdma_vpu_core_of_match[] = {
	{ .compatible = "linux,auxdma-vpu" },
	{ }
};
MODULE_DEVICE_TABLE(of, auxdma_vpu_core_of_match);

static struct platform_driver auxdma_vpu_core_driver = {
	.probe = auxdma_vpu_core_probe,
	.driver = {
		.name = "auxdma-vpu-core",
		.of_match_table = auxdma_vpu_core_of_match,
	},
};
module_platform_driver(auxdma_vpu_core_driver);

MODULE_DESCRIPTION("Reference VPU core: one auxiliary device per DMA context");
MODULE_LICENSE("GPL");
