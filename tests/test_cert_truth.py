#!/usr/bin/python3
"""test_cert_truth.py -- every inequality a certificate states must hold (issue 18).

Runs `infcert sum|prod --json` on a few hundred generated terms (positive,
negative and sign-changing: c/n^s with c of either sign, rational
functions, (-1)^n terms, log/exp/sin factors, products 1 + c n^-s with c of
either sign, divergent ones), reads every inequality of each certificate,
and checks it at 20 sample points n >= its start (the start itself, small
n, random n, and n up to 10^6 and 10^12), with arithmetic independent of
infcert: the term, F(n) and the other functions named by the certificate
are parsed here from their text (the grammar of src/term.h) and evaluated
with mpmath at 60+ digits (raised until two precisions agree, so that
cancellation such as p(n) - 1 for p(n) = 1 + n^-6 at n = 10^12 is still
resolved).  A bound holds when lhs <= rhs + 1e-25 max(|lhs|, |rhs|).

What is read (README, "JSON format", certificate keys):
  * every item whose key is "bound" or ends in "_bound": one inequality
    in the grammar  LHS REL RHS,  LHS one of |v(n)|, v(n), (-1)^n v(n),
    |v(n+1)| with v = a (the term), u (p(n) - 1) or p (the factor),
    REL one of <=, >=, =, RHS one of 0, K, -K, K * G(n), -K * G(n), |v(n)|
    with K and G names of other items (a decimal, a term in n); it holds
    for every n >= for_n_from;
  * "ratio" / "u_ratio": v(n) / envelope(n) lies in the interval, for
    n >= from_n (u_from_n); an envelope with a symbol (exp(r*n), n^alpha,
    log(n)^beta, factorial(n)^phi: an exact value too long to print) uses
    the enclosure in the item of that name ("u_" prefix for products): the
    statement fails when no value in the enclosures makes it true;
  * "u_range": u(n) lies in the interval;
  * "sign" / "u_sign" (+1 or -1): the sign of v(n), or of (-1)^n v(n) when
    the envelope alternates;
  * "zero_factor_n": p(zero_factor_n) = 0;
  * the summary sentence: every "LHS REL K * F(n)", "LHS REL K",
    "|v(n+1)| <= |v(n)|" and "g(n) in [lo, hi]" written in it, with
    F(n) as given in the sentence (symbols as above), for n >= its
    "n >= X".
A statement that cannot be parsed is a failure too (a new sentence shape
must be added here, not skipped).

Deterministic: fixed seed (--seed), sample points from (seed, case).
Output: "ok ..." lines per family, one "FAIL ..." line per false
statement with the command that replays it.  --selftest checks that the
checker rejects made-up false certificates (the issue's "|a(n)| <= -2 *
F(n)", a rounded rate, a wrong direction, a wrong start).
Needs only the standard library and mpmath (Debian: python3-mpmath).
"""

import argparse
import json
import random
import re
import subprocess
import sys
import time
from fractions import Fraction

try:
    import mpmath
    from mpmath import mp, mpf
except ImportError:  # the wrapper skips cleanly
    sys.stderr.write("test_cert_truth.py: needs mpmath\n")
    sys.exit(77)

mp.dps = 60
REL_TOL = mpf("1e-25")
SYMBOLS = ("r", "alpha", "beta", "phi")   # exact values too long to print

# ---------------------------------------------------------------------------
# the term syntax (src/term.h), parsed independently of infcert
# ---------------------------------------------------------------------------

FUNCS = ("log", "exp", "sqrt", "sin", "cos", "atan", "abs", "factorial")
TOKEN = re.compile(r"\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)|([A-Za-z_][A-Za-z_0-9]*)|(.))")


class Undefined(Exception):
    pass


def tokenize(s):
    out, pos = [], 0
    s = s.strip()
    while pos < len(s):
        m = TOKEN.match(s, pos)
        if not m:
            raise ValueError("cannot tokenize %r at %d" % (s, pos))
        pos = m.end()
        if m.group(1):
            out.append(("num", Fraction(m.group(1))))
        elif m.group(2):
            out.append(("id", m.group(2)))
        elif m.group(3) and not m.group(3).isspace():
            out.append(("op", m.group(3)))
    out.append(("end", None))
    return out


class Parser:
    """expr := mul (('+'|'-') mul)*; mul := unary (('*'|'/') unary)*;
    unary := ('-'|'+') unary | power; power := atom ('^' unary)?;
    atom := number | n | pi | e | r | func '(' expr ')' | '(' expr ')'.
    The result is a tree of tuples, evaluated by ev()."""

    def __init__(self, s, symbols=()):
        self.t = tokenize(s)
        self.i = 0
        self.symbols = symbols
        self.src = s

    def peek(self):
        return self.t[self.i]

    def take(self, kind=None, val=None):
        tok = self.t[self.i]
        if (kind and tok[0] != kind) or (val is not None and tok[1] != val):
            raise ValueError("parse error in %r at token %d (%r)" % (self.src, self.i, tok))
        self.i += 1
        return tok

    def parse(self):
        e = self.expr()
        self.take("end")
        return e

    def expr(self):
        e = self.mul()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            e = (op, e, self.mul())
        return e

    def mul(self):
        e = self.unary()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            e = (op, e, self.unary())
        return e

    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        if self.peek() == ("op", "+"):
            self.take()
            return self.unary()
        return self.power()

    def power(self):
        a = self.atom()
        if self.peek() == ("op", "^"):
            self.take()
            return ("^", a, self.unary())
        return a

    def atom(self):
        kind, v = self.take()
        if kind == "num":
            return ("num", v)
        if kind == "id":
            if v == "n":
                return ("n",)
            if v == "pi":
                return ("pi",)
            if v == "e":
                return ("e",)
            if v in self.symbols:
                return ("sym", v)
            if v in FUNCS:
                self.take("op", "(")
                a = self.expr()
                self.take("op", ")")
                return (v, a)
            raise ValueError("unknown name %r in %r" % (v, self.src))
        if (kind, v) == ("op", "("):
            a = self.expr()
            self.take("op", ")")
            return a
        raise ValueError("parse error in %r near %r" % (self.src, v))


