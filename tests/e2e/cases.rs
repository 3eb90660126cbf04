//! Cases: the wizard, the checklist, the walk-through, notes that survive a killed process,
//! the history, and notes shown as text.

use std::time::Duration;

use serde_json::Value;

use crate::driver::{PASSPHRASE, Session};

/// Opens a case through the wizard with these yes-no facts, and returns its id.
pub(crate) fn open_case(app: &Session, reference: &str, facts: &[&str]) -> i64 {
    app.click(".nav a[data-view='cases']");
    app.click("#view-cases a[href='#/new-case']");
    app.wait_for("#new-case-facts input[name='child']");
    app.type_into("#new-case input[name='reference']", reference);
    app.type_into("#new-case input[name='title']", "قضية تدريبية");
    for fact in facts {
        app.click(&format!("#new-case-facts input[name='{fact}']"));
    }
    app.click("#new-case button[type='submit']");
    app.wait_until(
        "the case",
        "return /^#\\/case\\/\\d+$/.test(location.hash) && !!document.querySelector('.checklist')",
    );
    let hash = app.js("return location.hash");
    hash.as_str()
        .and_then(|h| h.rsplit('/').next())
        .and_then(|id| id.parse().ok())
        .unwrap_or_else(|| panic!("{hash}"))
}

fn has_step(app: &Session, step: &str) -> bool {
    app.js(&format!("return !!document.querySelector('.phase-block:not(.case-hidden-steps) li[data-step=\"{step}\"]')")) == Value::Bool(true)
}

pub(crate) fn open_step(app: &Session, case: i64, step: &str) {
    app.js(&format!(
        "location.hash = '#/case/{case}/step/{step}'; return true;"
    ));
    app.wait_until(
        "the step",
        &format!("return !document.getElementById('view-step').hidden && !!document.querySelector('#walk-guidance section.step[data-step=\"{step}\"]')"),
    );
}

pub(crate) fn type_note(app: &Session, text: &str) {
    app.type_into("#note-editor", text);
    app.wait_until(
        "the draft to be saved",
        "return document.getElementById('note-status').dataset.state === 'note-saved'",
    );
}

/// The digits of the case screen's counts and dates, as text: `arabic`, `latin`, `both` or
/// `none`.
fn digits_of_case_summary(app: &Session) -> String {
    let v = app.js(
        "const t = ['.case-summary', '.case-opened', '.phase-block h3 .progress-text'] \
           .flatMap((s) => [...document.querySelectorAll(s)]).map((e) => e.textContent).join(' '); \
         const a = /[\\u0660-\\u0669]/.test(t), l = /[0-9]/.test(t); \
         return a && l ? 'both' : a ? 'arabic' : l ? 'latin' : 'none';",
    );
    v.as_str().unwrap_or_default().to_owned()
}

/// Issue 20: the Arabic case screen writes its counts and its dates in one kind of digit,
/// Arabic-Indic by default, Latin when the settings say so; "done / total" reads in the
/// order of the text.
#[test]
fn the_arabic_case_view_shows_one_kind_of_digit() {
    let app = Session::start(&[]);
    let case = open_case(&app, "TIP-2026-0077", &["child"]);
    assert_eq!(digits_of_case_summary(&app), "arabic");
    // The count is laid out right to left: the count done first, on the right.
    let dir = app.js(
        "return getComputedStyle(document.querySelector('.case-summary .progress-text')).direction",
    );
    assert_eq!(dir, Value::from("rtl"));

    app.click(".nav a[data-view='settings']");
    app.js("const s = document.querySelector('select[name=digits]'); s.value = 'latin'; s.dispatchEvent(new Event('change')); return true;");
    app.wait_until(
        "the setting to be saved",
        "return document.getElementById('settings-status').textContent !== ''",
    );
    app.js(&format!("location.hash = '#/case/{case}'; return true;"));
    app.wait_until(
        "the case in Latin digits",
        "return !!document.querySelector('.case-summary') && /[0-9]/.test(document.querySelector('.case-summary').textContent)",
    );
    assert_eq!(digits_of_case_summary(&app), "latin");
}

