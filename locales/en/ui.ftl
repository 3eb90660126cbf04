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
settings-digits = Digits in Arabic text
digits-arabic = Arabic-Indic (١٢٣)
digits-latin = Latin (123)
error-settings-unsaved = The settings could not be saved. Check that the data folder can be written to.
create-title = Create your passphrase
create-warning = Your notes are encrypted with this passphrase. If it is lost, nobody can recover them: not the Directorate, not the developers. Write it down and keep it apart from this laptop.
create-passphrase = Passphrase
create-confirm = Type the passphrase again
create-submit = Create
create-mismatch = The two passphrases are not the same.
create-too-short = Use at least 10 characters.
create-exists = A case file already exists here; unlock it instead.
strength-too-short = Too short: use at least 10 characters.
strength-weak = Weak: add words, digits or symbols.
strength-fair = Fair: a longer passphrase would be stronger.
strength-strong = Strong.
unlock-title = Unlock
unlock-passphrase = Passphrase
unlock-submit = Unlock
unlock-wrong-passphrase = Wrong passphrase. Nothing was changed; try again.
unlock-damaged = The case file is damaged. It has been kept as it is, and nothing was deleted. Restore a backup, or ask for help.
unlock-wrong-or-damaged = Either the passphrase is wrong or the case file is damaged; the check file that tells them apart is missing. Nothing was changed.
unlock-change-interrupted = A passphrase change was interrupted. Try the other passphrase, the old or the new one.
unlock-too-new = This case file was written by a newer version of Dalil. Update Dalil to open it.
unlock-no-database = There is no case file here yet.
lock-button = Lock
search-label = Search the SOP
search-placeholder = Search (Ctrl+K)
search-results-label = Search results
search-results-found = Results, best first. Use the arrow keys and Enter to open one.
search-no-results = Nothing matches these words.
search-too-long = The search is too long. Use fewer words.
search-bad-character = The search contains a character that cannot be searched.
search-failed = Search is not available. The SOP can still be read.
settings-auto-lock = Lock after this many idle minutes
settings-mask-titles = Hide case titles in the case list
settings-bad-number = Type a whole number of minutes, from 1 to 240.
settings-data-title = Data
settings-data-dir = Data folder
settings-backup = Back up now
backup-done = The encrypted backup was written to:
settings-change-passphrase = Change the passphrase
settings-old-passphrase = Current passphrase
settings-new-passphrase = New passphrase
settings-change-submit = Change
passphrase-changed = The passphrase was changed.
error-disk-full = The disk is full. Nothing was lost; free some space and try again.
error-read-only = The data folder cannot be written to.
error-data-dir = The data folder cannot be created.
error-locked = Dalil is locked. Unlock it first.
nav-cases = Cases
cases-title = Cases
cases-new = New case
cases-filter = Search the cases
cases-status = Status
cases-status-open = Open
cases-status-closed = Closed
cases-status-all = All
cases-empty = No cases here yet.
cases-more = Show more
cases-col-reference = Reference
cases-col-title = Title
cases-col-kind = Kind
cases-col-progress = Progress
cases-col-changed = Last change
case-kind-trafficking = Trafficking in persons
case-kind-smuggling = Smuggling of migrants
case-kind-both = Trafficking and smuggling
case-kind-undetermined = Not yet determined
new-case-title = New case
new-case-reference = Reference number
new-case-case-title = Case title
new-case-facts = About this case
new-case-facts-hint = Answer what is known now. You can change the answers later, and the checklist follows them.
new-case-submit = Open the case
case-reference-required = Give the case a reference number.
case-duplicate-reference = A case with this reference already exists.
case-not-found = This case does not exist.
case-invalid = This value is not accepted.
case-closed = This case is closed, so it cannot be changed. Reopen it first.
case-closed-label = Closed
case-title-masked = (title hidden)
case-open-label = Open
case-opened = Opened
case-edition = SOP edition
# Variables:
#   $count (Number) - mandatory steps that apply and are still pending
case-pending-mandatory = { $count ->
        [0] No mandatory step is pending.
        [one] One mandatory step is pending.
       *[other] { $count } mandatory steps are pending.
    }
case-walk = Walk through the next step
case-edit-facts = Change the facts
case-history = History
case-close = Close the case
case-reopen = Reopen the case
case-close-question = Close this case? It becomes read-only until it is reopened, and the history records both.
case-close-confirm = Close it
cancel = Cancel
case-hidden-steps = Steps that no longer apply
case-hidden-steps-hint = The facts changed so that these steps are not needed; what was recorded against them is kept.
case-retired-steps = Steps retired from the SOP
case-retired-steps-hint = A newer edition of the SOP removed these steps; what was recorded against them is kept.
facts-title = The facts of the case
facts-save = Save the facts
facts-saved = The facts were saved.
facts-appeared = These steps now apply:
facts-hidden = These steps no longer apply (their notes are kept):
back-to-case = Back to the case
step-state-label = State of the step
step-state-done = Done
step-state-na = Not applicable
step-state-blocked = Blocked
step-state-pending = Pending
step-reason = Reason
step-reason-required = Give a reason for not applicable or blocked.
step-mandatory-pending = Mandatory
step-shown-because = Shown because:
# Variables:
#   $count (Number) - notes tied to the step
step-notes-count = { $count ->
        [one] one note
       *[other] { $count } notes
    }
note-label = Note
note-saving = Saving…
note-saved = Saved.
note-draft-restored = Restored what you were typing; it is saved.
note-edit = Edit
note-revisions = Revisions
note-deleted = (deleted)
walk-prev = Previous
walk-next = Next
walk-next-mandatory = Next mandatory step
# Variables:
#   $count (Number) - entries in the audit log
history-verified = History verified: { $count ->
        [one] one entry
       *[other] { $count } entries
    }; the chain ends at
# Variables:
#   $entry (Number) - the first entry that does not verify
history-broken = The history was altered: it breaks at entry { $entry }.
history-when = When
history-action = Action
history-entity = Item
note-deleted-error = This note was deleted.
export-heading = Export
export-hint = The report is a printable file. The bundle carries the case to the directorate, where it is checked for changes.
export-report-lang = Report language
export-lang-ar = Arabic
export-lang-en = English
export-lang-both = Arabic and English
export-report = Export the report…
export-bundle = Export the bundle…
export-report-title = Save the case report
export-bundle-title = Save the case bundle
export-report-filter = Case report (HTML)
export-bundle-filter = Case bundle (JSON)
export-saved = Saved. The file is here:
export-cancelled = Nothing was exported.
export-write-failed = The file could not be written there. Choose another folder, or check that the drive is not write-protected.
export-chain-broken = The history of the case file is broken. The exported file says so, and the bundle will not verify.
menu-file = File
menu-go = Go
menu-content = Text
menu-help = Help
menu-lock = Lock
menu-search = Search
menu-view-both = Arabic and English side by side
menu-about = About this reference
history-entity-case = The case
# Variables:
#   $id (Number) - the note's number in the case file
history-entity-note = Note { $id }
export-not-recorded = The file was written, but the case's history could not record the export.
history-entity-report = The case report
history-entity-bundle = The case bundle
