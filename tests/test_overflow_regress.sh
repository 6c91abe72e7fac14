#!/bin/sh
# test_overflow_regress.sh — issue 16: integer overflow with a large --from
# or many terms (a wrapped SQ * M made zeta enclosures wrong from the 55th
# digit; a wrapped M hung; a huge sieve aborted).  Every case runs the CLI
# and checks, against the reference of tests/data/regress_overflow.txt
# (mpmath, closed forms or exact expansions; never infcert's own output):
#   - the exit status is a documented one (0 verdict, 3 unknown, 2 bad
#     input, 4 resource limit, 5 timeout, 6 fewer digits for no resource
#     limit), never a crash (signal) or 1;
#   - the run ends within its --timeout (or LIMIT seconds) plus SLACK;
#   - a printed enclosure [lo, hi] contains the reference interval
#     (exact decimal comparison; kind "log": log lo <= log(limit) <= log hi).
# Under valgrind or the sanitizers everything is slower: OVERFLOW_SLACK.
B=${INFCERT:-build/infcert}
DATA=$(dirname "$0")/data/regress_overflow.txt
LIMIT=60
SLACK=${OVERFLOW_SLACK:-15}
[ -n "$VALGRIND" ] && SLACK=600
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# check_run NAME KIND REF_LO REF_HI SECONDS -- ARGS...
check_run () {
  name=$1 kind=$2 rlo=$3 rhi=$4 secs=$5; shift 6
  start=$(date +%s)
  timeout $((secs + SLACK)) "$B" "$@" --json < /dev/null > "$tmp/out" 2> "$tmp/err"
  rc=$?
  took=$(( $(date +%s) - start ))
  if [ $rc -eq 124 ]; then echo "FAIL $name: no answer within $((secs + SLACK)) s"; return; fi
  if [ $rc -ge 128 ]; then echo "FAIL $name: killed by signal $((rc - 128)): $(tail -3 "$tmp/err")"; return; fi
  case $rc in 0|2|3|4|5|6) ;; *) echo "FAIL $name: exit $rc: $(tail -3 "$tmp/err")"; return ;; esac
  if [ "$took" -gt $((secs + SLACK)) ]; then echo "FAIL $name: took $took s, limit $secs + $SLACK s"; return; fi
  # an enclosure printed with exit 4, 5 or 6 (fewer digits) is checked too
  if [ $rc -ne 0 ] && ! grep -q '"limit": {' "$tmp/out"; then echo "ok $name (exit $rc, ${took}s: $(head -1 "$tmp/err" | cut -c1-100))"; return; fi
  python3 - "$name" "$kind" "$rlo" "$rhi" "$took" "$tmp/out" <<'EOF'
import json, sys
from decimal import Decimal, getcontext
name, kind, rlo, rhi, took, path = sys.argv[1:]
r = json.load(open(path))
if "limit" not in r:
    print("ok %s (verdict %s, no enclosure, %ss)" % (name, r["verdict"], took)); sys.exit(0)
lo, hi = r["limit"]["lo"], r["limit"]["hi"]
def dec(s):
    return {"inf": Decimal("Infinity"), "-inf": Decimal("-Infinity")}.get(s) or Decimal(s)
if kind == "log":
    # the limit is exp(L), L in [rlo, rhi], beyond MPFR's range: compare
    # logarithms (mpmath, 60 digits; the reference has 90)
    import mpmath
    mpmath.mp.dps = 60
    L_lo, L_hi = mpmath.mpf(rlo), mpmath.mpf(rhi)
    bad = []
    if dec(lo) > 0 and dec(lo).is_finite() and mpmath.log(mpmath.mpf(lo)) > L_hi * (1 + mpmath.mpf(10) ** -50):
        bad.append("log lo = %s > log(limit)" % mpmath.nstr(mpmath.log(mpmath.mpf(lo)), 20))
    if dec(hi) <= 0:
        bad.append("hi = %s <= 0 < limit" % hi)
    elif dec(hi).is_finite() and mpmath.log(mpmath.mpf(hi)) < L_lo * (1 - mpmath.mpf(10) ** -50):
        bad.append("log hi = %s < log(limit)" % mpmath.nstr(mpmath.log(mpmath.mpf(hi)), 20))
else:
    bad = []
    if not dec(lo) <= Decimal(rlo): bad.append("lo = %s above the reference %s" % (lo, rlo[:60]))
    if not Decimal(rhi) <= dec(hi): bad.append("hi = %s below the reference %s" % (hi, rhi[:60]))
if bad:
    print("FAIL %s: [%s, %s] (%s digits) does not contain the reference: %s" % (name, lo[:80], hi[:80], r["digits"], "; ".join(bad)))
else:
    print("ok %s (%s digits of %s, %s, %ss)" % (name, r["digits"], r["digits_wanted"], r["method"], took))
