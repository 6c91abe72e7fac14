"""json_schema_check.py -- run by tests/test_json_schema.sh: validates real
outputs of infcert against docs/schema/*.json with tests/jsonschema_lite.py,
and shows with mutated outputs that the schemas and the validator reject
what they should.  Prints "ok NAME" / "FAIL NAME: why" lines.

    python3 tests/json_schema_check.py INFCERT

Every output must be strict JSON (no NaN/Infinity, no duplicate keys), one
document on stdout, valid against its schema, with the exit status the
README's table gives; a few documented facts that a schema cannot state
(exit_status equals the process status, the summary counts the claims
listed) are checked too.  Each case also names the feature it is there to
cover (a verdict, a stopped value, a hint, ...), so that a change in
infcert's behaviour cannot silently drop that case's coverage."""
import copy
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.dont_write_bytecode = True          # leave no __pycache__ in tests/
from jsonschema_lite import ANNOTATIONS, BOUNDS, Validator  # noqa: E402

B = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "infcert")
SCHEMA = os.path.join(ROOT, "docs", "schema")
DATA = os.path.join(ROOT, "tests", "data")
fails = 0
count = 0


def check(name, ok, why=""):
    global fails, count
    count += 1
    print(("ok " + name) if ok else ("FAIL %s: %s" % (name, why)))
    fails += 0 if ok else 1


def no_duplicates(pairs):
    keys = [k for k, _ in pairs]
    dup = sorted({k for k in keys if keys.count(k) > 1})
    if dup:
        raise ValueError("duplicate keys %s" % dup)
    return dict(pairs)


def bad_constant(name):
    raise ValueError("%s is not JSON" % name)


def strict_json(text):
    return json.loads(text, object_pairs_hook=no_duplicates, parse_constant=bad_constant)


# ---- the schemas themselves ------------------------------------------------------

V = {n: Validator(os.path.join(SCHEMA, n + ".schema.json")) for n in ("result", "report", "claims")}


def walk(node, path, out):
    """Every subschema under "properties" without a description."""
    if isinstance(node, dict):
        for k, sub in node.get("properties", {}).items():
            if not (isinstance(sub, dict) and isinstance(sub.get("description"), str) and sub["description"]):
                out.append("%s.properties.%s" % (path, k))
        for k, sub in node.items():
            walk(sub, "%s.%s" % (path, k), out)
    elif isinstance(node, list):
        for i, sub in enumerate(node):
            walk(sub, "%s[%d]" % (path, i), out)


def refs(node, out):
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            out.append(node["$ref"])
        for sub in node.values():
            refs(sub, out)
    elif isinstance(node, list):
        for sub in node:
            refs(sub, out)


def keywords(schema, out):
    """Every keyword of schema and its subschemas."""
    if not isinstance(schema, dict):
        return
    for kw, v in schema.items():
        out.add(kw)
        if kw in ("properties", "$defs"):
            for sub in v.values():
                keywords(sub, out)
        elif kw in ("allOf", "anyOf", "oneOf", "prefixItems"):
            for sub in v:
                keywords(sub, out)
        elif kw in ("items", "additionalProperties", "propertyNames", "not"):
            keywords(v, out)


for name, v in V.items():
    f = name + ".schema.json"
    with open(os.path.join(SCHEMA, f)) as fp:
        doc = strict_json(fp.read())
    check("schema %s: Draft 2020-12" % f, doc.get("$schema") == "https://json-schema.org/draft/2020-12/schema",
          doc.get("$schema"))
    missing = []
    walk(doc, "$", missing)
    check("schema %s: every property has a description" % f, not missing, missing[:5])
    bad = []
    rs = []
    refs(doc, rs)
    for r in rs:
        try:
            v.resolve(r, doc)
        except (KeyError, OSError) as e:
            bad.append("%s (%s)" % (r, e))
    check("schema %s: all %d $refs resolve" % (f, len(rs)), not bad, bad)
    used = set()
    keywords(doc, used)
    unknown = sorted(k for k in used if k not in ANNOTATIONS and k not in BOUNDS and not hasattr(Validator, "kw_" + k.lstrip("$")))
    check("schema %s: uses only keywords jsonschema_lite checks" % f, not unknown, unknown)

