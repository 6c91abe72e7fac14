# tests/data/nlog2_1000_ref.py — writes the reference of tests/data/nlog2_1000.txt
# (run: /usr/bin/python3 tests/data/nlog2_1000_ref.py; about 15 s).
# sum_{n>=2} 1/(n log(n)^2) to ~1060 digits, independently of infcert:
# direct sum n = 2..M-1 + Euler-Maclaurin at M = 3000 with the Taylor
# coefficients of f(M + t) by O(len^2) power-series recurrences in mpmath
# (log(M+t), its square, times (M+t), reciprocal), integral 1/log(M).
from mpmath import mp, mpf, log, bernoulli, factorial, nstr
mp.dps = 1100
M = 3000
L = 700
lm = log(mpf(M))
# log(M + t) = lm + sum_{k>=1} (-1)^(k+1) t^k / (k M^k)
lg = [lm] + [mpf((-1) ** (k + 1)) / (k * mpf(M) ** k) for k in range(1, L)]
sq = [sum(lg[i] * lg[k - i] for i in range(k + 1)) for k in range(L)]
u = [M * sq[k] + (sq[k - 1] if k else 0) for k in range(L)]
c = [1 / u[0]]
for k in range(1, L):
    c.append(-sum(u[j] * c[k - j] for j in range(1, k + 1)) / u[0])
S = sum(1 / (n * log(mpf(n)) ** 2) for n in range(2, M))
S += 1 / lm + c[0] / 2
last = None
for j in range(1, L // 2):
    t = bernoulli(2 * j) / (2 * j) * c[2 * j - 1]
    if abs(t) < mpf(10) ** -1080:
        last = t
        break
    S -= t
assert last is not None
print(nstr(S, 1060, min_fixed=-1, max_fixed=2))
