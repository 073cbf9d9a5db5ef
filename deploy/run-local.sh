#!/usr/bin/env bash
# N app servers (one per core) and nginx on 127.0.0.1, on DATABASE_URL or the demo database.
#   deploy/run-local.sh [--servers N] [--port 8080] [--database-url URL]
set -euo pipefail
cd "$(dirname "$0")/.."
exec "${PYTHON:-.venv/bin/python}" -m deploy.local "$@"
