//! The plain text that search indexes and shows: chapter markdown without its markup.
//!
//! Link targets, HTML and attribute blocks are left out: an Arabic paragraph that links to
//! `#intake-interpreter` must not match the English word "interpreter".

use pulldown_cmark::{Event, TagEnd};

use dalil_content::ChapterText;

/// The text of a piece of markdown, with runs of whitespace made single spaces and a space
/// between blocks.
pub(crate) fn plain_text(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for event in dalil_content::markdown::parser(markdown) {
        match event {
            Event::Text(t) | Event::Code(t) => {
                for c in t.chars() {
                    if c.is_whitespace() {
                        space(&mut out);
                    } else {
                        out.push(c);
                    }
                }
            }
            Event::SoftBreak | Event::HardBreak | Event::Rule => space(&mut out),
            Event::End(
                TagEnd::Paragraph
                | TagEnd::Heading(_)
                | TagEnd::BlockQuote(_)
                | TagEnd::CodeBlock
                | TagEnd::Item
                | TagEnd::List(_)
                | TagEnd::Table
                | TagEnd::TableHead
                | TagEnd::TableRow
                | TagEnd::TableCell,
            ) => space(&mut out),
            _ => {}
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out
}

/// Adds a space unless the text is empty or already ends with one.
fn space(out: &mut String) {
    if !out.is_empty() && !out.ends_with(' ') {
        out.push(' ');
    }
}

/// The chapter's text outside its steps: the introduction and the sections that are not
/// steps, with their headings.
pub(crate) fn outside_steps(text: &ChapterText) -> String {
    let mut spans: Vec<std::ops::Range<usize>> = text
        .headings
        .iter()
        .filter_map(|h| {
            let step = text.steps.get(h.step?)?;
            Some(h.range.start..step.guidance.end)
        })
        .collect();
    spans.sort_by_key(|s| s.start);
    let mut parts = Vec::new();
    let mut pos = text.body_start;
    for span in spans {
        if span.start > pos {
            parts.push(text.source.get(pos..span.start).unwrap_or_default());
        }
        pos = pos.max(span.end);
    }
    parts.push(text.source.get(pos..).unwrap_or_default());
    let mut out = String::new();
    for part in parts {
        let plain = plain_text(part);
        if !plain.is_empty() {
            space(&mut out);
            out.push_str(&plain);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_and_link_targets_are_left_out() {
        assert_eq!(
            plain_text(
                "> **تنبيه:** انظر [الخطوة](#intake-interpreter).\n\n- one\n- two <b>x</b>\n"
            ),
            "تنبيه: انظر الخطوة. one two x"
        );
    }

    #[test]
    fn attribute_blocks_of_headings_are_left_out() {
        assert_eq!(plain_text("## Section {#sec-id}\n\ntext"), "Section text");
    }

    #[test]
    fn whitespace_is_collapsed() {
        assert_eq!(plain_text("a\n  b\n\n\n    c"), "a b c");
    }
}
