//! Attribution on whole paragraphs of real-world shape: the fixture's hard cases by name.

use crate::Document;
use crate::extract::extract;

fn speakers(text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    extract(&Document::new("t", text))
        .quotes
        .into_iter()
        .map(|q| (q.text, q.speaker, q.method))
        .collect()
}

fn speaker_of(text: &str, quote: &str) -> Option<String> {
    speakers(text)
        .into_iter()
        .find(|(t, _, _)| t.contains(quote))
        .and_then(|(_, s, _)| s)
}

#[test]
fn pronoun_resolves_to_subject_not_last_name() {
    let text = "More recently, in a television interview, Bashar Assad rejected the idea of meeting Recep Tayyip Erdogan on the grounds that the Turkish leader had shown no inclination to leave.\n“Why would Erdogan and I meet? To have soft drinks together?” he joked.";
    assert_eq!(
        speaker_of(text, "soft drinks").as_deref(),
        Some("Bashar Assad")
    );
}

#[test]
fn report_of_a_report_credits_the_speaker_not_the_outlet() {
    let text = "Vladimir Putin met the delegation. SANA reported that Putin also highlighted “promising opportunities for trade” between the two countries.";
    assert_eq!(
        speaker_of(text, "promising").as_deref(),
        Some("Vladimir Putin")
    );
}

#[test]
fn second_quote_continues_the_speaker() {
    let text = "Recep Tayyip Erdogan spoke in July.\n“We will extend our invitation to Assad,” he said in an interview. “We have now arrived at a point where we can talk.”";
    let s = speakers(text);
    assert_eq!(s[1].1.as_deref(), Some("Recep Tayyip Erdogan"));
    assert_eq!(s[1].2.as_deref(), Some("continuation"));
}

#[test]
fn inverted_cue_with_title_and_appositive() {
    let text = "“Donald Trump is a disgusting fraud,” said Rep. G.K. Butterfield (D-N.C.), head of the Congressional Black Caucus.";
    assert_eq!(
        speaker_of(text, "fraud").as_deref(),
        Some("G.K. Butterfield")
    );
}

#[test]
fn terms_get_no_speaker() {
    let text = "As of 2024, the “caliphate” has long fallen and Assad controls most of Syria.";
    assert_eq!(speakers(text)[0].1, None);
}

#[test]
fn unattributed_quote_is_flagged() {
    let text = "The sign on the door read “Closed for the season. Come back in spring.”";
    let q = extract(&Document::new("t", text)).quotes;
    assert!(q[0].speaker.is_none());
    assert!(q[0].flags.contains(&crate::Flag::Unattributed));
}

#[test]
fn colon_at_the_end_of_the_paragraph_before() {
    let text = "Donald Trump used the example of Chicago. He said:\n\n“We have a situation where we have our inner cities living in hell.”";
    assert_eq!(
        speaker_of(text, "inner cities").as_deref(),
        Some("Donald Trump")
    );
}

#[test]
fn trailing_attribution_after_a_title_and_description() {
    let text = "“I will just make this promise to you: We will achieve justice in this case,” Tulsa police Chief Chuck Jordan said Monday.";
    assert_eq!(speaker_of(text, "promise").as_deref(), Some("Chuck Jordan"));
    let text = "“It was the least bad outcome,” Mr. Morgan of the Sierra Club said.";
    assert_eq!(speaker_of(text, "least bad").as_deref(), Some("Mr. Morgan"));
    let text = "“We cannot have people come here,” Rep. John Mica (R-Fla.) said.";
    assert_eq!(speaker_of(text, "come here").as_deref(), Some("John Mica"));
}

#[test]
fn attribution_later_in_the_sentence() {
    let text = "Elizabeth Warren spoke at length. “The only way Wall Street will change will be if executives face jail time” for criminal behavior, she said.";
    assert_eq!(
        speaker_of(text, "Wall Street").as_deref(),
        Some("Elizabeth Warren")
    );
}

