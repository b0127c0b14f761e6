//! Importing a gitleaks configuration: each translated rule and allowlist behaves as gitleaks
//! would on sample text, and everything that does not translate is reported.

use rampart_core::{Analyzer, Blob, Confidence, Emitted, Finding, Provenance, Severity};
use rampart_secrets::gitleaks::{GitleaksError, GitleaksImport, import, import_file};
use rampart_secrets::{SecretScanner, builtin_rules};

/// A realistic configuration, written from gitleaks' documented format.
const CONFIG: &str = r#"
title = "Acme gitleaks config"

[extend]
useDefault = true
disabledRules = ["generic-api-key"]

[[rules]]
id = "acme-api-token"
description = "Acme internal API token"
# Group 1 is the variable name; the token is group 2.
regex = '''(?i)(acme[_-]?token)\s*[:=]\s*["']?(acme_[a-z0-9]{32})'''
secretGroup = 2
entropy = 3.0
keywords = ["ACME_"]
tags = ["acme", "internal"]

  [[rules.allowlists]]
  description = "lines marked as fake"
  regexTarget = "line"
  regexes = ['''#\s*fake''']

  [[rules.allowlists]]
  description = "sample tokens in tests"
  condition = "AND"
  paths = ['''^tests/''']
  stopwords = ["sample"]

[[rules]]
id = "Internal_DB-Password"
description = "Database password in an env or ini file"
# No secretGroup: gitleaks takes the first group that matched.
regex = '''(?i)db_password\s*[=:]\s*(?:"([^"\s]{8,})"|'([^'\s]{8,})')'''
path = '''\.(env|ini)$'''
keywords = ["db_password"]

  [rules.allowlist]
  stopwords = ["changeme"]
  regexes = ['''^dev-''']

[[rules]]
id = "zeta-key"
description = "Zeta service key"
# No keywords: runs on every file.
regex = '''\bzz9-[0-9a-f]{24}\b'''

[[rules]]
id = "pkcs12-file"
description = "PKCS#12 key store"
path = '''\.p12$'''

[[rules]]
id = "re2-quoted"
description = "Uses RE2's \\Q...\\E quoting"
regex = '''\Qacme.literal\E[0-9]+'''
keywords = ["acme.literal"]

[[rules]]
id = "composite-part"
description = "Acme client id near an Acme token"
regex = '''acme_client_([0-9]{10})'''
keywords = ["acme_client_"]
severity = "critical"
  [[rules.required]]
  id = "acme-api-token"
  withinLines = 3

[[rules]]
id = "aux-only"
description = "Only used by a composite rule"
regex = '''aux_[0-9]{10}'''
skipReport = true

[[allowlists]]
description = "vendored and generated code"
paths = ['''(^|/)vendor/''', '''\.lock$''']

[[allowlists]]
description = "documentation values"
regexTarget = "match"
regexes = ['''EXAMPLE''']
stopwords = ["dummy"]

[[allowlists]]
description = "rotated after incident 42"
commits = ["0123456789ABCDEF0123456789abcdef01234567", "abc1234"]

[[allowlists]]
description = "zeta keys in docs are demo keys"
targetRules = ["zeta-key"]
paths = ['''^docs/''']

[whitelist]
files = ["(.*?)(jpg|gif)$"]
"#;

const TOKEN: &str = "acme_k3j9x2lq8zp4rt6vw1ny5bm7hc0df2gs";
const ZETA: &str = "zz9-0a1b2c3d4e5f60718293a4b5";
const ROTATED: &str = "0123456789abcdef0123456789abcdef01234567";

fn imported() -> GitleaksImport {
    import("config/.gitleaks.toml", CONFIG).expect("the config imports")
}

/// The imported rules alone (no built-ins, so overlaps cannot hide them), global allowlist on.
fn scanner() -> SecretScanner {
    let import = imported();
    SecretScanner::new(import.rules, &[], 1 << 20)
        .expect("imported rules compile")
        .with_allowlist(import.allowlist)
        .with_show_secrets(true)
}

fn scan_at(scanner: &SecretScanner, path: &str, text: &str, commit: Option<&str>) -> Vec<Finding> {
    let provenance = Provenance {
        commit: commit.map(str::to_string),
        ..Provenance::default()
    };
    let blob = Blob {
        path,
        data: text.as_bytes(),
        is_binary: false,
        provenance: &provenance,
        lineage: None,
    };
    let mut out = Emitted::default();
    scanner.analyze(&blob, &mut out);
    out.findings
}

fn ids(found: &[Finding]) -> Vec<&str> {
    found.iter().map(|f| f.rule_id.as_str()).collect()
}