#[test]
fn a_case_from_the_wizard_through_the_checklist_to_its_history() {
    let app = Session::start(&[]);
    // The reference is typed with Arabic-Indic digits and stored with ASCII ones.
    let case = open_case(&app, "TIP-٢٠٢٦-٠٠٤٢", &["child", "foreign-national"]);
    assert!(app.text(".case-header h2").contains("TIP-2026-0042"));
    for step in [
        "child-guardian",
        "child-no-detention",
        "intake-foreign",
        "prot-foreign",
    ] {
        assert!(
            has_step(&app, step),
            "{step} should apply to a child, foreign-national case"
        );
    }
    for step in ["som-map-route", "intake-interpreter"] {
        assert!(!has_step(&app, step), "{step} should not apply");
    }
    // Each conditional step says why it is shown.
    let why = app.text(".phase-block li[data-step='child-guardian'] .why");
    assert!(why.contains("ضحية طفل"), "{why}");

    // Three steps: one done, one not applicable with a reason, one with a note.
    open_step(&app, case, "intake-log-report");
    app.click(".state-buttons button[data-state='done']");
    app.wait_until("done", "return document.querySelector('.state-buttons button[data-state=done]').getAttribute('aria-pressed') === 'true'");

    app.click("#walk-next");
    app.wait_until(
        "the next step",
        "return !location.hash.endsWith('intake-log-report')",
    );
    app.click(".state-buttons button[data-state='not-applicable']");
    app.wait_until(
        "the reason is asked for",
        "return !document.getElementById('step-error').hidden",
    );
    app.type_into("#step-reason", "لا يوجد خطر فوري في موقع الحادث");
    app.click(".state-buttons button[data-state='not-applicable']");
    app.wait_until("not applicable", "return document.querySelector('.state-buttons button[data-state=\"not-applicable\"]').getAttribute('aria-pressed') === 'true'");
    let na_step = app
        .js("return location.hash.split('/').pop()")
        .as_str()
        .unwrap_or_default()
        .to_owned();

    open_step(&app, case, "child-guardian");
    type_note(&app, "أُبلغت دائرة رعاية الأحداث في الساعة 02:10");
    // A hostile note, shown as text.
    open_step(&app, case, "child-no-detention");
    type_note(
        &app,
        "<img src=x onerror=\"window.__pwned = 1\"><script>window.__pwned = 2</script>",
    );

    app.js(&format!("location.hash = '#/case/{case}'; return true;"));
    app.wait_for(".checklist");
    app.wait_until(
        "the notes count",
        "return !!document.querySelector('li[data-step=\"child-guardian\"] .notes-count')",
    );
    assert!(
        app.text("li[data-step='intake-log-report'] .badge.state")
            .contains("تمّت")
    );
    assert!(
        app.text(&format!("li[data-step='{na_step}'] .reason"))
            .contains("لا يوجد خطر فوري")
    );

    open_step(&app, case, "child-no-detention");
    app.wait_for("#step-notes li .note-text");
    assert!(
        app.text("#step-notes li .note-text")
            .contains("<img src=x onerror=")
    );
    assert_eq!(
        app.js("return document.querySelectorAll('#step-notes img, #step-notes script').length"),
        Value::from(0)
    );
    assert_eq!(
        app.js("return window.__pwned === undefined"),
        Value::Bool(true)
    );

    // Changing the facts: the interpreter steps appear; the child steps go, with the note kept.
    app.js(&format!(
        "location.hash = '#/case/{case}/facts'; return true;"
    ));
    app.wait_for("#facts-fields input[name='interpreter-needed']");
    app.click("#facts-fields input[name='interpreter-needed']");
    app.click("#facts-fields input[name='child']");
    app.click("#facts-form button[type='submit']");
    app.wait_for("#facts-result .facts-appeared");
    assert!(
        app.text("#facts-result")
            .contains(&shipped_title("intake-interpreter"))
    );
    app.js(&format!("location.hash = '#/case/{case}'; return true;"));
    // The case screen is drawn again with the new facts (the one shown before stays until
    // then).
    app.wait_until(
        "the checklist with the new facts",
        "return !!document.querySelector('.phase-block:not(.case-hidden-steps) li[data-step=\"intake-interpreter\"]')",
    );
    assert!(has_step(&app, "intake-interpreter"));
    assert!(!has_step(&app, "child-guardian"));
    assert_eq!(
        app.js("return !!document.querySelector('.case-hidden-steps li[data-step=\"child-guardian\"] .notes-count')"),
        Value::Bool(true),
        "the child step's note must be kept where it can be seen"
    );

    // The history verifies.
    app.js(&format!(
        "location.hash = '#/case/{case}/history'; return true;"
    ));
    app.wait_for("#history .badge");
    assert_eq!(
        app.js("return document.querySelector('#history .badge').dataset.verified"),
        "true"
    );
    // In words, in the UI language: what was done, and to which step, by its title.
    let history = app.text("#history table");
    assert!(history.contains("فُتحت القضية"), "{history}");
    assert!(history.contains("سُجّلت حالة خطوة"), "{history}");
    assert!(
        history.contains(&shipped_title("intake-log-report")),
        "{history}"
    );
    assert!(history.contains("step:intake-log-report"), "{history}");

    // Closing asks first and makes the case read-only; reopening is recorded.
    app.js(&format!("location.hash = '#/case/{case}'; return true;"));
    app.wait_for(".checklist");
    let close = app.js("return [...document.querySelectorAll('#case .toolbar button')].findIndex(b => !b.closest('.confirm'))");
    assert!(close.as_i64().is_some_and(|i| i >= 0));
    app.js("[...document.querySelectorAll('#case .toolbar button')].at(-1).click(); return true;");
    app.wait_until(
        "the confirmation",
        "return !document.querySelector('#case .confirm').hidden",
    );
    app.click("#case .confirm button.primary");
    app.wait_until(
        "the closed case",
        "return document.querySelector('.case-meta').textContent.includes('مغلقة')",
    );
}

