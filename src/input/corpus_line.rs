//! The common JSONL corpus line, `{"id": "...", "text": "..."}`, read in one pass.
//!
//! [`read`] checks the line's UTF-8 with simdutf8 (about three times as fast as
//! `std::str::from_utf8` on news text, whose curly quotes and dashes keep std off its ASCII
//! fast path) and unescapes the two strings straight into the document's `String`s (sized
//! once, from the escaped length), where the general path validates with std, has
//! serde_json unescape into its scratch buffer and then copies into a fresh `String`. It
//! accepts only what it can read exactly as serde_json does and returns `None` for
//! everything else (other fields, `html`, a duplicate key, ids other than strings and plain
//! non-negative integers, any malformed byte); the caller then reads the line with
//! serde_json, so documents and error messages do not depend on which path read a line.
//! `tests` checks the two paths agree.

use crate::json_str::plain_len;

/// The id and text of `line` (which may end in `\n` or `\r\n`), or `None` when the line is
/// anything but an object of exactly `"id"` (a string or a plain integer) and `"text"` (a
/// string), in either order, that serde_json would accept.
pub fn read(line: &[u8]) -> Option<(String, String)> {
    // Invalid UTF-8 is the general path's to report, with its column.
    let line = simdutf8::basic::from_utf8(line).ok()?;
    let mut p = Cursor { line, at: 0 };
    p.skip_ws();
    p.eat(b'{')?;
    let mut id = None;
    let mut text = None;
    loop {
        p.skip_ws();
        p.eat(b'"')?;
        let key = p.key()?;
        p.skip_ws();
        p.eat(b':')?;
        p.skip_ws();
        match key {
            Key::Id if id.is_none() => id = Some(p.id()?),
            Key::Text if text.is_none() => {
                p.eat(b'"')?;
                text = Some(p.string()?);
            }
            // A duplicate key is serde's error to report.
            _ => return None,
        }
        p.skip_ws();
        match p.next()? {
            b',' => continue,
            b'}' => break,
            _ => return None,
        }
    }
    p.skip_ws();
    if p.at != line.len() {
        return None;
    }
    Some((id?, text?))
}

enum Key {
    Id,
    Text,
}

/// A position in a line known to be UTF-8. Every stop is at an ASCII byte, so every slice
/// taken between stops is on character boundaries.
struct Cursor<'a> {
    line: &'a str,
    at: usize,
}

impl Cursor<'_> {
    fn bytes(&self) -> &[u8] {
        self.line.as_bytes()
    }

    fn next(&mut self) -> Option<u8> {
        let b = *self.bytes().get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn eat(&mut self, expected: u8) -> Option<()> {
        (self.next()? == expected).then_some(())
    }

    /// JSON's whitespace: space, tab, line feed, carriage return.
    fn skip_ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes().get(self.at) {
            self.at += 1;
        }
    }

    /// A key just past its opening quote: only `id` and `text`, written without escapes.
    fn key(&mut self) -> Option<Key> {
        let rest = &self.bytes()[self.at..];
        let (key, len) = if rest.starts_with(b"id\"") {
            (Key::Id, 3)
        } else if rest.starts_with(b"text\"") {
            (Key::Text, 5)
        } else {
            return None;
        };
        self.at += len;
        Some(key)
    }

    /// The id: a string, or a non-negative integer without leading zeros that fits a `u64`
    /// (serde_json's `Number` prints those digits back unchanged).
    fn id(&mut self) -> Option<String> {
        if self.bytes().get(self.at) == Some(&b'"') {
            self.at += 1;
            return self.string();
        }
        let rest = &self.line[self.at..];
        let len = rest.bytes().take_while(u8::is_ascii_digit).count();
        let digits = &rest[..len];
        // `-1`, `007`, `1.5`, `1e3` and integers past `u64::MAX`: serde_json decides.
        if (len > 1 && digits.starts_with('0'))
            || digits.parse::<u64>().is_err()
            || matches!(rest.as_bytes().get(len), Some(b'.' | b'e' | b'E'))
        {
            return None;
        }
        self.at += len;
        Some(digits.to_owned())
    }

    /// A string's contents just past its opening quote, unescaped; `None` for control
    /// characters, bad escapes, lone surrogates or a missing closing quote.
    fn string(&mut self) -> Option<String> {
        let rest = &self.line[self.at..];
        let bytes = rest.as_bytes();
        let mut i = plain_len(bytes);
        if bytes.get(i) == Some(&b'"') {
            // No escapes (ids, mostly): one copy of exactly the right size.
            self.at += i + 1;
            return Some(rest[..i].to_owned());
        }
        // Unescaping only shrinks, so the string fits in the bytes up to the line's last
        // quote: one allocation however many escapes.
        let bound = memchr::memrchr(b'"', bytes).unwrap_or(bytes.len());
        let mut out = String::with_capacity(bound);
        out.push_str(&rest[..i]);
        loop {
            match *bytes.get(i)? {
                b'"' => {
                    self.at += i + 1;
                    return Some(out);
                }
                b'\\' => {
                    let (c, len) = escape(&bytes[i + 1..])?;
                    out.push(c);
                    i += 1 + len;
                }
                _ => return None, // a control character
            }
            let run = plain_len(&bytes[i..]);
            out.push_str(&rest[i..i + run]);
            i += run;
        }
    }
}

