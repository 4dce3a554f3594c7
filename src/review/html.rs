//! The HTML report: one self-contained page, no script, no network.
//!
//! Everything from the article, the records and file names is data: it goes through
//! [`escape`] on its way into text and attribute values, and a Content-Security-Policy that
//! allows inline styles only stops anything that would slip past it from running.
//!
//! Each quote is a focusable `<mark>` carrying `data-quote` (its index), `data-kind` and
//! `data-speaker` (empty when there is none); its details show on hover and keyboard focus,
//! and again in the side list. A visible label after each quote repeats its number and
//! speaker, so colour is never the only signal.

use std::fmt::Write as _;

use crate::kind::Kind;

use crate::diff::{self, words::Op};

use super::{Concern, Entry, Report, counted, percent};

/// Colours for speakers, by their row in the speaker table; later rows reuse them.
const PALETTE: usize = 8;

/// Escapes text for HTML text and for double- or single-quoted attribute values; bidi
/// controls (U+202E and kin) become visible markers such as `[U+202E]`
/// ([`crate::sanitize::visible_bidi`]), so they can neither spoof nor hide.
pub fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    let s = crate::sanitize::visible_bidi(s);
    if !s.contains(['&', '<', '>', '"', '\'']) {
        return s;
    }
    let mut out = String::with_capacity(s.len() + 16);
    push_escaped(&mut out, &s);
    out.into()
}

fn push_escaped(out: &mut String, s: &str) {
    let s = &*crate::sanitize::visible_bidi(s);
    let mut from = 0;
    for (i, c) in s.match_indices(['&', '<', '>', '"', '\'']) {
        out.push_str(&s[from..i]);
        out.push_str(match c {
            "&" => "&amp;",
            "<" => "&lt;",
            ">" => "&gt;",
            "\"" => "&quot;",
            _ => "&#39;",
        });
        from = i + c.len();
    }
    out.push_str(&s[from..]);
}

/// Renders the whole page.
pub fn render(report: &Report) -> String {
    let mut out = String::with_capacity(report.text.len() * 3 + 16_384);
    let doc = escape(&report.doc);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>Quote review: {doc}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <a class=\"skip\" href=\"#article\">Skip to the article</a>\n"
    );
    header(&mut out, report);
    out.push_str("<div class=\"summary\">\n");
    flags(&mut out, report);
    speakers(&mut out, report);
    out.push_str("</div>\n<div class=\"layout\">\n<main>\n");
    article(&mut out, report);
    out.push_str("</main>\n");
    side_list(&mut out, report);
    out.push_str("</div>\n</body>\n</html>\n");
    out
}

fn header(out: &mut String, r: &Report) {
    let [direct, partial, terms, paraphrases] = r.kinds();
    let paraphrases = if paraphrases > 0 {
        format!(" · {}", counted(paraphrases, "paraphrase"))
    } else {
        String::new()
    };
    let _ = write!(
        out,
        "<header>\n<h1>Quote review</h1>\n<p class=\"meta\"><span class=\"doc\">{}</span> · {} ({direct} direct, {partial} partial, {}){paraphrases} · {} · {}",
        escape(&r.doc),
        counted(r.quote_count(), "quote"),
        counted(terms, "term"),
        counted(r.speakers.len(), "speaker"),
        counted(r.flag_count(), "flag"),
    );
    if let Some(prev) = &r.previous {
        let _ = write!(
            out,
            " · compared with <span class=\"doc\">{}</span>",
            escape(prev)
        );
    }
    if !r.sources.is_empty() {
        out.push_str(" · checked against ");
        for (i, s) in r.sources.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            let _ = write!(out, "<span class=\"doc\">{}</span>", escape(s));
        }
    }
    out.push_str("</p>\n</header>\n");
}

/// The heading of each group of the flags panel.
fn group_title(label: &str) -> &'static str {
    match label {
        "unattributed" => "Unattributed quotes",
        "ambiguous" => "Ambiguous speakers",
        "unclosed" => "Unclosed quotation marks",
        "low confidence" => "Low-confidence attributions",
        "changed" => "Changed since the previous version",
        "new" => "New since the previous version",
        _ => "Not verified against the sources",
    }
}

