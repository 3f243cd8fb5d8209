// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for DMA contexts of auxiliary devices: every allocation
 * failed in turn.
 *
 * Each path that makes or binds a device with a DMA context runs with its
 * 1st allocation failed, then its 2nd, and so on (this task's fail-nth,
 * through failslab and fail_page_alloc with GFP_KERNEL included, as
 * iommufd's selftests do), until a run reaches no injection point.  A run
 * that the fault failed must return an errno, log a line that names the
 * device or its parent unless the errno is -ENOMEM (allocation failures
 * are not logged twice), and leave nothing behind: no device, IOMMU
 * group, DT node reference, instance ID or DMA ownership; the same call
 * without a fault then succeeds, whole.  A run that survived its fault
 * must be whole: a group of its own, the reserved regions of a run
 * without a fault, and DMA addresses inside its IOVA ranges.  kmemleak,
 * scanned once the suites have run (tools/kunit-init.sh), finds memory
 * that a failed path did not free.  On an SMMUv3, with the DT fixture of
 * auxiliary_dma_kunit_fixture.c.
 */

#include <kunit/fail_nth.h>
#include <kunit/resource.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/sizes.h>
#include <linux/slab.h>

#include "auxiliary_dma_kunit.h"

/* Block 0's "iommu-ranges", and the input ID of the block without a node */
#define FAULT_IOVA	SZ_1G
#define FAULT_SIZE	SZ_256M
#define FAULT_INPUT_ID	1

/* More than any path has: a path that reaches it loops */
#define MAX_POINTS	4096
#define MAX_RESV	16

enum auxdma_fault_op {
	OP_CREATE,	/* auxiliary_device_create_dma() and destroy */
	OP_BIND,	/* device_driver_attach() and release */
};

struct auxdma_fault_path {
	const char *desc;
	enum auxdma_fault_op op;
	enum auxiliary_dma_mode mode;
	const char *devname;	/* "block" and "managed" match the fixture's drivers */
	bool bound;		/* a driver binds the device it makes */
};

static const struct auxdma_fault_path auxdma_fault_paths[] = {
	{ "create by node", OP_CREATE, AUXILIARY_DMA_OF_NODE, "flt", false },
	{ "create by input ID", OP_CREATE, AUXILIARY_DMA_OF_ID, "flt", false },
	{ "create by node and bind", OP_CREATE, AUXILIARY_DMA_OF_NODE, "block", true },
	{ "bind by node", OP_BIND, AUXILIARY_DMA_OF_NODE, "block", true },
	{ "bind by input ID", OP_BIND, AUXILIARY_DMA_OF_ID, "block", true },
	{ "bind a driver that owns its domain", OP_BIND, AUXILIARY_DMA_OF_NODE, "managed",
	  true },
};

KUNIT_ARRAY_PARAM_DESC(auxdma_fault, auxdma_fault_paths, desc);

struct auxdma_resv {
	phys_addr_t start;
	size_t length;
	enum iommu_resv_type type;
};

struct auxdma_fault {
	struct kunit *test;
	struct auxdma_env *env;
	const struct auxdma_fault_path *path;
	struct auxiliary_dma_context ctx;
	char prefix[64];
	/* OP_BIND: the device, made without a fault, and its driver */
	struct auxiliary_device *auxdev;
	struct device_driver *drv, *block_drv;
	/* What a run without a fault gives */
	int id;
	unsigned long groups;
	unsigned int refs[NR_BLOCKS + 1];
	struct auxdma_resv resv[MAX_RESV];
	unsigned int nr_resv;
	/* Per path */
	unsigned int points, failed, survived, silent, closed;
	int errnos[8];
	unsigned int nr_errnos;
};

/*
 * A line since @mark names the device or its parent and the error, as a
 * number ("-12") or a name ("-ENOMEM")
 */
static bool auxdma_fault_logged(struct auxdma_fault *f, u64 mark, int err)
{
	const char *parent = dev_name(&f->env->parent->dev);
	char num[16], name[32];

	snprintf(num, sizeof(num), "%d", err);
	snprintf(name, sizeof(name), "%pe", ERR_PTR(err));
	return auxdma_log_has(f->test, mark, f->prefix, num) ||
	       auxdma_log_has(f->test, mark, f->prefix, name) ||
	       auxdma_log_has(f->test, mark, parent, num) ||
	       auxdma_log_has(f->test, mark, parent, name);
}

static unsigned int auxdma_fault_resv(struct device *dev, struct auxdma_resv *out)
{
	struct iommu_resv_region *region;
	unsigned int n = 0;
	LIST_HEAD(list);

	iommu_get_resv_regions(dev, &list);
	list_for_each_entry(region, &list, list) {
		if (out && n < MAX_RESV)
			out[n] = (struct auxdma_resv){
				region->start, region->length, region->type,
			};
		n++;
	}
	iommu_put_resv_regions(dev, &list);
	return n;
}

/*
 * Whole: a group of its own, the reserved regions of a run without a
 * fault and, for a device that the DMA API serves, an IOVA in its range
 */
static void auxdma_fault_whole(struct auxdma_fault *f, struct auxiliary_device *auxdev,
			       unsigned int n, bool survivor)
{
	struct kunit *test = f->test;
	struct device *dev = &auxdev->dev;
	struct auxdma_resv resv[MAX_RESV];
	struct iommu_group *group;
	unsigned int devs = 0, nr, i;
	struct page *page;
	dma_addr_t iova;

	group = iommu_group_get(dev);
	if (!group && survivor) {
		/* The IOMMU layer failed to take it when it was added: no driver binds */
		KUNIT_EXPECT_NE_MSG(test, device_driver_attach(f->block_drv, dev), 0,
				    "%s: point %u: %s binds without an IOMMU group",
				    f->path->desc, n, dev_name(dev));
		KUNIT_EXPECT_NULL(test, dev->driver);
		f->closed++;
		return;
	}
	KUNIT_ASSERT_NOT_NULL_MSG(test, group, "%s: point %u: %s has no IOMMU group",
				  f->path->desc, n, dev_name(dev));
	iommu_group_for_each_dev(group, &devs, auxdma_count_dev);
	iommu_group_put(group);
	KUNIT_EXPECT_EQ_MSG(test, devs, 1, "%s: point %u: %s shares its group",
			    f->path->desc, n, dev_name(dev));

	nr = auxdma_fault_resv(dev, resv);
	KUNIT_EXPECT_EQ_MSG(test, nr, f->nr_resv, "%s: point %u: %s: reserved regions",
			    f->path->desc, n, dev_name(dev));
	for (i = 0; i < min(nr, f->nr_resv); i++)
		KUNIT_EXPECT_TRUE_MSG(test, resv[i].start == f->resv[i].start &&
				      resv[i].length == f->resv[i].length &&
				      resv[i].type == f->resv[i].type,
				      "%s: point %u: %s: reserved region %u is [%pa+%zx] type %d",
				      f->path->desc, n, dev_name(dev), i, &resv[i].start,
				      resv[i].length, resv[i].type);

	if (dev->driver && to_auxiliary_drv(dev->driver)->driver_managed_dma)
		return;
	if (survivor && !dev->driver && IS_ENABLED(CONFIG_IOMMU_DMA) && !dev_dma_iommu(dev) &&
	    f->path->mode == AUXILIARY_DMA_OF_NODE) {
		/*
		 * The IOMMU layer kept the platform's DMA ops: no DMA-API driver
		 * binds to a device with ranges (a device without binds, as a
		 * platform device does)
		 */
		KUNIT_EXPECT_NE_MSG(test, device_driver_attach(f->block_drv, dev), 0,
				    "%s: point %u: %s binds without DMA through its domain",
				    f->path->desc, n, dev_name(dev));
		KUNIT_EXPECT_NULL(test, dev->driver);
		f->closed++;
		return;
	}
	page = alloc_page(GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, page);
	/* Never outside its range; no mapping at all fails closed */
	iova = dma_map_page(dev, page, 0, PAGE_SIZE, DMA_TO_DEVICE);
	if (dma_mapping_error(dev, iova)) {
		KUNIT_EXPECT_TRUE_MSG(test, survivor, "%s: point %u: %s cannot map",
				      f->path->desc, n, dev_name(dev));
		f->closed++;
	} else {
		/* Only block 0 has ranges: the block by input ID has none */
		KUNIT_EXPECT_TRUE_MSG(test, f->path->mode != AUXILIARY_DMA_OF_NODE ||
				      (iova >= FAULT_IOVA &&
				       iova + PAGE_SIZE <= FAULT_IOVA + FAULT_SIZE),
				      "%s: point %u: %s mapped at %pad, outside its range",
				      f->path->desc, n, dev_name(dev), &iova);
		dma_unmap_page(dev, iova, PAGE_SIZE, DMA_TO_DEVICE);
	}
	__free_page(page);
}

/* Nothing left by a failed run: no device, group, node reference */
static void auxdma_fault_clean(struct auxdma_fault *f, unsigned int n)
{
	struct kunit *test = f->test;
	struct device *left;
	int i;

	if (f->path->op == OP_CREATE) {
		left = auxdma_find_aux(f->prefix);
		KUNIT_EXPECT_NULL_MSG(test, left, "%s: point %u: %s left behind",
				      f->path->desc, n, left ? dev_name(left) : "");
		put_device(left);
	} else {
		struct iommu_group *group = iommu_group_get(&f->auxdev->dev);
		int owner;

		KUNIT_EXPECT_NULL_MSG(test, f->auxdev->dev.driver, "%s: point %u: bound",
				      f->path->desc, n);
		/* A failed bind gave back the DMA ownership it claimed */
		if (group) {
			KUNIT_EXPECT_EQ_MSG(test, iommu_group_claim_dma_owner(group, &owner), 0,
					    "%s: point %u: the group keeps an owner",
					    f->path->desc, n);
			iommu_group_release_dma_owner(group);
			iommu_group_put(group);
		}
		auxdma_fault_whole(f, f->auxdev, n, false);
	}
	KUNIT_EXPECT_EQ_MSG(test, auxdma_count_groups(), f->groups,
			    "%s: point %u: IOMMU groups", f->path->desc, n);
	KUNIT_EXPECT_EQ_MSG(test, auxdma_np_refs(f->env->parent_np), f->refs[NR_BLOCKS],
			    "%s: point %u: references on the parent's node", f->path->desc, n);
	for (i = 0; i < NR_BLOCKS; i++)
		KUNIT_EXPECT_EQ_MSG(test, auxdma_np_refs(f->env->block_np[i]), f->refs[i],
				    "%s: point %u: references on %pOF", f->path->desc, n,
				    f->env->block_np[i]);
}

/* One run of the path: 0 or an errno; *auxdev is the device it made */
static int auxdma_fault_run(struct auxdma_fault *f, struct auxiliary_device **auxdev)
{
	struct auxiliary_device *a;
	int ret;

	if (f->path->op == OP_BIND) {
		ret = device_driver_attach(f->drv, &f->auxdev->dev);
		*auxdev = f->auxdev;
		/* A probe error that the driver core keeps to itself */
		return ret ?: f->auxdev->dev.driver ? 0 : -ENXIO;
	}

	a = auxiliary_device_create_dma(&f->env->parent->dev, f->path->devname, NULL,
					f->id, &f->ctx);
	if (IS_ERR(a))
		return PTR_ERR(a);
	*auxdev = a;
	return 0;
}

static void auxdma_fault_undo(struct auxdma_fault *f, struct auxiliary_device *auxdev)
{
	if (f->path->op == OP_BIND)
		device_release_driver(&auxdev->dev);
	else
		auxiliary_device_destroy(auxdev);
}

/*
 * A run without a fault: it succeeds, whole; with the same name and
 * instance ID as the faulted run, so a name that run kept fails it
 */
static void auxdma_fault_good(struct auxdma_fault *f, unsigned int n)
{
	struct kunit *test = f->test;
	struct auxiliary_device *auxdev = NULL;
	int ret;

	ret = auxdma_fault_run(f, &auxdev);
	KUNIT_ASSERT_EQ_MSG(test, ret, 0, "%s: point %u: the run after the fault failed",
			    f->path->desc, n);
	if (f->path->bound)
		KUNIT_EXPECT_NOT_NULL_MSG(test, auxdev->dev.driver, "%s: point %u: not bound",
					  f->path->desc, n);
	auxdma_fault_whole(f, auxdev, n, false);
	auxdma_fault_undo(f, auxdev);
}

static void auxdma_fault_errno(struct auxdma_fault *f, int err)
{
	unsigned int i;

	for (i = 0; i < f->nr_errnos; i++)
		if (f->errnos[i] == err)
			return;
	if (f->nr_errnos < ARRAY_SIZE(f->errnos))
		f->errnos[f->nr_errnos++] = err;
}

static void auxdma_fault_setup(struct auxdma_fault *f)
{
	struct auxdma_env *env = f->env;
	struct kunit *test = f->test;
	const u32 cells[] = {
		upper_32_bits(FAULT_IOVA), lower_32_bits(FAULT_IOVA),
		upper_32_bits(FAULT_SIZE), lower_32_bits(FAULT_SIZE),
	};
	struct auxiliary_device *auxdev;
	int i;

	auxdma_ocs_init(env);
	auxdma_build_parent(env, 0, "test,auxdma-vpu", env->smmu_np->phandle, true);
	KUNIT_ASSERT_EQ(test, 0, of_changeset_add_prop_u32_array(&env->ocs, env->block_np[0],
								 "iommu-ranges", cells,
								 ARRAY_SIZE(cells)));
	auxdma_apply(env);

	if (f->path->mode == AUXILIARY_DMA_OF_NODE)
		f->ctx = (struct auxiliary_dma_context){
			.mode = AUXILIARY_DMA_OF_NODE, .np = env->block_np[0],
		};
	else
		f->ctx = (struct auxiliary_dma_context){
			.mode = AUXILIARY_DMA_OF_ID, .input_id = FAULT_INPUT_ID,
		};
	snprintf(f->prefix, sizeof(f->prefix), "%s.%s.", KBUILD_MODNAME, f->path->devname);
	f->block_drv = auxdma_fixture_driver("block");
	KUNIT_ASSERT_NOT_NULL(test, f->block_drv);

	if (f->path->op == OP_BIND) {
		f->auxdev = auxdma_create(env, f->path->devname, &f->ctx);
		device_release_driver(&f->auxdev->dev);
		f->drv = auxdma_fixture_driver(f->path->devname);
		KUNIT_ASSERT_NOT_NULL(test, f->drv);
		f->id = f->auxdev->id;
		f->nr_resv = auxdma_fault_resv(&f->auxdev->dev, f->resv);
	} else {
		f->id = auxdma_new_id();
		auxdev = auxiliary_device_create_dma(&env->parent->dev, f->path->devname, NULL,
						     f->id, &f->ctx);
		KUNIT_ASSERT_NOT_ERR_OR_NULL_MSG(test, auxdev, "without a fault: %pe", auxdev);
		f->nr_resv = auxdma_fault_resv(&auxdev->dev, f->resv);
		auxiliary_device_destroy(auxdev);
	}
	KUNIT_ASSERT_LE(test, f->nr_resv, MAX_RESV);
	if (f->path->mode == AUXILIARY_DMA_OF_NODE)
		KUNIT_ASSERT_GT_MSG(test, f->nr_resv, 0,
				    "no reserved region: the range is not kept");

	f->groups = auxdma_count_groups();
	f->refs[NR_BLOCKS] = auxdma_np_refs(env->parent_np);
	for (i = 0; i < NR_BLOCKS; i++)
		f->refs[i] = auxdma_np_refs(env->block_np[i]);
}

static void auxdma_faults_test_path(struct kunit *test)
{
	struct auxdma_fault *f;
	char errnos[64] = "";
	unsigned int n, i;
	int len = 0;

	int ret;

	ret = kunit_fail_nth_setup(test);
	if (ret == -EOPNOTSUPP)
		kunit_skip(test, "needs FAILSLAB, FAIL_PAGE_ALLOC and FAULT_INJECTION_DEBUG_FS");
	KUNIT_ASSERT_EQ(test, ret, 0);

	f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f);
	f->test = test;
	f->env = test->priv;
	f->path = test->param_value;
	auxdma_fault_setup(f);

	for (n = 1; n <= MAX_POINTS; n++) {
		struct auxiliary_device *auxdev = NULL;
		bool injected;
		u64 mark;

		mark = auxdma_log_mark();
		kunit_fail_nth(n);
		ret = auxdma_fault_run(f, &auxdev);
		injected = !kunit_fail_nth(0);

		if (!injected) {
			/* The path has n - 1 points: this run met none */
			KUNIT_EXPECT_EQ_MSG(test, ret, 0, "%s: failed without a fault",
					    f->path->desc);
			if (!ret) {
				auxdma_fault_whole(f, auxdev, n, false);
				auxdma_fault_undo(f, auxdev);
			}
			break;
		}
		if (!ret) {
			f->survived++;
			auxdma_fault_whole(f, auxdev, n, true);
			auxdma_fault_undo(f, auxdev);
			auxdma_fault_clean(f, n);
			continue;
		}
		f->failed++;
		auxdma_fault_errno(f, ret);
		auxdma_fault_clean(f, n);
		if (!auxdma_fault_logged(f, mark, ret)) {
			KUNIT_EXPECT_EQ_MSG(test, ret, -ENOMEM,
					    "%s: point %u: error %d and no line names %s or %s",
					    f->path->desc, n, ret, f->prefix,
					    dev_name(&f->env->parent->dev));
			f->silent++;
		}
		auxdma_fault_good(f, n);
		auxdma_fault_clean(f, n);
	}
	KUNIT_EXPECT_LE_MSG(test, n, MAX_POINTS, "%s: more than %u points", f->path->desc,
			    MAX_POINTS);
	f->points = n - 1;

	for (i = 0; i < f->nr_errnos; i++)
		len += scnprintf(errnos + len, sizeof(errnos) - len, " %d", f->errnos[i]);
	kunit_info(test, "faults: %s: %u points, %u failed cleanly (%u -ENOMEM without a line), %u survived whole (%u of them closed to DMA), errnos%s\n",
		   f->path->desc, f->points, f->failed, f->silent, f->survived, f->closed,
		   len ? errnos : " none");
}

static struct kunit_case auxdma_faults_cases[] = {
	KUNIT_CASE_PARAM(auxdma_faults_test_path, auxdma_fault_gen_params),
	{ }
};

static struct kunit_suite auxdma_faults_suite = {
	.name = "auxiliary_dma_faults",
	.suite_init = auxdma_suite_init,
	.suite_exit = auxdma_suite_exit,
	.init = auxdma_test_init,
	.exit = auxdma_test_exit,
	.test_cases = auxdma_faults_cases,
};

kunit_test_suites(&auxdma_faults_suite);
