//! The quote record: one per quoted stretch, the one shape every output reads.
//!
//! Field order is part of the format (docs/FORMATS.md): JSONL, JSON and CSV carry the same
//! fields in the same order. CSV cannot nest, so [`CsvRow`] carries `flags` joined with `;`.
//!
//! `source_start`/`source_end` (byte offsets into the HTML a document was read from) come
//! last. JSON carries them only when present; CSV always has both columns (empty for text
//! inputs), so every CSV quotecheck writes has the same header.

use serde::{Deserialize, Serialize};

use crate::kind::Kind;

/// One quotation found in a document.
///
/// Build one with [`Quote::default`] and struct update syntax (`Quote { text, ..Default::default() }`):
/// fields are added over time, and records stored before a field existed still read
/// (`speaker_type`, `role` and `via` default to null).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The document: the file path as given, `-` for standard input, or the corpus `id`.
    pub doc: String,
    /// 1-based position of the quote within its document.
    pub index: usize,
    /// Code-point offset of the opening mark.
    pub start: usize,
    /// Code-point offset just past the closing mark (or the paragraph end when unclosed).
    pub end: usize,
    /// Byte offset of the opening mark in the document's text.
    pub byte_start: usize,
    /// Byte offset just past the closing mark.
    pub byte_end: usize,
    /// 0-based paragraph of the opening mark.
    pub paragraph: usize,
    /// The words inside the marks; a multi-paragraph quote's paragraphs joined with "\n".
    pub text: String,
    /// Direct, partial or term (see [`Kind`]).
    pub kind: Kind,
    /// The canonical name of the speaker: the fullest name the document gives.
    pub speaker: Option<String>,
    /// The words the attribution rests on ("he", "Putin", "a spokeswoman").
    pub mention: Option<String>,
    /// Code-point offset where the mention starts.
    pub mention_start: Option<usize>,
    /// Code-point offset just past the mention.
    pub mention_end: Option<usize>,
    /// The cue: the reporting verb or phrase ("said", "according to", ":").
    pub cue: Option<String>,
    /// Code-point offset where the cue starts.
    pub cue_start: Option<usize>,
    /// Code-point offset just past the cue.
    pub cue_end: Option<usize>,
    /// The attribution rule that decided the speaker.
    pub method: Option<String>,
    /// How direct the attribution evidence is, 0 to 1, rounded to 3 decimals when the
    /// record is made (see [`round_confidence`]), so every format writes the same number.
    pub confidence: Option<f64>,
    /// What kind of source the speaker is: a person, a group of people, an organisation, a
    /// document or medium, or an unnamed source.
    #[serde(default)]
    pub speaker_type: Option<SpeakerType>,
    /// The title or description the document gives the speaker, kept out of the name
    /// ("Senate Minority Leader", "head coach").
    #[serde(default)]
    pub role: Option<String>,
    /// The outlet or document that relayed the words (“Q,” Sanders said, according to CNN).
    #[serde(default)]
    pub via: Option<String>,
    /// What a user should know about the quote, in a fixed order (see [`Flag`]).
    pub flags: Vec<Flag>,
    /// For documents read from HTML: byte offset in the page where the quote's source starts
    /// (its opening mark, entity or `<q>` tag).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source_start: Option<usize>,
    /// Byte offset in the page just past the quote's source (its closing mark, entity or `</q>`).
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub source_end: Option<usize>,
}

/// What kind of source a speaker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SpeakerType {
    /// One person, named or resolved to a name ("Bernie Sanders", "he" -> "Donald Trump").
    Person,
    /// Several people spoken of together ("officials", "Democrats", "Kelly and Daly").
    Group,
    /// An organisation speaking as one ("the White House", "the Clinton campaign").
    Organisation,
    /// A document or a medium: a statement, an editorial, a report, an ad, a tweet.
    Document,
    /// A person the document does not name ("a spokesman", "the board chairman, who asked
    /// not to be named").
    Unnamed,
}

impl SpeakerType {
    /// Every speaker type, in documentation order.
    pub const ALL: [SpeakerType; 5] = [
        SpeakerType::Person,
        SpeakerType::Group,
        SpeakerType::Organisation,
        SpeakerType::Document,
        SpeakerType::Unnamed,
    ];

    /// The name the formats use.
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerType::Person => "person",
            SpeakerType::Group => "group",
            SpeakerType::Organisation => "organisation",
            SpeakerType::Document => "document",
            SpeakerType::Unnamed => "unnamed",
        }
    }
}

