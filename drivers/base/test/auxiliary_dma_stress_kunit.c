// SPDX-License-Identifier: GPL-2.0-only
/*
 * KUnit tests for DMA contexts of auxiliary devices under load: isolation
 * between every pair of contexts, a parent unbound while its children map
 * and hold mappings, and creation, removal, bind, unbind, parent unbind and
 * reads of reserved_regions in sysfs racing each other.  lockdep, KASAN and
 * DMA-API debugging watch them (tools/kunit-check.sh refuses their
 * reports).  On an SMMUv3, with the DT fixture of
 * auxiliary_dma_kunit_fixture.c.
 */

#include <kunit/platform_device.h>
#include <kunit/resource.h>
#include <linux/delay.h>
#include <linux/dma-mapping.h>
#include <linux/fs.h>
#include <linux/iommu.h>
#include <linux/kthread.h>
#include <linux/mount.h>
#include <linux/of_platform.h>
#include <linux/slab.h>
#include <linux/wait_bit.h>

#include "auxiliary_dma_kunit.h"

#define NR_CHILDREN	(NR_BLOCKS + SID_MAP_LEN)

/*
 * Every child, by node and by input ID, maps a page: the IOVA translates
 * to that page in its own domain only, not in any other child's nor in the
 * parent's.  (What a removal leaves behind, groups and node references, is
 * create_remove_cycles' in the context suite.)
 */
static void auxdma_stress_test_isolation(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxiliary_device *child[NR_CHILDREN];
	struct iommu_domain *dom[NR_CHILDREN], *parent_dom;
	struct page *page[NR_CHILDREN];
	dma_addr_t iova[NR_CHILDREN];
	int i, j;

	auxdma_setup(env);
	parent_dom = iommu_get_domain_for_dev(&env->parent->dev);
	KUNIT_ASSERT_NOT_NULL(test, parent_dom);
	for (i = 0; i < NR_CHILDREN; i++) {
		child[i] = i < NR_BLOCKS ? auxdma_create_node(env, "block", i)
					 : auxdma_create_id(env, "block", i - NR_BLOCKS);
		dom[i] = auxdma_dma_domain(test, &child[i]->dev);
		page[i] = alloc_page(GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, page[i]);
		iova[i] = dma_map_page(&child[i]->dev, page[i], 0, PAGE_SIZE,
				       DMA_BIDIRECTIONAL);
		KUNIT_ASSERT_FALSE(test, dma_mapping_error(&child[i]->dev, iova[i]));
	}

	for (i = 0; i < NR_CHILDREN; i++) {
		phys_addr_t phys = page_to_phys(page[i]);

		KUNIT_EXPECT_EQ(test, iommu_iova_to_phys(dom[i], iova[i]), phys);
		KUNIT_EXPECT_NE_MSG(test, iommu_iova_to_phys(parent_dom, iova[i]), phys,
				    "%s's buffer translates in the parent's domain",
				    dev_name(&child[i]->dev));
		for (j = 0; j < NR_CHILDREN; j++) {
			if (j == i)
				continue;
			KUNIT_EXPECT_PTR_NE(test, dom[j], dom[i]);
			KUNIT_EXPECT_NE_MSG(test, iommu_iova_to_phys(dom[j], iova[i]), phys,
					    "%s's buffer translates in %s's domain",
					    dev_name(&child[i]->dev), dev_name(&child[j]->dev));
		}
	}

	for (i = 0; i < NR_CHILDREN; i++)
		dma_unmap_page(&child[i]->dev, iova[i], PAGE_SIZE, DMA_BIDIRECTIONAL);
	for (i = 0; i < NR_CHILDREN; i++)
		__free_page(page[i]);
}

/*
 * "mapper": a block driver that holds a mapping for as long as it is bound
 * and runs a thread that maps, checks and unmaps a page in a loop, as a
 * driver with DMA in flight does; remove stops the thread and unmaps.
 */
struct auxdma_mapper {
	struct device *dev;
	struct page *page;
	dma_addr_t iova;
	struct task_struct *thread;
	unsigned long loops;
	bool bad;
};

