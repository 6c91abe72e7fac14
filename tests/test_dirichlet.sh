#!/bin/sh
# test_dirichlet.sh — oscillating sums (-1)^n trig(s n + t) h(n), h
# completely monotone to 0: Dirichlet's test for the verdict, repeated
# summation by parts for the limit (src/dirichlet.c).  References, never
# infcert: closed forms (sum sin(n x)/n = (pi - x)/2 on (0, 2 pi), sum
# cos(n x)/n = -log(2 sin(x/2)), sum (-1)^(n+1) sin(n x)/n = x/2, geometric
# series) and mpmath's Lerch transcendent at 60 digits (sum_{n>=1} z^n n^-a
# = z Phi(z, a, 1), |z| = 1, z != 1), plus agreement across digits.  Terms
# that do not match (h not tending to 0, not monotone, an angle with pi,
# an exponent 0) must not be called convergent.
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" <<'PYEOF'
import json, subprocess, sys
from fractions import Fraction
import mpmath as m
B = sys.argv[1]
fails = 0
m.mp.dps = 60

def check(name, ok, why=""):
    global fails
    print(("ok " + name) if ok else ("FAIL %s: %s" % (name, why)))
    fails += 0 if ok else 1

def run(term, digits=15, frm=1):
    p = subprocess.run([B, "sum", "--json", "--digits", str(digits), "--from", str(frm), "--timeout", "30", "--", term],
                       capture_output=True, text=True, timeout=120)
    return json.loads(p.stdout), p.returncode

def F(x):
    return Fraction(m.nstr(x, 55, min_fixed=-1, max_fixed=-1))

def lerch(z, a):                       # sum_{n>=1} z^n n^-a
    return z * m.lerchphi(z, a, 1)

E = lambda x: m.exp(1j * x)
third = m.mpf(1) / 3
cases = [
    ("sin(n)/n", (m.pi - 1) / 2, "closed form (pi - 1)/2"),
    ("cos(n)/n", -m.log(2 * m.sin(m.mpf(1) / 2)), "closed form -log(2 sin(1/2))"),
    ("sin(2*n)/n", (m.pi - 2) / 2, "closed form (pi - 2)/2"),
    ("cos(n/3)/n", -m.log(2 * m.sin(m.mpf(1) / 6)), "closed form -log(2 sin(1/6))"),
    ("(-1)^n*sin(n)/n", -m.mpf(1) / 2, "closed form -1/2"),
    ("(-1)^(n+1)*sin(n/2)/n", m.mpf(1) / 4, "closed form x/2 at x = 1/2"),
    ("sin(n)*exp(-n)", m.im(m.exp(-1 + 1j) / (1 - m.exp(-1 + 1j))), "geometric series"),
    ("sin(n)/sqrt(n)", m.im(lerch(E(1), 0.5)), "Lerch Phi"),
    ("cos(n)/sqrt(n)", m.re(lerch(E(1), 0.5)), "Lerch Phi"),
    ("(-1)^(n+1)*cos(2*n)/n^(1/3)", -m.re(lerch(-E(2), third)), "Lerch Phi"),
    ("sin(n+1/2)/n", m.im(E(0.5) * lerch(E(1), 1)), "Lerch Phi"),
    ("3*cos(5*n-2)/n^(3/4)", 3 * m.re(E(-2) * lerch(E(5), 0.75)), "Lerch Phi"),
    ("-sin(n)/n^2", -m.im(lerch(E(1), 2)), "Lerch Phi"),
    ("sin(7*n)/n^(1/10)", m.im(lerch(E(7), m.mpf(1) / 10)), "Lerch Phi"),
    # squares: sin(x)^2 = (1 - cos 2x)/2, then a sum of two series
    ("sin(n)^2/n^2", (m.zeta(2) - m.re(lerch(E(2), 2))) / 2, "zeta(2) and Lerch Phi"),
    ("cos(n)^2/n^2", (m.zeta(2) + m.re(lerch(E(2), 2))) / 2, "zeta(2) and Lerch Phi"),
    ("(-1)^n*sin(n)^2/n", m.log(m.cos(1)) / 2, "closed form log(cos 1)/2"),
    ("1/n^2 + sin(n)/n", m.zeta(2) + (m.pi - 1) / 2, "closed forms"),
    ("sin(n)/n - (-1)^n/n", (m.pi - 1) / 2 + m.log(2), "closed forms"),
    # not one Dirichlet term (h = (1 + sin n)/n is not CM), but cos(n)/n +
    # sin(2n)/(2n) after distributing and sin a cos b = (sin(a+b) + sin(a-b))/2
    ("cos(n)*(1+sin(n))/n", -m.log(2 * m.sin(m.mpf(1) / 2)) + (m.pi - 2) / 4, "closed forms"),
]
for term, ref, prov in cases:
    for digits in (15, 40):
        d, rc = run(term, digits)
        lim = d.get("limit")
        ok = d["verdict"] == "converges" and lim and Fraction(lim["lo"]) <= F(ref) <= Fraction(lim["hi"])
        check("%s, %d digits: converges, contains %s (%s)" % (term, digits, m.nstr(ref, 12), prov), ok,
              json.dumps(d)[:300])
        check("%s, %d digits: %d digits certified (method %s)" % (term, digits, d.get("digits", 0), d.get("method")),
              d.get("digits", 0) >= digits and rc == 0, json.dumps(d)[:300])
d, _ = run("sin(n)/n", 15)
check("certificate: Dirichlet with its items", d["certificate"]["test"] == "Dirichlet"
      and d["certificate"].get("h") == "1/n" and float(d["certificate"]["partial_sum_max"]) >= 2 / abs(1 - complex(m.cos(1), m.sin(1))),
      json.dumps(d["certificate"]))
# --from and a log factor: agreement across digits (no closed form)
a, _ = run("sin(2*n+1)/log(n+1)", 15, 2)
b, _ = run("sin(2*n+1)/log(n+1)", 50, 2)
check("sin(2n+1)/log(n+1) from 2: 15 and 50 digits agree",
      a["verdict"] == b["verdict"] == "converges" and Fraction(a["limit"]["lo"]) <= Fraction(b["limit"]["lo"])
      and Fraction(b["limit"]["hi"]) <= Fraction(a["limit"]["hi"]), json.dumps(a)[:200] + json.dumps(b)[:200])
# divergent: a divergent part plus a convergent one
for term in ("sin(n)^2/n", "cos(n)^2/sqrt(n)", "sin(n)/n + 1/n", "sin(2*n+1)^2/(n+1)"):
    d, rc = run(term, 15)
    check("%s diverges (sum of two series)" % term, d["verdict"] == "diverges" and rc == 0, json.dumps(d)[:300])
# must not be called convergent
for term, why in (("sin(n)", "h = 1 does not tend to 0 (diverges)"), ("n*sin(n)", "h grows"),
                  ("sin(n)^2/n", "diverges"), ("cos(0*n+1)/n", "s = 0: cos(1)/n diverges"),
                  ("sin(n)/n + 1/n", "diverges"),
                  ("sin(n)/(n + 10*sin(n))", "h not CM")):
    d, rc = run(term, 15)
    check("%s is not called convergent (%s): %s" % (term, why, d["verdict"]), d["verdict"] != "converges", json.dumps(d)[:300])
sys.exit(1 if fails else 0)
PYEOF
