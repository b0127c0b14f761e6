//! Secret detection. Rules are data (`rules/*.toml`, one file per family); a single
//! aho-corasick pass over each blob finds which rules' keywords occur, and only those rules'
//! regexes run. Each match is checked against placeholders, entropy and checksums before it
//! becomes a finding, which is redacted before it leaves this crate (unless the user asked to
//! see secrets). Allowlists (per rule and global) drop matches known to be harmless;
//! [`gitleaks`] imports a gitleaks configuration into rules and allowlists.

mod allowlist;
mod base64;
pub mod gitleaks;
mod lineage;
mod matcher;
mod placeholder;
mod prefilter;
mod rule;
mod validate;
mod window;

pub use allowlist::{AllowCondition, Allowlist, AllowlistSpec, RegexTarget};
pub use matcher::{SecretScanner, SecretScannerError};
pub use rule::{
    Companion, RuleExamplesSpec, RuleFile, RuleSpec, RuleSpecError, SecretGroup, builtin_rules,
};
pub use validate::Validator;

/// Redact a secret for display: at most its first 4 characters, then `*****`.
pub fn redact(secret: &str) -> String {
    let keep = (secret.chars().count() / 4).min(4);
    let prefix: String = secret.chars().take(keep).collect();
    format!("{prefix}*****")
}

#[cfg(test)]
mod tests {
    #[test]
    fn redaction_keeps_at_most_four_characters() {
        assert_eq!(super::redact("ghp_abcdefghijklmnop"), "ghp_*****");
        assert_eq!(super::redact("abc"), "*****");
        assert_eq!(super::redact("abcdefgh"), "ab*****");
    }
}
