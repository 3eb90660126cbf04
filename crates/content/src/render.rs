//! The renderer: a chapter (or a training scenario) to sanitized HTML, with stable step
//! anchors and in-app links.
//!
//! Chapter text is data, never code. Whatever the markdown holds, the output goes through
//! ammonia with an allow-list that has no `<script>`, no event handlers, no `<iframe>`,
//! `<object>`, `<embed>` or `<img>`, and no link out of the app: no absolute URL of any
//! scheme, and of relative URLs only `#…` places in the app.

use std::borrow::Cow;
use std::collections::HashSet;
use std::fmt::Write as _;

use ammonia::UrlRelative;
use pulldown_cmark::{CowStr, Event, Tag, TagEnd};

use crate::condition::Expr;
use crate::lang::Lang;
use crate::manifest::{FactType, Manifest};
use crate::markdown;
use crate::model::Sop;

/// The words the renderer puts around the content, in the language being rendered. The
/// caller fills them from the localization files, so this crate holds no user-visible text.
#[derive(Debug, Clone, Default)]
pub struct Labels {
    /// Introduces a step's condition: "Applies when".
    pub applies_when: String,
    /// Marks a step that applies to every case: "Every case".
    pub every_case: String,
    /// Marks a mandatory step.
    pub mandatory: String,
    /// Marks an advisory step.
    pub advisory: String,
    /// Introduces the legal basis.
    pub basis: String,
    /// The word "and" in a condition.
    pub and: String,
    /// The word "or" in a condition.
    pub or: String,
    /// The word "not" in a condition.
    pub not: String,
}

/// An entry of a chapter's table of contents.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TocEntry {
    /// The anchor in the rendered HTML.
    pub anchor: String,
    /// The heading's text.
    pub title: String,
    /// The heading level.
    pub level: u8,
    /// Whether the heading is a step.
    pub step: bool,
}

/// A rendered chapter.
#[derive(Debug, Clone)]
pub struct Rendered {
    /// Sanitized HTML: one `<article>` with `lang` and `dir` set.
    pub html: String,
    /// The table of contents.
    pub toc: Vec<TocEntry>,
}

/// The in-app address of a chapter, or of an anchor within it.
pub fn chapter_href(chapter: &str, anchor: Option<&str>) -> String {
    match anchor {
        Some(a) => format!("#/chapter/{chapter}/{a}"),
        None => format!("#/chapter/{chapter}"),
    }
}

/// Renders a chapter in one language. Returns `None` for an unknown chapter id.
pub fn render_chapter(
    sop: &Sop,
    chapter_id: &str,
    lang: Lang,
    labels: &Labels,
) -> Option<Rendered> {
    let chapter = sop.chapter(chapter_id)?;
    let text = chapter.text(lang);
    let mut toc = Vec::new();
    let mut events: Vec<Event<'_>> = Vec::new();
    // The level of the step section that is open, if any.
    let mut open_step: Option<u8> = None;
    let mut heading_index = 0usize;
    let mut in_heading: Option<usize> = None;
    // For each open link: whether it was written as raw HTML (and so closes with `</a>`).
    let mut open_links: Vec<bool> = Vec::new();
    let base = text.body_start;

    for (event, range) in markdown::parser(text.body()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let start = base + range.start;
                let idx = text.headings[heading_index..]
                    .iter()
                    .position(|h| h.range.start == start)
                    .map(|i| i + heading_index);
                let level_n = level as u8;
                if open_step.is_some_and(|open| level_n <= open) {
                    events.push(Event::Html("</section>\n".into()));
                    open_step = None;
                }
                let Some(idx) = idx else {
                    events.push(Event::Start(Tag::Heading {
                        level,
                        id: None,
                        classes: vec![],
                        attrs: vec![],
                    }));
                    continue;
                };
                heading_index = idx + 1;
                in_heading = Some(idx);
                let h = &text.headings[idx];
                let anchor =
                    h.id.clone()
                        .unwrap_or_else(|| format!("{}--{idx}", chapter.id));
                let step = h.step.map(|s| &text.steps[s]);
                toc.push(TocEntry {
                    anchor: anchor.clone(),
                    title: h.title.clone(),
                    level: level_n,
                    step: step.is_some(),
                });
                if let Some(step) = step {
                    let mut open = String::new();
                    let _ = writeln!(
                        open,
                        "<section class=\"step{}\" id=\"{}\" data-step=\"{}\" data-required=\"{}\" data-conditional=\"{}\">",
                        if step.advisory { " advisory" } else { "" },
                        escape(&anchor),
                        escape(&step.id),
                        step.required(),
                        step.when.is_some(),
                    );
                    events.push(Event::Html(open.into()));
                    open_step = Some(level_n);
                    events.push(Event::Start(Tag::Heading {
                        level,
                        id: None,
                        classes: vec!["step-title".into()],
                        attrs: vec![],
                    }));
                } else {
                    events.push(Event::Start(Tag::Heading {
                        level,
                        id: Some(CowStr::from(anchor)),
                        classes: vec![],
                        attrs: vec![],
                    }));
                }
            }
            Event::End(TagEnd::Heading(level)) => {
                // The title comes from the model, which has the attribute block removed.
                if let Some(idx) = in_heading {
                    events.push(Event::Text(CowStr::from(text.headings[idx].title.clone())));
                }
                events.push(Event::End(TagEnd::Heading(level)));
                if let Some(idx) = in_heading.take() {
                    if let Some(step) = text.headings[idx].step.map(|s| &text.steps[s]) {
                        events.push(Event::Html(
                            step_meta(&sop.manifest, step, lang, labels).into(),
                        ));
                    }
                }
            }
            // Inline events of a heading are replaced by its title above.
            _ if in_heading.is_some() => {}
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => link_start(
                sop,
                lang,
                link_type,
                dest_url,
                title,
                id,
                &mut events,
                &mut open_links,
            ),
            Event::End(TagEnd::Link) => link_end(&mut events, &mut open_links),
            other => events.push(other),
        }
    }
    if open_step.is_some() {
        events.push(Event::Html("</section>\n".into()));
    }

    let mut body = String::new();
    pulldown_cmark::html::push_html(&mut body, events.into_iter());

    let mut html = String::new();
    let _ = write!(
        html,
        "<article class=\"chapter\" lang=\"{}\" dir=\"{}\" data-chapter=\"{}\">\n<p class=\"sop-label\">{}</p>\n<h1>{}</h1>\n{}</article>\n",
        lang.code(),
        lang.dir(),
        escape(&chapter.id),
        escape(sop.manifest.label(lang)),
        escape(&text.title),
        body
    );
    Some(Rendered {
        html: sanitize(&html),
        toc,
    })
}

