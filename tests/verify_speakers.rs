//! `verify` knows who spoke: speaker labels in plain, SRT, WebVTT and caption transcripts, the
//! `misattributed` verdict, and `speaker_checked` when the source cannot tell.
//!
//! The transit fixtures (fixtures/sources/transit/) are one council meeting in four forms and
//! an article quoting it; the small transcripts below are written for one label form each.

use assert_cmd::Command;
use quotecheck::Document;
use quotecheck::verify::source::{Source, SourceKind};
use quotecheck::verify::{Verdict, Verified, Verifier};

const DIR: &str = "fixtures/sources/transit";
const FORMS: [&str; 4] = [
    "meeting.txt",
    "meeting.srt",
    "meeting.vtt",
    "meeting-captions.srt",
];

fn load(name: &str) -> Source {
    Source::load(std::path::Path::new(&format!("{DIR}/{name}"))).unwrap()
}

fn article() -> Document {
    let path = format!("{DIR}/article.txt");
    Document::new(path.clone(), std::fs::read_to_string(path).unwrap())
}

fn check(source: Source, article: &str) -> Vec<Verified> {
    Verifier::new(vec![source]).verify_document(&Document::new("a.txt", article))
}

fn parse(name: &str, kind: SourceKind, text: &str) -> Source {
    Source::parse(name.into(), kind, text.into()).unwrap()
}

#[test]
fn a_quote_credited_to_the_wrong_speaker_is_misattributed_in_every_form() {
    for form in FORMS {
        let results = Verifier::new(vec![load(form)]).verify_document(&article());
        // “Ridership is at 91 percent,” Brandt said: Nakamura said it.
        let r = &results[3];
        assert_eq!(r.text, "Ridership is at 91 percent,");
        assert_eq!(r.speaker.as_deref(), Some("Eleanor Brandt"));
        assert_eq!(r.verdict, Verdict::Misattributed, "{form}: {r:?}");
        assert!(r.speaker_checked, "{form}");
        let credited = r.source_speaker.as_deref().unwrap_or("").to_lowercase();
        assert!(credited.contains("nakamura"), "{form}: {credited}");
        assert_eq!(r.stretches[0].speaker, r.source_speaker, "{form}");
        assert!(!r.passes());
        // Quotes the speakers really said pass, checked.
        for i in [0, 9] {
            let r = &results[i];
            assert_eq!(r.verdict, Verdict::Exact, "{form} #{}: {r:?}", r.index);
            assert!(r.speaker_checked, "{form} #{}", r.index);
        }
        // The fabricated quote is not found, and so not checked against anyone.
        let last = results.last().unwrap();
        assert_eq!(last.verdict, Verdict::NotFound, "{form}");
        assert!(!last.speaker_checked && last.source_speaker.is_none());
    }
}

#[test]
fn every_form_credits_the_same_speakers() {
    let credited = |form: &str| -> Vec<(Verdict, String)> {
        Verifier::new(vec![load(form)])
            .verify_document(&article())
            .into_iter()
            .map(|r| {
                let who = r.source_speaker.unwrap_or_default().to_lowercase();
                let surname = who.rsplit(' ').next().unwrap_or("").to_string();
                (r.verdict, surname)
            })
            .collect()
    };
    let plain = credited(FORMS[0]);
    for form in &FORMS[1..] {
        assert_eq!(credited(form), plain, "{form}");
    }
}

#[test]
fn plain_text_name_and_surname_labels() {
    let transcript = "Ken Nakamura: Ridership is at 91 percent of what it was before the pandemic.\n\
        Eleanor Brandt: We will not cut the night routes this year.\n\
        Thank you all for coming out tonight.\n";
    let article = "“Ridership is at 91 percent,” Mayor Eleanor Brandt said. \
        “We will not cut the night routes this year,” Brandt said. \
        “Thank you all for coming out tonight,” Ken Nakamura said.";
    let r = check(Source::text("t.txt", transcript), article);
    assert_eq!(r[0].verdict, Verdict::Misattributed, "{:?}", r[0]);
    assert_eq!(r[0].source_speaker.as_deref(), Some("Ken Nakamura"));
    assert_eq!(r[1].verdict, Verdict::Exact, "{:?}", r[1]);
    // A line without a label continues Brandt's turn.
    assert_eq!(r[2].verdict, Verdict::Misattributed, "{:?}", r[2]);
    assert_eq!(r[2].source_speaker.as_deref(), Some("Eleanor Brandt"));
}

