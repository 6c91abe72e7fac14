#!/bin/sh
# tools/verify.sh — runs Frama-C/WP on the verified kernels and fails unless
# every goal is proved.
#
# usage: tools/verify.sh [-k KERNELS] [-o OUTDIR] [-c CACHEDIR|-C] [-s SESSION] [-u]
#                        [-r RESULTS]
#   -k  kernel list (default proofs/kernels.txt): lines "file.c fn fn ...
#       [provers=p1,p2,...]" (default provers z3,cvc4), one Frama-C job each;
#       "#" starts a comment.  Every listed function is proved; a call to a
#       function not listed uses only its contract, so every callee that is
#       not an MPFR function (specs/mpfr_model.h) must be listed too.
#   -o  scratch directory (default build/verify): Why3 config, logs
#   -c  WP cache directory (default proofs/wp-cache, mode "update": cached
#       results are replayed, changed goals re-proved and added); -C: none
#   -s  WP session directory (default proofs/wp-session): its script/
#       holds one file per goal naming the prover that proved it last time
#       ("prover hints").  WP runs that prover alone on the goal; if it does
#       not prove the goal (a changed goal), the line's provers run as for a
#       goal without a hint.  A hint never makes a goal valid by itself: the
#       prover must prove the goal in this run (or the cache must hold that
#       prover's proof of this exact goal).
#   -u  after the run, rewrite the hints from its log: one per goal a
#       prover proved, none for goals Qed proved or that no longer exist
#       (only with the default kernel list: the full set of goals).
#   -r  results file to write (default: none), e.g. proofs/results.txt
# Prints one line per kernel "proved/total" and a summary; exit status 0 iff
# every goal of every listed kernel is proved.
set -u
KERNELS=proofs/kernels.txt
OUT=build/verify
CACHE=proofs/wp-cache
SESSION=
UPDATE=
RESULTS=
while getopts k:o:c:Cs:ur: opt; do
  case $opt in
    k) KERNELS=$OPTARG ;;
    o) OUT=$OPTARG ;;
    c) CACHE=$OPTARG ;;
    C) CACHE= ;;
    s) SESSION=$OPTARG ;;
    u) UPDATE=1 ;;
    r) RESULTS=$OPTARG ;;
    *) echo "usage: $0 [-k list] [-o dir] [-c cache|-C] [-s session] [-u] [-r results]" >&2; exit 2 ;;
  esac
done
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SESSION=${SESSION:-$ROOT/proofs/wp-session}
# Per-goal prover timeout.  40 s: the slowest goals take 9 s on an idle
# machine and timed out at 20 s in a cold run when every job ran 30 % slower;
# the timeout only costs time on goals that fail, and is not part of the WP
# cache key (a cached proof replays under any timeout).
TIMEOUT=${WP_TIMEOUT:-40}

for tool in frama-c why3 z3 cvc4 cvc5; do
  command -v $tool >/dev/null 2>&1 || {
    echo "verify: $tool not found (apt-get install frama-c-base why3 z3 cvc4 cvc5)" >&2; exit 2; }
done
mkdir -p "$OUT" || exit 2
OUT=$(cd "$OUT" && pwd)

# ---- Why3 configuration, private to the build (never in $HOME) ----------
# why3 1.5.1 does not detect cvc5 1.0.3: register it with the cvc4 1.7
# driver, ALL_SUPPORTED replaced by ALL (cvc5 rejects the former).
export WHY3CONFIG="$OUT/why3.conf"
if [ ! -s "$WHY3CONFIG" ] || ! grep -q '^name = "CVC5"' "$WHY3CONFIG"; then
  rm -f "$WHY3CONFIG"
  why3 config detect >"$OUT/why3-detect.log" 2>&1 || { cat "$OUT/why3-detect.log" >&2; exit 2; }
  DRV=/usr/share/why3/drivers
  [ -d "$DRV" ] || DRV=$(why3 --print-datadir)/drivers
  sed -e 's/ALL_SUPPORTED/ALL/' -e "s|import \"cvc4_16.gen\"|import \"$DRV/cvc4_16.gen\"|" \
      "$DRV/cvc4_17.drv" >"$OUT/cvc5.drv"
  CVC5=$(command -v cvc5)
  cat >>"$WHY3CONFIG" <<CONF

