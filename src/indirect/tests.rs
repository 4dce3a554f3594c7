//! Reported speech on news sentences: each shape the issue names, and what must not fire.

use crate::document::Document;
use crate::extract::{Options, extract_with};
use crate::kind::Kind;
use crate::record::Quote;

pub(super) fn reported(text: &str) -> Vec<Quote> {
    let options = Options {
        indirect: true,
        ..Options::default()
    };
    extract_with(&Document::new("t", text), &options)
        .quotes
        .into_iter()
        .filter(|q| q.kind == Kind::Indirect)
        .collect()
}

/// The one record's (content, mention, speaker).
fn one(text: &str) -> (String, String, Option<String>) {
    let got = reported(text);
    assert_eq!(got.len(), 1, "{text}: {got:#?}");
    let q = &got[0];
    (
        q.text.clone(),
        q.mention.clone().unwrap_or_default(),
        q.speaker.clone(),
    )
}

#[test]
fn x_said_c_with_an_appositive_subject() {
    let (content, mention, speaker) = one(
        "Erin Murphy, a former Clinton aide who accompanied her to Burma in 2011, said McConnell's trip was perhaps more important than Clinton's.",
    );
    assert_eq!(
        content,
        "McConnell's trip was perhaps more important than Clinton's"
    );
    assert_eq!(mention, "Erin Murphy");
    assert_eq!(speaker.as_deref(), Some("Erin Murphy"));
}

#[test]
fn x_said_that_c_keeps_the_complementiser() {
    let (content, mention, _) =
        one("The Saudis have said for years that they would support the release of the pages.");
    assert_eq!(content, "that they would support the release of the pages");
    assert_eq!(mention, "Saudis");
}

#[test]
fn x_said_on_a_day_c() {
    let (content, _, speaker) = one(
        "Top Republican Party donor Sheldon Adelson said on Friday he met presidential candidate Donald Trump earlier this week.",
    );
    assert_eq!(
        content,
        "he met presidential candidate Donald Trump earlier this week"
    );
    assert_eq!(speaker.as_deref(), Some("Sheldon Adelson"));
}

#[test]
fn c_comma_x_said() {
    let (content, mention, _) =
        one("Fundraising has surged in the same period, campaign officials said on Tuesday.");
    assert_eq!(content, "Fundraising has surged in the same period");
    assert_eq!(mention, "campaign officials");
    let (content, mention, _) =
        one("Shoukair was kind and responsible, said a Cairo airport official.");
    assert_eq!(content, "Shoukair was kind and responsible");
    assert_eq!(mention, "a Cairo airport official");
}

#[test]
fn an_attribution_inside_the_sentence_reports_all_of_it() {
    let (content, mention, _) =
        one("Those who now have the right to vote, he said, must still register to do so.");
    assert_eq!(
        content,
        "Those who now have the right to vote, he said, must still register to do so"
    );
    assert_eq!(mention, "he");
}

#[test]
fn x_told_y_that_c() {
    let (content, _, speaker) = one(
        "Carter’s press secretary, Peter Cook, told the Times that Carter believes his use of personal email was a mistake.",
    );
    assert_eq!(
        content,
        "that Carter believes his use of personal email was a mistake"
    );
    assert_eq!(speaker.as_deref(), Some("Peter Cook"));
    let (content, _, _) = one("A former aide told reporters the campaign had run out of money.");
    assert_eq!(content, "the campaign had run out of money");
}

#[test]
fn according_to_x_c_and_c_according_to_x() {
    let (content, mention, _) =
        one("According to the campaign, fundraising has surged in the same period.");
    assert_eq!(content, "fundraising has surged in the same period");
    assert_eq!(mention, "the campaign");
    let (content, _, _) = one(
        "The biggest prize in labor endorsements won’t be doled out next week, according to an email from the president of the federation.",
    );
    assert_eq!(
        content,
        "The biggest prize in labor endorsements won’t be doled out next week"
    );
}

#[test]
fn other_verbs_of_speech() {
    for (text, content) in [
        (
            "Devine acknowledged that it will be very difficult to persuade superdelegates to switch allegiances.",
            "that it will be very difficult to persuade superdelegates to switch allegiances",
        ),
        (
            "Senate Republican leaders have insisted they won't consider an Obama nominee to the Supreme Court.",
            "they won't consider an Obama nominee to the Supreme Court",
        ),
        (
            "The governor warned that the state could run out of money by June.",
            "that the state could run out of money by June",
        ),
        (
            "The company denied that it had misled investors.",
            "that it had misled investors",
        ),
    ] {
        assert_eq!(one(text).0, content, "{text}");
    }
}

