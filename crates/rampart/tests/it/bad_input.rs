//! Hostile and broken input: none of it may abort a scan, hang, or go unreported.

use std::os::unix::fs::{PermissionsExt, symlink};
use std::process::Command;
use std::time::{Duration, Instant};

use crate::support::*;

#[test]
fn invalid_utf8_and_mixed_encodings_are_still_scanned() {
    let tree = Tree::with_test_rule();
    let mut latin1 = b"caf\xe9 = \xff\xfe garbage\n".to_vec();
    latin1.extend_from_slice(format!("key={TOKEN}\n").as_bytes());
    tree.write("latin1.txt", latin1);
    let mut utf16 = Vec::new();
    for unit in "hello".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    tree.write("utf16.txt", utf16); // NUL bytes: binary, skipped and counted
    let (code, report) = tree.scan_json(&[]);
    assert_eq!(code, 0);
    assert_eq!(
        hits(&report),
        vec![("test-token".into(), "latin1.txt".into(), 2)]
    );
    assert_eq!(report["summary"]["skipped"]["binary"], 1);
}

#[test]
fn oversized_files_are_listed_not_read() {
    let tree = Tree::with_test_rule();
    let mut big = vec![b'a'; 2 * 1024 * 1024];
    big.push(b'\n');
    big.extend_from_slice(TOKEN.as_bytes());
    tree.write("huge.txt", big);
    tree.write("small.txt", format!("{TOKEN}\n"));
    let (_, report) = tree.scan_json(&["--max-file-size", "1MiB"]);
    assert_eq!(paths(&report), vec!["small.txt"]);
    assert_eq!(report["errors"][0]["path"], "huge.txt");
    assert_eq!(report["errors"][0]["kind"], "too_large");
    assert!(
        report["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("--max-file-size")
    );
    let (_, report) = tree.scan_json(&["--max-file-size", "3MiB"]);
    assert_eq!(paths(&report), vec!["huge.txt", "small.txt"]);
}

#[test]
fn unreadable_files_become_errors_and_the_rest_is_scanned() {
    let tree = Tree::with_test_rule();
    tree.write("secret-dir/locked.txt", format!("{TOKEN}\n"));
    tree.write("locked.txt", format!("{TOKEN}\n"));
    tree.write("open.txt", format!("{TOKEN}\n"));
    std::fs::set_permissions(tree.join("locked.txt"), PermissionsExt::from_mode(0o000)).unwrap();
    std::fs::set_permissions(tree.join("secret-dir"), PermissionsExt::from_mode(0o000)).unwrap();
    std::fs::set_permissions(tree.path(), PermissionsExt::from_mode(0o755)).unwrap();

    // Root reads everything, so as root run the scan as `nobody` (the binary is copied where
    // nobody may execute it).
    let is_root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| o.stdout == b"0\n")
        .unwrap_or(false);
    let out = if is_root {
        let bin_dir = tempfile::tempdir().unwrap();
        let bin = bin_dir.path().join("rampart");
        std::fs::copy(env!("CARGO_BIN_EXE_rampart"), &bin).unwrap();
        std::fs::set_permissions(bin_dir.path(), PermissionsExt::from_mode(0o755)).unwrap();
        for p in [tree.join("rampart.toml"), tree.join("open.txt")] {
            std::fs::set_permissions(p, PermissionsExt::from_mode(0o644)).unwrap();
        }
        Command::new("setpriv")
            .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
            .arg(&bin)
            .args(["scan", "--format", "json", "--strict", "."])
            .current_dir(tree.path())
            .env("CI", "true")
            .env("RAMPART_DB_DIR", super::support::NO_DATABASE)
            .output()
            .expect("setpriv runs")
    } else {
        tree.rampart(&["scan", "--format", "json", "--strict", "."])
    };
    std::fs::set_permissions(tree.join("secret-dir"), PermissionsExt::from_mode(0o755)).unwrap();
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stderr(&out)));
    assert_eq!(
        out.status.code(),
        Some(3),
        "--strict with unreadable input exits 3"
    );
    assert_eq!(paths(&report), vec!["open.txt"]);
    let errors: Vec<(String, String)> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["path"].as_str().unwrap().into(),
                e["kind"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        errors,
        vec![
            ("locked.txt".to_string(), "permission_denied".to_string()),
            ("secret-dir".to_string(), "permission_denied".to_string()),
        ]
    );
}

