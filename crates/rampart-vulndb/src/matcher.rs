//! Is this version of this package affected by this advisory, and what version fixes it?
//!
//! Range semantics follow the OSV schema's evaluation rules: events are sorted by version
//! (`introduced: 0` first), and the last event at or below the version decides. A version or
//! range bound its ecosystem cannot parse is an error, never a silent "not affected".

use std::cmp::Ordering;

use crate::osv::{AffectedPackage, Event, RangeKind};
use crate::version::{self, VersionError};

/// Why a package could not be checked against an advisory.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum MatchError {
    /// No comparator for the ecosystem.
    #[error("no version rules for ecosystem `{0}`")]
    UnknownEcosystem(String),
    /// The installed version or a bound in the advisory does not parse.
    #[error(transparent)]
    Version(#[from] VersionError),
}

/// The outcome for one affected package entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Whether the version is affected.
    pub affected: bool,
    /// Every `fixed` bound the entry names, in ecosystem order.
    pub fixed: Vec<String>,
}

fn comparator(
    ecosystem: &str,
    kind: RangeKind,
) -> impl Fn(&str, &str) -> Result<Ordering, MatchError> + '_ {
    move |a: &str, b: &str| {
        let family = match kind {
            // SEMVER ranges use SemVer whatever the ecosystem.
            RangeKind::Semver => "npm",
            RangeKind::Ecosystem => ecosystem,
        };
        match version::compare(family, a, b) {
            Some(result) => result.map_err(MatchError::from),
            None => Err(MatchError::UnknownEcosystem(ecosystem.to_string())),
        }
    }
}

/// Evaluate `entry` for `installed`.
pub fn evaluate(entry: &AffectedPackage, installed: &str) -> Result<Verdict, MatchError> {
    let mut affected = false;
    let mut fixed = Vec::new();
    let exact = comparator(&entry.ecosystem, RangeKind::Ecosystem);
    // Listed versions are spelled as published; equal-but-differently-spelled ones
    // (`1.0` vs `1.0.0` in PEP 440) still count.
    affected |= entry.versions.iter().any(|listed| {
        listed == installed || matches!(exact(listed, installed), Ok(Ordering::Equal))
    });
    for range in &entry.ranges {
        let compare = comparator(&entry.ecosystem, range.kind);
        let mut events: Vec<&Event> = range.events.iter().collect();
        // Bounds that do not parse make the whole range unusable: report, do not guess.
        let mut sort_error = None;
        events.sort_by(|a, b| match order_events(a, b, &compare) {
            Ok(order) => order,
            Err(e) => {
                sort_error.get_or_insert(e);
                Ordering::Equal
            }
        });
        if let Some(error) = sort_error {
            return Err(error);
        }
        let mut in_range = false;
        let mut limited = false;
        for event in &events {
            match event {
                Event::Introduced(v) => {
                    if is_zero(v) || compare(installed, v)? != Ordering::Less {
                        in_range = true;
                    }
                }
                Event::Fixed(v) => {
                    fixed.push(v.clone());
                    if compare(installed, v)? != Ordering::Less {
                        in_range = false;
                    }
                }
                Event::LastAffected(v) => {
                    if compare(installed, v)? == Ordering::Greater {
                        in_range = false;
                    }
                }
                Event::Limit(v) => {
                    if v != "*" && compare(installed, v)? != Ordering::Less {
                        limited = true;
                    }
                }
            }
        }
        if in_range && !limited {
            affected = true;
        }
    }
    Ok(Verdict { affected, fixed })
}

fn is_zero(version: &str) -> bool {
    version == "0"
}

fn order_events(
    a: &Event,
    b: &Event,
    compare: &impl Fn(&str, &str) -> Result<Ordering, MatchError>,
) -> Result<Ordering, MatchError> {
    let (va, vb) = (a.version(), b.version());
    let zero = (
        is_zero(va) && matches!(a, Event::Introduced(_)),
        is_zero(vb) && matches!(b, Event::Introduced(_)),
    );
    let by_version = match zero {
        (true, true) => Ordering::Equal,
        (true, false) => Ordering::Less,
        (false, true) => Ordering::Greater,
        (false, false) if matches!(a, Event::Limit(_)) && va == "*" => Ordering::Greater,
        (false, false) if matches!(b, Event::Limit(_)) && vb == "*" => Ordering::Less,
        (false, false) => compare(va, vb)?,
    };
    // At one version, "introduced" opens before "fixed" closes, so a zero-width range stays
    // empty rather than open.
    Ok(by_version.then_with(|| rank(a).cmp(&rank(b))))
}

fn rank(event: &Event) -> u8 {
    match event {
        Event::Introduced(_) => 0,
        Event::LastAffected(_) => 1,
        Event::Fixed(_) => 2,
        Event::Limit(_) => 3,
    }
}

/// The lowest of `candidates` above `installed` for which `still_affected` says no.
pub fn lowest_fix(
    ecosystem: &str,
    installed: &str,
    candidates: &[String],
    still_affected: impl Fn(&str) -> bool,
) -> Option<String> {
    let compare = comparator(ecosystem, RangeKind::Ecosystem);
    let mut above: Vec<&String> = candidates
        .iter()
        .filter(|c| matches!(compare(c, installed), Ok(Ordering::Greater)))
        .collect();
    above.sort_by(|a, b| compare(a, b).unwrap_or(Ordering::Equal));
    above.dedup();
    above.into_iter().find(|c| !still_affected(c)).cloned()
}

