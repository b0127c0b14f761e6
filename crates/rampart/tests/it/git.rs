//! Git history, staged changes and baselines, on repositories the tests build with the `git`
//! command (rampart itself reads them with gitoxide).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use super::support::{TEST_RULE_CONFIG, TOKEN, TOKEN2, Tree, rampart_in, stderr, stdout};

/// Run git in `dir` with a fixed identity and dates, failing the test on error.
fn git(dir: &Path, args: &[&str]) -> String {
    let out = Command::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "Ada Tester")
        .env("GIT_AUTHOR_EMAIL", "ada@example.org")
        .env("GIT_COMMITTER_NAME", "Ada Tester")
        .env("GIT_COMMITTER_EMAIL", "ada@example.org")
        .env("GIT_AUTHOR_DATE", "2026-01-02T03:04:05Z")
        .env("GIT_COMMITTER_DATE", "2026-01-02T03:04:05Z")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// A repository whose (uncommitted, untracked-by-choice) rampart.toml defines the test rule.
fn repo() -> Tree {
    let tree = Tree::new();
    git(tree.path(), &["init", "-q", "-b", "main"]);
    tree.write(".git/info/exclude", "rampart.toml\n");
    tree.write("rampart.toml", TEST_RULE_CONFIG);
    tree
}

fn commit(tree: &Tree, message: &str) -> String {
    git(tree.path(), &["add", "-A"]);
    git(tree.path(), &["commit", "-q", "-m", message]);
    git(tree.path(), &["rev-parse", "HEAD"])
}

fn scan(tree: &Tree, args: &[&str]) -> (i32, Value, String) {
    let mut all = vec!["scan", "--format", "json", "--no-progress"];
    all.extend_from_slice(args);
    let out = rampart_in(tree.path(), &all);
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(&out), stderr(&out)));
    (out.status.code().unwrap_or(-1), report, stderr(&out))
}

fn findings(report: &Value) -> Vec<&Value> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .collect()
}

