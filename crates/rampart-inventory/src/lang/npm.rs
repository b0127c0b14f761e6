//! npm: `package-lock.json` / `npm-shrinkwrap.json` (v1 `dependencies` tree, v2/v3
//! `packages` map) and `yarn.lock` (classic v1 and berry), all without a YAML crate.
//!
//! Left out: the project itself (`""` in `packages`), workspace sources (keys outside
//! `node_modules/`), `link: true` entries, `file:`/`link:` versions in v1, and berry's
//! `workspace:`/soft-linked entries. `direct` is known for lockfile v2/v3 (a top-level
//! `node_modules/NAME` that the root or a workspace declares) and for berry (named by a
//! workspace entry); v1 lockfiles and classic yarn do not record it (`None`).

use std::collections::{BTreeMap, HashMap, HashSet};

use rampart_core::Package;
use serde::Deserialize;
use serde::de::IgnoredAny;
use serde_json::Value;

use super::{finish, from_json, package, text};
use crate::ParseError;
use crate::purl::purl;

/// `pkg:npm/%40scope/name@version` or `pkg:npm/name@version`.
pub(super) fn npm_purl(name: &str, version: &str) -> String {
    // Fast path for the usual names and versions, which need no percent-encoding; the same
    // text `purl` builds (lockfiles hold 100k entries).
    let plain = |s: &str| {
        !s.is_empty()
            && s.bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_' | b'~'))
    };
    if plain(version) {
        if plain(name) {
            return format!("pkg:npm/{name}@{version}");
        }
        if let Some((scope, bare)) = name.strip_prefix('@').and_then(|r| r.split_once('/'))
            && plain(scope)
            && plain(bare)
        {
            return format!("pkg:npm/%40{scope}/{bare}@{version}");
        }
    }
    match name.strip_prefix('@').and_then(|rest| rest.split_once('/')) {
        Some((scope, bare)) => purl("npm", Some(&format!("@{scope}")), bare, Some(version), &[]),
        None => purl("npm", None, name, Some(version), &[]),
    }
}

#[derive(Deserialize)]
struct PackageLock {
    packages: Option<BTreeMap<String, Entry>>,
    dependencies: Option<BTreeMap<String, V1Entry>>,
}

/// One `packages` entry (lockfile v2/v3).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
struct Entry {
    name: Option<String>,
    version: Option<String>,
    #[serde(default)]
    link: bool,
    license: Option<Value>,
    #[serde(default)]
    dependencies: BTreeMap<String, IgnoredAny>,
    #[serde(default)]
    optional_dependencies: BTreeMap<String, IgnoredAny>,
    #[serde(default)]
    peer_dependencies: BTreeMap<String, IgnoredAny>,
    #[serde(default)]
    dev_dependencies: BTreeMap<String, IgnoredAny>,
}

impl Entry {
    /// Whether any of its dependency maps names `name`.
    fn declares(&self, name: &str) -> bool {
        [
            &self.dependencies,
            &self.dev_dependencies,
            &self.optional_dependencies,
            &self.peer_dependencies,
        ]
        .iter()
        .any(|deps| deps.contains_key(name))
    }
}

/// One `dependencies` entry (lockfile v1), nested.
#[derive(Deserialize)]
struct V1Entry {
    version: Option<String>,
    #[serde(default)]
    requires: BTreeMap<String, IgnoredAny>,
    #[serde(default)]
    dependencies: BTreeMap<String, V1Entry>,
}

/// A package at an install path (`node_modules/a/node_modules/b`), before its edges are
/// resolved the way Node looks modules up.
struct Placed {
    key: String,
    package: Package,
    wants: Vec<String>,
}

/// Parse a `package-lock.json` or `npm-shrinkwrap.json`.
pub(super) fn parse_package_lock(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let lock: PackageLock = from_json(data, "package-lock.json")?;
    let placed = match (lock.packages, lock.dependencies) {
        (Some(packages), _) => from_packages(packages),
        (None, Some(deps)) => {
            let mut out = Vec::new();
            from_v1(&deps, "", &mut out);
            out
        }
        (None, None) => Vec::new(),
    };
    Ok(finish(resolve_placed(placed)))
}

fn license_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("type")?.as_str().map(str::to_string),
        _ => None,
    }
}

