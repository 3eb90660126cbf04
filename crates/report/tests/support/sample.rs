//! The fictional case of the samples and the tests: case TIP-2026-0042, with facts, step
//! states, notes (one edited, one deleted, one that looks like HTML), a step that no longer
//! applies and a step that a newer SOP edition retired.
//!
//! Everything in it is invented: "Witness A" and the places are placeholders. The example
//! `sample_case` and the tests share this file.

use dalil_store::{CaseId, CaseKind, NewCase, StepState, Store, StoreError};

/// Writes the fictional case into `store` and returns its id.
pub fn fill(store: &mut Store) -> Result<CaseId, StoreError> {
    let case = store.create_case(&NewCase {
        reference: "TIP-2026-0042".into(),
        title: "بلاغ عن استغلال في العمل — الشاهد (أ)".into(),
        kind: CaseKind::Undetermined,
        edition: dalil_store::Edition::new("dalil-reference-sop", "0.1.0"),
    })?;
    store.set_kind(case, CaseKind::Trafficking)?;
    store.set_facts(
        case,
        &[
            ("foreign-national", "yes"),
            ("interpreter-needed", "yes"),
            ("labour-exploitation", "yes"),
            ("child", "yes"),
        ],
    )?;
    store.set_step_state(case, "intake-log-report", StepState::Done, None)?;
    store.add_note(
        case,
        Some("intake-log-report"),
        "سُجّل البلاغ الوارد من الشاهد (أ) عبر الخط الساخن.\nأُعطي رقم القيد المحلي.",
    )?;
    store.set_step_state(case, "intake-assess-danger", StepState::Done, None)?;
    store.set_step_state(case, "intake-separate", StepState::Done, None)?;
    let note = store.add_note(
        case,
        Some("intake-first-account"),
        "The first account was recorded in the presence of an interpreter.",
    )?;
    store.edit_note(
        note,
        "The first account was recorded word for word, with the time, in the presence of an interpreter (Witness A).",
    )?;
    store.set_step_state(case, "intake-first-account", StepState::Done, None)?;
    store.set_step_state(
        case,
        "intake-foreign",
        StepState::Blocked,
        Some("لم يتوفر مترجم للغة الشاهد (أ) حتى الآن."),
    )?;
    store.set_step_state(
        case,
        "intake-protect-scene",
        StepState::NotApplicable,
        Some("No scene: the report came by telephone."),
    )?;
    store.add_note(
        case,
        Some("intake-protect-scene"),
        "A message pasted as it was received: <img src=x onerror=alert(1)> <script>alert(2)</script>",
    )?;
    let dropped = store.add_note(case, None, "ملاحظة كُتبت خطأً.")?;
    store.delete_note(dropped)?;
    store.add_note(
        case,
        None,
        "اتُّفق مع وحدة مكافحة الاتجار على موعد المقابلة الثانية.",
    )?;

    // A step of the child track, recorded while the case had a possible child victim; the
    // fact then changed, so the step no longer applies but keeps what was recorded.
    store.set_step_state(case, "intake-child", StepState::Done, None)?;
    store.add_note(
        case,
        Some("intake-child"),
        "أُبلغت شرطة الأحداث، ثم تبيّن من الوثائق أن الشاهد (أ) تجاوز الثامنة عشرة.",
    )?;
    store.set_facts(case, &[("child", "no")])?;

    // A step id from an older edition of the SOP, which the current one no longer has.
    store.set_step_state(case, "intake-old-referral-form", StepState::Done, None)?;
    store.add_note(
        case,
        Some("intake-old-referral-form"),
        "Form 7 sent to the directorate (old edition).",
    )?;

    // The evidence register: a ledger handed over twice, with a scan's digest, supporting
    // the means; and the act assessed.
    let ledger = store.batch(|b| {
        let n = b.add_exhibit(
            case,
            &dalil_store::NewExhibit {
                description: "دفتر ديون العمال، غلاف أزرق".into(),
                kind: dalil_store::ExhibitKind::Ledger,
                seized_at: "2026-10-30 14:10".into(),
                seized_where: "مكتب المطعم".into(),
                seized_by: "محقق، الوحدة 4".into(),
                authorisation: Some("IJ-2026-881".into()),
                seal: Some("S-00417".into()),
            },
        )?;
        b.link_element(case, "tip-means", &dalil_store::LinkTarget::Exhibit(n))?;
        Ok(n)
    })?;
    for (from, to) in [
        ("محقق، الوحدة 4", "أمين المضبوطات"),
        ("أمين المضبوطات", "Forensic laboratory"),
    ] {
        store.batch(|b| {
            b.add_custody(
                case,
                ledger,
                &dalil_store::NewCustody {
                    event: dalil_store::CustodyEvent::Handover,
                    at: Some("2026-10-30 16:00".into()),
                    from: from.into(),
                    to: to.into(),
                    purpose: "storage and examination".into(),
                    seal_intact: true,
                    corrects: None,
                },
            )
        })?;
    }
    store.attach(
        case,
        ledger,
        "ledger-scan.pdf",
        &mut &b"%PDF-1.4 a scan of the ledger"[..],
        false,
    )?;
    store.batch(|b| {
        b.set_element(
            case,
            "tip-act",
            dalil_store::ElementState::Supported,
            Some("recruitment messages"),
        )
    })?;

    Ok(case)
}
