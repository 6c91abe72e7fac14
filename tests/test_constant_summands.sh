#!/bin/sh
# test_constant_summands.sh — constant summands of a sum-shaped term keep
# their values when like summands are merged (ic_symb_collect, src/symb.c).
# A numeric summand q was once emitted as its merged coefficient c instead
# of c q: "0.5 + 0.5 - 1 - 1 + 1/n^2" became "2 - 2 + 1/n^2", certified
# convergent to zeta(2), and "1/n^2 + 0.5 + 0.5 - 1" divergent.  Each case
# states the true verdict and, for a limit, a reference interval from a
# closed form (mpmath at 50 digits, independent of infcert): the printed
# verdict must be the true one, and a printed enclosure must contain the
# reference.  The certificate's stated bound on |a(n)| is checked where the
# term is a constant (its value is known exactly).
B=${INFCERT:-build/infcert}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# case NAME KIND TERM VERDICT REF(mpmath expression or -)
run_case () {
  name=$1 kind=$2 term=$3 want=$4 ref=$5
  timeout 60 "$B" "$kind" --json --timeout 20 -- "$term" < /dev/null > "$tmp/out" 2> "$tmp/err"
  rc=$?
  case $rc in 0|3|5|6) ;; *) echo "FAIL $name: exit $rc: $(head -2 "$tmp/err")"; return ;; esac
  python3 - "$name" "$want" "$ref" "$tmp/out" <<'PY'
import json, sys
import mpmath
from decimal import Decimal
mpmath.mp.dps = 50
name, want, ref, path = sys.argv[1:]
r = json.load(open(path))
if r["verdict"] != want:
    print("FAIL %s: verdict %s, the truth is %s" % (name, r["verdict"], want)); sys.exit(0)
if ref != "-" and "limit" in r:
    v = eval(ref, {"mp": mpmath, "pi": mpmath.pi})
    lo, hi = Decimal(r["limit"]["lo"]), Decimal(r["limit"]["hi"])
    eps = Decimal(10) ** -45
    vv = Decimal(mpmath.nstr(v, 48, strip_zeros=False)) if v != 0 else Decimal(0)
    if not (lo <= vv + eps * (abs(vv) + 1) and vv - eps * (abs(vv) + 1) <= hi):
        print("FAIL %s: [%s, %s] does not contain %s" % (name, lo, hi, vv)); sys.exit(0)
print("ok %s (%s)" % (name, r["verdict"]))
PY
}

run_case sum_half_halves_diverges   sum  '0.5+0.5-1-1+1/n^2'       diverges   -
run_case sum_ints_diverges          sum  '2 + 2 - 1 - 1 + 1/n^2'   diverges   -
run_case sum_zero_constant_zeta2    sum  '1/n^2 + 0.5 + 0.5 - 1'   converges  'mp.zeta(2)'
run_case sum_zero_constant_zeta2b   sum  '1/n^2 + 2 - 1 - 1'       converges  'mp.zeta(2)'
run_case sum_zero_terms             sum  '3+3-6'                   converges  '0'
run_case sum_zero_constant_alt      sum  '0.5 + 0.5 - 1 + (-1)^n/n' converges 'mp.mpf(-1)*mp.log(2)'
run_case sum_scaled_merge           sum  '3*2/n^2 - 5/n^2 + 1 - 1'  converges  'mp.zeta(2)'
run_case prod_u_is_inv_square       prod '0.5 + 0.5 + 1/n^2 - 1'   diverges_to_zero '0'
run_case prod_ones                  prod '0.5 + 0.5'               converges  '1'
run_case prod_sinh                  prod '1/n^2 + 0.3 + 0.3 + 0.4' converges  'mp.sinh(pi)/pi'

# The certificate of the term test states |a(n)| >= c: for the constant
# a(n) = 0.5 + 0.5 = 1, c must not exceed 1 (it once said 2).
"$B" sum --json -- '0.5+0.5' > "$tmp/out" 2>/dev/null
python3 - "$tmp/out" <<'PY'
import json, sys
from decimal import Decimal
r = json.load(open(sys.argv[1]))
c = r.get("certificate", {}).get("c")
if r["verdict"] != "diverges" or c is None or Decimal(c) > 1:
    print("FAIL sum_constant_certificate: verdict %s, stated lower bound c = %s > |a(n)| = 1" % (r["verdict"], c))
else:
    print("ok sum_constant_certificate (c = %s <= 1)" % c)
PY
