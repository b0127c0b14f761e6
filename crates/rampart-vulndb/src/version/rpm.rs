//! RPM package version ordering (rpmvercmp semantics).
//!
//! A version is `[epoch:]version[-release]`. The epoch is compared numerically (default 0),
//! then version and release with rpmvercmp: both strings are split into alphanumeric
//! segments (other characters separate them), `~` sorts before anything (pre-release), `^`
//! sorts after the end but before any other segment (post-release snapshot), a numeric
//! segment beats an alphabetic one, numeric segments compare as numbers and alphabetic ones
//! as strings; the side with segments left over wins.
//!
//! A missing release compares as an empty release (so `1.0` < `1.0-1`), which keeps the
//! order total; rpm itself skips the release when either side lacks one.

use std::cmp::Ordering;

use super::VersionError;

const ECOSYSTEM: &str = "rpm";

/// A parsed RPM `[epoch:]version[-release]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RpmVersion<'a> {
    /// The epoch (0 when absent).
    pub epoch: u64,
    /// The version.
    pub version: &'a str,
    /// The release (empty when absent).
    pub release: &'a str,
}

fn err(version: &str, reason: impl Into<String>) -> VersionError {
    VersionError {
        ecosystem: ECOSYSTEM,
        version: version.to_string(),
        reason: reason.into(),
    }
}

impl<'a> RpmVersion<'a> {
    /// Parse `[epoch:]version[-release]`.
    pub fn parse(evr: &'a str) -> Result<Self, VersionError> {
        if evr.is_empty() {
            return Err(err(evr, "empty version"));
        }
        if let Some(c) = evr.chars().find(|c| !c.is_ascii_graphic()) {
            return Err(err(evr, format!("illegal character {c:?}")));
        }
        let (epoch, rest) = match evr.split_once(':') {
            Some((e, rest)) => {
                if e.is_empty() || !e.bytes().all(|b| b.is_ascii_digit()) {
                    return Err(err(evr, "epoch is not a number"));
                }
                let epoch = e
                    .parse::<u64>()
                    .map_err(|_| err(evr, "epoch is too large"))?;
                (epoch, rest)
            }
            None => (0, evr),
        };
        if rest.contains(':') {
            return Err(err(evr, "more than one `:`"));
        }
        let (version, release) = match rest.rsplit_once('-') {
            Some((v, r)) => {
                if r.is_empty() {
                    return Err(err(evr, "empty release after `-`"));
                }
                (v, r)
            }
            None => (rest, ""),
        };
        if version.is_empty() {
            return Err(err(evr, "empty version"));
        }
        Ok(Self {
            epoch,
            version,
            release,
        })
    }
}

impl Ord for RpmVersion<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.epoch
            .cmp(&other.epoch)
            .then_with(|| rpmvercmp(self.version, other.version))
            .then_with(|| rpmvercmp(self.release, other.release))
    }
}

impl PartialOrd for RpmVersion<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Compare two version (or release) strings the way rpmvercmp does.
pub fn rpmvercmp(a: &str, b: &str) -> Ordering {
    if a == b {
        return Ordering::Equal;
    }
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let (mut i, mut j) = (0, 0);
    let is_sep = |c: u8| !c.is_ascii_alphanumeric() && c != b'~' && c != b'^';
    loop {
        while i < a.len() && is_sep(a[i]) {
            i += 1;
        }
        while j < b.len() && is_sep(b[j]) {
            j += 1;
        }
        let (ca, cb) = (a.get(i).copied(), b.get(j).copied());
        if ca.is_none() && cb.is_none() {
            return Ordering::Equal;
        }
        // Tilde: pre-release, sorts before everything, even the end.
        if ca == Some(b'~') || cb == Some(b'~') {
            if ca != Some(b'~') {
                return Ordering::Greater;
            }
            if cb != Some(b'~') {
                return Ordering::Less;
            }
            i += 1;
            j += 1;
            continue;
        }
        // Caret: sorts after the end, before any other segment.
        if ca == Some(b'^') || cb == Some(b'^') {
            match (ca, cb) {
                (None, _) => return Ordering::Less,
                (_, None) => return Ordering::Greater,
                (Some(b'^'), Some(b'^')) => {}
                (Some(b'^'), _) => return Ordering::Less,
                _ => return Ordering::Greater,
            }
            i += 1;
            j += 1;
            continue;
        }
        let (Some(ca), Some(_)) = (ca, cb) else {
            // One side is exhausted: the other has segments left and wins.
            return if ca.is_some() {
                Ordering::Greater
            } else {
                Ordering::Less
            };
        };
        let numeric = ca.is_ascii_digit();
        let class = |c: &u8| {
            if numeric {
                c.is_ascii_digit()
            } else {
                c.is_ascii_alphabetic()
            }
        };
        let seg_a = take_while(&a[i..], class);
        let seg_b = take_while(&b[j..], class);
        if seg_b.is_empty() {
            // Different kinds: numeric beats alphabetic.
            return if numeric {
                Ordering::Greater
            } else {
                Ordering::Less
            };
        }
        i += seg_a.len();
        j += seg_b.len();
        let ord = if numeric {
            let na = strip_zeros(seg_a);
            let nb = strip_zeros(seg_b);
            na.len().cmp(&nb.len()).then_with(|| na.cmp(nb))
        } else {
            seg_a.cmp(seg_b)
        };
        if ord != Ordering::Equal {
            return ord;
        }
    }
}

