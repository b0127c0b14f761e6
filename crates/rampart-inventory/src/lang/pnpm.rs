//! pnpm and bun lockfiles.
//!
//! `pnpm-lock.yaml` is read line by line (no YAML crate): pnpm writes a regular block-style
//! subset. Lockfile 5.x keys are `/name/1.2.3_peer@x`, 6.x keys `/name@1.2.3(peer@x)`, 9.x
//! keys `name@1.2.3` in `packages:` and `name@1.2.3(peer@x)` in `snapshots:`; peer suffixes
//! are dropped, so the copies resolved against different peers are one package. Local
//! packages (`file:`/`link:` keys) are left out, and so are git and tarball entries without a
//! `version:` field. Dependency edges come from each entry's `dependencies` and
//! `optionalDependencies`, matched to the keys they name. `direct` comes from `importers:`
//! (6.x, 9.x and 5.x workspaces) or the top-level `dependencies:`/`devDependencies:`/
//! `optionalDependencies:` (5.x and 6.x single projects); `None` when neither is present.
//!
//! `bun.lock` is JSON with comments and trailing commas. `packages` maps an install path
//! (`debug`, `finalhandler/debug`, `@x/a/ms`) to `["name@version", registry, {deps}, hash]`;
//! workspace, link, file, git and tarball entries (a version with `:`) are left out. Edges are
//! resolved the way Node looks modules up: from the package's own path outwards. `direct`
//! marks what a workspace declares.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fmt;

use rampart_core::Package;
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, SeqAccess, Visitor};
use serde_json::Value;

use super::{finish, from_json, package, text};
use crate::ParseError;

pub(super) use super::npm::npm_purl;

/// `name@rest` with the `@` of a scope not taken as the separator.
fn split_name_at(spec: &str) -> Option<(&str, &str)> {
    let at = spec.get(1..)?.find('@')? + 1;
    Some((spec.get(..at)?, spec.get(at + 1..)?))
}

/// A version as a registry publishes it: no source (`:`), path (`/`) or spaces.
fn is_plain_version(version: &str) -> bool {
    !version.is_empty() && !version.contains([':', '/', ' ', '(', ')'])
}

/// A YAML key line: `key:`, `key: value`, `'quoted key': value` or `"quoted key": value`.
/// The key is unquoted; the value is left as written (trimmed).
fn split_key(content: &str) -> Option<(String, &str)> {
    let quote = content.chars().next().filter(|c| *c == '\'' || *c == '"');
    let (key, after) = match quote {
        Some(q) => {
            let rest = content.get(1..)?;
            let mut key = String::new();
            let mut end = None;
            let mut chars = rest.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if q == '\'' && c == '\'' {
                    // `''` is a quote inside a single-quoted scalar.
                    if chars.peek().is_some_and(|(_, n)| *n == '\'') {
                        chars.next();
                        key.push('\'');
                        continue;
                    }
                    end = Some(i + 1);
                    break;
                }
                if q == '"' && c == '\\' {
                    if let Some((_, n)) = chars.next() {
                        key.push(n);
                    }
                    continue;
                }
                if q == '"' && c == '"' {
                    end = Some(i + 1);
                    break;
                }
                key.push(c);
            }
            let after = rest.get(end?..)?.trim_start().strip_prefix(':')?;
            (key, after)
        }
        None => match content.find(": ") {
            Some(i) => (
                content.get(..i)?.trim_end().to_string(),
                content.get(i + 1..)?,
            ),
            None => (content.strip_suffix(':')?.trim_end().to_string(), ""),
        },
    };
    if key.is_empty() || !(after.is_empty() || after.starts_with(' ')) {
        return None;
    }
    Some((key, after.trim()))
}

/// A scalar value, unquoted; flow collections (`{…}`, `[…]`) are not scalars.
fn scalar(value: &str) -> Option<String> {
    if value.starts_with(['{', '[']) {
        return None;
    }
    if let Some(inner) = value.strip_prefix('\'').and_then(|v| v.strip_suffix('\'')) {
        return Some(inner.replace("''", "'"));
    }
    if let Some(inner) = value.strip_prefix('"').and_then(|v| v.strip_suffix('"')) {
        return Some(inner.replace("\\\"", "\"").replace("\\\\", "\\"));
    }
    Some(value.to_string())
}

/// `version` from a flow mapping like `{specifier: ^1, version: 1.2.3}`.
fn flow_version(value: &str) -> Option<String> {
    let inner = value.strip_prefix('{')?.strip_suffix('}')?;
    inner.split(", ").find_map(|pair| {
        let (k, v) = pair.split_once(':')?;
        (k.trim() == "version").then(|| scalar(v.trim())).flatten()
    })
}

