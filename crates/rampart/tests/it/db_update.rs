//! `rampart db update` against a real HTTP/1.1 server on loopback that serves an OSV export
//! (`ECOSYSTEM/all.zip`, `ECOSYSTEM/modified_id.csv`, `ECOSYSTEM/ID.json`) built from the
//! fixture advisories: full first download, 304 on an unchanged listing, incremental fetch of
//! changed records, failures that keep the previous data, and a damaged index.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Output;
use std::sync::{Arc, Mutex, MutexGuard};

use serde_json::Value;

use super::support::{Tree, rampart_in, stderr, stdout};

/// `Last-Modified` of every 200 answer; `If-Modified-Since` must echo it.
const LAST_MODIFIED: &str = "Wed, 01 Jul 2026 12:00:00 GMT";

/// How the server misbehaves for one path.
#[derive(Clone, Copy)]
enum Fault {
    Status(u16),
    /// Announce the whole length, send half, close.
    Truncate,
}

/// One request as the server saw it.
#[derive(Debug, Clone)]
struct Seen {
    path: String,
    if_none_match: Option<String>,
    if_modified_since: Option<String>,
}

#[derive(Default)]
struct State {
    /// Path → (body, etag).
    files: HashMap<String, (Vec<u8>, String)>,
    faults: HashMap<String, Fault>,
    log: Vec<Seen>,
}

/// A one-request-per-connection HTTP/1.1 server on 127.0.0.1 serving `State`.
struct Server {
    base: String,
    state: Arc<Mutex<State>>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let base = format!("http://{}", listener.local_addr().expect("address"));
        let state = Arc::new(Mutex::new(State::default()));
        let shared = Arc::clone(&state);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                // A broken connection only affects the request on it; the client reports it.
                let _ = serve(stream, &shared);
            }
        });
        Server { base, state }
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().expect("server state")
    }

    /// Serve `records` as the export of `ecosystem`, replacing what was there.
    fn publish(&self, ecosystem: &str, records: &[Value]) {
        let prefix = format!("/{ecosystem}/");
        let mut state = self.state();
        state.files.retain(|path, _| !path.starts_with(&prefix));
        let mut listing: Vec<(String, String)> = Vec::new();
        let mut members = Vec::new();
        for record in records {
            let id = record["id"].as_str().expect("record id").to_string();
            let body = serde_json::to_vec_pretty(record).expect("record JSON");
            listing.push((
                record["modified"].as_str().expect("modified").into(),
                id.clone(),
            ));
            members.push((format!("{id}.json"), body.clone()));
            state
                .files
                .insert(format!("{prefix}{id}.json"), with_etag(body));
        }
        listing.sort_by(|a, b| b.cmp(a));
        let csv: String = listing
            .iter()
            .map(|(t, id)| format!("{t},{id}\n"))
            .collect();
        state.files.insert(
            format!("{prefix}modified_id.csv"),
            with_etag(csv.into_bytes()),
        );
        state
            .files
            .insert(format!("{prefix}all.zip"), with_etag(stored_zip(&members)));
    }

    fn fail(&self, path: &str, fault: Fault) {
        self.state().faults.insert(path.to_string(), fault);
    }

    fn heal(&self) {
        self.state().faults.clear();
    }

    fn etag(&self, path: &str) -> String {
        self.state().files[path].1.clone()
    }

    /// The requests since the last call.
    fn take_log(&self) -> Vec<Seen> {
        std::mem::take(&mut self.state().log)
    }
}

fn with_etag(body: Vec<u8>) -> (Vec<u8>, String) {
    let etag = format!("\"{:08x}-{}\"", crc32(&body), body.len());
    (body, etag)
}