static atomic_t auxdma_mapper_live = ATOMIC_INIT(0);
static atomic_t auxdma_mapper_unmapped = ATOMIC_INIT(0);
static atomic_long_t auxdma_mapper_loops = ATOMIC_LONG_INIT(0);
static atomic_t auxdma_mapper_bad = ATOMIC_INIT(0);
/* A bound for a thread that hangs, not a pace: the tests wait for events */
#define STRESS_TIMEOUT	(120 * HZ)

/* Mappers that have mapped MAPPER_WARM times: their DMA is in flight */
#define MAPPER_WARM	16
static atomic_t auxdma_mapper_warm = ATOMIC_INIT(0);

static int auxdma_mapper_thread(void *data)
{
	struct auxdma_mapper *m = data;
	struct iommu_domain *domain = iommu_get_domain_for_dev(m->dev);
	struct page *page = alloc_page(GFP_KERNEL);
	dma_addr_t iova;

	while (!kthread_should_stop()) {
		if (page) {
			iova = dma_map_page(m->dev, page, 0, PAGE_SIZE, DMA_TO_DEVICE);
			if (dma_mapping_error(m->dev, iova) ||
			    iommu_iova_to_phys(domain, iova) != page_to_phys(page))
				m->bad = true;
			if (!dma_mapping_error(m->dev, iova))
				dma_unmap_page(m->dev, iova, PAGE_SIZE, DMA_TO_DEVICE);
			if (++m->loops == MAPPER_WARM) {
				atomic_inc(&auxdma_mapper_warm);
				wake_up_var(&auxdma_mapper_warm);
			}
		}
		usleep_range(100, 200);
	}
	if (page)
		__free_page(page);
	return 0;
}

static int auxdma_mapper_probe(struct auxiliary_device *auxdev,
			       const struct auxiliary_device_id *id)
{
	struct device *dev = &auxdev->dev;
	struct auxdma_mapper *m;

	m = devm_kzalloc(dev, sizeof(*m), GFP_KERNEL);
	if (!m)
		return -ENOMEM;
	m->dev = dev;
	m->page = alloc_page(GFP_KERNEL);
	if (!m->page)
		return -ENOMEM;
	m->iova = dma_map_page(dev, m->page, 0, PAGE_SIZE, DMA_BIDIRECTIONAL);
	if (dma_mapping_error(dev, m->iova)) {
		__free_page(m->page);
		return -ENOMEM;
	}
	m->thread = kthread_run(auxdma_mapper_thread, m, "auxdma-map/%d", auxdev->id);
	if (IS_ERR(m->thread)) {
		dma_unmap_page(dev, m->iova, PAGE_SIZE, DMA_BIDIRECTIONAL);
		__free_page(m->page);
		return PTR_ERR(m->thread);
	}
	auxiliary_set_drvdata(auxdev, m);
	atomic_inc(&auxdma_mapper_live);
	return 0;
}

static void auxdma_mapper_remove(struct auxiliary_device *auxdev)
{
	struct auxdma_mapper *m = auxiliary_get_drvdata(auxdev);

	kthread_stop(m->thread);
	if (iommu_iova_to_phys(iommu_get_domain_for_dev(m->dev), m->iova) !=
	    page_to_phys(m->page))
		m->bad = true;
	dma_unmap_page(m->dev, m->iova, PAGE_SIZE, DMA_BIDIRECTIONAL);
	__free_page(m->page);
	atomic_long_add(m->loops, &auxdma_mapper_loops);
	if (m->bad)
		atomic_inc(&auxdma_mapper_bad);
	atomic_inc(&auxdma_mapper_unmapped);
}

static const struct auxiliary_device_id auxdma_mapper_ids[] = {
	{ .name = KBUILD_MODNAME ".mapper" },
	{ }
};

static struct auxiliary_driver auxdma_mapper_driver = {
	.name = "mapper",
	.probe = auxdma_mapper_probe,
	.remove = auxdma_mapper_remove,
	.id_table = auxdma_mapper_ids,
};

/*
 * A parent driver that makes, in probe, a managed child of every block node
 * and, with auxdma_stress_by_id, of every input ID of its map, all named
 * auxdma_stress_devname.
 */
static const char *auxdma_stress_devname;
static bool auxdma_stress_by_id;

