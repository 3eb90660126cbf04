//! Progress counts for a list of many cases, without building each case's checklist.
//!
//! The case list shows "done of applicable" for every case. [`crate::case_checklist`] answers
//! that for one case, but it clones every applicable step and joins notes that the count does
//! not need. [`ProgressCounter`] gives the same two numbers from the facts and the set of
//! settled steps only, and remembers which steps apply for each combination of the facts the
//! SOP's conditions read, so that cases that share those facts evaluate no condition again.
//!
//! A list of 10,000 cases asks for 10,000 counts in one go, so the work per case is kept to
//! one pass over the case's facts: the conditions are compiled once to refer to their facts
//! by position, and a condition is decided here with the same rules as
//! [`dalil_content::condition::Condition::eval`] (a test over the real SOP holds them equal).

use std::borrow::Borrow;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use dalil_content::condition::{Expr, Facts};
use dalil_content::manifest::{FactType, Manifest};
use dalil_content::{Lang, Sop};

/// How many fact combinations a counter remembers before it starts over: enough for every
/// combination a real case file holds, small enough to never matter in memory (one entry is
/// a few hundred bytes).
const CACHE_LIMIT: usize = 4096;

/// Counts `(done, applicable)` for many cases against one SOP, the numbers that
/// [`crate::CaseChecklist::progress`] gives for the same case. Keep one for the length of a
/// list; it borrows the SOP.
#[derive(Debug)]
pub struct ProgressCounter<'a> {
    /// Every fact id that some step's condition reads, sorted as a [`Facts`] map sorts its
    /// keys, without repeats: all that decides which steps apply.
    inputs: Vec<&'a str>,
    /// The value each input has when a case does not answer it (`None` for a fact the
    /// manifest does not declare), as `condition::fact_value` gives it.
    defaults: Vec<Option<&'a str>>,
    /// The distinct conditions of the SOP (by source text), compiled.
    conditions: Vec<Node<'a>>,
    /// For each step, in the order [`crate::applicable`] reads them, the index of its
    /// condition in `conditions`, or `None` for a step of every case.
    steps: Vec<Option<usize>>,
    /// Each step id with its index in `steps`, sorted by id (an id twice only if the SOP
    /// repeats it).
    sorted: Vec<(&'a str, usize)>,
    /// Which steps apply, by the values of `inputs` encoded as a key.
    cache: HashMap<String, Applies>,
    /// The key being built, kept to reuse its allocation.
    key: String,
}

/// A condition whose facts are named by their position in `ProgressCounter::inputs`.
#[derive(Debug)]
enum Node<'a> {
    /// A yes-no fact, true when its value is "yes".
    Yes(usize),
    /// A choice fact is one of `values` (none of them, when `negated`).
    In {
        input: usize,
        values: &'a [String],
        negated: bool,
    },
    Not(Box<Node<'a>>),
    And(Box<Node<'a>>, Box<Node<'a>>),
    Or(Box<Node<'a>>, Box<Node<'a>>),
}

