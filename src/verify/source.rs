//! Loading sources: plain text (transcripts, other articles), SubRip (.srt) and WebVTT (.vtt).
//!
//! Every source keeps its file text untouched, plus a *clean* text, the only text that is
//! searched: for plain text the file itself; for subtitles the cue text lines joined with
//! `\n`, with cue numbers, timings, settings and `<tags>` left out and `&amp;`-style entities
//! decoded. A segment map turns clean offsets back into file offsets, so locations (code-point
//! offsets, lines) always point into the file as it is on disk, and each cue keeps its timing.

use std::path::Path;

use super::speakers::{self, Speaker, Turn};
use crate::error::{Error, Result};

/// What a source file is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Plain text (a transcript, a statement).
    Text,
    /// SubRip subtitles.
    Srt,
    /// WebVTT subtitles.
    Vtt,
}

impl SourceKind {
    /// The kind a file name suggests: `.srt`, `.vtt`, anything else is text.
    pub fn from_path(path: &Path) -> SourceKind {
        match path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
            .as_deref()
        {
            Some("srt") => SourceKind::Srt,
            Some("vtt") => SourceKind::Vtt,
            _ => SourceKind::Text,
        }
    }
}

/// A time in a subtitle file, in milliseconds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Timestamp(pub u64);

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let ms = self.0;
        write!(
            f,
            "{:02}:{:02}:{:02}.{:03}",
            ms / 3_600_000,
            ms / 60_000 % 60,
            ms / 1000 % 60,
            ms % 1000
        )
    }
}

/// One subtitle cue: its stretch of the clean text and its timing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Byte offset in the clean text where the cue's words start.
    pub clean_start: usize,
    /// Byte offset just past them.
    pub clean_end: usize,
    /// When the cue starts.
    pub start: Timestamp,
    /// When it ends.
    pub end: Timestamp,
}

/// A loaded source.
pub struct Source {
    /// The name used in output: the path as given (or `path#id` for a corpus document).
    pub name: String,
    /// Text, SRT or WebVTT.
    pub kind: SourceKind,
    /// The file text as read.
    pub text: String,
    /// The searched text (see the module docs).
    pub clean: String,
    /// `(clean_start, file_start)` of each run copied from the file, sorted.
    segments: Vec<(usize, usize)>,
    /// The subtitle cues in order (empty for text).
    pub cues: Vec<Cue>,
    /// The speakers' turns, by clean offset (empty when the source labels no one).
    turns: Vec<Turn>,
    /// Clean byte ranges of speaker labels: not spoken words, so never searched.
    labels: Vec<(usize, usize)>,
    /// Byte offset of each line start in `text`.
    line_starts: Vec<usize>,
    /// Code points before every 256th byte of `text` (offsets are reported in code points).
    char_checkpoints: Vec<usize>,
    /// Code points in `text`.
    char_total: usize,
}

/// A location in a source file.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Location {
    /// Code-point offsets into the file.
    pub start: usize,
    /// Code-point offset just past the stretch.
    pub end: usize,
    /// 1-based line of `start`.
    pub line: usize,
    /// Start time of the cue holding the first word, for subtitles.
    pub timestamp: Option<String>,
    /// End time of the cue holding the last word, for subtitles.
    pub timestamp_end: Option<String>,
}

impl Source {
    /// Reads and parses a source file; the kind follows the extension.
    pub fn load(path: &Path) -> Result<Source> {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = crate::document::decode_utf8(path, bytes)?;
        let name = path.display().to_string();
        Source::parse(name, SourceKind::from_path(path), text)
    }

    /// A plain-text source from a string (an article or transcript already in memory).
    /// Speaker labels at line starts (`NAME:`, `>> NAME:`) open turns ([`speakers`]).
    pub fn text(name: impl Into<String>, text: impl Into<String>) -> Source {
        let text = text.into();
        let (turns, labels) = speakers::text_turns(&text);
        Source::build(
            name.into(),
            SourceKind::Text,
            text.clone(),
            Parsed {
                clean: text,
                segments: vec![(0, 0)],
                cues: Vec::new(),
                turns,
                labels,
            },
        )
    }

