#!/bin/sh
# `infcert report`: the three files, determinism (same input, same bytes),
# self-containment of index.html, and no partial output on failure.
INFCERT=${INFCERT:-build/infcert}
F=tests/data/claims/report.claims
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$INFCERT" report "$F" --out "$tmp/a" 2> "$tmp/err"
rc=$?
[ $rc -eq 0 ] && echo "ok report_exit_0" || { echo "FAIL report_exit_0: $rc"; cat "$tmp/err"; }
for f in report.md report.json index.html; do
  [ -s "$tmp/a/$f" ] && echo "ok report_writes_$f" || echo "FAIL report_writes_$f"
done
"$INFCERT" report "$F" --out "$tmp/b" 2> /dev/null
for f in report.md report.json index.html; do
  cmp -s "$tmp/a/$f" "$tmp/b/$f" && echo "ok report_deterministic_$f" || echo "FAIL report_deterministic_$f"
done
H="$tmp/a/index.html"
grep -q '<table id="claims">' "$H" && echo "ok report_html_claims_table" || echo "FAIL report_html_claims_table"
n=$(grep -c '<svg' "$H"); [ "$n" -ge 3 ] && echo "ok report_html_has_plots ($n)" || echo "FAIL report_html_has_plots: $n"
if grep -Eq '(src|href)="(https?:)?//' "$H" || grep -q '<script' "$H"; then echo "FAIL report_html_self_contained"; else echo "ok report_html_self_contained"; fi
grep -q 'GMP' "$H" && grep -q 'MPFR' "$H" && grep -q 'Reproduce with' "$H" && echo "ok report_versions_and_command" || echo "FAIL report_versions_and_command"
python3 - "$tmp/a/report.json" <<'PY' && echo "ok report_json_statuses" || echo "FAIL report_json_statuses"
import json, sys
d = json.load(open(sys.argv[1]))
st = {c["id"]: c["status"] for c in d["claims"]}
assert st["decay"] == "proved" and st["ratio"] == "refuted" and st["fp"] == "refuted", st
assert st["trajectory"] in ("refuted", "undecided"), st      # engine-dependent
c = [c for c in d["claims"] if c["id"] == "ratio"][0]["checks"][0]
assert "counterexample" in c and "n = 5" in c["counterexample"]["witness"], c   # 2^(5-1) = 16 > 10
PY
python3 - "$tmp/a/report.json" <<'PY' && echo "ok report_json_summary_expect" || echo "FAIL report_json_summary_expect"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["summary"]["expect_mismatches"] == 0, d["summary"]
assert all(c["expect_mismatch"] is False for c in d["claims"])
PY
# failure leaves no partial files: the output "directory" is a file; it is
# bad input (exit 2), found before any claim is checked
: > "$tmp/notadir"
"$INFCERT" report "$F" --out "$tmp/notadir" > /dev/null 2> "$tmp/e"
rc=$?
[ $rc -eq 2 ] && [ ! -s "$tmp/notadir" ] && [ "$(cat "$tmp/e")" = "infcert report: cannot use the output folder $tmp/notadir: Not a directory" ] \
  && echo "ok report_failure_exit_2" || echo "FAIL report_failure_exit_2: $rc $(cat "$tmp/e")"
# missing parent folders are created (mkdir -p)
"$INFCERT" report "$F" --out="$tmp/x/y/z" 2> /dev/null
rc=$?
[ $rc -eq 0 ] && cmp -s "$tmp/a/report.json" "$tmp/x/y/z/report.json" && echo "ok report_out_missing_parents" || echo "FAIL report_out_missing_parents: $rc"
# an existing report is replaced whole (atomic rename), never truncated
mkdir -p "$tmp/c"; echo old > "$tmp/c/index.html"
"$INFCERT" report "$F" --out "$tmp/c" 2> /dev/null
cmp -s "$tmp/a/index.html" "$tmp/c/index.html" && echo "ok report_replaces_existing" || echo "FAIL report_replaces_existing"
ls "$tmp/c" | grep -q tmp && echo "FAIL report_no_temp_files_left" || echo "ok report_no_temp_files_left"
