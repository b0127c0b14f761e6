//! Debian package version ordering (deb-version(7), Debian Policy 5.6.12).
//!
//! A version is `[epoch:]upstream[-revision]`. The epoch is a decimal number (default 0),
//! the revision is whatever follows the last `-` (default empty, which orders like `0`).
//! Upstream and revision are compared by alternating non-digit parts (byte order, except
//! that letters sort before non-letters and `~` sorts before everything, even the end of
//! the string) and digit parts (numeric).

use std::cmp::Ordering;

use super::VersionError;

const ECOSYSTEM: &str = "debian";

/// A parsed Debian version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DebianVersion<'a> {
    /// The epoch (0 when absent).
    pub epoch: u64,
    /// The upstream version.
    pub upstream: &'a str,
    /// The Debian revision (empty when absent).
    pub revision: &'a str,
}

fn err(version: &str, reason: impl Into<String>) -> VersionError {
    VersionError {
        ecosystem: ECOSYSTEM,
        version: version.to_string(),
        reason: reason.into(),
    }
}

impl<'a> DebianVersion<'a> {
    /// Parse `[epoch:]upstream[-revision]`.
    pub fn parse(version: &'a str) -> Result<Self, VersionError> {
        if version.is_empty() {
            return Err(err(version, "empty version"));
        }
        if let Some(c) = version.chars().find(|c| c.is_whitespace()) {
            return Err(err(version, format!("contains whitespace {c:?}")));
        }
        let (epoch, rest) = match version.split_once(':') {
            Some((e, rest)) => {
                if e.is_empty() {
                    return Err(err(version, "empty epoch"));
                }
                if !e.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(err(version, "epoch is not a number"));
                }
                let epoch = e
                    .parse::<u64>()
                    .map_err(|_| err(version, "epoch is too large"))?;
                (epoch, rest)
            }
            None => (0, version),
        };
        let (upstream, revision) = match rest.rfind('-') {
            Some(i) => {
                let revision = &rest[i + 1..];
                if revision.is_empty() {
                    return Err(err(version, "empty revision after `-`"));
                }
                (&rest[..i], revision)
            }
            None => (rest, ""),
        };
        if upstream.is_empty() {
            return Err(err(version, "empty upstream version"));
        }
        if !upstream.as_bytes()[0].is_ascii_digit() {
            return Err(err(version, "upstream version does not start with a digit"));
        }
        if let Some(c) = upstream
            .chars()
            .find(|&c| !(c.is_ascii_alphanumeric() || ".+-~:".contains(c)))
        {
            return Err(err(
                version,
                format!("illegal character {c:?} in upstream version"),
            ));
        }
        if let Some(c) = revision
            .chars()
            .find(|&c| !(c.is_ascii_alphanumeric() || ".+~".contains(c)))
        {
            return Err(err(version, format!("illegal character {c:?} in revision")));
        }
        Ok(Self {
            epoch,
            upstream,
            revision,
        })
    }
}

impl Ord for DebianVersion<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.epoch
            .cmp(&other.epoch)
            .then_with(|| verrevcmp(self.upstream, other.upstream))
            .then_with(|| verrevcmp(self.revision, other.revision))
    }
}

impl PartialOrd for DebianVersion<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Sort weight of one byte of a non-digit part (`None` = end of the part).
fn weight(c: Option<u8>) -> i32 {
    match c {
        None => 0,
        Some(b'~') => -1,
        Some(c) if c.is_ascii_digit() => 0,
        Some(c) if c.is_ascii_alphabetic() => i32::from(c),
        Some(c) => i32::from(c) + 256,
    }
}

/// Compare two upstream versions or two revisions.
fn verrevcmp(a: &str, b: &str) -> Ordering {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    let digit = |s: &[u8], k: usize| s.get(k).is_some_and(u8::is_ascii_digit);
    while i < a.len() || j < b.len() {
        // Non-digit part.
        while (i < a.len() && !digit(a, i)) || (j < b.len() && !digit(b, j)) {
            let wa = weight(a.get(i).copied().filter(|c| !c.is_ascii_digit()));
            let wb = weight(b.get(j).copied().filter(|c| !c.is_ascii_digit()));
            if wa != wb {
                return wa.cmp(&wb);
            }
            if i < a.len() && !digit(a, i) {
                i += 1;
            }
            if j < b.len() && !digit(b, j) {
                j += 1;
            }
        }
        // Digit part.
        while a.get(i) == Some(&b'0') {
            i += 1;
        }
        while b.get(j) == Some(&b'0') {
            j += 1;
        }
        let mut first_diff = Ordering::Equal;
        while digit(a, i) && digit(b, j) {
            if first_diff == Ordering::Equal {
                first_diff = a[i].cmp(&b[j]);
            }
            i += 1;
            j += 1;
        }
        if digit(a, i) {
            return Ordering::Greater;
        }
        if digit(b, j) {
            return Ordering::Less;
        }
        if first_diff != Ordering::Equal {
            return first_diff;
        }
    }
    Ordering::Equal
}

