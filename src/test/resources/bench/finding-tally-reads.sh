#!/bin/bash
# interleaved old/new query timings (EXPLAIN ANALYZE execution time), 3 rounds
# Usage: bash finding-tally-reads.sh (database insp_scale, the million preset; BIG = n-op-big's organisation id,
# today = the generator's --today). Prints "read old|new ms" per round.
BIG=65
T="DATE '2026-12-08'"
U="t.status IN ('OPEN','REOPENED','MITIGATED')"
declare -A Q
Q[home_ministry_old]="SELECT SUM(t.n), SUM(CASE WHEN $U THEN t.n ELSE 0 END), SUM(CASE WHEN $U AND t.due_on < $T THEN t.n ELSE 0 END), SUM(CASE WHEN t.severity='HIGH' AND $U THEN t.n ELSE 0 END) FROM finding_tally t WHERE 1 = 1"
Q[home_ministry_new]="SELECT SUM(t.n), SUM(t.unresolved), SUM(CASE WHEN t.due_on < $T THEN t.unresolved ELSE 0 END), SUM(t.high_unresolved) FROM finding_tally_province t WHERE 1 = 1"
Q[home_gd_old]="SELECT SUM(t.n), SUM(CASE WHEN $U THEN t.n ELSE 0 END), SUM(CASE WHEN $U AND t.due_on < $T THEN t.n ELSE 0 END), SUM(CASE WHEN t.severity='HIGH' AND $U THEN t.n ELSE 0 END) FROM finding_tally t WHERE t.organisation_id IN (SELECT jur_o.id FROM organisation jur_o WHERE jur_o.province_code = '440000')"
Q[home_gd_new]="SELECT SUM(t.n), SUM(t.unresolved), SUM(CASE WHEN t.due_on < $T THEN t.unresolved ELSE 0 END), SUM(t.high_unresolved) FROM finding_tally_province t WHERE t.province_code = '440000'"
Q[home_big_old]="SELECT SUM(t.n), SUM(CASE WHEN $U THEN t.n ELSE 0 END), SUM(CASE WHEN $U AND t.due_on < $T THEN t.n ELSE 0 END), SUM(CASE WHEN t.severity='HIGH' AND $U THEN t.n ELSE 0 END) FROM finding_tally t WHERE t.organisation_id IN (SELECT jur_o.id FROM organisation jur_o WHERE jur_o.id = $BIG OR jur_o.parent_id = $BIG)"
Q[home_big_new]="SELECT SUM(t.n), SUM(t.unresolved), SUM(CASE WHEN t.due_on < $T THEN t.unresolved ELSE 0 END), SUM(t.high_unresolved) FROM finding_tally_operator t WHERE t.organisation_id IN (SELECT jur_o.id FROM organisation jur_o WHERE jur_o.id = $BIG OR jur_o.parent_id = $BIG)"
Q[cells_ministry_old]="SELECT t.severity, t.category, t.status, SUM(t.n), SUM(CASE WHEN t.opened_on >= $T - 30 THEN t.n ELSE 0 END), SUM(CASE WHEN $U AND t.due_on < $T THEN t.n ELSE 0 END) FROM finding_tally t WHERE 1 = 1 GROUP BY t.severity, t.category, t.status"
Q[cells_ministry_new]="SELECT t.severity, t.category, t.status, SUM(t.n), SUM(CASE WHEN t.opened_on >= $T - 30 THEN t.n ELSE 0 END), SUM(CASE WHEN $U AND t.due_on < $T THEN t.n ELSE 0 END) FROM finding_tally_area t WHERE 1 = 1 GROUP BY t.severity, t.category, t.status"
Q[cells_gd_old]="SELECT t.severity, t.category, t.status, SUM(t.n), SUM(CASE WHEN t.opened_on >= $T - 30 THEN t.n ELSE 0 END), SUM(CASE WHEN $U AND t.due_on < $T THEN t.n ELSE 0 END) FROM finding_tally t WHERE t.organisation_id IN (SELECT jur_o.id FROM organisation jur_o WHERE jur_o.province_code = '440000') GROUP BY t.severity, t.category, t.status"
Q[cells_gd_new]="SELECT t.severity, t.category, t.status, SUM(t.n), SUM(CASE WHEN t.opened_on >= $T - 30 THEN t.n ELSE 0 END), SUM(CASE WHEN $U AND t.due_on < $T THEN t.n ELSE 0 END) FROM finding_tally_area t WHERE t.province_code = '440000' GROUP BY t.severity, t.category, t.status"
Q[rank_ministry_old]="SELECT t.organisation_id, o.name, o.province_code, SUM(t.n) AS n, SUM(CASE WHEN $U THEN t.n ELSE 0 END) AS unresolved, SUM(CASE WHEN $U AND t.due_on < $T THEN t.n ELSE 0 END) AS overdue FROM finding_tally t JOIN organisation o ON o.id = t.organisation_id WHERE 1 = 1 GROUP BY t.organisation_id, o.name, o.province_code HAVING SUM(t.n) > 0 ORDER BY overdue DESC, unresolved DESC, n DESC, o.name, t.organisation_id"
Q[rank_ministry_new]="SELECT x.organisation_id, o.name, o.province_code, x.n, x.unresolved, x.overdue FROM (SELECT t.organisation_id, SUM(t.n) AS n, SUM(t.unresolved) AS unresolved, SUM(CASE WHEN t.due_on < $T THEN t.unresolved ELSE 0 END) AS overdue FROM finding_tally_operator t WHERE 1 = 1 GROUP BY t.organisation_id HAVING SUM(t.n) > 0) x JOIN organisation o ON o.id = x.organisation_id ORDER BY x.overdue DESC, x.unresolved DESC, x.n DESC, o.name, x.organisation_id LIMIT 50"
Q[provinces_ministry_new]="SELECT t.province_code, SUM(t.n), SUM(t.unresolved), SUM(CASE WHEN t.due_on < $T THEN t.unresolved ELSE 0 END), SUM(t.high_unresolved) FROM finding_tally_province t WHERE 1 = 1 GROUP BY t.province_code"
for round in 1 2 3; do
  for k in home_ministry home_gd home_big cells_ministry cells_gd rank_ministry; do
    for v in old new; do
      ms=$(psql -h 127.0.0.1 -U postgres -d insp_scale -Atc "EXPLAIN (ANALYZE) ${Q[${k}_$v]}" | grep "Execution Time" | awk '{print $3}')
      echo "$k $v $ms"
    done
  done
  ms=$(psql -h 127.0.0.1 -U postgres -d insp_scale -Atc "EXPLAIN (ANALYZE) ${Q[provinces_ministry_new]}" | grep "Execution Time" | awk '{print $3}'); echo "provinces_ministry new $ms"
done
