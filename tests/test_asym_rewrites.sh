#!/bin/sh
# test_asym_rewrites.sh — two identities the asymptotic analysis now uses:
# a^b with b depending on n is exp(b log a) (a > 0 proved by the log rule),
# and atan(u) - pi/2 = -atan(1/u) for u > 0 (proved from u's form).  The
# verdicts are facts with the reason given; the limits are compared with
# references computed here with mpmath (never infcert).
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" "$(dirname "$0")" <<'PYEOF'
import sys
sys.path.insert(0, sys.argv[2])
from cli_check import run, check, meets, finish
from mpmath import mp, mpf, zeta, factorial, pi, exp, altzeta
mp.dps = 40

def verdict(kind, term, want, *args):
    rc, j = run(kind, term, "--digits", "5", *args)
    check("%s %s: %s" % (kind, term, want), j.get("verdict") == want, "exit %d verdict %s" % (rc, j.get("verdict")))

def encl(kind, term, ref, digits=10, *args):
    rc, j = run(kind, term, "--digits", str(digits), *args)
    lim = j.get("limit")
    if not lim or j.get("verdict") != "converges":
        check("%s %s" % (kind, term), False, "exit %d verdict %s" % (rc, j.get("verdict"))); return
    eps = mpf(10) ** -30
    check("%s %s contains the reference" % (kind, term), meets(j, ref - eps, ref + eps),
          "[%s, %s] misses %s" % (lim["lo"], lim["hi"], ref))

# n^(1/n) - 1 >= log(n)/n: diverges; prod n^(1/n) = exp(sum log(n)/n) diverges
verdict("sum", "n^(1/n)-1", "diverges")
verdict("prod", "n^(1/n)", "diverges")
# (1 + 1/n^2)^n - 1 ~ 1/n: the product diverges
verdict("prod", "(1+1/n^2)^n", "diverges")
# pi/2 - atan(n) = atan(1/n) ~ 1/n: diverges, both signs and orders
verdict("sum", "pi/2-atan(n)", "diverges")
verdict("sum", "atan(n)-pi/2", "diverges")
verdict("sum", "atan(sqrt(n)) - (1/2)*pi", "diverges")
# sum n^(1/n^2) - 1 = sum_k (-1)^k zeta^(k)(2k) / k!  (expand exp(log(n)/n^2))
encl("sum", "n^(1/n^2)-1", sum((-1) ** k * zeta(2 * k, derivative=k) / factorial(k) for k in range(1, 40)))
# prod n^(1/n^2) = exp(-zeta'(2))
encl("prod", "n^(1/n^2)", exp(-zeta(2, derivative=1)))
# sum atan(n^2) - pi/2 = -sum atan(1/n^2) = -(pi/4 + sum_k (-1)^(k+1) (zeta(4k-2) - 1)/(2k-1))
encl("sum", "atan(n^2)-pi/2", -(pi / 4 + sum((-1) ** (k + 1) * (zeta(4 * k - 2) - 1) / (2 * k - 1) for k in range(1, 120))))
# sum (-1)^n (pi/2 - atan(n)) = sum (-1)^n atan(1/n): n = 1 term, then the
# atan series for n >= 2 summed with the alternating zeta (eta) values
eta = altzeta                     # Dirichlet eta, eta(1) = log 2
alt_ref = -pi / 4 + sum((-1) ** k / (2 * k + 1) * (-(eta(2 * k + 1)) + 1) for k in range(0, 120))
encl("sum", "(-1)^n*(pi/2-atan(n))", alt_ref, 6)
# exp(x) - e = e (exp(x - 1) - 1): (1+1/n)^n - e ~ -e/(2n) diverges
verdict("sum", "(1+1/n)^n-e", "diverges")
verdict("sum", "e-(1+1/n)^n", "diverges")
verdict("prod", "(1+1/n)^n/e", "diverges_to_zero")          # u ~ -1/(2n)
verdict("prod", "e/(1+1/n)^n", "diverges")                  # u ~ 1/(2n)
# prod (1+1/n)^(n+1/2)/e = e/sqrt(2 pi) (Stirling: the partial products are
# e^N N! / (N^(N+1/2) ... ) up to (1+1/N)^(N+1/2) -> ...)
from mpmath import sqrt
encl("prod", "(1+1/n)^(n+1/2)/e", exp(1) / sqrt(2 * pi))
finish()
PYEOF
