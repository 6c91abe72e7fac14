#!/bin/sh
# test_taylor_expansion.sh — tails by the Taylor model at infinity
# (src/tmexp.c, method "taylor-expansion"): terms such as exp(-1/n)/n^2 or
# log(1+1/n) - 1/n got 9 to 12 digits in 10 s from their envelope tails;
# the expansion sum_i c_i zeta(i - a, M) +- r zeta(d + 1 - a, M) must
# give every digit asked, contain references from closed forms (series of
# zeta values in mpmath at 80 digits, Euler's constant: never infcert's
# output), and nest across digit counts.  Terms outside the models (log n,
# factorials) and divergent ones must not take this method.
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" "$(dirname "$0")" <<'PYEOF'
import sys
from fractions import Fraction
sys.path.insert(0, sys.argv[2])
from cli_check import run, check, meets, finish
from mpmath import mp, mpf, zeta, factorial, nsum, inf, euler, catalan, pi, sqrt
mp.dps = 80

def zsum(f, k0):
    """sum_{k>=k0} f(k), each term a closed form in zeta values (these
    series converge geometrically: direct summation to 400 terms)."""
    return sum(f(k) for k in range(k0, k0 + 400))

refs = [
    # exp(-1/n) = sum_k (-1)^k n^-k / k!
    ("exp(-1/n)/n^2", zsum(lambda k: (-1) ** k * zeta(k + 2) / factorial(k), 0)),
    # log(1 + x) - x summed over x = 1/n: -Euler's constant
    ("log(1+1/n)-1/n", -euler),
    ("1-cos(1/n)", zsum(lambda k: (-1) ** (k + 1) * zeta(2 * k) / factorial(2 * k), 1)),
    ("sin(1/n)-1/n", zsum(lambda k: (-1) ** k * zeta(2 * k + 1) / factorial(2 * k + 1), 1)),
    ("exp(1/n)-1-1/n", zsum(lambda k: zeta(k) / factorial(k), 2)),
    # atan(x)^2 = sum_m (-1)^m x^(2m+2) sum_{i<=m} 1/((2i+1)(2m-2i+1)),
    # absolutely convergent for x <= 1/10 only: the terms n < 10 directly,
    # the rest as a series of Hurwitz zeta values
    ("atan(1/n)^2", sum(mp.atan(mpf(1) / n) ** 2 for n in range(1, 10))
     + zsum(lambda m: (-1) ** m * zeta(2 * m + 2, 10)
            * sum(mpf(1) / ((2 * i + 1) * (2 * (m - i) + 1)) for i in range(m + 1)), 0)),
    # sqrt(n) (sqrt(1 + x) - 1 - x/2) at x = 1/n: the binomial series,
    # likewise from n = 10
    ("sqrt(n+1)-sqrt(n)-1/(2*sqrt(n))",
     sum(sqrt(n + 1) - sqrt(n) - 1 / (2 * sqrt(n)) for n in range(1, 10))
     + zsum(lambda k: mp.binomial(mpf(1) / 2, k) * zeta(k - mpf(1) / 2, 10), 2)),
]

for term, ref in refs:
    prev = None
    for d in (15, 30, 60):
        rc, j = run("sum", term, "--digits", str(d), "--timeout", "60")
        lim = j.get("limit")
        name = "%s --digits %d" % (term, d)
        if not lim:
            check(name, False, "exit %d, no limit: %s" % (rc, j.get("stop_note", ""))); continue
        eps = mpf(10) ** -70
        check(name + ": contains the reference", meets(j, ref - eps, ref + eps),
              "[%s, %s] misses %s" % (lim["lo"], lim["hi"], mp.nstr(ref, 40)))
        check(name + ": every digit asked, exit 0", rc == 0 and j.get("digits", 0) >= d,
              "exit %d, %s digits" % (rc, j.get("digits")))
        check(name + ": method taylor-expansion", j.get("method") == "taylor-expansion", j.get("method"))
        lo, hi = Fraction(lim["lo"]), Fraction(lim["hi"])
        if prev:
            check(name + ": meets the %d-digit enclosure" % (d // 2),
                  lo <= prev[1] and prev[0] <= hi, "[%s, %s] vs [%s, %s]" % (lo, hi, prev[0], prev[1]))
        prev = (lo, hi)

# not this method: log n has no Taylor model (power-log terms have their
# own methods); a divergent term gets no limit at all
for term in ("log(n)/n^2", "1/(n^2*log(n+1))"):
    rc, j = run("sum", term, "--digits", "15", "--timeout", "60")
    check(term + ": not taylor-expansion", j.get("method") != "taylor-expansion", j.get("method"))
rc, j = run("sum", "exp(1/n)-1", "--digits", "15", "--timeout", "60")
check("exp(1/n)-1 diverges, no limit", j.get("verdict") == "diverges" and not j.get("limit") and rc == 0,
      "exit %d verdict %s" % (rc, j.get("verdict")))
finish()
PYEOF
