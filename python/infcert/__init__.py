"""infcert — certified convergence verdicts and limit enclosures for infinite
sums and products, from Python.

    >>> import infcert
    >>> r = infcert.sum("1/n^2", digits=30)
    >>> r.verdict
    'converges'
    >>> r.limit.lo, r.limit.hi            # exact decimal strings, lo <= limit <= hi
    ('1.64493406684822643647241516664602', '1.64493406684822643647241516664603')
    >>> fractions.Fraction(1) in r.limit  # containment of an exact number
    False

The module is a thin ctypes layer over libinfcert.so (the C library of the
`infcert` command): standard library only.  The library is found through
the environment variable INFCERT_LIB (a path to the .so), then the folder
`make install` wrote into _install.py, then the usual dynamic loader
(LD_LIBRARY_PATH, ldconfig).  Each call returns the document of
`infcert sum|prod|claims --json` (README "JSON format"), wrapped:

- sum(term, start=1, digits=15, timeout=0, max_memory=0) -> Result
- prod(term, start=1, digits=15, timeout=0, max_memory=0) -> Result
- claims(path, only=None) -> Claims

Bad input (a term that does not parse, a term undefined at some n, a bad
option value, a claim file that cannot be read) raises InfcertError, a
ValueError with the message and, for terms, the column or the n.  An
internal error (out of memory) raises RuntimeError.  A run stopped by a
limit is not an error: the result says so (`stopped`, `stop_note`), and
the verdict may be "unknown".  Calls release the GIL; threads may call the
library in parallel.
"""

import ctypes
import ctypes.util
import decimal
import fractions
import html
import json
import os

__all__ = ["sum", "prod", "claims", "Result", "Limit", "Claims", "InfcertError", "version"]

_SONAME = "libinfcert.so.0"


def _candidates():
    env = os.environ.get("INFCERT_LIB")
    if env:
        yield env
        return
    try:
        from . import _install           # written by make install
        yield os.path.join(_install.LIBDIR, _SONAME)
    except ImportError:
        pass
    yield _SONAME
    found = ctypes.util.find_library("infcert")
    if found:
        yield found


def _load():
    errors = []
    for path in _candidates():
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            errors.append("%s: %s" % (path, e))
            continue
        lib.ic_certify_json.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_long,
                                        ctypes.c_double, ctypes.c_size_t, ctypes.POINTER(ctypes.c_void_p)]
        lib.ic_certify_json.restype = ctypes.c_int
        lib.ic_claims_json.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
        lib.ic_claims_json.restype = ctypes.c_int
        lib.ic_free.argtypes = [ctypes.c_void_p]
        lib.ic_free.restype = None
        lib.ic_version.argtypes = []
        lib.ic_version.restype = ctypes.c_char_p
        return lib
    raise ImportError("infcert: cannot load the C library (set INFCERT_LIB to the path of %s): %s"
                      % (_SONAME, "; ".join(errors)))


_lib = _load()


def version():
    """The version of the loaded C library."""
    return _lib.ic_version().decode()


class InfcertError(ValueError):
    """Bad input.  kind: "parse", "domain", "usage", "limit", "timeout";
    column (parse errors, 1-based), n (domain errors: the index where the
    term is undefined, a decimal string), hint (a suggestion) or None."""

    def __init__(self, err):
        self.kind = err.get("kind")
        self.column = err.get("column")
        self.n = err.get("n")
        self.hint = err.get("hint")
        msg = err.get("message", "error")
        if self.column is not None:
            msg = "column %d: %s" % (self.column, msg)
        if self.hint:
            msg = "%s (%s)" % (msg, self.hint)
        ValueError.__init__(self, msg)
        self.message = err.get("message")


def _call(fn, *args):
    out = ctypes.c_void_p()
    status = fn(*(args + (ctypes.byref(out),)))
    if not out.value:
        raise MemoryError("infcert: out of memory")
    try:
        text = ctypes.string_at(out.value).decode("utf-8")
    finally:
        _lib.ic_free(out)
    doc = json.loads(text)
    if status != 0 or "error" in doc:
        err = doc.get("error", {"kind": "internal", "message": "internal error"})
        if err.get("kind") == "internal":
            raise RuntimeError("infcert: " + err.get("message", "internal error"))
        raise InfcertError(err)
    return doc


class Limit:
    """The enclosure lo <= limit <= hi.  lo and hi are the decimal strings of
    the JSON document (lo rounded down, hi up: both exact numbers);
    lo_fraction/hi_fraction and lo_decimal/hi_decimal are the same numbers,
    exactly.  `x in limit` tests lo <= x <= hi exactly (x: int, Fraction,
    Decimal or a decimal string; a float is taken at its exact binary
    value)."""

    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi
        self.lo_fraction, self.hi_fraction = fractions.Fraction(lo), fractions.Fraction(hi)
        self.lo_decimal, self.hi_decimal = decimal.Decimal(lo), decimal.Decimal(hi)

    @property
    def width(self):
        """hi - lo, exactly (a Fraction)."""
        return self.hi_fraction - self.lo_fraction

    def __contains__(self, x):
        if isinstance(x, float):
            x = fractions.Fraction(x)
        return self.lo_fraction <= fractions.Fraction(x) <= self.hi_fraction

    def __repr__(self):
        return "Limit(lo=%r, hi=%r)" % (self.lo, self.hi)