impl<'a> Node<'a> {
    fn compile(expr: &'a Expr, inputs: &[&str]) -> Node<'a> {
        // Every fact of every condition is among the inputs, which are built from them.
        let at = |fact: &str| inputs.binary_search(&fact).unwrap_or(usize::MAX);
        match expr {
            Expr::Fact(f) => Node::Yes(at(f)),
            Expr::Choice {
                fact,
                values,
                negated,
            } => Node::In {
                input: at(fact),
                values,
                negated: *negated,
            },
            Expr::Not(e) => Node::Not(Box::new(Node::compile(e, inputs))),
            Expr::And(a, b) => Node::And(
                Box::new(Node::compile(a, inputs)),
                Box::new(Node::compile(b, inputs)),
            ),
            Expr::Or(a, b) => Node::Or(
                Box::new(Node::compile(a, inputs)),
                Box::new(Node::compile(b, inputs)),
            ),
        }
    }

    /// Whether the condition holds when the inputs have these values.
    fn eval(&self, values: &[Option<&str>]) -> bool {
        let value = |i: &usize| values.get(*i).copied().flatten();
        match self {
            Node::Yes(i) => value(i) == Some("yes"),
            Node::In {
                input,
                values: choices,
                negated,
            } => value(input).is_some_and(|v| choices.iter().any(|c| c == v)) != *negated,
            Node::Not(e) => !e.eval(values),
            Node::And(a, b) => a.eval(values) && b.eval(values),
            Node::Or(a, b) => a.eval(values) || b.eval(values),
        }
    }
}

/// Which steps apply for one combination of facts.
#[derive(Debug)]
struct Applies {
    /// Indexed like `ProgressCounter::steps`.
    step: Vec<bool>,
    /// How many are true.
    count: usize,
}

/// Appends one input's value to a cache key so that no two lists of values give one key: a
/// value is written as it is and ended by NUL, unless it holds one of the three marks, when it
/// is written `\u{2}<length>:<value>` and ended by NUL; a missing value is `\u{1}`.
fn push_key_part(key: &mut String, value: Option<&str>) {
    match value {
        None => key.push('\u{1}'),
        Some(v) if !v.contains(['\0', '\u{1}', '\u{2}']) => {
            key.push_str(v);
            key.push('\0');
        }
        Some(v) => {
            let _ = write!(key, "\u{2}{}:{v}\0", v.len());
        }
    }
}

/// The value a fact has when a case does not answer it, as `condition::fact_value` says.
fn default_of<'a>(manifest: &'a Manifest, id: &str) -> Option<&'a str> {
    match manifest.fact(id).map(|f| &f.kind) {
        Some(FactType::Choice { default, .. }) => Some(default.as_str()),
        Some(FactType::YesNo) => Some("no"),
        None => None,
    }
}

