//! Issue 13: the sentences the issue quotes, each with the right speaker, and the record's
//! `speaker_type`, `role` and `via` on real news shapes.

use quotecheck::{Document, Quote, SpeakerType, extract};

fn quotes(text: &str) -> Vec<Quote> {
    extract(&Document::new("t", text)).quotes
}

fn quote<'q>(qs: &'q [Quote], words: &str) -> &'q Quote {
    qs.iter()
        .find(|q| q.text.contains(words))
        .unwrap_or_else(|| panic!("no quote with {words:?} in {qs:#?}"))
}

#[test]
fn a_surname_in_ly_is_a_name_not_an_adverb() {
    let qs = quotes("“Elections matter,” Kelly said.");
    let q = quote(&qs, "Elections matter");
    assert_eq!(q.speaker.as_deref(), Some("Kelly"));
    assert_eq!(q.speaker_type, Some(SpeakerType::Person));
    let qs = quotes(
        "“The numbers are wrong,” Kelly said on Fox. Later, Mayor Brandt spoke. “We disagree,” she said.",
    );
    assert_eq!(quote(&qs, "numbers").speaker.as_deref(), Some("Kelly"));
    assert_eq!(quote(&qs, "disagree").speaker.as_deref(), Some("Brandt"));
    for name in ["Reilly", "Daly", "Donnelly"] {
        let qs = quotes(&format!("“We will appeal,” {name} told reporters."));
        assert_eq!(qs[0].speaker.as_deref(), Some(name), "{name}");
    }
}

#[test]
fn adverbs_in_ly_still_stand_between_speaker_and_verb() {
    // A lower-case -ly word is an adverb: the speaker is the name before it.
    let qs = quotes("“It is over,” Trump reportedly said.");
    assert_eq!(qs[0].speaker.as_deref(), Some("Trump"));
    let qs = quotes("“We will not wait,” she quickly added, as Sanders left.");
    assert_ne!(qs[0].speaker.as_deref(), Some("Sanders"));
}

#[test]
fn an_unnamed_source_is_the_description_itself_and_says_so() {
    let qs = quotes(
        "The hospital's board chairman, who asked not to be named, said a buyer was \"not out of the question.\"",
    );
    let q = quote(&qs, "out of the question");
    let speaker = q.speaker.as_deref().unwrap_or("");
    assert!(speaker.contains("board chairman"), "{q:?}");
    assert_eq!(q.speaker_type, Some(SpeakerType::Unnamed));
}

#[test]
fn a_relay_is_the_via_not_the_speaker() {
    let qs = quotes("“We are going to win this nomination,” Sanders said, according to CNN.");
    let q = &qs[0];
    assert_eq!(q.speaker.as_deref(), Some("Sanders"));
    assert_eq!(q.via.as_deref(), Some("CNN"));
    // A person who passes the words on is the source the reader has them from.
    let qs = quotes(
        "Officials met on Monday. “The deal is dead,” the minister said, according to aides who were in the room.",
    );
    assert_eq!(qs[0].via, None);
}

#[test]
fn documents_and_groups_are_typed() {
    let qs = quotes("“The city deserves better,” the editorial said.");
    assert_eq!(qs[0].speaker_type, Some(SpeakerType::Document));
    let qs = quotes("“We have no comment at this time,” officials said.");
    assert_eq!(qs[0].speaker_type, Some(SpeakerType::Group));
    let qs = quotes("“We disagree with the ruling,” the campaign said in a statement.");
    assert_eq!(qs[0].speaker_type, Some(SpeakerType::Organisation));
}

#[test]
fn a_name_inside_a_long_appositive_is_not_the_speaker() {
    let qs = quotes(
        "Cory James, 22, of Flint, Mich., said he hadn't given up hope that Sanders could pull a convention \"surprise.\"",
    );
    assert_eq!(qs[0].speaker.as_deref(), Some("Cory James"));
    // The comma-bounded head stays the speaker when the appositive has no inner comma.
    let qs = quotes(
        "Erdogan, one of Hamas’s most prominent supporters, said the blockade was “unacceptable.”",
    );
    assert_eq!(qs[0].speaker.as_deref(), Some("Erdogan"));
    // A sentence adverb before a relative clause's antecedent is no name.
    let qs = quotes(
        "Domestically, Trump’s row with the Khan family triggered a damning reaction from U.S. President Barack Obama, who called the Republican nominee “unfit to serve” as president.",
    );
    assert_eq!(qs[0].speaker.as_deref(), Some("Barack Obama"));
}

