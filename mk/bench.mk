# mk/bench.mk — `make bench`: infcert vs PARI/GP and mpmath, one table.
# Knobs: BENCH_RUNS (infcert runs per case, median; default 5),
#        BENCH_TIMEOUT (seconds per peer run; default 60),
#        BENCH_SCALING (digits for the growth table; default 10,100,1000,10000).
# The peers are Debian's: pari-gp and python3-mpmath, so the bench runs
# Debian's python3 (not a python3 earlier on PATH with its own mpmath).
BENCH_PYTHON ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
bench: $(BIN)
	INFCERT=$(abspath $(BIN)) $(BENCH_PYTHON) tools/bench.py

.PHONY: bench
