//! A story's versions: which quote of a new version is which quote of the previous one
//! (so decisions follow it), what changed, and the quotes with an editor's decisions applied.
//!
//! Alignment is the crate's [`quotecheck::diff`]: a quote it matches keeps the previous
//! quote's stable `quote_id`; a quote it does not match gets a fresh id, never one the story
//! already used (a decision made on a removed quote must not land on an unrelated new one).

use std::collections::{HashMap, HashSet};

use quotecheck::Quote;
use quotecheck::diff::{self, Change, Status};
use serde::Serialize;

/// A stored quote: its stable id and the record extraction made.
#[derive(Clone, Debug)]
pub struct Stored {
    /// Stable across the story's versions while the alignment matches the quote.
    pub quote_id: String,
    /// The record as extracted from this version.
    pub quote: Quote,
}

/// Gives each of `new` a quote id: the id of the `previous` quote the alignment matches it
/// with, else a fresh one not in `taken` (every id the story has used).
pub fn identify(previous: &[Stored], new: &[Quote], taken: &HashSet<String>) -> Vec<String> {
    let old: Vec<Quote> = previous.iter().map(|s| s.quote.clone()).collect();
    let by_index: HashMap<usize, &str> = previous
        .iter()
        .map(|s| (s.quote.index, s.quote_id.as_str()))
        .collect();
    let series = diff::diff_series(
        &[
            diff::Version {
                name: Some("previous"),
                quotes: &old,
            },
            diff::Version {
                name: Some("new"),
                quotes: new,
            },
        ],
        &diff::Options::default(),
    );
    let mut carried: HashMap<usize, String> = HashMap::new();
    for h in &series.history {
        if let (Some(Some(was)), Some(Some(now))) = (h.versions.first(), h.versions.get(1))
            && let Some(id) = by_index.get(&was.index)
        {
            carried.insert(now.index, (*id).to_string());
        }
    }
    let fresh: HashMap<usize, String> = series
        .history
        .iter()
        .filter_map(|h| Some((h.versions.get(1)?.as_ref()?.index, h.id.clone())))
        .collect();
    let mut used: HashSet<String> = taken.clone();
    new.iter()
        .map(|q| {
            if let Some(id) = carried.get(&q.index) {
                return id.clone();
            }
            let base = fresh
                .get(&q.index)
                .cloned()
                .unwrap_or_else(|| format!("q{}", q.index));
            let mut id = base.clone();
            let mut n = 1;
            while used.contains(&id) {
                n += 1;
                id = format!("{base}-v{n}");
            }
            used.insert(id.clone());
            id
        })
        .collect()
}

/// One quote's change since the previous version, in the editor's words.
#[derive(Clone, Debug, Serialize)]
pub struct QuoteChange {
    /// The quote's stable id (for a removed quote, the id it had).
    pub quote_id: String,
    /// `reworded`, `reattributed`, `removed`, `added`, or `edited` for any other change
    /// `diff` reports (cosmetic, cue, kind, position, split, merged).
    pub what: Vec<&'static str>,
    /// `diff`'s status and changes, as `quotecheck diff` names them.
    pub status: Status,
    /// See [`QuoteChange::status`].
    pub changes: Vec<Change>,
    /// The previous version's text and speaker (absent when added).
    pub previous_text: Option<String>,
    /// See [`QuoteChange::previous_text`].
    pub previous_speaker: Option<String>,
    /// This version's text and speaker (absent when removed).
    pub text: Option<String>,
    /// See [`QuoteChange::text`].
    pub speaker: Option<String>,
}

