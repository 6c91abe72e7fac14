#!/bin/sh
# `digits:` in claim files, interval checks (retries, undecided reasons,
# printed enclosures that support the status), the exit-status table
# (7 for an expect: mismatch), --out folders made before any claim is
# checked, and errors as one JSON object with --json.
#
# References: zeta(2) = pi^2/6 = sum n^-2 from mpmath at 150 digits
# (/usr/bin/python3), an independent computation; the claimed intervals
# are built from it, and enclosures are compared with them as exact
# decimals (fractions.Fraction).
INFCERT=${INFCERT:-build/infcert}
PY=/usr/bin/python3
tmp=$(mktemp -d)
trap 'chmod -R u+w "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
ok () { echo "ok $1"; }
bad () { echo "FAIL $1: $2"; }

if ! $PY -c 'import mpmath' 2>/dev/null; then
  echo "ok claims_digits_skipped (no mpmath for /usr/bin/python3)"; exit 0
fi
# ends around zeta(2): floor and ceiling at 10^-k, as decimal strings
ref () { # k lo|hi|lo+1|hi-1 -> decimal
  $PY - "$1" "$2" <<'PY'
import sys, mpmath
from fractions import Fraction
mpmath.mp.dps = 150
k, which = int(sys.argv[1]), sys.argv[2]
z = Fraction(mpmath.nstr(mpmath.zeta(2), 140, strip_zeros=False))
u = Fraction(1, 10**k)
lo = (z // u) * u                       # lo < z (z is irrational)
v = {"lo": lo, "hi": lo + u, "lo+1": lo + u, "hi+1": lo + 2*u, "lo-1": lo - u}[which]
s = str(v.numerator * 10**k // v.denominator)
print(s[:-k] + "." + s[-k:])
PY
}
A20=$(ref 20 lo); B20=$(ref 20 hi)            # width 1e-20, true
A70=$(ref 70 lo); B70=$(ref 70 hi)            # width 1e-70, true
F20A=$(ref 20 lo+1); F20B=$(ref 20 hi+1)      # width 1e-20, just above: false
A15=$(ref 15 lo); B15=$(ref 15 hi)            # 16 significant digits
LO70=$(ref 70 lo-1); HI70=$(ref 70 hi+1)      # ends 1e-70 from the value

status () { awk -v id="$1" '$1 == id { print $2 }' "$2"; }

# ---- digits: per file and per check ------------------------------------------
printf 'claim n70\n  check: sum(n^-2, n >= 1) in [%s, %s]\n' "$A70" "$B70" > "$tmp/plain.claims"
"$INFCERT" claims "$tmp/plain.claims" > "$tmp/o" 2> "$tmp/e"; rc=$?
[ "$(status n70 "$tmp/o")" = undecided ] && [ $rc -eq 3 ] && ok "digits_default_leaves_1e-70_interval_undecided" \
  || bad digits_default_leaves_1e-70_interval_undecided "exit $rc: $(head -3 "$tmp/o")"
want="    undecided: The enclosure "
got=$(grep '^    undecided:' "$tmp/o")
case "$got" in
  "$want"*" straddles both ends a = $A70 and b = $B70 of the claimed interval (digits asked: 12, 24, 48).")
    ok "undecided_reason_names_both_ends" ;;
  *) bad undecided_reason_names_both_ends "$got" ;;
esac
{ printf 'digits: 80\n'; cat "$tmp/plain.claims"; } > "$tmp/file.claims"
"$INFCERT" claims "$tmp/file.claims" > "$tmp/o" 2>&1; rc=$?
[ "$(status n70 "$tmp/o")" = proved ] && [ $rc -eq 0 ] && grep -q '^      digits asked: 80$' "$tmp/o" \
  && ok "digits_file_level_proves_1e-70_interval" || bad digits_file_level_proves_1e-70_interval "exit $rc: $(grep -E 'proved|undecided|digits' "$tmp/o" | head -4)"
