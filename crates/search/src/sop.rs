//! The SOP index: one in-memory FTS5 table over every step and every chapter, in both
//! languages, built when the program starts.

use std::collections::HashMap;
use std::ops::Range;

use dalil_content::{Lang, Sop};
use rusqlite::Connection;

use crate::error::SearchError;
use crate::highlight::{self, Highlighted};
use crate::query::{Columns, Matcher, Query};
use crate::text;

/// How many hits a search returns when the caller does not say.
pub const DEFAULT_LIMIT: usize = 20;

/// The most hits a search returns.
pub const MAX_LIMIT: usize = 200;

/// The table. Titles and bodies are separate columns so that bm25 can weigh them apart;
/// `*_surface` hold the folded words that the last query word matches as a prefix; `lang`
/// filters. The `ascii` tokenizer splits on the spaces between normalized words only.
const SCHEMA: &str = "CREATE VIRTUAL TABLE sop USING fts5(
    title, body, title_surface, body_surface, lang UNINDEXED,
    tokenize = 'ascii', prefix = '1 2 3'
)";

/// The columns of the MATCH expression.
const COLUMNS: Columns = Columns {
    stems: "{title body}",
    surface: "{title_surface body_surface}",
};

/// Every match with its bm25 rank. A word in a title weighs ten in a body. The surface
/// columns, which only the last word searches, weigh a fifth of the stems: a text that has
/// the bare form of a word must not outrank one that has it with a prefix such as ال.
///
/// bm25 saturates term frequency, so a title match alone only doubles a score; the title
/// boost is finished in Rust (see [`SopIndex::search_query`]), which is why every match is
/// fetched: the SOP has a few hundred rows.
const SEARCH_SQL: &str = "SELECT rowid, bm25(sop, 10.0, 1.0, 2.0, 0.2) FROM sop
    WHERE sop MATCH ?1 AND (?2 IS NULL OR lang = ?2)";

/// What a hit in the language the query is not written in is worth: such hits come from the
/// glossary terms, and should follow the direct hits, not hide them.
const OTHER_LANGUAGE_FACTOR: f64 = 0.5;

/// The most glossary terms one query brings in.
const MAX_TERMS: usize = 8;

/// The SOP's search index.
///
/// It holds an in-memory SQLite connection, so it is [`Send`] but not [`Sync`]: share it
/// behind a mutex.
#[derive(Debug)]
pub struct SopIndex {
    pub(crate) conn: Connection,
    pub(crate) docs: Vec<Doc>,
    pub(crate) vocab: Vocab,
    pub(crate) terms: Vec<TermName>,
    /// Whether the FTS5 table was compacted for writing out (or loaded so, read-only).
    pub(crate) compact: bool,
}

/// What one search may return.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SearchOptions {
    /// Only hits in this language; `None` for both.
    pub lang: Option<Lang>,
    /// The most hits, at most [`MAX_LIMIT`].
    pub limit: usize,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            lang: None,
            limit: DEFAULT_LIMIT,
        }
    }
}

/// The hits of a search, best first.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchResults {
    /// The hits, best first.
    pub hits: Vec<Hit>,
    /// The ids of the glossary terms the query named, whose names in the other language were
    /// searched too.
    pub terms: Vec<String>,
}

/// A step or a chapter that matched, in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// The chapter id.
    pub chapter: String,
    /// The chapter's title in `lang`.
    pub chapter_title: String,
    /// The step id; `None` for a match in the chapter's text outside its steps.
    pub step: Option<String>,
    /// The language of the text that matched.
    pub lang: Lang,
    /// The step's title (the chapter's, for a chapter hit), with its matches marked.
    pub title: Highlighted,
    /// A window of the text with its matches marked.
    pub snippet: Highlighted,
    /// The relevance, higher is better: the negated bm25 rank, raised by up to twice for a
    /// title that holds the query's words, and halved for a text in the language the query
    /// is not written in. Only the order of one search's scores means anything.
    pub score: f64,
}

/// The hits of one chapter, in the order of its best hit.
#[derive(Debug, Clone, PartialEq)]
pub struct ChapterGroup<'a> {
    /// The chapter id.
    pub chapter: &'a str,
    /// The steps (and the chapter text) that matched, best first.
    pub entries: Vec<EntryGroup<'a>>,
}