# ---- the validator on a few known cases (Draft 2020-12 semantics) ------------------

tiny = Validator(os.path.join(SCHEMA, "result.schema.json"))
lite = [
    ("integer rejects true", {"type": "integer"}, True, False),
    ("integer accepts 2.0 (no fractional part)", {"type": "integer"}, 2.0, True),
    ("integer rejects 2.5", {"type": "integer"}, 2.5, False),
    ("const 1 rejects true", {"const": 1}, True, False),
    ("enum null", {"enum": ["a", None]}, None, True),
    ("prefixItems + items false", {"prefixItems": [{"type": "string"}], "items": False}, ["a", "b"], False),
]
for name, schema, inst, want in lite:
    got = not tiny.check(inst, schema, schema, "$")
    check("jsonschema_lite: " + name, got == want, "valid=%s, want %s" % (got, want))
try:
    tiny.check(1, {"multipleOf": 2}, {}, "$")
    check("jsonschema_lite: an unsupported keyword raises", False, "no ValueError")
except ValueError:
    check("jsonschema_lite: an unsupported keyword raises", True)

# ---- the examples in the documentation ---------------------------------------------------


def blocks(path, lang, start):
    """The fenced code blocks (```lang) of a markdown file that start with start."""
    with open(os.path.join(ROOT, path)) as fp:
        parts = fp.read().split("\n```")
    return [p[len(lang):].strip() for p in parts[1::2]
            if p.startswith(lang + "\n") and p[len(lang):].strip().startswith(start)]


# README: the result and the error object; docs/claims.md: the error object
for path, lang, start, schema, ref in [("README.md", "json", "{", "result", None),
                                       ("docs/claims.md", "", '{"error"', "claims", "#/$defs/error")]:
    for i, text in enumerate(blocks(path, lang, start)):
        try:
            errs = V[schema].validate(strict_json(text), ref)
        except ValueError as e:
            errs = ["not JSON: %s" % e]
        check("%s example %d (%s...) validates" % (path, i + 1, " ".join(text.split())[:30]), not errs, errs[:3])

# ---- real outputs ----------------------------------------------------------------------

TMP = tempfile.mkdtemp(prefix="infcert-schema.")


def write(name, text):
    p = os.path.join(TMP, name)
    with open(p, "w") as fp:
        fp.write(text)
    return p


def run(args):
    """(exit status, stdout, stderr, seconds); status -1 when infcert could not run."""
    t0 = time.monotonic()
    try:
        p = subprocess.run([B] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, timeout=600)
    except (OSError, subprocess.SubprocessError) as e:
        return -1, "", str(e), time.monotonic() - t0
    return p.returncode, p.stdout, p.stderr, time.monotonic() - t0


def try_json(text):
    try:
        return strict_json(text)
    except ValueError:
        return None


def get(d, path):
    """d at a dotted path ("certificate.test", "error.kind"), or None."""
    for k in path.split("."):
        d = d.get(k) if isinstance(d, dict) else None
    return d


def validate_output(name, args, schema, ref, want_rc, expect=None, stdout=None, extra=None):
    """Runs infcert (or reads stdout given), validates it; returns the parsed
    document or None.  expect: {dotted path: value, or a function of the
    value that is true}: the feature this case is there to cover."""
    if stdout is None:
        rc, out, err, secs = run(args)
        if rc not in want_rc:
            check(name, False, "exit %d, want %s (%.1f s): %s" % (rc, want_rc, secs, err.strip()[:300]))
            return None
    else:
        rc, out = want_rc[0], stdout
    try:
        d = strict_json(out)
    except ValueError as e:
        check(name, False, "not one strict JSON document: %s: %r" % (e, out[:300]))
        return None
    errs = V[schema].validate(d, ref)
    for k, want in (expect or {}).items():
        got = get(d, k)
        if not (want(got) if callable(want) else got == want):
            errs.append("%s is %r: this case is there for %s" % (k, got, "another value" if callable(want) else repr(want)))
    if "exit_status" in d and d["exit_status"] != rc:
        errs.append("exit_status %r, but the process exited %d" % (d["exit_status"], rc))
    if extra:
        errs += extra(d)
    check(name, not errs, "; ".join(errs[:6]))
    return d