EOF
}

# ---- the reproducers and their neighbours, with references --------------
grep -v '^#' "$DATA" | while IFS='	' read -r name kind term opts rlo rhi prov; do
  [ -n "$name" ] || continue
  case $opts in *--timeout*) secs=$(printf '%s' "$opts" | sed 's/.*--timeout \([0-9]*\).*/\1/') ;; *) secs=$LIMIT ;; esac
  case $kind in log) cmd=prod ;; *) cmd=$kind ;; esac
  # shellcheck disable=SC2086  (opts are words)
  check_run "overflow_$name" "$kind" "$rlo" "$rhi" "$secs" -- "$cmd" "$term" $opts
done

# ---- --from at and beyond the documented limit (README: 2^62) ------------
expect_usage () {
  name=$1; shift
  err=$("$B" "$@" 2>&1 >/dev/null); rc=$?
  if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q -- "--from must be at most 2^62"; then echo "ok $name"
  else echo "FAIL $name: exit $rc, want 2 with '--from must be at most 2^62': $err"; fi
}
expect_usage from_2^62+1 sum 'n^-2' --from 4611686018427387905
expect_usage from_2^64-1 sum 'n^-2' --from 18446744073709551615
expect_usage from_2^64   prod '1 + n^-2' --from 18446744073709551616

# ---- the claims front end: large starts and huge numbers -----------------
# A start beyond 20000 left the partial-sum plot without sample points
# (pts[-1] was read); D = 1e400 made mpq_set_d(inf) raise SIGFPE; a count
# of 25 digits went through sscanf's %ld (undefined beyond LONG_MAX).
# expect_claims NAME WANT_RC WANT_REGEX FILE-CONTENT
expect_claims () {
  name=$1 want=$2 re=$3
  printf '%b' "$4" > "$tmp/c.claims"
  start=$(date +%s)
  timeout $((LIMIT + SLACK)) "$B" claims "$tmp/c.claims" < /dev/null > "$tmp/out" 2> "$tmp/err"
  rc=$?
  took=$(( $(date +%s) - start ))
  if [ $rc -ge 124 ]; then echo "FAIL $name: exit $rc (timeout or signal): $(tail -3 "$tmp/err")"
  elif [ $rc -ne "$want" ]; then echo "FAIL $name: exit $rc, want $want: $(tail -3 "$tmp/err")"
  elif ! grep -Eq -- "$re" "$tmp/out" "$tmp/err"; then echo "FAIL $name: no line matching /$re/"
  else echo "ok $name (exit $rc, ${took}s)"; fi
}
expect_claims claims_from_50000 0 'proved' 'claim a\n  check: sum(1/n^2, n >= 50000) converges\n'
expect_claims claims_from_1e9 0 'proved' 'claim a\n  check: prod(1 + 1/n^2, n >= 1000000000) converges\n'
expect_claims claims_softmax_D_1e400 0 'proved' 'claim a\n  check: softmax(V = 3, D = 1e400) max <= 1\n'
printf '\\data\\\nngram 1=1234567890123456789012345\n\n\\1-grams:\n-1 a\n\\end\\\n' > "$tmp/big.arpa"
expect_claims claims_arpa_count_25_digits 2 'big.arpa:2:.*(expected|bad count)' "model m\n  arpa: $tmp/big.arpa\nclaim a\n  check: nondegenerate(m)\n"

# ---- an overflowed ratio bound is no comparison --------------------------
# 1/(n - 10^12)^2 from 10^12 + 1: the envelope rules' ratio bound for the
# shifted power overflows to +Inf; the verdict once rested on
# "|a(n)| <= inf * F(n)" (true, and no proof of convergence).  A
# comparison certificate must carry a finite C; without one the answer is
# unknown (an honest answer; the limit methods reindex).
for kind in sum prod; do
  case $kind in sum) t='1/(n-10^12)^2' ;; prod) t='1+1/(n-10^12)^2' ;; esac
  timeout $((LIMIT + SLACK)) "$B" $kind --json --timeout 20 --from 1000000000001 -- "$t" < /dev/null > "$tmp/out" 2> "$tmp/err"
  python3 - "$kind" "$t" "$tmp/out" <<'PY'
import json, sys
kind, t, path = sys.argv[1:]
r = json.load(open(path))
c = r.get("certificate", {})
bad = [k for k in ("C", "ratio") if "inf" in str(c.get(k, "")).lower()]
if r["verdict"] not in ("converges", "unknown") or (r["verdict"] == "converges" and bad):
    print("FAIL overflow_ratio_%s: verdict %s with %s" % (kind, r["verdict"], {k: c.get(k) for k in ("C", "ratio")}))
else:
    print("ok overflow_ratio_%s (%s)" % (kind, r["verdict"]))
PY
done
