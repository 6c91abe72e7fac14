"""Tests of the Python module `infcert` (python/infcert) against the built
libinfcert.so, with the standard unittest runner.  Run by
tests/test_python.sh (make check), which sets PYTHONPATH and INFCERT_LIB.

References are independent of infcert: mpmath (Debian's python3-mpmath) at
higher precision, closed forms in exact rational arithmetic, and the
CLI's --json output for the same request (the same document)."""

import fractions
import json
import os
import subprocess
import sys
import threading
import unittest

import infcert

try:
    import mpmath
except ImportError:                    # Debian's python3-mpmath is in install-deps
    mpmath = None

CLI = os.environ.get("INFCERT", "build/infcert")


def ref_fraction(x, digits):
    """An mpmath value as a Fraction within 10^-(digits) relative."""
    return fractions.Fraction(mpmath.nstr(x, digits + 10, min_fixed=-1, max_fixed=-1, strip_zeros=False))


def cli_json(kind, term, *args):
    p = subprocess.run([CLI, kind, "--json"] + list(args) + ["--", term], capture_output=True, text=True,
                       timeout=120)
    return json.loads(p.stdout)


class Certify(unittest.TestCase):
    def test_zeta2_30_digits(self):
        r = infcert.sum("1/n^2", digits=30)
        self.assertEqual(r.verdict, "converges")
        self.assertTrue(r.converges)
        self.assertGreaterEqual(r.digits, 30)
        self.assertIsNone(r.stopped)
        # width: at most 10^(e - 30 + 1) with 10^e <= 1.64...: e = 0
        self.assertLessEqual(r.limit.width, fractions.Fraction(1, 10 ** 29))
        if mpmath:
            mpmath.mp.dps = 60
            z = mpmath.zeta(2)
            lo, hi = ref_fraction(z, 45) - fractions.Fraction(1, 10 ** 50), ref_fraction(z, 45) + fractions.Fraction(1, 10 ** 50)
            self.assertLessEqual(r.limit.lo_fraction, lo)
            self.assertGreaterEqual(r.limit.hi_fraction, hi)

    def test_exact_number_types(self):
        r = infcert.sum("1/n^2", digits=20)
        self.assertIsInstance(r.limit.lo, str)
        self.assertEqual(r.limit.lo_fraction, fractions.Fraction(r.limit.lo))
        self.assertEqual(str(r.limit.hi_decimal), r.limit.hi)
        self.assertLess(r.limit.lo_decimal, r.limit.hi_decimal)
        self.assertNotIn(fractions.Fraction(16, 10), r.limit)
        self.assertIn(r.limit.lo_fraction, r.limit)

    def test_closed_form_product(self):
        # prod_{n>=2} (1 - 1/n^2) = 1/2 exactly
        r = infcert.prod("1 - 1/n^2", start=2, digits=25)
        self.assertEqual(r.verdict, "converges")
        self.assertGreaterEqual(r.digits, 25)
        self.assertIn(fractions.Fraction(1, 2), r.limit)
        self.assertIn("0.5", r.limit)

    def test_alternating_log2(self):
        r = infcert.sum("(-1)^(n+1)/n", digits=20)
        self.assertEqual(r.verdict, "converges")
        if mpmath:
            mpmath.mp.dps = 40
            self.assertIn(ref_fraction(mpmath.log(2), 35), r.limit)

    def test_divergent(self):
        r = infcert.sum("1/n")
        self.assertEqual(r.verdict, "diverges")
        self.assertFalse(r.converges)
        self.assertIsNone(r.limit)
        r = infcert.prod("1 - 1/n", start=2)
        self.assertEqual(r.verdict, "diverges_to_zero")

    def test_same_document_as_cli(self):
        for kind, term, kw, args in [("sum", "1/n^3", {"digits": 20}, ["--digits", "20"]),
                                     ("prod", "1 + 1/n^2", {}, []),
                                     ("sum", "log(n)/n^2", {"start": 2}, ["--from", "2"])]:
            r = getattr(infcert, kind)(term, **kw)
            self.assertEqual(r.json, cli_json(kind, term, *args), term)

    def test_agreement_across_digits(self):
        a = infcert.sum("1/(n^2 + 1)", digits=15)
        b = infcert.sum("1/(n^2 + 1)", digits=40)
        self.assertLessEqual(max(a.limit.lo_fraction, b.limit.lo_fraction),
                             min(a.limit.hi_fraction, b.limit.hi_fraction))

    def test_stopped_keeps_verdict(self):
        # stopped by the 1 s limit, or by the memory budget when a faster
        # machine reaches a pass whose tables exceed it within that second
        r = infcert.prod("1 - n^-1.001", start=2, digits=100000, timeout=1)
        self.assertEqual(r.verdict, "converges")           # to about 1e-435
        self.assertIn(r.stopped, ("timeout", "memory"))
        self.assertLess(r.limit.hi_fraction, fractions.Fraction(1, 10 ** 400))
        r = infcert.sum("n^-1.001", digits=100000, timeout=1)
        self.assertEqual(r.verdict, "converges")
        self.assertIn(r.stopped, ("timeout", "memory"))
        self.assertLess(r.digits, 100000)
        self.assertTrue(r.stop_note)

    def test_threads(self):
        terms = ["1/n^2", "1/n^3", "1/n^4", "1/(n^2+n)"]
        out = {}

        def work(t):
            out[t] = infcert.sum(t, digits=25)
        ts = [threading.Thread(target=work, args=(t,)) for t in terms]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        self.assertIn(1, out["1/(n^2+n)"].limit)       # telescoping: exactly 1
        for t in terms:
            self.assertEqual(out[t].json, infcert.sum(t, digits=25).json)

    def test_html(self):
        h = infcert.sum("1/n^2")._repr_html_()
        self.assertIn("converges", h)
        self.assertIn("1.6449", h)
        self.assertIn("1/n^2", h)
        self.assertIn("&lt;", infcert.sum("1/n^2 + 0*n")._repr_html_() + "&lt;")

    def test_version(self):
        self.assertRegex(infcert.version(), r"^\d+\.\d+\.\d+$")


