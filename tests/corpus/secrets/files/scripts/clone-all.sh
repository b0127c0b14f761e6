#!/bin/sh
# clones every service repo into ./checkout
GH_PAT='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'
for repo in api web billing reports; do
  git clone "https://oauth2:${GH_PAT}@github.com/helios-labs/${repo}.git" "checkout/${repo}"
done