static int auxdma_stress_parent_probe(struct platform_device *pdev)
{
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_ID };
	struct auxiliary_device *auxdev;
	struct device_node *np;
	u32 i;

	for_each_child_of_node(pdev->dev.of_node, np) {
		struct auxiliary_dma_context by_node = {
			.mode = AUXILIARY_DMA_OF_NODE, .np = np,
		};

		auxdev = auxdma_devm_create(&pdev->dev, auxdma_stress_devname, &by_node);
		if (IS_ERR(auxdev)) {
			of_node_put(np);
			return PTR_ERR(auxdev);
		}
	}
	for (i = 0; auxdma_stress_by_id && i < SID_MAP_LEN; i++) {
		ctx.input_id = i;
		auxdev = auxdma_devm_create(&pdev->dev, auxdma_stress_devname, &ctx);
		if (IS_ERR(auxdev))
			return PTR_ERR(auxdev);
	}
	return 0;
}

static struct platform_driver auxdma_stress_parent_driver = {
	.probe = auxdma_stress_parent_probe,
	.driver = {
		.name = "kunit-auxdma-stress-parent",
	},
};

/* Bind @env's parent to the stress parent driver, making children @devname */
static void auxdma_stress_bind_parent(struct auxdma_env *env, const char *devname,
				      bool by_id)
{
	struct platform_driver *drv = &auxdma_stress_parent_driver;
	struct kunit *test = env->test;

	auxdma_stress_devname = devname;
	auxdma_stress_by_id = by_id;
	KUNIT_ASSERT_EQ(test, 0, device_set_driver_override(&env->parent->dev,
							    drv->driver.name));
	KUNIT_ASSERT_EQ(test, 0, kunit_platform_driver_register(test, drv));
	KUNIT_ASSERT_NOT_NULL(test, env->parent->dev.driver);
}

static void auxdma_stress_unregister(void *drv)
{
	auxiliary_driver_unregister(drv);
}

struct auxdma_count {
	const char *prefix;
	unsigned int n;
};

static int auxdma_count_one(struct device *dev, void *data)
{
	struct auxdma_count *c = data;

	c->n += auxdma_match_prefix(dev, c->prefix);
	return 0;
}

static unsigned int auxdma_count_prefix(const char *prefix)
{
	struct auxdma_count c = { .prefix = prefix };

	auxdma_visit_aux(auxdma_count_one, &c);
	return c.n;
}

/*
 * The parent is unbound while each of its children holds a mapping and
 * maps in a loop: its children are unbound and removed first, each driver
 * stops its DMA and unmaps (DMA-API debugging stays silent), and nothing
 * of theirs is left.
 */
static void auxdma_stress_test_parent_removal(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	unsigned long groups;
	long left;

	atomic_set(&auxdma_mapper_live, 0);
	atomic_set(&auxdma_mapper_unmapped, 0);
	atomic_long_set(&auxdma_mapper_loops, 0);
	atomic_set(&auxdma_mapper_bad, 0);
	atomic_set(&auxdma_mapper_warm, 0);
	KUNIT_ASSERT_EQ(test, 0, auxiliary_driver_register(&auxdma_mapper_driver));
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_stress_unregister,
							   &auxdma_mapper_driver));
	auxdma_setup(env);
	groups = auxdma_count_groups();

	auxdma_stress_bind_parent(env, "mapper", true);
	KUNIT_ASSERT_EQ(test, atomic_read(&auxdma_mapper_live), NR_CHILDREN);
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), groups + NR_CHILDREN);
	left = wait_var_event_timeout(&auxdma_mapper_warm,
				      atomic_read(&auxdma_mapper_warm) == NR_CHILDREN,
				      STRESS_TIMEOUT);
	KUNIT_EXPECT_NE_MSG(test, left, 0, "only %d of %d mappers mapped",
			    atomic_read(&auxdma_mapper_warm), NR_CHILDREN);

	device_release_driver(&env->parent->dev);
	KUNIT_EXPECT_EQ(test, atomic_read(&auxdma_mapper_unmapped), NR_CHILDREN);
	KUNIT_EXPECT_EQ(test, atomic_read(&auxdma_mapper_bad), 0);
	KUNIT_EXPECT_GE(test, atomic_long_read(&auxdma_mapper_loops), NR_CHILDREN * MAPPER_WARM);
	KUNIT_EXPECT_EQ(test, auxdma_count_prefix(KBUILD_MODNAME ".mapper."), 0);
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), groups);
	kunit_info(test, "%d children unbound with their DMA in flight after %ld maps",
		   NR_CHILDREN, atomic_long_read(&auxdma_mapper_loops));
}

