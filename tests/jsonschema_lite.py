"""jsonschema_lite.py -- a small validator for the subset of JSON Schema
Draft 2020-12 that docs/schema/*.json use, with the Python standard library
only (Debian's python3-jsonschema is not a build dependency).

    v = Validator("docs/schema/result.schema.json")
    errors = v.validate(instance)                   # [] when valid
    errors = v.validate(instance, "#/$defs/error")  # against a subschema

Each error is "PATH: what is wrong", PATH a JSON path ($, $.limit.lo,
$.claims[3].checks[0]); when no branch of a oneOf/anyOf fits, the errors of
the closest branch are given.  Keywords: $ref ("#/$defs/..." in the same
file, "FILE.json#/..." beside it), type (integer: a number without a
fractional part, as the draft says; a boolean is never a number), enum,
const, properties, required, additionalProperties, propertyNames,
dependentRequired, prefixItems, items, minItems, maxItems, minimum,
maximum, minLength, maxLength, pattern, oneOf, anyOf, allOf, not, and the
boolean schemas true/false.  Any other keyword raises ValueError, so that a
schema never means more than is checked; annotations (title, description,
$schema, $id, $defs, $comment) are skipped."""
import json
import operator
import os
import re

ANNOTATIONS = {"$schema", "$id", "$defs", "$comment", "title", "description", "examples", "default"}
# keyword: (the instance type it applies to, measure, test, message)
BOUNDS = {
    "minimum": ("number", lambda x: x, operator.ge, "is less than"),
    "maximum": ("number", lambda x: x, operator.le, "is greater than"),
    "minLength": ("string", len, operator.ge, "is shorter than"),
    "maxLength": ("string", len, operator.le, "is longer than"),
    "minItems": ("array", len, operator.ge, "has fewer items than"),
    "maxItems": ("array", len, operator.le, "has more items than"),
}


def json_equal(a, b):
    """Equality of JSON values: true is not 1, but 1 is 1.0."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(json_equal(x, y) for x, y in zip(a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(json_equal(a[k], b[k]) for k in a)
    return type(a) is type(b) and a == b


def has_type(x, t):
    if t == "null":
        return x is None
    if t == "boolean":
        return isinstance(x, bool)
    if t == "number":
        return isinstance(x, (int, float)) and not isinstance(x, bool)
    if t == "integer":
        return has_type(x, "number") and (isinstance(x, int) or x.is_integer())
    return isinstance(x, {"string": str, "array": list, "object": dict}[t])


def show(x):
    return json.dumps(x)[:60]


class Validator:
    def __init__(self, path):
        self.dir, self.name = os.path.split(os.path.abspath(path))
        self.files = {}
        self.root = self.load(self.name)

    def load(self, name):
        if name not in self.files:
            with open(os.path.join(self.dir, name)) as f:
                self.files[name] = json.load(f)
        return self.files[name]

    def resolve(self, ref, root):
        """(the subschema, its file's root) of a $ref met in root."""
        name, _, pointer = ref.partition("#")
        node = root = self.load(name) if name else root
        for part in [p for p in pointer.split("/") if p]:
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node, root

    def validate(self, instance, ref=None):
        schema, root = self.resolve(ref, self.root) if ref else (self.root, self.root)
        return self.check(instance, schema, root, "$")

    def check(self, x, s, root, path):
        if s is True or s is False:
            return [] if s else ["%s: not allowed here" % path]
        errs = []
        for kw, v in s.items():
            if kw in ANNOTATIONS:
                continue
            if kw in BOUNDS:
                t, measure, ok, what = BOUNDS[kw]
                if has_type(x, t) and not ok(measure(x), v):
                    errs.append("%s: %s %s %s" % (path, show(x), what, v))
                continue
            f = getattr(self, "kw_" + kw.lstrip("$"), None)
            if f is None:
                raise ValueError("jsonschema_lite: keyword %r is not supported" % kw)
            errs += f(x, v, s, root, path)
        return errs

    def kw_ref(self, x, v, s, root, path):
        sub, subroot = self.resolve(v, root)
        return self.check(x, sub, subroot, path)

    def kw_type(self, x, v, s, root, path):
        types = v if isinstance(v, list) else [v]
        return [] if any(has_type(x, t) for t in types) else \
            ["%s: %s is not of type %s" % (path, show(x), " or ".join(types))]

    def kw_enum(self, x, v, s, root, path):
        return [] if any(json_equal(x, e) for e in v) else \
            ["%s: %s is not one of %s" % (path, show(x), json.dumps(v)[:200])]

    def kw_const(self, x, v, s, root, path):
        return [] if json_equal(x, v) else ["%s: %s is not %s" % (path, show(x), json.dumps(v))]

    def kw_pattern(self, x, v, s, root, path):
        return [] if not isinstance(x, str) or re.search(v, x) else \
            ["%s: %s does not match /%s/" % (path, show(x), v)]

    def kw_properties(self, x, v, s, root, path):
        if not isinstance(x, dict):
            return []
        return [e for k in v if k in x for e in self.check(x[k], v[k], root, "%s.%s" % (path, k))]

    def kw_required(self, x, v, s, root, path):
        return ["%s: required key %r is missing" % (path, k) for k in v if isinstance(x, dict) and k not in x]

    def kw_additionalProperties(self, x, v, s, root, path):
        if not isinstance(x, dict):
            return []
        extra = [k for k in x if k not in s.get("properties", {})]
        if v is False:
            return ["%s: key %r is not allowed" % (path, k) for k in extra]
        return [e for k in extra for e in self.check(x[k], v, root, "%s.%s" % (path, k))]

    def kw_propertyNames(self, x, v, s, root, path):
        return ["%s: key %r is not allowed" % (path, k)
                for k in (x if isinstance(x, dict) else []) if self.check(k, v, root, path)]

    def kw_dependentRequired(self, x, v, s, root, path):
        return ["%s: key %r needs key %r" % (path, k, d)
                for k in v if isinstance(x, dict) and k in x for d in v[k] if d not in x]

    def kw_prefixItems(self, x, v, s, root, path):
        if not isinstance(x, list):
            return []
        return [e for i, (y, sub) in enumerate(zip(x, v)) for e in self.check(y, sub, root, "%s[%d]" % (path, i))]

    def kw_items(self, x, v, s, root, path):
        if not isinstance(x, list):
            return []
        first = len(s.get("prefixItems", []))
        return [e for i in range(first, len(x)) for e in self.check(x[i], v, root, "%s[%d]" % (path, i))]

    def kw_allOf(self, x, v, s, root, path):
        return [e for sub in v for e in self.check(x, sub, root, path)]

    def kw_anyOf(self, x, v, s, root, path):
        res = [self.check(x, sub, root, path) for sub in v]
        return [] if any(not errs for errs in res) else self.closest(path, "anyOf", res)

    def kw_oneOf(self, x, v, s, root, path):
        res = [self.check(x, sub, root, path) for sub in v]
        good = [i for i, errs in enumerate(res) if not errs]
        if len(good) > 1:
            return ["%s: fits %d branches of oneOf (%s), not one" % (path, len(good), good)]
        return [] if good else self.closest(path, "oneOf", res)

    def kw_not(self, x, v, s, root, path):
        return [] if self.check(x, v, root, path) else ["%s: %s fits a schema it must not" % (path, show(x))]

    @staticmethod
    def closest(path, what, res):
        """The errors of the branch with the fewest (the innermost message
        of nested oneOf/anyOf)."""
        return ["%s: fits no branch of %s; closest: %s" % (path, what, e.split("; closest: ")[-1])
                for e in min(res, key=len)]
