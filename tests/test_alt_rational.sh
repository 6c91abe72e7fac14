#!/bin/sh
# test_alt_rational.sh — alternating sums (and products 1 + (-1)^n h) of
# rational functions,
# sum (-1)^(n+p) h(n) with h = P/Q -> 0, are summed by pairing the terms:
# from an even cut N0, the tail is (-1)^p sum_{k>=N0/2} [h(2k) - h(2k+1)],
# a rational function of k for the rational expansion (Leibniz gave 6
# digits of 30, none when h rises first).  Each case must reach 30 digits
# (exit 0) and contain a reference from mpmath's nsum at 60 digits, taken
# only when two of its accelerations (Shanks and Levin; Richardson and
# Levin for the product's log) agree to 45 digits
# (never infcert's output).  A constant h (divergent sum) must not come
# back convergent.  Also the alternating sqrt differences, whose h the
# complete-monotonicity rules certify after rationalising.
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" "$(dirname "$0")" <<'PYEOF'
import sys
sys.path.insert(0, sys.argv[2])
from cli_check import run, check, meets, finish
from mpmath import mp, mpf, nsum, inf
mp.dps = 60

def case(term, f, start=1):
    a = nsum(f, [start, inf], method="shanks")
    b = nsum(f, [start, inf], method="levin")
    if abs(a - b) > mpf(10) ** -45 * (abs(a) + mpf(10) ** -30):
        check(term + ": reference", False, "mpmath's methods disagree: %s %s" % (a, b)); return
    args = ["--digits", "30", "--timeout", "60"] + (["--from", str(start)] if start != 1 else [])
    rc, j = run("sum", term, *args)
    lim = j.get("limit")
    if not lim:
        check(term, False, "exit %d verdict %s, no limit" % (rc, j.get("verdict"))); return
    check(term + ": 30 digits, exit 0", rc == 0 and j.get("digits", 0) >= 30,
          "exit %d, %s digits" % (rc, j.get("digits")))
    eps = mpf(10) ** -40 * (abs(a) + mpf(10) ** -30)
    check(term + ": contains the reference", meets(j, a - eps, a + eps),
          "[%s, %s] misses %s" % (lim["lo"], lim["hi"], a))

case("(-1)^n*n/(n^2+1)", lambda n: (-1) ** n * n / (n ** 2 + 1))
case("(-1)^n/(n^2+n+1)", lambda n: (-1) ** n / (n ** 2 + n + 1))
case("(-1)^n*(n+1)/(n^2+5)", lambda n: (-1) ** n * (n + 1) / (n ** 2 + 5))
case("(-1)^(n+1)*n/(n+1)^2", lambda n: (-1) ** (n + 1) * n / (n + 1) ** 2)
case("(-1)^n*n^2/(n^3+1000)", lambda n: (-1) ** n * n ** 2 / (n ** 3 + 1000))
case("(-1)^n*(2*n-1)/(n^2-n+3)", lambda n: (-1) ** n * (2 * n - 1) / (n ** 2 - n + 3), 3)
# h = sqrt(n+1) - sqrt(n) = 1/(sqrt(n+1) + sqrt(n)) is completely monotone
# (src/cm.c): the CVZ acceleration, not Leibniz's bracket
case("(-1)^n*(sqrt(n+1)-sqrt(n))", lambda n: (-1) ** n * (mp.sqrt(n + 1) - mp.sqrt(n)))
case("(-1)^n*(sqrt(n+2)-sqrt(n))/n", lambda n: (-1) ** n * (mp.sqrt(n + 2) - mp.sqrt(n)) / n)
# products of 1 + (-1)^n h(n), h rational -> 0: the pairs p(2k) p(2k+1)
def pcase(term, ref, *args):
    rc, j = run("prod", term, "--digits", "30", "--timeout", "60", *args)
    lim = j.get("limit")
    if not lim:
        check("prod " + term, False, "exit %d verdict %s, no limit" % (rc, j.get("verdict"))); return
    check("prod " + term + ": 30 digits, exit 0", rc == 0 and j.get("digits", 0) >= 30,
          "exit %d, %s digits" % (rc, j.get("digits")))
    eps = mpf(10) ** -40
    check("prod " + term + ": contains the reference", meets(j, ref - eps, ref + eps),
          "[%s, %s] misses %s" % (lim["lo"], lim["hi"], ref))

pcase("1 + (-1)^n/n", mpf(1), "--from", "2")                 # telescoping pairs
pcase("1 + (-1)^n/(n+1)", mpf(1) / 2)
pcase("1 + (-1)^(n+1)/(2*n+1)", mp.pi / (2 * mp.sqrt(2)))      # Wallis-type
pf = lambda n: 1 - (-1) ** n * mpf(n) / (n ** 2 + 1)
lp1 = nsum(lambda k: mp.log(pf(2 * k) * pf(2 * k + 1)), [1, inf], method="richardson")
lp2 = nsum(lambda k: mp.log(pf(2 * k) * pf(2 * k + 1)), [1, inf], method="levin")
if abs(lp1 - lp2) < mpf(10) ** -45:
    pcase("1 - (-1)^n*n/(n^2+1)", pf(1) * mp.exp(lp1))
else:
    check("prod 1 - (-1)^n*n/(n^2+1): reference", False, "mpmath's methods disagree")
for term in ("(-1)^n*n/(n+1)", "(-1)^n*(n^2+1)/n^2"):
    rc, j = run("sum", term, "--digits", "30", "--timeout", "20")
    check(term + ": not convergent", j.get("verdict") != "converges", "verdict %s" % j.get("verdict"))
finish()
PYEOF
