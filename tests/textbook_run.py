#!/usr/bin/python3
"""Runner of the public textbook suite, tests/data/textbook.tsv (issue 11).

Runs infcert on every case (sum or prod, --json --timeout 10 --digits 15,
--from as given; 2 cases at a time) and prints, one per line:

  FAIL wrong verdict ...   a decided verdict that differs from the true one
                           (unknown is not wrong);
  FAIL error ...           infcert rejected a case (the terms are defined for
                           every n >= from) or printed no JSON;
  FAIL enclosure ...       a decided enclosure [lo, hi] disjoint from the
                           reference interval [ref - u, ref + u], u one unit
                           in the last written place of the reference (every
                           written digit of a reference is correct up to
                           that unit, see tests/data/textbook_refs.py);
  ok ...                   one line per check that passed;
  # ...                    information: decided rate, per family counts, the
                           unknown cases, the slowest unknown, the total time;

and last `ok textbook decided rate X % (N of M)` when the rate reaches the
threshold (env TEXTBOOK_MIN_RATE, default DEFAULT_MIN_RATE below), else the
same line with FAIL.

    textbook_run.py [--binary B] [--data FILE] [--jobs J] [--timeout S]
                    [--family NAME] [--list-unknown]

--list-unknown runs the suite and prints only the unknown cases
(kind, from, term, family, seconds), tab-separated.
Exit status 1 when a FAIL line was printed.
"""
import argparse
import concurrent.futures
import decimal
import json
import os
import subprocess
import sys
import time

# Regression floor for the decided rate, in percent.  Measured with the
# binary of the commit that added the suite (44d62d4): 264 of 342 cases
# decided (77.2 %); with Dirichlet, squares of sines and the (-1)^n split,
# 285 (83.3 %); with the log scale (src/lscale.c), periodic coefficients,
# trig powers, the oscillating term test and the series of logs for
# products, 341 of 342 (99.7 %), so the floor is floor(99.7) - 2 = 97
# (TEXTBOOK_MIN_RATE overrides it).
DEFAULT_MIN_RATE = 97

DECIDED = {'sum': ('converges', 'diverges'),
           'prod': ('converges', 'diverges', 'diverges_to_zero', 'zero_factor')}

decimal.getcontext().prec = 200
decimal.getcontext().Emin = -10 ** 9
decimal.getcontext().Emax = 10 ** 9


def load(path):
    cases = []
    family = '(none)'
    header = False
    with open(path, encoding='utf-8') as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip('\n')
            if not line.strip():
                continue
            if line.startswith('#'):
                if line.startswith('# family:'):
                    family = line[len('# family:'):].split('--')[0].strip()
                continue
            f = line.split('\t')
            if not header:
                if f[:4] != ['kind', 'from', 'term', 'verdict']:
                    raise SystemExit('%s:%d: header line expected' % (path, lineno))
                header = True
                continue
            if len(f) != 6:
                raise SystemExit('%s:%d: 6 tab-separated fields expected, got %d' % (path, lineno, len(f)))
            kind, frm, term, verdict, ref, prov = f
            if kind not in DECIDED or verdict not in DECIDED[kind]:
                raise SystemExit('%s:%d: bad kind or verdict' % (path, lineno))
            if (verdict == 'converges') != (ref != '-'):
                raise SystemExit('%s:%d: a reference goes with converges, and only there' % (path, lineno))
            cases.append({'family': family, 'kind': kind, 'from': int(frm), 'term': term,
                          'verdict': verdict, 'ref': None if ref == '-' else ref, 'line': lineno})
    return cases


def run_case(binary, case, timeout):
    cmd = [binary, case['kind'], '--json', '--timeout', str(timeout), '--digits', '15',
           '--from', str(case['from']), '--', case['term']]
    t0 = time.time()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=3 * timeout + 30)
        out, rc, killed = p.stdout, p.returncode, False
    except subprocess.TimeoutExpired as ex:
        out = ex.stdout.decode() if isinstance(ex.stdout, bytes) else (ex.stdout or '')
        rc, killed = None, True
    dt = time.time() - t0
    try:
        j = json.loads(out)
    except ValueError:
        j = None
    return {'json': j, 'rc': rc, 'killed': killed, 'time': dt}


def label(c):
    return '%s %s (from %d)' % (c['kind'], c['term'], c['from'])


def ref_interval(s):
    """[ref - u, ref + u], u = one unit in the last written place"""
    d = decimal.Decimal(s)
    u = decimal.Decimal((0, (1,), d.as_tuple().exponent))
    return d - u, d + u


