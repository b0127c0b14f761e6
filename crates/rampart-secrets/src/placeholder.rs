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

/// Whether `secret` looks like a placeholder rather than a credential.
pub fn is_placeholder(secret: &str) -> bool {
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
        ] {
            assert!(is_placeholder(p), "{p} should be a placeholder");
        }
    }

    #[test]
    fn keeps_random_looking_values() {
        for s in [
            "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
            "Zq8#pL2!vR9@",
            "$2b$12$R9h/cIPz0gi.URNNX3kh2OPST9/PgBkqquzi.Ss7KIUgO2t0jWMUW",
        ] {
            assert!(!is_placeholder(s), "{s} should not be a placeholder");
        }
    }
}
