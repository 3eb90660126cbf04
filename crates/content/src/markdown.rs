//! The one place where markdown is parsed, and the reader for heading attribute blocks.
//!
//! Every reader of chapter markdown (the loader, the renderer, search) goes through
//! [`parser`], so that they all see the same document.

use pulldown_cmark::{Options, Parser};

use crate::diagnostic::Message;

/// The parser options for all SOP markdown.
fn options() -> Options {
    Options::ENABLE_TABLES | Options::ENABLE_HEADING_ATTRIBUTES | Options::ENABLE_STRIKETHROUGH
}

/// A parser over chapter markdown with the SOP's options. Every reader of chapter markdown
/// (the loader, the renderer, search) goes through this function.
pub fn parser(text: &str) -> Parser<'_> {
    Parser::new_ext(text, options())
}

/// The plain text of a short piece of markdown, such as a heading without its attribute block.
pub(crate) fn plain_text(source: &str) -> String {
    let mut text = String::new();
    for event in parser(source) {
        match event {
            pulldown_cmark::Event::Text(t) | pulldown_cmark::Event::Code(t) => text.push_str(&t),
            pulldown_cmark::Event::SoftBreak | pulldown_cmark::Event::HardBreak => text.push(' '),
            _ => {}
        }
    }
    text.trim().to_owned()
}

/// The attributes in the `{…}` block at the end of a heading.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Attrs {
    /// `#id`, with its byte offset in the heading's source.
    pub id: Option<(String, usize)>,
    /// `.class` names.
    pub classes: Vec<String>,
    /// `when="…"`, with the byte offset of the value's first character.
    pub when: Option<(String, usize)>,
    /// `basis="…"`.
    pub basis: Option<String>,
    /// Where the `{` of the block stands in the heading's source, if there is a block.
    pub block_start: Option<usize>,
}

/// A problem in an attribute block, at a byte offset in the heading's source.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct AttrError {
    pub offset: usize,
    pub message: Message,
}

/// The classes a heading may carry.
const CLASSES: [&str; 2] = ["step", "advisory"];

/// Finds and reads the attribute block of a heading, given the heading's source text.
///
/// pulldown-cmark also reads heading attributes, but it splits values on spaces, so a
/// condition such as `when="child or age-uncertain"` would fall apart. It does strip the
/// block from the title, which is the part of its work we keep.
pub(crate) fn heading_attrs(source: &str) -> Result<Attrs, AttrError> {
    // The block ends a line of the heading (the first line for `#` headings).
    let Some(line) = source
        .split_inclusive('\n')
        .scan(0usize, |start, l| {
            let s = *start;
            *start += l.len();
            Some((s, l))
        })
        .find(|(_, l)| l.trim_end().ends_with('}'))
    else {
        return Ok(Attrs::default());
    };
    let (line_start, text) = line;
    let text = text.trim_end();
    // The block starts at the first `{` outside quotes from which the rest of the line reads.
    let mut last_error = None;
    for (i, _) in text.match_indices('{') {
        match read_block(&text[i..]) {
            Ok(mut attrs) => {
                let base = line_start + i;
                if let Some((_, o)) = attrs.id.as_mut() {
                    *o += base;
                }
                if let Some((_, o)) = attrs.when.as_mut() {
                    *o += base;
                }
                attrs.block_start = Some(base);
                return Ok(attrs);
            }
            Err(mut e) => {
                e.offset += line_start + i;
                last_error = Some(e);
            }
        }
    }
    match last_error {
        Some(e) => Err(e),
        None => Ok(Attrs::default()),
    }
}

