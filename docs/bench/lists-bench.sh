#!/bin/sh
# p50 / p95 / max (ms) of each list's first page (its bounded count and its page, as the application sends them)
# over N runs, after one warm-up run: ./docs/bench/lists-bench.sh [database] [runs]
DB=${1:-insp_lists_bench}; N=${2:-20}; DIR=$(cd "$(dirname "$0")/pg" && pwd)
for f in "$DIR"/*.sql; do
  pgbench -h 127.0.0.1 -U postgres -n -t 1 -f "$f" "$DB" > /dev/null 2>&1
  rm -f /tmp/pgbench_log.*
  (cd /tmp && pgbench -h 127.0.0.1 -U postgres -n -t "$N" -l -f "$f" "$DB" > /dev/null 2>&1)
  awk -v name="$(basename "$f" .sql)" '{print $3/1000}' /tmp/pgbench_log.* | sort -n | awk -v name="$(basename "$f" .sql)" \
    '{a[NR]=$1} END {p50=a[int((NR+1)/2)]; i=int(NR*0.95+0.999); if (i>NR) i=NR; printf "%-28s p50 %8.1f  p95 %8.1f  max %8.1f ms (n=%d)\n", name, p50, a[i], a[NR], NR}'
done
