// SPDX-License-Identifier: GPL-2.0-only
/// Once auxiliary_device_init() has succeeded, the device's memory belongs
/// to its release callback: a failed auxiliary_device_add() must be
/// followed by auxiliary_device_uninit(), which drops the last reference,
/// or the device, its name and its DMA context leak.
//
// Confidence: Moderate
// Options: --no-includes --include-headers

virtual context
virtual org
virtual report

@r exists@
expression A, E, E2;
position p1, p2;
@@

(
  E = \(auxiliary_device_add@p1\|__auxiliary_device_add@p1\)(A, ...);
  ... when != auxiliary_device_uninit(A)
      when != auxiliary_device_destroy(A)
      when != E = E2
  if (\(E\|E < 0\|E != 0\)) {
    ... when != auxiliary_device_uninit(A)
        when != auxiliary_device_destroy(A)
        when forall
    return@p2 ...;
  }
|
  if (\(auxiliary_device_add@p1\|__auxiliary_device_add@p1\)(A, ...)) {
    ... when != auxiliary_device_uninit(A)
        when != auxiliary_device_destroy(A)
        when forall
    return@p2 ...;
  }
)

@depends on context@
position r.p1;
@@

* \(auxiliary_device_add@p1\|__auxiliary_device_add@p1\)(...)

@script:python depends on org@
p1 << r.p1;
p2 << r.p2;
@@

cocci.print_main("auxiliary_device_add() failure without auxiliary_device_uninit()", p1)
cocci.print_secs("returns here", p2)

@script:python depends on report@
p1 << r.p1;
p2 << r.p2;
@@

coccilib.report.print_report(p1[0],
	"ERROR: auxiliary_device_add() can fail here but the error path returning on line " +
	p2[0].line + " does not call auxiliary_device_uninit()")
