#!/bin/sh
# test_lscale.sh — sums decided on the logarithmic scale (src/lscale.c):
# log log factors, exp of non-linear exponents, irrational and variable
# powers, Stirling inside roots, Bertrand series at levels 1-3.  Verdicts
# are mathematical facts (each with its reason below); references are
# closed forms (zeta) or direct sums computed here with mpmath plus a
# bound on the omitted tail, never infcert.  Terms that the scale cannot
# reach must come back unknown or right, never wrong.
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" "$(dirname "$0")" <<'PYEOF'
import sys
sys.path.insert(0, sys.argv[2])
import cli_check
from cli_check import check, meets, finish
from mpmath import mp, mpf, zeta, exp, log, sqrt, fsum, gammainc
mp.dps = 40

def run(term, frm, timeout=20):
    return cli_check.run("sum", term, "--from", str(frm), "--timeout", str(timeout))

def converges(term, frm, ref=None, verdict_only=False, digits=15, timeout=20):
    rc, j = run(term, frm, timeout)
    lim = j.get("limit")
    if j.get("verdict") != "converges":
        check(term + " converges", False, "exit %d verdict %s" % (rc, j.get("verdict"))); return
    if verdict_only:
        check(term + " converges", rc in (0, 4, 5, 6), "exit %d" % rc); return
    if rc not in (0, 4, 5, 6) or not lim:
        check(term + " converges", False, "exit %d, no enclosure" % rc); return
    check(term, meets(j, ref[0], ref[1]), "[%s, %s] misses [%s, %s]" % (lim["lo"], lim["hi"], ref[0], ref[1]))
    if digits:
        check(term + " %d digits" % digits, j.get("digits", 0) >= digits, "digits %s" % j.get("digits"))

def diverges(term, frm, why):
    rc, j = run(term, frm)
    check(term + " diverges (" + why + ")", rc == 0 and j.get("verdict") == "diverges",
          "exit %d verdict %s" % (rc, j.get("verdict")))

def never(term, frm, wrong, why):
    rc, j = run(term, frm)
    check(term + " is not " + wrong + " (" + why + ")", j.get("verdict") in ("unknown", "converges", "diverges")
          and j.get("verdict") != wrong, "exit %d verdict %s" % (rc, j.get("verdict")))

def direct(f, a, K, tail):
    S = fsum(f(k) for k in range(a, K + 1))
    return S, S + tail

eps = mpf(10) ** -30
# irrational constant exponents: zeta values (x^k with an enclosed k:
# Euler-Maclaurin with the integral c M^(k+1)/(-(k+1)))
converges("1/n^pi", 1, (zeta(mp.pi) - eps, zeta(mp.pi) + eps))
converges("n^(-e)", 1, (zeta(mp.e) - eps, zeta(mp.e) + eps))
converges("(2/3)*n^(-sqrt(2)-1)", 1, (zeta(sqrt(2) + 1) * 2 / 3 - eps, zeta(sqrt(2) + 1) * 2 / 3 + eps))
# n^-log 3 through its majorant n^-p, p rational below log 3: few digits
# (the run stops at the time limit, --timeout 4, with the digits reached)
converges("1/3^log(n)", 1, (zeta(log(3)) - eps, zeta(log(3)) + eps), digits=0, timeout=4)
# exp(-log(n)^2) = n^-log n: for n > K = 3000, a(n) <= n^-8, tail <= K^-7/7
converges("1/n^log(n)", 1, direct(lambda k: exp(-log(k) ** 2), 1, 3000, mpf(3000) ** -7 / 7))
# log(n)^-n <= 4^-n for n >= 55: tail after 200 below 4^-200
converges("1/log(n)^n", 2, direct(lambda k: log(k) ** -k, 2, 200, mpf(4) ** -200))
# n e^-sqrt(n) decreasing for n >= 4: tail <= int_K^inf x e^-sqrt(x) dx = 2 Gamma(4, sqrt(K))
K = 20000
converges("n/exp(sqrt(n))", 1, direct(lambda k: k * exp(-sqrt(k)), 1, K, 2 * gammainc(4, sqrt(K))))
# level 3: the tail bound is the integral of the majorant, C L2(N)^(1-s)/(s-1):
# an enclosure without a digit.  References: Euler-Maclaurin with exact
# integrals at two cut points agreeing to 60 digits (tests/data/textbook.tsv,
# tests/data/textbook_refs.py)
r2 = mpf("38.4067680928217863184937477011")
r15 = mpf("14.5963613214172347535208073727")
u = mpf(10) ** -28
converges("1/(n*log(n)*log(log(n))^2)", 3, (r2 - u, r2 + u), digits=0, timeout=3)
converges("1/(n*log(n)*log(log(n))^(3/2))", 3, (r15 - u, r15 + u), digits=0, timeout=3)
converges("1/(n*log(n)*log(log(n))^(3/2))", 16, verdict_only=True, timeout=3)
converges("1/n^(1+1/log(log(n)))", 16, verdict_only=True, timeout=3)   # log a = -log n - log n/log log n
converges("exp(-sqrt(log(n)))/n", 2, verdict_only=True, timeout=3)     # int e^-sqrt(u) du < inf

