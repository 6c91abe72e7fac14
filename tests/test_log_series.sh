#!/bin/sh
# test_log_series.sh — log-factor products prod (1 + c n^a log(n)^b) by the
# series of log(1 + u) with each sum of u^k by Euler-Maclaurin, and sums of
# n^a log(n)^b with b < 0 (integral by E1 and its recurrence).  References
# computed here with mpmath (never infcert): the sum (of log1p for products)
# to n < 400, then Euler-Maclaurin at 400 with the integral by quadrature
# in t = log x (log1p keeps the tiny values) and derivatives to order 9;
# its error is far below the 25 digits compared.
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" "$(dirname "$0")" <<'PYEOF'
import sys
sys.path.insert(0, sys.argv[2])
from cli_check import run, check, meets, finish
from mpmath import mp, mpf, log, log1p, exp, quad, diff, inf
mp.dps = 45

def em_sum(f, g, N0, N=400):
    """sum_{n>=N0} f(n); g(t) = f(e^t) e^t for the integral from N."""
    s = sum(f(mpf(n)) for n in range(N0, N))
    I = quad(g, [log(N), 10, 100, 1000, inf])
    B = [mpf(1) / 12, -mpf(1) / 720, mpf(1) / 30240, -mpf(1) / 1209600, mpf(1) / 47900160]
    ds = [diff(f, N, k) for k in (1, 3, 5, 7, 9)]
    return s + I + f(mpf(N)) / 2 - sum(b * d for b, d in zip(B, ds))

def case(kind, term, ref, frm=2, digits=30):
    rc, j = run(kind, term, "--digits", str(digits), "--from", str(frm))
    lim = j.get("limit")
    name = "%s %s --from %d --digits %d" % (kind, term, frm, digits)
    if not lim:
        check(name, False, "exit %d verdict %s, no limit" % (rc, j.get("verdict"))); return
    check(name + ": all digits, exit 0", rc == 0 and j.get("digits", 0) >= digits,
          "exit %d, %s digits, method %s" % (rc, j.get("digits"), j.get("method")))
    eps = abs(ref) * mpf(10) ** -25
    check(name + ": contains the reference", meets(j, ref - eps, ref + eps),
          "[%s, %s] misses %s" % (lim["lo"], lim["hi"], ref))

def prod_ref(c, a, b, N0=2):
    u = lambda x: c * x ** a * log(x) ** b
    return exp(em_sum(lambda x: log1p(u(x)), lambda t: log1p(c * exp(a * t) * t ** b) * exp(t), N0))

def sum_ref(c, a, b, N0=2):
    return em_sum(lambda x: c * x ** a * log(x) ** b, lambda t: c * exp((a + 1) * t) * t ** b, N0)

case("prod", "1 + 1/(n*log(n)^2)", prod_ref(1, -1, -2))
case("prod", "1 - 1/(n*log(n)^2)", prod_ref(-1, -1, -2, 3) * (1 - 1 / (2 * log(2) ** 2)))
case("prod", "1 + log(n)/n^2", prod_ref(1, -2, 1))
case("prod", "1 - 2*log(n)^2/n^3", prod_ref(-2, -3, 2))
case("prod", "1 + 1/(n^2*log(n))", prod_ref(1, -2, -1))
case("sum", "1/(n^2*log(n)^4)", sum_ref(1, -2, -4))
case("sum", "1/(n^1.5*log(n))", sum_ref(1, mpf(-3) / 2, -1))
case("sum", "3/(n^3*log(n)^6)", sum_ref(3, -3, -6))
finish()
PYEOF
