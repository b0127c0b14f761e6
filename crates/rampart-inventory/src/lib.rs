//! Inventory: every package a target holds, from lockfiles (manifests when there is no
//! lockfile), installed-package metadata and OS package databases, each with a purl and the
//! file it was found in. Parsers are pure functions from bytes to packages; the
//! [`InventoryAnalyzer`] routes files to them and adds the distro to OS packages at the end.

pub mod binary;
pub mod lang;
pub mod license;
pub mod os;
pub mod purl;
pub mod sbom_input;

use std::sync::Mutex;

use rampart_core::{Analyzer, Blob, Emitted, Fetch, Package, RuleMeta, ScanError, ScanErrorKind};

/// A file that could not be parsed: what is wrong and, when known, where.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}{message}", line.map(|l| format!("line {l}: ")).unwrap_or_default())]
pub struct ParseError {
    /// 1-based line of the problem, when the format has lines.
    pub line: Option<usize>,
    /// What is wrong and what was expected.
    pub message: String,
}

impl ParseError {
    /// An error at `line` (1-based).
    pub fn at(line: usize, message: impl Into<String>) -> ParseError {
        ParseError {
            line: Some(line),
            message: message.into(),
        }
    }

    /// An error without a position.
    pub fn new(message: impl Into<String>) -> ParseError {
        ParseError {
            line: None,
            message: message.into(),
        }
    }
}

/// A language-ecosystem parser: the file at `path` (relative, `/`-separated) with its bytes
/// to packages. `locations` of the returned packages are filled by the caller.
pub type LangParser = fn(path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError>;

/// Collects packages from every file a parser knows; OS packages are completed in `finish`.
#[derive(Default)]
pub struct InventoryAnalyzer {
    os: Mutex<os::OsCollector>,
    requirements: Mutex<Requirements>,
    go: Mutex<GoFiles>,
}

/// go.mod and go.sum files by directory, combined once the walk is over.
#[derive(Default)]
struct GoFiles {
    /// Directory → (go.mod bytes, module paths it names).
    mods: std::collections::BTreeMap<String, (Vec<u8>, Vec<String>)>,
    /// Directory → (go.sum path, bytes).
    sums: std::collections::BTreeMap<String, (String, Vec<u8>)>,
}

fn directory_of(path: &str) -> &str {
    path.rsplit_once('/').map_or("", |(dir, _)| dir)
}

fn is_go_sum(path: &str) -> bool {
    path == "go.sum" || path.ends_with("/go.sum")
}

/// `requirements*.txt` files seen in the walk and the files they include with `-r`.
#[derive(Default)]
struct Requirements {
    parsed: std::collections::BTreeSet<String>,
    includes: Vec<(String, String)>,
}

/// How deep `-r` includes are followed, and how many files at most.
const MAX_INCLUDE_DEPTH: usize = 8;
const MAX_INCLUDED_FILES: usize = 256;

/// `dir/of/file` + `../x.txt` → `dir/of/../x.txt` (the source resolves `..` inside the root).
fn relative_to(file: &str, include: &str) -> String {
    match file.rsplit_once('/') {
        Some((dir, _)) if !include.starts_with('/') => format!("{dir}/{include}"),
        _ => include.trim_start_matches('/').to_string(),
    }
}

impl InventoryAnalyzer {
    /// A new analyzer.
    pub fn new() -> InventoryAnalyzer {
        InventoryAnalyzer::default()
    }
}

/// Lockfiles can be large (100k entries); OS databases too. Beyond this, a file is skipped.
const MAX_INVENTORY_FILE: u64 = 256 * 1024 * 1024;

impl Analyzer for InventoryAnalyzer {
    fn scanner(&self) -> &'static str {
        "inventory"
    }

    fn wants(&self, path: &str, size: u64) -> bool {
        size <= MAX_INVENTORY_FILE
            && (lang::parser_for(path).is_some() || os::wants(path) || is_go_sum(path))
    }

    fn analyze(&self, blob: &Blob<'_>, out: &mut Emitted) {
        let error = |e: ParseError| ScanError {
            path: blob.path.to_string(),
            kind: ScanErrorKind::Parse,
            message: format!(
                "cannot read packages: {e}; the rest of the tree is still inventoried"
            ),
        };
        if is_go_sum(blob.path) {
            let mut go = self.go.lock().unwrap_or_else(|e| e.into_inner());
            go.sums.insert(
                directory_of(blob.path).to_string(),
                (blob.path.to_string(), blob.data.to_vec()),
            );
            return;
        }
        if let Some(parse) = lang::parser_for(blob.path) {
            if let Some(includes) = lang::requirement_includes(blob.path, blob.data) {
                let mut reqs = self.requirements.lock().unwrap_or_else(|e| e.into_inner());
                reqs.parsed.insert(blob.path.to_string());
                for include in includes {
                    let target = relative_to(blob.path, &include);
                    reqs.includes.push((blob.path.to_string(), target));
                }
            }
            match parse(blob.path, blob.data) {
                Ok(mut packages) => {
                    for p in &mut packages {
                        p.locations = vec![blob.path.to_string()];
                    }
                    normalize_licenses(&mut packages);
                    if blob.path == "go.mod" || blob.path.ends_with("/go.mod") {
                        let named = packages.iter().map(|p| p.name.clone()).collect();
                        self.go
                            .lock()
                            .unwrap_or_else(|e| e.into_inner())
                            .mods
                            .insert(
                                directory_of(blob.path).to_string(),
                                (blob.data.to_vec(), named),
                            );
                    }
                    out.packages.extend(packages);
                }
                Err(e) => out.errors.push(error(e)),
            }
            return;
        }
        let mut collector = self.os.lock().unwrap_or_else(|e| e.into_inner());
        if let Err(e) = collector.add(blob.path, blob.data) {
            out.errors.push(error(e));
        }
    }

    fn finish(&self, out: &mut Emitted, fetch: &dyn Fetch) {
        let collector = std::mem::take(&mut *self.os.lock().unwrap_or_else(|e| e.into_inner()));
        let (mut packages, errors) = collector.finish();
        normalize_licenses(&mut packages);
        out.packages.extend(packages);
        out.errors.extend(errors);
        let requirements =
            std::mem::take(&mut *self.requirements.lock().unwrap_or_else(|e| e.into_inner()));
        follow_includes(requirements, fetch, out);
        let go = std::mem::take(&mut *self.go.lock().unwrap_or_else(|e| e.into_inner()));
        for (dir, (sum_path, sum)) in &go.sums {
            let Some((go_mod, named)) = go.mods.get(dir) else {
                continue;
            };
            let mut extra = lang::go_sum_supplement(go_mod, named, sum);
            for p in &mut extra {
                p.locations = vec![sum_path.clone()];
            }
            out.packages.extend(extra);
        }
    }

    fn rules(&self) -> Vec<RuleMeta> {
        Vec::new()
    }
}