printf 'claim n70\n  check: sum(n^-2, n >= 1) converges\n  digits: 80\n  check: sum(n^-2, n >= 1) in [%s, %s]\n' "$A70" "$B70" > "$tmp/check.claims"
"$INFCERT" claims "$tmp/check.claims" > "$tmp/o" 2>&1; rc=$?
[ "$(status n70 "$tmp/o")" = proved ] && [ $rc -eq 0 ] && [ "$(grep -c 'digits asked: 80$' "$tmp/o")" -eq 1 ] \
  && ok "digits_per_check_proves_1e-70_interval" || bad digits_per_check_proves_1e-70_interval "exit $rc: $(grep -E 'proved|undecided|digits' "$tmp/o" | head -4)"
# a per-check value wins over the file's
{ printf 'digits: 20\n'; cat "$tmp/check.claims"; } > "$tmp/both.claims"
"$INFCERT" claims "$tmp/both.claims" > "$tmp/o" 2>&1; rc=$?
[ $rc -eq 0 ] && [ "$(grep -c '^      digits asked: 80$' "$tmp/o")" -eq 1 ] \
  && ok "digits_per_check_overrides_file" || bad digits_per_check_overrides_file "exit $rc"
# width 1e-20: settled in one run with digits: 30, and by the retries without
printf 'digits: 30\nclaim n20\n  check: sum(n^-2, n >= 1) in [%s, %s]\n' "$A20" "$B20" > "$tmp/n20.claims"
"$INFCERT" claims "$tmp/n20.claims" > "$tmp/o" 2>&1; rc=$?
[ $rc -eq 0 ] && grep -q '^      digits asked: 30$' "$tmp/o" && ok "digits_30_proves_1e-20_interval_in_one_run" \
  || bad digits_30_proves_1e-20_interval_in_one_run "exit $rc: $(grep digits "$tmp/o")"
sed 1d "$tmp/n20.claims" > "$tmp/n20r.claims"
"$INFCERT" claims "$tmp/n20r.claims" > "$tmp/o" 2>&1; rc=$?
[ $rc -eq 0 ] && grep -q '^      digits asked: 12, 24 (retried: the enclosure straddled an end)$' "$tmp/o" \
  && ok "retry_with_more_digits_proves_1e-20_interval" || bad retry_with_more_digits_proves_1e-20_interval "exit $rc: $(grep digits "$tmp/o")"
# a narrow false interval (just above the value) is refuted
printf 'digits: 30\nclaim f20\n  check: sum(n^-2, n >= 1) in [%s, %s]\n' "$F20A" "$F20B" > "$tmp/f20.claims"
"$INFCERT" claims "$tmp/f20.claims" > "$tmp/o" 2>&1; rc=$?
[ "$(status f20 "$tmp/o")" = refuted ] && [ $rc -eq 0 ] && ok "narrow_false_interval_refuted" \
  || bad narrow_false_interval_refuted "exit $rc: $(head -2 "$tmp/o")"

# ---- the undecided reason names the straddled end ------------------------------
printf 'claim lower\n  check: sum(n^-2, n >= 1) in [%s, 2]\nclaim upper\n  check: sum(n^-2, n >= 1) in [1, %s]\n' "$LO70" "$HI70" > "$tmp/ends.claims"
# LO70 < zeta(2) < HI70: both claims are true, but no 48-digit enclosure decides them
"$INFCERT" claims "$tmp/ends.claims" > "$tmp/o" 2>&1; rc=$?
$PY - "$tmp/o" "$LO70" "$HI70" <<'PY' && ok "undecided_reason_names_the_end_with_the_enclosure" || bad undecided_reason_names_the_end_with_the_enclosure "$(grep undecided: "$tmp/o")"
import re, sys
from fractions import Fraction
out = open(sys.argv[1]).read()
lo70, hi70 = sys.argv[2], sys.argv[3]
r = [l for l in out.splitlines() if l.startswith("    undecided: ")]
assert len(r) == 2, r
pat = [r"    undecided: The enclosure \[([-0-9.e+]+), ([-0-9.e+]+)\] straddles the lower end a = %s of the claimed interval \[%s, 2\] \(digits asked: 12, 24, 48\)\.$" % (re.escape(lo70), re.escape(lo70)),
       r"    undecided: The enclosure \[([-0-9.e+]+), ([-0-9.e+]+)\] straddles the upper end b = %s of the claimed interval \[1, %s\] \(digits asked: 12, 24, 48\)\.$" % (re.escape(hi70), re.escape(hi70))]
