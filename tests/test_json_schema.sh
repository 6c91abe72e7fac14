#!/bin/sh
# test_json_schema.sh — real outputs of infcert validate against the JSON
# Schemas in docs/schema/ (sum/prod --json with its error objects, claims
# --json, report --json and report.json), and mutated outputs are rejected.
# The validator is tests/jsonschema_lite.py (stdlib only); the cases are in
# tests/json_schema_check.py.
B=${INFCERT:-build/infcert}
exec /usr/bin/python3 "$(dirname "$0")/json_schema_check.py" "$B"
