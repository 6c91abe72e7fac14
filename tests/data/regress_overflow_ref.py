#!/usr/bin/env python3
"""Reference values for tests/test_overflow_regress.sh (issue 16).

Regenerate with
    python3 tests/data/regress_overflow_ref.py > tests/data/regress_overflow.txt
(Debian python3-mpmath; about a minute).  Every value is computed here by
mpmath from a closed form or an exact expansion, independently of infcert,
at mp.dps = 400 and again at mp.dps = 500; the two runs must agree to
REF_DIGITS + 20 digits or the script stops.  Each line of the data file is

    name <TAB> kind <TAB> term <TAB> options <TAB> ref_lo <TAB> ref_hi <TAB> provenance

ref_lo < true value < ref_hi (the dps-400 value widened by 10^-(REF_DIGITS)
relative); kind "log" means the interval encloses the natural log of the
limit (the limit itself exceeds MPFR's exponent range)."""
import sys
import mpmath
from mpmath import mp, mpf, zeta, exp, log, pi, sinh, psi, hyp2f1, sin, bernoulli, diff, factorial

REF_DIGITS = 330

N62 = 2**62
N53 = 2**53 + 1


def zeta_log1p(s, N, c=1):
    """log prod_{n>=N} (1 + c n^-s) = sum_k (-1)^(k+1) c^k / k zeta(k s, N)
    (|c| N^-s < 1: absolutely convergent)."""
    total = mpf(0)
    k = 1
    while True:
        t = (-1) ** (k + 1) * mpf(c) ** k / k * zeta(k * s, N)
        total += t
        if abs(t) < abs(total) * mpf(10) ** (-mp.dps - 5):
            return total
        k += 1


def alt_series(f, kmax):
    return sum(f(k) for k in range(kmax))


def log_prod_1p_c_npow(c, p, N1=1000, m=60):
    """log prod_{n>=1} (1 + c n^-p), c = 10^30, p = 11/10: direct sum for
    n < N1, then Euler-Maclaurin from N1 with m corrections:
      sum_{n>=N1} f(n) = int_N1^inf f + f(N1)/2 - sum_j B_2j/(2j)! f^(2j-1)(N1) + R,
    f(x) = log(1 + c x^-p) (its nearest singularities are 0 and
    |x| = c^(1/p) ~ 5e27, so the corrections decrease like (2j)!/(2 pi N1)^(2j)).
    int_N1^inf f = -N1 f(N1) + p I,  I = int_N1^inf dx/(1 + x^p/c)
      = c^(1/p) (pi/p)/sin(pi/p) - N1 2F1(1, 1/p; 1 + 1/p; -N1^p/c)
    (integration by parts; x f(x) -> 0 since p > 1)."""
    c = mpf(c); p = mpf(p)
    f = lambda x: log(1 + c * x ** (-p))
    direct = mp.fsum(f(mpf(n)) for n in range(1, N1))
    I = c ** (1 / p) * (pi / p) / sin(pi / p) - N1 * hyp2f1(1, 1 / p, 1 + 1 / p, -mpf(N1) ** p / c)
    integral = -N1 * f(mpf(N1)) + p * I
    x = mpf(N1)
    u = x ** p / c                                 # f = log c + log(1 + u) - p log x
    imax = int(mp.dps / (-mpmath.log10(u))) + 3      # u^i below 10^-dps
    def deriv(k):
        # f^(k)(x) = -p (-1)^(k-1) (k-1)!/x^k
        #           + sum_i (-1)^(i+1)/(i c^i) ff(p i, k) x^(p i - k)
        # (log(1 + u) as its power series in u = x^p/c < 10^-26)
        d = -p * (-1) ** (k - 1) * factorial(k - 1) / x ** k
        for i in range(1, imax + 1):
            d += (-1) ** (i + 1) / (i * c ** i) * mpmath.ff(p * i, k) * x ** (p * i - k)
        return d
    em = f(x) / 2
    last = None
    for j in range(1, m + 1):
        last = bernoulli(2 * j) / factorial(2 * j) * deriv(2 * j - 1)
        em -= last
    return direct + integral + em, abs(last)