class Result:
    """A certified answer: the fields of `infcert sum|prod --json`.

    kind ("sum"/"prod"), term, start, verdict ("converges", "diverges",
    "diverges_to_zero", "zero_factor", "unknown"), limit (a Limit, or None
    when no enclosure is known), digits (certified significant digits),
    digits_wanted, method, certificate (a dict: "test", "summary" and the
    checkable items), precision_bits, stopped and stop_note (why less than
    asked was delivered, or None), limit_note, and json (the whole
    document)."""

    def __init__(self, doc):
        self.json = doc
        self.kind = doc["kind"]
        self.term = doc["term"]
        self.start = doc["from"]
        self.verdict = doc["verdict"]
        lim = doc.get("limit")
        self.limit = Limit(lim["lo"], lim["hi"]) if lim else None
        self.digits = doc["digits"]
        self.digits_wanted = doc["digits_wanted"]
        self.method = doc.get("method", "")
        self.certificate = doc.get("certificate", {})
        self.precision_bits = doc.get("precision_bits", 0)
        self.stopped = doc.get("stopped")
        self.stop_note = doc.get("stop_note")
        self.limit_note = doc.get("limit_note")

    @property
    def converges(self):
        """True / False when certified, None when the verdict is unknown."""
        if self.verdict == "unknown":
            return None
        return self.verdict == "converges"

    def __repr__(self):
        s = "<infcert %s_{n>=%d} %s: %s" % (self.kind, self.start, self.term, self.verdict)
        if self.limit:
            s += " in [%s, %s] (%d digits)" % (self.limit.lo, self.limit.hi, self.digits)
        if self.stopped:
            s += ", stopped: %s" % self.stopped
        return s + ">"

    def _repr_html_(self):
        e = html.escape
        sym = "&sum;" if self.kind == "sum" else "&prod;"
        rows = ["<tr><th>verdict</th><td><b>%s</b></td></tr>" % e(self.verdict)]
        if self.limit:
            rows.append("<tr><th>limit</th><td><code>[%s,<br>&nbsp;%s]</code></td></tr>"
                        % (e(self.limit.lo), e(self.limit.hi)))
            rows.append("<tr><th>digits</th><td>%d certified (%d asked), method %s</td></tr>"
                        % (self.digits, self.digits_wanted, e(self.method)))
        if self.stopped:
            rows.append("<tr><th>stopped</th><td>%s: %s</td></tr>" % (e(self.stopped), e(self.stop_note or "")))
        cert = self.certificate
        rows.append("<tr><th>certificate</th><td><i>%s</i>: %s</td></tr>"
                    % (e(cert.get("test", "")), e(cert.get("summary", ""))))
        return ("<table><caption>%s<sub>n&ge;%d</sub> <code>%s</code></caption>%s</table>"
                % (sym, self.start, e(self.term), "".join(rows)))


class Claims:
    """Checked claims: the document of `infcert claims --json` (the format of
    report.json).  claims: a list of dicts (id, statement, status "proved" /
    "refuted" / "undecided", expected, checks with their certificates),
    summary: the counts, json: the whole document."""

    def __init__(self, doc):
        self.json = doc
        self.claims = doc.get("claims", [])
        self.summary = doc.get("summary", {})

    def __iter__(self):
        return iter(self.claims)

    def __len__(self):
        return len(self.claims)

    def status(self, claim_id):
        """The status of one claim, by id."""
        for c in self.claims:
            if c["id"] == claim_id:
                return c["status"]
        raise KeyError(claim_id)

    def __repr__(self):
        return "<infcert claims: %s>" % ", ".join("%s %s" % (c["id"], c["status"]) for c in self.claims)


def _certify(kind, term, start, digits, timeout, max_memory):
    if not isinstance(term, str):
        raise TypeError("term must be a string in infcert's term syntax, such as '1/n^2'")
    for name, v in (("start", start), ("digits", digits), ("max_memory", max_memory)):
        if isinstance(v, bool) or not isinstance(v, int):
            raise TypeError("%s must be an int" % name)
    if start < 0 or start > 2 ** 62:
        raise InfcertError({"kind": "usage", "message": "start must be between 0 and 2^62"})
    if digits < 1 or digits > 100000:
        raise InfcertError({"kind": "usage", "message": "digits must be between 1 and 100000"})
    if max_memory < 0:
        raise InfcertError({"kind": "usage", "message": "max_memory must be >= 0 bytes"})
    timeout = float(timeout)
    if not timeout >= 0:
        raise InfcertError({"kind": "usage", "message": "timeout must be a number of seconds >= 0"})
    return Result(_call(_lib.ic_certify_json, kind.encode(), term.encode("utf-8"), start, digits,
                        timeout, max_memory))


def sum(term, start=1, digits=15, timeout=0, max_memory=0):
    """Certifies sum_{n >= start} term(n): the verdict and, for a convergent
    sum, an enclosure of its limit with `digits` significant digits (as many
    as certified within the limits: see Result.digits and Result.stopped).
    timeout: seconds (0: none; the effort limit of about 10 s applies);
    max_memory: bytes for the big working tables (0: 1 GiB)."""
    return _certify("sum", term, start, digits, timeout, max_memory)


def prod(term, start=1, digits=15, timeout=0, max_memory=0):
    """Certifies prod_{n >= start} term(n); as sum()."""
    return _certify("prod", term, start, digits, timeout, max_memory)


def claims(path, only=None):
    """Reads and checks the claim file at path (docs/claims.md); only: one
    claim id.  Returns Claims."""
    path = os.fspath(path)
    return Claims(_call(_lib.ic_claims_json, path.encode(), only.encode() if only else None))