for line, p, end in zip(r, pat, (lo70, hi70)):
    m = re.match(p, line)
    assert m, line
    # the shown enclosure really contains the end it names
    assert Fraction(m.group(1)) <= Fraction(end) <= Fraction(m.group(2)), line
PY
[ $rc -eq 3 ] && ok "undecided_exit_3" || bad undecided_exit_3 "$rc"
# a verdict check: the verdict is unknown, and why
printf 'claim v\n  check: sum(sin(n^2)/n, n >= 2) converges\n' > "$tmp/v.claims"
"$INFCERT" claims "$tmp/v.claims" > "$tmp/o" 2>&1
grep -q '^    undecided: The verdict of the sum is unknown: .' "$tmp/o" && ok "undecided_verdict_reason" \
  || bad undecided_verdict_reason "$(grep undecided: "$tmp/o")"

# ---- the report: proved intervals shown inside the claimed interval ------------
cat > "$tmp/rep.claims" <<EOF
digits: 30
claim z16
  statement: a 16-digit interval, narrower than a 15-digit enclosure
  check: sum(n^-2, n >= 1) in [$A15, $B15]
claim z20
  check: sum(n^-2, n >= 1) in [$A20, $B20]
claim z70
  digits: 80
  check: sum(n^-2, n >= 1) in [$A70, $B70]
claim zwide
  check: sum(n^-2, n >= 1) in [1.6449, 1.6450]
claim zfalse
  check: sum(n^-2, n >= 1) in [$F20A, $F20B]
EOF
"$INFCERT" report "$tmp/rep.claims" --out "$tmp/r" 2> "$tmp/e"; rc=$?
[ $rc -eq 0 ] && ok "report_intervals_exit_0" || bad report_intervals_exit_0 "$rc: $(cat "$tmp/e")"
$PY - "$tmp/r" <<'PY' && ok "report_enclosures_inside_claimed_intervals" || bad report_enclosures_inside_claimed_intervals "see above"
import json, sys, mpmath
from fractions import Fraction
mpmath.mp.dps = 150
z = Fraction(mpmath.nstr(mpmath.zeta(2), 140, strip_zeros=False))   # |error| < 1e-139
d = json.load(open(sys.argv[1] + "/report.json"))
md = open(sys.argv[1] + "/report.md").read()
html = open(sys.argv[1] + "/index.html").read()
seen = {}
def pair(s):
    lo, hi = s.strip("[]").split(", ")
    return lo, hi
for c in d["claims"]:
    for k in c["checks"]:
        nums = dict(k["numbers"])
        lo, hi = pair(nums["limit"])
        a, b = pair(nums["claimed interval"])
        L, H, A, B = map(Fraction, (lo, hi, a, b))
        assert L <= z <= H, (c["id"], lo, hi)           # containment (independent value)
        if k["status"] == "proved":
            assert A <= L and H <= B, (c["id"], lo, hi, a, b)
        elif k["status"] == "refuted":
            assert H < A or L > B, (c["id"], lo, hi, a, b)
        else:
            raise AssertionError((c["id"], k["status"]))
        assert nums["limit"] in md and nums["limit"] in html, c["id"]
        seen[c["id"]] = k["status"]
assert seen == {"z16": "proved", "z20": "proved", "z70": "proved", "zwide": "proved", "zfalse": "refuted"}, seen
PY
# the text output shows the same enclosures
"$INFCERT" claims "$tmp/rep.claims" > "$tmp/o" 2>&1
$PY - "$tmp/o" "$A15" "$B15" <<'PY' && ok "text_enclosure_inside_16_digit_interval" || bad text_enclosure_inside_16_digit_interval "$(grep -A20 '^z16' "$tmp/o" | grep limit)"
import sys
from fractions import Fraction
out = open(sys.argv[1]).read().split("\nz20")[0]
lim = [l for l in out.splitlines() if l.startswith("      limit: ")][0]
lo, hi = lim.split(": ", 1)[1].strip("[]").split(", ")
assert Fraction(sys.argv[2]) <= Fraction(lo) and Fraction(hi) <= Fraction(sys.argv[3]), lim
assert len(lo.replace(".", "")) > 15, lim      # more than 15 digits were needed
PY

