//! The `dalil` command-line tool, as a library so that tests can run it in-process.
//!
//! Exit codes: 0 success, 1 the content has problems (or a command found something wrong),
//! 2 a usage or input error. Warnings about the content are printed but leave the exit code 0.

use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand, ValueEnum};
use dalil_content::{Diagnostic, Files, Lang, Sop};
use dalil_l10n::{Arg, Digits, Localizer};
use dalil_search::{Highlighted, SearchError, SearchOptions, SearchResults, SopIndex};

mod cases;
mod export;
mod sop;
mod training;
mod transfer;

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
    // `--data-dir` and `--passphrase-file`, for the commands on the case file.
    #[command(flatten)]
    store: cases::StoreArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check the SOP content and print every problem as `file:line:col: code: message`, and
    /// every warning as `file:line:col: warning: code: message`. Exits 1 on errors only.
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
    /// Search the SOP in Arabic and English. Words are ANDed; the last one matches as a prefix.
    Search {
        /// The words to search for.
        #[arg(required = true, num_args = 1.., value_name = "QUERY")]
        query: Vec<String>,
        /// The language of the texts to search.
        #[arg(long, value_enum, default_value = "both")]
        lang: SearchLang,
        /// The most results to show.
        #[arg(long, default_value_t = dalil_search::DEFAULT_LIMIT)]
        limit: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
        /// Search the notes in the case file instead of the SOP (needs the passphrase).
        #[arg(long)]
        notes: bool,
    },
    // `case`, `step`, `note`, `history`, `audit`, `backup`, `restore`, `passphrase`.
    #[command(flatten)]
    Store(cases::StoreCommand),
    /// Write a case's report (HTML, to print) or its bundle (to hand the case over).
    Export(export::ExportArgs),
    /// Check a case bundle: exit 0 intact, 1 altered, 2 unreadable.
    Verify(export::VerifyArgs),
    /// Send cases to the directorate: one encrypted, signed file for a USB stick.
    #[command(subcommand)]
    Transfer(transfer::TransferCommand),
    /// Print this computer's key, which the directorate registers to accept its bundles.
    Device(transfer::DeviceArgs),
    /// SOP editions: sign one, install one, see what changed.
    #[command(subcommand)]
    Sop(sop::SopCommand),
    /// Practice cases for training, kept in practice files apart from real cases.
    #[command(subcommand)]
    Training(training::TrainingCommand),
}

/// The languages `dalil search` looks in.
#[derive(Debug, Clone, Copy, ValueEnum)]
enum SearchLang {
    /// Arabic only.
    Ar,
    /// English only.
    En,
    /// Both languages.
    Both,
}

impl SearchLang {
    fn only(self) -> Option<Lang> {
        match self {
            SearchLang::Ar => Some(Lang::Ar),
            SearchLang::En => Some(Lang::En),
            SearchLang::Both => None,
        }
    }
}

/// Runs `dalil` with these arguments, writing to `out` and `err`, and returns the exit code.
/// Its messages are in the language that `DALIL_LANG`, `LC_ALL` or `LANG` asks for, with
/// numbers in Arabic text in the digits `DALIL_DIGITS` asks for.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    run_with(
        dalil_l10n::message_lang(),
        dalil_l10n::message_digits(),
        args,
        out,
        err,
    )
}

/// Runs `dalil` as [`run`] does, with its messages in `lang` whatever the environment says,
/// and Arabic numbers in the default digits. Tests use it: changing the environment of a test
/// process races with the other tests.
pub fn run_with_lang<I, T>(lang: Lang, args: I, out: &mut dyn Write, err: &mut dyn Write) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    run_with(lang, Digits::default(), args, out, err)
}

