#!/bin/sh
# test_cvz_start.sh — the Cohen-Villegas-Zagier acceleration starts where
# h is certified completely monotone, never before.  (-1)^n h(n) with a
# pole or a sign change of h after --from (h = 1/(n - 100.5) from 17 is CM
# only beyond 100.5) was certified CM on [1024, inf) by the log-scale
# verdict, and CVZ then ran from n = 17 over the pole: 15 wrong digits,
# exit 0 (an adversarial review found 25 such cases).  Each case must
# contain a reference from closed forms in mpmath at 60 digits (digamma,
# Hurwitz zeta: never infcert's output).
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" "$(dirname "$0")" <<'PYEOF'
import sys
sys.path.insert(0, sys.argv[2])
from cli_check import run, check, meets, finish
from mpmath import mp, mpf, psi, zeta, pi, nsum, inf
mp.dps = 60

def alt_pow(N, a, s):
    """sum_{n>=N} (-1)^n (n+a)^-s, n + a > 0 beyond N excepted: the finite
    part before the pole is summed directly, the rest by Hurwitz zeta:
    sum_{n>=M} (-1)^n (n+a)^-s = (-1)^M 2^-s (zeta(s,(M+a)/2) - zeta(s,(M+a+1)/2))."""
    M = N
    while M + a <= 0: M += 1
    head = sum(mpf(-1) ** n * (n + a) ** (-s) for n in range(N, M))
    t = (M + a) / 2
    if s == 1:     # the digamma form: zeta(1, .) has its pole
        return head + (-1) ** M * (psi(0, t + mpf(1) / 2) - psi(0, t)) / 2
    return head + (-1) ** M * mpf(2) ** (-s) * (zeta(s, t) - zeta(s, t + mpf(1) / 2))

def case(term, ref, *args):
    rc, j = run("sum", term, "--timeout", "60", *args)
    lim = j.get("limit")
    if not lim:
        check(term + " " + " ".join(args), j.get("verdict") in ("converges", "unknown") and rc in (0, 3, 4),
              "exit %d verdict %s" % (rc, j.get("verdict"))); return
    eps = abs(ref) * mpf(10) ** -40
    check(term + " " + " ".join(args) + ": contains the reference", meets(j, ref - eps, ref + eps),
          "[%s, %s] misses %s" % (lim["lo"], lim["hi"], ref))

a = -mpf(201) / 2
case("(-1)^n/(n-100.5)", alt_pow(17, a, 1), "--from", "17")
case("(-1)^n/(n-100.5)", alt_pow(99, a, 1), "--from", "99")
case("(-1)^(n+1)/(n-100.5)", -alt_pow(17, a, 1), "--from", "17")
case("3*(-1)^n/(n-100.5)", 3 * alt_pow(17, a, 1), "--from", "17")
case("(-1)^n/(2*n-201)", alt_pow(17, a, 1) / 2, "--from", "17")
case("(-1)^n/(n-100.5)^3", alt_pow(17, a, 3), "--from", "17")
case("(-1)^n/(n-17.5)", 2 + pi / 2, "--from", "17")
case("(-1)^n/(n-17.5)", 2 + pi / 2, "--from", "17", "--digits", "40")
case("(-1)^n/(n-1000.5)", alt_pow(17, -mpf(2001) / 2, 1), "--from", "17")
case("(-1)^n/(n-30.5)", alt_pow(17, -mpf(61) / 2, 1), "--from", "17")
# sqrt(n) - 10.5 changes sign at n = 110.25: the head to 110 directly
head = sum(mpf(-1) ** n / (mp.sqrt(n) - mpf(21) / 2) for n in range(17, 111))
tail = nsum(lambda k: (-1) ** int(k) / (mp.sqrt(k) - mpf(21) / 2), [111, inf], method="alternating")
case("(-1)^n/(sqrt(n)-10.5)", head + tail, "--from", "17")
finish()
PYEOF