/// What changed from `previous` to `current` (both as stored); unchanged quotes are left out.
pub fn changes(previous: &[Stored], current: &[Stored]) -> Vec<QuoteChange> {
    let old: Vec<Quote> = previous.iter().map(|s| s.quote.clone()).collect();
    let new: Vec<Quote> = current.iter().map(|s| s.quote.clone()).collect();
    let old_ids: HashMap<usize, &str> = previous
        .iter()
        .map(|s| (s.quote.index, s.quote_id.as_str()))
        .collect();
    let new_ids: HashMap<usize, &str> = current
        .iter()
        .map(|s| (s.quote.index, s.quote_id.as_str()))
        .collect();
    let d = diff::diff("previous", &old, "current", &new, &diff::Options::default());
    d.pairs
        .into_iter()
        .filter(|p| p.status != Status::Unchanged)
        .map(|p| {
            let quote_id = match (&p.new, &p.old) {
                (Some(q), _) => new_ids.get(&q.index),
                (None, Some(q)) => old_ids.get(&q.index),
                (None, None) => None,
            }
            .map_or_else(|| p.id.clone(), |s| (*s).to_string());
            let mut what = Vec::new();
            match p.status {
                Status::Added => what.push("added"),
                Status::Removed => what.push("removed"),
                _ => {
                    if p.changes.contains(&Change::Wording) {
                        what.push("reworded");
                    }
                    if p.changes.contains(&Change::Speaker) {
                        what.push("reattributed");
                    }
                    if what.is_empty() {
                        what.push("edited");
                    }
                }
            }
            QuoteChange {
                quote_id,
                what,
                status: p.status,
                changes: p.changes,
                previous_text: p.old.as_ref().map(|q| q.text.clone()),
                previous_speaker: p.old.and_then(|q| q.speaker),
                text: p.new.as_ref().map(|q| q.text.clone()),
                speaker: p.new.and_then(|q| q.speaker),
            }
        })
        .collect()
}

/// A quote as the editor sees it: the record's fields (JSON) with the story's decisions
/// applied, plus `quote_id`, `status`, `note`, `editor_set` (the fields an editor set, in
/// [`super::store::FIELDS`] order), `decisions` (who set each, when, on which version) and
/// `extracted` (what extraction said, for each field an editor overrode).
pub fn applied(
    stored: &Stored,
    decided: Option<&HashMap<String, super::store::Decision>>,
) -> serde_json::Map<String, serde_json::Value> {
    use serde_json::Value;
    let mut map = match serde_json::to_value(&stored.quote) {
        Ok(Value::Object(m)) => m,
        _ => serde_json::Map::new(),
    };
    let mut extracted = serde_json::Map::new();
    let mut editor_set = Vec::new();
    let empty = HashMap::new();
    let decided = decided.unwrap_or(&empty);
    for field in super::store::FIELDS {
        let Some(d) = decided.get(field) else {
            continue;
        };
        editor_set.push(Value::from(field));
        if field == "speaker" || field == "kind" {
            extracted.insert(field.into(), map.get(field).cloned().unwrap_or(Value::Null));
        }
        map.insert(
            field.into(),
            d.value.clone().map_or(Value::Null, Value::String),
        );
    }
    if decided.contains_key("speaker") && extracted.get("speaker") != map.get("speaker") {
        // What extraction said about its speaker (type, role) does not describe the
        // editor's: it moves to `extracted`.
        for field in ["speaker_type", "role"] {
            if let Some(v) = map.get_mut(field)
                && !v.is_null()
            {
                extracted.insert(field.into(), v.take());
            }
        }
    }
    if decided.contains_key("speaker") {
        // The editor named the speaker (or said there is none): extraction's doubts about
        // it no longer apply.
        let none = map.get("speaker").is_none_or(Value::is_null);
        if let Some(Value::Array(flags)) = map.get_mut("flags") {
            flags.retain(|f| f != "unattributed" && f != "ambiguous");
            if none {
                flags.push("unattributed".into());
            }
        }
    }
    let low = !decided.contains_key("speaker")
        && stored
            .quote
            .confidence
            .is_some_and(|c| c < quotecheck::review::LOW_CONFIDENCE);
    map.entry("status").or_insert_with(|| "unchecked".into());
    map.entry("note").or_insert(Value::Null);
    map.insert("quote_id".into(), stored.quote_id.clone().into());
    map.insert("low_confidence".into(), low.into());
    map.insert("editor_set".into(), Value::Array(editor_set));
    map.insert(
        "decisions".into(),
        serde_json::to_value(decided).unwrap_or(Value::Null),
    );
    map.insert("extracted".into(), Value::Object(extracted));
    map
}