fn shipped_title(step: &str) -> String {
    let (sop, _) = dalil_content::load(&dalil_sop_files::bundled());
    sop.steps(dalil_content::Lang::Ar)
        .find(|(_, s)| s.id == step)
        .map(|(_, s)| s.title.clone())
        .unwrap_or_default()
}

/// The app process that was started with this data folder.
fn app_pid(data_dir: &std::path::Path) -> Option<u32> {
    let needle = format!("DALIL_DATA_DIR={}", data_dir.display());
    std::fs::read_dir("/proc").ok()?.flatten().find_map(|e| {
        let pid: u32 = e.file_name().to_string_lossy().parse().ok()?;
        let cmd = std::fs::read_to_string(format!("/proc/{pid}/cmdline")).ok()?;
        let env = std::fs::read(format!("/proc/{pid}/environ")).ok()?;
        (cmd.contains("dalil-app") && env.split(|b| *b == 0).any(|v| v == needle.as_bytes()))
            .then_some(pid)
    })
}

#[test]
fn what_was_typed_is_there_after_the_process_is_killed() {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = data.path().to_string_lossy().into_owned();
    let text = "الشاهد (أ) ذكر أن الوثائق محجوزة لدى صاحب العمل";
    let case;
    {
        let app = Session::start(&[("DALIL_DATA_DIR", &dir)]);
        case = open_case(&app, "SOM-7", &["foreign-national"]);
        open_step(&app, case, "intake-foreign");
        type_note(&app, text);
        let pid = app_pid(data.path()).unwrap_or_else(|| panic!("the app process was not found"));
        let killed = std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status();
        assert!(killed.is_ok_and(|s| s.success()));
        std::thread::sleep(Duration::from_millis(500));
    }
    let app = Session::start_locked(&[("DALIL_DATA_DIR", &dir)]);
    app.unlock();
    open_step(&app, case, "intake-foreign");
    app.wait_until(
        "the restored draft",
        &format!(
            "return document.getElementById('note-editor').value === {}",
            serde_json::to_string(text).unwrap_or_default()
        ),
    );
    assert_eq!(
        app.js("return document.getElementById('note-status').dataset.state"),
        "note-draft-restored"
    );
}