def nonempty(x):
    return isinstance(x, str) and x != ""


# (name, args, exit statuses, expected features)
results = [
    ("sum converges (zeta-power)", ["sum", "1/n^2"], [0], {"verdict": "converges", "method": "zeta-power"}),
    ("sum converges --digits 30 (euler-maclaurin)", ["sum", "log(n)/n^1.5", "--digits", "30"], [0],
     {"method": "euler-maclaurin", "digits": 30}),
    ("sum converges --digits 1", ["sum", "1/n^3", "--digits", "1"], [0], {"digits_wanted": 1}),
    ("sum alternating (cvz, monotone_bound)", ["sum", "(-1)^n/n"], [0],
     {"method": "cvz", "certificate.monotone_bound": "|a(n+1)| <= |a(n)|"}),
    ("sum rational function (rational-expansion)", ["sum", "1/(n^2+1)"], [0], {"method": "rational-expansion"}),
    ("sum of two series (split)", ["sum", "1/n^2 + (-1)^n/n"], [0],
     {"method": "split", "certificate.test": "sum of two series"}),
    ("sum geometric, symbol r (direct+envelope)", ["sum", "pi^-n"], [0],
     {"method": "direct+envelope", "certificate.r": nonempty, "certificate.F_lower": nonempty}),
    ("sum symbol alpha, limit in e+ notation", ["sum", "n^-(1+1e-400)"], [0],
     {"certificate.alpha": nonempty, "limit.lo": lambda s: "e+" in s}),
    ("sum exactly 0 from n = 16 (exact)", ["sum", "0*n"], [0], {"method": "exact", "certificate.bound": "a(n) = 0"}),
    ("sum --from 5", ["sum", "1/(n-3)^2", "--from", "5"], [0], {"from": 5}),
    ("sum --from 2^62", ["sum", "1/n^2", "--from", "4611686018427387904"], [0, 4, 6],
     {"from": 4611686018427387904}),
    ("sum diverges (lower comparison)", ["sum", "1/n"], [0], {"verdict": "diverges", "certificate.test": "lower comparison"}),
    ("sum diverges (term test)", ["sum", "1"], [0], {"verdict": "diverges", "certificate.term_bound": "|a(n)| >= m"}),
    ("sum unknown", ["sum", "sin(n^2)/n"], [3], {"verdict": "unknown", "certificate.test": "none"}),
    ("sum diverges (log scale, Bertrand level 3)", ["sum", "log(log(n))/n", "--from", "3"], [0],
     {"verdict": "diverges", "certificate.test": "lower comparison", "certificate.bertrand_level": "2"}),
    ("sum converges (log scale, level 3: the integral of the majorant)", ["sum", "1/(n*log(n)*log(log(n))^2)", "--from", "3", "--timeout", "5"], [4, 5, 6],
     {"verdict": "converges", "certificate.bertrand_level": "3"}),
    ("sum diverges (log scale, term test)", ["sum", "factorial(n)^(1/n)/n"], [0], {"verdict": "diverges", "certificate.test": "term test"}),
    ("sum converges (Dirichlet)", ["sum", "(-1)^n*cos(n/3)/sqrt(n)", "--digits", "30"], [0], {"verdict": "converges", "method": "dirichlet", "certificate.test": "Dirichlet"}),
    ("prod unknown: --timeout 0.2 (stopped timeout)", ["prod", "1+sin(n)/n", "--timeout", "0.2"], [5],
     {"verdict": "unknown", "stopped": "timeout"}),
    ("sum unknown: --max-prec 256 (stopped precision)", ["sum", "exp(n^50)", "--max-prec", "256"], [4],
     {"verdict": "unknown", "stopped": "precision"}),
    ("sum --max-prec 64 --digits 200 (fewer digits)", ["sum", "n^-2", "--max-prec", "64", "--digits", "200"], [4],
     {"stopped": "precision", "digits": lambda d: 0 < d < 200}),
    ("sum limit_note: --max-terms 3000 (stopped terms)", ["sum", "(-1)^n*log(n)^6/n^1.2", "--max-terms", "3000"], [4],
     {"stopped": "terms", "limit_note": nonempty, "digits": 0, "method": "leibniz"}),
    ("sum limit_note: the effort limit (stopped effort)", ["sum", "(-1)^n*log(n)^6/n^1.2"], [4],
     {"stopped": "effort", "limit_note": nonempty}),
    ("sum --max-memory 16M (stopped memory)",
     ["sum", "n^-1.001", "--digits", "10000", "--max-memory", "16M", "--timeout", "20"], [4],
     {"stopped": "memory"}),
    ("prod converges (zeta-expansion)", ["prod", "1 - n^-1.001", "--from", "2"], [0],
     {"verdict": "converges", "method": "zeta-expansion", "limit.lo": lambda s: "e-" in s}),
    ("prod converges (log-series)", ["prod", "1 + 1/(n*log(n)^2)", "--from", "2"], [0], {"method": "log-series"}),
    ("prod converges, two factors", ["prod", "(1+1/n^2)*(1-1/n^3)", "--from", "2"], [0], {"verdict": "converges"}),
    ("prod converges to 1 exactly", ["prod", "1 + 0*n"], [0], {"method": "exact", "certificate.bound": "u(n) = 0"}),
    ("prod --timeout 1 after the verdict (stopped timeout)",
     ["prod", "1 - n^-1.001", "--from", "2", "--digits", "20000", "--timeout", "1"], [5],
     {"verdict": "converges", "stopped": "timeout"}),
    ("prod limit_note: beyond the exponent range (stopped no-method)", ["prod", "exp(25*10^8*4^(-n))"], [6],
     {"verdict": "converges", "stopped": "no-method", "limit_note": nonempty}),
    ("prod diverges (u >= 0, sum u = inf)", ["prod", "1 + 1/n"], [0], {"verdict": "diverges"}),
    ("prod diverges (|p(n)| >= P, u_range to inf)", ["prod", "n"], [0],
     {"verdict": "diverges", "certificate.p_bound": "|p(n)| >= P", "certificate.u_range": lambda s: s.endswith("inf]")}),
    ("prod diverges (sign-changing factors)", ["prod", "(-1)^n*(1+1/n^2)", "--timeout", "150"], [0],
     {"certificate.test": "sign-changing factors"}),
    ("prod diverges_to_zero", ["prod", "1 - 1/n", "--from", "2"], [0], {"verdict": "diverges_to_zero"}),
    ("prod diverges_to_zero (|p(n)| <= P)", ["prod", "1/2"], [0], {"verdict": "diverges_to_zero", "certificate.P": "0.5"}),
    ("prod zero_factor", ["prod", "1 - 1/n"], [0], {"verdict": "zero_factor", "certificate.zero_factor_n": "1"}),
    # log = (-1)^n/sqrt(n) + O(n^-3/2): converges, but u = p - 1 mixes an
    # alternating and a one-signed part, which no product rule separates
    ("prod unknown", ["prod", "1 + (-1)^n/sqrt(n) + 1/(2*n)", "--from", "2", "--timeout", "5"], [3, 5], {"verdict": "unknown"}),
    ("prod series of logs", ["prod", "1 + (-1)^n/sqrt(n)", "--from", "2", "--timeout", "30"], [0],
     {"verdict": "diverges_to_zero", "certificate.test": "series of logs"}),
    # errors with --json
    ("error: parse, column", ["sum", "2*/n"], [2], {"error.kind": "parse", "error.column": 3}),
    ("error: parse, hint", ["sum", "n log n"], [2], {"error.kind": "parse", "error.hint": "write '*' between factors"}),
    ("error: parse, did you mean", ["sum", "sine(n)/n^2"], [2], {"error.hint": "did you mean 'sin'?"}),
    ("error: parse, empty term", ["sum", ""], [2], {"error.kind": "parse"}),
    ("error: domain, n and try --from", ["sum", "1/(n-1)"], [2],
     {"error.kind": "domain", "error.n": "1", "error.hint": "try --from 2"}),
    ("error: domain after N0, no hint", ["sum", "1/(n^2-1600)", "--from", "30"], [2],
     {"error.n": "40", "error.hint": None}),
    ("error: limit, term too long", ["sum", "n+" * 50001 + "n"], [4], {"error.kind": "limit"}),
    ("error: usage, bad option with hint", ["sum", "1/n^2", "--digit", "20"], [2],
     {"error.kind": "usage", "error.hint": "did you mean '--digits'?"}),
    ("error: usage, bad value", ["prod", "1/n", "--digits", "0"], [2], {"error.kind": "usage"}),
    ("error: usage, no term", ["sum"], [2], {"error.kind": "usage"}),
    ("error: usage, leading minus", ["sum", "-1/n^2"], [2], {"error.hint": "infcert sum -- '-1/n^2'"}),
    ("error: unknown command", ["frob"], [2], {"error.kind": "usage"}),
    ("error: unknown command, did you mean", ["sums"], [2], {"error.hint": "did you mean 'sum'?"}),
]
kept = {}
for name, args, rcs, expect in results:
    d = validate_output("result: " + name, args + ["--json"], "result", None, rcs, expect)
    kept[name] = d