    /// Parses `text` as a source of `kind`; subtitle errors name `name` and the line.
    pub fn parse(name: String, kind: SourceKind, text: String) -> Result<Source> {
        match kind {
            SourceKind::Text => Ok(Source::text(name, text)),
            SourceKind::Srt | SourceKind::Vtt => {
                let parsed = parse_subtitles(&name, kind, &text)?;
                Ok(Source::build(name, kind, text, parsed))
            }
        }
    }

    fn build(name: String, kind: SourceKind, text: String, parsed: Parsed) -> Source {
        let line_starts = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut count = 0;
        let char_checkpoints = text
            .as_bytes()
            .chunks(256)
            .map(|block| {
                let before = count;
                count += block.iter().filter(|&&b| (b as i8) >= -0x40).count();
                before
            })
            .collect();
        Source {
            name,
            kind,
            text,
            clean: parsed.clean,
            segments: parsed.segments,
            cues: parsed.cues,
            turns: parsed.turns,
            labels: parsed.labels,
            line_starts,
            char_checkpoints,
            char_total: count,
        }
    }

    /// The speakers' turns in clean-text order; empty when the source labels no one.
    pub fn turns(&self) -> &[Turn] {
        &self.turns
    }

    /// Clean byte ranges of speaker labels, in order (the index leaves their words out).
    pub fn labels(&self) -> &[(usize, usize)] {
        &self.labels
    }

    /// Who speaks the clean range `start..end`: each turn it touches, in order, `None` for
    /// words before the first label. Empty when the source labels no one.
    pub fn speakers(&self, start: usize, end: usize) -> Vec<Option<&Speaker>> {
        if self.turns.is_empty() {
            return Vec::new();
        }
        let first = self.turns.partition_point(|t| t.start <= start);
        let mut out = vec![first.checked_sub(1).map(|i| &self.turns[i].speaker)];
        out.extend(
            self.turns[first..]
                .iter()
                .take_while(|t| t.start < end)
                .map(|t| Some(&t.speaker)),
        );
        out
    }

    /// The file byte offset of clean byte offset `at`.
    pub fn file_offset(&self, at: usize) -> usize {
        let i = self.segments.partition_point(|&(c, _)| c <= at) - 1;
        let (c, f) = self.segments[i];
        f + (at - c)
    }

    /// The code-point offset of file byte offset `byte` (on a char boundary).
    pub fn char_offset(&self, byte: usize) -> usize {
        let block = byte / 256;
        let Some(&base) = self.char_checkpoints.get(block) else {
            // The end of a text whose size is a multiple of 256 bytes.
            return self.char_total;
        };
        base + self.text.as_bytes()[block * 256..byte]
            .iter()
            .filter(|&&b| (b as i8) >= -0x40)
            .count()
    }

    /// The 1-based line of file byte offset `byte`.
    pub fn line(&self, byte: usize) -> usize {
        self.line_starts.partition_point(|&s| s <= byte)
    }

    /// The cue holding clean byte offset `at`, if any.
    pub fn cue(&self, at: usize) -> Option<&Cue> {
        let i = self.cues.partition_point(|c| c.clean_start <= at);
        self.cues[..i].last().filter(|c| at <= c.clean_end)
    }

    /// The location of the clean byte range `start..end`.
    pub fn location(&self, start: usize, end: usize) -> Location {
        let fs = self.file_offset(start);
        let fe = if end > start {
            self.file_offset(end - 1) + 1
        } else {
            fs
        };
        // Move the end to a char boundary (the last byte of a multi-byte char maps inside it).
        let mut fe = fe;
        while !self.text.is_char_boundary(fe) {
            fe += 1;
        }
        Location {
            start: self.char_offset(fs),
            end: self.char_offset(fe),
            line: self.line(fs),
            timestamp: self.cue(start).map(|c| c.start.to_string()),
            timestamp_end: self
                .cue(end.saturating_sub(1).max(start))
                .map(|c| c.end.to_string()),
        }
    }
}

