//! The user's settings, kept as JSON in the data folder.
//!
//! They hold no case data: languages, digits, font size, theme and the window's place. A settings
//! file that cannot be read is set aside (renamed, never deleted) and the defaults are used.

use std::path::{Path, PathBuf};

use dalil_l10n::Digits;
use serde::{Deserialize, Serialize};

/// The settings the UI can change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
pub struct Settings {
    /// The language of the app's own text: `ar` or `en`.
    pub ui_lang: String,
    /// How chapters are shown: `ar`, `en` or `both` (side by side).
    pub content_view: String,
    /// The base font size in CSS pixels.
    pub font_size: u8,
    /// `light`, `dark` or `contrast`.
    pub theme: String,
    /// Minutes without input after which the app locks itself.
    pub auto_lock_minutes: u16,
    /// Whether the case list hides case titles (for screens others can see); references,
    /// kinds and progress stay visible.
    pub mask_titles: bool,
    /// The digits of numbers in Arabic text: `arabic` (Arabic-Indic, the default, as Iraqi
    /// official documents use) or `latin`. English text is always in Latin digits.
    pub digits: String,
    /// The window's size and place, remembered between runs.
    pub window: Option<WindowRect>,
}

/// The window's outer position and inner size, in physical pixels.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct WindowRect {
    /// Left edge.
    pub x: i32,
    /// Top edge.
    pub y: i32,
    /// Width.
    pub width: u32,
    /// Height.
    pub height: u32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            ui_lang: "ar".into(),
            content_view: "ar".into(),
            font_size: 18,
            theme: "light".into(),
            auto_lock_minutes: 10,
            mask_titles: false,
            digits: Digits::default().as_str().into(),
            window: None,
        }
    }
}

impl Settings {
    /// Keeps every field within what the UI offers, so a hand-edited file cannot break it.
    pub fn sanitized(mut self) -> Self {
        let d = Settings::default();
        if !matches!(self.ui_lang.as_str(), "ar" | "en") {
            self.ui_lang = d.ui_lang;
        }
        if !matches!(self.content_view.as_str(), "ar" | "en" | "both") {
            self.content_view = d.content_view;
        }
        self.font_size = self.font_size.clamp(14, 28);
        if !matches!(self.theme.as_str(), "light" | "dark" | "contrast") {
            self.theme = d.theme;
        }
        self.auto_lock_minutes = self.auto_lock_minutes.clamp(1, 240);
        if Digits::parse(&self.digits).is_none() {
            self.digits = d.digits;
        }
        self
    }

    /// The digits chosen for Arabic text.
    pub fn digits(&self) -> Digits {
        Digits::parse(&self.digits).unwrap_or_default()
    }
}

fn file(dir: &Path) -> PathBuf {
    dir.join("settings.json")
}

/// Reads the settings, or the defaults when there are none yet.
pub fn load(dir: &Path) -> Settings {
    let path = file(dir);
    match std::fs::read(&path) {
        Ok(bytes) => match serde_json::from_slice::<Settings>(&bytes) {
            Ok(s) => s.sanitized(),
            Err(_) => {
                // Keep the unreadable file for inspection rather than overwrite it.
                let _ = std::fs::rename(&path, dir.join("settings.json.unreadable"));
                Settings::default()
            }
        },
        Err(_) => Settings::default(),
    }
}

/// Writes the settings atomically: a temporary file, then a rename.
pub fn save(dir: &Path, settings: &Settings) -> std::io::Result<()> {
    private_dir(dir)?;
    let tmp = dir.join("settings.json.tmp");
    let bytes = serde_json::to_vec_pretty(settings).map_err(std::io::Error::other)?;
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, file(dir))
}

/// Creates a folder of the data folder (and the data folder itself, when it is missing)
/// private to the user, as the case store creates it: whichever of the settings, the index
/// cache or the store comes first, the data folder is never left readable by others.
pub fn private_dir(dir: &Path) -> std::io::Result<()> {
    dalil_store::create_private_dir(dir).map_err(std::io::Error::other)
}

#[cfg(test)]
mod tests {
    use std::os::unix::fs::PermissionsExt;

    /// Saving the settings (or the index cache) before the case file exists makes the data
    /// folder private, as the store would.
    #[test]
    fn the_data_folder_is_made_private_by_whoever_makes_it_first() {
        let root = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let data = root.path().join("share").join("dalil");
        super::save(&data, &super::Settings::default()).unwrap_or_else(|e| panic!("{e}"));
        super::private_dir(&data.join("cache")).unwrap_or_else(|e| panic!("{e}"));
        for dir in [root.path().join("share"), data.clone(), data.join("cache")] {
            let mode = std::fs::metadata(&dir)
                .unwrap_or_else(|e| panic!("{e}"))
                .permissions()
                .mode();
            assert_eq!(mode & 0o077, 0, "{} is {mode:o}", dir.display());
        }
    }
}