# ---- claims and report ---------------------------------------------------------------


def doc_facts(d):
    """What the claims document says of itself and a schema cannot state."""
    errs = []
    if not isinstance(d, dict) or "claims" not in d:
        return errs
    cl = d["claims"]
    s = d["summary"]
    counts = {"claims": len(cl), "expect_mismatches": sum(c["expect_mismatch"] for c in cl)}
    for st in ("proved", "refuted", "undecided"):
        counts[st] = sum(c["status"] == st for c in cl)
    if counts != s:
        errs.append("summary %s, but the claims listed give %s" % (s, counts))
    for c in cl:
        if c["expect_mismatch"] != (c["expected"] is not None and c["expected"] != c["status"]):
            errs.append("claim %s: expect_mismatch %s with expected %r, status %r"
                        % (c["id"], c["expect_mismatch"], c["expected"], c["status"]))
    return errs


def claims_rc(d):
    s = d["summary"]
    return 7 if s["expect_mismatches"] else 3 if s["undecided"] else 0


K = os.path.join(DATA, "claims", "kinds.claims")
R = os.path.join(DATA, "claims", "report.claims")
extra_claims = write("extra.claims", "model fan\n  tokens: a b\n  start: a=1/2 b=1/2\n\n"
                     "claim mismatch\n  item: 7\n  statement: A statement,\n  statement: in two parts.\n"
                     "  note: A note.\n  expect: refuted\n  check: sum(1/n^2, n >= 1) converges\n"
                     "  check: decay(eps = 1/2, delta = 1/8) = 3\n\n"
                     "claim undecided\n  check: sum(sin(n^2)/n, n >= 1) converges\n")
