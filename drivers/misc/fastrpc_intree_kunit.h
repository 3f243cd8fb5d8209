/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every fastrpc channel of Linux's arm64 DTS: written by
 * tools/intree-dt.py from the tree it was run on, do not edit.
 */

static const struct fastrpc_intree_bank fastrpc_intree_banks_0[] = {
	{ 3, 0, false, true, 1, { { 0, 0x1c3, 0x0 } } },
	{ 4, 0, false, true, 1, { { 0, 0x1c4, 0x0 } } },
	{ 5, 0, false, true, 1, { { 0, 0x1c5, 0x0 } } },
	{ 6, 0, false, true, 1, { { 0, 0x1c6, 0x0 } } },
	{ 7, 0, false, true, 1, { { 0, 0x1c7, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_1[] = {
	{ 3, 0, true, true, 2, { { 0, 0x1003, 0x80 }, { 0, 0x1063, 0x0 } } },
	{ 4, 0, true, true, 2, { { 0, 0x1004, 0x80 }, { 0, 0x1064, 0x0 } } },
	{ 5, 0, true, true, 2, { { 0, 0x1005, 0x80 }, { 0, 0x1065, 0x0 } } },
	{ 6, 0, true, true, 2, { { 0, 0x1006, 0x80 }, { 0, 0x1066, 0x0 } } },
	{ 7, 0, true, true, 2, { { 0, 0x1007, 0x80 }, { 0, 0x1067, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_2[] = {
	{ 1, 0, true, true, 1, { { 0, 0xc01, 0x20 } } },
	{ 2, 0, true, true, 1, { { 0, 0xc02, 0x20 } } },
	{ 3, 0, true, true, 1, { { 0, 0xc03, 0x20 } } },
	{ 4, 0, true, true, 1, { { 0, 0xc04, 0x20 } } },
	{ 5, 0, true, true, 1, { { 0, 0xc05, 0x20 } } },
	{ 6, 0, true, true, 1, { { 0, 0xc06, 0x20 } } },
	{ 7, 0, true, true, 1, { { 0, 0xc07, 0x20 } } },
	{ 8, 0, true, true, 1, { { 0, 0xc08, 0x20 } } },
	{ 10, 0, true, true, 1, { { 0, 0xc0c, 0x20 } } },
	{ 11, 0, true, true, 1, { { 0, 0xc0d, 0x20 } } },
	{ 12, 0, true, true, 1, { { 0, 0xc0e, 0x20 } } },
	{ 13, 0, true, true, 1, { { 0, 0xc0f, 0x20 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_3[] = {
	{ 3, 0, true, true, 1, { { 0, 0x1803, 0x0 } } },
	{ 4, 0, true, true, 1, { { 0, 0x1804, 0x0 } } },
	{ 5, 0, true, true, 1, { { 0, 0x1805, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_4[] = {
	{ 1, 0, true, true, 2, { { 0, 0x11a1, 0x420 }, { 0, 0x1181, 0x420 } } },
	{ 2, 0, true, true, 2, { { 0, 0x11a2, 0x420 }, { 0, 0x1182, 0x420 } } },
	{ 3, 0, true, true, 2, { { 0, 0x11a3, 0x420 }, { 0, 0x1183, 0x420 } } },
	{ 4, 0, true, true, 2, { { 0, 0x11a4, 0x420 }, { 0, 0x1184, 0x420 } } },
	{ 5, 0, true, true, 2, { { 0, 0x11a5, 0x420 }, { 0, 0x1185, 0x420 } } },
	{ 6, 0, true, true, 2, { { 0, 0x11a6, 0x420 }, { 0, 0x1186, 0x420 } } },
	{ 7, 0, true, true, 2, { { 0, 0x11a7, 0x420 }, { 0, 0x1187, 0x420 } } },
	{ 8, 0, true, true, 2, { { 0, 0x11a8, 0x420 }, { 0, 0x1188, 0x420 } } },
	{ 11, 0, true, true, 2, { { 0, 0x11ab, 0x420 }, { 0, 0x118b, 0x420 } } },
	{ 12, 0, true, true, 2, { { 0, 0x11ac, 0x420 }, { 0, 0x118c, 0x420 } } },
	{ 13, 0, true, true, 2, { { 0, 0x11ad, 0x420 }, { 0, 0x118d, 0x420 } } },
	{ 14, 0, true, true, 2, { { 0, 0x11ae, 0x420 }, { 0, 0x118e, 0x420 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_5[] = {
	{ 1, 0, true, true, 1, { { 0, 0x38a1, 0x0 } } },
	{ 2, 0, true, true, 1, { { 0, 0x38a2, 0x0 } } },
	{ 3, 0, true, true, 1, { { 0, 0x38a3, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_6[] = {
	{ 1, 0, true, true, 1, { { 0, 0x38c1, 0x0 } } },
	{ 2, 0, true, true, 1, { { 0, 0x38c2, 0x0 } } },
	{ 3, 0, true, true, 1, { { 0, 0x38c3, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_7[] = {
	{ 1, 0, true, true, 2, { { 0, 0x2141, 0x4a0 }, { 0, 0x2181, 0x400 } } },
	{ 2, 0, true, true, 2, { { 0, 0x2142, 0x4a0 }, { 0, 0x2182, 0x400 } } },
	{ 3, 0, true, true, 2, { { 0, 0x2143, 0x4a0 }, { 0, 0x2183, 0x400 } } },
	{ 4, 0, true, true, 2, { { 0, 0x2144, 0x4a0 }, { 0, 0x2184, 0x400 } } },
	{ 5, 0, true, true, 2, { { 0, 0x2145, 0x4a0 }, { 0, 0x2185, 0x400 } } },
	{ 6, 0, true, true, 2, { { 0, 0x2146, 0x4a0 }, { 0, 0x2186, 0x400 } } },
	{ 7, 0, true, true, 2, { { 0, 0x2147, 0x4a0 }, { 0, 0x2187, 0x400 } } },
	{ 8, 0, true, true, 2, { { 0, 0x2148, 0x4a0 }, { 0, 0x2188, 0x400 } } },
	{ 9, 0, true, true, 2, { { 0, 0x2149, 0x4a0 }, { 0, 0x2189, 0x400 } } },
	{ 11, 0, true, true, 2, { { 0, 0x214b, 0x4a0 }, { 0, 0x218b, 0x400 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_8[] = {
	{ 1, 0, true, true, 2, { { 0, 0x2941, 0x4a0 }, { 0, 0x2981, 0x400 } } },
	{ 2, 0, true, true, 2, { { 0, 0x2942, 0x4a0 }, { 0, 0x2982, 0x400 } } },
	{ 3, 0, true, true, 2, { { 0, 0x2943, 0x4a0 }, { 0, 0x2983, 0x400 } } },
	{ 4, 0, true, true, 2, { { 0, 0x2944, 0x4a0 }, { 0, 0x2984, 0x400 } } },
	{ 5, 0, true, true, 2, { { 0, 0x2945, 0x4a0 }, { 0, 0x2985, 0x400 } } },
	{ 6, 0, true, true, 2, { { 0, 0x2946, 0x4a0 }, { 0, 0x2986, 0x400 } } },
	{ 7, 0, true, true, 2, { { 0, 0x2947, 0x4a0 }, { 0, 0x2987, 0x400 } } },
	{ 8, 0, true, true, 2, { { 0, 0x2948, 0x4a0 }, { 0, 0x2988, 0x400 } } },
	{ 9, 0, true, true, 2, { { 0, 0x2949, 0x4a0 }, { 0, 0x2989, 0x400 } } },
	{ 10, 0, true, true, 2, { { 0, 0x294a, 0x4a0 }, { 0, 0x298a, 0x400 } } },
	{ 11, 0, true, true, 2, { { 0, 0x294b, 0x4a0 }, { 0, 0x298b, 0x400 } } },
	{ 12, 0, true, true, 2, { { 0, 0x294c, 0x4a0 }, { 0, 0x298c, 0x400 } } },
	{ 13, 0, true, true, 2, { { 0, 0x294d, 0x4a0 }, { 0, 0x298d, 0x400 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_9[] = {
	{ 3, 0, true, true, 1, { { 0, 0x3003, 0x0 } } },
	{ 4, 0, true, true, 1, { { 0, 0x3004, 0x0 } } },
	{ 5, 5, true, true, 1, { { 0, 0x3005, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_10[] = {
	{ 3, 0, true, true, 2, { { 0, 0x1003, 0x0 }, { 0, 0x1063, 0x0 } } },
	{ 4, 0, true, true, 2, { { 0, 0x1004, 0x0 }, { 0, 0x1064, 0x0 } } },
	{ 5, 0, true, true, 2, { { 0, 0x1005, 0x0 }, { 0, 0x1065, 0x0 } } },
	{ 6, 0, true, true, 2, { { 0, 0x1006, 0x0 }, { 0, 0x1066, 0x0 } } },
	{ 7, 0, true, true, 2, { { 0, 0x1007, 0x0 }, { 0, 0x1067, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_11[] = {
	{ 1, 0, true, true, 1, { { 0, 0xc01, 0x0 } } },
	{ 2, 0, true, true, 1, { { 0, 0xc02, 0x0 } } },
	{ 3, 0, true, true, 1, { { 0, 0xc03, 0x0 } } },
	{ 4, 0, true, true, 1, { { 0, 0xc04, 0x0 } } },
	{ 5, 0, true, true, 1, { { 0, 0xc05, 0x0 } } },
	{ 6, 0, true, true, 1, { { 0, 0xc06, 0x0 } } },
	{ 7, 0, true, true, 1, { { 0, 0xc07, 0x0 } } },
	{ 8, 0, true, true, 1, { { 0, 0xc08, 0x0 } } },
	{ 12, 0, true, true, 1, { { 0, 0xc0c, 0x0 } } },
	{ 13, 0, true, true, 1, { { 0, 0xc0d, 0x0 } } },
	{ 14, 0, true, true, 1, { { 0, 0xc0e, 0x0 } } },
	{ 15, 0, true, true, 1, { { 0, 0xc0f, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_12[] = {
	{ 3, 0, true, true, 1, { { 0, 0x2003, 0x0 } } },
	{ 4, 0, true, true, 1, { { 0, 0x2004, 0x0 } } },
	{ 5, 0, true, true, 1, { { 0, 0x2005, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_13[] = {
	{ 1, 0, true, true, 1, { { 0, 0x28a1, 0x0 } } },
	{ 2, 0, true, true, 1, { { 0, 0x28a2, 0x0 } } },
	{ 3, 0, true, true, 1, { { 0, 0x28a3, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_14[] = {
	{ 1, 0, true, true, 2, { { 0, 0x19c1, 0x440 }, { 0, 0x1961, 0x400 } } },
	{ 2, 0, true, true, 2, { { 0, 0x19c2, 0x440 }, { 0, 0x1962, 0x400 } } },
	{ 3, 0, true, true, 2, { { 0, 0x19c3, 0x440 }, { 0, 0x1963, 0x400 } } },
	{ 4, 0, true, true, 2, { { 0, 0x19c4, 0x440 }, { 0, 0x1964, 0x400 } } },
	{ 5, 0, true, true, 1, { { 0, 0x19c5, 0x400 } } },
	{ 6, 0, true, true, 1, { { 0, 0x19c6, 0x400 } } },
	{ 7, 0, true, true, 1, { { 0, 0x19c7, 0x400 } } },
	{ 8, 0, true, true, 1, { { 0, 0x19c8, 0x400 } } },
	{ 9, 0, true, true, 1, { { 0, 0x19c9, 0x400 } } },
	{ 11, 0, true, true, 1, { { 0, 0x19cb, 0x400 } } },
	{ 12, 0, true, true, 1, { { 0, 0x19cc, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_15[] = {
	{ 1, 0, false, true, 0, {  } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_16[] = {
	{ 5, 0, false, true, 1, { { 0, 0x5, 0x0 } } },
	{ 6, 0, false, true, 1, { { 0, 0x6, 0x0 } } },
	{ 7, 0, false, true, 1, { { 0, 0x7, 0x0 } } },
	{ 8, 0, false, true, 1, { { 0, 0x8, 0x0 } } },
	{ 9, 0, false, true, 1, { { 0, 0x9, 0x0 } } },
	{ 10, 0, false, true, 1, { { 0, 0xa, 0x0 } } },
	{ 11, 0, false, true, 1, { { 0, 0xb, 0x0 } } },
	{ 12, 0, false, true, 1, { { 0, 0xc, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_17[] = {
	{ 3, 0, false, true, 1, { { 0, 0x1803, 0x0 } } },
	{ 4, 0, false, true, 1, { { 0, 0x1804, 0x0 } } },
	{ 5, 0, false, true, 1, { { 0, 0x1805, 0x0 } } },
	{ 6, 0, false, true, 1, { { 0, 0x1806, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_18[] = {
	{ 3, 0, false, true, 1, { { 0, 0x1003, 0x0 } } },
	{ 4, 0, false, true, 1, { { 0, 0x1004, 0x0 } } },
	{ 5, 5, false, true, 1, { { 0, 0x1005, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_19[] = {
	{ 1, 0, false, true, 1, { { 0, 0x521, 0x0 } } },
	{ 2, 0, false, true, 1, { { 0, 0x522, 0x0 } } },
	{ 3, 0, false, true, 1, { { 0, 0x523, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_20[] = {
	{ 3, 0, false, true, 1, { { 0, 0xc03, 0x0 } } },
	{ 4, 0, false, true, 1, { { 0, 0xc04, 0x0 } } },
	{ 5, 0, false, true, 1, { { 0, 0xc05, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_21[] = {
	{ 1, 0, false, true, 1, { { 0, 0x3181, 0x420 } } },
	{ 2, 0, false, true, 1, { { 0, 0x3182, 0x420 } } },
	{ 3, 0, false, true, 1, { { 0, 0x3183, 0x420 } } },
	{ 4, 0, false, true, 1, { { 0, 0x3184, 0x420 } } },
	{ 5, 0, false, true, 1, { { 0, 0x3185, 0x420 } } },
	{ 6, 0, false, true, 1, { { 0, 0x3186, 0x420 } } },
	{ 7, 0, false, true, 1, { { 0, 0x3187, 0x420 } } },
	{ 8, 0, false, true, 1, { { 0, 0x3188, 0x420 } } },
	{ 9, 0, false, true, 1, { { 0, 0x318b, 0x420 } } },
	{ 10, 0, false, true, 1, { { 0, 0x318b, 0x420 } } },
	{ 11, 0, false, true, 1, { { 0, 0x318c, 0x420 } } },
	{ 12, 0, false, true, 1, { { 0, 0x318d, 0x420 } } },
	{ 13, 0, false, true, 1, { { 0, 0x318e, 0x420 } } },
	{ 14, 0, false, true, 1, { { 0, 0x318f, 0x420 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_22[] = {
	{ 3, 0, false, true, 1, { { 0, 0x3, 0x0 } } },
	{ 7, 0, false, true, 1, { { 0, 0x7, 0x0 } } },
	{ 8, 0, false, true, 1, { { 0, 0x8, 0x0 } } },
	{ 9, 0, false, true, 1, { { 0, 0x9, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_23[] = {
	{ 3, 0, false, true, 1, { { 0, 0x3, 0x0 } } },
	{ 7, 0, false, true, 1, { { 0, 0x7, 0x0 } } },
	{ 8, 0, false, true, 1, { { 0, 0x8, 0x0 } } },
	{ 9, 0, false, true, 1, { { 0, 0x9, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_24[] = {
	{ 3, 0, false, true, 1, { { 1, 0x3, 0x0 } } },
	{ 4, 0, false, true, 1, { { 1, 0x4, 0x0 } } },
	{ 5, 0, false, true, 1, { { 1, 0x5, 0x0 } } },
	{ 6, 0, false, true, 1, { { 1, 0x6, 0x0 } } },
	{ 7, 0, false, true, 1, { { 1, 0x7, 0x0 } } },
	{ 8, 0, false, true, 1, { { 1, 0x8, 0x0 } } },
	{ 9, 0, false, true, 1, { { 1, 0x9, 0x0 } } },
	{ 10, 0, false, true, 1, { { 1, 0xa, 0x0 } } },
	{ 11, 0, false, true, 1, { { 1, 0xb, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_25[] = {
	{ 3, 0, false, true, 1, { { 0, 0x1823, 0x0 } } },
	{ 4, 0, false, true, 1, { { 0, 0x1824, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_26[] = {
	{ 1, 0, false, true, 1, { { 0, 0x1401, 0x30 } } },
	{ 2, 0, false, true, 1, { { 0, 0x1402, 0x30 } } },
	{ 3, 0, false, true, 1, { { 0, 0x1403, 0x30 } } },
	{ 4, 0, false, true, 1, { { 0, 0x1404, 0x30 } } },
	{ 5, 0, false, true, 1, { { 0, 0x1405, 0x30 } } },
	{ 6, 0, false, true, 1, { { 0, 0x1406, 0x30 } } },
	{ 7, 0, false, true, 1, { { 0, 0x1407, 0x30 } } },
	{ 8, 0, false, true, 1, { { 0, 0x1408, 0x30 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_27[] = {
	{ 0, 0, false, true, 0, {  } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_28[] = {
	{ 1, 0, false, true, 1, { { 0, 0x201, 0x0 } } },
	{ 2, 0, false, true, 1, { { 0, 0x202, 0x0 } } },
	{ 3, 0, false, true, 1, { { 0, 0x203, 0x0 } } },
	{ 4, 0, false, true, 1, { { 0, 0x204, 0x0 } } },
	{ 5, 0, false, true, 1, { { 0, 0x205, 0x0 } } },
	{ 6, 0, false, true, 1, { { 0, 0x206, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_29[] = {
	{ 3, 0, false, true, 1, { { 0, 0x1c3, 0x0 } } },
	{ 4, 0, false, true, 1, { { 0, 0x1c4, 0x0 } } },
	{ 5, 0, false, true, 1, { { 0, 0x1c5, 0x0 } } },
	{ 6, 0, false, true, 1, { { 0, 0x1c6, 0x0 } } },
	{ 7, 0, false, true, 1, { { 0, 0x1c7, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_30[] = {
	{ 1, 0, false, true, 1, { { 0, 0xc01, 0x0 } } },
	{ 2, 0, false, true, 1, { { 0, 0xc02, 0x0 } } },
	{ 3, 0, false, true, 1, { { 0, 0xc03, 0x0 } } },
	{ 4, 0, false, true, 1, { { 0, 0xc04, 0x0 } } },
	{ 5, 0, false, true, 1, { { 0, 0xc05, 0x0 } } },
	{ 6, 0, false, true, 1, { { 0, 0xc06, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_31[] = {
	{ 3, 0, false, true, 1, { { 0, 0x1003, 0x0 } } },
	{ 4, 0, false, true, 1, { { 0, 0x1004, 0x0 } } },
	{ 5, 5, false, true, 1, { { 0, 0x1005, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_32[] = {
	{ 1, 0, false, true, 1, { { 0, 0x1401, 0x20 } } },
	{ 2, 0, false, true, 1, { { 0, 0x1402, 0x20 } } },
	{ 3, 0, false, true, 1, { { 0, 0x1403, 0x20 } } },
	{ 4, 0, false, true, 1, { { 0, 0x1404, 0x20 } } },
	{ 5, 0, false, true, 1, { { 0, 0x1405, 0x20 } } },
	{ 6, 0, false, true, 1, { { 0, 0x1406, 0x20 } } },
	{ 7, 0, false, true, 1, { { 0, 0x1407, 0x20 } } },
	{ 8, 0, false, true, 1, { { 0, 0x1408, 0x20 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_33[] = {
	{ 1, 0, false, true, 1, { { 0, 0x5a1, 0x0 } } },
	{ 2, 0, false, true, 1, { { 0, 0x5a2, 0x0 } } },
	{ 3, 0, false, true, 1, { { 0, 0x5a3, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_34[] = {
	{ 1, 0, false, true, 1, { { 0, 0x1001, 0x460 } } },
	{ 2, 0, false, true, 1, { { 0, 0x1002, 0x460 } } },
	{ 3, 0, false, true, 1, { { 0, 0x1003, 0x460 } } },
	{ 4, 0, false, true, 1, { { 0, 0x1004, 0x460 } } },
	{ 5, 0, false, true, 1, { { 0, 0x1005, 0x460 } } },
	{ 6, 0, false, true, 1, { { 0, 0x1006, 0x460 } } },
	{ 7, 0, false, true, 1, { { 0, 0x1007, 0x460 } } },
	{ 8, 0, false, true, 1, { { 0, 0x1008, 0x460 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_35[] = {
	{ 3, 0, false, true, 1, { { 0, 0x1b23, 0x0 } } },
	{ 4, 0, false, true, 1, { { 0, 0x1b24, 0x0 } } },
	{ 5, 0, false, true, 1, { { 0, 0x1b25, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_36[] = {
	{ 1, 0, false, true, 1, { { 0, 0x541, 0x0 } } },
	{ 2, 0, false, true, 1, { { 0, 0x542, 0x0 } } },
	{ 3, 0, false, true, 1, { { 0, 0x543, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_37[] = {
	{ 1, 0, false, true, 1, { { 0, 0x1001, 0x460 } } },
	{ 2, 0, false, true, 1, { { 0, 0x1002, 0x460 } } },
	{ 3, 0, false, true, 1, { { 0, 0x1003, 0x460 } } },
	{ 4, 0, false, true, 1, { { 0, 0x1004, 0x460 } } },
	{ 5, 0, false, true, 1, { { 0, 0x1005, 0x460 } } },
	{ 6, 0, false, true, 1, { { 0, 0x1006, 0x460 } } },
	{ 7, 0, false, true, 1, { { 0, 0x1007, 0x460 } } },
	{ 8, 0, false, true, 1, { { 0, 0x1008, 0x460 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_38[] = {
	{ 3, 0, false, true, 1, { { 0, 0x1803, 0x0 } } },
	{ 4, 0, false, true, 1, { { 0, 0x1804, 0x0 } } },
	{ 5, 0, false, true, 1, { { 0, 0x1805, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_39[] = {
	{ 3, 0, false, true, 1, { { 0, 0x1803, 0x0 } } },
	{ 4, 0, false, true, 1, { { 0, 0x1804, 0x0 } } },
	{ 5, 0, false, true, 1, { { 0, 0x1805, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_40[] = {
	{ 1, 0, false, true, 1, { { 0, 0x541, 0x0 } } },
	{ 2, 0, false, true, 1, { { 0, 0x542, 0x0 } } },
	{ 3, 0, false, true, 1, { { 0, 0x543, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_41[] = {
	{ 1, 0, false, true, 2, { { 0, 0x2161, 0x400 }, { 0, 0x1181, 0x420 } } },
	{ 2, 0, false, true, 2, { { 0, 0x2162, 0x400 }, { 0, 0x1182, 0x420 } } },
	{ 3, 0, false, true, 2, { { 0, 0x2163, 0x400 }, { 0, 0x1183, 0x420 } } },
	{ 4, 0, false, true, 2, { { 0, 0x2164, 0x400 }, { 0, 0x1184, 0x420 } } },
	{ 5, 0, false, true, 2, { { 0, 0x2165, 0x400 }, { 0, 0x1185, 0x420 } } },
	{ 6, 0, false, true, 2, { { 0, 0x2166, 0x400 }, { 0, 0x1186, 0x420 } } },
	{ 7, 0, false, true, 2, { { 0, 0x2167, 0x400 }, { 0, 0x1187, 0x420 } } },
	{ 8, 0, false, true, 2, { { 0, 0x2168, 0x400 }, { 0, 0x1188, 0x420 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_42[] = {
	{ 1, 0, false, true, 1, { { 0, 0x541, 0x0 } } },
	{ 2, 0, false, true, 1, { { 0, 0x542, 0x0 } } },
	{ 3, 0, false, true, 1, { { 0, 0x543, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_43[] = {
	{ 3, 0, false, true, 1, { { 0, 0x1803, 0x0 } } },
	{ 4, 0, false, true, 1, { { 0, 0x1804, 0x0 } } },
	{ 5, 0, false, true, 1, { { 0, 0x1805, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_44[] = {
	{ 1, 0, false, true, 2, { { 0, 0x2161, 0x400 }, { 0, 0x1021, 0x1420 } } },
	{ 2, 0, false, true, 2, { { 0, 0x2162, 0x400 }, { 0, 0x1022, 0x1420 } } },
	{ 3, 0, false, true, 2, { { 0, 0x2163, 0x400 }, { 0, 0x1023, 0x1420 } } },
	{ 4, 0, false, true, 2, { { 0, 0x2164, 0x400 }, { 0, 0x1024, 0x1420 } } },
	{ 5, 0, false, true, 2, { { 0, 0x2165, 0x400 }, { 0, 0x1025, 0x1420 } } },
	{ 6, 0, false, true, 2, { { 0, 0x2166, 0x400 }, { 0, 0x1026, 0x1420 } } },
	{ 7, 0, false, true, 2, { { 0, 0x2167, 0x400 }, { 0, 0x1027, 0x1420 } } },
	{ 8, 0, false, true, 2, { { 0, 0x2168, 0x400 }, { 0, 0x1028, 0x1420 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_45[] = {
	{ 3, 0, true, true, 2, { { 0, 0x1003, 0x80 }, { 0, 0x1063, 0x0 } } },
	{ 4, 0, true, true, 2, { { 0, 0x1004, 0x80 }, { 0, 0x1064, 0x0 } } },
	{ 5, 0, true, true, 2, { { 0, 0x1005, 0x80 }, { 0, 0x1065, 0x0 } } },
	{ 6, 0, true, true, 2, { { 0, 0x1006, 0x80 }, { 0, 0x1066, 0x0 } } },
	{ 7, 0, true, true, 2, { { 0, 0x1007, 0x80 }, { 0, 0x1067, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_46[] = {
	{ 1, 0, true, true, 3, { { 0, 0x1961, 0x0 }, { 0, 0xc01, 0x20 }, { 0, 0x19c1, 0x10 } } },
	{ 2, 0, true, true, 3, { { 0, 0x1962, 0x0 }, { 0, 0xc02, 0x20 }, { 0, 0x19c2, 0x10 } } },
	{ 3, 0, true, true, 3, { { 0, 0x1963, 0x0 }, { 0, 0xc03, 0x20 }, { 0, 0x19c3, 0x10 } } },
	{ 4, 0, true, true, 3, { { 0, 0x1964, 0x0 }, { 0, 0xc04, 0x20 }, { 0, 0x19c4, 0x10 } } },
	{ 5, 0, true, true, 3, { { 0, 0x1965, 0x0 }, { 0, 0xc05, 0x20 }, { 0, 0x19c5, 0x10 } } },
	{ 6, 0, true, true, 3, { { 0, 0x1966, 0x0 }, { 0, 0xc06, 0x20 }, { 0, 0x19c6, 0x10 } } },
	{ 7, 0, true, true, 3, { { 0, 0x1967, 0x0 }, { 0, 0xc07, 0x20 }, { 0, 0x19c7, 0x10 } } },
	{ 8, 0, true, true, 3, { { 0, 0x1968, 0x0 }, { 0, 0xc08, 0x20 }, { 0, 0x19c8, 0x10 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_47[] = {
	{ 3, 0, true, true, 2, { { 0, 0x1003, 0x80 }, { 0, 0x1043, 0x20 } } },
	{ 4, 0, true, true, 2, { { 0, 0x1004, 0x80 }, { 0, 0x1044, 0x20 } } },
	{ 5, 0, true, true, 2, { { 0, 0x1005, 0x80 }, { 0, 0x1045, 0x20 } } },
	{ 6, 0, true, true, 2, { { 0, 0x1006, 0x80 }, { 0, 0x1046, 0x20 } } },
	{ 7, 0, true, true, 3, { { 0, 0x1007, 0x40 }, { 0, 0x1067, 0x0 }, { 0, 0x1087, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_48[] = {
	{ 1, 0, true, true, 3, { { 0, 0x1961, 0x0 }, { 0, 0xc01, 0x20 }, { 0, 0x19c1, 0x0 } } },
	{ 2, 0, true, true, 3, { { 0, 0x1962, 0x0 }, { 0, 0xc02, 0x20 }, { 0, 0x19c2, 0x0 } } },
	{ 3, 0, true, true, 3, { { 0, 0x1963, 0x0 }, { 0, 0xc03, 0x20 }, { 0, 0x19c3, 0x0 } } },
	{ 4, 0, true, true, 3, { { 0, 0x1964, 0x0 }, { 0, 0xc04, 0x20 }, { 0, 0x19c4, 0x0 } } },
	{ 5, 0, true, true, 3, { { 0, 0x1965, 0x0 }, { 0, 0xc05, 0x20 }, { 0, 0x19c5, 0x0 } } },
	{ 6, 0, true, true, 3, { { 0, 0x1966, 0x0 }, { 0, 0xc06, 0x20 }, { 0, 0x19c6, 0x0 } } },
	{ 7, 0, true, true, 3, { { 0, 0x1967, 0x0 }, { 0, 0xc07, 0x20 }, { 0, 0x19c7, 0x0 } } },
	{ 8, 0, true, true, 3, { { 0, 0x1968, 0x0 }, { 0, 0xc08, 0x20 }, { 0, 0x19c8, 0x0 } } },
	{ 12, 0, true, true, 3, { { 0, 0x196c, 0x0 }, { 0, 0xc0c, 0x20 }, { 0, 0x19cc, 0x0 } } },
	{ 13, 0, true, true, 3, { { 0, 0x196d, 0x0 }, { 0, 0xc0d, 0x20 }, { 0, 0x19cd, 0x0 } } },
	{ 14, 0, true, true, 3, { { 0, 0x196e, 0x0 }, { 0, 0xc0e, 0x20 }, { 0, 0x19ce, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_49[] = {
	{ 3, 0, true, true, 2, { { 0, 0x1003, 0x80 }, { 0, 0x1043, 0x20 } } },
	{ 4, 0, true, true, 2, { { 0, 0x1004, 0x80 }, { 0, 0x1044, 0x20 } } },
	{ 5, 0, true, true, 2, { { 0, 0x1005, 0x80 }, { 0, 0x1045, 0x20 } } },
	{ 6, 0, true, true, 2, { { 0, 0x1006, 0x80 }, { 0, 0x1046, 0x20 } } },
	{ 7, 0, true, true, 3, { { 0, 0x1007, 0x40 }, { 0, 0x1067, 0x0 }, { 0, 0x1087, 0x0 } } },
	{ 8, 0, true, true, 2, { { 0, 0x1008, 0x80 }, { 0, 0x1048, 0x20 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_50[] = {
	{ 1, 0, true, true, 3, { { 0, 0x19c1, 0x0 }, { 0, 0xc21, 0x0 }, { 0, 0xc01, 0x40 } } },
	{ 2, 0, true, true, 4, {
		  { 0, 0x1962, 0x0 }, { 0, 0xc02, 0x20 }, { 0, 0xc42, 0x0 },
		  { 0, 0x19c2, 0x0 } } },
	{ 3, 0, true, true, 4, {
		  { 0, 0x1963, 0x0 }, { 0, 0xc23, 0x0 }, { 0, 0xc03, 0x40 },
		  { 0, 0x19c3, 0x0 } } },
	{ 4, 0, true, true, 4, {
		  { 0, 0x1964, 0x0 }, { 0, 0xc24, 0x0 }, { 0, 0xc04, 0x40 },
		  { 0, 0x19c4, 0x0 } } },
	{ 5, 0, true, true, 4, {
		  { 0, 0x1965, 0x0 }, { 0, 0xc25, 0x0 }, { 0, 0xc05, 0x40 },
		  { 0, 0x19c5, 0x0 } } },
	{ 6, 0, true, true, 4, {
		  { 0, 0x1966, 0x0 }, { 0, 0xc06, 0x20 }, { 0, 0xc46, 0x0 },
		  { 0, 0x19c6, 0x0 } } },
	{ 7, 0, true, true, 4, {
		  { 0, 0x1967, 0x0 }, { 0, 0xc27, 0x0 }, { 0, 0xc07, 0x40 },
		  { 0, 0x19c7, 0x0 } } },
	{ 8, 0, true, true, 4, {
		  { 0, 0x1968, 0x0 }, { 0, 0xc08, 0x20 }, { 0, 0xc48, 0x0 },
		  { 0, 0x19c8, 0x0 } } },
	{ 12, 0, true, true, 4, {
		  { 0, 0x196c, 0x0 }, { 0, 0xc2c, 0x20 }, { 0, 0xc0c, 0x40 },
		  { 0, 0x19cc, 0x0 } } },
	{ 13, 0, true, true, 5, {
		  { 0, 0x196d, 0x0 }, { 0, 0xc0d, 0x20 }, { 0, 0xc2e, 0x0 },
		  { 0, 0xc4d, 0x0 }, { 0, 0x19cd, 0x0 } } },
	{ 14, 0, true, true, 3, { { 0, 0x196e, 0x0 }, { 0, 0xc0e, 0x20 }, { 0, 0x19ce, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_51[] = {
	{ 1, 0, true, true, 1, { { 0, 0x1081, 0x0 } } },
	{ 2, 0, true, true, 1, { { 0, 0x1082, 0x0 } } },
	{ 3, 0, true, true, 1, { { 0, 0x1083, 0x0 } } },
	{ 4, 0, true, true, 1, { { 0, 0x1084, 0x0 } } },
	{ 5, 0, true, true, 1, { { 0, 0x1085, 0x0 } } },
	{ 6, 0, true, true, 1, { { 0, 0x1086, 0x0 } } },
};

static const struct fastrpc_intree_bank fastrpc_intree_banks_52[] = {
	{ 3, 0, true, true, 1, { { 0, 0x1723, 0x0 } } },
	{ 4, 0, true, true, 1, { { 0, 0x1724, 0x0 } } },
	{ 5, 0, true, true, 1, { { 0, 0x1725, 0x0 } } },
	{ 6, 5, true, true, 1, { { 0, 0x1726, 0x0 } } },
};

static const struct fastrpc_intree_channel fastrpc_intree_channels[] = {
	{ "agatti", "adsp", true,
	  fastrpc_intree_banks_0, ARRAY_SIZE(fastrpc_intree_banks_0) },
	{ "hamoa", "adsp", true,
	  fastrpc_intree_banks_1, ARRAY_SIZE(fastrpc_intree_banks_1) },
	{ "hamoa", "cdsp", true,
	  fastrpc_intree_banks_2, ARRAY_SIZE(fastrpc_intree_banks_2) },
	{ "kodiak", "adsp", true,
	  fastrpc_intree_banks_3, ARRAY_SIZE(fastrpc_intree_banks_3) },
	{ "kodiak", "cdsp", true,
	  fastrpc_intree_banks_4, ARRAY_SIZE(fastrpc_intree_banks_4) },
	{ "lemans", "gdsp0", false,
	  fastrpc_intree_banks_5, ARRAY_SIZE(fastrpc_intree_banks_5) },
	{ "lemans", "gdsp1", false,
	  fastrpc_intree_banks_6, ARRAY_SIZE(fastrpc_intree_banks_6) },
	{ "lemans", "cdsp", false,
	  fastrpc_intree_banks_7, ARRAY_SIZE(fastrpc_intree_banks_7) },
	{ "lemans", "cdsp1", false,
	  fastrpc_intree_banks_8, ARRAY_SIZE(fastrpc_intree_banks_8) },
	{ "lemans", "adsp", false,
	  fastrpc_intree_banks_9, ARRAY_SIZE(fastrpc_intree_banks_9) },
	{ "milos", "adsp", true,
	  fastrpc_intree_banks_10, ARRAY_SIZE(fastrpc_intree_banks_10) },
	{ "milos", "cdsp", true,
	  fastrpc_intree_banks_11, ARRAY_SIZE(fastrpc_intree_banks_11) },
	{ "monaco", "adsp", false,
	  fastrpc_intree_banks_12, ARRAY_SIZE(fastrpc_intree_banks_12) },
	{ "monaco", "gdsp0", false,
	  fastrpc_intree_banks_13, ARRAY_SIZE(fastrpc_intree_banks_13) },
	{ "monaco", "cdsp", false,
	  fastrpc_intree_banks_14, ARRAY_SIZE(fastrpc_intree_banks_14) },
	{ "msm8916", "adsp", true,
	  fastrpc_intree_banks_15, ARRAY_SIZE(fastrpc_intree_banks_15) },
	{ "msm8996", "adsp", true,
	  fastrpc_intree_banks_16, ARRAY_SIZE(fastrpc_intree_banks_16) },
	{ "sar2130p", "adsp", true,
	  fastrpc_intree_banks_17, ARRAY_SIZE(fastrpc_intree_banks_17) },
	{ "sc7180", "adsp", false,
	  fastrpc_intree_banks_18, ARRAY_SIZE(fastrpc_intree_banks_18) },
	{ "sc8280xp", "sdsp", true,
	  fastrpc_intree_banks_19, ARRAY_SIZE(fastrpc_intree_banks_19) },
	{ "sc8280xp", "adsp", true,
	  fastrpc_intree_banks_20, ARRAY_SIZE(fastrpc_intree_banks_20) },
	{ "sc8280xp", "cdsp", false,
	  fastrpc_intree_banks_21, ARRAY_SIZE(fastrpc_intree_banks_21) },
	{ "sdm630", "adsp", true,
	  fastrpc_intree_banks_22, ARRAY_SIZE(fastrpc_intree_banks_22) },
	{ "sdm660", "adsp", true,
	  fastrpc_intree_banks_23, ARRAY_SIZE(fastrpc_intree_banks_23) },
	{ "sdm660", "cdsp", false,
	  fastrpc_intree_banks_24, ARRAY_SIZE(fastrpc_intree_banks_24) },
	{ "sdm845", "adsp", true,
	  fastrpc_intree_banks_25, ARRAY_SIZE(fastrpc_intree_banks_25) },
	{ "sdm845", "cdsp", true,
	  fastrpc_intree_banks_26, ARRAY_SIZE(fastrpc_intree_banks_26) },
	{ "sdm845", "sdsp", true,
	  fastrpc_intree_banks_27, ARRAY_SIZE(fastrpc_intree_banks_27) },
	{ "shikra", "cdsp", false,
	  fastrpc_intree_banks_28, ARRAY_SIZE(fastrpc_intree_banks_28) },
	{ "sm6115", "adsp", true,
	  fastrpc_intree_banks_29, ARRAY_SIZE(fastrpc_intree_banks_29) },
	{ "sm6115", "cdsp", true,
	  fastrpc_intree_banks_30, ARRAY_SIZE(fastrpc_intree_banks_30) },
	{ "sm6350", "adsp", true,
	  fastrpc_intree_banks_31, ARRAY_SIZE(fastrpc_intree_banks_31) },
	{ "sm6350", "cdsp", true,
	  fastrpc_intree_banks_32, ARRAY_SIZE(fastrpc_intree_banks_32) },
	{ "sm8150", "sdsp", true,
	  fastrpc_intree_banks_33, ARRAY_SIZE(fastrpc_intree_banks_33) },
	{ "sm8150", "cdsp", true,
	  fastrpc_intree_banks_34, ARRAY_SIZE(fastrpc_intree_banks_34) },
	{ "sm8150", "adsp", true,
	  fastrpc_intree_banks_35, ARRAY_SIZE(fastrpc_intree_banks_35) },
	{ "sm8250", "sdsp", true,
	  fastrpc_intree_banks_36, ARRAY_SIZE(fastrpc_intree_banks_36) },
	{ "sm8250", "cdsp", true,
	  fastrpc_intree_banks_37, ARRAY_SIZE(fastrpc_intree_banks_37) },
	{ "sm8250", "adsp", true,
	  fastrpc_intree_banks_38, ARRAY_SIZE(fastrpc_intree_banks_38) },
	{ "sm8350", "adsp", true,
	  fastrpc_intree_banks_39, ARRAY_SIZE(fastrpc_intree_banks_39) },
	{ "sm8350", "sdsp", true,
	  fastrpc_intree_banks_40, ARRAY_SIZE(fastrpc_intree_banks_40) },
	{ "sm8350", "cdsp", true,
	  fastrpc_intree_banks_41, ARRAY_SIZE(fastrpc_intree_banks_41) },
	{ "sm8450", "sdsp", true,
	  fastrpc_intree_banks_42, ARRAY_SIZE(fastrpc_intree_banks_42) },
	{ "sm8450", "adsp", true,
	  fastrpc_intree_banks_43, ARRAY_SIZE(fastrpc_intree_banks_43) },
	{ "sm8450", "cdsp", true,
	  fastrpc_intree_banks_44, ARRAY_SIZE(fastrpc_intree_banks_44) },
	{ "sm8550", "adsp", true,
	  fastrpc_intree_banks_45, ARRAY_SIZE(fastrpc_intree_banks_45) },
	{ "sm8550", "cdsp", true,
	  fastrpc_intree_banks_46, ARRAY_SIZE(fastrpc_intree_banks_46) },
	{ "sm8650", "adsp", true,
	  fastrpc_intree_banks_47, ARRAY_SIZE(fastrpc_intree_banks_47) },
	{ "sm8650", "cdsp", true,
	  fastrpc_intree_banks_48, ARRAY_SIZE(fastrpc_intree_banks_48) },
	{ "sm8750", "adsp", false,
	  fastrpc_intree_banks_49, ARRAY_SIZE(fastrpc_intree_banks_49) },
	{ "sm8750", "cdsp", true,
	  fastrpc_intree_banks_50, ARRAY_SIZE(fastrpc_intree_banks_50) },
	{ "talos", "cdsp", false,
	  fastrpc_intree_banks_51, ARRAY_SIZE(fastrpc_intree_banks_51) },
	{ "talos", "adsp", false,
	  fastrpc_intree_banks_52, ARRAY_SIZE(fastrpc_intree_banks_52) },
};
