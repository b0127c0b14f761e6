//! Composer (Packagist) version order: `Composer\Semver`'s normalisation followed by PHP's
//! `version_compare`. A version is `[v]N[.N[.N[.N]]]` (missing parts are 0), then optionally
//! `[._-]` and a stability `stable`, `alpha`/`a`, `beta`/`b`, `RC`, `patch`/`pl`/`p` with
//! optional numbers, then optionally `[.-]dev`; build metadata (`+...`) is ignored and case
//! does not matter. After the release numbers, `version_compare` orders
//! `dev < alpha < beta < RC < (end / number) < patch`, so
//! `1.0.0-dev < 1.0.0-beta2 < 1.0.0-RC1 < 1.0.0 < 1.0.0-patch1`.
//! Branch versions (`dev-master`, `1.x-dev`) are not orderable and are an error.

use std::cmp::Ordering;

use super::VersionError;

/// A number without leading zeros, ordered by (length, digits).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Number(usize, String);

impl Number {
    fn new(digits: &str) -> Number {
        let digits = digits.trim_start_matches('0');
        Number(digits.len(), digits.to_string())
    }
}

/// One part after the release numbers, in `version_compare` order: the end of a version sits
/// above `rc` and below any number, and `patch` is above everything.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Part {
    /// `dev`.
    Dev,
    /// `alpha`, `a`.
    Alpha,
    /// `beta`, `b`.
    Beta,
    /// `RC`.
    Rc,
    /// The end of the version (padding); never stored.
    End,
    /// A number after a stability.
    Num(Number),
    /// `patch`, `pl`, `p`.
    Patch,
}

/// A normalised Composer version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComposerVersion {
    /// The four release numbers.
    pub release: [Number; 4],
    /// Stability, its numbers and a trailing `dev`.
    pub tail: Vec<Part>,
}

impl ComposerVersion {
    /// Normalise and parse a version; branch names are an error.
    pub fn parse(text: &str) -> Result<ComposerVersion, VersionError> {
        let error = |reason: &str| VersionError {
            ecosystem: "Packagist",
            version: text.to_string(),
            reason: reason.to_string(),
        };
        let lower = text.trim().to_ascii_lowercase();
        let body = lower.split_once('+').map_or(lower.as_str(), |(b, _)| b);
        if body.starts_with("dev-") || body.contains(['x', '*']) {
            return Err(error("branch versions are not orderable"));
        }
        let body = body.strip_prefix('v').unwrap_or(body);
        let bytes = body.as_bytes();
        let mut i = 0;
        let digits_at = |i: usize| bytes[i..].iter().take_while(|b| b.is_ascii_digit()).count();

        let mut numbers: Vec<Number> = Vec::new();
        loop {
            let n = digits_at(i);
            if n == 0 {
                return Err(error("expected a number such as 1.2.3"));
            }
            numbers.push(Number::new(&body[i..i + n]));
            i += n;
            if numbers.len() < 4 && bytes.get(i) == Some(&b'.') && digits_at(i + 1) > 0 {
                i += 1;
            } else {
                break;
            }
        }
        while numbers.len() < 4 {
            numbers.push(Number::new("0"));
        }

        let mut tail = Vec::new();
        let rest = &body[i..];
        let rest = rest.strip_prefix(['.', '_', '-']).unwrap_or(rest);
        let stabilities: [(&str, Option<Part>); 9] = [
            ("stable", None),
            ("beta", Some(Part::Beta)),
            ("b", Some(Part::Beta)),
            ("rc", Some(Part::Rc)),
            ("alpha", Some(Part::Alpha)),
            ("a", Some(Part::Alpha)),
            ("patch", Some(Part::Patch)),
            ("pl", Some(Part::Patch)),
            ("p", Some(Part::Patch)),
        ];
        let mut rest = rest;
        if let Some((word, part)) = stabilities.iter().find(|(w, _)| rest.starts_with(w)) {
            rest = &rest[word.len()..];
            let mut numbers_after = Vec::new();
            loop {
                let skip = usize::from(rest.starts_with(['.', '-']));
                let n = rest[skip..]
                    .bytes()
                    .take_while(|b| b.is_ascii_digit())
                    .count();
                if n == 0 {
                    break;
                }
                numbers_after.push(Part::Num(Number::new(&rest[skip..skip + n])));
                rest = &rest[skip + n..];
            }
            if let Some(part) = part {
                tail.push(part.clone());
                tail.extend(numbers_after);
            }
        }
        let dev_rest = rest.strip_prefix(['.', '-']).unwrap_or(rest);
        if dev_rest == "dev" {
            tail.push(Part::Dev);
            rest = "";
        }
        if !rest.is_empty() {
            return Err(error("unrecognised suffix"));
        }
        let release: [Number; 4] = numbers
            .try_into()
            .map_err(|_| error("more than four release numbers"))?;
        Ok(ComposerVersion { release, tail })
    }
}