#[test]
fn x_said_c1_and_that_c2_is_two_records() {
    let got = reported(
        "Adelson said he met Trump earlier this week and that the two billionaires broached the issue of Israel.",
    );
    let contents: Vec<&str> = got.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        contents,
        [
            "he met Trump earlier this week",
            "that the two billionaires broached the issue of Israel"
        ]
    );
    assert!(got.iter().all(|q| q.speaker.as_deref() == Some("Adelson")));
}

#[test]
fn a_claim_that_c() {
    let (content, mention, speaker) = one(
        "Rubio dismissed Donald Trump’s claim that the senator was not eligible to be president.",
    );
    assert_eq!(content, "that the senator was not eligible to be president");
    assert_eq!(mention, "Donald Trump’s");
    assert_eq!(speaker.as_deref(), Some("Donald Trump"));
}

#[test]
fn x_asked_whether_c() {
    let (content, _, speaker) = one(
        "He shook hands and posed for photos, and Kasich asked workers if they planned to attend the caucuses.",
    );
    assert_eq!(content, "if they planned to attend the caucuses");
    assert_eq!(speaker.as_deref(), Some("Kasich"));
}

#[test]
fn a_participle_after_the_clause_reports_for_its_subject() {
    let got = reported(
        "Sanders criticized the decision on Monday, saying the bank had been bailed out by taxpayers.",
    );
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].text, "the bank had been bailed out by taxpayers");
    assert_eq!(got[0].speaker.as_deref(), Some("Sanders"));
}

#[test]
fn a_pronoun_resolves_like_a_quotes() {
    let got = reported(
        "Jeb Bush spoke in Iowa on Monday. He said the party would unite behind its nominee.",
    );
    assert_eq!(got.len(), 1, "{got:#?}");
    assert_eq!(got[0].mention.as_deref(), Some("He"));
    assert_eq!(got[0].speaker.as_deref(), Some("Jeb Bush"));
}

#[test]
fn beliefs_hopes_and_judgements_are_not_speech() {
    for text in [
        "Trump thinks the election is rigged against him.",
        "Most voters believe the economy is getting worse.",
        "Clinton wants the party to unite before the convention.",
        "Analysts described the deal as a win for Iran.",
        "She hoped the senators would change their minds.",
        "Republicans fear that the nominee will drag down the ticket.",
        "The state where Kasich spent Saturday campaigning is Massachusetts.",
        "Many reports suggest nothing of the kind.",
    ] {
        assert!(reported(text).is_empty(), "{text}: {:#?}", reported(text));
    }
}

#[test]
fn passives_and_empty_clauses_report_nothing() {
    for text in [
        "He was told that the meeting had been cancelled.",
        "Sanders said nothing.",
        "In a 1963 speech, he declared:",
        "Six in 10 say so in the new poll.",
    ] {
        assert!(reported(text).is_empty(), "{text}: {:#?}", reported(text));
    }
}

#[test]
fn quoted_words_stay_a_partial_quote_and_no_indirect_record_overlaps_them() {
    let text = "He said the plan was “dead on arrival” in the Senate.";
    let options = Options {
        indirect: true,
        ..Options::default()
    };
    let all = extract_with(&Document::new("t", text), &options).quotes;
    assert!(all.iter().any(|q| q.kind == Kind::Partial));
    let quote = all.iter().find(|q| q.kind == Kind::Partial).unwrap();
    for q in all.iter().filter(|q| q.kind == Kind::Indirect) {
        assert!(q.end <= quote.start || q.start >= quote.end, "{q:#?}");
    }
    // Inside a direct quote of several sentences, a verb of speech reports nothing.
    let text = "“We will win. We said we would fight for every vote,” Sanders said.";
    assert!(reported(text).is_empty(), "{:#?}", reported(text));
}

#[test]
fn records_merge_with_quotes_in_text_order() {
    let text = "“We will win,” Sanders said. He added that the campaign had raised $20 million.";
    let options = Options {
        indirect: true,
        ..Options::default()
    };
    let all = extract_with(&Document::new("t", text), &options).quotes;
    let kinds: Vec<Kind> = all.iter().map(|q| q.kind).collect();
    assert_eq!(kinds, [Kind::Direct, Kind::Indirect]);
    assert_eq!(all.iter().map(|q| q.index).collect::<Vec<_>>(), [1, 2]);
    assert_eq!(all[1].speaker.as_deref(), Some("Sanders"));
    let chars: Vec<char> = text.chars().collect();
    let by_chars: String = chars[all[1].start..all[1].end].iter().collect();
    assert_eq!(by_chars, all[1].text);
    assert_eq!(&text[all[1].byte_start..all[1].byte_end], all[1].text);
}

