//! OS package databases (dpkg, apk, rpm) and `os-release`, combined once the walk is over.
//!
//! Files are matched on their path suffix, so a root filesystem scanned at `/`, at
//! `./rootfs` or found inside the tree (`rootfs/var/lib/dpkg/status`) all work; the part
//! before the suffix is the file's *root*, and a database takes its distro release from the
//! `os-release` of the same root.

mod apk;
mod dpkg;
mod os_release;
mod rpm;
mod sqlite;

use std::collections::{BTreeMap, BTreeSet};

use rampart_core::{Package, ScanError, ScanErrorKind};

use self::os_release::Release;
use crate::ParseError;
use crate::purl::purl;

const DPKG_STATUS: &str = "var/lib/dpkg/status";
const DPKG_STATUS_D: &str = "var/lib/dpkg/status.d/";
const APK_INSTALLED: &str = "lib/apk/db/installed";

/// Release files, best first.
const RELEASE_FILES: &[&str] = &[
    "etc/os-release",
    "usr/lib/os-release",
    "etc/debian_version",
    "etc/alpine-release",
];

/// A package as a database records it, before the distro is known.
#[derive(Debug, Clone, PartialEq, Eq)]
struct RawPackage {
    name: String,
    version: String,
    arch: Option<String>,
    /// Source package (Debian `Source:`, Alpine origin); the binary's name when absent.
    source_name: String,
    /// Source version; the binary's version when the database does not say otherwise.
    source_version: String,
    licenses: Vec<String>,
    /// Groups of alternatives (`a | b`), by package or provided name.
    depends: Vec<Vec<String>>,
    /// Virtual names this package provides.
    provides: Vec<String>,
}

/// What one database file held.
#[derive(Debug, Default, PartialEq, Eq)]
struct Parsed {
    /// Installed packages, in file order.
    packages: Vec<RawPackage>,
    /// Stanzas/blocks of installed packages that could not be used (no name or version).
    skipped: usize,
    /// 1-based line of the first skipped stanza/block.
    first_skipped_line: Option<usize>,
}

impl Parsed {
    fn note_skipped(&mut self, line: usize) {
        self.skipped += 1;
        self.first_skipped_line.get_or_insert(line);
    }
}

/// The package database family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Dpkg,
    Apk,
    Rpm,
}

/// The part of `path` before `suffix`, if `path` is `suffix` or ends with `/suffix`.
fn root_of<'a>(path: &'a str, suffix: &str) -> Option<&'a str> {
    let root = path.strip_suffix(suffix)?;
    (root.is_empty() || root.ends_with('/')).then_some(root)
}

/// For a file in `var/lib/dpkg/status.d/`: its root. `*.md5sums` files are not stanzas.
fn status_d_root(path: &str) -> Option<&str> {
    let (dir, name) = path.rsplit_once('/')?;
    if name.is_empty() || name.ends_with(".md5sums") || name.starts_with('.') {
        return None;
    }
    root_of(&format!("{dir}/"), DPKG_STATUS_D).map(|root| &path[..root.len()])
}

/// Whether `path` is a file the OS collector reads.
pub fn wants(path: &str) -> bool {
    root_of(path, DPKG_STATUS).is_some()
        || status_d_root(path).is_some()
        || root_of(path, APK_INSTALLED).is_some()
        || RELEASE_FILES.iter().any(|f| root_of(path, f).is_some())
        || rpm::format_of(path).is_some()
}

/// One database file and what it held.
#[derive(Debug)]
struct Database {
    root: String,
    path: String,
    kind: Kind,
    packages: Vec<RawPackage>,
}

/// Gathers OS package databases and the distro release during the walk.
#[derive(Debug, Default)]
pub struct OsCollector {
    /// Per root: release files found, with their rank in [`RELEASE_FILES`].
    releases: BTreeMap<String, Vec<(usize, Release)>>,
    databases: Vec<Database>,
    /// RPM databases found (path, format, whether the content matched the format).
    rpm: Vec<(String, &'static str, bool)>,
    /// Stanzas or blocks of installed packages that could not be used (no name or version).
    skipped: usize,
}

impl OsCollector {
    /// Take in one file `wants` accepted.
    pub fn add(&mut self, path: &str, data: &[u8]) -> Result<(), ParseError> {
        if let Some(root) = root_of(path, DPKG_STATUS) {
            return self.add_database(root, path, Kind::Dpkg, dpkg::parse(data, true));
        }
        if let Some(root) = status_d_root(path) {
            return self.add_database(root, path, Kind::Dpkg, dpkg::parse(data, false));
        }
        if let Some(root) = root_of(path, APK_INSTALLED) {
            return self.add_database(root, path, Kind::Apk, apk::parse(data));
        }
        if let Some((root, format)) = rpm::root_and_format(path) {
            if format == "SQLite" && rpm::looks_like(format, data) {
                let parsed = rpm::parse_sqlite(data).map_err(|e| {
                    ParseError::new(format!(
                        "RPM package database (SQLite format) could not be read: {e}; the OS \
                         packages of this system are NOT in the inventory"
                    ))
                })?;
                return self.add_database(root, path, Kind::Rpm, parsed);
            }
            if !data.is_empty() {
                self.rpm
                    .push((path.to_string(), format, rpm::looks_like(format, data)));
            }
            return Ok(());
        }
        for (rank, file) in RELEASE_FILES.iter().enumerate() {
            if let Some(root) = root_of(path, file) {
                let release = match *file {
                    "etc/debian_version" => os_release::parse_debian_version(data),
                    "etc/alpine-release" => os_release::parse_alpine_release(data),
                    _ => os_release::parse_os_release(data),
                };
                self.releases
                    .entry(root.to_string())
                    .or_default()
                    .push((rank, release));
                return Ok(());
            }
        }
        Ok(())
    }

