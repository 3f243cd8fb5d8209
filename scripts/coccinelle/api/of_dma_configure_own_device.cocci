// SPDX-License-Identifier: GPL-2.0-only
/// A driver that creates a device and then calls of_dma_configure() or
/// of_dma_configure_id() on it is doing bus code's job: the IOMMU layer
/// calls that a misuse, and probes the device "late", at driver bind.
/// Create the device on a bus whose .dma_configure does it instead: for
/// a child that owns a DMA context of its own, an auxiliary device with
/// auxiliary_device_set_dma_context() or auxiliary_device_create_dma().
//
// Confidence: High
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@r exists@
identifier add = {device_add, device_register, platform_device_add,
		  auxiliary_device_add, __auxiliary_device_add};
identifier conf = {of_dma_configure, of_dma_configure_id};
expression D, E, E2;
expression list ps, es;
type T;
identifier x;
position p1, p2;
@@

(
  T x = add@p1(D, ps);
|
  E = add@p1(D, ps);
|
  add@p1(D, ps);
|
  if (add@p1(D, ps)) { ... }
)
... when any
(
  E2 = conf@p2(\(D\|&D->dev\), es);
|
  conf@p2(\(D\|&D->dev\), es);
|
  return conf@p2(\(D\|&D->dev\), es);
)

@depends on context@
identifier conf = {of_dma_configure, of_dma_configure_id};
position r.p2;
@@

* conf@p2(...)

@script:python depends on org@
p1 << r.p1;
p2 << r.p2;
@@

cocci.print_main("DMA configured by the driver that created the device", p2)
cocci.print_secs("device created here", p1)

@script:python depends on report@
p1 << r.p1;
p2 << r.p2;
@@

coccilib.report.print_report(p2[0],
	"WARNING: DMA of a device created on line " + p1[0].line +
	" configured outside bus code: use a bus .dma_configure, e.g. auxiliary_device_set_dma_context()")
