//! Decoding files to text: byte-order marks, UTF-8, UTF-16, Windows-1252 and Latin-1.
//!
//! A byte-order mark decides first (UTF-8, UTF-16LE, UTF-16BE), then `--encoding`, then, for
//! HTML, the page's own `<meta charset>`, and UTF-8 otherwise. Labels are the WHATWG ones
//! browsers use, so `latin1` and `iso-8859-1` read as Windows-1252 (whose 0x93/0x94 are the
//! curly quotes Word pastes; true Latin-1 has invisible controls there).
//!
//! Without a BOM or a chosen encoding, a file whose first 4 KiB has NUL bytes in every
//! other position is UTF-16 (LE when the NULs are the odd bytes, as in ASCII-range text):
//! read as UTF-8 it would be valid and give no quotes at all. Other NUL-heavy files (UTF-32,
//! binaries) are an error that says so, never an empty success.
//!
//! Bytes that do not decode are an error naming their offset in the file, unless `--lossy`,
//! which replaces them with U+FFFD and remembers where the first one was.

use std::path::Path;

use encoding_rs::{DecoderResult, Encoding, UTF_8, UTF_16BE, UTF_16LE};
use scraper::{Html, Selector};

use crate::error::{Error, Result};
use crate::input::html::FileOffsets;

/// A file's text and how it was decoded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded text.
    pub text: String,
    /// The encoding it was decoded from.
    pub encoding: &'static Encoding,
    /// Length of the byte-order mark dropped from the front.
    pub bom: usize,
    /// With `--lossy`: the file offset of the first byte that did not decode.
    pub lossy_at: Option<usize>,
}

impl Decoded {
    /// How offsets in the decoded text convert to offsets in the file, when the decoding
    /// was exact and the encoding lets it be computed (UTF-8, UTF-16 and single-byte
    /// encodings such as Windows-1252).
    pub fn file_offsets(&self) -> Option<FileOffsets> {
        if self.lossy_at.is_some() {
            return None;
        }
        let text = &self.text;
        if self.encoding == UTF_8 {
            Some(FileOffsets::new(text, self.bom, 1, char::len_utf8))
        } else if self.encoding == UTF_16LE || self.encoding == UTF_16BE {
            Some(FileOffsets::new(text, self.bom, 2, |c| 2 * c.len_utf16()))
        } else if self.encoding.is_single_byte() {
            Some(FileOffsets::new(text, self.bom, 1, |_| 1))
        } else {
            None
        }
    }
}

/// The encoding an `--encoding` label names.
pub fn encoding_for_label(label: &str) -> std::result::Result<&'static Encoding, String> {
    Encoding::for_label(label.trim().as_bytes())
        .filter(|e| e.output_encoding() == *e || e.name().starts_with("UTF-16"))
        .ok_or_else(|| {
            format!(
                "unknown encoding {label:?} (try utf-8, utf-16le, utf-16be, windows-1252, latin1)"
            )
        })
}

/// Decodes `bytes` read from `path`: the BOM's encoding, else `chosen`, else UTF-8.
pub fn decode(
    path: &Path,
    bytes: &[u8],
    chosen: Option<&'static Encoding>,
    lossy: bool,
) -> Result<Decoded> {
    let (encoding, bom) = match Encoding::for_bom(bytes) {
        Some((encoding, bom)) => (encoding, bom),
        None => match chosen {
            Some(encoding) => (encoding, 0),
            None => (sniff(path, bytes)?, 0),
        },
    };
    let body = &bytes[bom..];
    let (bad_at, line) = match strict(encoding, body) {
        Ok(text) => {
            return Ok(Decoded {
                text,
                encoding,
                bom,
                lossy_at: None,
            });
        }
        Err(bad) => bad,
    };
    let offset = bom + bad_at;
    if lossy {
        let (text, _) = encoding.decode_without_bom_handling(body);
        return Ok(Decoded {
            text: text.into_owned(),
            encoding,
            bom,
            lossy_at: Some(offset),
        });
    }
    let path = path.to_path_buf();
    Err(if encoding == UTF_8 {
        Error::Utf8 { path, offset, line }
    } else {
        Error::Decode {
            path,
            encoding: encoding.name(),
            offset,
            line,
        }
    })
}

/// How much of a file [`sniff`] looks at.
const SNIFF: usize = 4096;

/// The encoding of a file with neither a BOM nor a chosen encoding: UTF-16 when NULs fill
/// one byte of each pair, UTF-8 when there are (almost) no NULs, else an error.
fn sniff(path: &Path, bytes: &[u8]) -> Result<&'static Encoding> {
    let head = &bytes[..bytes.len().min(SNIFF) & !1];
    let pairs = head.len() / 2;
    let nuls = |parity: usize| {
        head.iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nuls(0), nuls(1));
    if even + odd == 0 || pairs < 2 {
        return Ok(UTF_8);
    }
    // Text in UTF-16 has a NUL high byte for every ASCII-range character (letters, spaces,
    // punctuation, newlines): in news text most of them.
    let mostly = |n: usize| n * 10 >= pairs * 3;
    let rarely = |n: usize| n * 20 <= pairs;
    if mostly(odd) && rarely(even) {
        return Ok(UTF_16LE);
    }
    if mostly(even) && rarely(odd) {
        return Ok(UTF_16BE);
    }
    if (even + odd) * 100 <= head.len() {
        return Ok(UTF_8);
    }
    Err(Error::Read {
        path: path.to_path_buf(),
        message: format!(
            "{} of the first {} bytes are NUL: not text in UTF-8 or UTF-16 (a binary file, \
             or UTF-32?); give --encoding if it is text",
            even + odd,
            head.len()
        ),
    })
}