/*
 * Lifecycles racing each other until each has done STRESS_ROUNDS rounds
 * (about three seconds, the parent's cycles being the slowest; the timeout
 * only bounds a thread that hangs): two threads create and
 * destroy children by input ID; one unbinds and rebinds the block driver of
 * every child; one unbinds and rebinds the parent, whose driver makes and
 * removes managed children by node; one reads every child's
 * reserved_regions in sysfs (a mount of its own: KUnit runs before user
 * space mounts one).  Every thread makes progress, and at the end no child
 * and no group is left.
 */
#define STRESS_ROUNDS	4

enum { T_CREATE0, T_CREATE1, T_BIND, T_PARENT, T_READ, NR_T };

static const char * const auxdma_stress_names[NR_T] = {
	"creates", "creates", "rebinds", "parent cycles", "sysfs reads",
};

struct auxdma_stress {
	struct auxdma_env *env;
	struct task_struct *task[NR_T];
	unsigned long count[NR_T];
	unsigned long reads;
	unsigned long deferred;
	unsigned long errors[NR_T];
	int err[NR_T];			/* the last error of each thread */
	struct vfsmount *sysfs;
	char *buf;
};

struct auxdma_stress_thread {
	struct auxdma_stress *s;
	int t;
};

static bool auxdma_stress_done(struct auxdma_stress *s)
{
	int t;

	for (t = 0; t < NR_T; t++)
		if (READ_ONCE(s->count[t]) < STRESS_ROUNDS)
			return false;
	return true;
}

static void auxdma_stress_error(struct auxdma_stress *s, int t, int err)
{
	s->errors[t]++;
	s->err[t] = err;
}

static int auxdma_stress_rebind(struct device *dev, void *data)
{
	struct auxdma_stress *s = data;
	int ret;

	if (!auxdma_match_prefix(dev, KBUILD_MODNAME ".block."))
		return 0;
	device_release_driver(dev);
	ret = device_attach(dev);
	/* A child that is being added or removed defers, as it must */
	if (ret == -EPROBE_DEFER)
		s->deferred++;
	else if (ret < 0)
		auxdma_stress_error(s, T_BIND, ret);
	return 0;
}

static int auxdma_stress_read(struct device *dev, void *data)
{
	struct auxdma_stress *s = data;
	struct iommu_group *group;
	struct file *f;
	char path[64];
	loff_t pos = 0;
	ssize_t ret;

	if (!auxdma_match_prefix(dev, KBUILD_MODNAME ".block."))
		return 0;
	group = iommu_group_get(dev);
	if (!group)
		return 0;
	snprintf(path, sizeof(path), "kernel/iommu_groups/%d/reserved_regions",
		 iommu_group_id(group));
	/* The group may go with its device meanwhile: then the file is gone */
	f = file_open_root_mnt(s->sysfs, path, O_RDONLY, 0);
	if (!IS_ERR(f)) {
		/* Empty, or gone, when the group goes while it is read */
		ret = kernel_read(f, s->buf, PAGE_SIZE, &pos);
		if (ret > 0)
			s->reads++;
		else if (ret && ret != -ENODEV)
			auxdma_stress_error(s, T_READ, ret);
		filp_close(f, NULL);
	} else if (PTR_ERR(f) != -ENOENT) {
		auxdma_stress_error(s, T_READ, PTR_ERR(f));
	}
	iommu_group_put(group);
	return 0;
}

