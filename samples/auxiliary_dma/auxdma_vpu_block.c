// SPDX-License-Identifier: GPL-2.0-only
/*
 * Reference block driver for the blocks of auxdma_vpu_core
 *
 * Binds by name to every block the VPU core spawns, sets the block's DMA
 * mask, and allocates and maps its working buffers through the DMA API, in
 * the block's own IOMMU context.  debugfs shows, per block, each buffer's
 * IOVA and the block's reserved IOVA windows:
 *
 *   /sys/kernel/debug/auxdma_vpu/<device>/buffers
 *   /sys/kernel/debug/auxdma_vpu/<device>/windows
 */

#include <linux/auxiliary_bus.h>
#include <linux/debugfs.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/module.h>
#include <linux/seq_file.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#define AUXDMA_VPU_COHERENT	2	/* coherent buffers per block */
#define AUXDMA_VPU_STREAMING	2	/* streaming buffers per block */
#define AUXDMA_VPU_BUF_SIZE	SZ_64K

struct auxdma_vpu_buf {
	void *cpu;
	dma_addr_t iova;
	size_t size;
	bool coherent;
};

struct auxdma_vpu_block {
	struct device *dev;
	struct dentry *debugfs;
	struct auxdma_vpu_buf bufs[AUXDMA_VPU_COHERENT + AUXDMA_VPU_STREAMING];
};

static struct dentry *auxdma_vpu_debugfs;

static int auxdma_vpu_buffers_show(struct seq_file *s, void *unused)
{
	struct auxdma_vpu_block *blk = s->private;
	int i;

	for (i = 0; i < ARRAY_SIZE(blk->bufs); i++)
		seq_printf(s, "%-9s %#010llx %#zx\n",
			   blk->bufs[i].coherent ? "coherent" : "streaming",
			   (u64)blk->bufs[i].iova, blk->bufs[i].size);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(auxdma_vpu_buffers);

static int auxdma_vpu_windows_show(struct seq_file *s, void *unused)
{
	struct auxdma_vpu_block *blk = s->private;
	struct iommu_resv_region *region;
	LIST_HEAD(list);

	iommu_get_resv_regions(blk->dev, &list);
	list_for_each_entry(region, &list, list)
		if (region->type == IOMMU_RESV_RESERVED)
			seq_printf(s, "%#018llx %#018llx reserved\n", (u64)region->start,
				   (u64)region->start + region->length - 1);
	iommu_put_resv_regions(blk->dev, &list);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(auxdma_vpu_windows);

static void auxdma_vpu_block_free(struct auxdma_vpu_block *blk)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(blk->bufs); i++) {
		struct auxdma_vpu_buf *buf = &blk->bufs[i];

		if (!buf->cpu)
			continue;
		if (buf->coherent) {
			dma_free_coherent(blk->dev, buf->size, buf->cpu, buf->iova);
		} else {
			dma_unmap_single(blk->dev, buf->iova, buf->size, DMA_BIDIRECTIONAL);
			kfree(buf->cpu);
		}
		buf->cpu = NULL;
	}
}

static int auxdma_vpu_block_alloc(struct auxdma_vpu_block *blk)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(blk->bufs); i++) {
		struct auxdma_vpu_buf *buf = &blk->bufs[i];

		buf->size = AUXDMA_VPU_BUF_SIZE;
		buf->coherent = i < AUXDMA_VPU_COHERENT;
		if (buf->coherent) {
			buf->cpu = dma_alloc_coherent(blk->dev, buf->size, &buf->iova,
						      GFP_KERNEL);
			if (!buf->cpu)
				return -ENOMEM;
			continue;
		}

		buf->cpu = kzalloc(buf->size, GFP_KERNEL);
		if (!buf->cpu)
			return -ENOMEM;
		buf->iova = dma_map_single(blk->dev, buf->cpu, buf->size, DMA_BIDIRECTIONAL);
		if (dma_mapping_error(blk->dev, buf->iova)) {
			kfree(buf->cpu);
			buf->cpu = NULL;
			return -ENOMEM;
		}
	}
	return 0;
}

static int auxdma_vpu_block_probe(struct auxiliary_device *auxdev,
				  const struct auxiliary_device_id *id)
{
	struct device *dev = &auxdev->dev;
	struct auxdma_vpu_block *blk;
	int ret;

	ret = dma_set_mask_and_coherent(dev, DMA_BIT_MASK(32));
	if (ret)
		return dev_err_probe(dev, ret, "cannot set a 32-bit DMA mask\n");

	blk = devm_kzalloc(dev, sizeof(*blk), GFP_KERNEL);
	if (!blk)
		return -ENOMEM;
	blk->dev = dev;

	ret = auxdma_vpu_block_alloc(blk);
	if (ret) {
		auxdma_vpu_block_free(blk);
		return dev_err_probe(dev, ret, "cannot allocate the working buffers\n");
	}

	blk->debugfs = debugfs_create_dir(dev_name(dev), auxdma_vpu_debugfs);
	debugfs_create_file("buffers", 0444, blk->debugfs, blk, &auxdma_vpu_buffers_fops);
	debugfs_create_file("windows", 0444, blk->debugfs, blk, &auxdma_vpu_windows_fops);
	auxiliary_set_drvdata(auxdev, blk);
	return 0;
}

static void auxdma_vpu_block_remove(struct auxiliary_device *auxdev)
{
	struct auxdma_vpu_block *blk = auxiliary_get_drvdata(auxdev);

	debugfs_remove_recursive(blk->debugfs);
	auxdma_vpu_block_free(blk);
}

static const struct auxiliary_device_id auxdma_vpu_block_ids[] = {
	{ .name = "auxdma_vpu_core.block" },
	{ .name = "auxdma_vpu_core.pixel" },
	{ }
};
MODULE_DEVICE_TABLE(auxiliary, auxdma_vpu_block_ids);

static struct auxiliary_driver auxdma_vpu_block_driver = {
	.name = "block",
	.probe = auxdma_vpu_block_probe,
	.remove = auxdma_vpu_block_remove,
	.id_table = auxdma_vpu_block_ids,
};

static int __init auxdma_vpu_block_init(void)
{
	int ret;

	auxdma_vpu_debugfs = debugfs_create_dir("auxdma_vpu", NULL);
	ret = auxiliary_driver_register(&auxdma_vpu_block_driver);
	if (ret)
		debugfs_remove_recursive(auxdma_vpu_debugfs);
	return ret;
}
module_init(auxdma_vpu_block_init);

static void __exit auxdma_vpu_block_exit(void)
{
	auxiliary_driver_unregister(&auxdma_vpu_block_driver);
	debugfs_remove_recursive(auxdma_vpu_debugfs);
}
module_exit(auxdma_vpu_block_exit);

MODULE_DESCRIPTION("Reference VPU block: DMA buffers in the block's own IOMMU context");
MODULE_LICENSE("GPL");
