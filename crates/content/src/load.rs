//! The loader: from the bytes of a content folder to a [`Sop`] and its diagnostics.

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::{Event, Tag, TagEnd};
use serde::Deserialize;

use crate::diagnostic::{Code, Diagnostic, LineIndex, Message};
use crate::elements;
use crate::glossary;
use crate::ids::is_kebab_case;
use crate::lang::Lang;
use crate::manifest::{self, Manifest};
use crate::markdown::{self, heading_attrs};
use crate::model::{Chapter, ChapterText, Heading, Sop, Step};

/// The files of a content folder: relative paths with `/` separators, to their bytes.
///
/// The caller fills it from a folder on disk or from the copy embedded in the binary.
pub type Files = BTreeMap<String, Vec<u8>>;

/// Loads and validates the SOP. It never panics and never stops at the first problem: the
/// model holds whatever could be read, and the diagnostics say what could not, sorted by file
/// and line. Warnings among them (see [`crate::Severity`]) leave the content usable; count
/// only errors ([`crate::error_count`]) to decide whether it is.
pub fn load(files: &Files) -> (Sop, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let Some(manifest) =
        text_of(files, manifest::FILE, &mut out).and_then(|text| manifest::parse(text, &mut out))
    else {
        out.sort();
        return (Sop::default(), out);
    };
    let glossary = text_of(files, glossary::FILE, &mut out)
        .map(|text| glossary::parse(text, &mut out))
        .unwrap_or_default();
    // Optional: an SOP without offence elements declares none.
    let elements_text = match files.get(elements::FILE) {
        None => None,
        Some(_) => text_of(files, elements::FILE, &mut out),
    };
    let (offences, step_refs) = elements_text
        .map(|text| elements::parse(text, &manifest, &mut out))
        .unwrap_or_default();

    let listed: BTreeSet<&str> = manifest.chapters.iter().map(String::as_str).collect();
    let mut unlisted = BTreeSet::new();
    for path in files.keys() {
        if let Some(rest) = path.strip_prefix("chapters/") {
            let folder = rest.split('/').next().unwrap_or_default();
            if !listed.contains(folder) && unlisted.insert(folder) {
                out.push(whole_file(
                    path,
                    Code::UnlistedChapter,
                    Message::new(
                        "validate-unlisted-chapter",
                        format!(
                            "the folder `chapters/{folder}` is not listed in the manifest's `chapters`"
                        ),
                    )
                    .arg("folder", folder),
                ));
            }
        }
    }

    let mut chapters = Vec::new();
    for id in &manifest.chapters {
        let prefix = format!("chapters/{id}/");
        if !files.keys().any(|p| p.starts_with(&prefix)) {
            out.push(whole_file(
                manifest::FILE,
                Code::MissingChapter,
                Message::new(
                    "validate-missing-chapter",
                    format!("the chapter `{id}` is listed, but there is no folder `chapters/{id}`"),
                )
                .arg("chapter", id),
            ));
            continue;
        }
        let mut texts = Vec::new();
        for lang in Lang::ALL {
            let path = format!("{prefix}{lang}.md");
            if !files.contains_key(&path) {
                out.push(whole_file(
                    &format!("chapters/{id}"),
                    Code::MissingLanguage,
                    Message::new(
                        "validate-missing-language",
                        format!("the chapter `{id}` has no `{lang}.md`"),
                    )
                    .arg("chapter", id)
                    .arg("lang", lang),
                ));
                continue;
            }
            if let Some(text) = text_of(files, &path, &mut out) {
                texts.push((lang, parse_chapter(&path, text, id, &manifest, &mut out)));
            }
        }
        if let [(Lang::Ar, (ar, ar_phase)), (Lang::En, (en, en_phase))] = texts.as_slice() {
            compare_languages(ar, en, &mut out);
            if ar_phase != en_phase && !ar_phase.is_empty() && !en_phase.is_empty() {
                let (line, column) = (2, 1);
                out.push(Diagnostic::new(
                    &en.file,
                    line,
                    column,
                    Code::FrontMatterMismatch,
                    Message::new(
                        "validate-phase-differs",
                        format!(
                            "the phase `{en_phase}` differs from `{ar_phase}` in ar.md; both languages must name the same phase"
                        ),
                    )
                    .arg("phase", en_phase)
                    .arg("ar-phase", ar_phase),
                ));
            }
            chapters.push(Chapter {
                id: id.clone(),
                phase: ar_phase.clone(),
                ar: ar.clone(),
                en: en.clone(),
            });
        }
    }

    let mut sop = Sop {
        manifest,
        glossary,
        offences,
        chapters,
        training: Default::default(),
    };
    if let Some(text) = elements_text {
        let known: BTreeSet<&str> = sop.steps(Lang::Ar).map(|(_, s)| s.id.as_str()).collect();
        elements::check_steps(text, &step_refs, &known, &mut out);
    }
    check_ids_and_links(&sop, &mut out);
    crate::variants::check(&sop, &mut out);
    sop.training = crate::training::load(files, &sop, &mut out);
    out.sort();
    out.dedup();
    (sop, out)
}

