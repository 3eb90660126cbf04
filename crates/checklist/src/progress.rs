//! Progress counts for a list of many cases, without building each case's checklist.
//!
//! The case list shows "done of applicable" for every case. [`crate::case_checklist`] answers
//! that for one case, but it clones every applicable step and joins notes that the count does
//! not need. [`ProgressCounter`] gives the same two numbers from the facts and the set of
//! settled steps only, and remembers which steps apply for each combination of the facts the
//! SOP's conditions read, so that cases that share those facts evaluate no condition again.

use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;

use dalil_content::condition::{Condition, Facts, fact_value};
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
    sop: &'a Sop,
    /// Every fact id that some step's condition reads, sorted, without repeats: all that
    /// decides which steps apply.
    inputs: Vec<&'a str>,
    /// The distinct conditions of the SOP (by source text), each evaluated once per miss.
    conditions: Vec<&'a Condition>,
    /// For each step, in the order [`crate::applicable`] reads them, the index of its
    /// condition in `conditions`, or `None` for a step of every case.
    steps: Vec<Option<usize>>,
    /// Where each step id sits in `steps` (more than once only if the SOP repeats an id).
    positions: HashMap<&'a str, Vec<usize>>,
    /// Which steps apply, by the values of `inputs` encoded as a key.
    cache: HashMap<String, Applies>,
    /// The key being built, kept to reuse its allocation.
    key: String,
}

/// Which steps apply for one combination of facts.
#[derive(Debug)]
struct Applies {
    /// Indexed like `ProgressCounter::steps`.
    step: Vec<bool>,
    /// How many are true.
    count: usize,
}

impl<'a> ProgressCounter<'a> {
    /// A counter for this SOP, with nothing remembered yet.
    pub fn new(sop: &'a Sop) -> ProgressCounter<'a> {
        let mut inputs: BTreeSet<&'a str> = BTreeSet::new();
        let mut conditions: Vec<&'a Condition> = Vec::new();
        let mut by_source: HashMap<&'a str, usize> = HashMap::new();
        let mut steps = Vec::new();
        let mut positions: HashMap<&'a str, Vec<usize>> = HashMap::new();
        for (n, (_, step)) in sop.steps(Lang::Ar).enumerate() {
            let condition = step.when.as_ref().map(|c| {
                inputs.extend(c.facts());
                *by_source.entry(c.source()).or_insert_with(|| {
                    conditions.push(c);
                    conditions.len() - 1
                })
            });
            steps.push(condition);
            positions.entry(step.id.as_str()).or_default().push(n);
        }
        ProgressCounter {
            sop,
            inputs: inputs.into_iter().collect(),
            conditions,
            steps,
            positions,
            cache: HashMap::new(),
            key: String::new(),
        }
    }

    /// The applicable steps that are settled, and all applicable steps, for a case with these
    /// facts (the same map [`crate::case_checklist`] is given, the case's kind included) and
    /// these settled steps: the ids of the steps whose recorded state is not pending.
    pub fn progress(&mut self, facts: &Facts, settled: &BTreeSet<String>) -> (usize, usize) {
        let manifest = &self.sop.manifest;
        // The key: each input's value (default included) as `length:value`, or `-` for a fact
        // that neither the case nor the manifest knows, so that no two combinations collide.
        self.key.clear();
        for id in &self.inputs {
            match fact_value(manifest, facts, id) {
                None => self.key.push('-'),
                Some(v) => {
                    let _ = write!(self.key, "{}:{v}", v.len());
                }
            }
        }
        if !self.cache.contains_key(self.key.as_str()) {
            if self.cache.len() >= CACHE_LIMIT {
                self.cache.clear();
            }
            let applies = self.evaluate(facts);
            self.cache.insert(self.key.clone(), applies);
        }
        let Some(applies) = self.cache.get(self.key.as_str()) else {
            // Inserted just above.
            return (0, 0);
        };
        let done = settled
            .iter()
            .filter_map(|id| self.positions.get(id.as_str()))
            .flatten()
            .filter(|&&n| applies.step[n])
            .count();
        (done, applies.count)
    }

    /// Which steps apply for these facts. Each distinct condition is evaluated once, against
    /// the inputs' values alone (defaults filled in), which decide it exactly as the full map.
    fn evaluate(&self, facts: &Facts) -> Applies {
        let manifest = &self.sop.manifest;
        let resolved: Facts = self
            .inputs
            .iter()
            .filter_map(|id| {
                fact_value(manifest, facts, id).map(|v| ((*id).to_owned(), v.to_owned()))
            })
            .collect();
        let holds: Vec<bool> = self
            .conditions
            .iter()
            .map(|c| c.eval(manifest, &resolved))
            .collect();
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

    /// The real SOP, which must load clean.
    fn real_sop() -> Sop {
        let (sop, diagnostics) = dalil_content::load(&dalil_sop_files::bundled());
        assert_eq!(diagnostics, vec![]);
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

    /// Progress moves with the facts and the settled steps, so the tests above compare
    /// numbers that differ from case to case.
    #[test]
    fn progress_depends_on_facts_and_settled_steps() {
        let sop = real_sop();
        let mut counter = ProgressCounter::new(&sop);
        let none = BTreeSet::new();
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
