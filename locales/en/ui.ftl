## The desktop window. Every string the UI shows comes from here.

app-name = Dalil
nav-library = Library
nav-chapters = Chapters

lang-ar = العربية
lang-en = English
toc-title = In this chapter
chapter-loading = Opening the chapter…
content-problems = The SOP content has problems. Run dalil validate to see them.
error-unknown-chapter = This chapter does not exist.
error-unknown-language = This language is not available.
error-generic = Something went wrong. Nothing was changed.
nav-glossary = Glossary
nav-settings = Settings
content-view-label = How chapters are shown
view-ar = العربية
view-en = English
view-both = AR + EN
glossary-title = Glossary
glossary-filter = Filter the terms
settings-title = Settings
settings-ui-lang = Language of the app
settings-font-size = Text size
settings-theme = Theme
settings-saved = Saved.
font-small = Small
font-medium = Medium
font-large = Large
font-larger = Larger
theme-light = Light
theme-dark = Dark
theme-contrast = High contrast
error-settings-unsaved = The settings could not be saved. Check that the data folder can be written to.
