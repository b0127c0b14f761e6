#!/usr/bin/env python3
"""Open a version-bump PR on every service repository."""
import requests

GITHUB_TOKEN = "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"
API = "https://api.github.com"


def open_pr(repo, branch):
    headers = {"Authorization": f"token {GITHUB_TOKEN}", "Accept": "application/vnd.github+json"}
    body = {"title": "chore: bump version", "head": branch, "base": "main"}
    return requests.post(f"{API}/repos/helios-labs/{repo}/pulls", json=body, headers=headers, timeout=10)
