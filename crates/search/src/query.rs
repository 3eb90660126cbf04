//! Queries: from what a user typed to normalized words, and from those words to an FTS5
//! MATCH expression that this module writes itself.

use std::fmt::Write as _;

use dalil_content::Lang;

use crate::error::SearchError;
use crate::limits::{MAX_QUERY_CHARS, MAX_QUERY_WORDS};

/// A word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryWord {
    /// Folded and stemmed: matched against whole indexed words.
    pub norm: String,
    /// Folded only: the last word is also matched as a prefix of the indexed surface forms.
    pub folded: String,
}

/// A parsed query: its normalized words, in order. Words are ANDed. The last word is
/// matched as a prefix, for search as you type, unless the input ends after it with a space
/// or punctuation: then it is finished and, like the others, must match a whole word.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Query {
    words: Vec<QueryWord>,
    last_is_prefix: bool,
}

/// The columns a MATCH expression searches: those holding stems, and those holding folded
/// surface forms, each written as an FTS5 column filter such as `{title body}`.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Columns {
    pub stems: &'static str,
    pub surface: &'static str,
}

impl Query {
    /// Parses what the user typed.
    ///
    /// Everything that is not a letter or a digit (FTS5 operators and quotes included) only
    /// separates words, so any text of acceptable length is a valid query; a query with no
    /// words is empty and finds nothing.
    ///
    /// # Errors
    ///
    /// [`SearchError::QueryTooLong`] over [`MAX_QUERY_CHARS`] characters,
    /// [`SearchError::ControlCharacter`] for a control character other than a tab or a line
    /// break (NUL included), and [`SearchError::TooManyWords`] over [`MAX_QUERY_WORDS`] words.
    pub fn parse(input: &str) -> Result<Query, SearchError> {
        if input.chars().nth(MAX_QUERY_CHARS).is_some() {
            return Err(SearchError::too_long());
        }
        if input
            .chars()
            .any(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
        {
            return Err(SearchError::ControlCharacter);
        }
        let mut last_end = 0;
        let words: Vec<QueryWord> = dalil_normalize::tokens(input)
            .take(MAX_QUERY_WORDS + 1)
            .map(|t| {
                last_end = t.range.end;
                QueryWord {
                    norm: t.norm,
                    folded: t.folded,
                }
            })
            .collect();
        if words.len() > MAX_QUERY_WORDS {
            return Err(SearchError::too_many_words());
        }
        Ok(Query {
            last_is_prefix: !words.is_empty() && last_end == input.len(),
            words,
        })
    }

    /// Whether the last word is matched as a prefix: the input ends with it.
    pub fn last_is_prefix(&self) -> bool {
        self.last_is_prefix
    }

    /// The words, in order.
    pub fn words(&self) -> &[QueryWord] {
        &self.words
    }

    /// The language the query is written in: Arabic if every word with a letter is in Arabic
    /// script, English if every such word is in another script, `None` if it mixes them or
    /// has digits only.
    pub fn script(&self) -> Option<Lang> {
        let mut script = None;
        for w in &self.words {
            let lang = if w
                .norm
                .chars()
                .any(dalil_normalize::arabic::is_arabic_letter)
            {
                Lang::Ar
            } else if w.norm.chars().any(char::is_alphabetic) {
                Lang::En
            } else {
                continue;
            };
            if script.is_some_and(|s| s != lang) {
                return None;
            }
            script = Some(lang);
        }
        script
    }

    /// Whether the query has no words.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The MATCH expression: every word ANDed, the last one, while it is typed, as a prefix
    /// of a stem or of a surface form; then each alternative (a list of stems, all required)
    /// ORed to it. `None` for an empty query.
    pub(crate) fn fts_expr(&self, cols: Columns, alternatives: &[Vec<String>]) -> Option<String> {
        let (last, rest) = self.words.split_last()?;
        let mut expr = String::from("(");
        for w in rest {
            let _ = write!(expr, "{} : {} AND ", cols.stems, quote(&w.norm));
        }
        if self.last_is_prefix {
            let _ = write!(
                expr,
                "({} : {}* OR {} : {}*))",
                cols.stems,
                quote(&last.norm),
                cols.surface,
                quote(&last.folded)
            );
        } else {
            let _ = write!(expr, "{} : {})", cols.stems, quote(&last.norm));
        }
        for alt in alternatives.iter().filter(|a| !a.is_empty()) {
            let all: Vec<String> = alt
                .iter()
                .map(|w| format!("{} : {}", cols.stems, quote(w)))
                .collect();
            let _ = write!(expr, " OR ({})", all.join(" AND "));
        }
        Some(expr)
    }

    /// What the highlighter marks and the ranking looks for in titles: the whole query
    /// words, the last one as a prefix (of a stem or of a surface form) while it is typed,
    /// and each alternative's words.
    pub(crate) fn matcher<'a>(&'a self, alternatives: &'a [Vec<String>]) -> Matcher<'a> {
        let mut branches = Vec::new();
        if let Some((last, rest)) = self.words.split_last() {
            let mut main: Vec<Pattern<'a>> = rest
                .iter()
                .map(|w| Pattern {
                    norm: &w.norm,
                    prefix_of: None,
                })
                .collect();
            main.push(Pattern {
                norm: &last.norm,
                prefix_of: self.last_is_prefix.then_some(last.folded.as_str()),
            });
            branches.push(main);
        }
        for alt in alternatives.iter().filter(|a| !a.is_empty()) {
            branches.push(
                alt.iter()
                    .map(|w| Pattern {
                        norm: w,
                        prefix_of: None,
                    })
                    .collect(),
            );
        }
        Matcher { branches }
    }
}

/// Decides which words of a text a query matches.
#[derive(Debug)]
pub(crate) struct Matcher<'a> {
    /// The main query, then each alternative: lists of words that must all match.
    branches: Vec<Vec<Pattern<'a>>>,
}

