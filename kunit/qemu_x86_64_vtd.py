# SPDX-License-Identifier: GPL-2.0
#
# QEMU q35 with the Intel IOMMU model (VT-d), for the KUnit suites that must
# hold on an IOMMU driver that registers without a firmware node.  QEMU
# builds the ACPI DMAR table that the intel-iommu driver needs; the default
# BIOS hands it over.
from ..qemu_config import QemuArchParams

QEMU_ARCH = QemuArchParams(linux_arch='x86_64',
			   kconfig='''
CONFIG_SERIAL_8250=y
CONFIG_SERIAL_8250_CONSOLE=y''',
			   qemu_arch='x86_64',
			   kernel_path='arch/x86/boot/bzImage',
			   kernel_command_line='console=ttyS0 intel_iommu=on',
			   extra_qemu_params=['-machine', 'q35', '-device', 'intel-iommu',
					      '-smp', '2', '-m', '1G'])
