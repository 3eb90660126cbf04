//! `dalil training`: practice cases from the command line, so that a trainer can run a
//! class's answers through a script.
//!
//! - `list` names the scenarios.
//! - `start` opens a practice case in a practice file of its own (never the case file) and
//!   prints the first stage's story.
//! - `check` declares facts and marks steps in a practice file, and prints the feedback on
//!   the stage being worked on; `--next` finishes the stage and prints the next one's story.
//! - `score` prints each file's score per stage and in all, and, for several files, which
//!   steps and facts the group got wrong most often.
//!
//! Every line that shows a practice case says it is practice, not a real case.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use dalil_content::{Lang, Sop};
use dalil_l10n::{Arg, Localizer};
use dalil_practice::{Practice, PracticeError};
use dalil_training::{Feedback, Score, StepFeedback};

use crate::Failure;

/// `dalil training`.
#[derive(Debug, Subcommand)]
pub(crate) enum TrainingCommand {
    /// The training scenarios.
    List {
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Start a scenario as a practice case, in a practice file of its own.
    Start {
        /// The scenario id (`dalil training list`).
        scenario: String,
        /// The practice file to write (refused if it exists).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// The trainee's name or number, for the trainer's summary.
        #[arg(long, default_value = "")]
        trainee: String,
    },
    /// Declare facts and mark steps in a practice file, and get feedback on the stage.
    Check(CheckArgs),
    /// The score of each practice file, and what a group missed most often.
    Score {
        /// The practice files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// `dalil training check`.
#[derive(Debug, Args)]
pub(crate) struct CheckArgs {
    /// The practice file.
    file: PathBuf,
    /// Facts to declare, as `child,kind=trafficking` (a bare name is yes).
    #[arg(long, value_name = "FACTS")]
    facts: Vec<String>,
    /// A step's state, as `STEP=STATE` (done, not-applicable, blocked, pending); repeatable.
    #[arg(long = "step", value_name = "STEP=STATE")]
    steps: Vec<String>,
    /// Finish the stage: its answers are kept and scored, and the next stage begins.
    #[arg(long)]
    next: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

fn say(out: &mut dyn Write, l10n: &Localizer, text: &str) -> Result<(), Failure> {
    writeln!(out, "{}", dalil_l10n::strip_isolation(text)).map_err(|e| {
        Failure(l10n.format("cli-write-failed", &[("reason", Arg::Str(&e.to_string()))]))
    })
}

fn refused(e: &PracticeError, l10n: &Localizer) -> Failure {
    Failure(match e {
        PracticeError::UnknownScenario(id) => {
            l10n.format("training-unknown-scenario", &[("id", Arg::Str(id))])
        }
        PracticeError::BadFact(f) => l10n.format("training-bad-fact", &[("fact", Arg::Str(f))]),
        PracticeError::UnknownStep(s) => {
            l10n.format("training-unknown-step", &[("step", Arg::Str(s))])
        }
        PracticeError::NotOnChecklist(s) => {
            l10n.format("training-not-on-checklist", &[("step", Arg::Str(s))])
        }
        PracticeError::BadState(s) => l10n.format("training-bad-state", &[("state", Arg::Str(s))]),
        PracticeError::Finished => l10n.get("training-finished-already"),
        _ => l10n.get("training-not-a-file"),
    })
}

fn read(path: &Path, sop: &Sop, l10n: &Localizer) -> Result<Practice, Failure> {
    let bytes = std::fs::read(path).map_err(|e| {
        Failure(l10n.format(
            "training-file-unreadable",
            &[("reason", Arg::Str(&format!("{}: {e}", path.display())))],
        ))
    })?;
    Practice::from_json(&bytes, sop).map_err(|e| refused(&e, l10n))
}

/// Prints `value` as JSON, for a trainer's scripts.
fn json(out: &mut dyn Write, l10n: &Localizer, value: &serde_json::Value) -> Result<u8, Failure> {
    say(
        out,
        l10n,
        &serde_json::to_string_pretty(value).unwrap_or_default(),
    )?;
    Ok(0)
}

fn score_args(score: Score) -> [(&'static str, Arg<'static>); 3] {
    [
        ("earned", Arg::Num(f64::from(score.earned))),
        ("available", Arg::Num(f64::from(score.available))),
        ("percent", Arg::Num(f64::from(score.percent()))),
    ]
}

/// The story of stage `stage` (or the introduction and the first stage), as markdown.
fn print_stage(
    out: &mut dyn Write,
    l10n: &Localizer,
    sop: &Sop,
    practice: &Practice,
    stage: usize,
) -> Result<(), Failure> {
    let lang = l10n.lang();
    let scenario = practice.scenario(sop).map_err(|e| refused(&e, l10n))?;
    let text = scenario.text(lang);
    let Some(s) = scenario.stages.get(stage) else {
        return Ok(());
    };
    let title = text.stage(&s.id).map(|t| t.title.as_str()).unwrap_or(&s.id);
    say(out, l10n, "")?;
    say(
        out,
        l10n,
        &l10n.format(
            "training-stage-head",
            &[
                ("n", Arg::Num((stage + 1) as f64)),
                ("total", Arg::Num(scenario.stages.len() as f64)),
                ("title", Arg::Str(title)),
            ],
        ),
    )?;
    if let Some(t) = text.stage(&s.id) {
        say(out, l10n, text.story(t).trim())?;
    }
    Ok(())
}

fn step_line(sop: &Sop, lang: Lang, item: &StepFeedback, l10n: &Localizer) -> String {
    let title = sop
        .step(&item.step, lang)
        .map(|(_, s)| s.title.clone())
        .unwrap_or_default();
    let expected = l10n.get(&format!("training-state-{}", item.expected));
    format!(
        "  {} {title} [{}] ({})",
        item.step,
        item.chapter,
        l10n.format("training-expected", &[("state", Arg::Str(&expected))])
    )
}

fn print_feedback(
    out: &mut dyn Write,
    l10n: &Localizer,
    sop: &Sop,
    feedback: &Feedback,
) -> Result<(), Failure> {
    let lang = l10n.lang();
    say(
        out,
        l10n,
        &l10n.format("training-score", &score_args(feedback.score)),
    )?;
    if feedback.is_perfect() {
        say(out, l10n, &l10n.get("training-perfect"))?;
    }
    for (head, items) in [
        ("training-missed", &feedback.missed),
        ("training-wrongly-na", &feedback.wrongly_not_applicable),
        ("training-wrongly-done", &feedback.wrongly_done),
        ("training-early", &feedback.early),
    ] {
        if items.is_empty() {
            continue;
        }
        say(out, l10n, &l10n.get(head))?;
        for item in items {
            say(out, l10n, &step_line(sop, lang, item, l10n))?;
        }
    }
    if !feedback.facts_missed.is_empty() {
        say(out, l10n, &l10n.get("training-facts-missed"))?;
        for f in &feedback.facts_missed {
            let label = sop
                .manifest
                .fact(&f.fact)
                .map_or(f.fact.as_str(), |m| m.label.get(lang));
            say(
                out,
                l10n,
                &format!(
                    "  {} ({label}): {}",
                    f.fact,
                    l10n.format(
                        "training-fact-values",
                        &[
                            ("expected", Arg::Str(&f.expected)),
                            ("given", Arg::Str(&f.given))
                        ]
                    )
                ),
            )?;
        }
    }
    Ok(())
}

/// Runs `dalil training …` with the SOP `sop`.
pub(crate) fn run(
    command: TrainingCommand,
    sop: &Sop,
    l10n: &Localizer,
    out: &mut dyn Write,
) -> Result<u8, Failure> {
    let lang = l10n.lang();
    match command {
        TrainingCommand::List { json: as_json } => {
            if as_json {
                let list: Vec<_> = sop
                    .training
                    .scenarios
                    .iter()
                    .map(|s| {
                        serde_json::json!({
                            "id": s.id,
                            "title": {"ar": s.ar.title, "en": s.en.title},
                            "stages": s.stages.iter().map(|st| st.id.clone()).collect::<Vec<_>>(),
                        })
                    })
                    .collect();
                return json(out, l10n, &serde_json::Value::Array(list));
            }
            for s in &sop.training.scenarios {
                say(
                    out,
                    l10n,
                    &l10n.format(
                        "training-list-line",
                        &[
                            ("id", Arg::Str(&s.id)),
                            ("title", Arg::Str(&s.text(lang).title)),
                            ("stages", Arg::Num(s.stages.len() as f64)),
                        ],
                    ),
                )?;
            }
            Ok(0)
        }
        TrainingCommand::Start {
            scenario,
            out: file,
            trainee,
        } => {
            let practice =
                Practice::start(sop, &scenario, &trainee).map_err(|e| refused(&e, l10n))?;
            crate::sop::write_new(&file, &practice.to_json(), 0o600, l10n)?;
            let s = practice.scenario(sop).map_err(|e| refused(&e, l10n))?;
            say(out, l10n, &l10n.get("training-practice-label"))?;
            say(out, l10n, &format!("{} ({})", s.text(lang).title, s.id))?;
            say(out, l10n, s.text(lang).introduction().trim())?;
            print_stage(out, l10n, sop, &practice, 0)?;
            say(
                out,
                l10n,
                &l10n.format(
                    "training-started",
                    &[("path", Arg::Str(&file.to_string_lossy()))],
                ),
            )?;
            Ok(0)
        }
        TrainingCommand::Check(args) => {
            let mut practice = read(&args.file, sop, l10n)?;
            let facts = dalil_checklist::parse_facts(&sop.manifest, &args.facts.join(","))
                .map_err(|e| {
                    let given = match e {
                        dalil_checklist::FactError::BadValue { fact, value } => {
                            format!("{fact}={value}")
                        }
                        dalil_checklist::FactError::Unknown(fact) => fact,
                        _ => args.facts.join(","),
                    };
                    Failure(l10n.format("training-bad-fact", &[("fact", Arg::Str(&given))]))
                })?;
            let pairs: Vec<(&str, &str)> = facts
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect();
            practice
                .declare(sop, &pairs)
                .map_err(|e| refused(&e, l10n))?;
            for step in &args.steps {
                let (id, state) = step.split_once('=').unwrap_or((step.as_str(), "done"));
                practice
                    .mark(sop, id.trim(), state.trim())
                    .map_err(|e| refused(&e, l10n))?;
            }
            let stage = practice
                .stage(sop)
                .ok_or_else(|| refused(&PracticeError::Finished, l10n))?;
            let feedback = if args.next {
                practice.finish_stage(sop).map_err(|e| refused(&e, l10n))?
            } else {
                practice
                    .check(sop)
                    .ok_or_else(|| refused(&PracticeError::Finished, l10n))?
            };
            dalil_store::write_file_atomic(&args.file, &practice.to_json()).map_err(|e| {
                Failure(l10n.format("cli-write-failed", &[("reason", Arg::Str(&e.to_string()))]))
            })?;
            if args.json {
                let value = serde_json::json!({
                    "practice": true,
                    "stage": stage,
                    "finished": args.next,
                    "feedback": feedback,
                    "percent": feedback.score.percent(),
                });
                return json(out, l10n, &value);
            }
            say(out, l10n, &l10n.get("training-practice-label"))?;
            print_feedback(out, l10n, sop, &feedback)?;
            if args.next {
                match practice.stage(sop) {
                    Some(next) => print_stage(out, l10n, sop, &practice, next)?,
                    None => say(
                        out,
                        l10n,
                        &l10n.format("training-done", &score_args(practice.total(sop))),
                    )?,
                }
            }
            Ok(0)
        }
        TrainingCommand::Score {
            files,
            json: as_json,
        } => {
            let practices = files
                .iter()
                .map(|f| read(f, sop, l10n))
                .collect::<Result<Vec<_>, _>>()?;
            let summary = dalil_practice::summary(sop, &practices);
            if as_json {
                let value = serde_json::json!({
                    "practice": true,
                    "files": files.iter().zip(&practices).map(|(f, p)| serde_json::json!({
                        "file": f.to_string_lossy(),
                        "trainee": p.trainee,
                        "scenario": p.scenario,
                        "stages": p.scores(sop).iter().map(|s| serde_json::json!({
                            "stage": s.stage, "score": s.score, "percent": s.score.percent(),
                        })).collect::<Vec<_>>(),
                        "total": p.total(sop),
                        "percent": p.total(sop).percent(),
                        "finished": p.stage(sop).is_none(),
                    })).collect::<Vec<_>>(),
                    "summary": summary,
                });
                return json(out, l10n, &value);
            }
            say(out, l10n, &l10n.get("training-practice-label"))?;
            for (f, p) in files.iter().zip(&practices) {
                let trainee = if p.trainee.is_empty() {
                    f.to_string_lossy().into_owned()
                } else {
                    p.trainee.clone()
                };
                let total = p.total(sop);
                let mut args = score_args(total).to_vec();
                args.push(("trainee", Arg::Str(&trainee)));
                args.push(("scenario", Arg::Str(&p.scenario)));
                say(out, l10n, &l10n.format("training-score-file", &args))?;
                for s in p.scores(sop) {
                    let mut args = score_args(s.score).to_vec();
                    args.push(("stage", Arg::Str(&s.stage)));
                    say(
                        out,
                        l10n,
                        &format!("  {}", l10n.format("training-score-stage", &args)),
                    )?;
                }
            }
            if practices.len() > 1 {
                say(out, l10n, "")?;
                say(
                    out,
                    l10n,
                    &l10n.format(
                        "training-summary-head",
                        &[("files", Arg::Num(summary.files as f64))],
                    ),
                )?;
                if summary.steps.is_empty() && summary.facts.is_empty() {
                    say(out, l10n, &l10n.get("training-summary-none"))?;
                }
                for m in &summary.steps {
                    let title = sop
                        .step(&m.id, lang)
                        .map(|(_, s)| s.title.clone())
                        .unwrap_or_default();
                    let line = l10n.format(
                        "training-summary-line",
                        &[
                            ("times", Arg::Num(m.times as f64)),
                            ("trainees", Arg::Num(m.trainees as f64)),
                        ],
                    );
                    say(out, l10n, &format!("  {} {title}: {line}", m.id))?;
                }
                if !summary.facts.is_empty() {
                    say(out, l10n, &l10n.get("training-summary-facts"))?;
                    for m in &summary.facts {
                        let line = l10n.format(
                            "training-summary-line",
                            &[
                                ("times", Arg::Num(m.times as f64)),
                                ("trainees", Arg::Num(m.trainees as f64)),
                            ],
                        );
                        say(out, l10n, &format!("  {}: {line}", m.id))?;
                    }
                }
            }
            Ok(0)
        }
    }
}