#[test]
fn a_run_of_cues_gives_a_bounded_number_of_records() {
    // Hostile input: one "sentence" of thousands of cues.
    let text = "he said, ".repeat(5000);
    let got = reported(&text);
    let bytes: usize = got.iter().map(|q| q.text.len()).sum();
    assert!(
        bytes <= 8 * text.len(),
        "{bytes} bytes of content for {}",
        text.len()
    );
}

#[test]
fn an_appositive_or_participle_after_the_clause_is_not_content() {
    for (text, content, mention) in [
        (
            "The economy grew faster than expected in June, said Jason Furman, the chairman of the Council of Economic Advisers.",
            "The economy grew faster than expected in June",
            "Jason Furman",
        ),
        (
            "Turnout was higher than in 2012, said Mr. Ellis, who oversees elections in the county.",
            "Turnout was higher than in 2012",
            "Mr. Ellis",
        ),
        (
            "Sales were up sharply in December, she said, wiping her glasses.",
            "Sales were up sharply in December",
            "she",
        ),
    ] {
        let (got, m, _) = one(text);
        assert_eq!(got, content, "{text}");
        assert_eq!(m, mention, "{text}");
    }
    // After "X said," a preposition or "including" goes on with the content.
    for text in [
        "The nomination would be decided, Devine said, by the primaries still to come.",
        "The emails covered a variety of topics, the Times said, including speeches and meetings.",
    ] {
        assert_eq!(one(text).0, text.trim_end_matches('.'), "{text}");
    }
}

#[test]
fn two_apostrophes_typed_for_quotation_marks_bound_the_content() {
    // Archives that print '' for a double quotation mark, read as two apostrophes (the
    // scanner's default): the quoted words are reported speech, and a quotation that
    // goes on after the attribution ('' … ,'' he said. '' … '') is one stretch of it.
    let text = "The city bought the course in 2011 for $3.3 million. ''We wanted to control the real estate,'' Michael C. Cernech, the city manager, said.";
    let (content, mention, _) = one(text);
    assert_eq!(content, "We wanted to control the real estate");
    assert_eq!(mention, "Michael C. Cernech");
    let (content, mention, _) = one(
        "''Swaps are tricky,'' he said. ''In this particular case, I'm glad that it took place.''",
    );
    assert_eq!(
        content,
        "Swaps are tricky,'' he said. ''In this particular case, I'm glad that it took place"
    );
    assert_eq!(mention, "he");
    // The next quotation is not the rest of it when more follows in the paragraph.
    let got = reported(
        "''Swaps are tricky,'' he said. ''In this case it took place,'' he added, and he left.",
    );
    assert_eq!(got[0].text, "Swaps are tricky");
    // Curly marks are quotes, never reported content.
    assert!(reported("“Swaps are tricky,” he said. “In this case I’m glad.”").is_empty());
}

#[test]
fn a_relative_pronoun_after_a_comma_stands_for_the_word_before_it() {
    let (content, mention, speaker) = one(
        "Many delegates lined up behind Priebus, who has said he does not support changing the convention rules.",
    );
    assert_eq!(content, "he does not support changing the convention rules");
    assert_eq!(mention, "who");
    assert_eq!(speaker.as_deref(), Some("Priebus"));
    let (content, _, speaker) = one(
        "Cruz was outflanked by Rubio, who said he would only use the program sparingly, in emergencies.",
    );
    assert_eq!(
        content,
        "he would only use the program sparingly, in emergencies"
    );
    assert_eq!(speaker.as_deref(), Some("Rubio"));
}

#[test]
fn a_long_appositive_does_not_hide_the_name_it_describes() {
    let (content, mention, _) = one(
        "Dana Whitlow, a retired schoolteacher and longtime volunteer for the county party who drove two hours to the rally, said she had never seen a crowd that size in Dubuque.",
    );
    assert_eq!(content, "she had never seen a crowd that size in Dubuque");
    assert_eq!(mention, "Dana Whitlow");
    let (_, mention, _) = one(
        "But Tom Ellery, 58, a machinist from Toledo who voted for Obama twice and for Perot before that, said the plant closings had changed his mind.",
    );
    assert_eq!(mention, "Tom Ellery");
    // A comma after an opening phrase is no appositive: nothing names a speaker here.
    assert!(
        reported("In the end, after weeks of delay and many rounds of talks, said nothing.")
            .is_empty()
    );
}