/// Runs `dalil` as [`run`] does, with its messages in `lang` and the numbers of its Arabic
/// text (messages and reports) in `digits`, whatever the environment says. Ids, codes, places
/// (`file:line:col`) and `--json` output keep their Latin digits.
pub fn run_with<I, T>(
    lang: Lang,
    digits: Digits,
    args: I,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> u8
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
    let l10n = Localizer::with_digits(lang, digits);
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
            let errors = dalil_content::error_count(&diagnostics);
            let warnings = diagnostics.len() - errors;
            if json {
                let list: Vec<_> = diagnostics
                    .iter()
                    .map(|d| diagnostic_json(d, l10n))
                    .collect();
                let text = serde_json::to_string_pretty(&list).unwrap_or_default();
                writeln!(out, "{text}").map_err(write_failed)?;
            } else {
                // The code, the place and the word `warning` stay Latin and unchanged in every
                // language; only the message is translated.
                for d in &diagnostics {
                    let message = dalil_l10n::strip_isolation(&l10n.diagnostic(d));
                    let severity = if d.is_error() {
                        String::new()
                    } else {
                        format!("{}: ", d.severity())
                    };
                    writeln!(
                        out,
                        "{}:{}:{}: {severity}{}: {message}",
                        d.file, d.line, d.column, d.code
                    )
                    .map_err(write_failed)?;
                }
                let summary = if errors == 0 {
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
                        &[("count", Arg::Num(errors as f64))],
                    )
                };
                writeln!(err, "{}", dalil_l10n::strip_isolation(&summary)).map_err(write_failed)?;
                let scenarios = sop.training.scenarios.len();
                if errors == 0 && scenarios > 0 {
                    let line = l10n.format(
                        "cli-validate-scenarios",
                        &[("scenarios", Arg::Num(scenarios as f64))],
                    );
                    writeln!(err, "{}", dalil_l10n::strip_isolation(&line))
                        .map_err(write_failed)?;
                }
                if warnings > 0 {
                    let summary = l10n.format(
                        "cli-validate-warnings",
                        &[("count", Arg::Num(warnings as f64))],
                    );
                    writeln!(err, "{}", dalil_l10n::strip_isolation(&summary))
                        .map_err(write_failed)?;
                }
            }
            // Warnings are printed but do not fail validation.
            Ok(if errors == 0 { 0 } else { 1 })
        }
        Command::Chapters { lang, json } => {
            let sop = load_clean(cli.content.as_ref(), cli.store.data_dir(), l10n)?;
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
            let (sop, diagnostics) = dalil_content::load(&sop_files(
                cli.content.as_ref(),
                cli.store.data_dir(),
                l10n,
            )?);
            let errors = dalil_content::error_count(&diagnostics);
            if errors > 0 {
                let warning = l10n.format(
                    "cli-content-has-problems",
                    &[("count", Arg::Num(errors as f64))],
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
            let sop = load_clean(cli.content.as_ref(), cli.store.data_dir(), l10n)?;
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
        Command::Search {
            query,
            lang,
            limit,
            json,
            notes,
        } => {
            if notes {
                let query = query.join(" ");
                return cases::search_notes(&query, limit, json, &cli.store, l10n, out, err);
            }
            let sop = load_clean(cli.content.as_ref(), cli.store.data_dir(), l10n)?;
            let index = SopIndex::build(&sop).map_err(|e| search_failure(l10n, &e))?;
            let options = SearchOptions {
                lang: lang.only(),
                limit,
            };
            let results = index
                .search(&query.join(" "), &options)
                .map_err(|e| search_failure(l10n, &e))?;
            if json {
                let text = serde_json::to_string_pretty(&search_json(&results)).unwrap_or_default();
                writeln!(out, "{text}").map_err(write_failed)?;
                return Ok(0);
            }
            print_search(&sop, &results, l10n, out, err).map_err(write_failed)?;
            Ok(0)
        }
        Command::Store(command) => {
            cases::run(command, &cli.store, cli.content.as_ref(), l10n, out, err)
        }
        Command::Export(args) => {
            export::export(args, &cli.store, cli.content.as_ref(), l10n, out, err)
        }
        Command::Verify(args) => export::verify(args, l10n, out),
        Command::Transfer(command) => {
            transfer::transfer(command, &cli.store, cli.content.as_ref(), l10n, out, err)
        }
        Command::Sop(command) => sop::run(command, cli.store.data_dir(), l10n, out),
        Command::Training(command) => {
            let sop = load_clean(cli.content.as_ref(), cli.store.data_dir(), l10n)?;
            training::run(command, &sop, l10n, out)
        }
        Command::Device(args) => {
            transfer::device(args, &cli.store, cli.content.as_ref(), l10n, out, err)
        }
    }
}

/// A search error in the user's words.
fn search_failure(l10n: &Localizer, e: &SearchError) -> Failure {
    let message = match e {
        SearchError::QueryTooLong { max } => l10n.format(
            "cli-search-query-too-long",
            &[("max", Arg::Num(*max as f64))],
        ),
        SearchError::TooManyWords { max } => l10n.format(
            "cli-search-too-many-words",
            &[("max", Arg::Num(*max as f64))],
        ),
        SearchError::ControlCharacter => l10n.get("cli-search-control-character"),
        other => l10n.format(
            "cli-search-failed",
            &[("reason", Arg::Str(&other.to_string()))],
        ),
    };
    Failure(message)
}

/// Prints search results grouped by chapter, then step, one line per language with the
/// title, and the snippet under it with the matches between « ».
fn print_search(
    sop: &Sop,
    results: &SearchResults,
    l10n: &Localizer,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<()> {
    let marked = |h: &Highlighted| h.marked("«", "»");
    let groups = results.groups();
    for group in &groups {
        let mut titles: Vec<&str> = Vec::new();
        for hit in group.entries.iter().flat_map(|e| &e.hits) {
            if !titles.contains(&hit.chapter_title.as_str()) {
                titles.push(&hit.chapter_title);
            }
        }
        writeln!(out, "{}  {}", group.chapter, titles.join(" / "))?;
        for entry in &group.entries {
            let label = match entry.step {
                Some(step) => step.to_owned(),
                None => dalil_l10n::strip_isolation(&l10n.get("cli-search-chapter-text")),
            };
            writeln!(out, "  {label}")?;
            for hit in &entry.hits {
                writeln!(out, "    [{}] {}", hit.lang, marked(&hit.title))?;
                if !hit.snippet.text.is_empty() {
                    writeln!(out, "         {}", marked(&hit.snippet))?;
                }
            }
        }
    }
    for id in &results.terms {
        if let Some(term) = sop.glossary.term(id) {
            let names = format!("{} / {}", term.name.ar, term.name.en);
            let line = l10n.format("cli-search-glossary-term", &[("names", Arg::Str(&names))]);
            writeln!(err, "{}", dalil_l10n::strip_isolation(&line))?;
        }
    }
    let summary = if results.hits.is_empty() {
        l10n.get("cli-search-no-results")
    } else {
        l10n.format(
            "cli-search-summary",
            &[
                ("count", Arg::Num(results.hits.len() as f64)),
                ("chapters", Arg::Num(groups.len() as f64)),
            ],
        )
    };
    writeln!(err, "{}", dalil_l10n::strip_isolation(&summary))
}

/// Search results as JSON, grouped like the text output. Marks are byte ranges of the text
/// they belong to; `snippet_html` is escaped HTML with `<mark>`.
fn search_json(results: &SearchResults) -> serde_json::Value {
    let marks =
        |h: &Highlighted| -> Vec<[usize; 2]> { h.marks.iter().map(|m| [m.start, m.end]).collect() };
    let chapters: Vec<_> = results
        .groups()
        .iter()
        .map(|g| {
            let entries: Vec<_> = g
                .entries
                .iter()
                .map(|e| {
                    let hits: Vec<_> = e
                        .hits
                        .iter()
                        .map(|h| {
                            serde_json::json!({
                                "lang": h.lang.code(),
                                "chapter_title": h.chapter_title,
                                "title": h.title.text,
                                "title_marks": marks(&h.title),
                                "snippet": h.snippet.text,
                                "snippet_marks": marks(&h.snippet),
                                "snippet_cut_before": h.snippet.cut_before,
                                "snippet_cut_after": h.snippet.cut_after,
                                "snippet_html": h.snippet.to_html(),
                                "score": h.score,
                            })
                        })
                        .collect();
                    serde_json::json!({ "step": e.step, "hits": hits })
                })
                .collect();
            serde_json::json!({ "chapter": g.chapter, "entries": entries })
        })
        .collect();
    serde_json::json!({ "terms": results.terms, "chapters": chapters })
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

/// The SOP to use: the folder given with `--content`, else the newest edition among the one
/// built in and those installed in the data folder (`dalil sop install`), each checked again
/// against the keys this program trusts.
fn sop_files(
    dir: Option<&PathBuf>,
    data_dir: Option<&Path>,
    l10n: &Localizer,
) -> Result<Files, Failure> {
    if dir.is_some() {
        return files(dir, l10n);
    }
    let data_dir = match data_dir {
        Some(d) => d.to_owned(),
        None => match dalil_store::default_data_dir() {
            Ok(d) => d,
            Err(_) => return Ok(dalil_sop_files::bundled()),
        },
    };
    Ok(dalil_editions::Editions::new(&data_dir).current())
}

/// Loads the SOP and refuses to go on if it has errors: a checklist from broken content
/// could leave out a step without anyone noticing. Warnings (a name the glossary says to
/// avoid) do not make the content unsafe to use, so they do not stop it.
fn load_clean(
    dir: Option<&PathBuf>,
    data_dir: Option<&Path>,
    l10n: &Localizer,
) -> Result<Sop, Failure> {
    let (sop, diagnostics) = dalil_content::load(&sop_files(dir, data_dir, l10n)?);
    let errors = dalil_content::error_count(&diagnostics);
    if errors == 0 {
        Ok(sop)
    } else {
        Err(Failure(dalil_l10n::strip_isolation(&l10n.format(
            "cli-content-has-problems",
            &[("count", Arg::Num(errors as f64))],
        ))))
    }
}

/// A diagnostic for `validate --json`: `severity` is `error` or `warning`; `message` is
/// always English, as scripts expect; `message_localized` is in the tool's language.
fn diagnostic_json(d: &Diagnostic, l10n: &Localizer) -> serde_json::Value {
    serde_json::json!({
        "file": d.file,
        "line": d.line,
        "column": d.column,
        "code": d.code.as_str(),
        "severity": d.severity().as_str(),
        "message": d.message,
        "message_localized": dalil_l10n::strip_isolation(&l10n.diagnostic(d)),
    })
}

#[cfg(test)]
mod search_tests {
    //! `dalil search`, run in-process on the built-in SOP. Messages depend on the caller's
    //! locale, so these tests check exit codes and the results, not the wording.

    fn dalil(args: &[&str]) -> (u8, String, String) {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let code = super::run(
            std::iter::once("dalil").chain(args.iter().copied()),
            &mut out,
            &mut err,
        );
        (
            code,
            String::from_utf8_lossy(&out).into_owned(),
            String::from_utf8_lossy(&err).into_owned(),
        )
    }

    #[test]
    fn text_output_is_grouped_and_marked() {
        let (code, out, err) = dalil(&["search", "debt", "bondage"]);
        assert_eq!(code, 0, "{err}");
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].starts_with("identification  "), "{out}");
        assert_eq!(lines[1], "  ident-labour");
        assert!(lines[2].starts_with("    [en] "), "{out}");
        assert!(out.contains("«debt bondage»"), "{out}");
        assert!(out.contains("    [ar] "), "{out}");
        assert!(out.contains("«إسار الدين»"), "{out}");
        assert!(!err.is_empty());
    }

    #[test]
    fn json_output_is_grouped_with_marks_and_escaped_html() {
        let (code, out, _) = dalil(&["search", "--json", "--lang", "ar", "مترجم"]);
        assert_eq!(code, 0);
        let v: serde_json::Value = serde_json::from_str(&out).unwrap_or_default();
        let chapters = v["chapters"].as_array().cloned().unwrap_or_default();
        assert!(!chapters.is_empty(), "{out}");
        for c in &chapters {
            for e in c["entries"].as_array().into_iter().flatten() {
                for h in e["hits"].as_array().into_iter().flatten() {
                    assert_eq!(h["lang"], "ar");
                    let html = h["snippet_html"].as_str().unwrap_or_default();
                    assert!(!html.contains('<') || html.contains("<mark>"), "{html}");
                    assert!(h["snippet_marks"].is_array());
                }
            }
        }
        assert_eq!(chapters[0]["entries"][0]["step"], "intake-interpreter");
    }

    #[test]
    fn no_results_is_not_an_error() {
        let (code, out, err) = dalil(&["search", "--lang", "en", "zzzzqqq"]);
        assert_eq!((code, out.as_str()), (0, ""));
        assert!(!err.is_empty());
    }

    #[test]
    fn fts5_syntax_is_harmless() {
        for q in [
            "\"",
            "NEAR(",
            "a*b:c^",
            "{title}:x",
            "victim OR",
            "(((",
            "-",
            "+",
        ] {
            let (code, _, err) = dalil(&["search", "--", q]);
            assert_eq!(code, 0, "{q}: {err}");
        }
    }

    #[test]
    fn bad_queries_are_input_errors() {
        let long = "a".repeat(300);
        for q in [long.as_str(), "victim\u{1}"] {
            let (code, out, err) = dalil(&["search", q]);
            assert_eq!((code, out.as_str()), (2, ""), "{q:?}");
            assert!(err.starts_with("dalil: "), "{err}");
        }
        let (code, _, _) = dalil(&["search", "--lang", "fr", "x"]);
        assert_eq!(code, 2);
        let (code, _, _) = dalil(&["search"]);
        assert_eq!(code, 2);
    }
}
