//! From an inventory and the index to vulnerability findings: one finding per package and
//! vulnerability (advisories that alias each other merged), with severity, fix and path.

use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};

use rampart_core::{
    Confidence, CvssScore, Finding, FindingKind, Location, Package, PackageRef, Severity,
    VulnerabilityDetails, fingerprint,
};

use crate::cvss;
use crate::matcher::{self, MatchError};
use crate::osv::Advisory;
use crate::prioritize::Prioritization;
use crate::store::{Index, IndexError, normalize_name};

/// A package that could not be checked, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unchecked {
    /// File the package came from.
    pub path: String,
    /// What went wrong, naming the package and what to do.
    pub message: String,
}

/// Everything matching produced.
#[derive(Debug, Default)]
pub struct VulnReport {
    /// The findings, in package then id order.
    pub findings: Vec<Finding>,
    /// Packages (or package/advisory pairs) that could not be checked.
    pub unchecked: Vec<Unchecked>,
    /// Coverage notes for the report (ecosystems without advisories, versionless packages).
    pub warnings: Vec<String>,
    /// Packages looked up.
    pub packages_checked: usize,
}

/// The name and version that advisories use for `package`: OS advisories name source packages.
fn advisory_identity(package: &Package) -> (&str, &str) {
    let is_os = matches!(
        package.ecosystem.split(':').next(),
        Some("Debian" | "Ubuntu" | "Alpine")
    );
    if is_os {
        (
            package.source_name.as_deref().unwrap_or(&package.name),
            package
                .source_version
                .as_deref()
                .unwrap_or(&package.version),
        )
    } else {
        (&package.name, &package.version)
    }
}

/// Ecosystem spellings advisories use for a package's ecosystem: Ubuntu's OSV records mark
/// long-term-support releases (`Ubuntu:22.04:LTS`) where os-release gives `22.04`.
fn advisory_ecosystems(ecosystem: &str) -> Vec<String> {
    let mut out = vec![ecosystem.to_string()];
    if ecosystem.starts_with("Ubuntu:") && !ecosystem.ends_with(":LTS") {
        out.push(format!("{ecosystem}:LTS"));
    }
    out
}

fn same_ecosystem(record: &str, package: &str) -> bool {
    record == package || record.strip_suffix(":LTS") == Some(package)
}

/// How a fixed version is shown: RustSec's export writes `>= 1.2.3` as `fixed: 1.2.3-0` (the
/// lowest pre-release); the release itself is what a user upgrades to.
fn display_version(ecosystem: &str, version: &str) -> String {
    match version.strip_suffix("-0") {
        Some(release) if ecosystem == "crates.io" => release.to_string(),
        _ => version.to_string(),
    }
}