fn from_packages(packages: BTreeMap<String, Entry>) -> Vec<Placed> {
    let mut direct_names: HashSet<&str> = HashSet::new();
    for (key, entry) in &packages {
        // The root and workspace sources declare the direct dependencies.
        if key.is_empty() || !key.contains("node_modules/") {
            for deps in [
                &entry.dependencies,
                &entry.dev_dependencies,
                &entry.optional_dependencies,
                &entry.peer_dependencies,
            ] {
                direct_names.extend(deps.keys().map(String::as_str));
            }
        }
    }
    let mut out = Vec::with_capacity(packages.len());
    for (key, entry) in &packages {
        let Some(i) = key.rfind("node_modules/") else {
            continue;
        };
        if entry.link {
            continue;
        }
        let Some(version) = entry.version.as_deref() else {
            continue;
        };
        let installed_as = key.get(i + "node_modules/".len()..).unwrap_or_default();
        let name = entry.name.as_deref().unwrap_or(installed_as);
        if name.is_empty() {
            continue;
        }
        let mut p = package(name, version, "npm", npm_purl(name, version));
        // Direct: installed at the top (hoisted) and declared by the root or a workspace, or
        // installed in a workspace's own node_modules and declared by that workspace.
        let parent = key.get(..i).unwrap_or_default().trim_end_matches('/');
        p.direct = Some(if parent.is_empty() {
            direct_names.contains(installed_as)
        } else if !parent.contains("node_modules/") {
            packages
                .get(parent)
                .is_some_and(|ws| ws.declares(installed_as))
        } else {
            false
        });
        p.licenses.extend(license_of(entry.license.as_ref()));
        let wants = [
            &entry.dependencies,
            &entry.optional_dependencies,
            &entry.peer_dependencies,
        ]
        .iter()
        .flat_map(|deps| deps.keys().cloned())
        .collect();
        out.push(Placed {
            key: key.clone(),
            package: p,
            wants,
        });
    }
    out
}

fn from_v1(deps: &BTreeMap<String, V1Entry>, parent: &str, out: &mut Vec<Placed>) {
    for (installed_as, entry) in deps {
        let key = if parent.is_empty() {
            format!("node_modules/{installed_as}")
        } else {
            format!("{parent}/node_modules/{installed_as}")
        };
        from_v1(&entry.dependencies, &key, out);
        let Some(version) = entry.version.as_deref() else {
            continue;
        };
        if version.starts_with("file:") || version.starts_with("link:") {
            continue;
        }
        // `npm:real-name@1.2.3` is an alias.
        let (name, version) = match version
            .strip_prefix("npm:")
            .and_then(|v| split_name_at(v).map(|(n, v)| (n.to_string(), v)))
        {
            Some((name, version)) => (name, version),
            None => (installed_as.clone(), version),
        };
        let p = package(&name, version, "npm", npm_purl(&name, version));
        out.push(Placed {
            key,
            package: p,
            wants: entry.requires.keys().cloned().collect(),
        });
    }
}

/// Resolve each wanted dependency from the package's own `node_modules` outwards.
fn resolve_placed(placed: Vec<Placed>) -> Vec<Package> {
    let purls: HashMap<&str, &str> = placed
        .iter()
        .map(|p| (p.key.as_str(), p.package.purl.as_str()))
        .collect();
    let resolve = |key: &str, dep: &str| -> Option<String> {
        let mut base = key;
        loop {
            if let Some(found) = purls.get(format!("{base}/node_modules/{dep}").as_str()) {
                return Some(found.to_string());
            }
            match base.rfind("/node_modules/") {
                Some(i) => base = base.get(..i).unwrap_or_default(),
                None => break,
            }
        }
        purls
            .get(format!("node_modules/{dep}").as_str())
            .map(|s| s.to_string())
    };
    let edges: Vec<Vec<String>> = placed
        .iter()
        .map(|p| p.wants.iter().filter_map(|d| resolve(&p.key, d)).collect())
        .collect();
    placed
        .into_iter()
        .zip(edges)
        .map(|(p, deps)| {
            let mut package = p.package;
            package.dependencies = deps;
            package
        })
        .collect()
}

/// `name@rest` with the `@` of a scope not taken as the separator.
fn split_name_at(spec: &str) -> Option<(&str, &str)> {
    let at = spec.get(1..)?.find('@')? + 1;
    Some((spec.get(..at)?, spec.get(at + 1..)?))
}

/// Strip one pair of surrounding double quotes.
fn unquote(s: &str) -> &str {
    let s = s.trim();
    s.strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .unwrap_or(s)
}

