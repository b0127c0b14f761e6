//! Vulnerability scanning end to end: `db import` of real advisories, matching every
//! ecosystem's lockfiles and the OS package database, and what happens without a database,
//! with a stale or damaged one, with VEX, EPSS and KEV.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

use super::support::{Tree, assert_matches_schema, stderr, stdout};

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Run rampart with an explicit database directory.
fn rampart_db(dir: &Path, db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_rampart"))
        .args(args)
        .current_dir(dir)
        .env("CI", "true")
        .env("RAMPART_DB_DIR", db)
        .env_remove("SOURCE_DATE_EPOCH")
        .output()
        .expect("run rampart")
}

/// A database built from the fixture advisories.
fn fixture_db() -> tempfile::TempDir {
    let db = tempfile::tempdir().unwrap();
    let osv = fixtures().join("vuln/osv");
    let out = rampart_db(
        db.path(),
        db.path(),
        &["db", "import", osv.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    db
}

/// The fixture project: Cargo.lock, requirements.txt, go.mod and a Debian 12 rootfs.
fn project() -> Tree {
    let tree = Tree::new();
    let fx = fixtures();
    let read = |rel: &str| std::fs::read(fx.join(rel)).unwrap();
    tree.write("Cargo.lock", read("vuln/project/Cargo.lock"));
    tree.write(
        "py/requirements.txt",
        read("vuln/project/py/requirements.txt"),
    );
    tree.write("go/go.mod", read("vuln/project/go/go.mod"));
    tree.write("rootfs/var/lib/dpkg/status", read("rootfs/dpkg-status"));
    tree.write("rootfs/etc/os-release", read("rootfs/os-release"));
    tree
}

fn scan(tree: &Tree, db: &Path, extra: &[&str]) -> (i32, Value, Output) {
    let mut args = vec!["scan", "--format", "json"];
    args.extend_from_slice(extra);
    args.push(".");
    let out = rampart_db(tree.path(), db, &args);
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}\n{}", stdout(&out), stderr(&out)));
    (out.status.code().unwrap_or(-1), report, out)
}

fn findings(report: &Value) -> &Vec<Value> {
    report["findings"].as_array().expect("findings")
}

fn find<'a>(report: &'a Value, rule: &str) -> &'a Value {
    findings(report)
        .iter()
        .find(|f| f["rule_id"] == rule)
        .unwrap_or_else(|| panic!("no {rule} in {:#}", report["findings"]))
}