/// The escape after a backslash: the character and how many bytes it took.
fn escape(after: &[u8]) -> Option<(char, usize)> {
    let simple = match *after.first()? {
        b'"' => '"',
        b'\\' => '\\',
        b'/' => '/',
        b'b' => '\u{8}',
        b'f' => '\u{c}',
        b'n' => '\n',
        b'r' => '\r',
        b't' => '\t',
        b'u' => return unicode_escape(after),
        _ => return None,
    };
    Some((simple, 1))
}

/// `uXXXX`, or a surrogate pair `uD83D\uDE00`; lone surrogates are left to serde_json.
fn unicode_escape(after: &[u8]) -> Option<(char, usize)> {
    let first = hex4(after.get(1..5)?)?;
    match first {
        0xD800..=0xDBFF => {
            if after.get(5..7)? != b"\\u" {
                return None;
            }
            let second = hex4(after.get(7..11)?)?;
            if !(0xDC00..=0xDFFF).contains(&second) {
                return None;
            }
            let c = 0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00);
            Some((char::from_u32(c)?, 11))
        }
        _ => Some((char::from_u32(first)?, 5)),
    }
}

fn hex4(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |n, &b| {
        let d = (b as char).to_digit(16)?;
        Some(n * 16 + d)
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// What the serde_json path makes of a line the fast path reads: the same as
    /// `CorpusReader` does with a line it falls back on.
    fn by_serde(line: &[u8]) -> Option<(String, String)> {
        #[derive(serde::Deserialize)]
        struct Line {
            id: serde_json::Value,
            text: Option<String>,
        }
        let parsed: Line = serde_json::from_str(std::str::from_utf8(line).ok()?).ok()?;
        let id = match parsed.id {
            serde_json::Value::String(s) => s,
            serde_json::Value::Number(n) => n.to_string(),
            _ => return None,
        };
        Some((id, parsed.text?))
    }

    /// Whenever the fast path reads a line, serde_json reads the same id and text.
    fn agrees(line: &str) -> Option<(String, String)> {
        let fast = read(line.as_bytes());
        if let Some(fast) = &fast {
            assert_eq!(Some(fast), by_serde(line.as_bytes()).as_ref(), "{line:?}");
        }
        fast
    }

    fn doc(id: &str, text: &str) -> Option<(String, String)> {
        Some((id.to_string(), text.to_string()))
    }

    #[test]
    fn reads_the_common_line() {
        let line = "{\"id\": \"breitbart_2015-11-11#0\", \"text\": \"The Ninth Circle.\\n\\nIn our last epistle, “we mocked” them.\"}\n";
        assert_eq!(
            agrees(line),
            doc(
                "breitbart_2015-11-11#0",
                "The Ninth Circle.\n\nIn our last epistle, “we mocked” them."
            )
        );
    }

    #[test]
    fn unescapes_like_json() {
        let line = r#"{"id":"a","text":"say \"no\" \\ back\/slash \b\f\n\r\t caf\u00e9 \u00E9 \ud83d\ude00 \u0000 end"}"#;
        assert_eq!(
            agrees(line),
            doc(
                "a",
                "say \"no\" \\ back/slash \u{8}\u{c}\n\r\t café é 😀 \u{0} end"
            )
        );
    }

    #[test]
    fn numbers_as_ids_and_either_key_order() {
        assert_eq!(agrees(r#"{"id": 7, "text": "two"}"#), doc("7", "two"));
        assert_eq!(agrees(r#"{"id":0,"text":""}"#), doc("0", ""));
        assert_eq!(
            agrees("{\"text\": \"x\",\"id\":18446744073709551615}"),
            doc("18446744073709551615", "x")
        );
        assert_eq!(
            agrees("{\"text\": \"x\",\"id\":18446744073709551616}"),
            None,
            "past u64::MAX serde_json reads a float"
        );
        assert_eq!(
            agrees(" {\"text\" : \"x\" ,\t\"id\" : 1234567890123456789 } \r\n"),
            doc("1234567890123456789", "x")
        );
    }

    #[test]
    fn leaves_everything_else_to_serde_json() {
        for line in [
            r#"{"id": "a", "text": "one", "x": 1}"#,    // an extra field
            r#"{"id": "a", "html": "<p>one</p>"}"#,     // html
            r#"{"id": "a"}"#,                           // no text
            r#"{"text": "one"}"#,                       // no id
            r#"{"id": "a", "text": null}"#,             // null text
            r#"{"id": "a", "id": "b", "text": "x"}"#,   // duplicate key
            r#"{"id": -1, "text": "x"}"#,               // negative id
            r#"{"id": 1.0, "text": "x"}"#,              // float id
            r#"{"id": 1e3, "text": "x"}"#,              // exponent
            r#"{"id": 007, "text": "x"}"#,              // leading zeros
            r#"{"id": true, "text": "x"}"#,             // not a string or number
            r#"{"\u0069d": "a", "text": "x"}"#,         // escaped key
            r#"{"id": "a", "text": "\ud83d"}"#,         // lone leading surrogate
            r#"{"id": "a", "text": "\ude00"}"#,         // lone trailing surrogate
            r#"{"id": "a", "text": "\ud83d\u0041"}"#,   // leading surrogate, no trailing one
            r#"{"id": "a", "text": "\x"}"#,             // bad escape
            r#"{"id": "a", "text": "\u12g4"}"#,         // bad hex
            "{\"id\": \"a\", \"text\": \"tab\there\"}", // raw control character
            r#"{"id": "a", "text": "one"} x"#,          // trailing garbage
            r#"{"id": "a", "text": "one"},"#,           // trailing comma
            r#"{"id": "a", "text": "one",}"#,           // comma before brace
            r#"{"id": "a" "text": "one"}"#,             // missing comma
            r#"{"id": "a", "text": "one"#,              // unclosed
            r#"{"id": "a", "text": "one""#,             // unclosed object
            r#"["a", "one"]"#,                          // not an object
            "\u{feff}{\"id\": \"a\", \"text\": \"one\"}", // a BOM
            "{oops",
            "",
        ] {
            assert_eq!(read(line.as_bytes()), None, "{line}");
        }
        assert_eq!(read(b"{\"id\": \"a\", \"text\": \"bad \xff\"}"), None);
        assert_eq!(read(b"{\"id\": \"\xe2\x80\", \"text\": \"x\"}"), None);
    }

    /// Characters that exercise every branch: escapes, controls, multi-byte UTF-8.
    fn text_chars() -> impl Strategy<Value = String> {
        prop::collection::vec(
            prop_oneof![
                4 => any::<char>(),
                2 => prop::sample::select(vec!['"', '\\', '/', '\n', '\r', '\t', '\u{0}', '\u{1f}', '“', '😀', 'a', ' ']),
            ],
            0..40,
        )
        .prop_map(|cs| cs.into_iter().collect())
    }

    proptest! {
        /// Lines serde_json writes, with any text, either kind of id, either key order
        /// and whitespace around every token, read the same.
        #[test]
        fn serde_lines_read_the_same(
            id in prop_oneof![
                text_chars().prop_map(serde_json::Value::from),
                any::<u64>().prop_map(serde_json::Value::from),
            ],
            text in text_chars(),
            text_first in any::<bool>(),
            ws in prop::collection::vec(prop::sample::select(vec!["", " ", "\t", "\r\n ", "  "]), 8),
        ) {
            let mut pairs = [
                format!("\"id\"{}:{}{}", ws[0], ws[1], id),
                format!("\"text\"{}:{}{}", ws[2], ws[3], serde_json::Value::from(text.clone())),
            ];
            if text_first {
                pairs.swap(0, 1);
            }
            let line = format!("{}{{{}{}{},{}{}{}}}{}\n", ws[4], ws[5], pairs[0], ws[6], ws[7], pairs[1], ws[4], ws[5]);
            let id = match id {
                serde_json::Value::String(s) => s,
                other => other.to_string(),
            };
            prop_assert_eq!(agrees(&line), Some((id, text)));
        }

        /// Escapes written by hand (`\u` in either case, pairs, short forms) read the same.
        #[test]
        fn hand_escaped_lines_read_the_same(text in text_chars(), upper in any::<bool>()) {
            let mut escaped = String::new();
            for c in text.chars() {
                let mut units = [0u16; 2];
                for unit in c.encode_utf16(&mut units) {
                    escaped.push_str(&if upper { format!("\\u{unit:04X}") } else { format!("\\u{unit:04x}") });
                }
            }
            let line = format!("{{\"id\":\"x\",\"text\":\"{escaped}\"}}");
            prop_assert_eq!(agrees(&line), Some(("x".to_string(), text)));
        }

        /// On any bytes, the fast path either declines or agrees with serde_json.
        #[test]
        fn any_line_agrees_or_falls_back(
            body in prop::collection::vec(
                prop_oneof![
                    4 => any::<u8>(),
                    4 => prop::sample::select(b"{}\":,\\ u0dD8eE1.-tnxi".to_vec()),
                ],
                0..48,
            ),
        ) {
            let mut line = b"{\"id\": \"a\", \"text\": \"".to_vec();
            line.extend(&body);
            if let Some(fast) = read(&line) {
                prop_assert_eq!(Some(fast), by_serde(&line));
            }
            if let Some(fast) = read(&body) {
                prop_assert_eq!(Some(fast), by_serde(&body));
            }
        }
    }
}