/// Compare two Debian versions.
pub fn compare(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(DebianVersion::parse(a)?.cmp(&DebianVersion::parse(b)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cmp(a: &str, b: &str) -> Ordering {
        compare(a, b).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn table() {
        use Ordering::*;
        let cases = [
            ("1.0~rc1", "1.0", Less),
            ("1:0.1", "9.9", Greater),
            ("1.0-1", "1.0-1+deb12u1", Less),
            ("2.30-9", "2.30-10", Less),
            ("1.2a", "1.2+", Less),
            ("1.0", "1.0-0", Equal),
            ("0:1.0", "1.0", Equal),
            ("1.0", "1.00", Equal),
            ("1.0~~", "1.0~~a", Less),
            ("1.0~~a", "1.0~", Less),
            ("1.0~", "1.0", Less),
            ("1.0", "1.0a", Less),
            ("1.0a", "1.0.1", Less),
            ("1.0+", "1.0.", Less),
            ("7.6p2-4", "7.6-0", Greater),
            ("1.0.3-3", "1.0-1", Greater),
            ("1.3", "1.2.2-2", Greater),
            ("1.3", "1.2.2", Greater),
            ("0-pre", "0-pre", Equal),
            ("0-pre", "0-pree", Less),
            ("1.1.6r2-2", "1.1.6r-1", Greater),
            ("2.6b2-1", "2.6b-2", Greater),
            ("98.1p5-1", "98.1-pre2-b6-2", Less),
            ("0.4a6-2", "0.4-1", Greater),
            ("1:3.0.5+dfsg-1", "1:3.0.5-1", Greater),
            ("2:1.0", "10:0.1", Less),
            ("1.2.3-1ubuntu1", "1.2.3-1", Greater),
            ("1.2.3-1~bpo11+1", "1.2.3-1", Less),
            ("10", "9", Greater),
            ("1:2.3:4-5", "1:2.3:4-6", Less),
        ];
        for (a, b, want) in cases {
            assert_eq!(cmp(a, b), want, "{a} vs {b}");
            assert_eq!(cmp(b, a), want.reverse(), "{b} vs {a}");
        }
    }

    #[test]
    fn parse_parts() {
        let v = DebianVersion::parse("3:1.2-3-4").unwrap();
        assert_eq!((v.epoch, v.upstream, v.revision), (3, "1.2-3", "4"));
        let v = DebianVersion::parse("1.2").unwrap();
        assert_eq!((v.epoch, v.upstream, v.revision), (0, "1.2", ""));
    }

    #[test]
    fn errors() {
        for bad in [
            "", ":1.0", "a:1.0", "1a:1.0", "1:", "1.0-", "-1", "abc", "1:abc", "1.0 1", "1.0_1",
            "1.0-1_2", "1.0-1:2", "1.0/2", "é1",
        ] {
            assert!(compare(bad, "1.0").is_err(), "{bad:?} accepted");
            assert!(compare("1.0", bad).is_err(), "{bad:?} accepted");
        }
    }

    /// Small deterministic xorshift generator.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
        fn pick(&mut self, chars: &[u8]) -> char {
            char::from(chars[self.below(chars.len() as u64) as usize])
        }
    }

    fn gen_part(rng: &mut Rng, out: &mut String, extra: &[u8]) {
        for _ in 0..=rng.below(5) {
            match rng.below(4) {
                0 | 1 => out.push_str(&rng.below(12).to_string()),
                2 => out.push(rng.pick(b"abz")),
                _ => out.push(rng.pick(extra)),
            }
        }
    }

    fn gen_version(rng: &mut Rng) -> String {
        let mut s = String::new();
        if rng.below(4) == 0 {
            s.push_str(&format!("{}:", rng.below(3)));
        }
        s.push_str(&rng.below(4).to_string());
        gen_part(rng, &mut s, b".+~~");
        if rng.below(2) == 0 {
            s.push('-');
            s.push_str(&rng.below(3).to_string());
            gen_part(rng, &mut s, b".+~");
        }
        s
    }

    #[test]
    fn order_properties() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let vs: Vec<String> = (0..60).map(|_| gen_version(&mut rng)).collect();
        crate::version::testing::assert_total_order(&vs, |a, b| cmp(a, b));
    }

    #[test]
    fn matches_dpkg() {
        if std::process::Command::new("dpkg")
            .arg("--version")
            .output()
            .is_err()
        {
            eprintln!("dpkg not found; skipping cross-check");
            return;
        }
        let mut rng = Rng(0x0123_4567_89AB_CDEF);
        for _ in 0..300 {
            let (a, b) = (gen_version(&mut rng), gen_version(&mut rng));
            let ours = cmp(&a, &b);
            for (op, want) in [
                ("lt", Ordering::Less),
                ("eq", Ordering::Equal),
                ("gt", Ordering::Greater),
            ] {
                let status = std::process::Command::new("dpkg")
                    .args(["--compare-versions", &a, op, &b])
                    .status()
                    .expect("run dpkg");
                assert_eq!(
                    status.success(),
                    ours == want,
                    "{a} {op} {b}: ours {ours:?}"
                );
            }
        }
    }
}