impl Ord for ComposerVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        self.release.cmp(&other.release).then_with(|| {
            let len = self.tail.len().max(other.tail.len());
            for i in 0..len {
                let a = self.tail.get(i).unwrap_or(&Part::End);
                let b = other.tail.get(i).unwrap_or(&Part::End);
                match a.cmp(b) {
                    Ordering::Equal => {}
                    unequal => return unequal,
                }
            }
            Ordering::Equal
        })
    }
}

impl PartialOrd for ComposerVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Compare two Composer versions.
pub fn compare(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(ComposerVersion::parse(a)?.cmp(&ComposerVersion::parse(b)?))
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
    fn stability_order() {
        let chain = [
            "1.0.0-dev",
            "1.0.0-alpha1",
            "1.0.0-beta2-dev",
            "1.0.0-beta2",
            "1.0.0-beta10",
            "1.0.0-RC1",
            "1.0.0",
            "1.0.0-patch1",
            "1.0.0-patch2",
            "1.0.0.1",
            "1.0.1",
        ];
        for pair in chain.windows(2) {
            lt(pair[0], pair[1]);
        }
    }

    #[test]
    fn normalisation() {
        eq("v1.0", "1.0.0.0");
        eq("1.0.0-a1", "1.0.0-alpha1");
        eq("1.0.0-b.2", "1.0.0-beta2");
        eq("1.0.0-rc1", "1.0.0-RC1");
        eq("1.0.0RC1", "1.0.0-rc.1");
        eq("1.0.0-pl1", "1.0.0-patch1");
        eq("1.0.0-p1", "1.0.0-patch1");
        eq("1.0.0-stable", "1.0.0");
        eq("1.0.0+build5", "1.0.0");
        eq("2.0.0-beta.1-dev", "2.0.0-beta1.dev");
        lt("1.9.9", "1.10.0");
        lt("20100102", "20100103");
    }

    #[test]
    fn rejects_branches_and_junk() {
        for bad in [
            "",
            "dev-master",
            "dev-feature/x",
            "1.x-dev",
            "1.0.*",
            "latest",
            "1.0.0.0.0",
            "1.0-foo",
            "1..0",
            "1.0.0-beta-x",
        ] {
            assert!(
                ComposerVersion::parse(bad).is_err(),
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
        let suffixes = [
            "", "-dev", "-alpha", "-a1", "-beta2", "-b2-dev", "-RC1", "-rc.2", "-patch1", "-p",
            "-stable", ".1-dev",
        ];
        let versions: Vec<String> = (0..80)
            .map(|_| {
                format!(
                    "{}.{}.{}{}",
                    next(2),
                    next(2),
                    next(2),
                    suffixes[next(suffixes.len() as u64) as usize]
                )
            })
            .collect();
        let parsed: Vec<ComposerVersion> = versions
            .iter()
            .map(|v| ComposerVersion::parse(v).unwrap())
            .collect();
        crate::version::testing::assert_total_order(&parsed, Ord::cmp);
    }
}
