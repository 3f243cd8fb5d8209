# SPDX-License-Identifier: GPL-2.0
#
# QEMU "virt" without an IOMMU, and the same kernel configuration as
# qemu_arm64_smmuv3.py, so that both runs share one kernel.  Here the
# auxiliary_dma_opt_in suite finds no IOMMU serving PCI and registers its
# mock IOMMU without a firmware node; the other suites skip.
from ..qemu_config import QemuArchParams

QEMU_ARCH = QemuArchParams(linux_arch='arm64',
			   kconfig='''
CONFIG_SERIAL_AMBA_PL011=y
CONFIG_SERIAL_AMBA_PL011_CONSOLE=y''',
			   qemu_arch='aarch64',
			   kernel_path='arch/arm64/boot/Image.gz',
			   kernel_command_line='console=ttyAMA0',
			   extra_qemu_params=['-machine', 'virt', '-cpu', 'max,pauth-impdef=on',
					      '-smp', '2', '-m', '1G'])
