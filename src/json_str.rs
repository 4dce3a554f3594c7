//! JSON strings byte for byte as serde_json reads and writes them, for the two places that
//! handle them without serde_json: the corpus reader's common line
//! ([`crate::input::corpus_line`]) and the JSONL writer ([`crate::export`]).

/// The length of the run before the first `"`, `\` or control character (below 0x20), the
/// bytes a JSON string cannot hold as they are; all of `bytes` when there is none. Eight
/// bytes at a time.
pub fn plain_len(bytes: &[u8]) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        let quote = w ^ (ONES * u64::from(b'"'));
        let backslash = w ^ (ONES * u64::from(b'\\'));
        // A byte's high bit is set here when the byte is zero (in `quote`, `backslash`) or
        // below 0x20 (in `w`); bytes above a hit may be flagged falsely by the borrow, the
        // lowest flag never is.
        let hits = ((quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (w.wrapping_sub(ONES * 0x20) & !w))
            & HIGH;
        if hits != 0 {
            return i + (hits.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    i + bytes[i..]
        .iter()
        .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
        .unwrap_or(bytes.len() - i)
}

/// Appends `s` as a JSON string, quotes included, escaped as serde_json escapes: `\"`, `\\`,
/// `\b \f \n \r \t`, `\u00xx` (lower-case hex) for the other control characters, and
/// everything else (U+007F and non-ASCII included) as it is.
pub fn write(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut i = 0;
    loop {
        let run = plain_len(&bytes[i..]);
        out.extend_from_slice(&bytes[i..i + run]);
        i += run;
        let Some(&b) = bytes.get(i) else { break };
        match b {
            b'"' => out.extend_from_slice(b"\\\""),
            b'\\' => out.extend_from_slice(b"\\\\"),
            0x08 => out.extend_from_slice(b"\\b"),
            0x0c => out.extend_from_slice(b"\\f"),
            b'\n' => out.extend_from_slice(b"\\n"),
            b'\r' => out.extend_from_slice(b"\\r"),
            b'\t' => out.extend_from_slice(b"\\t"),
            _ => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.extend_from_slice(b"\\u00");
                out.push(HEX[usize::from(b >> 4)]);
                out.push(HEX[usize::from(b & 0xf)]);
            }
        }
        i += 1;
    }
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    #[test]
    fn plain_len_stops_at_the_first_quote_backslash_or_control() {
        for (s, n) in [
            ("", 0),
            ("abc", 3),
            ("abcdefghijkl\"", 12),
            ("abcdefg\\h", 7),
            ("ab\ncdefghij", 2),
            ("“quoted”, he said\"", "“quoted”, he said".len()),
            ("\u{7f}\u{1f}", 1),
            ("!#\"", 2),
            ("[]\\", 2),
            ("twelve bytes\u{0}", 12),
        ] {
            assert_eq!(plain_len(s.as_bytes()), n, "{s:?}");
        }
    }

    fn written(s: &str) -> String {
        let mut out = Vec::new();
        write(&mut out, s);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn escapes_as_serde_json_does() {
        let s = "“We have an opportunity,” Putin said.\n\t\"Quote\" \\ back/slash \u{0}\u{b}\u{1f}\u{7f} é 😀";
        assert_eq!(written(s), serde_json::to_string(s).unwrap());
        assert_eq!(
            written("a\u{8}\u{c}\r\u{1}"),
            r#""a\b\f\r\u0001""#,
            "short forms, lower-case hex"
        );
    }

    proptest! {
        #[test]
        fn any_string_is_written_as_serde_json_writes_it(
            s in prop::collection::vec(
                prop_oneof![
                    3 => any::<char>(),
                    2 => (0u8..0x20).prop_map(char::from),
                    2 => prop::sample::select(vec!['"', '\\', '/', '\u{7f}', '“', '😀']),
                ],
                0..64,
            ).prop_map(String::from_iter),
        ) {
            prop_assert_eq!(written(&s), serde_json::to_string(&s).unwrap());
        }
    }
}