fn take_while(s: &[u8], f: impl Fn(&u8) -> bool) -> &[u8] {
    let n = s.iter().position(|c| !f(c)).unwrap_or(s.len());
    &s[..n]
}

fn strip_zeros(s: &[u8]) -> &[u8] {
    let n = s.iter().position(|&c| c != b'0').unwrap_or(s.len());
    &s[n..]
}

/// Compare two RPM `[epoch:]version[-release]` strings.
pub fn compare(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(RpmVersion::parse(a)?.cmp(&RpmVersion::parse(b)?))
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
            ("1.0^git1", "1.0", Greater),
            ("1.0^git1", "1.0.1", Less),
            ("2:1.0", "1:9", Greater),
            // Alphabetic segments lose to numeric ones.
            ("1.0a", "1.0.1", Less),
            ("1.0a", "1.0", Greater),
            ("1.0", "1.0", Equal),
            ("1.0", "2.0", Less),
            ("2.0.1", "2.0", Greater),
            ("2.0.1a", "2.0.1", Greater),
            ("5.5p1", "5.5p2", Less),
            ("5.5p10", "5.5p1", Greater),
            ("10xyz", "10.1xyz", Less),
            ("xyz10", "xyz10.1", Less),
            ("xyz.4", "8", Less),
            ("1.00", "1.0", Equal),
            ("1.010", "1.01", Greater),
            ("1_0", "1.0", Equal),
            ("a", "b", Less),
            ("a+", "a_", Equal),
            ("1.0~rc1", "1.0~rc2", Less),
            ("1.0~rc1", "1.0~rc1~git", Greater),
            ("1.0^", "1.0", Greater),
            ("1.0^git1", "1.0^git2", Less),
            ("1.0^git1~pre", "1.0^git1", Less),
            ("1.0~rc1^git1", "1.0~rc1", Greater),
            ("1.0~rc1^git1", "1.0", Less),
            ("1:1.0-1", "1.0-1", Greater),
            ("0:1.0-1", "1.0-1", Equal),
            ("1.0-1", "1.0-2", Less),
            ("1.0-1.el9", "1.0-1.el9_2", Less),
            ("1.0-10", "1.0-9", Greater),
            ("1.0", "1.0-1", Less),
        ];
        for (a, b, want) in cases {
            assert_eq!(cmp(a, b), want, "{a} vs {b}");
            assert_eq!(cmp(b, a), want.reverse(), "{b} vs {a}");
        }
    }

    #[test]
    fn parse_parts() {
        let v = RpmVersion::parse("2:1.2.3-4.el9").unwrap();
        assert_eq!((v.epoch, v.version, v.release), (2, "1.2.3", "4.el9"));
        let v = RpmVersion::parse("1.2").unwrap();
        assert_eq!((v.epoch, v.version, v.release), (0, "1.2", ""));
    }

    #[test]
    fn errors() {
        for bad in [
            "", ":1", "a:1", "1:", "1:-1", "1.0-", "-1", "1 0", "1:2:3", "1.0\n", "é",
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

    fn gen_part(rng: &mut Rng) -> String {
        let mut s = String::new();
        for _ in 0..=rng.below(5) {
            match rng.below(5) {
                0 | 1 => s.push_str(&rng.below(12).to_string()),
                2 => s.push(rng.pick(b"abz")),
                3 => s.push(rng.pick(b"._+")),
                _ => s.push(rng.pick(b"~^")),
            }
        }
        s
    }

    fn gen_version(rng: &mut Rng) -> String {
        let mut s = String::new();
        if rng.below(4) == 0 {
            s.push_str(&format!("{}:", rng.below(3)));
        }
        s.push_str(&gen_part(rng));
        if rng.below(2) == 0 {
            s.push('-');
            s.push_str(&gen_part(rng));
        }
        s
    }

    #[test]
    fn order_properties() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let vs: Vec<String> = (0..60).map(|_| gen_version(&mut rng)).collect();
        crate::version::testing::assert_total_order(&vs, |a, b| cmp(a, b));
    }

    /// Cross-check rpmvercmp against the installed rpm's `rpm.vercmp` (one rpm process,
    /// many comparisons).
    #[test]
    fn matches_rpm() {
        if std::process::Command::new("rpm")
            .arg("--version")
            .output()
            .is_err()
        {
            eprintln!("rpm not found; skipping cross-check");
            return;
        }
        let mut rng = Rng(0x0123_4567_89AB_CDEF);
        let pairs: Vec<(String, String)> = (0..300)
            .map(|_| (gen_part(&mut rng), gen_part(&mut rng)))
            .collect();
        let mut lua = String::from("%{lua: ");
        for (a, b) in &pairs {
            lua.push_str(&format!("print(rpm.vercmp([[{a}]], [[{b}]])) print(' ') "));
        }
        lua.push('}');
        let out = std::process::Command::new("rpm")
            .args(["--eval", &lua])
            .output()
            .expect("run rpm");
        let text = String::from_utf8_lossy(&out.stdout);
        let got: Vec<i32> = text
            .split_whitespace()
            .map(|t| t.parse().expect("rpm.vercmp result"))
            .collect();
        assert_eq!(got.len(), pairs.len(), "rpm output: {text}");
        for ((a, b), theirs) in pairs.iter().zip(got) {
            assert_eq!(rpmvercmp(a, b), theirs.cmp(&0), "{a} vs {b}");
        }
    }
}