pub(crate) fn whole_file(file: &str, code: Code, message: Message) -> Diagnostic {
    Diagnostic::new(file, 0, 0, code, message)
}

pub(crate) fn text_of<'a>(
    files: &'a Files,
    path: &str,
    out: &mut Vec<Diagnostic>,
) -> Option<&'a str> {
    let Some(bytes) = files.get(path) else {
        out.push(whole_file(
            path,
            Code::Io,
            Message::new("validate-io-missing", format!("`{path}` is missing")).arg("path", path),
        ));
        return None;
    };
    match std::str::from_utf8(bytes) {
        Ok(text) => Some(text.strip_prefix('\u{feff}').unwrap_or(text)),
        Err(e) => {
            let before = &bytes[..e.valid_up_to()];
            let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
            out.push(Diagnostic::new(
                path,
                u32::try_from(line).unwrap_or(u32::MAX),
                0,
                Code::Io,
                Message::new("validate-io-not-utf8", "the file is not valid UTF-8 text"),
            ));
            None
        }
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FrontMatter {
    id: String,
    title: String,
    phase: String,
}

/// Reports diagnostics for one file at byte offsets of its text.
pub(crate) struct FileReporter<'a> {
    pub(crate) file: &'a str,
    pub(crate) text: &'a str,
    pub(crate) index: LineIndex,
}

impl<'a> FileReporter<'a> {
    pub(crate) fn new(file: &'a str, text: &'a str) -> Self {
        FileReporter {
            file,
            text,
            index: LineIndex::new(text),
        }
    }

    pub(crate) fn diag(&self, offset: usize, code: Code, message: Message) -> Diagnostic {
        let (line, column) = self.index.position(self.text, offset);
        Diagnostic::new(self.file, line, column, code, message)
    }

    pub(crate) fn line(&self, offset: usize) -> u32 {
        self.index.position(self.text, offset).0
    }
}

/// Reads the `+++` front matter at the start of a markdown file: `+++` on the first line,
/// TOML, `+++` on a line of its own. Returns where the body starts, and the front matter
/// with the byte offset of its first line when it could be read. `missing` is the message
/// for a file that does not start with `+++`: it names the keys the file needs.
pub(crate) fn front_matter<T: serde::de::DeserializeOwned>(
    r: &FileReporter<'_>,
    missing: Message,
    out: &mut Vec<Diagnostic>,
) -> (usize, Option<(T, usize)>) {
    let text = r.text;
    let first_line_end = text.find('\n').map_or(text.len(), |i| i + 1);
    if text[..first_line_end].trim_end() != "+++" {
        out.push(r.diag(0, Code::FrontMatterMissing, missing));
        return (0, None);
    }
    let mut close = None;
    let mut pos = first_line_end;
    for line in text[first_line_end..].split_inclusive('\n') {
        if line.trim_end() == "+++" {
            close = Some((pos, pos + line.len()));
            break;
        }
        pos += line.len();
    }
    let Some((toml_end, body_start)) = close else {
        out.push(r.diag(
            0,
            Code::FrontMatterMissing,
            Message::new(
                "validate-front-matter-unclosed",
                "the front matter is not closed by a `+++` line",
            ),
        ));
        return (text.len(), None);
    };
    match toml::from_str::<T>(&text[first_line_end..toml_end]) {
        Err(e) => {
            let offset = first_line_end + e.span().map_or(0, |s| s.start);
            let detail = manifest::toml_message(&e);
            out.push(r.diag(
                offset,
                Code::FrontMatterSyntax,
                Message::new("validate-front-matter-syntax", &detail).arg("detail", detail),
            ));
            (body_start, None)
        }
        Ok(fm) => (body_start, Some((fm, first_line_end))),
    }
}