#[test]
fn a_role_before_a_name_is_the_role_not_the_speaker() {
    let qs = quotes("Head coach Marcus Bell shook his head. \"Not for a second,\" he said.");
    assert_eq!(qs[0].speaker.as_deref(), Some("Marcus Bell"));
    let qs = quotes("“We are not going anywhere,” said Head coach Marcus Bell.");
    assert_eq!(qs[0].speaker.as_deref(), Some("Marcus Bell"));
    assert_eq!(qs[0].role.as_deref(), Some("Head coach"));
    let qs = quotes("“This is a disaster,” Senate Minority Leader Harry Reid said on Tuesday.");
    assert_eq!(
        qs[0].speaker.as_deref().map(|s| s.ends_with("Harry Reid")),
        Some(true)
    );
    assert!(qs[0].role.is_some(), "{:?}", qs[0]);
    // A plain name has no role.
    let qs = quotes("“Elections matter,” Kelly said.");
    assert_eq!(qs[0].role, None);
}

#[test]
fn a_long_cue_clause_after_a_question_or_exclamation_still_attributes() {
    let qs = quotes(
        "“Is that what we want?” Clinton asked a crowd of supporters at a community college in Iowa on Saturday afternoon.",
    );
    assert_eq!(qs[0].speaker.as_deref(), Some("Clinton"));
    let qs = quotes(
        "“We won!” Sanders told the crowd at the rally in Des Moines on Monday night after the first results came in.",
    );
    assert_eq!(qs[0].speaker.as_deref(), Some("Sanders"));
    // After a full stop the next sentence is a sentence of its own.
    let qs = quotes(
        "“We won.” Sanders told the crowd at the rally in Des Moines on Monday night after the first results came in.",
    );
    assert_eq!(qs[0].speaker, None);
}

#[test]
fn title_case_cues_attribute() {
    // A headline in Title Case: the verb is capitalised like the name before it.
    let qs = quotes("Zoe Saldana Asked Men Everywhere To “Redefine Masculinity.”");
    let q = quote(&qs, "Redefine");
    assert_eq!(q.speaker.as_deref(), Some("Zoe Saldana"));
    assert_eq!(q.method.as_deref(), Some("headline"));
    // A capitalised verb closing the attribution clause after an appositive.
    let qs =
        quotes("“We will not stand for this!” Murphy, the head of Right to Rise USA, Tweeted.");
    assert_eq!(qs[0].speaker.as_deref(), Some("Murphy"));
    // Not a cue: the same capitalised word opening a name after the appositive.
    let qs = quotes("“It is a fine school,” Smith, the dean, said of Tweeted Academy.");
    assert_eq!(qs[0].speaker.as_deref(), Some("Smith"));
    // Sentence case is not a headline: the ordinary sieves decide.
    let qs = quotes("Zoe Saldana asked men everywhere to “redefine masculinity.”");
    assert_eq!(
        quote(&qs, "redefine").speaker.as_deref(),
        Some("Zoe Saldana")
    );
    assert_ne!(quote(&qs, "redefine").method.as_deref(), Some("headline"));
}

#[test]
fn a_possessive_name_opens_its_noun_phrase_and_is_not_the_subject() {
    // The campaign, not the man whose comments it shrugged off, told reporters.
    let qs = quotes(
        "Ryan’s campaign shrugged off Trump’s comments, telling reporters, “Neither Speaker Ryan nor anyone on his team has ever asked for Donald Trump’s endorsement.”",
    );
    let q = quote(&qs, "Neither Speaker");
    assert_eq!(q.speaker.as_deref(), Some("Ryan’s campaign"));
    assert_eq!(q.mention.as_deref(), Some("Ryan’s campaign"));
    // A thing said after the possessive keeps the name as the source.
    let qs = quotes(
        "Podliska’s most explosive claim is that the committee is a “witch hunt” launched to get Clinton.",
    );
    assert_eq!(
        quote(&qs, "witch hunt").speaker.as_deref(),
        Some("Podliska")
    );
}

#[test]
fn a_short_clause_after_the_quote_attributes_whatever_its_verb() {
    // Verbs no lexicon lists: the clause's shape (subject, past verb, its end) is enough.
    let qs = quotes(
        "The mayor was asked about the strike.\n\n“This city will not be held hostage,” an angry Mayor Ortiz retaliated. “Not now, not ever.”",
    );
    assert_eq!(quote(&qs, "held hostage").speaker.as_deref(), Some("Ortiz"));
    assert_eq!(quote(&qs, "Not now").speaker.as_deref(), Some("Ortiz"));
    let qs = quotes("“You had your turn,” Maria Reyes shot back. “Let me finish.”");
    assert_eq!(
        quote(&qs, "your turn").speaker.as_deref(),
        Some("Maria Reyes")
    );
    assert_eq!(quote(&qs, "finish").speaker.as_deref(), Some("Maria Reyes"));
    let qs = quotes("“Is that a promise?” the senator riffed on the question, to laughter.");
    assert_eq!(
        quote(&qs, "a promise").mention.as_deref(),
        Some("the senator")
    );
}

