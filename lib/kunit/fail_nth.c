// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit helpers that fail the nth allocation of a test's task
 *
 * User space fails the nth allocation of a task by writing n to its
 * /proc/<pid>/fail-nth, once it has told failslab and fail_page_alloc, in
 * debugfs, to fail GFP_KERNEL allocations and order-0 pages too.  A test
 * cannot write those debugfs files (kernel_write() needs ->write_iter,
 * which debugfs's simple attribute files lack), so it sets the values that
 * they expose, where debugfs keeps them: in each file's i_private.
 */

#include <kunit/fail_nth.h>
#include <kunit/resource.h>
#include <kunit/test.h>
#include <linux/debugfs.h>
#include <linux/mutex.h>

enum kunit_fail_nth_type { KNOB_BOOL, KNOB_U32, KNOB_ULONG };

static struct kunit_fail_nth_knob {
	const char *dir, *file;
	enum kunit_fail_nth_type type;
	unsigned long value, old;
	void *p;
} kunit_fail_nth_knobs[] = {
	/* Fail GFP_KERNEL allocations too, and order-0 pages */
	{ "failslab", "ignore-gfp-wait", KNOB_BOOL, 0 },
	{ "fail_page_alloc", "ignore-gfp-wait", KNOB_BOOL, 0 },
	{ "fail_page_alloc", "min-order", KNOB_U32, 0 },
	/* One log line per fault, no stack */
	{ "failslab", "verbose", KNOB_ULONG, 1 },
	{ "fail_page_alloc", "verbose", KNOB_ULONG, 1 },
};

/* The knobs are set while a test that called kunit_fail_nth_setup() runs */
static DEFINE_MUTEX(kunit_fail_nth_lock);
static unsigned int kunit_fail_nth_users;

static unsigned long kunit_fail_nth_xchg(struct kunit_fail_nth_knob *k, unsigned long v)
{
	unsigned long old;

	switch (k->type) {
	case KNOB_BOOL:
		old = *(bool *)k->p;
		*(bool *)k->p = v;
		break;
	case KNOB_U32:
		old = *(u32 *)k->p;
		*(u32 *)k->p = v;
		break;
	default:
		old = *(unsigned long *)k->p;
		*(unsigned long *)k->p = v;
		break;
	}
	return old;
}

static void *kunit_fail_nth_find(const struct kunit_fail_nth_knob *k)
{
	struct dentry *dir, *file = NULL;
	void *p = NULL;

	dir = debugfs_lookup(k->dir, NULL);
	if (!IS_ERR_OR_NULL(dir)) {
		file = debugfs_lookup(k->file, dir);
		dput(dir);
	}
	if (!IS_ERR_OR_NULL(file)) {
		p = d_inode(file)->i_private;
		dput(file);
	}
	return p;
}

static void kunit_fail_nth_release(void *unused)
{
	struct kunit_fail_nth_knob *k;

	mutex_lock(&kunit_fail_nth_lock);
	if (!--kunit_fail_nth_users)
		for (k = kunit_fail_nth_knobs; k < kunit_fail_nth_knobs +
		     ARRAY_SIZE(kunit_fail_nth_knobs); k++)
			kunit_fail_nth_xchg(k, k->old);
	mutex_unlock(&kunit_fail_nth_lock);
}

/**
 * kunit_fail_nth_setup() - Let kunit_fail_nth() fail any allocation
 * @test: The test that will fail allocations
 *
 * Make failslab and fail_page_alloc fail the allocations that a task's
 * fail-nth counter selects whatever their GFP flags and order, with one
 * log line and no stack for each, until @test ends.  The other tasks are
 * not affected: their counters are not armed.
 *
 * Return: 0; -EOPNOTSUPP if the kernel cannot inject faults from debugfs
 * (CONFIG_FAILSLAB, CONFIG_FAIL_PAGE_ALLOC, CONFIG_FAULT_INJECTION_DEBUG_FS),
 * for @test to skip; -ENOENT if a file is missing from debugfs; or the
 * error of kunit_add_action_or_reset().
 */
int kunit_fail_nth_setup(struct kunit *test)
{
	struct kunit_fail_nth_knob *k;

	if (!IS_ENABLED(CONFIG_FAILSLAB) || !IS_ENABLED(CONFIG_FAIL_PAGE_ALLOC) ||
	    !IS_ENABLED(CONFIG_FAULT_INJECTION_DEBUG_FS))
		return -EOPNOTSUPP;

	mutex_lock(&kunit_fail_nth_lock);
	if (!kunit_fail_nth_users) {
		for (k = kunit_fail_nth_knobs; k < kunit_fail_nth_knobs +
		     ARRAY_SIZE(kunit_fail_nth_knobs); k++) {
			k->p = kunit_fail_nth_find(k);
			if (!k->p) {
				mutex_unlock(&kunit_fail_nth_lock);
				kunit_err(test, "no debugfs file %s/%s\n", k->dir, k->file);
				return -ENOENT;
			}
		}
		for (k = kunit_fail_nth_knobs; k < kunit_fail_nth_knobs +
		     ARRAY_SIZE(kunit_fail_nth_knobs); k++)
			k->old = kunit_fail_nth_xchg(k, k->value);
	}
	kunit_fail_nth_users++;
	mutex_unlock(&kunit_fail_nth_lock);

	return kunit_add_action_or_reset(test, kunit_fail_nth_release, NULL);
}
EXPORT_SYMBOL_GPL(kunit_fail_nth_setup);