/// Match every package against the index.
pub fn scan_packages(
    index: &Index,
    packages: &[Package],
    priorities: &Prioritization,
) -> Result<VulnReport, IndexError> {
    let mut report = VulnReport::default();
    let graph = Graph::new(packages);
    let mut versionless = 0usize;
    // Ecosystem -> (packages, first file): packages no advisory could ever be matched to.
    let mut unknown_ecosystems: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut no_release: BTreeMap<String, (usize, String)> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for package in packages {
        let (name, version) = advisory_identity(package);
        if version.trim().is_empty() {
            versionless += 1;
            continue;
        }
        // The same package locked in two places is reported once per place, not twice per place.
        if !seen.insert((
            package.ecosystem.as_str(),
            name,
            version,
            package.locations.first(),
        )) {
            continue;
        }
        let first_path = || package.locations.first().cloned().unwrap_or_default();
        if crate::version::compare(&package.ecosystem, version, version).is_none() {
            let entry = unknown_ecosystems
                .entry(package.ecosystem.clone())
                .or_insert_with(|| (0, first_path()));
            entry.0 += 1;
            continue;
        }
        if matches!(package.ecosystem.as_str(), "Debian" | "Ubuntu" | "Alpine") {
            // Distro advisories are per release; without one, any answer would be a guess.
            let entry = no_release
                .entry(package.ecosystem.clone())
                .or_insert_with(|| (0, first_path()));
            entry.0 += 1;
            continue;
        }
        report.packages_checked += 1;
        let mut advisories = Vec::new();
        for ecosystem in advisory_ecosystems(&package.ecosystem) {
            advisories.extend(index.lookup(&ecosystem, name)?);
        }
        let key = normalize_name(&package.ecosystem, name);
        let mut hits: Vec<Hit> = Vec::new();
        for advisory in advisories {
            if advisory.withdrawn {
                continue;
            }
            match check(&advisory, &package.ecosystem, &key, version) {
                Ok(Some(fixed)) => hits.push(Hit { advisory, fixed }),
                Ok(None) => {}
                Err(MatchError::UnknownEcosystem(eco)) => {
                    report.unchecked.push(Unchecked {
                        path: first_path(),
                        message: format!(
                            "{name} {version}: not checked against {}: no version rules for ecosystem `{eco}`",
                            advisory.id
                        ),
                    });
                }
                Err(MatchError::Version(e)) => {
                    report.unchecked.push(Unchecked {
                        path: package.locations.first().cloned().unwrap_or_default(),
                        message: format!(
                            "{name} {version}: not checked against {}: {e}",
                            advisory.id
                        ),
                    });
                }
            }
        }
        for group in merge_aliases(hits) {
            let finding = build_finding(package, name, version, &key, group, &graph, priorities);
            report.findings.push(finding);
        }
    }
    if versionless > 0 {
        report.warnings.push(format!(
            "{versionless} package(s) have no pinned version (manifest ranges only) and were not checked for vulnerabilities; lock them to check them"
        ));
    }
    for (ecosystem, (count, path)) in unknown_ecosystems {
        report.unchecked.push(Unchecked {
            path,
            message: format!(
                "{count} package(s) of ecosystem `{ecosystem}` were not checked for vulnerabilities: rampart has no version rules for it"
            ),
        });
    }
    for (ecosystem, (count, path)) in no_release {
        report.unchecked.push(Unchecked {
            path,
            message: format!(
                "{count} {ecosystem} package(s) were not checked for vulnerabilities: the distro release is unknown (no readable etc/os-release next to the package database)"
            ),
        });
    }
    Ok(report)
}

struct Hit {
    advisory: Advisory,
    fixed: Vec<String>,
}

/// `Some(fixed bounds)` when `version` is affected.
fn check(
    advisory: &Advisory,
    ecosystem: &str,
    key: &str,
    version: &str,
) -> Result<Option<Vec<String>>, MatchError> {
    let mut affected = false;
    let mut fixed = Vec::new();
    for entry in advisory.affected.iter().filter(|a| {
        same_ecosystem(&a.ecosystem, ecosystem) && normalize_name(ecosystem, &a.name) == key
    }) {
        let verdict = matcher::evaluate(entry, version)?;
        if verdict.affected {
            affected = true;
        }
        fixed.extend(verdict.fixed);
    }
    Ok(affected.then_some(fixed))
}

/// Group hits whose ids or aliases overlap (GHSA-x and PYSEC-y both naming CVE-z).
fn merge_aliases(hits: Vec<Hit>) -> Vec<Vec<Hit>> {
    let mut groups: Vec<(BTreeSet<String>, Vec<Hit>)> = Vec::new();
    for hit in hits {
        let mut names: BTreeSet<String> = hit.advisory.aliases.iter().cloned().collect();
        names.insert(hit.advisory.id.clone());
        let mut merged = (names, vec![hit]);
        let mut i = 0;
        while i < groups.len() {
            if groups[i].0.intersection(&merged.0).next().is_some() {
                let (names, hits) = groups.swap_remove(i);
                merged.0.extend(names);
                merged.1.extend(hits);
                i = 0;
            } else {
                i += 1;
            }
        }
        groups.push(merged);
    }
    let mut out: Vec<Vec<Hit>> = groups.into_iter().map(|(_, hits)| hits).collect();
    for group in &mut out {
        group.sort_by(|a, b| a.advisory.id.cmp(&b.advisory.id));
    }
    out
}

/// The id a merged finding goes by: the CVE when there is one (what EPSS, KEV, VEX documents
/// and most people use), else a GHSA, else the first record id.
fn primary_id(names: &BTreeSet<String>) -> String {
    names
        .iter()
        .find(|n| n.starts_with("CVE-"))
        .or_else(|| names.iter().find(|n| n.starts_with("GHSA-")))
        .or_else(|| names.iter().next())
        .cloned()
        .unwrap_or_default()
}