# Leibniz with h on the log scale: h -> 0 from its log expansion, h' < 0
# from the leading term of the expansion of h'.  Reference: mpmath nsum
# with the 'alternating' and 'sidi' methods (Levin-type), which agree to
# 30 digits; the check allows 1e-20.
def nsum2(f, a):
    from mpmath import nsum, inf
    x = nsum(f, [a, inf], method='alternating')
    y = nsum(f, [a, inf], method='sidi')
    assert abs(x - y) < mpf(10) ** -25, (x, y)
    return x
ref = nsum2(lambda k: (-1) ** int(k) / log(log(k)), 16)
converges("(-1)^n/log(log(n))", 16, (ref - mpf(10) ** -20, ref + mpf(10) ** -20))
converges("(-1)^n*log(log(n))/log(n)", 16, verdict_only=True, timeout=3)   # h = L2/L1, h' < 0 for n > e^e
never("(-1)^n/log(log(log(n)))", 16, "diverges", "Leibniz; log log log n is beyond the scale")

diverges("log(log(n))/n", 2, "log a = -log n + log log log n")
diverges("-log(log(n))/n", 2, "the same, negative")
diverges("1/(n*log(log(n)))", 3, "log a = -log n - log log log n")
diverges("1/(n*log(n)*log(log(n)))", 3, "Bertrand, level 3 with s = 1")
diverges("1/log(n)^log(log(n))", 3, "log a = -(log log n)^2 = o(log n)")
diverges("1/2^log(n)", 1, "n^-log 2, log 2 < 1")
diverges("2^(-sqrt(log(n)))", 1, "log a = -log 2 sqrt(log n) = o(log n)")
diverges("1/n^(1+1/n)", 1, "a >= 1/(e n)")
diverges("n^(-n^(1/n))", 1, "log a = -log n - log(n)^2/n + ...")
diverges("1/n^(1+1/sqrt(n))", 1, "log a = -log n + o(1)")
diverges("1/(n*log(n)^(1+1/log(log(n))))", 3, "a = 1/(e n log n)")
diverges("factorial(n)^(1/n)/n", 1, "a -> 1/e")
diverges("1/factorial(n)^(1/n)", 1, "a ~ e/n")
diverges("(1+1/n)^(n^2)/e^n", 1, "a -> e^(-1/2)")
diverges("(n/(n-1/2))^(n^2)/e^(n/2)", 1, "a -> e^(1/8)")

# beyond the scale: never wrong
never("1/(n*log(n)*log(log(n))*log(log(log(n))))", 16, "converges", "Bertrand level 4, s = 1: diverges")
never("1/(n*log(n)*log(log(n))*log(log(log(n)))^2)", 16, "diverges", "Bertrand level 4, s = 2: converges")
never("n^100*exp(-n^(1/10))", 1, "diverges", "converges; the power only loses past n = 10^30")
finish()
PYEOF