fn has_warning(import: &GitleaksImport, parts: &[&str]) -> bool {
    import
        .warnings
        .iter()
        .any(|w| parts.iter().all(|p| w.contains(p)))
}

#[test]
fn rules_translate_with_ids_metadata_and_warnings() {
    let import = imported();
    let ids: Vec<_> = import.rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "acme-api-token",
            "internal-db-password",
            "zeta-key",
            "pkcs12-file",
            "composite-part"
        ]
    );
    assert!(import.use_default);
    let acme = &import.rules[0];
    assert_eq!(acme.title, "Acme internal API token");
    assert_eq!(acme.severity, Severity::High);
    assert_eq!(acme.confidence, Confidence::Medium);
    assert_eq!(acme.keywords, ["acme_"]);
    assert_eq!(acme.min_entropy, Some(3.0));
    assert_eq!(acme.family, "gitleaks");
    assert!(acme.description.contains("Tags: acme, internal"));
    assert_eq!(import.rules[4].confidence, Confidence::Low);
    assert_eq!(import.allowlist.specs().len(), 4);

    let expected: &[&[&str]] = &[
        &[
            "config/.gitleaks.toml",
            "[extend]",
            "useDefault",
            "built-in",
        ],
        &["disabledRules", "generic-api-key", "no effect"],
        &["rule `re2-quoted`", "field `regex`", "skipped"],
        &[
            "rule `composite-part`",
            "field `required`",
            "`acme-api-token`",
        ],
        &["rule `composite-part`", "field `severity`", "ignored"],
        &["rule `aux-only`", "skipReport", "skipped"],
        &[
            "rule `Internal_DB-Password`",
            "field `id`",
            "internal-db-password",
        ],
        &[
            "[[allowlists]] #3",
            "commits",
            "abc1234",
            "not a full commit id",
        ],
        &["top-level key `whitelist`"],
    ];
    for parts in expected {
        assert!(
            has_warning(&import, parts),
            "no warning with {parts:?} in:\n{}",
            import.warnings.join("\n")
        );
    }
    assert_eq!(
        import.warnings.len(),
        expected.len(),
        "unexpected warnings:\n{}",
        import.warnings.join("\n")
    );
}

#[test]
fn secret_group_entropy_and_keywords_behave_as_in_gitleaks() {
    let s = scanner();
    let found = scan_at(
        &s,
        "src/app.py",
        &format!("acme_token = \"{TOKEN}\"\n"),
        None,
    );
    assert_eq!(ids(&found), ["acme-api-token"]);
    assert_eq!(found[0].secret.as_deref(), Some(TOKEN));
    // Keywords are case-insensitive, like gitleaks' lowercased prefilter.
    let upper = format!("ACME_TOKEN: {}\n", TOKEN.to_uppercase());
    assert_eq!(
        ids(&scan_at(&s, "src/app.py", &upper, None)),
        ["acme-api-token"]
    );
    // Entropy at or below 3.0 is dropped.
    let flat = "acme_token = acme_aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaab\n";
    assert!(scan_at(&s, "src/app.py", flat, None).is_empty());
}

#[test]
fn rule_allowlists_follow_regex_target_and_condition() {
    let s = scanner();
    // regexTarget = line: the marker is outside the match, on the same line.
    let fake = format!("acme_token = \"{TOKEN}\"  # fake\n");
    assert!(scan_at(&s, "src/app.py", &fake, None).is_empty());
    let next_line = format!("acme_token = \"{TOKEN}\"\n# fake\n");
    assert_eq!(scan_at(&s, "src/app.py", &next_line, None).len(), 1);
    // condition = AND: path under tests/ and a stopword in the secret, both needed.
    let sample = "acme_token = acme_samplex2lq8zp4rt6vw1ny5bm7hc0df2\n";
    assert!(scan_at(&s, "tests/app.py", sample, None).is_empty());
    assert_eq!(scan_at(&s, "src/app.py", sample, None).len(), 1);
    let plain = format!("acme_token = {TOKEN}\n");
    assert_eq!(scan_at(&s, "tests/app.py", &plain, None).len(), 1);
}

