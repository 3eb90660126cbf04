//! The case report: one self-contained HTML file, in Arabic, in English, or in both side by
//! side, laid out to print on A4.
//!
//! Everything the file shows is escaped text: labels from `locales/*/report.ftl`, names from
//! the SOP, and what the officer typed, which is never interpreted as HTML. The file loads
//! nothing: its style and its fonts are inside it, it has no script, and its content security
//! policy forbids everything else.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use dalil_checklist::Item;
use dalil_content::Sop;
use dalil_content::condition::Facts;
use dalil_content::manifest::FactType;
use dalil_content::render::escape;
use dalil_l10n::{Arg, Lang, Localizer};
use dalil_store::{CaseKind, CaseStatus, StepRecord, StepState, Verification};
use time::OffsetDateTime;

use crate::data::{CaseRecord, NoteHistory};
use crate::fonts;
use crate::timefmt::{self, number};

/// The style of the report. Logical properties only, so that one sheet serves both
/// directions.
const CSS: &str = include_str!("report.css");

/// Renders the report of a case.
///
/// `languages` holds one localizer for a report in one language, or two (Arabic first) for a
/// bilingual report with the languages side by side. `generated_at` is printed as the time of
/// the report. The result is a complete HTML document, UTF-8.
pub fn render_html(
    record: &CaseRecord,
    sop: &Sop,
    languages: &[&Localizer],
    generated_at: OffsetDateTime,
) -> String {
    let plan = Plan::new(record, sop);
    let views: Vec<View<'_>> = languages
        .iter()
        .map(|l10n| View {
            l10n,
            lang: l10n.lang(),
            record,
            sop,
            plan: &plan,
            generated_at,
        })
        .collect();
    let Some(first) = views.first() else {
        return String::new();
    };
    let pieces: Vec<Vec<Piece>> = views.iter().map(View::pieces).collect();

    let mut html = String::with_capacity(2_600_000);
    let title = views
        .iter()
        .map(|v| {
            v.l10n.format(
                "report-document-title",
                &[("reference", Arg::Str(&record.case.reference))],
            )
        })
        .collect::<Vec<_>>()
        .join(" · ");
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"{}\" dir=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; \
         style-src 'unsafe-inline'; font-src data:\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>\n",
        first.lang.code(),
        first.lang.dir(),
        escape(&title),
    );
    html.push_str(&fonts::font_faces());
    html.push_str(CSS);
    html.push_str(&page_css(&views, &record.case.reference));
    html.push_str("</style>\n</head>\n");
    let _ = write!(
        html,
        "<body class=\"{}\">\n<main>\n",
        if views.len() > 1 {
            "bilingual"
        } else {
            "single"
        }
    );
    let count = pieces.first().map_or(0, Vec::len);
    for i in 0..count {
        let class = pieces[0][i].class;
        if views.len() == 1 {
            let _ = writeln!(html, "<div class=\"{class}\">{}</div>", pieces[0][i].html);
        } else {
            let _ = write!(html, "<div class=\"pair {class}\">");
            for (v, p) in views.iter().zip(&pieces) {
                let _ = write!(
                    html,
                    "<div class=\"col\" lang=\"{}\" dir=\"{}\">{}</div>",
                    v.lang.code(),
                    v.lang.dir(),
                    p[i].html
                );
            }
            html.push_str("</div>\n");
        }
    }
    html.push_str("</main>\n</body>\n</html>\n");
    html
}

