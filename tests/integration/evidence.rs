//! Issue 13: the offence elements and the evidence register, through `dalil` and the case
//! layer. The elements come from the shipped SOP's `elements.toml`.

use std::collections::BTreeSet;

use dalil_content::{Lang, Sop};
use dalil_l10n::Arg;
use dalil_store::{CaseKind, Edition, LinkTarget, NewCase, Passphrase, Store};
use proptest::prelude::*;
use serde_json::Value;

use crate::case_cli::{Folder, assert_says};

fn shipped() -> Sop {
    let (sop, diagnostics) = dalil_content::load(&dalil_sop_files::bundled());
    assert_eq!(
        dalil_content::error_count(&diagnostics),
        0,
        "{diagnostics:#?}"
    );
    sop
}

fn element<'a>(matrix: &'a Value, id: &str) -> &'a Value {
    matrix["offences"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|o| o["elements"].as_array().into_iter().flatten())
        .find(|e| e["id"] == id)
        .unwrap_or_else(|| panic!("{id} not in {matrix}"))
}

#[test]
fn the_shipped_sop_declares_both_offences_with_a_basis_for_every_element() {
    let sop = shipped();
    let ids: Vec<&str> = sop.offences.iter().map(|o| o.id.as_str()).collect();
    assert_eq!(ids, ["tip", "som"]);
    for o in &sop.offences {
        for e in &o.elements {
            for lang in Lang::ALL {
                assert!(!e.basis.get(lang).trim().is_empty(), "{}", e.id);
            }
            assert!(!e.steps.is_empty(), "{} names no steps", e.id);
        }
    }
}

