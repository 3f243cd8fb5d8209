#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The figures of make bench, from the kernel logs of its runs.

Prints every "bench: NAME VALUE UNIT" line the suite printed and each
target beside the ratio it is about; writes OUT/bench.md (the table the README shows),
OUT/scale.dat and OUT/scale.png (gnuplot).  Fails if a case did not pass
(a skip too: the runs have their SMMUv3) or a figure is missing.

With --mapbench LOG, also the lines of the kernel's own dma_map_benchmark
run (tools/mapbench-init.sh): the tool's own output for each device and
round (and for the warm-up run, which is not counted), the median of each device's map plus unmap latency, and the
throughput ratio of each auxiliary device over the platform one.

With --check (make check), a gross regression fails too: a hot-path
throughput ratio below 0.9, or a scale ratio above 2.  A missed target
does not: one noisy run must not fail CI.

Usage: bench-report.py [--check] [--mapbench LOG] OUT LOG...
"""

import re
import subprocess
import sys

STAMP = re.compile(r'^\[\s*\d+\.\d+\] ')
RESULT = re.compile(r'^\s*(not ok|ok) \d+ (\S+)(.*)$')
FIGURE = re.compile(r'bench: (\S+) (\S+) (\S+)\s*$')

# name pattern, comparison, target, gross limit (for --check), what
TARGETS = [
    (r'map_(single_4k|sg_64)\.throughput\..*', '>=', 0.98, 0.9,
     'hot path: auxiliary throughput over the replaced pattern\'s'),
    (r'mapbench\.throughput\..*', '>=', 0.98, 0.9,
     'hot path, measured by dma_map_benchmark: auxiliary over platform'),
    (r'lifecycle\.time\.aux_(node|id)/platform', '<=', 0.9, None,
     'lifecycle: auxiliary time over the platform child\'s'),
    (r'scale\.create_bind\.256/8', '<=', 1.2, 2.0,
     'scale: create+bind per child, 256 alive over 8'),
]

REQUIRED = [
    'map_single_4k.throughput.aux_node/platform',
    'map_single_4k.throughput.aux_id/platform',
    'map_single_4k.throughput.aux_id/of_dma_configure_id',
    'map_sg_64.throughput.aux_node/platform',
    'map_sg_64.throughput.aux_id/platform',
    'map_sg_64.throughput.aux_id/of_dma_configure_id',
    'lifecycle.time.aux_node/platform',
    'lifecycle.time.aux_id/platform',
    'lifecycle.time.aux_id/of_dma_configure_id',
    'scale.create_bind.8', 'scale.create_bind.64', 'scale.create_bind.256',
    'scale.slab_per_child.256',
    'scale.create_bind.256/8',
    'memory.auxiliary_device', 'memory.undeclared_cost', 'memory.declared_context',
]
MAPBENCH_REQUIRED = [
    'mapbench.latency.platform', 'mapbench.latency.aux_node', 'mapbench.latency.aux_id',
    'mapbench.throughput.aux_node/platform', 'mapbench.throughput.aux_id/platform',
]
MAPBENCH = re.compile(r'MAPBENCH (\S+) ?(.*)$')
LATENCY = re.compile(r'average (map|unmap) latency\(us\):\s*([0-9.]+)')


def median(values):
    v = sorted(values)
    n = len(v)
    return v[n // 2] if n % 2 else (v[n // 2 - 1] + v[n // 2]) / 2


def mapbench(log, figures, order, bad):
    """The dma_map_benchmark lines: printed as they came, then figures."""
    totals, current, ended = {}, {}, False
    for line in open(log, errors='replace'):
        m = MAPBENCH.search(STAMP.sub('', line.rstrip()))
        if not m:
            continue
        device, rest = m.groups()
        if device == 'ERROR':
            bad.append(f'mapbench: {rest}')
            continue
        if device == 'END':
            ended = True
            continue
        print(f'bench: mapbench: {device}: {rest}')
        m = LATENCY.search(rest)
        if not m or device == 'warmup':
            continue
        if m.group(1) == 'map':
            current[device] = float(m.group(2))
        elif device in current:
            totals.setdefault(device, []).append(current.pop(device) + float(m.group(2)))
    if not ended:
        bad.append(f'mapbench: {log} has no end (the run did not finish)')
    for device, values in totals.items():
        name = f'mapbench.latency.{device}'
        order.append(name)
        figures[name] = (f'{median(values):.2f}', 'us')
    base = totals.get('platform')
    for device in ('aux_node', 'aux_id'):
        if base and totals.get(device):
            name = f'mapbench.throughput.{device}/platform'
            order.append(name)
            figures[name] = (f'{median(base) / median(totals[device]):.3f}', 'ratio')


def main():
    args = sys.argv[1:]
    check = args and args[0] == '--check'
    if check:
        args = args[1:]
    mapbench_log = None
    if args and args[0] == '--mapbench':
        mapbench_log, args = args[1], args[2:]
    out, logs = args[0], args[1:]
    figures, order, bad = {}, [], []
    cases = 0
    for log in logs:
        seen = 0
        for line in open(log, errors='replace'):
            line = STAMP.sub('', line)
            m = RESULT.match(line)
            if m and line.startswith('    ') and not line.startswith('        '):
                # A case of a suite (suites are not indented, parameters more)
                cases += 1
                seen += 1
                if m.group(1) != 'ok' or '# SKIP' in m.group(3):
                    bad.append(f'{m.group(2)}: {m.group(1)}{m.group(3)}')
                continue
            m = FIGURE.search(line)
            if m:
                if m.group(1) not in figures:
                    order.append(m.group(1))
                figures[m.group(1)] = (m.group(2), m.group(3))
                continue
        if not seen:
            bad.append(f'{log}: no KUnit case ran (the kernel did not boot?)')

    if mapbench_log:
        mapbench(mapbench_log, figures, order, bad)

    for name in order:
        value, unit = figures[name]
        print(f'bench: {name} {value} {unit}')

    missing = [n for n in REQUIRED + (MAPBENCH_REQUIRED if mapbench_log else [])
               if n not in figures]
    for n in missing:
        bad.append(f'{n}: not printed')

    held, missed, gross = [], [], []
    for pattern, op, target, limit, what in TARGETS:
        for name in order:
            if not re.fullmatch(pattern, name):
                continue
            v = float(figures[name][0])
            ok = v >= target if op == '>=' else v <= target
            (held if ok else missed).append(name)
            print(f'bench: target {name} {op} {target}: {v:.3f}, '
                  f'{"holds" if ok else "MISSED"} ({what})')
            if limit is not None:
                worse = v < limit if op == '>=' else v > limit
                if worse:
                    gross.append(f'{name} {v:.3f}, beyond {limit}')

    write_table(out, order, figures)
    if not missing:
        err = plot(out, figures)
        if err:
            bad.append(f'no plot: {err}')

    print(f'bench: {cases} cases, {len(order)} figures, {len(held)} targets held, {len(missed)} missed'
          + (f' ({", ".join(missed)})' if missed else ''))
    for b in bad:
        print(f'bench: FAILED: {b}')
    if check:
        for g in gross:
            print(f'bench: FAILED: gross regression: {g}')
    else:
        for g in gross:
            print(f'bench: gross regression, which would fail make check: {g}')
    return 1 if bad or (check and gross) else 0


def write_table(out, order, figures):
    with open(f'{out}/bench.md', 'w') as f:
        f.write('| figure | value | unit |\n|---|---:|---|\n')
        for name in order:
            value, unit = figures[name]
            f.write(f'| `{name}` | {value} | {unit} |\n')


def plot(out, figures):
    rows = [(n, float(figures[f'scale.create_bind.{n}'][0]) / 1000) for n in (8, 64, 256)]
    with open(f'{out}/scale.dat', 'w') as f:
        f.write('# children alive  create+bind us/child\n')
        for r in rows:
            f.write(f'{r[0]} {r[1]:.1f}\n')
    slab = float(figures['scale.slab_per_child.256'][0]) / 1024
    script = f'''
set terminal pngcairo size 800,480 noenhanced
set output "{out}/scale.png"
set title "Auxiliary children declared by input ID, alive together (QEMU virt, SMMUv3)"
set xlabel "children alive"
set logscale x 2
set xtics (8, 64, 256)
set xrange [6:360]
set ylabel "create+bind per child (us), median of rounds"
set yrange [0:*]
set key bottom right
set label 1 sprintf("slab per child, 256 alive: %.1f KiB", {slab}) at graph 0.05, graph 0.1
plot "{out}/scale.dat" using 1:2 with linespoints title "create+bind per child (us)"
'''
    try:
        subprocess.run(['gnuplot'], input=script, text=True, check=True)
    except (OSError, subprocess.CalledProcessError) as e:
        return str(e)
    return None


if __name__ == '__main__':
    sys.exit(main())
