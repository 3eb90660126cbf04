//! What the fuzz targets share: an independent reading of the HTML the renderer returns,
//! and the small SOP pack some targets load.
//!
//! The HTML check does not trust ammonia: it reads the sanitized output again, tag by tag
//! and attribute by attribute, against the allow-list that ARCHITECTURE.md promises (no
//! scripts, event handlers, frames, objects, embeds, images or forms, no absolute URL).

use dalil_content::Files;

/// The tags a rendered chapter may hold (`render::sanitize`'s allow-list).
const TAGS: &[&str] = &[
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
];

/// Attributes any allowed tag may carry, besides `data-*`.
const GENERIC_ATTRIBUTES: &[&str] = &["lang", "dir", "title", "id", "class"];

/// Checks sanitized HTML; `Err` says what is wrong, with the offending piece.
pub fn check_html(html: &str) -> Result<(), String> {
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(rel) = html[i..].find('<') {
        let start = i + rel;
        let mut j = start + 1;
        let closing = bytes.get(j) == Some(&b'/');
        if closing {
            j += 1;
        }
        let name_end = j + html[j..]
            .find(|c: char| !c.is_ascii_alphanumeric())
            .unwrap_or(html.len() - j);
        let name = &html[j..name_end];
        if name.is_empty() {
            return Err(format!(
                "a raw `<` at byte {start}: {}",
                context(html, start)
            ));
        }
        if !TAGS.contains(&name) {
            return Err(format!(
                "the tag <{name}> is not allowed: {}",
                context(html, start)
            ));
        }
        j = name_end;
        // Attributes, as html5ever writes them: name="value", the value escaped.
        loop {
            while bytes.get(j).is_some_and(u8::is_ascii_whitespace) {
                j += 1;
            }
            match bytes.get(j) {
                None => return Err(format!("an unclosed tag: {}", context(html, start))),
                Some(b'>') => {
                    j += 1;
                    break;
                }
                Some(b'/') if bytes.get(j + 1) == Some(&b'>') => {
                    j += 2;
                    break;
                }
                Some(_) => {}
            }
            if closing {
                return Err(format!(
                    "a closing tag with attributes: {}",
                    context(html, start)
                ));
            }
            let attr_end = j + html[j..]
                .find(|c: char| c == '=' || c == '>' || c.is_ascii_whitespace())
                .unwrap_or(html.len() - j);
            let attr = &html[j..attr_end];
            j = attr_end;
            let mut value = String::new();
            if bytes.get(j) == Some(&b'=') {
                if bytes.get(j + 1) != Some(&b'"') {
                    return Err(format!(
                        "an unquoted attribute value: {}",
                        context(html, start)
                    ));
                }
                let Some(len) = html[j + 2..].find('"') else {
                    return Err(format!(
                        "an unclosed attribute value: {}",
                        context(html, start)
                    ));
                };
                value = unescape(&html[j + 2..j + 2 + len]);
                j += 2 + len + 1;
            }
            check_attribute(name, attr, &value)
                .map_err(|e| format!("{e}: {}", context(html, start)))?;
        }
        i = j;
    }
    Ok(())
}

fn check_attribute(tag: &str, attr: &str, value: &str) -> Result<(), String> {
    let allowed = GENERIC_ATTRIBUTES.contains(&attr)
        || attr.starts_with("data-")
        || (tag == "a" && attr == "href")
        || (matches!(tag, "th" | "td") && attr == "align");
    if !allowed || attr.starts_with("on") {
        return Err(format!("the attribute `{attr}` is not allowed on <{tag}>"));
    }
    if attr == "href" {
        check_url(value)?;
    }
    Ok(())
}