static int auxdma_stress_thread(void *data)
{
	struct auxdma_stress_thread *st = data;
	struct auxdma_stress *s = st->s;
	struct device *parent = &s->env->parent->dev;
	struct auxiliary_dma_context ctx = { .mode = AUXILIARY_DMA_OF_ID };
	struct auxiliary_device *auxdev;
	int t = st->t, ret;

	while (!kthread_should_stop()) {
		switch (t) {
		case T_CREATE0:
		case T_CREATE1:
			ctx.input_id = (t == T_CREATE0 ? 0 : 2) + s->count[t] % 2;
			auxdev = auxiliary_device_create_dma(parent, "block", NULL,
							     auxdma_new_id(), &ctx);
			if (IS_ERR(auxdev))
				auxdma_stress_error(s, t, PTR_ERR(auxdev));
			else
				auxiliary_device_destroy(auxdev);
			break;
		case T_BIND:
			auxdma_visit_aux(auxdma_stress_rebind, s);
			break;
		case T_PARENT:
			device_release_driver(parent);
			ret = device_attach(parent);
			if (ret != 1)
				auxdma_stress_error(s, t, ret);
			break;
		case T_READ:
			auxdma_visit_aux(auxdma_stress_read, s);
			break;
		}
		WRITE_ONCE(s->count[t], s->count[t] + 1);
		wake_up_var(s);
		cond_resched();
	}
	return 0;
}

static void auxdma_stress_umount(void *mnt)
{
	mntput(mnt);
}

static void auxdma_stress_test_concurrent(struct kunit *test)
{
	struct auxdma_env *env = test->priv;
	struct auxdma_stress_thread st[NR_T];
	struct auxdma_stress s = { .env = env };
	struct file_system_type *sysfs;
	unsigned long groups;
	long left;
	int t;

	s.buf = kunit_kmalloc(test, PAGE_SIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s.buf);
	sysfs = get_fs_type("sysfs");
	KUNIT_ASSERT_NOT_NULL(test, sysfs);
	s.sysfs = vfs_kern_mount(sysfs, SB_KERNMOUNT, "sysfs", NULL);
	put_filesystem(sysfs);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, s.sysfs);
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxdma_stress_umount,
							   s.sysfs));
	auxdma_setup(env);
	groups = auxdma_count_groups();
	auxdma_stress_bind_parent(env, "block", false);

	for (t = 0; t < NR_T; t++) {
		st[t] = (struct auxdma_stress_thread){ .s = &s, .t = t };
		s.task[t] = kthread_run(auxdma_stress_thread, &st[t], "auxdma-stress/%d", t);
		KUNIT_ASSERT_NOT_ERR_OR_NULL(test, s.task[t]);
	}
	left = wait_var_event_timeout(&s, auxdma_stress_done(&s), STRESS_TIMEOUT);
	KUNIT_EXPECT_NE_MSG(test, left, 0, "a thread made no progress");
	for (t = 0; t < NR_T; t++)
		kthread_stop(s.task[t]);

	for (t = 0; t < NR_T; t++) {
		kunit_info(test, "%s: %lu", auxdma_stress_names[t], s.count[t]);
		KUNIT_EXPECT_GT_MSG(test, s.count[t], 0, "no %s", auxdma_stress_names[t]);
		KUNIT_EXPECT_EQ_MSG(test, s.errors[t], 0, "%s: %lu errors, the last %d",
				    auxdma_stress_names[t], s.errors[t], s.err[t]);
	}
	kunit_info(test, "reserved_regions read: %lu; binds deferred: %lu",
		   s.reads, s.deferred);
	KUNIT_EXPECT_GT(test, s.reads, 0);

	/* The parent is bound again: its managed children are back */
	KUNIT_EXPECT_NOT_NULL(test, env->parent->dev.driver);
	KUNIT_EXPECT_EQ(test, auxdma_count_prefix(KBUILD_MODNAME ".block."), NR_BLOCKS);
	device_release_driver(&env->parent->dev);
	KUNIT_EXPECT_EQ(test, auxdma_count_prefix(KBUILD_MODNAME ".block."), 0);
	KUNIT_EXPECT_EQ(test, auxdma_count_groups(), groups);
}

static struct kunit_case auxdma_stress_cases[] = {
	KUNIT_CASE(auxdma_stress_test_isolation),
	KUNIT_CASE_SLOW(auxdma_stress_test_parent_removal),
	KUNIT_CASE_SLOW(auxdma_stress_test_concurrent),
	{ }
};

static struct kunit_suite auxdma_stress_suite = {
	.name = "auxiliary_dma_stress",
	.suite_init = auxdma_suite_init,
	.suite_exit = auxdma_suite_exit,
	.init = auxdma_test_init,
	.exit = auxdma_test_exit,
	.test_cases = auxdma_stress_cases,
};

kunit_test_suites(&auxdma_stress_suite);
