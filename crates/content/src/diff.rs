//! What changed between two SOP editions, by step id rather than by line: a step that moved is
//! a move, not a removal and an addition.
//!
//! [`diff`] compares two loaded SOPs and lists, for each step that differs, whether it was
//! added, removed or kept, and for a kept step whether it moved (to another chapter, or out of
//! order within its chapter), whether its condition, its advisory flag or its title changed,
//! and its guidance with the changed words marked, in each language. The manifest's facts and
//! the glossary's terms are compared too. Pure: two models in, one value out.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};

use crate::{Lang, Sop, Step};

/// Which edition a side of a diff is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EditionRef {
    /// The SOP's id.
    pub id: String,
    /// The edition's version.
    pub version: String,
    /// The edition's date.
    pub date: String,
}

/// What changed from one edition to another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SopDiff {
    /// The older edition.
    pub old: EditionRef,
    /// The newer edition.
    pub new: EditionRef,
    /// Every step that differs, in the new edition's reading order, then the removed ones in
    /// the old edition's.
    pub steps: Vec<StepDiff>,
    /// Fact ids the new edition declares and the old did not.
    pub facts_added: Vec<String>,
    /// Fact ids the old edition declared and the new does not.
    pub facts_removed: Vec<String>,
    /// Every glossary term that differs.
    pub terms: Vec<TermDiff>,
}

impl SopDiff {
    /// Whether the two editions are the same, step for step and term for term.
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
            && self.facts_added.is_empty()
            && self.facts_removed.is_empty()
            && self.terms.is_empty()
    }
}

/// Whether a step is new, gone, or in both editions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Presence {
    /// Only in the new edition.
    Added,
    /// Only in the old edition.
    Removed,
    /// In both.
    Kept,
}

/// Where a step stands: its chapter and its place among the chapter's steps (from 1).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Place {
    /// The chapter's id.
    pub chapter: String,
    /// Its place among the chapter's steps, from 1.
    pub position: usize,
}

/// One step that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StepDiff {
    /// The step id.
    pub id: String,
    /// Added, removed or kept.
    pub presence: Presence,
    /// Where it was (absent for an added step).
    pub old_place: Option<Place>,
    /// Where it is (absent for a removed step).
    pub new_place: Option<Place>,
    /// Whether a kept step moved: to another chapter, or out of order within its chapter.
    pub moved: bool,
    /// Its condition before and after, as written (`None`: every case), when it changed; for
    /// an added or removed step, the condition it has or had.
    pub condition: Option<(Option<String>, Option<String>)>,
    /// Whether it was and is advisory, when that changed.
    pub advisory: Option<(bool, bool)>,
    /// Its title in Arabic and English, before and after, when it changed.
    pub title: Option<[(String, String); 2]>,
    /// Its guidance in Arabic and English with the words marked, when it changed; an
    /// added or removed step's guidance is all added or all removed.
    pub guidance: Option<[Vec<Span>; 2]>,
}

/// A run of guidance text, the same in both editions, or only in one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// `same`, `removed` or `added`.
    pub change: SpanChange,
    /// The text, spaces included.
    pub text: String,
}

/// What a span is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SpanChange {
    /// In both editions.
    Same,
    /// Only in the old edition.
    Removed,
    /// Only in the new edition.
    Added,
}

/// A glossary term that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TermDiff {
    /// The term id.
    pub id: String,
    /// Added, removed or kept (with another name or definition).
    pub presence: Presence,
    /// Its Arabic and English names, before and after (empty on the side it is absent from).
    pub name: [(String, String); 2],
    /// Its Arabic and English definitions, before and after, when they changed.
    pub definition: Option<[(String, String); 2]>,
}

fn edition(sop: &Sop) -> EditionRef {
    EditionRef {
        id: sop.manifest.id.clone(),
        version: sop.manifest.version.clone(),
        date: sop.manifest.date.clone(),
    }
}

/// A step in one edition, in both languages.
struct Side<'a> {
    chapter: &'a str,
    position: usize,
    ar: &'a Step,
    en: Option<&'a Step>,
    ar_source: &'a str,
    en_source: &'a str,
}

impl Side<'_> {
    fn place(&self) -> Place {
        Place {
            chapter: self.chapter.to_owned(),
            position: self.position,
        }
    }
    fn condition(&self) -> Option<String> {
        self.ar.when.as_ref().map(|c| c.source().to_owned())
    }
    fn guidance(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ar => self.ar_source.get(self.ar.guidance.clone()).unwrap_or(""),
            Lang::En => self
                .en
                .and_then(|s| self.en_source.get(s.guidance.clone()))
                .unwrap_or(""),
        }
        .trim()
    }
    fn title(&self, lang: Lang) -> String {
        match lang {
            Lang::Ar => self.ar.title.clone(),
            Lang::En => self.en.map(|s| s.title.clone()).unwrap_or_default(),
        }
    }
}