fn flags(out: &mut String, r: &Report) {
    let total = r.flag_count();
    let _ = write!(
        out,
        "<section id=\"flags\" aria-labelledby=\"flags-h\">\n<h2 id=\"flags-h\">Flags ({total})</h2>\n"
    );
    if total == 0 {
        out.push_str("<p class=\"none\">No flags.</p>\n</section>\n");
        return;
    }
    for group in r.flag_groups() {
        let (label, hits, strays) = (group.label, group.hits, group.strays);
        let title = group_title(label);
        let _ = write!(
            out,
            "<h3>{title} ({})</h3>\n<ul class=\"flag-list\" data-flag=\"{label}\">\n",
            hits.len() + strays
        );
        for (e, concern) in hits {
            let _ = write!(
                out,
                "<li><span class=\"badge\">{label}</span> <a href=\"#q{0}\">#{0}</a> {1}",
                e.quote.index,
                escape(&super::shown(&e.quote, 120))
            );
            match concern {
                Concern::LowConfidence(c) => {
                    let _ = write!(out, " <span class=\"detail\">confidence {c:.2}</span>");
                }
                Concern::Changed => {
                    if let Some(change) = &e.change {
                        changed(out, change);
                    }
                }
                Concern::Unverified(status) => {
                    let _ = write!(out, " <span class=\"detail\">{}", status.as_str());
                    if let Some(v) = &e.verdict {
                        if let Some(s) = &v.source {
                            let _ = write!(out, " in {}", escape(s));
                        }
                        if let Some(d) = &v.detail {
                            let _ = write!(out, ": {}", escape(d));
                        }
                    }
                    out.push_str("</span>");
                    if let Some(p) = e.verdict.as_ref().and_then(|v| v.passage.as_ref()) {
                        passage(out, p);
                    }
                }
                _ => {}
            }
            out.push_str("</li>\n");
        }
        if label == "unclosed" {
            for s in &r.stray_marks {
                let _ = writeln!(
                    out,
                    "<li><span class=\"badge\">stray mark</span> closing mark {} on line {} closes nothing</li>",
                    escape(&s.mark.to_string()),
                    s.line
                );
            }
        }
        out.push_str("</ul>\n");
        if label == "new" {
            removed(out, r);
        }
    }
    if !r.entries.iter().any(|e| e.concerns.contains(&Concern::New)) {
        removed(out, r);
    }
    out.push_str("</section>\n");
}

fn removed(out: &mut String, r: &Report) {
    if r.removed.is_empty() {
        return;
    }
    let _ = write!(
        out,
        "<h3>Removed since the previous version ({})</h3>\n<ul class=\"flag-list\" data-flag=\"removed\">\n",
        r.removed.len()
    );
    for q in &r.removed {
        let _ = writeln!(
            out,
            "<li><span class=\"badge\">removed</span> was #{} {}</li>",
            q.index,
            escape(&super::shown(q, 120))
        );
    }
    out.push_str("</ul>\n");
}

/// What changed since the previous version, and the word diff when the words changed.
/// The source's wording under a flagged quote: who speaks, where, the words, the diff.
fn passage(out: &mut String, p: &super::Passage) {
    let _ = write!(
        out,
        "<blockquote class=\"source-passage\"><span class=\"detail\">source ({}):</span> “{}”<br><span class=\"detail\">diff:</span> <code>{}</code></blockquote>",
        escape(&p.heading()),
        escape(&p.text),
        escape(&p.diff)
    );
}

fn changed(out: &mut String, change: &super::Change) {
    let _ = write!(
        out,
        " <span class=\"detail\">was {} ({})</span>",
        change.was(),
        escape(&change.describe())
    );
    if change.reworded() {
        out.push(' ');
        word_diff(out, change);
    }
}

fn word_diff(out: &mut String, change: &super::Change) {
    out.push_str("<span class=\"diff\">");
    let mut previous = Op::Equal;
    for w in &change.words {
        // A replacement reads "old new", not "oldnew".
        if previous == Op::Delete && w.op == Op::Insert {
            out.push(' ');
        }
        previous = w.op;
        let (open, close) = match w.op {
            Op::Equal => ("", ""),
            Op::Delete => ("<del><span class=\"sr\">removed: </span>", "</del>"),
            Op::Insert => ("<ins><span class=\"sr\">added: </span>", "</ins>"),
        };
        let _ = write!(out, "{open}{}{close}", escape(&w.text));
    }
    out.push_str("</span>");
}

fn speakers(out: &mut String, r: &Report) {
    out.push_str(
        "<section id=\"speakers\" aria-labelledby=\"speakers-h\">\n<h2 id=\"speakers-h\">Speakers</h2>\n\
         <table>\n<thead><tr><th scope=\"col\">Speaker</th><th scope=\"col\">Quotes</th>\
         <th scope=\"col\">Words quoted</th><th scope=\"col\">Share</th>\
         <th scope=\"col\">Para&shy;phrased</th><th scope=\"col\">Attributed by</th></tr></thead>\n<tbody>\n",
    );
    for (i, row) in r.speakers.iter().enumerate() {
        let methods: Vec<String> = row
            .methods
            .iter()
            .map(|(m, n)| format!("{} ({n})", escape(m)))
            .collect();
        let _ = writeln!(
            out,
            "<tr class=\"speaker\"><th scope=\"row\"><span class=\"sw s{}\" aria-hidden=\"true\"></span>{}</th>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            i % PALETTE,
            escape(&row.speaker),
            row.quotes,
            row.words,
            percent(row.share),
            row.paraphrases,
            methods.join(", ")
        );
    }
    let u = r.unattributed;
    if u.quotes > 0 || u.paraphrases > 0 {
        let share = r.unattributed_share();
        let _ = writeln!(
            out,
            "<tr class=\"no-speaker\"><th scope=\"row\"><span class=\"sw s-none\" aria-hidden=\"true\"></span>No speaker</th>\
             <td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>–</td></tr>",
            u.quotes,
            u.words,
            percent(share),
            u.paraphrases
        );
    }
    let _ = write!(
        out,
        "</tbody>\n<tfoot><tr><th scope=\"row\">All quotes from people</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td></td></tr></tfoot>\n\
         </table>\n<p class=\"note\">Terms (scare quotes, titles) are not counted as anyone's words. \
         Paraphrased: reported speech without quotation marks, counted apart from the words quoted.</p>\n</section>\n",
        r.quoted.quotes,
        r.quoted.words,
        r.total_share(),
        r.quoted.paraphrases
    );
}

