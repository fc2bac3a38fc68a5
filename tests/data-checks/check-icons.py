#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks Sodo's icons: canvas sizes, the symbolic icon's single colour, and,
with rsvg-convert, that each one renders to a picture of the right size with a
footprint that fills the icon grid the way GNOME's app icons do.

usage: check-icons.py APP_ICON DEVEL_ICON SYMBOLIC_ICON
"""

import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zlib

SVG = '{http://www.w3.org/2000/svg}'
SYMBOLIC_COLOUR = '#2e3436'
errors = []


def expect(cond, msg):
    if not cond:
        errors.append(msg)


def check_canvas(path, size):
    root = ET.parse(path).getroot()
    expect(root.tag == SVG + 'svg', f'{path}: not an SVG document')
    expect(root.get('width') == str(size) and root.get('height') == str(size),
           f'{path}: canvas is not {size}x{size}')
    expect(root.get('viewBox') == f'0 0 {size} {size}', f'{path}: viewBox is not 0 0 {size} {size}')
    expect(root.find(f'.//{SVG}image') is None, f'{path}: embeds a raster image')
    return root


def colours(root):
    found = set()
    for el in root.iter():
        values = [el.get('fill'), el.get('stroke')]
        style = el.get('style') or ''
        values += re.findall(r'(?:fill|stroke|stop-color)\s*:\s*([^;]+)', style)
        values.append(el.get('stop-color'))
        found.update(v.strip().lower() for v in values if v)
    return found


def png_pixels(path):
    """Decodes an 8-bit RGBA, non-interlaced PNG (what rsvg-convert writes)."""
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
    pos, idat, ihdr = 8, b'', None
    while pos < len(data):
        length, kind = struct.unpack('>I4s', data[pos:pos + 8])
        chunk = data[pos + 8:pos + 8 + length]
        if kind == b'IHDR':
            ihdr = struct.unpack('>IIBBBBB', chunk)
        elif kind == b'IDAT':
            idat += chunk
        pos += 12 + length
    width, height, depth, colour_type, _, _, interlace = ihdr
    assert depth == 8 and colour_type == 6 and interlace == 0, 'unexpected PNG layout'
    raw, stride, bpp = zlib.decompress(idat), width * 4, 4
    rows, prev = [], bytearray(stride)
    for y in range(height):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 0xff
            elif f == 2:
                line[i] = (line[i] + b) & 0xff
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 0xff
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xff
        rows.append(bytes(line))
        prev = line
    return width, height, rows


def render(svg, size, tmpdir):
    out = f'{tmpdir}/icon-{size}.png'
    subprocess.run(['rsvg-convert', '-w', str(size), '-h', str(size), '-o', out, svg], check=True)
    return png_pixels(out)


def opaque_box(width, height, rows):
    xs, ys = [], []
    for y, row in enumerate(rows):
        for x in range(width):
            if row[x * 4 + 3] > 127:
                xs.append(x)
                ys.append(y)
    return (min(xs), min(ys), max(xs) + 1, max(ys) + 1) if xs else None


def check_render(svg, size, footprint, tmpdir):
    width, height, rows = render(svg, size, tmpdir)
    expect((width, height) == (size, size), f'{svg}: rendered {width}x{height}, not {size}x{size}')
    box = opaque_box(width, height, rows)
    expect(box is not None, f'{svg}: renders fully transparent at {size} px')
    if box and footprint:
        w, h = box[2] - box[0], box[3] - box[1]
        lo, hi = footprint
        expect(lo * size <= w <= hi * size and lo * size <= h <= hi * size,
               f'{svg}: footprint {w}x{h} at {size} px is outside the icon grid')
    return rows


def main(app_icon, devel_icon, symbolic_icon):
    for path in (app_icon, devel_icon):
        check_canvas(path, 128)
    sym = check_canvas(symbolic_icon, 16)
    used = colours(sym) - {'none'}
    expect(used == {SYMBOLIC_COLOUR}, f'{symbolic_icon}: uses {sorted(used)}, not only {SYMBOLIC_COLOUR}')
    expect(sym.find(f'.//{SVG}linearGradient') is None and sym.find(f'.//{SVG}radialGradient') is None,
           f'{symbolic_icon}: symbolic icons have no gradients')

    if not shutil.which('rsvg-convert'):
        print('rsvg-convert is not installed: rendering not checked', file=sys.stderr)
    else:
        with tempfile.TemporaryDirectory() as tmpdir:
            # GNOME's grid: a square app icon fills about 104 of 128 px.
            for path in (app_icon, devel_icon):
                for size in (128, 64, 32):
                    check_render(path, size, (0.75, 0.9), tmpdir)
            app = render(app_icon, 128, tmpdir)[2]
            devel = render(devel_icon, 128, tmpdir)[2]
            expect(app != devel, 'the Devel icon looks the same as the app icon')
            for size in (16, 32):
                rows = check_render(symbolic_icon, size, (0.8, 1.0), tmpdir)
                rgb = {row[i:i + 3] for row in rows for i in range(0, len(row), 4) if row[i + 3] == 255}
                expect(rgb == {bytes.fromhex(SYMBOLIC_COLOUR[1:])},
                       f'{symbolic_icon}: opaque pixels at {size} px are not all {SYMBOLIC_COLOUR}')

    for e in errors:
        print(f'error: {e}', file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