[prover]
name = "CVC5"
version = "$(cvc5 --version | sed -n 's/.*version \([0-9.]*\).*/\1/p' | head -1)"
alternative = ""
command = "$CVC5 --stats --tlimit=%t000 --lang=smt2 %f"
command_steps = "$CVC5 --stats --rlimit=%S --lang=smt2 %f"
driver = "$OUT/cvc5.drv"
in_place = false
interactive = false
editor = ""
shortcut = "cvc5"
CONF
fi

# ---- the kernel list ----------------------------------------------------
# Read once, into one line per job: "file provers fn,fn,...".  A line may
# end in "provers=P1,P2,...": the provers for its goals (default z3,cvc4).
sed 's/#.*//' "$KERNELS" | awk 'NF {
  s = ""; p = "z3,cvc4"
  for (i = 2; i <= NF; i++)
    if ($i ~ /^provers=/) { p = $i; sub(/^provers=/, "", p) } else s = s (s == "" ? "" : ",") $i
  if (s != "") print $1, p, s }' >"$OUT/jobs.txt"
FILES=$(awk '{ print $1 }' "$OUT/jobs.txt" | sort -u | tr '\n' ' ')
[ -s "$OUT/jobs.txt" ] || { echo "verify: empty kernel list $KERNELS" >&2; exit 2; }

CACHEOPT="-wp-cache none"
if [ -n "$CACHE" ]; then
  mkdir -p "$CACHE" && CACHEOPT="-wp-cache-dir $(cd "$CACHE" && pwd) -wp-cache update"
fi
mkdir -p "$SESSION/script" || exit 2
SESSION=$(cd "$SESSION" && pwd)

LOG="$OUT/wp.log"
# ---- the jobs -------------------------------------------------------------
# Each line of the kernel list is one Frama-C job (it parses every listed
# file, so the contracts of callees in other files are seen, and proves the
# line's functions); one more job proves the lemmas (-wp-fct never does).
# Goal generation and Qed simplification are single-threaded inside one
# Frama-C process and take most of the time, so the jobs run side by side,
# WP_JOBS at once (default: the number of cores).  Lines come heaviest
# first in the list, so a greedy pool balances them.
# -wp-no-pruning: WP's pruning of trivial branches took half of the Qed
# time of the power-log kernels (powerlog_lower_alt without provers: 60 s
# with it, 30 s without; 3 of its 148 goals go to a prover instead).
# Provers: "-wp-prover script,P1,P2": a goal with a hint in $SESSION/script
# gets the one prover that proved it before (so a cold run spends one
# prover's time on it, not one per prover raced); a goal without a hint, or
# whose hinted prover fails, gets the line's provers side by side (up to
# -wp-par), the first success kept.  A prover queued behind the others only
# starts when one of them ends, so -wp-par = the line's number of provers:
# a cvc5-only goal then costs its cvc5 time, not two timeouts first.
JOBS=${WP_JOBS:-$(nproc 2>/dev/null || echo 2)}
rm -f "$OUT"/job-*.sh "$OUT"/job-*.log "$OUT"/job-*.rc "$OUT"/job-*.secs
CPPARGS="-idirafter /usr/include -idirafter /usr/include/x86_64-linux-gnu -I$ROOT -I$ROOT/src/kern -I$ROOT/specs -D__GMP_WITHIN_CONFIGURE -include $ROOT/specs/specs.h"
writejob () { # writejob N PROVERS "wp options..."
  par=${WP_PAR:-$(echo "$2" | awk -F, '{ print NF }')}
  cat >"$OUT/job-$1.sh" <<JOB
t0=\$(date +%s)
frama-c -machdep gcc_x86_64 -cpp-extra-args="$CPPARGS" $FILES \
  -wp $3 -wp-no-pruning -wp-prover script,$2 -wp-session $SESSION -wp-timeout $TIMEOUT \
  -wp-par $par $CACHEOPT >"$OUT/job-$1.log" 2>&1
echo \$? >"$OUT/job-$1.rc"
echo \$((\$(date +%s) - t0)) >"$OUT/job-$1.secs"
JOB
}
n=0
writejob 00 z3,cvc4,cvc5 "-wp-prop=@lemma"
# Each job runs its line's provers all at once on each goal (-wp-par =
# their number unless WP_PAR is set).
while read -r file provers fcts; do
  n=$((n + 1))
  writejob "$(printf %02d $n)" "$provers" "-wp-rte -warn-unsigned-overflow -warn-signed-overflow -warn-signed-downcast -warn-unsigned-downcast -warn-pointer-downcast -wp-smoke-tests -wp-fct $fcts"
