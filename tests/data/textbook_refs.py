#!/usr/bin/python3
"""Generator of tests/data/textbook.tsv, the public suite of textbook series
and products (issue 11): each case with its TRUE verdict and, for convergent
ones, a reference value computed here, independently of infcert.

Regenerate with (Debian python3-mpmath and pari-gp; about 7 minutes):

    /usr/bin/python3 tests/data/textbook_refs.py > tests/data/textbook.tsv
    /usr/bin/python3 tests/data/textbook_refs.py --more > tests/data/textbook_more.tsv

(the second file: variants kept out of the suite for its run time, see MORE).

Nothing here runs infcert.  Every value is computed at mp.dps = 70 and
written with 30 significant digits (fewer, never below 12, when the two
methods that computed it agree on fewer; the provenance says so):

* closed forms (zeta, polygamma, Gamma, Clausen, Hurwitz, q-Pochhammer, ...)
  are evaluated with mpmath and each one is also checked numerically FROM
  THE TERM STRING (translated mechanically into an mpmath function, so a
  transcription error between the term and its closed form shows up); the
  script stops when the check agrees on fewer than 20 digits;
* values without a closed form are computed by two methods that must agree
  on at least 27 digits: a direct partial sum plus an Euler-Maclaurin tail
  (own code: 14/16 Bernoulli terms, derivatives by mpmath.diffs, integral
  exact or by tanh-sinh quadrature decade by decade up to N*10^40 plus the
  exact integral of the leading asymptotic term beyond) at two different
  cuts N; the Euler transform of the tail (repeated summation by parts) for
  alternating and oscillating terms, against PARI/GP sumalt or an integral
  of Lerch's function; explicit zeta series; direct summation for
  geometrically decaying terms (until the terms are 1e-80 below the sum).

Divergent cases and products without a finite nonzero limit carry '-' as
reference and, as provenance, the reason for the verdict.

Output: tab-separated, '#' lines are comments, '# family: NAME' starts a
family, then one header line, then

    kind  from  term  verdict  reference  provenance
"""
import re
import subprocess
import sys
import time

import mpmath
from mpmath import (mp, mpf, mpc, inf, pi, e, euler, log, exp, sqrt, sin, cos,
                    atan, sinh, cosh, zeta, gamma, psi, bernoulli, factorial,
                    quad, diffs, fsum, nsum, polylog, clsin, clcos, qp, e1,
                    gammainc, lambertw, binomial, lerchphi)

WORK_DPS = 70
OUT_DIGITS = 30
mp.dps = WORK_DPS

# ---------------------------------------------------------------- terms

_TOK = re.compile(r'\s*(?:(\d+\.\d*|\d*\.\d+|\d+)|([A-Za-z_]\w*)|(\S))')
_FUNCS = {'log', 'exp', 'sqrt', 'sin', 'cos', 'atan', 'abs', 'factorial'}


def _tokens(term):
    pos = 0
    out = []
    term = term.rstrip()
    while pos < len(term):
        m = _TOK.match(term, pos)
        if not m:
            raise ValueError('cannot tokenize %r' % term)
        out.append(m.groups())
        pos = m.end()
    return out


def to_python(term):
    """infcert term syntax -> Python/mpmath expression in n (numbers exact
    decimals read at the working precision, ^ -> **)."""
    out = []
    for num, name, op in _tokens(term):
        if num:
            out.append("mpf('%s')" % num)
        elif name:
            if name == 'n':
                out.append('n')
            elif name == 'pi':
                out.append('pi')
            elif name == 'e':
                out.append('E_')
            elif name in _FUNCS:
                out.append(name)
            else:
                raise ValueError('unknown name %r in %r' % (name, term))
        elif op == '^':
            out.append('**')
        else:
            out.append(op)
    return ''.join(out)


def to_gp(term):
    """infcert term syntax -> PARI/GP expression in n."""
    out = []
    for num, name, op in _tokens(term):
        if num:
            out.append(num)
        elif name:
            out.append({'pi': 'Pi', 'e': 'exp(1)'}.get(name, name))
        else:
            out.append(op)
    return ''.join(out)


_NS = {'mpf': mpf, 'pi': pi, 'E_': e, 'log': log, 'exp': exp, 'sqrt': sqrt,
       'sin': sin, 'cos': cos, 'atan': atan, 'abs': abs,
       'factorial': factorial}


def boosted(f):
    """f evaluated with extra digits growing with x (differences of equal
    growth lose about 2 log10(x) digits)."""
    def g(x):
        x = mpf(x)
        extra = 20 + (2 * int(mpmath.mag(x) * 0.302) if x > 10 else 0)
        with mp.workdps(mp.dps + extra):
            return +f(x)
    return g


def term_fn(term):
    return boosted(eval('lambda n: ' + to_python(term), dict(_NS)))


# ---------------------------------------------------------------- PARI

def gp_eval(expr, prec=90):
    r = subprocess.run(['gp', '-q', '-f', '-D', 'realprecision=%d' % prec],
                       input='print(%s)\n' % expr, capture_output=True,
                       text=True, timeout=600)
    s = r.stdout.strip().replace(' E', 'e').replace(' ', '')
    if r.returncode != 0 or not s:
        raise RuntimeError('gp failed on %s: %s' % (expr, r.stderr))
    s = s.split('+0.e')[0]
    return mpf(s)


# ---------------------------------------------------------------- methods
# A method is called with the case (kind, from, term) and returns
# (value, short description).

def _em_tail(f, N, K, integral, lead, decades):
    N = mpf(N)
    if integral is not None:
        I = integral(N)
    else:
        I = mpf(0)
        a = N
        for _ in range(decades):
            I += quad(f, [a, 10 * a])
            a *= 10
        if lead is not None:
            I += lead(a)
    ds = list(diffs(f, N, 2 * K - 1))
    T = I + ds[0] / 2
    for k in range(1, K + 1):
        T -= bernoulli(2 * k) / factorial(2 * k) * ds[2 * k - 1]
    return T


class EM:
    """direct part for n < N, Euler-Maclaurin from N.  For products, on
    log p(n) (the direct part multiplies the factors, signs included).
    f: a term to use instead of the case's (a function of x, smooth)."""
    def __init__(self, lead=None, integral=None, N=400, K=16, decades=40,
                 f=None, label=None):
        self.lead, self.integral, self.N, self.K = lead, integral, N, K
        self.decades, self.f, self.label = decades, f, label

    def __call__(self, kind, a, term):
        f = term_fn(self.f or term)
        N = max(self.N, a)
        if kind == 'sum':
            S = fsum(f(n) for n in range(a, N))
            g = f
        else:
            P = mpf(1)
            for n in range(a, N):
                P *= f(n)
            g = boosted(lambda x: log(f(x)))
        T = _em_tail(g, N, self.K, self.integral, self.lead, self.decades)
        v = S + T if kind == 'sum' else P * exp(T)
        how = 'direct %s n<%d + Euler-Maclaurin tail (%d Bernoulli terms, %s)' % (
            'sum' if kind == 'sum' else 'product of the factors, log-sum',
            N, self.K, 'exact integral' if self.integral else
            'integral by quadrature per decade + leading term')
        return v, self.label or how


def em2(lead=None, integral=None, **kw):
    """the usual pair: cuts 400 (16 Bernoulli terms) and 3000 (8)."""
    return (EM(lead, integral, N=400, K=16, **kw),
            EM(lead, integral, N=3000, K=8, **kw))


class Direct:
    """sum (product) of the terms until 40 consecutive terms are below
    1e-85 relative and decrease geometrically."""
    def __call__(self, kind, a, term):
        f = term_fn(term)
        S = mpf(0) if kind == 'sum' else mpf(1)
        n = a
        small = 0
        last = None
        while True:
            t = f(n)
            if kind == 'sum':
                S += t
                d = abs(t)
            else:
                S *= t
                d = abs(t - 1)
            if S != 0 and d <= abs(S) * mpf(10) ** -85 and (last is None or d <= last):
                small += 1
                if small >= 40:
                    break
            else:
                small = 0
            last = d
            n += 1
            if n - a > 300000:
                raise RuntimeError('direct: no convergence for %s' % term)
        return S, 'direct %s of n = %d..%d (remaining terms < 1e-85 relative, geometric)' % (
            'summation' if kind == 'sum' else 'product', a, n)


class NSum:
    def __init__(self, method='r+s'):
        self.method = method

    def __call__(self, kind, a, term):
        f = term_fn(term)
        if kind == 'sum':
            v = nsum(f, [a, inf], method=self.method)
        else:
            v = exp(nsum(lambda x: log(f(x)), [a, inf], method=self.method))
        return v, 'mpmath nsum (%s)' % self.method


def _euler_tail(z, g, N, K):
    """sum_{n>=N} z^n g(n), |z| = 1, z != 1: repeated summation by parts,
    sum_j z^N/(1-z) (z/(1-z))^j Delta^j g(N)."""
    with mp.workdps(mp.dps + int(K * 0.7) + 30):
        d = [g(mpf(N + i)) for i in range(K + 1)]
        w = z ** N / (1 - z)
        r = z / (1 - z)
        T = 0
        for _ in range(K + 1):
            T += w * d[0]
            w *= r
            d = [d[i + 1] - d[i] for i in range(len(d) - 1)]
    return T


class Osc:
    """term(n) = sum_i coef_i * Part_i(z_i^n g_i(n)), z_i = exp(I*theta_i)
    (theta = pi: (-1)^n), Part = re or im; direct part n < N, Euler
    transform of each tail.  The decomposition is checked against the term
    at 12 integers."""
    def __init__(self, parts, N=1000, K=40):
        self.parts, self.N, self.K = parts, N, K

    def __call__(self, kind, a, term):
        assert kind == 'sum'
        f = term_fn(term)
        comps = []
        for pt in self.parts:
            coef, theta, part, gstr = pt[:4]
            if theta == 0:
                z = mpf(1)
            elif theta == 'pi':
                z = mpf(-1)
            else:
                z = exp(mpc(0, 1) * theta)
            comps.append((mpf(coef), z, part, term_fn(gstr), pt[4] if len(pt) > 4 else None))

        def dec(n):
            s = 0
            for coef, z, part, g, _ in comps:
                w = z ** n * g(mpf(n))
                s += coef * (mpc(w).real if part == 're' else mpc(w).imag)
            return s
        for n in list(range(a, a + 6)) + [a + 97, a + 1234, a + 5001, a + 77777, 10 ** 6 + 1, 10 ** 6 + 2]:
            if abs(dec(n) - f(n)) > mpf(10) ** -50 * (1 + abs(f(n))):
                raise RuntimeError('Osc decomposition wrong for %s at n=%d' % (term, n))
        N = max(a, self.N)
        S = fsum(f(n) for n in range(a, N))
        for coef, z, part, g, lead in comps:
            if z == 1:      # a non-oscillating part: Euler-Maclaurin
                T = _em_tail(g, N, 14, None, lead, 40)
            else:
                T = _euler_tail(z, g, N, self.K)
            S += coef * (T.real if part == 're' else T.imag)
        return S, 'direct sum n<%d + Euler transform of the tail (%d differences)' % (N, self.K)


def Alt(g, sign, N=60, K=220):
    """term = sign * (-1)^n * g(n)"""
    return Osc([(sign, 'pi', 're', g)], N=N, K=K)


