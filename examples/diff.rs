//! Compares the quotes of two versions of an article: what was reworded, reattributed,
//! added or removed. `cargo run --example diff`.

use quotecheck::diff::{Options, Status, diff};
use quotecheck::{Document, extract};

const BEFORE: &str = "\
“The budget is balanced,” the mayor, Ana Ruiz, said on Monday.

“We will not raise taxes,” she said.
";

const AFTER: &str = "\
“The budget is nearly balanced,” the mayor, Ana Ruiz, said on Monday.

“Nobody was consulted,” said Tom Hale, a council member.
";

fn main() {
    let old = extract(&Document::new("before.txt", BEFORE)).quotes;
    let new = extract(&Document::new("after.txt", AFTER)).quotes;
    let d = diff("before.txt", &old, "after.txt", &new, &Options::default());
    for pair in &d.pairs {
        let quote = pair.new.as_ref().or(pair.old.as_ref()).expect("one side");
        let changes: Vec<&str> = pair.changes.iter().map(|c| c.as_str()).collect();
        println!(
            "{:<9} {:<18} {}",
            pair.status.as_str(),
            changes.join(","),
            quote.text
        );
        if pair.status == Status::Modified {
            for op in &pair.word_diff {
                println!("          {:?} {:?}", op.op, op.text);
            }
        }
    }
    let s = d.summary;
    println!(
        "{} unchanged, {} modified, {} added, {} removed",
        s.unchanged, s.modified, s.added, s.removed
    );
}