#[test]
fn according_to_any_source_a_noun_phrase_names() {
    let (content, mention, _) =
        one("The couple ran a small bakery in the old quarter, according to ouest-france.fr.");
    assert_eq!(content, "The couple ran a small bakery in the old quarter");
    assert_eq!(mention, "ouest-france.fr");
    let (content, mention, _) =
        one("Turnout among voters under 30 fell by a third, according to early returns.");
    assert_eq!(content, "Turnout among voters under 30 fell by a third");
    assert_eq!(mention, "early returns");
    // "according to plan" reports nothing anyone said: no noun phrase follows.
    assert!(reported("Everything went according to plan.").is_empty());
}

#[test]
fn a_poll_share_says_c() {
    let (content, mention, _) =
        one("Six in 10 say the governor is at least somewhat honest, up from half in March.");
    assert_eq!(
        content,
        "the governor is at least somewhat honest, up from half in March"
    );
    assert_eq!(mention, "Six in 10");
    let (content, _, _) = one(
        "Large majorities of likely Republican voters in all four states say they want the wall built.",
    );
    assert_eq!(content, "they want the wall built");
    let (content, _, _) =
        one("The mayor thanked the crowd and says the stadium deal is all but done.");
    assert_eq!(content, "the stadium deal is all but done");
    // "say" after a determiner is the noun.
    for text in [
        "Voters in the territories have no say in who becomes president.",
        "The party's donors want the final say over the platform.",
    ] {
        assert!(reported(text).is_empty(), "{text}: {:#?}", reported(text));
    }
}

#[test]
fn a_modal_or_negated_auxiliary_before_the_verb() {
    let (content, mention, _) =
        one("And I can now say, with the benefit of hindsight, that the strategy worked.");
    assert_eq!(content, "that the strategy worked");
    assert_eq!(mention, "I");
    let (content, mention, _) =
        one("The senator didn’t say the president should step aside before the convention.");
    assert_eq!(
        content,
        "the president should step aside before the convention"
    );
    assert_eq!(mention, "The senator");
}

#[test]
fn c_comma_x_told_an_addressee() {
    let (content, mention, _) =
        one("Muslims feel they have a secondary status in these societies, Ms. Foner told me.");
    assert_eq!(
        content,
        "Muslims feel they have a secondary status in these societies"
    );
    assert_eq!(mention, "Ms. Foner");
    let (content, _, _) = one(
        "He had been completing his second year, a school spokesman told The Wall Street Journal.",
    );
    assert_eq!(content, "He had been completing his second year");
    let (content, _, _) =
        one("The talks would resume after the holiday, an aide told reporters on Tuesday.");
    assert_eq!(content, "The talks would resume after the holiday");
}

#[test]
fn a_form_of_be_ending_the_content_is_no_passive() {
    let (content, mention, _) =
        one("You cannot discount how important the president still is, said Stanley Greenberg.");
    assert_eq!(
        content,
        "You cannot discount how important the president still is"
    );
    assert_eq!(mention, "Stanley Greenberg");
    // The passive itself still reports nothing of the subject's.
    assert!(reported("The delegates were told the vote would be delayed.").is_empty());
}

#[test]
fn x_accused_y_of_z_and_x_pointed_out_c() {
    let (content, mention, _) = one(
        "Clinton has repeatedly accused her opponent of using divisive rhetoric on immigration.",
    );
    assert_eq!(
        content,
        "her opponent of using divisive rhetoric on immigration"
    );
    assert_eq!(mention, "Clinton");
    let (content, _, _) =
        one("The governor pointed out that the state had balanced its budget three years running.");
    assert_eq!(
        content,
        "that the state had balanced its budget three years running"
    );
    // The participle reports on its own: "pointing to" is a cue of the clause's subject.
    let got =
        reported("Sales were up sharply in December, she said, pointing to the holiday season.");
    let texts: Vec<&str> = got.iter().map(|q| q.text.as_str()).collect();
    assert_eq!(
        texts,
        ["Sales were up sharply in December", "the holiday season"]
    );
    for text in [
        "He was accused of steering contracts to a donor.",
        "She holds a 14-point lead, and he trails by three points in Ohio.",
        "At one point the crowd began to chant.",
    ] {
        assert!(reported(text).is_empty(), "{text}: {:#?}", reported(text));
    }
}
