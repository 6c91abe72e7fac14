#!/usr/bin/python3
"""plots_check.py REPORT.JSON — the certified plot data of report.json
against independent computations (tests/test_plots.sh runs it on the report
of tests/data/claims/plots.claims).

A certified series promises exact x and lo <= true value <= hi at each x
(docs/claims.md, "Plot data").  Each check below computes the true value
another way than infcert does:

  item 1  log10 P_N, P_N = prod_{j=2}^N (1 - j^-s), N = 10^x: for N <= 10^4
          a direct sum of log1p(-j^-s) in mpmath (40 digits), and for every
          N from Hurwitz zeta values, log prod_{j>=a} (1 - j^-s) =
          -sum_m zeta(s m, a) / m (mpmath), so log P_N = L(2) - L(N+1);
          the two agree where both are computed.  The limit band against
          L(2), the smallest-double band against -1074 log10 2.
  item 4  1 - p, p the top probability of a softmax with logits
          (0, -g, ..., -g) in the format: an emulation written here (exp at
          300 bits rounded once to the format; sums and the division in
          Python floats, binary64, then rounded to the format, which is
          exact for binary64 and correctly rounded for the smaller formats
          because 53 >= 2p + 2 makes double rounding innocuous for + and /;
          binary16 and bfloat16 rounded by an integer rounding function).
          The vertical line g* must be where p becomes exactly 1: p(g*) = 1
          and p < 1 at the format number below.
  item 6  the fan model (two tokens, each 1/2 after anything): the ratio
          marginal / max path is exactly 2^(n-1), the lower bound c r^(n-1)
          = 2^(n-1), the upper bound pmin^-n = 2^n.

Then each kind of certified value is tampered with (moved just outside its
own interval) and the check must fail: the test can fail.
Prints "ok NAME" / "FAIL NAME: why" lines.
"""
import copy
import json
import math
import struct
import sys

import mpmath
from mpmath import mp, mpf

mp.prec = 300
LOG10 = mpmath.log(10)


def num(v):
    """A plot number of report.json (read with parse_float=str, so the
    decimal as printed) as an mpf, or +-inf.  300 bits hold the 17-digit
    decimals to 10^-80, far below any gap tested here."""
    if v == "inf":
        return mpmath.inf
    if v == "-inf":
        return -mpmath.inf
    return mpf(v)


def encloses(lo, hi, true):
    return num(lo) <= true <= num(hi)


# ---- item 1 ----------------------------------------------------------------

def log_tail(s, a):
    """log prod_{j >= a} (1 - j^-s) = -sum_{m>=1} zeta(s m, a) / m."""
    acc, m = mpf(0), 1
    while True:
        t = mpmath.zeta(s * m, a) / m
        acc -= t
        if t < abs(acc) * mpf(2) ** -280 or m > 2000:
            return acc
        m += 1


def check_far(plot, fails, start=2):
    # s as the note states it ("... and s = 1.001; ..."), read exactly
    s = mpf(plot.get("note", "").split(" s = ")[1].split(";")[0]) if " s = " in plot.get("note", "") else mpf(1001) / 1000
    full = log_tail(s, start)                     # log P, the limit
    band = [x for x in plot["series"] if x["name"].startswith("certified partial product")]
    if not band:
        fails.append("no certified partial product series")
        return 0
    n = 0
    direct = {}
    # direct sums for N = 10^k, k <= 4 (one pass)
    acc, j = mpf(0), start
    for k in range(1, 5):
        while j <= 10 ** k:
            acc += mpmath.log1p(-mpf(j) ** (-s))
            j += 1
        direct[k] = acc / LOG10
    for x, lo, hi in zip(band[0]["x"], band[0]["lo"], band[0]["hi"]):
        k = int(x)
        if k != x:
            fails.append("x = %r is not an integer exponent" % x)
            continue
        N = mpf(10) ** k
        true = (full - log_tail(s, N + 1)) / LOG10
        if k in direct and abs(direct[k] - true) > mpf(10) ** -30:
            fails.append("reference methods disagree at N = 10^%d: %s vs %s" % (k, direct[k], true))
        if not encloses(lo, hi, true):
            fails.append("N = 10^%d: [%s, %s] does not contain log10 P_N = %s" % (k, lo, hi, mpmath.nstr(true, 20)))
        n += 1
    for sr in plot["series"]:
        if sr["name"] == "certified limit":
            if not encloses(sr["lo"][0], sr["hi"][0], full / LOG10):
                fails.append("limit band [%s, %s] misses %s" % (sr["lo"][0], sr["hi"][0], full / LOG10))
            n += 1
        if sr["name"].startswith("smallest positive double"):
            if not encloses(sr["lo"][0], sr["hi"][0], -1074 * mpmath.log10(2)):
                fails.append("2^-1074 band misses -1074 log10 2")
            n += 1
    return n


