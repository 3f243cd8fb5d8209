# SPDX-License-Identifier: GPL-2.0
#
# QEMU "virt" with a real SMMUv3 model, for the KUnit suites that need an
# IOMMU.  deferred_probe_timeout=-1 keeps a device waiting for its IOMMU
# deferred for as long as the run lasts, as with an IOMMU driver that is
# a module loaded late.  kunit_shutdown=none: once the suites have run, the
# kernel starts the /init of the initramfs that make kunit-smmuv3 passes
# (tools/kunit-init.sh), which scans kmemleak and powers off.
from ..qemu_config import QemuArchParams

QEMU_ARCH = QemuArchParams(linux_arch='arm64',
			   kconfig='''
CONFIG_SERIAL_AMBA_PL011=y
CONFIG_SERIAL_AMBA_PL011_CONSOLE=y''',
			   qemu_arch='aarch64',
			   kernel_path='arch/arm64/boot/Image.gz',
			   kernel_command_line='console=ttyAMA0 deferred_probe_timeout=-1 kunit_shutdown=none',
			   extra_qemu_params=['-machine', 'virt,iommu=smmuv3',
					      '-cpu', 'max,pauth-impdef=on', '-smp', '2', '-m', '1G'])
