//! "What changed in this edition", for people: a diff of two editions
//! (`dalil_content::diff`) in one language, grouped by kind of change, each step with its
//! title and chapter, and its guidance with the changed words marked.

use dalil_content::condition::Condition;
use dalil_content::diff::{Place, Presence, SopDiff, Span, SpanChange, StepDiff};
use dalil_content::{Lang, Sop};
use dalil_l10n::{Arg, Localizer};
use serde::Serialize;

/// What changed from one edition to the next, in one language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangesView {
    /// The older edition, for people (`0.1.0 (2026-11-29)`).
    pub old: String,
    /// The newer edition, likewise.
    pub new: String,
    /// The groups of changes, in a fixed order; groups with nothing in them are left out.
    pub groups: Vec<ChangeGroup>,
}

/// Changes of one kind.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeGroup {
    /// `added`, `removed`, `moved`, `condition`, `advisory`, `title`, `guidance`,
    /// `facts-added`, `facts-removed` or `terms`.
    pub kind: &'static str,
    /// Its heading, with the count.
    pub heading: String,
    /// What changed.
    pub items: Vec<ChangeItem>,
}

/// One step, fact or term that changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChangeItem {
    /// The step, fact or term id.
    pub id: String,
    /// Its title (a fact's question, a term's name).
    pub title: String,
    /// The chapter it is in, for a step (the old one for a removed step).
    pub chapter: String,
    /// What it was, when that is a short text (a place, a condition, a title, a name).
    pub before: Option<String>,
    /// What it is now.
    pub after: Option<String>,
    /// Its guidance with the changed words marked, for a step whose guidance changed.
    pub spans: Vec<Span>,
}