/// Read the files `requirements*.txt` include with `-r` that the walk did not parse itself
/// (`-r base.txt`, `-r ../common/deps.in`), breadth first, bounded in depth and count.
fn follow_includes(mut reqs: Requirements, fetch: &dyn Fetch, out: &mut Emitted) {
    let mut queue: std::collections::VecDeque<(String, String, usize)> = reqs
        .includes
        .drain(..)
        .map(|(from, target)| (from, target, 1))
        .collect();
    let mut read = 0;
    while let Some((from, target, depth)) = queue.pop_front() {
        let key = normalize_path(&target);
        if reqs.parsed.contains(&key) {
            continue;
        }
        reqs.parsed.insert(key.clone());
        let error = |message: String| ScanError {
            path: from.clone(),
            kind: ScanErrorKind::Parse,
            message,
        };
        if depth > MAX_INCLUDE_DEPTH || read >= MAX_INCLUDED_FILES {
            out.errors.push(error(format!(
                "`-r {target}` not followed: includes nest deeper than {MAX_INCLUDE_DEPTH} or exceed {MAX_INCLUDED_FILES} files"
            )));
            continue;
        }
        read += 1;
        let data = match fetch.fetch(&key) {
            Some(Ok(data)) => data,
            Some(Err(why)) => {
                out.errors
                    .push(error(format!("cannot read `-r {target}`: {why}")));
                continue;
            }
            None => {
                out.errors.push(error(format!(
                    "`-r {target}` points outside the scanned target; scan a directory that contains it"
                )));
                continue;
            }
        };
        for include in lang::requirements_includes_of(&data) {
            queue.push_back((key.clone(), relative_to(&key, &include), depth + 1));
        }
        match lang::parse_requirements_file(&key, &data) {
            Ok(mut packages) => {
                for p in &mut packages {
                    p.locations = vec![key.clone()];
                }
                normalize_licenses(&mut packages);
                out.packages.extend(packages);
            }
            Err(e) => out.errors.push(ScanError {
                path: key.clone(),
                kind: ScanErrorKind::Parse,
                message: format!("cannot read packages (included from {from}): {e}"),
            }),
        }
    }
}

/// Collapse `.` and `..` segments (`a/b/../c` → `a/c`); a leading `..` stays.
fn normalize_path(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for part in path.split('/') {
        match part {
            "" | "." => {}
            ".." if parts.last().is_some_and(|p| *p != "..") => {
                parts.pop();
            }
            part => parts.push(part),
        }
    }
    parts.join("/")
}

/// Declared licences as SPDX expressions where they can be normalised (`MIT License` → `MIT`);
/// anything else is kept as written, so the licence check can report it as unrecognised.
pub fn normalize_licenses(packages: &mut [Package]) {
    for package in packages {
        for declared in &mut package.licenses {
            if let Some(expression) = license::normalize(declared) {
                *declared = expression;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn declared_licences_are_normalised_where_possible() {
        let doc = br#"{"bomFormat":"CycloneDX","specVersion":"1.6","components":[
            {"type":"library","name":"a","version":"1","purl":"pkg:npm/a@1",
             "licenses":[{"license":{"name":"Apache 2.0"}},{"license":{"name":"Custom EULA"}}]}]}"#;
        let packages = sbom_input::parse("bom.json", doc).unwrap();
        assert_eq!(packages[0].licenses, ["Apache-2.0", "Custom EULA"]);
    }

    #[test]
    fn include_paths_resolve_against_the_including_file() {
        assert_eq!(
            relative_to("svc/requirements.txt", "base.txt"),
            "svc/base.txt"
        );
        assert_eq!(relative_to("requirements.txt", "../x.txt"), "../x.txt");
        assert_eq!(normalize_path("svc/nested/../base.txt"), "svc/base.txt");
        assert_eq!(normalize_path("../x.txt"), "../x.txt");
    }
}
