#!/usr/bin/env python3
# generate.py: writes the big hostile files, too big to keep in the repository, into a folder
#
#   generate.py OUTDIR           writes every file below into OUTDIR
#   generate.py OUTDIR NAME…     writes only those
#
# Each file is described in expected.tsv as "generated/NAME" with the outcome the loaders must
# give. The layout of each file is fixed (one member a line, as written here), so the positions
# in expected.tsv stay exact. The two files past a size limit are sparse: they take no disk.
#
# SPDX-License-Identifier: GPL-3.0-or-later
import os
import sys

MAX_STRING_LENGTH = 1024 * 1024      # SODO_MAX_STRING_LENGTH
MAX_FILE_SIZE = 1024 * 1024 * 1024   # SODO_MAX_FILE_SIZE
MAX_UNITS = 5000000                  # SODO_MAX_UNITS
MAX_REGULATION_NODES = 1000000       # SODO_MAX_REGULATION_NODES
MAX_COMMENTS = 1000000               # SODO_MAX_COMMENTS
MAX_IMPORT_SIZE = 64 * 1024 * 1024   # SODO_MAX_IMPORT_SIZE

ORG_HEAD = ('{\n'
            '"format": "sodo-orgchart",\n'
            '"version": 1,\n'
            '"title": "Generated chart",\n'
            '"kinds": [{"id": "k", "name": "Kind"}],\n')


def chart_with_name(out, length):
    # The long name is on line 7, its string starts at column 9.
    out.write(ORG_HEAD)
    out.write('"units": [\n')
    out.write('{"id": "u0", "parent": null, "kind": "k", "name": "')
    out.write('x' * length)
    out.write('"}\n]\n}\n')


def string_10mb(out):
    chart_with_name(out, 10 * 1024 * 1024)


def string_at_limit(out):
    chart_with_name(out, MAX_STRING_LENGTH)


def string_over_limit(out):
    chart_with_name(out, MAX_STRING_LENGTH + 1)


def chain_1m(out):
    # u0 is the root, each next unit the only child of the one before: depth 999,999.
    out.write(ORG_HEAD)
    out.write('"units": [\n')
    out.write('{"id": "u0", "parent": null, "kind": "k", "name": "Unit 0"}')
    for i in range(1, 1000000):
        out.write(',\n{"id": "u%d", "parent": "u%d", "kind": "k", "name": "Unit %d"}'
                  % (i, i - 1, i))
    out.write('\n]\n}\n')


def cycle_100k(out):
    # A root, then c0 → c1 → … → c99999 → c0: a cycle no unit of which reaches the root.
    n = 100000
    out.write(ORG_HEAD)
    out.write('"units": [\n')
    out.write('{"id": "root", "parent": null, "kind": "k", "name": "Root"}')
    for i in range(n):
        out.write(',\n{"id": "c%d", "parent": "c%d", "kind": "k", "name": "C"}'
                  % (i, (i + 1) % n))
    out.write('\n]\n}\n')


def nested_arrays_100k(out):
    # Inside an unknown member of a valid chart: only the depth is wrong.
    out.write(ORG_HEAD)
    out.write('"units": [{"id": "u0", "parent": null, "kind": "k", "name": "U"}],\n')
    out.write('"deep": ')
    out.write('[' * 100000)
    out.write(']' * 100000)
    out.write('\n}\n')


def nested_objects_100k(out):
    out.write(ORG_HEAD)
    out.write('"units": [{"id": "u0", "parent": null, "kind": "k", "name": "U"}],\n')
    out.write('"deep": ')
    out.write('{"a": ' * 100000)
    out.write('1')
    out.write('}' * 100000)
    out.write('\n}\n')


def units_over_limit(out):
    # One element more than the limit: the byte scan counts them, none is read.
    out.write(ORG_HEAD)
    out.write('"units": [\n')
    out.write('{}')
    out.write(',{}' * MAX_UNITS)
    out.write('\n]\n}\n')


def regulation_nodes_over_limit(out):
    out.write('{\n'
              '"format": "sodo-regulation",\n'
              '"version": 1,\n'
              '"id": "generated",\n'
              '"title": "Generated regulation",\n'
              '"status": "draft",\n'
              '"body": [\n')
    out.write('{"id": "p0", "level": "paragraph"}')
    chunk = []
    for i in range(1, MAX_REGULATION_NODES + 1):
        chunk.append(',\n{"id": "p%d", "level": "paragraph"}' % i)
        if len(chunk) == 10000:
            out.write(''.join(chunk))
            chunk = []
    out.write(''.join(chunk))
    out.write('\n]\n}\n')


def comments_over_limit(out):
    # One element more than the limit: the list is refused before any comment is read.
    out.write('{\n'
              '"format": "sodo-comments",\n'
              '"version": 1,\n'
              '"regulation": "generated",\n'
              '"comments": [\n')
    out.write('{}')
    out.write(',{}' * MAX_COMMENTS)
    out.write('\n]\n}\n')


def sparse(size, head):
    def write(out):
        out.write(head)
        out.flush()
        out.truncate(size)
    return write


GENERATORS = {
    'string-10mb.json': string_10mb,
    'string-at-limit.json': string_at_limit,
    'string-over-limit.json': string_over_limit,
    'chain-1m.json': chain_1m,
    'cycle-100k.json': cycle_100k,
    'nested-arrays-100k.json': nested_arrays_100k,
    'nested-objects-100k.json': nested_objects_100k,
    'units-over-limit.json': units_over_limit,
    'regulation-nodes-over-limit.json': regulation_nodes_over_limit,
    'comments-over-limit.json': comments_over_limit,
    'file-over-limit.json': sparse(MAX_FILE_SIZE + 1, '{"format": "sodo-orgchart", "x": "'),
    'import-over-limit.txt': sparse(MAX_IMPORT_SIZE + 1, 'Điều 1. Phạm vi\n'),
}


def main():
    if len(sys.argv) < 2:
        sys.exit('usage: generate.py OUTDIR [NAME…]')
    outdir = sys.argv[1]
    names = sys.argv[2:] or sorted(GENERATORS)
    os.makedirs(outdir, exist_ok=True)
    for name in names:
        if name not in GENERATORS:
            sys.exit('generate.py: no file named %s' % name)
        with open(os.path.join(outdir, name), 'w', encoding='utf-8', newline='\n') as out:
            GENERATORS[name](out)


if __name__ == '__main__':
    main()
