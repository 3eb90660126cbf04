//! Whatever the input, the loader, the condition parser and the renderer do not panic.

use dalil_content::condition::Condition;
use dalil_content::{Files, Lang};
use proptest::prelude::*;

use crate::support::{fixtures, read};

fn good() -> Files {
    read(&fixtures().join("good"))
}

fn load_and_render(files: &Files) {
    let (sop, _) = dalil_content::load(files);
    let labels = dalil_content::render::Labels::default();
    for chapter in &sop.chapters {
        for lang in Lang::ALL {
            if let Some(r) = dalil_content::render::render_chapter(&sop, &chapter.id, lang, &labels)
            {
                assert!(!r.html.to_lowercase().contains("<script"));
            }
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_as_a_chapter_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let mut files = good();
        files.insert("chapters/first/en.md".into(), bytes);
        load_and_render(&files);
    }

    #[test]
    fn arbitrary_text_after_valid_front_matter_never_panics(body in "(\\PC|\n|#|\\{|\\}|\"|\\[|\\]|\\(|\\)|<|>|\\.|=){0,600}") {
        let mut files = good();
        let text = format!("+++\nid = \"first\"\ntitle = \"t\"\nphase = \"intake\"\n+++\n{body}");
        files.insert("chapters/first/ar.md".into(), text.into_bytes());
        load_and_render(&files);
    }

    #[test]
    fn arbitrary_headings_with_attributes_never_panic(attrs in "[ #.a-z=\"'\\\\{}-]{0,80}") {
        let mut files = good();
        let text = format!("+++\nid = \"first\"\ntitle = \"t\"\nphase = \"intake\"\n+++\n\n### Title {{{attrs}}}\n\nText.\n");
        files.insert("chapters/first/en.md".into(), text.into_bytes());
        load_and_render(&files);
    }

    #[test]
    fn arbitrary_manifests_and_glossaries_never_panic(a in proptest::collection::vec(any::<u8>(), 0..1024), b in "\\PC{0,400}") {
        let mut files = good();
        files.insert("manifest.toml".into(), a);
        load_and_render(&files);
        let mut files = good();
        files.insert("glossary.toml".into(), b.into_bytes());
        load_and_render(&files);
    }

    #[test]
    fn arbitrary_conditions_never_panic(src in "(child|kind|and|or|not|in|==|!=|\\(|\\)|\\[|\\]|,|\"x\"|'y'| |\\PC){0,40}") {
        let _ = Condition::parse(&src);
    }
}
