//! Maven version order, after the "Version Order Specification" of the POM reference.
//!
//! A version is split into tokens at `.`, at `-` and at every transition between digits and
//! other characters (a transition counts as a `-`); empty tokens are `0`. Trailing "null"
//! tokens (`0`, `""`, `final`, `ga`, `release`) are trimmed from the end and before every
//! remaining `-`. Tokens then compare as: known qualifiers `alpha` = `a` < `beta` = `b` <
//! `milestone` = `m` < `rc` = `cr` < `snapshot` < null < `sp` < other qualifiers (in
//! lexical, case-insensitive order) < `-number` < `.number`, so that `.qualifier` =
//! `-qualifier` < `-number` < `.number`. `a`, `b` and `m` are aliases only when a number
//! follows directly (`1-a1` = `1-alpha-1`).
//!
//! The shorter version is padded with the null token. To keep the comparison a total order,
//! every null (a zero number or a null qualifier, whatever its separator) is one and the same
//! token; so `1.0.RC1` (`1.0.rc-1`) stays above `1.0-rc-1` (`1-rc-1`), as the specification's
//! trimming rule says.

use std::cmp::Ordering;

use super::VersionError;

/// A decimal number without leading zeros, ordered by length and then digits.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Number {
    len: usize,
    digits: String,
}

/// One token, in comparison order (the derived `Ord` is the specification's order).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Token {
    /// A qualifier: its rank among the known ones and, for an unknown one, its text.
    Qualifier(u8, String),
    /// A positive number after a `-` (or a digit/letter transition).
    HyphenNumber(Number),
    /// A positive number after a `.` (or at the start).
    DotNumber(Number),
}

const NULL_RANK: u8 = 5;
const UNKNOWN_RANK: u8 = 7;

/// The null token: `0`, `""`, `final`, `ga`, `release`, and the padding of a shorter version.
fn null() -> Token {
    Token::Qualifier(NULL_RANK, String::new())
}

/// A parsed Maven version: its trimmed token sequence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MavenVersion {
    /// Tokens after trimming; nulls are canonical.
    pub tokens: Vec<Token>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sep {
    Dot,
    Hyphen,
}

fn qualifier(text: &str, followed_by_digit: bool) -> Token {
    let rank = match text {
        "alpha" => 0,
        "a" if followed_by_digit => 0,
        "beta" => 1,
        "b" if followed_by_digit => 1,
        "milestone" => 2,
        "m" if followed_by_digit => 2,
        "rc" | "cr" => 3,
        "snapshot" => 4,
        "" | "final" | "ga" | "release" => NULL_RANK,
        "sp" => 6,
        _ => return Token::Qualifier(UNKNOWN_RANK, text.to_string()),
    };
    Token::Qualifier(rank, String::new())
}

fn token(sep: Sep, text: &str, followed_by_digit: bool) -> Token {
    if text.is_empty() || text.bytes().all(|b| b.is_ascii_digit()) {
        let digits = text.trim_start_matches('0');
        if digits.is_empty() {
            return null();
        }
        let number = Number {
            len: digits.len(),
            digits: digits.to_string(),
        };
        match sep {
            Sep::Dot => Token::DotNumber(number),
            Sep::Hyphen => Token::HyphenNumber(number),
        }
    } else {
        qualifier(text, followed_by_digit)
    }
}

impl MavenVersion {
    /// Parse any non-empty version without whitespace (Maven itself accepts almost anything).
    pub fn parse(text: &str) -> Result<MavenVersion, VersionError> {
        let error = |reason: &str| VersionError {
            ecosystem: "Maven",
            version: text.to_string(),
            reason: reason.to_string(),
        };
        if text.is_empty() {
            return Err(error("empty version"));
        }
        if text.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(error("whitespace or control character"));
        }
        let lower = text.to_lowercase();
        // (separator before the token, token text, a digit follows directly)
        let mut raw: Vec<(Sep, String, bool)> = Vec::new();
        let mut sep = Sep::Dot;
        let mut current = String::new();
        let mut in_digits: Option<bool> = None;
        for c in lower.chars() {
            match c {
                '.' | '-' => {
                    raw.push((sep, std::mem::take(&mut current), false));
                    sep = if c == '.' { Sep::Dot } else { Sep::Hyphen };
                    in_digits = None;
                }
                _ => {
                    let digit = c.is_ascii_digit();
                    if let Some(previous) = in_digits
                        && previous != digit
                    {
                        raw.push((sep, std::mem::take(&mut current), digit));
                        sep = Sep::Hyphen;
                    }
                    in_digits = Some(digit);
                    current.push(c);
                }
            }
        }
        raw.push((sep, current, false));

