//! Renders screenshots of the main screens into `docs/screenshots/`, in Arabic and English,
//! at 1280×800 and 1024×640, by driving the real app. Run it with `scripts/screenshots.sh`.
//! `DALIL_SCREENSHOTS=case-ar,cases-ar` renders only the screens whose `name-lang` starts with
//! one of those prefixes, to look again at a few without waiting for all of them.

#[path = "../e2e/driver.rs"]
#[allow(
    dead_code,
    reason = "shared with the e2e tests, which use the parts this does not"
)]
mod driver;
#[path = "../e2e/next_edition.rs"]
#[allow(
    dead_code,
    reason = "shared with the e2e tests, which use the parts this does not"
)]
mod next_edition;

use std::path::Path;
use std::time::Duration;

use driver::Session;

const SIZES: [(u32, u32); 2] = [(1280, 800), (1024, 640)];

/// A screen: its name, the content view to set, and the address to open.
const SCREENS: [(&str, &str, &str); 24] = [
    ("cases", "", "#/cases"),
    ("directorate", "", "#/cases"),
    ("elements", "", "#/case/1/elements"),
    ("evidence", "", "#/case/1/evidence"),
    ("new-case", "", "#/new-case"),
    ("case", "", "#/case/1"),
    ("walk-through", "", "#/case/1/step/child-guardian"),
    ("history", "", "#/case/1/history"),
    ("export", "", "#/case/1"),
    ("first-run", "", ""),
    ("unlock", "", "#lock"),
    ("search", "", "?الضحيه"),
    ("library", "", "#/chapter/intake/intake-separate"),
    ("side-by-side", "both", "#/chapter/children/child-guardian"),
    ("glossary", "", "#/glossary"),
    ("term", "", "#/chapter/interviewing"),
    ("settings", "", "#/settings"),
    ("sop-update", "", "#/settings"),
    ("training", "", "#/training"),
    ("practice", "", "@practice"),
    ("practice-feedback", "", "@practice"),
    ("what-changed", "", "#/changes"),
    ("case-edition", "", "#/case/1/edition"),
    ("dark", "", "#/chapter/identification"),
];

/// A fictional case, made through the app's own commands: no real person, place or event.
fn fictional_case(app: &Session) {
    app.js(
        "const i = window.__TAURI_INTERNALS__.invoke;\
         return (async () => {\
           const id = await i('case_create', {reference: 'TIP-2026-0042', title: 'مطعم على الطريق السريع', facts: {kind: 'trafficking', child: 'yes', 'foreign-national': 'yes', 'labour-exploitation': 'yes'}});\
           await i('case_step_state', {id, step: 'intake-log-report', value: 'done', reason: null});\
           await i('case_step_state', {id, step: 'intake-assess-danger', value: 'done', reason: null});\
           await i('case_step_state', {id, step: 'intake-safety-questions', value: 'blocked', reason: 'الشخص يتلقى العلاج الآن'});\
           await i('note_commit', {id, step: 'child-guardian', note: null, text: 'أُبلغت دائرة رعاية الأحداث في الساعة 02:10. الشاهد (أ) حاضر.'});\
           await i('exhibit_add', {id, input: {description: 'دفتر ديون العمال، غلاف أزرق، 48 صفحة', kind: 'ledger', seizedAt: '2026-11-30 14:10', seizedWhere: 'مكتب المطعم، الطابق الأول', seizedBy: 'محقق، الوحدة 4', authorisation: 'ق.ت/2026/881', seal: 'S-00417', elements: ['tip-means']}});           await i('custody_add', {id, number: 1, input: {event: 'handover', at: '2026-11-30 16:00', from: 'محقق، الوحدة 4', to: 'أمين المضبوطات', purpose: 'الحفظ في غرفة المضبوطات', sealIntact: true, corrects: null}});           await i('custody_add', {id, number: 1, input: {event: 'to-lab', at: '2026-12-01 09:30', from: 'أمين المضبوطات', to: 'مختبر الأدلة الجنائية', purpose: 'فحص الخط', sealIntact: true, corrects: null}});           await i('element_set', {id, element: 'tip-means', value: 'supported', reason: 'الدفتر يثبت الدين المفروض على العمال'});           await i('case_create', {reference: 'SOM-2026-0007', title: 'Border crossing, vehicle', facts: {kind: 'smuggling'}});\
           return id;\
         })();",
    );
    std::thread::sleep(Duration::from_millis(500));
}