#[test]
fn case_titles_can_be_hidden_in_the_list() {
    let app = Session::start(&[]);
    open_case(&app, "TIP-9", &[]);
    // The first column holds the box that chooses a case for the directorate.
    let title_cell = "#cases-table tr[data-case] td:nth-child(3)";
    app.click(".nav a[data-view='cases']");
    app.wait_for(title_cell);
    assert_eq!(app.text(title_cell), "قضية تدريبية");

    app.js("location.hash = '#/settings'; return true;");
    app.click("#settings input[name='maskTitles']");
    app.wait_until(
        "the setting to be saved",
        "return document.getElementById('settings-status').textContent.length > 0",
    );
    app.click(".nav a[data-view='cases']");
    app.wait_for(&format!("{title_cell}.masked"));
    assert_eq!(app.text(title_cell), "(العنوان مخفي)");
    assert!(
        !app.text("#cases-table").contains("قضية تدريبية"),
        "the title must not be on the screen"
    );
    // The reference still identifies the case, and opening it still works.
    assert!(app.text("#cases-table").contains("TIP-9"));
}

#[test]
fn a_long_case_list_comes_a_page_at_a_time() {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let mut store = dalil_store::Store::create(
        &data.path().join(dalil_store::DB_FILE_NAME),
        &dalil_store::Passphrase::from(PASSPHRASE),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    store
        .batch(|b| {
            for i in 0..150 {
                b.create_case(&dalil_store::NewCase {
                    reference: format!("P-{i:03}"),
                    title: format!("قضية {i}"),
                    kind: dalil_store::CaseKind::Trafficking,
                    edition: dalil_store::Edition::new("test", "test"),
                })?;
            }
            Ok(())
        })
        .unwrap_or_else(|e| panic!("{e}"));
    store.lock().unwrap_or_else(|e| panic!("{e}"));

    let dir = data.path().to_string_lossy().into_owned();
    let app = Session::start_locked(&[("DALIL_DATA_DIR", &dir)]);
    app.unlock();
    app.click(".nav a[data-view='cases']");
    app.wait_for("#cases-table tbody tr");
    let rows = "return document.querySelectorAll('#cases-table tbody tr').length";
    assert_eq!(app.js(rows), Value::from(100));
    // The most recent first: the last case made.
    assert!(
        app.text("#cases-table tbody tr:first-child")
            .contains("P-149")
    );
    assert!(app.text("#cases-more").contains("100 / 150"));
    // Reaching the end of the list brings the rest.
    app.js("document.getElementById('cases-more').scrollIntoView(); return true;");
    app.wait_until(
        "the second page",
        "return document.querySelectorAll('#cases-table tbody tr').length === 150",
    );
    app.wait_until(
        "no more to show",
        "return getComputedStyle(document.getElementById('cases-more')).display === 'none'",
    );
    assert!(
        app.text("#cases-table tbody tr:last-child")
            .contains("P-000")
    );
}

#[test]
fn what_was_typed_is_there_after_the_window_is_closed() {
    let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let dir = data.path().to_string_lossy().into_owned();
    let text = "كُتب هذا قبل إغلاق النافذة مباشرة";
    let case;
    {
        let app = Session::start(&[("DALIL_DATA_DIR", &dir)]);
        case = open_case(&app, "TIP-CLOSE", &["child"]);
        open_step(&app, case, "child-guardian");
        // Typed and closed at once: well inside the editor's debounce.
        app.type_into("#note-editor", text);
        app.wait_until(
            "the keys to reach the editor",
            &format!(
                "return document.getElementById('note-editor').value === {}",
                serde_json::to_string(text).unwrap_or_default()
            ),
        );
        let title = dalil_l10n::strip_isolation(
            &dalil_l10n::Localizer::new(dalil_content::Lang::Ar).get("app-name"),
        );
        app.request_close(&title);
        app.wait_for_x_window_gone(&title);
    }
    let app = Session::start_locked(&[("DALIL_DATA_DIR", &dir)]);
    app.unlock();
    open_step(&app, case, "child-guardian");
    app.wait_until(
        "the text typed before closing",
        &format!(
            "return document.getElementById('note-editor').value === {}",
            serde_json::to_string(text).unwrap_or_default()
        ),
    );
}