struct Parsed {
    clean: String,
    segments: Vec<(usize, usize)>,
    cues: Vec<Cue>,
    turns: Vec<Turn>,
    labels: Vec<(usize, usize)>,
}

/// The longest time read from a subtitle file: anything later is a typo or an attack.
const MAX_HOURS: u64 = 9_999;

fn is_timing(content: &str) -> bool {
    content.contains("-->")
}

fn is_number(content: &str) -> bool {
    let t = content.trim();
    !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit())
}

/// Parses SubRip or WebVTT. A cue is an optional identifier line, a timing line
/// (`start --> end`, settings after it ignored) and text lines. Cues are normally separated
/// by blank lines; without them, a timing line starts the next cue and a number just before
/// it is that cue's identifier, never text. A line with `-->` is always a timing line, so a
/// bad one is an error naming it.
fn parse_subtitles(name: &str, kind: SourceKind, text: &str) -> Result<Parsed> {
    let err = |line: usize, message: String| Error::corpus(name, line, message);
    let mut lines = Vec::new();
    let mut at = 0;
    for (i, raw) in text.split_inclusive('\n').enumerate() {
        let content = raw.trim_end_matches(['\n', '\r']);
        lines.push((i + 1, at, content));
        at += raw.len();
    }
    let blank = |i: usize| lines[i].2.trim().is_empty();
    let mut out = Parsed {
        clean: String::new(),
        segments: Vec::new(),
        cues: Vec::new(),
        turns: Vec::new(),
        labels: Vec::new(),
    };
    let mut i = 0;
    if kind == SourceKind::Vtt {
        let first = lines.first().map(|l| l.2).unwrap_or("");
        let first = first.strip_prefix('\u{feff}').unwrap_or(first);
        if !(first == "WEBVTT" || first.starts_with("WEBVTT ") || first.starts_with("WEBVTT\t")) {
            return Err(err(1, "a WebVTT file must start with \"WEBVTT\"".into()));
        }
        // The header runs to the first blank line (or the first cue, without one).
        i = 1;
        while i < lines.len() && !blank(i) && !is_timing(lines[i].2) {
            i += 1;
        }
    }
    let example = if kind == SourceKind::Srt {
        "00:00:01,000 --> 00:00:04,000"
    } else {
        "00:00:01.000 --> 00:00:04.000"
    };
    while i < lines.len() {
        if blank(i) {
            i += 1;
            continue;
        }
        let first = lines[i].2.trim();
        if kind == SourceKind::Vtt
            && (first.starts_with("NOTE") || first == "STYLE" || first == "REGION")
        {
            while i < lines.len() && !blank(i) {
                i += 1;
            }
            continue;
        }
        let timing_at = if is_timing(first) {
            i
        } else if i + 1 < lines.len() && is_timing(lines[i + 1].2) {
            i + 1
        } else {
            // A cue number: the line after it should have been the timing.
            let (line_no, found) = if is_number(first) && i + 1 < lines.len() {
                (lines[i + 1].0, lines[i + 1].2.trim())
            } else {
                (lines[i].0, first)
            };
            return Err(err(
                line_no,
                format!("expected a cue timing line like {example}, found {found:?}"),
            ));
        };
        let (line_no, _, timing) = lines[timing_at];
        let (start, end_time) = parse_timing(timing).map_err(|m| err(line_no, m))?;
        // The cue's text: up to a blank line, the next timing line, or the number before it.
        let mut end = timing_at + 1;
        while end < lines.len() && !blank(end) && !is_timing(lines[end].2) {
            if is_number(lines[end].2) && end + 1 < lines.len() && is_timing(lines[end + 1].2) {
                break;
            }
            end += 1;
        }
        if !out.clean.is_empty() {
            out.clean.push('\n');
        }
        let clean_start = out.clean.len();
        for (n, &(_, offset, content)) in lines[timing_at + 1..end].iter().enumerate() {
            if n > 0 {
                out.clean.push('\n');
            }
            let before = out.clean.len();
            copy_cue_text(content, offset, kind, &mut out);
            // A label the cue's text opens with (no markup inside it, so it was copied as is).
            if let Some(l) = speakers::line_label(content)
                && !content[..l.end].contains(['<', '&'])
            {
                out.labels.push((before + l.start, before + l.end));
                out.turns.push(Turn {
                    start: before + l.end,
                    speaker: l.speaker,
                });
            }
        }
        out.cues.push(Cue {
            clean_start,
            clean_end: out.clean.len(),
            start,
            end: end_time,
        });
        i = end;
    }
    if out.cues.is_empty() {
        return Err(err(
            lines.len().max(1),
            format!("no cues: a subtitle file needs at least one timing line like {example}"),
        ));
    }
    if out.segments.is_empty() || out.segments[0].0 != 0 {
        out.segments.insert(0, (0, 0));
    }
    out.turns.sort_by_key(|t| t.start);
    Ok(out)
}