#[test]
fn an_exhibit_handed_over_twice_and_linked_closes_its_gap() {
    let f = Folder::new();
    f.ok(&[
        "case",
        "new",
        "--reference",
        "E-1",
        "--title",
        "Agency",
        "--kind",
        "trafficking",
    ]);
    let before = f.json(&["elements", "E-1"]);
    assert_eq!(before["gaps"], 3, "{before}");
    assert_eq!(element(&before, "tip-means")["gap"], true);

    let added = f.json(&[
        "evidence",
        "add",
        "E-1",
        "--description",
        "Debt ledger",
        "--kind",
        "ledger",
        "--seized-at",
        "2026-11-30",
        "--seized-where",
        "Office",
        "--seized-by",
        "Investigator",
        "--seal",
        "S-17",
        "--element",
        "tip-means",
    ]);
    assert_eq!(added["number"], 1);
    for (from, to) in [
        ("Investigator", "Evidence room"),
        ("Evidence room", "Forensic lab"),
    ] {
        f.ok(&[
            "evidence",
            "custody",
            "E-1",
            "1",
            "--from",
            from,
            "--to",
            to,
            "--purpose",
            "x",
        ]);
    }
    let after = f.json(&["elements", "E-1"]);
    assert_eq!(after["gaps"], 2);
    let means = element(&after, "tip-means");
    assert_eq!(means["gap"], false);
    assert_eq!(means["support"][0]["kind"], "exhibit");

    f.ok(&[
        "element",
        "set",
        "E-1",
        "tip-means",
        "supported",
        "--reason",
        "the ledger",
    ]);
    assert_eq!(
        element(&f.json(&["elements", "E-1"]), "tip-means")["state"],
        "supported"
    );
    let (code, _, err) = f.run(&["element", "set", "E-1", "tip-means", "contested"]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-element-reason-required", &[]);
    let (code, _, err) = f.run(&["element", "link", "E-1", "no-such-element", "exhibit:1"]);
    assert_eq!(code, 2);
    assert_says(
        &err,
        "cli-element-unknown",
        &[("id", Arg::Str("no-such-element"))],
    );

    let shown = f.json(&["evidence", "show", "E-1", "1"]);
    assert_eq!(shown["custody"].as_array().map(Vec::len), Some(2));
    assert_eq!(shown["custody"][1]["to"], "Forensic lab");

    // The report carries the matrix and the custody record.
    let report = f.path("report.html");
    let report_text = report.to_string_lossy().into_owned();
    f.ok(&[
        "export",
        "E-1",
        "--format",
        "html",
        "--lang",
        "en",
        "-o",
        &report_text,
    ]);
    let html = std::fs::read_to_string(&report).unwrap_or_default();
    assert!(html.contains("Debt ledger"), "no exhibit in the report");
    assert!(
        html.contains("Forensic lab"),
        "no custody record in the report"
    );
    assert!(html.contains("tip-means") || html.contains("The means") || html.contains("الوسيلة"));
    let (code, out, _) = f.run(&["audit", "verify"]);
    assert_eq!(code, 0, "{out}");

    // The bundle carries the register and the elements, and verifies.
    let bundle = f.path("bundle.json");
    let bundle_text = bundle.to_string_lossy().into_owned();
    f.ok(&["export", "E-1", "--format", "bundle", "-o", &bundle_text]);
    let (code, out, err) = crate::support::dalil(&["verify", &bundle_text]);
    assert_eq!(code, 0, "{out}{err}");
    let json: Value = serde_json::from_slice(&std::fs::read(&bundle).unwrap_or_default())
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(json["version"], 2);
    assert_eq!(
        json["parts"]["exhibits"][0]["custody"][1]["to"],
        "Forensic lab"
    );
    assert_eq!(
        json["parts"]["elements"]["states"][0]["element"],
        "tip-means"
    );
}

#[test]
fn a_bad_attachment_is_refused_with_its_own_message_and_nothing_is_written() {
    let f = Folder::new();
    f.ok(&[
        "case",
        "new",
        "--reference",
        "E-2",
        "--title",
        "Phones",
        "--kind",
        "both",
    ]);
    f.ok(&[
        "evidence",
        "add",
        "E-2",
        "--description",
        "Phone",
        "--kind",
        "phone",
        "--seized-at",
        "2026-11-30",
        "--seized-where",
        "Car",
        "--seized-by",
        "Patrol",
    ]);
    let history = |f: &Folder| f.json(&["history", "E-2"]).as_array().map_or(0, Vec::len);
    let entries = history(&f);
    let missing = f.path("missing.jpg").to_string_lossy().into_owned();
    let (code, _, err) = f.run(&["evidence", "attach", "E-2", "1", &missing]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-evidence-no-such-file", &[]);
    let empty = f.path("empty.jpg");
    std::fs::write(&empty, b"").unwrap_or_else(|e| panic!("{e}"));
    let (code, _, err) = f.run(&["evidence", "attach", "E-2", "1", &empty.to_string_lossy()]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-evidence-empty-file", &[]);
    assert_eq!(history(&f), entries);

    let photo = f.path("photo.jpg");
    std::fs::write(&photo, b"not really a jpeg, but bytes").unwrap_or_else(|e| panic!("{e}"));
    let photo_text = photo.to_string_lossy().into_owned();
    let attached = f.json(&["evidence", "attach", "E-2", "1", &photo_text]);
    let id = attached["id"].to_string();
    f.ok(&["evidence", "check", "E-2", "1"]);
    // The kept bytes come back out, never over an existing file.
    let out = f.path("extracted.jpg").to_string_lossy().into_owned();
    f.ok(&["evidence", "extract", "E-2", "1", &id, "-o", &out]);
    assert_eq!(
        std::fs::read(&out).unwrap_or_default(),
        b"not really a jpeg, but bytes"
    );
    let (code, _, err) = f.run(&["evidence", "extract", "E-2", "1", &id, "-o", &out]);
    assert_eq!(code, 2);
    assert_says(&err, "cli-evidence-extract-exists", &[]);
    f.ok(&["evidence", "check", "E-2", "1", &id, "--file", &photo_text]);
    std::fs::write(&photo, b"not really a jpeg, but changed").unwrap_or_else(|e| panic!("{e}"));
    let (code, out, _) = f.run(&["evidence", "check", "E-2", "1", &id, "--file", &photo_text]);
    assert_eq!(code, 1, "a changed file was not reported: {out}");
}

/// One store for every generated case: deriving a key per case would dominate the run.
static STORE: std::sync::LazyLock<std::sync::Mutex<(tempfile::TempDir, Store, u32)>> =
    std::sync::LazyLock::new(|| {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let store = Store::create(
            &dir.path().join("cases.db"),
            &Passphrase::from("correct horse battery staple"),
        )
        .unwrap_or_else(|e| panic!("{}", e.code()));
        std::sync::Mutex::new((dir, store, 0))
    });

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Whatever else is true of a case, a child (or a person who may be one) never makes the
    /// trafficking means required, and every required element with nothing linked is a gap,
    /// and nothing else is.
    #[test]
    fn child_cases_never_require_the_means_and_every_unsupported_requirement_is_a_gap(
        yes in proptest::collection::btree_set(0usize..64, 0..12),
        kind in 0usize..4,
        child in any::<bool>(),
        linked in proptest::collection::btree_set(0usize..16, 0..6),
    ) {
        let sop = shipped();
        let mut guard = STORE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let (_, store, n) = &mut *guard;
        *n += 1;
        let reference = format!("P-{n}");
        let kinds = [CaseKind::Trafficking, CaseKind::Smuggling, CaseKind::Both, CaseKind::Undetermined];
        let case = store.create_case(&NewCase {
            reference: reference.clone(),
            title: "t".into(),
            kind: kinds[kind],
            edition: Edition::new(&sop.manifest.id, &sop.manifest.version),
        }).unwrap_or_else(|e| panic!("{}", e.code()));
        let yes_no: Vec<&str> = sop.manifest.facts.iter()
            .filter(|f| matches!(f.kind, dalil_content::manifest::FactType::YesNo))
            .map(|f| f.id.as_str())
            .collect();
        let mut facts: Vec<(&str, &str)> = yes
            .iter()
            .filter_map(|i| yes_no.get(*i).map(|f| (*f, "yes")))
            .filter(|(f, _)| *f != "child")
            .collect();
        facts.push(("child", if child { "yes" } else { "no" }));
        store.set_facts(case, &facts).unwrap_or_else(|e| panic!("{}", e.code()));
        let note = store.add_note(case, None, "a note").unwrap_or_else(|e| panic!("{}", e.code()));
        let all: Vec<&str> = sop.offences.iter().flat_map(|o| o.elements.iter().map(|e| e.id.as_str())).collect();
        let mut linked_ids = BTreeSet::new();
        for i in &linked {
            if let Some(e) = all.get(*i) {
                dalil_case::link(store, &sop, case, e, &LinkTarget::Note(note.0), true)
                    .unwrap_or_else(|e| panic!("{}", e.code()));
                linked_ids.insert(*e);
            }
        }
        let m = dalil_case::matrix(store, &sop, Lang::En, case).unwrap_or_else(|e| panic!("{}", e.code()));
        let mut gaps = 0;
        for o in &m.offences {
            for e in &o.elements {
                if child && e.id == "tip-means" {
                    prop_assert!(!e.required, "a child case requires the means");
                }
                let expect_gap = e.required && !linked_ids.contains(e.id.as_str());
                prop_assert_eq!(e.gap, expect_gap, "{}", e.id);
                gaps += usize::from(e.gap);
            }
        }
        prop_assert_eq!(m.gaps, gaps);
        let trafficking = kinds[kind] != CaseKind::Smuggling;
        prop_assert_eq!(m.offences.iter().any(|o| o.id == "tip"), trafficking);
    }
}