# ---- item 4 ----------------------------------------------------------------

# precision p, smallest normal exponent, largest exponent (IEEE convention)
FORMATS = {"binary16": (11, -14, 15), "bfloat16": (8, -126, 127),
           "binary32": (24, -126, 127), "binary64": (53, -1022, 1023)}


def round_fmt(x, fmt):
    """x (mpf or float) rounded to nearest, ties to even, in the format
    (subnormals included; overflow gives inf)."""
    p, emin, emax = FORMATS[fmt]
    x = mpf(x)
    if x == 0:
        return 0.0
    m, e = mpmath.frexp(x)                     # x = m 2^e, 1/2 <= |m| < 1
    q = max(e - 1, emin) - (p - 1)             # exponent of the last bit
    y = mpmath.ldexp(x, -q)                    # exact scaling
    f = mpmath.floor(y)
    r = y - f
    n = f + 1 if (r > 0.5 or (r == 0.5 and int(f) % 2 == 1)) else f
    v = mpmath.ldexp(n, q)
    if abs(v) >= mpf(2) ** (emax + 1):
        return math.copysign(math.inf, float(x))
    return float(v)                            # exact: p <= 53 bits


def op_round(fmt):
    """Rounding of a binary64 result of + or / to the format."""
    if fmt == "binary64":
        return lambda v: v
    if fmt == "binary32":
        return lambda v: struct.unpack("f", struct.pack("f", v))[0]
    if fmt == "binary16":
        return lambda v: struct.unpack("e", struct.pack("e", v))[0]
    return lambda v: round_fmt(v, fmt)


def top_prob(fmt, V, g, top_last=True):
    """Computed top probability: top logit 0, V - 1 logits at -g."""
    rnd = op_round(fmt)
    e = round_fmt(mpmath.exp(-mpf(g)), fmt)
    if top_last:
        acc, k = e, 1
    else:
        acc, k = 1.0, 0
    while k < V - 1:
        nxt = rnd(acc + e)
        if nxt == acc:           # the same addition gives the same result
            break
        acc, k = nxt, k + 1
    if top_last:
        acc = rnd(acc + 1.0)
    return rnd(1.0 / acc)


def pred_fmt(g, fmt):
    """The format number just below g > 0 (normal range)."""
    p = FORMATS[fmt][0]
    m, e = math.frexp(g)                       # g = m 2^e, 1/2 <= m < 1
    ulp = math.ldexp(1.0, e - p)
    if m == 0.5:
        ulp /= 2
    return g - ulp


def check_fp(plot, order_top_last, fails):
    fmt = plot["title"].split()[0]
    if fmt not in FORMATS:
        fails.append("unknown format in %r" % plot["title"])
        return 0
    n = 0
    for sr in plot["series"]:
        if not sr["certified"]:
            fails.append("%s: series %r not certified" % (fmt, sr["name"]))
        if sr["name"].startswith("V = "):
            V = int(sr["name"][4:])
            for x, lo, hi in zip(sr["x"], sr["lo"], sr["hi"]):
                x = float(x)                   # printed exactly (certified x)
                if round_fmt(x, fmt) != x:
                    fails.append("%s V = %d: gap %r is not a format number" % (fmt, V, x))
                p = top_prob(fmt, V, x, order_top_last)
                d = 1 - mpf(p)                 # exact
                if d == 0:
                    ok = lo == "-inf" and hi == "-inf"
                else:
                    ok = encloses(lo, hi, mpmath.log10(d))
                if not ok:
                    fails.append("%s V = %d, gap %r: [%s, %s] does not contain log10(1 - %r)" % (fmt, V, x, lo, hi, p))
                n += 1
        elif sr["name"].startswith("g* = "):
            V = int(sr["name"].split("V = ")[1].split(")")[0])
            g = float(sr["x"][0])
            if top_prob(fmt, V, g, order_top_last) != 1.0 or top_prob(fmt, V, pred_fmt(g, fmt), order_top_last) >= 1.0:
                fails.append("%s V = %d: %r is not the gap where p becomes 1" % (fmt, V, g))
            n += 1
    return n