bad_claims = write("bad.claims", "claim x\n  check: sum(1/n^2, n >= 1) convergez\n")
missing_model = write("missing.claims", "model m\n  arpa: nothere.arpa\nclaim x\n  check: nondegenerate(m)\n")
bad_model = write("badmodel.claims", "model m\n  arpa: %s\nclaim x\n  check: nondegenerate(m)\n"
                  % os.path.join(DATA, "arpa", "badcount.arpa"))

for name, args, rcs, expect in [
    ("claims kinds.claims (every claim kind, one undecided)", ["claims", K], [3],
     {"summary.undecided": lambda n: n > 0}),
    ("claims report.claims (expected, counterexamples, plots)", ["claims", R], [0], {"summary.refuted": 3}),
    ("claims --only", ["claims", K, "--only=sum-true"], [0], {"summary.claims": 1}),
    ("claims: expect mismatch, note, item, undecided", ["claims", extra_claims], [7],
     {"summary.expect_mismatches": 1, "summary.undecided": 1}),
]:
    d = validate_output(name, args + ["--json"], "claims", "#/$defs/claims_output", rcs,
                        dict(expect, **{"claims": lambda c: isinstance(c, list)}), extra=doc_facts)
    if d is not None and "claims" in d:
        check(name + ": exit status from the summary", claims_rc(d) in rcs, claims_rc(d))
        check(name + ": report.schema.json on its own", not V["report"].validate(d), V["report"].validate(d)[:3])