def is_int(x):
    return x == mpmath.floor(x)


def ev(t, n, env):
    """The value of tree t at n (an mpf) at the current mp precision."""
    op = t[0]
    if op == "num":
        return mpf(t[1].numerator) / t[1].denominator
    if op == "n":
        return n
    if op == "pi":
        return +mp.pi
    if op == "e":
        return mpmath.e + 0
    if op == "sym":
        return env[t[1]]
    if op == "neg":
        return -ev(t[1], n, env)
    if op in "+-*/":
        a, b = ev(t[1], n, env), ev(t[2], n, env)
        if op == "+":
            return a + b
        if op == "-":
            return a - b
        if op == "*":
            return a * b
        if b == 0:
            raise Undefined("division by 0")
        return a / b
    if op == "^":
        a, b = ev(t[1], n, env), ev(t[2], n, env)
        if a == 0:
            if b > 0:
                return mpf(0)
            raise Undefined("0^%s" % b)
        if a < 0:
            if not is_int(b):
                raise Undefined("negative base, non-integer exponent")
            sg = -1 if int(b % 2) == 1 else 1
            return sg * mpmath.power(-a, b)
        return mpmath.power(a, b)
    a = ev(t[1], n, env)
    if op == "log":
        if a <= 0:
            raise Undefined("log of %s" % mpmath.nstr(a, 5))
        return mpmath.log(a)
    if op == "exp":
        return mpmath.exp(a)
    if op == "sqrt":
        if a < 0:
            raise Undefined("sqrt of a negative number")
        return mpmath.sqrt(a)
    if op == "sin":
        return mpmath.sin(a)
    if op == "cos":
        return mpmath.cos(a)
    if op == "atan":
        return mpmath.atan(a)
    if op == "abs":
        return abs(a)
    if op == "factorial":
        if not is_int(a) or a < 0:
            raise Undefined("factorial of %s" % mpmath.nstr(a, 5))
        return mpmath.factorial(a)
    raise ValueError("unknown node %r" % (op,))


def value(fn, n):
    """fn(n) evaluated until two precisions agree to 40 digits (cancellation
    such as p(n) - 1 costs digits); the higher one is returned."""
    d = 60
    with mp.workdps(d):
        v0 = fn(mpf(n))
    while True:
        d2 = 2 * d
        with mp.workdps(d2):
            v1 = fn(mpf(n))
            if (v1 == v0 and v1 != 0) or abs(v1 - v0) <= mpf(10) ** -40 * abs(v1):
                return +v1
            if d2 >= 1200:
                # no agreement (a value 0 up to rounding, say): an absolute
                # accuracy of 10^-(d2/2) is what is known
                return +v1
        v0, d = v1, d2


# ---------------------------------------------------------------------------
# the statements of one certificate
# ---------------------------------------------------------------------------

DEC = r"-?(?:\d+(?:\.\d*)?(?:e[+-]?\d+)?|inf)"


def dec(s):
    s = s.strip()
    if s in ("inf", "+inf"):
        return mpmath.inf
    if s == "-inf":
        return -mpmath.inf
    return mpf(Fraction(s).numerator) / Fraction(s).denominator


def interval(s):
    m = re.fullmatch(r"\[\s*(%s)\s*,\s*(%s)\s*\]" % (DEC, DEC), s.strip())
    if not m:
        raise ValueError("not an interval: %r" % s)
    return dec(m.group(1)), dec(m.group(2))


LHS = r"(?P<lhs>\|[aup]\(n(?:\+1)?\)\||\(-1\)\^n [aup]\(n\)|[aup]\(n\))"
FORMULA = re.compile(r"%s (?P<rel><=|>=|=) (?P<rhs>.+)" % LHS)


