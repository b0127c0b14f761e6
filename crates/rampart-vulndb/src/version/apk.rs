//! Alpine package (apk) version ordering, following apk-tools' version.c semantics.
//!
//! A version is `digits(.digits)*[letter]?(_suffix[digits])*[-r<digits>]`. It is read as a
//! token stream (numbers, letter, suffix, suffix number, release number) compared token by
//! token. Where the streams differ in token kind, a pre-release suffix (`_alpha`, `_beta`,
//! `_pre`, `_rc`) is older than anything, and otherwise the stream with the more
//! significant token (number > letter > suffix > suffix number > release > end) is newer.
//! Suffix order: `_alpha < _beta < _pre < _rc < (none) < _cvs < _svn < _git < _hg < _p`.
//!
//! Numbers compare numerically; apk-tools' special treatment of leading zeros after a dot
//! and `~<hash>` commit suffixes are not supported (the latter is rejected).

use std::cmp::Ordering;

use super::VersionError;

const ECOSYSTEM: &str = "apk";

const PRE_SUFFIXES: [&str; 4] = ["alpha", "beta", "pre", "rc"];
const POST_SUFFIXES: [&str; 5] = ["cvs", "svn", "git", "hg", "p"];

/// One token of an apk version.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Token<'a> {
    /// A dot-separated number (digits, leading zeros kept).
    Number(&'a str),
    /// The single letter after the numbers.
    Letter(u8),
    /// A suffix: negative for pre-release suffixes (`_alpha` = -4 … `_rc` = -1), zero or
    /// more for post-release ones (`_cvs` = 0 … `_p` = 4).
    Suffix(i8),
    /// The number right after a suffix.
    SuffixNumber(&'a str),
    /// The `-rN` package release.
    Release(&'a str),
}

/// A parsed apk version: its tokens in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApkVersion<'a> {
    /// The tokens, most significant first.
    pub tokens: Vec<Token<'a>>,
}

fn err(version: &str, reason: impl Into<String>) -> VersionError {
    VersionError {
        ecosystem: ECOSYSTEM,
        version: version.to_string(),
        reason: reason.into(),
    }
}

fn digits(s: &str) -> usize {
    s.bytes().take_while(u8::is_ascii_digit).count()
}

impl<'a> ApkVersion<'a> {
    /// Parse `digits(.digits)*[letter]?(_suffix[digits])*[-r<digits>]`.
    pub fn parse(version: &'a str) -> Result<Self, VersionError> {
        if version.is_empty() {
            return Err(err(version, "empty version"));
        }
        let mut tokens = Vec::new();
        let mut rest = version;
        // Numbers.
        loop {
            let n = digits(rest);
            if n == 0 {
                return Err(err(version, "expected a number"));
            }
            tokens.push(Token::Number(&rest[..n]));
            rest = &rest[n..];
            match rest.strip_prefix('.') {
                Some(r) => rest = r,
                None => break,
            }
        }
        // Optional letter.
        if let Some(&c) = rest.as_bytes().first()
            && c.is_ascii_lowercase()
        {
            tokens.push(Token::Letter(c));
            rest = &rest[1..];
        }
        // Suffixes.
        while let Some(r) = rest.strip_prefix('_') {
            let name_len = r.bytes().take_while(u8::is_ascii_lowercase).count();
            let name = &r[..name_len];
            let value = if let Some(i) = PRE_SUFFIXES.iter().position(|s| *s == name) {
                i as i8 - PRE_SUFFIXES.len() as i8
            } else if let Some(i) = POST_SUFFIXES.iter().position(|s| *s == name) {
                i as i8
            } else {
                return Err(err(version, format!("unknown suffix `_{name}`")));
            };
            tokens.push(Token::Suffix(value));
            rest = &r[name_len..];
            let n = digits(rest);
            if n > 0 {
                tokens.push(Token::SuffixNumber(&rest[..n]));
                rest = &rest[n..];
            }
        }
        // Optional release.
        if let Some(r) = rest.strip_prefix("-r") {
            let n = digits(r);
            if n == 0 {
                return Err(err(version, "expected a number after `-r`"));
            }
            tokens.push(Token::Release(&r[..n]));
            rest = &r[n..];
        }
        if !rest.is_empty() {
            return Err(err(version, format!("unexpected `{rest}`")));
        }
        Ok(Self { tokens })
    }
}

/// Compare decimal digit strings numerically.
fn cmp_num(a: &str, b: &str) -> Ordering {
    let a = a.trim_start_matches('0');
    let b = b.trim_start_matches('0');
    a.len().cmp(&b.len()).then_with(|| a.cmp(b))
}

/// Where two token streams first differ in kind: a rank where higher means newer.
/// `None` stands for the end of the version.
fn kind_rank(t: Option<&Token<'_>>) -> u8 {
    match t {
        Some(Token::Suffix(v)) if *v < 0 => 0,
        None => 1,
        Some(Token::Release(_)) => 2,
        Some(Token::SuffixNumber(_)) => 3,
        Some(Token::Suffix(_)) => 4,
        Some(Token::Letter(_)) => 5,
        Some(Token::Number(_)) => 6,
    }
}

impl Ord for ApkVersion<'_> {
    fn cmp(&self, other: &Self) -> Ordering {
        let mut a = self.tokens.iter();
        let mut b = other.tokens.iter();
        loop {
            let (ta, tb) = (a.next(), b.next());
            let ord = match (ta, tb) {
                (None, None) => return Ordering::Equal,
                (Some(Token::Number(x)), Some(Token::Number(y)))
                | (Some(Token::SuffixNumber(x)), Some(Token::SuffixNumber(y)))
                | (Some(Token::Release(x)), Some(Token::Release(y))) => cmp_num(x, y),
                (Some(Token::Letter(x)), Some(Token::Letter(y))) => x.cmp(y),
                (Some(Token::Suffix(x)), Some(Token::Suffix(y))) => x.cmp(y),
                _ => kind_rank(ta).cmp(&kind_rank(tb)),
            };
            if ord != Ordering::Equal {
                return ord;
            }
        }
    }
}

