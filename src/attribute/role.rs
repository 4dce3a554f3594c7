//! The record's `role`: the title or description the text gives a named speaker, kept out
//! of the canonical name ("Senate Minority Leader" Harry Reid, "Head coach" Marcus Bell,
//! "MSNBC host" Chris Matthews).

use crate::lexicon::is_role_noun;

use super::words::is_title;

/// Words that open or qualify a role without being one themselves.
const MODIFIERS: &[&str] = &[
    "head",
    "chief",
    "former",
    "senior",
    "deputy",
    "assistant",
    "vice",
    "acting",
    "top",
    "lead",
    "executive",
    "general",
    "minority",
    "majority",
    "longtime",
    "then",
    "interim",
];

/// Courtesy titles: how the text addresses a person, not a role.
fn is_courtesy(t: &str) -> bool {
    matches!(
        t.trim_end_matches('.'),
        "Mr" | "Mrs" | "Ms" | "Miss" | "Mme" | "Mister"
    )
}

/// The role of a name mention at `mention` (byte span) in `text` whose name words are
/// `name`: the words of the mention before the name (titles: "Syrian President"), with the
/// role words just before the mention ("head coach", "MSNBC host").
pub(super) fn role_of(text: &str, mention: crate::span::Span, name: &[String]) -> Option<String> {
    let first = name.first()?;
    let mut role: Vec<&str> = Vec::new();
    // Before the mention, walking back over role words, modifiers and, once a role word is
    // seen, one capitalised qualifier (an outlet, an office: "MSNBC", "Senate").
    let mut start = mention.start.saturating_sub(120);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let before: Vec<&str> = text[start..mention.start].split_whitespace().collect();
    let mut seen_role = false;
    for t in before.iter().rev().take(4) {
        if t.ends_with([',', '.', ':', ';', '”', '"', ')', '—']) && !is_title(t) {
            break;
        }
        let lower = t.to_lowercase();
        if is_role_noun(&lower) || (is_title(t) && !is_courtesy(t)) {
            seen_role = true;
        } else if MODIFIERS.contains(&lower.as_str()) {
        } else if seen_role && t.starts_with(|c: char| c.is_uppercase()) && !is_courtesy(t) {
            role.push(t);
            break;
        } else {
            break;
        }
        role.push(t);
    }
    if !seen_role {
        role.clear();
    }
    role.reverse();
    // Inside the mention, before the first name word. A mention that does not hold the
    // name ("who" standing for it) has no role of its own, nor one before it.
    let tokens: Vec<&str> = text[mention].split_whitespace().collect();
    let is_first = |t: &str| {
        let bare = super::words::strip_possessive(
            t.trim_matches(|c: char| !c.is_alphanumeric() && c != '.'),
        );
        bare == first || bare.trim_end_matches('.') == first.trim_end_matches('.')
    };
    let at = tokens.iter().position(|t| is_first(t))?;
    let inside: Vec<&str> = tokens[..at]
        .iter()
        .copied()
        .filter(|t| !is_courtesy(t))
        .collect();
    let says_role = |t: &str| {
        is_title(t) || is_role_noun(&t.to_lowercase()) || super::words::is_group_adjective(t)
    };
    if inside.len() > 1 || inside.first().is_some_and(|t| says_role(t)) {
        role.extend(inside);
    }
    // A role that ends in a modifier only ("Former") says nothing.
    while role
        .last()
        .is_some_and(|t| MODIFIERS.contains(&t.to_lowercase().as_str()))
    {
        role.pop();
    }
    (!role.is_empty()).then(|| role.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::span::Span;

    fn role(text: &str, name: &str) -> Option<String> {
        let at = text.find(name).unwrap();
        let words: Vec<String> = name.split_whitespace().map(str::to_string).collect();
        role_of(text, Span::new(at, at + name.len()), &words)
    }

    fn role_in(text: &str, mention: &str, name: &str) -> Option<String> {
        let at = text.find(mention).unwrap();
        let words: Vec<String> = name.split_whitespace().map(str::to_string).collect();
        role_of(text, Span::new(at, at + mention.len()), &words)
    }

    #[test]
    fn roles_before_a_name_are_kept_apart_from_it() {
        assert_eq!(
            role("Head coach Marcus Bell shook his head.", "Marcus Bell").as_deref(),
            Some("Head coach")
        );
        assert_eq!(
            role(
                "said MSNBC host Chris Matthews on Tuesday",
                "Chris Matthews"
            )
            .as_deref(),
            Some("MSNBC host")
        );
        assert_eq!(
            role_in(
                "Senate Minority Leader Harry Reid said",
                "Senate Minority Leader Harry Reid",
                "Harry Reid"
            )
            .as_deref(),
            Some("Senate Minority Leader")
        );
    }

    #[test]
    fn no_role_where_the_text_gives_none() {
        assert_eq!(role("“No,” Kelly said on Fox.", "Kelly"), None);
        assert_eq!(
            role("On Monday, Hillary Clinton said", "Hillary Clinton"),
            None
        );
        assert_eq!(role_in("Mr. Putin said", "Mr. Putin", "Putin"), None);
        assert_eq!(role("He met Bernie Sanders later.", "Bernie Sanders"), None);
        // "who" standing for a name: no role.
        assert_eq!(role_in("Sen. Ted Cruz, who said", "who", "Ted Cruz"), None);
    }
}
