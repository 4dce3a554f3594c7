//! The quote scanner on any text: no panic, top-level spans ordered, apart and in bounds,
//! every part inside its paragraph. `cargo +nightly fuzz run scan`
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotecheck::document::paragraphs;
use quotecheck::scan::scan;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let paras = paragraphs(&text);
    let found = scan(&text, &paras);
    for q in &found.quotes {
        assert!(q.span.start < q.span.end && q.span.end <= text.len());
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        for part in &q.parts {
            assert!(paras[part.paragraph].contains(part.outer));
            assert!(part.outer.contains(part.inner));
        }
    }
    for pair in found.quotes.windows(2) {
        assert!(pair[0].span.end <= pair[1].span.start);
    }
    for &at in &found.stray {
        assert!(text.is_char_boundary(at) && at < text.len());
    }
});
