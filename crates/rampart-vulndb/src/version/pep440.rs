//! PEP 440 version parsing and ordering (Python packages, OSV ecosystem `PyPI`).
//!
//! Accepts the spellings PEP 440 permits and normalises them: case-insensitive, optional
//! leading `v`, surrounding whitespace, `-`/`_`/`.` separators, `alpha`/`beta`/`c`/`pre`/
//! `preview` pre-release spellings, `rev`/`r` and implicit `-N` post releases and implicit
//! zero numbers (`1.0a` = `1.0a0`). Numbers are compared numerically without size limit.

use std::cmp::Ordering;
use std::fmt;

use super::VersionError;

const ECOSYSTEM: &str = "pep440";

/// A non-negative integer of any size, kept as its decimal digits without leading zeros.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Num(String);

impl Num {
    fn new(digits: &str) -> Self {
        let trimmed = digits.trim_start_matches('0');
        Num(if trimmed.is_empty() {
            "0".to_string()
        } else {
            trimmed.to_string()
        })
    }

    fn zero() -> Self {
        Num("0".to_string())
    }

    fn is_zero(&self) -> bool {
        self.0 == "0"
    }
}

impl Ord for Num {
    fn cmp(&self, other: &Self) -> Ordering {
        self.0
            .len()
            .cmp(&other.0.len())
            .then_with(|| self.0.cmp(&other.0))
    }
}

impl PartialOrd for Num {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for Num {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The kind of a pre-release, in ascending order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PreKind {
    /// `a`, `alpha`.
    Alpha,
    /// `b`, `beta`.
    Beta,
    /// `rc`, `c`, `pre`, `preview`.
    Rc,
}

impl PreKind {
    fn as_str(self) -> &'static str {
        match self {
            PreKind::Alpha => "a",
            PreKind::Beta => "b",
            PreKind::Rc => "rc",
        }
    }
}

/// One dot-separated piece of a local version label.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum LocalSegment {
    /// Lower-cased, containing at least one letter.
    Alnum(String),
    Numeric(Num),
}

impl Ord for LocalSegment {
    fn cmp(&self, other: &Self) -> Ordering {
        match (self, other) {
            (LocalSegment::Numeric(a), LocalSegment::Numeric(b)) => a.cmp(b),
            (LocalSegment::Alnum(a), LocalSegment::Alnum(b)) => a.cmp(b),
            (LocalSegment::Numeric(_), LocalSegment::Alnum(_)) => Ordering::Greater,
            (LocalSegment::Alnum(_), LocalSegment::Numeric(_)) => Ordering::Less,
        }
    }
}

impl PartialOrd for LocalSegment {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl fmt::Display for LocalSegment {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LocalSegment::Alnum(s) => f.write_str(s),
            LocalSegment::Numeric(n) => n.fmt(f),
        }
    }
}

/// A parsed PEP 440 version. Equality and ordering follow PEP 440, so `1.0 == 1.0.0`
/// and `1.0+ubuntu.1 > 1.0`; `Display` prints the normalised form.
#[derive(Debug, Clone)]
pub struct Version {
    epoch: Num,
    release: Vec<Num>,
    pre: Option<(PreKind, Num)>,
    post: Option<Num>,
    dev: Option<Num>,
    local: Vec<LocalSegment>,
}

impl Version {
    /// Parse `s` per PEP 440, accepting every spelling the specification normalises.
    pub fn parse(s: &str) -> Result<Version, VersionError> {
        Parser::new(s).parse().map_err(|reason| VersionError {
            ecosystem: ECOSYSTEM,
            version: s.to_string(),
            reason: reason.to_string(),
        })
    }

    /// Whether this is a pre-release (`a`, `b`, `rc`) or development release.
    pub fn is_prerelease(&self) -> bool {
        self.pre.is_some() || self.dev.is_some()
    }

    /// Whether this version has a local label (`+...`).
    pub fn is_local(&self) -> bool {
        !self.local.is_empty()
    }

    /// The release segment without trailing zeros (at least one component kept).
    fn significant_release(&self) -> &[Num] {
        let mut end = self.release.len();
        while end > 1 && self.release[end - 1].is_zero() {
            end -= 1;
        }
        &self.release[..end]
    }

