#!/usr/bin/env bash
set -euo pipefail

# TEMP: hardcoded until the runner gets an instance role
export AWS_ACCESS_KEY_ID=AKIAE2ETW4KOTM5NDNNL
export AWS_SECRET_ACCESS_KEY=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
export AWS_DEFAULT_REGION=eu-west-1

aws s3 sync ./dist "s3://helios-artifacts/${CI_COMMIT_SHA}/" --delete