done <"$OUT/jobs.txt"
start=$(date +%s)
# Lemma job last: it is short.
{ ls "$OUT"/job-*.sh | grep -v 'job-00.sh'; echo "$OUT/job-00.sh"; } | xargs -P "$JOBS" -n 1 sh
end=$(date +%s)
# CPU time of the jobs (user + sys of this shell's children, from `times`).
times >"$OUT/times.txt"  # not in a pipeline: a subshell has no children
cpu=$(awk 'NR == 2 { t = 0; for (i = 1; i <= 2; i++) { split($i, a, "m"); sub(/s$/, "", a[2]); t += a[1] * 60 + a[2] }; printf "%d", t }' "$OUT/times.txt")
rc=0
: >"$LOG"
for j in "$OUT"/job-*.sh; do
  b=${j%.sh}
  r=$(cat "$b.rc" 2>/dev/null || echo 99)
  [ "$r" = 0 ] || { rc=$r; echo "verify: $(basename "$b.log") (frama-c) exited with status $r" >&2; }
  cat "$b.log" >>"$LOG"
done

VERSIONS="frama-c $(frama-c -version 2>/dev/null | head -1); $(why3 --version 2>/dev/null | head -1); $(z3 --version | head -1); $(cvc4 --version | head -1 | sed 's/This is //'); $(cvc5 --version | head -1 | sed 's/This is //')"

# ---- per-kernel results -------------------------------------------------
# fcts.txt: "file function job-seconds" (the wall time of the job that
# proved it; the kernels of one line share their job's time).
awk -v out="$OUT" '{ j = sprintf("%s/job-%02d.secs", out, NR); t = "?"; getline t < j
  n = split($3, f, ","); for (i = 1; i <= n; i++) print $1, f[i], t }' "$OUT/jobs.txt" >"$OUT/fcts.txt"
echo "specs/*.acsl (lemmas) $(cat "$OUT/job-00.secs" 2>/dev/null || echo '?')" >>"$OUT/fcts.txt"
awk -v fctsfile="$OUT/fcts.txt" -v rc="$rc" -v secs="$((end - start))" -v cpu="$cpu" -v versions="$VERSIONS" \
    -v hints="$SESSION/script" '
BEGIN {
  n = 0
  while ((getline line < fctsfile) > 0) {
    split(line, a, " "); n++; fn[n] = a[2]; file[a[2]] = a[1]; time[a[2]] = a[3]
    total[a[2]] = 0; proved[a[2]] = 0
  }
}
/^\[wp\] \[[^]]*\] Goal / {
  prover = $0; sub(/^\[wp\] \[/, "", prover); sub(/\] Goal .*/, "", prover)
  goal = $0; sub(/.*\] Goal /, "", goal); sub(/ : .*/, "", goal)
  status = $0; sub(/.* : /, "", status); split(status, s, " "); st = s[1]
  g = goal; sub(/^typed_(ref_)?/, "", g)
  # A goal proved through its hint is logged as [Script]: its prover is
  # the one the hint names.
  if (prover == "Script" && st == "Valid") {
    h = ""; hf = hints "/" g ".json"
    while ((getline l < hf) > 0) h = h l
    close(hf)
    if (match(h, /"prover": *"[^"]*"/)) {
      prover = substr(h, RSTART, RLENGTH); sub(/.*: *"/, "", prover); sub(/"$/, "", prover)
      sub(/:/, " ", prover)
    }
  }
  best = ""
  if (g ~ /^lemma_/) best = "(lemmas)"
  else for (i = 1; i <= n; i++) {
    f = fn[i]
    if ((g == f || index(g, f "_") == 1) && length(f) > length(best)) best = f
  }
  if (best == "") { other++; if (st != "Valid") otherbad++; next }
  total[best]++
  if (st == "Valid") { proved[best]++; by[best, prover]++; provers[prover] = 1 }
  else failed[best] = failed[best] " " goal " (" st ")"
}
/^\[wp\] \[Passed\] Smoke-test / { smoke_ok++ }
/^\[wp\] \[[^]]*\] Smoke-test / && !/^\[wp\] \[Passed\]/ {
  smoke_bad++; g = $0; sub(/.*Smoke-test /, "", g); smoke_failed = smoke_failed " " g }
