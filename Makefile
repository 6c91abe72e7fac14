# infcert — one Makefile; adding a source or a test needs no edit here.
#   make            library + CLI          make check   all tests (+ proofs)
#   make verify     Frama-C/WP proofs      make bench   benchmark table
#   make report     the essay's claims     make install
# Fragments in mk/*.mk add targets (verify, bench, fuzz, report, ...); each
# may append to CHECK_STEPS the targets `make check` must run.

CC      ?= gcc
CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -Wall -Wextra -Wno-unused-parameter -Wno-unused-label -D_POSIX_C_SOURCE=200809L -Isrc -Isrc/kern
LDLIBS  += -lmpfr -lgmp -lm -lpthread
BUILD   ?= build
PREFIX  ?= /usr/local

LIB_SRC  := $(wildcard src/*.c src/kern/*.c)
LIB_SRC  := $(filter-out src/main.c,$(LIB_SRC))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libinfcert.a
BIN      := $(BUILD)/infcert

TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
TEST_SH  := $(wildcard tests/test_*.sh)

CHECK_STEPS :=

all: $(BIN)

$(BUILD)/%.o: %.c $(wildcard src/*.h src/kern/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(BIN): $(BUILD)/src/main.o $(LIB)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/%.c $(LIB) $(wildcard tests/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests -o $@ $< $(LIB) $(LDLIBS)

-include $(wildcard mk/*.mk)

# Unit tests (C) then CLI tests (shell); each prints its own counts, the
# runner prints the closing "N passed, N failed" line.
check-unit: $(BIN) $(TEST_BIN)
	@INFCERT=$(abspath $(BIN)) BUILD=$(abspath $(BUILD)) sh tests/run.sh $(TEST_BIN) $(TEST_SH)

check: check-unit $(CHECK_STEPS)

install: $(BIN)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include $(DESTDIR)$(PREFIX)/share/man/man1
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/infcert
	install -m 644 $(LIB) $(DESTDIR)$(PREFIX)/lib/libinfcert.a
	install -m 644 src/infcert.h $(DESTDIR)$(PREFIX)/include/infcert.h
	install -m 644 man/infcert.1 $(DESTDIR)$(PREFIX)/share/man/man1/infcert.1

clean:
	rm -rf $(BUILD)

.PHONY: all check check-unit install clean
