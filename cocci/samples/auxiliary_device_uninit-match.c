// SPDX-License-Identifier: GPL-2.0-only
/* Must match: a failed auxiliary_device_add() without uninit */
// expect: 3
#include <linux/auxiliary_bus.h>
#include <linux/slab.h>

static int leak_direct(struct auxiliary_device *adev)
{
	int ret;

	ret = auxiliary_device_init(adev);
	if (ret)
		return ret;

	ret = auxiliary_device_add(adev);
	if (ret)
		return ret;

	return 0;
}

static int leak_in_condition(struct auxiliary_device *adev)
{
	if (auxiliary_device_init(adev))
		return -EINVAL;

	if (auxiliary_device_add(adev)) {
		pr_err("add failed\n");
		return -EIO;
	}
	return 0;
}

static int leak_kfree(struct auxiliary_device *adev)
{
	int err;

	err = auxiliary_device_init(adev);
	if (err)
		return err;
	err = __auxiliary_device_add(adev, "mod");
	if (err < 0) {
		kfree(adev);
		return err;
	}
	return 0;
}