/// The label shown after a quote: its number and who said it.
fn short_label(e: &Entry) -> String {
    let who = match (&e.quote.speaker, e.quote.kind) {
        (Some(s), _) if s.chars().count() <= 16 => s.clone(),
        (Some(s), _) => s.split_whitespace().last().unwrap_or(s).to_string(),
        (None, Kind::Term) => "term".to_string(),
        (None, _) => "no speaker".to_string(),
    };
    let flag = if e.concerns.is_empty() { "" } else { " ⚑" };
    format!("{} {who}{flag}", e.quote.index)
}

fn classes(e: &Entry) -> String {
    let colour = match (e.speaker_row, e.quote.kind) {
        (Some(row), _) => format!("s{}", row % PALETTE),
        (None, Kind::Term) => "s-term".to_string(),
        (None, _) => "s-none".to_string(),
    };
    let flagged = if e.concerns.is_empty() {
        ""
    } else {
        " flagged"
    };
    format!("q {colour} {}{flagged}", e.quote.kind.as_str())
}

fn tooltip(e: &Entry) -> String {
    let q = &e.quote;
    let mut t = format!(
        "#{} · {}<br>Speaker: {}<br>Cue: {}<br>Method: {}<br>Confidence: {}",
        q.index,
        q.kind.as_str(),
        escape(q.speaker.as_deref().unwrap_or("none")),
        escape(q.cue.as_deref().unwrap_or("none")),
        escape(q.method.as_deref().unwrap_or("none")),
        q.confidence
            .map_or("none".to_string(), |c| format!("{c:.2}")),
    );
    if !e.concerns.is_empty() {
        let labels: Vec<&str> = e.concerns.iter().map(Concern::label).collect();
        let _ = write!(t, "<br>Flags: {}", labels.join(", "));
    }
    t
}

fn article(out: &mut String, r: &Report) {
    out.push_str(
        "<section id=\"article\" aria-labelledby=\"article-h\">\n<h2 id=\"article-h\">Article</h2>\n\
         <p class=\"legend\">Quotes are highlighted by speaker and numbered; tab to a quote or hover over it for its details. \
         <span class=\"eg direct\">solid underline</span> direct, <span class=\"eg partial\">dashed</span> partial, \
         <span class=\"eg term\">dotted</span> term, <span class=\"eg indirect\">italic, double underline</span> paraphrase \
         (reported speech, no quotation marks); ⚑ flagged.</p>\n<div class=\"text\">\n",
    );
    let text = r.text.as_str();
    let placed = pieces(r);
    let mut next = 0; // the first piece that may reach into this paragraph
    for para in &r.paragraphs {
        out.push_str("<p>");
        let mut pos = para.start;
        let mut k = next;
        while k < placed.len() && placed[k].start < para.end {
            let p = &placed[k];
            let start = p.start.max(para.start);
            let end = p.end.min(para.end);
            k += 1;
            if start >= end {
                continue;
            }
            push_escaped(out, &text[pos..start]);
            segment(
                out,
                p.entry,
                &text[start..end],
                p.first && start == p.start,
                p.last && end == p.end,
            );
            pos = end;
        }
        push_escaped(out, &text[pos..para.end]);
        out.push_str("</p>\n");
        while next < placed.len() && placed[next].end <= para.end {
            next += 1;
        }
    }
    out.push_str("</div>\n</section>\n");
}

/// A stretch of the article highlighted as one record's: a quote whole, or a part of
/// reported speech between the quotes inside it.
struct Piece<'r> {
    entry: &'r Entry,
    start: usize,
    end: usize,
    /// The record's first piece (its id and tooltip go here).
    first: bool,
    /// The record's last piece (its label goes after it).
    last: bool,
}