/// Appends one cue text line to the clean text, leaving out `<tags>` (VTT voice, class and
/// karaoke timestamps; SRT `<i>`/`<b>`/`<font>`) and decoding the common entities.
fn copy_cue_text(content: &str, offset: usize, kind: SourceKind, out: &mut Parsed) {
    let mut run_start = 0;
    let mut i = 0;
    let bytes = content.as_bytes();
    let flush = |from: usize, to: usize, out: &mut Parsed| {
        if to > from {
            out.segments.push((out.clean.len(), offset + from));
            out.clean.push_str(&content[from..to]);
        }
    };
    while i < bytes.len() {
        match bytes[i] {
            b'<' => {
                if let Some(close) = content[i..].find('>') {
                    flush(run_start, i, out);
                    if let Some(name) = speakers::voice(&content[i + 1..i + close]) {
                        out.turns.push(Turn {
                            start: out.clean.len(),
                            speaker: Speaker::new(name),
                        });
                    }
                    i += close + 1;
                    run_start = i;
                    continue;
                }
            }
            b'&' if kind == SourceKind::Vtt || content[i..].starts_with("&amp;") => {
                let entities = [
                    ("&amp;", '&'),
                    ("&lt;", '<'),
                    ("&gt;", '>'),
                    ("&nbsp;", ' '),
                    ("&lrm;", ' '),
                    ("&rlm;", ' '),
                ];
                if let Some(&(name, ch)) =
                    entities.iter().find(|(n, _)| content[i..].starts_with(n))
                {
                    flush(run_start, i, out);
                    out.segments.push((out.clean.len(), offset + i));
                    out.clean.push(ch);
                    i += name.len();
                    // The next run maps from here on, past the entity.
                    run_start = i;
                    out.segments.push((out.clean.len(), offset + i));
                    continue;
                }
            }
            _ => {}
        }
        i += 1;
    }
    flush(run_start, bytes.len(), out);
}

/// Parses `start --> end [settings]`.
fn parse_timing(line: &str) -> std::result::Result<(Timestamp, Timestamp), String> {
    let (a, rest) = line
        .split_once("-->")
        .ok_or_else(|| format!("expected \"start --> end\", found {line:?}"))?;
    let b = rest.split_whitespace().next().unwrap_or("");
    let start = parse_time(a.trim())?;
    let end = parse_time(b)?;
    if end < start {
        return Err(format!("cue ends ({b}) before it starts ({})", a.trim()));
    }
    Ok((start, end))
}

