//! The `dalil` command-line tool, as a library so that tests can run it in-process.
//!
//! Exit codes: 0 success, 1 the content has problems (or a command found something wrong),
//! 2 a usage or input error.

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::{Parser, Subcommand};
use dalil_content::{Diagnostic, Files, Lang, Sop};
use dalil_l10n::{Arg, Localizer};

/// The command line.
#[derive(Debug, Parser)]
#[command(
    name = "dalil",
    version,
    about = "Dalil: the TIP/SOM investigation guide, on the command line"
)]
struct Cli {
    /// Use the SOP in this folder instead of the one built into `dalil`.
    #[arg(long, global = true, value_name = "DIR")]
    content: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check the SOP content and print every problem as `file:line:col: code: message`.
    Validate {
        /// The content folder to check (default: the built-in SOP, or `--content`).
        dir: Option<PathBuf>,
        /// Print the diagnostics as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List the chapters in reading order.
    Chapters {
        /// The language of the titles.
        #[arg(long, default_value = "ar")]
        lang: Lang,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a chapter as sanitized HTML.
    Render {
        /// The chapter id.
        chapter: String,
        /// The language.
        #[arg(long, default_value = "ar")]
        lang: Lang,
    },
    /// Print the checklist an officer gets for a case with these facts.
    Steps {
        /// Facts, such as `child,foreign-national,kind=smuggling`.
        #[arg(long, default_value = "")]
        facts: String,
        /// The language of the titles and reasons.
        #[arg(long, default_value = "ar")]
        lang: Lang,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

/// Runs `dalil` with these arguments, writing to `out` and `err`, and returns the exit code.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let code = if e.use_stderr() { 2 } else { 0 };
            let text = e.render().to_string();
            let _ = if e.use_stderr() {
                err.write_all(text.as_bytes())
            } else {
                out.write_all(text.as_bytes())
            };
            return code;
        }
    };
    let l10n = Localizer::new(message_lang());
    match execute(cli, &l10n, out, err) {
        Ok(code) => code,
        Err(Failure(message)) => {
            // Terminals do not implement Unicode bidi isolation, so the marks would show as
            // stray characters; the message itself is unchanged.
            let _ = writeln!(err, "dalil: {}", dalil_l10n::strip_isolation(&message));
            2
        }
    }
}

/// The language of the tool's own messages: Arabic when `DALIL_LANG`, `LC_ALL` or `LANG`
/// asks for it, English otherwise (terminals rarely shape Arabic well).
fn message_lang() -> Lang {
    for var in ["DALIL_LANG", "LC_ALL", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if !v.is_empty() {
                return if v.starts_with("ar") {
                    Lang::Ar
                } else {
                    Lang::En
                };
            }
        }
    }
    Lang::En
}

/// A failure already put into words for the user.
struct Failure(String);