/// The highlighted stretches in text order, none overlapping: every quote that can be
/// placed (in bounds, on char boundaries, not overlapping the one before) whole, and each
/// record of reported speech around them, so `he said the plan was “dead on arrival”`
/// shows the paraphrase and the partial quote inside it apart.
fn pieces(r: &Report) -> Vec<Piece<'_>> {
    let text = r.text.as_str();
    let placeable = |e: &&Entry| {
        let (s, t) = (e.quote.byte_start, e.quote.byte_end);
        s < t && t <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(t)
    };
    let (reported, quotes): (Vec<&Entry>, Vec<&Entry>) = r
        .entries
        .iter()
        .filter(placeable)
        .partition(|e| e.quote.kind == Kind::Indirect);
    let quotes = disjoint(quotes);
    let mut out: Vec<Piece> = quotes
        .iter()
        .map(|&entry| Piece {
            entry,
            start: entry.quote.byte_start,
            end: entry.quote.byte_end,
            first: true,
            last: true,
        })
        .collect();
    for entry in disjoint(reported) {
        let (start, end) = (entry.quote.byte_start, entry.quote.byte_end);
        // The gaps between the quotes that overlap this record (quote edges are char
        // boundaries, so every gap is too).
        let mut gaps = Vec::new();
        let mut pos = start;
        let from = quotes.partition_point(|q| q.quote.byte_end <= start);
        for q in quotes[from..]
            .iter()
            .take_while(|q| q.quote.byte_start < end)
        {
            if q.quote.byte_start > pos {
                gaps.push((pos, q.quote.byte_start));
            }
            pos = pos.max(q.quote.byte_end);
        }
        if pos < end {
            gaps.push((pos, end));
        }
        let n = gaps.len();
        out.extend(gaps.into_iter().enumerate().map(|(i, (start, end))| Piece {
            entry,
            start,
            end,
            first: i == 0,
            last: i + 1 == n,
        }));
    }
    out.sort_by_key(|p| p.start);
    out
}

/// `v` in text order, each entry kept only if it starts after the one kept before ends.
fn disjoint(mut v: Vec<&Entry>) -> Vec<&Entry> {
    v.sort_by_key(|e| e.quote.byte_start);
    let mut last_end = 0;
    v.retain(|e| {
        let keep = e.quote.byte_start >= last_end;
        if keep {
            last_end = e.quote.byte_end;
        }
        keep
    });
    v
}

/// One quote's stretch within one paragraph (a multi-paragraph quote has several).
fn segment(out: &mut String, e: &Entry, words: &str, first: bool, last: bool) {
    let q = &e.quote;
    let speaker = escape(q.speaker.as_deref().unwrap_or(""));
    if first {
        let _ = write!(
            out,
            "<mark class=\"{classes}\" id=\"q{index}\" tabindex=\"0\" data-quote=\"{index}\" data-kind=\"{kind}\" data-speaker=\"{speaker}\" aria-describedby=\"tip{index}\">",
            classes = classes(e),
            index = q.index,
            kind = q.kind.as_str(),
        );
    } else {
        let _ = write!(
            out,
            "<mark class=\"{} cont\" data-quote=\"{}\" data-kind=\"{}\" data-speaker=\"{}\">",
            classes(e),
            q.index,
            q.kind.as_str(),
            speaker
        );
    }
    push_escaped(out, words);
    out.push_str("</mark>");
    if first {
        let _ = write!(
            out,
            "<span class=\"tip\" id=\"tip{}\" role=\"tooltip\">{}</span>",
            q.index,
            tooltip(e)
        );
    }
    if last {
        let _ = write!(
            out,
            "<span class=\"lbl\" aria-hidden=\"true\">{}</span>",
            escape(&short_label(e))
        );
    }
}