fn serve(stream: TcpStream, state: &Mutex<State>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    let path = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or_default()
        .to_string();
    let mut seen = Seen {
        path: path.clone(),
        if_none_match: None,
        if_modified_since: None,
    };
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            let value = Some(value.trim().to_string());
            match name.trim().to_ascii_lowercase().as_str() {
                "if-none-match" => seen.if_none_match = value,
                "if-modified-since" => seen.if_modified_since = value,
                _ => {}
            }
        }
    }
    let (status, body, etag, fault) = {
        let mut state = state
            .lock()
            .map_err(|_| std::io::Error::other("poisoned"))?;
        let fault = state.faults.get(&path).copied();
        let file = state.files.get(&path).cloned();
        let conditional_hit = matches!(
            (&file, &seen.if_none_match),
            (Some((_, etag)), Some(sent)) if etag == sent
        );
        state.log.push(seen);
        match (fault, file) {
            (Some(Fault::Status(code)), _) => (code, Vec::new(), None, None),
            (_, None) => (404, Vec::new(), None, None),
            (_, Some((_, etag))) if conditional_hit => (304, Vec::new(), Some(etag), None),
            (fault, Some((body, etag))) => (200, body, Some(etag), fault),
        }
    };
    let reason = match status {
        200 => "OK",
        304 => "Not Modified",
        404 => "Not Found",
        _ => "Internal Server Error",
    };
    let mut head = format!("HTTP/1.1 {status} {reason}\r\nConnection: close\r\n");
    if let Some(etag) = etag {
        head.push_str(&format!(
            "ETag: {etag}\r\nLast-Modified: {LAST_MODIFIED}\r\n"
        ));
    }
    if status != 304 {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    head.push_str("\r\n");
    let mut stream = stream;
    stream.write_all(head.as_bytes())?;
    let sent = match fault {
        Some(Fault::Truncate) => &body[..body.len() / 2],
        _ => &body[..],
    };
    stream.write_all(sent)?;
    stream.flush()?;
    stream.shutdown(std::net::Shutdown::Both)
}

fn crc32(bytes: &[u8]) -> u32 {
    let table: Vec<u32> = (0..256u32)
        .map(|n| {
            (0..8).fold(n, |c, _| {
                if c & 1 == 1 {
                    0xEDB8_8320 ^ (c >> 1)
                } else {
                    c >> 1
                }
            })
        })
        .collect();
    !bytes.iter().fold(!0u32, |c, &b| {
        table[((c ^ u32::from(b)) & 0xFF) as usize] ^ (c >> 8)
    })
}

/// A zip archive whose members are stored uncompressed.
fn stored_zip(members: &[(String, Vec<u8>)]) -> Vec<u8> {
    fn u16le(out: &mut Vec<u8>, v: usize) {
        out.extend_from_slice(&u16::try_from(v).expect("fits u16").to_le_bytes());
    }
    fn u32le(out: &mut Vec<u8>, v: usize) {
        out.extend_from_slice(&u32::try_from(v).expect("fits u32").to_le_bytes());
    }
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data) in members {
        let offset = out.len();
        let crc = crc32(data) as usize;
        // Version 2.0, no flags, stored, 1980-01-01 00:00.
        let common = |h: &mut Vec<u8>| {
            for v in [20, 0, 0, 0, 0x21] {
                u16le(h, v);
            }
            u32le(h, crc);
            u32le(h, data.len());
            u32le(h, data.len());
            u16le(h, name.len());
            u16le(h, 0);
        };
        u32le(&mut out, 0x0403_4b50);
        common(&mut out);
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        u32le(&mut central, 0x0201_4b50);
        u16le(&mut central, 20);
        common(&mut central);
        // Comment length, disk number, internal and external attributes.
        for v in [0, 0, 0] {
            u16le(&mut central, v);
        }
        u32le(&mut central, 0);
        u32le(&mut central, offset);
        central.extend_from_slice(name.as_bytes());
    }
    let central_offset = out.len();
    out.extend_from_slice(&central);
    u32le(&mut out, 0x0605_4b50);
    for v in [0, 0, members.len(), members.len()] {
        u16le(&mut out, v);
    }
    u32le(&mut out, central.len());
    u32le(&mut out, central_offset);
    u16le(&mut out, 0);
    out
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/vuln")
}

