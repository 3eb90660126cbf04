//! The window's menu bar, in the UI language and laid out in its direction.
//!
//! Every item asks the page for what the side bar already does, through the `dalil-menu`
//! event carrying the item's id: the page owns navigation, and locking must first save the
//! draft being typed, which only the page holds. While the app is locked the page ignores
//! the menu, so it cannot show anything behind the lock screen.

use dalil_content::Lang;
use dalil_l10n::Localizer;
use tauri::menu::{Menu, MenuBuilder, MenuItemBuilder, SubmenuBuilder};
use tauri::{AppHandle, Emitter, Runtime};

/// The event the page listens to.
pub const EVENT: &str = "dalil-menu";

/// An item: its id (what the page receives), its message id, and its shortcut. The shortcuts
/// are the page's own (Ctrl+L locks, Ctrl+K searches); the menu shows them and answers them.
type Item = (&'static str, &'static str, Option<&'static str>);

const FILE: &[Item] = &[
    ("lock", "menu-lock", Some("Ctrl+L")),
    ("backup", "settings-backup", None),
];

const GO: &[Item] = &[
    ("cases", "nav-cases", None),
    ("library", "nav-library", None),
    ("glossary", "nav-glossary", None),
    ("search", "menu-search", Some("Ctrl+K")),
    ("settings", "nav-settings", None),
];

const CONTENT: &[Item] = &[
    ("content-ar", "view-ar", None),
    ("content-en", "view-en", None),
    ("content-both", "menu-view-both", None),
];

const HELP: &[Item] = &[("about", "menu-about", None)];

fn submenu<R: Runtime>(
    app: &AppHandle<R>,
    l10n: &Localizer,
    title: &str,
    items: &[Item],
) -> tauri::Result<tauri::menu::Submenu<R>> {
    let text = |id: &str| dalil_l10n::strip_isolation(&l10n.get(id));
    let mut menu = SubmenuBuilder::new(app, text(title));
    for (id, message, shortcut) in items {
        let mut item = MenuItemBuilder::with_id(*id, text(message));
        if let Some(keys) = shortcut {
            item = item.accelerator(*keys);
        }
        menu = menu.item(&item.build(app)?);
    }
    menu.build()
}

/// Builds the menu bar in `ui_lang`.
fn build<R: Runtime>(app: &AppHandle<R>, ui_lang: Lang) -> tauri::Result<Menu<R>> {
    let l10n = Localizer::new(ui_lang);
    MenuBuilder::new(app)
        .item(&submenu(app, &l10n, "menu-file", FILE)?)
        .item(&submenu(app, &l10n, "menu-go", GO)?)
        .item(&submenu(app, &l10n, "menu-content", CONTENT)?)
        .item(&submenu(app, &l10n, "menu-help", HELP)?)
        .build()
}

/// Puts the menu bar on the app in `ui_lang`, replacing any earlier one. In Arabic the bar
/// reads from the right: GTK lays out new widgets in its default direction, so it is set
/// before the menu is built.
pub fn install<R: Runtime>(app: &AppHandle<R>, ui_lang: &str) -> tauri::Result<()> {
    let lang: Lang = ui_lang.parse().unwrap_or(Lang::Ar);
    #[cfg(target_os = "linux")]
    gtk::Widget::set_default_direction(match lang {
        Lang::Ar => gtk::TextDirection::Rtl,
        Lang::En => gtk::TextDirection::Ltr,
    });
    app.set_menu(build(app, lang)?)?;
    Ok(())
}

/// Passes a chosen item to the page.
pub fn on_event<R: Runtime>(app: &AppHandle<R>, event: &tauri::menu::MenuEvent) {
    let _ = app.emit(EVENT, event.id().0.as_str());
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every message id the menu shows.
    fn message_ids() -> impl Iterator<Item = &'static str> {
        ["menu-file", "menu-go", "menu-content", "menu-help"]
            .into_iter()
            .chain(
                [FILE, GO, CONTENT, HELP]
                    .into_iter()
                    .flatten()
                    .map(|(_, message, _)| *message),
            )
    }

    #[test]
    fn every_menu_label_exists_in_both_languages() {
        for lang in [Lang::Ar, Lang::En] {
            let l10n = Localizer::new(lang);
            for id in message_ids() {
                assert!(l10n.has(id), "{id} is missing in {}", lang.code());
            }
        }
    }

    #[test]
    fn item_ids_are_unique() {
        let mut ids: Vec<&str> = [FILE, GO, CONTENT, HELP]
            .into_iter()
            .flatten()
            .map(|(id, _, _)| *id)
            .collect();
        let n = ids.len();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), n);
    }
}
