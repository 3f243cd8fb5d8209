// SPDX-License-Identifier: GPL-2.0-only
/* Must not match: failed adds that uninit, directly or through a label */
#include <linux/auxiliary_bus.h>

static int ok_direct(struct auxiliary_device *adev)
{
	int ret;

	ret = auxiliary_device_init(adev);
	if (ret)
		return ret;

	ret = auxiliary_device_add(adev);
	if (ret) {
		auxiliary_device_uninit(adev);
		return ret;
	}
	return 0;
}

static int ok_goto(struct auxiliary_device *adev)
{
	int ret;

	ret = auxiliary_device_init(adev);
	if (ret)
		return ret;

	ret = auxiliary_device_add(adev);
	if (ret)
		goto err_uninit;
	return 0;

err_uninit:
	auxiliary_device_uninit(adev);
	return ret;
}

static int ok_condition(struct auxiliary_device *adev)
{
	if (auxiliary_device_add(adev)) {
		auxiliary_device_uninit(adev);
		return -EIO;
	}
	return 0;
}

/* As auxiliary_device_create_dma(): the error is reused after the add */
static int ok_reused_error(struct auxiliary_device *adev, int (*check)(void))
{
	int ret;

	ret = auxiliary_device_add(adev);
	if (ret) {
		auxiliary_device_uninit(adev);
		return ret;
	}

	ret = check();
	if (ret) {
		auxiliary_device_destroy(adev);
		return ret;
	}
	return 0;
}
