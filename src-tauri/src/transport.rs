//! Transport types: everything that crosses IPC between the UI and the shell, and nothing else.

use serde::Serialize;

/// An error as the UI sees it. The UI matches on `code` and shows the localized `message_id`;
/// it never parses text. No case data goes into either field.
#[derive(Debug, Clone, Serialize)]
pub struct IpcError {
    /// A stable code, such as `unknown-chapter`.
    pub code: &'static str,
    /// The Fluent message id to show.
    pub message_id: &'static str,
}

/// A chapter in the library list.
#[derive(Debug, Clone, Serialize)]
pub struct ChapterEntry {
    /// The chapter id.
    pub id: String,
    /// The title in the requested language.
    pub title: String,
    /// The number of steps.
    pub steps: usize,
}

/// A phase with its chapters, for the library list.
#[derive(Debug, Clone, Serialize)]
pub struct PhaseEntry {
    /// The phase id.
    pub id: String,
    /// The phase name in the requested language.
    pub name: String,
    /// The chapters of the phase, in reading order.
    pub chapters: Vec<ChapterEntry>,
}

/// A rendered chapter.
#[derive(Debug, Clone, Serialize)]
pub struct ChapterView {
    /// The chapter id.
    pub id: String,
    /// The language code.
    pub lang: &'static str,
    /// `rtl` or `ltr`.
    pub dir: &'static str,
    /// Sanitized HTML.
    pub html: String,
    /// The table of contents.
    pub toc: Vec<dalil_content::render::TocEntry>,
}

/// A glossary term pair.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TermEntry {
    /// The term id.
    pub id: String,
    /// The Arabic term.
    pub ar: String,
    /// The English term.
    pub en: String,
    /// Other Arabic names in use.
    pub ar_variants: Vec<String>,
    /// Other English names in use.
    pub en_variants: Vec<String>,
    /// The Arabic definition.
    pub definition_ar: String,
    /// The English definition.
    pub definition_en: String,
    /// An optional Arabic note on usage.
    pub note_ar: Option<String>,
    /// An optional English note on usage.
    pub note_en: Option<String>,
}

/// Search results for one chapter.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchGroup {
    /// The chapter id.
    pub chapter: String,
    /// The chapter title, in the language of its first hit.
    pub chapter_title: String,
    /// The hits, grouped by step (or the chapter text outside steps).
    pub entries: Vec<SearchEntry>,
}

/// Search hits for one step, or for a chapter's text outside its steps.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchEntry {
    /// The step id, if the hits are in a step.
    pub step: Option<String>,
    /// One hit per language.
    pub hits: Vec<SearchHit>,
}

/// One hit: a title and a snippet as escaped HTML with `<mark>` around matched words.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchHit {
    /// `ar` or `en`.
    pub lang: &'static str,
    /// `rtl` or `ltr`.
    pub dir: &'static str,
    /// The title, escaped, with marks.
    pub title_html: String,
    /// The snippet of the original text, escaped, with marks.
    pub snippet_html: String,
}

/// The transport form of search results.
pub fn search_groups(results: &dalil_search::SearchResults) -> Vec<SearchGroup> {
    results
        .groups()
        .into_iter()
        .map(|g| SearchGroup {
            chapter: g.chapter.to_owned(),
            chapter_title: g
                .entries
                .first()
                .and_then(|e| e.hits.first())
                .map(|h| h.chapter_title.clone())
                .unwrap_or_default(),
            entries: g
                .entries
                .iter()
                .map(|e| SearchEntry {
                    step: e.step.map(str::to_owned),
                    hits: e
                        .hits
                        .iter()
                        .map(|h| SearchHit {
                            lang: h.lang.code(),
                            dir: h.lang.dir(),
                            title_html: h.title.to_html(),
                            snippet_html: h.snippet.to_html(),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}