/// The fixture OSV records in `osv/DIR`, sorted by id.
fn records(dir: &str) -> Vec<Value> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(fixtures().join("osv").join(dir))
        .expect("fixture dir")
        .map(|e| e.expect("dir entry").path())
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| serde_json::from_slice(&std::fs::read(p).expect("fixture")).expect("JSON"))
        .collect()
}

fn rustsec() -> Vec<Value> {
    records("rustsec")
}

fn record<'a>(records: &'a mut [Value], id: &str) -> &'a mut Value {
    records
        .iter_mut()
        .find(|r| r["id"] == id)
        .expect("fixture record")
}

/// smallvec's advisory, modified at `modified`, fixed in 1.x at `fixed` instead of 1.6.1.
fn bump_smallvec(records: &mut [Value], modified: &str, fixed: &str) {
    let smallvec = record(records, "RUSTSEC-2021-0003");
    smallvec["modified"] = modified.into();
    let events = smallvec["affected"][0]["ranges"][0]["events"]
        .as_array_mut()
        .expect("events");
    for event in events {
        if event["fixed"] == "1.6.1" {
            event["fixed"] = fixed.into();
        }
    }
}

/// A server with an export, a database directory and the fixture project.
struct Setup {
    server: Server,
    db: tempfile::TempDir,
    project: Tree,
}

impl Setup {
    fn new() -> Setup {
        let server = Server::start();
        server.publish("crates.io", &rustsec());
        server.publish("Go", &records("go"));
        let project = Tree::new();
        project.write(
            "Cargo.lock",
            std::fs::read(fixtures().join("project/Cargo.lock")).expect("Cargo.lock fixture"),
        );
        Setup {
            server,
            db: tempfile::tempdir().expect("temp dir"),
            project,
        }
    }

    fn db_dir(&self) -> &str {
        self.db.path().to_str().expect("UTF-8 temp path")
    }

    fn index(&self) -> PathBuf {
        self.db.path().join("advisories.idx")
    }

    fn run(&self, args: &[&str]) -> Output {
        let mut all = args.to_vec();
        all.extend(["--db-dir", self.db_dir()]);
        rampart_in(self.project.path(), &all)
    }

    fn update(&self, ecosystems: &str) -> Output {
        let base = self.server.base.clone();
        self.run(&[
            "db",
            "update",
            "--ecosystem",
            ecosystems,
            "--base-url",
            &base,
            "--timeout",
            "10",
        ])
    }

    /// `db update` that must succeed.
    fn update_ok(&self, ecosystems: &str) -> String {
        let out = self.update(ecosystems);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{}{}",
            stdout(&out),
            stderr(&out)
        );
        stdout(&out)
    }

    /// `db status --json` and its exit code.
    fn status(&self) -> (i32, Value) {
        let out = self.run(&["db", "status", "--json"]);
        let value = serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
            panic!("status is not JSON ({e}): {}{}", stdout(&out), stderr(&out))
        });
        (out.status.code().unwrap_or(-1), value)
    }

    /// `osv:ECOSYSTEM` → its status entry.
    fn sources(&self) -> HashMap<String, Value> {
        let (code, status) = self.status();
        assert_eq!(code, 0, "{status:#}");
        status["sources"]
            .as_array()
            .expect("sources")
            .iter()
            .map(|s| {
                (
                    s["name"].as_str().unwrap_or_default().to_string(),
                    s.clone(),
                )
            })
            .collect()
    }

    fn scan(&self) -> Value {
        let out = self.run(&["scan", "--scanners", "vuln", "--format", "json", "."]);
        serde_json::from_slice(&out.stdout)
            .unwrap_or_else(|e| panic!("scan is not JSON ({e}): {}{}", stdout(&out), stderr(&out)))
    }

    fn url(&self, path: &str) -> String {
        format!("{}{path}", self.server.base)
    }
}

fn paths(log: &[Seen]) -> Vec<&str> {
    log.iter().map(|s| s.path.as_str()).collect()
}

fn finding<'a>(report: &'a Value, rule: &str) -> Option<&'a Value> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .find(|f| f["rule_id"] == rule)
}