/// Sort `versions` in ecosystem order (unparseable ones last, in text order) and dedupe.
pub fn sort_versions(ecosystem: &str, versions: &mut Vec<String>) {
    let compare = comparator(ecosystem, RangeKind::Ecosystem);
    versions.sort_by(|a, b| match compare(a, b) {
        Ok(order) => order,
        Err(_) => a.cmp(b),
    });
    versions.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::osv::Range;

    fn entry(ecosystem: &str, kind: RangeKind, events: &[(&str, &str)]) -> AffectedPackage {
        AffectedPackage {
            ecosystem: ecosystem.into(),
            name: "p".into(),
            ranges: vec![Range {
                kind,
                events: events
                    .iter()
                    .map(|(k, v)| match *k {
                        "i" => Event::Introduced(v.to_string()),
                        "f" => Event::Fixed(v.to_string()),
                        "l" => Event::LastAffected(v.to_string()),
                        _ => Event::Limit(v.to_string()),
                    })
                    .collect(),
            }],
            versions: Vec::new(),
            cvss: Vec::new(),
        }
    }

    fn affected(e: &AffectedPackage, v: &str) -> bool {
        evaluate(e, v).unwrap().affected
    }

    #[test]
    fn two_windows_in_ecosystem_order_whatever_the_record_order() {
        // Written out of order on purpose: evaluation sorts.
        let e = entry(
            "PyPI",
            RangeKind::Ecosystem,
            &[("f", "5.2"), ("i", "4.0"), ("i", "5.0"), ("f", "4.3")],
        );
        for (v, want) in [
            ("3.9", false),
            ("4.0", true),
            ("4.2.post1", true),
            ("4.3", false),
            ("4.10", false),
            ("5.0rc1", false),
            ("5.1", true),
            ("5.2", false),
            ("1!0.1", false),
        ] {
            assert_eq!(affected(&e, v), want, "{v}");
        }
    }

    #[test]
    fn last_affected_and_limit() {
        let e = entry("npm", RangeKind::Semver, &[("i", "0"), ("l", "1.2.3")]);
        assert!(affected(&e, "1.2.3"));
        assert!(!affected(&e, "1.2.4"));
        assert!(evaluate(&e, "1.2.4").unwrap().fixed.is_empty());
        let e = entry(
            "npm",
            RangeKind::Semver,
            &[("i", "1.0.0"), ("lim", "2.0.0")],
        );
        assert!(affected(&e, "1.9.9"));
        assert!(!affected(&e, "2.0.0"));
    }

    #[test]
    fn semver_ranges_compare_go_versions_with_their_v_prefix() {
        let e = entry("Go", RangeKind::Semver, &[("i", "0"), ("f", "1.2.0")]);
        assert!(affected(&e, "v1.1.9"));
        assert!(affected(&e, "v0.0.0-20200101000000-abcdefabcdef"));
        assert!(!affected(&e, "v1.2.0"));
    }

    #[test]
    fn distro_versions_use_distro_rules() {
        let e = entry(
            "Debian:12",
            RangeKind::Ecosystem,
            &[("i", "0"), ("f", "3.0.11-1~deb12u2")],
        );
        assert!(affected(&e, "3.0.11-1~deb12u1"));
        assert!(!affected(&e, "3.0.11-1~deb12u2"));
        assert!(!affected(&e, "3.0.11-1"));
    }

    #[test]
    fn explicit_versions_match_without_ranges() {
        let mut e = entry("PyPI", RangeKind::Ecosystem, &[]);
        e.ranges.clear();
        e.versions = vec!["1.0".into(), "1.1".into()];
        assert!(affected(&e, "1.0"));
        assert!(affected(&e, "1.0.0"), "equal under PEP 440");
        assert!(!affected(&e, "1.2"));
    }

    #[test]
    fn unparseable_versions_and_unknown_ecosystems_are_errors() {
        let e = entry("PyPI", RangeKind::Ecosystem, &[("i", "0"), ("f", "2.0")]);
        assert!(matches!(
            evaluate(&e, "not a version!"),
            Err(MatchError::Version(_))
        ));
        let e = entry("PyPI", RangeKind::Ecosystem, &[("i", "0"), ("f", "%%%")]);
        assert!(evaluate(&e, "1.0").is_err());
        let e = entry("Hackage", RangeKind::Ecosystem, &[("i", "1")]);
        assert!(matches!(
            evaluate(&e, "1.0"),
            Err(MatchError::UnknownEcosystem(_))
        ));
    }

    #[test]
    fn lowest_fix_skips_fixes_below_the_installed_version_and_still_affected_ones() {
        let candidates: Vec<String> = ["4.3", "5.2", "1.0"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(
            lowest_fix("PyPI", "4.1", &candidates, |_| false).as_deref(),
            Some("4.3")
        );
        assert_eq!(
            lowest_fix("PyPI", "5.0", &candidates, |_| false).as_deref(),
            Some("5.2")
        );
        assert_eq!(lowest_fix("PyPI", "5.0", &candidates, |v| v == "5.2"), None);
    }
}