/// A training scenario rendered in one language, each part sanitized HTML with `lang` and
/// `dir` set, so that a front end can show one stage at a time.
#[derive(Debug, Clone)]
pub struct RenderedScenario {
    /// The head: the SOP's status label, the training label, the title and the introduction,
    /// in one `<article>`. Show it with every stage: it carries the labels.
    pub head: String,
    /// Each stage's story in order, with its stage id: one `<section>` each.
    pub stages: Vec<(String, String)>,
    /// The debrief for the trainer, if the scenario has one.
    pub debrief: Option<String>,
}

/// Renders a training scenario in one language. Returns `None` for an unknown scenario id.
/// Links resolve as in chapters: `#id` to the SOP's chapters and steps, `term:` to the
/// glossary.
pub fn render_scenario(sop: &Sop, scenario_id: &str, lang: Lang) -> Option<RenderedScenario> {
    let scenario = sop.training.scenario(scenario_id)?;
    let text = scenario.text(lang);
    let attrs = format!("lang=\"{}\" dir=\"{}\"", lang.code(), lang.dir());
    let head = format!(
        "<article class=\"scenario\" {attrs} data-scenario=\"{}\">\n<p class=\"sop-label\">{}</p>\n<p class=\"training-label\">{}</p>\n<h1>{}</h1>\n{}</article>\n",
        escape(&scenario.id),
        escape(sop.manifest.label(lang)),
        escape(sop.training.label.get(lang)),
        escape(&text.title),
        markdown_html(sop, text.introduction(), lang),
    );
    let section = |stage: &crate::training::StageText, class: &str| {
        sanitize(&format!(
            "<section class=\"{class}\" {attrs} data-stage=\"{}\">\n<h2>{}</h2>\n{}</section>\n",
            escape(&stage.id),
            escape(&stage.title),
            markdown_html(sop, text.story(stage), lang),
        ))
    };
    Some(RenderedScenario {
        head: sanitize(&head),
        stages: text
            .stages
            .iter()
            .map(|s| (s.id.clone(), section(s, "stage")))
            .collect(),
        debrief: text.debrief.as_ref().map(|d| section(d, "debrief")),
    })
}

/// A piece of SOP markdown as HTML, its links resolved as in chapters; not yet sanitized.
fn markdown_html(sop: &Sop, source: &str, lang: Lang) -> String {
    let mut events = Vec::new();
    let mut open_links = Vec::new();
    for event in markdown::parser(source) {
        match event {
            Event::Start(Tag::Link {
                link_type,
                dest_url,
                title,
                id,
            }) => link_start(
                sop,
                lang,
                link_type,
                dest_url,
                title,
                id,
                &mut events,
                &mut open_links,
            ),
            Event::End(TagEnd::Link) => link_end(&mut events, &mut open_links),
            other => events.push(other),
        }
    }
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, events.into_iter());
    html
}