/// The hits of one step, or of the chapter's own text, in one or both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct EntryGroup<'a> {
    /// The step id; `None` for the chapter's text outside its steps.
    pub step: Option<&'a str>,
    /// The hits, best first: at most one per language.
    pub hits: Vec<&'a Hit>,
}

impl SearchResults {
    /// The hits grouped by chapter, then by step, each group in the order of its best hit.
    pub fn groups(&self) -> Vec<ChapterGroup<'_>> {
        let mut groups: Vec<ChapterGroup<'_>> = Vec::new();
        for hit in &self.hits {
            let group = match groups.iter().position(|g| g.chapter == hit.chapter) {
                Some(i) => &mut groups[i],
                None => {
                    groups.push(ChapterGroup {
                        chapter: &hit.chapter,
                        entries: Vec::new(),
                    });
                    let last = groups.len() - 1;
                    &mut groups[last]
                }
            };
            let step = hit.step.as_deref();
            match group.entries.iter_mut().find(|e| e.step == step) {
                Some(entry) => entry.hits.push(hit),
                None => group.entries.push(EntryGroup {
                    step,
                    hits: vec![hit],
                }),
            }
        }
        groups
    }
}

/// An indexed text: a step's guidance, or a chapter's text outside its steps.
#[derive(Debug)]
pub(crate) struct Doc {
    pub(crate) chapter: String,
    pub(crate) chapter_title: String,
    pub(crate) step: Option<String>,
    pub(crate) lang: Lang,
    pub(crate) title: Text,
    pub(crate) body: Text,
}

/// A text and its words, kept to build snippets without normalizing again at query time.
#[derive(Debug)]
pub(crate) struct Text {
    pub(crate) text: String,
    pub(crate) words: Vec<Range<usize>>,
    /// The vocabulary ids of each word's stem and surface form.
    pub(crate) ids: Vec<(u32, u32)>,
}

/// Every distinct stem and surface form, so that each word of each text is two integers.
#[derive(Debug, Default)]
pub(crate) struct Vocab {
    pub(crate) ids: HashMap<String, u32>,
    pub(crate) words: Vec<String>,
}

impl Vocab {
    fn id(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = u32::try_from(self.words.len()).unwrap_or(u32::MAX);
        self.words.push(word.to_owned());
        self.ids.insert(word.to_owned(), id);
        id
    }

    fn word(&self, id: u32) -> &str {
        self.words.get(id as usize).map_or("", String::as_str)
    }
}

/// One name of a glossary term, in one language, with the term's names in the other language.
#[derive(Debug)]
pub(crate) struct TermName {
    pub(crate) id: String,
    /// The name's words: stem and surface.
    pub(crate) words: Vec<(String, String)>,
    /// The stems of each of the term's names in the other language, main name first.
    pub(crate) other: Vec<Vec<String>>,
}

impl Text {
    /// Normalizes `text`, recording its words in `vocab`. Returns the text and its stems
    /// and surface forms, each joined by spaces, for the index.
    fn new(text: String, vocab: &mut Vocab) -> (Text, String, String) {
        let mut words = Vec::new();
        let mut ids = Vec::new();
        let mut stems = String::new();
        let mut surface = String::new();
        for t in dalil_normalize::tokens(&text) {
            if !stems.is_empty() {
                stems.push(' ');
                surface.push(' ');
            }
            stems.push_str(&t.norm);
            surface.push_str(&t.folded);
            ids.push((vocab.id(&t.norm), vocab.id(&t.folded)));
            words.push(t.range);
        }
        (Text { text, words, ids }, stems, surface)
    }

    /// Which words the query matches.
    fn matched(&self, vocab: &Vocab, matcher: &Matcher<'_>) -> Vec<bool> {
        self.ids
            .iter()
            .map(|&(norm, folded)| matcher.matches(vocab.word(norm), vocab.word(folded)))
            .collect()
    }
}

/// The texts of one row of the index, before they are normalized.
pub(crate) struct DocText {
    pub(crate) chapter: String,
    pub(crate) chapter_title: String,
    pub(crate) step: Option<String>,
    pub(crate) lang: Lang,
    pub(crate) title: String,
    pub(crate) body: String,
}

