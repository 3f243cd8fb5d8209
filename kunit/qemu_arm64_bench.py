# SPDX-License-Identifier: GPL-2.0
#
# QEMU "virt" with an SMMUv3, for the benchmark suite (make bench): one CPU,
# so that QEMU keeps to one host thread and the other core is left to the
# machine's own noise; the kernel powers off once the suites have run.
from ..qemu_config import QemuArchParams

QEMU_ARCH = QemuArchParams(linux_arch='arm64',
			   kconfig='''
CONFIG_SERIAL_AMBA_PL011=y
CONFIG_SERIAL_AMBA_PL011_CONSOLE=y''',
			   qemu_arch='aarch64',
			   kernel_path='arch/arm64/boot/Image',
			   kernel_command_line='console=ttyAMA0',
			   extra_qemu_params=['-machine', 'virt,iommu=smmuv3',
					      '-cpu', 'max,pauth-impdef=on', '-smp', '1', '-m', '1G'])