class Case:
    """One infcert run: the term, the kind, and what it printed."""

    def __init__(self, kind, term, frm, cert, result):
        self.kind, self.term, self.frm, self.cert, self.result = kind, term, frm, cert, result
        self.tree = Parser(term).parse()
        # u(n) = p(n) - 1, written without the cancellation when p = 1 + X
        # (u = -(1/7) 2^-n at n = 10^12 is beyond any working precision of p)
        one = ("num", Fraction(1))
        t = self.tree
        if t[0] == "+" and t[1] == one:
            self.utree = t[2]
        elif t[0] == "+" and t[2] == one:
            self.utree = t[1]
        elif t[0] == "-" and t[1] == one:
            self.utree = ("neg", t[2])
        else:
            self.utree = ("-", t, one)
        self.cache = {}

    # v(n): a(n) for a sum; p(n) and u(n) = p(n) - 1 for a product
    def v(self, name, n):
        key = (name, n)
        if key not in self.cache:
            if name == "p" or name == "a":
                f = lambda x: ev(self.tree, x, {})
            elif name == "u":
                f = lambda x: ev(self.utree, x, {})
            else:
                raise ValueError("unknown function %s" % name)
            self.cache[key] = value(f, n)
        return self.cache[key]

    def fun(self, text, n, env=None):
        t = Parser(text, symbols=tuple(env or ())).parse()
        return value(lambda x: ev(t, x, env or {}), n)

    def symbols(self, prefix):
        """The enclosures of the symbols an envelope may use (r, alpha,
        beta, phi: exact values too long to print), from the items."""
        out = {}
        for sym in SYMBOLS:
            if prefix + sym in self.cert:
                out[sym] = interval(self.cert[prefix + sym])
        return out

    def fun_range(self, text, n, encl):
        """min and max of text(n) over the symbols' enclosures (each
        function here is monotone in each symbol: corners suffice)."""
        used = [sym for sym in encl if re.search(r"\b%s\b" % sym, text)]
        vals = []
        for corner in range(2 ** len(used)):
            env = {sym: encl[sym][(corner >> i) & 1] for i, sym in enumerate(used)}
            vals.append(self.fun(text, n, env))
        return min(vals), max(vals)

    def replay(self):
        return "infcert %s --json --digits 5 --from %d -- '%s'" % (self.kind, self.frm, self.term)


def lhs_value(case, lhs, n):
    m = re.fullmatch(r"\|([aup])\(n(\+1)?\)\|", lhs)
    if m:
        return abs(case.v(m.group(1), n + (1 if m.group(2) else 0)))
    m = re.fullmatch(r"\(-1\)\^n ([aup])\(n\)", lhs)
    if m:
        return (-1) ** (n % 2) * case.v(m.group(1), n)
    m = re.fullmatch(r"([aup])\(n\)", lhs)
    if m:
        return case.v(m.group(1), n)
    raise ValueError("unknown left side %r" % lhs)


def rhs_value(case, rhs, n, consts, funcs, rel="<=", encl=None):
    """rhs: 0 | K | -K | K * G(n) | -K * G(n) | |v(n)| with K a constant
    (a decimal or a name in consts) and G a name in funcs (term texts)."""
    rhs = rhs.strip()
    if re.fullmatch(r"\|[aup]\(n\)\|", rhs):
        return lhs_value(case, rhs, n)
    m = re.fullmatch(r"(-?)(\S+)(?: \* (\w+)\(n\))?", rhs)
    if not m:
        raise ValueError("unknown right side %r" % rhs)
    sg, k, g = m.groups()
    if k in consts:
        kv = dec(consts[k])
    else:
        kv = dec(k)
    if sg:
        kv = -kv
    if g is None:
        return kv
    if g not in funcs:
        raise ValueError("function %s(n) not given" % g)
    # a function with symbols: the weakest reading of the statement
    lo, hi = case.fun_range(funcs[g], n, encl or {})
    cand = (kv * lo, kv * hi)
    return max(cand) if rel == "<=" else min(cand)


def holds(lhs, rel, rhs):
    if mpmath.isinf(rhs):
        return (rel == "<=" and rhs > 0) or (rel == ">=" and rhs < 0)
    tol = REL_TOL * max(abs(lhs), abs(rhs))
    if rel == "<=":
        return lhs <= rhs + tol
    if rel == ">=":
        return lhs >= rhs - tol
    return abs(lhs - rhs) <= tol + mpf(10) ** -50


def sample_points(start, rng):
    """20 integers n >= start: the start, its neighbours, random ones, and
    large ones up to 10^12 (both parities)."""
    pts = {start, start + 1, start + 2, start + 3, start + 10, start + 57, start + 1000}
    pts.update(start + rng.randrange(0, 10 ** k) for k in (2, 3, 4, 5))
    pts.update(max(start, x) for x in (10 ** 6, 10 ** 6 + 1, 10 ** 8 + 3, 10 ** 9, 10 ** 10 + 7,
                                       10 ** 12, 10 ** 12 + 1))
    k = 0
    while len(pts) < 20:
        pts.add(start + 20000 + 7919 * k)
        k += 1
    return sorted(pts)[:20] if len(pts) <= 20 else sorted(pts)[:14] + sorted(pts)[-6:]


class Statement:
    def __init__(self, where, lhs, rel, rhs, start, consts, funcs, text, encl=None):
        self.where, self.lhs, self.rel, self.rhs = where, lhs, rel, rhs
        self.start, self.consts, self.funcs, self.text, self.encl = start, consts, funcs, text, encl or {}

    def check(self, case, n):
        l = lhs_value(case, self.lhs, n)
        r = rhs_value(case, self.rhs, n, self.consts, self.funcs, self.rel, self.encl)
        if holds(l, self.rel, r):
            return None
        return "lhs = %s, rhs = %s" % (mpmath.nstr(l, 15), mpmath.nstr(r, 15))