/// Parse a `yarn.lock`, classic (v1) or berry (`__metadata:`).
pub(super) fn parse_yarn_lock(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let text = text(data)?;
    if text.lines().any(|l| l.trim_end() == "__metadata:") {
        parse_berry(text)
    } else {
        parse_classic(text)
    }
}

/// One entry of either yarn format, as read.
#[derive(Default)]
struct YarnEntry {
    line: usize,
    descriptors: Vec<String>,
    version: Option<String>,
    resolution: Option<String>,
    soft: bool,
    deps: Vec<(String, String)>,
}

fn indent_of(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// Yarn classic: `"a@^1", a@^1.2:` headers, `  version "1.2.3"`, `  dependencies:` with
/// `    name "range"` lines.
fn parse_classic(text: &str) -> Result<Vec<Package>, ParseError> {
    let mut entries: Vec<YarnEntry> = Vec::new();
    let mut in_deps = false;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end();
        let content = line.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = indent_of(line);
        if indent == 0 {
            let Some(header) = content.strip_suffix(':') else {
                return Err(ParseError::at(
                    line_no,
                    "expected an entry header like `name@range:`",
                ));
            };
            let descriptors: Vec<String> = header
                .split(',')
                .map(|d| unquote(d).to_string())
                .filter(|d| !d.is_empty())
                .collect();
            // `file:` and `link:` entries are local code, not published packages.
            let soft = !descriptors.is_empty()
                && descriptors.iter().all(|d| {
                    split_name_at(d)
                        .is_some_and(|(_, r)| r.starts_with("file:") || r.starts_with("link:"))
                });
            entries.push(YarnEntry {
                line: line_no,
                descriptors,
                soft,
                ..YarnEntry::default()
            });
            in_deps = false;
            continue;
        }
        let Some(entry) = entries.last_mut() else {
            return Err(ParseError::at(
                line_no,
                "indented line before any `name@range:` entry header",
            ));
        };
        if indent < 4 {
            in_deps = false;
            if let Some(section) = content.strip_suffix(':') {
                in_deps = matches!(section, "dependencies" | "optionalDependencies");
                continue;
            }
            let (key, value) = content.split_once(' ').unwrap_or((content, ""));
            if key == "version" {
                entry.version = Some(unquote(value).to_string());
            }
        } else if in_deps {
            let Some((name, range)) = content.split_once(' ') else {
                return Err(ParseError::at(
                    line_no,
                    "expected a dependency line like `name \"range\"`",
                ));
            };
            entry
                .deps
                .push((unquote(name).to_string(), unquote(range).to_string()));
        }
    }
    yarn_packages(entries, |e| {
        let first = e.descriptors.first()?;
        let (name, range) = split_name_at(first)?;
        // `alias@npm:real@^1` installs `real`.
        match range.strip_prefix("npm:").and_then(split_name_at) {
            Some((real, _)) => Some(real.to_string()),
            None => Some(name.to_string()),
        }
    })
}

/// Yarn berry: `"a@npm:^1, a@npm:^1.2":` headers, `  version: 1.2.3`, `  resolution:`,
/// `  dependencies:` with `    name: "npm:range"` lines.
fn parse_berry(text: &str) -> Result<Vec<Package>, ParseError> {
    let mut entries: Vec<YarnEntry> = Vec::new();
    let mut in_metadata = false;
    let mut in_deps = false;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end();
        let content = line.trim_start();
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        let indent = indent_of(line);
        if indent == 0 {
            let Some(header) = content.strip_suffix(':') else {
                return Err(ParseError::at(
                    line_no,
                    "expected an entry header like `\"name@npm:range\":`",
                ));
            };
            in_deps = false;
            in_metadata = header == "__metadata";
            if !in_metadata {
                entries.push(YarnEntry {
                    line: line_no,
                    descriptors: unquote(header)
                        .split(", ")
                        .map(|d| d.trim().to_string())
                        .filter(|d| !d.is_empty())
                        .collect(),
                    ..YarnEntry::default()
                });
            }
            continue;
        }
        if in_metadata {
            continue;
        }
        let Some(entry) = entries.last_mut() else {
            return Err(ParseError::at(
                line_no,
                "indented line before any `\"name@npm:range\":` entry header",
            ));
        };
        let Some((key, value)) = yaml_key_value(content) else {
            return Err(ParseError::at(line_no, "expected `key: value`"));
        };
        if indent < 4 {
            in_deps = false;
            match key {
                "dependencies" | "optionalDependencies" if value.is_empty() => in_deps = true,
                "version" => entry.version = Some(value.to_string()),
                "resolution" => entry.resolution = Some(value.to_string()),
                "linkType" => entry.soft = value == "soft",
                _ => {}
            }
        } else if in_deps && indent < 6 {
            entry.deps.push((key.to_string(), value.to_string()));
        }
    }
    yarn_packages(entries, |e| {
        let resolution = e
            .resolution
            .as_deref()
            .or(e.descriptors.first().map(|s| s.as_str()))?;
        split_name_at(resolution).map(|(name, _)| name.to_string())
    })
}