#[test]
fn partial_quote_belongs_to_the_sentence_subject() {
    let text = "Ted Cruz spoke at the convention in July. Cruz exhorted Republicans to “vote your conscience” and left the stage.";
    assert_eq!(speaker_of(text, "conscience").as_deref(), Some("Ted Cruz"));
}

#[test]
fn sentence_subject_needs_a_verb() {
    // No verb confirms a subject before the quote: the scare quote's sentence names nobody.
    let text = "The chaos of the war led to the rise of the Islamic State (ISIS) and its so-called “caliphate” across the region.";
    assert_eq!(speakers(text)[0].1, None);
}

#[test]
fn inverted_cue_at_the_start_of_a_sentence() {
    let text = "Tax experts disagree. Said Ryan Ellis: “I don’t get the sense she’s the least bit interested in tax reform.”";
    assert_eq!(
        speaker_of(text, "tax reform").as_deref(),
        Some("Ryan Ellis")
    );
}

#[test]
fn a_title_case_headline_does_not_lend_names() {
    let text = "Gold Star Mom Corners Obama on Islamic Terror\n“Do I think it is a huge deal? No,” said Obama.";
    assert_eq!(speaker_of(text, "huge deal").as_deref(), Some("Obama"));
}

#[test]
fn a_news_sentence_with_many_names_is_not_a_headline() {
    let text = "Russian President Vladimir Putin welcomed Syrian President Bashar Assad to the Kremlin on Wednesday evening.\n“We have an opportunity,” Putin said.";
    assert_eq!(
        speaker_of(text, "opportunity").as_deref(),
        Some("Vladimir Putin")
    );
}

#[test]
fn she_agrees_with_a_womans_first_name() {
    let text = "Donald Trump attacked Hillary Clinton over her emails on Friday. Hillary Clinton answered at a rally.\n“He has no idea what he is talking about,” she said.";
    assert_eq!(
        speaker_of(text, "no idea").as_deref(),
        Some("Hillary Clinton")
    );
    let text = "Hillary Clinton spoke first and Donald Trump followed her to the podium.\n“We will win,” he said.";
    assert_eq!(
        speaker_of(text, "We will win").as_deref(),
        Some("Donald Trump")
    );
}

#[test]
fn a_titled_mention_keeps_to_its_gender() {
    let text = "Bill Clinton and Hillary Clinton arrived together. Bill Clinton spoke first.\n“We are ready,” Mrs. Clinton said.";
    assert_eq!(
        speaker_of(text, "ready").as_deref(),
        Some("Hillary Clinton")
    );
}

#[test]
fn a_quote_that_ends_its_sentence_does_not_take_the_next_sentences_subject() {
    let text = "Senator Elizabeth Warren said the bank's chief had shown “gutless leadership.” Senator Pat Toomey called the hearing a “show trial” for the cameras.";
    assert_eq!(
        speaker_of(text, "gutless").as_deref(),
        Some("Elizabeth Warren")
    );
    assert_eq!(
        speaker_of(text, "show trial").as_deref(),
        Some("Pat Toomey")
    );
}

#[test]
fn a_bare_attribution_after_a_full_stop_still_counts() {
    let text = "The talks stalled on Friday.\n\n“We will not sign this agreement.” Lopez said in a statement.";
    assert_eq!(speaker_of(text, "agreement").as_deref(), Some("Lopez"));
}

#[test]
fn a_role_description_refers_back_to_the_person() {
    let text = "Rep. Adam Schiff spoke to reporters on Thursday after the briefing.\n\nThe intrusions were meant to “sow discord,” the California congressman said.";
    assert_eq!(
        speaker_of(text, "sow discord").as_deref(),
        Some("Adam Schiff")
    );
}

#[test]
fn a_long_description_is_one_mention() {
    let text =
        "The former first lady and U.S. senator said it was “a mistake” to use a private server.";
    let quotes = extract(&Document::new("t", text)).quotes;
    assert_eq!(
        quotes[0].mention.as_deref(),
        Some("The former first lady and U.S. senator")
    );
}

