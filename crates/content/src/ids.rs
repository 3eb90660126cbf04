//! The rule for ids: ASCII kebab-case.

/// Whether `id` is ASCII kebab-case: lower-case letters, digits and single hyphens, starting
/// with a letter and not ending with a hyphen.
pub fn is_kebab_case(id: &str) -> bool {
    let bytes = id.as_bytes();
    let Some(first) = bytes.first() else {
        return false;
    };
    if !first.is_ascii_lowercase() || bytes.last() == Some(&b'-') {
        return false;
    }
    let mut prev_hyphen = false;
    for &b in bytes {
        match b {
            b'a'..=b'z' | b'0'..=b'9' => prev_hyphen = false,
            b'-' if !prev_hyphen => prev_hyphen = true,
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::is_kebab_case;

    #[test]
    fn accepts_kebab_case() {
        for id in ["a", "intake-separate-victims", "step-2", "x1-y2"] {
            assert!(is_kebab_case(id), "{id}");
        }
    }

    #[test]
    fn rejects_everything_else() {
        for id in [
            "", "-a", "a-", "a--b", "A", "2a", "a_b", "a b", "ضحية", "a.b",
        ] {
            assert!(!is_kebab_case(id), "{id}");
        }
    }
}
