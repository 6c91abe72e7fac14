#!/bin/sh
# test_asym_scales.sh — factorial and Stirling-type terms, exact exponential
# rates (e^n / e^n, 4^n / 2^(2n), s^(s n) from factorial(s n)).  Verdicts are
# mathematical facts (each with its reason); references are closed forms or
# direct sums computed here with mpmath plus a bound on the omitted tail,
# never infcert.  Each case must be decided (these are textbook exercises).
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" "$(dirname "$0")" <<'PYEOF'
import sys
sys.path.insert(0, sys.argv[2])
import cli_check
from cli_check import check, meets, finish
from mpmath import mp, mpf, factorial, binomial, exp, e, pi, sqrt, log, fsum, lambertw
mp.dps = 40

def run(term):
    return cli_check.run("sum", term)

def converges(term, lo_ref, hi_ref):
    rc, j = run(term)
    lim = j.get("limit")
    # 4, 5, 6: an enclosure with fewer digits than asked (README "Exit status")
    if rc not in (0, 4, 5, 6) or j.get("verdict") != "converges" or not lim:
        check(term, False, "exit %d verdict %s" % (rc, j.get("verdict"))); return
    check(term, meets(j, lo_ref, hi_ref),
          "[%s, %s] misses [%s, %s]" % (lim["lo"], lim["hi"], lo_ref, hi_ref))

def diverges(term):
    rc, j = run(term)
    check(term + " diverges", rc == 0 and j.get("verdict") == "diverges", "exit %d verdict %s" % (rc, j.get("verdict")))

def direct(f, K, tail):
    S = fsum(f(k) for k in range(1, K + 1))
    return S, S + tail

eps = mpf(10) ** -30
# n!/n^n <= e^(1-n) sqrt(n)... crude: terms <= 2^-n for n >= 4, so tail(K) <= 2^-K
converges("factorial(n)/n^n", *direct(lambda k: factorial(k) / mpf(k) ** k, 200, mpf(2) ** -200))
converges("n^(-n)", *direct(lambda k: mpf(k) ** -k, 100, mpf(2) ** -100))
# (2/e)^n sqrt(2 pi n) e^(1/12n) <= 3 sqrt(n) (0.74)^n: tail after 600 below 1e-70
converges("2^n*factorial(n)/n^n", *direct(lambda k: 2 ** k * factorial(k) / mpf(k) ** k, 600, eps))
# sum n^n x^n / n! = 1/(1 - T(x)) - 1, T(x) = -W(-x) (tree function), x = 1/3
T = -lambertw(-mpf(1) / 3).real
converges("n^n/factorial(n)/3^n", 1 / (1 - T) - 1 - eps, 1 / (1 - T) - 1 + eps)
converges("n^(n/2)/factorial(n)", *direct(lambda k: mpf(k) ** (mpf(k) / 2) / factorial(k), 300, eps))
# closed forms
v = mpf(1) / 3 + 2 * pi * sqrt(3) / 27          # sum 1/binomial(2n, n)
converges("factorial(n)^2/factorial(2*n)", v - eps, v + eps)
converges("factorial(2*n)/(4^n*factorial(n)^2*n)", 2 * log(2) - eps, 2 * log(2) + eps)   # sum C(2n,n)/(n 4^n)
converges("factorial(n)/factorial(n+2)", mpf(1) / 2 - eps, mpf(1) / 2 + eps)            # 1/((n+1)(n+2))
converges("factorial(n-1)/factorial(n+1)", 1 - eps, 1 + eps)                              # 1/(n(n+1))
converges("exp(n)/(e^n*n^2)", pi ** 2 / 6 - eps, pi ** 2 / 6 + eps)
converges("4^n/2^(2*n)/n^2", pi ** 2 / 6 - eps, pi ** 2 / 6 + eps)
# divergent: n! e^n / n^n ~ sqrt(2 pi n); n! e^n / n^(n+1) ~ sqrt(2 pi / n);
# n^n / (n! e^n) ~ 1/sqrt(2 pi n); (3n)!/(27^n n!^3) ~ sqrt(3)/(2 pi n);
# 3^n n!/n^n ~ (3/e)^n sqrt(2 pi n)
for t in ("factorial(n)*exp(n)/n^n", "exp(n)*factorial(n)/n^(n+1)", "n^n/(factorial(n)*exp(n))",
          "factorial(3*n)/(27^n*factorial(n)^3)", "3^n*factorial(n)/n^n"):
    diverges(t)
# convergent without a closed form: n! e^n / n^(n+2) ~ sqrt(2 pi) n^(-3/2)
rc, j = run("factorial(n)*exp(n)/n^(n+2)")
check("factorial(n)*exp(n)/n^(n+2) converges", rc in (0, 4, 5, 6) and j.get("verdict") == "converges", "exit %d" % rc)
finish()
PYEOF