/// One word of a query branch.
#[derive(Debug)]
struct Pattern<'a> {
    /// The stem to match whole, or as a prefix when `prefix_of` is set.
    norm: &'a str,
    /// For the last query word, its surface form, which matches as a prefix too.
    prefix_of: Option<&'a str>,
}

impl Pattern<'_> {
    fn matches(&self, norm: &str, folded: &str) -> bool {
        match self.prefix_of {
            None => norm == self.norm,
            Some(surface) => norm.starts_with(self.norm) || folded.starts_with(surface),
        }
    }
}

impl Matcher<'_> {
    /// Whether a word with this stem and surface form is matched.
    pub fn matches(&self, norm: &str, folded: &str) -> bool {
        self.branches
            .iter()
            .flatten()
            .any(|p| p.matches(norm, folded))
    }

    /// How much of the query a text's words cover, from 0 to 1: for the branch (the query or
    /// an alternative) that the text covers best, the share of its words found in the text.
    pub fn coverage<'w>(&self, words: impl Iterator<Item = (&'w str, &'w str)> + Clone) -> f64 {
        self.branches
            .iter()
            .map(|branch| {
                let found = branch
                    .iter()
                    .filter(|p| words.clone().any(|(n, f)| p.matches(n, f)))
                    .count();
                found as f64 / branch.len().max(1) as f64
            })
            .fold(0.0, f64::max)
    }
}

