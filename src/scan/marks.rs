//! Quotation-mark styles as data.
//!
//! Each style is an opening and a closing mark. One character can open one style and close
//! another (“ opens English quotes and closes German „…“), so the scanner asks this table
//! which closers an opener expects rather than hard-coding pairs.

/// A quotation-mark style: the mark that opens it and the mark that closes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// The opening mark.
    pub open: char,
    /// The closing mark.
    pub close: char,
    /// The style's name (docs/FORMATS.md).
    pub name: &'static str,
}

/// Two apostrophes typed for a double quotation mark (''This isn't reform,'' he said), as
/// archives of some papers print them. The scanner reads '' as this one mark; the
/// character itself (from Unicode's private-use area) never appears in the output.
pub const DOUBLE_APOSTROPHE: char = '\u{E000}';

/// Every style the scanner knows. Order does not matter.
pub const STYLES: &[Style] = &[
    Style {
        open: '“',
        close: '”',
        name: "english double",
    },
    Style {
        open: '‘',
        close: '’',
        name: "english single",
    },
    Style {
        open: '"',
        close: '"',
        name: "straight double",
    },
    Style {
        open: '\'',
        close: '\'',
        name: "straight single",
    },
    Style {
        open: '„',
        close: '“',
        name: "german double",
    },
    Style {
        open: '„',
        close: '”',
        name: "polish double",
    },
    Style {
        open: '‚',
        close: '‘',
        name: "german single",
    },
    Style {
        open: '‚',
        close: '’',
        name: "polish single",
    },
    Style {
        open: '«',
        close: '»',
        name: "guillemets",
    },
    Style {
        open: '»',
        close: '«',
        name: "reversed guillemets",
    },
    Style {
        open: '»',
        close: '»',
        name: "swedish guillemets",
    },
    Style {
        open: '‹',
        close: '›',
        name: "single guillemets",
    },
    Style {
        open: '›',
        close: '‹',
        name: "reversed single guillemets",
    },
    Style {
        open: '”',
        close: '”',
        name: "swedish double",
    },
    Style {
        open: '「',
        close: '」',
        name: "corner brackets",
    },
    Style {
        open: '『',
        close: '』',
        name: "white corner brackets",
    },
    Style {
        open: '‟',
        close: '”',
        name: "reversed double",
    },
    Style {
        open: '‛',
        close: '’',
        name: "reversed single",
    },
    Style {
        open: DOUBLE_APOSTROPHE,
        close: DOUBLE_APOSTROPHE,
        name: "double apostrophe",
    },
    // Mixed typography, as hurried copy has it: “no evidence" and "work-related”.
    Style {
        open: '“',
        close: '"',
        name: "curly opened, straight closed",
    },
    Style {
        open: '"',
        close: '”',
        name: "straight opened, curly closed",
    },
];

/// Every character that can be a quotation mark in some style.
pub const MARKS: &[char] = &[
    '"',
    '\'',
    '“',
    '”',
    '‘',
    '’',
    '„',
    '‚',
    '«',
    '»',
    '‹',
    '›',
    '「',
    '」',
    '『',
    '』',
    '‟',
    '‛',
    DOUBLE_APOSTROPHE,
];

/// Whether `c` is a quotation mark in some style.
#[inline]
pub fn is_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '”'
            | '‘'
            | '’'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '」'
            | '『'
            | '』'
            | '‟'
            | '‛'
    )
}

/// Whether `open` opens a style that `close` closes.
pub fn pairs(open: char, close: char) -> bool {
    STYLES.iter().any(|s| s.open == open && s.close == close)
}

/// Whether `c` opens some style.
pub fn opens(c: char) -> bool {
    STYLES.iter().any(|s| s.open == c)
}

/// Single marks (‘ ’ ' ‚ ‹ ›) nest inside double ones and double as apostrophes, so the
/// scanner treats them more cautiously.
pub fn is_single(c: char) -> bool {
    matches!(c, '‘' | '’' | '\'' | '‚' | '‹' | '›' | '‛')
}

/// Marks that are always quotation marks whatever surrounds them (guillemets and CJK
/// brackets may have spaces inside: « Bonjour »).
pub fn is_unambiguous(c: char) -> bool {
    matches!(c, '«' | '»' | '‹' | '›' | '「' | '」' | '『' | '』')
}

/// The index of `c` in [`MARKS`], for per-mark counters.
pub fn mark_index(c: char) -> usize {
    MARKS.iter().position(|&m| m == c).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_and_predicate_agree() {
        for s in STYLES.iter().filter(|s| s.open != DOUBLE_APOSTROPHE) {
            assert!(is_mark(s.open) && is_mark(s.close), "{}", s.name);
            assert!(
                MARKS.contains(&s.open) && MARKS.contains(&s.close),
                "{}",
                s.name
            );
        }
        for &m in MARKS.iter().filter(|&&m| m != DOUBLE_APOSTROPHE) {
            assert!(is_mark(m));
        }
        assert!(
            !is_mark('′') && !is_mark('″'),
            "primes are not quotation marks"
        );
    }

    #[test]
    fn one_char_opens_and_closes_different_styles() {
        assert!(pairs('“', '”') && pairs('„', '“'));
        assert!(pairs('«', '»') && pairs('»', '«'));
        assert!(!pairs('“', '’'));
    }
}