/// Opens a link of SOP markdown: an in-app link or a glossary term is written as raw HTML,
/// with its class and, for a term, its definition; anything else is left to pulldown-cmark
/// (and so to the sanitizer, which drops any absolute URL). `open_links` remembers which.
#[allow(clippy::too_many_arguments)]
fn link_start<'a>(
    sop: &Sop,
    lang: Lang,
    link_type: pulldown_cmark::LinkType,
    dest_url: CowStr<'a>,
    title: CowStr<'a>,
    id: CowStr<'a>,
    events: &mut Vec<Event<'a>>,
    open_links: &mut Vec<bool>,
) {
    let (dest, class) = resolve_link(sop, &dest_url);
    if let Some(class) = class {
        // A glossary term carries its definition for the reader to show on hover and on
        // keyboard focus; a native `title` would only show on hover.
        let extra = match dest_url
            .strip_prefix("term:")
            .and_then(|t| sop.glossary.term(t))
        {
            Some(t) => format!(" data-definition=\"{}\"", escape(t.definition.get(lang))),
            None if title.is_empty() => String::new(),
            None => format!(" title=\"{}\"", escape(&title)),
        };
        events.push(Event::Html(
            format!("<a class=\"{class}\" href=\"{}\"{extra}>", escape(&dest)).into(),
        ));
        open_links.push(true);
    } else {
        events.push(Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }));
        open_links.push(false);
    }
}

/// Closes the link `link_start` opened last.
fn link_end(events: &mut Vec<Event<'_>>, open_links: &mut Vec<bool>) {
    if open_links.pop() == Some(true) {
        events.push(Event::Html("</a>".into()));
    } else {
        events.push(Event::End(TagEnd::Link));
    }
}

/// Where a link goes in the app, and the class of a raw link, or `None` to leave the link to
/// pulldown-cmark (and so to the sanitizer, which drops any absolute URL).
fn resolve_link(sop: &Sop, dest: &str) -> (String, Option<&'static str>) {
    if let Some(id) = dest.strip_prefix('#') {
        if sop.chapter(id).is_some() {
            return (chapter_href(id, None), Some("xref"));
        }
        if let Some(chapter) = sop.chapter_of(id) {
            return (chapter_href(&chapter.id, Some(id)), Some("xref"));
        }
        return (String::new(), Some("xref broken"));
    }
    if let Some(id) = dest.strip_prefix("term:") {
        return (format!("#/glossary/{id}"), Some("term"));
    }
    (dest.to_owned(), None)
}

/// The line under a step's title: its id, whether it is mandatory, its condition, its basis.
fn step_meta(
    manifest: &Manifest,
    step: &crate::model::Step,
    lang: Lang,
    labels: &Labels,
) -> String {
    let mut s = String::from("<div class=\"step-meta\">");
    let _ = write!(
        s,
        "<span class=\"step-id\"><bdi>{}</bdi></span>",
        escape(&step.id)
    );
    let kind = if step.advisory {
        &labels.advisory
    } else {
        &labels.mandatory
    };
    let _ = write!(s, "<span class=\"step-kind\">{}</span>", escape(kind));
    match &step.when {
        Some(c) => {
            let _ = write!(
                s,
                "<span class=\"step-when\">{}: {}</span>",
                escape(&labels.applies_when),
                escape(&describe(c.expr(), manifest, lang, labels))
            );
        }
        None => {
            let _ = write!(
                s,
                "<span class=\"step-when always\">{}</span>",
                escape(&labels.every_case)
            );
        }
    }
    if let Some(basis) = &step.basis {
        let _ = write!(
            s,
            "<span class=\"step-basis\">{}: {}</span>",
            escape(&labels.basis),
            escape(basis)
        );
    }
    s.push_str("</div>\n");
    s
}