# ---- item 6 ----------------------------------------------------------------

def check_fan(plot, fails):
    n = 0
    l2 = mpmath.log10(2)
    for sr in plot["series"]:
        if sr["name"].startswith("marginal / max path") or sr["name"].startswith("certified lower bound"):
            f = lambda k: (k - 1) * l2               # 2^(n-1)
        elif sr["name"].startswith("certified upper bound"):
            f = lambda k: k * l2                     # 2^n
        else:
            continue
        for x, lo, hi in zip(sr["x"], sr["lo"], sr["hi"]):
            if not encloses(lo, hi, f(int(x))):
                fails.append("fan %r, n = %r: [%s, %s] misses %s" % (sr["name"], x, lo, hi, f(int(x))))
            n += 1
    return n


# ---- all -------------------------------------------------------------------

def check_doc(doc, only=None):
    """Returns (failures, {item: points checked}); only: just the plots
    whose title contains it."""
    fails, counts = [], {1: 0, 4: 0, 6: 0}
    for c in doc["claims"]:
        for ch in c["checks"]:
            nums = dict(ch["numbers"])
            top_last = "then the top term" in nums.get("evaluation order", "then the top term")
            for p in ch["plots"]:
                if only and only not in p["title"]:
                    continue
                for sr in p["series"]:
                    if sr["certified"] and sr["lo"] is not None:
                        for lo, hi in zip(sr["lo"], sr["hi"]):
                            if num(lo) > num(hi):
                                fails.append("%r: lo %s > hi %s" % (sr["name"], lo, hi))
                if "out to the limit" in p["title"]:
                    counts[1] += check_far(p, fails)
                elif "softmax: 1 - computed top probability" in p["title"]:
                    counts[4] += check_fp(p, top_last, fails)
                elif "certified growth (fan)" in p["title"]:
                    counts[6] += check_fan(p, fails)
    return fails, counts


def tampered(doc, pick):
    """A copy of doc with one certified value of the first plot whose title
    contains pick moved just outside its interval (lo raised above hi)."""
    d = copy.deepcopy(doc)
    for c in d["claims"]:
        for ch in c["checks"]:
            for p in ch["plots"]:
                if pick not in p["title"]:
                    continue
                for sr in p["series"]:
                    if not sr["certified"] or sr["lo"] is None:
                        continue
                    for i, (lo, hi) in enumerate(zip(sr["lo"], sr["hi"])):
                        lo, hi = num(lo), num(hi)
                        if mpmath.isfinite(lo) and mpmath.isfinite(hi):
                            w = max(hi - lo, abs(hi) * mpf(10) ** -15, mpf(10) ** -300)
                            sr["lo"][i] = mpmath.nstr(hi + w, 30)
                            sr["hi"][i] = mpmath.nstr(hi + 2 * w, 30)
                            return d
    return None


def main():
    with open(sys.argv[1]) as f:
        doc = json.load(f, parse_float=str)    # the decimals as printed
    fails, counts = check_doc(doc)
    if fails:
        print("FAIL plots_certified_data_enclose_references: %d failures, first: %s" % (len(fails), "; ".join(fails[:3])))
    else:
        print("ok plots_certified_data_enclose_references (%s)" %
              ", ".join("item %d: %d values" % (k, v) for k, v in sorted(counts.items())))
    for item, want in ((1, 10), (4, 40), (6, 20)):
        if counts[item] >= want:
            print("ok plots_item%d_checked (%d values)" % (item, counts[item]))
        else:
            print("FAIL plots_item%d_checked: only %d values (expected >= %d)" % (item, counts[item], want))
    for pick in ("out to the limit", "binary16 softmax: 1 - computed", "binary64 softmax: 1 - computed", "certified growth (fan)"):
        d = tampered(doc, pick)
        if d is None:
            print("FAIL plots_tamper_%s: nothing to tamper with" % pick.split()[0])
            continue
        f, _ = check_doc(d, pick)
        print(("ok" if f else "FAIL") + " plots_tampered_value_is_caught (%s)" % pick)


if __name__ == "__main__":
    main()
