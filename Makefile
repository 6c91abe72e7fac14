# infcert — one Makefile; adding a source or a test needs no edit here.
#   make            library + CLI          make check   all tests (+ proofs)
#   make verify     Frama-C/WP proofs      make bench   benchmark table
#   make report     the essay's claims     make install (DESTDIR, PREFIX)
# Fragments in mk/*.mk add targets (verify, bench, fuzz, report, ...); each
# may append to CHECK_STEPS the targets `make check` must run.

CC      ?= gcc
CFLAGS  ?= -O2 -g
override CFLAGS += -std=c11 -Wall -Wextra -Wno-unused-parameter -Wno-unused-label -D_POSIX_C_SOURCE=200809L -Isrc -Isrc/kern
LDLIBS  += -lmpfr -lgmp -lm -lpthread
BUILD   ?= build
PREFIX  ?= /usr/local

LIB_SRC  := $(wildcard src/*.c src/claims/*.c src/kern/*.c)
LIB_SRC  := $(filter-out src/main.c,$(LIB_SRC))
LIB_OBJ  := $(LIB_SRC:%.c=$(BUILD)/%.o)
LIB      := $(BUILD)/libinfcert.a
BIN      := $(BUILD)/infcert
# The shared library: soname libinfcert.so.$(SOMAJOR); only the functions
# of src/infcert.h are exported (src/libinfcert.map).  Objects are built
# position-independent for both archives.
VERSION  := $(shell sed -n 's/^\#define INFCERT_VERSION "\(.*\)"/\1/p' src/infcert.h)
SOMAJOR  := $(firstword $(subst ., ,$(VERSION)))
SONAME   := libinfcert.so.$(SOMAJOR)
SOLIB    := $(BUILD)/libinfcert.so.$(VERSION)
override CFLAGS += -fPIC
# every symbol the .so needs resolved at link time (not with sanitizers:
# their runtime is linked into executables only)
SO_DEFS  := $(if $(findstring -fsanitize,$(CFLAGS)),,-Wl,-z,defs)
LIBDIR   ?= $(PREFIX)/lib
INCLUDEDIR ?= $(PREFIX)/include
MANDIR   ?= $(PREFIX)/share/man
# Python's site folder for PREFIX: Debian's python3 reads
# /usr/lib/python3/dist-packages and /usr/local/lib/python3.X/dist-packages
PYTHON   ?= $(shell test -x /usr/bin/python3 && echo /usr/bin/python3 || echo python3)
PYVER    := $(shell $(PYTHON) -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null)
PYTHON_SITEDIR ?= $(if $(filter /usr,$(PREFIX)),$(PREFIX)/lib/python3/dist-packages,$(PREFIX)/lib/python$(PYVER)/dist-packages)

TEST_SRC := $(wildcard tests/test_*.c)
TEST_BIN := $(TEST_SRC:tests/%.c=$(BUILD)/tests/%)
TEST_SH  := $(wildcard tests/test_*.sh)

CHECK_STEPS :=

all: $(BIN) $(SOLIB)

$(BUILD)/%.o: %.c $(wildcard src/*.h src/claims/*.h src/kern/*.h) | $(BUILD)/.deps-ok
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -c $< -o $@

$(LIB): $(LIB_OBJ)
	@mkdir -p $(dir $@)
	rm -f $@ && ar rcs $@ $^

$(SOLIB): $(LIB_OBJ) src/libinfcert.map
	$(CC) $(CFLAGS) -shared -Wl,-soname,$(SONAME) -Wl,--version-script=src/libinfcert.map $(SO_DEFS) \
	  -o $@ $(LIB_OBJ) $(LDLIBS)
	ln -sf $(notdir $@) $(BUILD)/$(SONAME)
	ln -sf $(SONAME) $(BUILD)/libinfcert.so

$(BIN): $(BUILD)/src/main.o $(LIB)
	$(CC) $(CFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/tests/%: tests/%.c $(LIB) $(wildcard tests/*.h)
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) -Itests -o $@ $< $(LIB) $(LDLIBS)

-include $(wildcard mk/*.mk)

# Unit tests (C) then CLI tests (shell); each prints its own counts, the
# runner prints the closing "N passed, N failed" line.
check-unit: $(BIN) $(SOLIB) $(TEST_BIN)
	@INFCERT=$(abspath $(BIN)) BUILD=$(abspath $(BUILD)) sh tests/run.sh $(TEST_BIN) $(TEST_SH)

check: check-unit $(CHECK_STEPS)

# DESTDIR and PREFIX are honoured (LIBDIR, INCLUDEDIR, MANDIR and
# PYTHON_SITEDIR follow PREFIX unless given).
install: $(BIN) $(SOLIB)
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(INCLUDEDIR) \
	  $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(PYTHON_SITEDIR)/infcert
	install -m 755 $(BIN) $(DESTDIR)$(PREFIX)/bin/infcert
	install -m 644 $(LIB) $(DESTDIR)$(LIBDIR)/libinfcert.a
	install -m 755 $(SOLIB) $(DESTDIR)$(LIBDIR)/$(notdir $(SOLIB))
	ln -sf $(notdir $(SOLIB)) $(DESTDIR)$(LIBDIR)/$(SONAME)
	ln -sf $(SONAME) $(DESTDIR)$(LIBDIR)/libinfcert.so
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@LIBDIR@|$(LIBDIR)|' -e 's|@INCLUDEDIR@|$(INCLUDEDIR)|' \
	    -e 's|@VERSION@|$(VERSION)|' mk/infcert.pc.in > $(DESTDIR)$(LIBDIR)/pkgconfig/infcert.pc
	install -m 644 src/infcert.h $(DESTDIR)$(INCLUDEDIR)/infcert.h
	install -m 644 man/infcert.1 $(DESTDIR)$(MANDIR)/man1/infcert.1
	install -m 644 python/infcert/__init__.py $(DESTDIR)$(PYTHON_SITEDIR)/infcert/__init__.py
	printf '# written by make install\nLIBDIR = %s\n' "'$(LIBDIR)'" > $(DESTDIR)$(PYTHON_SITEDIR)/infcert/_install.py

clean:
	rm -rf $(BUILD)

.PHONY: all check check-unit install clean