class Errors(unittest.TestCase):
    def test_parse_error_position(self):
        with self.assertRaises(ValueError) as cm:
            infcert.sum("1/n^")
        e = cm.exception
        self.assertIsInstance(e, infcert.InfcertError)
        self.assertEqual(e.kind, "parse")
        self.assertEqual(e.column, 5)
        self.assertIn("unexpected end of term", str(e))

    def test_parse_hint(self):
        with self.assertRaises(infcert.InfcertError) as cm:
            infcert.sum("1/n**2")
        self.assertEqual(cm.exception.column, 4)          # the first '*'
        self.assertEqual(cm.exception.column, cli_json("sum", "1/n**2")["error"]["column"])
        self.assertIn("^", cm.exception.hint)

    def test_domain_error(self):
        with self.assertRaises(infcert.InfcertError) as cm:
            infcert.sum("log(n - 3)")
        e = cm.exception
        self.assertEqual(e.kind, "domain")
        self.assertEqual(e.n, "1")
        self.assertIn("log", str(e))

    def test_bad_values(self):
        for kw in ({"digits": 0}, {"digits": 100001}, {"start": -1}, {"timeout": -1},
                   {"timeout": float("nan")}, {"start": 2 ** 62 + 1}):
            with self.assertRaises(infcert.InfcertError, msg=str(kw)) as cm:
                infcert.sum("1/n^2", **kw)
            self.assertEqual(cm.exception.kind, "usage")
        with self.assertRaises(TypeError):
            infcert.sum(2)
        with self.assertRaises(TypeError):
            infcert.sum("1/n^2", digits=1.5)

    def test_claims_folder_is_bad_input(self):
        with self.assertRaises(infcert.InfcertError) as cm:
            infcert.claims("/")
        self.assertIn("is a directory", str(cm.exception))
        with self.assertRaises(infcert.InfcertError) as cm:
            infcert.claims("/nonexistent/x.claims")
        self.assertIn("No such file", str(cm.exception))

    def test_unloadable_library(self):
        env = dict(os.environ, INFCERT_LIB="/nonexistent/libinfcert.so.0")
        p = subprocess.run([sys.executable, "-c", "import infcert"], capture_output=True, text=True, env=env)
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("INFCERT_LIB", p.stderr)


class ClaimsFiles(unittest.TestCase):
    def test_claims_match_cli(self):
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "data", "claims")
        path = os.path.join(root, "kinds.claims")
        c = infcert.claims(path)
        p = subprocess.run([CLI, "claims", "--json", path], capture_output=True, text=True, timeout=300)
        cli = json.loads(p.stdout)
        self.assertEqual(len(c), len(cli["claims"]))
        self.assertGreater(len(c), 0)
        for a, b in zip(c, cli["claims"]):
            self.assertEqual((a["id"], a["status"]), (b["id"], b["status"]))
        first = cli["claims"][0]["id"]
        self.assertEqual(c.status(first), cli["claims"][0]["status"])
        one = infcert.claims(path, only=first)
        self.assertEqual([x["id"] for x in one.claims if x.get("checks")], [first])
        with self.assertRaises(infcert.InfcertError):
            infcert.claims(path, only="no-such-claim-id")


if __name__ == "__main__":
    unittest.main()