fn ids(report: &Value) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = findings(report)
        .iter()
        .filter(|f| f["kind"] == "vulnerability")
        .map(|f| {
            (
                f["location"]["path"].as_str().unwrap().to_string(),
                f["rule_id"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_ecosystem_is_matched_with_its_own_version_rules() {
    let db = fixture_db();
    let tree = project();
    let (code, report, _) = scan(&tree, db.path(), &["--scanners", "vuln"]);
    assert_eq!(code, 0);
    let expected = [
        ("Cargo.lock", "CVE-2020-26235"),      // time 0.1.43
        ("Cargo.lock", "CVE-2021-25900"),      // smallvec 1.6.0
        ("Cargo.lock", "GHSA-mc8h-8q98-g5hr"), // remove_dir_all 0.5.3, via tempdir
        ("Cargo.lock", "RUSTSEC-2018-0015"),   // term: unmaintained
        ("Cargo.lock", "RUSTSEC-2018-0017"),   // tempdir: unmaintained
        ("go/go.mod", "CVE-2020-14040"),       // golang.org/x/text v0.3.2
        ("go/go.mod", "CVE-2021-38561"),
        ("py/requirements.txt", "CVE-2018-18074"), // requests 2.19.0
        ("py/requirements.txt", "CVE-2019-10906"), // Jinja2 2.10 (PEP 503 name)
        ("py/requirements.txt", "CVE-2021-42343"), // distributed, two PYSEC records merged
        ("py/requirements.txt", "CVE-2023-32681"),
        ("rootfs/var/lib/dpkg/status", "TEST-DEBIAN-0001"), // libc6 via source glibc
        ("rootfs/var/lib/dpkg/status", "TEST-DEBIAN-0004"), // zlib listed version
    ];
    let expected: Vec<(String, String)> = expected
        .iter()
        .map(|(p, r)| (p.to_string(), r.to_string()))
        .collect();
    // Absent on purpose: dirs (withdrawn advisory), requests' 2014/2015 advisories (fixed
    // before 2.19.0), tar (fixed in the installed revision), glibc for Debian 11.
    assert_eq!(ids(&report), expected);
    assert_eq!(report["scanners"], serde_json::json!(["vuln"]));
    assert_matches_schema(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/json-schema.json"),
        )
        .unwrap(),
        &report,
    );

    let smallvec = find(&report, "CVE-2021-25900");
    assert_eq!(
        smallvec["severity"], "critical",
        "CVSS 3.1 9.8 scored by us"
    );
    assert_eq!(smallvec["fixed_version"], "1.6.1");
    assert_eq!(
        smallvec["aliases"],
        serde_json::json!(["GHSA-43w2-9j62-hq99", "RUSTSEC-2021-0003"])
    );
    assert_eq!(smallvec["package"]["purl"], "pkg:cargo/smallvec@1.6.0");
    let cvss = &smallvec["vulnerability"]["cvss"][0];
    assert_eq!(cvss["version"], "3.1");
    assert_eq!(cvss["score"], 9.8);
    assert_eq!(smallvec["vulnerability"]["severity_source"], "cvss_v3");

    let remove_dir_all = find(&report, "GHSA-mc8h-8q98-g5hr");
    assert_eq!(
        remove_dir_all["vulnerability"]["dependency_path"],
        serde_json::json!(["pkg:cargo/tempdir@0.3.7", "pkg:cargo/remove_dir_all@0.5.3"])
    );
    assert!(
        remove_dir_all["message"]
            .as_str()
            .unwrap()
            .contains("pulled in by pkg:cargo/tempdir@0.3.7")
    );

    let time = find(&report, "CVE-2020-26235");
    assert_eq!(
        time["fixed_version"], "0.2.0",
        "0.1.43 < 0.2.0: the lowest fix above it"
    );
    assert_eq!(
        time["vulnerability"]["dependency_path"],
        Value::Null,
        "a direct dependency has no path"
    );

    let term = find(&report, "RUSTSEC-2018-0015");
    assert_eq!(term["severity"], "low");
    assert!(
        term["title"]
            .as_str()
            .unwrap()
            .starts_with("[unmaintained]")
    );
    assert_eq!(
        find(&report, "RUSTSEC-2018-0017")["fixed_version"],
        Value::Null
    );

    let distributed = find(&report, "CVE-2021-42343");
    let aliases = distributed["aliases"].as_array().unwrap();
    for id in ["PYSEC-2021-871", "PYSEC-2021-872", "GHSA-j8fq-86c5-5v2r"] {
        assert!(aliases.iter().any(|a| a == id), "{id} merged: {aliases:?}");
    }
    assert_eq!(distributed["severity"], "medium");
    assert_eq!(distributed["vulnerability"]["severity_source"], "unrated");

    let jinja = find(&report, "CVE-2019-10906");
    assert_eq!(jinja["package"]["name"], "Jinja2");
    assert_eq!(jinja["fixed_version"], "2.10.1");

    let text = find(&report, "CVE-2020-14040");
    assert_eq!(text["package"]["version"], "v0.3.2");
    assert_eq!(text["fixed_version"], "0.3.3");

    let glibc = find(&report, "TEST-DEBIAN-0001");
    assert_eq!(glibc["package"]["name"], "libc6");
    assert_eq!(glibc["package"]["ecosystem"], "Debian:12");
    assert_eq!(glibc["fixed_version"], "2.36-9+deb12u15");
    assert_eq!(find(&report, "TEST-DEBIAN-0004")["severity"], "critical");
}

#[test]
fn reports_in_every_format_carry_vulnerabilities() {
    let db = fixture_db();
    let tree = project();
    let out = rampart_db(
        tree.path(),
        db.path(),
        &["scan", "--scanners", "vuln", "--no-progress", "."],
    );
    let table = stdout(&out);
    assert!(table.contains("CVE-2021-25900"), "{table}");
    assert!(table.contains("fixed in 1.6.1"), "{table}");
    let out = rampart_db(
        tree.path(),
        db.path(),
        &["scan", "--scanners", "vuln", "-f", "sarif", "."],
    );
    let sarif: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_matches_schema(include_str!("../fixtures/sarif-schema-2.1.0.json"), &sarif);
    let results = sarif["runs"][0]["results"].as_array().unwrap();
    assert!(results.iter().any(|r| r["ruleId"] == "CVE-2021-25900"));
    let rules = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let smallvec = rules.iter().find(|r| r["id"] == "CVE-2021-25900").unwrap();
    assert_eq!(smallvec["properties"]["security-severity"], "9.8");
    assert!(
        smallvec["helpUri"]
            .as_str()
            .unwrap()
            .starts_with("https://osv.dev/")
    );
}

#[test]
fn without_a_database_the_scan_says_so_and_strict_fails() {
    let tree = project();
    let missing = tree.join("no-such-db");
    let (code, report, out) = scan(&tree, &missing, &[]);
    assert_eq!(code, 0, "a default scan still runs the other scanners");
    assert!(
        stderr(&out).contains("vulnerabilities were NOT checked"),
        "{}",
        stderr(&out)
    );
    assert!(stderr(&out).contains("rampart db update"));
    assert!(
        !report["scanners"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s == "vuln"),
        "the report must not claim a vulnerability scan: {}",
        report["scanners"]
    );
    assert!(
        report["errors"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["kind"] == "not_checked")
    );
    let (code, _, _) = scan(&tree, &missing, &["--strict"]);
    assert_eq!(code, 3);

    let out = rampart_db(tree.path(), &missing, &["scan", "--scanners", "vuln", "."]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("rampart db import"),
        "{}",
        stderr(&out)
    );

    // Nothing to check, nothing to warn about.
    let empty = Tree::new();
    empty.write("notes.txt", "hello");
    let (code, report, out) = scan(&empty, &missing, &["--strict"]);
    assert_eq!(code, 0, "{}", stderr(&out));
    assert_eq!(report["errors"], serde_json::json!([]));
}

#[test]
fn a_stale_database_is_a_warning_and_strict_fails() {
    let db = tempfile::tempdir().unwrap();
    let osv = fixtures().join("vuln/osv");
    let out = Command::new(env!("CARGO_BIN_EXE_rampart"))
        .args(["db", "import", osv.to_str().unwrap()])
        .env("RAMPART_DB_DIR", db.path())
        .env("SOURCE_DATE_EPOCH", "86400")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let tree = project();
    let (code, report, out) = scan(&tree, db.path(), &[]);
    assert_eq!(code, 0);
    assert!(stderr(&out).contains("days old"), "{}", stderr(&out));
    assert!(!findings(&report).is_empty(), "stale data is still used");
    let (code, _, _) = scan(&tree, db.path(), &["--strict"]);
    assert_eq!(code, 3);
    let (code, _, out) = scan(&tree, db.path(), &["--strict", "--db-max-age", "30000d"]);
    assert_eq!(code, 0, "{}", stderr(&out));
}

#[test]
fn a_damaged_index_is_never_used_and_import_rebuilds_it() {
    let db = fixture_db();
    let index = db.path().join("advisories.idx");
    let bytes = std::fs::read(&index).unwrap();
    std::fs::write(&index, &bytes[..bytes.len() / 2]).unwrap();
    let tree = project();
    let (code, report, out) = scan(&tree, db.path(), &[]);
    assert_eq!(code, 0);
    assert!(stderr(&out).contains("damaged"), "{}", stderr(&out));
    assert!(ids(&report).is_empty());
    let out = rampart_db(tree.path(), db.path(), &["scan", "--scanners", "vuln", "."]);
    assert_eq!(out.status.code(), Some(2));
    let status = rampart_db(tree.path(), db.path(), &["db", "status"]);
    assert_eq!(status.status.code(), Some(1));
    assert!(stdout(&status).contains("damaged"), "{}", stdout(&status));

    let osv = fixtures().join("vuln/osv");
    let out = rampart_db(
        db.path(),
        db.path(),
        &["db", "import", osv.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("damaged"));
    let (_, report, _) = scan(&tree, db.path(), &["--scanners", "vuln"]);
    assert_eq!(ids(&report).len(), 13);
}

#[test]
fn export_and_import_carry_the_database_to_another_machine() {
    let db = fixture_db();
    let bundle = db.path().join("bundle.bin");
    let out = rampart_db(
        db.path(),
        db.path(),
        &["db", "export", bundle.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let other = tempfile::tempdir().unwrap();
    let out = rampart_db(
        other.path(),
        other.path(),
        &["db", "import", bundle.to_str().unwrap()],
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let tree = project();
    let (_, here, _) = scan(&tree, db.path(), &["--scanners", "vuln"]);
    let (_, there, _) = scan(&tree, other.path(), &["--scanners", "vuln"]);
    assert_eq!(ids(&here), ids(&there));

    let status = rampart_db(other.path(), other.path(), &["db", "status", "--json"]);
    let status: Value = serde_json::from_slice(&status.stdout).unwrap();
    assert_eq!(status["advisories"], 20);
    assert_eq!(status["sources"].as_array().unwrap().len(), 1);
    assert_eq!(status["epss"], Value::Null);
}

#[test]
fn malformed_records_are_named_and_the_rest_imported() {
    let dir = tempfile::tempdir().unwrap();
    let osv = dir.path().join("osv");
    std::fs::create_dir_all(&osv).unwrap();
    let good = std::fs::read(fixtures().join("vuln/osv/rustsec/RUSTSEC-2021-0003.json")).unwrap();
    std::fs::write(osv.join("RUSTSEC-2021-0003.json"), good).unwrap();
    std::fs::write(
        osv.join("truncated.json"),
        "{\"id\": \"X-1\", \"affected\": [",
    )
    .unwrap();
    std::fs::write(
        osv.join("weird-range.json"),
        r#"{"id":"X-2","affected":[{"package":{"ecosystem":"npm","name":"a"},"ranges":[{"type":"CALVER","events":[]}]}]}"#,
    )
    .unwrap();
    std::fs::write(osv.join("unknown-ecosystem.json"), r#"{"id":"X-3","affected":[{"package":{"ecosystem":"Hackage","name":"aeson"},"ranges":[{"type":"ECOSYSTEM","events":[{"introduced":"0"},{"fixed":"2.0"}]}]}]}"#).unwrap();
    let db = dir.path().join("db");
    let out = rampart_db(dir.path(), &db, &["db", "import", osv.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0));
    let err = stderr(&out);
    assert!(err.contains("truncated.json"), "{err}");
    assert!(
        err.contains("weird-range.json") && err.contains("CALVER"),
        "{err}"
    );
    assert!(
        stdout(&out).contains("imported 2 advisories"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn versions_that_do_not_parse_are_reported_not_passed() {
    let db = fixture_db();
    let tree = Tree::new();
    tree.write(
        "bom.json",
        r#"{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,"components":[
            {"type":"library","name":"smallvec","version":"1.6.0","purl":"pkg:cargo/smallvec@1.6.0"},
            {"type":"library","name":"time","version":"not a version!","purl":"pkg:cargo/time@not%20a%20version%21"},
            {"type":"library","name":"aeson","version":"2.0.0","purl":"pkg:hackage/aeson@2.0.0"},
            {"type":"library","name":"openssl","version":"3.0.11-1","purl":"pkg:deb/debian/openssl@3.0.11-1"}]}"#,
    );
    let out = rampart_db(
        tree.path(),
        db.path(),
        &["scan", "-f", "json", "--strict", "sbom:bom.json"],
    );
    let report: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    assert_eq!(ids(&report), [("bom.json".into(), "CVE-2021-25900".into())]);
    let errors = report["errors"].as_array().unwrap();
    assert!(
        errors.iter().any(|e| e["kind"] == "not_checked"
            && e["message"].as_str().unwrap().contains("not a version!")
            && e["message"].as_str().unwrap().contains("RUSTSEC-2020-0071")),
        "{errors:#?}"
    );
    for expected in [
        "ecosystem `hackage`",
        "Debian package(s) were not checked",
        "release is unknown",
    ] {
        assert!(
            errors
                .iter()
                .any(|e| e["message"].as_str().unwrap().contains(expected)),
            "{expected}: {errors:#?}"
        );
    }
}

#[test]
fn vex_statements_suppress_or_annotate_and_unmatched_ones_are_reported() {
    let db = fixture_db();
    let tree = project();
    tree.write(
        "vex/openvex.json",
        r#"{"@context":"https://openvex.dev/ns/v0.2.0","@id":"https://example.com/vex/1","author":"Security","timestamp":"2026-11-01T00:00:00Z","version":1,
            "statements":[
              {"vulnerability":{"name":"CVE-2021-25900"},"products":[{"@id":"pkg:cargo/smallvec@1.6.0"}],"status":"not_affected","justification":"vulnerable_code_not_in_execute_path"},
              {"vulnerability":{"name":"CVE-1999-0001"},"products":[{"@id":"pkg:cargo/nothing@1.0.0"}],"status":"not_affected","justification":"component_not_present"}]}"#,
    );
    tree.write(
        "vex/cdx.json",
        r#"{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
            "vulnerabilities":[{"id":"RUSTSEC-2020-0071","analysis":{"state":"in_triage","detail":"looking"},"affects":[{"ref":"pkg:cargo/time@0.1.43"}]}]}"#,
    );
    let (code, report, out) = scan(
        &tree,
        db.path(),
        &[
            "--scanners",
            "vuln",
            "--vex",
            "vex/openvex.json",
            "--vex",
            "vex/cdx.json",
        ],
    );
    assert_eq!(code, 0, "{}", stderr(&out));
    assert!(
        !ids(&report).iter().any(|(_, id)| id == "CVE-2021-25900"),
        "not_affected suppresses"
    );
    assert!(report["summary"]["suppressed"].as_u64().unwrap() >= 1);
    let time = find(&report, "CVE-2020-26235");
    assert_eq!(
        time["vulnerability"]["vex"]["status"],
        "under_investigation"
    );
    let warnings = report["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("CVE-1999-0001")),
        "{warnings:?}"
    );

    tree.write("vex/bad.json", "{ not json");
    let out = rampart_db(
        tree.path(),
        db.path(),
        &["scan", "--vex", "vex/bad.json", "."],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("vex/bad.json"), "{}", stderr(&out));
}

#[test]
fn epss_and_kev_enrich_findings_order_them_and_drive_the_gate() {
    let db = fixture_db();
    let tree = project();
    tree.write(
        "feeds/epss.csv",
        "#model_version:v2025.03.14,score_date:2026-11-20T00:00:00Z\ncve,epss,percentile\nCVE-2021-25900,0.5,0.97\nCVE-2020-26235,0.01,0.40\n",
    );
    tree.write(
        "feeds/kev.json",
        r#"{"title":"CISA Catalog of Known Exploited Vulnerabilities","catalogVersion":"2026.11.20","dateReleased":"2026-11-20T00:00:00.000Z","count":1,
            "vulnerabilities":[{"cveID":"CVE-2020-26235","vendorProject":"time-rs","product":"time","dateAdded":"2026-11-20","knownRansomwareCampaignUse":"Unknown"}]}"#,
    );
    for (command, file) in [
        ("import-epss", "feeds/epss.csv"),
        ("import-kev", "feeds/kev.json"),
    ] {
        let out = rampart_db(tree.path(), db.path(), &["db", command, file]);
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let (code, report, _) = scan(&tree, db.path(), &["--scanners", "vuln"]);
    assert_eq!(code, 0);
    let smallvec = find(&report, "CVE-2021-25900");
    assert_eq!(smallvec["vulnerability"]["epss"]["score"], 0.5);
    assert_eq!(
        find(&report, "CVE-2020-26235")["vulnerability"]["kev"],
        true
    );
    let cargo: Vec<&str> = findings(&report)
        .iter()
        .filter(|f| f["location"]["path"] == "Cargo.lock")
        .map(|f| f["rule_id"].as_str().unwrap())
        .collect();
    assert_eq!(
        &cargo[..2],
        ["CVE-2020-26235", "CVE-2021-25900"],
        "known-exploited first, then by severity"
    );

    let (code, _, _) = scan(&tree, db.path(), &["--scanners", "vuln", "--fail-on-kev"]);
    assert_eq!(code, 1);
    let (code, _, _) = scan(
        &tree,
        db.path(),
        &["--scanners", "vuln", "--min-epss", "0.6"],
    );
    assert_eq!(code, 0);
    let (code, _, _) = scan(
        &tree,
        db.path(),
        &["--scanners", "vuln", "--min-epss", "0.4"],
    );
    assert_eq!(code, 1);
    let out = rampart_db(tree.path(), db.path(), &["scan", "--min-epss", "7", "."]);
    assert_eq!(out.status.code(), Some(2));

    let status = rampart_db(tree.path(), db.path(), &["db", "status"]);
    let text = stdout(&status);
    assert!(text.contains("EPSS  2 entries, as of 2026-11-20"), "{text}");
    assert!(text.contains("KEV   1 entries"), "{text}");
}
