//! Lenient base64 decoding (standard and URL-safe alphabets, padding optional), enough to look
//! inside JWTs and base64-encoded JSON without another dependency.

fn value(byte: u8) -> Option<u32> {
    match byte {
        b'A'..=b'Z' => Some(u32::from(byte - b'A')),
        b'a'..=b'z' => Some(u32::from(byte - b'a') + 26),
        b'0'..=b'9' => Some(u32::from(byte - b'0') + 52),
        b'+' | b'-' => Some(62),
        b'/' | b'_' => Some(63),
        _ => None,
    }
}

/// Decode `input`, ignoring trailing `=`; `None` on any other non-alphabet byte.
pub fn decode(input: &[u8]) -> Option<Vec<u8>> {
    let trimmed = match input.iter().rposition(|b| *b != b'=') {
        Some(end) => &input[..=end],
        None => return Some(Vec::new()),
    };
    let mut out = Vec::with_capacity(trimmed.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for &byte in trimmed {
        acc = (acc << 6) | value(byte)?;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits) as u8);
            acc &= (1 << bits) - 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::decode;

    #[test]
    fn decodes_both_alphabets_with_or_without_padding() {
        assert_eq!(decode(b"aGVsbG8=").as_deref(), Some(&b"hello"[..]));
        assert_eq!(decode(b"aGVsbG8").as_deref(), Some(&b"hello"[..]));
        assert_eq!(decode(b"-_8").as_deref(), Some(&[0xfb, 0xff][..]));
        assert_eq!(decode(b"+/8=").as_deref(), Some(&[0xfb, 0xff][..]));
        assert!(decode(b"a b").is_none());
    }
}