    fn cmp_release(&self, other: &Self) -> Ordering {
        let a = self.significant_release();
        let b = other.significant_release();
        let zero = Num::zero();
        let len = a.len().max(b.len());
        (0..len)
            .map(|i| {
                let x = a.get(i).unwrap_or(&zero);
                let y = b.get(i).unwrap_or(&zero);
                x.cmp(y)
            })
            .find(|o| o.is_ne())
            .unwrap_or(Ordering::Equal)
    }

    /// Pre-release key: a bare dev release sorts before every pre-release of the same
    /// release, a final (or post) release after all of them.
    fn pre_key(&self) -> Bound<(PreKind, &Num)> {
        match &self.pre {
            Some((kind, n)) => Bound::Value((*kind, n)),
            None if self.post.is_none() && self.dev.is_some() => Bound::Low,
            None => Bound::High,
        }
    }

    fn post_key(&self) -> Bound<&Num> {
        self.post.as_ref().map_or(Bound::Low, Bound::Value)
    }

    fn dev_key(&self) -> Bound<&Num> {
        self.dev.as_ref().map_or(Bound::High, Bound::Value)
    }
}

/// A value with sentinels below and above every real value.
#[derive(Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Bound<T> {
    Low,
    Value(T),
    High,
}

impl Ord for Version {
    fn cmp(&self, other: &Self) -> Ordering {
        self.epoch
            .cmp(&other.epoch)
            .then_with(|| self.cmp_release(other))
            .then_with(|| self.pre_key().cmp(&other.pre_key()))
            .then_with(|| self.post_key().cmp(&other.post_key()))
            .then_with(|| self.dev_key().cmp(&other.dev_key()))
            // No local label sorts before any; segments compare pairwise, a longer
            // label with an equal prefix sorts later.
            .then_with(|| self.local.cmp(&other.local))
    }
}

impl PartialOrd for Version {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Version {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Version {}

impl std::str::FromStr for Version {
    type Err = VersionError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Version::parse(s)
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.epoch.is_zero() {
            write!(f, "{}!", self.epoch)?;
        }
        for (i, n) in self.release.iter().enumerate() {
            if i > 0 {
                f.write_str(".")?;
            }
            write!(f, "{n}")?;
        }
        if let Some((kind, n)) = &self.pre {
            write!(f, "{}{n}", kind.as_str())?;
        }
        if let Some(n) = &self.post {
            write!(f, ".post{n}")?;
        }
        if let Some(n) = &self.dev {
            write!(f, ".dev{n}")?;
        }
        for (i, seg) in self.local.iter().enumerate() {
            f.write_str(if i == 0 { "+" } else { "." })?;
            write!(f, "{seg}")?;
        }
        Ok(())
    }
}

/// Compare two PEP 440 versions.
pub fn compare(a: &str, b: &str) -> Result<Ordering, VersionError> {
    let a = Version::parse(a)?;
    let b = Version::parse(b)?;
    Ok(a.cmp(&b))
}

/// Hand-written recursive-descent reader over the lower-cased, trimmed input.
struct Parser {
    s: Vec<u8>,
    pos: usize,
}

fn is_sep(c: u8) -> bool {
    matches!(c, b'-' | b'_' | b'.')
}

impl Parser {
    fn new(s: &str) -> Self {
        Parser {
            s: s.trim().to_ascii_lowercase().into_bytes(),
            pos: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.s.get(self.pos).copied()
    }

    fn peek_at(&self, off: usize) -> Option<u8> {
        self.s.get(self.pos + off).copied()
    }

    fn rest(&self) -> &[u8] {
        &self.s[self.pos..]
    }

    /// Digits at the current position (possibly none), consumed.
    fn digits(&mut self) -> Option<Num> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        (self.pos > start).then(|| {
            // Only ASCII digits were consumed.
            Num::new(std::str::from_utf8(&self.s[start..self.pos]).unwrap_or("0"))
        })
    }

    /// If the input at `pos + off` starts with one of `labels` (tried in order), its
    /// length and index.
    fn label_at(&self, off: usize, labels: &[&str]) -> Option<(usize, usize)> {
        let rest = self.s.get(self.pos + off..)?;
        labels
            .iter()
            .enumerate()
            .find(|(_, l)| rest.starts_with(l.as_bytes()))
            .map(|(i, l)| (l.len(), i))
    }

