//! Values people write where a real secret would go; a match on one of these is not a leak.

/// Substrings (lowercase) that mark a value as a placeholder or a documented example.
const MARKERS: &[&str] = &[
    "example",
    "changeme",
    "change_me",
    "change-me",
    "placeholder",
    "your_",
    "your-",
    "yourkey",
    "yourtoken",
    "yourpassword",
    "yoursecret",
    "xxxx",
    "****",
    "....",
    "dummy",
    "sample",
    "redacted",
    "replace_me",
    "replaceme",
    "insert_",
    "insert-",
    "todo",
    "fixme",
    "notreal",
    "not_real",
    "not-a-real",
    "fake_",
    "fakekey",
    "faketoken",
    "${",
    "{{",
    "}}",
    "%(",
    "<",
    ">",
    "[secret]",
    "secret_here",
    "key_here",
    "token_here",
    "password_here",
    "here_",
];

/// Credentials published in vendors' own documentation and tools, found in countless
/// READMEs and test suites; they grant nothing.
const PUBLISHED_SAMPLES: &[&str] = &[
    // Signature of the HS256 sample token on jwt.io ("John Doe").
    "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
    // Account key of Azurite / the Azure storage emulator (devstoreaccount1).
    "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
    // Stripe's documented publishable/secret test keys from its API reference.
    "4eC39HqLyjWDarjtT1zdp7dc",
];

/// Whether `secret` looks like a placeholder rather than a credential.
pub fn is_placeholder(secret: &str) -> bool {
    if PUBLISHED_SAMPLES.iter().any(|s| secret.contains(s)) {
        return true;
    }
    let lower = secret.to_ascii_lowercase();
    if MARKERS.iter().any(|m| lower.contains(m)) {
        return true;
    }
    if is_variable_reference(secret) {
        return true;
    }
    // A run of one or two repeated symbols ("0000000", "abababab") carries no secret.
    let mut distinct: Vec<char> = lower.chars().collect();
    distinct.sort_unstable();
    distinct.dedup();
    distinct.len() <= 3 && lower.len() >= 6
}

/// `$VAR`, `${VAR}`, `$(cmd)`, `%VAR%`: a reference to a value kept elsewhere.
fn is_variable_reference(secret: &str) -> bool {
    let is_name = |s: &str| {
        !s.is_empty()
            && s.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '.')
    };
    if secret.starts_with("$(") || secret.starts_with("${") {
        return true;
    }
    if let Some(rest) = secret.strip_prefix('$') {
        return is_name(rest);
    }
    if let Some(rest) = secret.strip_prefix('%').and_then(|r| r.strip_suffix('%')) {
        return is_name(rest);
    }
    false
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

    #[test]
    fn recognises_placeholders() {
        for p in [
            "AKIAIOSFODNN7EXAMPLE",
            "changeme",
            "${DB_PASSWORD}",
            "$DB_PASSWORD",
            "$(cat /run/secret)",
            "%API_KEY%",
            "<your-token>",
            "xxxxxxxxxxxxxxxx",
            "your-api-key-here",
            "00000000000000000000",
            "{{ .Values.password }}",
            "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
        ] {
            assert!(is_placeholder(p), "{p} should be a placeholder");
        }
    }

    #[test]
    fn keeps_random_looking_values() {
        for s in [
            "sk_test_9fL2mQ7xR4vN8kT1zB6wC3yH", // rampart:ignore test data
            "Zq8#pL2!vR9@",
            "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW", // rampart:ignore test data
        ] {
            assert!(!is_placeholder(s), "{s} should not be a placeholder");
        }
    }
}