    fn add_database(
        &mut self,
        root: &str,
        path: &str,
        kind: Kind,
        parsed: Parsed,
    ) -> Result<(), ParseError> {
        let Parsed {
            packages,
            skipped,
            first_skipped_line,
        } = parsed;
        let unit = match kind {
            Kind::Dpkg => "stanza",
            Kind::Apk => "block",
            Kind::Rpm => "header",
        };
        self.skipped += skipped;
        if packages.is_empty() && skipped > 0 {
            let message = format!(
                "no installed package could be read: {skipped} {unit}(s) without a package \
                 name or version"
            );
            return Err(match first_skipped_line {
                Some(line) => ParseError::at(line, message),
                None => ParseError::new(message),
            });
        }
        if !packages.is_empty() {
            self.databases.push(Database {
                root: root.to_string(),
                path: path.to_string(),
                kind,
                packages,
            });
        }
        Ok(())
    }

    /// The release of `root`: the best-ranked file with an `ID`, completed from the others
    /// of the same distro.
    fn release(&self, root: &str) -> Option<Release> {
        let mut found = self.releases.get(root)?.clone();
        found.sort_by_key(|(rank, _)| *rank);
        let mut iter = found.iter().filter(|(_, r)| r.id.is_some());
        let mut release = iter.next()?.1.clone();
        for (_, other) in iter {
            release.fill_from(other);
        }
        Some(release)
    }