/// One `packages:` or `snapshots:` entry, as read.
struct Entry {
    line: usize,
    key: String,
    snapshot: bool,
    name: Option<String>,
    version: Option<String>,
    deps: Vec<(String, String)>,
}

/// What a `packages:`/`snapshots:` key names.
enum KeyKind<'a> {
    /// A registry package.
    Registry(&'a str, &'a str),
    /// A git or tarball source: its `name:`/`version:` fields say what it is.
    Other(Option<&'a str>),
    /// A local directory or link: not a published package.
    Local,
    /// Not a package key at all.
    Malformed,
}

const DEP_SECTIONS: [&str; 3] = ["dependencies", "devDependencies", "optionalDependencies"];

/// A key without its leading `/` and, from the first `(`, its peer suffix.
fn base_key(key: &str) -> &str {
    let key = key.strip_prefix('/').unwrap_or(key);
    key.split('(').next().unwrap_or(key)
}

/// Name and version of a `packages:`/`snapshots:` key.
fn key_kind(key: &str, v5: bool) -> KeyKind<'_> {
    let bare = key.strip_prefix('/').unwrap_or(key);
    if bare.starts_with("file:") || bare.starts_with("link:") {
        return KeyKind::Local;
    }
    let (name, rest) = if v5 {
        // `name/1.2.3_peer` or `@scope/name/1.2.3_peer`.
        let skip = if bare.starts_with('@') {
            bare.find('/').map_or(0, |i| i + 1)
        } else {
            0
        };
        match bare.get(skip..).and_then(|r| r.find('/')) {
            Some(i) => (
                bare.get(..skip + i).unwrap_or_default(),
                bare.get(skip + i + 1..).unwrap_or_default(),
            ),
            None if bare.contains(':') => return KeyKind::Other(None),
            None => return KeyKind::Malformed,
        }
    } else {
        match split_name_at(bare.split('(').next().unwrap_or(bare)) {
            Some(split) => split,
            None if bare.contains([':', '/']) => return KeyKind::Other(None),
            None => return KeyKind::Malformed,
        }
    };
    if rest.starts_with("file:") || rest.starts_with("link:") {
        return KeyKind::Local;
    }
    if name.is_empty() || name.contains(':') {
        return KeyKind::Other(None);
    }
    let version = rest.split(['(', '_']).next().unwrap_or(rest);
    if is_plain_version(version) {
        KeyKind::Registry(name, version)
    } else {
        KeyKind::Other(Some(name))
    }
}

/// The YAML paths whose children are read; a line there that is not a key is an error.
fn is_read(path: &[&str]) -> bool {
    let section = |s: &&str| DEP_SECTIONS.contains(s);
    match path {
        [] => true,
        ["packages" | "snapshots"] | ["packages" | "snapshots", _] => true,
        [
            "packages" | "snapshots",
            _,
            "dependencies" | "optionalDependencies",
        ] => true,
        ["importers"] | ["importers", _] => true,
        ["importers", _, s] | ["importers", _, s, _] => section(s),
        [s] | [s, _] => section(s),
        _ => false,
    }
}

