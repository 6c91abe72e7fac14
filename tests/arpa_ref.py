# tests/arpa_ref.py -- an independent reference for ARPA back-off models read
# as transition rules (tests of issue 15): the reachable context states
# (longest suffix of the history, at most N-1 words, that is an n-gram;
# back to "<s>" after "</s>"), the back-off rule, and per state the row of
# next-token probabilities, in mpmath at 50 digits.  It shares no code
# with infcert (src/arpa.c, src/lm.c).
import sys, mpmath as mp
mp.mp.dps = 50
def read(path):
    grams = {}; order = 0; sec = 0
    for line in open(path):
        line = line.strip()
        if line.startswith('\\') and line.endswith('-grams:'): sec = int(line[1]); order = max(order, sec); continue
        if not line or line.startswith('\\') or line.startswith('ngram') or sec == 0: continue
        f = line.split()
        lp = mp.mpf(f[0]); ws = tuple(f[1:1 + sec]); bo = mp.mpf(f[1 + sec]) if len(f) > 1 + sec else mp.mpf(0)
        grams[ws] = (mp.mpf(10) ** lp, mp.mpf(10) ** bo)
    return grams, order
def model(path):
    g, N = read(path)
    toks = [w for (w,) in [k for k in g if len(k) == 1] if w != '<s>']
    def prob(ctx, w):
        if ctx + (w,) in g: return g[ctx + (w,)][0]
        if not ctx: return mp.mpf(0)
        b = g[ctx][1] if ctx in g else mp.mpf(1)
        return b * prob(ctx[1:], w)
    def state(h):
        h = h[-(N - 1):] if N > 1 else ()
        while h and h not in g: h = h[1:]
        return h
    start = ('<s>',); seen = {start}; todo = [start]; rows = {}
    while todo:
        s = todo.pop(); rows[s] = [prob(s, w) for w in toks]
        for w in toks:
            t = start if w == '</s>' else state(s + (w,))
            if t not in seen: seen.add(t); todo.append(t)
    return toks, rows
if __name__ == '__main__':
    toks, rows = model(sys.argv[1])
    raw = 1 - max(max(r) for r in rows.values())
    nrm = 1 - max(max(r) / mp.fsum(r) for r in rows.values())
    sums = [mp.fsum(r) for r in rows.values()]
    n = lambda e: int(mp.ceil(mp.log(mp.mpf('1e-6')) / mp.log(1 - e)))
    print(len(rows), len(toks), mp.nstr(raw, 12), mp.nstr(nrm, 12), n(raw), n(nrm), mp.nstr(min(sums), 8), mp.nstr(max(sums), 8))
    pmin = min(min(r) for r in rows.values()); pminn = min(min(r) / mp.fsum(r) for r in rows.values())
    print(mp.nstr(pmin, 10), mp.nstr(pminn, 10))
    # the largest logit width over states, log(max/min) of a row (the same
    # for stored and normalised rows)
    print(mp.nstr(max(mp.log(max(r) / min(r)) for r in rows.values()), 15))

def model_trans(path):
    """toks, rows (state -> probabilities in token order) and nxt (state ->
    next state per token), the same construction as model()."""
    g, N = read(path)
    toks, rows = model(path)
    def state(h):
        h = h[-(N - 1):] if N > 1 else ()
        while h and h not in g: h = h[1:]
        return h
    start = ('<s>',)
    nxt = {s: [start if w == '</s>' else state(s + (w,)) for w in toks] for s in rows}
    return toks, rows, nxt, start

def paths(path, nmax, normalise):
    """V[n][x] (most likely path) and M[n][x] (marginal) for n = 1..nmax,
    by the dense recursions over every state and token (50 digits)."""
    toks, rows, nxt, start = model_trans(path)
    if normalise:
        rows = {s: [p / mp.fsum(r) for p in r] for s, r in rows.items()}
    a = {start: mp.mpf(1)}; d = {start: mp.mpf(1)}
    V, M = [None], [None]
    for n in range(1, nmax + 1):
        a2, d2 = {}, {}
        Vn = [mp.mpf(0)] * len(toks); Mn = [mp.mpf(0)] * len(toks)
        for s in a:
            for x, p in enumerate(rows[s]):
                t = nxt[s][x]
                Mn[x] += a[s] * p; a2[t] = a2.get(t, 0) + a[s] * p
                q = d[s] * p
                if q > Vn[x]: Vn[x] = q
                if q > d2.get(t, 0): d2[t] = q
        a, d = a2, d2
        V.append(Vn); M.append(Mn)
    return toks, V, M
