/* SPDX-License-Identifier: GPL-2.0 */
/*
 * KUnit helpers that fail the nth allocation of a test's task, as
 * /proc/<pid>/fail-nth does for user space.
 */

#ifndef _KUNIT_FAIL_NTH_H
#define _KUNIT_FAIL_NTH_H

#include <linux/sched.h>

struct kunit;

int kunit_fail_nth_setup(struct kunit *test);

/**
 * kunit_fail_nth() - Fail the nth allocation of the current task
 * @n: 1 to fail the next allocation, 2 the one after it, and so on; 0
 *     fails none
 *
 * Arms the current task's fail-nth counter, which failslab and
 * fail_page_alloc count down at each allocation they could fail; once
 * kunit_fail_nth_setup() has run, that is every allocation of the task.
 *
 * Return: what was left of the previous count: 0 if it was not armed or
 * if it made an allocation fail, more if the task made fewer allocations.
 */
static inline unsigned int kunit_fail_nth(unsigned int n)
{
#ifdef CONFIG_FAULT_INJECTION
	unsigned int left = current->fail_nth;

	current->fail_nth = n;
	return left;
#else
	return 0;
#endif
}

#endif /* _KUNIT_FAIL_NTH_H */