#[cfg(test)]
mod tests {
    use super::*;
    use quotecheck::{Document, extract};

    fn stored(text: &str) -> Vec<Stored> {
        let quotes = extract(&Document::new("v1", text)).quotes;
        let ids = identify(&[], &quotes, &HashSet::new());
        ids.into_iter()
            .zip(quotes)
            .map(|(quote_id, quote)| Stored { quote_id, quote })
            .collect()
    }

    const V1: &str = "“We have an opportunity to end this war,” Putin said on Tuesday.\n\
        The foreign minister, Sergei Lavrov, added: “Nobody will be allowed to stand in our way.”\n\
        “It is a fake,” said Dmitry Peskov, the Kremlin spokesman.";

    #[test]
    fn a_reworded_quote_keeps_its_id_and_a_removed_one_is_reported() {
        let v1 = stored(V1);
        assert_eq!(v1.len(), 3);
        let v2_text = "“We have a real chance to end this war,” Putin said on Tuesday.\n\
            “It is a fake,” said Dmitry Peskov, the Kremlin spokesman.";
        let new = extract(&Document::new("v2", v2_text)).quotes;
        let taken: HashSet<String> = v1.iter().map(|s| s.quote_id.clone()).collect();
        let ids = identify(&v1, &new, &taken);
        assert_eq!(ids[0], v1[0].quote_id, "reworded quote keeps its id");
        assert_eq!(ids[1], v1[2].quote_id, "unchanged quote keeps its id");
        let v2: Vec<Stored> = ids
            .into_iter()
            .zip(new)
            .map(|(quote_id, quote)| Stored { quote_id, quote })
            .collect();
        let changes = changes(&v1, &v2);
        let reworded = changes
            .iter()
            .find(|c| c.what.contains(&"reworded"))
            .unwrap();
        assert_eq!(reworded.quote_id, v1[0].quote_id);
        let removed = changes.iter().find(|c| c.what == ["removed"]).unwrap();
        assert_eq!(removed.quote_id, v1[1].quote_id);
        assert_eq!(changes.len(), 2, "the unchanged quote is not listed");
    }

    #[test]
    fn a_new_quote_never_takes_an_id_the_story_already_used() {
        let v1 = stored(V1);
        let taken: HashSet<String> = v1.iter().map(|s| s.quote_id.clone()).collect();
        // The second quote comes back after a version without it: a fresh id.
        let new = extract(&Document::new("v3", V1)).quotes;
        let ids = identify(&[], &new, &taken);
        for id in &ids {
            assert!(!taken.contains(id), "{id} reused");
        }
    }

    fn decision(value: Option<&str>) -> super::super::store::Decision {
        super::super::store::Decision {
            value: value.map(str::to_string),
            editor: "Ana".into(),
            at: "2026-01-01T00:00:00.000Z".into(),
            version: 1,
        }
    }

    #[test]
    fn a_corrected_speaker_replaces_extraction_and_says_so() {
        let v1 = stored(V1);
        let mut decided = HashMap::new();
        decided.insert("speaker".to_string(), decision(Some("Dmitry Peskov")));
        let q = applied(&v1[0], Some(&decided));
        assert_eq!(q["speaker"], "Dmitry Peskov");
        assert_eq!(q["extracted"]["speaker"], "Putin");
        assert_eq!(q["editor_set"], serde_json::json!(["speaker"]));
        assert_eq!(q["status"], "unchecked");
        assert_eq!(q["low_confidence"], false);
        let untouched = applied(&v1[1], None);
        assert_eq!(untouched["editor_set"], serde_json::json!([]));
        assert_eq!(untouched["speaker"], serde_json::json!(v1[1].quote.speaker));
    }

    #[test]
    fn saying_a_quote_has_no_speaker_flags_it_unattributed() {
        let v1 = stored(V1);
        let mut decided = HashMap::new();
        decided.insert("speaker".to_string(), decision(None));
        let q = applied(&v1[2], Some(&decided));
        assert!(q["speaker"].is_null());
        assert_eq!(q["flags"], serde_json::json!(["unattributed"]));
    }
}