#[test]
fn a_quote_sentence_after_a_reporting_sentence_is_its_subjects() {
    let text = "His former business partner, Lawrence Cummings, called him a master at impossible deals. “He showed again and again an ability to close what others couldn't.”";
    assert_eq!(
        speaker_of(text, "showed again").as_deref(),
        Some("Lawrence Cummings")
    );
}

#[test]
fn a_quote_sentence_after_narration_without_a_cue_stays_unattributed() {
    let text = "The plant closed in 1999 after years of losses. “It was the end of an era.”";
    assert_eq!(speaker_of(text, "end of an era"), None);
}

#[test]
fn a_dash_signature_after_a_no_break_space_names_the_writer() {
    let text = "“He makes blanket statements about people he knows nothing about.”― Ana Ruiz\u{a0}\n“How did we get this low?”\u{a0}― Maria Lopez\u{a0}\n";
    assert_eq!(speaker_of(text, "this low").as_deref(), Some("Maria Lopez"));
}

#[test]
fn an_office_is_not_part_of_the_name() {
    let text = "Secretary of State John F. Kerry said the United States would take “robust steps” in response, and he urged the North to return to talks.";
    assert_eq!(speaker_of(text, "robust").as_deref(), Some("John F. Kerry"));
}

#[test]
fn according_to_in_the_next_sentence_does_not_count() {
    let text = "Hillary Clinton chimed in on Twitter, saying that officials should release the videos “without delay.” Clinton plans to visit on Sunday, according to a campaign aide.";
    assert_eq!(
        speaker_of(text, "without delay").as_deref(),
        Some("Hillary Clinton")
    );
}

#[test]
fn an_opening_with_phrase_does_not_govern_the_quote() {
    let text = "With Democratic leaders increasingly worried about turnout, President Obama is rolling out a new and more personal message: “It's about me.”";
    assert_eq!(speaker_of(text, "about me").as_deref(), Some("Obama"));
}

#[test]
fn the_writers_first_person_is_a_mention_without_a_name() {
    let q = extract(&Document::new(
        "t",
        "When my mother mentioned the devil, I laughed and said, “I don't believe in the devil.”",
    ))
    .quotes;
    assert_eq!(q[0].mention.as_deref(), Some("I"));
    assert_eq!(q[0].speaker, None);
}

#[test]
fn a_group_opening_the_clause_is_the_subject() {
    let text = "Democrats also blasted the committee for failing to make clear that the immunity was only “partial,” meaning it protected them from charges.";
    let q = extract(&Document::new("t", text)).quotes;
    assert_eq!(q[0].mention.as_deref(), Some("Democrats"));
}

#[test]
fn a_description_with_a_group_adjective_opens_a_subject() {
    let text = "The Republican nominee also outlined his plan and vowed to punish “those who violate classification rules.”";
    let q = extract(&Document::new("t", text)).quotes;
    assert_eq!(q[0].mention.as_deref(), Some("The Republican nominee"));
}

#[test]
fn a_person_relaying_the_words_is_the_source() {
    let text = "“You've been very critical of me,” he told Sen. Jeff Flake, according to officials with knowledge of the meeting.";
    let q = extract(&Document::new("t", text)).quotes;
    assert_eq!(q[0].mention.as_deref(), Some("officials"));
}

#[test]
fn an_outlet_passing_the_words_on_is_not() {
    let text = "“I'll be voting on March 1,” Peter Welch said, according to Vermont Public Radio.";
    assert_eq!(speaker_of(text, "voting").as_deref(), Some("Peter Welch"));
}

#[test]
fn an_interviewer_pressing_is_a_cue() {
    let text = "“Would it be negotiable about the 11 million?” the host pressed. “Maybe let some people stay?”";
    assert_eq!(speaker_of(text, "negotiable").as_deref(), Some("the host"));
}