fn smallvec_fix(setup: &Setup) -> Value {
    let report = setup.scan();
    finding(&report, "CVE-2021-25900")
        .unwrap_or_else(|| panic!("no CVE-2021-25900 in {:#}", report["findings"]))["fixed_version"]
        .clone()
}

#[test]
fn first_update_downloads_each_archive_and_the_scan_uses_it() {
    let setup = Setup::new();
    let out = setup.update_ok("crates.io,Go");
    assert!(
        out.contains("crates.io    downloaded 6 advisories"),
        "{out}"
    );
    assert!(
        out.contains("Go           downloaded 2 advisories"),
        "{out}"
    );
    let log = setup.server.take_log();
    assert_eq!(
        paths(&log),
        [
            "/crates.io/modified_id.csv",
            "/crates.io/all.zip",
            "/Go/modified_id.csv",
            "/Go/all.zip"
        ]
    );
    assert!(
        log.iter()
            .all(|s| s.if_none_match.is_none() && s.if_modified_since.is_none()),
        "nothing to revalidate on a first run: {log:?}"
    );

    let (code, status) = setup.status();
    assert_eq!(code, 0);
    assert_eq!(status["present"], true);
    assert_eq!(status["advisories"], 8);
    let sources = setup.sources();
    let crates = &sources["osv:crates.io"];
    assert_eq!(crates["advisories"], 6);
    assert_eq!(crates["location"], setup.url("/crates.io"));
    assert_eq!(crates["newest_modified"], "2026-07-17T15:52:38Z");
    assert_eq!(sources["osv:Go"]["advisories"], 2);
    assert_eq!(sources.len(), 2, "{sources:?}");
    assert!(
        !setup.db.path().read_dir().expect("db dir").any(|e| {
            e.expect("entry")
                .file_name()
                .to_string_lossy()
                .contains(".tmp")
        }),
        "no temporary file left behind"
    );

    let report = setup.scan();
    let smallvec = finding(&report, "CVE-2021-25900").expect("smallvec 1.6.0 is vulnerable");
    assert_eq!(smallvec["package"]["purl"], "pkg:cargo/smallvec@1.6.0");
    assert_eq!(smallvec["fixed_version"], "1.6.1");
    assert!(
        smallvec["aliases"]
            .as_array()
            .expect("aliases")
            .iter()
            .any(|a| a == "RUSTSEC-2021-0003"),
        "{smallvec:#}"
    );
    assert!(finding(&report, "CVE-2020-26235").is_some(), "time 0.1.43");
    assert!(
        finding(&report, "GHSA-mc8h-8q98-g5hr").is_some(),
        "remove_dir_all 0.5.3"
    );
}

#[test]
fn unchanged_listing_costs_one_conditional_request_per_ecosystem() {
    let setup = Setup::new();
    setup.update_ok("crates.io,Go");
    setup.server.take_log();
    let before = setup.sources();

    let out = setup.update_ok("crates.io,Go");
    assert!(out.contains("crates.io    unchanged"), "{out}");
    assert!(out.contains("Go           unchanged"), "{out}");
    let log = setup.server.take_log();
    assert_eq!(
        paths(&log),
        ["/crates.io/modified_id.csv", "/Go/modified_id.csv"]
    );
    for (seen, ecosystem) in log.iter().zip(["crates.io", "Go"]) {
        let etag = setup.server.etag(&format!("/{ecosystem}/modified_id.csv"));
        assert_eq!(
            seen.if_none_match.as_deref(),
            Some(etag.as_str()),
            "{seen:?}"
        );
        assert_eq!(
            seen.if_modified_since.as_deref(),
            Some(LAST_MODIFIED),
            "{seen:?}"
        );
    }
    let after = setup.sources();
    for name in ["osv:crates.io", "osv:Go"] {
        assert_eq!(
            after[name]["advisories"], before[name]["advisories"],
            "{name}"
        );
        assert_eq!(
            after[name]["newest_modified"], before[name]["newest_modified"],
            "{name}"
        );
    }
    assert_eq!(setup.status().1["advisories"], 8);
    assert_eq!(smallvec_fix(&setup), "1.6.1");
}

