//! Colour goes through one path (`quotecheck::style`): `--color auto|always|never` on every
//! subcommand that colours, `NO_COLOR` and `CLICOLOR_FORCE` honoured under `auto`. Tests run
//! with output piped, so `auto` alone never colours here.

use assert_cmd::Command;

const ARTICLE: &str = "fixtures/articles/putin-assad.txt";
const BEFORE: &str = "fixtures/versions/case01.01.before_reworded_reattributed.txt";
const AFTER: &str = "fixtures/versions/case01.02.after_reworded_reattributed.txt";
const SOURCE: &str = "fixtures/sources/putin-assad-remarks.txt";

/// Each colouring subcommand, in its coloured (text) form.
fn commands() -> Vec<(&'static str, Vec<&'static str>)> {
    vec![
        ("extract", vec!["extract", ARTICLE, "--format", "table"]),
        ("diff", vec!["diff", BEFORE, AFTER, "--format", "text"]),
        (
            "verify",
            vec!["verify", ARTICLE, "--source", SOURCE, "--format", "text"],
        ),
        ("review", vec!["review", ARTICLE]),
    ]
}

/// Stdout of a run with `extra` arguments and the colour variables given (others cleared).
fn run(args: &[&str], extra: &[&str], env: &[(&str, &str)]) -> String {
    let mut cmd = Command::cargo_bin("quotecheck").unwrap();
    cmd.args(args).args(extra);
    for var in ["NO_COLOR", "CLICOLOR", "CLICOLOR_FORCE", "COLUMNS"] {
        cmd.env_remove(var);
    }
    cmd.env("TERM", "xterm-256color");
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    // diff exits 1 when something changed, verify 1 when a quote fails: both are answers.
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn coloured(s: &str) -> bool {
    s.contains("\x1b[")
}

#[test]
fn auto_does_not_colour_a_pipe() {
    for (name, args) in commands() {
        let out = run(&args, &[], &[]);
        assert!(!out.is_empty(), "{name}");
        assert!(!coloured(&out), "{name}: {out}");
    }
}

#[test]
fn always_colours_and_never_does_not_whatever_the_environment() {
    for (name, args) in commands() {
        assert!(
            coloured(&run(&args, &["--color", "always"], &[("NO_COLOR", "1")])),
            "{name}"
        );
        let never = run(&args, &["--color", "never"], &[("CLICOLOR_FORCE", "1")]);
        assert!(!coloured(&never), "{name}: {never}");
    }
}

#[test]
fn clicolor_force_colours_a_pipe_unless_no_color_is_set() {
    for (name, args) in commands() {
        assert!(
            coloured(&run(&args, &[], &[("CLICOLOR_FORCE", "1")])),
            "{name}"
        );
        let both = run(&args, &[], &[("CLICOLOR_FORCE", "1"), ("NO_COLOR", "1")]);
        assert!(!coloured(&both), "{name}: {both}");
    }
}

#[test]
fn coloured_output_is_the_plain_output_with_escapes() {
    let strip = |s: &str| {
        let mut out = String::new();
        let mut chars = s.chars();
        while let Some(c) = chars.next() {
            if c == '\x1b' {
                // CSI: ESC [ params final-byte.
                for c in chars.by_ref() {
                    if c.is_ascii_alphabetic() {
                        break;
                    }
                }
            } else {
                out.push(c);
            }
        }
        out
    };
    for (name, args) in commands() {
        if name == "diff" {
            // Plain diff text marks words with [-…-]{+…+}; colour marks them with colour.
            continue;
        }
        let plain = run(&args, &["--color", "never"], &[]);
        let colour = run(&args, &["--color", "always"], &[]);
        assert_eq!(strip(&colour), plain, "{name}");
    }
}

#[test]
fn columns_sizes_the_extract_table() {
    let args = ["extract", ARTICLE, "--format", "table"];
    for width in [60usize, 80, 132, 200] {
        let w = width.to_string();
        let out = run(&args, &[], &[("COLUMNS", &w)]);
        for line in out.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= width,
                "{width}: {line}"
            );
        }
    }
    // Without a width (a pipe) the text is never cut.
    let unbounded = run(&args, &[], &[]);
    assert!(!unbounded.contains("…”"), "{unbounded}");
}
