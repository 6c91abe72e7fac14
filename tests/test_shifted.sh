#!/bin/sh
# test_shifted.sh — terms in a shifted variable n + c (issue 18): f(n) =
# g(n + k) with an integer k is summed as g from N + k (Hurwitz zeta, the
# zeta expansion); a slope s != 1 is s (n + t/s); a non-integer c goes
# through Euler-Maclaurin with the
# integral taken from M + c (and, for a product 1 + u, log(1 + u) =
# log(1 - u^2) - log(1 - u), two such tails).  Each must reach the 30 digits asked (exit 0)
# by one of those methods (not the slow envelope path) and contain the
# reference computed here with mpmath's Hurwitz zeta (never infcert).
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" "$(dirname "$0")" <<'PYEOF'
import sys
sys.path.insert(0, sys.argv[2])
from cli_check import run, check, meets, finish
from mpmath import mp, mpf, zeta, nsum, inf, exp
mp.dps = 50
eps = mpf(10) ** -40
FAST = ("zeta-power", "zeta-expansion", "euler-maclaurin", "rational-expansion")

def prod_ref(s, a, c=1):
    """prod_{n>=0} (1 - c (n + a)^-s) = exp(-sum_k c^k zeta(s k, a) / k)."""
    return exp(-nsum(lambda k: mpf(c) ** k * zeta(s * k, a) / k, [1, inf]))

def case(kind, term, ref, *args):
    rc, j = run(kind, term, "--digits", "30", *args)
    lim = j.get("limit")
    name = "%s %s %s" % (kind, term, " ".join(args))
    if not lim:
        check(name, False, "exit %d verdict %s, no limit" % (rc, j.get("verdict"))); return
    check(name + ": 30 digits, exit 0", rc == 0 and j.get("digits", 0) >= 30,
          "exit %d, %s digits" % (rc, j.get("digits")))
    check(name + ": a fast method", j.get("method") in FAST, "method %s" % j.get("method"))
    check(name + ": contains the reference", meets(j, ref - eps, ref + eps),
          "[%s, %s] misses %s" % (lim["lo"], lim["hi"], ref))

s = mpf(3) / 2
for c, cs in ((1, "1"), (100, "100"), (mpf(1) / 2, "1/2"), (mpf(7) / 3, "7/3")):
    # sum_{n>=1} (n + c)^-s = zeta(s, 1 + c)
    case("sum", "(n+%s)^-1.5" % cs, zeta(s, 1 + c))
    case("sum", "1/(n+%s)^1.5" % cs, zeta(s, 1 + c))
    # prod_{n>=1} (1 - (n + c)^-s) and (1 + (n + c)^-s)
    case("prod", "1 - 1/(n+%s)^1.5" % cs, prod_ref(s, 1 + c))
    case("prod", "1 + 1/(n+%s)^1.5" % cs, prod_ref(s, 1 + c, -1))
# a negative shift, started where the term is defined
case("sum", "(n-1)^-2", zeta(2, 1), "--from", "2")
case("sum", "(n-3)^-1.25", zeta(mpf(5) / 4, 1), "--from", "4")
case("prod", "1 + 1/(n-1/2)^3", prod_ref(3, mpf(1) / 2, -1))
case("prod", "1 + 3/(n+7/3)^2.5", prod_ref(mpf(5) / 2, 1 + mpf(7) / 3, -3))
# several occurrences of the same shift
case("sum", "(n+2)^-2 + 3*(n+2)^-3", zeta(2, 3) + 3 * zeta(3, 3))
case("sum", "(n+1)^-1.5/(2+n-1)", zeta(mpf(5) / 2, 2))
# a slope s != 1: s n + t = s (n + t/s), sum (s n + t)^-p = s^-p zeta(p, 1 + t/s)
case("sum", "(2*n+1)^-1.5", mpf(2) ** -s * zeta(s, 1 + mpf(1) / 2))
case("sum", "1/(3*n-1)^2", zeta(2, 1 - mpf(1) / 3) / 9)
case("sum", "(2*n+2)^-2.5", mpf(2) ** (-mpf(5) / 2) * zeta(mpf(5) / 2, 2))
case("sum", "(n+1)^-1.5/(2*n+2)", zeta(mpf(5) / 2, 2) / 2)
case("prod", "1 + 1/(2*n+1)^3", prod_ref(3, 1 + mpf(1) / 2, -mpf(1) / 8))
finish()
PYEOF