# ---- --out: missing parents, and a parent that is a file ------------------------
printf 'claim a\n  check: decay(eps = 1/2, delta = 1/8) = 3\n' > "$tmp/ok.claims"
( umask 027; "$INFCERT" report "$tmp/ok.claims" --out="$tmp/p/q/r" 2> "$tmp/e" ); rc=$?
if [ $rc -eq 0 ] && [ -s "$tmp/p/q/r/report.json" ] && [ -s "$tmp/p/q/r/index.html" ] && [ -s "$tmp/p/q/r/report.md" ]; then
  ok "report_out_creates_missing_parents"; else bad report_out_creates_missing_parents "exit $rc: $(cat "$tmp/e")"; fi
m=$(stat -c %a "$tmp/p/q"); [ "$m" = 750 ] && ok "report_out_folder_mode_0777_and_umask" || bad report_out_folder_mode_0777_and_umask "$m"
: > "$tmp/file"
printf 'claim a\n  check: sum(n^-2, n >= 1) in [1, 2]\n' > "$tmp/one.claims"
"$INFCERT" report "$tmp/one.claims" --progress --out "$tmp/file/sub/dir" > "$tmp/o" 2> "$tmp/e"; rc=$?
want="infcert report: cannot use the output folder $tmp/file/sub/dir: $tmp/file: Not a directory"
if [ $rc -eq 2 ] && [ "$(head -1 "$tmp/e")" = "$want" ] && ! grep -q 'infcert: a ' "$tmp/e" && [ ! -s "$tmp/o" ]; then
  ok "report_out_under_a_file_exit_2_before_work"; else bad report_out_under_a_file_exit_2_before_work "exit $rc: $(cat "$tmp/e")"; fi
[ -f "$tmp/file" ] && [ ! -s "$tmp/file" ] && [ -z "$(find "$tmp" -name '*.tmp*')" ] \
  && ok "report_out_under_a_file_leaves_nothing" || bad report_out_under_a_file_leaves_nothing "$(ls -la "$tmp")"
"$INFCERT" report "$tmp/one.claims" --json --out "$tmp/file" > "$tmp/o" 2> /dev/null; rc=$?
$PY - "$tmp/o" "$tmp/file" <<'PY' && [ $rc -eq 2 ] && ok "report_out_error_json" || bad report_out_error_json "exit $rc: $(cat "$tmp/o")"
import json, sys
d = json.loads(open(sys.argv[1]).read())
assert d == {"error": {"kind": "io", "message": "cannot use the output folder %s: Not a directory" % sys.argv[2]}, "exit_status": 2}, d
PY
if [ "$(id -u)" != 0 ]; then
  mkdir "$tmp/ro"; chmod 555 "$tmp/ro"
  "$INFCERT" report "$tmp/ok.claims" --out "$tmp/ro/x" > /dev/null 2> "$tmp/e"; rc=$?
  [ $rc -eq 2 ] && grep -q "cannot use the output folder $tmp/ro/x: $tmp/ro/x: Permission denied" "$tmp/e" \
    && ok "report_out_no_permission_exit_2" || bad report_out_no_permission_exit_2 "exit $rc: $(cat "$tmp/e")"
else echo "ok report_out_no_permission_exit_2 (skipped: root ignores permissions)"; fi

# ---- exit statuses: 7 for an expect: mismatch, and 7 wins over 3 -----------------
printf 'claim a\n  expect: refuted\n  check: decay(eps = 1/2, delta = 1/8) = 3\n' > "$tmp/mis.claims"
"$INFCERT" claims "$tmp/mis.claims" > "$tmp/o" 2> "$tmp/e"; rc=$?
[ $rc -eq 7 ] && grep -q '^a  *proved  (expected refuted: MISMATCH)$' "$tmp/o" && [ "$(cat "$tmp/e")" = "infcert claims: 1 claim differs from the expect: line" ] \
  && ok "expect_mismatch_exit_7" || bad expect_mismatch_exit_7 "exit $rc: $(cat "$tmp/o" "$tmp/e" | head -3)"
