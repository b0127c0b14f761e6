//! Version ordering per ecosystem. Every comparator is a total order over the versions it
//! accepts; a version its ecosystem cannot parse is an error, never silently "unaffected".

use std::cmp::Ordering;

pub mod apk;
pub mod composer;
pub mod debian;
pub mod maven;
pub mod pep440;
pub mod rpm;
pub mod rubygems;
pub mod semver;

/// A version string its ecosystem's rules cannot read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("`{version}` is not a valid {ecosystem} version: {reason}")]
pub struct VersionError {
    /// The ecosystem whose rules were applied.
    pub ecosystem: &'static str,
    /// The version as given.
    pub version: String,
    /// What is wrong.
    pub reason: String,
}

/// Compare two versions of `ecosystem` (OSV spelling; `Debian:12` and friends use their
/// distro's rules). `None` for ecosystems without a comparator yet.
pub fn compare(ecosystem: &str, a: &str, b: &str) -> Option<Result<Ordering, VersionError>> {
    let family = ecosystem.split(':').next().unwrap_or(ecosystem);
    Some(match family {
        "Debian" | "Ubuntu" => debian::compare(a, b),
        "PyPI" => pep440::compare(a, b),
        "Maven" => maven::compare(a, b),
        "RubyGems" => rubygems::compare(a, b),
        "Packagist" => composer::compare(a, b),
        "npm" | "crates.io" | "Go" | "NuGet" | "Hex" | "Pub" => semver::compare(a, b),
        "Alpine" => apk::compare(a, b),
        "Red Hat" | "Rocky Linux" | "AlmaLinux" | "SUSE" | "openSUSE" | "RPM" => rpm::compare(a, b),
        _ => return None,
    })
}

/// Checks shared by every comparator's tests.
#[cfg(test)]
pub(crate) mod testing {
    use std::cmp::Ordering;
    use std::fmt::Debug;

    /// `compare` is reflexive, antisymmetric and transitive on every pair and triple of `items`.
    pub(crate) fn assert_total_order<T: Debug>(items: &[T], compare: impl Fn(&T, &T) -> Ordering) {
        for a in items {
            assert_eq!(compare(a, a), Ordering::Equal, "{a:?}");
            for b in items {
                assert_eq!(compare(a, b), compare(b, a).reverse(), "{a:?} vs {b:?}");
                for c in items {
                    if compare(a, b) != Ordering::Greater && compare(b, c) != Ordering::Greater {
                        assert_ne!(compare(a, c), Ordering::Greater, "{a:?} <= {b:?} <= {c:?}");
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dispatches_on_the_ecosystem_family() {
        let order = |eco: &str, a: &str, b: &str| compare(eco, a, b).map(|r| r.ok());
        assert_eq!(
            order("Debian:12", "1.0~rc1", "1.0"),
            Some(Some(Ordering::Less))
        );
        assert_eq!(
            order("Ubuntu:22.04", "1:0.1", "9.9"),
            Some(Some(Ordering::Greater))
        );
        assert_eq!(
            order("PyPI", "1.0.dev1", "1.0a1"),
            Some(Some(Ordering::Less))
        );
        assert_eq!(
            order("Alpine:v3.19", "1.2.3_p1", "1.2.3"),
            Some(Some(Ordering::Greater))
        );
        assert_eq!(
            order("Rocky Linux:9", "1.0^git1", "1.0"),
            Some(Some(Ordering::Greater))
        );
        assert_eq!(
            order("npm", "1.0.0-rc.1", "1.0.0"),
            Some(Some(Ordering::Less))
        );
        assert_eq!(
            order("Go", "v0.0.0-20190215142949-d0b11bdaac8a", "v0.0.1"),
            Some(Some(Ordering::Less))
        );
        assert_eq!(
            order("Maven", "1.0-rc-1", "1.0"),
            Some(Some(Ordering::Less))
        );
        assert_eq!(
            order("RubyGems", "1.0.0.rc1", "1.0.0"),
            Some(Some(Ordering::Less))
        );
        assert_eq!(
            order("Packagist", "1.0.0-RC1", "1.0.0-patch1"),
            Some(Some(Ordering::Less))
        );
        assert_eq!(order("Hackage", "1.0", "2.0"), None, "no comparator");
        assert!(matches!(compare("PyPI", "latest", "1.0"), Some(Err(_))));
    }
}