    /// An optional separator followed by one of `labels`; consumes both when present.
    fn sep_label(&mut self, labels: &[&str]) -> Option<usize> {
        let off = usize::from(self.peek().is_some_and(is_sep));
        let (len, idx) = self.label_at(off, labels)?;
        self.pos += off + len;
        Some(idx)
    }

    /// The number after a label: an optional separator, then digits or implicitly zero
    /// (`1.0a` and `1.0a.` are both `1.0a0`).
    fn label_number(&mut self) -> Num {
        if self.peek().is_some_and(is_sep) {
            self.pos += 1;
        }
        self.digits().unwrap_or_else(Num::zero)
    }

    fn parse(mut self) -> Result<Version, &'static str> {
        if self.s.is_empty() {
            return Err("empty version");
        }
        if self.peek() == Some(b'v') {
            self.pos += 1;
        }

        // Epoch and first release component.
        let first = self.digits().ok_or("expected a release number")?;
        let (epoch, first) = if self.peek() == Some(b'!') {
            self.pos += 1;
            let release_first = self
                .digits()
                .ok_or("expected a release number after the epoch")?;
            (first, release_first)
        } else {
            (Num::zero(), first)
        };
        let mut release = vec![first];
        while self.peek() == Some(b'.') && self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
            release.extend(self.digits());
        }

        // Pre-release; longer spellings first so `alpha` is not read as `a`.
        const PRE: [&str; 8] = ["alpha", "a", "beta", "b", "preview", "pre", "c", "rc"];
        let pre = self.sep_label(&PRE).map(|idx| {
            let kind = match PRE[idx] {
                "alpha" | "a" => PreKind::Alpha,
                "beta" | "b" => PreKind::Beta,
                _ => PreKind::Rc,
            };
            (kind, self.label_number())
        });

        // Post release: `-N`, or an optional separator, `post`/`rev`/`r` and a number.
        let post =
            if self.peek() == Some(b'-') && self.peek_at(1).is_some_and(|c| c.is_ascii_digit()) {
                self.pos += 1;
                self.digits()
            } else {
                self.sep_label(&["post", "rev", "r"])
                    .map(|_| self.label_number())
            };

        let dev = self.sep_label(&["dev"]).map(|_| self.label_number());

        let mut local = Vec::new();
        if self.peek() == Some(b'+') {
            self.pos += 1;
            loop {
                let start = self.pos;
                while self.peek().is_some_and(|c| c.is_ascii_alphanumeric()) {
                    self.pos += 1;
                }
                let seg = &self.s[start..self.pos];
                if seg.is_empty() {
                    return Err("empty segment in the local version label");
                }
                let text = String::from_utf8_lossy(seg);
                local.push(if seg.iter().all(u8::is_ascii_digit) {
                    LocalSegment::Numeric(Num::new(&text))
                } else {
                    LocalSegment::Alnum(text.into_owned())
                });
                match self.peek() {
                    Some(c) if is_sep(c) => self.pos += 1,
                    _ => break,
                }
            }
        }

