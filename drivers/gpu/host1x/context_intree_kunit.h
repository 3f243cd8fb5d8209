/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every host1x node of Linux's arm64 DTS: written by
 * tools/intree-dt.py from the tree it was run on, do not edit.
 */

static const struct host1x_intree_node host1x_intree_nodes[] = {
	{ "tegra132", "nvidia,tegra124-host1x", 1, { { 0, 0x6 } }, 0, { } },
	{ "tegra186", "nvidia,tegra186-host1x", 1, { { 0, 0x1 } }, 8, {
		{ 0, 0, 0x38, 1 }, { 1, 0, 0x39, 1 }, { 2, 0, 0x3a, 1 }, { 3, 0, 0x3b, 1 },
		{ 4, 0, 0x3c, 1 }, { 5, 0, 0x3d, 1 }, { 6, 0, 0x3e, 1 }, { 7, 0, 0x3f, 1 } } },
	{ "tegra194", "nvidia,tegra194-host1x", 1, { { 0, 0x1 } }, 8, {
		{ 0, 0, 0x38, 1 }, { 1, 0, 0x39, 1 }, { 2, 0, 0x3a, 1 }, { 3, 0, 0x3b, 1 },
		{ 4, 0, 0x3c, 1 }, { 5, 0, 0x3d, 1 }, { 6, 0, 0x3e, 1 }, { 7, 0, 0x3f, 1 } } },
	{ "tegra210", "nvidia,tegra210-host1x", 1, { { 0, 0x6 } }, 0, { } },
	{ "tegra234", "nvidia,tegra234-host1x", 1, { { 0, 0x27 } }, 16, {
		{ 0, 1, 0x35, 1 }, { 1, 1, 0x36, 1 }, { 2, 1, 0x37, 1 }, { 3, 1, 0x38, 1 },
		{ 4, 1, 0x39, 1 }, { 5, 1, 0x3a, 1 }, { 6, 1, 0x3b, 1 }, { 7, 1, 0x3c, 1 },
		{ 8, 0, 0x35, 1 }, { 9, 0, 0x36, 1 }, { 10, 0, 0x37, 1 }, { 11, 0, 0x38, 1 },
		{ 12, 0, 0x39, 1 }, { 13, 0, 0x3a, 1 }, { 14, 0, 0x3b, 1 }, { 15, 0, 0x3c, 1 } } },
	{ "tegra264", "nvidia,tegra264-host1x", 1, { { 0, 0xb00 } }, 1, {
		{ 0, 0, 0x3001, 16 } } },
};
