//! What a scan of a directory covers, and the gate.

use crate::support::*;

#[test]
fn scans_hidden_files_skips_vcs_internals_and_honours_ignore_files() {
    let tree = Tree::with_test_rule();
    tree.write(".env", format!("API_TOKEN={TOKEN}\n"));
    tree.write(".aws/credentials", format!("x = {TOKEN}\n"));
    tree.write(".git/config", format!("token = {TOKEN}\n"));
    tree.write(".hg/store", format!("token = {TOKEN}\n"));
    tree.write(".gitignore", "build/\n");
    tree.write("build/out.txt", format!("{TOKEN}\n"));
    tree.write(".rampartignore", "vendor/\n*.log\n");
    tree.write("vendor/lib.js", format!("{TOKEN}\n"));
    tree.write("logs/app.log", format!("{TOKEN}\n"));
    tree.write("src/main.py", format!("\n\nkey = '{TOKEN}'\n"));
    let (code, report) = tree.scan_json(&[]);
    assert_eq!(code, 0, "no --fail-on, so exit 0: {report}");
    assert_eq!(
        paths(&report),
        vec![".aws/credentials", ".env", "src/main.py"],
        "{report:#}"
    );
    let main = hits(&report)
        .into_iter()
        .find(|h| h.1 == "src/main.py")
        .unwrap();
    assert_eq!(main.2, 3);
}

#[test]
fn no_gitignore_flag_scans_gitignored_files() {
    let tree = Tree::with_test_rule();
    tree.write(".gitignore", "build/\n");
    tree.write("build/out.txt", format!("{TOKEN}\n"));
    let (_, report) = tree.scan_json(&["--no-gitignore"]);
    assert_eq!(paths(&report), vec!["build/out.txt"]);
}

#[test]
fn gate_exit_codes_follow_fail_on_and_strict() {
    let tree = Tree::with_test_rule();
    tree.write("a.txt", format!("{TOKEN}\n"));
    let code = |args: &[&str]| tree.rampart(args).status.code();
    assert_eq!(code(&["scan", "."]), Some(0));
    assert_eq!(code(&["scan", "--fail-on", "high", "."]), Some(1));
    assert_eq!(code(&["scan", "--fail-on", "medium", "."]), Some(1));
    assert_eq!(code(&["scan", "--fail-on", "critical", "."]), Some(0));
    assert_eq!(code(&["scan", "--fail-on", "severe", "."]), Some(2));

    tree.write("big.txt", vec![b'a'; 4096]);
    assert_eq!(code(&["scan", "--max-file-size", "1KiB", "."]), Some(0));
    assert_eq!(
        code(&["scan", "--max-file-size", "1KiB", "--strict", "."]),
        Some(3)
    );
    // Findings over the threshold are reported first; the incomplete scan still shows in output.
    assert_eq!(
        code(&[
            "scan",
            "--max-file-size",
            "1KiB",
            "--strict",
            "--fail-on",
            "high",
            "."
        ]),
        Some(1)
    );
}

#[test]
fn severity_filter_hides_and_counts_other_severities() {
    let tree = Tree::with_test_rule();
    tree.write("a.txt", format!("{TOKEN}\n"));
    let (_, report) = tree.scan_json(&["--severity", "critical,medium"]);
    assert_eq!(report["findings"].as_array().unwrap().len(), 0);
    assert_eq!(report["summary"]["filtered"], 1);
    let (_, report) = tree.scan_json(&["--severity", "high"]);
    assert_eq!(report["findings"].as_array().unwrap().len(), 1);
}

#[test]
fn config_sets_defaults_that_flags_override() {
    let tree = Tree::with_test_rule();
    let config = format!("{TEST_RULE_CONFIG}\n[scan]\nfail_on = \"high\"\n");
    tree.write("rampart.toml", config);
    tree.write("a.txt", format!("{TOKEN}\n"));
    assert_eq!(tree.rampart(&["scan", "."]).status.code(), Some(1));
    assert_eq!(
        tree.rampart(&["scan", "--fail-on", "critical", "."])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn explicit_config_file_and_disabled_rules() {
    let tree = Tree::new();
    tree.write(
        "conf/custom.toml",
        format!("{TEST_RULE_CONFIG}\n[secret]\ndisable = []\n"),
    );
    tree.write("a.txt", format!("{TOKEN}\n"));
    let (_, report) = tree.scan_json(&["--config", "conf/custom.toml"]);
    assert_eq!(paths(&report), vec!["a.txt"]);
    // The config file itself holds no token, so it is not a finding.
    tree.write(
        "conf/off.toml",
        format!("{TEST_RULE_CONFIG}\n[secret]\ndisable = [\"test-token\"]\n"),
    );
    let (_, report) = tree.scan_json(&["--config", "conf/off.toml"]);
    assert!(paths(&report).is_empty(), "{report:#}");
}

#[test]
fn dir_scheme_and_single_file_targets() {
    let tree = Tree::with_test_rule();
    tree.write("sub/a.txt", format!("{TOKEN}\n"));
    let out = tree.rampart(&["scan", "--format", "json", "dir:sub"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // `rampart.toml` is looked up in the target root, which is `sub`: no test rule there.
    assert_eq!(report["target"]["kind"], "dir");
    assert_eq!(report["target"]["name"], "sub");
    let out = tree.rampart(&[
        "scan",
        "--format",
        "json",
        "--config",
        "rampart.toml",
        "sub/a.txt",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(paths(&report), vec!["a.txt"], "{report:#}");
}

#[test]
fn usage_errors_exit_2_with_a_useful_message() {
    let tree = Tree::new();
    let out = tree.rampart(&["scan", "missing-dir"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`missing-dir` does not exist"),
        "{}",
        stderr(&out)
    );
    let out = tree.rampart(&["scan", "--scanners", "bogus", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown scanner `bogus`"),
        "{}",
        stderr(&out)
    );
    let out = tree.rampart(&["scan", "--scanners", "malware", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not available in this version"),
        "{}",
        stderr(&out)
    );
    let out = tree.rampart(&["scan", "image:alpine"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not supported yet"),
        "{}",
        stderr(&out)
    );
    let out = tree.rampart(&["scan", "--format", "xml", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("unknown format `xml`"),
        "{}",
        stderr(&out)
    );
}
