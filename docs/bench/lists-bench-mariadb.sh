#!/bin/sh
# MariaDB twin of lists-bench.sh: p50 / p95 / max (ms) of each list's first page (bounded count + page, the
# files of docs/bench/pg/ with the operator id of this database) over N runs of the mariadb client, after one
# warm-up; each run's time includes the client's start (a few ms). ./docs/bench/lists-bench-mariadb.sh [db] [runs]
DB=${1:-insp_lists_bench}; N=${2:-20}; DIR=$(cd "$(dirname "$0")/pg" && pwd)
ORG=$(mysql -h127.0.0.1 -uroot "$DB" -Ne "select organisation_id from network_unit group by 1 order by count(*) desc limit 1")
for f in "$DIR"/*.sql; do
  PGORG=$(grep -o "jur_o.id = [0-9]*" "$f" | head -1 | grep -o "[0-9]*$")
  SQL=$(if [ -n "$PGORG" ]; then sed "s/$PGORG/$ORG/g" "$f"; else cat "$f"; fi)
  echo "$SQL" | mysql -h127.0.0.1 -uroot "$DB" > /dev/null
  for i in $(seq "$N"); do
    s=$(date +%s%N); echo "$SQL" | mysql -h127.0.0.1 -uroot "$DB" > /dev/null; e=$(date +%s%N)
    echo $(( (e - s) / 1000 ))
  done | sort -n | awk -v name="$(basename "$f" .sql)" \
    '{a[NR]=$1/1000} END {i=int(NR*0.95+0.999); if (i>NR) i=NR; printf "%-28s p50 %8.1f  p95 %8.1f  max %8.1f ms (n=%d)\n", name, a[int((NR+1)/2)], a[i], a[NR], NR}'
done