# the built-in essay claims need build/turtle.arpa (make report converts it)
rc, out, err, secs = run(["claims", "--json"])
j = try_json(out)
model_missing = (rc == 2 and isinstance(j, dict) and get(j, "error.kind") == "io"
                 and "cannot read" in (get(j, "error.message") or ""))
if model_missing:
    check("claims --json (built-in essay claims): skipped, the model is missing: %s" % get(j, "error.message"), True)
else:
    validate_output("claims --json (built-in essay claims)", None, "claims", "#/$defs/claims_output", [rc],
                    {"source": "built-in (data/essay.claims)"}, stdout=out, extra=doc_facts)
    check("claims --json (built-in): exit status from the summary",
          isinstance(j, dict) and "summary" in j and rc == claims_rc(j), "exit %d" % rc)

for name, args, rcs, expect in [
    ("claims error: unreadable FILE (io)", ["claims", os.path.join(TMP, "none.claims")], [2], {"error.kind": "io"}),
    ("claims error: parse, file/line/column", ["claims", bad_claims], [2],
     {"error.kind": "parse", "error.line": 2, "error.column": 29}),
    ("claims error: missing model file (io, position)", ["claims", missing_model], [2],
     {"error.kind": "io", "error.line": 2}),
    ("claims error: malformed model file (parse)", ["claims", bad_model], [2], {"error.kind": "parse"}),
    ("claims error: unknown option", ["claims", "--bogus"], [2], {"error.kind": "usage"}),
    ("claims error: --only unknown id", ["claims", R, "--only=nope"], [2], {"error.kind": "usage"}),
    ("claims error: two FILEs", ["claims", R, K], [2], {"error.kind": "usage"}),
]:
    validate_output(name, args + ["--json"], "claims", "#/$defs/claims_output", rcs, expect)

# report --out DIR: the summary on stdout, then report.json itself
for name, src, rcs in [("report.claims", R, [0]), ("kinds.claims", K, [3]), ("mismatch", extra_claims, [7])]:
    out_dir = os.path.join(TMP, "report-" + name)
    d = validate_output("report --json summary (%s)" % name, ["report", src, "--out", out_dir, "--json"],
                        "claims", "#/$defs/report_output", rcs, {"out": out_dir, "files": lambda f: f is not None})
    try:
        with open(os.path.join(out_dir, "report.json")) as fp:
            text = fp.read()
    except OSError as e:
        check("report.json (%s)" % name, False, e)
        continue
    r = validate_output("report.json (%s)" % name, None, "report", None, [0], stdout=text, extra=doc_facts)
    if d and r:
        same = {k: r["summary"][k] for k in ("claims", "undecided", "expect_mismatches")} == d["summary"]
        check("report --json summary agrees with report.json (%s)" % name, same, (d["summary"], r["summary"]))