/// `diff` (from `old` to `new`) for people, in `l10n`'s language.
pub fn changes(diff: &SopDiff, old: &Sop, new: &Sop, l10n: &Localizer) -> ChangesView {
    let lang = l10n.lang();
    let ar = lang == Lang::Ar;
    let pick = |pair: &(String, String)| if ar { pair.0.clone() } else { pair.1.clone() };
    let title = |sop: &Sop, id: &str| {
        sop.step(id, lang)
            .map(|(_, s)| s.title.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let chapter_title = |sop: &Sop, id: &str| {
        sop.chapters
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.text(lang).title.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let place = |sop: &Sop, p: &Place| {
        l10n.format(
            "sop-changes-place",
            &[
                ("chapter", Arg::Str(&chapter_title(sop, &p.chapter))),
                ("position", Arg::Num(p.position as f64)),
            ],
        )
    };
    // A condition in words, with the facts' labels of the edition it is from.
    let labels = l10n.render_labels();
    let condition = |sop: &Sop, c: &Option<String>| match c {
        None => l10n.get("sop-diff-every-case"),
        Some(source) => Condition::parse(source).map_or_else(
            |_| source.clone(),
            |c| dalil_content::render::describe(c.expr(), &sop.manifest, lang, &labels),
        ),
    };
    // A step item: its title and chapter in the edition it is in (the new one if both).
    let step = |s: &StepDiff| {
        let (sop, at) = match (&s.new_place, &s.old_place) {
            (Some(p), _) => (new, p),
            (None, Some(p)) => (old, p),
            (None, None) => (
                new,
                &Place {
                    chapter: String::new(),
                    position: 0,
                },
            ),
        };
        ChangeItem {
            id: s.id.clone(),
            title: title(sop, &s.id),
            chapter: chapter_title(sop, &at.chapter),
            before: None,
            after: None,
            spans: Vec::new(),
        }
    };
    let of = |p: Presence| diff.steps.iter().filter(move |s| s.presence == p);
    let li = usize::from(!ar);
    let question = |sop: &Sop, id: &str| {
        sop.manifest
            .facts
            .iter()
            .find(|f| f.id == id)
            .map_or_else(|| id.to_owned(), |f| f.question.get(lang).to_owned())
    };
    let fact = |sop: &Sop, id: &String| ChangeItem {
        id: id.clone(),
        title: question(sop, id),
        chapter: String::new(),
        before: None,
        after: None,
        spans: Vec::new(),
    };

    let groups: Vec<(&'static str, &'static str, Vec<ChangeItem>)> = vec![
        (
            "added",
            "sop-diff-added",
            of(Presence::Added)
                .map(|s| ChangeItem {
                    after: Some(condition(
                        new,
                        &s.condition.as_ref().and_then(|c| c.1.clone()),
                    )),
                    ..step(s)
                })
                .collect(),
        ),
        (
            "removed",
            "sop-diff-removed",
            of(Presence::Removed).map(step).collect(),
        ),
        (
            "moved",
            "sop-diff-moved",
            of(Presence::Kept)
                .filter(|s| s.moved)
                .map(|s| ChangeItem {
                    before: s.old_place.as_ref().map(|p| place(old, p)),
                    after: s.new_place.as_ref().map(|p| place(new, p)),
                    ..step(s)
                })
                .collect(),
        ),
        (
            "condition",
            "sop-diff-condition",
            of(Presence::Kept)
                .filter_map(|s| {
                    s.condition.as_ref().map(|(a, b)| ChangeItem {
                        before: Some(condition(old, a)),
                        after: Some(condition(new, b)),
                        ..step(s)
                    })
                })
                .collect(),
        ),
        (
            "advisory",
            "sop-diff-advisory",
            of(Presence::Kept)
                .filter_map(|s| {
                    s.advisory.map(|(_, now)| ChangeItem {
                        after: Some(l10n.get(if now {
                            "sop-diff-now-advisory"
                        } else {
                            "sop-diff-now-mandatory"
                        })),
                        ..step(s)
                    })
                })
                .collect(),
        ),
        (
            "title",
            "sop-diff-title",
            of(Presence::Kept)
                .filter_map(|s| {
                    s.title
                        .as_ref()
                        .filter(|t| t[li].0 != t[li].1)
                        .map(|t| ChangeItem {
                            before: Some(t[li].0.clone()),
                            after: Some(t[li].1.clone()),
                            ..step(s)
                        })
                })
                .collect(),
        ),
        (
            "guidance",
            "sop-changes-guidance",
            of(Presence::Kept)
                .filter_map(|s| {
                    s.guidance
                        .as_ref()
                        .filter(|g| g[li].iter().any(|sp| sp.change != SpanChange::Same))
                        .map(|g| ChangeItem {
                            spans: g[li].clone(),
                            ..step(s)
                        })
                })
                .collect(),
        ),
        (
            "facts-added",
            "sop-diff-facts-added",
            diff.facts_added.iter().map(|f| fact(new, f)).collect(),
        ),
        (
            "facts-removed",
            "sop-diff-facts-removed",
            diff.facts_removed.iter().map(|f| fact(old, f)).collect(),
        ),
        (
            "terms",
            "sop-diff-terms",
            diff.terms
                .iter()
                .map(|t| {
                    let (was, now) = (pick(&t.name[0]), pick(&t.name[1]));
                    let definition = t
                        .definition
                        .as_ref()
                        .filter(|d| t.presence == Presence::Kept && pick(&d[0]) != pick(&d[1]));
                    let renamed = t.presence == Presence::Kept && was != now;
                    ChangeItem {
                        id: t.id.clone(),
                        title: if t.presence == Presence::Removed {
                            was.clone()
                        } else {
                            now.clone()
                        },
                        chapter: String::new(),
                        before: match (renamed, definition) {
                            (true, _) => Some(was),
                            (false, Some(d)) => Some(pick(&d[0])),
                            _ => None,
                        },
                        after: match (renamed, definition) {
                            (true, _) => Some(now),
                            (false, Some(d)) => Some(pick(&d[1])),
                            _ => None,
                        },
                        spans: Vec::new(),
                    }
                })
                .collect(),
        ),
    ];
    ChangesView {
        old: format!("{} ({})", diff.old.version, diff.old.date),
        new: format!("{} ({})", diff.new.version, diff.new.date),
        groups: groups
            .into_iter()
            .filter(|(_, _, items)| !items.is_empty())
            .map(|(kind, heading, items)| ChangeGroup {
                kind,
                heading: l10n.format(heading, &[("count", Arg::Num(items.len() as f64))]),
                items,
            })
            .collect(),
    }
}
