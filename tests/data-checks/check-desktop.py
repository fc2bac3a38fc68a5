#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the merged desktop entry against what the rest of Sodo installs.

desktop-file-validate checks the syntax; this checks the facts it cannot
know: the icon and file names follow the app id, the MIME types are exactly
the ones our MIME package defines, and DBusActivatable has its service file.

usage: check-desktop.py APP_ID DESKTOP_FILE SERVICE_FILE MIME_XML
"""

import configparser
import sys
import xml.etree.ElementTree as ET

MIME_NS = '{http://www.freedesktop.org/standards/shared-mime-info}'


def read_entry(path, group):
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive in desktop files
    with open(path, encoding='utf-8') as f:
        parser.read_file(f)
    return parser[group]


def split_list(value):
    if not value.endswith(';'):
        raise ValueError(f'list does not end with ";": {value!r}')
    return [item for item in value.split(';') if item]


def main(app_id, desktop_path, service_path, mime_path):
    errors = []

    def expect(cond, msg):
        if not cond:
            errors.append(msg)

    entry = read_entry(desktop_path, 'Desktop Entry')
    expect(desktop_path.endswith('/' + app_id + '.desktop'),
           f'desktop file is not named {app_id}.desktop')
    expect(entry.get('Icon') == app_id, f'Icon={entry.get("Icon")} is not the app id')
    expect(entry.get('Exec', '').split()[:1] == ['sodo'], 'Exec does not run sodo')
    expect('%F' in entry.get('Exec', '').split(), 'Exec does not take files (%F)')
    for key in ('Name', 'GenericName', 'Comment', 'Keywords'):
        expect(entry.get(key), f'{key} is missing')
    expect(entry.get('Terminal') == 'false', 'Terminal is not false')
    expect(entry.get('StartupNotify') == 'true', 'StartupNotify is not true')
    for key in ('Hidden', 'NoDisplay'):
        expect(entry.get(key, 'false') == 'false', f'{key} would hide Sodo')

    generic = {'GTK', 'GNOME', 'Qt', 'KDE', 'Application'}
    categories = split_list(entry.get('Categories', ';'))
    expect(set(categories) - generic, 'Categories has only generic values')
    split_list(entry.get('Keywords', ';'))

    tree = ET.parse(mime_path)
    defined = {t.get('type') for t in tree.getroot().iter(MIME_NS + 'mime-type')}
    declared = set(split_list(entry.get('MimeType', ';')))
    expect(len(defined) == 3, f'the MIME package defines {sorted(defined)}, not three types')
    expect(declared == defined,
           f'MimeType {sorted(declared)} differs from the MIME package {sorted(defined)}')

    if entry.get('DBusActivatable') == 'true':
        service = read_entry(service_path, 'D-BUS Service')
        expect(service_path.endswith('/' + app_id + '.service'),
               f'service file is not named {app_id}.service')
        expect(service.get('Name') == app_id, f'service Name={service.get("Name")} is not the app id')
        exec_ = service.get('Exec', '').split()
        expect(len(exec_) == 2 and exec_[0].endswith('/sodo') and exec_[0].startswith('/')
               and exec_[1] == '--gapplication-service',
               f'service Exec={service.get("Exec")} does not start sodo as a service')

    for e in errors:
        print(f'{desktop_path}: error: {e}', file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
