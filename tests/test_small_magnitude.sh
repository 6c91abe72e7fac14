#!/bin/sh
# test_small_magnitude.sh — the digits asked are significant digits, also
# for a sum of tiny magnitude: the tail methods aim at an absolute error,
# so a sum near 10^-e needs D + e absolute digits and the working precision
# to carry them (1e-30/n^2 once stopped at 12 of 30 digits, on the term
# cap; n^-2 from 2^40 at 24, on the same cap).  Each case must reach 30
# digits (exit 0) and contain a reference
# from mpmath closed forms at 80 digits (never infcert's output).
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" "$(dirname "$0")" <<'PYEOF'
import sys
sys.path.insert(0, sys.argv[2])
from cli_check import run, check, meets, finish
from mpmath import mp, mpf, zeta, log, exp
mp.dps = 80

def case(term, ref, *args):
    rc, j = run("sum", term, "--digits", "30", "--timeout", "60", *args)
    lim = j.get("limit")
    if not lim:
        check(term, False, "exit %d verdict %s, no limit" % (rc, j.get("verdict"))); return
    check(term + ": 30 digits, exit 0", rc == 0 and j.get("digits", 0) >= 30,
          "exit %d, %s digits" % (rc, j.get("digits")))
    eps = abs(ref) * mpf(10) ** -45
    check(term + ": contains the reference", meets(j, ref - eps, ref + eps),
          "[%s, %s] misses %s" % (lim["lo"], lim["hi"], ref))

case("1e-30/n^2", mpf(10) ** -30 * zeta(2))
case("1e-100/n^3", mpf(10) ** -100 * zeta(3))
case("1e-30*(-1)^n/n", -mpf(10) ** -30 * log(2))
case("1e-20*exp(-n)", mpf(10) ** -20 / (exp(1) - 1))
case("-3e-40/n^2", -3 * mpf(10) ** -40 * zeta(2))
# small because of a large start: the precision is raised at the same cut
# (growing the cut from 2^40 on hit the term cap at 24 digits)
case("n^-2", zeta(2, 2 ** 40), "--from", str(2 ** 40))
case("n^-3", zeta(3, 10 ** 15), "--from", str(10 ** 15))
finish()
PYEOF
