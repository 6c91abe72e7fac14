#!/usr/bin/python3
"""diff_fuzz.py -- differential soundness fuzzer for infcert (issue 16).

Generates random sums and products whose true value (or a proven bracket
around it) is computed here, independently of infcert, with Python's
standard library and mpmath at higher precision; runs `infcert ... --json
--timeout T` on each and checks that

  * the exit status is 0/2/3/4/5 (1 or a signal is a crash), and the run
    ends within T + slack (a hard kill is a hang);
  * the verdict is one the family allows (unknown is always allowed);
  * every printed enclosure [lo, hi] contains the reference (compared in
    mpmath at a precision far above both, after reading the decimal
    strings with a proven error bound): a certain miss is a failure;
  * the claimed digit count is supported by the width of [lo, hi];
  * a term that is undefined at some n >= N0 is not given a verdict, and an
    "undefined at n = m" message names an m where the term really is
    undefined.

References (each family's docstring below says how and why it is right):
  zeta_power      sum c n^-s               Hurwitz zeta by Euler-Maclaurin with
                                            the remainder bounded by the first
                                            omitted term (x^-s is completely
                                            monotone), cross-checked with
                                            mpmath.zeta
  ratfun          rational functions       partial fractions -> digamma,
                                            polygamma, complex digamma
  alternating     c (-1)^n n^-s            2^-s sum g(N0/2+j), g(x) = x^-s -
                                            (x+1/2)^-s completely monotone:
                                            Euler-Maclaurin as above
  geometric       c r^n n^k, exp(-l n) n^k direct summation, ratio tail bound
  prod_zeta       prod (1 +- c n^-s)       finite product + log series
                                            sum_k (-+c)^k/k zeta(ks, A), with
                                            proven truncation bound
  prod_gamma      prod of rational factors Gamma ratios (roots summing equal)
  prod_hugeconst  prod (1 + C n^-s), C huge  integral bracket for log P
  stretched_fast  n^a exp(-c n^s log(n)^t) direct sum + proven tail bound
  stretched_slow  same, tiny s, large c    proven bracket [L, U] by binning
                                            the integers geometrically
  stretched_undef sqrt(1 - n^k exp(..))/n^2  the n where the radicand is
                                            negative (or a bracket if none)
  divergent       p <= 1, |r| >= 1, ...    verdict only
Seeds: every case is generated from (seed, index) alone, so
  diff_fuzz.py --seed S --case I      replays case I of seed S.
Only the standard library and mpmath (Debian's python3-mpmath) are used.
"""

import argparse
import json
import math
import os
import random
import re
import shlex
import subprocess
import sys
import time
from fractions import Fraction
from multiprocessing import Pool

try:
    import mpmath
    from mpmath import mp, mpf, mpc
except ImportError:  # pragma: no cover
    sys.stderr.write("diff_fuzz.py: needs mpmath (Debian: python3-mpmath; run with /usr/bin/python3)\n")
    sys.exit(2)

SLACK = 3.0          # seconds past --timeout before a run counts as overtime
KILL_AFTER = 2.0     # ... and this much later it is killed (a hang)

# ---------------------------------------------------------------------------
# small helpers
# ---------------------------------------------------------------------------


def is_decimal(q):
    """q (Fraction) has a finite decimal expansion."""
    d = q.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    return d == 1


def dec_str(q):
    """Finite decimal expansion of q (is_decimal(q) must hold), no exponent."""
    sign = "-" if q < 0 else ""
    q = abs(q)
    k = 0
    while (q * 10 ** k).denominator != 1:
        k += 1
    m = (q * 10 ** k).numerator
    if k == 0:
        return sign + str(m)
    s = str(m).rjust(k + 1, "0")
    return sign + s[:-k] + "." + s[-k:]


def num_str(q, rng=None, allow_pow10=True):
    """A literal for the positive rational q, in one of the syntaxes infcert
    accepts (integer, decimal, p/q in parentheses, 10^k)."""
    q = Fraction(q)
    assert q > 0
    if q.denominator == 1:
        n = q.numerator
        if allow_pow10 and n >= 10 ** 6 and rng is not None and rng.random() < 0.5:
            k = len(str(n)) - 1
            if n == 10 ** k:
                return "10^%d" % k
        return str(n)
    if is_decimal(q) and (rng is None or rng.random() < 0.6):
        return dec_str(q)
    return "(%d/%d)" % (q.numerator, q.denominator)


def exp_str(s, rng):
    """The exponent s>0 (Fraction) written after '^-' or '^': returns
    (text for n^-S, text for n^S)."""
    if s.denominator == 1 and rng.random() < 0.3:
        return "(-%d)" % int(s), "(%d)" % int(s)
    if is_decimal(s) and rng.random() < 0.85:
        d = dec_str(s)
        return "-" + d, d
    return "(-%d/%d)" % (s.numerator, s.denominator), "(%d/%d)" % (s.numerator, s.denominator)


def to_mpf(q):
    q = Fraction(q)
    return mpf(q.numerator) / q.denominator


def pick_digits(rng):
    u = rng.random()
    if u < 0.55:
        return rng.randint(5, 30)
    if u < 0.85:
        return rng.randint(31, 100)
    return rng.randint(101, 300)


def pick_from(rng, small=0.4, mid=0.3, maxexp=62):
    """--from: small, log-uniform up to 1e6, or log-uniform up to 2^maxexp."""
    u = rng.random()
    if u < small:
        return rng.randint(1, 20)
    if u < small + mid:
        return int(math.exp(rng.uniform(math.log(20), math.log(1e6))))
    v = rng.random()
    if v < 0.15:
        return 2 ** maxexp - rng.choice([0, 0, 1, 17])
    if v < 0.25:
        return 2 ** maxexp
    return int(math.exp(rng.uniform(math.log(1e6), maxexp * math.log(2))))


class RefError(Exception):
    """The reference computation itself failed its own consistency checks."""


class Ref:
    """The true value lies in [lo, hi] (mpf).  exact: a tight reference (an
    enclosure that does not contain it by a margin is a miss; one that
    overlaps its boundary is counted as inconclusive); otherwise a proven
    bracket."""

    def __init__(self, lo, hi, how, tight=True):
        if lo > hi:
            raise RefError("empty reference interval [%s, %s] (%s)" % (lo, hi, how))
        self.lo, self.hi, self.how, self.tight = lo, hi, how, tight

    def describe(self, ndig=36):
        with mp.workdps(ndig + 20):
            if self.tight:
                mid = (self.lo + self.hi) / 2
                return "%s (+- %s) [%s]" % (mpmath.nstr(mid, ndig), mpmath.nstr((self.hi - self.lo) / 2, 3), self.how)
            return "in [%s, %s] [%s]" % (mpmath.nstr(self.lo, 20), mpmath.nstr(self.hi, 20), self.how)


def value_ref(mid, rad, how):
    rad = abs(rad)
    return Ref(mid - rad, mid + rad, how, True)


def two_prec(fn, dps, how):
    """Evaluate fn() at dps and dps+25; the radius is 10x their difference
    plus 10^-(dps-10) relative.  For closed forms evaluated by mpmath's
    special functions (digamma, loggamma): a consistency check, not a proof.
    A closed form that cancels heavily (partial fractions at n0 near 2^62)
    is retried at 4 and 16 times the digits before it counts as unstable."""
    for mult in (4, 16):
        try:
            return two_prec_at(fn, dps, how)
        except RefError as e:
            if "unstable" not in str(e):
                raise
            dps = dps * mult
    return two_prec_at(fn, dps, how)


