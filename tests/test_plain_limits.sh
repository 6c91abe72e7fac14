#!/bin/sh
# test_plain_limits.sh — issue 14's three holes.  (1) A plain term (no
# option) never runs past the effort limit (README: without --timeout a
# run ends after about 10 s): 1000 copies of (-1)^n/n once ran 490 s; like
# summands are now collected (an exact identity) so it is decided at once,
# and terms whose analysis gives nothing end within the limit too.  (2)
# --digits 100000 ends after about 10 s with the digits certified so far,
# status 4, and progress lines on stderr with --progress.  (3) `infcert
# claims DIR` is bad input (status 2, the path named).  References: log 2
# from mpmath at 50 digits; pi^2/6 and 1/2 (closed forms).
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 - "$B" <<'PYEOF'
import json, subprocess, sys, tempfile, time
import os
from fractions import Fraction
import mpmath
B = sys.argv[1]
fails = 0
LIMIT = 13.0          # the 10 s effort limit plus start-up and slack
# the sanitized build is about 10 times slower between two polls of the
# limit (one term of 400 sine factors, one interval series): more slack.
# Measured: 13.3 s, then 22.6 s once the Taylor models also try n = m^k
# (the plain build ends in 6.7 s, well inside LIMIT); 38.6 s with the
# tests running two at a time beside other jobs (load 4 on 2 cores)
if os.environ.get("IC_TEST_SANITIZED"):
    LIMIT = 60.0

def check(name, ok, why=""):
    global fails
    print(("ok " + name) if ok else ("FAIL %s: %s" % (name, why)))
    fails += 0 if ok else 1

def run(*args):
    t0 = time.monotonic()
    p = subprocess.run([B] + list(args), capture_output=True, text=True, timeout=120)
    return p, time.monotonic() - t0

mpmath.mp.dps = 50
log2 = Fraction(mpmath.nstr(mpmath.log(2), 45))
eps = Fraction(1, 10**40)

def contains(doc, lo, hi):
    l = doc.get("limit")
    return l is not None and Fraction(l["lo"]) <= lo and hi <= Fraction(l["hi"])

# (1) many copies: collected into 1000 (-1)^n/n, decided and enclosed
for k, sign in ((1000, ""), (1000, "-"), (37, "")):
    term = "+".join([sign + "(-1)^n/n"] * k) if not sign else "".join(["-(-1)^n/n"] * k)
    p, t = run("sum", "--json", "--", term)
    d = json.loads(p.stdout)
    v = -k * log2 if not sign else k * log2
    check("%d copies of %s(-1)^n/n: converges in %.2f s, status %d" % (k, sign, t, p.returncode),
          d["verdict"] == "converges" and t < LIMIT and p.returncode == 0, p.stdout[-300:])
    check("%d copies: the limit %s%d log 2 is enclosed" % (k, "" if sign else "-", k),
          contains(d, v - eps * k, v + eps * k), str(d.get("limit")))
# copies with rational coefficients and a constant: 3/2 x + x/2 - 2 x = 0 x keeps x
p, _ = run("sum", "--json", "--", "3/2*(-1)^n/n + (-1)^n/n/2 + 1/n^2 + 1/n^2")
d = json.loads(p.stdout)
check("3/2 x + x/2 + 2/n^2: converges to -2 log 2 + pi^2/3", d["verdict"] == "converges"
      and contains(d, -2 * log2 + Fraction(mpmath.nstr(mpmath.pi**2 / 3, 45)) - eps,
                   -2 * log2 + Fraction(mpmath.nstr(mpmath.pi**2 / 3, 45)) + eps), p.stdout[-300:])
# cancelling copies are left as written: sqrt(n-5) - sqrt(n-5) is undefined at n = 1
p, _ = run("sum", "--json", "--", "1/n^2 + sqrt(n-5) - sqrt(n-5)")
check("x - x is not dropped: undefined at n = 1 (status 2)", p.returncode == 2 and '"n": "1"' in p.stdout, p.stdout)

# many distinct summands: no verdict or a verdict, but within the limit
for name, term in (("299 alternating shifts", "+".join("(-1)^n/(n+%d)" % k for k in range(1, 300))),
                   ("400 sine factors", "1+" + "+".join("sin(n+%d)/n^2" % k for k in range(1, 400)))):
    kind = "prod" if name.startswith("400") else "sum"
    p, t = run(kind, "--json", "--", term)
    d = json.loads(p.stdout)
    check("%s (%s, plain): ends in %.1f s < %.0f s, status %d in {0, 3, 4}" % (name, kind, t, LIMIT, p.returncode),
          t < LIMIT and p.returncode in (0, 3, 4), p.stdout[-300:])
    if p.returncode == 4:
        check("%s: stopped by the effort limit, said so" % name, d.get("stopped") == "effort", p.stdout[-300:])

# (2) 100000 digits without --timeout
# more digits than any enclosure below reaches (15000 for the sum within the
# effort limit since issue 13's faster zeta-power path: was under 4000)
sys.set_int_max_str_digits(0)
mpmath.mp.dps = 40100
z2 = Fraction(mpmath.nstr(mpmath.pi**2 / 6, 40050))
mpmath.mp.dps = 50
for kind, term, frm, ref in (("sum", "1/n^2", "1", z2), ("prod", "1 - 1/n^2", "2", Fraction(1, 2))):
    p, t = run(kind, "--json", "--progress", "--from", frm, "--digits", "100000", "--", term)
    d = json.loads(p.stdout)
    check("%s %s --digits 100000: ends in %.1f s, status 4, %d digits" % (kind, term, t, d["digits"]),
          t < LIMIT + 5 and p.returncode == 4 and d["digits"] >= 15 and d.get("stopped") in ("effort", "memory"),
          "t=%.1f rc=%d %s" % (t, p.returncode, p.stdout[-200:]))
    dz = Fraction(1, 10**40000)
    check("%s %s: the enclosure contains the closed form" % (kind, term), contains(d, ref - dz, ref + dz)
          and d["digits"] < 40000, str(d.get("limit"))[:200])
    # the periodic line comes every 2 s: a run that a limit stops sooner
    # (the memory budget, before the 100000-digit pass) has only the last
    check("%s %s: progress lines on stderr" % (kind, term),
          ("digits certified so far" in p.stderr or t < 2.5)
          and "of 100000 digits certified" in p.stderr, p.stderr[-300:])

# (3) a folder given as the claim file
with tempfile.TemporaryDirectory() as tmp:
    p, _ = run("claims", tmp)
    check("claims DIR: status 2, the path named", p.returncode == 2 and tmp in p.stderr and "directory" in p.stderr,
          "%d %r" % (p.returncode, p.stderr))
    p, _ = run("claims", "--json", tmp)
    e = json.loads(p.stdout)
    check("claims DIR --json: an error object naming the path", p.returncode == 2 and tmp in e["error"]["message"],
          p.stdout)
    p, _ = run("report", "--out", tmp + "/r", tmp)
    check("report DIR: status 2", p.returncode == 2 and "directory" in p.stderr, p.stderr)
sys.exit(1 if fails else 0)
PYEOF
