#!/usr/bin/env bash
# Fails when po/zh_CN.po lacks a translation for any string the sources
# mark for translation, or holds a fuzzy one: the application must speak
# Chinese everywhere. Also fails when a source file with translatable
# strings is missing from POTFILES.in.
set -euo pipefail
top=${1:?usage: check-translations.sh SOURCE_DIR}
cd "$top"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

missing=$(git ls-files 'src/*.c' 'ui/*.ui' 'data/*.xml.in' 2>/dev/null | while read -r f; do
  grep -qE '_\(|N_\(|translatable="yes"|<_?(name|summary|p|li)' "$f" 2>/dev/null || continue
  case "$f" in data/*.xml.in) ;; *) grep -qE '_\(|N_\(|translatable="yes"' "$f" || continue ;; esac
  grep -qxF "$f" po/POTFILES.in || echo "$f"
done || true)
if [ -n "$missing" ]; then
  echo "po/POTFILES.in does not list these files with translatable strings:" >&2
  echo "$missing" >&2
  exit 1
fi

xgettext --files-from=po/POTFILES.in --directory="$top" --output="$tmp/all.pot" \
  --from-code=UTF-8 --add-comments --keyword=_ --keyword=N_ --keyword=C_:1c,2 \
  --keyword=NC_:1c,2 --keyword=g_dngettext:2,3 --keyword=ngettext:1,2 2>"$tmp/xgettext.log" \
  || { cat "$tmp/xgettext.log" >&2; exit 1; }
msgmerge --quiet --no-fuzzy-matching "po/zh_CN.po" "$tmp/all.pot" -o "$tmp/merged.po"
stats=$(msgfmt --statistics -o /dev/null "$tmp/merged.po" 2>&1)
case "$stats" in
  *untranslated*|*fuzzy*)
    echo "po/zh_CN.po is not complete: $stats" >&2
    msgattrib --untranslated --no-obsolete "$tmp/merged.po" | grep '^msgid' | head -20 >&2
    exit 1 ;;
esac
echo "zh_CN: $stats" >&2