printf 'claim a\n  expect: refuted\n  check: decay(eps = 1/2, delta = 1/8) = 3\nclaim b\n  check: sum(sin(n^2)/n, n >= 2) converges\n' > "$tmp/mis3.claims"
"$INFCERT" claims "$tmp/mis3.claims" > /dev/null 2>&1; rc=$?
[ $rc -eq 7 ] && ok "expect_mismatch_7_wins_over_undecided_3" || bad expect_mismatch_7_wins_over_undecided_3 "$rc"
"$INFCERT" claims "$tmp/mis3.claims" --only=b > /dev/null 2>&1; rc=$?
[ $rc -eq 3 ] && ok "only_counts_the_claim_checked" || bad only_counts_the_claim_checked "$rc"
printf 'claim a\n  expect: proved\n  check: decay(eps = 1/2, delta = 1/8) = 3\nclaim b\n  expect: undecided\n  check: sum(sin(n^2)/n, n >= 2) converges\n' > "$tmp/match.claims"
"$INFCERT" claims "$tmp/match.claims" > /dev/null 2>&1; rc=$?
[ $rc -eq 3 ] && ok "expected_undecided_still_exit_3" || bad expected_undecided_still_exit_3 "$rc"
"$INFCERT" report "$tmp/mis.claims" --out "$tmp/m" > /dev/null 2>&1; rc=$?
[ $rc -eq 7 ] && grep -q '"expect_mismatches": 1' "$tmp/m/report.json" && grep -q '| a | 0 | \*\*proved\*\* | refuted (MISMATCH) |' "$tmp/m/report.md" \
  && ok "report_expect_mismatch_exit_7" || bad report_expect_mismatch_exit_7 "$rc"

# ---- --json errors: one JSON object on stdout, the message on stderr --------------
jerr () { # name, want-exit, python expression for the object d, args...
  name=$1 want=$2 expr=$3; shift 3
  "$INFCERT" "$@" > "$tmp/jo" 2> "$tmp/je"; rc=$?
  if [ $rc -eq "$want" ] && $PY - "$tmp/jo" "$tmp/je" "$expr" <<'PY'
import json, sys
d = json.loads(open(sys.argv[1]).read())           # exactly one JSON value
err = open(sys.argv[2]).read()
assert eval(sys.argv[3]), d
assert d["error"]["message"] in err, err             # the plain message on stderr
PY
  then ok "json_error_$name"; else bad "json_error_$name" "exit $rc: $(cat "$tmp/jo") / $(head -1 "$tmp/je")"; fi
}
printf 'claim x\n  check: sum(n^-2, n >= 1) convrges\n' > "$tmp/bad.claims"
B="$tmp/bad.claims"
jerr parse 2 "d == {'error': {'kind': 'parse', 'message': '$B:2:28: expected converges, diverges, \"-> 0\", \"> 0\" or \"in [a, b]\"', 'file': '$B', 'line': 2, 'column': 28}, 'exit_status': 2}" claims "$B" --json
jerr parse_report 2 "d['error']['kind'] == 'parse' and d['error']['line'] == 2 and d['exit_status'] == 2" report "$B" --json --out "$tmp/never"
[ ! -e "$tmp/never" ] && ok "report_parse_error_makes_no_folder" || bad report_parse_error_makes_no_folder "exists"
jerr usage 2 "d == {'error': {'kind': 'usage', 'message': 'unknown option --bogus'}, 'exit_status': 2}" claims --bogus --json
jerr usage_before_json 2 "d == {'error': {'kind': 'usage', 'message': 'unknown option --bogus'}, 'exit_status': 2}" claims --json --bogus=1 "$B"
jerr report_only 2 "d == {'error': {'kind': 'usage', 'message': 'unknown option --only'}, 'exit_status': 2}" report --only=x --json
jerr missing_value 2 "d == {'error': {'kind': 'usage', 'message': 'option --only needs a value (--only=ID)'}, 'exit_status': 2}" claims --json --only
jerr unknown_id 2 "d == {'error': {'kind': 'usage', 'message': 'no claim with id nope'}, 'exit_status': 2}" claims "$tmp/ok.claims" --json --only=nope
jerr io 2 "d == {'error': {'kind': 'io', 'message': '$tmp/none.claims: No such file or directory'}, 'exit_status': 2}" claims "$tmp/none.claims" --json
printf 'claim x\n  check: sum(n^-2, n >= 1) converges\n  digits: 40\n' > "$tmp/dg.claims"
jerr digits_unused 2 "d == {'error': {'kind': 'parse', 'message': '$tmp/dg.claims:3:3: \"digits:\" sets the digits of the check: lines after it in its claim, and none follows', 'file': '$tmp/dg.claims', 'line': 3, 'column': 3}, 'exit_status': 2}" claims "$tmp/dg.claims" --json
# plain (no --json): nothing on stdout
"$INFCERT" claims --bogus > "$tmp/o" 2> "$tmp/e"; rc=$?
[ $rc -eq 2 ] && [ ! -s "$tmp/o" ] && [ "$(head -1 "$tmp/e")" = "infcert claims: unknown option --bogus" ] \
  && ok "usage_error_plain" || bad usage_error_plain "exit $rc: $(head -1 "$tmp/e")"

