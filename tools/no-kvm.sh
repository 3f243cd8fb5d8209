#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
#
# Run a command with /dev/kvm hidden, in a mount namespace of its own, so
# that QEMU falls back to TCG.  kunit.py always asks QEMU for KVM first,
# and on these machines /dev/kvm exists but the nested KVM hangs an x86
# guest while it decompresses the kernel; under TCG the x86_64 KUnit run
# boots in seconds.
#
# Usage: tools/no-kvm.sh COMMAND [ARGS...]
set -euo pipefail

if [ -e /dev/kvm ] && [ -z "${AUXDMA_NO_KVM:-}" ]; then
	exec unshare --mount env AUXDMA_NO_KVM=1 "$0" "$@"
fi
if [ -e /dev/kvm ]; then
	mount --bind /dev/null /dev/kvm
fi
exec "$@"
