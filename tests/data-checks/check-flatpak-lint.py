#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Shows that build-aux/flatpak-lint rejects what Flathub rejects: it runs the
lint on copies of Sodo's manifest with one rule broken in each and expects the
matching error tag, and on the unchanged manifest expecting none. Prints TAP.

usage: check-flatpak-lint.py FLATPAK_LINT MANIFEST
"""

import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile


def set_id(m, app_id):
    m['id'] = app_id


def finish(*args):
    def mutate(m):
        m['finish-args'] = list(args)
    return mutate


def add_finish(arg):
    def mutate(m):
        m['finish-args'] = m['finish-args'] + [arg]
    return mutate


def source(src):
    def mutate(m):
        m['modules'][0]['sources'] = [src]
    return mutate


OK4 = ['--share=ipc', '--socket=fallback-x11', '--socket=wayland', '--device=dri']
CASES = [
    ('id with two components', lambda m: set_id(m, 'io.Sodo'), 'appid-components'),
    ('id ending in .desktop', lambda m: set_id(m, 'io.github.sodoapp.desktop'), 'appid-ends-with-lowercase-desktop'),
    ('com.github id', lambda m: set_id(m, 'com.github.sodoapp.Sodo'), 'appid-uses-code-hosting-domain'),
    ('io.github id with three components', lambda m: set_id(m, 'io.github.Sodo'), 'appid-code-hosting-too-few-components'),
    ('dash outside the last component', lambda m: set_id(m, 'io.github.sodo-app.Sodo'), 'appid-dash-not-in-last-component'),
    ('component starting with a digit', lambda m: set_id(m, 'io.github.1sodo.Sodo'), 'appid-component-invalid'),
    ('upper-case domain', lambda m: set_id(m, 'IO.github.sodoapp.Sodo'), 'appid-domain-not-lowercase'),
    ('file name not the id', lambda m: set_id(m, 'io.github.sodoapp.Other'), 'appid-filename-mismatch'),
    ('command is a path', lambda m: m.update(command='/app/bin/sodo'), 'toplevel-command-is-path'),
    ('no command', lambda m: m.pop('command'), 'toplevel-no-command'),
    ('top-level branch', lambda m: m.update(branch='stable'), 'toplevel-unnecessary-branch'),
    ('cleanup of /lib/debug', lambda m: m['cleanup'].append('/lib/debug'), 'toplevel-cleanup-debug'),
    ('separate locales', lambda m: m.pop('separate-locales'), 'sodo-separate-locales'),
    ('home access', add_finish('--filesystem=home'), 'finish-args-home-filesystem-access'),
    ('read-only home access', add_finish('--filesystem=home:ro'), 'finish-args-home-filesystem-access'),
    ('host access', add_finish('--filesystem=host'), 'finish-args-host-filesystem-access'),
    ('all of xdg-data', add_finish('--filesystem=xdg-data'), 'finish-args-arbitrary-xdg-data-access'),
    ('a folder of xdg-config', add_finish('--filesystem=xdg-config/sodo'), 'finish-args-unnecessary-xdg-config-access'),
    ('/tmp', add_finish('--filesystem=/tmp'), 'finish-args-reserved-or-system-path'),
    ('x11 without fallback', finish('--share=ipc', '--socket=x11', '--socket=wayland'),
     'finish-args-contains-both-x11-and-wayland'),
    ('wayland only', finish('--socket=wayland'), 'finish-args-only-wayland'),
    ('fallback-x11 without wayland', finish('--share=ipc', '--socket=fallback-x11'),
     'finish-args-fallback-x11-without-wayland'),
    ('x11 without ipc', finish('--socket=fallback-x11', '--socket=wayland'), 'finish-args-x11-without-ipc'),
    ('session bus', add_finish('--socket=session-bus'), 'finish-args-arbitrary-session-bus-access'),
    ('portal talk-name', add_finish('--talk-name=org.freedesktop.portal.Desktop'), 'finish-args-portal-talk-name'),
    ('dconf talk-name', add_finish('--talk-name=ca.desrt.dconf'), 'finish-args-dconf-talk-name'),
    ('flatpak-spawn', add_finish('--talk-name=org.freedesktop.Flatpak'), 'finish-args-flatpak-spawn-access'),
    ('own app id', add_finish('--own-name=io.github.sodoapp.Sodo'), 'finish-args-unnecessary-appid-own-name'),
    ('metadata', add_finish('--metadata=X-Foo=bar'), 'finish-args-arbitrary-metadata'),
    ('printing socket', add_finish('--socket=cups'), 'sodo-extra-permission'),
    ('network in the build', lambda m: m['modules'][0]['build-options'].update({'build-args': ['--share=network']}),
     'module-build-network-access'),
    ('git source on a branch', source({'type': 'git', 'url': 'https://example.org/sodo.git', 'branch': 'main'}),
     'module-sodo-source-git-branch'),
    ('git source without a commit', source({'type': 'git', 'url': 'https://example.org/sodo.git', 'tag': 'v1'}),
     'module-sodo-source-git-no-tag-or-commit'),
]


def run_lint(lint, tmpdir, manifest, name=None, extra=('--no-builder',)):
    app_id = manifest.get('id') or 'noid'
    path = os.path.join(tmpdir, name or app_id + '.json')
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(manifest, f, indent=4)
    result = subprocess.run([sys.executable, lint, *extra, path],
                            capture_output=True, text=True, check=False)
    os.unlink(path)
    return result


def main(lint, manifest_path):
    with open(manifest_path, encoding='utf-8') as f:
        good = json.load(f)
    n = 0
    results = []
    with tempfile.TemporaryDirectory() as tmpdir:
        r = run_lint(lint, tmpdir, good)
        results.append((r.returncode == 0 and ': error:' not in r.stdout,
                        'the unchanged manifest passes', r.stdout))
        r = run_lint(lint, tmpdir, good, extra=['--no-builder', '--flathub'])
        results.append((r.returncode == 1 and 'source-dir-not-allowed' in r.stdout,
                        'a dir source is refused with --flathub', r.stdout))
        for title, mutate, tag in CASES:
            bad = copy.deepcopy(good)
            mutate(bad)
            # Keep the file named after the id unless the case is about the name.
            name = (good['id'] + '.json') if tag == 'appid-filename-mismatch' else None
            r = run_lint(lint, tmpdir, bad, name)
            results.append((r.returncode == 1 and f': error: {tag}:' in r.stdout,
                            f'{title} is refused as {tag}', r.stdout))
        if shutil.which('flatpak-builder'):
            bad = copy.deepcopy(good)
            bad['modules'][0]['build-option'] = {}
            r = run_lint(lint, tmpdir, bad, extra=())
            results.append((r.returncode == 1 and 'manifest-unknown-properties: build-option' in r.stdout,
                            'flatpak-builder refuses an unknown module property', r.stdout))
        else:
            results.append((True, 'flatpak-builder refuses an unknown module property '
                            '# SKIP flatpak-builder is not installed', ''))
    for passed, title, output in results:
        n += 1
        print(f'{"ok" if passed else "not ok"} {n} - {title}')
        if not passed:
            for line in output.splitlines():
                print(f'# {line}')
    print(f'1..{n}')
    return 0


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