/// A link may go only within the app: no scheme, and no network-path reference (`//host`),
/// however a browser would read it (it drops tabs and line breaks, trims leading spaces and
/// control characters, and reads `\` as `/`).
fn check_url(url: &str) -> Result<(), String> {
    let url: String = url
        .trim_start_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .map(|c| if c == '\\' { '/' } else { c })
        .collect();
    if url.starts_with("//") {
        return Err(format!(
            "the link `{url}` leaves the app (a network-path reference)"
        ));
    }
    // A scheme as the URL standard reads one: a letter, then letters, digits, `+`, `-`, `.`,
    // then `:`. Anything else before the first `:` makes a relative path.
    let scheme_len = url
        .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
        .unwrap_or(url.len());
    if scheme_len > 0
        && url.starts_with(|c: char| c.is_ascii_alphabetic())
        && url[scheme_len..].starts_with(':')
    {
        return Err(format!("the link `{url}` has a scheme"));
    }
    Ok(())
}

/// The entities html5ever writes in attribute values.
fn unescape(s: &str) -> String {
    s.replace("&quot;", "\"")
        .replace("&nbsp;", "\u{a0}")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

fn context(html: &str, at: usize) -> String {
    let end = (at + 120).min(html.len());
    let end = (end..=html.len())
        .find(|&e| html.is_char_boundary(e))
        .unwrap_or(html.len());
    format!("`{}`", &html[at..end])
}

/// Makes sure [`check_html`] rejects what it must, so that a fuzz run never passes because
/// the check went blind. Each target calls it once.
pub fn self_test() {
    let good = r##"<article class="chapter" lang="en" dir="ltr" data-chapter="x"><p>a &lt;b&gt; <a class="xref" href="#/chapter/x">x</a> <a href="other.md">o</a> <a href="a b:c">p</a></p><br><table><tr><td align="left">1</td></tr></table></article>"##;
    assert_eq!(check_html(good), Ok(()), "the HTML check refuses good HTML");
    for bad in [
        "<script>alert(1)</script>",
        "<p onclick=\"x()\">a</p>",
        "<img src=\"x\">",
        "<iframe></iframe>",
        "<a href=\"javascript:alert(1)\">j</a>",
        "<a href=\"java\nscript:alert(1)\">j</a>",
        "<a href=\"https://example.org\">w</a>",
        "<a href=\"//example.org\">w</a>",
        "<a href=\" /\\example.org\">w</a>",
        "<a href=\"/&#9;/example.org\">w</a>"
            .replace("&#9;", "\t")
            .leak(),
        "<p style=\"x\">a</p>",
        "<p>a < b</p>",
        "<form></form>",
    ] {
        assert!(check_html(bad).is_err(), "the HTML check accepts {bad}");
    }
}

/// The small SOP pack of the tests (`tests/fixtures/good`), as files: its chapters, manifest,
/// glossary and training scenario.
pub fn fixture_pack() -> Files {
    [
        (
            "manifest.toml",
            include_str!("../../tests/fixtures/good/manifest.toml"),
        ),
        (
            "glossary.toml",
            include_str!("../../tests/fixtures/good/glossary.toml"),
        ),
        (
            "chapters/first/ar.md",
            include_str!("../../tests/fixtures/good/chapters/first/ar.md"),
        ),
        (
            "chapters/first/en.md",
            include_str!("../../tests/fixtures/good/chapters/first/en.md"),
        ),
        (
            "chapters/second/ar.md",
            include_str!("../../tests/fixtures/good/chapters/second/ar.md"),
        ),
        (
            "chapters/second/en.md",
            include_str!("../../tests/fixtures/good/chapters/second/en.md"),
        ),
        (
            "training/training.toml",
            include_str!("../../tests/fixtures/good/training/training.toml"),
        ),
        (
            "training/practice/scenario.toml",
            include_str!("../../tests/fixtures/good/training/practice/scenario.toml"),
        ),
        (
            "training/practice/ar.md",
            include_str!("../../tests/fixtures/good/training/practice/ar.md"),
        ),
        (
            "training/practice/en.md",
            include_str!("../../tests/fixtures/good/training/practice/en.md"),
        ),
    ]
    .into_iter()
    .map(|(path, text)| (path.to_owned(), text.as_bytes().to_vec()))
    .collect()
}