# ---- digits: parse errors ---------------------------------------------------------
perr () { # name, file text, expected stderr line after the file name
  printf "$2" > "$tmp/p.claims"
  "$INFCERT" claims "$tmp/p.claims" > /dev/null 2> "$tmp/e"; rc=$?
  if [ $rc -eq 2 ] && [ "$(head -1 "$tmp/e")" = "infcert claims: $tmp/p.claims:$3" ]; then ok "digits_parse_$1"
  else bad "digits_parse_$1" "exit $rc: $(head -1 "$tmp/e"), want $3"; fi
}
perr zero 'digits: 0\n' '1:9: digits must be at least 1'
perr too_large 'claim x\n  digits: 100001\n  check: sum(n^-2, n >= 1) converges\n' '2:11: number too large (at most 100000)'
perr not_a_number 'digits: many\n' '1:9: expected a whole number'
perr after_block 'claim x\n  check: sum(n^-2, n >= 1) converges\ndigits: 30\n' '3:1: a file-level "digits:" must come before the first block (indent it to set the digits of a claim'"'"'s checks)'
perr twice_at_file_level 'digits: 30\ndigits: 40\n' '2:1: "digits:" given twice at file level (first at line 1)'
perr twice_before_check 'claim x\n  digits: 30\n  digits: 40\n  check: sum(n^-2, n >= 1) converges\n' '3:3: "digits:" given again before a check: line (first at line 2)'
perr unused_before_next_claim 'claim x\n  digits: 30\nclaim y\n  check: sum(n^-2, n >= 1) converges\n' '2:3: "digits:" sets the digits of the check: lines after it in its claim, and none follows'
perr trailing_text 'claim x\n  digits: 30 40\n  check: sum(n^-2, n >= 1) converges\n' '2:14: unexpected text "40"'

# ---- options ------------------------------------------------------------------
"$INFCERT" claims --help > "$tmp/o" 2>&1; rc=$?
[ $rc -eq 0 ] && grep -q -- '--only=ID' "$tmp/o" && grep -q '7 some claim differs from its expect: line' "$tmp/o" \
  && ok "claims_help" || bad claims_help "exit $rc"
"$INFCERT" report -h > "$tmp/o" 2>&1; rc=$?
[ $rc -eq 0 ] && grep -q -- '--out=DIR' "$tmp/o" && ok "report_help" || bad report_help "exit $rc"
"$INFCERT" claims "$tmp/mis3.claims" --only b > /dev/null 2>&1; rc=$?
[ $rc -eq 3 ] && ok "only_as_separate_argument" || bad only_as_separate_argument "$rc"