class Pair:
    """sums (products) whose term depends on the parity of n: term(n) =
    even(n) for even n, odd(n) for odd n (checked at integers); direct part
    n < N (N even), then Euler-Maclaurin in k of h(k) = even(2k) + odd(2k+1)
    (of the logs for products); lead(K) = integral of the leading term of
    h from K to infinity."""
    def __init__(self, even, odd, lead, N=800, K=14, decades=40):
        self.even, self.odd, self.lead, self.N, self.K = even, odd, lead, N, K
        self.decades = decades

    def __call__(self, kind, a, term):
        f = term_fn(term)
        fe, fo = term_fn(self.even), term_fn(self.odd)
        for n in range(a, a + 40):
            ref = fe(n) if n % 2 == 0 else fo(n)
            if abs(ref - f(n)) > mpf(10) ** -50 * (1 + abs(f(n))):
                raise RuntimeError('Pair decomposition wrong for %s at n=%d' % (term, n))
        N = max(self.N, a + (a % 2))
        if kind == 'sum':
            S = fsum(f(n) for n in range(a, N))
            h = boosted(lambda k: fe(2 * k) + fo(2 * k + 1))
            return S + _em_tail(h, N // 2, self.K, None, self.lead, self.decades), \
                'direct sum n<%d + Euler-Maclaurin in k of term(2k)+term(2k+1)' % N
        P = mpf(1)
        for n in range(a, N):
            P *= f(n)
        h = boosted(lambda k: log(fe(2 * k)) + log(fo(2 * k + 1)))
        return P * exp(_em_tail(h, N // 2, self.K, None, self.lead, self.decades)), \
            'direct product n<%d + Euler-Maclaurin in k of log(p(2k) p(2k+1))' % N


class GP:
    """PARI/GP: expr, or sumalt / prodinf on the term itself."""
    def __init__(self, expr=None, how=None):
        self.expr, self.how = expr, how

    def __call__(self, kind, a, term):
        if self.expr:
            return gp_eval(self.expr), 'PARI/GP %s' % (self.how or self.expr)
        if kind == 'sum':
            return gp_eval('sumalt(n=%d, %s)' % (a, to_gp(term))), 'PARI/GP sumalt'
        return gp_eval('prodinf(n=%d, %s)' % (a, to_gp(term))), 'PARI/GP prodinf'


class Val:
    """an explicit value (series, integral...) computed by fn()."""
    def __init__(self, fn, how):
        self.fn, self.how = fn, how

    def __call__(self, kind, a, term):
        return self.fn(), self.how


def zser(c, s, k0=1, a=1):
    """sum_{k>=k0} c(k) zeta(s(k), a), summed until negligible."""
    def fn():
        tot = mpf(0)
        k = k0
        while True:
            ck = c(k)
            assert not isinstance(ck, (float, int)), 'zser: a Python number, not mpf'
            t = ck * zeta(s(k), a)
            tot += t
            if abs(t) < mpf(10) ** -(mp.dps + 5) * abs(tot) and k > k0 + 3:
                return tot
            k += 1
            if k > 5000:
                raise RuntimeError('zser')
    return fn


def log1p_zeta(p, c=1, a=1):
    """log prod_{n>=a} (1 + c n^-p) = sum_k (-1)^(k+1) c^k zeta(k p, a)/k
    (from a = 1 the factor n = 1 is taken apart: log(1 + c))."""
    p, c = mpf(p), mpf(c)
    if a == 1:
        rest = zser(lambda k: (-1) ** (k + 1) * c ** k / k, lambda k: k * p, 1, 2)
        return lambda: log(1 + c) + rest()
    return zser(lambda k: (-1) ** (k + 1) * c ** k / k, lambda k: k * p, 1, a)


def rat_digamma(num, den, a=1):
    """sum_{n>=a} num(n)/den(n) (coefficient lists, highest first; simple
    roots, deg den >= deg num + 2) = -sum_j A_j psi(a - r_j)."""
    def fn():
        with mp.workdps(mp.dps + 40):
            roots = mpmath.polyroots(den, maxsteps=500, extraprec=400)
            dd = [c * (len(den) - 1 - i) for i, c in enumerate(den[:-1])]
            tot = 0
            for r in roots:
                A = mpmath.polyval(num, r) / mpmath.polyval(dd, r)
                tot -= A * psi(0, a - r)
            return +mpc(tot).real
    return fn


# ---------------------------------------------------------------- cases

CASES = []
FAMILY = [None]


def family(name, comment):
    FAMILY[0] = (name, comment)


class Closed:
    def __init__(self, fn, text, *checks):
        self.fn, self.text, self.checks = fn, text, checks


class Numeric:
    def __init__(self, m1, m2, note=''):
        self.m1, self.m2, self.note = m1, m2, note


def _add(kind, a, term, verdict, ref, why):
    assert verdict in {'sum': ('converges', 'diverges'),
                       'prod': ('converges', 'diverges', 'diverges_to_zero', 'zero_factor')}[kind]
    assert (verdict == 'converges') == (ref is not None), term
    CASES.append((FAMILY[0], kind, a, term, verdict, ref, why))


def S(a, term, verdict, ref=None, why=''):
    _add('sum', a, term, verdict, ref, why)


def P(a, term, verdict, ref=None, why=''):
    _add('prod', a, term, verdict, ref, why)


CV, DV, DZ, ZF = 'converges', 'diverges', 'diverges_to_zero', 'zero_factor'


def lead_pow(c, s):
    """integral from X to infinity of c x^-s"""
    return lambda X: mpf(c) * X ** (1 - mpf(s)) / (mpf(s) - 1)


def lead_powlog(c, s, b):
    """integral from X to infinity of c x^-s log(x)^-b"""
    def f(X):
        L = log(X)
        s_, b_ = mpf(s), mpf(b)
        if s_ == 1:
            return mpf(c) * L ** (1 - b_) / (b_ - 1)
        return mpf(c) * (s_ - 1) ** (b_ - 1) * gammainc(1 - b_, (s_ - 1) * L)
    return f


ZERO = lambda X: mpf(0)  # noqa: E731  (super-polynomial decay: tail beyond N*10^40 negligible)


def lead_log(s, j=1):
    """integral from X to infinity of x^-s log(x)^j, j = 1 or 2"""
    def f(X):
        s_ = mpf(s) - 1
        L = log(X)
        if j == 1:
            return X ** -s_ * (L / s_ + 1 / s_ ** 2)
        return X ** -s_ * (L ** 2 / s_ + 2 * L / s_ ** 2 + 2 / s_ ** 3)
    return f


def hurwitz_cs(s, theta):
    """(sum cos(n theta)/n^s, sum sin(n theta)/n^s), n >= 1, 0 < s, s not an
    integer, theta not a multiple of 2 pi: Hurwitz's formula
    zeta(1-s, x) = Gamma(s)/(2 pi)^s (e^(-i pi s/2) F(x, s) + e^(i pi s/2) F(-x, s)),
    F(x, s) = sum e^(2 pi i n x)/n^s, x = theta/(2 pi) mod 1."""
    s = mpf(s)
    x = (mpf(theta) / (2 * pi)) % 1
    zp, zm = zeta(1 - s, x), zeta(1 - s, 1 - x)
    k = (2 * pi) ** s / (4 * gamma(s))
    return k / cos(pi * s / 2) * (zp + zm), k / sin(pi * s / 2) * (zp - zm)


def gp_li(s, theta, part):
    """PARI/GP: Re or Im of Li_s(e^(i theta)) = z lerchphi(z, s, 1)"""
    return GP('%s(exp(I*(%s))*lerchphi(exp(I*(%s)), %s, 1))' % (part, theta, theta, s),
              'Li_s(e^(i theta)) = z*lerchphi(z, s, 1), s = %s, theta = %s' % (s, theta))


def lerch_log_integral(theta, part, a=2):
    """sum_{n>=2} e^(i n theta)/log(n) = int_0^inf (Li_t(z) - z) dt, z = e^(i theta)
    (1/log n = int_0^inf n^-t dt; Li_0(z) = z/(1-z))"""
    assert a == 2

    def fn():
        with mp.workdps(45):
            z = exp(mpc(0, 1) * theta)
            f = lambda t: (polylog(t, z) if t > 0 else z / (1 - z)) - z  # noqa: E731
            v = quad(f, [0, 1, 5, 20, inf])
        return v.real if part == 're' else v.imag
    return Val(fn, 'integral over t of Li_t(e^(i theta)) - e^(i theta) (mpmath polylog, dps 45)')


def logcos_series(M=12, scale=1):
    """sum_{n>=M} log cos(scale/n) = sum_k c_k scale^(2k) zeta(2k, M),
    c_k = (-1)^k 2^(2k-1) (2^(2k)-1) B_2k / (k (2k)!)"""
    return zser(lambda k: (-1) ** k * 2 ** (2 * k - 1) * (2 ** (2 * k) - 1) * bernoulli(2 * k)
                / (k * factorial(2 * k)) * mpf(scale) ** (2 * k), lambda k: 2 * k, 1, M)


def logsinc_series(M=1):
    """sum_{n>=M} log(n sin(1/n)) = sum_k (-1)^k 2^(2k-1) B_2k zeta(2k, M) / (k (2k)!)"""
    return zser(lambda k: (-1) ** k * 2 ** (2 * k - 1) * bernoulli(2 * k) / (k * factorial(2 * k)),
                lambda k: 2 * k, 1, M)


def em_val(term, a, **kw):
    return Val(lambda: EM(**kw)('sum', a, term)[0],
               'Euler-Maclaurin (as above) of the reindexed term %s from n = %d' % (term, a))


def half(x):
    return mpf(x) / 2


r = mpf
isqrt2 = 1 / sqrt(2)

# ================================================================= geometric
family('geometric', 'geometric series sum r^n: converges iff |r| < 1, to r^a/(1-r)')
for a, t, v in [(1, '(1/2)^n', 1), (0, '2^-n', 2), (1, '(2/3)^n', 2), (1, '3/4^n', 1),
                (1, '(-1/2)^n', r(-1) / 3), (0, '(-1/3)^n', r(3) / 4), (1, '5^n/6^n', 5),
                (0, '2^n/3^(n+1)', 1), (0, '0.99^n', 100), (1, '0.999^n', 999),
                (1, '(-1)^(n+1)/3^n', r(1) / 4), (1, '2^(-2*n)', r(1) / 3),
                (0, '3^n/2^(2*n)', 4), (1, '(-0.9)^n', r(-9) / 19), (2, '(1/2)^n', r(1) / 2)]:
    S(a, t, CV, Closed(lambda v=v: mpf(v), 'geometric r^a/(1-r) = %s' % v, Direct()))
S(1, 'exp(-n)', CV, Closed(lambda: 1 / (e - 1), '1/(e-1)', Direct()))
S(0, 'e^(-2*n)', CV, Closed(lambda: 1 / (1 - exp(-2)), '1/(1-e^-2)', Direct()))
S(1, 'pi^(-n)', CV, Closed(lambda: 1 / (pi - 1), '1/(pi-1)', Direct()))
S(1, '(2/pi)^n', CV, Closed(lambda: 2 / (pi - 2), '2/(pi-2)', Direct()))
S(1, '(e/3)^n', CV, Closed(lambda: e / (3 - e), 'e/(3-e)', Direct()))
S(1, '(2.7/e)^n', CV, Closed(lambda: (r('2.7') / e) / (1 - r('2.7') / e), 'r/(1-r), r = 2.7/e', Direct()))
S(1, '(3/2)^n', DV, why='geometric, ratio 3/2 > 1: terms do not tend to 0')
S(1, '2^n', DV, why='geometric, ratio 2: terms do not tend to 0')
S(1, '(-2)^n', DV, why='geometric, ratio -2: |terms| do not tend to 0')
S(1, '(-1)^n', DV, why='terms do not tend to 0 (partial sums -1, 0, -1, ...)')
S(1, '1', DV, why='constant term 1: partial sums N')
S(1, '1.01^n', DV, why='geometric, ratio 1.01 > 1')
S(1, '(pi/3)^n', DV, why='geometric, ratio pi/3 = 1.047 > 1')
S(1, '(e/2.7)^n', DV, why='geometric, ratio e/2.7 = 1.0068 > 1')

# ================================================================= p-series
family('p_series', 'sum n^-p: converges iff p > 1 (zeta(p)); Hurwitz zeta for shifts')
for a, t, s, txt in [(1, '1/n^2', 2, 'zeta(2) = pi^2/6'), (1, '1/n^3', 3, 'zeta(3)'),
                     (1, '1/n^4', 4, 'zeta(4) = pi^4/90'), (1, '1/n^1.5', 1.5, 'zeta(3/2)'),
                     (1, 'n^(-3/2)', 1.5, 'zeta(3/2)'), (1, '1/(n*sqrt(n))', 1.5, 'zeta(3/2)'),
                     (1, '(1/n)^(1+10^-9)', 1 + r(10) ** -9, 'zeta(1+10^-9)'),
                     (1, '1/(n*n^(1/1000))', r('1.001'), 'zeta(1.001)'),
                     (1, 'n^-1.001', r('1.001'), 'zeta(1.001)'),
                     (1, '1/n^1.000001', r('1.000001'), 'zeta(1.000001)'),
                     (1, '1/n^1.0001', r('1.0001'), 'zeta(1.0001)'),
                     (1, '1/n^1.01', r('1.01'), 'zeta(1.01)'), (1, '1/n^1.1', r('1.1'), 'zeta(1.1)'),
                     (1, '1/n^10', 10, 'zeta(10)'), (1, '1/n^pi', pi, 'zeta(pi)'),
                     (1, 'n^(-e)', e, 'zeta(e)'), (1, 'n^(-4/3)', r(4) / 3, 'zeta(4/3)'),
                     (1, '1/n^(5/4)', r(5) / 4, 'zeta(5/4)'),
                     (1, '1/(n^2*sqrt(n))', 2.5, 'zeta(5/2)'), (1, 'sqrt(n)/n^2', 1.5, 'zeta(3/2)'),
                     (1, 'n^2/n^4', 2, 'zeta(2)')]:
    S(a, t, CV, Closed(lambda s=s: zeta(s), 'mpmath ' + txt, EM(lead=lead_pow(1, s))))
S(2, '1/n^(3/2)', CV, Closed(lambda: zeta(1.5) - 1, 'zeta(3/2) - 1', EM(lead=lead_pow(1, 1.5))))
S(10, '1/n^2', CV, Closed(lambda: zeta(2, 10), 'Hurwitz zeta(2, 10)', EM(lead=lead_pow(1, 2))))
S(1000000, '1/n^2', CV, Closed(lambda: zeta(2, 10 ** 6), 'Hurwitz zeta(2, 10^6)', EM(lead=lead_pow(1, 2))))
S(100, '1/n^1.5', CV, Closed(lambda: zeta(1.5, 100), 'Hurwitz zeta(3/2, 100)', EM(lead=lead_pow(1, 1.5))))
S(1, '1/(2*n)^2', CV, Closed(lambda: pi ** 2 / 24, 'pi^2/24', EM(lead=lead_pow(r(1) / 4, 2))))
S(1, '1/(2*n-1)^2', CV, Closed(lambda: pi ** 2 / 8, 'pi^2/8', EM(lead=lead_pow(r(1) / 4, 2))))
S(0, '1/(2*n+1)^3', CV, Closed(lambda: 7 * zeta(3) / 8, '7 zeta(3)/8', EM(lead=lead_pow(r(1) / 8, 3))))
S(1, '1/(n+1)^2', CV, Closed(lambda: zeta(2) - 1, 'zeta(2) - 1', EM(lead=lead_pow(1, 2))))
S(0, '1/(n+1/2)^2', CV, Closed(lambda: pi ** 2 / 2, 'zeta(2, 1/2) = pi^2/2', EM(lead=lead_pow(1, 2))))
S(0, '1/(n+1/2)^1.5', CV, Closed(lambda: (mpf(2) ** 1.5 - 1) * zeta(1.5), 'zeta(3/2, 1/2) = (2^(3/2)-1) zeta(3/2)',
                                 EM(lead=lead_pow(1, 1.5))))
S(1, '1/n', DV, why='harmonic series (p = 1)')
S(1, '1/sqrt(n)', DV, why='p-series, p = 1/2 <= 1')
S(1, 'n^(-0.999)', DV, why='p-series, p = 0.999 <= 1')
S(1, '(1/n)^(1-10^-9)', DV, why='p-series, p = 1 - 10^-9 <= 1')
S(1, '1/n^(1/3)', DV, why='p-series, p = 1/3')
S(1000, 'n^-1', DV, why='tail of the harmonic series')
S(1, '1/(2*n)', DV, why='half the harmonic series')

# ================================================================= comparison
family('comparison', 'comparison and limit comparison with p-series (rational, algebraic, log, bounded oscillating factors)')
S(1, '1/(n^2+1)', CV, Closed(lambda: (pi / mpmath.tanh(pi) - 1) / 2, '(pi coth(pi) - 1)/2', EM(lead=lead_pow(1, 2))))
S(1, '1/(n^2+4)', CV, Closed(lambda: (2 * pi / mpmath.tanh(2 * pi) - 1) / 8, '(2 pi coth(2 pi) - 1)/8', EM(lead=lead_pow(1, 2))))
S(1, '1/(n^2-1/4)', CV, Closed(lambda: mpf(2), 'telescoping 1/(n-1/2) - 1/(n+1/2): 2', EM(lead=lead_pow(1, 2))))
S(1, 'n/(n^3+1)', CV, Closed(rat_digamma([1, 0], [1, 0, 0, 1]), 'partial fractions over the roots of n^3+1, -sum A_j psi(1-r_j)', EM(lead=lead_pow(1, 2))))
S(1, '1/(n^3+1)', CV, Closed(rat_digamma([1], [1, 0, 0, 1]), 'partial fractions, digamma at the roots of n^3+1', EM(lead=lead_pow(1, 3))))
S(1, '(n+1)/n^3', CV, Closed(lambda: zeta(2) + zeta(3), 'zeta(2) + zeta(3)', EM(lead=lead_pow(1, 2))))
S(1, '1/(n^2+n+1)', CV, Closed(rat_digamma([1], [1, 1, 1]), 'partial fractions, digamma at the roots of n^2+n+1', EM(lead=lead_pow(1, 2))))
S(1, 'n^2/(n^4+1)', CV, Closed(rat_digamma([1, 0, 0], [1, 0, 0, 0, 1]), 'partial fractions, digamma at the roots of n^4+1', EM(lead=lead_pow(1, 2))))
S(1, '(3*n^2+1)/(n^4+2)', CV, Closed(rat_digamma([3, 0, 1], [1, 0, 0, 0, 2]), 'partial fractions, digamma at the roots of n^4+2', EM(lead=lead_pow(3, 2))))
S(1, '1/(n^3+n)', CV, Closed(rat_digamma([1], [1, 0, 1, 0]), 'partial fractions, digamma at 0, i, -i', EM(lead=lead_pow(1, 3))))
S(1, 'n/(n+1)^3', CV, Closed(lambda: zeta(2) - zeta(3), 'zeta(2) - zeta(3)', EM(lead=lead_pow(1, 2))))
S(1, '(2+sin(n))/n^2', CV, Closed(lambda: 2 * zeta(2) + clsin(2, 1), '2 zeta(2) + Cl_2(1) (mpmath clsin)',
                                  Osc([(2, 0, 're', '1/n^2', lead_pow(1, 2)), (1, 1, 'im', '1/n^2')])))
S(1, 'cos(n)^2/n^2', CV, Closed(lambda: pi ** 2 / 6 - pi / 2 + r(1) / 2, 'pi^2/6 - pi/2 + 1/2 (cos^2 = (1+cos 2n)/2, sum cos(n t)/n^2 = pi^2/6 - pi t/2 + t^2/4)',
                               Osc([(half(1), 0, 're', '1/n^2', lead_pow(1, 2)), (half(1), 2, 're', '1/n^2')])))
S(1, 'sin(n)^2/n^2', CV, Closed(lambda: (pi - 1) / 2, '(pi-1)/2 (sin^2 = (1-cos 2n)/2)',
                               Osc([(half(1), 0, 're', '1/n^2', lead_pow(1, 2)), (half(-1), 2, 're', '1/n^2')])))
S(1, 'sqrt(n)/(n^2+1)', CV, Numeric(*em2(lead_pow(1, 1.5))))
S(1, '1/(n*sqrt(n+1))', CV, Numeric(*em2(lead_pow(1, 1.5))))
S(1, '1/(2^n+n)', CV, Numeric(Direct(), NSum()))
S(1, 'sin(1/n^2)', CV, Closed(zser(lambda k: (-1) ** k / factorial(2 * k + 1), lambda k: 4 * k + 2, 0),
                              'sum_k (-1)^k zeta(4k+2)/(2k+1)!', EM(lead=lead_pow(1, 2))))
S(1, 'log(n)/n^2', CV, Closed(lambda: -zeta(2, 1, 1), "-zeta'(2)", EM(lead=lead_log(2))))
S(1, 'log(n)/n^1.5', CV, Closed(lambda: -zeta(1.5, 1, 1), "-zeta'(3/2)", EM(lead=lead_log(1.5))))
S(1, '1/(n^2*log(n+1))', CV, Numeric(*em2(lead_powlog(1, 2, 1))))
S(1, '1/(n^2+sqrt(n))', CV, Numeric(*em2(lead_pow(1, 2))))
S(1, '1/(1+n^2)^(3/2)', CV, Numeric(*em2(lead_pow(1, 3))))
S(1, 'exp(-sqrt(n))', CV, Numeric(*em2(integral=lambda N: 2 * (sqrt(N) + 1) * exp(-sqrt(N)))))
S(1, 'n^2*exp(-n)', CV, Closed(lambda: e * (e + 1) / (e - 1) ** 3, 'sum n^2 x^n = x(1+x)/(1-x)^3 at x = 1/e', Direct()))
S(1, 'atan(n)/n^2', CV, Numeric(*em2(lambda X: pi / 2 / X)))
S(1, 'atan(1/n^2)', CV, Closed(lambda: mpmath.arg(sin(pi * exp(-1j * pi / 4)) / (pi * exp(-1j * pi / 4))),
                               'arg(sin(pi w)/(pi w)), w = e^(-i pi/4) (1 + i/n^2 = 1 - w^2/n^2)', EM(lead=lead_pow(1, 2))))
S(1, 'log(1+1/n^2)', CV, Closed(lambda: log(sinh(pi) / pi), 'log(sinh(pi)/pi)', EM(lead=lead_pow(1, 2))))
S(1, '1/(n*(n+sqrt(n)))', CV, Numeric(*em2(lead_pow(1, 2))))
S(1, 'sqrt(n+1)/n^2', CV, Numeric(*em2(lead_pow(1, 1.5))))
S(1, 'cos(1/n)/n^2', CV, Closed(zser(lambda k: (-1) ** k / factorial(2 * k), lambda k: 2 * k + 2, 0),
                                'sum_k (-1)^k zeta(2k+2)/(2k)!', EM(lead=lead_pow(1, 2))))
S(1, 'sin(1/n)', DV, why='sin(1/n) ~ 1/n: limit comparison with the harmonic series')
S(1, '1/(n+sqrt(n))', DV, why='~ 1/n')
S(1, '1/sqrt(n^2+1)', DV, why='~ 1/n')
S(1, '(2*n+1)/(n^2+n)', DV, why='= 1/n + 1/(n+1)')
S(1, 'log(n)/n', DV, why='>= 1/n for n >= 3')
S(1, 'n/(n^2+1)', DV, why='~ 1/n')
S(1, '1/(3*n-1)', DV, why='~ 1/(3n)')
S(1, 'atan(1/n)', DV, why='~ 1/n')
S(1, '1/(n*log(n+1))', DV, why='~ 1/(n log n): integral test')

# ================================================================= ratio / root test
family('ratio_root', 'ratio and root tests: n^k x^n, factorials, exponentials, (1-1/n)^(n^2)')
S(1, 'n/2^n', CV, Closed(lambda: mpf(2), 'sum n x^n = x/(1-x)^2 at 1/2', Direct()))
S(1, 'n^2/2^n', CV, Closed(lambda: mpf(6), 'sum n^2 x^n = x(1+x)/(1-x)^3 at 1/2', Direct()))
S(1, 'n^3/3^n', CV, Closed(lambda: r(33) / 8, 'sum n^3 x^n = x(1+4x+x^2)/(1-x)^4 at 1/3', Direct()))
S(1, 'n^3*(2/3)^n', CV, Closed(lambda: mpf(222), 'sum n^3 x^n at 2/3', Direct()))
S(1, '1/factorial(n)', CV, Closed(lambda: e - 1, 'e - 1', Direct()))
S(0, '1/factorial(n)', CV, Closed(lambda: +e, 'e', Direct()))
S(1, '2^n/factorial(n)', CV, Closed(lambda: exp(2) - 1, 'e^2 - 1', Direct()))
S(1, 'n/factorial(n)', CV, Closed(lambda: +e, 'e', Direct()))
S(1, 'n^2/factorial(n)', CV, Closed(lambda: 2 * e, '2e', Direct()))
S(1, '100^n/factorial(n)', CV, Closed(lambda: exp(100) - 1, 'e^100 - 1', Direct()))
S(1, '4^n/factorial(n)^2', CV, Closed(lambda: mpmath.besseli(0, 4) - 1, 'I_0(4) - 1', Direct()))
S(1, 'factorial(n)/n^n', CV, Numeric(Direct(), NSum()))
S(1, '(n/(n+1))^(n^2)', CV, Numeric(Direct(), NSum()))
S(1, '(n/(2*n+1))^n', CV, Numeric(Direct(), NSum()))
S(2, '(1-1/n)^(n^2)', CV, Numeric(Direct(), NSum()))
S(1, 'n^10/1.1^n', CV, Closed(lambda: polylog(-10, 1 / r('1.1')), 'polylog(-10, 1/1.1)', Direct()))
S(1, 'n^5/exp(n)', CV, Closed(lambda: polylog(-5, exp(-1)), 'polylog(-5, 1/e)', Direct()))
S(1, 'factorial(2*n)/(factorial(n)^2*5^n)', CV, Closed(lambda: sqrt(5) - 1, 'sum binomial(2n,n) x^n = 1/sqrt(1-4x) - 1 at 1/5', Direct()))
S(1, 'n^n/(factorial(n)*3^n)', CV, Closed(lambda: 1 / (1 + lambertw(-r(1) / 3).real) - 1,
                                          'sum n^n x^n/n! = 1/(1-T(x)) - 1, T = -W(-x), x = 1/3', Direct()))
S(1, 'exp(n)/n^n', CV, Numeric(Direct(), NSum()))
S(1, 'n^(-n)', CV, Closed(lambda: quad(lambda x: x ** -x, [0, 1]), "sophomore's dream: integral_0^1 x^-x dx (mpmath quad)", Direct()))
S(1, 'n/(n+1)^n', CV, Numeric(Direct(), NSum()))
S(1, '1/(2^n*n)', CV, Closed(lambda: log(2), '-log(1-x) at 1/2 = log 2', Direct()))
S(1, '1/(3^n*n^2)', CV, Closed(lambda: polylog(2, r(1) / 3), 'Li_2(1/3)', Direct()))
S(1, 'n^n/factorial(n)', DV, why='terms -> infinity (ratio -> e)')
S(1, '2^n/n^2', DV, why='ratio -> 2: terms -> infinity')
S(1, 'factorial(n)/2^n', DV, why='ratio (n+1)/2 -> infinity')
S(1, 'factorial(n)/10^n', DV, why='ratio (n+1)/10 -> infinity: terms -> infinity')
S(1, '3^n/(n*2^n)', DV, why='ratio -> 3/2')
S(1, '(1+1/n)^(n^2)/e^n', DV, why='terms -> e^(-1/2) != 0')
S(1, '(n/(n-1/2))^(n^2)/e^(n/2)', DV, why='log term = n^2 log(1 + 1/(2n-1)) - n/2 -> 1/8 + ...: terms -> e^(1/8) != 0')

# ================================================================= integral test
family('integral_test', 'integral test: logarithmic factors, exp(-n^c), incomplete gamma / E1 tails')
S(2, '1/(n*log(n)^2)', CV, Numeric(*em2(integral=lambda N: 1 / log(N))))
S(2, '1/(n*log(n)^1.5)', CV, Numeric(*em2(integral=lambda N: 2 / sqrt(log(N)))))
S(2, '1/(n*log(n)^3)', CV, Numeric(*em2(integral=lambda N: 1 / (2 * log(N) ** 2))))
S(2, '1/(n*log(n)^1.01)', CV, Numeric(*em2(integral=lambda N: 100 / log(N) ** r('0.01'))))
S(1, '1/((n+1)*log(n+1)^2)', CV, Numeric(EM(integral=lambda N: 1 / log(N + 1)),
                                        em_val('1/(n*log(n)^2)', 2, integral=lambda N: 1 / log(N), N=3000, K=8)))
S(1, 'log(n)^2/n^2', CV, Closed(lambda: zeta(2, 1, 2), "zeta''(2)", EM(lead=lead_log(2, 2))))
S(1, 'log(n)/n^3', CV, Closed(lambda: -zeta(3, 1, 1), "-zeta'(3)", EM(lead=lead_log(3))))
S(1, 'log(n)/n^1.1', CV, Closed(lambda: -zeta(r('1.1'), 1, 1), "-zeta'(1.1)", EM(lead=lead_log(r('1.1')))))
S(1, 'n*exp(-n^2)', CV, Numeric(Direct(), NSum()))
S(1, 'n*exp(-n)', CV, Closed(lambda: e / (e - 1) ** 2, 'sum n x^n = x/(1-x)^2 at 1/e', Direct()))
S(2, '1/(n^2*log(n))', CV, Numeric(*em2(integral=lambda N: e1(log(N)))))
S(2, '1/(n^1.5*log(n))', CV, Numeric(*em2(integral=lambda N: e1(log(N) / 2))))
S(2, '1/(n^1.01*log(n))', CV, Numeric(*em2(integral=lambda N: e1(log(N) / 100))))
S(1, 'exp(-n^(1/3))', CV, Numeric(*em2(integral=lambda N: 3 * exp(-mpmath.cbrt(N)) * (mpmath.cbrt(N) ** 2 + 2 * mpmath.cbrt(N) + 2))))
S(1, 'n/exp(sqrt(n))', CV, Numeric(*em2(integral=lambda N: 2 * exp(-sqrt(N)) * (sqrt(N) ** 3 + 3 * N + 6 * sqrt(N) + 6))))
S(2, '1/(n*sqrt(log(n)))', DV, why='integral test: integral of 1/(x sqrt(log x)) = 2 sqrt(log x) -> infinity')
S(2, '1/sqrt(n*log(n))', DV, why='>= 1/n eventually')
S(2, '1/(n*log(n)^0.99)', DV, why='integral test: (log x)^0.01/0.01 -> infinity')

# ================================================================= alternating (Leibniz)
family('alternating', 'alternating series (-1)^n g(n), g decreasing to 0 (Leibniz); eta function, sumalt')
S(1, '(-1)^(n+1)/n', CV, Closed(lambda: log(2), 'log 2', Alt('1/n', -1)))
S(1, '(-1)^n/n', CV, Closed(lambda: -log(2), '-log 2', Alt('1/n', 1)))
S(1, '(-1)^(n+1)/n^2', CV, Closed(lambda: pi ** 2 / 12, 'eta(2) = pi^2/12', Alt('1/n^2', -1)))
S(1, '(-1)^(n+1)/n^3', CV, Closed(lambda: 3 * zeta(3) / 4, 'eta(3) = 3 zeta(3)/4', Alt('1/n^3', -1)))
S(1, '(-1)^n/sqrt(n)', CV, Closed(lambda: (sqrt(2) - 1) * zeta(0.5), '-eta(1/2) = (sqrt(2)-1) zeta(1/2)', Alt('1/sqrt(n)', 1)))
S(1, '(-1)^n/n^(1/3)', CV, Closed(lambda: -(1 - 2 ** (r(2) / 3)) * zeta(r(1) / 3), '-eta(1/3) = -(1-2^(2/3)) zeta(1/3)', Alt('1/n^(1/3)', 1)))
S(1, '(-1)^n/n^1.5', CV, Closed(lambda: -(1 - mpf(2) ** -0.5) * zeta(1.5), '-eta(3/2)', Alt('1/n^1.5', 1)))
S(1, '(-1)^(n+1)/(2*n-1)', CV, Closed(lambda: pi / 4, 'Leibniz pi/4', Alt('1/(2*n-1)', -1)))
S(0, '(-1)^n/(2*n+1)', CV, Closed(lambda: pi / 4, 'Leibniz pi/4', Alt('1/(2*n+1)', 1)))
S(1, '(-1)^n*log(n)/n', CV, Closed(lambda: euler * log(2) - log(2) ** 2 / 2, "eta'(1) = gamma log 2 - (log 2)^2/2", Alt('log(n)/n', 1), GP()))
S(1, '(-1)^n*log(n)/sqrt(n)', CV, Closed(lambda: sqrt(2) * log(2) * zeta(0.5) + (1 - sqrt(2)) * zeta(0.5, 1, 1),
                                         "eta'(1/2) = 2^(1/2) log 2 zeta(1/2) + (1-2^(1/2)) zeta'(1/2)", Alt('log(n)/sqrt(n)', 1), GP()))
S(1, '(-1)^n*log(1+1/n)', CV, Closed(lambda: log(2 / pi), 'log(2/pi) (Wallis)', Alt('log(1+1/n)', 1)))
S(1, '(-1)^n/(n^2+1)', CV, Closed(lambda: (pi / sinh(pi) - 1) / 2, '(pi csch(pi) - 1)/2', Alt('1/(n^2+1)', 1)))
S(1, '(-1)^n/(n+1000)', CV, Closed(lambda: -(psi(0, 501) - psi(0, r(1001) / 2)) / 2, '-(psi(501) - psi(1001/2))/2', Alt('1/(n+1000)', 1)))
S(1, '(-1)^n/(n^2+n)', CV, Closed(lambda: 1 - 2 * log(2), '1 - 2 log 2', Alt('1/(n^2+n)', 1)))
S(2, '(-1)^n/(n-1)', CV, Closed(lambda: log(2), 'log 2', Alt('1/(n-1)', 1)))
S(1, '(-1)^(n+1)*(2*n+1)/(n*(n+1))', CV, Closed(lambda: mpf(1), 'log 2 + (1 - log 2) = 1', Alt('(2*n+1)/(n*(n+1))', -1)))
S(1, '(-1)^n*n/2^n', CV, Closed(lambda: r(-2) / 9, 'x/(1-x)^2 at x = -1/2', Direct()))
S(1, '(-1)^n*n^2/3^n', CV, Closed(lambda: r(-3) / 32, 'x(1+x)/(1-x)^3 at x = -1/3', Direct()))
S(0, '(-1)^n/factorial(n)', CV, Closed(lambda: 1 / e, '1/e', Direct()))
S(2, '(-1)^n/log(n)', CV, Numeric(GP(), Alt('1/log(n)', 1)))
S(2, '(-1)^n/(n*log(n))', CV, Numeric(GP(), Alt('1/(n*log(n))', 1)))
S(1, '(-1)^n*n/(n^2+1)', CV, Numeric(GP(), Alt('n/(n^2+1)', 1)))
S(1, '(-1)^n*sin(1/n)', CV, Numeric(GP(), Alt('sin(1/n)', 1)))
S(1, '(-1)^n*(sqrt(n+1)-sqrt(n))', CV, Numeric(GP(), Alt('sqrt(n+1)-sqrt(n)', 1)))
S(1, '(-1)^n*atan(1/n)', CV, Numeric(GP(), Alt('atan(1/n)', 1)))
S(1, '(-1)^n*(1-cos(1/n))', CV, Numeric(GP(), Alt('1-cos(1/n)', 1)))
S(3, '(-1)^n/log(log(n))', CV, Numeric(GP(), Alt('1/log(log(n))', 1)))
S(1, '(-1)^n*(n^(1/n)-1)', CV, Numeric(GP(), Alt('n^(1/n)-1', 1)))
S(1, '(-1)^n*n/(n+1)', DV, why='|terms| -> 1')
S(1, '(-1)^n*(1+1/n)', DV, why='|terms| -> 1')
S(1, '(-1)^n*exp(1/n)', DV, why='|terms| -> 1')
S(1, '(-1)^n*n^(1/n)', DV, why='|terms| -> 1')
S(1, '(-1)^n*n/(2*n+1)', DV, why='|terms| -> 1/2')

# ================================================================= absolute vs conditional
family('abs_conditional', 'absolute versus conditional convergence: |a(n)|, cos(pi n), sin(pi n/2)')
S(1, 'abs((-1)^n/n)', DV, why='= 1/n')
S(1, 'abs((-1)^n/sqrt(n))', DV, why='= 1/sqrt(n)')
S(1, 'abs((-1)^n*n/(n^2+1))', DV, why='= n/(n^2+1) ~ 1/n')
S(2, 'abs((-1)^n)/(n*log(n))', DV, why='= 1/(n log n): integral test')
S(1, 'abs(sin(n))/n', DV, why='|sin n| >= sin(n)^2 = (1 - cos 2n)/2, sum cos(2n)/n converges, sum 1/(2n) diverges')
S(1, 'abs(cos(n))/n', DV, why='|cos n| >= cos(n)^2 = (1 + cos 2n)/2')
S(1, 'abs(cos(n))/sqrt(n)', DV, why='>= cos(n)^2/sqrt(n) = (1 + cos 2n)/(2 sqrt n): Dirichlet + p = 1/2')
S(1, 'abs((-1)^n/n^2)', CV, Closed(lambda: zeta(2), 'zeta(2)', Osc([(1, 0, 're', '1/n^2', lead_pow(1, 2))])))
S(1, 'abs((-1)^n/n^1.5)', CV, Closed(lambda: zeta(1.5), 'zeta(3/2)', Osc([(1, 0, 're', '1/n^1.5', lead_pow(1, 1.5))])))
S(1, '(-1)^n/n^2', CV, Closed(lambda: -pi ** 2 / 12, '-eta(2) = -pi^2/12 (absolutely convergent)', Alt('1/n^2', 1)))
S(1, 'cos(pi*n)/n', CV, Closed(lambda: -log(2), '-log 2 (cos(pi n) = (-1)^n)', Alt('1/n', 1)))
S(1, 'cos(pi*n)/n^2', CV, Closed(lambda: -pi ** 2 / 12, '-pi^2/12', Alt('1/n^2', 1)))
S(1, 'sin(pi*n/2)/n', CV, Closed(lambda: pi / 4, '1 - 1/3 + 1/5 - ... = pi/4', Osc([(1, pi / 2, 'im', '1/n')])))
S(1, 'cos(pi*n/2)/n', CV, Closed(lambda: -log(2) / 2, '-1/2 + 1/4 - ... = -(log 2)/2', Osc([(1, pi / 2, 're', '1/n')])))

# ================================================================= telescoping
family('telescoping', 'telescoping sums b(n) - b(n+1) -> b(a) - lim b')
for a, t, v, txt, ld in [
        (1, '1/(n*(n+1))', 1, '1', lead_pow(1, 2)), (1, '1/(n*(n+2))', r(3) / 4, '3/4', lead_pow(1, 2)),
        (1, '1/((n+1)*(n+2))', r(1) / 2, '1/2', lead_pow(1, 2)), (2, '1/(n^2-1)', r(3) / 4, '3/4', lead_pow(1, 2)),
        (1, '1/(4*n^2-1)', r(1) / 2, '1/2', lead_pow(r(1) / 4, 2)), (1, '1/(n*(n+1)*(n+2))', r(1) / 4, '1/4', lead_pow(1, 3)),
        (1, '(2*n+1)/(n^2*(n+1)^2)', 1, '1', lead_pow(2, 3)), (1, '1/sqrt(n)-1/sqrt(n+1)', 1, '1', lead_pow(r(1) / 2, 1.5)),
        (1, '1/n-1/(n+1)', 1, '1', lead_pow(1, 2)), (1, '1/n^2-1/(n+1)^2', 1, '1', lead_pow(2, 3)),
        (1, '1/(n*(n+3))', r(11) / 18, '(1 + 1/2 + 1/3)/3 = 11/18', lead_pow(1, 2)),
        (1, '(sqrt(n+1)-sqrt(n))/sqrt(n^2+n)', 1, '1/sqrt(n) - 1/sqrt(n+1): 1', lead_pow(r(1) / 2, 1.5)),
        (1, '2/(n^2+2*n)', r(3) / 2, '3/2', lead_pow(2, 2)), (1, '1/(2*n-1)-1/(2*n+1)', 1, '1', lead_pow(r(1) / 2, 2))]:
    S(a, t, CV, Closed(lambda v=v: mpf(v), txt, EM(lead=ld)))
S(1, 'n/factorial(n+1)', CV, Closed(lambda: mpf(1), '1/n! - 1/(n+1)!: 1', Direct()))
S(1, 'atan(1/(n^2+n+1))', CV, Closed(lambda: pi / 4, 'atan(n+1) - atan(n): pi/2 - pi/4', EM(lead=lead_pow(1, 2))))
S(1, 'atan(1/(2*n^2))', CV, Closed(lambda: pi / 4, 'atan(1/(2n-1)) - atan(1/(2n+1)): pi/4', EM(lead=lead_pow(r(1) / 2, 2))))
S(2, 'log(1-1/n^2)', CV, Closed(lambda: -log(2), 'log((n-1)/n) - log(n/(n+1)): -log 2', EM(lead=lead_pow(-1, 2))))
S(1, 'log((n+1)^2/(n*(n+2)))', CV, Closed(lambda: log(2), 'log 2', EM(lead=lead_pow(1, 2))))
S(1, 'sin(1/n)-sin(1/(n+1))', CV, Closed(lambda: sin(1), 'sin 1', EM(lead=lead_pow(1, 2))))
S(1, 'exp(1/n)-exp(1/(n+1))', CV, Closed(lambda: e - 1, 'e - 1', EM(lead=lead_pow(1, 2))))
S(1, 'cos(1/n)-cos(1/(n+1))', CV, Closed(lambda: cos(1) - 1, 'cos 1 - 1', EM(lead=lead_pow(-1, 3))))
S(1, '(-1)^n*(1/n+1/(n+1))', CV, Closed(lambda: mpf(-1), '(-1)^n/n - (-1)^(n+1)/(n+1): -1', Alt('1/n+1/(n+1)', 1)))
S(1, 'log(1+1/n)', DV, why='partial sums log(N+1)')
S(1, 'log(n/(n+1))', DV, why='partial sums -log(N+1)')
S(1, '1/(sqrt(n)+sqrt(n+1))', DV, why='= sqrt(n+1) - sqrt(n): partial sums sqrt(N+1) - 1')
S(1, 'n^2-(n-1)^2', DV, why='partial sums N^2')

# ================================================================= equal-growth differences
family('equal_growth', 'differences of terms of equal growth: the cancellation leaves the true order')
S(1, '1/n-log(1+1/n)', CV, Closed(lambda: +euler, 'Euler gamma', EM(lead=lead_pow(r(1) / 2, 2))))
S(1, 'log(n)-log(n+1)+1/n', CV, Closed(lambda: +euler, 'Euler gamma', EM(lead=lead_pow(r(1) / 2, 2))))
S(1, 'log(1+1/n)-1/(n+1)', CV, Closed(lambda: 1 - euler, '1 - gamma', EM(lead=lead_pow(r(1) / 2, 2))))
S(1, 'n*sin(1/n)-1', CV, Closed(zser(lambda k: (-1) ** k / factorial(2 * k + 1), lambda k: 2 * k),
                                'sum_k (-1)^k zeta(2k)/(2k+1)!', EM(lead=lead_pow(r(-1) / 6, 2))))
S(1, 'exp(1/n)-1-1/n', CV, Closed(zser(lambda k: 1 / factorial(k), lambda k: k, 2), 'sum_{k>=2} zeta(k)/k!', EM(lead=lead_pow(r(1) / 2, 2))))
S(1, 'exp(-1/n)-1+1/n', CV, Closed(zser(lambda k: (-1) ** k / factorial(k), lambda k: k, 2), 'sum_{k>=2} (-1)^k zeta(k)/k!', EM(lead=lead_pow(r(1) / 2, 2))))
S(1, 'exp(1/n^2)-1', CV, Closed(zser(lambda k: 1 / factorial(k), lambda k: 2 * k, 1), 'sum_k zeta(2k)/k!', EM(lead=lead_pow(1, 2))))
S(1, 'cos(1/n)-1', CV, Closed(zser(lambda k: (-1) ** k / factorial(2 * k), lambda k: 2 * k, 1), 'sum_k (-1)^k zeta(2k)/(2k)!', EM(lead=lead_pow(r(-1) / 2, 2))))
S(1, '1-cos(pi/n)', CV, Closed(zser(lambda k: (-1) ** (k + 1) * pi ** (2 * k) / factorial(2 * k), lambda k: 2 * k, 1),
                               'sum_k (-1)^(k+1) pi^(2k) zeta(2k)/(2k)!', EM(lead=lead_pow(pi ** 2 / 2, 2))))
S(1, 'sin(1/n)-1/n', CV, Closed(zser(lambda k: (-1) ** k / factorial(2 * k + 1), lambda k: 2 * k + 1, 1),
                                'sum_k (-1)^k zeta(2k+1)/(2k+1)!', EM(lead=lead_pow(r(-1) / 6, 3))))
S(1, 'atan(1/n)-1/n', CV, Closed(lambda: zser(lambda k: r((-1) ** k) / (2 * k + 1), lambda k: 2 * k + 1, 1, 2)() + pi / 4 - 1,
                                 'sum_k (-1)^k zeta(2k+1)/(2k+1) (the n = 1 part summed: pi/4 - 1)', EM(lead=lead_pow(r(-1) / 3, 3))))
S(1, 'n*log(1+1/n)-1+1/(2*n)', CV, Closed(lambda: zser(lambda k: r((-1) ** (k + 1)) / k, lambda k: k - 1, 3, 2)() + log(2) - r(1) / 2,
                                          'sum_{k>=3} (-1)^(k+1) zeta(k-1)/k (n = 1 part: log 2 - 1/2)', EM(lead=lead_pow(r(1) / 3, 2))))
S(1, 'n^2*(1-cos(1/n))-1/2', CV, Closed(zser(lambda k: (-1) ** (k + 1) / factorial(2 * k), lambda k: 2 * k - 2, 2),
                                        'sum_{k>=2} (-1)^(k+1) zeta(2k-2)/(2k)!', EM(lead=lead_pow(r(-1) / 24, 2))))
S(1, 'log(n*sin(1/n))', CV, Closed(logsinc_series(1), 'sum_k (-1)^k 2^(2k-1) B_2k zeta(2k)/(k (2k)!) (series of log(sin x/x))',
                                   EM(lead=lead_pow(r(-1) / 6, 2))))
S(1, 'sqrt(n+1)-2*sqrt(n)+sqrt(n-1)', CV, Closed(lambda: mpf(-1), 'telescoping second difference: -1', EM(lead=lead_pow(r(-1) / 4, 1.5))))
S(1, 'sqrt(n+1)-sqrt(n)-1/(2*sqrt(n))', CV, Closed(lambda: -1 - zeta(0.5) / 2, '-1 - zeta(1/2)/2', EM(lead=lead_pow(r(-1) / 8, 1.5))))
S(1, '(1+1/n)^n-e+e/(2*n)', CV, Numeric(*em2(lead_pow(11 * e / 24, 2))))
S(1, 'n^(1/n^2)-1', CV, Numeric(*em2(lead_log(2))))
S(1, 'sqrt(n^2+1)-n-1/(2*n)', CV, Numeric(*em2(lead_pow(r(-1) / 8, 3))))
S(1, 'sqrt(n+1)-sqrt(n)', DV, why='~ 1/(2 sqrt(n)); partial sums sqrt(N+1) - 1')
S(1, 'log(n+1)-log(n)', DV, why='partial sums log(N+1)')
S(1, 'n^(1/n)-1', DV, why='>= log(n)/n')
S(1, 'atan(n)-pi/2', DV, why='= -atan(1/n) ~ -1/n')
S(1, 'pi/2-atan(n)', DV, why='= atan(1/n) ~ 1/n')
S(1, '(1+1/n)^n-e', DV, why='~ -e/(2n)')
S(1, 'sqrt(n^2+1)-n', DV, why='= 1/(sqrt(n^2+1)+n) ~ 1/(2n)')
S(1, 'exp(1/n)-1', DV, why='>= 1/n')
S(1, 'n*log(1+1/n)-1', DV, why='~ -1/(2n)')
S(1, 'n^2*log(1+1/n)-n', DV, why='terms -> -1/2')
S(1, 'sqrt(n^2+n)-n-1/2', DV, why='~ -1/(8n)')
S(1, 'sqrt(n)-sqrt(n-1)', DV, why='partial sums sqrt(N)')
S(1, '(n+1)^(1/3)-n^(1/3)', DV, why='partial sums (N+1)^(1/3) - 1')
S(1, 'n*(exp(1/n)-1)-1', DV, why='~ 1/(2n)')

# ================================================================= factorials, Stirling
family('factorial_stirling', 'factorial ratios, central binomials, Stirling-type cancellations')
S(1, 'factorial(n)/factorial(n+2)', CV, Closed(lambda: r(1) / 2, '1/((n+1)(n+2)): 1/2', EM(lead=lead_pow(1, 2))))
S(1, 'factorial(n-1)/factorial(n+1)', CV, Closed(lambda: mpf(1), '1/(n(n+1)): 1', EM(lead=lead_pow(1, 2))))
S(1, 'factorial(n)/factorial(n+3)', CV, Closed(lambda: r(1) / 12, '1/((n+1)(n+2)(n+3)): 1/12', EM(lead=lead_pow(1, 3))))
S(1, 'factorial(n+1)/(factorial(n)*n^3)', CV, Closed(lambda: zeta(2) + zeta(3), 'zeta(2) + zeta(3)', EM(lead=lead_pow(1, 2))))
S(1, 'factorial(n)^2/factorial(2*n)', CV, Closed(lambda: r(1) / 3 + 2 * pi * sqrt(3) / 27, 'sum 1/binomial(2n,n) = 1/3 + 2 pi sqrt(3)/27', Direct()))
S(1, 'factorial(n)^2/(n*factorial(2*n))', CV, Closed(lambda: pi * sqrt(3) / 9, 'sum 1/(n binomial(2n,n)) = pi sqrt(3)/9', Direct()))
S(1, 'factorial(n)^2/(n^2*factorial(2*n))', CV, Closed(lambda: pi ** 2 / 18, 'sum 1/(n^2 binomial(2n,n)) = pi^2/18', Direct()))
S(1, 'factorial(n)^2/factorial(2*n+1)', CV, Closed(lambda: 2 * pi / (3 * sqrt(3)) - 1, 'sum_{n>=0} B(n+1,n+1) = 2 pi/(3 sqrt 3), minus n = 0', Direct()))
S(1, 'factorial(2*n)/(4^n*factorial(n)^2*n)', CV, Closed(lambda: 2 * log(2), 'sum binomial(2n,n)/(n 4^n) = 2 log 2', EM(lead=lead_pow(1 / sqrt(pi), 1.5))))
S(1, 'factorial(n)^2*4^n/(factorial(2*n)*n^2)', CV, Closed(lambda: pi ** 2 / 2, 'sum 4^n/(n^2 binomial(2n,n)) = 2 arcsin(1)^2 = pi^2/2', EM(lead=lead_pow(sqrt(pi), 1.5))))
S(1, 'factorial(2*n)/(factorial(n)*factorial(n+1)*4^n)', CV, Closed(lambda: mpf(1), 'Catalan generating function at 1/4: 2, minus n = 0', EM(lead=lead_pow(1 / sqrt(pi), 1.5))))
S(0, '1/factorial(2*n)', CV, Closed(lambda: cosh(1), 'cosh 1', Direct()))
S(0, '(-1)^n/factorial(2*n+1)', CV, Closed(lambda: sin(1), 'sin 1', Direct()))
S(1, '2^n*factorial(n)/n^n', CV, Numeric(Direct(), NSum()))
S(1, 'exp(n)*factorial(n)/n^(n+2)', CV, Numeric(*em2(lead_pow(sqrt(2 * pi), 1.5))))
S(1, 'factorial(2*n)/(factorial(n)^2*n^2*4^n)', CV, Numeric(*em2(lead_pow(1 / sqrt(pi), 2.5))))
S(1, 'factorial(n)*exp(n)/n^n', DV, why='Stirling: ~ sqrt(2 pi n) -> infinity')
S(1, 'factorial(n)*exp(n)/n^(n+1/2)', DV, why='-> sqrt(2 pi)')
S(1, 'exp(n)*factorial(n)/n^(n+1)', DV, why='~ sqrt(2 pi/n)')
S(1, 'n^n/(factorial(n)*exp(n))', DV, why='~ 1/sqrt(2 pi n)')
S(1, 'factorial(2*n)/(4^n*factorial(n)^2)', DV, why='~ 1/sqrt(pi n)')
S(1, 'factorial(3*n)/(27^n*factorial(n)^3)', DV, why='~ sqrt(3)/(2 pi n)')
S(1, '3^n*factorial(n)/n^n', DV, why='~ sqrt(2 pi n) (3/e)^n -> infinity')
S(1, 'factorial(n)/factorial(n+1)', DV, why='= 1/(n+1)')
S(1, 'factorial(n)^(1/n)/n', DV, why='-> 1/e')
S(1, '1/factorial(n)^(1/n)', DV, why='~ e/n')
S(1, 'factorial(n)/(factorial(n)+1)', DV, why='terms -> 1')

# ================================================================= log-log scale
family('loglog', 'the logarithmic scale: log log n, n^-log n, log(n)^-n, Bertrand series')
S(3, '1/(n*log(n)*log(log(n)))', DV, why='integral test: log log log x -> infinity')
S(3, '1/(n*log(log(n)))', DV, why='>= 1/(n log n) eventually')
S(2, '1/log(n)', DV, why='>= 1/n')
S(2, '1/log(n)^2', DV, why='>= 1/n eventually')
S(2, 'log(log(n))/n', DV, why='>= 1/n for n >= 16')
S(3, '1/log(n)^log(log(n))', DV, why='log(n)^log(log(n)) = n^(log(log n)^2/log n) = n^o(1): terms >= 1/n eventually')
S(1, '1/2^log(n)', DV, why='= n^-log(2), log 2 < 1')
S(1, '1/3^log(n)', CV, Closed(lambda: zeta(log(3)), 'zeta(log 3) (3^-log n = n^-log 3)', EM(lead=lead_pow(1, log(3)))))
S(2, 'log(log(n))/n^2', CV, Numeric(*em2(integral=lambda N: log(log(N)) / N + e1(log(N)))))
S(2, 'log(log(n))/n^1.5', CV, Numeric(*em2(integral=lambda N: 2 * log(log(N)) / sqrt(N) + 2 * e1(log(N) / 2))))
S(1, '1/n^log(n)', CV, Numeric(*em2(ZERO)))
S(1, 'exp(-log(n)^2)', CV, Numeric(*em2(ZERO)))
S(2, '1/log(n)^n', CV, Numeric(Direct(), NSum()))
S(2, '1/log(n)^log(n)', CV, Numeric(*em2(ZERO)))
S(3, 'n^(-log(log(n)))', CV, Numeric(*em2(ZERO)))
S(3, '1/(n*log(n)*log(log(n))^2)', CV, Numeric(*em2(integral=lambda N: 1 / log(log(N)))))
S(3, '1/(n*log(n)*log(log(n))^1.5)', CV, Numeric(*em2(integral=lambda N: 2 / sqrt(log(log(N))))))
S(3, '1/(n*log(n)^2*log(log(n)))', CV, Numeric(*em2(integral=lambda N: e1(log(log(N))))))

# ================================================================= oscillating (Dirichlet / Abel)
family('oscillating', 'Dirichlet/Abel tests: sin(n), cos(n) against decreasing factors; Fourier series of the sawtooth and log-sine')
S(1, 'sin(n)/n', CV, Closed(lambda: (pi - 1) / 2, 'sum sin(n t)/n = (pi - t)/2, t = 1', Osc([(1, 1, 'im', '1/n')])))
S(1, 'cos(n)/n', CV, Closed(lambda: -log(2 * sin(half(1))), '-log(2 sin(1/2))', Osc([(1, 1, 're', '1/n')])))
S(2, 'cos(n)/n', CV, Closed(lambda: -log(2 * sin(half(1))) - cos(1), '-log(2 sin(1/2)) - cos 1', Osc([(1, 1, 're', '1/n')])))
S(1, 'sin(2*n)/n', CV, Closed(lambda: (pi - 2) / 2, '(pi - 2)/2', Osc([(1, 2, 'im', '1/n')])))
S(1, 'sin(3*n)/n', CV, Closed(lambda: (pi - 3) / 2, '(pi - 3)/2', Osc([(1, 3, 'im', '1/n')])))
S(1, 'sin(7*n)/n', CV, Closed(lambda: (3 * pi - 7) / 2, '(pi - (7 - 2 pi))/2', Osc([(1, 7, 'im', '1/n')])))
S(1, 'cos(2*n)/n', CV, Closed(lambda: -log(2 * sin(1)), '-log(2 sin 1)', Osc([(1, 2, 're', '1/n')])))
S(1, 'cos(n/2)/n', CV, Closed(lambda: -log(2 * sin(r(1) / 4)), '-log(2 sin(1/4))', Osc([(1, half(1), 're', '1/n')])))
S(1, 'sin(n)*cos(n)/n', CV, Closed(lambda: (pi - 2) / 4, 'sin(2n)/(2n): (pi - 2)/4', Osc([(half(1), 2, 'im', '1/n')])))
S(1, 'sin(n)^3/n', CV, Closed(lambda: pi / 4, 'sin^3 = (3 sin n - sin 3n)/4: pi/4', Osc([(r(3) / 4, 1, 'im', '1/n'), (r(-1) / 4, 3, 'im', '1/n')])))
S(1, 'cos(n)^3/n', CV, Closed(lambda: -(3 * log(2 * sin(half(1))) + log(2 * sin(r(3) / 2))) / 4, '-(3 log(2 sin(1/2)) + log(2 sin(3/2)))/4',
                              Osc([(r(3) / 4, 1, 're', '1/n'), (r(1) / 4, 3, 're', '1/n')])))
S(1, '(-1)^n*sin(n)/n', CV, Closed(lambda: r(-1) / 2, '(-1)^n sin n = sin((1+pi) n): (pi - 1 - pi)/2 = -1/2', Osc([(1, 1 + pi, 'im', '1/n')])))
S(1, '(-1)^n*cos(n)/n', CV, Closed(lambda: -log(2 * cos(half(1))), '-log(2 cos(1/2))', Osc([(1, 1 + pi, 're', '1/n')])))
S(1, 'sin(n)/n+(-1)^n/n', CV, Closed(lambda: (pi - 1) / 2 - log(2), '(pi - 1)/2 - log 2', Osc([(1, 1, 'im', '1/n'), (1, 'pi', 're', '1/n')])))
S(1, 'sin(n)/(n+1)', CV, Closed(lambda: (exp(-1j) * (-log(1 - exp(1j)) - exp(1j))).imag, 'Im e^-i (-log(1 - e^i) - e^i)', Osc([(1, 1, 'im', '1/(n+1)')])))
S(1, 'sin(n)/n^2', CV, Closed(lambda: clsin(2, 1), 'Clausen Cl_2(1) (mpmath clsin)', Osc([(1, 1, 'im', '1/n^2')])))
S(1, 'cos(n)/n^2', CV, Closed(lambda: pi ** 2 / 6 - pi / 2 + r(1) / 4, 'pi^2/6 - pi/2 + 1/4', Osc([(1, 1, 're', '1/n^2')])))
for t, s, gs, th, gth, part, g in [
        ('cos(n)/sqrt(n)', half(1), '1/2', 1, '1', 're', '1/sqrt(n)'),
        ('sin(n)/sqrt(n)', half(1), '1/2', 1, '1', 'im', '1/sqrt(n)'),
        ('sin(n)/n^1.5', r('1.5'), '3/2', 1, '1', 'im', '1/n^1.5'),
        ('cos(n)/n^(1/3)', r(1) / 3, '1/3', 1, '1', 're', '1/n^(1/3)'),
        ('sin(n)*(-1)^n/sqrt(n)', half(1), '1/2', 1 + pi, '1+Pi', 'im', '1/sqrt(n)')]:
    S(1, t, CV, Closed(lambda s=s, th=th, part=part: hurwitz_cs(s, th)[0 if part == 're' else 1],
                       "Hurwitz's formula: zeta(1-s, x) +- zeta(1-s, 1-x), s = %s, x = theta/(2 pi), theta = %s" % (gs, gth),
                       Osc([(1, th, part, g)]), gp_li(gs, gth, 'real' if part == 're' else 'imag')))
S(1, 'sin(n)^2/n^1.5', CV, Closed(lambda: (zeta(1.5) - hurwitz_cs(1.5, 2)[0]) / 2, "(zeta(3/2) - sum cos(2n)/n^1.5)/2, Hurwitz's formula",
                                  Osc([(half(1), 0, 're', 'n^(-1.5)', lead_pow(1, 1.5)), (half(-1), 2, 're', 'n^(-1.5)')])))
S(2, 'sin(n)/log(n)', CV, Numeric(Osc([(1, 1, 'im', '1/log(n)')]), lerch_log_integral(1, 'im')))
S(2, 'cos(n)/log(n)', CV, Numeric(Osc([(1, 1, 're', '1/log(n)')]), lerch_log_integral(1, 're')))
S(1, 'sin(n)^2/n', DV, why='sin^2 = (1 - cos 2n)/2: sum cos(2n)/n converges, sum 1/(2n) diverges')
S(1, 'cos(n)^2/n', DV, why='cos^2 = (1 + cos 2n)/2')
S(1, 'sin(n)', DV, why='terms do not tend to 0')
S(1, 'cos(n)', DV, why='terms do not tend to 0')
S(1, 'sin(n)*(1+1/n)', DV, why='terms do not tend to 0')

# ================================================================= non-monotone alternating
family('nonmonotone_alt', 'sign-alternating terms whose modulus is not monotone: Leibniz does not apply; pairs of terms')
S(2, '(-1)^n/(n+(-1)^n)', CV, Closed(lambda: log(2) - 1, 'terms 1/3 - 1/2 + 1/5 - 1/4 + ...: log 2 - 1',
                                     Pair('1/(n+1)', '-1/(n-1)', lead_pow(r(-1) / 4, 2))))
S(2, '(-1)^n/(n+(-1)^n)^2', CV, Closed(lambda: pi ** 2 / 12 - 1, 'sum 1/(2k+1)^2 - 1/(2k)^2 = pi^2/12 - 1',
                                       Pair('1/(n+1)^2', '-1/(n-1)^2', lead_pow(r(-1) / 4, 3))))
S(1, '(2+(-1)^n)/n^2', CV, Closed(lambda: pi ** 2 / 4, '2 zeta(2) - eta(2) = pi^2/4', Pair('3/n^2', '1/n^2', lead_pow(1, 2))))
S(1, '(1+(-1)^n)/n^2', CV, Closed(lambda: pi ** 2 / 12, 'sum 2/(2k)^2 = pi^2/12', Pair('2/n^2', '0*n', lead_pow(r(1) / 2, 2))))
S(1, '(-1)^n*(1/n+(-1)^n/n^2)', CV, Closed(lambda: pi ** 2 / 6 - log(2), 'zeta(2) - log 2', Pair('1/n+1/n^2', '-1/n+1/n^2', lead_pow(r(3) / 4, 2))))
S(1, '(-1)^n*(2+sin(n))/n', CV, Closed(lambda: -2 * log(2) - r(1) / 2, '-2 log 2 - 1/2', Osc([(2, 'pi', 're', '1/n'), (1, 1 + pi, 'im', '1/n')])))
S(1, '(-1)^(n*(n+1)/2)/n', CV, Closed(lambda: -pi / 4 - log(2) / 2, 'signs - - + + ...: -(pi/4 + (log 2)/2)',
                                      Osc([(1, pi / 2, 're', '1/n'), (-1, pi / 2, 'im', '1/n')])))
_l1 = lambda X: lead_pow(-isqrt2, 1.5)(X) + lead_pow(r(1) / 4, 2)(X)  # noqa: E731
S(2, '(-1)^n/(n+(-1)^n*sqrt(n))', CV, Numeric(Pair('1/(n+sqrt(n))', '-1/(n-sqrt(n))', _l1),
                                              Pair('1/(n+sqrt(n))', '-1/(n-sqrt(n))', _l1, N=6000, K=8)))
S(2, '(-1)^n/(n+2*(-1)^n)', CV, Numeric(Pair('1/(n+2)', '-1/(n-2)', lead_pow(r(-3) / 4, 2)),
                                        Pair('1/(n+2)', '-1/(n-2)', lead_pow(r(-3) / 4, 2), N=6000, K=8)))
S(2, '(-1)^n/(sqrt(n)+(-1)^n)', DV, why='= (-1)^n/sqrt(n) - 1/n + O(n^-3/2): diverges to -infinity')
S(1, '(-1)^n/sqrt(n)+1/n', DV, why='convergent alternating part plus harmonic')
S(2, '(-1)^n/n+1/(n*log(n))', DV, why='convergent alternating part plus 1/(n log n)')
S(1, '(-1)^n*(1+(-1)^n/sqrt(n))/sqrt(n)', DV, why='= (-1)^n/sqrt(n) + 1/n')
S(1, '(-1)^n/n^(1+(-1)^n/2)', DV, why='odd n: -n^-1/2, even n: n^-3/2: diverges to -infinity')
S(1, '(1+(-1)^n)/n', DV, why='even terms 2/(2k) = 1/k')

# ================================================================= products needing second order
family('prod_second_order', 'products where sum u(n) alone does not decide: u(n)^2 terms, exp compensations, Stirling')
P(2, '1+(-1)^n/sqrt(n)', DZ, why='log(1+x) = x - x^2/2 + O(x^3): sum x converges, sum x^2/2 = sum 1/(2n) diverges')
P(2, '1-(-1)^n/sqrt(n)', DZ, why='same with -x: log P_N -> -infinity')
P(2, '1+(-1)^n/n^(1/3)', DZ, why='sum x^2/2 = sum n^(-2/3)/2 diverges, x^3 alternating, x^4 summable')
P(2, '(1+(-1)^n/sqrt(n))*exp(-(-1)^n/sqrt(n))', DZ, why='log = -1/(2n) + O(n^-3/2)')
P(1, '(1+1/n)^n/e', DZ, why='P_N = (N+1)^N/(N! e^N) ~ e/sqrt(2 pi N) -> 0')
P(1, 'n^(1/n)', DV, why='log P_N = sum log(n)/n -> infinity')
P(1, '(1+1/n^2)^n', DV, why='log ~ 1/n')
P(2, '(1-1/n^2)^n', DZ, why='log ~ -1/n')
P(2, 'cos(pi/n)', ZF, why='cos(pi/2) = 0')
P(1, 'exp(1/n)*(1-1/n)', ZF, why='factor n = 1 is 0')
P(3, 'cos(pi/n)', CV, Numeric(Val(lambda: exp(fsum(log(cos(pi / n)) for n in range(3, 12)) + logcos_series(12, pi)()),
                                  'Kepler-Bouwkamp constant: factors n < 12 directly, then sum_k c_k pi^(2k) zeta(2k, 12) (series of log cos)'),
                              EM(lead=lead_pow(-pi ** 2 / 2, 2))))
P(2, 'exp(1/n)*(1-1/n)', CV, Closed(lambda: exp(euler - 1), 'P_N = e^(H_N - 1)/N -> e^(gamma-1)', EM(lead=lead_pow(r(-1) / 2, 2))))
P(1, 'exp(-1/n)*(1+1/n)', CV, Closed(lambda: exp(-euler), 'e^-gamma', EM(lead=lead_pow(r(-1) / 2, 2))))
P(1, 'exp(1/n)/(1+1/n)', CV, Closed(lambda: exp(euler), 'e^gamma', EM(lead=lead_pow(r(1) / 2, 2))))
P(1, 'sqrt(1+1/n)*exp(-1/(2*n))', CV, Closed(lambda: exp(-euler / 2), 'e^(-gamma/2)', EM(lead=lead_pow(r(-1) / 4, 2))))
P(1, '(1+2/n)*exp(-2/n)', CV, Closed(lambda: exp(-2 * euler) / 2, 'Weierstrass: e^(-gamma z)/Gamma(1+z), z = 2', EM(lead=lead_pow(-2, 2))))
P(1, '(1-1/(2*n))*exp(1/(2*n))', CV, Closed(lambda: exp(euler / 2) / sqrt(pi), 'Weierstrass, z = -1/2: e^(gamma/2)/sqrt(pi)', EM(lead=lead_pow(r(-1) / 8, 2))))
P(1, '(1+1/n)^(n+1/2)/e', CV, Closed(lambda: e / sqrt(2 * pi), 'Stirling: e/sqrt(2 pi)', EM(lead=lead_pow(r(1) / 12, 2))))
P(1, '(1+1/n)^n*exp(1/(2*n)-1)', CV, Closed(lambda: exp(1 + euler / 2) / sqrt(2 * pi), 'Stirling: e^(1+gamma/2)/sqrt(2 pi)', EM(lead=lead_pow(r(1) / 3, 2))))
P(1, 'n^(1/n^2)', CV, Closed(lambda: exp(-zeta(2, 1, 1)), "exp(-zeta'(2))", EM(lead=lead_log(2))))
P(1, '(1+1/n)^(1/n)', CV, Closed(lambda: exp(zser(lambda k: r((-1) ** (k + 1)) / k, lambda k: k + 1, 1, 2)() + log(2)),
                                 'exp(sum_k (-1)^(k+1) zeta(k+1)/k) (n = 1 factor: 2)', EM(lead=lead_pow(1, 2))))
P(1, 'cos(1/n)', CV, Closed(lambda: exp(logcos_series(1)()), 'exp(sum_k c_k zeta(2k)), series of log cos', EM(lead=lead_pow(r(-1) / 2, 2))))
P(1, 'n*sin(1/n)', CV, Closed(lambda: exp(logsinc_series(1)()), 'exp(sum_k (-1)^k 2^(2k-1) B_2k zeta(2k)/(k (2k)!))', EM(lead=lead_pow(r(-1) / 6, 2))))
P(2, '1+(-1)^n/n', CV, Closed(lambda: mpf(1), '(1 + 1/(2k))(1 - 1/(2k+1)) = 1', Pair('1+1/n', '1-1/n', ZERO)))
P(2, '1-(-1)^n/n', CV, Closed(lambda: r(1) / 2, 'prod (2k-1)(2k+2)/(2k(2k+1)) = Gamma(1)Gamma(3/2)/(Gamma(1/2)Gamma(2)) = 1/2',
                              Pair('1-1/n', '1+1/n', lead_pow(r(-1) / 2, 2))))
P(1, 'exp((-1)^n/n)', CV, Closed(lambda: r(1) / 2, 'e^(-log 2)', Pair('exp(1/n)', 'exp(-1/n)', lead_pow(r(1) / 4, 2))))
P(1, 'exp((-1)^n/sqrt(n))', CV, Closed(lambda: exp((sqrt(2) - 1) * zeta(0.5)), 'exp(-eta(1/2)) = exp((sqrt 2 - 1) zeta(1/2))',
                                       Pair('exp(1/sqrt(n))', 'exp(-1/sqrt(n))', lead_pow(mpf(2) ** -2.5, 1.5))))
_l2 = lambda X: lead_pow(-mpf(2) ** -1.5, 1.5)(X)  # noqa: E731
P(2, '1+(-1)^n/n^0.75', CV, Numeric(Pair('1+1/n^0.75', '1-1/n^0.75', _l2, decades=170),
                                    Pair('1+1/n^0.75', '1-1/n^0.75', _l2, N=6000, K=8, decades=170)))

# ================================================================= products with negative factors
family('prod_signs', 'products with negative factors: -h(n), (-1)^n h(n), finitely many negative factors')
P(1, '-1', DV, why='partial products -1, 1, -1, ...: no limit')
P(1, '(-1)^n', DV, why='partial products -1, -1, 1, 1, ...: no limit')
P(1, '(-1)^n*(1+1/n^2)', DV, why='|P_N| -> sinh(pi)/pi != 0, signs - - + + ...: no limit')
P(1, '-(1+1/n^2)', DV, why='|P_N| -> sinh(pi)/pi != 0, sign alternates')
P(2, '-(1-1/n^2)', DV, why='|P_N| -> 1/2, sign alternates')
P(1, '-(1-1/(n+1)^2)', DV, why='|P_N| -> 1/2, sign alternates')
P(1, '-1+2/n^2', DV, why='= -(1 - 2/n^2): |P_N| -> |sin(pi sqrt 2)/(pi sqrt 2)| != 0, sign alternates')
P(1, '-(1+1/n)', DV, why='|P_N| = N+1')
P(1, '(-1)^n*exp(1/n^2)', DV, why='|P_N| -> e^(pi^2/6), signs - - + + ...')
P(2, '-(1+(-1)^n/n)', DV, why='|P_N| -> 1, sign alternates')
P(1, '-1/2', DZ, why='|P_N| = 2^-N -> 0, no zero factor')
P(2, '(-1)^n*(1-1/n)', DZ, why='|P_N| = 1/N -> 0')
P(1, '-exp(-1/n)', DZ, why='|P_N| = e^-H_N -> 0')
P(1, '(-1)^n*n/(n+1)', DZ, why='|P_N| = 1/(N+1) -> 0')
P(1, '(-1)^n*(1-1/n^2)', ZF, why='factor n = 1 is 0')
P(1, '1-2/n', ZF, why='factor n = 2 is 0 (n = 1: -1)')
P(1, '1-2/n^2', CV, Closed(lambda: sin(pi * sqrt(2)) / (pi * sqrt(2)), 'sin(pi x)/(pi x), x = sqrt 2 (one negative factor, n = 1)', EM(lead=lead_pow(-2, 2))))
P(1, '1-3/n^2', CV, Closed(lambda: sin(pi * sqrt(3)) / (pi * sqrt(3)), 'sin(pi x)/(pi x), x = sqrt 3', EM(lead=lead_pow(-3, 2))))
P(1, '1-5/n^2', CV, Closed(lambda: sin(pi * sqrt(5)) / (pi * sqrt(5)), 'sin(pi x)/(pi x), x = sqrt 5 (two negative factors)', EM(lead=lead_pow(-5, 2))))
P(1, '1-1/(n-1/2)^2', CV, Closed(lambda: mpf(-1), 'cos(pi x) = prod (1 - x^2/(n-1/2)^2) at x = 1: -1', EM(lead=lead_pow(-1, 2))))

# ================================================================= ordinary products
family('prod_ordinary', 'products prod (1 + u(n)): sum u converges absolutely; sine/Gamma products; divergent and zero-factor cases')
P(1, '1', CV, Closed(lambda: mpf(1), '1', Direct()))
P(1, '1+1/n^2', CV, Closed(lambda: sinh(pi) / pi, 'sinh(pi)/pi', EM(lead=lead_pow(1, 2))))
P(2, '1-1/n^2', CV, Closed(lambda: r(1) / 2, 'telescoping: (N+1)/(2N) -> 1/2', EM(lead=lead_pow(-1, 2))))
P(2, 'n^2/(n^2-1)', CV, Closed(lambda: mpf(2), '2', EM(lead=lead_pow(1, 2))))
P(1, '1+2/n^2', CV, Closed(lambda: sinh(pi * sqrt(2)) / (pi * sqrt(2)), 'sinh(pi sqrt 2)/(pi sqrt 2)', EM(lead=lead_pow(2, 2))))
P(1, '1+1/(4*n^2)', CV, Closed(lambda: sinh(pi / 2) / (pi / 2), 'sinh(pi/2)/(pi/2)', EM(lead=lead_pow(r(1) / 4, 2))))
P(1, '1-1/(4*n^2)', CV, Closed(lambda: 2 / pi, 'Wallis: 2/pi', EM(lead=lead_pow(r(-1) / 4, 2))))
P(1, '(2*n)^2/((2*n-1)*(2*n+1))', CV, Closed(lambda: pi / 2, 'Wallis: pi/2', EM(lead=lead_pow(r(1) / 4, 2))))
P(3, '1-4/n^2', CV, Closed(lambda: r(1) / 6, 'telescoping: 1/6', EM(lead=lead_pow(-4, 2))))
P(1, '1+1/n^3', CV, Closed(lambda: cosh(pi * sqrt(3) / 2) / pi, 'cosh(pi sqrt(3)/2)/pi', EM(lead=lead_pow(1, 3))))
P(2, '1-1/n^3', CV, Closed(lambda: cosh(pi * sqrt(3) / 2) / (3 * pi), 'cosh(pi sqrt(3)/2)/(3 pi)', EM(lead=lead_pow(-1, 3))))
P(1, '1+1/(n^2+n)', CV, Closed(lambda: cosh(pi * sqrt(3) / 2) / pi, '1/|Gamma(3/2 + i sqrt(3)/2)|^2 = cosh(pi sqrt(3)/2)/pi', EM(lead=lead_pow(1, 2))))
P(2, '1-1/n^4', CV, Closed(lambda: sinh(pi) / (4 * pi), 'sinh(pi)/(4 pi)', EM(lead=lead_pow(-1, 4))))
P(1, '1+1/n^4', CV, Closed(lambda: (cosh(pi * sqrt(2)) - cos(pi * sqrt(2))) / (2 * pi ** 2), '(cosh(pi sqrt 2) - cos(pi sqrt 2))/(2 pi^2)', EM(lead=lead_pow(1, 4))))
P(1, '(n^2+1)/(n^2+2)', CV, Closed(lambda: sqrt(2) * sinh(pi) / sinh(pi * sqrt(2)), 'sqrt(2) sinh(pi)/sinh(pi sqrt 2)', EM(lead=lead_pow(-1, 2))))
P(1, '(n+1)^2/(n*(n+2))', CV, Closed(lambda: mpf(2), 'telescoping: 2', EM(lead=lead_pow(1, 2))))
P(1, 'n*(n+2)/(n+1)^2', CV, Closed(lambda: r(1) / 2, 'telescoping: 1/2', EM(lead=lead_pow(-1, 2))))
P(1, '1+1/(n^2-1/4)', CV, Closed(lambda: sinh(pi * sqrt(3) / 2) / sqrt(3), 'Gamma(1/2)Gamma(3/2)/|Gamma(1 + i sqrt(3)/2)|^2 = sinh(pi sqrt(3)/2)/sqrt(3)', EM(lead=lead_pow(1, 2))))
P(1, '1-1/(n+1/2)^2', CV, Closed(lambda: r(1) / 3, 'Gamma(3/2)^2/(Gamma(1/2)Gamma(5/2)) = 1/3', EM(lead=lead_pow(-1, 2))))
P(1, '1+1/n^2+1/n^3', CV, Closed(lambda: 1 / mpmath.fprod(gamma(1 - x) for x in mpmath.polyroots([1, 0, 1, 1], extraprec=200)).real,
                                 '1/prod_j Gamma(1 - r_j), r_j the roots of x^3 + x + 1 (sum r_j = 0)', EM(lead=lead_pow(1, 2))))
P(2, '1+(-1)^n/n^2', CV, Closed(lambda: sinh(pi / 2) / 2, 'prod (1 + 1/(4k^2)) prod_{k>=2} (1 - 1/(2k-1)^2) = (sinh(pi/2)/(pi/2)) (pi/4)',
                                Pair('1+1/n^2', '1-1/n^2', lead_pow(r(1) / 4, 3))))
P(1, '1+1/n^1.5', CV, Closed(lambda: exp(log1p_zeta(1.5)()), 'exp(sum_k (-1)^(k+1) zeta(3k/2)/k)', EM(lead=lead_pow(1, 1.5))))
P(2, '1-1/n^1.5', CV, Closed(lambda: exp(log1p_zeta(1.5, -1, 2)()), 'exp(-sum_k zeta(3k/2, 2)/k)', EM(lead=lead_pow(-1, 1.5))))
P(1, '1+1/n^10', CV, Closed(lambda: exp(log1p_zeta(10)()), 'exp(sum_k (-1)^(k+1) zeta(10k)/k)', EM(lead=lead_pow(1, 10))))
P(1, '1+1/n^1.001', CV, Closed(lambda: exp(log1p_zeta(r('1.001'))()), 'exp(sum_k (-1)^(k+1) zeta(1.001k)/k)', EM(lead=lead_pow(1, r('1.001')))))
P(2, '1-1/n^1.001', CV, Closed(lambda: exp(log1p_zeta(r('1.001'), -1, 2)()), 'exp(-sum_k zeta(1.001k, 2)/k)', EM(lead=lead_pow(-1, r('1.001')))))
P(1, 'exp(1/n^2)', CV, Closed(lambda: exp(zeta(2)), 'e^(pi^2/6)', EM(lead=lead_pow(1, 2))))
P(1, '2^(1/n^2)', CV, Closed(lambda: 2 ** zeta(2), '2^(pi^2/6)', EM(lead=lead_pow(log(2), 2))))
P(1, '1+1/2^n', CV, Closed(lambda: qp(r(-1) / 2, r(1) / 2), 'q-Pochhammer (-1/2; 1/2)_inf', Direct()))
P(1, '1-1/2^n', CV, Closed(lambda: qp(r(1) / 2, r(1) / 2), 'q-Pochhammer (1/2; 1/2)_inf', Direct()))
P(2, '1-2^(1-n)', CV, Closed(lambda: qp(r(1) / 2, r(1) / 2), 'q-Pochhammer (1/2; 1/2)_inf', Direct()))
P(1, '1-1/3^n', CV, Closed(lambda: qp(r(1) / 3, r(1) / 3), 'q-Pochhammer (1/3; 1/3)_inf', Direct()))
P(1, '1+exp(-n)', CV, Closed(lambda: qp(-1 / e, 1 / e), 'q-Pochhammer (-1/e; 1/e)_inf', Direct()))
P(1, '1+1/factorial(n)', CV, Numeric(Direct(), GP()))
P(2, '1-1/factorial(n)', CV, Numeric(Direct(), GP()))
P(2, '1+1/(n*log(n)^2)', CV, Numeric(*em2(lead_powlog(1, 1, 2))))
P(1, '1+sin(1/n^2)', CV, Numeric(*em2(lead_pow(1, 2))))
P(1, '1+1/n', DV, why='P_N = N+1')
P(1, '(n+2)/(n+1)', DV, why='P_N = (N+2)/2')
P(1, '1+1/sqrt(n)', DV, why='sum u = sum 1/sqrt(n) diverges, u > 0')
P(2, '1+1/(n*log(n))', DV, why='sum u diverges (integral test), u > 0')
P(1, '2', DV, why='P_N = 2^N')
P(1, 'exp(1/n)', DV, why='P_N = e^(H_N)')
P(2, '1-1/n', DZ, why='P_N = 1/N')
P(1, '1-1/(n+1)', DZ, why='P_N = 1/(N+1)')
P(1, '1/2', DZ, why='P_N = 2^-N')
P(1, 'exp(-1/n)', DZ, why='P_N = e^(-H_N)')
P(2, '1-1/(n*log(n))', DZ, why='sum u = -sum 1/(n log n) diverges, 0 < factors < 1')
P(3, '1-2/n', DZ, why='P_N = 2/(N(N-1))')
P(1, '1-1/n', ZF, why='factor n = 1 is 0')
P(1, '1-1/n^2', ZF, why='factor n = 1 is 0')
P(1, '1-4/n^2', ZF, why='factor n = 2 is 0')
P(1, '1-1/factorial(n)', ZF, why='factor n = 1 is 0')
P(1, '1+(-1)^n/n^2', ZF, why='factor n = 1 is 0')
P(1, '(n-3)/n', ZF, why='factor n = 3 is 0')
P(1, '1-2^(1-n)', ZF, why='factor n = 1 is 0')

# ================================================================= traps
family('trap', 'look-alikes: divergent terms that look convergent (and a few convergent ones that look divergent)')
S(2, '1/(n*log(n))', DV, why='integral test: log log x -> infinity')
S(1, '1/n^(1+1/n)', DV, why='n^(1/n) <= e^(1/e): terms >= e^(-1/e)/n')
S(2, '1/n^(1+1/log(n))', DV, why='n^(1/log n) = e: terms = 1/(e n)')
S(3, '1/(n*log(n)^(1+1/log(log(n))))', DV, why='log(n)^(1/log log n) = e: terms = 1/(e n log n)')
S(1, 'n^(-n^(1/n))', DV, why='= (1/n) exp(-log(n) (n^(1/n) - 1)) ~ 1/n')
S(1, '1/n^(1+1/sqrt(n))', DV, why='n^(1/sqrt n) -> 1: ~ 1/n')
S(1, '1/(n+1000000)', DV, why='~ 1/n')
S(1, '1/(1000*n)', DV, why='harmonic / 1000')
S(1, 'n/(n^2+1000000)', DV, why='~ 1/n')
S(1, '1/sqrt(n^2+n)', DV, why='~ 1/n')
S(1, '1/(n^2)^(1/2)', DV, why='= 1/n')
S(1, '1/(n*(1+1/n)^n)', DV, why='~ 1/(e n)')
S(2, '(1-1/n)^n/n', DV, why='~ 1/(e n)')
S(1, 'exp(-1/n)/n', DV, why='~ 1/n')
S(1, '2^(-sqrt(log(n)))', DV, why='>= 1/n eventually')
S(1, '1/(n*(log(n)+1))', DV, why='~ 1/(n log n)')
S(2, '(n^(1/n)-1)/log(n)', DV, why='~ 1/n')
S(1, '1-cos(1/sqrt(n))', DV, why='~ 1/(2n)')
S(1, 'log(1+1/sqrt(n))^2', DV, why='~ 1/n')
S(1, 'sin(1/n)^2', CV, Closed(zser(lambda k: (-1) ** (k + 1) * 2 ** (2 * k - 1) / factorial(2 * k), lambda k: 2 * k, 1),
                              'sum_k (-1)^(k+1) 2^(2k-1) zeta(2k)/(2k)!', EM(lead=lead_pow(1, 2))))
S(2, '1/(n*log(n)^1.0001)', CV, Numeric(*em2(integral=lambda N: 10000 / log(N) ** r('0.0001'))))
S(2, '1/n^(1+1/sqrt(log(n)))', CV, Numeric(*em2(integral=lambda N: 2 * (sqrt(log(N)) + 1) * exp(-sqrt(log(N))))))
S(2, 'exp(-sqrt(log(n)))/n', CV, Numeric(*em2(integral=lambda N: 2 * (sqrt(log(N)) + 1) * exp(-sqrt(log(N))))))


def _int_loglog_exp(N):
    L = log(N)
    pts = [L]
    while pts[-1] < 10000:
        pts.append(min(pts[-1] * 1.5, mpf(10000)))
    return quad(lambda u: exp(-u / log(u)), pts)


S(3, '1/n^(1+1/log(log(n)))', CV, Numeric(*em2(integral=_int_loglog_exp)))


# ---------------------------------------------------------------- the split
# Cases written to tests/data/textbook_more.tsv (option --more) instead of
# the suite run by tests/test_textbook.sh: variants of cases kept in the
# suite, most of them convergent cases on which infcert uses its whole
# 10 s budget refining the enclosure (the suite must run in about 4 minutes
# on 2 cores).  Run them with
#     tests/textbook_run.py --data tests/data/textbook_more.tsv
MORE = {
    ('sum', 0, '(-1/3)^n'),
    ('sum', 1, '5^n/6^n'),
    ('sum', 0, '2^n/3^(n+1)'),
    ('sum', 1, '2^(-2*n)'),
    ('sum', 0, '3^n/2^(2*n)'),
    ('sum', 2, '(1/2)^n'),
    ('sum', 0, 'e^(-2*n)'),
    ('sum', 1, '(2/pi)^n'),
    ('sum', 1, '2^n'),
    ('sum', 1, '3/4^n'),
    ('sum', 0, '0.99^n'),
    ('sum', 1, '(-0.9)^n'),
    ('sum', 1, '(-2)^n'),
    ('sum', 1, 'n^(-3/2)'),
    ('sum', 2, '1/n^(3/2)'),
    ('sum', 1, 'n^-1.001'),
    ('sum', 1, '1/n^1.1'),
    ('sum', 1, 'n^(-4/3)'),
    ('sum', 1, 'sqrt(n)/n^2'),
    ('sum', 1, '1/(2*n)^2'),
    ('sum', 1, '1/(n+1)^2'),
    ('sum', 1, '1/n^(1/3)'),
    ('sum', 1, '1/(2*n)'),
    ('sum', 1, '1/n^10'),
    ('sum', 1, '1/(2*n-1)^2'),
    ('sum', 1, '1/n^(5/4)'),
    ('sum', 1, 'n^(-e)'),
    ('sum', 1, '1/(n*sqrt(n+1))'),
    ('sum', 1, '1/(n^2+sqrt(n))'),
    ('sum', 1, 'cos(n)^2/n^2'),
    ('sum', 1, '(2+sin(n))/n^2'),
    ('sum', 1, 'sin(1/n^2)'),
    ('sum', 1, 'atan(n)/n^2'),
    ('sum', 1, 'atan(1/n^2)'),
    ('sum', 1, '1/(n*(n+sqrt(n)))'),
    ('sum', 1, 'sqrt(n+1)/n^2'),
    ('sum', 1, 'cos(1/n)/n^2'),
    ('sum', 1, '1/(n^2+4)'),
    ('sum', 1, '1/(3*n-1)'),
    ('sum', 1, 'log(1+1/n^2)'),
    ('sum', 1, 'n^2/(n^4+1)'),
    ('sum', 1, '(n+1)/n^3'),
    ('sum', 1, '1/(n^2-1/4)'),
    ('sum', 1, 'n/(n+1)^3'),
    ('sum', 1, '2^n/factorial(n)'),
    ('sum', 1, 'n^2/factorial(n)'),
    ('sum', 1, 'n^3*(2/3)^n'),
    ('sum', 1, '1/(3^n*n^2)'),
    ('sum', 1, 'n/(n+1)^n'),
    ('sum', 1, 'n^2/2^n'),
    ('sum', 1, '1/factorial(n)'),
    ('sum', 1, '(n/(2*n+1))^n'),
    ('sum', 1, 'factorial(n)/2^n'),
    ('sum', 1, '(-1)^n*(n^(1/n)-1)'),
    ('sum', 1, '(-1)^n*atan(1/n)'),
    ('sum', 1, '(-1)^n*(1-cos(1/n))'),
    ('sum', 1, '(-1)^n/(n^2+1)'),
    ('sum', 1, '(-1)^n*n/(n^2+1)'),
    ('sum', 1, '(-1)^n*log(1+1/n)'),
    ('sum', 1, '(-1)^(n+1)*(2*n+1)/(n*(n+1))'),
    ('sum', 1, '(-1)^n/(n^2+n)'),
    ('sum', 1, '(-1)^(n+1)/n^3'),
    ('sum', 1, '(-1)^n/n^1.5'),
    ('sum', 1, '(-1)^n*n^2/3^n'),
    ('sum', 1, '(-1)^n*n/(2*n+1)'),
    ('sum', 1, 'abs((-1)^n/n^1.5)'),
    ('sum', 1, 'abs((-1)^n/n^2)'),
    ('sum', 1, 'cos(pi*n)/n^2'),
    ('sum', 1, 'exp(1/n)-exp(1/(n+1))'),
    ('sum', 1, 'log((n+1)^2/(n*(n+2)))'),
    ('sum', 2, 'log(1-1/n^2)'),
    ('sum', 1, 'atan(1/(2*n^2))'),
    ('sum', 1, '(sqrt(n+1)-sqrt(n))/sqrt(n^2+n)'),
    ('sum', 1, '1/((n+1)*(n+2))'),
    ('sum', 1, '2/(n^2+2*n)'),
    ('sum', 1, '1/sqrt(n)-1/sqrt(n+1)'),
    ('sum', 1, '1/(n*(n+3))'),
    ('sum', 1, '1/(2*n-1)-1/(2*n+1)'),
    ('sum', 1, 'n^2-(n-1)^2'),
    ('sum', 1, 'log(n)-log(n+1)+1/n'),
    ('sum', 1, 'exp(-1/n)-1+1/n'),
    ('sum', 1, 'exp(1/n^2)-1'),
    ('sum', 1, '1-cos(pi/n)'),
    ('sum', 1, 'n*log(1+1/n)-1+1/(2*n)'),
    ('sum', 1, 'n^2*(1-cos(1/n))-1/2'),
    ('sum', 1, 'log(n*sin(1/n))'),
    ('sum', 1, 'cos(1/n)-1'),
    ('sum', 1, 'pi/2-atan(n)'),
    ('sum', 1, 'sqrt(n)-sqrt(n-1)'),
    ('sum', 1, '(n+1)^(1/3)-n^(1/3)'),
    ('sum', 1, 'factorial(n-1)/factorial(n+1)'),
    ('sum', 1, 'factorial(n+1)/(factorial(n)*n^3)'),
    ('sum', 1, 'factorial(n)^2*4^n/(factorial(2*n)*n^2)'),
    ('sum', 1, 'factorial(2*n)/(factorial(n)*factorial(n+1)*4^n)'),
    ('sum', 1, 'factorial(2*n)/(factorial(n)^2*n^2*4^n)'),
    ('sum', 1, 'factorial(n)^2/(n*factorial(2*n))'),
    ('sum', 0, '1/factorial(2*n)'),
    ('sum', 1, 'factorial(n)/(factorial(n)+1)'),
    ('sum', 1, 'sin(n)^2/n^1.5'),
    ('sum', 2, 'cos(n)/n'),
    ('sum', 1, 'sin(3*n)/n'),
    ('sum', 1, 'cos(n/2)/n'),
    ('sum', 1, 'cos(2*n)/n'),
    ('sum', 1, 'sin(n)*cos(n)/n'),
    ('sum', 1, 'cos(n)^3/n'),
    ('sum', 1, 'sin(n)*(1+1/n)'),
    ('sum', 1, '(1+(-1)^n)/n^2'),
    ('prod', 1, 'exp(1/n)/(1+1/n)'),
    ('prod', 1, 'sqrt(1+1/n)*exp(-1/(2*n))'),
    ('prod', 1, '(1+2/n)*exp(-2/n)'),
    ('prod', 1, '(1-1/(2*n))*exp(1/(2*n))'),
    ('prod', 1, 'n^(1/n^2)'),
    ('prod', 1, '(1+1/n)^(1/n)'),
    ('prod', 2, '1-(-1)^n/n'),
    ('prod', 1, 'exp(-1/n)*(1+1/n)'),
    ('prod', 1, 'cos(1/n)'),
    ('prod', 2, '1+(-1)^n/n^2'),
    ('prod', 1, '1+sin(1/n^2)'),
    ('prod', 1, '1+1/(4*n^2)'),
    ('prod', 2, 'n^2/(n^2-1)'),
    ('prod', 1, 'n*(n+2)/(n+1)^2'),
    ('prod', 1, '1+1/n^10'),
    ('prod', 2, '1-2^(1-n)'),
    ('prod', 1, '1-1/3^n'),
    ('prod', 1, '1+exp(-n)'),
    ('prod', 1, '(n+2)/(n+1)'),
    ('prod', 1, '1-1/(n+1)'),
    ('prod', 1, '1+2/n^2'),
    ('prod', 1, '(n^2+1)/(n^2+2)'),
    ('prod', 2, '1-1/n^4'),
    ('prod', 1, '1+1/n^4'),
    ('prod', 1, '1+1/(n^2-1/4)'),
    ('prod', 1, '1-1/(n+1/2)^2'),
    ('prod', 1, '2^(1/n^2)'),
    ('prod', 1, 'exp(1/n)'),
    ('prod', 2, '1-1/factorial(n)'),
    ('prod', 1, '1/2'),
    ('sum', 1, '1/(1000*n)'),
    ('sum', 1, 'n/(n^2+1000000)'),
    ('sum', 1, 'exp(-1/n)/n'),
}
_ALL = {(c[1], c[2], c[3]) for c in CASES}
assert MORE <= _ALL, MORE - _ALL


# ---------------------------------------------------------------- output

def agree(v, w):
    if v == w:
        return 99
    d = abs(v - w) / abs(v)
    return int(mpmath.floor(-mpmath.log10(d)))


def fmt(v, d):
    return mpmath.nstr(v, d, strip_zeros=False, min_fixed=-5, max_fixed=12)


def compute(case):
    (fam, _), kind, a, term, verdict, ref, why = case
    if ref is None:
        return '-', why
    if isinstance(ref, Closed):
        v = ref.fn()
        v = mpc(v).real if isinstance(v, mpc) else v
        notes = []
        for chk in ref.checks:
            w, how = chk(kind, a, term)
            w = mpc(w).real if isinstance(w, mpc) else w
            d = agree(v, w)
            if d < 20:
                raise RuntimeError('%s %s: closed form %s and check %s differ (%d digits): %s vs %s'
                                   % (kind, term, ref.text, how, d, v, w))
            notes.append('%s: agrees to %s digits' % (how, d if d < 60 else '60+'))
        return fmt(v, OUT_DIGITS), 'closed form %s; checked from the term: %s' % (ref.text, '; '.join(notes))
    v1, h1 = ref.m1(kind, a, term)
    v2, h2 = ref.m2(kind, a, term)
    d = agree(v1, v2)
    if d < 14:
        raise RuntimeError('%s %s: methods disagree (%d digits): %s vs %s' % (kind, term, d, v1, v2))
    digits = OUT_DIGITS if d >= OUT_DIGITS + 2 else d - 2
    note = '' if digits >= 25 else ' (only %d digits: the two methods agree on %d)' % (digits, d)
    return fmt(v1, digits), '%s; %s: agree to %s digits%s' % (h1, h2, d if d < 60 else '60+', note)


def main():
    args = sys.argv[1:]
    more = '--more' in args
    args = [x for x in args if x != '--more']
    only = args[0] if args else None
    out = sys.stdout
    if more:
        out.write('# textbook_more.tsv: more textbook series and products, same format as\n'
                  '# textbook.tsv (variants kept out of the suite for its run time).\n')
    else:
        out.write('# textbook.tsv: public suite of textbook series and products (issue 11).\n')
    out.write('# Generated by tests/data/textbook_refs.py (mpmath %s, PARI/GP); never by infcert.\n'
              '# Columns (tab-separated): kind, from, term (infcert syntax), true verdict,\n'
              '# reference (decimal, every written digit correct up to one unit in the last\n'
              '# place; "-" when there is no finite nonzero limit), provenance (how the\n'
              '# reference was computed and checked, or why the verdict holds).\n'
              '# "# family: NAME" lines start a family; tests/test_textbook.sh runs the suite.\n'
              % mpmath.__version__)
    out.write('kind\tfrom\tterm\tverdict\treference\tprovenance\n')
    fam = None
    t0 = time.time()
    for case in CASES:
        if only and only not in case[3]:
            continue
        if ((case[1], case[2], case[3]) in MORE) != more:
            continue
        if case[0] != fam:
            fam = case[0]
            out.write('# family: %s -- %s\n' % fam)
        t = time.time()
        ref, prov = compute(case)
        out.write('%s\t%d\t%s\t%s\t%s\t%s\n' % (case[1], case[2], case[3], case[4], ref, prov))
        out.flush()
        sys.stderr.write('%6.1fs %s %s\n' % (time.time() - t, case[1], case[3]))
    sys.stderr.write('%d cases in %.0f s\n' % (len(MORE) if more else len(CASES) - len(MORE), time.time() - t0))


if __name__ == '__main__':
    main()