/// Parses one chapter file. Returns the text and the phase named in its front matter.
fn parse_chapter(
    path: &str,
    text: &str,
    folder: &str,
    manifest: &Manifest,
    out: &mut Vec<Diagnostic>,
) -> (ChapterText, String) {
    let r = FileReporter::new(path, text);
    let mut chapter = ChapterText {
        file: path.to_owned(),
        source: text.to_owned(),
        ..ChapterText::default()
    };
    let mut phase = String::new();

    let missing = Message::new(
        "validate-front-matter-missing",
        "the file must start with `+++` front matter holding `id`, `title` and `phase`",
    );
    let (body_start, fm) = front_matter::<FrontMatter>(&r, missing, out);
    chapter.body_start = body_start;
    if let Some((fm, first_line_end)) = fm {
        if fm.id != folder {
            out.push(r.diag(
                first_line_end,
                Code::FrontMatterMismatch,
                wrong_id(&fm.id, folder),
            ));
        }
        if fm.title.trim().is_empty() {
            out.push(r.diag(
                first_line_end,
                Code::EmptyTitle,
                Message::new("validate-empty-chapter-title", "the chapter title is empty"),
            ));
        }
        if manifest.phase(&fm.phase).is_none() {
            out.push(
                r.diag(
                    first_line_end,
                    Code::UnknownPhase,
                    Message::new(
                        "validate-unknown-phase",
                        format!("the phase `{}` is not declared in the manifest", fm.phase),
                    )
                    .arg("phase", &fm.phase),
                ),
            );
        }
        chapter.title = fm.title.trim().to_owned();
        phase = fm.phase;
    }

    parse_body(&mut chapter, &r, manifest, out);
    (chapter, phase)
}

/// The message for front matter whose `id` is not the folder's name.
pub(crate) fn wrong_id(id: &str, folder: &str) -> Message {
    Message::new(
        "validate-front-matter-wrong-id",
        format!("the front matter says id `{id}`, but the folder is `{folder}`"),
    )
    .arg("id", id)
    .arg("folder", folder)
}

/// Reads the headings and steps of the body.
fn parse_body(
    chapter: &mut ChapterText,
    r: &FileReporter<'_>,
    manifest: &Manifest,
    out: &mut Vec<Diagnostic>,
) {
    let base = chapter.body_start;
    let body = &r.text[base..];
    let mut headings = Vec::new();
    let mut current: Option<(u8, std::ops::Range<usize>, String)> = None;
    for (event, range) in markdown::parser(body).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((
                    level as u8,
                    range.start + base..range.end + base,
                    String::new(),
                ));
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, _, title)) = current.as_mut() {
                    title.push_str(&t);
                }
            }
            Event::SoftBreak | Event::HardBreak => {
                if let Some((_, _, title)) = current.as_mut() {
                    title.push(' ');
                }
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some(h) = current.take() {
                    headings.push(h);
                }
            }
            _ => {}
        }
    }

    for (i, (level, range, title)) in headings.iter().enumerate() {
        let line = r.line(range.start);
        let source = &r.text[range.clone()];
        let attrs = match heading_attrs(source) {
            Ok(attrs) => attrs,
            Err(e) => {
                out.push(r.diag(range.start + e.offset, Code::BadAttribute, e.message));
                Default::default()
            }
        };
        // pulldown-cmark leaves a block it cannot read (one with `\"` in it) in the title, so
        // the title is taken from the text before the block when there is one.
        let title = match attrs.block_start {
            Some(start) => markdown::plain_text(&source[..start]),
            None => title.trim().to_owned(),
        };
        let id = attrs.id.as_ref().map(|(id, _)| id.clone());
        if let Some((id, offset)) = &attrs.id {
            if !is_kebab_case(id) {
                out.push(
                    r.diag(
                        range.start + offset,
                        Code::BadId,
                        Message::new(
                            "validate-bad-id",
                            format!("the id `{id}` is not ASCII kebab-case"),
                        )
                        .arg("id", id),
                    ),
                );
            }
        }
        let is_step = attrs.classes.iter().any(|c| c == "step");
        let mut step_index = None;
        if is_step {
            if title.is_empty() {
                out.push(r.diag(
                    range.start,
                    Code::EmptyTitle,
                    Message::new("validate-empty-step-title", "the step has no title"),
                ));
            }
            let end = headings[i + 1..]
                .iter()
                .find(|(l, _, _)| l <= level)
                .map_or(r.text.len(), |(_, next, _)| next.start);
            let guidance = range.end..end;
            if r.text[guidance.clone()].trim().is_empty() {
                out.push(r.diag(
                    range.start,
                    Code::EmptyStep,
                    Message::new(
                        "validate-empty-step",
                        "the step has no guidance under its heading",
                    ),
                ));
            }
            let when = attrs.when.as_ref().and_then(|(src, offset)| {
                let at = range.start + offset;
                let (condition, problems) = crate::condition::read(src, manifest);
                for (offset, code, message) in problems {
                    out.push(r.diag(at + offset, code, message));
                }
                condition
            });
            match &id {
                None => out.push(r.diag(
                    range.start,
                    Code::StepMissingId,
                    Message::new(
                        "validate-step-missing-id",
                        "the step has no `#id`; add one such as `{#intake-log-report .step}`",
                    ),
                )),
                Some(id) => {
                    step_index = Some(chapter.steps.len());
                    chapter.steps.push(Step {
                        id: id.clone(),
                        title: title.clone(),
                        level: *level,
                        when,
                        advisory: attrs.classes.iter().any(|c| c == "advisory"),
                        basis: attrs.basis.clone().filter(|b| !b.trim().is_empty()),
                        guidance,
                        line,
                    });
                }
            }
        } else if attrs.when.is_some() || attrs.basis.is_some() || !attrs.classes.is_empty() {
            out.push(r.diag(
                range.start,
                Code::BadAttribute,
                Message::new(
                    "validate-attribute-not-on-step",
                    "`when`, `basis` and `.advisory` belong on `.step` headings only",
                ),
            ));
        }
        chapter.headings.push(Heading {
            id,
            level: *level,
            title,
            range: range.clone(),
            line,
            step: step_index,
        });
    }
}