full = os.path.join(TMP, "full")
os.mkdir(full)
write("full/other.txt", "")
validate_output("report error: --out folder with other files (io)", ["report", R, "--out", full, "--json"],
                "claims", "#/$defs/report_output", [2], {"error.kind": "io"})
validate_output("report error: unknown option", ["report", "--outdir=" + os.path.join(TMP, "x"), "--json"],
                "claims", "#/$defs/report_output", [2], {"error.kind": "usage"})

# ---- mutations: the schemas reject what they should ------------------------------------


def mutate(name, base, schema, ref, f):
    """f changes a copy of base (a valid document); it must be rejected."""
    if base is None:
        check("reject: " + name, False, "no valid output to mutate")
        return
    if V[schema].validate(base, ref):
        check("reject: " + name, False, "the unmutated document is not valid")
        return
    d = copy.deepcopy(base)
    try:
        f(d)
    except (KeyError, IndexError, TypeError) as e:
        check("reject: " + name, False, "the mutation does not apply to this output: %r" % e)
        return
    errs = V[schema].validate(d, ref)
    check("reject: " + name + (" (%s)" % errs[0][:150] if errs else ""), bool(errs), "accepted: %s" % json.dumps(d)[:200])


def setk(path, value):
    def f(d):
        *head, last = path.split(".")
        for k in head:
            d = d[int(k)] if isinstance(d, list) else d[k]
        d[int(last) if isinstance(d, list) else last] = value
    return f


def delk(path):
    def f(d):
        *head, last = path.split(".")
        for k in head:
            d = d[int(k)] if isinstance(d, list) else d[k]
        del d[last]
    return f


conv = kept.get("sum converges (zeta-power)")
div = kept.get("sum diverges (lower comparison)")
stop = kept.get("prod unknown: --timeout 0.2 (stopped timeout)")
prod0 = kept.get("prod zero_factor")
perr = kept.get("error: parse, column")
derr = kept.get("error: domain, n and try --from")
for name, base, f in [
    ("result without verdict", conv, delk("verdict")),
    ("result without certificate.test", conv, delk("certificate.test")),
    ("result with an unknown key", conv, setk("comment", "x")),
    ("certificate with an unknown item", conv, setk("certificate.foo", "1")),
    ("from as a string", conv, setk("from", "1")),
    ("digits as a float", conv, setk("digits", 15.5)),
    ("digits as a boolean", conv, setk("digits", True)),
    ("digits_wanted 0", conv, setk("digits_wanted", 0)),
    ("precision_bits negative", conv, setk("precision_bits", -1)),
    ("a verdict not in the enum", conv, setk("verdict", "convergent")),
    ("a product verdict for a sum", conv, setk("verdict", "zero_factor")),
    ("limit.lo not a decimal", conv, setk("limit.lo", "1.64e")),
    ("limit.lo as a number", conv, setk("limit.lo", 1.64)),
    ("limit.hi with a comma", conv, setk("limit.hi", "1,64")),
    ("limit with a third key", conv, setk("limit.mid", "1.6")),
    ("converges with a limit but no digit and no limit_note", conv, setk("digits", 0)),
    ("method not in the enum", conv, setk("method", "magic")),
    ("certificate.sign 2", conv, setk("certificate.sign", "2")),
    ("certificate.ratio not an interval", conv, setk("certificate.ratio", "1..1")),
    ("a product item in a sum's certificate", conv, setk("certificate.u_range", "[0, 1]")),
    ("stopped without stop_note", conv, setk("stopped", "effort")),
    ("stopped not in the enum", stop, setk("stopped", "exhausted")),
    ("stop_note without stopped", stop, delk("stopped")),
    ("diverges with a limit", div, setk("limit", {"lo": "0", "hi": "1"})),
    ("diverges with a limit_note", div, setk("limit_note", "why")),
    ("diverges with a method", div, setk("method", "exact")),
    ("zero_factor with a limit other than 0", prod0, setk("limit.hi", "1")),
    ("zero_factor without its limit", prod0, delk("limit")),
    ("a sum's item in a product's certificate", prod0, setk("certificate.tail", "x")),
    ("a sum's bound in a product's certificate", prod0, setk("certificate.bound", "|a(n)| <= C * F(n)")),
    ("error without exit_status", perr, delk("exit_status")),
    ("error kind not in the enum", perr, setk("error.kind", "bogus")),
    ("parse error with exit status 3", perr, setk("exit_status", 3)),
    ("parse error without column", perr, delk("error.column")),
    ("column 0", perr, setk("error.column", 0)),
    ("domain error with a column", derr, setk("error.column", 1)),
    ("domain error with n as a number", derr, setk("error.n", 1)),
    ("error with an unknown key", derr, setk("error.where", "here")),
]:
    mutate(name, base, "result", None, f)