#[test]
fn first_non_empty_group_path_regex_and_old_single_allowlist() {
    let s = scanner();
    let found = scan_at(&s, "deploy/.env", "DB_PASSWORD='Zx81pq0Lm!vT'\n", None);
    assert_eq!(ids(&found), ["internal-db-password"]);
    assert_eq!(found[0].secret.as_deref(), Some("Zx81pq0Lm!vT"));
    // `path` limits the rule to .env/.ini files.
    assert!(scan_at(&s, "src/config.py", "DB_PASSWORD='Zx81pq0Lm!vT'\n", None).is_empty());
    // [rules.allowlist]: stopwords are case-insensitive substrings of the secret; regexes
    // target the secret by default.
    assert!(scan_at(&s, "a.ini", "db_password = \"ChangeMe-2024\"\n", None).is_empty());
    assert!(scan_at(&s, "a.ini", "db_password = \"dev-Zx81pq0Lm\"\n", None).is_empty());
    assert_eq!(
        scan_at(&s, "a.ini", "db_password = \"prod-Zx81pq0Lm\"\n", None).len(),
        1
    );
}

#[test]
fn keywordless_and_file_presence_rules() {
    let s = scanner();
    let text = format!("key: {ZETA}\n");
    assert_eq!(
        ids(&scan_at(&s, "any/file.yaml", &text, None)),
        ["zeta-key"]
    );
    assert_eq!(
        scan_at(&s, "x", &text, None)[0].secret.as_deref(),
        Some(ZETA)
    );

    let provenance = Provenance::default();
    let keystore = Blob {
        path: "certs/client.p12",
        data: b"\x30\x82\x00\x00binary",
        is_binary: true,
        provenance: &provenance,
        lineage: None,
    };
    assert!(s.wants_binary());
    let mut out = Emitted::default();
    s.analyze(&keystore, &mut out);
    assert_eq!(ids(&out.findings), ["pkcs12-file"]);
    let f = &out.findings[0];
    assert_eq!((f.secret.as_deref(), f.redacted.as_deref()), (None, None));
    assert!(f.message.contains("certs/client.p12"), "{}", f.message);
    let pem = Blob {
        path: "certs/client.pem",
        ..keystore
    };
    let mut out = Emitted::default();
    s.analyze(&pem, &mut out);
    assert!(out.findings.is_empty());
}

#[test]
fn global_allowlists_paths_regexes_stopwords_and_targets() {
    let s = scanner();
    let token = format!("acme_token = {TOKEN}\n");
    assert!(scan_at(&s, "vendor/lib/app.py", &token, None).is_empty());
    assert!(scan_at(&s, "web/vendor/app.py", &token, None).is_empty());
    assert!(scan_at(&s, "Cargo.lock", &token, None).is_empty());
    assert_eq!(scan_at(&s, "vendors.py", &token, None).len(), 1);
    // regexTarget = match: EXAMPLE in the matched text, not necessarily in the secret.
    let example = "DB_PASSWORD_EXAMPLE = x\ndb_password = \"Zx81pq0Lm!vT\" # EXAMPLE\n";
    assert_eq!(scan_at(&s, "a.env", example, None).len(), 1);
    assert!(scan_at(&s, "a.env", "db_password=\"EXAMPLE-Zx81pq0Lm\"\n", None).is_empty());
    assert!(scan_at(&s, "a.env", "db_password=\"xDuMmY-Zx81pq0Lm\"\n", None).is_empty());
    // targetRules: docs/ allows zeta keys only.
    let both = format!("key: {ZETA}\nacme_token = {TOKEN}\n");
    assert_eq!(
        ids(&scan_at(&s, "docs/setup.md", &both, None)),
        ["acme-api-token"]
    );
    assert_eq!(scan_at(&s, "src/setup.md", &both, None).len(), 2);
}

#[test]
fn commit_allowlist_applies_to_blobs_from_that_commit() {
    let s = scanner();
    let token = format!("acme_token = {TOKEN}\n");
    assert!(scan_at(&s, "src/app.py", &token, Some(ROTATED)).is_empty());
    assert!(scan_at(&s, "src/app.py", &token, Some(&ROTATED.to_uppercase())).is_empty());
    let other = "1123456789abcdef0123456789abcdef01234567";
    assert_eq!(scan_at(&s, "src/app.py", &token, Some(other)).len(), 1);
    assert_eq!(scan_at(&s, "src/app.py", &token, None).len(), 1);
    // A short id is not a prefix match, as in gitleaks: it never covers a full commit id.
    let full = "abc1234000000000000000000000000000000000";
    assert_eq!(scan_at(&s, "src/app.py", &token, Some(full)).len(), 1);
}

#[test]
fn global_allowlist_covers_builtin_rules_too() {
    let import = imported();
    let builtin = builtin_rules().unwrap();
    let github = builtin
        .iter()
        .find(|r| r.id == "github-pat-classic")
        .expect("built-in GitHub rule");
    let example = github.examples.matching[0].clone();
    let mut rules = builtin.clone();
    rules.extend(import.rules);
    let s = SecretScanner::new(rules, &[], 1 << 20)
        .unwrap()
        .with_allowlist(import.allowlist);
    assert!(ids(&s.scan_bytes("src/ci.sh", example.as_bytes())).contains(&"github-pat-classic"));
    assert!(s.scan_bytes("vendor/ci.sh", example.as_bytes()).is_empty());
}

