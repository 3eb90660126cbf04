//! The shipped SOP: it validates clean, and its checklists behave as the conditions say.

use std::collections::BTreeSet;

use dalil_checklist::{applicable, parse_facts};
use dalil_content::{Lang, Sop};

/// The shipped SOP, which must load without errors. Warnings do not fail it, as they do not
/// fail `dalil validate`.
fn shipped() -> Sop {
    let (sop, diagnostics) = dalil_content::load(&dalil_sop_files::bundled());
    let listed: String = diagnostics.iter().map(|d| format!("{d}\n")).collect();
    assert_eq!(
        dalil_content::error_count(&diagnostics),
        0,
        "the shipped SOP has problems:\n{listed}"
    );
    sop
}

#[test]
fn the_shipped_sop_validates_with_zero_errors() {
    let sop = shipped();
    assert_eq!(sop.chapters.len(), sop.manifest.chapters.len());
}

#[test]
fn the_folder_on_disk_is_the_one_embedded() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../sop-content");
    let on_disk = crate::support::read(&dir);
    assert_eq!(
        on_disk.keys().collect::<Vec<_>>(),
        dalil_sop_files::bundled().keys().collect::<Vec<_>>()
    );
}

#[test]
fn every_chapter_carries_the_status_label_when_rendered() {
    let sop = shipped();
    for lang in Lang::ALL {
        let labels = dalil_l10n::Localizer::new(lang).render_labels();
        let label = dalil_content::render::escape(sop.manifest.label(lang));
        for chapter in &sop.chapters {
            let Some(rendered) =
                dalil_content::render::render_chapter(&sop, &chapter.id, lang, &labels)
            else {
                panic!("{} did not render", chapter.id);
            };
            assert!(
                rendered.html.contains(&label),
                "{} in {lang} lacks the label",
                chapter.id
            );
            assert!(
                rendered
                    .html
                    .contains(&format!("lang=\"{lang}\" dir=\"{}\"", lang.dir())),
                "{} in {lang} lacks lang/dir",
                chapter.id
            );
        }
    }
}