#[test]
fn broadcast_caption_chevrons() {
    let captions = "1\n00:00:01,000 --> 00:00:04,000\n>> SEN. ELIZABETH WARREN: The bank's own \
        documents show it knew.\n\n2\n00:00:04,500 --> 00:00:07,000\n>> We were never told about the \
        fees, never.\n\n3\n00:00:07,500 --> 00:00:10,000\n>> WARREN: That is exactly my point.\n";
    let article = "“The bank's own documents show it knew,” Warren said. \
        “That is exactly my point,” Sen. Elizabeth Warren said. \
        “We were never told about the fees,” Warren said.";
    let r = check(parse("c.srt", SourceKind::Srt, captions), article);
    assert_eq!(r[0].verdict, Verdict::Exact, "{:?}", r[0]);
    assert!(r[0].speaker_checked);
    assert_eq!(r[1].verdict, Verdict::Exact, "{:?}", r[1]);
    // A bare >> is another speaker, unnamed: the credit cannot be checked.
    assert_eq!(r[2].verdict, Verdict::Exact, "{:?}", r[2]);
    assert!(!r[2].speaker_checked);
    assert_eq!(r[2].source_speaker.as_deref(), Some(">>"));
}

#[test]
fn srt_bracket_and_parenthesis_labels() {
    let srt = "1\n00:00:01,000 --> 00:00:04,000\n[Nakamura] Nobody rides the night buses for fun.\n\n\
        2\n00:00:04,500 --> 00:00:07,000\n(Brandt) The routes stay, whatever it costs.\n\n\
        3\n00:00:07,500 --> 00:00:09,000\n[applause]\n";
    let article = "“Nobody rides the night buses for fun,” Ken Nakamura said. \
        “The routes stay, whatever it costs,” Nakamura said.";
    let r = check(parse("s.srt", SourceKind::Srt, srt), article);
    assert_eq!(r[0].verdict, Verdict::Exact, "{:?}", r[0]);
    assert_eq!(r[1].verdict, Verdict::Misattributed, "{:?}", r[1]);
    assert_eq!(r[1].source_speaker.as_deref(), Some("Brandt"));
}

#[test]
fn vtt_voice_tags_with_classes() {
    let vtt = "WEBVTT\n\n00:01.000 --> 00:04.000\n<v.loud Eleanor Brandt>We will not cut the night \
        routes this year.</v>\n\n00:04.500 --> 00:06.000\nAnd I mean that.\n\n00:06.500 --> \
        00:09.000\n<v Ken Nakamura>The fare machines are being replaced in the autumn.</v>\n";
    let article = "“We will not cut the night routes this year,” Brandt said. \
        “And I mean that,” the mayor, Eleanor Brandt, said. \
        “The fare machines are being replaced in the autumn,” Eleanor Brandt said.";
    let r = check(parse("v.vtt", SourceKind::Vtt, vtt), article);
    assert_eq!(r[0].verdict, Verdict::Exact, "{:?}", r[0]);
    assert_eq!(r[1].verdict, Verdict::Exact, "{:?}", r[1]);
    assert_eq!(r[1].source_speaker.as_deref(), Some("Eleanor Brandt"));
    assert_eq!(r[2].verdict, Verdict::Misattributed, "{:?}", r[2]);
}

