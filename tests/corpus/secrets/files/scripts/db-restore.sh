#!/usr/bin/env bash
set -e
DUMP=${1:?dump file}
pg_restore --clean --no-owner -d "postgresql://admin:xDClWPcXz6ZmYQ3dgU@10.20.4.11:5432/helios" "$DUMP"
