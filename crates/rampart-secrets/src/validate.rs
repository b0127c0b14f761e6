//! Checks that confirm a match has the structure its format promises (check digits, decodable
//! parts). A match that passes is reported with high confidence; one that fails is not a
//! credential of that format (a live token always carries a valid checksum) and is dropped.

use serde::Deserialize;

use crate::base64;

/// A named structural check a rule can ask for with `validate = "..."`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Validator {
    /// GitHub tokens (`ghp_` etc.): last 6 chars are the base62 CRC32 of the random part.
    GithubCrc32,
    /// npm tokens (`npm_`): the same scheme as GitHub's.
    NpmCrc32,
    /// Luhn check digit (payment card numbers).
    Luhn,
    /// JSON Web Token: three base64url parts, the header JSON with an `alg`.
    Jwt,
    /// Base64 that decodes to a JSON object.
    Base64Json,
}

const BASE62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

impl Validator {
    /// Whether `secret` passes the check.
    pub fn check(self, secret: &str) -> bool {
        match self {
            Validator::GithubCrc32 | Validator::NpmCrc32 => base62_crc32_ok(secret),
            Validator::Luhn => luhn_ok(secret),
            Validator::Jwt => jwt_ok(secret),
            Validator::Base64Json => base64::decode(secret.as_bytes())
                .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
                .is_some_and(|v| v.is_object()),
        }
    }
}

/// The same alphabet with the cases swapped, as some base62 libraries order it.
const BASE62_LOWER_FIRST: &[u8; 62] =
    b"0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Split `prefix_random_checksum` at its last `_` and check the trailing 6 base62 characters.
///
/// Public descriptions of the scheme agree on CRC32 and a zero-padded 6-character base62
/// suffix but differ on whether the prefix is hashed and on the alphabet's case order, so
/// every combination is accepted (a random string passes by chance with p = 4/62^6).
fn base62_crc32_ok(secret: &str) -> bool {
    let Some((_, body)) = secret.rsplit_once('_') else {
        return false;
    };
    if body.len() <= 6 || !secret.is_ascii() {
        return false;
    }
    let checksum = &body.as_bytes()[body.len() - 6..];
    let without_checksum = &secret[..secret.len() - 6];
    let random = &body[..body.len() - 6];
    [random, without_checksum].iter().any(|hashed| {
        let crc = crc32fast::hash(hashed.as_bytes());
        [BASE62, BASE62_LOWER_FIRST]
            .iter()
            .any(|alphabet| base62_6(crc, alphabet) == checksum)
    })
}

fn base62_6(mut value: u32, alphabet: &[u8; 62]) -> [u8; 6] {
    let mut out = [b'0'; 6];
    for slot in out.iter_mut().rev() {
        *slot = alphabet[(value % 62) as usize];
        value /= 62;
    }
    out
}

fn luhn_ok(secret: &str) -> bool {
    let digits: Vec<u32> = secret.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() < 12 {
        return false;
    }
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &d)| {
            if i % 2 == 1 {
                let doubled = d * 2;
                if doubled > 9 { doubled - 9 } else { doubled }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

fn jwt_ok(secret: &str) -> bool {
    let mut parts = secret.split('.');
    let (Some(header), Some(payload)) = (parts.next(), parts.next()) else {
        return false;
    };
    let decoded_json = |part: &str| {
        base64::decode(part.as_bytes())
            .and_then(|bytes| serde_json::from_slice::<serde_json::Value>(&bytes).ok())
    };
    let Some(header) = decoded_json(header) else {
        return false;
    };
    header.get("alg").is_some_and(|a| a.is_string()) && decoded_json(payload).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn github_token(prefix: &str, random: &str) -> String {
        let sum = base62_6(crc32fast::hash(random.as_bytes()), BASE62);
        format!("{prefix}_{random}{}", std::str::from_utf8(&sum).unwrap())
    }

    #[test]
    fn github_checksum_accepts_valid_and_rejects_altered_tokens() {
        let token = github_token("ghp", "aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1");
        assert_eq!(token.len(), 40);
        assert!(Validator::GithubCrc32.check(&token));
        let mut altered = token.clone();
        altered.replace_range(5..6, "Z");
        assert!(!Validator::GithubCrc32.check(&altered));
        assert!(!Validator::GithubCrc32.check("ghp_short"));
        assert!(!Validator::GithubCrc32.check("no-underscore"));
    }

    #[test]
    fn base62_encoding_is_zero_padded() {
        assert_eq!(&base62_6(0, BASE62), b"000000");
        assert_eq!(&base62_6(61, BASE62), b"00000z");
        assert_eq!(&base62_6(62, BASE62), b"000010");
        assert_eq!(&base62_6(u32::MAX, BASE62), b"4gfFC3");
    }

    #[test]
    fn npm_documented_sample_token_checks_out() {
        // The dummy token npm used to announce the format, and the same with one char changed.
        assert!(Validator::NpmCrc32.check("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")); // rampart:ignore test data
        assert!(!Validator::NpmCrc32.check("npm_qkJaB6MffYVzZXWqmcoF49yrUxP3wg0LsakP"));
    }

    #[test]
    fn npm_checksum_variant_with_the_prefix_hashed_is_accepted() {
        // CRC32 over the whole `npm_...` body, the variant some npm descriptions give.
        let body = "npm_1234567890abcdefghijklmnopqrstuv";
        let sum = base62_6(crc32fast::hash(body.as_bytes()), BASE62);
        let token = format!("{body}{}", std::str::from_utf8(&sum).unwrap());
        assert!(Validator::NpmCrc32.check(&token));
        assert!(!Validator::NpmCrc32.check(&format!("{body}000000")));
    }

    #[test]
    fn luhn_accepts_test_card_numbers() {
        assert!(Validator::Luhn.check("4111111111111111"));
        assert!(Validator::Luhn.check("5500 0000 0000 0004"));
        assert!(!Validator::Luhn.check("4111111111111112"));
    }

    #[test]
    fn jwt_needs_decodable_header_with_alg() {
        let header = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"; // {"alg":"HS256","typ":"JWT"}
        let payload = "eyJzdWIiOiIxMjM0NTY3ODkwIn0"; // {"sub":"1234567890"}
        assert!(Validator::Jwt.check(&format!("{header}.{payload}.c2ln")));
        assert!(!Validator::Jwt.check(&format!("eyJub3QiOiJqd3QifQ.{payload}.c2ln")));
        assert!(!Validator::Jwt.check("eyJhbGciOi.garbage"));
    }
}
