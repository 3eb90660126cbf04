//! Localization: every string a user sees comes from `locales/{ar,en}/*.ftl` through here.
//!
//! The files are embedded at build time. Fluent's bidi isolation stays on, so a Latin case
//! number inside an Arabic sentence keeps its own direction; only tests that compare strings
//! strip the isolation marks.
//!
//! Numbers in Arabic text are written in the digits the officer chose ([`Digits`]):
//! Arabic-Indic (٠–٩) unless they asked for Latin. English is always Latin. The choice applies
//! to numbers passed as [`Arg::Num`]; ids, references and places passed as strings are left
//! as they are.

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};

use dalil_content::Diagnostic;
pub use dalil_content::Lang;

/// The embedded Fluent files: language, file name, text.
pub const FILES: &[(Lang, &str, &str)] = &[
    (
        Lang::Ar,
        "cli.ftl",
        include_str!("../../../locales/ar/cli.ftl"),
    ),
    (
        Lang::Ar,
        "content.ftl",
        include_str!("../../../locales/ar/content.ftl"),
    ),
    (
        Lang::Ar,
        "ui.ftl",
        include_str!("../../../locales/ar/ui.ftl"),
    ),
    (
        Lang::Ar,
        "report.ftl",
        include_str!("../../../locales/ar/report.ftl"),
    ),
    (
        Lang::Ar,
        "validate.ftl",
        include_str!("../../../locales/ar/validate.ftl"),
    ),
    (
        Lang::Ar,
        "evidence.ftl",
        include_str!("../../../locales/ar/evidence.ftl"),
    ),
    (
        Lang::Ar,
        "transfer.ftl",
        include_str!("../../../locales/ar/transfer.ftl"),
    ),
    (
        Lang::Ar,
        "update.ftl",
        include_str!("../../../locales/ar/update.ftl"),
    ),
    (
        Lang::Ar,
        "training.ftl",
        include_str!("../../../locales/ar/training.ftl"),
    ),
    (
        Lang::En,
        "cli.ftl",
        include_str!("../../../locales/en/cli.ftl"),
    ),
    (
        Lang::En,
        "content.ftl",
        include_str!("../../../locales/en/content.ftl"),
    ),
    (
        Lang::En,
        "ui.ftl",
        include_str!("../../../locales/en/ui.ftl"),
    ),
    (
        Lang::En,
        "report.ftl",
        include_str!("../../../locales/en/report.ftl"),
    ),
    (
        Lang::En,
        "validate.ftl",
        include_str!("../../../locales/en/validate.ftl"),
    ),
    (
        Lang::En,
        "evidence.ftl",
        include_str!("../../../locales/en/evidence.ftl"),
    ),
    (
        Lang::En,
        "transfer.ftl",
        include_str!("../../../locales/en/transfer.ftl"),
    ),
    (
        Lang::En,
        "update.ftl",
        include_str!("../../../locales/en/update.ftl"),
    ),
    (
        Lang::En,
        "training.ftl",
        include_str!("../../../locales/en/training.ftl"),
    ),
];

/// The ids of the desktop UI's messages: every message in `ui.ftl`, which the shell hands to
/// the UI in one call.
pub fn ui_message_ids() -> Vec<&'static str> {
    let Some((_, _, text)) = FILES
        .iter()
        .find(|(l, f, _)| *l == Lang::En && *f == "ui.ftl")
    else {
        return Vec::new();
    };
    text.lines()
        .filter_map(|line| {
            let (id, _) = line.split_once(" =")?;
            let id = id.trim_end();
            (!id.is_empty()
                && id
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit()))
            .then_some(id)
        })
        .collect()
}

/// The digits numbers are written in when the text is Arabic. English text always uses Latin
/// digits, whatever this says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Digits {
    /// Arabic-Indic digits (٠١٢٣٤٥٦٧٨٩), as Iraqi official documents use: the default.
    #[default]
    Arabic,
    /// Latin digits (0123456789).
    Latin,
}

impl Digits {
    /// The choice from its name in the settings file and `DALIL_DIGITS`: `arabic` or `latin`.
    pub fn parse(s: &str) -> Option<Digits> {
        match s {
            "arabic" => Some(Digits::Arabic),
            "latin" => Some(Digits::Latin),
            _ => None,
        }
    }