impl PartialOrd for ApkVersion<'_> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Compare two apk versions.
pub fn compare(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(ApkVersion::parse(a)?.cmp(&ApkVersion::parse(b)?))
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
            ("1.2.3_rc1", "1.2.3", Less),
            ("1.2.3_p1", "1.2.3", Greater),
            ("1.2.3-r1", "1.2.3-r10", Less),
            ("1.2a", "1.2", Greater),
            ("1.2", "1.2.0", Less),
            ("1.2.3", "1.2a", Greater),
            ("1.2a", "1.2b", Less),
            ("1.0_alpha", "1.0_beta", Less),
            ("1.0_beta", "1.0_pre", Less),
            ("1.0_pre", "1.0_rc", Less),
            ("1.0_rc", "1.0", Less),
            ("1.0", "1.0_cvs", Less),
            ("1.0_cvs", "1.0_svn", Less),
            ("1.0_svn", "1.0_git", Less),
            ("1.0_git", "1.0_hg", Less),
            ("1.0_hg", "1.0_p", Less),
            ("1.0_rc1", "1.0_rc2", Less),
            ("1.0_rc", "1.0_rc1", Less),
            ("1.0_rc10", "1.0_rc9", Greater),
            ("1.0_rc1", "1.0-r1", Less),
            ("1.0_p1", "1.0-r5", Greater),
            ("1.0-r1", "1.0a", Less),
            ("1.0-r1", "1.0.1", Less),
            ("1.0", "1.0-r0", Less),
            ("1.0_alpha1_p2", "1.0_alpha1", Greater),
            ("1.0_alpha1_rc2", "1.0_alpha1", Less),
            ("1.10", "1.9", Greater),
            ("2", "1.99", Greater),
            ("1.0_git20230101", "1.0_git20221231", Greater),
            ("1.2.3-r1", "1.2.3-r1", Equal),
        ];
        for (a, b, want) in cases {
            assert_eq!(cmp(a, b), want, "{a} vs {b}");
            assert_eq!(cmp(b, a), want.reverse(), "{b} vs {a}");
        }
    }

    #[test]
    fn errors() {
        for bad in [
            "",
            "a",
            ".1",
            "1.",
            "1..2",
            "1.2ab",
            "1.2A",
            "1_foo",
            "1_",
            "1-r",
            "1-1",
            "1-rx",
            "1.0-r1-r2",
            "1 ",
            "1.0~abc",
            "1.0-r1_p1",
            "1.2a.3",
            "v1",
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
    }

    fn gen_version(rng: &mut Rng) -> String {
        let mut s = rng.below(4).to_string();
        for _ in 0..rng.below(3) {
            s.push_str(&format!(".{}", rng.below(12)));
        }
        if rng.below(4) == 0 {
            s.push(char::from(b'a' + rng.below(3) as u8));
        }
        for _ in 0..rng.below(3) {
            let all = [PRE_SUFFIXES.as_slice(), POST_SUFFIXES.as_slice()].concat();
            s.push('_');
            s.push_str(all[rng.below(all.len() as u64) as usize]);
            if rng.below(2) == 0 {
                s.push_str(&rng.below(12).to_string());
            }
        }
        if rng.below(2) == 0 {
            s.push_str(&format!("-r{}", rng.below(12)));
        }
        s
    }

    #[test]
    fn order_properties() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let vs: Vec<String> = (0..60).map(|_| gen_version(&mut rng)).collect();
        crate::version::testing::assert_total_order(&vs, |a, b| cmp(a, b));
    }
}
