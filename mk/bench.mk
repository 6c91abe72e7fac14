# mk/bench.mk — `make bench`: infcert vs PARI/GP and mpmath, one table.
# Knobs: BENCH_RUNS (infcert runs per case, median; default 5),
#        BENCH_TIMEOUT (seconds per peer run; default 60),
#        BENCH_SCALING (digits for the growth table; default 10,100,1000,10000).
bench: $(BIN)
	INFCERT=$(abspath $(BIN)) python3 tools/bench.py

.PHONY: bench
