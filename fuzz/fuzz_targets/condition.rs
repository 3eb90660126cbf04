//! The condition parser (`dalil_content::condition`).
//!
//! Beyond not panicking: an error's offset is a character boundary within the text; a
//! condition that parses, written out again fully parenthesized, parses to the same tree
//! (and writes out the same); and it holds for a case exactly when it gives reasons.
#![no_main]

use std::sync::OnceLock;

use dalil_content::condition::{Condition, Expr, Facts};
use dalil_content::manifest::Manifest;
use libfuzzer_sys::fuzz_target;

fn manifest() -> &'static Manifest {
    static MANIFEST: OnceLock<Manifest> = OnceLock::new();
    MANIFEST.get_or_init(|| {
        dalil_fuzz::self_test();
        dalil_content::load(&dalil_sop_files::bundled()).0.manifest
    })
}

/// The condition written out with every operator parenthesized, each value in a quote it
/// does not contain (the language has no escapes).
fn write(e: &Expr) -> String {
    fn quoted(v: &str) -> String {
        if v.contains('\'') {
            format!("\"{v}\"")
        } else {
            format!("'{v}'")
        }
    }
    match e {
        Expr::Fact(f) => f.clone(),
        Expr::Choice {
            fact,
            values,
            negated,
        } if values.len() == 1 => {
            format!(
                "{fact} {} {}",
                if *negated { "!=" } else { "==" },
                quoted(&values[0])
            )
        }
        Expr::Choice {
            fact,
            values,
            negated,
        } => {
            let list: Vec<String> = values.iter().map(|v| quoted(v)).collect();
            let s = format!("{fact} in [{}]", list.join(", "));
            if *negated { format!("not ({s})") } else { s }
        }
        Expr::Not(e) => format!("not ({})", write(e)),
        Expr::And(a, b) => format!("({}) and ({})", write(a), write(b)),
        Expr::Or(a, b) => format!("({}) or ({})", write(a), write(b)),
    }
}

fn depth(e: &Expr) -> usize {
    match e {
        Expr::Fact(_) | Expr::Choice { .. } => 1,
        Expr::Not(e) => 1 + depth(e),
        Expr::And(a, b) | Expr::Or(a, b) => 1 + depth(a).max(depth(b)),
    }
}

fuzz_target!(|data: &[u8]| {
    let manifest = manifest();
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let condition = match Condition::parse(text) {
        Ok(c) => c,
        Err(e) => {
            assert!(e.offset <= text.len(), "offset {} past the end", e.offset);
            assert!(
                text.is_char_boundary(e.offset),
                "offset {} inside a character",
                e.offset
            );
            assert!(
                e.message_id.starts_with("validate-condition-"),
                "{}",
                e.message_id
            );
            return;
        }
    };
    assert_eq!(condition.source(), text);
    assert!(
        !condition.facts().is_empty(),
        "a condition without a fact: {text:?}"
    );

    // Written out fully parenthesized, it may nest deeper than the parser's limit; within it,
    // it must read back as the same tree, and write out the same.
    let written = write(condition.expr());
    if depth(condition.expr()) <= 20 {
        match Condition::parse(&written) {
            Ok(again) => {
                assert_eq!(
                    again.expr(),
                    condition.expr(),
                    "{text:?} written as {written:?}"
                );
                assert_eq!(write(again.expr()), written);
            }
            Err(e) => panic!("{text:?} written as {written:?} does not parse: {e}"),
        }
    }

    // Facts for a case, from the bytes: each fact of the condition is yes, no, or one of the
    // values it is compared with.
    let mut facts = Facts::new();
    for (i, fact) in condition.facts().into_iter().enumerate() {
        let pick = data.get(i).copied().unwrap_or(0) % 3;
        let value = match pick {
            0 => "yes".to_owned(),
            1 => "no".to_owned(),
            _ => first_value(condition.expr(), fact).unwrap_or_else(|| "yes".to_owned()),
        };
        facts.insert(fact.to_owned(), value);
    }
    for f in [&facts, &Facts::new()] {
        let holds = condition.eval(manifest, f);
        let reasons = condition.reasons(manifest, f);
        assert_eq!(
            holds,
            !reasons.is_empty(),
            "{text:?} holds={holds} reasons={reasons:?}"
        );
    }
    let _ = condition.check(manifest);
});

fn first_value(e: &Expr, fact: &str) -> Option<String> {
    match e {
        Expr::Choice {
            fact: f, values, ..
        } if f == fact => values.first().cloned(),
        Expr::Fact(_) | Expr::Choice { .. } => None,
        Expr::Not(e) => first_value(e, fact),
        Expr::And(a, b) | Expr::Or(a, b) => first_value(a, fact).or_else(|| first_value(b, fact)),
    }
}
