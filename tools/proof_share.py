#!/usr/bin/env python3
"""tools/proof_share.py - the share of the engine's C lines that are proved.

Counts the lines inside function bodies (not blank, not only a comment,
not only a brace) of the
engine (every .c file under src/ except the command line, the claim
checker, the language-model readers and the report writers: the list
OUTSIDE below) and how many of them lie in functions that
proofs/kernels.txt lists.  Prints one summary line (and, with -v, one line
per file).  Exit status 0; 2 on a missing input.

A function body is a top-level brace block whose opening brace follows a
closing parenthesis (a definition, not an initialiser); its name is the
identifier before the parameter list's opening parenthesis.
"""
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# Not engine: the CLI (main.c, output.c: argument parsing and printing),
# the claim checker (claims_cli.c, src/claims/, softmax.c: IEEE emulation
# for the claims), the LM readers (arpa.c, lmbin.c, lm.c) and the report
# writers (report.c, svg.c).
OUTSIDE = {"main.c", "output.c", "claims_cli.c", "softmax.c", "arpa.c",
           "lmbin.c", "lm.c", "report.c", "svg.c"}


def strip_comments(text):
    """Removes /* */ and // comments and the contents of string and
    character literals (kept as empty quotes), preserving newlines."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append("\n" * text.count("\n", i, j))
            i = j
        elif text.startswith("//", i):
            j = text.find("\n", i)
            i = n if j < 0 else j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


def function_lines(path):
    """{function name: number of non-blank lines inside its body}."""
    text = strip_comments(open(path, encoding="utf-8", errors="replace").read())
    text = re.sub(r"^[ \t]*#.*$", "", text, flags=re.M)  # preprocessor lines
    lines = text.split("\n")
    res = {}
    depth = 0
    cur = None
    prev = ""          # the significant text before a top-level brace
    for ln in lines:
        counted = False
        for k, ch in enumerate(ln):
            if ch == "{":
                if depth == 0:
                    before = (prev + ln[:k]).rstrip()
                    if before.endswith(")"):
                        # the name before the parameter list
                        d = 0
                        j = len(before) - 1
                        while j >= 0:
                            if before[j] == ")":
                                d += 1
                            elif before[j] == "(":
                                d -= 1
                                if d == 0:
                                    break
                            j -= 1
                        m = re.search(r"([A-Za-z_]\w*)\s*$", before[:max(j, 0)])
                        cur = m.group(1) if m else "?"
                        res.setdefault(cur, 0)
                    else:
                        cur = None
                depth += 1
            elif ch == "}":
                depth -= 1
                if depth == 0:
                    cur = None
                    prev = ""
            elif ch == ";" and depth == 0:
                prev = ""
        # a line is inside a body when a body is open after its first brace
        # or was open before it
        if ln.strip() and ln.strip() not in ("{", "}") and (cur is not None or depth > 0):
            if cur is not None:
                res[cur] += 1
                counted = True
        if depth == 0 and not counted:
            prev += " " + ln
    return res


def main():
    verbose = "-v" in sys.argv[1:]
    kern = os.path.join(ROOT, "proofs", "kernels.txt")
    if not os.path.exists(kern):
        print("proof_share: %s not found" % kern, file=sys.stderr)
        return 2
    listed = set()
    for ln in open(kern):
        ln = ln.split("#", 1)[0].split()
        if len(ln) >= 2:
            for f in ln[1:]:
                if not f.startswith("provers="):
                    listed.add((os.path.normpath(ln[0]), f))
    total = proved = 0
    rows = []
    for dp, _, fs in os.walk(os.path.join(ROOT, "src")):
        rel = os.path.relpath(dp, ROOT)
        if rel.startswith(os.path.join("src", "claims")):
            continue
        for f in sorted(fs):
            if not f.endswith(".c") or f in OUTSIDE:
                continue
            relf = os.path.normpath(os.path.join(rel, f))
            fl = function_lines(os.path.join(dp, f))
            t = sum(fl.values())
            p = sum(v for k, v in fl.items() if (relf, k) in listed)
            total += t
            proved += p
            rows.append((relf, p, t))
    if verbose:
        for relf, p, t in sorted(rows, key=lambda r: -r[2]):
            print("  %-22s %5d / %5d lines in proved functions" % (relf, p, t))
    print("engine lines in proved functions: %d of %d (%.1f %%)" %
          (proved, total, 100.0 * proved / max(total, 1)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