/// Checks that both languages hold the same steps in the same order, with the same condition
/// and classes.
fn compare_languages(ar: &ChapterText, en: &ChapterText, out: &mut Vec<Diagnostic>) {
    let ar_ids: Vec<&str> = ar.steps.iter().map(|s| s.id.as_str()).collect();
    let en_ids: Vec<&str> = en.steps.iter().map(|s| s.id.as_str()).collect();
    let mut one_sided = false;
    for (this, this_ids, other, other_lang) in [
        (ar, &ar_ids, &en_ids, Lang::En),
        (en, &en_ids, &ar_ids, Lang::Ar),
    ] {
        for (step, id) in this.steps.iter().zip(this_ids.iter()) {
            if !other.contains(id) {
                one_sided = true;
                out.push(Diagnostic::new(
                    &this.file,
                    step.line,
                    1,
                    Code::StepOnlyInOneLanguage,
                    Message::new(
                        "validate-step-only-in-one-language",
                        format!("the step `{id}` is missing from {other_lang}.md"),
                    )
                    .arg("step", id)
                    .arg("lang", other_lang),
                ));
            }
        }
    }
    if !one_sided {
        if let Some((a, e)) = ar
            .steps
            .iter()
            .zip(en.steps.iter())
            .find(|(a, e)| a.id != e.id)
        {
            out.push(Diagnostic::new(
                &en.file,
                e.line,
                1,
                Code::StepOrder,
                Message::new(
                    "validate-step-order",
                    format!(
                        "the step `{}` stands where ar.md has `{}`; both files must list the steps in the same order",
                        e.id, a.id
                    ),
                )
                .arg("step", &e.id)
                .arg("ar-step", &a.id),
            ));
        }
    }
    for e in &en.steps {
        let Some(a) = ar.steps.iter().find(|a| a.id == e.id) else {
            continue;
        };
        let when = |s: &Step| {
            s.when
                .as_ref()
                .map(|c| c.source().split_whitespace().collect::<Vec<_>>().join(" "))
        };
        if when(a) != when(e) || a.advisory != e.advisory {
            out.push(Diagnostic::new(
                &en.file,
                e.line,
                1,
                Code::StepMismatch,
                Message::new(
                    "validate-step-mismatch",
                    format!(
                        "the step `{}` has a different `when` or class than in ar.md",
                        e.id
                    ),
                )
                .arg("step", &e.id),
            ));
        }
    }
}