impl std::fmt::Display for SpeakerType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Short names for what a user should know about a quote.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Flag {
    /// The opening mark is never closed; the quote runs to the end of its paragraph.
    Unclosed,
    /// The quote runs over several paragraphs (each opens with a mark, the last closes).
    MultiParagraph,
    /// Another quotation is nested inside this one.
    Nested,
    /// No speaker could be found.
    Unattributed,
    /// A pronoun had two plausible antecedents.
    Ambiguous,
    /// The document had bytes that did not decode and was read with `--lossy`: its text
    /// has U+FFFD where they were.
    LossyDecoding,
}

impl Flag {
    /// Every flag, in documentation order.
    pub const ALL: [Flag; 6] = [
        Flag::Unclosed,
        Flag::MultiParagraph,
        Flag::Nested,
        Flag::Unattributed,
        Flag::Ambiguous,
        Flag::LossyDecoding,
    ];

    /// The name the formats use (`unclosed`, `multi_paragraph`, …).
    pub fn as_str(self) -> &'static str {
        match self {
            Flag::Unclosed => "unclosed",
            Flag::MultiParagraph => "multi_paragraph",
            Flag::Nested => "nested",
            Flag::Unattributed => "unattributed",
            Flag::Ambiguous => "ambiguous",
            Flag::LossyDecoding => "lossy_decoding",
        }
    }
}

impl std::str::FromStr for Flag {
    type Err = String;
    fn from_str(s: &str) -> Result<Flag, String> {
        Flag::ALL
            .into_iter()
            .find(|f| f.as_str() == s)
            .ok_or_else(|| format!("unknown flag {s:?}"))
    }
}