fn side_list(out: &mut String, r: &Report) {
    out.push_str(
        "<aside id=\"quotes\" aria-labelledby=\"quotes-h\">\n<h2 id=\"quotes-h\">Quotes</h2>\n<ol class=\"quotes\">\n",
    );
    for e in &r.entries {
        let q = &e.quote;
        let swatch = match (e.speaker_row, q.kind) {
            (Some(row), _) => format!("s{}", row % PALETTE),
            (None, Kind::Term) => "s-term".to_string(),
            (None, _) => "s-none".to_string(),
        };
        let who = match (&q.speaker, q.kind) {
            (Some(s), _) => escape(s).into_owned(),
            (None, Kind::Term) => "term".to_string(),
            (None, _) => "no speaker".to_string(),
        };
        let _ = write!(
            out,
            "<li id=\"item{0}\" data-quote=\"{0}\"><a href=\"#q{0}\">#{0}</a> <span class=\"sw {1}\" aria-hidden=\"true\"></span><b>{2}</b> <span class=\"kind\">{3}</span>\n\
             <div class=\"ex\">{4}</div>\n<div class=\"facts\">cue: {5} · method: {6} · confidence: {7}</div>\n",
            q.index,
            swatch,
            who,
            q.kind.as_str(),
            escape(&super::shown(q, 200)),
            escape(q.cue.as_deref().unwrap_or("none")),
            escape(q.method.as_deref().unwrap_or("none")),
            q.confidence
                .map_or("none".to_string(), |c| format!("{c:.2}")),
        );
        let mut notes: Vec<String> = e
            .concerns
            .iter()
            .map(|c| format!("<span class=\"badge\">{}</span>", c.label()))
            .collect();
        if let Some(v) = &e.verdict
            && v.status.is_clean()
        {
            notes.push(format!(
                "<span class=\"ok\">source: {}</span>",
                v.status.as_str()
            ));
        }
        match &e.change {
            Some(c) if c.status == diff::Status::Unchanged => {
                notes.push("<span class=\"ok\">unchanged</span>".to_string());
            }
            // Modified, but only in ways that need no review: cosmetic, moved, split, merged.
            Some(c) if c.status == diff::Status::Modified && !c.needs_review() => {
                notes.push(format!(
                    "<span class=\"ok\">changed: {}</span>",
                    escape(&c.describe())
                ));
            }
            _ => {}
        }
        if !notes.is_empty() {
            let _ = writeln!(out, "<div class=\"notes\">{}</div>", notes.join(" "));
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ol>\n</aside>\n");
}

const STYLE: &str = r#"
:root{--ink:#1b1b1b;--muted:#555;--line:#ccc;--focus:#0b57d0}
*{box-sizing:border-box}
body{margin:0;color:var(--ink);background:#fff;font:16px/1.6 Georgia,"Times New Roman",serif}
h1,h2,h3,.meta,.legend,table,aside,.tip,.lbl,.badge,.note,.flag-list{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header{padding:1rem 1.5rem;border-bottom:1px solid var(--line)}
h1{margin:0;font-size:1.4rem}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .3rem}
.meta{margin:.3rem 0 0;color:var(--muted);font-size:.9rem}
.doc{font-family:ui-monospace,Menlo,Consolas,monospace;overflow-wrap:anywhere}
.text,.ex,.flag-list{overflow-wrap:anywhere}
td,th{overflow-wrap:break-word}
mark,td,th,li,.doc,.lbl,.tip{unicode-bidi:isolate}
.skip{position:absolute;left:-999px}
.skip:focus{left:1rem;top:1rem;background:#fff;padding:.3rem .6rem;z-index:20}
.summary{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:2rem;padding:0 1.5rem;border-bottom:1px solid var(--line)}
.summary>section{min-width:0;padding-bottom:.5rem}
.layout{display:grid;grid-template-columns:minmax(0,1fr) 22rem;gap:2rem;padding:0 1.5rem 2rem}
main{min-width:0;max-width:48rem}
.text p{margin:0 0 1rem;position:relative}
.legend,.note{color:var(--muted);font-size:.85rem}
.eg{padding:0 .2rem}
.eg.direct{border-bottom:2px solid #333}.eg.partial{border-bottom:2px dashed #333}.eg.term{border-bottom:2px dotted #333}.eg.indirect{font-style:italic;border-bottom:3px double #333}
mark.q{color:inherit;padding:.05rem .1rem;border-radius:2px;border-bottom:2px solid #333;print-color-adjust:exact;-webkit-print-color-adjust:exact}
mark.partial{border-bottom-style:dashed}
mark.term{border-bottom-style:dotted}
mark.q:focus{outline:3px solid var(--focus);outline-offset:2px}
mark.q:hover{outline:2px solid #777}
.s0{background:#cfe3ff;border-color:#1f5fbf!important}
.s1{background:#ffdcae;border-color:#b25d00!important}
.s2{background:#cdeec9;border-color:#2c7a26!important}
.s3{background:#f7cde3;border-color:#a3306b!important}
.s4{background:#e2d8ff;border-color:#5b3fbf!important}
.s5{background:#fff0a0;border-color:#8a7000!important}
.s6{background:#c4efea;border-color:#11776c!important}
.s7{background:#ecd6c6;border-color:#7a4a2a!important}
.s-none{background:#f1f1f1;border-color:#666!important;border-bottom-width:3px!important}
.s-term{background:transparent;border-color:#666!important}
mark.indirect{background:transparent;font-style:italic;border-bottom-style:double;border-bottom-width:3px}
.tip{display:none}
mark.q:hover+.tip,mark.q:focus+.tip{display:block;position:absolute;left:0;z-index:10;max-width:min(26rem,calc(100vw - 2rem));margin-top:.2rem;padding:.45rem .6rem;border-radius:4px;background:#1b1b1b;color:#fff;font-size:.8rem;line-height:1.4;box-shadow:0 2px 8px rgba(0,0,0,.3)}
.lbl{font-size:.68rem;vertical-align:super;line-height:0;color:#333;margin:0 .15rem 0 .1rem;white-space:nowrap}
#flags h3{margin-top:.8rem}
.flag-list{margin:0;padding-left:1.2rem;font-size:.9rem}
.flag-list li{margin:.2rem 0}
.badge{display:inline-block;font-size:.72rem;padding:0 .35rem;border:1px solid #8a1c1c;color:#8a1c1c;border-radius:3px;background:#fff5f5}
.detail{color:var(--muted)}
.source-passage{margin:.3em 0 .3em 1.5em;padding-left:.6em;border-left:3px solid var(--muted)}
.ok{display:inline-block;font-size:.72rem;padding:0 .35rem;border:1px solid #2c7a26;color:#2c7a26;border-radius:3px}
del{background:#fde0e0;text-decoration:line-through}
ins{background:#dff5dc;text-decoration:underline}
.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
table{border-collapse:collapse;font-size:.9rem;width:100%}
th,td{border-bottom:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
td:nth-child(2),td:nth-child(3),td:nth-child(4){text-align:right;font-variant-numeric:tabular-nums}
tfoot th,tfoot td{border-top:2px solid #999;font-weight:600}
.sw{display:inline-block;width:.9rem;height:.9rem;margin-right:.4rem;vertical-align:-.1rem;border:1px solid #333;border-radius:2px}
aside{font-size:.85rem;border-left:1px solid var(--line);padding-left:1rem}
aside h2{position:sticky;top:0;background:#fff;margin-top:1rem}
ol.quotes{list-style:none;margin:0;padding:0}
ol.quotes li{padding:.4rem 0;border-bottom:1px solid #eee}
ol.quotes li:target{background:#fffbe0}
.kind{color:var(--muted)}
.ex{font-family:Georgia,serif;margin:.15rem 0}
.facts{color:var(--muted)}
.notes{margin-top:.15rem}
a{color:var(--focus)}
a:focus{outline:3px solid var(--focus);outline-offset:1px}
@media (max-width:60rem){.layout,.summary{grid-template-columns:1fr;gap:0}aside{border-left:0;padding-left:0}}
@media (max-width:36rem){header,.summary,.layout{padding-left:.75rem;padding-right:.75rem}th,td{padding:.3rem .25rem;overflow-wrap:anywhere}table{font-size:.8rem}}
@media print{
 body{font-size:11pt}
 .layout,.summary{display:block;padding:0}
 header{padding:0 0 .5rem}
 .skip,.tip{display:none!important}
 aside{border:0;padding:0;break-before:page}
 aside h2{position:static}
 a{color:inherit;text-decoration:none}
 mark.q{outline:0}
 tr,li{break-inside:avoid}
}
"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Document;
    use crate::extract;
    use crate::review::tests::attributed;
    use crate::review::{Inputs, Report};

    fn report(text: &str) -> String {
        let doc = Document::new("article.txt", text);
        render(&Report::new(&doc, extract(&doc), Inputs::default()))
    }

    /// The names of every tag the page opens or closes.
    fn tag_names(html: &str) -> Vec<String> {
        html.split('<')
            .skip(1)
            .map(|t| {
                t.trim_start_matches('/')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
                    .collect::<String>()
                    .to_ascii_lowercase()
            })
            .collect()
    }

    const ALLOWED: [&str; 33] = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "a", "header", "h1", "h2",
        "h3", "p", "span", "div", "main", "section", "aside", "ul", "ol", "li", "table", "thead",
        "tbody", "tfoot", "tr", "th", "td", "mark", "b", "br", "del", "ins",
    ];

    #[test]
    fn paraphrase_is_marked_apart_and_a_quote_inside_it_keeps_its_own_mark() {
        let text = "Chancellor Olaf Scholz said the budget was “fair to everyone” and would pass.";
        let (doc, mut ex) = attributed(text, &[(1, "Olaf Scholz", "embedded", 0.9)]);
        // A record of reported speech over the whole complement, the partial quote inside.
        let mut reported = ex.quotes[0].clone();
        reported.kind = Kind::Indirect;
        reported.index = 2;
        reported.byte_start = text.find("the budget").unwrap();
        reported.byte_end = text.len() - 1;
        reported.text = text[reported.byte_start..reported.byte_end].to_string();
        ex.quotes.push(reported);
        let html = render(&Report::new(&doc, ex, Inputs::default()));
        let body = &html[html.find("<div class=\"text\">").unwrap()..];
        let paragraph = &body[..body.find("</p>").unwrap()];
        // The paraphrase, then the quote, then the rest of the paraphrase: three marks, the
        // paraphrase's id and tooltip on its first part, its label after its last.
        assert_eq!(paragraph.matches("<mark ").count(), 3, "{paragraph}");
        let first = paragraph
            .find("id=\"q2\"")
            .expect("the paraphrase's first part");
        let quote = paragraph.find("id=\"q1\"").expect("the quote");
        let rest = paragraph
            .find("cont\" data-quote=\"2\"")
            .expect("the paraphrase's rest");
        assert!(first < quote && quote < rest, "{paragraph}");
        assert!(paragraph.contains("class=\"q s0 indirect\""), "{paragraph}");
        assert!(paragraph.contains(">the budget was </mark>"), "{paragraph}");
        assert!(
            paragraph.contains(">“fair to everyone”</mark>"),
            "{paragraph}"
        );
        assert!(paragraph.contains("> and would pass</mark>"), "{paragraph}");
        assert_eq!(paragraph.matches("id=\"tip2\"").count(), 1);
        assert_eq!(paragraph.matches("2 Olaf Scholz").count(), 1);
        // Counted apart in the header and the speaker table.
        assert!(html.contains("1 quote (0 direct, 1 partial, 0 terms) · 1 paraphrase · 1 speaker"));
        assert!(html.contains("Olaf Scholz</th><td>1</td><td>3</td><td>100%</td><td>1</td>"));
    }

    #[test]
    fn escape_handles_every_special_character() {
        assert_eq!(
            escape(r#"<script>alert("x") & 'y'</script>"#),
            "&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("Assad’s “visit”"), "Assad’s “visit”");
        assert_eq!(escape("&amp;"), "&amp;amp;");
    }

    #[test]
    fn hostile_article_text_renders_as_text() {
        let hostile = "<script>alert(1)</script> opened the meeting.\n\
            “\"><img src=x onerror=alert(2)>” was all he said &amp; no more.\n\
            “</mark><script>alert(3)</script>,” the spokesman said.\n\
            He called it “' onmouseover='alert(4)” and left. <style>body{display:none}</style>";
        let html = report(hostile);
        for tag in tag_names(&html) {
            assert!(ALLOWED.contains(&tag.as_str()), "unexpected tag <{tag}>");
        }
        assert_eq!(html.matches("<script").count(), 0);
        assert_eq!(
            html.matches("<style").count(),
            1,
            "only the page's own style"
        );
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        // Where the scanner puts quote boundaries may split the text between tags; each
        // stretch between them is escaped.
        assert!(html.contains("&gt;&lt;img src=x onerror=alert(2)&gt;"));
        assert!(html.contains("&amp;amp; no more"));
        // Every `<` left in the page opens one of our tags; none carries an event handler.
        for tag in html
            .split('<')
            .skip(1)
            .map(|t| t.split('>').next().unwrap_or(""))
        {
            let lower = tag.to_ascii_lowercase();
            assert!(!lower.contains(" on"), "event handler in <{tag}>");
        }
        assert!(html.contains("default-src 'none'"));
    }

    #[test]
    fn hostile_speaker_names_cannot_leave_their_attribute() {
        let (doc, ex) = attributed(
            "“We will extend our invitation to Assad,” Erdogan said.",
            &[(1, "\" onfocus=\"alert(1)\" x=\"<b>", "trailing_cue", 0.9)],
        );
        let html = render(&Report::new(&doc, ex, Inputs::default()));
        assert!(
            html.contains("data-speaker=\"&quot; onfocus=&quot;alert(1)&quot; x=&quot;&lt;b&gt;\"")
        );
        assert!(!html.contains("onfocus=\"alert"));
    }

    #[test]
    fn bidi_overrides_in_names_speakers_and_quotes_are_shown_not_obeyed() {
        let (mut doc, ex) = attributed(
            "“Open Right\u{202e}gnp.exe now,” the spokesman said.",
            &[(1, "Ana\u{202e}ydnA", "trailing_cue", 0.9)],
        );
        doc.id = "report\u{202e}lmth.exe".into();
        let html = render(&Report::new(&doc, ex, Inputs::default()));
        assert!(
            !html.contains('\u{202e}'),
            "a raw override reached the page"
        );
        assert!(html.contains("Right[U+202E]gnp.exe"));
        assert!(html.contains("Ana[U+202E]ydnA"));
        assert!(html.contains("report[U+202E]lmth.exe"));
        assert!(html.contains("unicode-bidi:isolate"));
    }

    #[test]
    fn every_quote_is_a_focusable_mark_with_a_tooltip_and_a_label() {
        let (doc, ex) = attributed(
            "“We have an opportunity to discuss the entire range of our relations,” Putin said.\n\
             The ISIS “caliphate” has long fallen.\n\
             “Why would Erdogan and I meet?” he joked.",
            &[(1, "Vladimir Putin", "trailing_cue", 0.9)],
        );
        let html = render(&Report::new(&doc, ex, Inputs::default()));
        assert_eq!(html.matches("<mark ").count(), 3);
        assert_eq!(html.matches("tabindex=\"0\" data-quote=").count(), 3);
        assert!(
            html.contains("data-quote=\"1\" data-kind=\"direct\" data-speaker=\"Vladimir Putin\"")
        );
        assert!(html.contains("data-quote=\"2\" data-kind=\"term\" data-speaker=\"\""));
        assert!(html.contains("id=\"tip1\" role=\"tooltip\">#1 · direct<br>Speaker: Vladimir Putin<br>Cue: said<br>Method: trailing_cue<br>Confidence: 0.90"));
        assert!(html.contains("<span class=\"lbl\" aria-hidden=\"true\">1 Vladimir Putin</span>"));
        assert!(html.contains("<span class=\"lbl\" aria-hidden=\"true\">2 term</span>"));
        assert!(html.contains("<span class=\"lbl\" aria-hidden=\"true\">3 no speaker ⚑</span>"));
        // The words around the quotes are all there, in order.
        assert!(html.contains("</mark><span class=\"tip\""));
        assert!(html.contains("</span> Putin said.</p>"));
    }

    #[test]
    fn a_multi_paragraph_quote_is_marked_in_each_paragraph() {
        let text =
            "“The first part of what he said,\n“and the second part of it,” he said.\nAfter.";
        let html = report(text);
        assert_eq!(html.matches("data-quote=\"1\" data-kind").count(), 2);
        assert_eq!(html.matches(" cont\" data-quote=\"1\"").count(), 1);
        assert_eq!(html.matches("id=\"q1\"").count(), 1);
        assert!(html.contains("<p>After.</p>"));
    }

    #[test]
    fn speaker_table_lists_speakers_then_the_unattributed() {
        let (doc, ex) = attributed(
            "“We have an opportunity,” Putin said.\n“We will extend our invitation,” Erdogan said.\n“No comment,” a man said.",
            &[
                (1, "Vladimir Putin", "trailing_cue", 0.9),
                (2, "Recep Tayyip Erdogan", "trailing_cue", 0.9),
            ],
        );
        let html = render(&Report::new(&doc, ex, Inputs::default()));
        assert_eq!(html.matches("<tr class=\"speaker\">").count(), 2);
        assert!(html.contains(
            "Recep Tayyip Erdogan</th><td>1</td><td>5</td><td>45%</td><td>0</td><td>trailing_cue (1)</td>"
        ));
        assert!(html.contains("No speaker</th><td>1</td><td>2</td><td>18%</td><td>0</td>"));
        assert!(html.contains("<h3>Unattributed quotes (1)</h3>"));
    }

    #[test]
    fn the_header_and_the_flags_panel_count_the_same_flags() {
        let (doc, ex) = attributed(
            "“We have an opportunity,” Putin said.\n“No comment,” a man said.\n“We will see,” he said.",
            &[
                (1, "Vladimir Putin", "trailing_cue", 0.9),
                (3, "Vladimir Putin", "pronoun", 0.4),
            ],
        );
        let report = Report::new(&doc, ex, Inputs::default());
        let n = report.flag_count();
        let html = render(&report);
        let listed = html.matches("<li><span class=\"badge\">").count();
        assert_eq!(listed, n);
        assert!(html.contains(&format!("<h2 id=\"flags-h\">Flags ({n})</h2>")));
        assert!(html.contains(&format!(" · {n} flag")), "{html}");
        assert!(html.contains("3 quotes (3 direct, 0 partial, 0 terms) · 1 speaker · 2 flags"));
        // The panel is not a scroll box: it grows with its flags.
        assert!(!html.contains("overflow:auto") && !html.contains("max-height:16rem"));
    }

    #[test]
    fn an_empty_article_is_not_100_percent_of_anyone() {
        let html = report("The council met on Tuesday. Nobody spoke.");
        assert!(html.contains("All quotes from people</th><td>0</td><td>0</td><td>–</td>"));
        assert!(html.contains("0 quotes (0 direct, 0 partial, 0 terms) · 0 speakers · 0 flags"));
    }

    #[test]
    fn changed_and_unverified_quotes_show_the_word_diff_and_the_verdict() {
        use crate::review::compare::against_previous;
        use crate::review::{Verdict, VerdictStatus};
        let old = Document::new(
            "old.txt",
            "“We have an opportunity to discuss the entire range of our relations,” Putin said.\n\
             Assad applauded the “maturity” of the relationship.",
        );
        let new = Document::new(
            "new.txt",
            "“We have an opportunity to discuss the whole range of our relations,” Putin said.",
        );
        let ex = extract(&new);
        // The verdict as a verifier would give it: the page shows it, whoever decided it.
        let altered = Verdict {
            status: VerdictStatus::Altered,
            source: Some("kremlin.txt".into()),
            passage: None,
            detail: Some("92% of the words match a passage".into()),
        };
        let inputs = Inputs {
            previous: Some((
                "old.txt".into(),
                against_previous(&ex.quotes, &extract(&old).quotes),
            )),
            sources: Some((vec!["kremlin.txt".into()], vec![Some(altered)])),
            ..Inputs::default()
        };
        let html = render(&Report::new(&new, ex, inputs));
        assert!(html.contains("<h3>Changed since the previous version (1)</h3>"));
        assert!(html.contains(
            "<del><span class=\"sr\">removed: </span>entire</del> <ins><span class=\"sr\">added: </span>whole</ins>"
        ));
        assert!(html.contains("<li><span class=\"badge\">removed</span> was #2 “maturity”</li>"));
        assert!(html.contains("<h3>Not verified against the sources (1)</h3>"));
        assert!(
            html.contains("altered in kremlin.txt: 92% of the words match a passage"),
            "{html}"
        );
        assert!(html.contains("compared with <span class=\"doc\">old.txt</span>"));
    }

    proptest::proptest! {
        #[test]
        fn any_text_gives_only_our_tags_and_balanced_marks(
            text in "[a-zA-Z ,.:<>&;#/=\"'“”‘’«»„\n]{0,300}"
        ) {
            let html = report(&text);
            for tag in tag_names(&html) {
                proptest::prop_assert!(ALLOWED.contains(&tag.as_str()), "unexpected tag <{}>", tag);
            }
            proptest::prop_assert_eq!(html.matches("<mark ").count(), html.matches("</mark>").count());
            proptest::prop_assert_eq!(
                html.matches("<p>").count() + html.matches("<p ").count(),
                html.matches("</p>").count()
            );
        }
    }

    #[test]
    fn no_flags_says_so() {
        let html = report("Nothing quoted here.");
        assert!(html.contains("<p class=\"none\">No flags.</p>"));
        assert_eq!(html.matches("<mark ").count(), 0);
    }
}