        if !self.rest().is_empty() {
            return Err("unexpected text after the version");
        }
        Ok(Version {
            epoch,
            release,
            pre,
            post,
            dev,
            local,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(s: &str) -> Version {
        Version::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn spec_suffix_ordering() {
        // "Summary of permitted suffixes and relative ordering" in PEP 440.
        let ordered = [
            "1.dev0",
            "1.0.dev456",
            "1.0a1",
            "1.0a2.dev456",
            "1.0a12.dev456",
            "1.0a12",
            "1.0b1.dev456",
            "1.0b2",
            "1.0b2.post345.dev456",
            "1.0b2.post345",
            "1.0rc1.dev456",
            "1.0rc1",
            "1.0",
            "1.0+abc.5",
            "1.0+abc.7",
            "1.0+5",
            "1.0.post456.dev34",
            "1.0.post456",
            "1.0.15",
            "1.1.dev1",
        ];
        for (i, a) in ordered.iter().enumerate() {
            for (j, b) in ordered.iter().enumerate() {
                assert_eq!(compare(a, b).unwrap(), i.cmp(&j), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn ordering_chain_from_brief() {
        let ordered = [
            "1.0.dev1",
            "1.0a1.dev1",
            "1.0a1",
            "1.0a1.post1",
            "1.0b1",
            "1.0rc1",
            "1.0",
            "1.0.post1.dev1",
            "1.0.post1",
        ];
        for w in ordered.windows(2) {
            assert_eq!(compare(w[0], w[1]).unwrap(), Ordering::Less, "{w:?}");
            assert_eq!(compare(w[1], w[0]).unwrap(), Ordering::Greater, "{w:?}");
        }
    }

    #[test]
    fn normalisation() {
        let cases = [
            ("1.0", "1.0"),
            ("1.0.0", "1.0.0"),
            ("V1.0", "1.0"),
            ("v1.0", "1.0"),
            ("  1.0\n", "1.0"),
            ("1.0ALPHA1", "1.0a1"),
            ("1.0-alpha.1", "1.0a1"),
            ("1.0.a1", "1.0a1"),
            ("1.0_a_1", "1.0a1"),
            ("1.0a", "1.0a0"),
            ("1.0beta2", "1.0b2"),
            ("1.0B", "1.0b0"),
            ("1.0c1", "1.0rc1"),
            ("1.0pre1", "1.0rc1"),
            ("1.0preview1", "1.0rc1"),
            ("1.0-preview-1", "1.0rc1"),
            ("1.0RC", "1.0rc0"),
            ("1.0-post1", "1.0.post1"),
            ("1.0post", "1.0.post0"),
            ("1.0.rev2", "1.0.post2"),
            ("1.0r3", "1.0.post3"),
            ("1.0-1", "1.0.post1"),
            ("1.0.post.1", "1.0.post1"),
            ("1.0-dev", "1.0.dev0"),
            ("1.0dev3", "1.0.dev3"),
            ("1.0_dev_3", "1.0.dev3"),
            ("1.0a1-post2-dev3", "1.0a1.post2.dev3"),
            ("1.0a.post", "1.0a0.post0"),
            ("1.0a.", "1.0a0"),
            ("1.0.post_", "1.0.post0"),
            ("1.0.dev-", "1.0.dev0"),
            ("1.0a.-1", "1.0a0.post1"),
            ("1!1.0", "1!1.0"),
            ("0!1.0", "1.0"),
            ("01.002", "1.2"),
            ("1.0+UBUNTU-1", "1.0+ubuntu.1"),
            ("1.0+abc_01.x", "1.0+abc.1.x"),
            ("1.0a1+local", "1.0a1+local"),
        ];
        for (input, normal) in cases {
            assert_eq!(v(input).to_string(), normal, "{input}");
            assert_eq!(v(input), v(normal), "{input}");
        }
    }

    #[test]
    fn equalities() {
        for (a, b) in [
            ("1.0", "1.0.0"),
            ("1", "1.0.0.0"),
            ("1.0a", "1.0a0"),
            ("1.0-1", "1.0.post1"),
            ("0!1.0", "1.0"),
            ("1.0+01", "1.0+1"),
            ("1.0+ABC", "1.0+abc"),
            ("1.0+a-b", "1.0+a.b"),
            ("1.0c1", "1.0rc1"),
        ] {
            assert_eq!(compare(a, b).unwrap(), Ordering::Equal, "{a} vs {b}");
        }
        assert_ne!(
            compare("1.0+0", "1.0").unwrap(),
            Ordering::Equal,
            "a local label is never insignificant"
        );
    }

    #[test]
    fn epochs_and_big_numbers() {
        assert_eq!(compare("1!0.1", "2.0").unwrap(), Ordering::Greater);
        assert_eq!(compare("2!1.0", "1!9.0").unwrap(), Ordering::Greater);
        assert_eq!(compare("1.10", "1.9").unwrap(), Ordering::Greater);
        assert_eq!(
            compare("1.99999999999999999999999", "1.100000000000000000000000").unwrap(),
            Ordering::Less
        );
        assert_eq!(compare("20240101", "2024.1").unwrap(), Ordering::Greater);
    }

    #[test]
    fn local_versions() {
        let ordered = [
            "1.0",
            "1.0+a",
            "1.0+a.b",
            "1.0+a.1",
            "1.0+b",
            "1.0+B.0",
            "1.0+z9",
            "1.0+0",
            "1.0+2",
            "1.0+10",
            "1.0+10.a",
            "1.0+10.0",
            "1.0.post0",
        ];
        for (i, a) in ordered.iter().enumerate() {
            for (j, b) in ordered.iter().enumerate() {
                assert_eq!(compare(a, b).unwrap(), i.cmp(&j), "{a} vs {b}");
            }
        }
        assert!(v("1.0+x").is_local());
        assert!(!v("1.0").is_local());
    }

    #[test]
    fn invalid() {
        for s in [
            "",
            "   ",
            "latest",
            "1.0.0-foo-bar",
            "v",
            "1.",
            ".1",
            "1..0",
            "1.0-",
            "1.0a.1.",
            "1.0+",
            "1.0+a..b",
            "1.0+a+b",
            "1.0+a-",
            "1!",
            "!1.0",
            "1!2!3",
            "1.0 a1",
            "1.0-rc1-rc2",
            "1.0.dev1.post1",
            "1.0post.-1",
            "1.0ab",
            "1.0dev1a1",
            "1.0é",
            "1.0.x",
            "*",
            "1.*",
            "-1.0",
        ] {
            let err = compare(s, "1.0").expect_err(s);
            assert_eq!(err.ecosystem, "pep440");
            assert_eq!(err.version, s);
            assert!(compare("1.0", s).is_err(), "{s}");
        }
    }

    #[test]
    fn prerelease_flag() {
        assert!(v("1.0a1").is_prerelease());
        assert!(v("1.0.dev1").is_prerelease());
        assert!(!v("1.0.post1").is_prerelease());
    }

    /// Small deterministic generator (xorshift64*), so failures reproduce.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }

        fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
            xs[self.below(xs.len() as u64) as usize]
        }
    }

    /// A random valid version in a non-normalised spelling, with a small value range so
    /// that equal and near-equal versions are common.
    fn gen_version(rng: &mut Rng) -> String {
        let mut s = String::new();
        if rng.below(6) == 0 {
            s.push_str(rng.pick(&["v", "V"]));
        }
        if rng.below(8) == 0 {
            s.push_str(&format!("{}!", rng.below(3)));
        }
        let parts = 1 + rng.below(4);
        for i in 0..parts {
            if i > 0 {
                s.push('.');
            }
            s.push_str(rng.pick(&["0", "1", "2", "10", "00", "01"]));
        }
        let sep = |rng: &mut Rng| rng.pick(&["", "", ".", "-", "_"]).to_string();
        let num = |rng: &mut Rng| {
            if rng.below(4) == 0 {
                rng.pick(&["", "", ".", "-", "_"]).to_string()
            } else {
                format!("{}{}", sep(rng), rng.below(3))
            }
        };
        if rng.below(3) == 0 {
            let label = rng.pick(&[
                "a", "alpha", "b", "beta", "c", "rc", "pre", "preview", "A", "RC",
            ]);
            s.push_str(&format!("{}{label}{}", sep(rng), num(rng)));
        }
        if rng.below(3) == 0 {
            if rng.below(3) == 0 {
                s.push_str(&format!("-{}", rng.below(3)));
            } else {
                let label = rng.pick(&["post", "rev", "r", "POST"]);
                s.push_str(&format!("{}{label}{}", sep(rng), num(rng)));
            }
        }
        if rng.below(3) == 0 {
            let label = rng.pick(&["dev", "DEV"]);
            s.push_str(&format!("{}{label}{}", sep(rng), num(rng)));
        }
        if rng.below(4) == 0 {
            s.push('+');
            let segs = 1 + rng.below(3);
            for i in 0..segs {
                if i > 0 {
                    s.push_str(rng.pick(&[".", "-", "_"]));
                }
                s.push_str(rng.pick(&["0", "1", "01", "a", "B", "ab", "a1", "10"]));
            }
        }
        s
    }

    fn gen_versions(seed: u64, n: usize) -> Vec<String> {
        let mut rng = Rng(seed);
        (0..n).map(|_| gen_version(&mut rng)).collect()
    }

    #[test]
    fn generated_versions_parse_and_round_trip() {
        for s in gen_versions(0x5EED_0001, 500) {
            let parsed = v(&s);
            let normal = parsed.to_string();
            assert_eq!(v(&normal), parsed, "{s} -> {normal}");
            assert_eq!(v(&normal).to_string(), normal, "{s}");
        }
    }

    #[test]
    fn reflexive_and_antisymmetric() {
        let vs = gen_versions(0x5EED_0002, 120);
        for a in &vs {
            assert_eq!(compare(a, a).unwrap(), Ordering::Equal, "{a}");
            for b in &vs {
                let ab = compare(a, b).unwrap();
                let ba = compare(b, a).unwrap();
                assert_eq!(ab, ba.reverse(), "{a} vs {b}");
            }
        }
    }

    #[test]
    fn transitive() {
        let vs: Vec<Version> = gen_versions(0x5EED_0003, 60).iter().map(|s| v(s)).collect();
        for a in &vs {
            for b in &vs {
                for c in &vs {
                    let ab = a.cmp(b);
                    let bc = b.cmp(c);
                    if ab != Ordering::Greater && bc != Ordering::Greater {
                        let ac = a.cmp(c);
                        assert_ne!(ac, Ordering::Greater, "{a} <= {b} <= {c}");
                        if ab == Ordering::Equal && bc == Ordering::Equal {
                            assert_eq!(ac, Ordering::Equal, "{a} == {b} == {c}");
                        }
                        if ab == Ordering::Less || bc == Ordering::Less {
                            assert_eq!(ac, Ordering::Less, "{a} ? {b} ? {c}");
                        }
                    }
                }
            }
        }
    }

    /// Agreement with Python's `packaging.version` on generated pairs. The expected
    /// orderings are computed at test time; skipped with a notice when `python3` or
    /// `packaging` is unavailable.
    #[test]
    fn agrees_with_python_packaging() {
        use std::io::Write;
        use std::process::{Command, Stdio};

        let available = Command::new("python3")
            .args(["-c", "import packaging.version"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !available {
            println!("skipping: python3 with `packaging` is not available");
            return;
        }

        let vs = gen_versions(0x5EED_0004, 800);
        let mut extra_rng = Rng(0x5EED_0005);
        let mut pairs: Vec<(String, String)> =
            vs.chunks(2).map(|p| (p[0].clone(), p[1].clone())).collect();
        // Near pairs: a version against a lightly varied copy of itself.
        for s in vs.iter().take(200) {
            let other = match extra_rng.below(4) {
                0 => format!("{s}.0").replacen("+", ".0+", 1),
                1 => s.to_uppercase(),
                2 => s.replace('.', "_"),
                _ => s.clone(),
            };
            pairs.push((s.clone(), other));
        }

        let script = r"
import sys
from packaging.version import Version, InvalidVersion
for line in sys.stdin.read().splitlines():
    a, b = line.split('\t')
    try:
        x, y = Version(a), Version(b)
        print((x > y) - (x < y))
    except InvalidVersion:
        print('invalid')
";
        let mut child = Command::new("python3")
            .args(["-c", script])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 starts");
        let input: String = pairs.iter().map(|(a, b)| format!("{a}\t{b}\n")).collect();
        child
            .stdin
            .take()
            .expect("stdin")
            .write_all(input.as_bytes())
            .expect("write to python3");
        let out = child.wait_with_output().expect("python3 output");
        assert!(out.status.success(), "python3 failed");
        let out = String::from_utf8(out.stdout).expect("utf-8");
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines.len(), pairs.len());

        let mut checked = 0;
        for ((a, b), expected) in pairs.iter().zip(lines) {
            let ours = compare(a, b);
            match expected {
                "invalid" => assert!(ours.is_err(), "{a} vs {b}: packaging rejects"),
                e => {
                    let expected = match e {
                        "-1" => Ordering::Less,
                        "0" => Ordering::Equal,
                        _ => Ordering::Greater,
                    };
                    assert_eq!(ours.unwrap(), expected, "{a} vs {b}");
                    checked += 1;
                }
            }
        }
        assert!(checked >= 300, "only {checked} pairs compared");
    }
}
