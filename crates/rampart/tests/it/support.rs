//! Shared helpers: temporary trees and running the binary.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// A custom rule used by engine tests, so they do not depend on built-in rule details.
pub const TEST_RULE_CONFIG: &str = r#"
[[secret.rules]]
id = "test-token"
title = "Test token"
severity = "high"
confidence = "high"
keywords = ["tst_"]
regex = '''\b(?P<secret>tst_[a-z0-9]{24})\b'''
description = "A token format that exists only in rampart's tests."
remediation = "Nothing to do; it is test data."
references = ["https://example.org/test-token"]
"#;

/// A value the test rule matches.
pub const TOKEN: &str = "tst_k3j5h7g9f1d3s5a7p9o1i3u5";
/// Another one.
pub const TOKEN2: &str = "tst_q2w4e6r8t0y2u4i6o8p0a2s4";

/// A temporary directory tree.
pub struct Tree {
    pub dir: tempfile::TempDir,
}

impl Tree {
    /// An empty tree.
    pub fn new() -> Tree {
        Tree {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A tree whose `rampart.toml` defines the test rule.
    pub fn with_test_rule() -> Tree {
        let tree = Tree::new();
        tree.write("rampart.toml", TEST_RULE_CONFIG);
        tree
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn join(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Write `content` at `rel`, creating directories.
    pub fn write(&self, rel: &str, content: impl AsRef<[u8]>) {
        let path = self.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("create dirs");
        }
        std::fs::write(path, content).expect("write file");
    }

    /// Run `rampart ARGS` with the tree as working directory.
    pub fn rampart(&self, args: &[&str]) -> Output {
        rampart_in(self.path(), args)
    }

    /// `rampart scan --format json ARGS .` and the parsed report.
    pub fn scan_json(&self, args: &[&str]) -> (i32, Value) {
        self.scan_json_target(args, ".")
    }

    /// `rampart scan --format json ARGS TARGET` and the parsed report.
    pub fn scan_json_target(&self, args: &[&str], target: &str) -> (i32, Value) {
        let mut all = vec!["scan", "--format", "json"];
        all.extend_from_slice(args);
        all.push(target);
        let out = self.rampart(&all);
        let code = out.status.code().unwrap_or(-1);
        let report: Value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!(
                "stdout is not JSON ({e}); exit {code}\nstdout: {}\nstderr: {}",
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            )
        });
        (code, report)
    }
}

/// A cache directory private to this test process (git history caches are keyed by repo).
pub fn test_cache_dir() -> PathBuf {
    std::env::temp_dir().join(format!("rampart-test-cache-{}", std::process::id()))
}

/// A database directory that does not exist.
pub const NO_DATABASE: &str = "/nonexistent/rampart-test-db";

/// Run the binary in `dir`, never inheriting CI-specific colour or progress settings.
pub fn rampart_in(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rampart"))
        .args(args)
        .current_dir(dir)
        .env_remove("NO_COLOR")
        .env("CI", "true")
        // Never the developer's own database: tests that want one make their own.
        .env("RAMPART_DB_DIR", NO_DATABASE)
        .env("RAMPART_CACHE_DIR", test_cache_dir())
        .output()
        .expect("run rampart")
}

/// `(rule_id, path, line)` of every finding, in report order.
pub fn hits(report: &Value) -> Vec<(String, String, u64)> {
    report["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .map(|f| {
            (
                f["rule_id"].as_str().unwrap_or_default().to_string(),
                f["location"]["path"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string(),
                f["location"]["start_line"].as_u64().unwrap_or_default(),
            )
        })
        .collect()
}

/// Paths with findings, sorted and deduplicated.
pub fn paths(report: &Value) -> Vec<String> {
    let mut p: Vec<String> = hits(report).into_iter().map(|h| h.1).collect();
    p.dedup();
    p
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Serves the schemas that CycloneDX's schema references, from the fixtures (never the network).
struct FixtureSchemas;

impl jsonschema::Retrieve for FixtureSchemas {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        let text = match uri.as_str().rsplit('/').next() {
            Some("spdx.schema.json") => include_str!("../fixtures/spdx.schema.json"),
            Some("jsf-0.82.schema.json") => include_str!("../fixtures/jsf-0.82.schema.json"),
            _ => return Err(format!("no fixture for schema {uri}").into()),
        };
        Ok(serde_json::from_str(text)?)
    }
}

/// Assert that `instance` validates against the JSON Schema text `schema`.
pub fn assert_matches_schema(schema: &str, instance: &Value) {
    let schema: Value = serde_json::from_str(schema).expect("schema is JSON");
    let validator = jsonschema::options()
        .with_retriever(FixtureSchemas)
        .build(&schema)
        .expect("schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(instance)
        .map(|e| format!("{e} at {}", e.instance_path()))
        .collect();
    assert!(
        errors.is_empty(),
        "does not match the schema:\n{}",
        errors.join("\n")
    );
}

/// Assert that the committed generated file `rel` (from the repo root) equals `generated`;
/// with `RAMPART_BLESS=1` rewrite it first. `test` names the test that regenerates it.
pub fn assert_doc_current(rel: &str, generated: &str, test: &str) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel);
    if std::env::var_os("RAMPART_BLESS").is_some() {
        std::fs::write(&path, generated).expect("write generated doc");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "{rel} is stale; regenerate with `RAMPART_BLESS=1 cargo test -p rampart {test}`"
    );
}