/// An FTS5 string: in double quotes, with any double quote doubled. Normalized words hold
/// only letters and digits, so there is none; the doubling is there all the same.
fn quote(word: &str) -> String {
    format!("\"{}\"", word.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    const COLS: Columns = Columns {
        stems: "{s}",
        surface: "{f}",
    };

    fn parse(s: &str) -> Query {
        Query::parse(s).unwrap_or_default()
    }

    #[test]
    fn operators_and_quotes_are_only_separators() {
        let q = parse(r#"debt AND "bondage" NOT (x* OR y:z) NEAR ^{a}"#);
        let norms: Vec<&str> = q.words().iter().map(|w| w.norm.as_str()).collect();
        assert_eq!(
            norms,
            [
                "debt", "and", "bondag", "not", "x", "or", "y", "z", "near", "a"
            ]
        );
    }

    #[test]
    fn the_expression_quotes_every_word_and_prefixes_the_last() {
        let q = parse("Victims interpreters");
        assert_eq!(
            q.fts_expr(COLS, &[]).as_deref(),
            Some(r#"({s} : "victim" AND ({s} : "interpret"* OR {f} : "interpreters"*))"#)
        );
    }

    #[test]
    fn a_finished_last_word_is_matched_whole() {
        for input in [
            "Victims interpreters ",
            "Victims interpreters.",
            "Victims interpreters\"",
        ] {
            let q = parse(input);
            assert!(!q.last_is_prefix(), "{input}");
            assert_eq!(
                q.fts_expr(COLS, &[]).as_deref(),
                Some(r#"({s} : "victim" AND {s} : "interpret")"#)
            );
        }
        assert!(parse("victims interp").last_is_prefix());
        assert!(!parse(" ").last_is_prefix());
        let q = parse("bond ");
        assert!(!q.matcher(&[]).matches("bondag", "bondage"));
        assert!(q.matcher(&[]).matches("bond", "bonds"));
    }

    #[test]
    fn alternatives_are_ored() {
        let q = parse("victim");
        let alts = vec![vec!["ضحي".to_owned()], vec!["a".to_owned(), "b".to_owned()]];
        assert_eq!(
            q.fts_expr(COLS, &alts).as_deref(),
            Some(
                r#"(({s} : "victim"* OR {f} : "victim"*)) OR ({s} : "ضحي") OR ({s} : "a" AND {s} : "b")"#
            )
        );
    }

    #[test]
    fn an_empty_query_has_no_expression() {
        assert!(parse(" \"*^:()-+{} ").is_empty());
        assert_eq!(parse("").fts_expr(COLS, &[]), None);
    }

    #[test]
    fn limits_are_typed_errors() {
        let long = "a".repeat(MAX_QUERY_CHARS + 1);
        assert!(matches!(
            Query::parse(&long),
            Err(SearchError::QueryTooLong { max: 256 })
        ));
        assert!(Query::parse(&"a".repeat(MAX_QUERY_CHARS)).is_ok());
        let many = vec!["w"; MAX_QUERY_WORDS + 1].join(" ");
        assert!(matches!(
            Query::parse(&many),
            Err(SearchError::TooManyWords { max: 32 })
        ));
        assert!(Query::parse(&vec!["w"; MAX_QUERY_WORDS].join(" ")).is_ok());
    }

    #[test]
    fn control_characters_are_refused_but_whitespace_is_not() {
        for s in ["a\0b", "\u{7}", "x\u{1b}[31m", "\u{7f}", "\u{85}"] {
            assert!(
                matches!(Query::parse(s), Err(SearchError::ControlCharacter)),
                "{s:?}"
            );
        }
        assert_eq!(parse("a\tb\r\nc").words().len(), 3);
    }

    #[test]
    fn the_matcher_marks_whole_words_and_the_last_prefix() {
        let q = parse("debt bond");
        let m = q.matcher(&[]);
        assert!(m.matches("debt", "debt"));
        assert!(!m.matches("debtor", "debtor"));
        assert!(m.matches("bondag", "bondage"));
        assert!(!m.matches("bon", "bon"));
    }

    #[test]
    fn the_script_of_a_query() {
        assert_eq!(parse("debt bondage").script(), Some(Lang::En));
        assert_eq!(parse("إسار الدين 2012").script(), Some(Lang::Ar));
        assert_eq!(parse("TIP الاتجار").script(), None);
        assert_eq!(parse("2012").script(), None);
    }

    #[test]
    fn coverage_is_the_share_of_the_best_branch() {
        let q = parse("debt bond");
        let alts = vec![vec!["عبود".to_owned(), "دين".to_owned()]];
        let m = q.matcher(&alts);
        let words = |w: &'static [&'static str]| w.iter().map(|w| (*w, *w));
        assert_eq!(m.coverage(words(&["the", "debt"])), 0.5);
        assert_eq!(m.coverage(words(&["bondag", "debt"])), 1.0);
        assert_eq!(m.coverage(words(&["دين"])), 0.5);
        assert_eq!(m.coverage(words(&[])), 0.0);
    }
}