fn execute(
    cli: Cli,
    l10n: &Localizer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<u8, Failure> {
    let write_failed = |e: std::io::Error| {
        Failure(l10n.format("cli-write-failed", &[("reason", Arg::Str(&e.to_string()))]))
    };
    match cli.command {
        Command::Validate { dir, json } => {
            let files = files(dir.as_ref().or(cli.content.as_ref()), l10n)?;
            let (sop, diagnostics) = dalil_content::load(&files);
            if json {
                let list: Vec<_> = diagnostics.iter().map(diagnostic_json).collect();
                let text = serde_json::to_string_pretty(&list).unwrap_or_default();
                writeln!(out, "{text}").map_err(write_failed)?;
            } else {
                for d in &diagnostics {
                    writeln!(out, "{d}").map_err(write_failed)?;
                }
                let summary = if diagnostics.is_empty() {
                    l10n.format(
                        "cli-validate-clean",
                        &[
                            ("chapters", Arg::Num(sop.chapters.len() as f64)),
                            ("steps", Arg::Num(sop.steps(Lang::Ar).count() as f64)),
                        ],
                    )
                } else {
                    l10n.format(
                        "cli-validate-problems",
                        &[("count", Arg::Num(diagnostics.len() as f64))],
                    )
                };
                writeln!(err, "{}", dalil_l10n::strip_isolation(&summary)).map_err(write_failed)?;
            }
            Ok(if diagnostics.is_empty() { 0 } else { 1 })
        }
        Command::Chapters { lang, json } => {
            let sop = load_clean(cli.content.as_ref(), l10n)?;
            if json {
                let list: Vec<_> = sop
                    .chapters
                    .iter()
                    .map(|c| {
                        serde_json::json!({
                            "id": c.id,
                            "phase": c.phase,
                            "title": c.text(lang).title,
                            "steps": c.text(lang).steps.len(),
                        })
                    })
                    .collect();
                let text = serde_json::to_string_pretty(&list).unwrap_or_default();
                writeln!(out, "{text}").map_err(write_failed)?;
                return Ok(0);
            }
            for phase in &sop.manifest.phases {
                let chapters: Vec<_> = sop
                    .chapters
                    .iter()
                    .filter(|c| c.phase == phase.id)
                    .collect();
                if chapters.is_empty() {
                    continue;
                }
                writeln!(out, "{}", phase.name.get(lang)).map_err(write_failed)?;
                for c in chapters {
                    let count = l10n.format(
                        "cli-chapter-steps",
                        &[("count", Arg::Num(c.text(lang).steps.len() as f64))],
                    );
                    writeln!(
                        out,
                        "  {:<24} {} ({})",
                        c.id,
                        c.text(lang).title,
                        dalil_l10n::strip_isolation(&count)
                    )
                    .map_err(write_failed)?;
                }
            }
            Ok(0)
        }
        Command::Render { chapter, lang } => {
            // Rendering is sanitized whatever the content holds, so problems are reported but
            // do not stop it: staff render a chapter to see what they are fixing.
            let (sop, diagnostics) = dalil_content::load(&files(cli.content.as_ref(), l10n)?);
            if !diagnostics.is_empty() {
                let warning = l10n.format(
                    "cli-content-has-problems",
                    &[("count", Arg::Num(diagnostics.len() as f64))],
                );
                writeln!(err, "dalil: {}", dalil_l10n::strip_isolation(&warning))
                    .map_err(write_failed)?;
            }
            let labels = Localizer::new(lang).render_labels();
            let Some(rendered) =
                dalil_content::render::render_chapter(&sop, &chapter, lang, &labels)
            else {
                return Err(Failure(
                    l10n.format("cli-unknown-chapter", &[("id", Arg::Str(&chapter))]),
                ));
            };
            out.write_all(rendered.html.as_bytes())
                .map_err(write_failed)?;
            Ok(0)
        }
        Command::Steps { facts, lang, json } => {
            let sop = load_clean(cli.content.as_ref(), l10n)?;
            let facts = dalil_checklist::parse_facts(&sop.manifest, &facts).map_err(|e| {
                Failure(l10n.format("cli-bad-facts", &[("reason", Arg::Str(&e.to_string()))]))
            })?;
            let items = dalil_checklist::applicable(&sop, &facts);
            let content_l10n = Localizer::new(lang);
            let not = content_l10n.get("condition-not");
            let title = |item: &dalil_checklist::Item| {
                sop.chapter(&item.chapter)
                    .and_then(|c| c.text(lang).steps.iter().find(|s| s.id == item.step))
                    .map(|s| s.title.clone())
                    .unwrap_or_default()
            };
            let why = |item: &dalil_checklist::Item| -> Vec<String> {
                item.reasons
                    .iter()
                    .map(|r| dalil_checklist::explain(&sop.manifest, r, lang, &not))
                    .collect()
            };
            if json {
                let list: Vec<_> = items
                    .iter()
                    .map(|i| {
                        serde_json::json!({
                            "id": i.step,
                            "chapter": i.chapter,
                            "phase": i.phase,
                            "title": title(i),
                            "required": i.required,
                            "conditional": i.conditional,
                            "why": why(i),
                        })
                    })
                    .collect();
                let text = serde_json::to_string_pretty(&list).unwrap_or_default();
                writeln!(out, "{text}").map_err(write_failed)?;
                return Ok(0);
            }
            let mut phase = "";
            for item in &items {
                if item.phase != phase {
                    phase = &item.phase;
                    let name = sop
                        .manifest
                        .phase(phase)
                        .map_or(phase, |p| p.name.get(lang));
                    writeln!(out, "{name}").map_err(write_failed)?;
                }
                let reason = if item.conditional {
                    content_l10n.format(
                        "cli-step-because",
                        &[("reasons", Arg::Str(&why(item).join(list_separator(lang))))],
                    )
                } else {
                    content_l10n.get("cli-step-every-case")
                };
                let advisory = if item.required {
                    String::new()
                } else {
                    format!(
                        "{}{}",
                        list_separator(lang),
                        content_l10n.get("cli-step-advisory")
                    )
                };
                writeln!(
                    out,
                    "  {}  {}  ({}{advisory})",
                    item.step,
                    title(item),
                    dalil_l10n::strip_isolation(&reason)
                )
                .map_err(write_failed)?;
            }
            let required = items.iter().filter(|i| i.required).count();
            let summary = l10n.format(
                "cli-steps-summary",
                &[
                    ("count", Arg::Num(items.len() as f64)),
                    ("required", Arg::Num(required as f64)),
                ],
            );
            writeln!(err, "{}", dalil_l10n::strip_isolation(&summary)).map_err(write_failed)?;
            Ok(0)
        }
    }
}

/// The separator between items of a list in running text.
fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "، ",
        Lang::En => "; ",
    }
}

/// The content files: from `dir`, or the built-in SOP.
fn files(dir: Option<&PathBuf>, l10n: &Localizer) -> Result<Files, Failure> {
    match dir {
        None => Ok(dalil_sop_files::bundled()),
        Some(dir) => dalil_sop_files::read_dir(dir).map_err(|e| {
            Failure(l10n.format(
                "cli-content-unreadable",
                &[("reason", Arg::Str(&e.to_string()))],
            ))
        }),
    }
}

/// Loads the SOP and refuses to go on if it has problems: a checklist from broken content
/// could leave out a step without anyone noticing.
fn load_clean(dir: Option<&PathBuf>, l10n: &Localizer) -> Result<Sop, Failure> {
    let (sop, diagnostics) = dalil_content::load(&files(dir, l10n)?);
    if diagnostics.is_empty() {
        Ok(sop)
    } else {
        Err(Failure(dalil_l10n::strip_isolation(&l10n.format(
            "cli-content-has-problems",
            &[("count", Arg::Num(diagnostics.len() as f64))],
        ))))
    }
}

fn diagnostic_json(d: &Diagnostic) -> serde_json::Value {
    serde_json::json!({
        "file": d.file,
        "line": d.line,
        "column": d.column,
        "code": d.code.as_str(),
        "message": d.message,
    })
}