/^\[wp\] \[[^]]*\] Goal .*_assigns/ { nassigns++; st = $0; sub(/.* : /, "", st); if (st ~ /^Valid/) passigns++ }
/Proved goals:/ { gp += $(NF - 2); gt += $NF }
END {
  ok = (rc == 0 && gt > 0 && gp == gt && otherbad == 0)
  printf "# WP results: goals proved / total per kernel (prover: goals), wall time of its job\n"
  printf "# tools: %s\n", versions
  for (i = 1; i <= n; i++) {
    f = fn[i]; pl = ""
    for (p in provers) if (by[f, p] > 0) pl = pl sprintf(" %s:%d", p, by[f, p])
    printf "%-28s %-22s %4d/%-4d %s%s  %ss\n", f, file[f], proved[f], total[f], \
      (proved[f] == total[f] && total[f] > 0) ? "ok  " : "FAIL", pl, time[f]
    if ((total[f] == 0 && f != "(lemmas)") || proved[f] != total[f]) ok = 0
    if (failed[f] != "") printf "    unproved:%s\n", failed[f]
  }
  printf "all kernels: %d/%d goals proved (WP total %s/%s), %ds wall, %ss CPU\n", sumof(proved), sumof(total), gp, gt, secs, cpu
  printf "without the assigns goals: %d/%d goals proved (%d assigns goals)\n", sumof(proved) - passigns, sumof(total) - nassigns, nassigns
  printf "smoke tests (-wp-smoke-tests: no vacuous contract, no dead code): %d passed, %d failed\n", smoke_ok, smoke_bad
  if (smoke_bad > 0) { ok = 0; printf "    failed smoke tests:%s\n", smoke_failed }
  if (smoke_ok + smoke_bad == 0) ok = 0
  if (rc != 0) printf "frama-c exited with status %d\n", rc
  exit ok ? 0 : 1
}
function sumof(arr,   k, s) { s = 0; for (k in arr) s += arr[k]; return s }
' "$LOG" >"$OUT/results.txt"
ok=$?
cat "$OUT/results.txt"
if [ $rc -ne 0 ]; then grep -E "Error|error|Warning" "$LOG" | head -20; fi
if [ -n "$RESULTS" ]; then
  # The committed results omit the times (they vary run to run; a cold
  # run's are kept by `make verify-cold` in proofs/cold-run.txt).
  sed -e 's/, [0-9]*s wall, [0-9]*s CPU$//' -e 's/  [0-9?]*s$//' \
      -e 's/, wall time of its job$//' "$OUT/results.txt" >"$RESULTS"
fi
# ---- prover hints ----------------------------------------------------------
# -u: one hint per goal a prover proved in this run (the prover that won);
# goals Qed proved and goals that no longer exist lose theirs; a goal left
# unproved keeps its old hint.  Only with the full kernel list and when
# every job ran to its end, so the log names every goal.
if [ -n "$UPDATE" ] && [ "$rc" = 0 ] && [ "$KERNELS" = proofs/kernels.txt ]; then
  awk -v dir="$SESSION/script" '
  /^\[wp\] \[[^]]*\] Goal / {
    prover = $0; sub(/^\[wp\] \[/, "", prover); sub(/\] Goal .*/, "", prover)
    g = $0; sub(/.*\] Goal /, "", g); sub(/ : .*/, "", g); sub(/^typed_/, "", g)
    st = $0; sub(/.* : /, "", st); sub(/ .*/, "", st)
    if (st != "Valid") { print "keep", g; next }
    if (prover == "Qed") { print "drop", g; next }
    if (prover == "Script") { print "keep", g; next }
    sub(/ /, ":", prover)
    print "[ { \"prover\": \"" prover "\", \"verdict\": \"valid\" } ]" > (dir "/" g ".json")
    close(dir "/" g ".json")
    print "keep", g
  }' "$LOG" >"$OUT/hints.txt"
  for h in "$SESSION"/script/*.json; do
    [ -e "$h" ] || continue
    g=$(basename "$h" .json)
    grep -qx "keep $g" "$OUT/hints.txt" || rm -f "$h"
  done
fi

if [ $ok -ne 0 ]; then echo "verify: FAILED (not every goal proved; log: $LOG)"; exit 1; fi
echo "verify: all goals proved"
exit 0
