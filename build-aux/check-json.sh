#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# check-json.sh FILE: exit 0 when FILE holds well-formed JSON, else exit 1 with one
# sentence on stderr. Uses SQLite's json_valid() so it needs nothing beyond sqlite3.
set -eu

if [ $# -ne 1 ]; then
  echo "usage: check-json.sh FILE" >&2
  exit 2
fi

file=$1
if [ ! -r "$file" ] || [ -d "$file" ]; then
  echo "check-json.sh: $file cannot be read." >&2
  exit 1
fi

# Double any single quote so the path is a valid SQL string literal.
quoted=$(printf '%s' "$file" | sed "s/'/''/g")

# CAST to TEXT: readfile() returns a BLOB, which newer SQLite versions read as JSONB.
result=$(sqlite3 :memory: "SELECT json_valid(CAST(readfile('$quoted') AS TEXT));") || {
  echo "check-json.sh: sqlite3 could not check $file." >&2
  exit 1
}

if [ "$result" != "1" ]; then
  echo "check-json.sh: $file is not valid JSON." >&2
  exit 1
fi