        let mut tokens: Vec<Token> = Vec::new();
        for (sep, text, followed_by_digit) in &raw {
            if *sep == Sep::Hyphen {
                while tokens.last().is_some_and(|t| *t == null()) {
                    tokens.pop();
                }
            }
            tokens.push(token(*sep, text, *followed_by_digit));
        }
        while tokens.last().is_some_and(|t| *t == null()) {
            tokens.pop();
        }
        Ok(MavenVersion { tokens })
    }
}

impl Ord for MavenVersion {
    fn cmp(&self, other: &Self) -> Ordering {
        let pad = null();
        let len = self.tokens.len().max(other.tokens.len());
        for i in 0..len {
            let a = self.tokens.get(i).unwrap_or(&pad);
            let b = other.tokens.get(i).unwrap_or(&pad);
            match a.cmp(b) {
                Ordering::Equal => {}
                unequal => return unequal,
            }
        }
        Ordering::Equal
    }
}

impl PartialOrd for MavenVersion {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// Compare two Maven versions.
pub fn compare(a: &str, b: &str) -> Result<Ordering, VersionError> {
    Ok(MavenVersion::parse(a)?.cmp(&MavenVersion::parse(b)?))
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
    fn qualifier_order() {
        let chain = [
            "1-alpha",
            "1-beta",
            "1-milestone",
            "1-rc",
            "1-snapshot",
            "1",
            "1-sp",
            "1-abc",
            "1-foo",
        ];
        for pair in chain.windows(2) {
            lt(pair[0], pair[1]);
        }
        eq("1-rc", "1-cr");
        eq("1-a1", "1-alpha-1");
        eq("1-b2", "1-beta-2");
        eq("1-m3", "1-milestone-3");
        // Alone, `a` is an unknown qualifier.
        lt("1", "1-a");
    }

    #[test]
    fn the_examples_of_the_specification() {
        lt("1", "1.1");
        lt("1-snapshot", "1");
        lt("1", "1-sp");
        lt("1-foo2", "1-foo10");
        eq("1.foo", "1-foo");
        lt("1-foo", "1-1");
        lt("1-1", "1.1");
        for same in ["1.ga", "1-ga", "1-0", "1.0", "1"] {
            eq(same, "1");
        }
        lt("1-ga", "1-sp");
        lt("1-ga.1", "1-sp.1");
        lt("1-sp-1", "1-ga-1");
        eq("1-ga-1", "1-1");
        eq("1.0-alpha1", "1.0-ALPHA1");
        lt("1.K", "1.7");
        lt("5.aardvark", "5.zebra");
        lt("1.b", "1.α");
    }

    #[test]
    fn trimming_and_common_forms() {
        for same in [
            "1.0.0",
            "1",
            "1-ga",
            "1.0-final",
            "1.0.0.RELEASE",
            "1.0.0-Final",
        ] {
            eq(same, "1");
        }
        lt("1.0-alpha-1", "1.0");
        lt("1.0.0.RC1", "1.0.0");
        lt("5.3.0.M1", "5.3.0.RC2");
        lt("5.3.0.RC2", "5.3.0");
        lt("2.0-SNAPSHOT", "2.0");
        lt("1.9", "1.10");
        lt("1.2.3", "1.2.3.1");
        lt("1.2.3-1", "1.2.3.1");
        eq("1.0-rc-1", "1-rc-1");
        eq("1.0rc1", "1.0-rc-1");
        // The dot keeps the `0` of `1.0.RC1` (only nulls before a `-` are trimmed).
        lt("1.0-rc-1", "1.0.RC1");
        lt("1.0.RC1", "1.0");
        lt("2.12.7", "2.12.7.1");
        lt("9.4.43.v20210629", "9.4.44.v20210927");
        eq("1.0001", "1.1");
    }

    #[test]
    fn rejects_what_is_not_a_version() {
        for bad in ["", " 1.0", "1.0 ", "1\t0"] {
            assert!(
                MavenVersion::parse(bad).is_err(),
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
        let parts = [
            "0", "1", "2", "10", "alpha", "a1", "b", "rc", "cr", "snapshot", "ga", "final", "sp",
            "foo", "", "RC1", "m2",
        ];
        let versions: Vec<String> = (0..80)
            .map(|_| {
                let mut v = parts[next(4) as usize].to_string();
                for _ in 0..next(5) {
                    v.push(if next(2) == 0 { '.' } else { '-' });
                    v.push_str(parts[next(parts.len() as u64) as usize]);
                }
                v
            })
            .collect();
        let parsed: Vec<MavenVersion> = versions
            .iter()
            .map(|v| MavenVersion::parse(v).unwrap())
            .collect();
        crate::version::testing::assert_total_order(&parsed, Ord::cmp);
    }
}