/// Checks that ids are unique and that every cross-reference and glossary link resolves.
fn check_ids_and_links(sop: &Sop, out: &mut Vec<Diagnostic>) {
    for lang in Lang::ALL {
        // Chapters and glossary terms first, so that a heading reusing their id is the one
        // reported.
        let mut ids: BTreeMap<&str, FirstUse> = BTreeMap::new();
        for c in &sop.manifest.chapters {
            ids.insert(c, FirstUse::Chapter);
        }
        for t in &sop.glossary.terms {
            if let Some(first) = ids.get(t.id.as_str()) {
                out.push(Diagnostic::new(
                    glossary::FILE,
                    t.line,
                    1,
                    Code::DuplicateId,
                    first.already_used(&t.id),
                ));
            } else {
                ids.insert(&t.id, FirstUse::Term);
            }
        }
        for chapter in &sop.chapters {
            let text = chapter.text(lang);
            for h in &text.headings {
                let Some(id) = &h.id else { continue };
                if let Some(first) = ids.get(id.as_str()) {
                    out.push(Diagnostic::new(
                        &text.file,
                        h.line,
                        1,
                        Code::DuplicateId,
                        first.already_used(id),
                    ));
                } else {
                    ids.insert(
                        id,
                        FirstUse::Heading {
                            file: text.file.clone(),
                            line: h.line,
                        },
                    );
                }
            }
        }

        let targets = link_targets(sop, lang);
        for chapter in &sop.chapters {
            let text = chapter.text(lang);
            check_links(
                sop,
                &targets,
                &text.file,
                &text.source,
                text.body_start,
                out,
            );
        }
    }
}

/// The ids a `#id` link in `lang` may name: the chapters and every heading with an id.
pub(crate) fn link_targets(sop: &Sop, lang: Lang) -> BTreeSet<&str> {
    let mut ids: BTreeSet<&str> = sop.manifest.chapters.iter().map(String::as_str).collect();
    for chapter in &sop.chapters {
        ids.extend(
            chapter
                .text(lang)
                .headings
                .iter()
                .filter_map(|h| h.id.as_deref()),
        );
    }
    ids
}

/// Checks every link of a markdown file whose body starts at `body_start`: a `#id` must
/// name one of `targets` and not a glossary term, a `term:` link a glossary term, and
/// nothing may point outside the SOP.
pub(crate) fn check_links(
    sop: &Sop,
    targets: &BTreeSet<&str>,
    file: &str,
    source: &str,
    body_start: usize,
    out: &mut Vec<Diagnostic>,
) {
    let r = FileReporter::new(file, source);
    for (dest, offset) in links(source, body_start) {
        if let Some(id) = dest.strip_prefix('#') {
            if !targets.contains(id) || sop.glossary.term(id).is_some() {
                out.push(
                    r.diag(
                        offset,
                        Code::BrokenReference,
                        Message::new(
                            "validate-broken-reference",
                            format!("the link `{dest}` names no chapter, step or section"),
                        )
                        .arg("link", &dest),
                    ),
                );
            }
        } else if let Some(id) = dest.strip_prefix("term:") {
            if sop.glossary.term(id).is_none() {
                out.push(
                    r.diag(
                        offset,
                        Code::BrokenReference,
                        Message::new(
                            "validate-broken-term-link",
                            format!("the link `{dest}` names no glossary term"),
                        )
                        .arg("link", &dest),
                    ),
                );
            }
        } else {
            out.push(
                r.diag(
                    offset,
                    Code::ExternalLink,
                    Message::new(
                        "validate-external-link",
                        format!(
                            "the link `{}` points outside the SOP; link only to `#id` or `term:id`",
                            truncate(&dest, 60)
                        ),
                    )
                    .arg("link", truncate(&dest, 60)),
                ),
            );
        }
    }
}

/// What first took an id, for the message about a later use of it.
enum FirstUse {
    Chapter,
    Term,
    Heading { file: String, line: u32 },
}

impl FirstUse {
    fn already_used(&self, id: &str) -> Message {
        match self {
            FirstUse::Chapter => Message::new(
                "validate-id-used-by-chapter",
                format!("the id `{id}` is already used by the chapter `{id}`"),
            )
            .arg("id", id),
            FirstUse::Term => Message::new(
                "validate-id-used-by-term",
                format!("the id `{id}` is already used by the glossary term `{id}`"),
            )
            .arg("id", id),
            FirstUse::Heading { file, line } => Message::new(
                "validate-id-used-by-heading",
                format!("the id `{id}` is already used by a heading at {file}:{line}"),
            )
            .arg("id", id)
            .arg("file", file)
            .arg("line", line),
        }
    }
}

/// Every link and image destination in a markdown body, with its byte offset in the file.
fn links(source: &str, base: usize) -> Vec<(String, usize)> {
    markdown::parser(source.get(base..).unwrap_or_default())
        .into_offset_iter()
        .filter_map(|(event, range)| match event {
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                Some((dest_url.to_string(), base + range.start))
            }
            _ => None,
        })
        .collect()
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut t: String = s.chars().take(max).collect();
        t.push('…');
        t
    }
}