#[allow(clippy::too_many_arguments)]
fn build_finding(
    package: &Package,
    name: &str,
    version: &str,
    key: &str,
    group: Vec<Hit>,
    graph: &Graph,
    priorities: &Prioritization,
) -> Finding {
    let ecosystem = package.ecosystem.as_str();
    let mut names: BTreeSet<String> = BTreeSet::new();
    let mut fixed: Vec<String> = Vec::new();
    let mut vectors: Vec<String> = Vec::new();
    let mut rating: Option<String> = None;
    let mut informational: Option<String> = None;
    let mut summary = String::new();
    let mut published: Option<String> = None;
    let mut references: Vec<String> = Vec::new();
    for hit in &group {
        let advisory = &hit.advisory;
        names.insert(advisory.id.clone());
        names.extend(advisory.aliases.iter().cloned());
        fixed.extend(hit.fixed.iter().cloned());
        for entry in advisory.affected.iter().filter(|a| {
            same_ecosystem(&a.ecosystem, ecosystem) && normalize_name(ecosystem, &a.name) == key
        }) {
            vectors.extend(entry.cvss.iter().cloned());
        }
        vectors.extend(advisory.cvss.iter().cloned());
        rating = rating.or_else(|| advisory.rating.clone());
        informational = informational.or_else(|| advisory.informational.clone());
        if summary.is_empty() {
            summary = advisory.summary.clone();
        }
        if published.is_none() {
            published = advisory.published.clone();
        }
        let link = format!("https://osv.dev/vulnerability/{}", advisory.id);
        for url in std::iter::once(&link).chain(&advisory.references) {
            if !references.contains(url) {
                references.push(url.clone());
            }
        }
    }
    references.truncate(12);
    let rule_id = primary_id(&names);
    let aliases: Vec<String> = names.iter().filter(|n| **n != rule_id).cloned().collect();
    matcher::sort_versions(ecosystem, &mut fixed);
    let still_affected = |candidate: &str| {
        group.iter().any(|hit| {
            check(&hit.advisory, ecosystem, key, candidate)
                .map(|r| r.is_some())
                .unwrap_or(true)
        })
    };
    let fixed_version = matcher::lowest_fix(ecosystem, version, &fixed, still_affected)
        .map(|v| display_version(ecosystem, &v));
    for v in &mut fixed {
        *v = display_version(ecosystem, v);
    }
    fixed.dedup();

    vectors.sort();
    vectors.dedup();
    let mut scores: Vec<CvssScore> = vectors
        .iter()
        .filter_map(|v| {
            cvss::parse_and_score(v).ok().map(|c| CvssScore {
                version: c.version.as_str().to_string(),
                vector: v.clone(),
                score: c.base_score,
            })
        })
        .collect();
    // Newest CVSS version first; within one version the highest score.
    scores.sort_by(|a, b| b.version.cmp(&a.version).then(b.score.total_cmp(&a.score)));
    let (severity, severity_source) = match scores.first() {
        Some(best) => (
            severity_of_rating(cvss::rating(best.score)),
            format!("cvss_v{}", best.version.split('.').next().unwrap_or("3")),
        ),
        None => match rating.as_deref().and_then(severity_of_ecosystem_rating) {
            Some(severity) => (severity, "ecosystem".to_string()),
            None if informational.is_some() => (Severity::Low, "ecosystem".to_string()),
            None => (Severity::Medium, "unrated".to_string()),
        },
    };

    let dependency_path = if package.direct == Some(false) {
        graph.path_from_direct(&package.purl)
    } else {
        Vec::new()
    };
    let mut details = VulnerabilityDetails {
        severity_source,
        cvss: scores,
        published,
        fixed_versions: fixed,
        dependency_path,
        ..VulnerabilityDetails::default()
    };
    priorities.annotate(&rule_id, &aliases, &mut details);

    let path = package.locations.first().cloned().unwrap_or_default();
    let kind_note = informational
        .as_deref()
        .map(|i| format!("[{i}] "))
        .unwrap_or_default();
    let title = if summary.is_empty() {
        format!("{kind_note}{rule_id} in {name}")
    } else {
        format!("{kind_note}{summary}")
    };
    let mut message = format!("{name} {version} ({ecosystem}) is affected by {rule_id}");
    if !aliases.is_empty() {
        message.push_str(&format!(" ({})", aliases.join(", ")));
    }
    match &fixed_version {
        Some(fix) => message.push_str(&format!("; fixed in {fix}")),
        None => message.push_str("; no fixed version published"),
    }
    if let Some(top) = details.dependency_path.first()
        && details.dependency_path.len() > 1
    {
        message.push_str(&format!("; pulled in by {top}"));
    }
    let remediation = match &fixed_version {
        Some(fix) => format!("Upgrade {name} to {fix} or later."),
        None => format!(
            "No fixed version is published: replace or remove {name}, or, if the vulnerable code cannot be reached, record that in a VEX statement (`--vex`)."
        ),
    };
    Finding {
        kind: FindingKind::Vulnerability,
        fingerprint: fingerprint(&rule_id, &path, format!("{name}@{version}").as_bytes()),
        rule_id,
        title,
        severity,
        confidence: Confidence::High,
        location: Location {
            path,
            start_line: 1,
            end_line: 1,
            start_column: 1,
            end_column: 1,
            layer: package.layer.clone(),
            commit: None,
        },
        message,
        remediation,
        references,
        redacted: None,
        secret: None,
        git: None,
        aliases,
        package: Some(PackageRef {
            name: package.name.clone(),
            version: package.version.clone(),
            ecosystem: package.ecosystem.clone(),
            purl: package.purl.clone(),
        }),
        fixed_version,
        vulnerability: Some(Box::new(details)),
    }
}

