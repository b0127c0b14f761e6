//! Semantic Versioning 2.0.0 precedence (§11), as npm, crates.io, Go modules, NuGet, Hex and
//! Pub order versions. A leading `v` (Go) is allowed, build metadata (`+...`, Go's
//! `+incompatible`) is ignored, and up to four numeric release parts are accepted (NuGet's
//! `1.2.3.4`; missing parts are 0). Go pseudo-versions (`v0.0.0-20190215142949-d0b11bdaac8a`)
//! are ordinary pre-releases and order correctly by their timestamp.

use std::cmp::Ordering;

use super::VersionError;

/// A parsed version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SemVer {
    /// Release numbers, padded to four.
    pub release: [u64; 4],
    /// Pre-release identifiers (empty for a release).
    pub pre: Vec<Identifier>,
}

/// One dot-separated pre-release identifier.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Identifier {
    /// Digits only: compared numerically, and lower than any alphanumeric identifier.
    Numeric(u64),
    /// Anything else: compared in ASCII order.
    Alphanumeric(String),
}

impl Ord for Identifier {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (Identifier::Numeric(a), Identifier::Numeric(b)) => a.cmp(b),
            (Identifier::Numeric(_), Identifier::Alphanumeric(_)) => Ordering::Less,
            (Identifier::Alphanumeric(_), Identifier::Numeric(_)) => Ordering::Greater,
            (Identifier::Alphanumeric(a), Identifier::Alphanumeric(b)) => a.cmp(b),
        }
    }
}

impl PartialOrd for Identifier {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl SemVer {
    /// Parse `[v]MAJOR[.MINOR[.PATCH[.REVISION]]][-PRE][+BUILD]`.
    pub fn parse(text: &str) -> Result<SemVer, VersionError> {
        let error = |reason: &str| VersionError {
            ecosystem: "semver",
            version: text.to_string(),
            reason: reason.to_string(),
        };
        let trimmed = text.trim();
        let body = trimmed.strip_prefix(['v', 'V']).unwrap_or(trimmed);
        let body = body.split_once('+').map_or(body, |(b, _)| b);
        let (core, pre) = match body.split_once('-') {
            Some((core, pre)) => (core, Some(pre)),
            None => (body, None),
        };
        if core.is_empty() {
            return Err(error("expected a number such as 1.2.3"));
        }
        let mut release = [0u64; 4];
        let parts: Vec<&str> = core.split('.').collect();
        if parts.len() > 4 {
            return Err(error("more than four numeric parts"));
        }
        for (slot, part) in release.iter_mut().zip(&parts) {
            if part.is_empty() || !part.bytes().all(|b| b.is_ascii_digit()) {
                return Err(error("release parts must be numbers"));
            }
            *slot = part.parse().map_err(|_| error("number too large"))?;
        }
        let mut identifiers = Vec::new();
        if let Some(pre) = pre {
            for id in pre.split('.') {
                if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
                    return Err(error(
                        "pre-release identifiers are [0-9A-Za-z-], dot-separated",
                    ));
                }
                identifiers.push(if id.bytes().all(|b| b.is_ascii_digit()) {
                    Identifier::Numeric(id.parse().map_err(|_| error("number too large"))?)
                } else {
                    Identifier::Alphanumeric(id.to_string())
                });
            }
        }
        Ok(SemVer {
            release,
            pre: identifiers,
        })
    }
}

impl Ord for SemVer {
    fn cmp(&self, other: &Self) -> Ordering {
        self.release.cmp(&other.release).then_with(|| {
            match (self.pre.is_empty(), other.pre.is_empty()) {
                (true, true) => Ordering::Equal,
                // A pre-release sorts before its release.
                (true, false) => Ordering::Greater,
                (false, true) => Ordering::Less,
                (false, false) => self.pre.cmp(&other.pre),
            }
        })
    }
}

impl PartialOrd for SemVer {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Compare two versions by SemVer precedence.
pub fn compare(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(SemVer::parse(a)?.cmp(&SemVer::parse(b)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lt(a: &str, b: &str) {
        assert_eq!(compare(a, b), Ok(Ordering::Less), "{a} < {b}");
        assert_eq!(compare(b, a), Ok(Ordering::Greater), "{b} > {a}");
    }

    #[test]
    fn the_precedence_example_of_the_specification() {
        let chain = [
            "1.0.0-alpha",
            "1.0.0-alpha.1",
            "1.0.0-alpha.beta",
            "1.0.0-beta",
            "1.0.0-beta.2",
            "1.0.0-beta.11",
            "1.0.0-rc.1",
            "1.0.0",
        ];
        for pair in chain.windows(2) {
            lt(pair[0], pair[1]);
        }
        lt("1.9.0", "1.10.0");
        lt("1.10.0", "1.11.0");
        lt("2.0.0", "2.1.0");
        lt("2.1.0", "2.1.1");
    }

    #[test]
    fn go_npm_and_nuget_forms() {
        assert_eq!(compare("v1.2.3", "1.2.3"), Ok(Ordering::Equal));
        assert_eq!(
            compare("v2.0.0+incompatible", "v2.0.0"),
            Ok(Ordering::Equal)
        );
        lt(
            "v0.0.0-20190215142949-d0b11bdaac8a",
            "v0.0.0-20200101000000-aaaaaaaaaaaa",
        );
        lt("v0.0.0-20190215142949-d0b11bdaac8a", "v0.0.1");
        lt("v1.2.4-0.20190101000000-abcdefabcdef", "v1.2.4");
        lt("1.2.3.4", "1.2.3.5");
        assert_eq!(compare("1.2", "1.2.0.0"), Ok(Ordering::Equal));
    }

    #[test]
    fn rejects_what_is_not_a_version() {
        for bad in [
            "",
            "latest",
            "1..2",
            "1.2.3.4.5",
            "1.x",
            "1.0.0-",
            "1.0.0-a..b",
            "v",
            "1.0.0-ü",
        ] {
            assert!(SemVer::parse(bad).is_err(), "{bad:?} should be rejected");
        }
    }

    #[test]
    fn ordering_is_total_on_generated_versions() {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = |n: u64| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state % n
        };
        let ids = ["alpha", "beta", "rc", "1", "2", "11", "a-b", "0"];
        let versions: Vec<String> = (0..60)
            .map(|_| {
                let mut v = format!("{}.{}.{}", next(3), next(3), next(3));
                if next(2) == 0 {
                    let n = 1 + next(3);
                    let pre: Vec<&str> = (0..n)
                        .map(|_| ids[next(ids.len() as u64) as usize])
                        .collect();
                    v.push('-');
                    v.push_str(&pre.join("."));
                }
                v
            })
            .collect();
        let parsed: Vec<SemVer> = versions.iter().map(|v| SemVer::parse(v).unwrap()).collect();
        crate::version::testing::assert_total_order(&parsed, Ord::cmp);
    }
}