/// Parse a `pnpm-lock.yaml` (lockfile 5.x, 6.x or 9.x).
pub fn parse_pnpm_lock(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let text = text(data)?;
    let mut stack: Vec<(usize, String)> = Vec::new();
    let mut lockfile_version: Option<(usize, String)> = None;
    let mut entries: Vec<Entry> = Vec::new();
    // What the projects declare: (name, version reference).
    let mut declared: Vec<(String, String)> = Vec::new();
    let mut has_importers = false;
    for (i, raw) in text.lines().enumerate() {
        let line_no = i + 1;
        let line = raw.trim_end();
        let content = line.trim_start_matches(' ');
        if content.is_empty() || content.starts_with('#') {
            continue;
        }
        if content.starts_with('\t') {
            return Err(ParseError::at(
                line_no,
                "tab in the indentation; YAML indents with spaces",
            ));
        }
        let indent = line.len() - content.len();
        if indent == 0 && (content == "---" || content == "...") {
            stack.clear();
            continue;
        }
        while stack.last().is_some_and(|(d, _)| *d >= indent) {
            stack.pop();
        }
        let path: Vec<&str> = stack.iter().map(|(_, k)| k.as_str()).collect();
        // Sequence items (`transitivePeerDependencies`) hold nothing read here.
        if content == "-" || content.starts_with("- ") {
            continue;
        }
        let Some((key, value)) = split_key(content) else {
            if is_read(&path) {
                return Err(ParseError::at(line_no, "expected `key:` or `key: value`"));
            }
            continue;
        };
        match path.as_slice() {
            [] => match key.as_str() {
                "lockfileVersion" => {
                    lockfile_version = Some((line_no, scalar(value).unwrap_or_default()));
                }
                "importers" => has_importers = true,
                k if DEP_SECTIONS.contains(&k) => has_importers = true,
                _ => {}
            },
            [section @ ("packages" | "snapshots")] => entries.push(Entry {
                line: line_no,
                key: key.clone(),
                snapshot: *section == "snapshots",
                name: None,
                version: None,
                deps: Vec::new(),
            }),
            ["packages" | "snapshots", _] => {
                if let Some(entry) = entries.last_mut() {
                    match key.as_str() {
                        "name" => entry.name = scalar(value),
                        "version" => entry.version = scalar(value),
                        _ => {}
                    }
                }
            }
            [
                "packages" | "snapshots",
                _,
                "dependencies" | "optionalDependencies",
            ] => {
                if let (Some(entry), Some(version)) = (entries.last_mut(), scalar(value)) {
                    entry.deps.push((key.clone(), version));
                }
            }
            ["importers", _, s] | [s] if DEP_SECTIONS.contains(s) => {
                // 5.x: `name: 1.2.3`; 6.x and 9.x: `name:` with `version:` below, or a flow map.
                let version = flow_version(value)
                    .or_else(|| scalar(value))
                    .unwrap_or_default();
                declared.push((key.clone(), version));
            }
            ["importers", _, s, _] | [s, _] if DEP_SECTIONS.contains(s) && key == "version" => {
                if let (Some(last), Some(version)) = (declared.last_mut(), scalar(value)) {
                    last.1 = version;
                }
            }
            _ => {}
        }
        stack.push((indent, key));
    }
    if entries.is_empty() {
        return Ok(Vec::new());
    }
    let Some((version_line, version)) = lockfile_version else {
        return Err(ParseError::new(
            "pnpm-lock.yaml has no `lockfileVersion`; expected `lockfileVersion: '9.0'`",
        ));
    };
    let major: u32 = version
        .split(['.', '-'])
        .next()
        .and_then(|m| m.trim().parse().ok())
        .ok_or_else(|| {
            ParseError::at(
                version_line,
                format!("expected a lockfileVersion like `9.0`, found `{version}`"),
            )
        })?;
    pnpm_packages(&entries, &declared, has_importers, major < 6)
}

/// Packages from the read entries: identities, purls by key, edges and direct marks.
fn pnpm_packages(
    entries: &[Entry],
    declared: &[(String, String)],
    has_importers: bool,
    v5: bool,
) -> Result<Vec<Package>, ParseError> {
    let identity = |e: &Entry| -> Result<Option<(String, String)>, ParseError> {
        let (name, version) = match key_kind(&e.key, v5) {
            KeyKind::Local => return Ok(None),
            KeyKind::Malformed => {
                let shape = if v5 { "`/name/1.2.3`" } else { "`name@1.2.3`" };
                return Err(ParseError::at(
                    e.line,
                    format!("expected a package key like {shape}, found `{}`", e.key),
                ));
            }
            KeyKind::Registry(name, version) => (name.to_string(), version.to_string()),
            KeyKind::Other(name) => {
                let name = e.name.as_deref().or(name).unwrap_or_default();
                let version = e.version.as_deref().unwrap_or_default();
                (name.to_string(), version.to_string())
            }
        };
        Ok((!name.is_empty() && is_plain_version(&version)).then_some((name, version)))
    };
    // 9.x: a snapshot is what its `packages:` entry (the key without peers) says it is.
    let mut by_base: HashMap<&str, Option<(String, String)>> = HashMap::new();
    for e in entries.iter().filter(|e| !e.snapshot) {
        by_base.insert(base_key(&e.key), identity(e)?);
    }
    let mut ids: Vec<Option<(String, String)>> = Vec::with_capacity(entries.len());
    for e in entries {
        ids.push(match by_base.get(base_key(&e.key)) {
            Some(id) if e.snapshot => id.clone(),
            _ => identity(e)?,
        });
    }
    let mut purl_of: HashMap<&str, String> = HashMap::new();
    for (e, id) in entries.iter().zip(&ids) {
        if let Some((name, version)) = id {
            let purl = npm_purl(name, version);
            let key = e.key.strip_prefix('/').unwrap_or(&e.key);
            purl_of.insert(base_key(key), purl.clone());
            purl_of.insert(key, purl);
        }
    }
    // A reference is `1.2.3(peer@x)` under its own name, or an alias's key (`real@1.2.3`,
    // `/real/1.2.3`); `link:` references are workspace projects.
    let resolve = |name: &str, reference: &str| -> Option<String> {
        if reference.is_empty() || reference.starts_with("link:") {
            return None;
        }
        let own = if v5 {
            format!("{name}/{reference}")
        } else {
            format!("{name}@{reference}")
        };
        let alias = reference.strip_prefix('/').unwrap_or(reference);
        [own.as_str(), alias].iter().find_map(|candidate| {
            purl_of
                .get(candidate)
                .or_else(|| purl_of.get(base_key(candidate)))
                .cloned()
        })
    };
    let direct: HashSet<String> = declared
        .iter()
        .filter_map(|(name, reference)| resolve(name, reference))
        .collect();
    let mut out = Vec::with_capacity(entries.len());
    for (e, id) in entries.iter().zip(ids) {
        let Some((name, version)) = id else {
            continue;
        };
        let mut p = package(&name, &version, "npm", npm_purl(&name, &version));
        p.direct = has_importers.then(|| direct.contains(&p.purl));
        p.dependencies = e
            .deps
            .iter()
            .filter_map(|(name, reference)| resolve(name, reference))
            .collect();
        out.push(p);
    }
    Ok(finish(out))
}