/// Every step of an edition, in reading order, keyed by the Arabic file's ids (the two
/// languages share them; the validator checks they match).
fn sides(sop: &Sop) -> Vec<Side<'_>> {
    let mut out = Vec::new();
    for c in &sop.chapters {
        for (i, s) in c.ar.steps.iter().enumerate() {
            out.push(Side {
                chapter: &c.id,
                position: i + 1,
                ar: s,
                en: c.en.steps.iter().find(|e| e.id == s.id),
                ar_source: &c.ar.source,
                en_source: &c.en.source,
            });
        }
    }
    out
}

/// The words of `old` and `new` as spans; `None` when they are the same. A run of changed
/// words is one removed span and one added span, the spaces between its words included, so
/// that "as soon as" → "at once when" reads as one replacement, not three.
fn words(old: &str, new: &str) -> Option<Vec<Span>> {
    if old == new {
        return None;
    }
    let diff = TextDiff::from_words(old, new);
    let changes: Vec<(ChangeTag, &str)> = diff
        .iter_all_changes()
        .map(|c| (c.tag(), c.value()))
        .collect();
    let mut spans: Vec<Span> = Vec::new();
    let push = |spans: &mut Vec<Span>, change: SpanChange, text: &str| {
        if text.is_empty() {
            return;
        }
        match spans.last_mut() {
            Some(last) if last.change == change => last.text.push_str(text),
            _ => spans.push(Span {
                change,
                text: text.to_owned(),
            }),
        }
    };
    let mut i = 0;
    while i < changes.len() {
        if changes[i].0 == ChangeTag::Equal {
            push(&mut spans, SpanChange::Same, changes[i].1);
            i += 1;
            continue;
        }
        // A run of changes, through any spaces that only separate changed words.
        let (mut removed, mut added) = (String::new(), String::new());
        let mut j = i;
        while j < changes.len() {
            match changes[j] {
                (ChangeTag::Delete, t) => removed.push_str(t),
                (ChangeTag::Insert, t) => added.push_str(t),
                (ChangeTag::Equal, t)
                    if t.trim().is_empty()
                        && changes.get(j + 1).is_some_and(|c| c.0 != ChangeTag::Equal) =>
                {
                    removed.push_str(t);
                    added.push_str(t);
                }
                _ => break,
            }
            j += 1;
        }
        push(&mut spans, SpanChange::Removed, removed.trim_end());
        push(&mut spans, SpanChange::Added, added.trim_end());
        let trailing = |s: &str| s.len() - s.trim_end().len();
        // The spaces after the run stay in the text, once.
        let tail = &removed[removed.len() - trailing(&removed)..];
        let tail = if tail.is_empty() {
            &added[added.len() - trailing(&added)..]
        } else {
            tail
        };
        push(&mut spans, SpanChange::Same, tail);
        i = j;
    }
    Some(spans)
}

fn whole(text: &str, change: SpanChange) -> Vec<Span> {
    if text.is_empty() {
        Vec::new()
    } else {
        vec![Span {
            change,
            text: text.to_owned(),
        }]
    }
}

