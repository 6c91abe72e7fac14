#!/bin/sh
# test_asym_cancel.sh — terms whose leading orders cancel (decided through
# the Taylor models of src/tmodel.c).  References: zeta series and closed
# forms computed here with mpmath (never infcert); verdicts are facts with
# the reason given.  Each case must be decided.
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" "$(dirname "$0")" <<'PYEOF'
import sys
sys.path.insert(0, sys.argv[2])
from cli_check import run, check, meets, finish
from mpmath import mp, mpf, zeta, euler, pi, log, exp, bernoulli, factorial, nsum, inf
mp.dps = 40

def encl(kind, term, ref, *args, verdict="converges"):
    rc, j = run(kind, term, "--digits", "10", *args)
    lim = j.get("limit")
    # 4, 5, 6: an enclosure with fewer digits than asked (README "Exit status")
    if rc not in (0, 4, 5, 6) or j.get("verdict") != verdict or not lim:
        check(kind + " " + term, False, "exit %d verdict %s" % (rc, j.get("verdict"))); return
    eps = mpf(10) ** -30
    check("%s %s" % (kind, term), meets(j, ref - eps, ref + eps), "[%s, %s] misses %s" % (lim["lo"], lim["hi"], ref))

def verdict(kind, term, want, *args):
    rc, j = run(kind, term, "--digits", "3", *args)
    check("%s %s %s" % (kind, term, want), rc == 0 and j.get("verdict") == want, "exit %d verdict %s" % (rc, j.get("verdict")))

# sum 1/n - log(1 + 1/n) = gamma (telescoping of H_N - log(N+1))
encl("sum", "1/n - log(1+1/n)", euler)
encl("sum", "log(n+1)-log(n)-1/n", -euler)
# n sin(1/n) - 1 = sum_k (-1)^k n^(-2k)/(2k+1)!  =>  sum_k (-1)^k zeta(2k)/(2k+1)!
encl("sum", "n*sin(1/n)-1", nsum(lambda k: (-1) ** k * zeta(2 * k) / factorial(2 * k + 1), [1, inf]))
# exp(1/n) - 1 - 1/n  =>  sum_{k>=2} zeta(k)/k!
encl("sum", "exp(1/n)-1-1/n", nsum(lambda k: zeta(k) / factorial(k), [2, inf]))
# atan(1/n) - 1/n  =>  sum_{k>=1} (-1)^k zeta(2k+1)/(2k+1)
encl("sum", "atan(1/n) - 1/n", nsum(lambda k: (-1) ** k * zeta(2 * k + 1) / (2 * k + 1), [1, inf]))
# sum (-1)^n log(1 + 1/n) = log(2/pi) (Wallis)
encl("sum", "(-1)^n*(log(n+1)-log(n))", log(2 / pi))
# prod_{n>=2} e^(1/n) (1 - 1/n) = lim e^(H_N - 1)/N = e^(gamma - 1)
encl("prod", "exp(1/n)*(1-1/n)", exp(euler - 1), "--from", "2")
# prod n sin(1/n): log(sin x / x) = sum_k (-1)^k 2^(2k-1) B_2k x^(2k) / (k (2k)!)
c = lambda k: (-1) ** k * 2 ** (2 * k - 1) * bernoulli(2 * k) / (k * factorial(2 * k))
encl("prod", "n*sin(1/n)", exp(nsum(lambda k: c(k) * zeta(2 * k), [1, inf])))
# divergent: each term ~ c n^-alpha with alpha <= 1 and c > 0 (the expansion)
for t in ("sqrt(n+1)-sqrt(n)", "sqrt(n^2+1)-n", "(n+1)^(1/3)-n^(1/3)", "log(n+1)-log(n)"):
    verdict("sum", t, "diverges")
# convergent without a handy closed form
for t in ("(sqrt(n+1)-sqrt(n))/n", "sin(1/n)^2 - 1/n^2", "n*(log(2*n+1)-log(2*n-1)) - 1"):
    verdict("sum", t, "converges")
verdict("prod", "1+1/n-log(1+1/n)", "converges")
finish()
PYEOF