#[test]
fn a_participle_after_the_quote_is_no_attribution() {
    // "linked to", "needed to": a reduced relative clause describing the quote's words.
    let qs = quotes(
        "Officials quoted a slogan. Drivers saw “buckle-up.org,” a website linked to a safety group.",
    );
    assert_ne!(
        quote(&qs, "buckle-up").mention.as_deref(),
        Some("a website")
    );
    let qs =
        quotes("He says nobody is “on pace to get 1,237 delegates,” the number needed to win.");
    assert_ne!(quote(&qs, "on pace").mention.as_deref(), Some("the number"));
    // An irregular verb without its particle takes an object: narration.
    let qs = quotes("“Run,” the officer shouted. “Stop,” Smith shot the lock off.");
    assert_ne!(quote(&qs, "Stop").speaker.as_deref(), Some("Smith"));
}

#[test]
fn documents_that_read_and_indefinite_and_plural_sources() {
    let qs = quotes("“We cannot wait for Congress,” the letter read.");
    assert_eq!(qs[0].speaker.as_deref(), Some("the letter"));
    let qs = quotes("“The harm is incalculable,” federal prosecutors wrote in the filing.");
    assert_eq!(qs[0].speaker.as_deref(), Some("federal prosecutors"));
    let qs = quotes(
        "“There is no path for him,” said one of those advisers, who spoke on condition of anonymity.",
    );
    assert_eq!(qs[0].speaker.as_deref(), Some("one of those advisers"));
    // "one" with a noun after it is the noun phrase, not "one" alone.
    let qs = quotes("“It is over,” said one county Republican chairman.");
    assert_eq!(
        qs[0].speaker.as_deref(),
        Some("one county Republican chairman")
    );
    // Not a source: "one day" is a time.
    let qs = quotes("“I will be back,” he said one day in March.");
    assert_eq!(qs[0].mention.as_deref(), Some("he"));
}

#[test]
fn a_relay_before_a_leading_cue_is_the_via() {
    let qs = quotes("According to the Star, one highway sign read, “Slow down, it’s snowing.”");
    let q = &qs[0];
    assert_eq!(q.speaker.as_deref(), Some("one highway sign"));
    assert_eq!(q.via.as_deref(), Some("the Star"));
}

#[test]
fn an_outlet_or_role_glued_before_a_name_is_not_the_name() {
    let qs = quotes(
        "“The polls were wrong,” Fox News Sean Hannity said on Tuesday.\n\n\
         “We need answers,” said Senate Intelligence Ranking Democrat Dianne Feinstein.\n\n\
         “It was a fair deal,” Media Research Center President Brent Bozell said.\n\n\
         Later, “nobody listened,” Navy SEAL Ty Woods wrote.",
    );
    assert_eq!(quote(&qs, "polls").speaker.as_deref(), Some("Sean Hannity"));
    assert_eq!(
        quote(&qs, "answers").speaker.as_deref(),
        Some("Dianne Feinstein")
    );
    assert_eq!(
        quote(&qs, "fair deal").speaker.as_deref(),
        Some("Brent Bozell")
    );
    assert_eq!(quote(&qs, "nobody").speaker.as_deref(), Some("Ty Woods"));
}

#[test]
fn organisations_and_short_names_stay_whole() {
    // An organisation named whole, a role that is a name's first word, an all-caps line.
    let qs = quotes("“We stand by our reporting,” the Wall Street Journal said.");
    assert_eq!(qs[0].speaker.as_deref(), Some("Wall Street Journal"));
    let qs = quotes("“Our study is sound,” Ohio State University said in a statement.");
    assert_eq!(qs[0].speaker.as_deref(), Some("Ohio State University"));
    let qs = quotes("“I will vote no,” Dean Heller said.");
    assert_eq!(qs[0].speaker.as_deref(), Some("Dean Heller"));
    let qs = quotes("“No comment,” the Podesta Group CEO said.");
    assert_ne!(qs[0].speaker.as_deref(), Some("CEO"));
}