    /// The packages, with distro qualifiers and ecosystems, and any problems found.
    pub fn finish(self) -> (Vec<Package>, Vec<ScanError>) {
        let mut errors: Vec<ScanError> = self
            .rpm
            .iter()
            .map(|(path, format, matches)| ScanError {
                path: path.clone(),
                kind: ScanErrorKind::Parse,
                message: if *format == "SQLite" {
                    // Read in `add` when it is one; here only when it is not.
                    "RPM package database (SQLite format) expected but the file does not look \
                     like a valid SQLite database: the OS packages of this system are NOT in \
                     the inventory and are not checked for vulnerabilities"
                        .to_string()
                } else if *matches {
                    rpm::unsupported_message(format)
                } else {
                    format!(
                        "{} (the file does not look like a valid {format} database either)",
                        rpm::unsupported_message(format)
                    )
                },
            })
            .collect();
        errors.sort();

        // Databases of one root and kind are resolved together (status + status.d).
        let mut groups: BTreeMap<(&str, Kind), Vec<&Database>> = BTreeMap::new();
        for db in &self.databases {
            groups.entry((&db.root, db.kind)).or_default().push(db);
        }
        let mut packages = Vec::new();
        for ((root, kind), dbs) in groups {
            let distro = Distro::new(kind, self.release(root).as_ref());
            packages.extend(distro.packages(&dbs));
        }
        packages.sort();
        packages.dedup();
        (packages, errors)
    }
}

/// How packages of one database family on one release are named.
struct Distro {
    kind: Kind,
    /// OSV ecosystem (`Debian:12`, `Ubuntu:22.04`, `Alpine:v3.19`, `Debian`).
    ecosystem: String,
    /// purl namespace (`debian`, `ubuntu`, `alpine`).
    namespace: String,
    /// purl `distro` qualifier (`debian-12`, `3.19.1`), when known.
    distro: Option<String>,
}

/// `ID` with its first letter upper-cased: `kali` → `Kali`.
fn capitalise(id: &str) -> String {
    let mut chars = id.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

impl Distro {
    fn new(kind: Kind, release: Option<&Release>) -> Distro {
        let (default_id, default_ecosystem, foreign) = match kind {
            Kind::Dpkg => ("debian", "Debian", &["alpine"][..]),
            Kind::Apk => ("alpine", "Alpine", &["debian", "ubuntu"][..]),
            Kind::Rpm => ("", "RPM", &["debian", "ubuntu", "alpine"][..]),
        };
        // A release of another family (an apk database on Debian) says nothing about it.
        let release = release.filter(|r| {
            r.id.as_deref()
                .is_some_and(|id| !foreign.contains(&id) && !id.is_empty())
        });
        let Some(release) = release else {
            return Distro {
                kind,
                ecosystem: default_ecosystem.to_string(),
                namespace: default_id.to_string(),
                distro: None,
            };
        };
        let id = release.id.as_deref().unwrap_or(default_id);
        let version = release.version_id.as_deref().filter(|v| !v.is_empty());
        let ecosystem = match (id, version) {
            ("debian", Some(v)) => {
                let major: String = v.chars().take_while(char::is_ascii_digit).collect();
                if major.is_empty() {
                    "Debian".to_string()
                } else {
                    format!("Debian:{major}")
                }
            }
            ("ubuntu", Some(v)) => format!("Ubuntu:{v}"),
            ("alpine", Some(v)) => {
                let parts: Vec<&str> = v.split('.').take(2).collect();
                let minor_ok = parts.len() == 2
                    && parts
                        .iter()
                        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
                if minor_ok {
                    format!("Alpine:v{}.{}", parts[0], parts[1])
                } else {
                    "Alpine".to_string()
                }
            }
            (id, version) if kind == Kind::Rpm => {
                let name = match id {
                    "rhel" => "Red Hat".to_string(),
                    "rocky" => "Rocky Linux".to_string(),
                    "almalinux" => "AlmaLinux".to_string(),
                    "sles" | "sled" | "sle-micro" => "SUSE".to_string(),
                    id if id.starts_with("opensuse") => "openSUSE".to_string(),
                    other => capitalise(other),
                };
                let major: String = version
                    .unwrap_or("")
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                if major.is_empty() {
                    name
                } else {
                    format!("{name}:{major}")
                }
            }
            ("debian", None) => "Debian".to_string(),
            ("ubuntu", None) => "Ubuntu".to_string(),
            ("alpine", None) => "Alpine".to_string(),
            (other, _) => capitalise(other),
        };
        let distro = match kind {
            Kind::Dpkg => version
                .or(release.codename.as_deref())
                .map(|v| format!("{id}-{v}")),
            Kind::Apk => version.map(str::to_string),
            Kind::Rpm => version.map(|v| format!("{id}-{v}")),
        };
        Distro {
            kind,
            ecosystem,
            namespace: id.to_string(),
            distro,
        }
    }

    fn purl(&self, p: &RawPackage) -> String {
        let package_type = match self.kind {
            Kind::Dpkg => "deb",
            Kind::Apk => "apk",
            Kind::Rpm => "rpm",
        };
        // RPM: the epoch is a qualifier, not part of the purl version.
        let (epoch, version) = match p.version.split_once(':') {
            Some((epoch, rest))
                if self.kind == Kind::Rpm
                    && !epoch.is_empty()
                    && epoch.bytes().all(|b| b.is_ascii_digit()) =>
            {
                (epoch, rest)
            }
            _ => ("", p.version.as_str()),
        };
        purl(
            package_type,
            Some(&self.namespace),
            &p.name,
            Some(version),
            &[
                ("arch", p.arch.as_deref().unwrap_or("")),
                ("epoch", epoch),
                ("distro", self.distro.as_deref().unwrap_or("")),
            ],
        )
    }

    /// The packages of `dbs` (one root, one kind), dependencies resolved among them.
    fn packages(&self, dbs: &[&Database]) -> Vec<Package> {
        let all: Vec<(&Database, &RawPackage)> = dbs
            .iter()
            .flat_map(|db| db.packages.iter().map(move |p| (*db, p)))
            .collect();
        let purls: Vec<String> = all.iter().map(|(_, p)| self.purl(p)).collect();
        // Name → packages with that name; provided name → packages providing it.
        let mut by_name: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        let mut by_provides: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
        for (i, (_, p)) in all.iter().enumerate() {
            by_name.entry(&p.name).or_default().push(i);
            for provided in &p.provides {
                by_provides.entry(provided).or_default().push(i);
            }
        }
        let resolve = |from: &RawPackage, name: &str| -> Option<usize> {
            let candidates = by_name.get(name).or_else(|| by_provides.get(name))?;
            candidates
                .iter()
                .copied()
                .find(|&i| all[i].1.arch == from.arch)
                .or_else(|| candidates.first().copied())
        };
        all.iter()
            .enumerate()
            .map(|(i, (db, p))| {
                let dependencies: BTreeSet<&str> = p
                    .depends
                    .iter()
                    .filter_map(|group| group.iter().find_map(|name| resolve(p, name)))
                    .filter(|&j| j != i)
                    .map(|j| purls[j].as_str())
                    .collect();
                Package {
                    name: p.name.clone(),
                    version: p.version.clone(),
                    ecosystem: self.ecosystem.clone(),
                    purl: purls[i].clone(),
                    licenses: p.licenses.clone(),
                    locations: vec![db.path.clone()],
                    direct: None,
                    from_manifest: false,
                    source_name: Some(p.source_name.clone()),
                    source_version: Some(p.source_version.clone()),
                    dependencies: dependencies.into_iter().map(str::to_string).collect(),
                    layer: None,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests;
