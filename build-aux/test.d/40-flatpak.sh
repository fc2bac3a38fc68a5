# Sourced by build-aux/test (helpers: stage, headless).
# Sodo as a real Flatpak: build the manifest in flatpak/ against a runtime made from Debian 12
# packages, with the test suite inside the SDK, then install it, check its exports, run it in
# both languages, export a PDF inside the sandbox and install the single-file bundle
# (flatpak/check-local). Needs the shared flatpak-local tool at ../shared beside the clone:
# without it the stage fails rather than passing unchecked.
#
# The runtime (about 3 GB) is kept between runs on this machine, outside the clone;
# SODO_FLATPAK_WORK moves it. The bundle and the screenshots are left there too. On a 2-core
# machine the stage takes about 13 minutes the first time (9 of them for the runtime) and about
# 5 minutes after (building Sodo and its test suite in the SDK is most of it).
flatpak_work=${SODO_FLATPAK_WORK:-/var/tmp/sodo-flatpak}
stage flatpak flatpak/check-local "$flatpak_work"
