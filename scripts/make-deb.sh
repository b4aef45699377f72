#!/usr/bin/env bash
# make-deb.sh STAGING VERSION OUTPUT.deb
#
# Packs STAGING (an installed tree: `make install DESTDIR=STAGING PREFIX=/usr`) into a Debian
# package. Its Depends: line is computed by dpkg-shlibdeps from the shared libraries the binary
# really needs (the C library and Debian's cmark-gfm runtime packages; the Swift runtime is linked
# in statically), so it names the runtime packages that apt-cache lists, never the -dev ones.
set -euo pipefail
staging=$1 version=$2 deb=$3
[ -x "$staging/usr/bin/reportgen" ] || { echo "error: $staging/usr/bin/reportgen is missing; run make install DESTDIR=$staging PREFIX=/usr first" >&2; exit 1; }
binary=$(realpath "$staging/usr/bin/reportgen")
if ldd "$binary" | grep -E 'libswift|libFoundation|libdispatch|libBlocksRuntime' >&2; then
    echo "error: $binary links the Swift runtime dynamically (above); build it with --static-swift-stdlib" >&2
    exit 1
fi
# dpkg-shlibdeps reads a debian/control; give it a minimal one in a scratch folder.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/debian"
printf 'Source: reportgen\n\nPackage: reportgen\nArchitecture: amd64\n' > "$scratch/debian/control"
depends=$(cd "$scratch" && dpkg-shlibdeps -O -e "$binary" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
[ -n "$depends" ] || { echo "error: dpkg-shlibdeps found no dependencies" >&2; exit 1; }
mkdir -p "$staging/DEBIAN"
size=$(du -sk --exclude=DEBIAN "$staging" | cut -f1)
cat > "$staging/DEBIAN/control" <<CONTROL
Package: reportgen
Version: $version
Architecture: amd64
Maintainer: reportgen project team <reportgen@localhost>
Installed-Size: $size
Depends: $depends
Section: text
Priority: optional
Description: static report generator: Markdown and data files to an offline HTML site
 reportgen builds a static site that reads from disk (no server, no network) from Markdown
 pages, CSV and JSON data files, tables and SVG charts drawn from them, and a theme. The
 default theme is built in; 'reportgen theme export DIR' writes it out to customise.
CONTROL
# Files owned by root, dates clamped to the last commit's (SOURCE_DATE_EPOCH); gzip, which packs the
# 60 MB binary in seconds where xz takes minutes on a busy machine.
export SOURCE_DATE_EPOCH=${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}
dpkg-deb --root-owner-group -Zgzip --build "$staging" "$deb" >/dev/null
echo "built $deb (Depends: $depends)"
