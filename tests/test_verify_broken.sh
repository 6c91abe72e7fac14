#!/bin/sh
# test_verify_broken.sh — `make verify` must FAIL when a kernel is wrong.
# Copies src/kern/ival.c to a temporary directory, flips the rounding
# direction of the lower endpoint in ic_ival_add (RNDD -> RNDU: the result
# is no longer a lower bound), and runs the verify machinery
# (tools/verify.sh) on that copy alone, with a scratch copy of the committed
# WP cache: unchanged goals replay, the changed goal is re-proved (and must
# fail).  The run must fail and name the kernel; the intact copy must pass
# (with a 20 s timeout: a cold goal took 4 s on a busy 2-core CI
# machine, more than the 5 s the broken run is given).  The committed
# prover hints are used as in `make verify`; the broken goal has one, and
# must fail all the same.
ROOT=$(cd "$(dirname "$0")/.." && pwd)
if ! command -v frama-c >/dev/null 2>&1; then
  echo "ok verify_broken_skipped (frama-c not installed)"; exit 0
fi
# It exercises the proof tooling, not the build under test: the sanitized
# run of the suite (make check-sanitize) would only repeat it (3.5 min of CI).
if [ -n "$IC_TEST_SANITIZED" ]; then
  echo "ok verify_broken: not run under sanitizers (it checks the proof tools, run once by make check)"; exit 0
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
cp "$ROOT/src/kern/ival.c" "$TMP/ival.c"
cp -r "$ROOT/proofs/wp-cache" "$TMP/cache"
touch "$TMP/mark"; sleep 1
FCTS="ic_ival_add nan_to_inf ival_take ic_ival_get_prec"
echo "$TMP/ival.c $FCTS" >"$TMP/kernels.txt"

# 1. the intact copy proves
if WP_TIMEOUT=20 sh "$ROOT/tools/verify.sh" -k "$TMP/kernels.txt" -o "$TMP/out-good" -c "$TMP/cache" >"$TMP/good.log" 2>&1
then echo "ok verify_intact_copy_proves"
else echo "FAIL verify_intact_copy_proves"; tail -5 "$TMP/good.log"; fi

# 2. the broken copy fails
sed -i 's|mpfr_add (lo, x->lo, y->lo, MPFR_RNDD);|mpfr_add (lo, x->lo, y->lo, MPFR_RNDU);|' "$TMP/ival.c"
if cmp -s "$ROOT/src/kern/ival.c" "$TMP/ival.c"; then
  echo "FAIL verify_broken_edit (pattern not found in ival.c)"; exit 1
fi
echo "ok verify_broken_edit_applied"
if WP_TIMEOUT=5 sh "$ROOT/tools/verify.sh" -k "$TMP/kernels.txt" -o "$TMP/out-bad" -c "$TMP/cache" >"$TMP/bad.log" 2>&1
then echo "FAIL verify_broken_kernel_rejected (verify passed on a wrong kernel)"; cat "$TMP/bad.log"
else
  echo "ok verify_broken_kernel_rejected"
  if grep -q "ic_ival_add .*FAIL" "$TMP/bad.log" && grep -q "unproved:.*ic_ival_add" "$TMP/bad.log"
  then echo "ok verify_broken_names_kernel"
  else echo "FAIL verify_broken_names_kernel"; cat "$TMP/bad.log"; fi
  # The goal that fails has a prover hint (proofs/wp-session/script): the
  # hint only picks the prover to try first; it never proves the goal.
  bad=$(sed -n 's/.*unproved: *typed_\([A-Za-z0-9_]*\) .*/\1/p' "$TMP/bad.log" | head -1)
  if [ -n "$bad" ] && [ -f "$ROOT/proofs/wp-session/script/$bad.json" ]
  then echo "ok verify_hinted_goal_still_fails ($bad)"
  else echo "FAIL verify_hinted_goal_still_fails (goal '$bad' has no hint)"; fi
fi

# 3. a forged cache: every entry the broken run wrote (its failed goals)
# rewritten to say "valid".  `make verify` replays the cache, so it accepts
# the wrong kernel: the cache is part of what it trusts (proofs/README.md).
# `make verify-cold` (tools/verify.sh -C, what CI runs) uses no cache and
# must reject it.
forged=0
for f in $(find "$TMP/cache" -name '*.json' -newer "$TMP/mark"); do
  if grep -q '"verdict": *"\(failed\|timeout\|unknown\)"' "$f"; then
    prover=$(sed -n 's/.*"prover": *"\([^"]*\)".*/\1/p' "$f")
    echo "{ \"prover\": \"$prover\", \"verdict\": \"valid\", \"time\": 0.01, \"steps\": 1 }" >"$f"
    forged=$((forged + 1))
  fi
done
if [ "$forged" -gt 0 ]; then echo "ok verify_cache_forged ($forged entries)"
else echo "FAIL verify_cache_forged (the broken run cached no failed goal)"; fi
WP_TIMEOUT=5 sh "$ROOT/tools/verify.sh" -k "$TMP/kernels.txt" -o "$TMP/out-forged" -c "$TMP/cache" >"$TMP/forged.log" 2>&1 || :
# (the forged "valid" entries also turn the smoke tests the broken run
# cached as failed, which is their expected outcome, into proofs of
# \false, so that run fails on its smoke tests; what matters is that every
# goal of the broken kernel counts as proved from the cache)
if grep -q "^ic_ival_add  *[^ ]*  *[0-9]*/[0-9]*  *ok" "$TMP/forged.log"
then echo "ok verify_cache_is_trusted (the forged cache makes the cached run count the broken kernel's goals as proved)"
else echo "FAIL verify_cache_is_trusted (expected the forged entries to be replayed)"; grep "^ic_ival_add" "$TMP/forged.log"; fi
# (the cold run proves ic_ival_add alone, its callees by their contracts:
# enough to reject it, at a fraction of the time)
echo "$TMP/ival.c ic_ival_add" >"$TMP/kernels-add.txt"
if WP_TIMEOUT=5 sh "$ROOT/tools/verify.sh" -k "$TMP/kernels-add.txt" -o "$TMP/out-cold" -C >"$TMP/cold.log" 2>&1
then echo "FAIL verify_cold_rejects_forged_cache (the cold run accepted the broken kernel)"; tail -5 "$TMP/cold.log"
else
  if grep -q "unproved:.*ic_ival_add" "$TMP/cold.log"
  then echo "ok verify_cold_rejects_forged_cache"
  else echo "FAIL verify_cold_rejects_forged_cache (no unproved goal named)"; tail -5 "$TMP/cold.log"; fi
fi
