//! Report formats: JSON layout, SARIF validity, JUnit, several outputs in one run, table.

use serde_json::Value;

use crate::support::*;

fn tree_with_findings() -> Tree {
    let tree = Tree::with_test_rule();
    tree.write("src/app.py", format!("x = 1\ntoken = \"{TOKEN}\"\n"));
    tree.write("dir with space/é.txt", format!("{TOKEN2}\n"));
    tree
}

#[test]
fn json_report_has_the_documented_fields_and_never_the_secret() {
    let tree = tree_with_findings();
    let out = tree.rampart(&["scan", "--format", "json", "."]);
    let text = stdout(&out);
    assert!(
        !text.contains(TOKEN) && !text.contains(TOKEN2),
        "secret leaked into JSON"
    );
    let report: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(report["schema_version"], "1.0");
    assert_eq!(report["tool"]["name"], "rampart");
    assert!(report["tool"]["version"].is_string());
    assert_eq!(report["target"]["name"], ".");
    assert!(report["errors"].is_array() && report["summary"].is_object());
    let f = &report["findings"][1];
    assert_eq!(f["kind"], "secret");
    assert_eq!(f["rule_id"], "test-token");
    assert_eq!(f["title"], "Test token");
    assert_eq!(f["severity"], "high");
    assert_eq!(f["location"]["path"], "src/app.py");
    assert_eq!(f["location"]["start_line"], 2);
    assert_eq!(f["location"]["end_line"], 2);
    assert_eq!(f["location"]["start_column"], 10);
    assert_eq!(f["location"]["end_column"], 10 + TOKEN.len() as u64);
    assert_eq!(f["fingerprint"].as_str().unwrap().len(), 32);
    assert!(f["message"].as_str().unwrap().contains("tst_*****"));
    assert_eq!(f["remediation"], "Nothing to do; it is test data.");
    assert_eq!(f["references"][0], "https://example.org/test-token");
    assert_eq!(report["summary"]["findings"], 2);
    assert_eq!(report["summary"]["by_severity"]["high"], 2);
}

#[test]
fn json_output_is_stable_across_runs() {
    let tree = tree_with_findings();
    let strip = |mut v: Value| {
        v["summary"]["duration_ms"] = Value::Null;
        v
    };
    let (_, a) = tree.scan_json(&[]);
    let (_, b) = tree.scan_json(&["--threads", "1"]);
    assert_eq!(strip(a), strip(b));
}

#[test]
fn sarif_validates_against_the_official_schema_and_has_what_github_reads() {
    let tree = tree_with_findings();
    let out = tree.rampart(&["scan", "--format", "sarif", "."]);
    let sarif: Value = serde_json::from_slice(&out.stdout).expect("SARIF is JSON");
    assert_matches_schema(include_str!("../fixtures/sarif-schema-2.1.0.json"), &sarif);

    let run = &sarif["runs"][0];
    let rule = &run["tool"]["driver"]["rules"][0];
    assert_eq!(rule["id"], "test-token");
    assert_eq!(rule["helpUri"], "https://example.org/test-token");
    assert!(
        rule["help"]["text"]
            .as_str()
            .unwrap()
            .contains("Nothing to do")
    );
    assert_eq!(rule["properties"]["security-severity"], "8.0");
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    let uris: Vec<&str> = results
        .iter()
        .map(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap()
        })
        .collect();
    assert_eq!(uris, vec!["dir%20with%20space/%C3%A9.txt", "src/app.py"]);
    assert!(results[0]["partialFingerprints"]["rampartFingerprint/v1"].is_string());
    assert!(
        !out.stdout
            .windows(TOKEN.len())
            .any(|w| w == TOKEN.as_bytes())
    );
}

#[test]
fn sarif_uris_are_relative_to_the_repository_root() {
    let tree = Tree::new();
    std::fs::create_dir_all(tree.join(".git")).unwrap();
    tree.write("services/api/rampart.toml", TEST_RULE_CONFIG);
    tree.write("services/api/app.py", format!("{TOKEN}\n"));
    let out = tree.rampart(&["scan", "--format", "sarif", "services/api"]);
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    let uri = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]
        ["uri"];
    assert_eq!(uri, "services/api/app.py");
}