/// Blank out `//` and `/* */` comments outside strings, keeping every newline.
fn strip_comments(text: &str) -> Vec<u8> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    let mut in_string = false;
    while let Some(&b) = bytes.get(i) {
        let next = bytes.get(i + 1).copied();
        if in_string {
            out.push(b);
            if b == b'\\' {
                if let Some(n) = next {
                    out.push(n);
                    i += 1;
                }
            } else if b == b'"' {
                in_string = false;
            }
            i += 1;
            continue;
        }
        match (b, next) {
            (b'"', _) => {
                in_string = true;
                out.push(b);
                i += 1;
            }
            (b'/', Some(b'/')) => {
                while let Some(&c) = bytes.get(i) {
                    if c == b'\n' {
                        break;
                    }
                    out.push(b' ');
                    i += 1;
                }
            }
            (b'/', Some(b'*')) => {
                out.extend_from_slice(b"  ");
                i += 2;
                while let Some(&c) = bytes.get(i) {
                    if c == b'*' && bytes.get(i + 1) == Some(&b'/') {
                        out.extend_from_slice(b"  ");
                        i += 2;
                        break;
                    }
                    out.push(if c == b'\n' { b'\n' } else { b' ' });
                    i += 1;
                }
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    out
}

/// Blank out commas (outside strings) followed only by whitespace and `}` or `]`.
fn strip_trailing_commas(bytes: &mut [u8]) {
    let mut in_string = false;
    let mut escaped = false;
    let mut pending: Option<usize> = None;
    for i in 0..bytes.len() {
        let Some(&b) = bytes.get(i) else { break };
        if in_string {
            if escaped {
                escaped = false;
            } else if b == b'\\' {
                escaped = true;
            } else if b == b'"' {
                in_string = false;
            }
            continue;
        }
        match b {
            b' ' | b'\t' | b'\r' | b'\n' => continue,
            b'}' | b']' => {
                if let Some(comma) = pending.and_then(|c| bytes.get_mut(c)) {
                    *comma = b' ';
                }
            }
            b'"' => in_string = true,
            _ => {}
        }
        pending = (b == b',').then_some(i);
    }
}

#[derive(Deserialize)]
struct BunLock {
    #[serde(default)]
    workspaces: BTreeMap<String, BunWorkspace>,
    #[serde(default)]
    packages: BTreeMap<String, BunEntry>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct BunWorkspace {
    name: Option<String>,
    #[serde(default)]
    dependencies: BTreeMap<String, IgnoredAny>,
    #[serde(default)]
    dev_dependencies: BTreeMap<String, IgnoredAny>,
    #[serde(default)]
    optional_dependencies: BTreeMap<String, IgnoredAny>,
    #[serde(default)]
    peer_dependencies: BTreeMap<String, IgnoredAny>,
}

/// One `packages` value: `["name@version", …, {"dependencies": {…}}, …]`.
struct BunEntry {
    ident: String,
    wants: Vec<String>,
}

impl<'de> Deserialize<'de> for BunEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<BunEntry, D::Error> {
        struct EntryVisitor;
        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = BunEntry;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an array starting with \"name@version\"")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<BunEntry, A::Error> {
                let ident: String = seq
                    .next_element()?
                    .ok_or_else(|| de::Error::invalid_length(0, &self))?;
                let mut wants = Vec::new();
                let mut seen_metadata = false;
                while let Some(item) = seq.next_element::<Value>()? {
                    let Value::Object(metadata) = item else {
                        continue;
                    };
                    if std::mem::replace(&mut seen_metadata, true) {
                        continue;
                    }
                    for section in ["dependencies", "optionalDependencies"] {
                        if let Some(Value::Object(deps)) = metadata.get(section) {
                            wants.extend(deps.keys().cloned());
                        }
                    }
                    // Peers count unless optional (`optionalPeers`), as pnpm links them.
                    let optional = metadata.get("optionalPeers").and_then(Value::as_array);
                    let is_optional =
                        |name: &str| optional.is_some_and(|o| o.iter().any(|v| v == name));
                    if let Some(Value::Object(peers)) = metadata.get("peerDependencies") {
                        wants.extend(peers.keys().filter(|n| !is_optional(n)).cloned());
                    }
                }
                Ok(BunEntry { ident, wants })
            }
        }
        deserializer.deserialize_seq(EntryVisitor)
    }
}

