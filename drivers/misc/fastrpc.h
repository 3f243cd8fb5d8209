/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What fastrpc.c makes visible to its KUnit tests
 */
#ifndef __FASTRPC_H
#define __FASTRPC_H

struct device;

#if IS_ENABLED(CONFIG_KUNIT)
int fastrpc_session_sids(struct device *rdev, int *sids, int n);
#endif

#endif