fn ids(sop: &Sop, spec: &str) -> BTreeSet<String> {
    let facts = parse_facts(&sop.manifest, spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
    applicable(sop, &facts)
        .into_iter()
        .map(|i| i.step)
        .collect()
}

/// `dalil steps --facts child,foreign-national` differs from `dalil steps` by exactly the
/// steps whose conditions mention those facts, and every such step is accounted for.
#[test]
fn child_and_foreign_national_change_exactly_the_steps_whose_conditions_say_so() {
    let sop = shipped();
    let base = ids(&sop, "");
    let with = ids(&sop, "child,foreign-national");
    let changed: BTreeSet<&String> = base.symmetric_difference(&with).collect();
    assert!(!changed.is_empty());
    for (_, step) in sop.steps(Lang::Ar) {
        let mentions = step.when.as_ref().is_some_and(|c| {
            c.facts()
                .iter()
                .any(|f| *f == "child" || *f == "foreign-national")
        });
        if changed.contains(&step.id) {
            assert!(
                mentions,
                "{} changed but its condition does not mention the facts",
                step.id
            );
        }
    }
    // The interpreter and child steps the officer expects are there.
    assert!(with.iter().any(|s| s.starts_with("child-")), "{with:?}");
}

/// A new case starts with the kind "not yet determined": with the facts child and
/// foreign-national, the steps that need a smuggling case must not appear, while those for
/// an open question (re-screening, for instance) may.
#[test]
fn a_smuggling_only_step_is_not_in_a_child_and_foreign_national_case() {
    let sop = shipped();
    let facts = "child,foreign-national";
    let case = ids(&sop, facts);
    let smuggling = ids(&sop, &format!("{facts},kind=smuggling"));
    let trafficking = ids(&sop, &format!("{facts},kind=trafficking"));
    let smuggling_only: Vec<&String> = smuggling
        .difference(&trafficking)
        .filter(|id| !case.contains(*id))
        .collect();
    assert!(
        smuggling_only.len() >= 5,
        "the SOP should have smuggling-only steps: {smuggling_only:?}"
    );
    assert!(
        smuggling_only.iter().any(|id| id.starts_with("som-")),
        "{smuggling_only:?}"
    );
    for id in smuggling.difference(&trafficking) {
        let step = sop
            .steps(Lang::Ar)
            .find(|(_, s)| &s.id == id)
            .map(|(_, s)| s);
        let mentions_kind = step
            .and_then(|s| s.when.as_ref())
            .is_some_and(|c| c.facts().contains(&"kind"));
        assert!(
            mentions_kind,
            "{id} depends on the case kind but its condition does not name it"
        );
    }
}

#[test]
fn the_reference_sop_meets_its_size_goals() {
    let sop = shipped();
    let steps: Vec<_> = sop.steps(Lang::Ar).collect();
    let conditional = steps.iter().filter(|(_, s)| s.when.is_some()).count();
    assert!(steps.len() >= 130, "{} steps", steps.len());
    assert!(conditional >= 45, "{conditional} conditional steps");
    assert!(
        sop.glossary.terms.len() >= 50,
        "{} terms",
        sop.glossary.terms.len()
    );
    for phase in &sop.manifest.phases {
        assert!(
            steps.iter().any(|(c, _)| c.phase == phase.id),
            "the phase {} has no steps",
            phase.id
        );
    }
}

#[test]
fn every_step_has_at_least_two_sentences_of_guidance() {
    let sop = shipped();
    for lang in Lang::ALL {
        for (chapter, step) in sop.steps(lang) {
            let text = chapter.text(lang).guidance(step);
            let sentences = text
                .split(['.', '؟', '?', '!', '\n'])
                .filter(|s| s.split_whitespace().count() >= 3)
                .count();
            assert!(
                sentences >= 2,
                "{} in {lang} has {sentences} sentence(s)",
                step.id
            );
        }
    }
}

/// The glossary term ids a chapter links, read from its rendered HTML: what the reader sees.
/// A link inside a heading is dropped by the renderer, so it does not count here.
fn linked_terms(sop: &Sop, chapter: &str, lang: Lang) -> BTreeSet<String> {
    let labels = dalil_l10n::Localizer::new(lang).render_labels();
    let Some(rendered) = dalil_content::render::render_chapter(sop, chapter, lang, &labels) else {
        panic!("{chapter} did not render in {lang}");
    };
    let marker = "<a class=\"term\" href=\"#/glossary/";
    rendered
        .html
        .split(marker)
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .map(str::to_owned)
        .collect()
}

/// A reader switching language sees the same terms explained, and every chapter explains some.
#[test]
fn every_chapter_links_the_same_glossary_terms_in_both_languages() {
    let sop = shipped();
    let mut problems = Vec::new();
    for chapter in &sop.chapters {
        let ar = linked_terms(&sop, &chapter.id, Lang::Ar);
        let en = linked_terms(&sop, &chapter.id, Lang::En);
        if ar.is_empty() || en.is_empty() {
            problems.push(format!(
                "{}: links no glossary term (ar {}, en {})",
                chapter.id,
                ar.len(),
                en.len()
            ));
        }
        let only_ar: Vec<&String> = ar.difference(&en).collect();
        let only_en: Vec<&String> = en.difference(&ar).collect();
        if !only_ar.is_empty() || !only_en.is_empty() {
            problems.push(format!(
                "{}: only in ar.md {only_ar:?}, only in en.md {only_en:?}",
                chapter.id
            ));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The renderer drops inline markup in headings, so a term link there would silently vanish.
#[test]
fn no_heading_links_a_glossary_term() {
    let sop = shipped();
    for chapter in &sop.chapters {
        for lang in Lang::ALL {
            let text = chapter.text(lang);
            for heading in &text.headings {
                let source = &text.source[heading.range.clone()];
                assert!(
                    !source.contains("](term:"),
                    "{}:{}: a heading links a glossary term",
                    text.file,
                    heading.line
                );
            }
        }
    }
}

/// Issue 20: every name the shipped glossary lists to avoid, planted in a chapter of its
/// language (bare, after a proclitic, or in capitals), gets its warning at the line and
/// column where it was planted, and nothing else changes.
#[test]
fn issue_20_every_avoided_name_is_warned_where_it_is_planted() {
    let sop = shipped();
    let (_, before_planting) = dalil_content::load(&dalil_sop_files::bundled());
    let mut planted = 0;
    for term in &sop.glossary.terms {
        for lang in Lang::ALL {
            for variant in term.avoided(lang) {
                // Each form, and how many characters stand before the name in it.
                let forms = match lang {
                    Lang::Ar => vec![(variant.clone(), 0), (format!("و{variant}"), 1)],
                    Lang::En => vec![(variant.clone(), 0), (variant.to_uppercase(), 0)],
                };
                for (form, before) in forms {
                    let file = format!("chapters/about/{lang}.md");
                    let mut files = dalil_sop_files::bundled();
                    let text = String::from_utf8_lossy(&files[&file]).into_owned();
                    let planted_text = format!("{text}\n( {form} )\n");
                    let at = planted_text.rfind("( ").unwrap_or_default();
                    let line = planted_text[..at].matches('\n').count() + 1;
                    files.insert(file.clone(), planted_text.into_bytes());
                    let (_, diagnostics) = dalil_content::load(&files);
                    let found: Vec<_> = diagnostics
                        .iter()
                        .filter(|d| !before_planting.contains(d))
                        .map(|d| {
                            (
                                d.file.as_str(),
                                d.line,
                                d.column,
                                d.code,
                                d.args
                                    .iter()
                                    .find(|(n, _)| *n == "variant")
                                    .map(|(_, v)| v.as_str()),
                            )
                        })
                        .collect();
                    assert_eq!(
                        found,
                        vec![(
                            file.as_str(),
                            u32::try_from(line).unwrap_or_default(),
                            3 + before,
                            dalil_content::Code::AvoidedVariant,
                            Some(variant.as_str())
                        )],
                        "«{form}» of `{}` planted in {file}",
                        term.id
                    );
                    planted += 1;
                }
            }
        }
    }
    assert!(planted >= 16, "only {planted} avoided names were planted");
}
