#!/bin/sh
# test_powerlog_em.sh — sums of c n^a log(n)^b (b >= 1 an integer, a < -1)
# by Euler-Maclaurin with the derivative-sign certificate of em.c (these
# terms are not completely monotone).  References: derivatives of the
# Hurwitz zeta function, sum_{n>=N} n^-s log(n)^b = (-1)^b zeta^(b)(s, N),
# from mpmath (never infcert).  Each must reach the digits asked, exit 0.
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" "$(dirname "$0")" <<'PYEOF'
import sys
sys.path.insert(0, sys.argv[2])
from cli_check import run, check, meets, finish
from mpmath import mp, mpf, zeta
mp.dps = 120

def case(term, ref, digits, *args):
    rc, j = run("sum", term, "--digits", str(digits), *args)
    lim = j.get("limit")
    name = "sum %s --digits %d %s" % (term, digits, " ".join(args))
    if not lim:
        check(name, False, "exit %d verdict %s, no limit" % (rc, j.get("verdict"))); return
    check(name + ": all digits, exit 0", rc == 0 and j.get("digits", 0) >= digits,
          "exit %d, %s digits, method %s" % (rc, j.get("digits"), j.get("method")))
    eps = mpf(10) ** -(digits + 15)
    check(name + ": contains the reference", meets(j, ref - eps, ref + eps),
          "[%s, %s] misses %s" % (lim["lo"], lim["hi"], ref))

def dz(s, b, a=1):
    return (-1) ** b * zeta(s, a, derivative=b)

case("log(n)/n^2", dz(2, 1), 30)
case("log(n)/n^1.5", dz(mpf(3) / 2, 1), 30)
case("log(n)/n^1.5", dz(mpf(3) / 2, 1), 100)
case("log(n)^2/n^3", dz(3, 2), 30)
case("log(n)^3/n^1.1", dz(mpf(11) / 10, 3), 30)
case("-5*log(n)/n^2", -5 * dz(2, 1), 30)
case("log(n)*n^-2.5/7", dz(mpf(5) / 2, 1) / 7, 40)
case("log(n)/n^2", dz(2, 1, 1000), 30, "--from", "1000")
# shifted: log(n + 1) / (n + 1)^2 from n = 1 is the sum from m = 2
case("log(n+1)/(n+1)^2", dz(2, 1, 2), 30)
case("log(n+3)^2/(n+3)^1.5", dz(mpf(3) / 2, 2, 4), 30)
# a non-integer shift: the certificate for g at floor(M + c), the
# incomplete-gamma integral from M + c
case("log(n+1/2)/(n+1/2)^2", dz(2, 1, mpf(3) / 2), 30)
case("log(n+7/3)^2/(n+7/3)^1.5", dz(mpf(3) / 2, 2, 1 + mpf(7) / 3), 30)
finish()
PYEOF