#[test]
fn symlink_loops_and_links_do_not_hang_or_duplicate() {
    let tree = Tree::with_test_rule();
    tree.write("real/a.txt", format!("{TOKEN}\n"));
    std::fs::create_dir_all(tree.join("loop")).unwrap();
    symlink(tree.join("loop"), tree.join("loop/self")).unwrap();
    symlink("../real", tree.join("loop/to-real")).unwrap();
    symlink("a.txt", tree.join("real/link.txt")).unwrap();
    symlink("/nonexistent/target", tree.join("dangling")).unwrap();
    let started = Instant::now();
    let (code, report) = tree.scan_json(&[]);
    assert!(started.elapsed() < Duration::from_secs(20));
    assert_eq!(code, 0);
    assert_eq!(paths(&report), vec!["real/a.txt"]);
    assert_eq!(report["summary"]["skipped"]["symlinks"], 4);
}

#[test]
fn fifos_and_sockets_are_never_opened() {
    let tree = Tree::with_test_rule();
    tree.write("a.txt", format!("{TOKEN}\n"));
    let status = Command::new("mkfifo")
        .arg(tree.join("pipe"))
        .status()
        .unwrap();
    assert!(status.success());
    let _socket = std::os::unix::net::UnixListener::bind(tree.join("sock")).unwrap();
    let started = Instant::now();
    let (code, report) = tree.scan_json(&[]);
    assert!(
        started.elapsed() < Duration::from_secs(20),
        "a FIFO was opened and blocked"
    );
    assert_eq!(code, 0);
    assert_eq!(paths(&report), vec!["a.txt"]);
    assert_eq!(report["summary"]["skipped"]["special"], 2);
}

#[test]
fn very_long_lines_scan_in_linear_time() {
    let tree = Tree::with_test_rule();
    // 4 MiB on one line, mostly keyword hits, with the token at the very end.
    let mut line = "tst_ ".repeat(800_000).into_bytes();
    line.extend_from_slice(TOKEN.as_bytes());
    tree.write("minified.js", &line);
    let started = Instant::now();
    let (_, report) = tree.scan_json(&[]);
    let elapsed = started.elapsed();
    assert_eq!(
        hits(&report),
        vec![("test-token".into(), "minified.js".into(), 1)]
    );
    assert!(elapsed < Duration::from_secs(15), "took {elapsed:?}");
    let col = report["findings"][0]["location"]["start_column"]
        .as_u64()
        .unwrap();
    assert_eq!(col, 4_000_001);
}

#[test]
fn a_tree_of_100k_small_files() {
    let tree = Tree::with_test_rule();
    for d in 0..100 {
        let dir = tree.join(&format!("d{d:03}"));
        std::fs::create_dir_all(&dir).unwrap();
        for f in 0..1000 {
            let content = if d == 42 && f == 7 {
                format!("{TOKEN}\n")
            } else {
                format!("file {d} {f}\n")
            };
            std::fs::write(dir.join(format!("f{f:04}.txt")), content).unwrap();
        }
    }
    let (code, report) = tree.scan_json(&[]);
    assert_eq!(code, 0);
    // 100,000 files plus rampart.toml.
    assert_eq!(report["summary"]["files_scanned"], 100_001);
    assert_eq!(paths(&report), vec!["d042/f0007.txt"]);
}

#[test]
fn a_config_that_is_not_toml_fails_with_position() {
    let tree = Tree::new();
    tree.write(
        "rampart.toml",
        "[scan]\nscanners = [\"secret\"\nfail_on = \"high\"\n",
    );
    let out = tree.rampart(&["scan", "."]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("rampart.toml") && err.contains("line 3"),
        "{err}"
    );

    tree.write("rampart.toml", "[scan]\nfail_on = \"sometimes\"\n");
    let err = stderr(&tree.rampart(&["scan", "."]));
    assert!(err.contains("line 2") && err.contains("sometimes"), "{err}");

    tree.write("rampart.toml", "\u{0}\u{1}binary junk");
    assert_eq!(tree.rampart(&["scan", "."]).status.code(), Some(2));

    let bad_rule = TEST_RULE_CONFIG.replace("(?P<secret>tst_", "(?P<secret>tst_(");
    tree.write("rampart.toml", bad_rule);
    let out = tree.rampart(&["scan", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("test-token") && stderr(&out).contains("regex"),
        "{}",
        stderr(&out)
    );
}
