//! RubyGems version order (`Gem::Version#<=>`). A version is `N(.X)*(-X(.X)*)?` where the
//! parts are ASCII alphanumerics; `-` stands for `.pre.`. It splits into segments of digits
//! (numbers) and letters (strings); a version with any string segment is a prerelease.
//! Trailing zeros are dropped from the release part and from the prerelease part
//! (`1.0.a` = `1.a`), the shorter version is padded with `0`, a number beats a string and
//! strings compare in byte order, so `1.0.a < 1.0 = 1.0.0` and `1.0.0.rc1 < 1.0.0`.

use std::cmp::Ordering;

use super::VersionError;

/// One segment, in comparison order: every string sorts below every number.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Segment {
    /// Letters.
    Str(String),
    /// Digits, as a number without leading zeros: (length, digits).
    Num(usize, String),
}

fn zero() -> Segment {
    Segment::Num(0, String::new())
}

/// A parsed gem version: its canonical segments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GemVersion {
    /// Segments with trailing zeros of the release and prerelease parts removed.
    pub segments: Vec<Segment>,
}

impl GemVersion {
    /// Parse a version as `Gem::Version.new` accepts it (surrounding whitespace is ignored).
    pub fn parse(text: &str) -> Result<GemVersion, VersionError> {
        let error = |reason: &str| VersionError {
            ecosystem: "RubyGems",
            version: text.to_string(),
            reason: reason.to_string(),
        };
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(error("empty version"));
        }
        let (release, pre) = match trimmed.split_once('-') {
            Some((release, pre)) => (release, Some(pre)),
            None => (trimmed, None),
        };
        let release_parts: Vec<&str> = release.split('.').collect();
        if !release_parts[0]
            .bytes()
            .next()
            .is_some_and(|b| b.is_ascii_digit())
        {
            return Err(error("must start with a number"));
        }
        if release_parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_alphanumeric()))
        {
            return Err(error("parts are ASCII letters and digits, dot-separated"));
        }
        let mut all: Vec<&str> = release_parts;
        if let Some(pre) = pre {
            if pre
                .split('.')
                .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
            {
                return Err(error("prerelease parts are [0-9A-Za-z-], dot-separated"));
            }
            all.push("pre");
            all.extend(pre.split(['.', '-']).filter(|p| !p.is_empty()));
        }
        let mut segments = Vec::new();
        for part in all {
            let bytes = part.as_bytes();
            let mut start = 0;
            for i in 1..=bytes.len() {
                if i == bytes.len() || bytes[i].is_ascii_digit() != bytes[start].is_ascii_digit() {
                    let piece = &part[start..i];
                    segments.push(if bytes[start].is_ascii_digit() {
                        let digits = piece.trim_start_matches('0');
                        Segment::Num(digits.len(), digits.to_string())
                    } else {
                        Segment::Str(piece.to_string())
                    });
                    start = i;
                }
            }
        }
        // Drop trailing zeros from the release part and from the prerelease part.
        let split = segments
            .iter()
            .position(|s| matches!(s, Segment::Str(_)))
            .unwrap_or(segments.len());
        let mut pre_part = segments.split_off(split);
        while segments.last() == Some(&zero()) {
            segments.pop();
        }
        while pre_part.last() == Some(&zero()) {
            pre_part.pop();
        }
        segments.extend(pre_part);
        Ok(GemVersion { segments })
    }

    /// Whether any segment is a string.
    pub fn is_prerelease(&self) -> bool {
        self.segments.iter().any(|s| matches!(s, Segment::Str(_)))
    }
}

impl Ord for GemVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        let pad = zero();
        let len = self.segments.len().max(other.segments.len());
        for i in 0..len {
            let a = self.segments.get(i).unwrap_or(&pad);
            let b = other.segments.get(i).unwrap_or(&pad);
            match a.cmp(b) {
                Ordering::Equal => {}
                unequal => return unequal,
            }
        }
        Ordering::Equal
    }
}

impl PartialOrd for GemVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Compare two gem versions.
pub fn compare(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(GemVersion::parse(a)?.cmp(&GemVersion::parse(b)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lt(a: &str, b: &str) {
        assert_eq!(compare(a, b), Ok(Ordering::Less), "{a} < {b}");
        assert_eq!(compare(b, a), Ok(Ordering::Greater), "{b} > {a}");
    }

    fn eq(a: &str, b: &str) {
        assert_eq!(compare(a, b), Ok(Ordering::Equal), "{a} == {b}");
        assert_eq!(compare(b, a), Ok(Ordering::Equal), "{b} == {a}");
    }

    #[test]
    fn documented_order() {
        lt("1.0.a", "1.0");
        eq("1.0", "1.0.0");
        lt("1.0.0.rc1", "1.0.0");
        lt("1.0.a", "1.0.b");
        lt("1.0.b1", "1.0.b2");
        lt("1.0.rc1", "1.0.rc2");
        lt("1.0.0.rc1", "1.0.0.1");
        lt("0.9", "1.0.a");
        lt("1.9.3", "1.10.0");
        lt("2.0.0.beta", "2.0.0.rc1");
        eq("1.0.a", "1.a");
        eq("1.0.0.rc1", "1.0.0rc1");
        eq("1.0-rc1", "1.0.pre.rc1");
        eq(" 1.2 ", "1.2");
        lt("7.0.8", "7.0.8.1");
        lt("7.0.8.1", "7.1.3");
    }

    #[test]
    fn prerelease_detection() {
        assert!(GemVersion::parse("1.0.a").unwrap().is_prerelease());
        assert!(GemVersion::parse("1.0.0.rc1").unwrap().is_prerelease());
        assert!(!GemVersion::parse("1.0.0").unwrap().is_prerelease());
    }

    #[test]
    fn rejects_what_is_not_a_version() {
        for bad in [
            "", "junk", "1..2", "1.2.", "1.2 3", "1.0-", "1.0-a..b", "1_0", "v1.0",
        ] {
            assert!(
                GemVersion::parse(bad).is_err(),
                "{bad:?} should be rejected"
            );
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
        let parts = ["0", "1", "2", "10", "a", "b", "rc1", "pre", "0a", "beta2"];
        let versions: Vec<String> = (0..80)
            .map(|_| {
                let mut v = next(3).to_string();
                for _ in 0..next(5) {
                    v.push('.');
                    v.push_str(parts[next(parts.len() as u64) as usize]);
                }
                v
            })
            .collect();
        let parsed: Vec<GemVersion> = versions
            .iter()
            .map(|v| GemVersion::parse(v).unwrap())
            .collect();
        crate::version::testing::assert_total_order(&parsed, Ord::cmp);
    }
}