/// The package names along an install path: `a/@s/b/c` → `a`, `@s/b`, `c`.
fn path_names(key: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = key;
    while !rest.is_empty() {
        let end = if rest.starts_with('@') {
            rest.find('/')
                .and_then(|i| rest.get(i + 1..)?.find('/').map(|j| i + 1 + j))
        } else {
            rest.find('/')
        };
        match end {
            Some(end) => {
                names.push(rest.get(..end).unwrap_or_default());
                rest = rest.get(end + 1..).unwrap_or_default();
            }
            None => {
                names.push(rest);
                break;
            }
        }
    }
    names
}

/// Parse a `bun.lock` (the text lockfile; `bun.lockb` is binary and not read).
pub fn parse_bun_lock(_path: &str, data: &[u8]) -> Result<Vec<Package>, ParseError> {
    let text = text(data)?;
    let mut json = strip_comments(text);
    strip_trailing_commas(&mut json);
    let lock: BunLock = from_json(&json, "bun.lock")?;
    // Only npm packages: `name@1.2.3`, not `name@workspace:…`, `@github:…`, `@file:…`.
    let mut placed: HashMap<&str, String> = HashMap::new();
    let mut kept: Vec<(&str, &str, &str, &BunEntry)> = Vec::new();
    for (key, entry) in &lock.packages {
        let Some((name, version)) = split_name_at(&entry.ident) else {
            continue;
        };
        if name.is_empty() || !is_plain_version(version) {
            continue;
        }
        placed.insert(key.as_str(), npm_purl(name, version));
        kept.push((key.as_str(), name, version, entry));
    }
    let resolve = |from: &[&str], dep: &str| -> Option<String> {
        let mut base = from.to_vec();
        loop {
            let mut candidate = base.join("/");
            if !candidate.is_empty() {
                candidate.push('/');
            }
            candidate.push_str(dep);
            if let Some(purl) = placed.get(candidate.as_str()) {
                return Some(purl.clone());
            }
            base.pop()?;
        }
    };
    let mut direct: HashSet<String> = HashSet::new();
    for (path, ws) in &lock.workspaces {
        // A workspace's own copies are nested under its name; the root's are at the top.
        let from: Vec<&str> = match ws.name.as_deref() {
            Some(name) if !path.is_empty() => path_names(name),
            _ => Vec::new(),
        };
        for dep in [
            &ws.dependencies,
            &ws.dev_dependencies,
            &ws.optional_dependencies,
            &ws.peer_dependencies,
        ]
        .into_iter()
        .flat_map(BTreeMap::keys)
        {
            direct.extend(resolve(&from, dep));
        }
    }
    let has_workspaces = !lock.workspaces.is_empty();
    let mut out = Vec::with_capacity(kept.len());
    for (key, name, version, entry) in kept {
        let mut p = package(name, version, "npm", npm_purl(name, version));
        p.direct = has_workspaces.then(|| direct.contains(&p.purl));
        let from = path_names(key);
        p.dependencies = entry
            .wants
            .iter()
            .filter_map(|dep| resolve(&from, dep))
            .collect();
        out.push(p);
    }
    Ok(finish(out))
}

#[cfg(test)]
mod tests {
    use super::*;

    const V9: &str = include_str!("../../tests/fixtures/lang/pnpm-lock.v9.yaml");
    const V6: &str = include_str!("../../tests/fixtures/lang/pnpm-lock.v6.yaml");
    const V5: &str = include_str!("../../tests/fixtures/lang/pnpm-lock.v5.yaml");
    const V9_WORKSPACES: &str =
        include_str!("../../tests/fixtures/lang/pnpm-lock.workspaces.v9.yaml");
    const BUN: &str = include_str!("../../tests/fixtures/lang/bun.lock");
    const BUN_WORKSPACES: &str = include_str!("../../tests/fixtures/lang/bun.workspaces.lock");

    const ALL: [&str; 21] = [
        "@types/node@20.19.43",
        "debug@2.6.9",
        "debug@4.4.3",
        "ee-first@1.1.1",
        "encodeurl@1.0.4",
        "escape-html@1.0.3",
        "finalhandler@1.2.0",
        "is-number@6.0.0",
        "is-odd@3.0.1",
        "js-tokens@4.0.0",
        "loose-envify@1.4.0",
        "ms@2.0.0",
        "ms@2.1.3",
        "on-finished@2.4.1",
        "parseurl@1.3.3",
        "react@18.3.1",
        "react-dom@18.3.1",
        "scheduler@0.23.2",
        "statuses@2.0.1",
        "undici-types@6.21.0",
        "unpipe@1.0.0",
    ];

