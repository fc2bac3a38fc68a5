#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the merged metainfo for what Flathub requires but Debian's
appstreamcli does not know or only reports as a hint.

appstreamcli 0.16 ignores <developer id> and treats missing releases and
content rating as mere hints, while Flathub's linter rejects them.

usage: check-metainfo.py APP_ID VERSION METAINFO_FILE
"""

import datetime
import re
import sys
import xml.etree.ElementTree as ET

RDNS = re.compile(r'^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)+$')


def main(app_id, version, path):
    errors = []

    def expect(cond, msg):
        if not cond:
            errors.append(msg)

    root = ET.parse(path).getroot()
    expect(root.tag == 'component' and root.get('type') == 'desktop-application',
           'root is not <component type="desktop-application">')
    expect(root.findtext('id') == app_id, f'<id> is not {app_id}')
    expect(path.endswith('/' + app_id + '.metainfo.xml'), 'file is not named after the app id')
    expect(root.findtext('metadata_license') in ('CC0-1.0', 'FSFAP'), 'metadata_license is not CC0-1.0')
    expect(root.findtext('project_license'), 'project_license is missing')

    untranslated = [e for e in root.findall('name') if not e.get('{http://www.w3.org/XML/1998/namespace}lang')]
    expect(len(untranslated) == 1, 'there must be exactly one untranslated <name>')
    summaries = [e.text or '' for e in root.findall('summary')
                 if not e.get('{http://www.w3.org/XML/1998/namespace}lang')]
    expect(len(summaries) == 1 and 10 <= len(summaries[0]) <= 35,
           'the untranslated <summary> must be 10 to 35 characters')

    developers = root.findall('developer')
    expect(len(developers) == 1, 'there must be exactly one <developer>')
    if developers:
        dev_id = developers[0].get('id') or ''
        expect(RDNS.match(dev_id), f'<developer id="{dev_id}"> is not a reverse-DNS id')
        expect(developers[0].findtext('name'), '<developer> has no <name>')
    expect(root.find('developer_name') is None, 'deprecated <developer_name> is used')

    launchables = [e.text for e in root.findall('launchable') if e.get('type') == 'desktop-id']
    expect(launchables == [app_id + '.desktop'], f'launchable is not {app_id}.desktop')

    rating = root.find('content_rating')
    expect(rating is not None and rating.get('type') == 'oars-1.1',
           '<content_rating type="oars-1.1"> is missing')

    releases = root.findall('releases/release')
    expect(releases, '<releases> has no <release>')
    if releases:
        newest = releases[0]
        expect(newest.get('version') == version,
               f'newest release {newest.get("version")} is not the project version {version}')
        expect(not re.search(r'alpha|beta|rc|pre|dev', newest.get('version') or ''),
               'newest release looks like a pre-release')
        for rel in releases:
            try:
                date = datetime.date.fromisoformat(rel.get('date') or '')
                expect(date <= datetime.date.today(), f'release {rel.get("version")} is dated in the future')
            except ValueError:
                errors.append(f'release {rel.get("version")} has no valid date')
            expect(rel.find('description') is not None, f'release {rel.get("version")} has no notes')

    expect([u.get('type') for u in root.findall('url')].count('homepage') == 1, 'no homepage URL')
    translation = root.find('translation')
    expect(translation is not None and translation.get('type') == 'gettext' and translation.text == 'sodo',
           '<translation type="gettext">sodo</translation> is missing')
    expect('sodo' in [b.text for b in root.findall('provides/binary')], 'provides no binary sodo')

    shots = root.findall('screenshots/screenshot')
    expect(shots, 'no screenshot')
    for shot in shots:
        url = shot.findtext('image') or ''
        expect(url.startswith('https://') and not url.endswith('.svg'),
               f'screenshot {url} is not an https raster image')
        expect(shot.findtext('caption'), f'screenshot {url} has no caption')

    colors = {c.get('scheme_preference') for c in root.findall('branding/color') if c.get('type') == 'primary'}
    expect(colors == {'light', 'dark'}, 'branding needs a light and a dark primary colour')

    for e in errors:
        print(f'{path}: error: {e}', file=sys.stderr)
    return 1 if errors else 0


if __name__ == '__main__':
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    sys.exit(main(*sys.argv[1:]))
