/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every iris node of Linux's arm64 DTS: written by
 * tools/intree-dt.py from the tree it was run on, do not edit.
 */

static const struct iris_intree_node iris_intree_nodes[] = {
	{ "hamoa", "qcom,sm8550-iris", 2, { { 0x1940, 0x0 }, { 0x1947, 0x0 } },
	  0, 0, 0, { }, { "opp-table" }, 0, { } },
	{ "kodiak", "qcom,sc7280-venus", 1, { { 0x2180, 0x20 } },
	  0, 0, 0, { }, { "opp-table" }, 0, { } },
	{ "lemans", "qcom,sm8550-iris", 2, { { 0x880, 0x400 }, { 0x887, 0x400 } },
	  0, 0, 0, { }, { "opp-table" }, 0, { } },
	{ "monaco", "qcom,qcs8300-iris", 2, { { 0x880, 0x400 }, { 0x887, 0x400 } },
	  0, 0, 0, { }, { "opp-table" }, 0, { } },
	{ "purwa", "qcom,x1p42100-iris", 2, { { 0x1940, 0x0 }, { 0x1947, 0x0 } },
	  0, 0, 0, { }, { "opp-table" }, 0, { } },
	{ "sc8280xp", "qcom,sm8250-venus", 1, { { 0x2a00, 0x400 } },
	  0, 0, 0, { }, { "opp-table" }, 0, { } },
	{ "sm8250", "qcom,sm8250-venus", 1, { { 0x2100, 0x400 } },
	  0, 0, 0, { }, { "opp-table" }, 0, { } },
	{ "sm8350", "qcom,sm8250-venus", 1, { { 0x2100, 0x400 } },
	  0, 0, 0, { }, { "opp-table" }, 0, { } },
	{ "sm8550", "qcom,sm8550-iris", 0, { },
	  1, 1, 4, { 0x0, 0x0, 0x0, 0xe0000000 }, { "opp-table" }, 2, {
		{ "non-pixel", true, 1, { { 0x1940, 0x0 } }, 2, { 0x25800000, 0xba800000 } },
		{ "pixel", true, 1, { { 0x1947, 0x0 } }, 0, { } } } },
	{ "sm8650", "qcom,sm8650-iris", 2, { { 0x1940, 0x0 }, { 0x1947, 0x0 } },
	  0, 0, 0, { }, { "opp-table" }, 0, { } },
	{ "sm8750", "qcom,sm8750-iris", 2, { { 0x1940, 0x0 }, { 0x1947, 0x0 } },
	  0, 0, 0, { }, { "opp-table" }, 0, { } },
};