#[test]
fn a_new_listing_without_newer_records_fetches_no_record() {
    let setup = Setup::new();
    setup.update_ok("crates.io");
    setup.server.take_log();
    // Same records, but the listing's validator changed (say, the export was regenerated).
    let mut records = rustsec();
    record(&mut records, "RUSTSEC-2018-0015")["summary"] = "reworded".into();
    setup.server.publish("crates.io", &records);

    let out = setup.update_ok("crates.io");
    assert_eq!(
        paths(&setup.server.take_log()),
        ["/crates.io/modified_id.csv"],
        "{out}"
    );
    // `Outcome::Unchanged` is documented as "304, or no record newer than ours", but this
    // case is reported as an incremental update of zero records; either wording is accepted.
    assert!(
        out.contains("crates.io    0 changed advisories fetched")
            || out.contains("crates.io    unchanged"),
        "{out}"
    );
    assert_eq!(setup.sources()["osv:crates.io"]["advisories"], 6);
}

#[test]
fn changed_and_new_records_are_fetched_one_by_one() {
    let setup = Setup::new();
    // The first export lacks remove_dir_all's advisory.
    let mut records = rustsec();
    let remove_dir_all = records
        .iter()
        .position(|r| r["id"] == "RUSTSEC-2023-0018")
        .expect("fixture");
    let mut added = records.remove(remove_dir_all);
    setup.server.publish("crates.io", &records);
    let out = setup.update_ok("crates.io,Go");
    assert!(
        out.contains("crates.io    downloaded 5 advisories"),
        "{out}"
    );
    assert!(finding(&setup.scan(), "GHSA-mc8h-8q98-g5hr").is_none());
    setup.server.take_log();

    // smallvec's advisory changes (fixed in 1.6.2 instead) and the missing one is published.
    bump_smallvec(&mut records, "2026-08-01T00:00:00Z", "1.6.2");
    added["modified"] = "2026-08-02T00:00:00Z".into();
    records.push(added);
    setup.server.publish("crates.io", &records);

    let out = setup.update_ok("crates.io,Go");
    assert!(
        out.contains("crates.io    2 changed advisories fetched"),
        "{out}"
    );
    assert!(out.contains("Go           unchanged"), "{out}");
    let log = setup.server.take_log();
    let mut fetched = paths(&log);
    fetched[1..3].sort_unstable();
    assert_eq!(
        fetched,
        [
            "/crates.io/modified_id.csv",
            "/crates.io/RUSTSEC-2021-0003.json",
            "/crates.io/RUSTSEC-2023-0018.json",
            "/Go/modified_id.csv"
        ]
    );
    assert!(log[0].if_none_match.is_some(), "revalidated: {:?}", log[0]);
    assert!(
        log[1].if_none_match.is_none(),
        "records are fetched plainly"
    );

    let crates = &setup.sources()["osv:crates.io"];
    assert_eq!(crates["advisories"], 6);
    assert_eq!(crates["newest_modified"], "2026-08-02T00:00:00Z");
    let report = setup.scan();
    assert_eq!(
        finding(&report, "CVE-2021-25900").expect("smallvec")["fixed_version"],
        "1.6.2"
    );
    assert!(
        finding(&report, "GHSA-mc8h-8q98-g5hr").is_some(),
        "the new record is used"
    );

    // And the next run is a 304 again, with the new validator.
    let out = setup.update_ok("crates.io");
    assert!(out.contains("crates.io    unchanged"), "{out}");
    let log = setup.server.take_log();
    assert_eq!(paths(&log), ["/crates.io/modified_id.csv"]);
    assert_eq!(
        log[0].if_none_match,
        Some(setup.server.etag("/crates.io/modified_id.csv"))
    );
}

