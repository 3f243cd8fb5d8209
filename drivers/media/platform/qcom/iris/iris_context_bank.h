/* SPDX-License-Identifier: GPL-2.0-only */
/*
 * Iris IOMMU context banks as auxiliary devices
 */

#ifndef __IRIS_CONTEXT_BANK_H__
#define __IRIS_CONTEXT_BANK_H__

#include "iris_buffer.h"

struct device;
struct iris_core;
struct iris_inst;

/**
 * enum iris_context_bank_id - the IOMMU context banks of iris
 * @IRIS_CB_NON_PIXEL: bitstream, firmware interface and internal buffers
 *	other than reference pictures; the firmware requires them above
 *	600 MiB
 * @IRIS_CB_PIXEL: uncompressed frames and reference pictures
 * @IRIS_CB_MAX: number of context banks
 */
enum iris_context_bank_id {
	IRIS_CB_NON_PIXEL,
	IRIS_CB_PIXEL,
	IRIS_CB_MAX,
};

int iris_context_banks_create(struct iris_core *core);
void iris_context_banks_destroy(struct iris_core *core);
int iris_context_banks_resume(struct iris_core *core);
void iris_context_banks_suspend(struct iris_core *core);
bool iris_has_context_banks(struct iris_core *core);
struct device *iris_context_bank_dev(struct iris_core *core, enum iris_context_bank_id id);
struct device *iris_buffer_dev(struct iris_inst *inst, enum iris_buffer_type type);

int iris_context_bank_driver_register(void);
void iris_context_bank_driver_unregister(void);

#endif