#[test]
fn show_secrets_controls_the_secret_field_only() {
    let import = imported();
    let text = format!("acme_token = \"{TOKEN}\"\n");
    for show in [false, true] {
        let s = SecretScanner::new(import.rules.clone(), &[], 1 << 20)
            .unwrap()
            .with_show_secrets(show);
        let found = s.scan_bytes("src/app.py", text.as_bytes());
        assert_eq!(found.len(), 1);
        let f = &found[0];
        assert_eq!(f.secret.is_some(), show);
        if show {
            assert_eq!(f.secret.as_deref(), Some(TOKEN));
        }
        assert_eq!(f.redacted.as_deref(), Some("acme*****"));
        // Nothing but `secret` may hold more than the redacted prefix.
        let mut copy = f.clone();
        copy.secret = None;
        let json = serde_json::to_string(&copy).unwrap();
        assert!(!json.contains(&TOKEN[4..12]), "{json}");
    }
}

#[test]
fn extend_path_merges_disables_and_stops_at_cycles_and_depth() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::create_dir_all(root.join("shared")).unwrap();
    std::fs::write(
        root.join(".gitleaks.toml"),
        r#"
[extend]
path = "shared/base.toml"
disabledRules = ["drop-me", "not-there"]

[[rules]]
id = "shared-rule"
entropy = 2.0
keywords = ["own"]
"#,
    )
    .unwrap();
    std::fs::write(
        root.join("shared/base.toml"),
        r#"
[extend]
path = "more.toml"

[[rules]]
id = "shared-rule"
description = "Shared token"
regex = '''shr_[a-z0-9]{12}'''
entropy = 4.5
keywords = ["shr_"]

[[rules]]
id = "drop-me"
regex = '''drop_[0-9]{8}'''

[[allowlists]]
paths = ['''^fixtures/''']
"#,
    )
    .unwrap();
    std::fs::write(
        root.join("shared/more.toml"),
        "[extend]\npath = \"../.gitleaks.toml\"\n[[rules]]\nid = \"deep\"\nregex = 'deep_[0-9]{4}'\n",
    )
    .unwrap();
    let import = import_file(&root.join(".gitleaks.toml")).unwrap();
    let ids: Vec<_> = import.rules.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["shared-rule", "deep"], "{:?}", import.warnings);
    let shared = &import.rules[0];
    // The importing file's entropy wins; keywords of both are kept.
    assert_eq!(shared.min_entropy, Some(2.0));
    assert_eq!(shared.keywords, ["shr_", "own"]);
    assert_eq!(shared.title, "Shared token");
    assert_eq!(import.allowlist.specs().len(), 1);
    assert!(has_warning(&import, &["disabledRules", "not-there"]));
    // more.toml is at depth 2: its own extend (back to the top file) is not followed.
    assert!(
        has_warning(&import, &["more.toml", "[extend]", "at most 2 levels"]),
        "{:?}",
        import.warnings
    );

    // A cycle at depth 1 is cut with a warning.
    std::fs::write(
        root.join("shared/base.toml"),
        "[extend]\npath = \"../.gitleaks.toml\"\n[[rules]]\nid = \"x\"\nregex = 'x_[0-9]{4}'\n",
    )
    .unwrap();
    let import = import_file(&root.join(".gitleaks.toml")).unwrap();
    assert!(has_warning(&import, &["cycle"]), "{:?}", import.warnings);

    // A missing extended file is an error that names it.
    std::fs::remove_file(root.join("shared/base.toml")).unwrap();
    let err = import_file(&root.join(".gitleaks.toml"))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("shared/base.toml") && err.contains("cannot read"),
        "{err}"
    );
}

#[test]
fn errors_name_file_line_and_column() {
    let err = import(
        "team/.gitleaks.toml",
        "[[rules]]\nid = \"a\"\nregex = '''x\n",
    )
    .unwrap_err();
    match &err {
        GitleaksError::Parse { file, line, .. } => {
            assert_eq!(file, "team/.gitleaks.toml");
            assert!(*line >= 3, "{err}");
        }
        other => panic!("expected a parse error, got {other}"),
    }
    let both = "[extend]\nuseDefault = true\npath = \"x.toml\"\n";
    let err = import("g.toml", both).unwrap_err().to_string();
    assert!(err.contains("useDefault") && err.contains("path"), "{err}");
}
