#!/usr/bin/env bash
set -euo pipefail
API=https://api.helios-labs.io
TOKEN='eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJzdmMtc21va2UiLCJyb2xlIjoiYWRtaW4iLCJpYXQiOjE3Mzc4NjcwMzIsImV4cCI6MjA1MzIyNzAzMn0.NkmEjnJmrYAEL0YArXAjCdzlEosGAGavriW8XGv-0oY'
curl -fsS -H "Authorization: Bearer ${TOKEN}" "$API/v1/health/deep"