def two_prec_at(fn, dps, how):
    with mp.workdps(dps):
        a = fn()
    with mp.workdps(dps + 25):
        b = fn()
        if isinstance(b, mpc):
            if abs(b.imag) > abs(b.real) * mpf(10) ** (-(dps - 15)) + mpf(10) ** (-(dps - 15)):
                raise RefError("reference not real: %s" % b)
            a = mpc(a).real
            b = b.real
        rad = 10 * abs(a - b) + abs(b) * mpf(10) ** (-(dps - 10))
        # agreement to half the digits (a closed form whose terms cancel
        # loses digits at both precisions alike; the radius covers the
        # difference ten times)
        if abs(a - b) > abs(b) * mpf(10) ** (-(dps // 2)) + mpf(10) ** (-(dps * 3)):
            raise RefError("reference unstable between %d and %d digits: %s vs %s" % (dps, dps + 25, a, b))
        return value_ref(b, rad, how)


# ---------------------------------------------------------------------------
# Euler-Maclaurin for sum_{j>=0} g(A+j), g(x) = sum_i w_i (x+b_i)^-s completely
# monotone on [A, inf).  For such g every derivative of even order is >= 0,
# so the remainder after the B_{2p} term has the sign of, and is at most,
# the first omitted term |B_{2p+2}/(2p+2)! g^(2p+1)(X)| (Knopp, Theory and
# Application of Infinite Series, 1951, section 64; DLMF 2.10.1 with
# the remainder estimate for monotone derivatives).  We take twice that.
# ---------------------------------------------------------------------------


def em_cm(s, terms, A, rel, extra=0):
    """terms: list of (w, b) with w mpf, b mpf; s > 0 (mpf); sum_i w_i = 0 if
    s <= 1.  Returns (value, errbound) at the current precision; the bound
    covers the Euler-Maclaurin remainder and the rounding errors, counted on
    the absolute values of the components (g(x) = x^-s - (x+1/2)^-s cancels
    about log10(x) digits: each component is off by a few ulps of itself,
    not of g).  The rounding of s itself is the caller's business.
    extra: that many more terms summed directly before the Euler-Maclaurin
    part (a second, differently split evaluation for cross-checks)."""
    eps = mpf(2) ** (-mp.prec)
    lnrel = -float(mpmath.log(rel))
    sf = float(s)
    Xneed = (lnrel + 20) / (2 * math.pi) + sf + 5
    M = max(0, int(math.ceil(Xneed - float(A)))) + extra
    absacc = mpf(0)       # sum over computed quantities of |components| * (ulps)

    def g(x):
        comps = [w * (x + b) ** (-s) for (w, b) in terms]
        return mpmath.fsum(comps), mpmath.fsum(abs(c) for c in comps)

    total = mpf(0)
    for j in range(M):
        v, a = g(A + j)
        total += v
        absacc += 4 * a
    X = A + M
    if s == 1:
        comps = [-w * mpmath.log(X + b) for (w, b) in terms]
        integ = mpmath.fsum(comps)
    else:
        comps = [w * (X + b) ** (1 - s) / (s - 1) for (w, b) in terms]
        integ = mpmath.fsum(comps)
    absacc += 8 * mpmath.fsum(abs(c) for c in comps)
    v, a = g(X)
    total += integ + v / 2
    absacc += 2 * a
    mag = abs(total)
    # g^(m)(X) = (-1)^m (s)_m sum w_i (X+b_i)^(-s-m)
    pw = [(w, (X + b) ** (-s), 1 / (X + b)) for (w, b) in terms]
    rf = mpf(1)        # (s)_m
    m = 0

    def gder(mm):
        comps = [w * p * ib ** mm for (w, p, ib) in pw]
        return mpmath.fsum(comps), mpmath.fsum(abs(c) for c in comps)

    k = 1
    prev = None
    while True:
        # advance rf to (s)_{2k-1}
        while m < 2 * k - 1:
            rf *= s + m
            m += 1
        dv, da = gder(2 * k - 1)
        coef = mpmath.bernoulli(2 * k) / mpmath.factorial(2 * k) * rf
        total += coef * dv                 # -B/(2k)! g^(2k-1)(X), g^(2k-1) = -rf * dv
        absacc += (8 + 4 * k) * abs(coef) * da
        rf2 = rf * (s + m) * (s + m + 1)     # (s)_{2k+1}
        nv, na = gder(2 * k + 1)
        nxt = abs(mpmath.bernoulli(2 * k + 2) / mpmath.factorial(2 * k + 2) * rf2 * nv)
        if nxt <= rel * mag:
            break
        if prev is not None and nxt >= prev:
            raise RefError("Euler-Maclaurin terms stopped decreasing (s=%s, A=%s)" % (s, A))
        prev = nxt
        k += 1
        if k > 5000:
            raise RefError("Euler-Maclaurin did not converge")
    # nxt itself is computed with cancellation too: bound it by its components
    nxt_bound = nxt + abs(mpmath.bernoulli(2 * k + 2) / mpmath.factorial(2 * k + 2) * rf2) * na * 16 * eps * (k + 2)
    err = 2 * nxt_bound + eps * absacc + eps * (abs(total) + absacc) * (M + 2 * k + 10)
    return total, err


def mpmath_cross_check(fn, ours, what, extra=0):
    """ours must agree with mpmath's fn() to 20 digits.  mpmath.zeta(s, a) is
    itself unreliable at large a: zeta(10, 10875) is wrong from digit 15 at
    40 digits, zeta(10, 7.75e13) from digit 80 at 171 (PARI/GP agrees with
    our Euler-Maclaurin in both), so it is evaluated at 120 digits and, on a
    disagreement, at 250 before the reference is declared suspect."""
    for dps in (120 + extra, 250 + 2 * extra):
        with mp.workdps(dps):
            theirs = fn()
            if abs(ours - theirs) <= abs(theirs) * mpf(10) ** -20:
                return theirs
    raise RefError("own %s %s disagrees with mpmath's %s" % (what, ours, theirs))


def hurwitz_direct(s, A, rel):
    """zeta(s, A) = sum_{j>=0} (A+j)^-s for large s: direct sum up to J, the
    rest R satisfies 0 <= R <= (A+J)^-s + (A+J)^(1-s)/(s-1) (integral test)."""
    total = mpf(0)
    j = 0
    eps = mpf(2) ** (-mp.prec)
    first = A ** (-s)
    while True:
        x = A + j
        tb = x ** (-s) * (1 + x / (s - 1))
        if tb <= rel * first:
            break
        total += x ** (-s)
        j += 1
        if j > 100000:
            raise RefError("direct Hurwitz sum too long")
    return total + tb / 2, tb / 2 + (j + 2) * 4 * eps * total


def hurwitz(s, A, rel):
    """zeta(s, A) for real s > 1, A > 0, with a proven error bound."""
    sf = float(s)
    if sf > 3:
        # direct: J with ((A+J)/A)^(s-1) >~ (A/(s-1))/rel
        af = float(A)
        lhs = (-float(mpmath.log(rel)) + math.log1p(af / (sf - 1))) / (sf - 1)
        J = af * math.expm1(lhs) if lhs < 700 else float("inf")
        if J < 400:
            return hurwitz_direct(s, A, rel)
    return em_cm(s, [(mpf(1), mpf(0))], A, rel)


# ---------------------------------------------------------------------------
# case construction
# ---------------------------------------------------------------------------


class Case:
    def __init__(self, family, kind, term, n0, digits, accept, ref=None, undefined=None, note=""):
        self.family, self.kind, self.term, self.n0, self.digits = family, kind, term, n0, digits
        self.accept = set(accept)
        self.ref = ref                 # callable -> Ref, or None
        self.undefined = undefined     # None, or (n_witness, fn(n)->bool "undefined at n")
        self.note = note

    def argv(self, binary, timeout):
        # the term after "--": a term may start with '-'
        return [binary, self.kind, "--from", str(self.n0), "--digits", str(self.digits),
                "--json", "--timeout", str(timeout), "--", self.term]


SUM_CONV = {"converges"}
PROD_CONV = {"converges"}

# ---- zeta_power ----------------------------------------------------------
S_CONV = [Fraction(1000001, 1000000), Fraction(10001, 10000), Fraction(1001, 1000), Fraction(101, 100),
          Fraction(11, 10), Fraction(6, 5), Fraction(3, 2), Fraction(2), Fraction(7, 3), Fraction(5, 2),
          Fraction(3), Fraction(4), Fraction(13, 2), Fraction(10), Fraction(5, 4), Fraction(1999, 1000)]


def ref_zeta_power(c, s, n0, digits):
    """c * zeta(s, N0): own Euler-Maclaurin with a proven remainder, checked
    against a second split of the same sum and against mpmath.zeta."""
    dps = digits + 40
    with mp.workdps(dps + 10):
        sm = to_mpf(s)
        z, e = hurwitz(sm, mpf(n0), mpf(10) ** (-(dps + 5)))
        # cross-checks: the same sum split 13 terms later must agree within
        # the two bounds; mpmath.zeta must agree to 20 digits (only that:
        # for large a it loses digits -- zeta(6.5, 9072875789686) was wrong
        # from digit 40 at 75 digits, zeta(10, 77547164865838) from digit 80
        # at 171; PARI/GP's zetahurwitz agrees with ours in both)
        z2, e2 = em_cm(sm, [(mpf(1), mpf(0))], mpf(n0), mpf(10) ** (-(dps + 5)), extra=13)
        if abs(z - z2) > 2 * (e + e2) + abs(z) * mpf(10) ** (-(dps + 3)):
            raise RefError("Hurwitz zeta: two splits disagree: %s vs %s" % (z, z2))
        z3 = mpmath_cross_check(lambda: mpmath.zeta(to_mpf(s), n0), z, "Hurwitz zeta")
        cm = to_mpf(c)
        # s, c rounded to the working precision: relative effect < 10^-(dps)
        # * (|log| + 1); covered by the 10^-(dps-5) term
        rad = abs(cm) * e + abs(cm * z) * mpf(10) ** (-(dps - 5)) * (1 + abs(mpmath.log(n0 + 1)))
        return value_ref(cm * z, rad, "c*zeta(s,N0), Euler-Maclaurin with proven remainder")


def make_zeta_power(c, s, n0, digits, rng, family="zeta_power"):
    neg, pos = exp_str(s, rng)
    form = rng.randrange(4)
    if c == 1 and form < 2:
        term = "n^" + neg if form == 0 else "1/n^" + pos
    else:
        cs = num_str(abs(c), rng)
        sign = "-" if c < 0 else ""
        if form in (0, 2):
            term = "%s%s*n^%s" % (sign, cs, neg)
        else:
            term = "%s%s/n^%s" % (sign, cs, pos)
    return Case(family, "sum", term, n0, digits, SUM_CONV,
                ref=lambda: ref_zeta_power(c, s, n0, digits))


def gen_zeta_power(rng):
    s = rng.choice(S_CONV)
    u = rng.random()
    if u < 0.4:
        c = Fraction(1)
    elif u < 0.7:
        c = Fraction(rng.randint(1, 20), rng.randint(1, 9)) * rng.choice([1, -1])
    elif u < 0.9:
        c = Fraction(rng.randint(1, 999), 10 ** rng.randint(0, 3)) * rng.choice([1, -1])
    else:
        c = Fraction(10) ** rng.randint(6, 40)
    return make_zeta_power(c, s, pick_from(rng), pick_digits(rng), rng)


# ---- ratfun --------------------------------------------------------------


def poly_mul(a, b):
    r = [Fraction(0)] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            r[i + j] += x * y
    return r


def poly_add(a, b):
    n = max(len(a), len(b))
    a = a + [Fraction(0)] * (n - len(a))
    b = b + [Fraction(0)] * (n - len(b))
    return [x + y for x, y in zip(a, b)]


def poly_scale(a, c):
    return [x * c for x in a]


def poly_trim(a):
    while len(a) > 1 and a[-1] == 0:
        a = a[:-1]
    return a


def poly_str(a):
    """a: coefficients (constant first), integers; 'n' polynomial text."""
    parts = []
    for k in range(len(a) - 1, -1, -1):
        c = a[k]
        if c == 0:
            continue
        sgn = "-" if c < 0 else "+"
        m = abs(c)
        if k == 0:
            body = str(m)
        else:
            mon = "n" if k == 1 else "n^%d" % k
            body = mon if m == 1 else "%d*%s" % (m, mon)
        parts.append((sgn, body))
    if not parts:
        return "0"
    s = ("-" if parts[0][0] == "-" else "") + parts[0][1]
    for sgn, body in parts[1:]:
        s += sgn + body
    return s


def to_int_poly(a):
    l = 1
    for x in a:
        l = l * x.denominator // math.gcd(l, x.denominator)
    return [int(x * l) for x in a], l


def lin_str(a):
    """'n+a' text for rational a."""
    if a == 0:
        return "n"
    if a.denominator == 1:
        return "n%+d" % a
    return "n%s%s" % ("+" if a > 0 else "-", num_str(abs(a)))


def ref_ratfun(parts, n0, digits):
    """parts: (kind, c, a, b) as in gen_ratfun; the sum from N0 by digamma,
    polygamma and complex digamma (mpmath), at two precisions."""
    dps = digits + 40 + int(3 * math.log10(n0 + 2))

    def f():
        tot = mpf(0)
        for kd, c, a, b in parts:
            x = n0 + to_mpf(a)
            cm = to_mpf(c)
            if kd == "simple":
                tot -= cm * mpmath.psi(0, x)
            elif kd == "double":
                tot += cm * mpmath.psi(1, x)
            elif kd == "triple":
                tot -= cm * mpmath.psi(2, x) / 2
            else:
                sb = mpmath.sqrt(to_mpf(b))
                tot += cm * mpmath.im(mpmath.psi(0, mpc(x, sb))) / sb
        return tot
    return two_prec(f, dps, "partial fractions -> digamma/polygamma (mpmath), 2 precisions")


def gen_ratfun(rng):
    """sum over n >= N0 of a sum of partial fractions:
       simple poles c_k/(n+a_k) with sum c_k = 0:  -sum c_k psi(N0+a_k)
       c/(n+a)^m, m = 2, 3:                         c (-1)^m psi^(m-1)(N0+a)/(m-1)!
       c/((n+a)^2+b):                               c Im psi(N0+a+i sqrt b)/sqrt b
    (sum_{n=N0}^{M} 1/(n+a) = psi(M+1+a) - psi(N0+a); the psi(M+1+a_k) cancel
    as M -> inf when sum c_k = 0).  Written either as a sum of fractions or
    expanded into one P/Q with integer coefficients."""
    n0 = pick_from(rng, 0.5, 0.3)
    digits = pick_digits(rng)

    def pick_a():
        a = Fraction(rng.randint(-5, 9), rng.choice([1, 1, 1, 2, 3]))
        while n0 + a <= 0:
            a += 3
        return a

    parts = []   # (kind, c, a, extra)
    kinds = rng.sample(["simple", "double", "triple", "quad"], rng.randint(1, 3))
    for kd in kinds:
        if kd == "simple":
            k = rng.randint(2, 3)
            aa = []
            while len(aa) < k:
                a = pick_a()
                if a not in aa:
                    aa.append(a)
            cs = [Fraction(rng.randint(-9, 9) or 1, rng.randint(1, 4)) for _ in range(k - 1)]
            cs.append(-sum(cs))
            if cs[-1] == 0:
                cs[-1] = Fraction(1)
                cs[0] -= 1
            for c, a in zip(cs, aa):
                if c != 0:
                    parts.append(("simple", c, a, None))
        elif kd in ("double", "triple"):
            parts.append((kd, Fraction(rng.randint(-9, 9) or 1, rng.randint(1, 5)), pick_a(), None))
        else:
            b = Fraction(rng.randint(1, 30), rng.choice([1, 1, 4]))
            parts.append(("quad", Fraction(rng.randint(-9, 9) or 1, rng.randint(1, 3)), Fraction(rng.randint(-3, 5)), b))
    # the simple-pole coefficients must sum to 0 (else divergent)
    if sum(p[1] for p in parts if p[0] == "simple") != 0:
        raise RefError("generator: simple-pole coefficients do not cancel")
    # quad parts: (n+a)^2 + b has no real zero; fine for any n0
    # denominators as polynomials
    fr = []   # (numerator const c, denominator poly)
    for kd, c, a, b in parts:
        lin = [a, Fraction(1)]
        if kd == "simple":
            den = lin
        elif kd == "double":
            den = poly_mul(lin, lin)
        elif kd == "triple":
            den = poly_mul(poly_mul(lin, lin), lin)
        else:
            den = poly_add(poly_mul(lin, lin), [b])
        fr.append((c, den))
    if rng.random() < 0.5:
        # one fraction P/Q
        Q = [Fraction(1)]
        for _, den in fr:
            Q = poly_mul(Q, den)
        P = [Fraction(0)]
        for i, (c, den) in enumerate(fr):
            rest = [Fraction(1)]
            for j, (_, d2) in enumerate(fr):
                if j != i:
                    rest = poly_mul(rest, d2)
            P = poly_add(P, poly_scale(rest, c))
        P = poly_trim(P)
        if P == [0]:
            raise RefError("generator: zero numerator")
        # common integer scale
        l = 1
        for x in P + Q:
            l = l * x.denominator // math.gcd(l, x.denominator)
        Pi = [int(x * l) for x in P]
        Qi = [int(x * l) for x in Q]
        g = 0
        for x in Pi + Qi:
            g = math.gcd(g, x)
        Pi = [x // g for x in Pi]
        Qi = [x // g for x in Qi]
        term = "(%s)/(%s)" % (poly_str(Pi), poly_str(Qi))
    else:
        items = []
        for c, den in fr:
            di, l = to_int_poly(den)
            cc = c * l
            items.append("%s%s/(%s)" % ("-" if cc < 0 else "+", num_str(abs(cc), rng), poly_str(di)))
        term = "".join(items).lstrip("+")

    return Case("ratfun", "sum", term, n0, digits, SUM_CONV, ref=lambda: ref_ratfun(parts, n0, digits))


# ---- alternating ---------------------------------------------------------
S_ALT = [Fraction(1), Fraction(1, 2), Fraction(3, 2), Fraction(2), Fraction(1001, 1000), Fraction(9, 10),
         Fraction(1, 3), Fraction(3), Fraction(3, 10), Fraction(6, 5), Fraction(1, 10)]


def ref_alternating(c, s, n0, digits, shift):
    """sum_{n>=N0} c (-1)^(n+shift) n^-s = c (-1)^(N0+shift) 2^-s sum_{j>=0} g(N0/2+j),
    g(x) = x^-s - (x+1/2)^-s = s int_0^(1/2) (x+u)^(-s-1) du, completely
    monotone for s > 0: Euler-Maclaurin with a proven remainder; checked
    against 2^-s (zeta(s,N0/2) - zeta(s,(N0+1)/2)) (mpmath) for s != 1."""
    dps = digits + 40
    # g(x) = x^-s - (x+1/2)^-s loses about log10(N0) digits to cancellation
    with mp.workdps(dps + 10 + len(str(n0))):
        sm = to_mpf(s)
        A = mpf(n0) / 2
        terms = [(mpf(1), mpf(0)), (mpf(-1), mpf(1) / 2)]
        v, e = em_cm(sm, terms, A, mpf(10) ** (-(dps + 5)))
        # cross-checks as in ref_zeta_power: another split; mpmath to 20
        # digits (zeta difference at enough precision for its cancellation)
        v2, e2 = em_cm(sm, terms, A, mpf(10) ** (-(dps + 5)), extra=13)
        if abs(v - v2) > 2 * (e + e2) + abs(v) * mpf(10) ** (-(dps + 3)):
            raise RefError("alternating: two splits disagree: %s vs %s" % (v, v2))
        def v3():
            sx, Ax = to_mpf(s), mpf(n0) / 2
            if s != 1:
                return mpmath.zeta(sx, Ax) - mpmath.zeta(sx, Ax + mpf(1) / 2)
            return mpmath.psi(0, Ax + mpf(1) / 2) - mpmath.psi(0, Ax)
        mpmath_cross_check(v3, v, "alternating sum", len(str(n0)))
        sign = -1 if (n0 + shift) % 2 else 1
        f = to_mpf(c) * sign * mpf(2) ** (-sm)
        val = f * v
        rad = abs(f) * e + abs(val) * mpf(10) ** (-(dps - 5)) * (1 + abs(mpmath.log(n0 + 1)))
        return value_ref(val, rad, "2^-s * EM sum of x^-s-(x+1/2)^-s, proven remainder")


def gen_alternating(rng):
    s = rng.choice(S_ALT)
    n0 = pick_from(rng)
    digits = pick_digits(rng)
    c = Fraction(1) if rng.random() < 0.5 else Fraction(rng.randint(1, 30), rng.randint(1, 7)) * rng.choice([1, -1])
    shift = rng.choice([0, 1])
    neg, pos = exp_str(s, rng)
    sg = "(-1)^n" if shift == 0 else "(-1)^(n+1)"
    if s == 1:
        body = rng.choice(["%s/n", "%s*n^-1"])
    else:
        body = rng.choice(["%s/n^" + pos, "%s*n^" + neg])
    if c == 1:
        term = body % sg
    else:
        term = ("-" if c < 0 else "") + num_str(abs(c), rng) + "*" + (body % sg)
    return Case("alternating", "sum", term, n0, digits, SUM_CONV,
                ref=lambda: ref_alternating(c, s, n0, digits, shift))


# ---- geometric -----------------------------------------------------------


def ref_geometric(c, r_mpf_fn, k, n0, digits):
    """sum_{n>=N0} c r^n n^k by direct summation until the rest is provably
    below 10^-(digits+35) of the sum: for n >= M the ratio |t(n+1)/t(n)| =
    |r| (1+1/n)^k <= rho(M) (k > 0; <= |r| for k <= 0), so
    |sum_{n>M} t(n)| <= |t(M+1)| / (1 - rho(M))."""
    dps = digits + 40
    with mp.workdps(dps + 10):
        r = r_mpf_fn()
        ar = abs(r)
        if not ar < 1:
            raise RefError("geometric: |r| >= 1")
        cm = to_mpf(c)
        t = cm * r ** n0 * mpf(n0) ** k
        total = mpf(0)
        n = n0
        maxabs = abs(t)
        steps = 0
        target = mpf(10) ** (-(dps + 5))
        while True:
            total += t
            maxabs = max(maxabs, abs(t))
            # next term
            t = t * r * (mpf(n + 1) / n) ** k
            n += 1
            steps += 1
            rho = ar * (1 + mpf(1) / n) ** k if k > 0 else ar
            if rho < 1:
                tb = abs(t) / (1 - rho)
                if tb <= target * abs(total) or (total == 0 and tb == 0):
                    break
            if steps > 200000:
                raise RefError("geometric: too many terms")
        eps = mpf(2) ** (-mp.prec)
        # r^N0 and the running product: relative error <~ (N0 + steps) eps
        rad = tb + steps * 8 * eps * maxabs + abs(total) * (n0 + steps) * 8 * eps + abs(total) * mpf(10) ** (-(dps - 5)) * (1 + abs(mpmath.log(n0 + 1)) * abs(k))
        return value_ref(total, rad, "direct sum, ratio tail bound (%d terms)" % steps)


def gen_geometric(rng):
    u = rng.random()
    n0 = pick_from(rng, 0.6, 0.3) if rng.random() < 0.8 else pick_from(rng, 0.0, 0.0, 40)
    digits = pick_digits(rng)
    k = rng.choice([-2, -1, 0, 0, 1, 2, 3])
    c = Fraction(1) if rng.random() < 0.6 else Fraction(rng.randint(1, 20), rng.randint(1, 5)) * rng.choice([1, -1])
    if u < 0.65:
        while True:
            q = rng.randint(2, 20)
            p = rng.randint(1, q - 1)
            r = Fraction(p, q) * rng.choice([1, 1, -1])
            if abs(r) <= Fraction(9, 10):
                break
        rs = "(%s)" % dec_str(r) if is_decimal(r) and rng.random() < 0.3 else "(%d/%d)" % (r.numerator, r.denominator)
        base = rs + "^n"
        if r > 0 and p == 1 and rng.random() < 0.3:
            base = "%d^-n" % q
        rfn = lambda: to_mpf(r)
    else:
        lam = Fraction(rng.randint(1, 40), rng.choice([1, 2, 4, 10]))
        if lam < Fraction(1, 10):
            lam = Fraction(1, 10)
        base = "exp(-%s*n)" % num_str(lam, rng)
        rfn = lambda: mpmath.exp(-to_mpf(lam))
    if k == 0:
        body = base
    elif k > 0:
        body = rng.choice(["%s*n^%d" % (base, k), "n^%d*%s" % (k, base)]) if k > 1 else rng.choice(["%s*n" % base, "n*%s" % base])
    else:
        body = "%s/n^%d" % (base, -k) if k < -1 else "%s/n" % base
    term = body if c == 1 else ("-" if c < 0 else "") + num_str(abs(c), rng) + "*" + body
    return Case("geometric", "sum", term, n0, digits, SUM_CONV,
                ref=lambda: ref_geometric(c, rfn, k, n0, digits))


# ---- prod_zeta -------------------------------------------------------------
S_PROD = [Fraction(11, 10), Fraction(6, 5), Fraction(3, 2), Fraction(2), Fraction(7, 3), Fraction(101, 100),
          Fraction(1001, 1000), Fraction(5, 2), Fraction(4), Fraction(3), Fraction(1000001, 1000000)]


def ref_prod_pow(sig, c, s, n0, digits):
    """prod_{n>=N0} (1 + sig c n^-s), sig = +-1, c > 0 rational (for sig = -1,
    c N0^-s < 1).  Finite product for N0 <= n < A (direct, at high
    precision), then log prod_{n>=A} = sum_{k>=1} (-1)^(k+1) sig^k c^k/k zeta(ks, A)
    (absolutely convergent since q = c A^-s < 1), truncated after K terms with
    the rest <= (1 + A/((K+1)s-1)) q^(K+1) / ((K+1)(1-q)) because
    zeta(x, A) <= A^-x (1 + A/(x-1)); each zeta(ks, A) with a proven bound."""
    dps = digits + 40
    cf, sf = float(c), float(s)
    with mp.workdps(dps + 15):
        cm, sm = to_mpf(c), to_mpf(s)
        rel = mpf(10) ** (-(dps + 8))
        # choose A: q <= 1/8 at least; a smaller q if the extra factors are few
        best = None
        for qmax in (0.125, 1e-2, 1e-3, 1e-4, 1e-6):
            A = max(n0, int(math.ceil((cf / qmax) ** (1 / sf))) + 1)
            K = int((dps + 10) * math.log(10) / -math.log(min(qmax, cf * float(A) ** -sf) or 1e-300)) + 2
            cost = (A - n0) + 60 * K
            if best is None or cost < best[0]:
                best = (cost, A, K)
        _, A, K = best
        if A - n0 > 300000:
            raise RefError("prod_pow: too many direct factors")
        P = mpf(1)
        for n in range(n0, A):
            P *= 1 + sig * cm * mpf(n) ** (-sm)
        q = cm * mpf(A) ** (-sm)
        L = mpf(0)
        err = mpf(0)
        ck = mpf(1)
        k = 0
        while True:
            k += 1
            ck *= cm
            z, e = hurwitz(k * sm, mpf(A), rel)
            coef = ck / k
            t = coef * z
            if (k % 2 == 0) and sig == 1:
                t = -t                      # (-1)^(k+1) sig^k, sig = 1
            elif sig == -1:
                t = -t                      # (-1)^(k+1) (-1)^k = -1
            L += t
            err += coef * e
            tb = (1 + A / ((k + 1) * sm - 1)) * q ** (k + 1) / ((k + 1) * (1 - q))
            if tb <= rel * max(abs(L), q ** k):
                break
            if k > 20000:
                raise RefError("prod_pow: log series too long")
        err += tb + abs(L) * rel * 10 * k
        val = P * mpmath.exp(L)
        rad = abs(val) * (mpmath.expm1(err) + mpf(10) ** (-(dps - 5)) * (A - n0 + 10) * (1 + abs(mpmath.log(n0 + 1))))
        return value_ref(val, rad, "%d direct factors + log series with %d Hurwitz zetas" % (A - n0, k))


def make_prod_pow(sig, c, s, n0, digits, rng, family="prod_zeta"):
    neg, pos = exp_str(s, rng)
    cs = num_str(c, rng)
    op = "+" if sig == 1 else "-"
    form = rng.randrange(3)
    if c == 1 and form == 0:
        term = "1%sn^%s" % (op, neg)
    elif form == 1:
        term = "1 %s %s/n^%s" % (op, cs, pos)
    else:
        term = "1%s%s*n^%s" % (op, cs, neg)
    return Case(family, "prod", term, n0, digits, PROD_CONV,
                ref=lambda: ref_prod_pow(sig, c, s, n0, digits))


def gen_prod_zeta(rng):
    s = rng.choice(S_PROD)
    sig = rng.choice([1, -1])
    u = rng.random()
    if u < 0.4:
        c = Fraction(1)
    elif u < 0.8:
        c = Fraction(rng.randint(1, 30), rng.randint(1, 9))
    else:
        c = Fraction(rng.randint(1, 99), 100)
    digits = pick_digits(rng)
    n0 = pick_from(rng)
    if sig == -1:
        # all factors positive: c n0^-s < 1, i.e. n0^p > c^q for s = p/q
        n0 = max(n0, int(math.floor(float(c) ** (1 / float(s)))) + 1)
        if s.numerator <= 200:
            while Fraction(n0) ** s.numerator <= c ** s.denominator:
                n0 += 1
        else:
            n0 += 1
    return make_prod_pow(sig, c, s, n0, digits, rng)


# ---- prod_gamma --------------------------------------------------------------


def real_roots_int_check(coeffs, n0):
    """coeffs: Fraction polynomial (constant first).  The integers n >= n0 with
    coeffs(n) = 0 (exact test near each numerically found real root)."""
    with mp.workdps(50):
        cs = [to_mpf(x) for x in reversed(poly_trim(coeffs))]
        if len(cs) <= 1:
            return []
        roots = mpmath.polyroots(cs, maxsteps=200, extraprec=200)
    out = set()
    for r in roots:
        r = mpc(r)
        if abs(r.imag) > 1e-6:
            continue
        for n in (int(mpmath.floor(r.real)), int(mpmath.ceil(r.real))):
            if n >= n0 and sum(c * Fraction(n) ** i for i, c in enumerate(coeffs)) == 0:
                out.add(n)
    return sorted(out)


def ref_gamma(alpha_fn, gamma_fn, n0, digits, zero):
    """prod_{n>=N0} prod_j (n+alpha_j)/(n+gamma_j) with sum alpha = sum gamma:
    = prod_j Gamma(N0+gamma_j)/Gamma(N0+alpha_j) (Whittaker & Watson 12.13),
    evaluated as exp of a sum of complex loggamma values at two precisions."""
    if zero:
        return Ref(mpf(0), mpf(0), "zero factor at n = %d" % zero[0])
    with mp.workdps(20):
        big = max([abs(x) for x in alpha_fn() + gamma_fn()] + [mpf(1)])
    # loggamma(N0 + z) ~ (N0 + |z|) log(N0 + |z|): digits lost to the cancellation
    dps = digits + 45 + int(float(mpmath.log10((n0 + big) * (mpmath.log(n0 + big) + 1))))

    def f():
        al, ga = alpha_fn(), gamma_fn()
        sa = mpmath.fsum(al)
        sg = mpmath.fsum(ga)
        if abs(sa - sg) > mpf(10) ** (-(mp.dps - 20)) * (1 + abs(sa)):
            raise RefError("gamma product: root sums differ")
        lg = mpmath.fsum(mpmath.loggamma(n0 + g) for g in ga) - mpmath.fsum(mpmath.loggamma(n0 + a) for a in al)
        return mpmath.exp(lg)
    return two_prec(f, dps, "Gamma ratio via mpmath loggamma, 2 precisions")


def gen_prod_gamma(rng):
    n0 = pick_from(rng, 0.5, 0.3)
    digits = pick_digits(rng)
    form = rng.randrange(5)
    zero = []
    if form == 0:      # 1 + C/n^2
        C = Fraction(rng.randint(1, 50), rng.choice([1, 1, 2, 4, 9])) if rng.random() < 0.75 else Fraction(10) ** rng.randint(6, 40)
        term = rng.choice(["1+%s/n^2", "1 + %s*n^-2", "(n^2+%s)/n^2"]) % num_str(C, rng)
        alpha = lambda: [mpc(0, mpmath.sqrt(to_mpf(C))), mpc(0, -mpmath.sqrt(to_mpf(C)))]
        gamma = lambda: [mpf(0), mpf(0)]
    elif form == 1:    # 1 - C/n^2
        C = Fraction(rng.randint(1, 60), rng.choice([1, 1, 2, 3, 4]))
        if rng.random() < 0.3:
            C = Fraction(rng.randint(1, 12) ** 2)
        term = rng.choice(["1-%s/n^2", "1 - %s*n^-2"]) % num_str(C, rng)
        alpha = lambda: [mpmath.sqrt(to_mpf(C)), -mpmath.sqrt(to_mpf(C))]
        gamma = lambda: [mpf(0), mpf(0)]
        zero = real_roots_int_check([-C, Fraction(0), Fraction(1)], n0)
    elif form == 2:    # 1 + C/(n^2+B)
        B = Fraction(rng.randint(1, 30), rng.choice([1, 2, 4]))
        C = Fraction(rng.randint(1, 40), rng.choice([1, 3])) * rng.choice([1, 1, -1])
        if B + C <= 0:
            C = -C
        term = "1 %s %s/(n^2+%s)" % ("+" if C > 0 else "-", num_str(abs(C), rng), num_str(B, rng))
        alpha = lambda: [mpc(0, mpmath.sqrt(to_mpf(B + C))), mpc(0, -mpmath.sqrt(to_mpf(B + C)))]
        gamma = lambda: [mpc(0, mpmath.sqrt(to_mpf(B))), mpc(0, -mpmath.sqrt(to_mpf(B)))]
    elif form == 3:    # (n+a)(n+b)/((n+c)(n+d)), a+b = c+d
        def r():
            return Fraction(rng.randint(-6, 12), rng.choice([1, 1, 2, 3, 4]))
        while True:
            a, b, c = r(), r(), r()
            d = a + b - c
            if n0 + c > 0 and n0 + d > 0 and {a, b} != {c, d}:
                break
        if rng.random() < 0.5:
            term = "(%s)*(%s)/((%s)*(%s))" % (lin_str(a), lin_str(b), lin_str(c), lin_str(d))
        else:
            Kc = a * b - c * d
            den = poly_mul([c, Fraction(1)], [d, Fraction(1)])
            di, l = to_int_poly(den)
            term = "1 %s %s/(%s)" % ("+" if Kc > 0 else "-", num_str(abs(Kc * l), rng), poly_str(di)) if Kc != 0 else "1"
            if Kc == 0:
                return gen_prod_gamma(rng)
        alpha = lambda: [to_mpf(a), to_mpf(b)]
        gamma = lambda: [to_mpf(c), to_mpf(d)]
        zero = sorted(set(int(-x) for x in (a, b) if x.denominator == 1 and -x >= n0))
    else:              # 1 + (e n + f)/((n+c)^2 + g) : degree-2 denominator, degree <= 0 numerator change
        c = Fraction(rng.randint(-3, 6))
        g = Fraction(rng.randint(1, 20), rng.choice([1, 4]))
        K = Fraction(rng.randint(-30, 30) or 7, rng.choice([1, 2, 5]))
        # factor = ((n+c)^2 + g + K)/((n+c)^2 + g)
        if g + K == 0:
            K += 1
        if K == 0:                 # (g = 1, K = -1 above): the factor would be 1
            K = Fraction(1)
        Q = poly_add(poly_mul([c, Fraction(1)], [c, Fraction(1)]), [g])
        Qi, l = to_int_poly(Q)
        term = "1 %s %s/(%s)" % ("+" if K > 0 else "-", num_str(abs(K) * l, rng), poly_str(Qi))
        alpha = lambda: [to_mpf(c) + mpmath.sqrt(mpc(-to_mpf(g + K))), to_mpf(c) - mpmath.sqrt(mpc(-to_mpf(g + K)))]
        gamma = lambda: [to_mpf(c) + mpc(0, mpmath.sqrt(to_mpf(g))), to_mpf(c) - mpc(0, mpmath.sqrt(to_mpf(g)))]
        num = poly_add(Q, [K])
        zero = real_roots_int_check(num, n0)
    accept = {"zero_factor"} if zero else PROD_CONV
    return Case("prod_gamma", "prod", term, n0, digits, accept,
                ref=lambda: ref_gamma(alpha, gamma, n0, digits, zero))


# ---- prod_hugeconst ----------------------------------------------------------


def ref_prod_hugeconst(C, s, n0):
    """log prod_{n>=N0}(1 + C n^-s) = sum F(n), F(x) = log(1 + C x^-s) positive,
    decreasing: int_N0^inf F <= sum <= F(N0) + int_N0^inf F.  With x = C^(1/s) u,
    int_N0^inf F = C^(1/s) (pi/sin(pi/s) - J(v)), v = N0 C^(-1/s), where
    int_0^inf log(1+u^-s) du = s int_0^inf du/(1+u^s) = pi/sin(pi/s) (s > 1)
    and J(v) = int_0^v log(1+u^-s) du is in
    [s(v - v log v), s(v - v log v) + v^(1+s)/(1+s)] (0 <= log(1+u^s) <= u^s)."""
    cs = float(C) ** (1 / float(s)) if float(C) < 1e300 else 1e300
    dps = 40 + int(max(0, math.log10(cs + 1))) + int(math.log10(n0 + 1))
    with mp.workdps(dps):
        Cm, sm = to_mpf(C), to_mpf(s)
        c1s = Cm ** (1 / sm)
        v = n0 / c1s
        j0 = sm * (v - v * mpmath.log(v))
        j1 = j0 + v ** (1 + sm) / (1 + sm)
        Pi = mpmath.pi / mpmath.sin(mpmath.pi / sm)
        Ilo = c1s * (Pi - j1)
        Ihi = c1s * (Pi - j0)
        F0 = mpmath.log(1 + Cm * mpf(n0) ** (-sm))
        pad = mpf(10) ** (-(dps - 20)) * (abs(Ihi) + F0 + 1)
        return Ref(mpmath.exp(Ilo - pad), mpmath.exp(Ihi + F0 + pad),
                   "integral bracket for log P (width F(N0) = %s)" % mpmath.nstr(F0, 5), tight=False)


def gen_prod_hugeconst(rng):
    s = rng.choice([Fraction(11, 10), Fraction(6, 5), Fraction(3, 2), Fraction(2), Fraction(5, 2), Fraction(3),
                    Fraction(101, 100)])
    C = Fraction(10) ** rng.randint(5, 40) if rng.random() < 0.6 else Fraction(rng.randint(10 ** 5, 10 ** 12))
    n0 = pick_from(rng, 0.7, 0.3)
    digits = pick_digits(rng)
    neg, pos = exp_str(s, rng)
    cs = num_str(C, rng)
    term = rng.choice(["1+%s/n^%s" % (cs, pos), "1 + %s*n^%s" % (cs, neg)])
    return Case("prod_hugeconst", "prod", term, n0, digits, PROD_CONV, ref=lambda: ref_prod_hugeconst(C, s, n0))


# ---- stretched exponentials -------------------------------------------------
# f(n) = n^a exp(-c n^s log(n)^t), c > 0, s > 0, t >= 0.


def stretched_term(a, c, s, t, rng):
    cs = num_str(c, rng)
    ss = dec_str(s) if is_decimal(s) else "(%d/%d)" % (s.numerator, s.denominator)
    if t == 0:
        lg = ""
    elif t == 1:
        lg = "*log(n)"
    elif t == Fraction(1, 2) and rng.random() < 0.6:
        lg = "*sqrt(log(n))"
    else:
        lg = "*log(n)^" + (dec_str(t) if is_decimal(t) else "(%d/%d)" % (t.numerator, t.denominator))
    e = "exp(-%s*n^%s%s)" % (cs, ss, lg)
    if a == 0:
        return e
    if a < 0:
        return "%s/n^%s" % (e, dec_str(-a) if is_decimal(-a) else "(%s)" % (-a))
    return "n^%s*%s" % (dec_str(a) if is_decimal(a) else "(%s)" % a, e)


def stretched_tail_bound(a, c, s, t, K):
    """A proven bound for sum_{n>=K} f(n) (K >= 3), or None when the
    conditions fail.  With Y = log K, C = c Y^t: f(n) <= h(n) = n^a exp(-C n^s)
    for n >= K (t >= 0).  If C s K^s >= max(a, 0) then h decreases on [K, inf),
    so sum_{n>=K} h(n) <= h(K) + int_K^inf h; with x = e^y the integral is
    int_Y^inf exp(-chi(y)) dy, chi(y) = C e^(sy) - (a+1) y convex with
    chi'(Y) = m = C s K^s - (a+1): if m > 0, int <= exp(-chi(Y)) / m.
    Returned as the natural log of the bound (mpf)."""
    K = mpf(K)
    Y = mpmath.log(K)
    C = c * Y ** t
    Ks = K ** s
    if C * s * Ks < max(a, 0):
        return None
    m = C * s * Ks - (a + 1)
    if m <= 0:
        return None
    lh = a * Y - C * Ks
    chi = C * Ks - (a + 1) * Y
    # log(h(K) + exp(-chi)/m)
    return mpmath.log(mpmath.exp(lh) + mpmath.exp(-chi) / m)


def ref_stretched_fast(a, c, s, t, n0, digits, kmax=30000):
    """Direct sum of f(n) for N0 <= n < K at digits+40 digits, plus the rest
    bounded by stretched_tail_bound (a one-sided error in [0, bound])."""
    dps = digits + 40
    # float estimate of the cut K; too far -> the caller uses a bracket
    af, cf, sf, tf = float(a), float(c), float(s), float(t)

    def ltail(K):
        Y = math.log(K)
        C = cf * Y ** tf
        m = C * sf * K ** sf - (af + 1)
        if C * sf * K ** sf < max(af, 0) or m <= 0:
            return math.inf
        return max(af * Y - C * K ** sf, -(C * K ** sf - (af + 1) * Y) - math.log(m)) + 1

    lf0 = af * math.log(n0) - cf * n0 ** sf * (math.log(n0) ** tf if tf else 1.0) if n0 > 1 else 0.0
    goal = lf0 - (dps + 8) * math.log(10)
    K = max(n0, 3)
    while ltail(K) > goal:
        K *= 2
        if K - n0 > kmax:
            return None
    with mp.workdps(dps + 10):
        am, cm, sm, tm = to_mpf(a), to_mpf(c), to_mpf(s), to_mpf(t)
        total = mpf(0)
        n = n0
        eps = mpf(2) ** (-mp.prec)
        lrel = -(dps + 5) * math.log(10)
        maxarg = mpf(0)
        while True:
            if n >= 3 and (n - n0) % 64 == 0 and total > 0:
                lb = stretched_tail_bound(am, cm, sm, tm, n)
                if lb is not None and lb - mpmath.log(total) < lrel:
                    break
            ln = mpmath.log(n)
            arg = am * ln - cm * mpmath.exp(sm * ln) * (ln ** tm if t != 0 else 1)
            maxarg = max(maxarg, abs(arg))
            total += mpmath.exp(arg)
            n += 1
            if n - n0 > kmax:
                return None
        tail = mpmath.exp(lb)
        # each term: exp of an argument computed with error <~ 4 |arg| eps
        # (a, c, s, t rounded to the working precision included)
        rad_round = (n - n0 + 5) * eps * total * (20 + 8 * maxarg * (1 + mpmath.log(n)))
        return Ref(total - rad_round, total + tail + rad_round,
                   "direct sum of %d terms + proven tail <= %s" % (n - n0, mpmath.nstr(tail, 3)), True)


def _logaddexp(x, y):
    if x == -math.inf:
        return y
    if y == -math.inf:
        return x
    m = max(x, y)
    return m + math.log(math.exp(x - m) + math.exp(y - m))


def stretched_bracket(a, c, s, t, n0, eps_bin=0.02, ndirect=2000):
    """A proven bracket (logL, logU) with exp(logL) <= sum_{n>=N0} f(n) <= exp(logU),
    f(n) = n^a exp(-c n^s log(n)^t), c, s > 0, t >= 0, by binning the integers:
    for n in a bin with y = log n in [y1, y2],
    f(n) >= exp(min(a y1, a y2) - c e^(s y2) y2^t) and
    f(n) <= exp(max(a y1, a y2) - c e^(s y1) y1^t) (each part is monotone in y).
    Bins are runs of consecutive integers (exact counts) below 2^53 and real
    intervals [e^y1, e^y2) above, holding between X2 - X1 - 1 and X2 - X1 + 1
    integers (the switch at 2^53 is padded by 1000 integers each way).  Past
    the last bin the rest is bounded by stretched_tail_bound.  Computed in
    floats in the log domain; every log-value is padded by 1e-9 (1 + |value|)
    (the float errors are below 1e-13 relative), so the bracket is proven."""
    af, cf, sf, tf = float(a), float(c), float(s), float(t)

    def E(y):            # c e^(s y) y^t
        try:
            return cf * math.exp(sf * y) * (y ** tf if tf else 1.0)
        except OverflowError:
            return math.inf

    def phi(y):          # log f(e^y)
        return af * y - E(y)

    def pad(x):
        return 1e-9 * (1 + abs(x))

    def rate(y):         # |d/dy| of the two monotone parts: sets the bin width
        return abs(af) + E(y) * (sf + (tf / y if y > 0 else 0)) + 1e-12

    # coarse scan: peak of y + phi(y) (log of the mass per unit of y)
    y0 = math.log(max(n0, 1))
    best = -math.inf
    last_good = y0
    y = y0
    while True:
        v = y + phi(y)
        best = max(best, v)
        if v > best - 250:
            last_good = y
        if v < best - 300 and y > y0 + 10 and phi(y) < -50:
            break
        y += 0.05 * (1 + y / 20)
        if y > 1e7:
            raise RefError("stretched_bracket: no end found")
    logL = -math.inf
    logU = -math.inf

    def add(cnt_lo, cnt_hi, y1, y2):
        nonlocal logL, logU
        lo = min(af * y1, af * y2) - E(y2)
        hi = max(af * y1, af * y2) - E(y1)
        if lo != -math.inf and cnt_lo != -math.inf:
            logL = _logaddexp(logL, cnt_lo + lo - pad(lo) - pad(cnt_lo))
        if hi != -math.inf:
            logU = _logaddexp(logU, cnt_hi + hi + pad(hi) + pad(cnt_hi))

    def width(y):
        e = eps_bin if y + phi(y) > best - 60 else min(1.0, 20 * eps_bin)
        return max(1e-7, min(1.0, e / rate(y)))

    def tail(K):
        """log of the tail bound from the real K, or None if not yet small."""
        Kf = float(K)
        Y = math.log(Kf)
        Cf = cf * Y ** tf
        try:
            m = Cf * sf * Kf ** sf - (af + 1)
            if Cf * sf * Kf ** sf < max(af, 0) or m <= 0 or \
                    max(af * Y - Cf * Kf ** sf, (af + 1) * Y - Cf * Kf ** sf - math.log(m)) > best - 59:
                return None
        except OverflowError:
            pass
        with mp.workdps(30):
            lt = stretched_tail_bound(to_mpf(a), to_mpf(c), to_mpf(s), to_mpf(t), K)
        if lt is None or float(lt) > best - 60:
            return None
        return float(lt)

    n = n0
    for n in range(n0, n0 + ndirect):
        v = phi(math.log(n))
        if v != -math.inf:
            logL = _logaddexp(logL, v - pad(v))
            logU = _logaddexp(logU, v + pad(v))
    n = n0 + ndirect
    LIM = 2 ** 53
    lt = None
    while n < LIM:
        y1 = math.log(n)
        if y1 > last_good and y1 + phi(y1) < best - 80:
            lt = tail(mpf(n))
            if lt is not None:
                break
        d = width(y1)
        n2 = min(max(n + 1, int(n * math.exp(d))), LIM)
        y2 = math.log(n2 - 1)
        cnt = math.log(n2 - n)
        add(cnt, cnt, y1, y2)
        n = n2
    if lt is None:
        # real bins [e^y1, e^y2) from about 2^53 on
        y1 = math.log(LIM)
        first = True
        while True:
            if y1 > last_good and y1 + phi(y1) < best - 80:
                with mp.workdps(40):
                    K = mpmath.exp(mpf(y1)) * (1 - mpf(10) ** -20)
                lt = tail(K)
                if lt is not None:
                    break
            d = width(y1)
            y2 = y1 + d
            dd = y2 - y1          # exact (Sterbenz)
            w = math.expm1(dd)
            extra = 1000.0 if first else 0.0
            first = False
            cnt_hi = y1 + math.log(w + (1 + extra) * math.exp(-y1))
            lo_c = w - (1 + extra) * math.exp(-y1)
            cnt_lo = y1 + math.log(lo_c) if lo_c > 0 else -math.inf
            add(cnt_lo, cnt_hi, y1, y2)
            y1 = y2
            if y1 > 1e7:
                raise RefError("stretched_bracket: too many bins")
    logU = _logaddexp(logU, lt + pad(lt))
    return logL - pad(logL), logU + pad(logU)


def ref_stretched_slow(a, c, s, t, n0):
    lL, lU = stretched_bracket(a, c, s, t, n0)
    with mp.workdps(30):
        return Ref(mpmath.exp(mpf(lL)), mpmath.exp(mpf(lU)),
                   "proven bracket by binning (log-width %.3g)" % (lU - lL), tight=False)


def gen_stretched_fast(rng):
    s = rng.choice([Fraction(1, 2), Fraction(3, 10), Fraction(7, 10), Fraction(1), Fraction(1, 3), Fraction(9, 10),
                    Fraction(1, 4)])
    t = rng.choice([Fraction(0), Fraction(1, 4), Fraction(1, 2), Fraction(1), Fraction(2)])
    c = Fraction(rng.randint(1, 10), rng.choice([1, 2, 4]))
    a = Fraction(rng.choice([-2, -1, 0, 0, 0, 1, 2, 3]))
    if rng.random() < 0.2:
        a = Fraction(rng.randint(-30, 30), 10)
    n0 = rng.choice([1, 1, 2, 3, 5, 10, rng.randint(1, 200)])
    digits = rng.randint(5, 60) if rng.random() < 0.8 else rng.randint(61, 150)
    term = stretched_term(a, c, s, t, rng)

    def ref():
        r = ref_stretched_fast(a, c, s, t, n0, digits, kmax=20000 if digits <= 60 else 6000)
        if r is None:
            return ref_stretched_slow(a, c, s, t, n0)
        return r
    return Case("stretched_fast", "sum", term, n0, digits, SUM_CONV, ref=ref)


def gen_stretched_slow(rng):
    s = rng.choice([Fraction(1, 1000), Fraction(1, 500), Fraction(1, 200), Fraction(1, 100), Fraction(1, 50),
                    Fraction(1, 20), Fraction(1, 10)])
    t = rng.choice([Fraction(0), Fraction(1, 4), Fraction(1, 2), Fraction(1)])
    c = Fraction(rng.randint(5, 100))
    a = Fraction(rng.choice([0, 0, -1, -2, 1]))
    n0 = rng.choice([1, 1, 2, 10, rng.randint(1, 10 ** 6)])
    digits = pick_digits(rng) if rng.random() < 0.3 else rng.randint(5, 30)
    # keep the true value representable for the bracket's float pass
    term = stretched_term(a, c, s, t, rng)
    return Case("stretched_slow", "sum", term, n0, digits, SUM_CONV,
                ref=lambda: ref_stretched_slow(a, c, s, t, n0))


# ---- stretched_undef -------------------------------------------------------------


def radicand_negative(k, c, s, t, n, dps=60):
    """1 - n^k exp(-c n^s log(n)^t) < 0 at the integer n, decided at dps
    digits with a margin (None if too close to call)."""
    with mp.workdps(dps):
        ln = mpmath.log(n)
        D = k * ln - to_mpf(c) * mpf(n) ** to_mpf(s) * (ln ** to_mpf(t) if t != 0 else 1)
        if D > mpf(10) ** (-(dps - 20)) * (1 + abs(k * ln)):
            return True
        if D < -mpf(10) ** (-(dps - 20)) * (1 + abs(k * ln)):
            return False
        return None


def gen_stretched_undef(rng):
    """sum sqrt(1 - n^k exp(-c n^s log(n)^t))/n^2: the radicand is negative
    where D(y) = k y - c e^(sy) y^t > 0 (y = log n).  If some integer n >= N0
    has D > 0 (found by a scan, confirmed at 60 digits) the term is undefined
    there: a verdict is wrong; an 'undefined at n = m' message must name an
    m with D(log m) > 0.  Otherwise (D < 0 proven on bins: on [y1, y2],
    D <= k y2 - c e^(s y1) y1^t; past the point where c s e^(sy) y^t >= k, D
    decreases) the sum converges and lies in [zeta(2,N0) - E, zeta(2,N0)],
    E = sum n^(k-2) exp(-c n^s log(n)^t) bounded above by stretched_bracket,
    since 1 - u <= sqrt(1 - u) <= 1 for u in [0, 1].  D'(y) <= k - c s e^(sy) y^t
    (t >= 0), whose right side decreases: once it is <= 0, D decreases for good."""
    k = rng.choice([2, 3, 4, 4, 6])
    s = rng.choice([Fraction(1, 100), Fraction(1, 200), Fraction(1, 50), Fraction(1, 20), Fraction(1, 10)])
    t = rng.choice([Fraction(0), Fraction(1, 2), Fraction(1, 4)])
    c = Fraction(rng.randint(2, 30)) if rng.random() < 0.3 else Fraction(rng.randint(10, 40))
    ymax = 0.9 * (1 - float(t)) / float(s)
    if rng.random() < 0.5 and ymax > math.log(200):
        # put the left end of {D > 0} near y_L: c ~ k y_L^(1-t) e^(-s y_L),
        # rounded to 3 digits (down: undefined from about e^y_L on; up: D may
        # stay just below 0, a defined term that is close to undefined)
        yl = rng.uniform(math.log(100), min(ymax, 50.0))
        c0 = k * yl ** (1 - float(t)) * math.exp(-float(s) * yl)
        e = math.floor(math.log10(c0)) - 2
        m = math.floor(c0 / 10 ** e) + rng.choice([0, 0, 1])
        c = Fraction(m) * Fraction(10) ** e
    n0 = rng.choice([1, 2, 2, 10, rng.randint(1, 10 ** 4)])
    digits = rng.randint(5, 40)
    kf, cf, sf, tf = float(k), float(c), float(s), float(t)

    def D(y):
        try:
            return kf * y - cf * math.exp(sf * y) * (y ** tf if tf else 1.0)
        except OverflowError:
            return -math.inf
    # scan y in [log n0, where D is decreasing and negative]
    y = math.log(max(n0, 1))
    best_y, best = None, -math.inf
    while True:
        v = D(y)
        if v > best:
            best, best_y = v, y
        # derivative part c e^(sy) y^t (s + t/y) >= k and D < 0: D decreasing from here
        # D'(y) = k - c e^(sy) (s y^t + t y^(t-1)) <= k - c s e^(sy) y^t, and
        # c s e^(sy) y^t increases: once it is >= k, D decreases for good
        g = cf * sf * math.exp(sf * y) * (y ** tf if tf else 1.0)
        if y > 1 and g >= kf and v < 0 and (best < 0 or y > best_y):
            break
        y += 0.01 * (1 + y / 50)
        if y > 1e6:
            raise RefError("undef: scan did not end")
    nn = None
    if best > 1e-6:
        # the witness: the first integer past the left end of {D > 0}
        # (bisection in y), else one near the maximum of D
        lo_y, hi_y = math.log(max(n0, 1)), best_y
        if D(lo_y) > 0:
            cands = [n0]
        else:
            for _ in range(200):
                mid = (lo_y + hi_y) / 2
                if D(mid) > 0:
                    hi_y = mid
                else:
                    lo_y = mid
            with mp.workdps(int(hi_y / 2.3) + 30):
                first = int(mpmath.ceil(mpmath.exp(mpf(lo_y))))
            cands = [max(n0, first + j) for j in range(0, 40)]
        with mp.workdps(int(best_y / 2.3) + 30):
            cands.append(max(n0, int(mpmath.nint(mpmath.exp(mpf(best_y))))))
        for m in cands:
            if radicand_negative(k, c, s, t, m, dps=int(math.log10(m + 1)) + 60) is True:
                nn = m
                break
    term_core = stretched_term(Fraction(0), c, s, t, rng)   # exp(-c*n^s...)
    term = "sqrt(1-n^%d*%s)/n^2" % (k, term_core)
    if nn is not None:
        def undefined_at(m):
            return radicand_negative(k, c, s, t, m) is True
        return Case("stretched_undef", "sum", term, n0, digits, set(),
                    undefined=(nn, undefined_at), note="radicand < 0 at n = %d" % nn)
    # prove D < 0 on all y >= log n0 (n >= 2; n = 1 gives radicand 1 - e^0 or 1 - e^-c >= 0)
    y1 = math.log(max(n0, 2))
    while True:
        g = cf * sf * math.exp(sf * y1) * (y1 ** tf if tf else 1.0)    # as above
        if y1 > 1 and g >= kf and D(y1) < -1e-6:
            break
        h = 0.5 * -D(y1) / kf
        if not h > 1e-7:
            return gen_stretched_undef(rng)     # D touches 0: another case
        y2 = y1 + h
        ub = kf * y2 - cf * math.exp(sf * y1) * (y1 ** tf if tf else 1.0)
        if not ub < -1e-9 * (1 + kf * y2):
            return gen_stretched_undef(rng)     # cannot prove either way: another case
        y1 = y2

    def ref():
        with mp.workdps(digits + 40):
            z, e = hurwitz(mpf(2), mpf(n0), mpf(10) ** (-(digits + 45)))
        lL, lU = stretched_bracket(Fraction(k - 2), c, s, t, n0)
        with mp.workdps(digits + 40):
            E = mpmath.exp(mpf(lU))
            return Ref(z - e - E, z + e, "[zeta(2,N0) - E, zeta(2,N0)], E <= %s" % mpmath.nstr(E, 5), tight=False)
    return Case("stretched_undef", "sum", term, n0, digits, SUM_CONV, ref=ref, note="defined everywhere")


# ---- divergent / verdict-only -----------------------------------------------------


def gen_divergent(rng):
    n0 = pick_from(rng, 0.5, 0.3)
    digits = rng.randint(5, 40)
    u = rng.randrange(9)
    if u == 0:
        s = rng.choice([Fraction(1), Fraction(999999, 1000000), Fraction(1, 2), Fraction(1, 3), Fraction(99, 100)])
        neg, pos = exp_str(s, rng)
        term = rng.choice(["n^" + neg, "1/n^" + pos, "3*n^" + neg]) if s != 1 else rng.choice(["1/n", "2/n", "n^-1"])
        return Case("divergent", "sum", term, n0, digits, {"diverges"})
    if u == 1:
        a = rng.randint(0, 9)
        c = rng.randint(1, 9) * rng.choice([1, -1])
        return Case("divergent", "sum", "%d/(n+%d)" % (c, a), n0, digits, {"diverges"})
    if u == 2:
        r = rng.choice(["(3/2)", "(-1)", "1", "(-5/4)", "2", "(11/10)"])
        # |r| = 1: only k >= 0 (1^n/n^2 and (-1)^n/n converge)
        k = rng.choice(["", "*n"] if r in ("(-1)", "1") else ["", "/n", "/n^2", "*n"])
        return Case("divergent", "sum", r + "^n" + k, min(n0, 10 ** 4), digits, {"diverges"})
    if u == 3:
        s = rng.choice([Fraction(1), Fraction(1, 2), Fraction(999, 1000)])
        neg, pos = exp_str(s, rng)
        c = num_str(Fraction(rng.randint(1, 9), rng.choice([1, 2])), rng)
        return Case("divergent", "prod", "1+%s*n^%s" % (c, neg), n0, digits, {"diverges"})
    if u == 4:
        s = rng.choice([Fraction(1), Fraction(1, 2), Fraction(999, 1000)])
        neg, pos = exp_str(s, rng)
        c = Fraction(rng.randint(1, 9), 10)
        return Case("divergent", "prod", "1-%s*n^%s" % (num_str(c, rng), neg), max(n0, 2), digits, {"diverges_to_zero"},
                    ref=lambda: Ref(mpf(0), mpf(0), "partial products -> 0"))
    if u == 5:
        # exp(-c log(n)^t), t < 1: eventually >> 1/n, diverges (possibly only for astronomically large n)
        t = rng.choice([Fraction(1, 2), Fraction(9, 10), Fraction(99, 100), Fraction(3, 4)])
        c = rng.randint(1, 30)
        ts = dec_str(t)
        return Case("divergent", "sum", "exp(-%d*log(n)^%s)" % (c, ts), max(n0, 2), digits, {"diverges"})
    if u == 6:
        # 1/(n log n) and 1/(n log n log log n) diverge
        return Case("divergent", "sum", rng.choice(["1/(n*log(n))", "1/(n*log(n)*log(log(n)))", "log(n)/n"]),
                    max(n0, 3), digits, {"diverges"})
    if u == 7:
        # convergent without a closed form: 1/(n log(n)^2), n^-1.5 log(n)^10  (verdict only)
        term = rng.choice(["1/(n*log(n)^2)", "log(n)^10/n^1.5", "1/(n*log(n)^1.01)", "exp(-sqrt(log(n)))/n^1.001"])
        return Case("conv_noref", "sum", term, max(n0, 2), digits, {"converges"})
    # constant factors
    r = rng.choice([("2", "diverges"), ("(1/2)", "diverges_to_zero"), ("(3/2)", "diverges"), ("(9/10)", "diverges_to_zero")])
    ref = (lambda: Ref(mpf(0), mpf(0), "r^n -> 0")) if r[1] == "diverges_to_zero" else None
    return Case("divergent", "prod", r[0], n0, digits, {r[1]}, ref=ref)


# ---- the examples (pinned) -----------------------------------------------------


def pinned_cases():
    rng = random.Random(0)
    out = []
    a, c, s, t = Fraction(0), Fraction(60), Fraction(1, 1000), Fraction(1, 4)
    out.append(Case("pinned", "sum", "exp(-60*n^0.001*log(n)^0.25)", 1, 15, SUM_CONV,
                    ref=lambda: ref_stretched_slow(a, c, s, t, 1)))
    # sqrt(1 - n^4 exp(-15 n^0.01 sqrt(log n)))/n^2 from 2: undefined at n = 2676157854 (and beyond)
    k, c2, s2, t2 = 4, Fraction(15), Fraction(1, 100), Fraction(1, 2)
    out.append(Case("pinned", "sum", "sqrt(1 - n^4*exp(-15*n^0.01*sqrt(log(n))))/n^2", 2, 15, set(),
                    undefined=(3000000000, lambda m: radicand_negative(k, c2, s2, t2, m) is True),
                    note="radicand < 0 at n = 3000000000"))
    out.append(make_zeta_power(Fraction(1), Fraction(1000001, 1000000), 18500000000000, 60, rng, "pinned"))
    out[-1].term = "n^-1.000001"
    out.append(make_zeta_power(Fraction(1), Fraction(6, 5), 4611686018427387904, 100, rng, "pinned"))
    out[-1].term = "n^-1.2"
    out.append(make_prod_pow(1, Fraction(1), Fraction(6, 5), 4611686018427387904, 100, rng, "pinned"))
    out[-1].term = "1 + n^-1.2"
    C = Fraction(10) ** 30
    out.append(Case("pinned", "prod", "1 + 10^30/n^2", 1, 15, PROD_CONV,
                    ref=lambda: ref_gamma(lambda: [mpc(0, mpf(10) ** 15), mpc(0, -mpf(10) ** 15)],
                                          lambda: [mpf(0), mpf(0)], 1, 15, [])))
    out.append(Case("pinned", "prod", "1 + 10^30/n^1.1", 1, 15, PROD_CONV,
                    ref=lambda: ref_prod_hugeconst(C, Fraction(11, 10), 1)))
    return out


FAMILIES = [
    ("zeta_power", gen_zeta_power, 15),
    ("ratfun", gen_ratfun, 10),
    ("alternating", gen_alternating, 10),
    ("geometric", gen_geometric, 10),
    ("prod_zeta", gen_prod_zeta, 12),
    ("prod_gamma", gen_prod_gamma, 12),
    ("prod_hugeconst", gen_prod_hugeconst, 4),
    ("stretched_fast", gen_stretched_fast, 8),
    ("stretched_slow", gen_stretched_slow, 5),
    ("stretched_undef", gen_stretched_undef, 5),
    ("divergent", gen_divergent, 9),
]


def make_case(seed, index, families, npinned):
    if index < npinned:
        return pinned_cases()[index]
    rng = random.Random("%s-%d" % (seed, index))
    fams = [f for f in FAMILIES if f[0] in families]
    tot = sum(w for _, _, w in fams)
    u = rng.random() * tot
    for name, gen, w in fams:
        if u < w:
            return gen(rng)
        u -= w
    return fams[-1][1](rng)


# ---------------------------------------------------------------------------
# reading infcert's output and checking it
# ---------------------------------------------------------------------------
DEC_RE = re.compile(r"^([+-]?)(\d+)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$")


def parse_dec(sx, prec):
    """An mpf interval [lo, hi] containing the decimal string's exact value
    (at precision prec bits; |x - D 10^E| <= 2^(3-prec) |x|)."""
    m = DEC_RE.match(sx.strip())
    if not m:
        raise ValueError("not a decimal: %r" % sx)
    sign, ip, fp, ex = m.group(1), m.group(2), m.group(3) or "", m.group(4) or "0"
    D = int(ip + fp)
    E = int(ex) - len(fp)
    with mp.workprec(max(prec, D.bit_length() + 64)):
        x = mpf(D) * mpf(10) ** E
        if sign == "-":
            x = -x
        d = abs(x) * mpf(2) ** (3 - mp.prec)
        return x - d, x + d


def run_case(case, binary, timeout):
    argv = case.argv(binary, timeout)
    t0 = time.monotonic()
    killed = False
    try:
        p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=timeout + SLACK + KILL_AFTER)
        rc, out, err = p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired as e:
        killed = True
        rc, out, err = None, (e.stdout or b"").decode("utf-8", "replace"), (e.stderr or b"").decode("utf-8", "replace")
    return rc, out, err, time.monotonic() - t0, killed


def check_case(case, ref, rc, out, err, elapsed, killed, timeout):
    """Returns (status, detail).  status: pass, unknown, resource, timeout,
    inconclusive (ok, reference too close to an end), or a failure kind:
    crash, hang, overtime, bad-output, bad-input, wrong-verdict, miss,
    digits-claim, undefined-missed, false-undefined."""
    if killed:
        return "hang", "killed after %.1f s (no answer within --timeout %s + %s s)" % (elapsed, timeout, SLACK + KILL_AFTER)
    if rc is None or rc < 0 or rc not in (0, 2, 3, 4, 5, 6):
        return "crash", "exit %s; stderr: %s" % (rc if rc is None or rc >= 0 else "signal %d" % -rc, err.strip()[-300:])
    over = elapsed > timeout + SLACK
    if case.undefined is not None:
        # the term is undefined at some n >= N0
        if rc == 2:
            m = re.search(r"term undefined at n = (\d+)", err)
            if not m:
                return "bad-output", "exit 2 without 'term undefined at n = ...': %s" % err.strip()[:300]
            nn = int(m.group(1))
            if nn < case.n0 or not case.undefined[1](nn):
                return "false-undefined", "says undefined at n = %d, where the radicand is >= 0 (it is negative at n = %d)" % (nn, case.undefined[0])
            return ("overtime", "%.1f s" % elapsed) if over else ("pass", "undefined at n = %d" % nn)
    if rc == 2 and case.n0 > 2 ** 62 and "--from must be at most 2^62" in err:
        return "pass", "--from beyond the documented 2^62 limit refused"
    if rc == 2:
        return "bad-input", "exit 2 on a term defined for all n >= N0: %s" % err.strip()[:300]
    if rc in (4,) and not out.strip():
        return ("overtime", "%.1f s" % elapsed) if over else ("resource", err.strip()[:200])
    try:
        d = json.loads(out)
    except ValueError:
        if rc in (4, 5):
            return ("overtime", "%.1f s" % elapsed) if over else ("resource" if rc == 4 else "timeout", err.strip()[:200])
        return "bad-output", "exit %d, stdout not JSON: %r" % (rc, out[:300])
    v = d.get("verdict")
    if case.undefined is not None:
        if v not in (None, "unknown"):
            return "undefined-missed", "verdict %s for a term undefined at n = %d (%s)" % (v, case.undefined[0], case.note)
    elif v not in (None, "unknown") and v not in case.accept:
        return "wrong-verdict", "verdict %s, want %s" % (v, "/".join(sorted(case.accept)))
    lim = d.get("limit")
    detail = "verdict %s" % v
    # README "Exit status": 6 is a verdict with fewer digits than asked for
    # no resource limit (its enclosure is checked like that of exit 0)
    status = {0: "pass", 3: "unknown", 4: "resource", 5: "timeout", 6: "pass"}[rc]
    if rc == 0 and v == "unknown":
        return "bad-output", "exit 0 with verdict unknown"
    if rc == 3 and v not in (None, "unknown"):
        return "bad-output", "exit 3 with verdict %s" % v
    if rc in (4, 5, 6) and v not in (None, "unknown") and "limit_note" not in d \
            and not (d.get("digits", 0) or 0) < d.get("digits_wanted", case.digits):
        # a verdict with exit 4, 5 or 6 has fewer digits than asked, or no
        # certified digit and says why in limit_note
        return "bad-output", "exit %d with verdict %s, every digit asked and no limit_note" % (rc, v)
    if lim is not None:
        try:
            los, his = lim["lo"], lim["hi"]
        except (KeyError, TypeError):
            return "bad-output", "limit without lo/hi: %r" % lim
        if ref is not None:
            prec = int(3.33 * (len(los) + len(his) + case.digits)) + 256
            try:
                L = parse_dec(los, prec)
                H = parse_dec(his, prec)
            except ValueError as e:
                return "bad-output", str(e)
            with mp.workprec(prec):
                if L[0] > H[1]:
                    return "bad-output", "lo > hi: [%s, %s]" % (los, his)
                if ref.hi < L[0] or ref.lo > H[1]:
                    side = "below lo" if ref.hi < L[0] else "above hi"
                    gap = (L[0] - ref.hi) if ref.hi < L[0] else (ref.lo - H[1])
                    mag = max(abs(ref.lo), abs(ref.hi))
                    agree = ""
                    if mag > 0 and gap > 0:
                        agree = " (wrong from about significant digit %d)" % max(1, int(mpmath.floor(-mpmath.log10(gap / mag))) + 1)
                    return "miss", "true value %s lies %s of [%s, %s]%s" % (
                        ref.describe(min(max(case.digits + 10, 36), 320)), side, los, his, agree)
                # digits claim: width <= 10^(e-d+1), 10^e <= |limit| (permissive e)
                dg = d.get("digits", 0) or 0
                if dg > 0:
                    mx = max(abs(L[0]), abs(H[1]))
                    if mx > 0:
                        e = int(mpmath.floor(mpmath.log10(mx))) + 1
                        if H[0] - L[1] > mpf(10) ** (e - dg + 1):
                            return "digits-claim", "claims %d digits but [%s, %s] is wider than 10^(%d)" % (dg, los[:60], his[:60], e - dg + 1)
                if ref.tight and not (L[1] <= ref.lo and ref.hi <= H[0]) and status == "pass":
                    status = "inconclusive"
                    detail += "; reference interval overlaps an end of [lo, hi]"
            detail += ", limit checked"
    if over:
        return "overtime", "%.1f s with --timeout %s" % (elapsed, timeout)
    return status, detail


# ---------------------------------------------------------------------------
# self-test of the references and of the checker against textbook values
# ---------------------------------------------------------------------------


def _nsum20(f):
    with mp.workdps(20):     # (nsum at 130 digits takes 11 s; 1e-12 is plenty for a bracket)
        return mpmath.nsum(f, [1, mpmath.inf])


def selftest():
    """The reference machinery on sums and products of known value, and the
    checker on made-up outputs.  Returns [(name, ok, detail)]."""
    out = []
    F = Fraction
    with mp.workdps(130):      # the references below are good to ~1e-95
        pi = +mpmath.pi
        known = [
            ("zeta(2) = pi^2/6", lambda: ref_zeta_power(F(1), F(2), 1, 60), pi ** 2 / 6),
            ("zeta(4) = pi^4/90", lambda: ref_zeta_power(F(1), F(4), 1, 60), pi ** 4 / 90),
            ("sum n^-2 from 2^62 (1/N + 1/(2N^2) + 1/(6N^3) - ...)", lambda: ref_zeta_power(F(1), F(2), 2 ** 62, 50),
             1 / mpf(2 ** 62) + 1 / (2 * mpf(2 ** 62) ** 2) + 1 / (6 * mpf(2 ** 62) ** 3) - 1 / (30 * mpf(2 ** 62) ** 5)),
            ("sum (-1)^n/n = -log 2", lambda: ref_alternating(F(1), F(1), 1, 60, 0), -mpmath.log(2)),
            ("sum (-1)^(n+1)/n^2 = pi^2/12", lambda: ref_alternating(F(1), F(2), 1, 60, 1), pi ** 2 / 12),
            ("sum (-1)^n/sqrt(n) = (sqrt2-1) zeta(1/2)", lambda: ref_alternating(F(1), F(1, 2), 1, 60, 0),
             (mpmath.sqrt(2) - 1) * mpmath.zeta(mpf(1) / 2)),
            ("sum (1/2)^n/n = log 2", lambda: ref_geometric(F(1), lambda: mpf(1) / 2, -1, 1, 60), mpmath.log(2)),
            ("sum n^2 (1/3)^n = 3/2", lambda: ref_geometric(F(1), lambda: mpf(1) / 3, 2, 1, 60), mpf(3) / 2),
            ("sum 1/(n(n+1)) = 1", lambda: ref_ratfun([("simple", F(1), F(0), None), ("simple", F(-1), F(1), None)], 1, 60), mpf(1)),
            ("sum 1/(n^2+1) = (pi coth pi - 1)/2", lambda: ref_ratfun([("quad", F(1), F(0), F(1))], 1, 60),
             (pi * mpmath.coth(pi) - 1) / 2),
            ("sum 1/(n+1/2)^3 from 0 = 7 zeta(3)", lambda: ref_ratfun([("triple", F(1), F(1, 2), None)], 0, 60), 7 * mpmath.zeta(3)),
            ("prod_{n>=2} (1 - n^-2) = 1/2", lambda: ref_prod_pow(-1, F(1), F(2), 2, 60), mpf(1) / 2),
            ("prod (1 + n^-2) = sinh(pi)/pi", lambda: ref_prod_pow(1, F(1), F(2), 1, 60), mpmath.sinh(pi) / pi),
            ("prod (1 + 4 n^-2) = sinh(2pi)/(2pi)", lambda: ref_prod_pow(1, F(4), F(2), 1, 60), mpmath.sinh(2 * pi) / (2 * pi)),
            ("prod (1 - 1/(4n^2)) = 2/pi (Wallis)",
             lambda: ref_gamma(lambda: [mpf(1) / 2, -mpf(1) / 2], lambda: [mpf(0), mpf(0)], 1, 60, []), 2 / pi),
            ("prod (1 + 9/n^2) = sinh(3pi)/(3pi)",
             lambda: ref_gamma(lambda: [mpc(0, 3), mpc(0, -3)], lambda: [mpf(0), mpf(0)], 1, 60, []), mpmath.sinh(3 * pi) / (3 * pi)),
            ("prod (1 + n^-2) in the integral bracket", lambda: ref_prod_hugeconst(F(1), F(2), 1), mpmath.sinh(pi) / pi),
            ("prod (1 + 10^6 n^-2) in the integral bracket", lambda: ref_prod_hugeconst(F(10 ** 6), F(2), 1),
             mpmath.sinh(1000 * pi) / (1000 * pi)),
            ("sum e^-n = 1/(e-1)", lambda: ref_stretched_fast(F(0), F(1), F(1), F(0), 1, 60), 1 / (mpmath.e - 1)),
            ("sum n^-n (sophomore's dream)", lambda: ref_stretched_fast(F(0), F(1), F(1), F(1), 1, 40),
             mpmath.quad(lambda x: x ** (-x), [0, 1])),
            ("sum e^-n in the binning bracket", lambda: ref_stretched_slow(F(0), F(1), F(1), F(0), 1), 1 / (mpmath.e - 1)),
            ("sum n^2 e^-sqrt(n) in the binning bracket (EM: 2 Gamma(6) - ...)",
             lambda: ref_stretched_slow(F(2), F(1), F(1, 2), F(0), 1),
             _nsum20(lambda n: n ** 2 * mpmath.exp(-mpmath.sqrt(n)))),
        ]
    for name, fn, want in known:
        try:
            r = fn()
            with mp.workdps(130):
                ok = r.lo - mpf(10) ** -110 <= want <= r.hi + mpf(10) ** -110
                if ok and r.tight:
                    ok = (r.hi - r.lo) <= abs(want) * mpf(10) ** -40 + mpf(10) ** -70
                out.append((name, ok, "%s; want %s" % (r.describe(), mpmath.nstr(want, 40))))
        except Exception as e:        # a failure of the machinery is a failure
            out.append((name, False, "%s: %s" % (type(e).__name__, e)))
    # the checker on made-up outputs
    c = Case("selftest", "sum", "1/n^2", 1, 10, SUM_CONV)
    with mp.workdps(60):
        ref = value_ref(+mpmath.pi ** 2 / 6, mpf(10) ** -50, "pi^2/6")

    def js(lo, hi, digits=10, verdict="converges"):
        return json.dumps({"verdict": verdict, "limit": {"lo": lo, "hi": hi}, "digits": digits})
    checks = [
        ("checker: containing interval passes", js("1.644934066", "1.644934067"), 0, "pass"),
        ("checker: interval below the value is a miss", js("1.644934065", "1.644934066"), 0, "miss"),
        ("checker: interval above the value is a miss", js("1.6449340669", "1.645"), 0, "miss"),
        ("checker: exponent notation", js("16449340668e-10", "0.16449340669E1"), 0, "pass"),
        ("checker: too many digits claimed", js("1.6", "1.7", digits=10), 0, "digits-claim"),
        ("checker: wrong verdict", js("1.6", "1.7", digits=1, verdict="diverges"), 0, "wrong-verdict"),
        ("checker: exit 1 is a crash", "", 1, "crash"),
        ("checker: signal is a crash", "", -6, "crash"),
        ("checker: exit 2 on a defined term", "", 2, "bad-input"),
        ("checker: unknown passes", json.dumps({"verdict": "unknown"}), 3, "unknown"),
        ("checker: lo > hi", js("1.7", "1.6", digits=1), 0, "bad-output"),
    ]
    for name, stdout, rc, want in checks:
        st, det = check_case(c, ref, rc, stdout, "", 0.1, False, 5)
        out.append((name, st == want, "got %s (%s), want %s" % (st, det, want)))
    st, det = check_case(c, ref, None, "", "", 9.0, True, 5)
    out.append(("checker: a kill is a hang", st == "hang", st))
    st, det = check_case(c, ref, 0, js("1.644934066", "1.644934067"), "", 9.5, False, 5)
    out.append(("checker: past --timeout + slack is overtime", st == "overtime", st))
    u = Case("selftest", "sum", "sqrt(n-5)", 1, 10, set(), undefined=(1, lambda m: m < 5))
    st, det = check_case(u, None, 2, "", "infcert: term undefined at n = 3: sqrt of a negative number", 0.1, False, 5)
    out.append(("checker: a true 'undefined at n'", st == "pass", st))
    st, det = check_case(u, None, 2, "", "infcert: term undefined at n = 7: sqrt of a negative number", 0.1, False, 5)
    out.append(("checker: a false 'undefined at n'", st == "false-undefined", st))
    st, det = check_case(u, None, 0, json.dumps({"verdict": "converges"}), "", 0.1, False, 5)
    out.append(("checker: a verdict on an undefined term", st == "undefined-missed", st))
    return out


FAIL_KINDS = ("crash", "hang", "overtime", "bad-output", "bad-input", "wrong-verdict", "miss", "digits-claim",
              "undefined-missed", "false-undefined", "ref-error")


def worker(job):
    seed, index, families, npinned, binary, timeout = job
    t0 = time.monotonic()
    try:
        case = make_case(seed, index, families, npinned)
    except Exception as e:
        return {"index": index, "family": "?", "status": "ref-error", "detail": "generator: %s: %s" % (type(e).__name__, e), "cmd": "",
                "ref": "", "elapsed": 0, "reftime": 0}
    cmd = " ".join(shlex.quote(a) for a in case.argv(binary, timeout))
    ref = None
    try:
        if case.ref is not None:
            ref = case.ref()
    except Exception as e:      # a RefError, or a bug in a reference: reported, never silent
        return {"index": index, "family": case.family, "status": "ref-error", "detail": "%s: %s" % (type(e).__name__, e),
                "cmd": cmd, "ref": "", "elapsed": 0, "reftime": time.monotonic() - t0}
    reftime = time.monotonic() - t0
    rc, out, err, elapsed, killed = run_case(case, binary, timeout)
    status, detail = check_case(case, ref, rc, out, err, elapsed, killed, timeout)
    refs = ref.describe() if ref is not None else (case.note or "verdict only: %s" % "/".join(sorted(case.accept)))
    return {"index": index, "family": case.family, "status": status, "detail": detail, "cmd": cmd, "ref": refs,
            "elapsed": elapsed, "reftime": reftime, "rc": rc}


def main():
    ap = argparse.ArgumentParser(description="differential soundness fuzzer for infcert")
    ap.add_argument("--binary", default=os.environ.get("INFCERT", "build/infcert"))
    ap.add_argument("--seed", default=os.environ.get("DIFF_FUZZ_SEED"))
    ap.add_argument("--cases", type=int, default=int(os.environ.get("DIFF_FUZZ_CASES", "200")))
    ap.add_argument("--case", type=int, default=None, help="replay one case index")
    ap.add_argument("--first", type=int, default=0)
    ap.add_argument("--jobs", type=int, default=int(os.environ.get("DIFF_FUZZ_JOBS", "2")))
    ap.add_argument("--timeout", type=float, default=float(os.environ.get("DIFF_FUZZ_TIMEOUT", "20")))
    ap.add_argument("--families", default=os.environ.get("DIFF_FUZZ_FAMILIES", ""),
                    help="comma-separated families (default: all)")
    ap.add_argument("--pinned", action="store_true", help="run the issue's examples first (case indices 0..6)")
    ap.add_argument("--verbose", "-v", action="store_true", help="one line per case")
    ap.add_argument("--ok-lines", action="store_true", help="an 'ok' line per family without failures (for tests/run.sh)")
    ap.add_argument("--selftest", action="store_true",
                    help="check the references and the checker on known values, then exit")
    args = ap.parse_args()
    if args.selftest:
        res = selftest()
        for name, ok, det in res:
            print("%s diff_fuzz selftest: %s%s" % ("ok" if ok else "FAIL", name, "" if ok else ": " + det))
        nf = sum(1 for r in res if not r[1])
        print("selftest: %d passed, %d failed" % (len(res) - nf, nf))
        return 1 if nf else 0
    if args.seed is None:
        args.seed = str(random.SystemRandom().randrange(10 ** 9))
    families = set(f[0] for f in FAMILIES)
    if args.families:
        families = set(args.families.split(","))
        bad = families - set(f[0] for f in FAMILIES)
        if bad:
            ap.error("unknown families: %s" % ", ".join(sorted(bad)))
    npinned = len(pinned_cases()) if args.pinned else 0
    binary = os.path.abspath(args.binary)
    if not os.access(binary, os.X_OK):
        print("FAIL diff_fuzz: no infcert binary at %s" % binary)
        return 1
    tout = int(args.timeout) if args.timeout == int(args.timeout) else args.timeout
    if args.case is not None:
        indices = [args.case]
    else:
        indices = list(range(args.first, args.first + args.cases + npinned))
    print("diff_fuzz: seed %s, %d cases (%d pinned), %d jobs, --timeout %s, binary %s"
          % (args.seed, len(indices), npinned if args.case is None else 0, args.jobs, tout, binary), flush=True)
    jobs = [(args.seed, i, families, npinned, binary, tout) for i in indices]
    results = []
    t0 = time.monotonic()
    me = os.path.relpath(os.path.abspath(__file__))
    pin = " --pinned" if npinned else ""
    fam = " --families " + args.families if args.families else ""
    with Pool(max(1, args.jobs)) as pool:
        for r in pool.imap_unordered(worker, jobs):
            results.append(r)
            failed = r["status"] in FAIL_KINDS
            if failed or args.verbose or r["status"] == "inconclusive":
                tag = "FAIL" if failed else "ok  " if args.verbose else "note"
                print("%s %s [%s] case %d (%.2f s, ref %.2f s): %s" % (tag, r["status"], r["family"], r["index"],
                                                                      r["elapsed"], r["reftime"], r["detail"]))
                if True:
                    print("     run:    %s" % r["cmd"])
                    print("     true:   %s" % r["ref"])
                if failed:
                    print("     replay: /usr/bin/python3 %s --seed %s --case %d%s%s --timeout %s --binary %s"
                          % (me, args.seed, r["index"], pin, fam, tout, shlex.quote(binary)))
                sys.stdout.flush()
    wall = time.monotonic() - t0
    # summary
    fams = {}
    for r in results:
        f = fams.setdefault(r["family"], {})
        f[r["status"]] = f.get(r["status"], 0) + 1
    npass = sum(1 for r in results if r["status"] not in FAIL_KINDS)
    nfail = len(results) - npass
    print("per family (status: count):")
    for name in sorted(fams):
        st = fams[name]
        print("  %-16s %s" % (name, ", ".join("%s %d" % (k, st[k]) for k in sorted(st))))
        if args.ok_lines and not any(k in FAIL_KINDS for k in st):
            print("ok diff_fuzz %s: %d cases, no failure" % (name, sum(st.values())))
    tot = {}
    for r in results:
        tot[r["status"]] = tot.get(r["status"], 0) + 1
    print("totals: " + ", ".join("%s %d" % (k, tot[k]) for k in sorted(tot)))
    bad = sorted((r for r in results if r["status"] in FAIL_KINDS), key=lambda r: r["index"])
    if bad:
        # a recap (tests/run.sh shows only the last 40 lines of a failing test)
        print("failures (case, kind, family, command):")
        for r in bad[:25]:
            print("  %d %s [%s] %s" % (r["index"], r["status"], r["family"], r["cmd"].replace(binary, "infcert")))
        if len(bad) > 25:
            print("  ... and %d more" % (len(bad) - 25))
    runs = [r["elapsed"] for r in results if r["elapsed"]]
    refs = [r["reftime"] for r in results]
    if runs:
        print("time: %.1f s wall; infcert %.2f s mean, %.2f s max per case; reference %.2f s mean, %.2f s max"
              % (wall, sum(runs) / len(runs), max(runs), sum(refs) / len(refs), max(refs)))
    print("seed %s: misses %d, wrong verdicts %d, crashes %d, hangs %d, overtime %d, unknowns %d, timeouts %d, resource %d"
          % (args.seed, tot.get("miss", 0), tot.get("wrong-verdict", 0) + tot.get("undefined-missed", 0),
             tot.get("crash", 0), tot.get("hang", 0), tot.get("overtime", 0), tot.get("unknown", 0),
             tot.get("timeout", 0), tot.get("resource", 0)))
    print("%d passed, %d failed" % (npass, nfail))
    return 1 if nfail else 0


if __name__ == "__main__":
    sys.exit(main())
