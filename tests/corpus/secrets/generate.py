#!/usr/bin/env python3
"""Generate rampart's labelled secret-detection quality corpus.

    python3 tests/corpus/secrets/generate.py [--check] [--seed SEED --out DIR]

Writes `files/` (a fake multi-service repository) and `labels.json` next to this script.
Python 3 stdlib only; every value comes from `random.Random` seeded with a fixed string (one
stream per file, so editing one file does not reshuffle the others), so two runs produce
byte-identical output. `--check` regenerates into a temporary directory and fails if the
result differs from what is on disk. `--seed SEED --out DIR` writes a held-out variant (same
templates, fresh values) to DIR instead: use it to check that the rules were not fitted to the
committed values (scripts/bench-secrets quality --seed SEED).

Every credential here is synthetic: format-valid (right prefix, length, alphabet, checksum;
keys and crypt hashes are real and parse) but generated from a public seed, so none of them
unlocks anything. Do not "fix" a value to make a scanner happy: the corpus describes the
world, the scanners are measured against it (see docs/benchmarks.md).

labels.json is a list of objects:
    path      file path relative to files/
    line      1-based line where the item starts (PEM: the BEGIN line)
    end_line  last line of the item (== line for single-line items)
    match_from (optional) first line a finding may start on to count for the item, when it is
              before `line`: the `key: |` line introducing a YAML block-scalar value
    family    secret family (cloud, vcs, registry, saas, private-key, jwt, url-credentials,
              framework, password-hash, generic) or "bait"
    kind      "secret" or "bait"
    target    (bait only) the family the bait imitates
    note      what the item is
"""

import base64
import filecmp
import hashlib
import hmac
import json
import random
import shutil
import sys
import tempfile
import zlib
from pathlib import Path

sys.dont_write_bytecode = True  # keep __pycache__ out of the corpus directory
sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus_crypto import (  # noqa: E402
    EcKey,
    Ed25519Key,
    RsaKey,
    bcrypt_like,
    md5_crypt,
    pem,
    self_signed_cert,
    sha512_crypt,
)

SEED = "rampart-secrets-corpus-v1"
HERE = Path(__file__).resolve().parent

DIGITS = "0123456789"
UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
LOWER = "abcdefghijklmnopqrstuvwxyz"
B62 = DIGITS + UPPER + LOWER
HEXD = "0123456789abcdef"
B64 = UPPER + LOWER + DIGITS + "+/"
B64URL = UPPER + LOWER + DIGITS + "-_"
B32 = UPPER + "234567"


# --------------------------------------------------------------------------------------------
# Random values
# --------------------------------------------------------------------------------------------


class G:
    """Random helpers on one deterministic stream."""

    def __init__(self, name):
        self.r = random.Random(f"{SEED}/{name}")

    def s(self, alphabet, n):
        return "".join(self.r.choice(alphabet) for _ in range(n))

    def alnum(self, n):
        return self.s(B62, n)

    def hex(self, n):
        return self.s(HEXD, n)

    def digits(self, n):
        return self.r.choice("123456789") + self.s(DIGITS, n - 1)

    def raw(self, n):
        return bytes(self.r.getrandbits(8) for _ in range(n))

    def b64(self, nbytes):
        return base64.b64encode(self.raw(nbytes)).decode()

    def b64url(self, n):
        return self.s(B64URL, n)

    def uuid(self):
        h = self.hex(32)
        h = h[:12] + "4" + h[13:16] + self.r.choice("89ab") + h[17:]
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"

    def password(self, n=20, symbols="!@#%^&*-_=+"):
        pools = [UPPER, LOWER, DIGITS] + ([symbols] if symbols else [])
        chars = [self.r.choice(p) for p in pools]
        chars += [self.r.choice("".join(pools)) for _ in range(n - len(chars))]
        self.r.shuffle(chars)
        return "".join(chars)

    def choice(self, seq):
        return self.r.choice(seq)


def base62(n, width):
    out = ""
    while n:
        n, rem = divmod(n, 62)
        out = B62[rem] + out
    return out.rjust(width, "0")


def crc_token(g, prefix):
    """GitHub/npm style: prefix + 30 random base62 + base62(crc32(random part)) padded to 6."""
    body = g.alnum(30)
    return prefix + body + base62(zlib.crc32(body.encode()) & 0xFFFFFFFF, 6)


def github_pat(g):
    return "github_pat_11" + g.s(UPPER + DIGITS, 9) + g.alnum(11) + "_" + g.alnum(59)


def gitlab_pat(g):
    return "glpat-" + g.s(B62 + "-_", 20)


def aws_pair(g):
    return "AKIA" + g.s(B32, 16), g.s(B64, 40)


def gcp_api_key(g):
    return "AIzaSy" + g.s(B64URL, 33)


def azure_key(g):
    return g.b64(64)


def pypi_token(g):
    return "pypi-AgEIcHlwaS5vcmc" + g.b64url(g.r.randrange(150, 190))


def slack_bot(g):
    return f"xoxb-{g.digits(12)}-{g.digits(13)}-{g.alnum(24)}"


def slack_webhook(g):
    return (
        "https://hooks.slack.com/services/T"
        + g.s(UPPER + DIGITS, 8)
        + "/B"
        + g.s(UPPER + DIGITS, 10)
        + "/"
        + g.alnum(24)
    )


def stripe_live(g, n=24):
    return "sk_live_" + g.alnum(n)


def sendgrid(g):
    return "SG." + g.b64url(22) + "." + g.b64url(43)


def openai_project(g, side=74):
    return "sk-proj-" + g.b64url(side) + "T3BlbkFJ" + g.b64url(side)


def openai_legacy(g):
    return "sk-" + g.alnum(20) + "T3BlbkFJ" + g.alnum(20)


def anthropic(g):
    return "sk-ant-api03-" + g.b64url(93) + "AA"


def hf_token(g):
    return "hf_" + g.s(UPPER + LOWER, 34)


def b64url_nopad(b):
    return base64.urlsafe_b64encode(b).decode().rstrip("=")