/// Reads `{…}` that spans all of `block`.
fn read_block(block: &str) -> Result<Attrs, AttrError> {
    let err = |offset: usize, message: Message| AttrError { offset, message };
    let inner_end = block.len() - 1;
    let mut attrs = Attrs::default();
    let bytes = block.as_bytes();
    let mut i = 1;
    while i < inner_end {
        if bytes[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let start = i;
        let word_end = |from: usize| {
            block[from..inner_end]
                .find(|c: char| c.is_ascii_whitespace() || c == '=')
                .map_or(inner_end, |n| from + n)
        };
        match bytes[i] {
            b'#' => {
                let end = word_end(i + 1);
                if attrs.id.is_some() {
                    return Err(err(
                        start,
                        Message::new(
                            "validate-attribute-second-id",
                            "a heading can have only one `#id`",
                        ),
                    ));
                }
                attrs.id = Some((block[i + 1..end].to_owned(), start));
                i = end;
            }
            b'.' => {
                let end = word_end(i + 1);
                let class = &block[i + 1..end];
                if !CLASSES.contains(&class) {
                    return Err(err(
                        start,
                        Message::new(
                            "validate-attribute-unknown-class",
                            format!("unknown class `.{class}`; use `.step` or `.advisory`"),
                        )
                        .arg("class", class),
                    ));
                }
                attrs.classes.push(class.to_owned());
                i = end;
            }
            _ => {
                let end = word_end(i);
                let key = &block[i..end];
                if bytes.get(end) != Some(&b'=') {
                    return Err(err(
                        start,
                        Message::new(
                            "validate-attribute-not-an-attribute",
                            format!(
                                "`{key}` is not an attribute; write `#id`, `.class` or `key=\"value\"`"
                            ),
                        )
                        .arg("word", key),
                    ));
                }
                i = end + 1;
                let (value, value_offset, next) = if bytes.get(i) == Some(&b'"') {
                    let mut value = String::new();
                    let mut j = i + 1;
                    loop {
                        match block[j..inner_end].chars().next() {
                            None => {
                                return Err(err(
                                    i,
                                    Message::new(
                                        "validate-attribute-unclosed-quote",
                                        "a quoted value is not closed",
                                    ),
                                ));
                            }
                            Some('"') => break,
                            Some('\\') if block[j + 1..inner_end].starts_with('"') => {
                                value.push('"');
                                j += 2;
                            }
                            Some(c) => {
                                value.push(c);
                                j += c.len_utf8();
                            }
                        }
                    }
                    (value, i + 1, j + 1)
                } else {
                    let end = word_end(i);
                    (block[i..end].to_owned(), i, end)
                };
                match key {
                    "when" if attrs.when.is_none() => attrs.when = Some((value, value_offset)),
                    "basis" if attrs.basis.is_none() => attrs.basis = Some(value),
                    "when" | "basis" => {
                        return Err(err(
                            start,
                            Message::new(
                                "validate-attribute-twice",
                                format!("`{key}` is given twice"),
                            )
                            .arg("attribute", key),
                        ));
                    }
                    _ => {
                        return Err(err(
                            start,
                            Message::new(
                                "validate-attribute-unknown",
                                format!("unknown attribute `{key}`; use `when` or `basis`"),
                            )
                            .arg("attribute", key),
                        ));
                    }
                }
                i = next;
            }
        }
    }
    Ok(attrs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_quoted_values_with_spaces_and_escapes() {
        let src = r#"### Title {#a-b .step when="child or kind == \"smuggling\"" basis="art. 3"}"#;
        let attrs = heading_attrs(src).unwrap_or_default();
        assert_eq!(attrs.id, Some(("a-b".into(), 11)));
        assert_eq!(attrs.classes, vec!["step".to_string()]);
        let (when, offset) = attrs.when.unwrap_or_default();
        assert_eq!(when, r#"child or kind == "smuggling""#);
        assert_eq!(&src[offset..offset + 5], "child");
        assert_eq!(attrs.basis.as_deref(), Some("art. 3"));
        assert_eq!(attrs.block_start, Some(10));
    }

    #[test]
    fn arabic_titles_and_values() {
        let src = "### افصل الضحية {#x .step basis=\"المادة 6\"}\n";
        let attrs = heading_attrs(src).unwrap_or_default();
        assert_eq!(attrs.basis.as_deref(), Some("المادة 6"));
    }

    #[test]
    fn errors() {
        for (src, message) in [
            (
                "## T {#a .stpe}",
                "unknown class `.stpe`; use `.step` or `.advisory`",
            ),
            (
                "## T {#a colour=red}",
                "unknown attribute `colour`; use `when` or `basis`",
            ),
            ("## T {#a when=\"x}", "a quoted value is not closed"),
            ("## T {#a #b}", "a heading can have only one `#id`"),
            (
                "## T {#a step}",
                "`step` is not an attribute; write `#id`, `.class` or `key=\"value\"`",
            ),
        ] {
            assert_eq!(
                heading_attrs(src).map_err(|e| e.message.english),
                Err(message.to_string()),
                "{src}"
            );
        }
    }

    #[test]
    fn no_block_is_no_attributes() {
        assert_eq!(heading_attrs("## Plain title\n"), Ok(Attrs::default()));
    }
}