/// Every row of the index, in order: for each chapter and language, the chapter (its title,
/// and its text outside steps), then each step (its title, and its guidance and legal
/// basis). Building the index and loading a prebuilt one both take the texts from here.
pub(crate) fn doc_texts(sop: &Sop) -> Vec<DocText> {
    let mut out = Vec::new();
    for chapter in &sop.chapters {
        for lang in Lang::ALL {
            let ct = chapter.text(lang);
            out.push(DocText {
                chapter: chapter.id.clone(),
                chapter_title: ct.title.clone(),
                step: None,
                lang,
                title: ct.title.clone(),
                body: text::outside_steps(ct),
            });
            for step in &ct.steps {
                let mut body = text::plain_text(ct.guidance(step));
                if let Some(basis) = &step.basis {
                    body.push(' ');
                    body.push_str(basis);
                }
                out.push(DocText {
                    chapter: chapter.id.clone(),
                    chapter_title: ct.title.clone(),
                    step: Some(step.id.clone()),
                    lang,
                    title: step.title.clone(),
                    body,
                });
            }
        }
    }
    out
}

impl SopIndex {
    /// Indexes the SOP: for each chapter and language, one row for the chapter (its title,
    /// and its introduction and sections outside steps) and one row per step (its title, and
    /// its guidance and legal basis).
    ///
    /// # Errors
    ///
    /// [`SearchError::Sqlite`] if SQLite cannot create or fill the in-memory table.
    pub fn build(sop: &Sop) -> Result<SopIndex, SearchError> {
        let conn = Connection::open_in_memory()?;
        conn.execute_batch(SCHEMA)?;
        let mut vocab = Vocab::default();
        let mut docs = Vec::new();
        {
            let tx = conn.unchecked_transaction()?;
            let mut insert = tx.prepare(
                "INSERT INTO sop (rowid, title, body, title_surface, body_surface, lang)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for d in doc_texts(sop) {
                let (title, title_stems, title_surface) = Text::new(d.title, &mut vocab);
                let (body, body_stems, body_surface) = Text::new(d.body, &mut vocab);
                let rowid = i64::try_from(docs.len()).unwrap_or(i64::MAX);
                insert.execute(rusqlite::params![
                    rowid,
                    title_stems,
                    body_stems,
                    title_surface,
                    body_surface,
                    d.lang.code()
                ])?;
                docs.push(Doc {
                    chapter: d.chapter,
                    chapter_title: d.chapter_title,
                    step: d.step,
                    lang: d.lang,
                    title,
                    body,
                });
            }
            drop(insert);
            tx.commit()?;
        }
        let terms = glossary_names(sop);
        Ok(SopIndex {
            conn,
            docs,
            vocab,
            terms,
            compact: false,
        })
    }

    /// How many rows the index has: one per chapter and one per step, in each language.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether the index has no rows (an SOP without chapters).
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Searches for what the user typed. See [`Query::parse`] for what is accepted.
    ///
    /// # Errors
    ///
    /// The errors of [`Query::parse`]; [`SearchError::Sqlite`] only if SQLite itself fails.
    pub fn search(
        &self,
        input: &str,
        options: &SearchOptions,
    ) -> Result<SearchResults, SearchError> {
        self.search_query(&Query::parse(input)?, options)
    }

