/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Shared by the KUnit suites for DMA contexts of auxiliary devices: the
 * helpers that count devices and groups on the IOMMU's buses, and, with
 * OF_DYNAMIC, the DT fixture that the suites on an SMMUv3 build at run time.
 */
#ifndef _AUXILIARY_DMA_KUNIT_H
#define _AUXILIARY_DMA_KUNIT_H

#include <kunit/test.h>
#include <linux/auxiliary_bus.h>
#include <linux/of.h>
#include <linux/platform_device.h>

/* auxiliary_dma_kunit_util.c: devices and groups on the IOMMU's buses */
void auxdma_destroy(void *auxdev);
int auxdma_new_id(void);
struct auxiliary_device *auxdma_devm_create(struct device *parent, const char *devname,
					    const struct auxiliary_dma_context *ctx);
int auxdma_count_dev(struct device *dev, void *data);
unsigned long auxdma_count_groups(void);
int auxdma_match_prefix(struct device *dev, const void *prefix);
int auxdma_visit_aux(device_iter_t fn, void *data);
struct device *auxdma_find_aux(const char *prefix);
u64 auxdma_log_mark(void);
bool auxdma_log_has(struct kunit *test, u64 mark, const char *who, const char *what);

#ifdef CONFIG_OF_DYNAMIC
/* auxiliary_dma_kunit_fixture.c: VPU-like parents in DT, on the SMMUv3 */

/*
 * Stream IDs well above the PCI requester IDs that QEMU's root complex
 * uses; each VPU instance v uses SID_BASE + v * SID_STRIDE onwards.
 */
#define SID_BASE	0x1000
#define SID_STRIDE	0x100
#define SID_PARENT	0x00	/* the parent's own "iommus" */
#define SID_BLOCK	0x10	/* + block index: the blocks' own "iommus" */
#define SID_MAP		0x80	/* "iommu-map": input IDs 0..3 -> SID_MAP.. */
#define SID_MAP_LEN	4
#define SID_BAD		0x7fffffff	/* beyond any SMMUv3's stream ID range */

#define NR_BLOCKS	5

/* In auxdma_vpu.block_iommu[]: a block node without "iommus" */
#define AUXDMA_NO_IOMMUS	U32_MAX

/* Phandles for the nodes the tests make, well above dtc's */
#define MOCK_PHANDLE_BASE	0x7fff0000
#define NR_VPUS		2

/* A VPU-like parent: its DT node, its blocks' nodes, its platform device */
struct auxdma_vpu {
	struct device_node *np;
	struct device_node *block_np[NR_BLOCKS];
	u32 block_sid[NR_BLOCKS];
	u32 block_iommu[NR_BLOCKS];	/* 0: the VPU's IOMMU */
	struct platform_device *pdev;
};

struct auxdma_env {
	struct kunit *test;
	struct device_node *smmu_np;
	struct of_changeset ocs;
	bool applied;
	struct of_changeset mock_ocs;
	bool mock_applied;
	struct auxdma_vpu vpu[NR_VPUS];
	/* Shorthands for vpu[0] */
	struct device_node *parent_np;
	struct device_node **block_np;
	struct platform_device *parent;
	int seq;
	int nr_phandles;
};

/* What the "managed" test driver maps in the domain it owns */
struct auxdma_managed {
	struct iommu_domain *domain;
	struct page *page;
};

#define MANAGED_IOVA	0x40000000UL

int auxdma_suite_init(struct kunit_suite *suite);
struct device_driver *auxdma_fixture_driver(const char *name);
void auxdma_suite_exit(struct kunit_suite *suite);
int auxdma_test_init(struct kunit *test);
void auxdma_test_exit(struct kunit *test);

void auxdma_put_device(void *dev);
void auxdma_ocs_init(struct auxdma_env *env);
void auxdma_build_parent(struct auxdma_env *env, int v, const char *compatible,
			 u32 iommu_phandle, bool iommus);
void auxdma_apply(struct auxdma_env *env);
void auxdma_setup(struct auxdma_env *env);

struct auxiliary_device *auxdma_create(struct auxdma_env *env, const char *devname,
				       const struct auxiliary_dma_context *ctx);
struct auxiliary_device *auxdma_create_node(struct auxdma_env *env, const char *devname,
					    int block);
struct auxiliary_device *auxdma_create_id(struct auxdma_env *env, const char *devname,
					  u32 input_id);

struct auxiliary_device *auxdma_embedded_init(struct auxdma_env *env, const char *name);
void auxdma_embedded_add(struct kunit *test, struct auxiliary_device *auxdev);

struct iommu_group *auxdma_group(struct kunit *test, struct device *dev);
struct iommu_domain *auxdma_dma_domain(struct kunit *test, struct device *dev);
unsigned int auxdma_np_refs(struct device_node *np);

/* The mock IOMMU: its DT node first, then its driver */
extern struct iommu_domain auxdma_mock_identity;
u32 auxdma_mock_node(struct auxdma_env *env);
void auxdma_mock_register(struct kunit *test, bool shared);
#endif /* CONFIG_OF_DYNAMIC */

#endif /* _AUXILIARY_DMA_KUNIT_H */