def jwt_hs256(g, payload):
    head = b64url_nopad(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    body = b64url_nopad(json.dumps(payload, separators=(",", ":")).encode())
    sig = hmac.new(g.raw(32), f"{head}.{body}".encode(), hashlib.sha256).digest()
    return f"{head}.{body}.{b64url_nopad(sig)}"


def jwt_rs256(key, kid, payload):
    header = {"alg": "RS256", "kid": kid, "typ": "JWT"}
    head = b64url_nopad(json.dumps(header, separators=(",", ":")).encode())
    body = b64url_nopad(json.dumps(payload, separators=(",", ":")).encode())
    return f"{head}.{body}.{b64url_nopad(key.sign_sha256(f'{head}.{body}'.encode()))}"


def django_key(g):
    return g.s(LOWER + DIGITS + "!@#$%^&*(-_=+)", 50)


def sri(g, algo="sha512"):
    n = {"sha512": 64, "sha384": 48, "sha256": 32, "sha1": 20}[algo]
    return f"{algo}-{g.b64(n)}"


# --------------------------------------------------------------------------------------------
# Corpus builder
# --------------------------------------------------------------------------------------------


class Doc:
    """One corpus file, built line by line so labels know their line numbers."""

    def __init__(self, corpus, path):
        self.corpus, self.path, self.lines, self.labels = corpus, path, [], []

    def __call__(self, text=""):
        self.lines.extend(text.split("\n"))
        return self

    def _mark(self, text, kind, family, note, target=None, key_line=False):
        start = len(self.lines) + 1
        self(text)
        label = {
            "path": self.path,
            "line": start,
            "end_line": len(self.lines),
            "family": family,
            "kind": kind,
        }
        if key_line:
            # The value is a YAML block scalar: the `key: |` line just above introduces it, and
            # a finding reported there (as YAML-aware scanners do) is about this item.
            label["match_from"] = start - 1
        if target:
            label["target"] = target
        label["note"] = note
        self.labels.append(label)
        return self

    def secret(self, text, family, note, key_line=False):
        return self._mark(text, "secret", family, note, key_line=key_line)

    def bait(self, text, target, note, key_line=False):
        return self._mark(text, "bait", "bait", note, target, key_line=key_line)


class Corpus:
    def __init__(self):
        self.docs = {}

    def doc(self, path):
        assert path not in self.docs, path
        d = Doc(self, path)
        self.docs[path] = d
        return d

    def write(self, root):
        files = root / "files"
        if files.exists():
            shutil.rmtree(files)
        labels = []
        for path in sorted(self.docs):
            d = self.docs[path]
            target = files / path
            target.parent.mkdir(parents=True, exist_ok=True)
            text = "\n".join(d.lines)
            if not text.endswith("\n"):
                text += "\n"
            target.write_text(text, encoding="utf-8", newline="\n")
            labels.extend(d.labels)
        labels.sort(key=lambda x: (x["path"], x["line"]))
        (root / "labels.json").write_text(json.dumps(labels, indent=1) + "\n", encoding="utf-8")
        return labels


# --------------------------------------------------------------------------------------------
# Key material (generated once, shared between files)
# --------------------------------------------------------------------------------------------


class Keys:
    def __init__(self):
        r = random.Random(f"{SEED}/keys")
        self.rsa = [RsaKey(r, 2048) for _ in range(9)]
        self.ec = [EcKey(r) for _ in range(3)]
        self.ed = [Ed25519Key(r) for _ in range(4)]
        self.r = r


# --------------------------------------------------------------------------------------------
# Positives
# --------------------------------------------------------------------------------------------


def cloud(c, k):
    g = G("cloud")
    d = c.doc("home/deploy/.aws/credentials")
    a1, s1 = aws_pair(g)
    a2, s2 = aws_pair(g)
    d("[default]")
    d.secret(f"aws_access_key_id = {a1}\naws_secret_access_key = {s1}", "cloud", "AWS key pair (credentials file)")
    d("region = eu-west-1")
    d("")
    d("[billing-prod]")
    d.secret(f"aws_access_key_id={a2}\naws_secret_access_key={s2}", "cloud", "AWS key pair (credentials file)")
    d("region=us-east-1")
    d("output=json")

    a, s = aws_pair(g)
    d = c.doc("infra/terraform/providers.tf")
    d('terraform {\n  required_version = ">= 1.5.0"\n  required_providers {')
    d('    aws = {\n      source  = "hashicorp/aws"\n      version = "~> 5.40"\n    }\n  }\n}\n')
    d('provider "aws" {\n  region     = "eu-central-1"')
    d.secret(f'  access_key = "{a}"\n  secret_key = "{s}"', "cloud", "AWS key pair (terraform provider)")
    d("\n  default_tags {\n    tags = {\n      Project = \"helios\"\n      Owner   = \"platform\"\n    }\n  }\n}")

    a, s = aws_pair(g)
    d = c.doc("services/uploader/s3_client.py")
    d('"""Thin wrapper around boto3 for the upload service."""\nimport logging\n\nimport boto3\n')
    d("log = logging.getLogger(__name__)\n\n\ndef client(region=\"eu-west-1\"):")
    d('    return boto3.client(\n        "s3",\n        region_name=region,')
    d.secret(f'        aws_access_key_id="{a}",\n        aws_secret_access_key="{s}",', "cloud", "AWS key pair (boto3 call)")
    d("    )\n\n\ndef upload(path, bucket, key):\n    log.info(\"uploading %s to s3://%s/%s\", path, bucket, key)")
    d("    client().upload_file(path, bucket, key)")

    a, s = aws_pair(g)
    d = c.doc("ci/scripts/publish-artifacts.sh")
    d("#!/usr/bin/env bash\nset -euo pipefail\n\n# TEMP: hardcoded until the runner gets an instance role")
    d.secret(f"export AWS_ACCESS_KEY_ID={a}\nexport AWS_SECRET_ACCESS_KEY={s}", "cloud", "AWS key pair (shell export)")
    d("export AWS_DEFAULT_REGION=eu-west-1\n")
    d('aws s3 sync ./dist "s3://helios-artifacts/${CI_COMMIT_SHA}/" --delete')

    a, s = aws_pair(g)
    d = c.doc("services/reports/config/aws.json")
    d('{\n  "region": "ap-southeast-2",\n  "bucket": "helios-reports-prod",\n  "credentials": {')
    d.secret(f'    "accessKeyId": "{a}",\n    "secretAccessKey": "{s}"', "cloud", "AWS key pair (JSON)")
    d("  },\n  \"maxRetries\": 5\n}")

    # GCP service account JSON (whole object is the item)
    def sa_json(key, project, name, indent="  "):
        kid = g.hex(40)
        pk = pem("PRIVATE KEY", key.pkcs8()).replace("\n", "\\n") + "\\n"
        email = f"{name}@{project}.iam.gserviceaccount.com"
        lines = [
            "{",
            f'{indent}"type": "service_account",',
            f'{indent}"project_id": "{project}",',
            f'{indent}"private_key_id": "{kid}",',
            f'{indent}"private_key": "{pk}",',
            f'{indent}"client_email": "{email}",',
            f'{indent}"client_id": "{g.digits(21)}",',
            f'{indent}"auth_uri": "https://accounts.google.com/o/oauth2/auth",',
            f'{indent}"token_uri": "https://oauth2.googleapis.com/token",',
            f'{indent}"auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",',
            f'{indent}"client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/{email.replace("@", "%40")}",',
            f'{indent}"universe_domain": "googleapis.com"',
            "}",
        ]
        return "\n".join(lines)

    d = c.doc("config/gcp/helios-prod-sa.json")
    d.secret(sa_json(k.rsa[0], "helios-prod-318207", "bq-exporter"), "cloud", "GCP service-account key JSON")
    d = c.doc("deploy/k8s/gcp-credentials.yaml")
    d("apiVersion: v1\nkind: Secret\nmetadata:\n  name: gcp-credentials\n  namespace: data\ntype: Opaque\nstringData:\n  key.json: |")
    body = "\n".join("    " + line for line in sa_json(k.rsa[1], "helios-data-204411", "airflow-worker").split("\n"))
    d.secret(body, "cloud", "GCP service-account key JSON (k8s Secret stringData)", key_line=True)

    d = c.doc("web/src/firebase.js")
    d('import { initializeApp } from "firebase/app";\nimport { getAuth } from "firebase/auth";\n\nconst firebaseConfig = {')
    d.secret(f'  apiKey: "{gcp_api_key(g)}",', "cloud", "GCP API key (firebase config)")
    d('  authDomain: "helios-web-3f2a1.firebaseapp.com",\n  projectId: "helios-web-3f2a1",')
    d(f'  storageBucket: "helios-web-3f2a1.appspot.com",\n  messagingSenderId: "{g.digits(12)}",')
    d(f'  appId: "1:{g.digits(12)}:web:{g.hex(22)}",\n}};\n\nexport const app = initializeApp(firebaseConfig);')
    d("export const auth = getAuth(app);")

    d = c.doc("android/app/src/main/res/values/google_maps_api.xml")
    d('<?xml version="1.0" encoding="utf-8"?>\n<resources>')
    d.secret(
        f'    <string name="google_maps_key" templateMergeStrategy="preserve" translatable="false">{gcp_api_key(g)}</string>',
        "cloud",
        "GCP API key (Android resource)",
    )
    d("</resources>")

    d = c.doc("services/geo/geocode.go")
    d('package geo\n\nimport (\n\t"fmt"\n\t"net/http"\n\t"net/url"\n)\n')
    d.secret(f'const mapsAPIKey = "{gcp_api_key(g)}"', "cloud", "GCP API key (Go const)")
    d("\nfunc Geocode(address string) (*http.Response, error) {")
    d('\tq := url.Values{"address": {address}, "key": {mapsAPIKey}}')
    d('\treturn http.Get(fmt.Sprintf("https://maps.googleapis.com/maps/api/geocode/json?%s", q.Encode()))\n}')

    d = c.doc("services/billing/appsettings.json")
    d('{\n  "Logging": {\n    "LogLevel": {\n      "Default": "Information",\n      "Microsoft.AspNetCore": "Warning"\n    }\n  },')
    d('  "ConnectionStrings": {')
    d.secret(
        f'    "Storage": "DefaultEndpointsProtocol=https;AccountName=heliosbilling;AccountKey={azure_key(g)};EndpointSuffix=core.windows.net",',
        "cloud",
        "Azure storage connection string",
    )
    d('    "Queue": "invoices"\n  },\n  "AllowedHosts": "*"\n}')

    d = c.doc("infra/azure/function-app.tf")
    d('resource "azurerm_linux_function_app" "ingest" {\n  name                = "helios-ingest"\n  location            = "westeurope"')
    d('  resource_group_name = "rg-helios-prod"\n  service_plan_id     = azurerm_service_plan.main.id\n\n  app_settings = {')
    d('    FUNCTIONS_WORKER_RUNTIME = "python"')
    d.secret(
        f'    AzureWebJobsStorage      = "DefaultEndpointsProtocol=https;AccountName=heliosingest;AccountKey={azure_key(g)};EndpointSuffix=core.windows.net"',
        "cloud",
        "Azure storage connection string (terraform)",
    )
    d("  }\n\n  site_config {}\n}")

    d = c.doc("services/thumbnails/.env")
    d("THUMB_MAX_WIDTH=1024\nTHUMB_QUALITY=82")
    d.secret(
        f"AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=heliosthumbs;AccountKey={azure_key(g)};EndpointSuffix=core.windows.net",
        "cloud",
        "Azure storage connection string (.env)",
    )
    d("AZURE_CONTAINER=thumbs")


def vcs(c):
    g = G("vcs")
    d = c.doc("tools/release/bump_version.py")
    d('#!/usr/bin/env python3\n"""Open a version-bump PR on every service repository."""\nimport requests\n')
    d.secret(f'GITHUB_TOKEN = "{crc_token(g, "ghp_")}"', "vcs", "GitHub classic PAT ghp_")
    d('API = "https://api.github.com"\n\n\ndef open_pr(repo, branch):')
    d('    headers = {"Authorization": f"token {GITHUB_TOKEN}", "Accept": "application/vnd.github+json"}')
    d('    body = {"title": "chore: bump version", "head": branch, "base": "main"}')
    d('    return requests.post(f"{API}/repos/helios-labs/{repo}/pulls", json=body, headers=headers, timeout=10)')

    d = c.doc("tools/release/oauth-cache.json")
    d('{\n  "provider": "github",\n  "user": "release-bot",')
    d.secret(f'  "access_token": "{crc_token(g, "gho_")}",', "vcs", "GitHub OAuth token gho_")
    d('  "scope": "repo,read:org",\n  "token_type": "bearer"\n}')

    d = c.doc(".github/workflows/mirror.yml")
    d("name: mirror\non:\n  push:\n    branches: [main]\njobs:\n  mirror:\n    runs-on: ubuntu-latest\n    env:")
    d.secret(f"      MIRROR_TOKEN: {crc_token(g, 'ghs_')}", "vcs", "GitHub app installation token ghs_")
    d("    steps:\n      - run: git push --mirror https://x-access-token:${MIRROR_TOKEN}@github.com/helios-labs/mirror.git")

    d = c.doc("web/src/lib/githubClient.ts")
    d('import { Octokit } from "@octokit/rest";\n')
    d("// user-to-server token captured during the OAuth app review, remove before release")
    d.secret(f'const USER_TOKEN = "{crc_token(g, "ghu_")}";', "vcs", "GitHub user-to-server token ghu_")
    d("\nexport const octokit = new Octokit({ auth: USER_TOKEN, userAgent: \"helios-web\" });")

    d = c.doc("tools/release/.env")
    d("GITHUB_APP_ID=312884")
    d.secret(f"GITHUB_REFRESH_TOKEN={crc_token(g, 'ghr_')}", "vcs", "GitHub refresh token ghr_")
    d("GITHUB_ORG=helios-labs")

    d = c.doc("services/ci-bot/main.go")
    d('package main\n\nimport (\n\t"context"\n\t"log"\n\n\t"github.com/google/go-github/v62/github"\n)\n')
    d.secret(f'var token = "{github_pat(g)}"', "vcs", "GitHub fine-grained PAT github_pat_")
    d("\nfunc main() {\n\tclient := github.NewClient(nil).WithAuthToken(token)")
    d('\trepos, _, err := client.Repositories.ListByOrg(context.Background(), "helios-labs", nil)')
    d("\tif err != nil {\n\t\tlog.Fatal(err)\n\t}\n\tlog.Printf(\"%d repos\", len(repos))\n}")

    d = c.doc("docker/builder/Dockerfile")
    d("FROM golang:1.22-bookworm AS build\nWORKDIR /src")
    d.secret(f"ENV GOPRIVATE=github.com/helios-labs/* GH_TOKEN={github_pat(g)}", "vcs", "GitHub fine-grained PAT in Dockerfile ENV")
    d('RUN git config --global url."https://${GH_TOKEN}@github.com/".insteadOf "https://github.com/"')
    d("COPY go.mod go.sum ./\nRUN go mod download\nCOPY . .\nRUN CGO_ENABLED=0 go build -o /out/app ./cmd/app\n")
    d("FROM gcr.io/distroless/static-debian12\nCOPY --from=build /out/app /app\nENTRYPOINT [\"/app\"]")

    d = c.doc("scripts/clone-all.sh")
    d("#!/bin/sh\n# clones every service repo into ./checkout")
    d.secret(f"GH_PAT='{github_pat(g)}'", "vcs", "GitHub fine-grained PAT (shell)")
    d("for repo in api web billing reports; do")
    d('  git clone "https://oauth2:${GH_PAT}@github.com/helios-labs/${repo}.git" "checkout/${repo}"\ndone')

    d = c.doc(".gitlab-ci.yml")
    d("stages: [build, deploy]\n\nvariables:\n  DOCKER_DRIVER: overlay2")
    d.secret(f"  GITLAB_API_TOKEN: \"{gitlab_pat(g)}\"", "vcs", "GitLab PAT glpat- (CI variables)")
    d("\nbuild:\n  stage: build\n  script:\n    - make build\n\ndeploy:\n  stage: deploy\n  script:")
    d('    - curl --header "PRIVATE-TOKEN: $GITLAB_API_TOKEN" https://gitlab.helios-labs.io/api/v4/projects/42/releases')

    d = c.doc("tools/gitlab_sync.py")
    d("import gitlab\n")
    d.secret(f'gl = gitlab.Gitlab("https://gitlab.helios-labs.io", private_token="{gitlab_pat(g)}")', "vcs", "GitLab PAT (python-gitlab)")
    d("for project in gl.projects.list(iterator=True):\n    print(project.path_with_namespace)")

    d = c.doc("services/ci-bot/.env")
    d("LOG_LEVEL=info")
    d.secret(f"GITLAB_TOKEN={gitlab_pat(g)}", "vcs", "GitLab PAT (.env)")
    d("GITLAB_URL=https://gitlab.helios-labs.io")

    d = c.doc("infra/terraform/github.tf")
    d('provider "github" {\n  owner = "helios-labs"')
    d.secret(f'  token = "{crc_token(g, "ghp_")}"', "vcs", "GitHub classic PAT (terraform provider)")
    d('}\n\nresource "github_repository" "infra" {\n  name       = "infra"\n  visibility = "private"\n}')

    d = c.doc("web/.npmrc")
    d("@helios-labs:registry=https://npm.pkg.github.com")
    d.secret(f"//npm.pkg.github.com/:_authToken={crc_token(g, 'ghp_')}", "vcs", "GitHub PAT as npm registry token")
    d("always-auth=true")


def registry(c):
    g = G("registry")
    d = c.doc("home/deploy/.npmrc")
    d.secret(f"//registry.npmjs.org/:_authToken={crc_token(g, 'npm_')}", "registry", "npm automation token in .npmrc")
    d("init-author-name=Helios Deploy\nsave-exact=true")

    d = c.doc("packages/ui-kit/.npmrc")
    d("registry=https://registry.npmjs.org/")
    d.secret(f"//registry.npmjs.org/:_authToken=\"{crc_token(g, 'npm_')}\"", "registry", "npm token (quoted) in .npmrc")

    d = c.doc("services/legacy-admin/.npmrc")
    d.secret(f"//registry.npmjs.org/:_authToken={g.uuid()}", "registry", "legacy npm token (UUID format) in .npmrc")
    d("package-lock=true")

    d = c.doc("services/legacy-admin/.npmrc-artifactory")
    d("registry=https://artifactory.helios-labs.io/artifactory/api/npm/npm-virtual/")
    auth = base64.b64encode(f"ci-publisher:{g.password(18, '')}".encode()).decode()
    d.secret(f"_auth={auth}", "registry", "npm _auth basic credentials (base64 user:pass)")
    d("email=ci@helios-labs.io\nalways-auth=true")

    d = c.doc(".github/workflows/publish-npm.yml")
    d("name: publish\non:\n  release:\n    types: [published]\njobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:")
    d("      - uses: actions/setup-node@v4\n        with:\n          node-version: 20\n          registry-url: https://registry.npmjs.org")
    d("      - run: npm publish --access public\n        env:")
    d.secret(f"          NODE_AUTH_TOKEN: {crc_token(g, 'npm_')}", "registry", "npm token in workflow env")

    d = c.doc("packages/sdk-python/.pypirc")
    d("[distutils]\nindex-servers =\n    pypi\n    testpypi\n\n[pypi]\nusername = __token__")
    d.secret(f"password = {pypi_token(g)}", "registry", "PyPI API token (.pypirc)")
    d("\n[testpypi]\nrepository = https://test.pypi.org/legacy/\nusername = __token__")
    d.secret(f"password = {pypi_token(g)}", "registry", "PyPI API token (.pypirc)")

    d = c.doc("packages/sdk-python/release.sh")
    d("#!/usr/bin/env bash\nset -e\npython -m build")
    d.secret(f"TWINE_USERNAME=__token__ TWINE_PASSWORD={pypi_token(g)} twine upload dist/*", "registry", "PyPI token on twine command line")

    d = c.doc("home/deploy/.docker/config.json")
    d('{\n  "auths": {\n    "https://index.docker.io/v1/": {')
    auth = base64.b64encode(f"heliosdeploy:{g.password(22, '')}".encode()).decode()
    d.secret(f'      "auth": "{auth}"', "registry", "docker config.json auth (Docker Hub)")
    d("    },\n    \"ghcr.io\": {")
    auth = base64.b64encode(f"helios-bot:{crc_token(g, 'ghp_')}".encode()).decode()
    d.secret(f'      "auth": "{auth}"', "registry", "docker config.json auth (ghcr.io, base64 of user:ghp_ token)")
    d("    },\n    \"registry.helios-labs.io\": {")
    auth = base64.b64encode(f"ci:{g.password(16, '')}".encode()).decode()
    d.secret(f'      "auth": "{auth}",', "registry", "docker config.json auth (private registry)")
    d('      "email": "ci@helios-labs.io"\n    }\n  },\n  "credsStore": "",\n  "currentContext": "default"\n}')

    d = c.doc("deploy/k8s/regcred.json")
    auth = base64.b64encode(f"puller:{g.password(20, '')}".encode()).decode()
    d('{"auths":{"harbor.helios-labs.io":{"username":"puller",')
    d.secret(f'"auth":"{auth}"}}}}}}', "registry", "docker dockerconfigjson auth (compact)")

    d = c.doc("services/api/pip.conf")
    d("[global]\ntimeout = 60")
    # A pip index URL with credentials is url-credentials, labelled in url_credentials().
    d("index-url = https://pypi.org/simple")


def saas(c):
    g = G("saas")
    d = c.doc("services/notifier/slack.py")
    d("from slack_sdk import WebClient\n")
    d.secret(f'client = WebClient(token="{slack_bot(g)}")', "saas", "Slack bot token xoxb-")
    d('\n\ndef notify(channel, text):\n    client.chat_postMessage(channel=channel, text=text)')

    d = c.doc("deploy/helm/notifier/values-prod.yaml")
    d("replicaCount: 2\nimage:\n  repository: registry.helios-labs.io/notifier\n  tag: 2.14.1\nslack:")
    d.secret(f"  botToken: {slack_bot(g)}", "saas", "Slack bot token (helm values)")
    d('  defaultChannel: "#deploys"')

    d = c.doc("ci/scripts/notify-deploy.sh")
    d("#!/usr/bin/env bash\nSTATUS=${1:-ok}")
    d.secret(f'WEBHOOK="{slack_webhook(g)}"', "saas", "Slack incoming webhook URL")
    d('curl -sS -X POST -H "Content-type: application/json" --data "{\\"text\\":\\"deploy ${STATUS}\\"}" "$WEBHOOK"')

    d = c.doc("services/alerts/config.json")
    d('{\n  "severityThreshold": "warning",\n  "routes": [\n    {\n      "match": "billing.*",')
    d.secret(f'      "webhook": "{slack_webhook(g)}"', "saas", "Slack webhook (JSON)")
    d("    }\n  ]\n}")

    d = c.doc("services/checkout/src/stripe.js")
    d('const Stripe = require("stripe");\n')
    d.secret(f'const stripe = Stripe("{stripe_live(g, 24)}");', "saas", "Stripe live secret key (24)")
    d("\nmodule.exports.charge = (amount, source) =>\n  stripe.charges.create({ amount, currency: \"eur\", source });")

    d = c.doc("services/checkout/.env")
    d("NODE_ENV=production\nPORT=8080")
    d.secret(f"STRIPE_SECRET_KEY={stripe_live(g, 99)}", "saas", "Stripe live secret key (99)")
    d.bait(f"STRIPE_PUBLISHABLE_KEY=pk_live_{g.alnum(99)}", "saas", "Stripe publishable key (public by design)")

    d = c.doc("services/notifier/mailer.py")
    d("import sendgrid\nfrom sendgrid.helpers.mail import Mail\n")
    d.secret(f'SENDGRID_API_KEY = "{sendgrid(g)}"', "saas", "SendGrid API key")
    d('sg = sendgrid.SendGridAPIClient(api_key=SENDGRID_API_KEY)\n\n\ndef send(to, subject, html):')
    d('    sg.send(Mail(from_email="noreply@helios-labs.io", to_emails=to, subject=subject, html_content=html))')

    d = c.doc("deploy/helm/notifier/secrets.yaml")
    d("apiVersion: v1\nkind: Secret\nmetadata:\n  name: notifier\ntype: Opaque\nstringData:")
    d.secret(f"  SENDGRID_API_KEY: {sendgrid(g)}", "saas", "SendGrid API key (k8s Secret)")
    d.secret(f"  TWILIO_API_KEY: SK{g.hex(32)}\n  TWILIO_API_SECRET: {g.alnum(32)}", "saas", "Twilio API key SID + secret")

    d = c.doc("services/sms/sms.go")
    d('package sms\n\nimport "github.com/twilio/twilio-go"\n')
    d.secret(f'const (\n\tapiKey    = "SK{g.hex(32)}"\n\tapiSecret = "{g.alnum(32)}"\n)', "saas", "Twilio API key SID + secret (Go)")
    d("\nfunc Client(accountSid string) *twilio.RestClient {")
    d("\treturn twilio.NewRestClientWithParams(twilio.ClientParams{Username: apiKey, Password: apiSecret, AccountSid: accountSid})\n}")

    d = c.doc("services/assistant/llm.py")
    d("from openai import OpenAI\n")
    d.secret(f'client = OpenAI(api_key="{openai_project(g)}")', "saas", "OpenAI project key sk-proj-")
    d('\n\ndef summarize(text):\n    r = client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])')
    d("    return r.choices[0].message.content")

    d = c.doc("services/assistant/.env")
    d.secret(f"OPENAI_API_KEY={openai_legacy(g)}", "saas", "OpenAI legacy key sk-...T3BlbkFJ")
    d.secret(f"OPENAI_EVAL_KEY={openai_project(g, 58)}", "saas", "OpenAI project key (58+58)")
    d.secret(f"ANTHROPIC_API_KEY={anthropic(g)}", "saas", "Anthropic API key")
    d("MODEL=claude-sonnet")

    d = c.doc("services/assistant/src/claude.ts")
    d('import Anthropic from "@anthropic-ai/sdk";\n')
    d.secret(f'const anthropic = new Anthropic({{ apiKey: "{anthropic(g)}" }});', "saas", "Anthropic API key (TS)")
    d("\nexport async function ask(prompt: string) {")
    d('  return anthropic.messages.create({ model: "claude-sonnet-4-5", max_tokens: 512, messages: [{ role: "user", content: prompt }] });\n}')

    d = c.doc("ml/notebooks/push_model.py")
    d("from huggingface_hub import HfApi\n")
    d.secret(f'api = HfApi(token="{hf_token(g)}")', "saas", "Hugging Face token hf_")
    d('api.upload_folder(folder_path="./out", repo_id="helios-labs/ranker-v3", repo_type="model")')

    d = c.doc("ml/Dockerfile")
    d("FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt")
    d.secret(f"ENV HF_TOKEN={hf_token(g)}", "saas", "Hugging Face token (Dockerfile ENV)")
    d('COPY . .\nCMD ["python", "serve.py"]')

    d = c.doc("infra/terraform/digitalocean.tf")
    d('provider "digitalocean" {')
    d.secret(f'  token = "dop_v1_{g.hex(64)}"', "saas", "DigitalOcean PAT dop_v1_")
    d('}\n\nresource "digitalocean_droplet" "bastion" {\n  image  = "ubuntu-24-04-x64"\n  name   = "bastion-1"\n  region = "ams3"\n  size   = "s-1vcpu-1gb"\n}')

    d = c.doc("services/shop-sync/config.yaml")
    d("shop:\n  domain: helios-store.myshopify.com\n  api_version: 2024-07")
    d.secret(f"  admin_api_access_token: shpat_{g.hex(32)}", "saas", "Shopify admin access token shpat_")
    d("sync_interval: 15m")


def private_keys(c, k):
    r = k.r
    d = c.doc("deploy/ssl/api.helios-labs.io.key")
    d.secret(pem("RSA PRIVATE KEY", k.rsa[2].pkcs1()), "private-key", "RSA PKCS#1 PEM")

    d = c.doc("services/auth/config/jwt-signing.pem")
    d.secret(pem("PRIVATE KEY", k.rsa[3].pkcs8()), "private-key", "RSA PKCS#8 PEM")

    d = c.doc("home/deploy/.ssh/id_ed25519")
    d.secret(k.ed[0].openssh_private(r, "deploy@helios-ci"), "private-key", "OpenSSH ed25519 private key")

    d = c.doc("home/deploy/.ssh/id_rsa")
    d.secret(k.rsa[4].openssh_private(r, "ops@bastion-1"), "private-key", "OpenSSH RSA private key")

    d = c.doc("services/auth/config/es256.key")
    d.secret(pem("EC PRIVATE KEY", k.ec[0].sec1()), "private-key", "EC (SEC1) PEM")

    d = c.doc("services/payments/keys/apple-pay-merchant.pem")
    d.secret(pem("PRIVATE KEY", k.ec[1].pkcs8()), "private-key", "EC PKCS#8 PEM")

    d = c.doc("infra/terraform/tls.tf")
    d('resource "aws_iam_server_certificate" "api" {\n  name             = "api-helios-2025"')
    d('  certificate_body = file("${path.module}/certs/api.crt")\n  private_key      = <<EOF')
    d.secret(pem("RSA PRIVATE KEY", k.rsa[5].pkcs1()), "private-key", "RSA PEM in terraform heredoc")
    d("EOF\n}")

    d = c.doc("services/auth/keys.py")
    d('"""Signing keys for service-to-service tokens."""\n')
    d('PRIVATE_KEY = """\\')
    d.secret(pem("PRIVATE KEY", k.rsa[6].pkcs8()), "private-key", "PKCS#8 PEM in Python string")
    d('"""\n\nKEY_ID = "svc-2025-01"')

    d = c.doc("deploy/k8s/ingress-tls.yaml")
    cert = pem("CERTIFICATE", self_signed_cert(k.rsa[7], r, "api.helios-labs.io"))
    d("apiVersion: v1\nkind: Secret\nmetadata:\n  name: api-tls\n  namespace: ingress\ntype: kubernetes.io/tls\nstringData:\n  tls.crt: |")
    d.bait("\n".join("    " + x for x in cert.split("\n")), "private-key", "certificate in k8s TLS secret", key_line=True)
    d("  tls.key: |")
    d.secret("\n".join("    " + x for x in pem("RSA PRIVATE KEY", k.rsa[7].pkcs1()).split("\n")), "private-key", "RSA PEM in YAML block scalar", key_line=True)

    d = c.doc("ansible/group_vars/bastion.yml")
    d("bastion_user: ops\nbastion_port: 22\nbastion_ssh_private_key: |")
    d.secret("\n".join("  " + x for x in k.ed[1].openssh_private(r, "ansible@bastion").split("\n")), "private-key", "OpenSSH key in Ansible vars", key_line=True)
    d("bastion_allowed_cidrs:\n  - 10.20.0.0/16")

    d = c.doc("deploy/nginx/bundle.pem")
    cert = pem("CERTIFICATE", self_signed_cert(k.rsa[8], r, "www.helios-labs.io"))
    d.bait(cert, "private-key", "certificate in combined PEM bundle")
    d.secret(pem("RSA PRIVATE KEY", k.rsa[8].pkcs1()), "private-key", "RSA PEM after certificate in bundle")

    d = c.doc("services/edge/src/main/resources/signing-key.pem")
    d.secret(pem("EC PRIVATE KEY", k.ec[2].sec1()), "private-key", "EC PEM in Java resources")


def jwts(c, k):
    g = G("jwt")
    base = 1735689600  # 2025-01-01

    def hs(sub, role, extra=None):
        p = {"sub": sub, "role": role, "iat": base + g.r.randrange(0, 10**7)}
        p["exp"] = p["iat"] + 10 * 365 * 86400
        p.update(extra or {})
        return jwt_hs256(g, p)

    d = c.doc("scripts/smoke-test-api.sh")
    d("#!/usr/bin/env bash\nset -euo pipefail\nAPI=https://api.helios-labs.io")
    d.secret(f"TOKEN='{hs('svc-smoke', 'admin')}'", "jwt", "HS256 JWT in shell var")
    d('curl -fsS -H "Authorization: Bearer ${TOKEN}" "$API/v1/health/deep"')

    d = c.doc("web/src/api/internal.js")
    d.secret(f'export const SERVICE_TOKEN = "{hs("web-frontend", "service")}";', "jwt", "JWT in JS const")
    d("\nexport const fetchInternal = (path) =>\n  fetch(`/internal${path}`, { headers: { Authorization: `Bearer ${SERVICE_TOKEN}` } });")

    d = c.doc("services/realtime/.env")
    d("SUPABASE_URL=https://xyzhelios.supabase.co")
    d.secret(f"SUPABASE_SERVICE_ROLE_KEY={hs('service_role', 'service_role', {'iss': 'supabase', 'ref': 'xyzhelios'})}", "jwt", "Supabase service_role JWT")

    d = c.doc("services/reports/config/settings.yaml")
    d("reports:\n  schedule: '0 3 * * *'\n  upstream:\n    url: https://warehouse.helios-labs.io/api")
    d.secret(f"    api_token: {hs('reports', 'reader')}", "jwt", "JWT in YAML")

    d = c.doc("tools/postman/helios.postman_collection.json")
    d('{\n  "info": {\n    "name": "Helios API",\n    "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"\n  },')
    d('  "auth": {\n    "type": "bearer",\n    "bearer": [\n      {\n        "key": "token",')
    d.secret(f'        "value": "{hs("qa-team", "admin")}",', "jwt", "JWT in Postman collection")
    d('        "type": "string"\n      }\n    ]\n  },\n  "item": []\n}')

    d = c.doc("services/api/requests.http")
    d("### list invoices\nGET https://api.helios-labs.io/v1/invoices")
    d.secret(f"Authorization: Bearer {hs('alice@helios-labs.io', 'finance')}", "jwt", "JWT in .http file")
    d("Accept: application/json")

    d = c.doc("services/ci-bot/internal/auth.go")
    d("package auth\n")
    d.secret(f'const bootstrapJWT = "{hs("ci-bot", "deployer")}"', "jwt", "JWT in Go const")

    d = c.doc("deploy/k8s/cronjob-reindex.yaml")
    d("apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: reindex\nspec:\n  schedule: '*/30 * * * *'\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: reindex\n              image: registry.helios-labs.io/reindex:1.3.0\n              env:\n                - name: SEARCH_TOKEN")
    d.secret(f"                  value: {hs('reindex', 'writer')}", "jwt", "JWT in k8s env value")
    d("          restartPolicy: OnFailure")

    d = c.doc("services/edge/config.toml")
    d('[upstream]\nurl = "https://api.helios-labs.io"')
    d.secret(f'token = "{hs("edge", "proxy")}"', "jwt", "JWT in TOML")

    d = c.doc("home/deploy/.kube/config")
    ca = pem("CERTIFICATE", self_signed_cert(k.rsa[0], k.r, "kubernetes"))
    ca_b64 = base64.b64encode((ca + "\n").encode()).decode()
    d("apiVersion: v1\nclusters:\n- cluster:")
    d.bait(f"    certificate-authority-data: {ca_b64}", "private-key", "kubeconfig CA certificate (base64 PEM)")
    d("    server: https://k8s.helios-labs.io:6443\n  name: prod\ncontexts:\n- context:\n    cluster: prod\n    user: ci\n  name: prod\ncurrent-context: prod\nkind: Config\nusers:\n- name: ci\n  user:")
    sa = {
        "iss": "kubernetes/serviceaccount",
        "kubernetes.io/serviceaccount/namespace": "ci",
        "kubernetes.io/serviceaccount/secret.name": "ci-deployer-token-7kq2x",
        "kubernetes.io/serviceaccount/service-account.name": "ci-deployer",
        "kubernetes.io/serviceaccount/service-account.uid": g.uuid(),
        "sub": "system:serviceaccount:ci:ci-deployer",
    }
    d.secret(f"    token: {jwt_rs256(k.rsa[1], g.alnum(43), sa)}", "jwt", "Kubernetes service-account token (RS256 JWT)")

    d = c.doc("services/api/src/config/auth.rs")
    d("//! Static credentials for the internal metrics scraper.\n")
    d.secret(f'pub const SCRAPER_JWT: &str = "{hs("prometheus", "metrics")}";', "jwt", "JWT in Rust const")


def url_credentials(c):
    g = G("url")
    d = c.doc("services/api/.env")
    d("APP_ENV=production")
    d.secret(f"DATABASE_URL=postgres://api_rw:{g.password(22, '')}@db-prod-01.helios.internal:5432/helios", "url-credentials", "postgres URL in .env")
    d.secret(f"REDIS_URL=redis://:{g.alnum(32)}@cache-prod.helios.internal:6379/0", "url-credentials", "redis URL with password")
    d("LOG_FORMAT=json")

    d = c.doc("services/reports/db.py")
    d("from sqlalchemy import create_engine\n")
    d.secret(f'engine = create_engine("mysql+pymysql://reports:{g.password(18, "-_.")}@mysql-reports.helios.internal/reports")', "url-credentials", "SQLAlchemy mysql URL")

    d = c.doc("services/catalog/src/db.ts")
    d('import { MongoClient } from "mongodb";\n')
    d.secret(f'const uri = "mongodb+srv://catalog-svc:{g.alnum(24)}@cluster0.x7hq2.mongodb.net/catalog?retryWrites=true&w=majority";', "url-credentials", "MongoDB SRV URL")
    d("export const client = new MongoClient(uri);")

    d = c.doc("docker-compose.prod.yml")
    d("services:\n  worker:\n    image: registry.helios-labs.io/worker:3.2.0\n    environment:")
    d.secret(f"      BROKER_URL: amqp://worker:{g.password(20, '')}@rabbitmq.helios.internal:5672/prod", "url-credentials", "AMQP URL in compose")
    d("      CONCURRENCY: 8")

    d = c.doc("home/deploy/.git-credentials")
    d.secret(f"https://helios-deploy:{g.alnum(20)}@bitbucket.org", "url-credentials", ".git-credentials (Bitbucket app password)")
    d.secret(f"https://ci:{g.password(24, '')}@git.helios-labs.io", "url-credentials", ".git-credentials (self-hosted)")

    d = c.doc("services/api/pip.conf.d/private.conf")
    d("[global]")
    d.secret(f"extra-index-url = https://deploy:{g.password(20, '')}@nexus.helios-labs.io/repository/pypi-internal/simple", "url-credentials", "pip index URL with credentials")

    d = c.doc("services/billing/src/main/resources/application.properties")
    d("spring.application.name=billing\nserver.port=8080")
    d.secret(f"spring.datasource.url=jdbc:postgresql://billing:{g.password(16, '')}@pg-billing.helios.internal:5432/billing", "url-credentials", "JDBC URL with user:pass")
    d("spring.jpa.hibernate.ddl-auto=validate")

    d = c.doc("scripts/db-restore.sh")
    d("#!/usr/bin/env bash\nset -e\nDUMP=${1:?dump file}")
    d.secret(f'pg_restore --clean --no-owner -d "postgresql://admin:{g.password(18, "")}@10.20.4.11:5432/helios" "$DUMP"', "url-credentials", "postgres URL on command line")

    d = c.doc("ml/airflow/connections.yaml")
    d("connections:\n  - conn_id: warehouse")
    d.secret(f"    uri: snowflake://etl_user:{g.password(20, '')}@helios-prod/ANALYTICS/PUBLIC?warehouse=ETL_WH", "url-credentials", "Airflow connection URI")
    d("  - conn_id: s3_default\n    conn_type: aws")

    d = c.doc("ci/mirror-repos.sh")
    d("#!/bin/sh")
    d.secret(f"git remote add backup https://mirror-bot:{g.alnum(28)}@gitea.helios-labs.io/helios/monorepo.git", "url-credentials", "https user:token@host git remote")
    d("git push backup --all")


def framework(c):
    g = G("framework")
    d = c.doc("services/admin/admin/settings.py")
    d('"""Django settings for admin."""\nfrom pathlib import Path\n\nBASE_DIR = Path(__file__).resolve().parent.parent\n')
    d("# SECURITY WARNING: keep the secret key used in production secret!")
    d.secret(f"SECRET_KEY = '{django_key(g)}'", "framework", "Django SECRET_KEY")
    d("\nDEBUG = False\nALLOWED_HOSTS = ['admin.helios-labs.io']")

    d = c.doc("services/cms/cms/settings/production.py")
    d("from .base import *  # noqa\n")
    d.secret(f'SECRET_KEY = "{django_key(g)}"', "framework", "Django SECRET_KEY (production settings)")
    d('DEBUG = False\nCSRF_TRUSTED_ORIGINS = ["https://cms.helios-labs.io"]')

    d = c.doc("services/cms/.env")
    d.secret(f"DJANGO_SECRET_KEY={django_key(g)}", "framework", "Django secret key (.env)")
    d("DJANGO_SETTINGS_MODULE=cms.settings.production")

    d = c.doc("services/shop/.env")
    d("APP_NAME=HeliosShop\nAPP_ENV=production")
    d.secret(f"APP_KEY=base64:{g.b64(32)}", "framework", "Laravel APP_KEY")
    d("APP_DEBUG=false\nAPP_URL=https://shop.helios-labs.io")

    d = c.doc("services/shop/.env.staging")
    d("APP_ENV=staging")
    d.secret(f"APP_KEY=base64:{g.b64(32)}", "framework", "Laravel APP_KEY (staging)")

    d = c.doc("deploy/helm/shop/values.yaml")
    d("env:\n  APP_ENV: production")
    d.secret(f'  APP_KEY: "base64:{g.b64(32)}"', "framework", "Laravel APP_KEY (helm)")

    d = c.doc("services/storefront/config/secrets.yml")
    d("development:\n  secret_key_base: <%= ENV['SECRET_KEY_BASE'] %>\n\nproduction:")
    d.secret(f"  secret_key_base: {g.hex(128)}", "framework", "Rails secret_key_base")

    d = c.doc("services/storefront/Dockerfile")
    d("FROM ruby:3.3-slim\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install")
    d.secret(f"ENV RAILS_ENV=production SECRET_KEY_BASE={g.hex(128)}", "framework", "Rails SECRET_KEY_BASE in Dockerfile")
    d("RUN bundle exec rails assets:precompile\nCMD [\"bundle\", \"exec\", \"puma\"]")

    d = c.doc("deploy/k8s/storefront.yaml")
    d("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: storefront\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          env:\n            - name: SECRET_KEY_BASE")
    d.secret(f'              value: "{g.hex(128)}"', "framework", "Rails SECRET_KEY_BASE in k8s manifest")

    d = c.doc("services/webhooks/app.py")
    d("from flask import Flask\n\napp = Flask(__name__)")
    d.secret(f'app.config["SECRET_KEY"] = "{g.hex(64)}"', "framework", "Flask SECRET_KEY")

    d = c.doc("services/legacy-admin/.env.local")
    d("APP_ENV=prod")
    d.secret(f"APP_SECRET={g.hex(32)}", "framework", "Symfony APP_SECRET")


def password_hashes(c):
    g = G("hashes")
    d = c.doc("images/bastion/rootfs/etc/shadow")
    users = [("root", True), ("daemon", False), ("bin", False), ("sys", False), ("ops", True), ("deploy", True), ("backup", True)]
    for user, has_pw in users:
        if has_pw:
            h = sha512_crypt(g.password(14), g.s(B62 + "./", 16))
            d.secret(f"{user}:{h}:19800:0:99999:7:::", "password-hash", "sha512crypt in shadow")
        else:
            d(f"{user}:*:19800:0:99999:7:::")
    d.secret(f"legacy:{md5_crypt(g.password(10), g.s(B62, 8), '$1$')}:18200:0:99999:7:::", "password-hash", "md5crypt in shadow")
    d("nobody:!:19800::::::")

    d = c.doc("deploy/nginx/.htpasswd")
    for user in ("admin", "grafana", "kibana"):
        d.secret(f"{user}:{md5_crypt(g.password(12), g.s(B62, 8))}", "password-hash", "apr1 in .htpasswd")
    d.secret(f"metrics:{bcrypt_like(g.r, '2y', 10)}", "password-hash", "bcrypt $2y$ in .htpasswd")

    d = c.doc("services/api/db/seeds/001_users.sql")
    d("INSERT INTO users (id, email, password_hash, role) VALUES")
    for i, (email, variant) in enumerate([("admin@helios-labs.io", "2b"), ("ops@helios-labs.io", "2a"), ("finance@helios-labs.io", "2b")]):
        end = "," if i < 2 else ";"
        d.secret(f"  ({i + 1}, '{email}', '{bcrypt_like(g.r, variant, 12)}', 'admin'){end}", "password-hash", "bcrypt in SQL seed")

    d = c.doc("deploy/traefik/dynamic.yml")
    d("http:\n  middlewares:\n    dashboard-auth:\n      basicAuth:\n        users:")
    d.secret(f'          - "ops:{md5_crypt(g.password(12), g.s(B62, 8))}"', "password-hash", "apr1 in traefik basicAuth")
    d.secret(f'          - "sre:{bcrypt_like(g.r, "2y", 5)}"', "password-hash", "bcrypt in traefik basicAuth")


def generic(c):
    g = G("generic")
    d = c.doc("services/reports/settings.py")
    d('DATABASE = {\n    "host": "db-reports.helios.internal",\n    "user": "reports",')
    d.secret(f'    "password": "{g.password(20)}",', "generic", "password in Python dict")
    d('    "name": "reports",\n}')

    d = c.doc("services/search/config.yml")
    d("elasticsearch:\n  hosts: [\"https://es.helios.internal:9200\"]\n  username: search")
    d.secret(f"  password: {g.password(24, '')}", "generic", "password in YAML")
    d("geoip:")
    d.secret(f"  api_key: {g.hex(32)}", "generic", "api_key in YAML (hex)")

    d = c.doc("deploy/.env.production")
    d("APP_ENV=production\nDB_HOST=db-prod-01.helios.internal\nDB_USER=helios")
    d.secret(f"DB_PASSWORD={g.password(20, '')}", "generic", ".env DB_PASSWORD")
    d.secret(f"SMTP_PASSWORD={g.password(16)}", "generic", ".env SMTP_PASSWORD")

    d = c.doc("home/deploy/.netrc")
    d.secret(f"machine api.heroku.com\n  login deploy@helios-labs.io\n  password {g.uuid()}", "generic", ".netrc (heroku API key)")
    d.secret(f"machine ftp.helios-labs.io login backup password {g.password(18, '')}", "generic", ".netrc one-line entry")

    d = c.doc("home/deploy/.pgpass")
    d.secret(f"db-prod-01.helios.internal:5432:helios:api_rw:{g.password(22, '')}", "generic", ".pgpass entry")
    d.secret(f"*:5432:*:postgres:{g.password(18, '!#%^*-_')}", "generic", ".pgpass entry (wildcards)")

    d = c.doc("infra/terraform/rds.tf")
    d('resource "aws_db_instance" "main" {\n  identifier        = "helios-prod"\n  engine            = "postgres"\n  instance_class    = "db.r6g.large"\n  username          = "helios_admin"')
    d.secret(f'  password          = "{g.password(24, "!#%^*-_")}"', "generic", "terraform password attribute")
    d("  allocated_storage = 200\n}")

    d = c.doc("docker-compose.yml")
    d("services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: helios")
    d.secret(f"      POSTGRES_PASSWORD: {g.password(20, '')}", "generic", "compose POSTGRES_PASSWORD")
    d("    ports:\n      - '5432:5432'")

    d = c.doc("scripts/backup-mysql.sh")
    d("#!/usr/bin/env bash\nset -e\nNOW=$(date +%F)")
    d.secret(f"mysqldump -h mysql-reports.helios.internal -u backup -p'{g.password(16, '!#%^*-_')}' --all-databases > /backup/$NOW.sql", "generic", "mysqldump -p'password'")

    d = c.doc("web/src/analytics.js")
    d.secret(f'const ANALYTICS_API_KEY = "{g.hex(32)}";', "generic", "api key in JS const")
    d("export const track = (event) => navigator.sendBeacon(`https://t.helios-labs.io/e?k=${ANALYTICS_API_KEY}`, JSON.stringify(event));")

    d = c.doc("services/ci-bot/internal/vault.go")
    d('package internal\n\nconst vaultAddr = "https://vault.helios.internal:8200"')
    d.secret(f'const vaultToken = "hvs.{g.b64url(90)}"', "generic", "HashiCorp Vault service token hvs.")

    d = c.doc("ci/maven/settings.xml")
    d("<settings>\n  <servers>\n    <server>\n      <id>helios-releases</id>\n      <username>deployer</username>")
    d.secret(f"      <password>{g.password(20, '')}</password>", "generic", "Maven settings.xml password")
    d("    </server>\n  </servers>\n</settings>")

    d = c.doc("services/payments/src/main/resources/application.yml")
    d("spring:\n  datasource:\n    url: jdbc:postgresql://pg-payments.helios.internal:5432/payments\n    username: payments")
    d.secret(f"    password: '{g.password(18)}'", "generic", "Spring datasource password")
    d("psp:\n  merchant-id: HELIOS01")
    d.secret(f"  client-secret: {g.alnum(40)}", "generic", "client-secret in YAML")


# --------------------------------------------------------------------------------------------
# Bait
# --------------------------------------------------------------------------------------------

NPM_PKGS = [
    ("@babel/code-frame", "7.24.7"), ("@babel/helper-validator-identifier", "7.24.7"),
    ("@babel/highlight", "7.24.7"), ("ansi-styles", "3.2.1"), ("chalk", "2.4.2"),
    ("color-convert", "1.9.3"), ("color-name", "1.1.3"), ("escape-string-regexp", "1.0.5"),
    ("has-flag", "3.0.0"), ("js-tokens", "4.0.0"), ("picocolors", "1.0.1"),
    ("supports-color", "5.5.0"), ("react", "18.3.1"), ("react-dom", "18.3.1"),
    ("loose-envify", "1.4.0"), ("scheduler", "0.23.2"), ("axios", "1.7.2"),
    ("follow-redirects", "1.15.6"), ("form-data", "4.0.0"), ("asynckit", "0.4.0"),
    ("combined-stream", "1.0.8"), ("delayed-stream", "1.0.0"), ("mime-types", "2.1.35"),
    ("mime-db", "1.52.0"), ("proxy-from-env", "1.1.0"), ("zod", "3.23.8"),
    ("nanoid", "3.3.7"), ("postcss", "8.4.39"), ("source-map-js", "1.2.0"), ("dayjs", "1.11.11"),
]  # fmt: skip

CRATES = [
    ("aho-corasick", "1.1.3"), ("anyhow", "1.0.86"), ("bitflags", "2.6.0"), ("bytes", "1.6.1"),
    ("cfg-if", "1.0.0"), ("itoa", "1.0.11"), ("libc", "0.2.155"), ("log", "0.4.22"),
    ("memchr", "2.7.4"), ("once_cell", "1.19.0"), ("proc-macro2", "1.0.86"), ("quote", "1.0.36"),
    ("regex", "1.10.5"), ("ryu", "1.0.18"), ("serde", "1.0.204"), ("syn", "2.0.71"),
]  # fmt: skip

GO_MODS = [
    ("github.com/google/go-cmp", "v0.6.0"), ("github.com/google/uuid", "v1.6.0"),
    ("github.com/stretchr/testify", "v1.9.0"), ("github.com/davecgh/go-spew", "v1.1.1"),
    ("github.com/pmezard/go-difflib", "v1.0.0"), ("golang.org/x/net", "v0.27.0"),
    ("golang.org/x/sys", "v0.22.0"), ("golang.org/x/text", "v0.16.0"),
    ("gopkg.in/yaml.v3", "v3.0.1"), ("github.com/twilio/twilio-go", "v1.22.2"),
]  # fmt: skip


def bait_lockfiles(c):
    g = G("bait-lock")
    d = c.doc("web/package-lock.json")
    d('{\n  "name": "helios-web",\n  "version": "4.2.0",\n  "lockfileVersion": 3,\n  "requires": true,\n  "packages": {')
    d('    "": {\n      "name": "helios-web",\n      "version": "4.2.0"\n    },')
    for i, (name, ver) in enumerate(NPM_PKGS):
        base = name.split("/")[-1]
        d(f'    "node_modules/{name}": {{\n      "version": "{ver}",')
        d(f'      "resolved": "https://registry.npmjs.org/{name}/-/{base}-{ver}.tgz",')
        d.bait(f'      "integrity": "{sri(g)}",', "generic", "package-lock integrity sha512")
        d('      "license": "MIT"')
        d("    }" + ("," if i < len(NPM_PKGS) - 1 else ""))
    d("  }\n}")

    d = c.doc("services/checkout/yarn.lock")
    d("# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.\n# yarn lockfile v1\n")
    for name, ver in NPM_PKGS[:16]:
        base = name.split("/")[-1]
        d(f'\n"{name}@^{ver}":\n  version "{ver}"')
        d(f'  resolved "https://registry.yarnpkg.com/{name}/-/{base}-{ver}.tgz#{g.hex(40)}"')
        d.bait(f"  integrity {sri(g)}", "generic", "yarn.lock integrity sha512")

    d = c.doc("Cargo.lock")
    d("# This file is automatically @generated by Cargo.\n# It is not intended for manual editing.\nversion = 4")
    for name, ver in CRATES:
        d(f'\n[[package]]\nname = "{name}"\nversion = "{ver}"\nsource = "registry+https://github.com/rust-lang/crates.io-index"')
        d.bait(f'checksum = "{g.hex(64)}"', "generic", "Cargo.lock checksum")

    d = c.doc("services/ci-bot/go.sum")
    for mod, ver in GO_MODS:
        d.bait(f"{mod} {ver} h1:{g.b64(32)}", "generic", "go.sum h1 hash")
        d.bait(f"{mod} {ver}/go.mod h1:{g.b64(32)}", "generic", "go.sum go.mod hash")

    d = c.doc("services/api/requirements.txt")
    for name, ver in [("requests", "2.32.3"), ("urllib3", "2.2.2"), ("certifi", "2024.7.4"), ("idna", "3.7"), ("charset-normalizer", "3.3.2"), ("sqlalchemy", "2.0.31")]:
        d(f"{name}=={ver} \\")
        d.bait(f"    --hash=sha256:{g.hex(64)} \\", "generic", "pip --hash sha256")
        d.bait(f"    --hash=sha256:{g.hex(64)}", "generic", "pip --hash sha256")

    d = c.doc("services/cms/poetry.lock")
    for name, ver in [("django", "5.0.7"), ("asgiref", "3.8.1"), ("sqlparse", "0.5.1")]:
        d(f'[[package]]\nname = "{name}"\nversion = "{ver}"\noptional = false\npython-versions = ">=3.10"\nfiles = [')
        d.bait(f'    {{file = "{name}-{ver}-py3-none-any.whl", hash = "sha256:{g.hex(64)}"}},', "generic", "poetry.lock hash")
        d.bait(f'    {{file = "{name}-{ver}.tar.gz", hash = "sha256:{g.hex(64)}"}},', "generic", "poetry.lock hash")
        d("]\n")


def bait_hashes_ids(c):
    g = G("bait-ids")
    d = c.doc(".github/workflows/ci.yml")
    d("name: ci\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:")
    for action, ver in [("actions/checkout", "v4.1.7"), ("actions/setup-node", "v4.0.3"), ("actions/cache", "v4.0.2"), ("docker/login-action", "v3.2.0")]:
        d.bait(f"      - uses: {action}@{g.hex(40)} # {ver}", "generic", "pinned action git SHA")
    d("      - run: npm ci && npm test")

    d = c.doc(".git-blame-ignore-revs")
    d("# mass reformat with prettier")
    for _ in range(4):
        d.bait(g.hex(40), "generic", "git commit SHA")

    d = c.doc("docker/node-base/Dockerfile")
    d.bait("FROM debian:bookworm-slim@sha256:" + g.hex(64), "generic", "image digest")
    d("ARG NODE_VERSION=20.15.1")
    d.bait(f"ARG NODE_SHA256={g.hex(64)}", "generic", "sha256 of a download")
    d('RUN curl -fsSLO "https://nodejs.org/dist/v${NODE_VERSION}/node-v${NODE_VERSION}-linux-x64.tar.xz" \\')
    d('  && echo "${NODE_SHA256}  node-v${NODE_VERSION}-linux-x64.tar.xz" | sha256sum -c - \\')
    d("  && tar -xJf node-v${NODE_VERSION}-linux-x64.tar.xz -C /usr/local --strip-components=1")
    d("ENV PASSWORD_FILE=/run/secrets/db_password")

    d = c.doc("dist/SHA256SUMS")
    for name in ["helios-cli-linux-amd64.tar.gz", "helios-cli-linux-arm64.tar.gz", "helios-cli-darwin-arm64.tar.gz", "helios-cli-windows-amd64.zip"]:
        d.bait(f"{g.hex(64)}  {name}", "generic", "sha256sum line")

    d = c.doc("deploy/k8s/api-deployment.yaml")
    d("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  annotations:")
    d.bait(f'    helios.io/config-hash: "{g.hex(64)}"', "generic", "config hash annotation")
    d.bait(f"    helios.io/owner-uid: {g.uuid()}", "generic", "UUID")
    d("spec:\n  template:\n    spec:\n      containers:\n        - name: api")
    d.bait(f"          image: registry.helios-labs.io/api@sha256:{g.hex(64)}", "generic", "image digest")
    d("          env:\n            - name: DB_PASSWORD\n              valueFrom:\n                secretKeyRef:\n                  name: api-db\n                  key: password")

    d = c.doc("services/api/fixtures/accounts.json")
    d("[")
    for i in range(8):
        comma = "," if i < 7 else ""
        d.bait(f'  {{"id": "{g.uuid()}", "tenant_id": "{g.uuid()}", "request_id": "{g.hex(32)}"}}{comma}', "generic", "UUIDs / request ids")
    d("]")

    d = c.doc("infra/terraform/azure-ad.tf")
    d('provider "azurerm" {\n  features {}')
    d.bait(f'  subscription_id = "{g.uuid()}"', "cloud", "Azure subscription id (UUID, not secret)")
    d.bait(f'  tenant_id       = "{g.uuid()}"', "cloud", "Azure tenant id (UUID)")
    d.bait(f'  client_id       = "{g.uuid()}"', "cloud", "Azure client id (UUID)")
    d("  client_secret   = var.azure_client_secret\n}")

    d = c.doc("web/public/asset-manifest.json")
    d('{\n  "files": {')
    for name in ["main.js", "main.css", "vendor.js", "runtime.js"]:
        stem, ext = name.split(".")
        d.bait(f'    "{name}": "/static/{ext}/{stem}.{g.hex(20)}.{ext}",', "generic", "content-hashed asset name")
    d('    "index.html": "/index.html"\n  }\n}')

    d = c.doc("web/public/index.html")
    d('<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n<title>Helios</title>')
    d.bait(f'<script src="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/js/bootstrap.bundle.min.js" integrity="{sri(g, "sha384")}" crossorigin="anonymous"></script>', "generic", "SRI sha384")
    d.bait(f'<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css" integrity="{sri(g, "sha384")}" crossorigin="anonymous">', "generic", "SRI sha384")
    d.bait(f'<meta name="google-site-verification" content="{g.b64url(43)}">', "generic", "site verification token (public)")
    d("</head>\n<body><div id=\"root\"></div></body>\n</html>")

    d = c.doc("services/api/src/crypto/vectors.py")
    d('"""Known-answer test vectors (public, from the specs)."""\n')
    d.bait('SHA256_EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"', "generic", "sha256 of empty string")
    d.bait('SHA1_ABC = "a9993e364706816aba3e25717850c26c9cd0d89d"', "generic", "sha1('abc')")
    d.bait('MD5_EMPTY = "d41d8cd98f00b204e9800998ecf8427e"', "generic", "md5 of empty string")
    d.bait(f'HMAC_KEY_ID = "{g.uuid()}"', "generic", "key id (UUID)")

    d = c.doc("services/api/src/encoding.py")
    d('"""Sample payloads used by the encoding round-trip benchmarks."""\n')
    for i in range(4):
        d.bait(f'PAYLOAD_{i} = "{g.b64(48)}"', "generic", "random base64 payload")
    d.bait(f'WELCOME_B64 = "{base64.b64encode(b"Welcome to Helios! Your workspace is ready.").decode()}"', "generic", "base64 of plain text")


def bait_docs_examples(c):
    g = G("bait-docs")
    d = c.doc("docs/aws-setup.rst")
    d("AWS setup\n=========\n\nConfigure the CLI with your own keys. The values below are the ones from the AWS\ndocumentation and do not work::\n")
    d.bait("    aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "cloud", "AWS documented example key id")
    d.bait("    aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "cloud", "AWS documented example secret")
    d("\nThen run ``aws sts get-caller-identity``.")

    d = c.doc("services/uploader/localstack_setup.py")
    d('"""Point boto3 at LocalStack for local development."""\nimport boto3\n\n')
    d('def local_client():\n    return boto3.client(\n        "s3",\n        endpoint_url="http://localhost:4566",')
    d.bait('        aws_access_key_id="AKIAIOSFODNN7EXAMPLE",', "cloud", "AWS example key id in code")
    d.bait('        aws_secret_access_key="wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",', "cloud", "AWS example secret in code")
    d("    )")

    d = c.doc("docs/api-auth.rst")
    d("Authentication\n==============\n\nSend a bearer token, for instance the jwt.io sample token::\n")
    d.bait(
        "    Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        "jwt",
        "jwt.io documented sample token",
    )
    d("\nWebhooks use Slack's documented format::\n")
    d.bait("    https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "saas", "Slack documented example webhook")
    d("\nNever paste a real key into a ticket.")

    d = c.doc("docs/runbooks/rotate-keys.txt")
    d("Rotating the Stripe key\n-----------------------\n1. Create a new restricted key in the dashboard.")
    d.bait("2. Update STRIPE_SECRET_KEY in Vault: vault kv put secret/checkout STRIPE_SECRET_KEY=sk_live_...", "saas", "truncated key in runbook")
    d("3. Roll the checkout deployment.")
    d.bait("4. Revoke the old key (it starts with sk_live_ and ends with the 4 characters shown in the dashboard).", "saas", "prose mentioning sk_live_")


def bait_placeholders(c):
    d = c.doc("config/app.yaml.template")
    d("database:\n  host: ${DB_HOST}\n  user: ${DB_USER}")
    d.bait("  password: ${DB_PASSWORD}", "generic", "${VAR} placeholder")
    d("smtp:")
    d.bait('  password: "changeme"', "generic", "changeme")
    d("github:")
    d.bait('  token: "<your-token>"', "vcs", "<your-token>")
    d("openai:")
    d.bait("  api_key: your-api-key-here", "saas", "your-api-key-here")
    d("stripe:")
    d.bait('  secret_key: "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx"', "saas", "xxxx Stripe placeholder")
    d("aws:")
    d.bait("  access_key_id: AKIAXXXXXXXXXXXXXXXX", "cloud", "AWS XXXX placeholder")
    d.bait("  secret_access_key: xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "cloud", "xxxx placeholder")

    d = c.doc(".env.sample")
    d("# copy to .env and fill in")
    for line in [
        "DB_PASSWORD=",
        "DATABASE_URL=postgres://user:password@localhost:5432/helios",
        "REDIS_URL=redis://localhost:6379/0",
        "GITHUB_TOKEN=ghp_your_token_here",
        "SLACK_BOT_TOKEN=xoxb-your-bot-token",
        "STRIPE_SECRET_KEY=sk_live_your_key_here",
        "OPENAI_API_KEY=sk-...",
        "APP_KEY=",
        "SECRET_KEY_BASE=replace_me",
        "SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "JWT_SECRET=<generate with: openssl rand -hex 32>",
    ]:
        d.bait(line, "generic", "placeholder in .env.sample")

    d = c.doc("services/api/settings.py")
    d("import os\n")
    d.bait('DB_PASSWORD = os.environ["DB_PASSWORD"]', "generic", "value read from env")
    d.bait('API_KEY = os.getenv("API_KEY", "")', "generic", "value read from env")
    d.bait("SECRET_KEY = os.environ.get(\"DJANGO_SECRET_KEY\")", "framework", "value read from env")
    d.bait('password = "changeme"', "generic", "changeme")
    d.bait('token = "xxxxxxxx"', "generic", "xxxxxxxx")
    d.bait('PASSWORD_MIN_LENGTH = 12', "generic", "config constant named password")
    d.bait('PASSWORD_RESET_URL = "/accounts/password/reset/"', "generic", "URL with password")

    d = c.doc("web/src/config.ts")
    d.bait("export const apiKey = process.env.NEXT_PUBLIC_API_KEY ?? \"\";", "generic", "env reference")
    d.bait("export const stripeKey = import.meta.env.VITE_STRIPE_KEY;", "saas", "env reference")
    d.bait('export const passwordField = "password";', "generic", "field name")
    d.bait("export const tokenHeader = \"X-Auth-Token\";", "generic", "header name")

    d = c.doc("infra/terraform/variables.tf")
    d('variable "db_password" {\n  type      = string\n  sensitive = true\n}\n')
    d('resource "aws_db_instance" "replica" {\n  identifier = "helios-replica"\n  username   = "helios_admin"')
    d.bait("  password   = var.db_password", "generic", "terraform variable reference")
    d("}\n")
    d('resource "random_password" "app" {\n  length  = 32\n  special = true\n}')

    d = c.doc("deploy/helm/api/templates/secret.yaml")
    d("apiVersion: v1\nkind: Secret\nmetadata:\n  name: {{ .Release.Name }}-db\nstringData:")
    d.bait("  password: {{ .Values.db.password | quote }}", "generic", "helm template")
    d.bait("  apiKey: {{ required \"apiKey is required\" .Values.apiKey }}", "generic", "helm template")

    d = c.doc("ansible/roles/db/defaults/main.yml")
    d("db_name: helios")
    d.bait('db_password: "{{ vault_db_password }}"', "generic", "ansible vault reference")
    d("db_admin_password: !vault |\n          $ANSIBLE_VAULT;1.1;AES256")
    g = G("bait-vault")
    for _ in range(4):
        d.bait(f"          {g.hex(80)}", "generic", "ansible-vault ciphertext")

    d = c.doc("docker-compose.dev.yml")
    d("services:\n  db:\n    image: postgres:16\n    environment:")
    d.bait("      POSTGRES_PASSWORD: postgres", "generic", "local default password")
    d("  api:\n    environment:")
    d.bait("      DATABASE_URL: postgres://postgres:postgres@db:5432/helios_dev", "url-credentials", "local default credentials URL")
    d.bait("      REDIS_PASSWORD: ${REDIS_PASSWORD:-}", "generic", "${VAR} placeholder")

    d = c.doc("docs/connecting.rst")
    d("Connecting\n==========\n\n::\n")
    d.bait("    mongodb://<username>:<password>@<host>:27017/<db>", "url-credentials", "placeholder URL")
    d.bait("    postgresql://${PGUSER}:${PGPASSWORD}@${PGHOST}/${PGDATABASE}", "url-credentials", "${VAR} URL")
    d.bait("    https://USERNAME:TOKEN@git.helios-labs.io/helios/monorepo.git", "url-credentials", "uppercase placeholder URL")


def bait_fixtures(c):
    d = c.doc("services/api/tests/fixtures/tokens.py")
    d('"""Obviously fake tokens used by the redaction tests."""\n')
    for line, target in [
        ('FAKE_GITHUB = "ghp_000000000000000000000000000000000000"', "vcs"),
        ('FAKE_GITHUB_2 = "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', "vcs"),
        ('FAKE_NPM = "npm_000000000000000000000000000000000000"', "registry"),
        ('FAKE_SLACK = "xoxb-000000000000-0000000000000-xxxxxxxxxxxxxxxxxxxxxxxx"', "saas"),
        ('FAKE_AWS = "AKIA0000000000000000"', "cloud"),
        ('FAKE_STRIPE = "sk_live_000000000000000000000000"', "saas"),
        ('FAKE_OPENAI = "sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', "saas"),
        ('FAKE_HF = "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"', "saas"),
        ('FAKE_PASSWORD = "password"', "generic"),
        ('FAKE_GITLAB = "glpat-xxxxxxxxxxxxxxxxxxxx"', "vcs"),
    ]:
        d.bait(line, target, "obviously fake token in test fixture")
    g = G("bait-fixture")
    # Right shape, wrong checksum: not a token GitHub could have issued.
    for _ in range(2):
        body = g.alnum(30)
        bad = base62((zlib.crc32(body.encode()) + 1) & 0xFFFFFFFF, 6)
        d.bait(f'INVALID_CHECKSUM_{_} = "ghp_{body}{bad}"  # must be rejected by the crc32 check', "vcs", "ghp_ with wrong crc32 checksum")

    d = c.doc("web/src/__mocks__/auth.js")
    d.bait('export const mockToken = "test-token";', "generic", "mock token")
    d.bait('export const mockPassword = "hunter2";', "generic", "famous fake password")
    d.bait('export const mockApiKey = "dummy-api-key";', "generic", "dummy")


def bait_keys_certs(c, k):
    r = random.Random(f"{SEED}/bait-keys")
    d = c.doc("services/auth/config/jwt-public.pem")
    d.bait(pem("PUBLIC KEY", k.rsa[3].spki()), "private-key", "RSA public key (SPKI)")

    d = c.doc("services/auth/config/es256.pub")
    d.bait(pem("PUBLIC KEY", k.ec[0].spki()), "private-key", "EC public key")

    d = c.doc("deploy/ssl/ca.crt")
    d.bait(pem("CERTIFICATE", self_signed_cert(k.rsa[2], r, "Helios Internal CA")), "private-key", "CA certificate")

    d = c.doc("deploy/ssl/legacy-rsa.pub")
    d.bait(pem("RSA PUBLIC KEY", k.rsa[5].pkcs1_public()), "private-key", "PKCS#1 RSA public key")

    d = c.doc("home/deploy/.ssh/authorized_keys")
    d.bait(k.ed[0].openssh_public("deploy@helios-ci"), "private-key", "ssh public key")
    d.bait(k.rsa[4].openssh_public("ops@bastion-1"), "private-key", "ssh public key")
    d.bait(k.ed[2].openssh_public("alice@laptop"), "private-key", "ssh public key")
    d.bait(k.ed[3].openssh_public("bob@laptop"), "private-key", "ssh public key")

    d = c.doc("home/deploy/.ssh/id_ed25519.pub")
    d.bait(k.ed[0].openssh_public("deploy@helios-ci"), "private-key", "ssh public key")

    d = c.doc("services/auth/src/jwks.json")
    n = base64.urlsafe_b64encode(k.rsa[3].n.to_bytes(256, "big")).decode().rstrip("=")
    d('{\n  "keys": [\n    {\n      "kty": "RSA",\n      "use": "sig",\n      "alg": "RS256",\n      "kid": "svc-2025-01",')
    d.bait(f'      "n": "{n}",', "private-key", "JWKS public modulus")
    d('      "e": "AQAB"\n    }\n  ]\n}')

    d = c.doc("docs/crypto/key-formats.txt")
    d("Our services accept keys in these formats (headers only, bodies elided):\n")
    d.bait("  -----BEGIN PRIVATE KEY-----      PKCS#8", "private-key", "PEM header mentioned in prose")
    d.bait("  -----BEGIN RSA PRIVATE KEY-----  PKCS#1 (legacy)", "private-key", "PEM header mentioned in prose")
    d.bait("  -----BEGIN OPENSSH PRIVATE KEY----- OpenSSH", "private-key", "PEM header mentioned in prose")


def bait_web_assets(c):
    g = G("bait-web")
    d = c.doc("web/static/js/vendor.min.js")
    idents = [
        "useSyncExternalStoreWithSelectorShim", "__SECRET_INTERNALS_DO_NOT_USE_OR_YOU_WILL_BE_FIRED",
        "ReactCurrentBatchConfigTransitionPending", "unstable_scheduleCallbackWithPriorityLevel",
        "getDerivedStateFromPropsAndPreviousStateSnapshot", "passwordStrengthMeterThresholdConfiguration",
        "tokenRefreshIntervalMillisecondsDefaultValue", "apiKeyHeaderNameForAuthorizationMiddleware",
    ]  # fmt: skip
    for i in range(6):
        parts = []
        for j in range(40):
            a, b = g.choice(idents), g.choice(idents)
            parts.append(f"function {g.s(LOWER, 2)}{j}(e,t){{return e.{a}?t.{b}(e,\"{g.s(LOWER + DIGITS, 8)}\"):null}}")
        d.bait("!" + ";".join(parts) + ";", "generic", "minified JS line")
    d.bait(f'var __chunkHashes={{main:"{g.hex(20)}",vendor:"{g.hex(20)}",runtime:"{g.hex(20)}"}};', "generic", "webpack chunk hashes")
    d.bait(f'var SECRET_INTERNALS_KEY="__reactFiber${g.s(LOWER + DIGITS, 11)}";', "generic", "React internal key with SECRET in name")

    d = c.doc("web/static/js/vendor.min.js.map")
    mappings = ";".join(",".join(g.s(B64, g.r.randrange(4, 9)) for _ in range(30)) for _ in range(20))
    d.bait(f'{{"version":3,"file":"vendor.min.js","sources":["webpack:///./node_modules/react/index.js"],"names":["e","t"],"mappings":"{mappings}"}}', "generic", "source map mappings")

    d = c.doc("web/static/css/app.css")
    d(":root {\n  --brand: #1f6feb;\n  --brand-dark: #0b3d91;\n  --danger: #d1242f;\n}\n")
    d("@font-face {\n  font-family: 'HeliosIcons';")
    d.bait(f"  src: url(data:font/woff2;base64,{g.b64(1200)}) format('woff2');", "generic", "base64 font data URI")
    d("}\n")
    d.bait(f".logo {{ background-image: url(data:image/png;base64,{g.b64(600)}); }}", "generic", "base64 PNG data URI")
    d.bait(f".spinner {{ background: url(\"data:image/svg+xml;base64,{g.b64(240)}\"); }}", "generic", "base64 SVG data URI")
    d(".password-input { letter-spacing: 0.2em; }\n.token-chip { border-radius: 999px; }")

    d = c.doc("web/static/img/icons.svg")
    d('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">')
    for name in ["key", "lock", "shield", "user"]:
        path = " ".join(f"{g.r.randrange(0, 24)}.{g.r.randrange(0, 99):02d}" for _ in range(40))
        d.bait(f'  <symbol id="icon-{name}"><path d="M{path}Z"/></symbol>', "generic", "SVG path data")
    d("</svg>")

    d = c.doc("web/src/i18n/en.json")
    d("{")
    strings = [
        ("login.password", "Password"),
        ("login.password_placeholder", "Enter your password"),
        ("login.forgot_password", "Forgot your password?"),
        ("reset.password_too_short", "Your password must be at least 12 characters long."),
        ("reset.token_expired", "This password reset token has expired. Request a new one."),
        ("settings.api_key", "API key"),
        ("settings.api_key_help", "Your API key is shown only once. Store it in a password manager."),
        ("settings.secret_rotated", "The client secret was rotated."),
        ("settings.token_label", "Personal access token"),
        ("errors.invalid_credentials", "Invalid username or password"),
    ]
    for i, (key, val) in enumerate(strings):
        d.bait(f'  "{key}": "{val}"' + ("," if i < len(strings) - 1 else ""), "generic", "i18n string")
    d("}")

    d = c.doc("services/storefront/config/locales/de.yml")
    d("de:\n  devise:\n    passwords:")
    d.bait('      password: "Passwort"', "generic", "i18n string")
    d.bait('      password_confirmation: "Passwort bestätigen"', "generic", "i18n string")
    d.bait('      secret_key: "Geheimer Schlüssel"', "generic", "i18n string")
    d.bait('      token_invalid: "Der Token ist ungültig"', "generic", "i18n string")


def main():
    global SEED
    argv = sys.argv[1:]
    check = "--check" in argv
    out = HERE
    if "--seed" in argv:
        SEED = argv[argv.index("--seed") + 1]
        if "--out" not in argv:
            raise SystemExit("--seed needs --out DIR (the committed corpus uses the default seed)")
    if "--out" in argv:
        out = Path(argv[argv.index("--out") + 1])
        out.mkdir(parents=True, exist_ok=True)
    c = Corpus()
    k = Keys()
    cloud(c, k)
    vcs(c)
    registry(c)
    saas(c)
    private_keys(c, k)
    jwts(c, k)
    url_credentials(c)
    framework(c)
    password_hashes(c)
    generic(c)
    bait_lockfiles(c)
    bait_hashes_ids(c)
    bait_docs_examples(c)
    bait_placeholders(c)
    bait_fixtures(c)
    bait_keys_certs(c, k)
    bait_web_assets(c)

    if check:
        with tempfile.TemporaryDirectory() as tmp:
            c.write(Path(tmp))
            same = (Path(tmp) / "labels.json").read_bytes() == (HERE / "labels.json").read_bytes()
            cmp = filecmp.dircmp(Path(tmp) / "files", HERE / "files")
            diffs = _diff(cmp)
            if not same or diffs:
                print("corpus is stale or nondeterministic:", "labels.json" if not same else "", *diffs[:10])
                return 1
            print("corpus up to date")
            return 0

    labels = c.write(out)
    fams = {}
    for lab in labels:
        fams[lab["family"]] = fams.get(lab["family"], 0) + 1
    size = sum(p.stat().st_size for p in (out / "files").rglob("*") if p.is_file())
    print(f"wrote {len(c.docs)} files ({size} bytes), {len(labels)} labels: " + ", ".join(f"{f}={n}" for f, n in sorted(fams.items())))
    return 0


def _diff(cmp):
    out = [*cmp.left_only, *cmp.right_only, *cmp.diff_files, *cmp.funny_files]
    # dircmp compares shallowly by stat; re-check "same" files byte by byte.
    for name in cmp.same_files:
        if not filecmp.cmp(Path(cmp.left) / name, Path(cmp.right) / name, shallow=False):
            out.append(name)
    for sub in cmp.subdirs.values():
        out.extend(_diff(sub))
    return out


if __name__ == "__main__":
    sys.exit(main())