class RangeStatement:
    """lo <= what(n) <= hi, what = v(n) / envelope(n) (with symbols in
    their enclosures: reachable for some values) or v(n)."""

    def __init__(self, where, v, lo, hi, start, envelope=None, encl=None, text=""):
        self.where, self.v, self.lo, self.hi, self.start = where, v, lo, hi, start
        self.envelope, self.encl, self.text = envelope, encl or {}, text

    def check(self, case, n):
        x = case.v(self.v, n)
        if self.envelope is not None and self.envelope.strip() == "0":
            # a zero form: v(n) = 0 exactly from the start on (no ratio)
            return None if abs(x) <= mpf(10) ** -50 else "envelope 0 but v(n) = %s" % mpmath.nstr(x, 15)
        if self.envelope is None:
            vals = [x]
        else:
            flo, fhi = case.fun_range(self.envelope, n, self.encl)
            vals = [x / flo, x / fhi]
        lo, hi = min(vals), max(vals)
        tol = REL_TOL * max(abs(lo), abs(hi), abs(self.lo) if not mpmath.isinf(self.lo) else 0)
        if hi < self.lo - tol or lo > self.hi + tol:
            return "value in [%s, %s], stated [%s, %s]" % (mpmath.nstr(lo, 15), mpmath.nstr(hi, 15),
                                                          mpmath.nstr(self.lo, 12), mpmath.nstr(self.hi, 12))
        return None


class SignStatement:
    def __init__(self, where, v, alt, sign, start, text):
        self.where, self.v, self.alt, self.sign, self.start, self.text = where, v, alt, sign, start, text

    def check(self, case, n):
        x = case.v(self.v, n)
        if self.alt:
            x = (-1) ** (n % 2) * x
        if (x > 0 and self.sign > 0) or (x < 0 and self.sign < 0):
            return None
        return "value %s, stated sign %d" % (mpmath.nstr(x, 15), self.sign)


class PointStatement:
    """p(n0) = 0: checked at n0 only."""

    def __init__(self, where, n0, text):
        self.where, self.n0, self.start, self.text = where, n0, n0, text

    def check(self, case, n):
        x = case.v("p", self.n0)
        return None if abs(x) <= mpf(10) ** -50 else "p(%d) = %s" % (self.n0, mpmath.nstr(x, 15))


def statements(case):
    """Every checkable statement of the certificate; raises ValueError on a
    statement it cannot read."""
    c = case.cert
    out = []
    items = {k: v for k, v in c.items() if k not in ("test", "summary")}
    start = int(items["for_n_from"]) if "for_n_from" in items else None
    consts = {k: v for k, v in items.items() if re.fullmatch(DEC, v.strip())}
    funcs = {k: v for k, v in items.items() if k in ("F", "F_lower")}
    # the inequality items
    for k, val in items.items():
        if k == "bound" or k.endswith("_bound"):
            m = FORMULA.fullmatch(val.strip())
            if not m:
                raise ValueError("item %s: cannot read %r" % (k, val))
            if start is None:
                raise ValueError("item %s without for_n_from" % k)
            out.append(Statement("item " + k, m.group("lhs"), m.group("rel"), m.group("rhs"), start, consts, funcs, val))
    # envelope ratio, range, sign
    for pre, v in (("", "a" if case.kind == "sum" else None), ("u_", "u")):
        if v is None or pre + "ratio" not in items:
            continue
        st = int(items[pre + "from_n"])
        envl = items[pre + "envelope"]
        lo, hi = interval(items[pre + "ratio"])
        out.append(RangeStatement("item %sratio" % pre, v, lo, hi, st, envl, case.symbols(pre), items[pre + "ratio"]))
        if pre + "range" in items:
            lo, hi = interval(items[pre + "range"])
            out.append(RangeStatement("item %srange" % pre, v, lo, hi, st, None, None, items[pre + "range"]))
        sgn_key = pre + "sign"
        if sgn_key in items and int(items[sgn_key]) != 0:
            out.append(SignStatement("item " + sgn_key, v, envl.startswith("(-1)^n*"), int(items[sgn_key]), st,
                                     items[sgn_key]))
    if "zero_factor_n" in items:
        out.append(PointStatement("item zero_factor_n", int(items["zero_factor_n"]), items["zero_factor_n"]))
    out.extend(summary_statements(case, c.get("summary", ""), items))
    return out


SUM_INEQ = re.compile(
    r"(?P<lhs>\(-1\)\^n [aup]\(n\)|\|[aup]\(n(?:\+1)?\)\||[aup]\(n\)) (?P<rel><=|>=) "
    r"(?P<rhs>\|[aup]\(n\)\||-?(?:\d+(?:\.\d*)?(?:e[+-]?\d+)?|inf)(?: \* (?:F|F_lower)\(n\))?)(?P<after>\S*)")
SUM_DEF = re.compile(r"\b(F|F_lower)\(n\) = (\S+?)(?=,? |[,:;]|$)")
SUM_START = re.compile(r"\bn >= (\d+)")
SUM_G = re.compile(r"\bg\(n\) in \[(%s), (%s)\]" % (DEC, DEC))