/// Parses `HH:MM:SS,mmm`, `HH:MM:SS.mmm` or `MM:SS.mmm`.
fn parse_time(s: &str) -> std::result::Result<Timestamp, String> {
    let bad = || format!("bad timestamp {s:?}: expected HH:MM:SS,mmm or MM:SS.mmm");
    let (hms, ms) = s.split_once([',', '.']).ok_or_else(bad)?;
    if ms.len() != 3 || !ms.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let parts: Vec<&str> = hms.split(':').collect();
    if !(2..=3).contains(&parts.len())
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit()))
    {
        return Err(bad());
    }
    let mut nums = Vec::with_capacity(3);
    for p in &parts {
        nums.push(p.parse::<u64>().map_err(|_| bad())?);
    }
    let (h, m, sec) = match nums[..] {
        [h, m, s] => (h, m, s),
        [m, s] => (0, m, s),
        _ => return Err(bad()),
    };
    if m >= 60 || sec >= 60 {
        return Err(bad());
    }
    if h > MAX_HOURS {
        return Err(format!(
            "timestamp {s:?} is past {MAX_HOURS} hours: not a real cue time"
        ));
    }
    Ok(Timestamp(
        ((h * 60 + m) * 60 + sec) * 1000 + ms.parse::<u64>().map_err(|_| bad())?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRT: &str = "1\n00:00:01,000 --> 00:00:04,000\nWe have an opportunity to discuss\n\n2\n00:00:04,500 --> 00:00:07,250\n<i>the entire range</i> of our relations.\n";

    #[test]
    fn srt_cues_keep_timings_and_map_back_to_the_file() {
        let s = Source::parse("a.srt".into(), SourceKind::Srt, SRT.into()).unwrap();
        assert_eq!(
            s.clean,
            "We have an opportunity to discuss\nthe entire range of our relations."
        );
        assert_eq!(s.cues.len(), 2);
        let at = s.clean.find("entire").unwrap();
        let file_at = s.file_offset(at);
        assert_eq!(&SRT[file_at..file_at + 6], "entire");
        assert_eq!(s.line(file_at), 7);
        let loc = s.location(at, at + 6);
        assert_eq!(loc.timestamp.as_deref(), Some("00:00:04.500"));
        assert_eq!(loc.timestamp_end.as_deref(), Some("00:00:07.250"));
        let ours = s.clean.find("our").unwrap();
        assert_eq!(&SRT[s.file_offset(ours)..s.file_offset(ours) + 3], "our");
    }

    #[test]
    fn vtt_skips_header_notes_settings_tags_and_decodes_entities() {
        let vtt = "WEBVTT - remarks\nKind: captions\n\nNOTE translated\nby the Kremlin\n\nintro\n00:01.000 --> 00:03.000 align:start\n<v Vladimir Putin>Trade &amp; economy</v>\n\n01:00:00.000 --> 01:00:02.000\nmatter.\n";
        let s = Source::parse("a.vtt".into(), SourceKind::Vtt, vtt.into()).unwrap();
        assert_eq!(s.clean, "Trade & economy\nmatter.");
        let at = s.clean.find("economy").unwrap();
        assert_eq!(&vtt[s.file_offset(at)..s.file_offset(at) + 7], "economy");
        assert_eq!(
            s.location(at, at + 7).timestamp.as_deref(),
            Some("00:00:01.000")
        );
        let m = s.clean.find("matter").unwrap();
        assert_eq!(
            s.location(m, m + 6).timestamp.as_deref(),
            Some("01:00:00.000")
        );
    }

    #[test]
    fn subtitle_errors_name_the_file_and_line() {
        let bad = "1\n00:00:01,000 --> 00:00:04,000\nfine\n\n2\nno timing here\ntext\n";
        let e = Source::parse("x.srt".into(), SourceKind::Srt, bad.into())
            .err()
            .unwrap()
            .to_string();
        // The cue number is line 5; the timing it announces should be line 6.
        assert!(e.starts_with("x.srt:6:"), "{e}");
        let bad = "1\n00:00:01,000 --> 00:0x:04,000\ntext\n";
        let e = Source::parse("x.srt".into(), SourceKind::Srt, bad.into())
            .err()
            .unwrap()
            .to_string();
        assert!(
            e.starts_with("x.srt:2:") && e.contains("bad timestamp"),
            "{e}"
        );
        let e = Source::parse(
            "y.vtt".into(),
            SourceKind::Vtt,
            "1\n00:01.000 --> 00:02.000\nx\n".into(),
        )
        .err()
        .unwrap()
        .to_string();
        assert!(e.starts_with("y.vtt:1:"), "{e}");
    }

    #[test]
    fn cues_without_blank_lines_keep_numbers_and_timings_out_of_the_words() {
        let srt = "1\n00:00:01,000 --> 00:00:04,000\nRidership is at 91 percent.\n2\n00:00:04,500 --> 00:00:07,000\nIt was 88 a year ago.\n3\n00:00:07,500 --> 00:00:09,000\n2\n";
        let s = Source::parse("a.srt".into(), SourceKind::Srt, srt.into()).unwrap();
        assert_eq!(
            s.clean,
            "Ridership is at 91 percent.\nIt was 88 a year ago.\n2"
        );
        assert_eq!(s.cues.len(), 3);
        let vtt = "WEBVTT\n00:01.000 --> 00:03.000\n<v Eleanor Brandt>We will not cut the night buses.\n00:03.500 --> 00:05.000\n<v Ken Nakamura>Nobody does.\n";
        let s = Source::parse("a.vtt".into(), SourceKind::Vtt, vtt.into()).unwrap();
        assert_eq!(s.clean, "We will not cut the night buses.\nNobody does.");
        assert_eq!(s.cues.len(), 2);
        let at = s.clean.find("Nobody").unwrap();
        assert_eq!(s.speakers(at, at + 6)[0].unwrap().label, "Ken Nakamura");
    }

    #[test]
    fn absurd_timestamps_empty_files_and_bad_timings_are_errors_at_their_line() {
        let e = |kind, text: &str| {
            Source::parse("x".into(), kind, text.into())
                .err()
                .expect("an error")
                .to_string()
        };
        let huge = "1\n99999999999999999999:00:01,000 --> 99999999999999999999:00:02,000\nhi\n";
        let m = e(SourceKind::Srt, huge);
        assert!(m.starts_with("x:2:") && m.contains("bad timestamp"), "{m}");
        let late = "1\n10000:00:01,000 --> 10000:00:02,000\nhi\n";
        let m = e(SourceKind::Srt, late);
        assert!(m.starts_with("x:2:") && m.contains("9999 hours"), "{m}");
        for empty in ["", "\n\n", "WEBVTT\n\nNOTE nothing here\n"] {
            let kind = if empty.starts_with("WEBVTT") {
                SourceKind::Vtt
            } else {
                SourceKind::Srt
            };
            let m = e(kind, empty);
            assert!(m.contains("no cues"), "{m}");
        }
        // A cue number, then a timing line missing its arrow: the error is at the timing.
        let m = e(SourceKind::Srt, "1\n00:00:01,000 -> 00:00:04,000\ntext\n");
        assert!(
            m.starts_with("x:2:") && m.contains("00:00:01,000 -> "),
            "{m}"
        );
    }

    #[test]
    fn a_stretch_ending_at_the_end_of_a_256_byte_multiple_ends_after_it_starts() {
        for size in [256, 512, 1024] {
            let mut text = "Brandt said “é” ".to_string();
            while text.len() < size - "last words".len() {
                text.push('a');
            }
            text.push_str("last words");
            assert_eq!(text.len(), size);
            let s = Source::text("t.txt", text.clone());
            let at = text.find("words").unwrap();
            let loc = s.location(at, text.len());
            assert!(loc.end > loc.start, "{size}: {loc:?}");
            assert_eq!(loc.end, text.chars().count());
        }
    }

    #[test]
    fn plain_text_locations_are_code_points_and_lines() {
        let s = Source::text("t.txt", "“Hello,” she said.\nWe entered there.");
        let at = s.clean.find("entered").unwrap();
        let loc = s.location(at, at + 7);
        assert_eq!((loc.start, loc.end, loc.line), (22, 29, 2));
        assert_eq!(loc.timestamp, None);
    }
}