/// (path, line, commit, present at HEAD) of every finding.
fn history(report: &Value) -> Vec<(String, u64, String, bool)> {
    let mut out: Vec<_> = findings(report)
        .iter()
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap().to_string(),
                f["location"]["start_line"].as_u64().unwrap(),
                f["git"]["commit"].as_str().unwrap_or_default().to_string(),
                f["git"]["present_at_head"].as_bool().unwrap_or(false),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn deleted_and_renamed_secrets_are_found_with_the_commit_that_added_them() {
    let tree = repo();
    tree.write("app.py", "print('hello')\n");
    commit(&tree, "start");
    tree.write("settings.py", format!("DEBUG = True\nTOKEN = '{TOKEN}'\n"));
    tree.write(".env", format!("API={TOKEN2}\n"));
    let added = commit(&tree, "add settings");
    std::fs::remove_file(tree.join(".env")).unwrap();
    commit(&tree, "remove .env");
    git(tree.path(), &["mv", "settings.py", "config.py"]);
    let renamed = commit(&tree, "rename");

    let (code, report, err) = scan(&tree, &["git:."]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(report["target"]["kind"], "git");
    assert_eq!(
        history(&report),
        [
            (".env".to_string(), 1, added.clone(), false),
            ("config.py".to_string(), 2, renamed.clone(), true),
            ("settings.py".to_string(), 2, added.clone(), false),
        ]
    );
    let env = findings(&report)
        .into_iter()
        .find(|f| f["location"]["path"] == ".env")
        .unwrap();
    assert_eq!(env["git"]["author"], "Ada Tester <ada@example.org>");
    assert_eq!(env["git"]["date"], "2026-01-02T03:04:05Z");
    assert_eq!(env["location"]["commit"], added.as_str());
    assert!(!report.to_string().contains(TOKEN), "secrets stay redacted");
    assert!(err.contains("4 commits"), "{err}");

    // The same secret at the same path fingerprints the same from the work tree and history.
    let (_, dir_report, _) = scan(&tree, &["."]);
    let in_dir = findings(&dir_report)[0]["fingerprint"].clone();
    assert!(
        findings(&report).iter().any(|f| f["fingerprint"] == in_dir),
        "{in_dir} not among history fingerprints"
    );

    // Table output names the commit.
    let out = rampart_in(tree.path(), &["scan", "--no-progress", "git:."]);
    let table = stdout(&out);
    assert!(
        table.contains(&format!("added in {}", &added[..10])),
        "{table}"
    );
    assert!(table.contains("not in HEAD (still in history)"), "{table}");
}

/// A file's history packed into long delta chains (so most versions are read as a few new
/// bytes on an earlier version, and the secret scanner builds on what it found there): the
/// history scan finds exactly what scanning a checkout of every commit finds, at the lines
/// of the commit that introduced each secret, and knows which are still in HEAD.
#[test]
fn packed_history_finds_what_a_checkout_of_every_commit_finds() {
    let tree = repo();
    let token = |n: usize| {
        let digits: String = (0..24)
            .map(|i| char::from(b"abcdefghijklmnopqrstuvwxyz0123456789"[(n * 7 + i * 13) % 36]))
            .collect();
        format!("tst_{digits}")
    };
    // The rule's keyword is rare: in the secrets, and in a few lines without a match. An
    // older version is stored as a delta on a newer one, so the keywords of a version that
    // introduced a secret are mostly in the runs it copies.
    let mut lines: Vec<String> = (0..150)
        .map(|i| match i % 60 {
            7 => format!("line {i}: see tst_notes\n"),
            _ => format!("line {i}: nothing to see here, only words\n"),
        })
        .collect();
    let mut commits = Vec::new();
    for version in 0..36 {
        let at = (version * 37) % lines.len();
        match version % 4 {
            0 => lines.insert(at, format!("key_{version} = '{}'\n", token(version))),
            // A secret split over two lines: no match until a later version joins them.
            1 => lines.insert(at, format!("half = '{}\n", &token(version)[..10])),
            // Every other time, a secret goes (it stays in history).
            2 => match lines.iter().position(|l| l.starts_with("key_")) {
                Some(secret) if version % 8 == 6 => {
                    lines.remove(secret);
                }
                _ => {
                    lines.remove(at);
                }
            },
            _ => lines[at] = format!("changed {version}: tst_\n"),
        }
        if version == 20 {
            let joined = lines.iter().position(|l| l.starts_with("half")).unwrap();
            lines[joined] = format!("half = '{}'\n", token(1000));
        }
        tree.write("service/config.py", lines.concat());
        tree.write("copy.py", lines[..40 + version].concat());
        commits.push(commit(&tree, &format!("version {version}")));
    }
    git(
        tree.path(),
        &["repack", "-adfq", "--depth=50", "--window=50"],
    );
    let packed = git(tree.path(), &["count-objects", "-v"]);
    assert!(packed.contains("count: 0"), "{packed}");

    let (code, report, err) = scan(&tree, &["--no-cache", "git:."]);
    assert_eq!(code, 0, "{err}");
    let mut from_history: Vec<(String, u64, String, bool)> = findings(&report)
        .iter()
        .map(|f| {
            (
                f["fingerprint"].as_str().unwrap().to_string(),
                f["location"]["start_line"].as_u64().unwrap(),
                f["git"]["commit"].as_str().unwrap().to_string(),
                f["git"]["present_at_head"].as_bool().unwrap(),
            )
        })
        .collect();
    from_history.sort();

    // Each commit checked out and scanned as a directory: the first commit a fingerprint
    // shows up in, its line there, and whether the last commit has it.
    let mut first_seen: std::collections::BTreeMap<String, (u64, String)> = Default::default();
    let mut at_head = std::collections::BTreeSet::new();
    for (n, id) in commits.iter().enumerate() {
        git(tree.path(), &["checkout", "-q", id]);
        let (_, dir_report, err) = scan(&tree, &["--no-cache", "."]);
        for f in findings(&dir_report) {
            let fingerprint = f["fingerprint"].as_str().unwrap().to_string();
            let line = f["location"]["start_line"].as_u64().unwrap();
            first_seen
                .entry(fingerprint.clone())
                .or_insert((line, id.clone()));
            if n + 1 == commits.len() {
                at_head.insert(fingerprint);
            }
        }
        assert!(err.is_empty() || !err.contains("error"), "{err}");
    }
    git(tree.path(), &["checkout", "-q", "main"]);
    let mut from_checkouts: Vec<(String, u64, String, bool)> = first_seen
        .into_iter()
        .map(|(fingerprint, (line, id))| {
            let head = at_head.contains(&fingerprint);
            (fingerprint, line, id, head)
        })
        .collect();
    from_checkouts.sort();
    // Secrets at two paths (`copy.py` holds the first lines only, so not all of them), some
    // removed before the last commit.
    assert!(from_checkouts.len() > 10, "{from_checkouts:?}");
    assert!(from_checkouts.iter().any(|f| f.3) && from_checkouts.iter().any(|f| !f.3));
    assert_eq!(from_history, from_checkouts);
}

#[test]
fn ref_selection_branch_since_and_max_commits() {
    let tree = repo();
    tree.write("a.txt", "nothing\n");
    let base = commit(&tree, "base");
    git(tree.path(), &["checkout", "-q", "-b", "side"]);
    tree.write("side.env", format!("T={TOKEN}\n"));
    commit(&tree, "side secret");
    git(tree.path(), &["checkout", "-q", "main"]);
    tree.write("main.env", format!("T={TOKEN2}\n"));
    commit(&tree, "main secret");
    tree.write("b.txt", "more\n");
    commit(&tree, "later");

    let paths =
        |report: &Value| -> Vec<String> { history(report).into_iter().map(|h| h.0).collect() };
    let (_, all, _) = scan(&tree, &["git:."]);
    assert_eq!(paths(&all), ["main.env", "side.env"], "all refs by default");
    let (_, main, _) = scan(&tree, &["--branch", "main", "git:."]);
    assert_eq!(paths(&main), ["main.env"]);
    let (_, since, _) = scan(&tree, &["--branch", "side", "--since", &base, "git:."]);
    assert_eq!(paths(&since), ["side.env"]);
    let (_, newest, _) = scan(&tree, &["--branch", "main", "--max-commits", "1", "git:."]);
    assert!(
        paths(&newest).is_empty(),
        "only `later`, which adds no secret"
    );
    let (_, flag, _) = scan(&tree, &["--git-history", "--all-refs", "."]);
    assert_eq!(paths(&flag), ["main.env", "side.env"]);

    let out = rampart_in(tree.path(), &["scan", "--branch", "nope", "git:."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("`nope` does not name"),
        "{}",
        stderr(&out)
    );
    let out = rampart_in(tree.path(), &["scan", "--branch", "main", "."]);
    assert_eq!(out.status.code(), Some(2), "--branch needs history mode");
    let out = rampart_in(tree.path(), &["scan", "--scanners", "license", "git:."]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_second_run_reads_only_new_blobs() {
    let tree = repo();
    for i in 0..5 {
        tree.write(&format!("f{i}.txt"), format!("file {i}\n"));
        commit(&tree, &format!("c{i}"));
    }
    tree.write("s.env", format!("T={TOKEN}\n"));
    commit(&tree, "secret");
    let (_, first, err) = scan(&tree, &["git:."]);
    assert!(err.contains("(0 from the cache)"), "{err}");
    // Nothing moved: the stored result is re-reported without reading the repository.
    let (_, second, err) = scan(&tree, &["git:."]);
    assert!(
        err.contains("6 unique blobs (6 from the cache; no ref has moved since the last scan)"),
        "{err}"
    );
    assert_eq!(history(&first), history(&second));
    assert_eq!(first["findings"], second["findings"]);
    // Whole secrets are never stored: --show-secrets reads the blobs with findings again.
    let (_, shown, err) = scan(&tree, &["--show-secrets", "git:."]);
    assert!(!err.contains("no ref has moved"), "{err}");
    assert_eq!(history(&shown), history(&first));
    tree.write("t.env", format!("T={TOKEN2}\n"));
    commit(&tree, "another");
    let (_, third, err) = scan(&tree, &["git:."]);
    assert!(err.contains("7 unique blobs (6 from the cache)"), "{err}");
    assert_eq!(history(&third).len(), 2);
    // A branch moved back is a different state again: planned, not re-reported.
    git(tree.path(), &["reset", "-q", "--hard", "HEAD~1"]);
    let (_, back, err) = scan(&tree, &["git:."]);
    assert!(err.contains("6 unique blobs (6 from the cache)"), "{err}");
    assert!(!err.contains("no ref has moved"), "{err}");
    assert_eq!(history(&back), history(&first));
    // Other options select other history: not the stored result either.
    let (_, _, err) = scan(&tree, &["--max-commits", "2", "git:."]);
    assert!(!err.contains("no ref has moved"), "{err}");
    let (_, _, err) = scan(&tree, &["--no-cache", "git:."]);
    assert!(err.contains("(0 from the cache)"), "{err}");
}

#[test]
fn staged_scans_report_only_what_the_commit_adds() {
    let tree = repo();
    tree.write("old.py", format!("A = '{TOKEN}'\n"));
    commit(&tree, "old secret, already committed");
    tree.write("old.py", format!("A = '{TOKEN}'\nB = '{TOKEN2}'\n"));
    tree.write("untracked.env", format!("C={TOKEN2}\n"));
    git(tree.path(), &["add", "old.py"]);
    // Changed after staging: the staged content is what counts.
    tree.write("old.py", "nothing here now\n");

    let (code, report, err) = scan(&tree, &["--staged", "--fail-on", "low"]);
    assert_eq!(code, 1, "{err}");
    let hits: Vec<(String, u64)> = findings(&report)
        .iter()
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap().to_string(),
                f["location"]["start_line"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        hits,
        [("old.py".to_string(), 2)],
        "line 1 was already in HEAD"
    );
    assert_eq!(report["target"]["kind"], "git-staged");

    git(tree.path(), &["reset", "-q"]);
    let (code, report, _) = scan(&tree, &["--staged", "--fail-on", "low"]);
    assert_eq!(code, 0);
    assert!(findings(&report).is_empty());
}

#[test]
fn baselines_hide_known_findings_and_survive_line_moves() {
    let tree = repo();
    tree.write("a.py", format!("X = '{TOKEN}'\n"));
    let out = rampart_in(
        tree.path(),
        &["baseline", "create", "--output", "base.json", "."],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("1 finding(s) written"),
        "{}",
        stdout(&out)
    );
    let base: Value =
        serde_json::from_str(&std::fs::read_to_string(tree.join("base.json")).unwrap()).unwrap();
    assert_eq!(base["findings"].as_array().unwrap().len(), 1);
    assert!(!base.to_string().contains(TOKEN));

    let (code, report, _) = scan(&tree, &["--baseline", "base.json", "--fail-on", "low", "."]);
    assert_eq!(code, 0);
    assert!(findings(&report).is_empty());
    assert_eq!(report["summary"]["suppressed"], 1);

    // Lines above it move it; a new secret on the same line is new.
    tree.write(
        "a.py",
        format!("# header\n\nX = '{TOKEN}'; Y = '{TOKEN2}'\n"),
    );
    let (code, report, _) = scan(&tree, &["--baseline", "base.json", "--fail-on", "low", "."]);
    assert_eq!(code, 1);
    let lines: Vec<u64> = findings(&report)
        .iter()
        .map(|f| f["location"]["start_column"].as_u64().unwrap())
        .collect();
    assert_eq!(lines.len(), 1, "only the new secret: {report:#}");

    tree.write("bad.json", "{}");
    let out = rampart_in(tree.path(), &["scan", "--baseline", "bad.json", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("not a rampart baseline"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn show_secrets_is_the_only_way_to_see_a_whole_secret() {
    let tree = repo();
    tree.write("a.py", format!("X = '{TOKEN}'\n"));
    commit(&tree, "secret");
    for target in [".", "git:."] {
        let (_, hidden, _) = scan(&tree, &[target]);
        assert!(!hidden.to_string().contains(TOKEN), "{target}");
        let (_, shown, _) = scan(&tree, &["--show-secrets", target]);
        assert_eq!(findings(&shown)[0]["secret"], TOKEN, "{target}");
        let out = rampart_in(tree.path(), &["scan", "--no-progress", target]);
        assert!(!stdout(&out).contains(TOKEN));
        let out = rampart_in(
            tree.path(),
            &["scan", "--no-progress", "--show-secrets", target],
        );
        assert!(stdout(&out).contains(TOKEN), "{target}: {}", stdout(&out));
    }
}

#[test]
fn repositories_in_odd_states() {
    // Not a repository.
    let plain = Tree::new();
    let out = rampart_in(plain.path(), &["scan", "git:."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("is not a git repository"),
        "{}",
        stderr(&out)
    );

    let tree = repo();
    tree.write("a.env", format!("T={TOKEN}\n"));
    commit(&tree, "one");
    tree.write("b.txt", "two\n");
    commit(&tree, "two");
    tree.write("c.txt", "three\n");
    commit(&tree, "three");

    // Bare clone: same history.
    let bare = Tree::new();
    git(
        bare.path(),
        &[
            "clone",
            "-q",
            "--bare",
            tree.path().to_str().unwrap(),
            "repo.git",
        ],
    );
    bare.write("rampart.toml", TEST_RULE_CONFIG);
    let out = rampart_in(
        bare.path(),
        &[
            "scan",
            "-f",
            "json",
            "--config",
            "rampart.toml",
            "git:repo.git",
        ],
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(findings(&report).len(), 1, "{}", stderr(&out));

    // Shallow clone: what exists is scanned, and the report says history is missing.
    let shallow = Tree::new();
    let url = format!("file://{}", tree.path().display());
    git(
        shallow.path(),
        &["clone", "-q", "--depth", "1", &url, "repo"],
    );
    shallow.write("rampart.toml", TEST_RULE_CONFIG);
    let out = rampart_in(
        shallow.path(),
        &[
            "scan",
            "-f",
            "json",
            "--strict",
            "--config",
            "rampart.toml",
            "git:repo",
        ],
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        out.status.code(),
        Some(3),
        "incomplete history fails --strict"
    );
    assert_eq!(
        findings(&report).len(),
        1,
        "a.env is in the shallow tip's tree"
    );
    assert!(
        report["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["message"].as_str().unwrap().contains("shallow clone")),
        "{report:#}"
    );

    // A missing object: deleted loose blob. The rest is scanned; the blob is an error.
    let damaged = repo();
    damaged.write("keep.env", format!("T={TOKEN}\n"));
    damaged.write("lost.env", format!("T={TOKEN2}\n"));
    commit(&damaged, "two files");
    let lost = git(damaged.path(), &["rev-parse", "HEAD:lost.env"]);
    std::fs::remove_file(damaged.join(&format!(".git/objects/{}/{}", &lost[..2], &lost[2..])))
        .unwrap();
    let (code, report, err) = scan(&damaged, &["--strict", "git:."]);
    assert_eq!(code, 3, "{err}");
    assert_eq!(history(&report).len(), 1);
    let errors = report["errors"].as_array().unwrap();
    assert!(
        errors
            .iter()
            .any(|e| e["path"].as_str().unwrap().contains("lost.env")),
        "{errors:#?}"
    );

    // A corrupt loose object: same, named.
    let corrupt = repo();
    corrupt.write("keep.env", format!("T={TOKEN}\n"));
    corrupt.write("bad.env", format!("T={TOKEN2}\n"));
    commit(&corrupt, "two files");
    let bad = git(corrupt.path(), &["rev-parse", "HEAD:bad.env"]);
    let object = corrupt.join(&format!(".git/objects/{}/{}", &bad[..2], &bad[2..]));
    let mut perms = std::fs::metadata(&object).unwrap().permissions();
    #[allow(clippy::permissions_set_readonly_false)]
    perms.set_readonly(false);
    std::fs::set_permissions(&object, perms).unwrap();
    std::fs::write(&object, b"definitely not zlib").unwrap();
    let (code, report, err) = scan(&corrupt, &["--strict", "git:."]);
    assert_eq!(code, 3, "{err}");
    assert_eq!(history(&report).len(), 1);

    // A damaged tree object: reported where the damage starts; the entries before it and
    // the rest of the history are scanned.
    let broken = repo();
    broken.write("keep.env", format!("T={TOKEN}\n"));
    let parent = commit(&broken, "good");
    let raw_id = |hex: &str| -> Vec<u8> {
        (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect()
    };
    broken.write("first.txt", format!("T={TOKEN2}\n"));
    let first = git(broken.path(), &["hash-object", "-w", "first.txt"]);
    let mut damaged_tree = b"100644 first.env\0".to_vec();
    damaged_tree.extend(raw_id(&first));
    damaged_tree.extend_from_slice(b"100644 second.env\0cut");
    // Tree objects written as given, unchecked.
    let write_tree = |name: &str, content: &[u8]| {
        std::fs::write(broken.join(name), content).unwrap();
        git(
            broken.path(),
            &["hash-object", "-t", "tree", "--literally", "-w", name],
        )
    };
    let damaged_id = write_tree("damaged.tree", &damaged_tree);
    let keep = git(broken.path(), &["rev-parse", "HEAD:keep.env"]);
    let mut root = b"40000 bad\0".to_vec();
    root.extend(raw_id(&damaged_id));
    root.extend_from_slice(b"100644 keep.env\0");
    root.extend(raw_id(&keep));
    let root_id = write_tree("root.tree", &root);
    let top = git(
        broken.path(),
        &["commit-tree", &root_id, "-p", &parent, "-m", "damaged"],
    );
    git(broken.path(), &["update-ref", "refs/heads/main", &top]);
    let (code, report, err) = scan(&broken, &["--strict", "git:."]);
    assert_eq!(code, 3, "{err}");
    let messages: Vec<&str> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["message"].as_str().unwrap())
        .collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains(&format!("damaged tree {damaged_id} (under `bad`)"))),
        "{messages:#?}"
    );
    let paths: Vec<String> = history(&report).into_iter().map(|h| h.0).collect();
    assert_eq!(paths.len(), 2, "{paths:?}");
    assert!(paths.iter().any(|p| p == "keep.env"), "{paths:?}");
    assert!(paths.iter().any(|p| p == "bad/first.env"), "{paths:?}");

    // A ref file that does not parse: the other refs are scanned, and a rerun over the same
    // state still re-reports the stored result.
    let odd_ref = repo();
    odd_ref.write("keep.env", format!("T={TOKEN}\n"));
    commit(&odd_ref, "one");
    odd_ref.write(".git/refs/heads/garbled", "not an object id\n");
    let (_, report, err) = scan(&odd_ref, &["git:."]);
    assert_eq!(history(&report).len(), 1, "{err}");
    let (_, again, err) = scan(&odd_ref, &["git:."]);
    assert!(err.contains("no ref has moved"), "{err}");
    assert_eq!(history(&again), history(&report));

    // A huge blob is not read; a submodule is reported, not followed.
    let big = repo();
    big.write("big.bin", vec![b'a'; 3 << 20]);
    git(
        big.path(),
        &[
            "-c",
            "protocol.file.allow=always",
            "submodule",
            "add",
            "-q",
            tree.path().to_str().unwrap(),
            "vendor/sub",
        ],
    );
    commit(&big, "big and sub");
    let (_, report, err) = scan(&big, &["--max-file-size", "1MiB", "git:."]);
    assert!(
        report["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "too_large" && e["path"].as_str().unwrap().contains("big.bin")),
        "{report:#} {err}"
    );
    assert!(
        report["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().contains("submodule `vendor/sub`")),
        "{report:#}"
    );
    assert!(
        history(&report).is_empty(),
        "the submodule's secret is not followed"
    );
}

#[test]
fn gitleaks_configs_are_imported_with_warnings_for_what_does_not_translate() {
    let tree = Tree::new();
    tree.write(
        ".gitleaks.toml",
        r#"
title = "team rules"

[extend]
useDefault = true

[[rules]]
id = "acme-api-key"
description = "ACME API key"
regex = '''acme_key\s*=\s*["']?(ak_[0-9a-z]{24})'''
secretGroup = 1
keywords = ["acme_key"]

[[rules.allowlists]]
stopwords = ["ak_000000000000000000000000"]

[[rules]]
id = "needs-perl"
description = "Uses a construct Rust's regex does not have"
regex = '''(?=lookahead)secret'''

[allowlist]
paths = ['''fixtures/''']
"#,
    );
    tree.write("app.py", "acme_key = 'ak_k2j4h6g8f0d2s4a6p8o0i2u4'\n");
    tree.write(
        "fixtures/app.py",
        "acme_key = 'ak_q1w2e3r4t5y6u7i8o9p0a1s2'\n",
    );
    tree.write("stop.py", "acme_key = 'ak_000000000000000000000000'\n");
    tree.write("aws.txt", "aws_access_key_id = AKIAQWERTYUIOPASDFGH\n");
    let (code, report, err) = scan(&tree, &["--scanners", "secret", "."]);
    assert_eq!(code, 0, "{err}");
    let hits: Vec<(String, String)> = findings(&report)
        .iter()
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap().to_string(),
                f["rule_id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        hits.contains(&("app.py".into(), "acme-api-key".into())),
        "{hits:?}"
    );
    assert!(
        !hits.iter().any(|h| h.0.starts_with("fixtures/")),
        "global path allowlist: {hits:?}"
    );
    assert!(!hits.iter().any(|h| h.0 == "stop.py"), "stopword: {hits:?}");
    assert!(
        hits.iter().any(|h| h.0 == "aws.txt"),
        "useDefault keeps built-ins: {hits:?}"
    );
    assert!(
        err.contains("needs-perl"),
        "untranslatable regex is named: {err}"
    );
    assert!(
        report["warnings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|w| w.as_str().unwrap().contains("needs-perl"))
    );

    // Without useDefault, gitleaks runs only the config's rules, and so does rampart.
    let text = std::fs::read_to_string(tree.join(".gitleaks.toml")).unwrap();
    tree.write(
        "only.toml",
        text.replace("useDefault = true", "useDefault = false"),
    );
    let (_, report, err) = scan(&tree, &["--gitleaks-config", "only.toml", "."]);
    assert!(err.contains("only its rules run"), "{err}");
    assert!(
        findings(&report)
            .iter()
            .all(|f| f["rule_id"] == "acme-api-key"),
        "{:#}",
        report["findings"]
    );

    tree.write("broken.toml", "[[rules]\nid = 1");
    let out = rampart_in(
        tree.path(),
        &["scan", "--gitleaks-config", "broken.toml", "."],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("broken.toml"), "{}", stderr(&out));
}

/// docs/gitleaks.md is the importer's module documentation, so the two cannot drift.
#[test]
fn gitleaks_doc_is_current() {
    let source = include_str!("../../../rampart-secrets/src/gitleaks.rs");
    let mut doc = String::from(
        "# Importing gitleaks configurations\n\n<!-- Generated from crates/rampart-secrets/src/gitleaks.rs; do not edit. -->\n\n`rampart scan --gitleaks-config FILE` (or `[secret] gitleaks = \"FILE\"` in rampart.toml, or a\n`.gitleaks.toml` in the target root) imports a gitleaks configuration. Every item listed\nbelow as not translating produces a warning at run time, naming the file, the rule and the\nfield.\n\n",
    );
    for line in source.lines() {
        let Some(text) = line.strip_prefix("//!") else {
            break;
        };
        let text = text.strip_prefix(' ').unwrap_or(text);
        // Rustdoc links read as plain code in Markdown.
        let text = text
            .replace(
                "[`crate::SecretScanner::with_gitleaks_allow`]",
                "`--gitleaks-config`",
            )
            .replace("[`GitleaksImport::use_default`]", "`use_default`")
            .replace("[`Allowlist`]", "allowlist");
        if text.starts_with("# ") {
            doc.push('#');
        }
        doc.push_str(text.trim_end());
        doc.push('\n');
    }
    super::support::assert_doc_current("docs/gitleaks.md", &doc, "gitleaks_doc_is_current");
}