def summary_statements(case, s, items):
    """The inequalities written in the summary sentence, with the
    functions it defines (F(n) = ..., F_lower(n) = ...) and its start."""
    out = []
    ineqs = list(SUM_INEQ.finditer(s))
    gs = list(SUM_G.finditer(s))
    if not ineqs and not gs:
        return out
    starts = SUM_START.findall(s)
    if not starts:
        raise ValueError("summary states inequalities but no range n >= X: %r" % s)
    start = int(starts[0])
    funcs = dict(SUM_DEF.findall(s))
    v = "a" if case.kind == "sum" else "u"
    encl = case.symbols("" if case.kind == "sum" else "u_")
    for m in ineqs:
        rhs = m.group("rhs")
        if m.group("after") not in ("", ",", ":", ";", "."):
            raise ValueError("summary: cannot read %r" % m.group(0))
        g = re.search(r"(F|F_lower)\(n\)", rhs)
        if g and g.group(1) not in funcs:
            raise ValueError("summary uses %s(n) without defining it: %r" % (g.group(1), s))
        out.append(Statement("summary", m.group("lhs"), m.group("rel"), rhs, start, {}, funcs, m.group(0), encl))
    for m in gs:
        if "F" not in funcs:
            raise ValueError("summary: g(n) without F(n): %r" % s)
        lo, hi = dec(m.group(1)), dec(m.group(2))
        alt = "(-1)^n g(n)" in s
        env = ("(-1)^n*(%s)" if alt else "(%s)") % funcs["F"]
        out.append(RangeStatement("summary g(n)", v, lo, hi, start, env, encl, m.group(0)))
    return out


def check_case(case, rng, fails):
    """Checks every statement of one run; returns the number checked."""
    try:
        sts = statements(case)
    except (ValueError, KeyError) as exc:
        fails.append("FAIL cert_truth: unreadable certificate (%s) for %s" % (exc, case.replay()))
        return 0
    if "for_n_from" in case.cert and int(case.cert["for_n_from"]) < case.frm:
        fails.append("FAIL cert_truth: for_n_from %s < --from %d: %s" % (case.cert["for_n_from"], case.frm, case.replay()))
    # an upper bound C * F(n) proves summability or decay only with a finite
    # C ("|a(n)| <= inf * F(n)" is true and proves nothing)
    if case.cert.get("test") in ("comparison", "Leibniz") and "C" in case.cert \
            and case.cert["C"].strip().lower() in ("inf", "+inf", "infinity", "nan"):
        fails.append("FAIL cert_truth: %s certificate with C = %s proves nothing: %s"
                     % (case.cert["test"], case.cert["C"], case.replay()))
    for st in sts:
        pts = [st.start] if isinstance(st, PointStatement) else sample_points(st.start, rng)
        for n in pts:
            try:
                bad = st.check(case, n)
            except Undefined as exc:
                bad = "a function is undefined there (%s)" % exc
            except (ValueError, ZeroDivisionError) as exc:
                bad = "cannot evaluate: %s" % (str(exc) or type(exc).__name__)
            if bad:
                fails.append("FAIL cert_truth: %s %r is false at n = %d (%s): %s" % (st.where, st.text, n, bad, case.replay()))
                break
    return len(sts)


# ---------------------------------------------------------------------------
# the generated terms
# ---------------------------------------------------------------------------

def q(rng, signed=True):
    """A small rational of either sign as term text."""
    c = rng.choice(["1", "2", "3", "1/2", "1/3", "5/2", "7", "0.3", "10", "1/7"])
    if signed and rng.random() < 0.5:
        c = "-" + c
    return c


def s_exp(rng):
    return rng.choice(["1/2", "1", "1.001", "3/2", "2", "5/2", "3", "4", "0.999", "6", "(1+1e-50)", "(2-1e-45)"])