    /// Its name, as [`Digits::parse`] reads it.
    pub fn as_str(self) -> &'static str {
        match self {
            Digits::Arabic => "arabic",
            Digits::Latin => "latin",
        }
    }

    /// The digits text in `lang` is written in: Latin in English, this choice in Arabic.
    pub fn in_lang(self, lang: Lang) -> Digits {
        match lang {
            Lang::Ar => self,
            Lang::En => Digits::Latin,
        }
    }

    /// Writes the ASCII digits of `s` in these digits; every other character is unchanged.
    pub fn apply(self, s: &str) -> String {
        match self {
            Digits::Latin => s.to_owned(),
            Digits::Arabic => s
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) if c.is_ascii_digit() => char::from_u32(0x0660 + d).unwrap_or(c),
                    _ => c,
                })
                .collect(),
        }
    }
}

/// Fluent's formatter for numbers in Arabic-Indic digits. Plural selection is not affected:
/// it reads the number, not its text.
fn arabic_indic_number<M>(value: &FluentValue<'_>, _intls: &M) -> Option<String> {
    match value {
        FluentValue::Number(n) => Some(Digits::Arabic.apply(&n.as_string())),
        _ => None,
    }
}

/// The messages of one language.
pub struct Localizer {
    lang: Lang,
    /// The choice for Arabic text; English ignores it.
    digits: Digits,
    bundle: FluentBundle<FluentResource>,
}

impl std::fmt::Debug for Localizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Localizer")
            .field("lang", &self.lang)
            .field("digits", &self.digits)
            .finish()
    }
}

impl Localizer {
    /// Loads the embedded messages of `lang`, with numbers in the default digits (Arabic-Indic
    /// in Arabic).
    pub fn new(lang: Lang) -> Self {
        Localizer::with_digits(lang, Digits::default())
    }

    /// Loads the embedded messages of `lang`, with numbers in Arabic text written in `digits`.
    /// The files are checked by the test suite, so a message that fails to parse here is a
    /// build defect; it is skipped rather than fatal.
    pub fn with_digits(lang: Lang, digits: Digits) -> Self {
        let langid = match lang {
            Lang::Ar => unic_langid::langid!("ar"),
            Lang::En => unic_langid::langid!("en"),
        };
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        if digits.in_lang(lang) == Digits::Arabic {
            bundle.set_formatter(Some(arabic_indic_number));
        }
        // `PLURAL($n)` selects the CLDR category of `n` in this language. The Arabic files
        // select on it rather than on the number itself: intl_pluralrules 7.0.2, which
        // fluent-bundle uses, takes Arabic's "few" and "many" from the integer instead of
        // the integer mod 100, so 103 came out "other" (103 خطوة instead of 103 خطوات).
        let _ = bundle.add_function("PLURAL", move |positional, _named| {
            match positional.first() {
                Some(FluentValue::Number(n)) => FluentValue::from(plural_category(lang, n.value)),
                Some(other) => other.clone(),
                None => FluentValue::Error,
            }
        });
        for (l, _, text) in FILES {
            if *l == lang {
                let resource =
                    FluentResource::try_new((*text).to_owned()).unwrap_or_else(|(r, _)| r);
                // Duplicate ids are reported by the lint; keep the first one.
                let _ = bundle.add_resource(resource);
            }
        }
        Localizer {
            lang,
            digits,
            bundle,
        }
    }

    /// The language of these messages.
    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The digits numbers are written in: the choice in Arabic, always Latin in English.
    pub fn digits(&self) -> Digits {
        self.digits.in_lang(self.lang)
    }

    /// The digits chosen for Arabic text, whatever this localizer's language: what a
    /// localizer of the other language made from the same settings would use.
    pub fn arabic_digits(&self) -> Digits {
        self.digits
    }

    /// A count as it is written in these messages' text.
    pub fn number(&self, n: u64) -> String {
        self.digits().apply(&n.to_string())
    }

    /// A message without arguments. An unknown id comes back as the id itself, so a missing
    /// translation is visible rather than silent; the lint keeps that from shipping.
    pub fn get(&self, id: &str) -> String {
        self.format(id, &[])
    }