    /// Searches for a parsed query: its words ANDed, the last one as a prefix while it is
    /// typed; and, for each glossary term the query names, the term's names in the other
    /// language.
    ///
    /// # Errors
    ///
    /// [`SearchError::Sqlite`] only if SQLite itself fails.
    pub fn search_query(
        &self,
        query: &Query,
        options: &SearchOptions,
    ) -> Result<SearchResults, SearchError> {
        let (terms, alternatives) = self.glossary_alternatives(query);
        let Some(expr) = query.fts_expr(COLUMNS, &alternatives) else {
            return Ok(SearchResults::default());
        };
        let mut stmt = self.conn.prepare_cached(SEARCH_SQL)?;
        let rows = stmt.query_map(
            rusqlite::params![expr, options.lang.map(Lang::code)],
            |row| Ok((row.get::<_, i64>(0)?, row.get::<_, f64>(1)?)),
        )?;
        let matcher = query.matcher(&alternatives);
        let script = query.script();
        let mut ranked: Vec<(f64, usize)> = Vec::new();
        for row in rows {
            let (rowid, rank) = row?;
            let Some(i) = usize::try_from(rowid).ok().filter(|&i| i < self.docs.len()) else {
                continue;
            };
            // The title boost: a title that holds the whole query doubles the score.
            let title = &self.docs[i].title;
            let words = title
                .ids
                .iter()
                .map(|&(n, f)| (self.vocab.word(n), self.vocab.word(f)));
            let mut score = -rank * (1.0 + matcher.coverage(words));
            if script.is_some_and(|lang| lang != self.docs[i].lang) {
                score *= OTHER_LANGUAGE_FACTOR;
            }
            ranked.push((score, i));
        }
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.truncate(options.limit.min(MAX_LIMIT));
        let hits = ranked
            .into_iter()
            .map(|(score, i)| self.hit(&self.docs[i], score, &matcher))
            .collect();
        Ok(SearchResults { hits, terms })
    }

    fn hit(&self, doc: &Doc, score: f64, matcher: &Matcher<'_>) -> Hit {
        let title_matched = doc.title.matched(&self.vocab, matcher);
        let body_matched = doc.body.matched(&self.vocab, matcher);
        Hit {
            chapter: doc.chapter.clone(),
            chapter_title: doc.chapter_title.clone(),
            step: doc.step.clone(),
            lang: doc.lang,
            title: highlight::whole(&doc.title.text, &doc.title.words, &title_matched),
            snippet: highlight::snippet(&doc.body.text, &doc.body.words, &body_matched),
            score,
        }
    }

    /// The glossary terms the query names, and for each the stems of its names (the main
    /// one and the variants) in the other language.
    ///
    /// A term is named when the query's words are the words of one of its names, the last
    /// one possibly not yet typed to its end (once it has three letters, and while it is
    /// typed). Only a whole query brings a term in: an alternative replaces the query rather
    /// than adding words to it, so a longer query keeps every one of its words required.
    fn glossary_alternatives(&self, query: &Query) -> (Vec<String>, Vec<Vec<String>>) {
        let q = query.words();
        let mut ids: Vec<String> = Vec::new();
        let mut alternatives: Vec<Vec<String>> = Vec::new();
        for name in &self.terms {
            if ids.len() >= MAX_TERMS {
                break;
            }
            if name.words.len() != q.len() || q.is_empty() || ids.contains(&name.id) {
                continue;
            }
            let named = q
                .iter()
                .zip(&name.words)
                .enumerate()
                .all(|(i, (w, (stem, surface)))| {
                    w.norm == *stem
                        || (i == q.len() - 1
                            && query.last_is_prefix()
                            && w.folded.chars().nth(2).is_some()
                            && (stem.starts_with(&w.norm) || surface.starts_with(&w.folded)))
                });
            if named {
                ids.push(name.id.clone());
                for other in &name.other {
                    if !alternatives.contains(other) {
                        alternatives.push(other.clone());
                    }
                }
            }
        }
        (ids, alternatives)
    }
}

/// Every name of every glossary term, in both languages, normalized. Text in parentheses,
/// such as "(element)" in "act (element)", is left out of the names.
fn glossary_names(sop: &Sop) -> Vec<TermName> {
    let words = |name: &str| -> Vec<(String, String)> {
        dalil_normalize::tokens(&without_parentheses(name))
            .map(|t| (t.norm, t.folded))
            .collect()
    };
    let mut out = Vec::new();
    for term in &sop.glossary.terms {
        for lang in Lang::ALL {
            let other: Vec<Vec<String>> = term
                .names(lang.other())
                .map(|name| words(name).into_iter().map(|(stem, _)| stem).collect())
                .collect();
            for name in term.names(lang) {
                out.push(TermName {
                    id: term.id.clone(),
                    words: words(name),
                    other: other.clone(),
                });
            }
        }
    }
    out
}

/// `name` without the parts in parentheses.
fn without_parentheses(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut depth = 0usize;
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            c if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parentheses_are_left_out_of_term_names() {
        assert_eq!(without_parentheses("act (element)"), "act ");
        assert_eq!(without_parentheses("a (b (c)) d"), "a  d");
    }
}