#[test]
fn more_changes_than_the_limit_fetch_the_archive_again() {
    let setup = Setup::new();
    setup.update_ok("crates.io");
    setup.server.take_log();
    // 501 records newer than ours: one archive beats 501 requests.
    let mut records = rustsec();
    bump_smallvec(&mut records, "2026-08-01T00:00:00Z", "1.6.2");
    setup.server.publish("crates.io", &records);
    let extra: String = (0..500)
        .map(|n| format!("2026-08-01T00:00:00Z,RUSTSEC-2099-{n:04}\n"))
        .collect();
    {
        let mut state = setup.server.state();
        let csv = state.files["/crates.io/modified_id.csv"].0.clone();
        let mut csv = String::from_utf8(csv).expect("UTF-8");
        csv.push_str(&extra);
        state.files.insert(
            "/crates.io/modified_id.csv".into(),
            with_etag(csv.into_bytes()),
        );
    }
    let out = setup.update_ok("crates.io");
    assert!(
        out.contains("crates.io    downloaded 6 advisories"),
        "{out}"
    );
    assert_eq!(
        paths(&setup.server.take_log()),
        ["/crates.io/modified_id.csv", "/crates.io/all.zip"]
    );
    assert_eq!(smallvec_fix(&setup), "1.6.2");
}

/// A failed listing keeps the ecosystem's previous advisories and the exit code is 1.
fn assert_listing_failure_keeps_data(fault: Fault, expected: &str) {
    let setup = Setup::new();
    setup.update_ok("crates.io,Go");
    let mut records = rustsec();
    bump_smallvec(&mut records, "2026-08-01T00:00:00Z", "1.6.2");
    setup.server.publish("crates.io", &records);
    setup.server.fail("/crates.io/modified_id.csv", fault);
    setup.server.take_log();

    let out = setup.update("crates.io,Go");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let text = stdout(&out);
    let url = setup.url("/crates.io/modified_id.csv");
    assert!(
        text.contains(&format!(
            "crates.io    FAILED, previous data kept: GET {url}"
        )),
        "{text}"
    );
    assert!(text.contains(expected), "{text}");
    assert!(
        text.contains("Go           unchanged"),
        "the other ecosystem still updates: {text}"
    );
    assert!(
        stderr(&out).contains("1 ecosystem(s) could not be updated"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        paths(&setup.server.take_log()),
        ["/crates.io/modified_id.csv", "/Go/modified_id.csv"]
    );
    let sources = setup.sources();
    assert_eq!(sources["osv:crates.io"]["advisories"], 6);
    assert_eq!(
        sources["osv:crates.io"]["newest_modified"],
        "2026-07-17T15:52:38Z"
    );
    assert_eq!(smallvec_fix(&setup), "1.6.1", "previous data still used");

    // Once the server recovers, the change arrives incrementally.
    setup.server.heal();
    let out = setup.update_ok("crates.io");
    assert!(
        out.contains("crates.io    1 changed advisories fetched"),
        "{out}"
    );
    assert_eq!(smallvec_fix(&setup), "1.6.2");
}

#[test]
fn listing_http_500_keeps_the_previous_advisories() {
    assert_listing_failure_keeps_data(Fault::Status(500), "HTTP 500");
}

#[test]
fn listing_http_404_keeps_the_previous_advisories() {
    assert_listing_failure_keeps_data(Fault::Status(404), "HTTP 404");
}

#[test]
fn truncated_listing_keeps_the_previous_advisories() {
    assert_listing_failure_keeps_data(Fault::Truncate, "reading the response failed");
}

#[test]
fn truncated_archive_on_a_first_update_writes_no_index() {
    let setup = Setup::new();
    setup.server.fail("/crates.io/all.zip", Fault::Truncate);
    let out = setup.update("crates.io");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).contains(&format!(
            "crates.io    FAILED, previous data kept: GET {}: reading the response failed",
            setup.url("/crates.io/all.zip")
        )),
        "{}",
        stdout(&out)
    );
    assert!(
        !setup.index().exists(),
        "nothing was fetched, so nothing is written"
    );
    let leftovers: Vec<_> = setup.db.path().read_dir().expect("db dir").collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let (code, status) = setup.status();
    assert_eq!(code, 1);
    assert_eq!(status["present"], false);
    assert!(
        status["error"]
            .as_str()
            .unwrap_or_default()
            .contains("no vulnerability database"),
        "{status:#}"
    );

    // With another ecosystem that succeeds, the index holds only that one.
    let out = setup.update("crates.io,Go");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).contains("Go           downloaded 2 advisories"),
        "{}",
        stdout(&out)
    );
    let sources = setup.sources();
    assert_eq!(sources.keys().collect::<Vec<_>>(), ["osv:Go"]);
    assert_eq!(setup.status().1["advisories"], 2);
    assert!(finding(&setup.scan(), "CVE-2021-25900").is_none());

    // The next run retries the archive, since crates.io has no state yet.
    setup.server.heal();
    setup.server.take_log();
    let out = setup.update_ok("crates.io,Go");
    assert!(
        out.contains("crates.io    downloaded 6 advisories"),
        "{out}"
    );
    assert!(out.contains("Go           unchanged"), "{out}");
    assert_eq!(setup.status().1["advisories"], 8);
}