impl<'a> ProgressCounter<'a> {
    /// A counter for this SOP, with nothing remembered yet.
    pub fn new(sop: &'a Sop) -> ProgressCounter<'a> {
        let mut inputs: BTreeSet<&'a str> = BTreeSet::new();
        let mut distinct: Vec<&'a Expr> = Vec::new();
        let mut by_source: HashMap<&'a str, usize> = HashMap::new();
        let mut steps = Vec::new();
        let mut sorted: Vec<(&'a str, usize)> = Vec::new();
        for (n, (_, step)) in sop.steps(Lang::Ar).enumerate() {
            let condition = step.when.as_ref().map(|c| {
                inputs.extend(c.facts());
                *by_source.entry(c.source()).or_insert_with(|| {
                    distinct.push(c.expr());
                    distinct.len() - 1
                })
            });
            steps.push(condition);
            sorted.push((step.id.as_str(), n));
        }
        sorted.sort_unstable();
        let inputs: Vec<&'a str> = inputs.into_iter().collect();
        ProgressCounter {
            defaults: inputs
                .iter()
                .map(|id| default_of(&sop.manifest, id))
                .collect(),
            conditions: distinct
                .into_iter()
                .map(|e| Node::compile(e, &inputs))
                .collect(),
            inputs,
            steps,
            sorted,
            cache: HashMap::new(),
            key: String::new(),
        }
    }

    /// The applicable steps that are settled, and all applicable steps, for a case with these
    /// facts (the same map [`crate::case_checklist`] is given, the case's kind included) and
    /// these settled steps: the ids of the steps whose recorded state is not pending.
    ///
    /// Any set of ids will do (`BTreeSet<String>`, `BTreeSet<Arc<str>>`): `Borrow<str>` makes
    /// them iterate in the order of their text, which the count relies on.
    pub fn progress<S: Borrow<str> + Ord>(
        &mut self,
        facts: &Facts,
        settled: &BTreeSet<S>,
    ) -> (usize, usize) {
        // Each input's value: the case's answer or the default. Inputs and facts are both
        // sorted by id, so one pass over the two finds them.
        let mut values: Vec<Option<&str>> = Vec::with_capacity(self.inputs.len());
        let mut answers = facts.iter().peekable();
        for (id, default) in self.inputs.iter().zip(&self.defaults) {
            while answers.next_if(|(k, _)| k.as_str() < *id).is_some() {}
            match answers.next_if(|(k, _)| k.as_str() == *id) {
                Some((_, v)) => values.push(Some(v.as_str())),
                None => values.push(*default),
            }
        }
        self.key.clear();
        for value in &values {
            push_key_part(&mut self.key, *value);
        }
        if !self.cache.contains_key(self.key.as_str()) {
            if self.cache.len() >= CACHE_LIMIT {
                self.cache.clear();
            }
            let applies = self.evaluate(&values);
            self.cache.insert(self.key.clone(), applies);
        }
        let Some(applies) = self.cache.get(self.key.as_str()) else {
            // Inserted just above.
            return (0, 0);
        };
        // Both the settled ids and `sorted` are in id order: one pass over the two.
        let mut done = 0;
        let mut steps = self.sorted.iter().peekable();
        for id in settled {
            let id: &str = id.borrow();
            while steps.next_if(|(s, _)| *s < id).is_some() {}
            while let Some((_, n)) = steps.next_if(|(s, _)| *s == id) {
                done += usize::from(applies.step[*n]);
            }
        }
        (done, applies.count)
    }

    /// Which steps apply when the inputs have these values. Each distinct condition is
    /// decided once.
    fn evaluate(&self, values: &[Option<&str>]) -> Applies {
        let holds: Vec<bool> = self.conditions.iter().map(|c| c.eval(values)).collect();
        let step: Vec<bool> = self
            .steps
            .iter()
            .map(|c| c.is_none_or(|i| holds[i]))
            .collect();
        let count = step.iter().filter(|a| **a).count();
        Applies { step, count }
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use dalil_content::manifest::FactType;
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestCaseError, TestRunner};

    use super::*;
    use crate::{Recorded, case_checklist};

    /// The real SOP, which must load without errors (warnings leave it usable).
    fn real_sop() -> Sop {
        let (sop, diagnostics) = dalil_content::load(&dalil_sop_files::bundled());
        assert_eq!(
            dalil_content::error_count(&diagnostics),
            0,
            "{diagnostics:?}"
        );
        sop
    }

    /// One generated case: a code per manifest fact, a code per step of the SOP plus one for
    /// a step id the SOP does not have, and whether to add a fact the manifest does not have.
    type Codes = (Vec<u8>, Vec<u8>, bool);

    fn codes(sop: &Sop) -> impl Strategy<Value = Codes> + use<> {
        let facts = sop.manifest.facts.len();
        let steps = sop.steps(Lang::Ar).count() + 1;
        (
            proptest::collection::vec(0u8..8, facts),
            proptest::collection::vec(0u8..10, steps),
            any::<bool>(),
        )
    }

    /// Facts, recorded states and note counts from codes. A fact is left out, set to a value
    /// it cannot have, or set to one of its values; a step gets no record, a record in one
    /// of the four states, or notes.
    fn case_from(
        sop: &Sop,
        codes: &Codes,
    ) -> (Facts, BTreeMap<String, Recorded>, BTreeMap<String, usize>) {
        let (fact_codes, step_codes, unknown_fact) = codes;
        let mut facts = Facts::new();
        for (fact, code) in sop.manifest.facts.iter().zip(fact_codes) {
            let values: Vec<&str> = match &fact.kind {
                FactType::YesNo => vec!["yes", "no"],
                FactType::Choice { choices, .. } => choices.iter().map(|c| c.id.as_str()).collect(),
            };
            match code {
                0 | 1 => {}
                2 => {
                    facts.insert(fact.id.clone(), "maybe".into());
                }
                n => {
                    let value = values[usize::from(*n) % values.len()];
                    facts.insert(fact.id.clone(), value.into());
                }
            }
        }
        if *unknown_fact {
            facts.insert("not-in-the-manifest".into(), "yes".into());
        }
        let ids = sop
            .steps(Lang::Ar)
            .map(|(_, s)| s.id.clone())
            .chain(["retired-step".to_owned()]);
        let mut recorded = BTreeMap::new();
        let mut notes = BTreeMap::new();
        for (id, code) in ids.zip(step_codes) {
            let (state, reason) = match code {
                0..=3 => continue,
                4 => ("pending", None),
                5 | 6 => ("done", None),
                7 => ("not-applicable", Some("n/a".to_owned())),
                8 => ("blocked", Some("waiting".to_owned())),
                _ => {
                    notes.insert(id, 2);
                    continue;
                }
            };
            recorded.insert(
                id,
                Recorded {
                    state: state.into(),
                    reason,
                    updated_at: "2026-01-01T00:00:00Z".into(),
                },
            );
        }
        (facts, recorded, notes)
    }

    /// The counter's answer and the full checklist's, for one case.
    fn both(
        counter: &mut ProgressCounter<'_>,
        sop: &Sop,
        codes: &Codes,
    ) -> ((usize, usize), (usize, usize)) {
        let (facts, recorded, notes) = case_from(sop, codes);
        let settled: BTreeSet<String> = recorded
            .iter()
            .filter(|(_, r)| r.state != "pending")
            .map(|(id, _)| id.clone())
            .collect();
        let fast = counter.progress(&facts, &settled);
        let full = case_checklist(sop, &facts, &recorded, &notes).progress();
        (fast, full)
    }

    /// Runs of a few cases through one counter, so that later cases meet what earlier ones
    /// left in the cache.
    #[test]
    fn the_counter_agrees_with_the_checklist_on_the_real_sop() {
        let sop = real_sop();
        let mut runner = TestRunner::new(Config {
            cases: 512,
            ..Config::default()
        });
        let strategy = proptest::collection::vec(codes(&sop), 1..6);
        let result = runner.run(&strategy, |cases| {
            let mut counter = ProgressCounter::new(&sop);
            for case in &cases {
                let (fast, full) = both(&mut counter, &sop, case);
                if fast != full {
                    return Err(TestCaseError::fail(format!("{fast:?} != {full:?}")));
                }
            }
            Ok(())
        });
        assert_eq!(result, Ok(()));
    }

    /// One counter through more cases than it remembers, so that it starts over at least
    /// once, and through cases that share facts, so that it answers from memory.
    #[test]
    fn a_long_list_agrees_through_hits_and_a_full_cache() {
        let sop = real_sop();
        let mut runner = TestRunner::deterministic();
        let strategy = codes(&sop);
        let mut counter = ProgressCounter::new(&sop);
        let mut seen = Vec::new();
        for i in 0..CACHE_LIMIT + 500 {
            let case = match strategy.new_tree(&mut runner) {
                Ok(tree) => tree.current(),
                Err(e) => panic!("no case generated: {e}"),
            };
            // Every third case has the facts of an earlier one and steps of its own.
            let case = match (i % 3, seen.get(i / 2)) {
                (0, Some(earlier)) => {
                    let (facts, _, unknown): &Codes = earlier;
                    (facts.clone(), case.1, *unknown)
                }
                _ => case,
            };
            let (fast, full) = both(&mut counter, &sop, &case);
            assert_eq!(fast, full, "case {i}");
            seen.push(case);
        }
        assert!(counter.cache.len() < CACHE_LIMIT);
    }

    /// Distinct lists of values give distinct cache keys, even with values that hold the
    /// key's own marks.
    #[test]
    fn cache_keys_do_not_collide() {
        let parts = [
            None,
            Some(""),
            Some("a"),
            Some("a\0"),
            Some("\0"),
            Some("\u{1}"),
            Some("\u{2}1:a"),
            Some("1:a"),
        ];
        let mut keys = BTreeMap::new();
        for a in parts {
            for b in parts {
                let mut key = String::new();
                push_key_part(&mut key, a);
                push_key_part(&mut key, b);
                if let Some(earlier) = keys.insert(key, (a, b)) {
                    panic!("{earlier:?} and {:?} share a key", (a, b));
                }
            }
        }
        assert_eq!(keys.len(), parts.len() * parts.len());
    }

    /// Progress moves with the facts and the settled steps, so the tests above compare
    /// numbers that differ from case to case.
    #[test]
    fn progress_depends_on_facts_and_settled_steps() {
        let sop = real_sop();
        let mut counter = ProgressCounter::new(&sop);
        let none: BTreeSet<String> = BTreeSet::new();
        let (_, plain) = counter.progress(&Facts::new(), &none);
        let child = Facts::from([("child".to_owned(), "yes".to_owned())]);
        let (_, more) = counter.progress(&child, &none);
        assert!(more > plain, "{more} > {plain}");
        let first: BTreeSet<String> = sop
            .steps(Lang::Ar)
            .filter(|(_, s)| s.when.is_none())
            .take(3)
            .map(|(_, s)| s.id.clone())
            .collect();
        assert_eq!(counter.progress(&child, &first), (3, more));
    }
}