/// Decodes without replacement; on failure, the offset of the first bad byte in `body` and
/// its 1-based line.
fn strict(encoding: &'static Encoding, body: &[u8]) -> std::result::Result<String, (usize, usize)> {
    if encoding == UTF_8 {
        return match std::str::from_utf8(body) {
            Ok(text) => Ok(text.to_owned()),
            Err(e) => {
                let at = e.valid_up_to();
                Err((at, 1 + body[..at].iter().filter(|&&b| b == b'\n').count()))
            }
        };
    }
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let capacity = decoder
        .max_utf8_buffer_length_without_replacement(body.len())
        .unwrap_or(body.len().saturating_mul(3));
    let mut out = String::with_capacity(capacity);
    let (result, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
    match result {
        DecoderResult::InputEmpty => Ok(out),
        DecoderResult::Malformed(bad, extra) => {
            let at = read - extra as usize - bad as usize;
            Err((at, 1 + out.matches('\n').count()))
        }
        // The buffer was sized for the worst case; report the place it stopped.
        DecoderResult::OutputFull => Err((read, 1 + out.matches('\n').count())),
    }
}

/// The encoding an HTML page declares in `<meta charset>` or `<meta http-equiv>` within its
/// first 1024 bytes (where the HTML standard says to look).
pub fn html_declared(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    let page = Html::parse_document(&head);
    let meta = Selector::parse("meta").expect("valid selector");
    page.select(&meta).find_map(|m| {
        let e = m.value();
        let label = match e.attr("charset") {
            Some(label) => label.to_string(),
            None => {
                let equiv = e.attr("http-equiv")?;
                if !equiv.eq_ignore_ascii_case("content-type") {
                    return None;
                }
                let content = e.attr("content")?.to_ascii_lowercase();
                let at = content.find("charset=")? + "charset=".len();
                content[at..]
                    .trim_matches(|c: char| c == '"' || c == '\'' || c.is_whitespace())
                    .split([';', ' ', '"', '\''])
                    .next()?
                    .to_string()
            }
        };
        // A page that says UTF-16 in ASCII is not UTF-16 (HTML standard): read it as UTF-8.
        Encoding::for_label(label.trim().as_bytes()).map(|e| e.output_encoding())
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use encoding_rs::WINDOWS_1252;

    fn utf16le(s: &str, bom: bool) -> Vec<u8> {
        let mut out = if bom { vec![0xFF, 0xFE] } else { vec![] };
        out.extend(s.encode_utf16().flat_map(|u| u.to_le_bytes()));
        out
    }

    const SENTENCE: &str = "“We will extend our invitation to Assad,” he said.\n";

    #[test]
    fn utf16_without_a_bom_is_recognised_from_its_nul_bytes() {
        let text = "Erdogan said: “We will extend our invitation to Assad.”\n\
                    The minister said the talks would go on.\n";
        let d = decode(Path::new("a.txt"), &utf16le(text, false), None, false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding, d.bom), (text, UTF_16LE, 0));
        let be: Vec<u8> = text.encode_utf16().flat_map(|u| u.to_be_bytes()).collect();
        let d = decode(Path::new("a.txt"), &be, None, false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (text, UTF_16BE));
        // A chosen encoding is obeyed as given.
        let d = decode(Path::new("a.txt"), &be, Some(UTF_16BE), false).unwrap();
        assert_eq!(d.text, text);
    }

    #[test]
    fn utf8_text_with_a_stray_nul_stays_utf8_and_nul_heavy_files_are_refused() {
        let mut text = SENTENCE.repeat(20).into_bytes();
        text[30] = 0;
        let d = decode(Path::new("a.txt"), &text, None, false).unwrap();
        assert_eq!(d.encoding, UTF_8);
        let utf32: Vec<u8> = SENTENCE
            .chars()
            .flat_map(|c| (c as u32).to_le_bytes())
            .collect();
        let err = decode(Path::new("a.txt"), &utf32, None, false).unwrap_err();
        assert!(err.to_string().contains("are NUL"), "{err}");
    }

    #[test]
    fn byte_order_marks_choose_the_encoding() {
        let d = decode(Path::new("a.txt"), &utf16le(SENTENCE, true), None, false).unwrap();
        assert_eq!(
            (d.text.as_str(), d.encoding, d.bom),
            (SENTENCE, UTF_16LE, 2)
        );
        let mut be = vec![0xFE, 0xFF];
        be.extend(SENTENCE.encode_utf16().flat_map(|u| u.to_be_bytes()));
        let d = decode(Path::new("a.txt"), &be, Some(WINDOWS_1252), false).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), (SENTENCE, UTF_16BE));
        let mut utf8 = b"\xEF\xBB\xBF".to_vec();
        utf8.extend(SENTENCE.as_bytes());
        let d = decode(Path::new("a.txt"), &utf8, None, false).unwrap();
        assert_eq!((d.text.as_str(), d.bom), (SENTENCE, 3));
    }

    #[test]
    fn windows_1252_curly_quotes_decode_only_when_asked() {
        let bytes = b"\x93We have an opportunity,\x94 Putin said.";
        let d = decode(Path::new("a.txt"), bytes, Some(WINDOWS_1252), false).unwrap();
        assert_eq!(d.text, "“We have an opportunity,” Putin said.");
        let err = decode(Path::new("a.txt"), bytes, None, false).unwrap_err();
        assert_eq!(
            err.to_string().split("; ").next().unwrap(),
            "a.txt: not valid UTF-8 (first bad byte at offset 0, line 1)"
        );
        assert!(
            err.to_string().contains("--encoding (windows-1252"),
            "{err}"
        );
    }

    #[test]
    fn latin1_label_reads_as_windows_1252() {
        assert_eq!(encoding_for_label("latin1").unwrap(), WINDOWS_1252);
        assert_eq!(encoding_for_label("ISO-8859-1").unwrap(), WINDOWS_1252);
        assert_eq!(encoding_for_label("utf-16be").unwrap(), UTF_16BE);
        assert!(encoding_for_label("klingon").is_err());
    }

    #[test]
    fn undecodable_utf16_names_the_offset_and_line() {
        // A lone high surrogate on line 2.
        let mut bytes = utf16le("ok\nbad ", true);
        bytes.extend([0x00, 0xD8, b'x', 0x00]);
        let err = decode(Path::new("b.txt"), &bytes, None, false).unwrap_err();
        assert_eq!(
            err.to_string(),
            "b.txt: not valid UTF-16LE (first bad byte at offset 16, line 2); \
             --lossy replaces undecodable bytes"
        );
    }

    #[test]
    fn lossy_replaces_and_remembers_the_first_bad_byte() {
        let d = decode(Path::new("a.txt"), b"Assad \xff said \xfe", None, true).unwrap();
        assert_eq!(d.text, "Assad \u{FFFD} said \u{FFFD}");
        assert_eq!(d.lossy_at, Some(6));
        assert!(d.file_offsets().is_none());
    }

    #[test]
    fn file_offsets_count_single_bytes() {
        let d = decode(
            Path::new("a.txt"),
            b"\x93No,\x94 he said",
            Some(WINDOWS_1252),
            false,
        )
        .unwrap();
        let at = d.text.find("he").unwrap();
        assert_eq!(d.file_offsets().unwrap().file_offset(at), 6);
        let d = decode(
            Path::new("a.txt"),
            &utf16le("“No,” he said", true),
            None,
            false,
        )
        .unwrap();
        let at = d.text.find("he").unwrap();
        assert_eq!(d.file_offsets().unwrap().file_offset(at), 2 + 2 * 6);
    }

    #[test]
    fn meta_charset_is_found_in_either_form() {
        let a = b"<html><head><meta charset=\"windows-1252\"><title>x</title>";
        assert_eq!(html_declared(a), Some(WINDOWS_1252));
        let b = b"<meta http-equiv=\"Content-Type\" content=\"text/html; charset=ISO-8859-1\">";
        assert_eq!(html_declared(b), Some(WINDOWS_1252));
        let c = b"<meta charset=\"utf-16\"><p>plain";
        assert_eq!(html_declared(c), Some(UTF_8));
        assert_eq!(html_declared(b"<p>no meta</p>"), None);
    }

    proptest::proptest! {
        #[test]
        fn any_bytes_decode_lossily_or_fail_inside_the_input(
            bytes in proptest::collection::vec(proptest::num::u8::ANY, 0..64),
            which in 0usize..4,
        ) {
            let encoding = [UTF_8, encoding_rs::UTF_16LE, encoding_rs::UTF_16BE, WINDOWS_1252][which];
            let lossy = decode(Path::new("p"), &bytes, Some(encoding), true).unwrap();
            match decode(Path::new("p"), &bytes, Some(encoding), false) {
                Ok(strict) => {
                    proptest::prop_assert_eq!(&strict.text, &lossy.text);
                    proptest::prop_assert!(lossy.lossy_at.is_none());
                }
                Err(Error::Utf8 { offset, .. }) | Err(Error::Decode { offset, .. }) => {
                    proptest::prop_assert!(offset < bytes.len());
                    proptest::prop_assert_eq!(lossy.lossy_at, Some(offset));
                }
                Err(other) => proptest::prop_assert!(false, "{other}"),
            }
        }
    }
}