def gen_terms(seed, count):
    rng = random.Random(seed)
    fams = []

    def power(r):
        return "%s/n^%s" % (q(r), s_exp(r))

    def ratfun(r):
        a, b, c = (r.randint(-5, 5) for _ in range(3))
        d = r.randint(1, 3)
        k = r.choice([1, 2, 3, 4])
        num = r.choice(["%d*n^2 + %d*n + %d" % (a or 1, b, c), "%d*n + %d" % (a or 2, b), "%d" % (a or -3)])
        den = r.choice(["n^%d + %d" % (k + 1, d), "(n + %d)*(n + %d)^%d" % (d, d + 1, k), "%d*n^%d - %d" % (d, k + 1, d)])
        return "(%s)/(%s)" % (num, den)

    def alternating(r):
        return r.choice([
            "%s*(-1)^n/n^%s" % (q(r), r.choice(["1/2", "1", "2", "1/3", "3/2"])),
            "(-1)^(n+1)*%s/n^%s" % (q(r, False), r.choice(["1", "2", "0.7"])),
            "(-1)^n*log(n)/n^%s" % r.choice(["1", "2", "1/2"]),
            "%s*(-1)^n/(n + %d)" % (q(r), r.randint(0, 5)),
            "(-1)^n*%s/sqrt(n)" % q(r),
            "(-1)^n*(n + %d)/(n^2 + %d)" % (r.randint(-3, 3), r.randint(1, 9)),
            "(-1)^n*%s" % q(r),
            "(-1)^n*n^%s" % r.choice(["1", "1/2"]),
            "(-1)^n*exp(-n/%d)" % r.randint(1, 9),
        ])

    def special(r):
        c = q(r)
        return r.choice([
            "%s*log(n)^%d/n^%s" % (c, r.randint(1, 3), r.choice(["2", "3/2", "1", "1/2"])),
            "%s*sin(n)/n^%s" % (c, r.choice(["2", "3/2", "3"])),
            "%s*cos(n)/n^2" % c,
            "%s*sin(1/n^%s)" % (c, r.choice(["1", "2", "1/2"])),
            "%s*(1 - cos(1/n))" % c,
            "%s*(exp(1/n^%s) - 1)" % (c, r.choice(["1", "2", "3"])),
            "%s*exp(-n/%d)*n^%d" % (c, r.randint(1, 5), r.randint(0, 3)),
            "%s*%s^n" % (c, r.choice(["(1/2)", "(2/3)", "(3/2)", "2", "(9/10)", "pi", "(1/pi)", "sqrt(2)", "(1/sqrt(3))", "e"])),
            "%s*factorial(n)/n^n" % c,
            "%s^n/factorial(n)" % r.choice(["2", "3", "pi", "(1/2)"]),
            "%s*log(1 + 1/n^%s)" % (c, r.choice(["1", "2", "3/2"])),
            "%s*atan(1/n^%s)" % (c, r.choice(["1", "2"])),
            "%s*(1/n - log(1 + 1/n))" % c,
            "%s*(sqrt(n + 1) - sqrt(n))" % c,
            "%s/(n*log(n)^%s)" % (c, r.choice(["1", "2", "1/2"])),
            "%s*n*sin(1/n^3)" % c,
            "%s*exp(-sqrt(n))" % c,
            "%s*exp(-%s*n)" % (c, r.choice(["sqrt(2)", "1/3", "pi"])),
            "%s*n^%s*(2/3)^n" % (c, r.choice(["2", "-1", "1/2"])),
            "%s*factorial(2*n)/(4^n*factorial(n)^2)" % c,
            "%s*sin(n)/n" % c,                          # no test applies
            "%s*(-1)^n*(2 + sin(n))/n" % c,
            "%s*cos(n)/sqrt(n)" % c,
        ])

    def combo(r):
        return "%s + %s" % (r.choice([power, alternating, special])(r), power(r))

    def divergent(r):
        c = q(r)
        return r.choice([
            "%s/n^%s" % (c, r.choice(["1", "1/2", "0.999", "0"])),
            "%s*n^%s" % (c, r.choice(["1", "2", "1/2"])),
            "%s" % c,
            "%s*log(n)" % c,
            "%s/(n*log(n))" % c,
            "%s*(n + 1)/(n + 2)" % c,
            "%s*2^n" % c,
            "%s*(3/2)^n/n^2" % c,
            "%s*sin(1/n)" % c,
            "%s*factorial(n)/3^n" % c,
            "%s/sqrt(n)" % c,
        ])

    def product(r):
        c = q(r)
        return r.choice([
            "1 + %s/n^%s" % (c, s_exp(r)),
            "1 + %s*n^-%s" % (c, r.choice(["2", "3", "3/2", "1.001", "6"])),
            "1 + %s*(-1)^n/n^%s" % (q(r, False), r.choice(["1", "1/2", "2", "0.7"])),
            "1 - %s*(-1)^n/n^%s" % (q(r, False), r.choice(["1", "2"])),
            "(n + %d)/(n + %d)" % (r.randint(-3, 6), r.randint(1, 8)),
            "(n^2 + %d)/(n^2 + %d)" % (r.randint(-3, 6), r.randint(1, 8)),
            "exp(%s/n^%s)" % (c, r.choice(["1", "2", "3/2"])),
            "cos(1/n^%s)" % r.choice(["1", "1/2"]),
            "%s" % r.choice(["1/2", "3", "-1/2", "2/3", "5/4"]),
            "(1 + 1/n)^(%s)" % r.choice(["1", "2", "-1", "1/2"]),
            "1 + %s/n" % c,
            "1 + %s/sqrt(n)" % c,
            "1 + %s*%s^n" % (c, r.choice(["(1/2)", "(2/3)"])),
            "1 + %s*sin(n)/n^2" % c,
            "n^(1/n^2)",
            "1 + %s*log(n)/n^2" % c,
        ])

    table = [("power", "sum", power, 60), ("ratfun", "sum", ratfun, 40), ("alternating", "sum", alternating, 50),
             ("special", "sum", special, 70), ("combo", "sum", combo, 20), ("divergent", "sum", divergent, 40),
             ("product", "prod", product, 70)]
    total = sum(w for _, _, _, w in table)
    for fam, kind, gen, w in table:
        for i in range(max(1, count * w // total)):
            frm = rng.choice([1, 1, 1, 2, 5, 40, 1000])
            fams.append((fam, kind, gen(rng), frm))
    return fams


# The examples and one per shape of statement, with items they must
# carry (so that the check above cannot pass by finding nothing to check).
PINNED = [
    ("sum", "-2/n^2", 1, {"bound": "|a(n)| <= C * F(n)", "C": "2", "F": "n^-2", "lower_bound": "a(n) <= -c * F(n)"}),
    ("sum", "(3-n^2)/(n^4+1)", 1, {"C": "1", "lower_bound": "a(n) <= -c * F(n)"}),
    ("sum", "2^-n", 1, {"F": "(1/2)^n"}),
    ("sum", "pi^-n", 1, {"envelope": "exp(r*n)", "F_lower": None, "lower_bound": "a(n) >= c * F_lower(n)"}),
    ("sum", "factorial(n)/n^n", 1, {"F": "exp(-n)*n^(1/2)"}),
    ("sum", "-(-1)^n/n", 1, {"monotone_bound": "|a(n+1)| <= |a(n)|", "lower_bound": "(-1)^n a(n) <= -c * F(n)"}),
    ("sum", "-1/n", 1, {"lower_bound": "a(n) <= -c * F(n)"}),
    ("sum", "-3*sqrt(2)^n", 1, {"term_bound": "|a(n)| >= m"}),
    ("prod", "1 - n^-1.001", 2, {"F": "n^(-1001/1000)", "bound": "|u(n)| <= C * F(n)"}),
    ("prod", "1 - 2/n", 3, {"lower_bound": "u(n) <= -c * F(n)"}),
    ("prod", "1 + (-1)^n/n", 2, {"monotone_bound": "|u(n+1)| <= |u(n)|"}),
    ("prod", "1/2", 1, {"p_bound": "|p(n)| <= P", "P": "0.5"}),
    ("prod", "-3", 1, {"p_bound": "|p(n)| >= P", "P": "3"}),
    ("prod", "(n-5)/n", 1, {"zero_factor_n": "5"}),
    ("sum", "(-1)^n + (-1)^(n+1)", 1, {"envelope": "0", "bound": "a(n) = 0"}),
    ("prod", "n/n", 1, {"u_envelope": "0", "bound": "u(n) = 0"}),
    # exponents too long for an item: a symbol in the envelope, rounded in F / F_lower
    ("sum", "n^-(1+1e-400)", 1, {"envelope": "n^alpha", "alpha": None, "F": "n^(-1)", "F_lower": None}),
    ("sum", "(-1)^n*n^-(1/2+1e-60)*log(n)^(1e-70)", 1, {"alpha": None, "beta": None, "monotone_bound": None}),
    ("prod", "1 + n^-(1+1e-60)", 1, {"u_envelope": "n^alpha", "u_alpha": None}),
]


def run_infcert(binary, kind, term, frm, timeout):
    cmd = [binary, kind, "--json", "--digits", "5", "--max-terms", "200000", "--timeout", str(timeout),
           "--from", str(frm), "--", term]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout + 5)
    except subprocess.TimeoutExpired:
        return None, "hung past --timeout"
    if p.returncode == 2:
        # a parse error is the generator's fault; an undefined term is not
        return None, ("bad input: " if "parse error" in p.stderr else "undefined: ") + p.stderr.strip()
    try:
        return json.loads(p.stdout), None
    except ValueError:
        return None, "no JSON (status %d): %s" % (p.returncode, p.stderr.strip()[:200])


# ---------------------------------------------------------------------------
# self-test: the checker must reject false certificates
# ---------------------------------------------------------------------------

def selftest():
    rng = random.Random(1)
    good = {"test": "comparison", "summary": "For n >= 16, |a(n)| <= 2 * F(n) with F(n) = n^-2, and sum F(n) converges.",
            "envelope": "n^-2", "ratio": "[-2, -2]", "from_n": "16", "sign": "-1", "for_n_from": "16", "F": "n^-2",
            "bound": "|a(n)| <= C * F(n)", "C": "2", "lower_bound": "a(n) <= -c * F(n)", "c": "2"}
    bad = [
        ("the issue's negative constant", dict(good, summary="For n >= 16, |a(n)| <= -2 * F(n) with F(n) = n^-2.")),
        ("C too small", dict(good, C="1.99999")),
        ("wrong direction", dict(good, lower_bound="a(n) >= c * F(n)")),
        ("wrong sign", dict(good, sign="1")),
        ("wrong ratio", dict(good, ratio="[-1.9, -1]")),
        ("unreadable bound", dict(good, bound="|a(n)| <~ C F(n)")),
    ]
    fails = []
    ok = check_case(Case("sum", "-2/n^2", 1, good, {}), rng, fails) > 0 and not fails
    print(("ok" if ok else "FAIL") + " cert_truth selftest: a true certificate passes" + ("" if ok else ": %s" % fails))
    allok = ok
    for name, cert in bad:
        f = []
        check_case(Case("sum", "-2/n^2", 1, cert, {}), rng, f)
        print(("ok" if f else "FAIL") + " cert_truth selftest: rejects %s" % name)
        allok = allok and bool(f)
    # a symbol whose enclosure does not fit: 1/n^2 = n^alpha with alpha in [-3, -2.5]
    cert = dict(good, envelope="n^alpha", alpha="[-3, -2.5]", ratio="[-2, -2]")
    f = []
    check_case(Case("sum", "-2/n^2", 1, cert, {}), rng, f)
    print(("ok" if f else "FAIL") + " cert_truth selftest: rejects an envelope symbol with a wrong enclosure")
    allok = allok and bool(f)
    cert = dict(good, summary="For n >= 16, |a(n)| <= 2 * F(n) with F(n) = n^alpha (alpha exact, enclosed in item alpha).",
                alpha="[-2.1, -2.01]")
    f = []
    check_case(Case("sum", "-2/n^2", 1, cert, {}), rng, f)
    print(("ok" if f else "FAIL") + " cert_truth selftest: rejects a summary bound with a symbol too small")
    allok = allok and bool(f)
    # a rate rounded the wrong way: 2^-n against exp(-0.6931471806*n) (the old text)
    cert = {"test": "comparison", "summary": "", "for_n_from": "16", "F": "exp(-0.6931471806*n)",
            "bound": "|a(n)| <= C * F(n)", "C": "1"}
    f = []
    check_case(Case("sum", "2^-n", 1, cert, {}), rng, f)
    print(("ok" if f else "FAIL") + " cert_truth selftest: rejects a rate rounded the wrong way")
    allok = allok and bool(f)
    # a start too early: |u(n)| <= 1/n^2 for 1 + 2/n^2 fails everywhere; 1/(n-10)^2 <= 2/n^2 fails below n = 35
    cert = {"test": "comparison", "summary": "", "for_n_from": "11", "F": "n^-2", "bound": "|a(n)| <= C * F(n)", "C": "2"}
    f = []
    check_case(Case("sum", "1/(n-10)^2", 1, cert, {}), rng, f)
    print(("ok" if f else "FAIL") + " cert_truth selftest: rejects a bound stated from too early a start")
    allok = allok and bool(f)
    # the old envelope text n^-1001/1000 reads as n^(-1001)/1000: false for 1 - n^-1.001
    cert = {"test": "x", "summary": "", "for_n_from": "16", "F": "n^-1001/1000", "bound": "|u(n)| <= C * F(n)", "C": "1"}
    f = []
    check_case(Case("prod", "1 - n^-1.001", 2, cert, {}), rng, f)
    print(("ok" if f else "FAIL") + " cert_truth selftest: rejects n^-1001/1000 read by the grammar")
    allok = allok and bool(f)
    # cancellation resolved: u(n) = n^-6 exactly at n = 10^12 (p - 1 at 60 digits would be 0)
    cert = {"test": "x", "summary": "", "for_n_from": "16", "F": "n^-6", "bound": "u(n) >= c * F(n)", "c": "1"}
    f = []
    check_case(Case("prod", "1 + n^-6", 1, cert, {}), rng, f)
    print(("ok" if not f else "FAIL") + " cert_truth selftest: p(n) - 1 resolved at n = 10^12" + ("" if not f else ": %s" % f))
    allok = allok and not f
    return allok


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--binary", default="build/infcert")
    ap.add_argument("--seed", type=int, default=20260618)
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--timeout", type=int, default=5)
    ap.add_argument("--selftest", action="store_true")
    ap.add_argument("--term", help="check one term (with --kind, --from)")
    ap.add_argument("--kind", default="sum")
    ap.add_argument("--from", dest="frm", type=int, default=1)
    a = ap.parse_args()
    if a.selftest:
        sys.exit(0 if selftest() else 1)
    mp.dps = 60
    t0 = time.time()
    if a.term:
        cases = [("one", a.kind, a.term, a.frm)]
    else:
        cases = [("pinned", k, t, f) for k, t, f, _ in PINNED] + gen_terms(a.seed, a.cases)
    expect = {(k, t, f): e for k, t, f, e in PINNED}
    print("# cert_truth: seed %d, %d terms" % (a.seed, len(cases)))
    rng = random.Random(a.seed)
    per = {}
    allfails = []
    tests = {}
    for fam, kind, term, frm in cases:
        st = per.setdefault(fam, [0, 0, 0, 0])      # runs, statements, failures, no-certificate runs
        st[0] += 1
        res, err = run_infcert(a.binary, kind, term, frm, a.timeout)
        if res is None:
            if err.startswith("bad input") or fam == "pinned":
                allfails.append("FAIL cert_truth: no certificate (%s): %s %r --from %d" % (err, kind, term, frm))
                st[2] += 1
            else:
                st[3] += 1
            continue
        cert = res.get("certificate") or {}
        tests[cert.get("test", "?")] = tests.get(cert.get("test", "?"), 0) + 1
        for key, want in expect.get((kind, term, frm), {}).items():
            if key not in cert or (want is not None and cert[key] != want):
                allfails.append("FAIL cert_truth: %s %r --from %d: item %s is %r, expected %r"
                                % (kind, term, frm, key, cert.get(key), want))
                st[2] += 1
        case = Case(kind, term, frm, cert, res)
        fails = []
        st[1] += check_case(case, random.Random("%d/%s/%s/%d" % (a.seed, kind, term, frm)), fails)
        st[2] += len(fails)
        allfails.extend(fails)
    for line in allfails:
        print(line)
    for fam, (runs, nst, nf, nores) in per.items():
        if nf == 0:
            print("ok cert_truth %s: %d runs, %d statements true at every sample point%s"
                  % (fam, runs, nst, "" if not nores else " (%d runs without JSON)" % nores))
    print("# certificates by test: " + ", ".join("%s %d" % kv for kv in sorted(tests.items())))
    print("# cert_truth: %.1f s" % (time.time() - t0))
    sys.exit(1 if allfails else 0)


if __name__ == "__main__":
    main()