rep = try_json(run(["claims", R, "--json"])[1])
sumry = try_json(run(["report", R, "--out", os.path.join(TMP, "report-again"), "--json"])[1])
cerr = try_json(run(["claims", bad_claims, "--json"])[1])
CO = "#/$defs/claims_output"
for name, f in [
    ("document without summary.proved", delk("summary.proved")),
    ("document with an unknown key", setk("generated", "today")),
    ("claim status not in the enum", setk("claims.0.status", "maybe")),
    ("claim expected not in the enum", setk("claims.0.expected", "yes")),
    ("claim item -1", setk("claims.0.item", -1)),
    ("claim id with a space", setk("claims.0.id", "a b")),
    ("claim without checks", setk("claims.0.checks", [])),
    ("expect_mismatch true without expected", lambda d: (d["claims"][0].update(expected=None, expect_mismatch=True))),
    ("check line as a string", setk("claims.0.checks.0.line", "10")),
    ("numbers: a pair of three", setk("claims.0.checks.0.numbers", [["a", "b", "c"]])),
    ("numbers: a value as a number", setk("claims.0.checks.0.numbers", [["a", 1]])),
    ("counterexample with an unknown key", setk("claims.1.checks.0.counterexample.extra", "x")),
    ("certified series with a note", setk("claims.2.checks.0.plots.0.series.0.note", "n")),
    ("approximate series without a note", delk("claims.2.checks.0.plots.0.series.1.note")),
    ("plot value as a word", setk("claims.2.checks.0.plots.0.series.0.lo", ["low"])),
    ("plot value as a boolean", setk("claims.2.checks.0.plots.0.series.0.lo", [True])),
    ("plot without an x label", delk("claims.2.checks.0.plots.0.xlabel")),
    ("plot with an empty note", setk("claims.2.checks.0.plots.0.note", "")),
]:
    mutate(name, rep, "claims", CO, f)
    if name.startswith("document"):
        mutate("report.json: " + name, rep, "report", None, f)
for name, f in [
    ("report summary: files in another order", setk("files", ["report.json", "report.md", "index.html"])),
    ("report summary: exit status 5", setk("exit_status", 5)),
    ("report summary: proved count (not in the summary)", setk("summary.proved", 1)),
]:
    mutate(name, sumry, "claims", "#/$defs/report_output", f)
for name, f in [
    ("claims error: kind domain (not a claims kind)", setk("error.kind", "domain")),
    ("claims error: file without line", delk("error.line")),
    ("claims error: parse without position", lambda d: [d["error"].pop(k) for k in ("file", "line", "column")]),
    ("claims error: limit with exit status 2", setk("error.kind", "limit")),
]:
    mutate(name, cerr, "claims", CO, f)

shutil.rmtree(TMP, ignore_errors=True)
print("# %d checks, %d failed" % (count, fails))
sys.exit(1 if fails else 0)
