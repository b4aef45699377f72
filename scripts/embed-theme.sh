#!/bin/sh
# embed-theme.sh THEME_FOLDER OUTPUT.swift
#
# Writes OUTPUT.swift: every file of THEME_FOLDER (its path
# relative to the folder, its bytes in base64), sorted by path in byte order, so the same files
# always give the same source. Hidden files and folders (names starting with '.') are left out, as
# theme loading does. Run by the EmbedDefaultTheme build-tool plugin when a theme file changes; the
# output is rewritten only when its text changes. Needs only sh, find, sort, base64, tr and cmp.
set -eu
theme=$1
output=$2
temporary=$output.partial
{
    echo '// Generated from themes/default/ by scripts/embed-theme.sh at build time. Edit themes/default/, not this file.'
    echo
    echo '/// Every file of the default theme: its path relative to the theme folder and its bytes in base64.'
    echo 'package let defaultThemeFileList: [(path: String, base64: String)] = ['
    (cd "$theme" && find . -type f ! -path '*/.*' | LC_ALL=C sort) | while IFS= read -r file; do
        path=${file#./}
        case $path in
            *'"'* | *'\'*) echo "error: $theme/$path: a theme file name may not hold '\"' or '\\'" >&2; exit 1 ;;
        esac
        printf '    ("%s", "%s"),\n' "$path" "$(base64 < "$theme/$path" | tr -d '\n')"
    done
    echo ']'
} > "$temporary"
if [ ! -s "$theme/templates/page.mustache" ]; then
    echo "error: $theme has no templates/page.mustache" >&2
    rm -f "$temporary"
    exit 1
fi
if cmp -s "$temporary" "$output"; then rm -f "$temporary"; else mv "$temporary" "$output"; fi