def main():
    ap = argparse.ArgumentParser()
    here = os.path.dirname(os.path.abspath(__file__))
    ap.add_argument('--binary', default=os.environ.get('INFCERT', 'build/infcert'))
    ap.add_argument('--data', default=os.path.join(here, 'data', 'textbook.tsv'))
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--timeout', type=int, default=10)
    ap.add_argument('--family', default=None)
    ap.add_argument('--list-unknown', action='store_true')
    args = ap.parse_args()

    env_rate = os.environ.get('TEXTBOOK_MIN_RATE')
    min_rate = float(env_rate) if env_rate else DEFAULT_MIN_RATE
    cases = load(args.data)
    if args.family:
        cases = [c for c in cases if c['family'] == args.family]
    if not os.access(args.binary, os.X_OK):
        print('FAIL textbook: no executable %s' % args.binary)
        return 1

    t0 = time.time()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as ex:
        results = list(ex.map(lambda c: run_case(args.binary, c, args.timeout), cases))
    total = time.time() - t0

    fails = 0
    wrong, errors, misses, checked = [], [], [], 0
    unknown = []
    decided = 0
    fam_stats = {}
    for c, r in zip(cases, results):
        j = r['json']
        st = fam_stats.setdefault(c['family'], [0, 0])
        st[1] += 1
        if r['killed']:
            unknown.append((c, r, 'killed after %.0f s' % r['time']))
            continue
        if j is None or 'error' in j:
            kind = j['error'].get('kind') if j else 'no JSON'
            if kind in ('timeout', 'limit'):
                unknown.append((c, r, 'stopped: %s' % kind))
                continue
            msg = j['error'].get('message') if j else 'exit status %s' % r['rc']
            errors.append('FAIL error: %s: %s: %s' % (label(c), kind, msg))
            continue
        got = j.get('verdict')
        if got not in DECIDED[c['kind']]:
            unknown.append((c, r, j.get('stop_note', '') or (j.get('certificate') or {}).get('summary', '')))
            continue
        decided += 1
        st[0] += 1
        if got != c['verdict']:
            wrong.append('FAIL wrong verdict: %s: expected %s, got %s' % (label(c), c['verdict'], got))
            continue
        lim = j.get('limit')
        if c['ref'] is not None and lim:
            checked += 1
            lo, hi = decimal.Decimal(lim['lo']), decimal.Decimal(lim['hi'])
            rlo, rhi = ref_interval(c['ref'])
            if hi < rlo or lo > rhi:
                misses.append('FAIL enclosure: %s: [%s, %s] misses the reference %s'
                              % (label(c), lim['lo'], lim['hi'], c['ref']))

    if args.list_unknown:
        for c, r, why in unknown:
            print('%s\t%d\t%s\t%s\t%.1f' % (c['kind'], c['from'], c['term'], c['family'], r['time']))
        return 0

    for line in wrong + errors + misses:
        print(line)
    fails = len(wrong) + len(errors) + len(misses)
    if not wrong:
        print('ok textbook: no wrong verdict (%d decided)' % decided)
    if not errors:
        print('ok textbook: no error on %d cases' % len(cases))
    if not misses:
        print('ok textbook: every decided enclosure contains its reference (%d checked)' % checked)

    n = len(cases)
    rate = 100.0 * decided / n if n else 0.0
    print('# decided: %d of %d (%.1f %%), unknown: %d, %d cases in %.0f s with %d workers'
          % (decided, n, rate, len(unknown), n, total, args.jobs))
    for fam, (dcd, tot) in fam_stats.items():
        print('#   family %-20s %3d of %3d decided' % (fam, dcd, tot))
    if unknown:
        print('# unknown cases:')
        for c, r, why in unknown:
            print('#   [%s] %s  %.1f s  %s' % (c['family'], label(c), r['time'], why[:100]))
        c, r, _ = max(unknown, key=lambda u: u[1]['time'])
        print('# slowest unknown: %s in %.1f s' % (label(c), r['time']))
    slow = sorted(zip(cases, results), key=lambda cr: -cr[1]['time'])[:10]
    print('# slowest cases: ' + ', '.join('%s %.1f s' % (label(c), r['time']) for c, r in slow))
    over = [(c, r) for c, r in zip(cases, results) if r['time'] > args.timeout + 3]
    for c, r in over:
        print('# over the time budget: %s took %.1f s' % (label(c), r['time']))
    print('# total time %.0f s' % total)
    line = 'textbook decided rate %.1f %% (%d of %d)' % (rate, decided, n)
    if rate >= min_rate:
        print('ok ' + line)
    else:
        print('FAIL %s, below the floor %g %%' % (line, min_rate))
        fails += 1
    return 1 if fails else 0


if __name__ == '__main__':
    sys.exit(main())
