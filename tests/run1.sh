#!/bin/sh
# tests/run1.sh DIR TEST — one test for tests/run.sh: runs TEST (a program
# or a .sh script), keeps its output in DIR/<name>.out and its counts in
# DIR/<name>.res ("passed failed seconds"), prints its summary line, and
# repeats the lines that are not "ok ..." when something failed.
dir=$1; t=$2
name=$(basename "$t")
out="$dir/$name.out"
t0=$(date +%s)
case "$t" in
  *.sh) sh "$t" >"$out" 2>&1; rc=$? ;;
  *)    "$t" >"$out" 2>&1; rc=$? ;;
esac
p=$(grep -c '^ok ' "$out"); f=$(grep -c '^FAIL' "$out")
if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "FAIL $t exited with status $rc" >>"$out"; fi
secs=$(( $(date +%s) - t0 ))
echo "$p $f $secs" >"$dir/$name.res"
# one write per report, so that reports of tests running side by side do
# not interleave
if [ "$f" -ne 0 ]; then
  printf '%s\n%s\n' "$(grep -v '^ok ' "$out" | tail -40)" "$name: $p passed, $f failed ($secs s)"
else
  echo "$name: $p passed, $f failed ($secs s)"
fi
