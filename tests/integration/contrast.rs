//! Colour contrast of the UI themes, measured against WCAG 2.x level AA.
//!
//! `ui/style.css` gives every colour as a custom property of `:root`, and each theme overrides
//! some of them. This test resolves each theme's colours and checks a table of
//! (foreground, background) pairs: 4.5:1 for text, 3:1 for non-text UI (WCAG 1.4.3 and
//! 1.4.11). Which pairs exist is read from the stylesheet, the markup and the scripts by
//! hand; a second test keeps the table honest by refusing literal colours outside the
//! variables and any text colour or (colour, background) rule the table does not name.
//!
//! Run with `--nocapture` to print the measured table.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// WCAG 1.4.3: normal text. Large text may go to 3:1; we hold all text to 4.5:1.
const TEXT: f64 = 4.5;
/// WCAG 1.4.11: borders and indicators the user needs to see a control or its state.
const NON_TEXT: f64 = 3.0;

/// One foreground on one background, named by their custom properties.
struct Pair {
    /// Where the pair appears, for the failure message.
    what: &'static str,
    fg: &'static str,
    bg: &'static str,
    min: f64,
}

const fn text(fg: &'static str, bg: &'static str, what: &'static str) -> Pair {
    Pair {
        what,
        fg,
        bg,
        min: TEXT,
    }
}

const fn ui(fg: &'static str, bg: &'static str, what: &'static str) -> Pair {
    Pair {
        what,
        fg,
        bg,
        min: NON_TEXT,
    }
}

/// Every place a themed colour meets another, from `ui/style.css`, `ui/index.html`,
/// `ui/app.js` and `ui/cases.js`. Text that inherits its colour is listed on each background
/// it is laid on.
#[rustfmt::skip]
const PAIRS: &[Pair] = &[
    text("--text", "--bg", "body text, chapters, tables, toc"),
    text("--text", "--panel", "sidebar, steps, cards, fields, buttons"),
    text("--text", "--accent-soft", "hovered nav item, table header, step meta, badge"),
    text("--text", "--caution-bg", "blockquote, confirmation box"),
    text("--text", "--mark", "search match"),
    text("--muted", "--bg", "status, case meta, why, closed case, progress text"),
    text("--muted", "--panel", "nav heading, SOP label, strength, walk position, revision"),
    text("--accent", "--bg", "links and headings on the page"),
    text("--accent", "--panel", "links, headings, outline and link buttons on panels"),
    text("--accent", "--accent-soft", "current nav item"),
    text("--accent", "--caution-bg", "link inside a caution blockquote"),
    text("--bg", "--accent", "primary and pressed buttons"),
    text("--caution", "--caution-bg", "content problems, warning, mandatory badge"),
    text("--error", "--error-bg", "error message"),
    text("--ok", "--ok-bg", "done and verified badges"),
    text("--blocked", "--blocked-bg", "blocked and broken badges"),
    text("--neutral", "--neutral-bg", "not applicable badge"),
    ui("--focus", "--bg", "focus ring on the page"),
    ui("--focus", "--panel", "focus ring on panels"),
    ui("--field-line", "--bg", "field border against the page"),
    ui("--field-line", "--panel", "field border against panels"),
    ui("--accent", "--accent-soft", "progress bar fill against its track"),
    ui("--conditional", "--panel", "conditional step marker"),
];

