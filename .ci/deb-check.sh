#!/usr/bin/env bash
# Builds the .deb, installs it on this machine with apt-get, and makes and builds a new site with the
# installed /usr/bin/congkhai from a folder outside the repository; removes the package afterwards.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
deb=$(packaging/build-deb.sh)
apt-get install -y -qq "./$deb" >/dev/null
trap 'apt-get remove -y -qq congkhai >/dev/null 2>&1 || true' EXIT
work=$(mktemp -d /tmp/congkhai-deb-XXXXXX)
cd "$work"
# Only the system's folders on PATH: nothing of the build tree can be picked up.
export PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
case "$(command -v congkhai)" in /usr/bin/congkhai) ;; *) echo "deb-check: congkhai is not /usr/bin/congkhai" >&2; exit 1 ;; esac
congkhai --version
congkhai new so-van-hoa
(cd so-van-hoa && congkhai build --strict)
test -f Site/index.html
# The theme used is the installed one, not the build tree's.
(cd so-van-hoa && congkhai theme copy ../giao-dien) && test -f giao-dien/templates/base.mustache
test -s /usr/share/man/man1/congkhai.1.gz && test -s /usr/share/bash-completion/completions/congkhai
# Moving the repository's theme out of the way proves nothing was read from it.
mv "$repo/Themes/default" "$repo/Themes/.default-away"
trap 'mv "$repo/Themes/.default-away" "$repo/Themes/default"; apt-get remove -y -qq congkhai >/dev/null 2>&1 || true' EXIT
(cd so-van-hoa && congkhai build --strict --quiet)
echo "deb-check: $deb installs, and congkhai new + build work from $work with the installed program"
rm -rf "$work"
