## The desktop window. Every string the UI shows comes from here.

app-name = Dalil
nav-library = Library
nav-chapters = Chapters
lang-switch-label = Content language
lang-ar = العربية
lang-en = English
toc-title = In this chapter
chapter-loading = Opening the chapter…
content-problems = The SOP content has problems. Run dalil validate to see them.
error-unknown-chapter = This chapter does not exist.
error-unknown-language = This language is not available.
error-generic = Something went wrong. Nothing was changed.