    /// A message with arguments. Numbers must be passed as numbers, so that Arabic's six
    /// plural categories come out right.
    pub fn format(&self, id: &str, args: &[(&str, Arg<'_>)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return id.to_owned();
        };
        let mut fargs = FluentArgs::new();
        for (name, value) in args {
            let v: FluentValue<'_> = match value {
                Arg::Str(s) => (*s).into(),
                Arg::Num(n) => (*n).into(),
            };
            fargs.set(*name, v);
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fargs), &mut errors)
            .into_owned()
    }

    /// What an audit action (`case.create`, `step.set`...) did, in words; an action this
    /// version does not know is shown as its identifier.
    pub fn audit_action(&self, action: &str) -> String {
        let id = format!("audit-action-{}", action.replace('.', "-"));
        if self.has(&id) {
            self.get(&id)
        } else {
            action.to_owned()
        }
    }

    /// Whether the message exists.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// A validator diagnostic's message in this language, from its message id and arguments.
    /// A diagnostic whose id has no message keeps its English sentence, so nothing is lost
    /// if the content crate runs ahead of the `.ftl` files; the lint keeps that from shipping.
    pub fn diagnostic(&self, d: &Diagnostic) -> String {
        if !self.has(d.message_id) {
            return d.message.clone();
        }
        let args: Vec<(&str, Arg<'_>)> = d
            .args
            .iter()
            .map(|(name, value)| (*name, Arg::Str(value)))
            .collect();
        self.format(d.message_id, &args)
    }

    /// The labels the renderer puts around chapter content.
    pub fn render_labels(&self) -> dalil_content::render::Labels {
        dalil_content::render::Labels {
            applies_when: self.get("step-applies-when"),
            every_case: self.get("step-every-case"),
            mandatory: self.get("step-mandatory"),
            advisory: self.get("step-advisory"),
            basis: self.get("step-basis"),
            and: self.get("condition-and"),
            or: self.get("condition-or"),
            not: self.get("condition-not"),
        }
    }
}

/// A message argument.
#[derive(Debug, Clone, Copy)]
pub enum Arg<'a> {
    /// A string.
    Str(&'a str),
    /// A number: plural rules apply.
    Num(f64),
}

/// Removes Fluent's bidi isolation marks (U+2068, U+2069). For tests that compare strings only.
pub fn strip_isolation(s: &str) -> String {
    s.chars()
        .filter(|c| !matches!(c, '\u{2068}' | '\u{2069}'))
        .collect()
}

/// The CLDR cardinal plural category of `n`: Arabic's six, English's two.
pub fn plural_category(lang: Lang, n: f64) -> &'static str {
    let whole = n.fract() == 0.0;
    match lang {
        Lang::En if n == 1.0 => "one",
        Lang::En => "other",
        Lang::Ar => {
            // CLDR: zero n = 0; one n = 1; two n = 2; few n % 100 = 3..10;
            // many n % 100 = 11..99; other everything else (fractions included).
            let hundred = n.abs() % 100.0;
            if n == 0.0 {
                "zero"
            } else if n == 1.0 {
                "one"
            } else if n == 2.0 {
                "two"
            } else if whole && (3.0..=10.0).contains(&hundred) {
                "few"
            } else if whole && (11.0..=99.0).contains(&hundred) {
                "many"
            } else {
                "other"
            }
        }
    }
}

/// The language of a command-line tool's own messages (`dalil`, `dalil-hq`): Arabic when `DALIL_LANG`, `LC_ALL` or `LANG`
/// asks for it, English otherwise (terminals rarely shape Arabic well).
pub fn message_lang() -> Lang {
    for var in ["DALIL_LANG", "LC_ALL", "LANG"] {
        if let Ok(v) = std::env::var(var) {
            if !v.is_empty() {
                return if v.starts_with("ar") {
                    Lang::Ar
                } else {
                    Lang::En
                };
            }
        }
    }
    Lang::En
}

/// The digits of numbers in Arabic text: Latin when `DALIL_DIGITS` is `latin`, Arabic-Indic
/// otherwise (as Iraqi official documents write them). English text is always in Latin digits.
pub fn message_digits() -> Digits {
    std::env::var("DALIL_DIGITS")
        .ok()
        .and_then(|v| Digits::parse(v.trim()))
        .unwrap_or_default()
}