/// A condition in words, using the facts' labels: "a possible victim is a child or …".
pub fn describe(expr: &Expr, manifest: &Manifest, lang: Lang, labels: &Labels) -> String {
    let fact_label = |id: &str| {
        manifest
            .fact(id)
            .map_or_else(|| id.to_owned(), |f| f.label.get(lang).to_owned())
    };
    let choice_name = |fact: &str, value: &str| match manifest.fact(fact).map(|f| &f.kind) {
        Some(FactType::Choice { choices, .. }) => choices
            .iter()
            .find(|c| c.id == value)
            .map_or_else(|| value.to_owned(), |c| c.name.get(lang).to_owned()),
        _ => value.to_owned(),
    };
    match expr {
        Expr::Fact(f) => fact_label(f),
        Expr::Choice {
            fact,
            values,
            negated,
        } => {
            let names: Vec<String> = values.iter().map(|v| choice_name(fact, v)).collect();
            let joined = names.join(&format!(" {} ", labels.or));
            if *negated {
                format!("{}: {} {joined}", fact_label(fact), labels.not)
            } else {
                format!("{}: {joined}", fact_label(fact))
            }
        }
        Expr::Not(e) => format!("{} {}", labels.not, group(e, manifest, lang, labels)),
        Expr::And(a, b) => format!(
            "{} {} {}",
            group(a, manifest, lang, labels),
            labels.and,
            group(b, manifest, lang, labels)
        ),
        Expr::Or(a, b) => format!(
            "{} {} {}",
            describe(a, manifest, lang, labels),
            labels.or,
            describe(b, manifest, lang, labels)
        ),
    }
}

/// A sub-expression in words, in parentheses when it is an `or` (which binds loosest).
fn group(expr: &Expr, manifest: &Manifest, lang: Lang, labels: &Labels) -> String {
    let s = describe(expr, manifest, lang, labels);
    if matches!(expr, Expr::Or(..)) {
        format!("({s})")
    } else {
        s
    }
}

/// Escapes text for HTML text and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Cleans HTML with the SOP's allow-list. Every rendered chapter passes through here.
pub fn sanitize(html: &str) -> String {
    let tags: HashSet<&str> = [
        "article",
        "section",
        "p",
        "br",
        "hr",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "ul",
        "ol",
        "li",
        "strong",
        "em",
        "del",
        "code",
        "pre",
        "blockquote",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "a",
        "bdi",
        "span",
        "div",
    ]
    .into_iter()
    .collect();
    ammonia::Builder::new()
        .tags(tags)
        .generic_attributes(
            ["lang", "dir", "title", "id", "class"]
                .into_iter()
                .collect(),
        )
        .generic_attribute_prefixes(["data-"].into_iter().collect())
        .tag_attributes(
            [
                ("a", ["href"].into_iter().collect()),
                ("th", ["align"].into_iter().collect()),
                ("td", ["align"].into_iter().collect()),
            ]
            .into_iter()
            .collect(),
        )
        .url_schemes(HashSet::new())
        .url_relative(UrlRelative::Custom(Box::new(in_app_only)))
        .link_rel(None)
        .clean(html)
        .to_string()
}

/// The relative URLs a chapter may link to: a place in the app (`#/chapter/…`,
/// `#/glossary/…`), or nothing (a broken cross-reference). Every other relative URL is
/// dropped: `//host/…` (or `/\host`, which a browser reads the same) goes to another host
/// over the network, and a path would leave the page.
fn in_app_only(url: &str) -> Option<Cow<'_, str>> {
    (url.is_empty() || url.starts_with('#')).then_some(Cow::Borrowed(url))
}

#[cfg(test)]
mod tests {
    use super::sanitize;

    #[test]
    fn sanitize_removes_active_content() {
        let hostile = r##"<p onclick="x()">a</p><script>alert(1)</script><img src=x onerror=alert(1)>
<a href="javascript:alert(1)">j</a><a href="data:text/html,x">d</a><iframe src="x"></iframe>
<object data="x"></object><embed src="x"><a href="https://example.org">w</a><a href="#/chapter/a">ok</a>"##;
        let clean = sanitize(hostile);
        for bad in [
            "<script",
            "onclick",
            "onerror",
            "javascript:",
            "data:",
            "<iframe",
            "<object",
            "<embed",
            "<img",
            "https:",
        ] {
            assert!(!clean.contains(bad), "{bad} survived in {clean}");
        }
        assert!(
            clean.contains(r##"<a href="#/chapter/a">ok</a>"##),
            "{clean}"
        );
    }

    /// Issue 18, found by the `render` fuzz target's check of every link: ammonia dropped
    /// links with a scheme but let through relative URLs, among them `//host`, which a
    /// browser resolves to another host over the network.
    #[test]
    fn sanitize_drops_network_path_and_other_relative_links() {
        let hostile = "<a href=\"//example.org/x\">a</a><a href=\"/\\example.org\">b</a>\
             <a href=\"\t//example.org\">c</a><a href=\"other.md\">d</a><a href=\"/x\">e</a>\
             <a href=\"#/chapter/a\">ok</a><a class=\"xref broken\" href=\"\">broken</a>";
        let clean = sanitize(hostile);
        assert_eq!(
            clean,
            "<a>a</a><a>b</a><a>c</a><a>d</a><a>e</a>\
             <a href=\"#/chapter/a\">ok</a><a class=\"xref broken\" href=\"\">broken</a>"
        );
    }
}
