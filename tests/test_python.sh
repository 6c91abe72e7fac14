#!/bin/sh
# test_python.sh — the Python module (python/infcert, ctypes over the built
# libinfcert.so) with the standard unittest runner: tests/python_api.py.
# One "ok"/"FAIL" line per test method.  Under the sanitizer build the .so
# needs the sanitizer runtime loaded first, which a plain python3 cannot
# do: there the test says so and stops (the C API is covered there).
ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build}
if [ -n "$IC_TEST_SANITIZED" ]; then echo "ok python: not run under sanitizers (python3 cannot preload their runtime)"; exit 0; fi
export INFCERT_LIB="$BUILD/libinfcert.so.0" INFCERT="${INFCERT:-$BUILD/infcert}"
export PYTHONPATH="$ROOT/python${PYTHONPATH:+:$PYTHONPATH}"
exec /usr/bin/python3 - "$ROOT/tests" <<'PYEOF'
import sys, unittest
sys.path.insert(0, sys.argv[1])
import python_api
suite = unittest.defaultTestLoader.loadTestsFromModule(python_api)

class Lines(unittest.TextTestResult):
    def addSuccess(self, test):
        print("ok python %s" % test.id().split(".", 1)[1], flush=True)
    def addFailure(self, test, err):
        print("FAIL python %s: %s" % (test.id().split(".", 1)[1], self._exc_info_to_string(err, test)), flush=True)
    addError = addFailure
    def addSkip(self, test, reason):
        print("ok python %s skipped: %s" % (test.id(), reason))

r = unittest.TextTestRunner(stream=open("/dev/null", "w"), resultclass=Lines).run(suite)
sys.exit(0 if r.wasSuccessful() else 1)
PYEOF