/// The `@page` rules: A4, margins, the case reference at the top and the page number at the
/// bottom, in every language of the report. Chromium (131 and later) draws these margin boxes
/// and then leaves out its own header and footer; a browser without margin boxes prints its
/// own page numbers instead.
fn page_css(views: &[View<'_>], reference: &str) -> String {
    let mut footer = Vec::new();
    for v in views {
        let style = match v.lang {
            Lang::Ar => "arabic-indic",
            Lang::En => "decimal",
        };
        // The message is formatted with two placeholders that are then replaced by the CSS
        // counters, so that translators keep the whole sentence.
        let text = dalil_l10n::strip_isolation(&v.l10n.format(
            "report-page-of",
            &[
                ("page", Arg::Str("\u{E000}")),
                ("pages", Arg::Str("\u{E001}")),
            ],
        ));
        let mut parts = Vec::new();
        for (i, piece) in text.split('\u{E000}').enumerate() {
            if i > 0 {
                parts.push(format!("counter(page, {style})"));
            }
            for (j, piece) in piece.split('\u{E001}').enumerate() {
                if j > 0 {
                    parts.push(format!("counter(pages, {style})"));
                }
                if !piece.is_empty() {
                    parts.push(css_string(piece));
                }
            }
        }
        footer.push(parts.join(" "));
    }
    let footer = footer.join(" \"   ·   \" ");
    format!(
        "@page {{ size: A4; margin: 16mm 14mm 18mm 14mm;\n\
         @top-center {{ content: {}; font: 8pt \"Dalil Sans\", \"Dalil Naskh\", sans-serif; color: #555; }}\n\
         @bottom-center {{ content: {footer}; font: 8.5pt \"Dalil Naskh\", \"Dalil Sans\", sans-serif; color: #333; }}\n}}\n",
        css_string(reference)
    )
}

/// A CSS string literal holding `s`. Every ASCII character other than a letter, a digit or a
/// space is written as an escape, so that no text can end the string or the style element.
fn css_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        if c.is_ascii_alphanumeric() || c == ' ' || !c.is_ascii() && !c.is_control() {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", u32::from(c));
        }
    }
    out.push('"');
    out
}

/// The language-independent shape of the report: which steps go where.
struct Plan<'a> {
    /// The applicable steps, grouped by phase in order.
    phases: Vec<(String, Vec<Item>)>,
    /// Steps of the SOP that no longer apply but carry state or notes, in reading order.
    hidden: Vec<String>,
    /// Step ids that are not in the SOP but carry state or notes, sorted.
    retired: Vec<String>,
    /// Recorded states by step id.
    records: BTreeMap<&'a str, &'a StepRecord>,
    /// Live notes by step id, oldest first.
    notes_by_step: BTreeMap<&'a str, Vec<&'a NoteHistory>>,
    /// Live notes on the case itself, oldest first.
    case_notes: Vec<&'a NoteHistory>,
    /// The case's facts as the checklist reads them, the kind among them.
    facts: Facts,
}

impl<'a> Plan<'a> {
    fn new(record: &'a CaseRecord, sop: &Sop) -> Self {
        let mut facts = Facts::new();
        for f in &record.facts {
            facts.insert(f.id.clone(), f.value.clone());
        }
        // The case's kind is the `kind` fact: the store keeps it on the case.
        facts.insert("kind".to_owned(), record.case.kind.as_str().to_owned());
        let items = dalil_checklist::applicable(sop, &facts);

        let mut phases: Vec<(String, Vec<Item>)> = Vec::new();
        for item in &items {
            match phases.last_mut() {
                Some((phase, list)) if *phase == item.phase => list.push(item.clone()),
                _ => phases.push((item.phase.clone(), vec![item.clone()])),
            }
        }

        let records: BTreeMap<&str, &StepRecord> = record
            .steps
            .iter()
            .map(|r| (r.step_id.as_str(), r))
            .collect();
        let mut notes_by_step: BTreeMap<&str, Vec<&NoteHistory>> = BTreeMap::new();
        let mut case_notes = Vec::new();
        for note in record.notes.iter().filter(|n| !n.deleted()) {
            match note.step() {
                Some(step) => notes_by_step.entry(step).or_default().push(note),
                None => case_notes.push(note),
            }
        }

        let applicable: BTreeSet<&str> = items.iter().map(|i| i.step.as_str()).collect();
        let in_sop: Vec<&str> = sop.steps(Lang::Ar).map(|(_, s)| s.id.as_str()).collect();
        let carries = |id: &str| {
            records.contains_key(id) || notes_by_step.get(id).is_some_and(|n| !n.is_empty())
        };
        let hidden = in_sop
            .iter()
            .filter(|id| !applicable.contains(**id) && carries(id))
            .map(|id| (*id).to_owned())
            .collect();
        let known: BTreeSet<&str> = in_sop.iter().copied().collect();
        let retired: BTreeSet<&str> = records
            .keys()
            .chain(notes_by_step.keys())
            .copied()
            .filter(|id| !known.contains(id))
            .collect();
        Plan {
            phases,
            hidden,
            retired: retired.into_iter().map(str::to_owned).collect(),
            records,
            notes_by_step,
            case_notes,
            facts,
        }
    }
}