/// The ids in `old_ids` (in order) that keep their order in `new_ids`: the longest common
/// subsequence. The rest of the common ids moved.
fn in_order<'a>(old_ids: &[&'a str], new_ids: &[&'a str]) -> std::collections::BTreeSet<&'a str> {
    let (n, m) = (old_ids.len(), new_ids.len());
    let mut table = vec![vec![0usize; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            table[i][j] = if old_ids[i] == new_ids[j] {
                table[i + 1][j + 1] + 1
            } else {
                table[i + 1][j].max(table[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut kept = std::collections::BTreeSet::new();
    while i < n && j < m {
        if old_ids[i] == new_ids[j] {
            kept.insert(old_ids[i]);
            i += 1;
            j += 1;
        } else if table[i + 1][j] >= table[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    kept
}

/// What changed from `old` to `new`.
pub fn diff(old: &Sop, new: &Sop) -> SopDiff {
    let old_steps = sides(old);
    let new_steps = sides(new);
    let find = |steps: &[Side<'_>], id: &str| steps.iter().position(|s| s.ar.id == id);

    // Within each chapter, the steps of both editions that kept their order.
    let mut ordered = std::collections::BTreeSet::new();
    for c in &new.chapters {
        let new_ids: Vec<&str> = c.ar.steps.iter().map(|s| s.id.as_str()).collect();
        let old_ids: Vec<&str> = old_steps
            .iter()
            .filter(|s| s.chapter == c.id)
            .map(|s| s.ar.id.as_str())
            .filter(|id| new_ids.contains(id))
            .collect();
        let new_common: Vec<&str> = new_ids
            .iter()
            .copied()
            .filter(|id| old_ids.contains(id))
            .collect();
        ordered.extend(in_order(&old_ids, &new_common));
    }

    let mut steps = Vec::new();
    for n in &new_steps {
        let id = n.ar.id.as_str();
        let Some(o) = find(&old_steps, id).map(|i| &old_steps[i]) else {
            steps.push(StepDiff {
                id: id.to_owned(),
                presence: Presence::Added,
                old_place: None,
                new_place: Some(n.place()),
                moved: false,
                condition: Some((None, n.condition())),
                advisory: None,
                title: None,
                guidance: Some([
                    whole(n.guidance(Lang::Ar), SpanChange::Added),
                    whole(n.guidance(Lang::En), SpanChange::Added),
                ]),
            });
            continue;
        };
        let moved = o.chapter != n.chapter || !ordered.contains(id);
        let condition = (o.condition() != n.condition()).then(|| (o.condition(), n.condition()));
        let advisory = (o.ar.advisory != n.ar.advisory).then_some((o.ar.advisory, n.ar.advisory));
        let titles = [
            (o.title(Lang::Ar), n.title(Lang::Ar)),
            (o.title(Lang::En), n.title(Lang::En)),
        ];
        let title = titles.iter().any(|(a, b)| a != b).then_some(titles);
        let ar = words(o.guidance(Lang::Ar), n.guidance(Lang::Ar));
        let en = words(o.guidance(Lang::En), n.guidance(Lang::En));
        let guidance = (ar.is_some() || en.is_some()).then(|| {
            let same = |lang| whole(n.guidance(lang), SpanChange::Same);
            [
                ar.unwrap_or_else(|| same(Lang::Ar)),
                en.unwrap_or_else(|| same(Lang::En)),
            ]
        });
        if moved
            || condition.is_some()
            || advisory.is_some()
            || title.is_some()
            || guidance.is_some()
        {
            steps.push(StepDiff {
                id: id.to_owned(),
                presence: Presence::Kept,
                old_place: Some(o.place()),
                new_place: Some(n.place()),
                moved,
                condition,
                advisory,
                title,
                guidance,
            });
        }
    }
    for o in &old_steps {
        if find(&new_steps, &o.ar.id).is_none() {
            steps.push(StepDiff {
                id: o.ar.id.clone(),
                presence: Presence::Removed,
                old_place: Some(o.place()),
                new_place: None,
                moved: false,
                condition: Some((o.condition(), None)),
                advisory: None,
                title: None,
                guidance: Some([
                    whole(o.guidance(Lang::Ar), SpanChange::Removed),
                    whole(o.guidance(Lang::En), SpanChange::Removed),
                ]),
            });
        }
    }

    let fact_ids =
        |sop: &Sop| -> Vec<String> { sop.manifest.facts.iter().map(|f| f.id.clone()).collect() };
    let (old_facts, new_facts) = (fact_ids(old), fact_ids(new));
    let facts_added = new_facts
        .iter()
        .filter(|f| !old_facts.contains(f))
        .cloned()
        .collect();
    let facts_removed = old_facts
        .iter()
        .filter(|f| !new_facts.contains(f))
        .cloned()
        .collect();

    let mut terms = Vec::new();
    let name = |t: Option<&crate::glossary::Term>| {
        t.map(|t| (t.name.ar.clone(), t.name.en.clone()))
            .unwrap_or_default()
    };
    let definition = |t: Option<&crate::glossary::Term>| {
        t.map(|t| (t.definition.ar.clone(), t.definition.en.clone()))
            .unwrap_or_default()
    };
    for t in &new.glossary.terms {
        let before = old.glossary.terms.iter().find(|o| o.id == t.id);
        let names = [name(before), name(Some(t))];
        let definitions = [definition(before), definition(Some(t))];
        let presence = if before.is_some() {
            Presence::Kept
        } else {
            Presence::Added
        };
        if before.is_none() || names[0] != names[1] || definitions[0] != definitions[1] {
            terms.push(TermDiff {
                id: t.id.clone(),
                presence,
                name: names,
                definition: (definitions[0] != definitions[1]).then_some(definitions),
            });
        }
    }
    for t in &old.glossary.terms {
        if !new.glossary.terms.iter().any(|n| n.id == t.id) {
            terms.push(TermDiff {
                id: t.id.clone(),
                presence: Presence::Removed,
                name: [name(Some(t)), Default::default()],
                definition: None,
            });
        }
    }

    SopDiff {
        old: edition(old),
        new: edition(new),
        steps,
        facts_added,
        facts_removed,
        terms,
    }
}
