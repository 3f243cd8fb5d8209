// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit tests for the auxiliary bus's driver_override: a device whose
 * override names a driver binds to that driver only, whatever the drivers'
 * ID tables say.
 */

#include <kunit/device.h>
#include <kunit/test.h>
#include <linux/auxiliary_bus.h>
#include <linux/device.h>
#include <linux/slab.h>

/* Matches "<module>.dev" devices by its ID table */
static const struct auxiliary_device_id auxbus_test_named_ids[] = {
	{ .name = KBUILD_MODNAME ".dev" },
	{ }
};

/* Matches no device by name: it binds only by driver_override */
static const struct auxiliary_device_id auxbus_test_generic_ids[] = {
	{ }
};

static int auxbus_test_probe(struct auxiliary_device *auxdev,
			     const struct auxiliary_device_id *id)
{
	return 0;
}

static struct auxiliary_driver auxbus_test_named_driver = {
	.name = "named",
	.probe = auxbus_test_probe,
	.id_table = auxbus_test_named_ids,
};

static struct auxiliary_driver auxbus_test_generic_driver = {
	.name = "generic",
	.probe = auxbus_test_probe,
	.id_table = auxbus_test_generic_ids,
};

static int auxbus_test_init(struct kunit *test)
{
	int ret;

	ret = auxiliary_driver_register(&auxbus_test_named_driver);
	if (ret)
		return ret;
	ret = auxiliary_driver_register(&auxbus_test_generic_driver);
	if (ret)
		auxiliary_driver_unregister(&auxbus_test_named_driver);
	return ret;
}

static void auxbus_test_exit(struct kunit *test)
{
	auxiliary_driver_unregister(&auxbus_test_generic_driver);
	auxiliary_driver_unregister(&auxbus_test_named_driver);
}

static void auxbus_test_release(struct device *dev)
{
	kfree(to_auxiliary_dev(dev));
}

/*
 * Add "<module>.dev.0", with driver_override set to @override first unless
 * it is NULL, and return it; it is destroyed when the test ends.
 */
static struct auxiliary_device *auxbus_test_add(struct kunit *test,
						const char *override)
{
	struct auxiliary_device *auxdev;
	struct device *parent;

	parent = kunit_device_register(test, "auxbus-test-parent");
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, parent);
	auxdev = kzalloc_obj(*auxdev);
	KUNIT_ASSERT_NOT_NULL(test, auxdev);
	auxdev->name = "dev";
	auxdev->dev.parent = parent;
	auxdev->dev.release = auxbus_test_release;
	KUNIT_ASSERT_EQ(test, 0, auxiliary_device_init(auxdev));
	if (override &&
	    device_set_driver_override(&auxdev->dev, override)) {
		auxiliary_device_uninit(auxdev);
		KUNIT_FAIL_AND_ABORT(test, "cannot set driver_override\n");
	}
	if (auxiliary_device_add(auxdev)) {
		auxiliary_device_uninit(auxdev);
		KUNIT_FAIL_AND_ABORT(test, "cannot add the device\n");
	}
	KUNIT_ASSERT_EQ(test, 0, kunit_add_action_or_reset(test, auxiliary_device_destroy,
							   auxdev));
	return auxdev;
}

/* Without an override, a device binds to the driver whose table names it */
static void auxbus_test_no_override(struct kunit *test)
{
	struct auxiliary_device *auxdev = auxbus_test_add(test, NULL);

	KUNIT_EXPECT_PTR_EQ(test, auxdev->dev.driver,
			    &auxbus_test_named_driver.driver);
}

/* An override binds the driver it names, which matches no device by name */
static void auxbus_test_override_binds(struct kunit *test)
{
	struct auxiliary_device *auxdev;

	auxdev = auxbus_test_add(test, auxbus_test_generic_driver.driver.name);
	KUNIT_EXPECT_PTR_EQ(test, auxdev->dev.driver,
			    &auxbus_test_generic_driver.driver);
}

/* An override naming no driver keeps the device from the one that names it */
static void auxbus_test_override_excludes(struct kunit *test)
{
	struct auxiliary_device *auxdev = auxbus_test_add(test, "none");

	KUNIT_EXPECT_NULL(test, auxdev->dev.driver);
}

static struct kunit_case auxbus_test_cases[] = {
	KUNIT_CASE(auxbus_test_no_override),
	KUNIT_CASE(auxbus_test_override_binds),
	KUNIT_CASE(auxbus_test_override_excludes),
	{ }
};

static struct kunit_suite auxbus_test_suite = {
	.name = "auxiliary_bus_driver_override",
	.init = auxbus_test_init,
	.exit = auxbus_test_exit,
	.test_cases = auxbus_test_cases,
};

kunit_test_suite(auxbus_test_suite);

MODULE_DESCRIPTION("KUnit tests for the auxiliary bus's driver_override");
MODULE_LICENSE("GPL");
