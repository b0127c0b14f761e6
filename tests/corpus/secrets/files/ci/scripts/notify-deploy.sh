#!/usr/bin/env bash
STATUS=${1:-ok}
WEBHOOK="https://hooks.slack.com/services/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"
curl -sS -X POST -H "Content-type: application/json" --data "{\"text\":\"deploy ${STATUS}\"}" "$WEBHOOK"