/// One block of the report, the same in every language, so that a bilingual report can put
/// the two languages of each block side by side.
struct Piece {
    /// The CSS class of the block: how it breaks across pages.
    class: &'static str,
    /// The block's HTML in one language.
    html: String,
}

/// The report in one language.
struct View<'a> {
    l10n: &'a Localizer,
    lang: Lang,
    record: &'a CaseRecord,
    sop: &'a Sop,
    plan: &'a Plan<'a>,
    generated_at: OffsetDateTime,
}

impl View<'_> {
    /// A label, escaped.
    fn label(&self, id: &str) -> String {
        escape(&self.l10n.get(id))
    }

    /// A time: the date in words, then the ISO form.
    fn time(&self, t: OffsetDateTime) -> String {
        let iso = timefmt::iso(t);
        format!(
            "<time datetime=\"{iso}\">{}</time> <bdi class=\"iso\" dir=\"ltr\">{iso}</bdi>",
            escape(&timefmt::date_time(self.l10n, t))
        )
    }

    fn pieces(&self) -> Vec<Piece> {
        let mut out = vec![
            Piece {
                class: "block opening",
                html: self.opening(),
            },
            Piece {
                class: "block",
                html: self.facts(),
            },
        ];
        if !self.sop.offences.is_empty() {
            out.push(Piece {
                class: "block section-start",
                html: self.elements(),
            });
        }
        out.push(Piece {
            class: "block section-start",
            html: self.evidence(),
        });
        for (n, (phase, items)) in self.plan.phases.iter().enumerate() {
            for (i, item) in items.iter().enumerate() {
                let mut html = String::new();
                if i == 0 {
                    if n == 0 {
                        let _ = write!(
                            html,
                            "<h2 class=\"part\">{}</h2><p class=\"intro\">{}</p>",
                            self.label("report-checklist"),
                            self.label("report-checklist-legend")
                        );
                    }
                    let name = self
                        .sop
                        .manifest
                        .phase(phase)
                        .map_or(phase.as_str(), |p| p.name.get(self.lang));
                    let _ = write!(html, "<h3 class=\"phase\">{}</h3>", escape(name));
                }
                html.push_str(&self.step(&item.step, Some(item)));
                out.push(Piece {
                    class: if i == 0 { "step phase-start" } else { "step" },
                    html,
                });
            }
        }
        if self.plan.phases.is_empty() {
            out.push(Piece {
                class: "block",
                html: format!(
                    "<h2 class=\"part\">{}</h2><p class=\"empty\">{}</p>",
                    self.label("report-checklist"),
                    self.label("report-checklist-empty")
                ),
            });
        }
        out.push(Piece {
            class: "block section-start",
            html: self.case_notes(),
        });
        for (heading, intro, ids) in [
            ("report-hidden", "report-hidden-intro", &self.plan.hidden),
            ("report-retired", "report-retired-intro", &self.plan.retired),
        ] {
            for (i, id) in ids.iter().enumerate() {
                let mut html = String::new();
                if i == 0 {
                    let _ = write!(
                        html,
                        "<h2 class=\"part\">{}</h2><p class=\"intro\">{}</p>",
                        self.label(heading),
                        self.label(intro)
                    );
                }
                html.push_str(&self.step(id, None));
                out.push(Piece {
                    class: "step",
                    html,
                });
            }
        }
        out.push(Piece {
            class: "block keep",
            html: self.audit(),
        });
        out
    }

    /// The status label, the title and the case header.
    fn opening(&self) -> String {
        let case = &self.record.case;
        let mut h = String::new();
        let _ = write!(
            h,
            "<aside class=\"status-label\" role=\"note\"><strong>{}</strong> {}</aside>",
            self.label("report-sop-status"),
            escape(self.sop.manifest.label(self.lang))
        );
        let _ = write!(
            h,
            "<h1>{} <bdi dir=\"ltr\" class=\"reference\">{}</bdi></h1>",
            self.label("report-heading"),
            escape(&case.reference)
        );
        let _ = write!(
            h,
            "<p class=\"generated\">{} {}</p>",
            self.label("report-generated"),
            self.time(self.generated_at)
        );
        let kind = match case.kind {
            CaseKind::Trafficking => "report-kind-trafficking",
            CaseKind::Smuggling => "report-kind-smuggling",
            CaseKind::Both => "report-kind-both",
            CaseKind::Undetermined => "report-kind-undetermined",
        };
        let status = match case.status {
            CaseStatus::Open => "report-status-open",
            CaseStatus::Closed => "report-status-closed",
        };
        let mut rows: Vec<(String, String)> = vec![
            (
                self.label("report-reference"),
                format!("<bdi dir=\"ltr\">{}</bdi>", escape(&case.reference)),
            ),
            (
                self.label("report-case-title"),
                format!("<span dir=\"auto\">{}</span>", escape(&case.title)),
            ),
            (self.label("report-kind"), self.label(kind)),
            (self.label("report-status"), self.label(status)),
            (self.label("report-opened"), self.time(case.created_at)),
        ];
        if let Some(closed) = case.closed_at {
            rows.push((self.label("report-closed"), self.time(closed)));
        }
        rows.push((
            self.label("report-last-change"),
            self.time(case.last_change),
        ));
        rows.push((
            self.label("report-case-edition"),
            format!(
                "<bdi dir=\"ltr\">{}</bdi>",
                escape(&case.edition.to_string())
            ),
        ));
        let manifest = &self.sop.manifest;
        let mut current = format!("<bdi dir=\"ltr\">{}</bdi>", escape(&manifest.edition()));
        if !case.edition.is(&manifest.id, &manifest.version) {
            let _ = write!(
                current,
                "<br><span class=\"warning\">{}</span>",
                self.label("report-edition-differs")
            );
        }
        rows.push((self.label("report-current-edition"), current));
        h.push_str("<table class=\"header\"><tbody>");
        for (k, v) in rows {
            let _ = write!(h, "<tr><th scope=\"row\">{k}</th><td>{v}</td></tr>");
        }
        h.push_str("</tbody></table>");
        h
    }

    /// The facts as answered, with the questions in the report's language.
    fn facts(&self) -> String {
        let mut h = String::new();
        let _ = write!(h, "<h2 class=\"part\">{}</h2>", self.label("report-facts"));
        let _ = write!(
            h,
            "<table class=\"facts\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
             <th scope=\"col\">{}</th></tr></thead><tbody>",
            self.label("report-fact-question"),
            self.label("report-fact-answer"),
            self.label("report-fact-answered"),
        );
        let answers: BTreeMap<&str, &dalil_store::Fact> = self
            .record
            .facts
            .iter()
            .map(|f| (f.id.as_str(), f))
            .collect();
        let mut unanswered = Vec::new();
        for fact in &self.sop.manifest.facts {
            let stored = answers.get(fact.id.as_str());
            // The kind is kept on the case itself; its fact, when set, says the same.
            let (value, when) = match stored {
                _ if fact.id == "kind" => (
                    self.record.case.kind.as_str(),
                    stored.map_or(self.record.case.created_at, |f| f.updated_at),
                ),
                Some(f) => (f.value.as_str(), f.updated_at),
                None => {
                    unanswered.push(escape(fact.question.get(self.lang)));
                    continue;
                }
            };
            let _ = write!(
                h,
                "<tr><td>{}</td><td class=\"answer\">{}</td><td class=\"when\">{}</td></tr>",
                escape(fact.question.get(self.lang)),
                self.answer(&fact.kind, value),
                self.time(when)
            );
        }
        // Facts the current SOP does not ask any more keep their recorded answers.
        for f in &self.record.facts {
            if self.sop.manifest.fact(&f.id).is_none() {
                let _ = write!(
                    h,
                    "<tr><td><bdi dir=\"ltr\">{}</bdi></td><td class=\"answer\"><bdi dir=\"ltr\">{}</bdi></td>\
                     <td class=\"when\">{}</td></tr>",
                    escape(&f.id),
                    escape(&f.value),
                    self.time(f.updated_at)
                );
            }
        }
        h.push_str("</tbody></table>");
        if !unanswered.is_empty() {
            let _ = write!(
                h,
                "<p class=\"unanswered\"><strong>{}</strong> {}</p>",
                self.label("report-facts-unanswered"),
                unanswered.join(" · ")
            );
        }
        h
    }

    /// An answer in words: yes or no, or the choice's name.
    fn answer(&self, kind: &FactType, value: &str) -> String {
        match kind {
            FactType::YesNo => match value {
                "yes" => self.label("report-answer-yes"),
                "no" => self.label("report-answer-no"),
                other => format!("<bdi dir=\"ltr\">{}</bdi>", escape(other)),
            },
            FactType::Choice { choices, .. } => choices.iter().find(|c| c.id == value).map_or_else(
                || format!("<bdi dir=\"ltr\">{}</bdi>", escape(value)),
                |c| escape(c.name.get(self.lang)),
            ),
        }
    }

    /// The title of a step in this language, if the SOP has the step.
    fn step_title(&self, id: &str) -> Option<&str> {
        self.sop
            .steps(self.lang)
            .find(|(_, s)| s.id == id)
            .map(|(_, s)| s.title.as_str())
    }

    /// One step: its title, state, reason, time and notes. `item` is set for an applicable
    /// step and gives why it applies.
    fn step(&self, id: &str, item: Option<&Item>) -> String {
        let record = self.plan.records.get(id);
        let state = record.map_or(StepState::Pending, |r| r.state);
        let (state_id, state_class) = match state {
            StepState::Pending => ("report-state-pending", "pending"),
            StepState::Done => ("report-state-done", "done"),
            StepState::NotApplicable => ("report-state-not-applicable", "not-applicable"),
            StepState::Blocked => ("report-state-blocked", "blocked"),
        };
        let mut h = String::new();
        let quiet =
            record.is_none() && self.plan.notes_by_step.get(id).is_none_or(|n| n.is_empty());
        let _ = write!(
            h,
            "<article class=\"step-card state-{state_class}{}\">",
            if quiet { " quiet" } else { "" }
        );
        let title = match self.step_title(id) {
            Some(t) => escape(t),
            None => self.label("report-retired-title"),
        };
        let _ = write!(
            h,
            "<header><span class=\"badge\">{}</span> <h4>{title}</h4> <bdi class=\"step-id\" dir=\"ltr\">{}</bdi></header>",
            self.label(state_id),
            escape(id)
        );
        // Mandatory and for every case is the rule (the legend says so); only the exceptions
        // are written, to keep the checklist short on paper.
        if let Some(item) = item {
            let mut why = Vec::new();
            if !item.required {
                why.push(self.label("report-step-advisory"));
            }
            if item.conditional {
                let not = self.l10n.get("condition-not");
                let reasons: Vec<String> = item
                    .reasons
                    .iter()
                    .map(|r| dalil_checklist::explain(&self.sop.manifest, r, self.lang, &not))
                    .collect();
                why.push(escape(&self.l10n.format(
                    "report-step-because",
                    &[(
                        "reasons",
                        Arg::Str(&reasons.join(list_separator(self.lang))),
                    )],
                )));
            }
            if !why.is_empty() {
                let _ = write!(h, "<p class=\"why\">{}</p>", why.join(" · "));
            }
        }
        let notes = self.plan.notes_by_step.get(id).filter(|n| !n.is_empty());
        if record.is_none() && notes.is_none() {
            // Nothing recorded: the badge says "pending", and that is all there is to say.
            h.push_str("</article>");
            return h;
        }
        h.push_str("<dl class=\"record\">");
        if let Some(r) = record {
            if let Some(reason) = &r.reason {
                let _ = write!(
                    h,
                    "<dt>{}</dt><dd class=\"user-text\" dir=\"auto\">{}</dd>",
                    self.label("report-step-reason"),
                    escape(reason)
                );
            }
            let _ = write!(
                h,
                "<dt>{}</dt><dd>{}</dd>",
                self.label("report-step-recorded"),
                self.time(r.updated_at)
            );
        }
        h.push_str("</dl>");
        if let Some(notes) = notes {
            h.push_str(&self.notes(notes, true));
        }
        h.push_str("</article>");
        h
    }

    /// Notes, oldest first, each with when it was written and, if edited, when and how often.
    fn notes(&self, notes: &[&NoteHistory], heading: bool) -> String {
        let mut h = String::from("<section class=\"notes\">");
        if heading {
            let _ = write!(h, "<h5>{}</h5>", self.label("report-notes"));
        }
        for note in notes {
            let Some(text) = note.text() else { continue };
            let first = note.revisions.first().map(|r| r.created_at);
            let last = note.revisions.last();
            h.push_str("<div class=\"note\"><p class=\"meta\">");
            if let Some(t) = first {
                let _ = write!(h, "{} {}", self.label("report-note-written"), self.time(t));
            }
            if let Some(last) = last.filter(|r| r.revision > 1) {
                let shown = number(u64::from(last.revision), self.l10n.digits());
                let edited = self
                    .l10n
                    .format("report-note-edited", &[("revision", Arg::Str(&shown))]);
                let _ = write!(h, " · {} {}", escape(&edited), self.time(last.created_at));
            }
            let _ = write!(
                h,
                "</p><div class=\"user-text\" dir=\"auto\">{}</div></div>",
                escape(text)
            );
        }
        h.push_str("</section>");
        h
    }

    /// The element matrix: for each offence that concerns the case, each element, whether it
    /// is required, its state, what supports it, and the gaps.
    fn elements(&self) -> String {
        let mut h = format!(
            "<h2 class=\"part\">{}</h2><p class=\"intro\">{}</p>",
            self.label("report-elements"),
            self.label("report-elements-intro")
        );
        let marks: BTreeMap<&str, &dalil_store::ElementMark> = self
            .record
            .element_marks
            .iter()
            .map(|m| (m.element.as_str(), m))
            .collect();
        let notes: BTreeMap<i64, &str> = self
            .record
            .notes
            .iter()
            .filter_map(|n| n.text().map(|t| (n.id.0, t)))
            .collect();
        let mut gaps = 0u64;
        for offence in &self.sop.offences {
            if !offence.applies(&self.sop.manifest, &self.plan.facts) {
                continue;
            }
            let _ = write!(
                h,
                "<h3 class=\"phase\">{} <span class=\"basis\">({})</span></h3>\
                 <table class=\"matrix\"><thead><tr><th scope=\"col\">{}</th>\
                 <th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
                escape(offence.name.get(self.lang)),
                escape(offence.basis.get(self.lang)),
                self.label("report-element"),
                self.label("report-element-state"),
                self.label("report-element-support"),
            );
            for e in &offence.elements {
                let required = e.is_required(&self.sop.manifest, &self.plan.facts);
                let mark = marks.get(e.id.as_str());
                let state = mark.map_or("open", |m| m.state.as_str());
                let mut support = Vec::new();
                for link in self
                    .record
                    .element_links
                    .iter()
                    .filter(|l| l.element == e.id)
                {
                    let text = match &link.target {
                        dalil_store::LinkTarget::Exhibit(n) => self.l10n.format(
                            "report-support-exhibit",
                            &[(
                                "number",
                                Arg::Str(&number(u64::from(*n), self.l10n.digits())),
                            )],
                        ),
                        dalil_store::LinkTarget::Step(s) => {
                            self.step_title(s).map_or_else(|| s.clone(), str::to_owned)
                        }
                        dalil_store::LinkTarget::Note(n) => match notes.get(n) {
                            Some(t) => t.lines().next().unwrap_or_default().to_owned(),
                            None => continue,
                        },
                    };
                    support.push(format!(
                        "<li class=\"user-text\" dir=\"auto\">{}</li>",
                        escape(&text)
                    ));
                }
                let gap = required && support.is_empty();
                gaps += u64::from(gap);
                let need = if required {
                    self.label("report-element-required")
                } else {
                    self.label("report-element-optional")
                };
                let reason = mark
                    .and_then(|m| m.reason.as_deref())
                    .map(|r| format!("<div class=\"user-text\" dir=\"auto\">{}</div>", escape(r)))
                    .unwrap_or_default();
                let cell = if support.is_empty() {
                    format!(
                        "<p class=\"{}\">{}</p>",
                        if gap { "gap" } else { "empty" },
                        if gap {
                            self.label("report-element-gap")
                        } else {
                            self.label("report-element-nothing")
                        }
                    )
                } else {
                    format!("<ul>{}</ul>", support.concat())
                };
                let _ = write!(
                    h,
                    "<tr><td><strong>{}</strong> <span class=\"need\">{}</span>\
                     <div class=\"basis\">{}</div></td><td>{}{}</td><td>{}</td></tr>",
                    escape(e.name.get(self.lang)),
                    need,
                    escape(e.basis.get(self.lang)),
                    self.label(&format!("evidence-element-state-{state}")),
                    reason,
                    cell,
                );
            }
            h.push_str("</tbody></table>");
        }
        let shown = number(gaps, self.l10n.digits());
        let _ = write!(
            h,
            "<p class=\"gaps\">{}</p>",
            escape(&self.l10n.format(
                "report-element-gaps",
                &[
                    ("count", Arg::Num(gaps as f64)),
                    ("shown", Arg::Str(&shown))
                ]
            ))
        );
        h
    }

    /// The evidence register with each exhibit's chain of custody and files.
    fn evidence(&self) -> String {
        let mut h = format!("<h2 class=\"part\">{}</h2>", self.label("report-evidence"));
        if self.record.exhibits.is_empty() {
            let _ = write!(
                h,
                "<p class=\"empty\">{}</p>",
                self.label("report-evidence-none")
            );
            return h;
        }
        let digits = self.l10n.digits();
        for x in &self.record.exhibits {
            let d = &x.exhibit.details;
            let none = self.label("report-evidence-none-given");
            let _ = write!(
                h,
                "<section class=\"exhibit\"><h3 class=\"phase\">{} | {}</h3>\
                 <p class=\"user-text\" dir=\"auto\">{}</p><dl class=\"seizure\">\
                 <dt>{}</dt><dd class=\"user-text\" dir=\"auto\">{}</dd><dt>{}</dt><dd class=\"user-text\" dir=\"auto\">{}</dd>\
                 <dt>{}</dt><dd class=\"user-text\" dir=\"auto\">{}</dd><dt>{}</dt><dd class=\"user-text\" dir=\"auto\">{}</dd>\
                 <dt>{}</dt><dd class=\"user-text\" dir=\"auto\">{}</dd></dl>",
                escape(&self.l10n.format(
                    "report-exhibit",
                    &[(
                        "number",
                        Arg::Str(&number(u64::from(x.exhibit.number), digits))
                    )]
                )),
                self.label(&format!("evidence-kind-{}", d.kind.as_str())),
                escape(&d.description),
                self.label("report-seized-at"),
                escape(&d.seized_at),
                self.label("report-seized-where"),
                escape(&d.seized_where),
                self.label("report-seized-by"),
                escape(&d.seized_by),
                self.label("report-authorisation"),
                d.authorisation
                    .as_deref()
                    .map_or_else(|| none.clone(), escape),
                self.label("report-seal"),
                d.seal.as_deref().map_or_else(|| none.clone(), escape),
            );
            let _ = write!(h, "<h4>{}</h4>", self.label("report-custody"));
            if x.custody.is_empty() {
                let _ = write!(
                    h,
                    "<p class=\"gap\">{}</p>",
                    self.label("report-custody-none")
                );
            } else {
                let _ = write!(
                    h,
                    "<table class=\"custody\"><thead><tr><th scope=\"col\">#</th>\
                     <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
                     <th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th>\
                     </tr></thead><tbody>",
                    self.label("report-custody-event"),
                    self.label("report-custody-at"),
                    self.label("report-custody-from"),
                    self.label("report-custody-to"),
                    self.label("report-custody-purpose"),
                    self.label("report-custody-seal"),
                );
                for c in &x.custody {
                    let mut event =
                        self.label(&format!("evidence-event-{}", c.entry.event.as_str()));
                    if let Some(n) = c.entry.corrects {
                        let _ = write!(
                            event,
                            " ({})",
                            escape(&self.l10n.format(
                                "report-custody-corrects",
                                &[("seq", Arg::Str(&number(u64::from(n), digits)))]
                            ))
                        );
                    }
                    let seal = if c.entry.seal_intact {
                        self.label("report-custody-seal-intact")
                    } else {
                        format!(
                            "<strong>{}</strong>",
                            self.label("report-custody-seal-broken")
                        )
                    };
                    let _ = write!(
                        h,
                        "<tr><td>{}</td><td>{}</td><td class=\"user-text\" dir=\"auto\">{}</td><td class=\"user-text\" dir=\"auto\">{}</td>\
                         <td class=\"user-text\" dir=\"auto\">{}</td><td class=\"user-text\" dir=\"auto\">{}</td><td>{}</td></tr>",
                        number(u64::from(c.seq), digits),
                        event,
                        escape(c.entry.at.as_deref().unwrap_or_default()),
                        escape(&c.entry.from),
                        escape(&c.entry.to),
                        escape(&c.entry.purpose),
                        seal,
                    );
                }
                h.push_str("</tbody></table>");
            }
            for f in &x.files {
                let _ = write!(
                    h,
                    "<p class=\"file\">{} <bdi dir=\"ltr\">{}</bdi> | {} \
                     <bdi class=\"iso\" dir=\"ltr\">SHA-256 {}</bdi></p>",
                    self.label("report-file"),
                    escape(&f.name),
                    escape(
                        &self
                            .l10n
                            .format("report-file-size", &[("size", Arg::Num(f.size as f64))])
                    ),
                    dalil_store::hex(&f.sha256),
                );
            }
            h.push_str("</section>");
        }
        h
    }

    /// The notes on the case itself.
    fn case_notes(&self) -> String {
        let mut h = format!(
            "<h2 class=\"part\">{}</h2>",
            self.label("report-case-notes")
        );
        if self.plan.case_notes.is_empty() {
            let _ = write!(
                h,
                "<p class=\"empty\">{}</p>",
                self.label("report-no-case-notes")
            );
        } else {
            h.push_str(&self.notes(&self.plan.case_notes, false));
        }
        h
    }

    /// The audit chain: its length, its head, whether it verified, and how to check it.
    fn audit(&self) -> String {
        let chain = &self.record.chain;
        let mut h = format!("<h2 class=\"part\">{}</h2>", self.label("report-audit"));
        let status = match &chain.verification {
            Verification::Intact { .. } => {
                format!("<p class=\"ok\">{}</p>", self.label("report-audit-intact"))
            }
            Verification::Broken { first_bad_seq, .. } => format!(
                "<p class=\"warning\">{}</p>",
                escape(&self.l10n.format(
                    "report-audit-broken",
                    &[("seq", Arg::Str(&number(*first_bad_seq, self.l10n.digits())))]
                ))
            ),
        };
        h.push_str(&status);
        let case_entries = self.record.audit.len() as u64;
        let mut rows = vec![
            (
                self.label("report-audit-length"),
                number(chain.head.seq, self.l10n.digits()),
            ),
            (
                self.label("report-audit-head"),
                format!(
                    "<bdi dir=\"ltr\" class=\"hash\">{}</bdi>",
                    escape(&chain.head.hash_hex)
                ),
            ),
            (
                self.label("report-audit-case-entries"),
                number(case_entries, self.l10n.digits()),
            ),
        ];
        if let Some(last) = self.record.audit.last() {
            rows.push((
                self.label("report-audit-last-case-entry"),
                format!(
                    "{} <bdi dir=\"ltr\" class=\"hash\">{}</bdi>",
                    number(last.entry.seq, self.l10n.digits()),
                    escape(&last.entry.hash_hex)
                ),
            ));
        }
        h.push_str("<table class=\"header\"><tbody>");
        for (k, v) in rows {
            let _ = write!(h, "<tr><th scope=\"row\">{k}</th><td>{v}</td></tr>");
        }
        h.push_str("</tbody></table>");
        let _ = write!(
            h,
            "<p>{}</p><pre dir=\"ltr\"><code>dalil audit verify</code></pre><p>{}</p>",
            self.label("report-audit-how"),
            self.label("report-audit-how-after")
        );
        h
    }
}

/// The separator between items of a list in running text.
fn list_separator(lang: Lang) -> &'static str {
    match lang {
        Lang::Ar => "، ",
        Lang::En => "; ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_strings_cannot_escape() {
        let s = css_string("a\"b</style><script>\\ ج");
        assert_eq!(s, "\"a\\22 b\\3c \\2f style\\3e \\3c script\\3e \\5c  ج\"");
        assert!(!s[1..s.len() - 1].contains('"'));
        assert!(!s.contains('<'));
    }
}
