//! Known answers on the real SOP: the top hits of realistic queries, kept in a checked-in
//! file (`expected/known_answers.txt`, refreshed with `DALIL_BLESS=1`), and a few facts that
//! must hold whatever the ranking.

use dalil_content::Lang;

use crate::support::{expect_file, expected, ids, search};

/// The queries of the snapshot, with the language searched.
const QUERIES: &[(&str, Option<Lang>)] = &[
    ("debt bondage", None),
    ("debt bondage", Some(Lang::Ar)),
    ("interpreter", None),
    ("مترجم", None),
    ("المترجم الشفوي", None),
    ("الضحية", Some(Lang::Ar)),
    ("اتجار", Some(Lang::Ar)),
    ("victim", Some(Lang::Ar)),
    ("passport", None),
    ("جواز السفر", None),
    ("child", Some(Lang::En)),
    ("الطفل", Some(Lang::Ar)),
    ("consular", None),
    ("hawala", None),
    ("تقييم المخاطر", None),
    ("risk assessment", None),
    ("non-punishment", None),
    ("chain of custody", None),
    ("forced labour", None),
    ("NRM", None),
    ("٢٠١٢", Some(Lang::Ar)),
    ("interp", None),
    ("الاتج", Some(Lang::Ar)),
];

/// How many hits of each query the snapshot keeps.
const TOP: usize = 6;

#[test]
fn top_hits_match_the_snapshot() {
    let mut out = String::from(
        "# The top hits of known queries on the bundled SOP, best first.\n\
         # Refresh with DALIL_BLESS=1 after a deliberate change to the content or the ranking.\n",
    );
    for (query, lang) in QUERIES {
        let lang_label = lang.map_or("both", Lang::code);
        out.push_str(&format!("\n{query} [{lang_label}]\n"));
        for id in ids(&search(query, *lang, TOP)) {
            out.push_str(&format!("  {id}\n"));
        }
    }
    expect_file(&expected("known_answers.txt"), &out);
}

#[test]
fn debt_bondage_finds_the_identification_step_in_both_languages() {
    let hits = ids(&search("debt bondage", None, 5));
    assert_eq!(hits[..2].to_vec(), ["ident-labour@en", "ident-labour@ar"]);
}

#[test]
fn an_english_glossary_term_finds_the_arabic_step() {
    // The Arabic step says «إسار الدين», the Arabic name of the term whose English name was typed.
    let results = search("debt bondage", Some(Lang::Ar), 5);
    assert_eq!(results.terms, ["debt-bondage"]);
    assert_eq!(
        ids(&results).first().map(String::as_str),
        Some("ident-labour@ar")
    );
    let hit = &results.hits[0];
    let marked: Vec<&str> = hit
        .snippet
        .marks
        .iter()
        .map(|m| &hit.snippet.text[m.clone()])
        .collect();
    assert_eq!(marked, ["إسار الدين"]);
}

#[test]
fn an_arabic_glossary_term_finds_the_english_step() {
    let results = search("المترجم الشفوي", Some(Lang::En), 10);
    assert!(results.terms.contains(&"interpreter".to_owned()));
    assert!(ids(&results).contains(&"intake-interpreter@en".to_owned()));
}

/// The steps about interpreters.
const INTERPRETER_STEPS: [&str; 3] = [
    "intake-interpreter",
    "intv-vet-interpreter",
    "intv-brief-interpreter",
];

#[test]
fn interpreter_finds_the_interpreter_steps() {
    for (query, lang) in [
        ("interpreter", Lang::En),
        ("مترجم", Lang::Ar),
        ("المترجمين", Lang::Ar),
    ] {
        let hits = ids(&search(query, Some(lang), 6));
        for step in INTERPRETER_STEPS {
            assert!(
                hits.contains(&format!("{step}@{lang}")),
                "{query}: {hits:?}"
            );
        }
    }
}

#[test]
fn direct_hits_come_before_glossary_hits() {
    let results = search("interpreter", None, 10);
    assert!(results.terms.contains(&"interpreter".to_owned()));
    let first_ar = results.hits.iter().position(|h| h.lang == Lang::Ar);
    let first_en = results.hits.iter().position(|h| h.lang == Lang::En);
    assert_eq!(first_en, Some(0));
    assert!(
        first_ar.is_some(),
        "the glossary brings in the Arabic steps"
    );
}

#[test]
fn snippets_show_the_original_text() {
    let results = search("الضحيه", Some(Lang::Ar), 3);
    let hit = &results.hits[0];
    assert!(!hit.snippet.marks.is_empty());
    for m in &hit.snippet.marks {
        let word = &hit.snippet.text[m.clone()];
        // The text says الضحية with a ta marbuta, as written; the query's heh is folded only
        // for matching.
        assert!(word.contains("ضحي"), "{word}");
    }
    assert!(hit.snippet.to_html().contains("<mark>"));
}

#[test]
fn results_are_labelled_and_grouped() {
    let results = search("interpreter", None, 20);
    let groups = results.groups();
    let total: usize = groups
        .iter()
        .flat_map(|g| &g.entries)
        .map(|e| e.hits.len())
        .sum();
    assert_eq!(total, results.hits.len());
    for g in &groups {
        for e in &g.entries {
            for h in &e.hits {
                assert_eq!(h.chapter, g.chapter);
                assert_eq!(h.step.as_deref(), e.step);
            }
            let langs: Vec<Lang> = e.hits.iter().map(|h| h.lang).collect();
            assert!(langs.len() <= 2 && (langs.len() < 2 || langs[0] != langs[1]));
        }
    }
}

#[test]
fn a_language_filter_keeps_only_that_language() {
    for lang in Lang::ALL {
        let results = search("interpreter مترجم", Some(lang), 50);
        assert!(results.hits.iter().all(|h| h.lang == lang));
    }
}

#[test]
fn chapter_text_outside_steps_is_found() {
    // The intake chapter's introduction names the first hours of a case.
    let hits = ids(&search("first hours", Some(Lang::En), 10));
    assert!(hits.contains(&"chapter:intake@en".to_owned()), "{hits:?}");
}