#[test]
fn truncated_record_during_an_incremental_update_keeps_the_old_one() {
    let setup = Setup::new();
    setup.update_ok("crates.io");
    let mut records = rustsec();
    bump_smallvec(&mut records, "2026-08-01T00:00:00Z", "1.6.2");
    setup.server.publish("crates.io", &records);
    setup
        .server
        .fail("/crates.io/RUSTSEC-2021-0003.json", Fault::Truncate);
    setup.server.take_log();

    let out = setup.update("crates.io");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    assert!(
        stdout(&out).contains(&format!(
            "FAILED, previous data kept: GET {}: reading the response failed",
            setup.url("/crates.io/RUSTSEC-2021-0003.json")
        )),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        paths(&setup.server.take_log()),
        [
            "/crates.io/modified_id.csv",
            "/crates.io/RUSTSEC-2021-0003.json"
        ]
    );
    let crates = &setup.sources()["osv:crates.io"];
    assert_eq!(crates["advisories"], 6);
    assert_eq!(
        crates["newest_modified"], "2026-07-17T15:52:38Z",
        "the watermark does not move past a record that was not stored"
    );
    assert_eq!(smallvec_fix(&setup), "1.6.1");

    // The listing's new validator was not stored either, so the retry sees the change.
    setup.server.heal();
    let out = setup.update_ok("crates.io");
    assert!(
        out.contains("crates.io    1 changed advisories fetched"),
        "{out}"
    );
    assert_eq!(smallvec_fix(&setup), "1.6.2");
}

#[test]
fn damaged_index_is_rebuilt_from_the_archives() {
    let setup = Setup::new();
    setup.update_ok("crates.io,Go");
    let bytes = std::fs::read(setup.index()).expect("index");
    std::fs::write(setup.index(), &bytes[..bytes.len() / 2]).expect("truncate index");
    let (code, status) = setup.status();
    assert_eq!(code, 1);
    assert!(
        status["error"]
            .as_str()
            .unwrap_or_default()
            .contains("damaged"),
        "{status:#}"
    );
    setup.server.take_log();

    let out = setup.update("crates.io,Go");
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        stdout(&out),
        stderr(&out)
    );
    let warning = stderr(&out);
    assert!(
        warning.contains("warning: ") && warning.contains("damaged"),
        "{warning}"
    );
    assert!(warning.contains("rebuilding from scratch"), "{warning}");
    let log = setup.server.take_log();
    assert_eq!(
        paths(&log),
        [
            "/crates.io/modified_id.csv",
            "/crates.io/all.zip",
            "/Go/modified_id.csv",
            "/Go/all.zip"
        ]
    );
    assert!(
        log.iter().all(|s| s.if_none_match.is_none()),
        "the damaged index's validators are not trusted: {log:?}"
    );
    let (code, status) = setup.status();
    assert_eq!(code, 0, "{status:#}");
    assert_eq!(status["advisories"], 8);
    assert_eq!(smallvec_fix(&setup), "1.6.1");
}