#[test]
fn a_source_without_labels_says_the_speaker_was_not_checked() {
    let transcript = "Ridership is at 91 percent of what it was before the pandemic. \
        We will not cut the night routes this year.";
    let article = "“Ridership is at 91 percent,” Mayor Eleanor Brandt said.";
    let r = check(Source::text("t.txt", transcript), article);
    assert_eq!(r[0].verdict, Verdict::Exact, "{:?}", r[0]);
    assert!(!r[0].speaker_checked);
    assert_eq!(r[0].source_speaker, None);
    // An unnamed label (Q:) has a speaker but no name to check against.
    let transcript = "Q: Ridership is at 91 percent of what it was, is it not?\n\
        BRANDT: It is, and we will not cut the night routes this year.\n";
    let article = "“Ridership is at 91 percent of what it was,” Brandt said.";
    let r = check(Source::text("t.txt", transcript), article);
    assert_eq!(r[0].verdict, Verdict::Exact, "{:?}", r[0]);
    assert!(!r[0].speaker_checked);
    assert_eq!(r[0].source_speaker.as_deref(), Some("Q"));
}

#[test]
fn misattributed_fails_the_run_and_names_the_source_speaker() {
    let out = Command::cargo_bin("quotecheck")
        .unwrap()
        .args([
            "verify",
            &format!("{DIR}/article.txt"),
            "--source",
            &format!("{DIR}/meeting.vtt"),
            "--format",
            "text",
        ])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.contains("misattributed") && text.contains("the source credits Ken Nakamura"),
        "{text}"
    );
    // The source's wording is shown for a quote that is not exact.
    assert!(
        text.contains("source: “Ridership is at 91 percent”"),
        "{text}"
    );
}

#[test]
fn the_transit_story_gets_the_verdicts_its_readme_lists() {
    use quotecheck::verify::variants::Difference::*;
    let expected = [
        (Verdict::Exact, vec![]),
        (Verdict::Cosmetic, vec![Contraction]),
        (Verdict::Bracketed, vec![]),
        (Verdict::Misattributed, vec![]),
        (Verdict::Cosmetic, vec![Spelling]),
        (Verdict::Cosmetic, vec![Contraction]),
        (Verdict::Cosmetic, vec![Number]),
        (Verdict::Spliced, vec![]),
        (Verdict::Cosmetic, vec![Contraction]),
        (Verdict::Exact, vec![]),
        (Verdict::Altered, vec![]),
        (Verdict::Altered, vec![]),
        (Verdict::Cosmetic, vec![Spelling]),
        (Verdict::NotFound, vec![]),
    ];
    for form in FORMS {
        let results = Verifier::new(vec![load(form)]).verify_document(&article());
        assert_eq!(results.len(), expected.len(), "{form}");
        for (r, (verdict, kinds)) in results.iter().zip(&expected) {
            assert_eq!(r.verdict, *verdict, "{form} #{}: {:?}", r.index, r.diff);
            if r.verdict == Verdict::Cosmetic {
                assert_eq!(&r.differences, kinds, "{form} #{}", r.index);
            }
        }
        // The dropped "only" is a change of meaning, never cosmetic.
        assert!(results[11].flags.iter().any(|f| f == "meaning"), "{form}");
        // The splice names both places.
        assert_eq!(results[7].stretches.len(), 2, "{form}");
        assert!(results[7].stretches[0].end < results[7].stretches[1].start);
    }
}

#[test]
fn a_bracket_at_the_start_replacing_source_words_is_bracketed() {
    let transcript = "BRANDT: The buses do not run on good intentions. They run on drivers.\n";
    let r = check(
        Source::text("t.txt", transcript),
        "“[The buses] don’t run on good intentions,” Brandt said. \
         “[The buses] run on drivers,” she said.",
    );
    assert_eq!(r[0].verdict, Verdict::Bracketed, "{:?}", r[0].diff);
    assert_eq!(r[1].verdict, Verdict::Bracketed, "{:?}", r[1].diff);
    assert!(r[0].speaker_checked && r[1].speaker_checked);
}
