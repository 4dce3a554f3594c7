//! `quotecheck eval`: score extraction and attribution against an annotated corpus.

use std::path::PathBuf;
use std::process::ExitCode;

use quotecheck::eval::{evaluate, load_gold, sibling_canonical};

const EXAMPLES: &str = "\
Examples:
  quotecheck eval fixtures/eval/small.gold.jsonl
  quotecheck eval fixtures/eval/small.gold.jsonl --errors 5
  quotecheck eval fixtures/eval/small.gold.jsonl --format json
  quotecheck eval path/to/polnear/dev.jsonl     (a PolNeAR or PDNC corpus, if you have one)";

/// Score quote detection and speakers, and reported speech (kind `indirect`), against an
/// annotated corpus (PolNeAR or PDNC schema).
#[derive(clap::Args, Debug)]
#[command(after_help = EXAMPLES)]
pub struct Args {
    /// The annotated corpus (JSONL).
    gold: PathBuf,
    /// Canonical speakers for a PolNeAR file [default: the sibling *.canonical.jsonl, if any].
    #[arg(long)]
    canonical: Option<PathBuf>,
    /// List up to N misses, false positives and wrong speakers.
    #[arg(long, value_name = "N", default_value_t = 0)]
    errors: usize,
    /// `text` for people, `json` for machines.
    #[arg(long, short, value_enum, default_value = "text")]
    format: EvalFormat,
}

#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum EvalFormat {
    Text,
    Json,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    use std::io::Write;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let canonical = args
        .canonical
        .clone()
        .or_else(|| sibling_canonical(&args.gold));
    let gold = load_gold(&args.gold, canonical.as_deref())?;
    let (scores, errors) = evaluate(&gold);
    let shown: Vec<_> = errors.iter().take(args.errors).collect();
    match args.format {
        EvalFormat::Json => {
            let value = serde_json::json!({ "scores": scores, "errors": shown });
            writeln!(out, "{}", serde_json::to_string_pretty(&value)?)?;
        }
        EvalFormat::Text => {
            let c = &scores.counts;
            writeln!(
                out,
                "{} ({} documents, {} gold units)",
                args.gold.display(),
                c.documents,
                c.units
            )?;
            writeln!(
                out,
                "quote detection   P {:.3}  R {:.3}  F1 {:.3}   ({} matched, {} false positives, {} neutral)",
                scores.precision, scores.recall, scores.f1, c.matched, c.false_positives, c.neutral
            )?;
            writeln!(
                out,
                "speaker accuracy  {:.3}   ({} of {} matched units with a source)",
                scores.speaker_accuracy, c.speaker_correct, c.with_source
            )?;
            writeln!(out, "end-to-end recall {:.3}", scores.end_to_end_recall)?;
            let r = &scores.indirect;
            let ic = &r.counts;
            writeln!(
                out,
                "indirect speech   P {:.3}  R {:.3}  F1 {:.3}   ({} of {} units matched, {} false positives, {} neutral)",
                r.precision, r.recall, r.f1, ic.matched, ic.units, ic.false_positives, ic.neutral
            )?;
            writeln!(
                out,
                "indirect speakers {:.3}   ({} of {} matched units with a source); end-to-end recall {:.3}",
                r.speaker_accuracy, ic.speaker_correct, ic.with_source, r.end_to_end_recall
            )?;
            if let Some(a) = scores.canonical_accuracy {
                writeln!(
                    out,
                    "canonical names   {:.3}   ({} of {}); pronoun mentions {:.3} ({} of {})",
                    a,
                    c.canonical_correct,
                    c.canonical_total,
                    scores.canonical_pronoun_accuracy.unwrap_or(0.0),
                    c.canonical_pronoun_correct,
                    c.canonical_pronoun_total
                )?;
            }
            for e in shown {
                writeln!(out)?;
                writeln!(out, "[{}] {}", e.what, e.doc)?;
                writeln!(out, "  quote:     {}", e.text.replace('\n', " "))?;
                if e.gold_speaker.is_some() || e.predicted_speaker.is_some() {
                    writeln!(
                        out,
                        "  gold: {:?}  predicted: {:?} (mention {:?}, {})",
                        e.gold_speaker.as_deref().unwrap_or("-"),
                        e.predicted_speaker.as_deref().unwrap_or("-"),
                        e.predicted_mention.as_deref().unwrap_or("-"),
                        e.method.as_deref().unwrap_or("-")
                    )?;
                }
                writeln!(out, "  context:   …{}…", e.context)?;
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