/// `key: value` or `"quoted key": "value"`, both sides unquoted.
fn yaml_key_value(content: &str) -> Option<(&str, &str)> {
    if let Some(rest) = content.strip_prefix('"') {
        let end = rest.find('"')?;
        let key = rest.get(..end)?;
        let value = rest.get(end + 1..)?.trim_start().strip_prefix(':')?;
        return Some((key, unquote(value)));
    }
    let (key, value) = content.split_once(':')?;
    Some((key.trim(), unquote(value)))
}

fn is_workspace(e: &YarnEntry) -> bool {
    e.resolution
        .as_deref()
        .and_then(split_name_at)
        .is_some_and(|(_, r)| r.starts_with("workspace:"))
}

/// Packages from yarn entries: descriptors resolved to purls, workspace entries (berry) marking
/// the direct dependencies.
fn yarn_packages(
    entries: Vec<YarnEntry>,
    name_of: impl Fn(&YarnEntry) -> Option<String>,
) -> Result<Vec<Package>, ParseError> {
    let mut by_descriptor: HashMap<&str, String> = HashMap::new();
    let mut named = Vec::with_capacity(entries.len());
    for e in &entries {
        let Some(name) = name_of(e) else {
            return Err(ParseError::at(
                e.line,
                "expected a `name@range` descriptor in the entry header",
            ));
        };
        let Some(version) = e.version.as_deref() else {
            return Err(ParseError::at(e.line, "entry has no `version`"));
        };
        let skip = e.soft || is_workspace(e);
        let purl = npm_purl(&name, version);
        if !skip {
            for d in &e.descriptors {
                by_descriptor.insert(d.as_str(), purl.clone());
            }
        }
        named.push((name, version, purl, skip));
    }
    let resolve = |name: &str, range: &str| {
        by_descriptor
            .get(format!("{name}@{range}").as_str())
            .or_else(|| by_descriptor.get(format!("{name}@npm:{range}").as_str()))
            .cloned()
    };
    let has_workspace = entries.iter().any(is_workspace);
    let direct: HashSet<String> = entries
        .iter()
        .filter(|e| is_workspace(e))
        .flat_map(|e| e.deps.iter().filter_map(|(n, r)| resolve(n, r)))
        .collect();
    let mut out = Vec::new();
    for (e, (name, version, purl, skip)) in entries.iter().zip(named) {
        if skip {
            continue;
        }
        let mut p = package(&name, version, "npm", purl);
        p.direct = has_workspace.then(|| direct.contains(&p.purl));
        p.dependencies = e.deps.iter().filter_map(|(n, r)| resolve(n, r)).collect();
        out.push(p);
    }
    Ok(finish(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    const V3: &str = include_str!("../../tests/fixtures/lang/package-lock.v3.json");
    const V1: &str = include_str!("../../tests/fixtures/lang/package-lock.v1.json");
    const YARN_V1: &str = include_str!("../../tests/fixtures/lang/yarn.v1.lock");
    const BERRY: &str = include_str!("../../tests/fixtures/lang/yarn.berry.lock");

    fn get<'a>(packages: &'a [Package], name: &str, version: &str) -> &'a Package {
        packages
            .iter()
            .find(|p| p.name == name && p.version == version)
            .expect("package present")
    }

    fn ids(packages: &[Package]) -> Vec<String> {
        packages
            .iter()
            .map(|p| format!("{}@{}", p.name, p.version))
            .collect()
    }

    const ALL: [&str; 16] = [
        "@types/node@20.19.43",
        "debug@2.6.9",
        "debug@4.4.3",
        "ee-first@1.1.1",
        "encodeurl@1.0.4",
        "escape-html@1.0.3",
        "finalhandler@1.2.0",
        "is-number@6.0.0",
        "is-odd@3.0.1",
        "ms@2.0.0",
        "ms@2.1.3",
        "on-finished@2.4.1",
        "parseurl@1.3.3",
        "statuses@2.0.1",
        "undici-types@6.21.0",
        "unpipe@1.0.0",
    ];

    #[test]
    fn fast_purls_match_the_builder() {
        for (name, version) in [
            ("ms", "2.1.3"),
            ("@types/node", "20.1.0-beta.1"),
            ("@a/b", "1.0.0+build"),
            ("UPPER_case~x", "1"),
            ("x", ""),
            ("@", "1"),
            ("@/x", "1"),
        ] {
            let slow = match name.strip_prefix('@').and_then(|r| r.split_once('/')) {
                Some((scope, bare)) => {
                    purl("npm", Some(&format!("@{scope}")), bare, Some(version), &[])
                }
                None => purl("npm", None, name, Some(version), &[]),
            };
            assert_eq!(npm_purl(name, version), slow);
        }
    }

    #[test]
    fn lockfile_v3_with_nested_copies() {
        let packages = parse_package_lock("package-lock.json", V3.as_bytes()).unwrap();
        assert_eq!(ids(&packages), ALL);
        let node = get(&packages, "@types/node", "20.19.43");
        assert_eq!(node.purl, "pkg:npm/%40types/node@20.19.43");
        assert_eq!(node.direct, Some(true));
        assert_eq!(node.licenses, ["MIT"]);
        assert_eq!(node.dependencies, ["pkg:npm/undici-types@6.21.0"]);
        // finalhandler's own debug@2.6.9 and ms@2.0.0 come from its nested node_modules.
        let fin = get(&packages, "finalhandler", "1.2.0");
        assert!(
            fin.dependencies
                .contains(&"pkg:npm/debug@2.6.9".to_string())
        );
        assert_eq!(get(&packages, "debug", "2.6.9").direct, Some(false));
        assert_eq!(
            get(&packages, "debug", "2.6.9").dependencies,
            ["pkg:npm/ms@2.0.0"]
        );
        assert_eq!(
            get(&packages, "debug", "4.4.3").dependencies,
            ["pkg:npm/ms@2.1.3"]
        );
        assert_eq!(get(&packages, "is-odd", "3.0.1").direct, Some(true));
        assert_eq!(get(&packages, "is-number", "6.0.0").direct, Some(false));
    }

    #[test]
    fn lockfile_v1_tree() {
        let packages = parse_package_lock("package-lock.json", V1.as_bytes()).unwrap();
        assert_eq!(ids(&packages), ALL);
        assert!(packages.iter().all(|p| p.direct.is_none()));
        assert_eq!(
            get(&packages, "debug", "2.6.9").dependencies,
            ["pkg:npm/ms@2.0.0"]
        );
        assert_eq!(
            get(&packages, "debug", "4.4.3").dependencies,
            ["pkg:npm/ms@2.1.3"]
        );
    }

    #[test]
    fn aliases_links_and_workspaces() {
        let lock = r#"{"lockfileVersion": 3, "packages": {
            "": {"name": "root", "workspaces": ["pkgs/*"], "dependencies": {"str": "npm:string-width@^4"}},
            "pkgs/lib": {"name": "lib", "version": "1.0.0", "dependencies": {"left-pad": "^1"}},
            "node_modules/lib": {"resolved": "pkgs/lib", "link": true},
            "node_modules/left-pad": {"version": "1.3.0", "license": {"type": "WTFPL"}},
            "node_modules/str": {"name": "string-width", "version": "4.2.3"},
            "pkgs/lib/node_modules/left-pad": {"version": "1.0.0"},
            "pkgs/lib/node_modules/ms": {"version": "2.1.3"}
        }}"#;
        let packages = parse_package_lock("package-lock.json", lock.as_bytes()).unwrap();
        assert_eq!(
            ids(&packages),
            [
                "left-pad@1.0.0",
                "left-pad@1.3.0",
                "ms@2.1.3",
                "string-width@4.2.3"
            ]
        );
        let direct: Vec<_> = packages.iter().map(|p| p.direct).collect();
        assert_eq!(direct, [Some(true), Some(true), Some(false), Some(true)]);
        assert_eq!(packages[1].licenses, ["WTFPL"]);
    }

    #[test]
    fn malformed_package_locks() {
        let err = parse_package_lock(
            "package-lock.json",
            b"{\n  \"packages\": {\n    \"x\": 3\n}",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        let err = parse_package_lock(
            "package-lock.json",
            b"{\"packages\": {\"node_modules/a\": {\"version\": 1}}}",
        )
        .unwrap_err();
        assert!(err.message.contains("package-lock.json"), "{err}");
        assert!(parse_package_lock("p", b"").is_err());
        assert!(parse_package_lock("p", b"{}").unwrap().is_empty());
    }

    #[test]
    fn yarn_classic() {
        let packages = parse_yarn_lock("yarn.lock", YARN_V1.as_bytes()).unwrap();
        assert_eq!(ids(&packages), ALL);
        assert!(packages.iter().all(|p| p.direct.is_none()));
        assert_eq!(
            get(&packages, "debug", "2.6.9").dependencies,
            ["pkg:npm/ms@2.0.0"]
        );
        let fin = get(&packages, "finalhandler", "1.2.0");
        assert_eq!(fin.dependencies.len(), 7);
        assert_eq!(
            get(&packages, "@types/node", "20.19.43").dependencies,
            ["pkg:npm/undici-types@6.21.0"]
        );
    }

    #[test]
    fn yarn_classic_local_and_aliased_entries() {
        let lock = "# yarn lockfile v1\n\n\"local@file:./local\":\n  version \"1.0.0\"\n  dependencies:\n    ms \"^2\"\n\n\"str@npm:string-width@^4\":\n  version \"4.2.3\"\n  resolved \"https://registry.yarnpkg.com/string-width/-/string-width-4.2.3.tgz\"\n\nms@^2:\n  version \"2.1.3\"\n";
        let packages = parse_yarn_lock("yarn.lock", lock.as_bytes()).unwrap();
        assert_eq!(ids(&packages), ["ms@2.1.3", "string-width@4.2.3"]);
    }

    #[test]
    fn yarn_berry() {
        let packages = parse_yarn_lock("yarn.lock", BERRY.as_bytes()).unwrap();
        assert_eq!(ids(&packages), ALL);
        assert_eq!(get(&packages, "ms", "2.1.3").direct, Some(true));
        assert_eq!(get(&packages, "ms", "2.0.0").direct, Some(false));
        assert_eq!(get(&packages, "is-odd", "3.0.1").direct, Some(true));
        assert_eq!(
            get(&packages, "debug", "2.6.9").dependencies,
            ["pkg:npm/ms@2.0.0"]
        );
        assert_eq!(
            get(&packages, "@types/node", "20.19.43").dependencies,
            ["pkg:npm/undici-types@6.21.0"]
        );
    }

    #[test]
    fn malformed_yarn_locks() {
        let err = parse_yarn_lock(
            "yarn.lock",
            b"# yarn lockfile v1\n\nms@^2:\n  version \"2.1.3\"\nbroken line\n",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(5), "{err}");
        let err = parse_yarn_lock("yarn.lock", b"ms@^2:\n  resolved \"x\"\n").unwrap_err();
        assert_eq!(err.line, Some(1), "{err}");
        assert!(err.message.contains("version"), "{err}");
        let err = parse_yarn_lock(
            "yarn.lock",
            b"__metadata:\n  version: 8\n\n\"ms@npm:^2\":\n  version 2\n",
        )
        .unwrap_err();
        assert_eq!(err.line, Some(5), "{err}");
        let err = parse_yarn_lock("yarn.lock", b"  version \"1\"\n").unwrap_err();
        assert_eq!(err.line, Some(1), "{err}");
    }

    #[test]
    fn hundred_thousand_entries_quickly() {
        let mut lock = String::from(
            "{\"lockfileVersion\": 3, \"packages\": {\"\": {\"dependencies\": {\"p0\": \"1\"}}",
        );
        for i in 0..100_000 {
            lock.push_str(&format!(
                ",\n\"node_modules/p{i}\": {{\"version\": \"1.0.{i}\", \"license\": \"MIT\", \
                 \"dependencies\": {{\"p{}\": \"^1\"}}}}",
                (i + 1) % 100_000
            ));
        }
        lock.push_str("}}");
        let start = std::time::Instant::now();
        let packages = parse_package_lock("package-lock.json", lock.as_bytes()).unwrap();
        let took = start.elapsed();
        assert_eq!(packages.len(), 100_000);
        assert_eq!(packages[0].name, "p0");
        assert_eq!(packages[0].direct, Some(true));
        assert_eq!(packages[0].dependencies, ["pkg:npm/p1@1.0.1"]);
        // ~1 s in a debug build; the bound only has to catch quadratic behaviour (which would
        // take minutes), not measure speed on a loaded CI machine.
        assert!(took.as_secs_f64() < 20.0, "took {took:?}");
    }
}