fn severity_of_rating(rating: &str) -> Severity {
    match rating {
        "critical" => Severity::Critical,
        "high" => Severity::High,
        "medium" => Severity::Medium,
        "low" => Severity::Low,
        _ => Severity::Info,
    }
}

fn severity_of_ecosystem_rating(rating: &str) -> Option<Severity> {
    Some(match rating {
        "CRITICAL" => Severity::Critical,
        "HIGH" | "IMPORTANT" => Severity::High,
        "MODERATE" | "MEDIUM" => Severity::Medium,
        "LOW" | "NEGLIGIBLE" | "UNIMPORTANT" => Severity::Low,
        _ => return None,
    })
}

/// Reverse dependency edges, to explain how a transitive package arrives.
struct Graph<'a> {
    parents: HashMap<&'a str, Vec<&'a str>>,
    direct: HashMap<&'a str, bool>,
}

impl<'a> Graph<'a> {
    fn new(packages: &'a [Package]) -> Graph<'a> {
        let mut parents: HashMap<&str, Vec<&str>> = HashMap::new();
        let mut direct = HashMap::new();
        for package in packages {
            direct.insert(package.purl.as_str(), package.direct == Some(true));
            for dependency in &package.dependencies {
                parents
                    .entry(dependency.as_str())
                    .or_default()
                    .push(package.purl.as_str());
            }
        }
        Graph { parents, direct }
    }

    /// Shortest chain `[direct, ..., purl]`, or empty when the graph does not reach one.
    fn path_from_direct(&self, purl: &str) -> Vec<String> {
        let mut previous: HashMap<&str, &str> = HashMap::new();
        let mut queue = VecDeque::from([purl]);
        let mut visited = BTreeSet::from([purl]);
        while let Some(current) = queue.pop_front() {
            if current != purl && self.direct.get(current) == Some(&true) {
                let mut chain = vec![current.to_string()];
                let mut at = current;
                while let Some(&next) = previous.get(at) {
                    chain.push(next.to_string());
                    at = next;
                }
                return chain;
            }
            for &parent in self.parents.get(current).map(Vec::as_slice).unwrap_or(&[]) {
                if visited.insert(parent) {
                    previous.insert(parent, current);
                    queue.push_back(parent);
                }
            }
        }
        Vec::new()
    }
}

/// The CVE ids among a finding's id and aliases.
pub(crate) fn cve_of<'a>(rule_id: &'a str, aliases: &'a [String]) -> impl Iterator<Item = &'a str> {
    std::iter::once(rule_id)
        .chain(aliases.iter().map(String::as_str))
        .filter(|id| id.starts_with("CVE-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ubuntu_releases_also_match_their_lts_records() {
        assert_eq!(
            advisory_ecosystems("Ubuntu:22.04"),
            ["Ubuntu:22.04", "Ubuntu:22.04:LTS"]
        );
        assert_eq!(advisory_ecosystems("Debian:12"), ["Debian:12"]);
        assert!(same_ecosystem("Ubuntu:22.04:LTS", "Ubuntu:22.04"));
        assert!(!same_ecosystem("Ubuntu:22.04", "Ubuntu:20.04"));
    }

    #[test]
    fn rustsec_lowest_prerelease_bounds_show_as_releases() {
        assert_eq!(display_version("crates.io", "0.6.2-0"), "0.6.2");
        assert_eq!(display_version("crates.io", "1.0.0-rc.1"), "1.0.0-rc.1");
        assert_eq!(display_version("npm", "1.0.0-0"), "1.0.0-0");
    }
}