def cases():
    # name, kind, term, options, value (callable), provenance
    return [
        ("zeta_power_1.000001_from_1.85e13", "sum", "n^-1.000001", "--from 18500000000000 --digits 60",
         lambda: zeta(mpf(1000001) / 1000000, 18500000000000),
         "mpmath.zeta(mpf(1000001)/1000000, 18500000000000)"),
        ("zeta_power_1.2_from_2^62_d100", "sum", "n^-1.2", "--from 4611686018427387904 --digits 100",
         lambda: zeta(mpf(6) / 5, N62), "mpmath.zeta(mpf(6)/5, 2**62)"),
        ("zeta_power_1.2_from_2^62_d300", "sum", "n^-1.2", "--from 4611686018427387904 --digits 300",
         lambda: zeta(mpf(6) / 5, N62), "mpmath.zeta(mpf(6)/5, 2**62)"),
        ("zeta_expansion_1+n^-1.2_from_2^62", "prod", "1 + n^-1.2", "--from 4611686018427387904 --digits 100",
         lambda: exp(zeta_log1p(mpf(6) / 5, N62)),
         "exp(sum_k (-1)^(k+1)/k mpmath.zeta(6k/5, 2**62))"),
        ("zeta_power_1.25_from_2^62", "sum", "n^-1.25", "--from 4611686018427387904 --digits 100",
         lambda: zeta(mpf(5) / 4, N62), "mpmath.zeta(mpf(5)/4, 2**62)"),
        ("zeta_power_2_from_2^62_d200", "sum", "n^-2", "--from 4611686018427387904 --digits 200",
         lambda: zeta(2, N62), "mpmath.zeta(2, 2**62)"),
        ("zeta_expansion_1+n^-2_from_2^62", "prod", "1 + 1/n^2", "--from 4611686018427387904 --digits 50",
         lambda: exp(zeta_log1p(2, N62)), "exp(sum_k (-1)^(k+1)/k mpmath.zeta(2k, 2**62))"),
        ("zeta_expansion_1-n^-2_from_2^62", "prod", "1 - 1/n^2", "--from 4611686018427387904 --digits 50",
         lambda: mpf(N62 - 1) / N62, "(N-1)/N, N = 2**62 (telescoping product)"),
        ("prod_1+10^30/n^2", "prod", "1 + 10^30/n^2", "--timeout 10",
         lambda: sinh(pi * mpf(10) ** 15) / (pi * mpf(10) ** 15),
         "sinh(pi*10**15)/(pi*10**15) (prod (1 + x^2/n^2) = sinh(pi x)/(pi x))"),
        ("prod_1+10^30/n^1.1", "log", "1 + 10^30/n^1.1", "--timeout 10",
         lambda: log_prod_1p_c_npow(10 ** 30, mpf(11) / 10)[0],
         "log of the limit: direct sum n < 1000 + Euler-Maclaurin from 1000 (m = 60), integral by mpmath.hyp2f1 (see log_prod_1p_c_npow)"),
        ("ratexp_1/(n^2+1)_from_2^53+1", "sum", "1/(n^2+1)", "--from 9007199254740993 --digits 40",
         lambda: mp.fsum((-1) ** k * zeta(2 * k + 2, N53) for k in range(30)),
         "sum_{k<30} (-1)^k mpmath.zeta(2k+2, 2**53+1)"),
        ("ratexp_1/(n^2+1)_from_2^62", "sum", "1/(n^2+1)", "--from 4611686018427387904 --digits 40",
         lambda: mp.fsum((-1) ** k * zeta(2 * k + 2, N62) for k in range(30)),
         "sum_{k<30} (-1)^k mpmath.zeta(2k+2, 2**62)"),
        ("ratexp_1/(n^3-2)_from_2^62", "sum", "1/(n^3-2)", "--from 4611686018427387904 --digits 30",
         lambda: mp.fsum(mpf(2) ** k * zeta(3 * k + 3, N62) for k in range(20)),
         "sum_{k<20} 2^k mpmath.zeta(3k+3, 2**62)"),
        ("cvz_(-1)^n/n_from_2^62", "sum", "(-1)^n/n", "--from 4611686018427387904 --digits 30",
         lambda: (psi(0, mpf(N62 + 1) / 2) - psi(0, mpf(N62) / 2)) / 2,
         "(-1)^N (digamma((N+1)/2) - digamma(N/2))/2, N = 2**62"),
        ("cvz_(-1)^n/n^2_from_2^62-1", "sum", "(-1)^n/n^2", "--from 4611686018427387903 --digits 30",
         lambda: -(zeta(2, mpf(N62 - 1) / 2) - zeta(2, mpf(N62) / 2)) / 4,
         "(-1)^N (zeta(2, N/2) - zeta(2, (N+1)/2))/4, N = 2**62 - 1"),
    ]


def main():
    print("# Reference values for tests/test_overflow_regress.sh (issue 16), generated by")
    print("#   python3 tests/data/regress_overflow_ref.py > tests/data/regress_overflow.txt")
    print("# with mpmath %s at mp.dps = 400, checked against mp.dps = 500 (agreement to %d digits)."
          % (mpmath.__version__, REF_DIGITS + 20))
    print("# Fields (tab-separated): name kind term options ref_lo ref_hi provenance;")
    print("# ref_lo < true value < ref_hi.  kind log: the interval encloses log(limit).")
    for name, kind, term, opts, fn, prov in cases():
        mp.dps = 400
        v = fn()
        mp.dps = 500
        w = fn()
        mp.dps = 400
        if kind == "log":
            # the Euler-Maclaurin reference: also check the last correction
            # is negligible and a second cut-off N1 agrees
            mp.dps = 120
            v2, last = log_prod_1p_c_npow(10 ** 30, mpf(11) / 10, N1=2000, m=60)
            v1, last1 = log_prod_1p_c_npow(10 ** 30, mpf(11) / 10)
            mp.dps = 400
            if abs(v1 - v2) > abs(v1) * mpf(10) ** -90 or last1 > abs(v1) * mpf(10) ** -90:
                sys.exit("%s: Euler-Maclaurin reference not converged (%s, %s)" % (name, v1 - v2, last1))
            # the same routine for p = 2 against the closed form sinh(pi x)/(pi x)
            x = mpf(10) ** 15
            v3, _ = log_prod_1p_c_npow(10 ** 30, mpf(2))
            closed = pi * x + log(1 - exp(-2 * pi * x)) - log(2) - log(pi * x)
            if abs(v3 - closed) > abs(closed) * mpf(10) ** -100:
                sys.exit("%s: Euler-Maclaurin routine disagrees with the closed form for p = 2" % name)
            digits = 90
        else:
            digits = REF_DIGITS
            if abs(v - w) > abs(v) * mpf(10) ** -(REF_DIGITS + 20):
                sys.exit("%s: dps 400 and 500 disagree" % name)
        eps = abs(v) * mpf(10) ** -digits
        lo, hi = v - eps, v + eps
        print("\t".join([name, kind, term, opts, mpmath.nstr(lo, digits + 15, min_fixed=1, max_fixed=0),
                         mpmath.nstr(hi, digits + 15, min_fixed=1, max_fixed=0), prov]))


if __name__ == "__main__":
    main()
