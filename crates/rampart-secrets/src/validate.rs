//! Checks that confirm a match has the structure its format promises (check digits, decodable
//! parts). They raise confidence when they pass; what happens when they fail depends on how
//! certain the check is (see [`Validator::drops_on_failure`]).

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

    /// Structural checks (is it a JWT at all? a card number at all?) reject the match outright;
    /// check digits only lower confidence, since a mistyped or truncated token can still be live.
    pub fn drops_on_failure(self) -> bool {
        matches!(
            self,
            Validator::Luhn | Validator::Jwt | Validator::Base64Json
        )
    }
}

/// Split `prefix_random_checksum` at its last `_` and check the trailing 6 base62 characters.
fn base62_crc32_ok(secret: &str) -> bool {
    let Some((_, body)) = secret.rsplit_once('_') else {
        return false;
    };
    if body.len() <= 6 || !body.is_ascii() {
        return false;
    }
    let (random, checksum) = body.split_at(body.len() - 6);
    base62_6(crc32fast::hash(random.as_bytes())) == checksum.as_bytes()
}

fn base62_6(mut value: u32) -> [u8; 6] {
    let mut out = [b'0'; 6];
    for slot in out.iter_mut().rev() {
        *slot = BASE62[(value % 62) as usize];
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
        let sum = base62_6(crc32fast::hash(random.as_bytes()));
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
        assert_eq!(&base62_6(0), b"000000");
        assert_eq!(&base62_6(61), b"00000z");
        assert_eq!(&base62_6(62), b"000010");
        assert_eq!(&base62_6(u32::MAX), b"4gfFC3");
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