fn main() {
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/screenshots");
    std::fs::create_dir_all(&out).unwrap_or_else(|e| panic!("{e}"));
    let only = std::env::var("DALIL_SCREENSHOTS").unwrap_or_default();
    let wanted = |name: &str, lang: &str| {
        let shot = format!("{name}-{lang}");
        only.is_empty() || only.split(',').any(|p| shot.starts_with(p.trim()))
    };
    for lang in ["ar", "en"] {
        for (name, view, address) in SCREENS {
            if !wanted(name, lang) {
                continue;
            }
            for (w, h) in SIZES {
                let data = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
                let theme = if name == "dark" { "dark" } else { "light" };
                let view = if view.is_empty() { lang } else { view };
                let settings = format!(
                    r#"{{"uiLang":"{lang}","contentView":"{view}","fontSize":18,"theme":"{theme}"}}"#
                );
                std::fs::write(data.path().join("settings.json"), settings)
                    .unwrap_or_else(|e| panic!("{e}"));
                let dir = data.path().to_string_lossy().into_owned();
                let stick = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
                if name == "what-changed" {
                    // The next edition, installed before the app starts.
                    let next = next_edition::next_edition(stick.path());
                    let s = |p: &Path| p.to_string_lossy().into_owned();
                    let args = [
                        "dalil",
                        "--data-dir",
                        &dir,
                        "sop",
                        "install",
                        &s(&next.package),
                    ];
                    let (mut o, mut e) = (Vec::new(), Vec::new());
                    let code =
                        dalil_cli::run_with_lang(dalil_content::Lang::En, args, &mut o, &mut e);
                    assert_eq!(code, 0, "{}", String::from_utf8_lossy(&e));
                }
                let app = if name == "first-run" {
                    Session::start_locked(&[("DALIL_DATA_DIR", &dir)])
                } else {
                    Session::start(&[("DALIL_DATA_DIR", &dir)])
                };
                app.set_window_size(w, h);
                if address.starts_with("#/case") {
                    fictional_case(&app);
                }
                if name == "case-edition" || name == "sop-update" {
                    // The case was opened under the built-in edition; the next one is
                    // installed through the settings' open dialog.
                    let next = next_edition::next_edition(stick.path());
                    app.js("location.hash = '#/settings'; return true;");
                    app.wait_for("#sop-editions li");
                    app.click("#sop-install");
                    let title = dalil_l10n::strip_isolation(
                        &dalil_l10n::Localizer::new(
                            lang.parse().unwrap_or(dalil_content::Lang::Ar),
                        )
                        .get("sop-install-title"),
                    );
                    app.answer_open_dialog(&title, &next.package);
                    app.wait_for("#sop-install-status.install-done");
                }
                if address == "@practice" {
                    // A practice case of the first scenario, started as a trainee would.
                    app.js("location.hash = '#/training'; return true;");
                    app.wait_for(".scenarios li button");
                    app.type_into("#training-trainee", "T-07");
                    app.click(".scenarios li:first-child button");
                    app.wait_for("#practice-facts input");
                    if name == "practice-feedback" {
                        // Two facts declared and two steps marked, one of them wrongly.
                        app.js("document.querySelector('#practice-facts input[name=\"foreign-national\"]').click(); return true;");
                        app.click("#practice-save-facts");
                        app.wait_for(".practice-checklist select[data-step='intake-foreign']");
                        app.js("for (const [s, v] of [['intake-log-report', 'done'], ['intake-separate', 'not-applicable']]) { const e = document.querySelector(`.practice-checklist select[data-step='${s}']`); e.value = v; e.dispatchEvent(new Event('change')); } return true;");
                        std::thread::sleep(Duration::from_millis(400));
                        app.click("#practice-check");
                        app.wait_for(".practice-feedback");
                        app.js("document.querySelector('.practice-feedback').scrollIntoView(); return true;");
                    }
                } else if let Some(query) = address.strip_prefix('?') {
                    app.type_into("#search", query);
                    app.wait_for("#search-results mark");
                } else if address == "#lock" {
                    app.click("#lock-button");
                    app.wait_for("#unlock-form:not([hidden])");
                    app.type_into("#unlock-form input[name='passphrase']", "wrong passphrase");
                    app.click("#unlock-form button[type='submit']");
                    app.wait_for("#unlock-error:not([hidden])");
                } else if !address.is_empty() {
                    app.js(&format!("location.hash = '{address}'; return true;"));
                }
                if name == "export" {
                    // A real export through the save dialog, so the screen shows the path.
                    app.wait_for("details.export summary");
                    app.click("details.export summary");
                    app.click("#export-bundle");
                    let title = dalil_l10n::strip_isolation(
                        &dalil_l10n::Localizer::new(
                            lang.parse().unwrap_or(dalil_content::Lang::Ar),
                        )
                        .get("export-bundle-title"),
                    );
                    app.answer_save_dialog(&title, &data.path().join("TIP-2026-0042.dalil.json"));
                    app.wait_for("details.export .export-saved");
                    app.js(
                        "document.querySelector('details.export').scrollIntoView(); return true;",
                    );
                } else if name == "directorate" {
                    // Both cases chosen and sent to the directorate through the save dialog,
                    // with a directorate key installed in the data folder.
                    let hq = dalil_transfer::DirectorateIdentity::generate();
                    std::fs::write(
                        data.path().join("directorate.pub"),
                        dalil_transfer::key_file_text(&hq.public()),
                    )
                    .unwrap_or_else(|e| panic!("{e}"));
                    app.wait_for("#cases-table input.case-select");
                    app.js("document.querySelectorAll('#cases-table input.case-select').forEach((c) => c.click()); return true;");
                    app.click("#directorate-send");
                    let title = dalil_l10n::strip_isolation(
                        &dalil_l10n::Localizer::new(
                            lang.parse().unwrap_or(dalil_content::Lang::Ar),
                        )
                        .get("directorate-save-title"),
                    );
                    app.answer_save_dialog(
                        &title,
                        &data
                            .path()
                            .join("dalil-transfer-2026-12-04-2.dalil-transfer"),
                    );
                    app.wait_for("#directorate-result.export-saved");
                } else if name == "what-changed" {
                    app.wait_for(".change-group[data-kind='guidance'] ins");
                } else if name == "case-edition" {
                    app.wait_for(".move-group[data-kind='appear'] li");
                } else if name == "sop-update" {
                    app.js("document.getElementById('sop-install-status').scrollIntoView({block: 'end'}); return true;");
                } else if name == "term" {
                    app.wait_for("article.chapter a.term");
                    app.js("document.querySelectorAll('article.chapter a.term')[2].focus(); return true;");
                }
                std::thread::sleep(Duration::from_millis(800));
                let file = out.join(format!("{name}-{lang}-{w}.png"));
                std::fs::write(&file, app.screenshot()).unwrap_or_else(|e| panic!("{e}"));
                println!("{}", file.display());
            }
        }
    }
}