impl std::fmt::Display for Flag {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The CSV shape of a [`Quote`]: the same columns in the same order, `flags` joined with `;`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CsvRow {
    /// See [`Quote::doc`].
    pub doc: String,
    /// See [`Quote::index`].
    pub index: usize,
    /// See [`Quote::start`].
    pub start: usize,
    /// See [`Quote::end`].
    pub end: usize,
    /// See [`Quote::byte_start`].
    pub byte_start: usize,
    /// See [`Quote::byte_end`].
    pub byte_end: usize,
    /// See [`Quote::paragraph`].
    pub paragraph: usize,
    /// See [`Quote::text`].
    pub text: String,
    /// See [`Quote::kind`].
    pub kind: Kind,
    /// See [`Quote::speaker`].
    pub speaker: Option<String>,
    /// See [`Quote::mention`].
    pub mention: Option<String>,
    /// See [`Quote::mention_start`].
    pub mention_start: Option<usize>,
    /// See [`Quote::mention_end`].
    pub mention_end: Option<usize>,
    /// See [`Quote::cue`].
    pub cue: Option<String>,
    /// See [`Quote::cue_start`].
    pub cue_start: Option<usize>,
    /// See [`Quote::cue_end`].
    pub cue_end: Option<usize>,
    /// See [`Quote::method`].
    pub method: Option<String>,
    /// See [`Quote::confidence`].
    pub confidence: Option<f64>,
    /// See [`Quote::speaker_type`].
    #[serde(default)]
    pub speaker_type: Option<SpeakerType>,
    /// See [`Quote::role`].
    #[serde(default)]
    pub role: Option<String>,
    /// See [`Quote::via`].
    #[serde(default)]
    pub via: Option<String>,
    /// [`Quote::flags`], joined with `;`.
    pub flags: String,
    /// See [`Quote::source_start`].
    #[serde(default)]
    pub source_start: Option<usize>,
    /// See [`Quote::source_end`].
    #[serde(default)]
    pub source_end: Option<usize>,
}

impl From<&Quote> for CsvRow {
    fn from(q: &Quote) -> CsvRow {
        CsvRow {
            doc: q.doc.clone(),
            index: q.index,
            start: q.start,
            end: q.end,
            byte_start: q.byte_start,
            byte_end: q.byte_end,
            paragraph: q.paragraph,
            text: q.text.clone(),
            kind: q.kind,
            speaker: q.speaker.clone(),
            mention: q.mention.clone(),
            mention_start: q.mention_start,
            mention_end: q.mention_end,
            cue: q.cue.clone(),
            cue_start: q.cue_start,
            cue_end: q.cue_end,
            method: q.method.clone(),
            confidence: q.confidence,
            speaker_type: q.speaker_type,
            role: q.role.clone(),
            via: q.via.clone(),
            flags: q
                .flags
                .iter()
                .map(|f| f.as_str())
                .collect::<Vec<_>>()
                .join(";"),
            source_start: q.source_start,
            source_end: q.source_end,
        }
    }
}

impl TryFrom<CsvRow> for Quote {
    type Error = String;
    fn try_from(r: CsvRow) -> Result<Quote, String> {
        let flags = r
            .flags
            .split(';')
            .filter(|s| !s.is_empty())
            .map(str::parse)
            .collect::<Result<Vec<Flag>, String>>()?;
        Ok(Quote {
            doc: r.doc,
            index: r.index,
            start: r.start,
            end: r.end,
            byte_start: r.byte_start,
            byte_end: r.byte_end,
            paragraph: r.paragraph,
            text: r.text,
            kind: r.kind,
            speaker: r.speaker,
            mention: r.mention,
            mention_start: r.mention_start,
            mention_end: r.mention_end,
            cue: r.cue,
            cue_start: r.cue_start,
            cue_end: r.cue_end,
            method: r.method,
            confidence: r.confidence,
            speaker_type: r.speaker_type,
            role: r.role,
            via: r.via,
            flags,
            source_start: r.source_start,
            source_end: r.source_end,
        })
    }
}

/// The record's field names in output order.
pub const FIELDS: [&str; 24] = [
    "doc",
    "index",
    "start",
    "end",
    "byte_start",
    "byte_end",
    "paragraph",
    "text",
    "kind",
    "speaker",
    "mention",
    "mention_start",
    "mention_end",
    "cue",
    "cue_start",
    "cue_end",
    "method",
    "confidence",
    "speaker_type",
    "role",
    "via",
    "flags",
    "source_start",
    "source_end",
];

/// A confidence rounded to 3 decimals: `0.7224999999999999` becomes `0.722`, written
/// as such by every format. Confidence is a calibrated estimate; digits past the third
/// are arithmetic noise from the sieves' multiplications.
pub fn round_confidence(c: f64) -> f64 {
    (c * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn confidence_has_at_most_three_decimals_in_every_record() {
        assert_eq!(round_confidence(0.7224999999999999), 0.722);
        assert_eq!(round_confidence(0.72675).to_string(), "0.727");
        assert_eq!(round_confidence(0.95), 0.95);
        let text = include_str!("../fixtures/articles/putin-assad.txt");
        let doc = crate::Document::new("putin-assad.txt", text);
        let quotes = crate::extract(&doc).quotes;
        let confidences: Vec<f64> = quotes.iter().filter_map(|q| q.confidence).collect();
        assert!(confidences.len() > 10);
        for c in confidences {
            let written = serde_json::to_string(&c).unwrap();
            let decimals = written.split('.').nth(1).map_or(0, str::len);
            assert!(decimals <= 3, "{written}");
        }
    }

    #[test]
    fn json_field_order_is_the_documented_one() {
        let q = Quote {
            doc: "a.txt".into(),
            index: 1,
            start: 0,
            end: 4,
            byte_start: 0,
            byte_end: 8,
            paragraph: 0,
            text: "no".into(),
            kind: Kind::Partial,
            speaker: None,
            mention: None,
            mention_start: None,
            mention_end: None,
            cue: None,
            cue_start: None,
            cue_end: None,
            method: None,
            confidence: None,
            speaker_type: Some(SpeakerType::Unnamed),
            role: Some("board chairman".into()),
            via: Some("CNN".into()),
            flags: vec![Flag::Unclosed, Flag::Nested],
            source_start: Some(120),
            source_end: Some(131),
        };
        let json = serde_json::to_value(&q).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut sorted_fields = FIELDS.to_vec();
        sorted_fields.sort();
        assert_eq!(
            keys, sorted_fields,
            "serde_json sorts keys; the set must match"
        );
        let line = serde_json::to_string(&q).unwrap();
        let positions: Vec<usize> = FIELDS
            .iter()
            .map(|f| line.find(&format!("\"{f}\"")).unwrap())
            .collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{line}");
        let row = CsvRow::from(&q);
        assert_eq!(row.flags, "unclosed;nested");
        assert_eq!(Quote::try_from(row).unwrap(), q);
    }

    #[test]
    fn source_offsets_are_left_out_of_json_when_absent_and_kept_as_empty_csv_cells() {
        let q = Quote {
            doc: "a.txt".into(),
            index: 1,
            end: 4,
            byte_end: 4,
            text: "no".into(),
            kind: Kind::Term,
            flags: vec![Flag::LossyDecoding],
            ..Default::default()
        };
        let line = serde_json::to_string(&q).unwrap();
        assert!(!line.contains("source_"), "{line}");
        assert!(line.contains("\"lossy_decoding\""), "{line}");
        // Records written before these fields existed still read.
        let back: Quote = serde_json::from_str(&line).unwrap();
        assert_eq!(back, q);
        let mut csv = csv::Writer::from_writer(vec![]);
        csv.serialize(CsvRow::from(&q)).unwrap();
        let csv = String::from_utf8(csv.into_inner().unwrap()).unwrap();
        let mut lines = csv.lines();
        assert_eq!(lines.next().unwrap(), FIELDS.join(","));
        assert!(
            lines.next().unwrap().ends_with(",lossy_decoding,,"),
            "{csv}"
        );
    }
}