#[test]
fn several_formats_in_one_run() {
    let tree = tree_with_findings();
    let out = tree.rampart(&[
        "scan",
        "--format",
        "json=r.json",
        "--format",
        "sarif=r.sarif",
        "--format",
        "junit=r.xml",
        ".",
    ]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json: Value = serde_json::from_slice(&std::fs::read(tree.join("r.json")).unwrap()).unwrap();
    assert_eq!(json["findings"].as_array().unwrap().len(), 2);
    let sarif: Value =
        serde_json::from_slice(&std::fs::read(tree.join("r.sarif")).unwrap()).unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    let junit = std::fs::read_to_string(tree.join("r.xml")).unwrap();
    assert!(junit.starts_with("<?xml"));
    assert!(
        junit.contains(r#"<testsuites name="rampart" tests="2" failures="2" errors="0""#),
        "{junit}"
    );
    assert!(
        junit.contains(r#"<testcase classname="src/app.py" name="test-token at line 2">"#),
        "{junit}"
    );
    assert!(!junit.contains(TOKEN));
    // With only file outputs, the human summary still goes to stdout.
    assert!(stdout(&out).contains("2 findings"), "{}", stdout(&out));
}

#[test]
fn output_flag_writes_the_format_to_a_file() {
    let tree = tree_with_findings();
    let out = tree.rampart(&["scan", "--format", "json", "--output", "out.json", "."]);
    assert!(out.stdout.is_empty());
    let json: Value =
        serde_json::from_slice(&std::fs::read(tree.join("out.json")).unwrap()).unwrap();
    assert_eq!(json["summary"]["findings"], 2);
    let out = tree.rampart(&["scan", "--format", "json", "--format", "sarif", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("only one format can go to stdout"));
}

#[test]
fn table_groups_by_file_and_summarises() {
    let tree = tree_with_findings();
    tree.write("big.txt", vec![b'x'; 3000]);
    let out = tree.rampart(&["scan", "--max-file-size", "2KiB", "."]);
    let text = stdout(&out);
    assert!(!text.contains('\u{1b}'), "no colour when piped: {text:?}");
    let expected_start = "dir with space/é.txt\n  HIGH     1:1      test-token  Test token found: tst_*****\n\nsrc/app.py\n  HIGH     2:10     test-token  Test token found: tst_*****\n";
    assert!(text.starts_with(expected_start), "{text}");
    assert!(
        text.contains("Not scanned:\n  big.txt: not scanned: 2.9 KiB is over the 2.0 KiB limit"),
        "{text}"
    );
    assert!(text.contains("2 findings (2 high) in "), "{text}");
    assert!(text.contains("1 not scanned"), "{text}");
    let clean = Tree::new();
    clean.write("a.txt", "nothing here\n");
    assert!(stdout(&clean.rampart(&["scan", "."])).starts_with("No findings in 1 files"));
}

#[test]
fn json_schema_doc_is_current() {
    let out = rampart_in(std::path::Path::new("."), &["schema"]);
    assert_doc_current("docs/json-schema.json", &stdout(&out), "json_schema_doc");
}

#[test]
fn json_report_validates_against_the_published_schema() {
    let tree = tree_with_findings();
    tree.write("big.txt", vec![b'x'; 3000]);
    tree.write(".rampartignore", "rule:nothing expires=2001-01-01\n");
    let out = tree.rampart(&["scan", "--format", "json", "--max-file-size", "2KiB", "."]);
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["errors"].as_array().unwrap().len(), 1);
    assert_eq!(report["warnings"].as_array().unwrap().len(), 1);
    assert_matches_schema(include_str!("../../../../docs/json-schema.json"), &report);
}

#[test]
fn colours_only_when_forced_and_no_progress_noise_when_piped() {
    let tree = tree_with_findings();
    let plain = tree.rampart(&["scan", "."]);
    assert!(plain.stderr.is_empty(), "stderr: {}", stderr(&plain));
    assert!(!stdout(&plain).contains('\u{1b}'));
    let coloured = std::process::Command::new(env!("CARGO_BIN_EXE_rampart"))
        .args(["scan", "."])
        .current_dir(tree.path())
        .env("CLICOLOR_FORCE", "1")
        .env_remove("NO_COLOR")
        .output()
        .unwrap();
    let text = stdout(&coloured);
    // HIGH is red (SGR 31).
    assert!(text.contains("\u{1b}[31mHIGH"), "{text:?}");
}