/// The themes: the name in the settings file and the selector that overrides `:root`.
/// The light theme is `:root` alone.
const THEMES: &[(&str, Option<&str>)] = &[
    ("light", None),
    ("dark", Some(r#":root[data-theme="dark"]"#)),
    ("contrast", Some(r#":root[data-theme="contrast"]"#)),
];

/// An opaque sRGB colour.
#[derive(Clone, Copy, PartialEq, Debug)]
struct Rgb(u8, u8, u8);

impl std::fmt::Display for Rgb {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// WCAG 2.x relative luminance: sRGB channels linearised with the 0.04045 threshold.
fn luminance(c: Rgb) -> f64 {
    let lin = |v: u8| {
        let s = f64::from(v) / 255.0;
        if s <= 0.04045 {
            s / 12.92
        } else {
            ((s + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c.0) + 0.7152 * lin(c.1) + 0.0722 * lin(c.2)
}

/// WCAG 2.x contrast ratio, from 1 to 21, in either order. Not rounded: 4.499 fails.
fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// A literal colour: `#rgb`, `#rrggbb`, their opaque alpha forms, or `rgb()`/`rgba()` with
/// integer channels. `None` for anything else. A translucent colour fails the test, since
/// its contrast depends on what lies beneath it.
fn parse_colour(value: &str) -> Option<Rgb> {
    let v = value.trim().to_ascii_lowercase();
    if let Some(hex) = v.strip_prefix('#') {
        let digits: Vec<u8> = hex
            .chars()
            .map(|c| c.to_digit(16).and_then(|d| u8::try_from(d).ok()))
            .collect::<Option<_>>()?;
        let (rgb, alpha) = match digits.len() {
            3 | 4 => (
                [digits[0] * 17, digits[1] * 17, digits[2] * 17],
                digits.get(3).map(|a| a * 17),
            ),
            6 | 8 => {
                let byte = |i: usize| digits[i] * 16 + digits[i + 1];
                (
                    [byte(0), byte(2), byte(4)],
                    (digits.len() == 8).then(|| byte(6)),
                )
            }
            _ => return None,
        };
        assert!(
            alpha.is_none_or(|a| a == 255),
            "{value}: translucent colours are not checked"
        );
        return Some(Rgb(rgb[0], rgb[1], rgb[2]));
    }
    let inner = v
        .strip_prefix("rgba(")
        .or_else(|| v.strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let parts: Vec<&str> = inner
        .split([',', ' ', '/'])
        .filter(|p| !p.is_empty())
        .collect();
    let channel = |p: &str| p.parse::<u8>().ok();
    match parts.as_slice() {
        [r, g, b] => Some(Rgb(channel(r)?, channel(g)?, channel(b)?)),
        [r, g, b, a] => {
            let alpha: f64 = a.parse().ok()?;
            assert!(alpha >= 1.0, "{value}: translucent colours are not checked");
            Some(Rgb(channel(r)?, channel(g)?, channel(b)?))
        }
        _ => None,
    }
}

/// One style rule: its selector and its declarations in order.
struct Rule {
    selector: String,
    decls: Vec<(String, String)>,
}

/// The style rules of a stylesheet, with those inside `@media` flattened out and
/// `@font-face` skipped. Enough CSS for `ui/style.css`: no strings holding braces or `;`.
fn rules(css: &str) -> Vec<Rule> {
    let mut text = String::new();
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        let end = rest[start..]
            .find("*/")
            .expect("unclosed comment in style.css");
        rest = &rest[start + end + 2..];
    }
    text.push_str(rest);
    let mut out = Vec::new();
    collect_rules(&text, &mut out);
    out
}

/// Appends the style rules of `css` to `out`, going into `@media` blocks.
fn collect_rules(mut css: &str, out: &mut Vec<Rule>) {
    while let Some(open) = css.find('{') {
        let prelude = css[..open].trim();
        let mut depth = 0;
        let mut close = None;
        for (i, c) in css[open..].char_indices() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth -= 1;
                    if depth == 0 {
                        close = Some(open + i);
                        break;
                    }
                }
                _ => {}
            }
        }
        let close = close.unwrap_or_else(|| panic!("unbalanced braces after {prelude:?}"));
        let body = &css[open + 1..close];
        if prelude.starts_with("@media") {
            collect_rules(body, out);
        } else if !prelude.starts_with('@') {
            let decls = body
                .split(';')
                .filter_map(|d| d.split_once(':'))
                .map(|(name, value)| (name.trim().to_owned(), value.trim().to_owned()))
                .collect();
            out.push(Rule {
                selector: prelude.to_owned(),
                decls,
            });
        }
        css = &css[close + 1..];
    }
}

/// The custom properties of a theme: those of `:root`, overridden by the theme's rule.
fn theme_properties(rules: &[Rule], selector: Option<&str>) -> BTreeMap<String, String> {
    let mut props = BTreeMap::new();
    for wanted in std::iter::once(":root").chain(selector) {
        for rule in rules.iter().filter(|r| r.selector == wanted) {
            for (name, value) in &rule.decls {
                if name.starts_with("--") {
                    props.insert(name.clone(), value.clone());
                }
            }
        }
    }
    props
}

/// The variable a `var(--x)` or `var(--x, fallback)` names, and its fallback.
fn var_reference(value: &str) -> Option<(&str, Option<&str>)> {
    let inner = value.trim().strip_prefix("var(")?.strip_suffix(')')?;
    Some(match inner.split_once(',') {
        Some((name, fallback)) => (name.trim(), Some(fallback.trim())),
        None => (inner.trim(), None),
    })
}

/// A variable's colour in a theme, following `var()` indirection.
fn resolve(props: &BTreeMap<String, String>, theme: &str, name: &str) -> Rgb {
    let mut value = props
        .get(name)
        .unwrap_or_else(|| panic!("theme {theme}: {name} is not defined"))
        .as_str();
    for _ in 0..16 {
        match var_reference(value) {
            Some((next, fallback)) => {
                value = match (props.get(next), fallback) {
                    (Some(v), _) => v,
                    (None, Some(f)) => f,
                    (None, None) => panic!("theme {theme}: {name} refers to undefined {next}"),
                }
            }
            None => {
                return parse_colour(value)
                    .unwrap_or_else(|| panic!("theme {theme}: {name} is {value:?}, not a colour"));
            }
        }
    }
    panic!("theme {theme}: {name} is a loop of var() references")
}

fn stylesheet() -> Vec<Rule> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/style.css");
    let css = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    rules(&css)
}

#[test]
fn ratio_matches_known_values() {
    let white = Rgb(255, 255, 255);
    let black = Rgb(0, 0, 0);
    assert!(
        (ratio(black, white) - 21.0).abs() < 1e-9,
        "{}",
        ratio(black, white)
    );
    assert!((ratio(white, black) - 21.0).abs() < 1e-9);
    assert!((ratio(white, white) - 1.0).abs() < 1e-12);
    // #777 is the well-known grey that just fails AA on white; #767676 just passes.
    let grey = ratio(Rgb(0x77, 0x77, 0x77), white);
    assert!(
        (grey - 4.48).abs() < 0.005 && grey < TEXT,
        "#777 on white: {grey}"
    );
    let passing = ratio(Rgb(0x76, 0x76, 0x76), white);
    assert!(
        (passing - 4.54).abs() < 0.005 && passing >= TEXT,
        "#767676 on white: {passing}"
    );
    // Below the 0.04045 threshold the channel is linear: 10/255/12.92.
    let dark = luminance(Rgb(10, 10, 10));
    assert!((dark - 10.0 / 255.0 / 12.92).abs() < 1e-12, "{dark}");
}

#[test]
fn colours_parse_in_every_written_form() {
    let grey = Some(Rgb(0x77, 0x77, 0x77));
    for written in [
        "#777",
        "#777777",
        "#777F",
        "#777777ff",
        "rgb(119, 119, 119)",
        "rgb(119 119 119)",
        "rgba(119,119,119,1)",
    ] {
        assert_eq!(parse_colour(written), grey, "{written}");
    }
    for not_colour in ["var(--x)", "#77", "rgb(1, 2)", "inherit", "#ggg"] {
        assert_eq!(parse_colour(not_colour), None, "{not_colour}");
    }
    let mut props = BTreeMap::new();
    props.insert("--a".to_owned(), "var(--b)".to_owned());
    props.insert("--b".to_owned(), "var(--missing, #000)".to_owned());
    assert_eq!(resolve(&props, "test", "--a"), Rgb(0, 0, 0));
}

#[test]
fn every_theme_meets_wcag_aa() {
    let rules = stylesheet();
    let declared: BTreeSet<&str> = rules
        .iter()
        .filter(|r| r.selector.starts_with(":root["))
        .map(|r| r.selector.as_str())
        .collect();
    let known: BTreeSet<&str> = THEMES.iter().filter_map(|(_, s)| *s).collect();
    assert_eq!(
        declared, known,
        "a theme in style.css is not in THEMES, or the reverse"
    );

    let mut failures = Vec::new();
    for (theme, selector) in THEMES {
        let props = theme_properties(&rules, *selector);
        println!("theme {theme}");
        for pair in PAIRS {
            let (fg, bg) = (
                resolve(&props, theme, pair.fg),
                resolve(&props, theme, pair.bg),
            );
            let r = ratio(fg, bg);
            let verdict = if r >= pair.min { "ok" } else { "FAIL" };
            println!(
                "  {r:5.2}:1 (min {:.1}) {verdict:4} {} {fg} on {} {bg}: {}",
                pair.min, pair.fg, pair.bg, pair.what
            );
            if r < pair.min {
                failures.push(format!(
                    "theme {theme}: {} ({} {fg} on {} {bg}) is {r:.2}:1, needs {:.1}:1",
                    pair.what, pair.fg, pair.bg, pair.min
                ));
            }
        }
    }
    assert!(
        failures.is_empty(),
        "contrast below WCAG AA:\n{}",
        failures.join("\n")
    );
}

#[test]
fn every_colour_in_the_stylesheet_is_a_variable_the_table_checks() {
    let text_pairs: BTreeSet<(&str, &str)> = PAIRS
        .iter()
        .filter(|p| p.min >= TEXT)
        .map(|p| (p.fg, p.bg))
        .collect();
    let foregrounds: BTreeSet<&str> = text_pairs.iter().map(|(fg, _)| *fg).collect();
    let keywords = ["inherit", "none", "transparent", "currentcolor"];
    let mut problems = Vec::new();
    for rule in stylesheet() {
        let sel = &rule.selector;
        let mut colour = None;
        let mut background = None;
        for (name, value) in &rule.decls {
            if name.starts_with("--") {
                continue;
            }
            let lower = value.to_ascii_lowercase();
            if ["#", "rgb(", "rgba(", "hsl("]
                .iter()
                .any(|c| lower.contains(c))
            {
                problems.push(format!(
                    "{sel}: {name}: {value} is a literal colour; use a variable"
                ));
                continue;
            }
            let slot = match name.as_str() {
                "color" => &mut colour,
                "background" | "background-color" => &mut background,
                _ => continue,
            };
            match var_reference(value) {
                Some((var, _)) => *slot = Some(var.to_owned()),
                None if keywords.contains(&lower.as_str()) => {}
                None => problems.push(format!("{sel}: {name}: {value} is not a variable")),
            }
        }
        match (&colour, &background) {
            (Some(fg), _) if !foregrounds.contains(fg.as_str()) => {
                problems.push(format!("{sel}: text colour {fg} is in no text pair"));
            }
            (Some(fg), Some(bg)) if !text_pairs.contains(&(fg.as_str(), bg.as_str())) => {
                problems.push(format!("{sel}: {fg} on {bg} is not in the table"));
            }
            _ => {}
        }
    }
    assert!(
        problems.is_empty(),
        "colours the contrast table does not cover:\n{}",
        problems.join("\n")
    );
}