    const DIRECT: [&str; 6] = [
        "@types/node@20.19.43",
        "debug@4.4.3",
        "finalhandler@1.2.0",
        "is-odd@3.0.1",
        "react@18.3.1",
        "react-dom@18.3.1",
    ];

    fn ids(packages: &[Package]) -> Vec<String> {
        packages
            .iter()
            .map(|p| format!("{}@{}", p.name, p.version))
            .collect()
    }

    fn get<'a>(packages: &'a [Package], name: &str, version: &str) -> &'a Package {
        packages
            .iter()
            .find(|p| p.name == name && p.version == version)
            .expect("package present")
    }

    /// The same project, locked by pnpm 9, 8 and 7 and by bun, gives the same packages,
    /// edges and direct marks.
    fn check_project(packages: &[Package]) {
        assert_eq!(ids(packages), ALL);
        assert!(packages.iter().all(|p| p.ecosystem == "npm"));
        let direct: Vec<String> = packages
            .iter()
            .filter(|p| p.direct == Some(true))
            .map(|p| format!("{}@{}", p.name, p.version))
            .collect();
        assert_eq!(direct, DIRECT);
        assert!(packages.iter().all(|p| p.direct.is_some()));
        let node = get(packages, "@types/node", "20.19.43");
        assert_eq!(node.purl, "pkg:npm/%40types/node@20.19.43");
        assert_eq!(node.dependencies, ["pkg:npm/undici-types@6.21.0"]);
        assert_eq!(
            get(packages, "debug", "2.6.9").dependencies,
            ["pkg:npm/ms@2.0.0"]
        );
        assert_eq!(
            get(packages, "debug", "4.4.3").dependencies,
            ["pkg:npm/ms@2.1.3"]
        );
        let fin = get(packages, "finalhandler", "1.2.0");
        assert_eq!(fin.dependencies.len(), 7, "{:?}", fin.dependencies);
        assert!(
            fin.dependencies
                .contains(&"pkg:npm/debug@2.6.9".to_string())
        );
        assert_eq!(
            get(packages, "react-dom", "18.3.1").dependencies,
            [
                "pkg:npm/loose-envify@1.4.0",
                "pkg:npm/react@18.3.1",
                "pkg:npm/scheduler@0.23.2"
            ]
        );
    }

    #[test]
    fn pnpm_lockfile_v9() {
        check_project(&parse_pnpm_lock("pnpm-lock.yaml", V9.as_bytes()).unwrap());
    }

    #[test]
    fn pnpm_lockfile_v6() {
        check_project(&parse_pnpm_lock("pnpm-lock.yaml", V6.as_bytes()).unwrap());
    }

    #[test]
    fn pnpm_lockfile_v5() {
        check_project(&parse_pnpm_lock("pnpm-lock.yaml", V5.as_bytes()).unwrap());
    }

    #[test]
    fn bun_lockfile() {
        check_project(&parse_bun_lock("bun.lock", BUN.as_bytes()).unwrap());
    }

    #[test]
    fn pnpm_workspaces_aliases_and_links() {
        let packages = parse_pnpm_lock("pnpm-lock.yaml", V9_WORKSPACES.as_bytes()).unwrap();
        assert_eq!(
            ids(&packages),
            [
                "ansi-regex@5.0.1",
                "emoji-regex@8.0.0",
                "is-fullwidth-code-point@3.0.0",
                "ms@2.0.0",
                "ms@2.1.3",
                "string-width@4.2.3",
                "strip-ansi@6.0.1",
            ]
        );
        let direct: Vec<_> = packages.iter().map(|p| p.direct).collect();
        let (yes, no) = (Some(true), Some(false));
        assert_eq!(direct, [no, no, no, yes, yes, yes, no]);
        assert_eq!(
            get(&packages, "string-width", "4.2.3").dependencies.len(),
            3
        );
    }

    #[test]
    fn bun_workspaces_and_aliases() {
        let packages = parse_bun_lock("bun.lock", BUN_WORKSPACES.as_bytes()).unwrap();
        assert_eq!(
            ids(&packages),
            [
                "ansi-regex@5.0.1",
                "emoji-regex@8.0.0",
                "is-fullwidth-code-point@3.0.0",
                "ms@2.0.0",
                "ms@2.1.3",
                "string-width@4.2.3",
                "strip-ansi@6.0.1",
            ]
        );
        let direct: Vec<_> = packages.iter().map(|p| p.direct).collect();
        let (yes, no) = (Some(true), Some(false));
        assert_eq!(direct, [no, no, no, yes, yes, yes, no]);
        assert_eq!(
            get(&packages, "strip-ansi", "6.0.1").dependencies,
            ["pkg:npm/ansi-regex@5.0.1"]
        );
    }

    #[test]
    fn pnpm_peer_suffixes_aliases_and_sources() {
        // 6.x shape, written by hand: a scoped package with a peer suffix, an alias, a
        // tarball with name/version fields, a git source without, a local directory.
        let lock = "lockfileVersion: '6.0'\n\ndependencies:\n  '@babel/core':\n    specifier: ^7\n    version: 7.24.0\n  str:\n    specifier: npm:string-width@4\n    version: /string-width@4.2.3\n  local:\n    specifier: file:../local\n    version: file:../local\n\npackages:\n\n  /@babel/core@7.24.0:\n    resolution: {integrity: sha512-x}\n    dependencies:\n      '@babel/helper': 7.24.0(@babel/core@7.24.0)\n    dev: false\n\n  /@babel/helper@7.24.0(@babel/core@7.24.0):\n    resolution: {integrity: sha512-y}\n    peerDependencies:\n      '@babel/core': ^7.0.0\n\n  /string-width@4.2.3:\n    resolution: {integrity: sha512-z}\n\n  '@registry.example.com/tar/-/tar-1.0.0.tgz':\n    resolution: {tarball: https://registry.example.com/tar/-/tar-1.0.0.tgz}\n    name: tar\n    version: 1.0.0\n\n  github.com/user/repo/abc123:\n    resolution: {tarball: https://codeload.github.com/user/repo/tar.gz/abc123}\n\n  file:../local:\n    resolution: {directory: ../local, type: directory}\n    name: local\n    version: 0.0.1\n";
        let packages = parse_pnpm_lock("pnpm-lock.yaml", lock.as_bytes()).unwrap();
        assert_eq!(
            ids(&packages),
            [
                "@babel/core@7.24.0",
                "@babel/helper@7.24.0",
                "string-width@4.2.3",
                "tar@1.0.0"
            ]
        );
        let direct: Vec<_> = packages.iter().map(|p| p.direct).collect();
        assert_eq!(direct, [Some(true), Some(false), Some(true), Some(false)]);
        assert_eq!(packages[0].dependencies, ["pkg:npm/%40babel/helper@7.24.0"]);
        // 5.x: scoped keys, `_` peer suffixes, and no importer information at all.
        let lock = "lockfileVersion: 5.3\n\npackages:\n\n  /@babel/helper/7.24.0_@babel+core@7.24.0:\n    resolution: {integrity: sha512-y}\n    dependencies:\n      ms: 2.1.3\n\n  /ms/2.1.3:\n    resolution: {integrity: sha512-x}\n";
        let packages = parse_pnpm_lock("pnpm-lock.yaml", lock.as_bytes()).unwrap();
        assert_eq!(ids(&packages), ["@babel/helper@7.24.0", "ms@2.1.3"]);
        assert_eq!(packages[0].dependencies, ["pkg:npm/ms@2.1.3"]);
        assert!(packages.iter().all(|p| p.direct.is_none()));
    }

    #[test]
    fn malformed_pnpm_locks() {
        let parse = |s: &str| parse_pnpm_lock("pnpm-lock.yaml", s.as_bytes());
        let err =
            parse("lockfileVersion: '9.0'\npackages:\n  ms@2.1.3:\n  broken line\n").unwrap_err();
        assert_eq!(err.line, Some(4), "{err}");
        let err =
            parse("lockfileVersion: '9.0'\npackages:\n  ms:\n    resolution: {}\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(err.message.contains("name@1.2.3"), "{err}");
        let err = parse("lockfileVersion: 5.4\npackages:\n  /ms:\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        let err = parse("lockfileVersion: x\npackages:\n  ms@1.0.0: {}\n").unwrap_err();
        assert_eq!(err.line, Some(1), "{err}");
        let err = parse("packages:\n  ms@1.0.0: {}\n").unwrap_err();
        assert!(err.message.contains("lockfileVersion"), "{err}");
        let err = parse("lockfileVersion: '9.0'\npackages:\n\t ms@1.0.0: {}\n").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        let err = parse("lockfileVersion: '9.0'\n'unterminated: x\n").unwrap_err();
        assert_eq!(err.line, Some(2), "{err}");
        // Lines under keys that are not read (wrapped flow maps) are not checked.
        let ok = parse(
            "lockfileVersion: '9.0'\npackages:\n  ms@1.0.0:\n    resolution: {integrity: a,\n      tarball: b}\n",
        )
        .unwrap();
        assert_eq!(ids(&ok), ["ms@1.0.0"]);
        assert!(parse("").unwrap().is_empty());
        assert!(parse("lockfileVersion: '9.0'\n").unwrap().is_empty());
    }

    #[test]
    fn bun_comments_and_trailing_commas() {
        let lock = "// bun\n{\n  \"lockfileVersion\": 1, /* text lockfile */\n  \"workspaces\": {\"\": {\"dependencies\": {\"ms\": \"^2\",},},},\n  \"packages\": {\n    \"ms\": [\"ms@2.1.3\", \"\", {}, \"sha512-//x,]\"], // trailing\n    \"gh\": [\"gh@github:user/gh#abc\", {}, \"abc\"],\n    \"ws\": [\"ws@workspace:packages/ws\"],\n  },\n}\n";
        let packages = parse_bun_lock("bun.lock", lock.as_bytes()).unwrap();
        assert_eq!(ids(&packages), ["ms@2.1.3"]);
        assert_eq!(packages[0].direct, Some(true));
    }

    #[test]
    fn malformed_bun_locks() {
        let parse = |s: &str| parse_bun_lock("bun.lock", s.as_bytes());
        let err = parse("{\n  \"packages\": {\n    \"ms\": [1, 2]\n  }\n}").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        assert!(err.message.contains("bun.lock"), "{err}");
        let err = parse("{\n  \"packages\": {\n    \"ms\": []\n  }\n}").unwrap_err();
        assert_eq!(err.line, Some(3), "{err}");
        let err = parse("{\n  \"packages\": {\n    \"ms\": [\"ms@1\"\n  }\n}").unwrap_err();
        assert_eq!(err.line, Some(4), "{err}");
        assert!(parse("").is_err());
        assert!(parse("{}").unwrap().is_empty());
        // A name without a version is not a package.
        assert!(
            parse("{\"packages\": {\"x\": [\"x\"]}}")
                .unwrap()
                .is_empty()
        );
    }

    #[test]
    fn install_path_names() {
        assert_eq!(path_names("a/@s/b/c"), ["a", "@s/b", "c"]);
        assert_eq!(path_names("@types/node"), ["@types/node"]);
        assert_eq!(path_names("@x/a/ms"), ["@x/a", "ms"]);
        assert!(path_names("").is_empty());
    }

    #[test]
    fn hundred_thousand_entries_quickly() {
        let mut lock = String::from(
            "lockfileVersion: '9.0'\n\nimporters:\n\n  .:\n    dependencies:\n      p0:\n        specifier: ^1\n        version: 1.0.0\n\npackages:\n\n",
        );
        for i in 0..100_000 {
            lock.push_str(&format!(
                "  p{i}@1.0.{i}:\n    resolution: {{integrity: x}}\n\n"
            ));
        }
        lock.push_str("snapshots:\n\n");
        for i in 0..100_000 {
            lock.push_str(&format!(
                "  p{i}@1.0.{i}:\n    dependencies:\n      p{}: 1.0.{}\n\n",
                (i + 1) % 100_000,
                (i + 1) % 100_000
            ));
        }
        let start = std::time::Instant::now();
        let packages = parse_pnpm_lock("pnpm-lock.yaml", lock.as_bytes()).unwrap();
        let took = start.elapsed();
        assert_eq!(packages.len(), 100_000);
        assert_eq!(packages[0].name, "p0");
        assert_eq!(packages[1].dependencies, ["pkg:npm/p2@1.0.2"]);
        // Only has to catch quadratic behaviour, not measure speed on a loaded machine.
        assert!(took.as_secs_f64() < 20.0, "took {took:?}");
    }

    #[test]
    fn damaged_inputs_never_panic() {
        for (path, text) in [
            ("pnpm-lock.yaml", V9),
            ("pnpm-lock.yaml", V6),
            ("pnpm-lock.yaml", V5),
            ("bun.lock", BUN),
            ("bun.lock", BUN_WORKSPACES),
        ] {
            let parse = super::super::parser_for(path).expect("routed");
            let bytes = text.as_bytes();
            let lines = text.lines().count() + 1;
            for cut in (0..bytes.len()).step_by((bytes.len() / 150).max(1)) {
                let mut damaged = vec![bytes.get(..cut).unwrap_or_default().to_vec()];
                for replacement in [b'"', b'\'', b' ', b'\n', b'\t', b':', b'(', b',', 0xff] {
                    let mut d = bytes.to_vec();
                    if let Some(b) = d.get_mut(cut) {
                        *b = replacement;
                    }
                    damaged.push(d);
                }
                for data in damaged {
                    if let Err(e) = parse(path, &data) {
                        assert!(!e.message.is_empty());
                        assert!(e.line.is_none_or(|l| l >= 1 && l <= lines + 1), "{e}");
                    }
                }
            }
        }
    }
}
