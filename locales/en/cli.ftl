## Messages of the `dalil` command-line tool.

# Variables:
#   $chapters (Number) - how many chapters the SOP has
#   $steps (Number) - how many steps the SOP has
cli-validate-clean = The SOP is valid: { $chapters ->
        [one] one chapter
       *[other] { $chapters } chapters
    }, { $steps ->
        [one] one step
       *[other] { $steps } steps
    }.

# Variables:
#   $scenarios (Number) - how many training scenarios the SOP has
cli-validate-scenarios = Training scenarios checked against the checklist: { $scenarios }.

# Variables:
#   $count (Number) - how many problems were found
cli-validate-problems = { $count ->
        [one] Found one problem in the SOP.
       *[other] Found { $count } problems in the SOP.
    }

# Variables:
#   $count (Number) - how many warnings were found
cli-validate-warnings = { $count ->
        [one] One warning: the text departs from the house style in one place. Warnings do not fail validation.
       *[other] { $count } warnings: the text departs from the house style in { $count } places. Warnings do not fail validation.
    }

# Variables:
#   $count (Number) - how many problems were found
cli-content-has-problems = { $count ->
        [one] The SOP content has one problem.
       *[other] The SOP content has { $count } problems.
    } Run `dalil validate` to see them.

# Variables:
#   $reason (String) - why the folder could not be read
cli-content-unreadable = Cannot read the content folder: { $reason }

# Variables:
#   $id (String) - the chapter id that was asked for
cli-unknown-chapter = There is no chapter `{ $id }`. Run `dalil chapters` to list them.

# Variables:
#   $reason (String) - what is wrong with the facts
cli-bad-facts = The facts cannot be used: { $reason }.

# Variables:
#   $reasons (String) - the facts that make the step apply, joined
cli-step-because = shown because: { $reasons }

cli-step-every-case = every case
cli-step-advisory = advisory

# Variables:
#   $count (Number) - how many steps apply
#   $required (Number) - how many of them are mandatory
cli-steps-summary = { $count ->
        [one] One step applies
       *[other] { $count } steps apply
    }, { $required } of them mandatory.

# Variables:
#   $count (Number) - how many steps the chapter has
cli-chapter-steps = { $count ->
        [one] one step
       *[other] { $count } steps
    }

# Variables:
#   $reason (String) - the system's description of the failure
cli-write-failed = Cannot write the output: { $reason }

## `dalil search`

# Variables:
#   $count (Number) - how many results were found
#   $chapters (Number) - in how many chapters
cli-search-summary = { $count ->
        [one] One result
       *[other] { $count } results
    } in { $chapters ->
        [one] one chapter
       *[other] { $chapters } chapters
    }.

cli-search-no-results = No results. Try fewer words, or the other language.

# The label of a result in a chapter's own text (its introduction or a section that is not a step).
cli-search-chapter-text = (chapter text)

# Variables:
#   $names (String) - the glossary term's names, Arabic and English
cli-search-glossary-term = Also searched the glossary term: { $names }

# Variables:
#   $max (Number) - the longest query accepted, in characters
cli-search-query-too-long = The query is too long: at most { $max ->
        [one] one character
       *[other] { $max } characters
    }.

# Variables:
#   $max (Number) - the most words a query may have
cli-search-too-many-words = The query has too many words: at most { $max ->
        [one] one word
       *[other] { $max } words
    }.

cli-search-control-character = The query holds a control character; type text only.

# Variables:
#   $reason (String) - the system's description of the failure
cli-search-failed = The search failed: { $reason }

## The case file: `dalil case`, `step`, `note`, `history`, `audit`, `backup`, `restore`,
## `passphrase`, and `search --notes`. Messages name ids and codes at most: never a note,
## a title, a reference or a name, except where the officer asked to see the case.

# Variables:
#   $path (String) - the case file that was created
cli-store-created = Created a new encrypted case file: { $path }

cli-passphrase-prompt = Passphrase:
cli-passphrase-prompt-new = New passphrase:
cli-passphrase-prompt-again = Type the new passphrase again:
cli-passphrase-mismatch = The two passphrases differ. Nothing was changed.
cli-passphrase-empty = The passphrase is empty.
cli-passphrase-no-terminal = Cannot ask for the passphrase: there is no terminal. Use `--passphrase-file FILE` (or DALIL_PASSPHRASE_FILE).

# Variables:
#   $reason (String) - the system's description of the failure
cli-passphrase-file-unreadable = Cannot read the passphrase: { $reason }

cli-passphrase-changed = The passphrase was changed. Use the new one from now on; backups made before keep the old one.

## Store errors, by the store's error code.

cli-store-wrong-passphrase = The passphrase is wrong. The case file was not changed.
cli-store-damaged = The case file is damaged: the passphrase is right, but the file does not read back as it was written. It was not deleted or changed. Keep it, and restore a backup with `dalil restore`.
cli-store-wrong-passphrase-or-damaged = The case file does not open: either the passphrase is wrong or the file is damaged, and its key check file is missing, so Dalil cannot tell which. The file was not changed.
cli-store-passphrase-change-interrupted = A passphrase change was interrupted. This passphrase is one of the two; the file opens with the other one.

# Variables:
#   $found (String) - the schema version of the file
#   $supported (String) - the newest schema version this Dalil knows
cli-store-too-new = The case file was written by a newer version of Dalil (schema { $found }; this version knows up to { $supported }). It was left untouched: update Dalil.

cli-store-no-database = There is no case file there.
cli-store-already-exists = A file is already there, and Dalil never overwrites one. Choose another name.
cli-store-disk-full = The disk is full. Nothing was saved; free some space and try again.
cli-store-read-only = The case file or its folder is read-only. Nothing was saved.
cli-store-permission-denied = Permission denied: the case file or its folder cannot be used by this user.
cli-store-busy = The case file is in use by another program (the Dalil app?). Close it and try again.
cli-store-no-data-dir = There is no data folder: set DALIL_DATA_DIR or use `--data-dir DIR`.

# Variables:
#   $reason (String) - the system's description of the failure
cli-store-folder-unusable = Cannot use the data folder: { $reason }

# Variables:
#   $id (String) - the id that was looked for
cli-store-not-found = Nothing has the id { $id }.

# Variables:
#   $field (String) - the name of the field, such as "title" or "text"
cli-store-invalid = The { $field } is empty or not valid.

# Variables:
#   $op (String) - what the store was doing
#   $kind (String) - the kind of the system's error
cli-store-io = Input/output error while the store was doing { $op } ({ $kind }). The case file was not changed.

# Variables:
#   $code (String) - the store's error code
cli-store-failed = The case file could not be used (error { $code }).

## Cases

cli-case-not-found = No case has this reference or id. Run `dalil case list` to see them.
cli-case-closed = This case is closed and takes no changes. Reopen it first with `dalil case reopen`.
cli-case-not-closed = This case is open, so it cannot be reopened.
cli-case-duplicate-reference = Another case already has this reference.

# Variables:
#   $reference (String) - the case's reference
#   $id (String) - the case's internal id
cli-case-created = Opened case { $reference } (id { $id }).

# Variables:
#   $reference (String) - the case's reference
cli-case-closed-done = Closed case { $reference }. It takes no changes until it is reopened.

# Variables:
#   $reference (String) - the case's reference
cli-case-reopened = Reopened case { $reference }.

# Variables:
#   $count (Number) - how many cases are listed
cli-case-list-summary = { $count ->
        [0] No cases.
        [one] One case.
       *[other] { $count } cases.
    }

cli-case-status-open = open
cli-case-status-closed = closed
cli-case-kind-trafficking = trafficking
cli-case-kind-smuggling = smuggling
cli-case-kind-both = trafficking and smuggling
cli-case-kind-undetermined = not yet determined

# Variables:
#   $id (String) - the case's internal id
#   $status (String) - open or closed, in words
#   $kind (String) - the case kind, in words
#   $edition (String) - the SOP edition the case was opened under
#   $opened (String) - when the case was opened
#   $changed (String) - when the case last changed
cli-case-header = id { $id } · { $status } · { $kind } · SOP { $edition } · opened { $opened } · last change { $changed }

# Variables:
#   $case (String) - the SOP edition the case was opened under
#   $current (String) - the SOP edition shown now
cli-case-other-edition = The case was opened under SOP { $case }; the checklist below follows SOP { $current }.

cli-case-facts-heading = Facts
cli-case-no-facts = No facts recorded yet. Set them with `dalil case facts`.
cli-case-hidden-heading = Hidden: steps that no longer apply to the facts, kept with what was recorded
cli-case-retired-heading = Retired: steps that this SOP edition no longer has, kept with what was recorded
cli-case-notes-heading = Notes on the case

## Facts

# Variables:
#   $value (String) - the value given for the fact `kind`
cli-fact-kind-unknown = `{ $value }` is not a case kind Dalil knows, so the case kind cannot follow it.

# Variables:
#   $reference (String) - the case's reference
#   $count (Number) - how many facts were given
cli-facts-saved = { $count ->
        [one] Saved one fact of case { $reference }.
       *[other] Saved { $count } facts of case { $reference }.
    }

cli-facts-checklist-unchanged = The checklist did not change.

# Variables:
#   $count (Number) - how many steps now appear
cli-facts-steps-shown = { $count ->
        [one] One step now appears:
       *[other] { $count } steps now appear:
    }

# Variables:
#   $count (Number) - how many steps are now hidden
cli-facts-steps-hidden = { $count ->
        [one] One step is now hidden (its state and notes are kept):
       *[other] { $count } steps are now hidden (their states and notes are kept):
    }

## Steps

cli-step-state-pending = pending
cli-step-state-done = done
cli-step-state-not-applicable = not applicable
cli-step-state-blocked = blocked
cli-step-reason-required = A step marked not applicable or blocked needs a reason: add `--reason "…"`.
cli-step-reason-not-allowed = Only a step marked not applicable or blocked takes a reason.

# Variables:
#   $id (String) - the step id that was given
cli-step-unknown = There is no step `{ $id }` in this SOP. Run `dalil case show` to see the steps of a case.

# Variables:
#   $id (String) - the step id
cli-step-not-shown = Note: step { $id } does not apply to this case with its current facts; its state was saved anyway.

# Variables:
#   $id (String) - the step id
#   $reference (String) - the case's reference
#   $state (String) - the new state, in words
cli-step-set = Step { $id } of case { $reference }: { $state }.

# Variables:
#   $reason (String) - why the step is not applicable or blocked
cli-step-reason-line = reason: { $reason }

# Variables:
#   $time (String) - when the state was set
cli-step-updated-line = set { $time }

## Notes

cli-note-bad-id = A note id is a number, as `dalil note list` shows it.

# Variables:
#   $id (String) - the note id
cli-note-not-found = There is no note { $id }.

# Variables:
#   $id (String) - the note id
cli-note-deleted = Note { $id } is deleted; it can no longer be changed. `dalil note revisions` shows its history.

cli-note-stdin-taken = Standard input already carries the passphrase: give the note with `--text` or `--file`.

# Variables:
#   $reason (String) - the system's description of the failure
cli-note-file-unreadable = Cannot read the note's text: { $reason }

# Variables:
#   $id (String) - the note id
#   $reference (String) - the case's reference
cli-note-added = Added note { $id } to case { $reference }.

# Variables:
#   $id (String) - the note id
#   $revision (String) - the note's new revision number
cli-note-edited = Saved note { $id } as revision { $revision }; earlier revisions are kept.

# Variables:
#   $id (String) - the note id
cli-note-deleted-done = Deleted note { $id }. Its revisions are kept in its history.

# Variables:
#   $id (String) - the note id
#   $revision (String) - the note's revision number
#   $time (String) - when the revision was written
cli-note-heading = note { $id }, revision { $revision }, { $time }

# Variables:
#   $id (String) - the note id
cli-note-id = note { $id }

cli-note-on-case = (the case itself)

# Variables:
#   $count (Number) - how many notes the case has
cli-note-list-summary = { $count ->
        [0] No notes.
        [one] One note.
       *[other] { $count } notes.
    }

# Variables:
#   $revision (String) - the revision number
#   $time (String) - when it was written
cli-note-revision-heading = revision { $revision }, { $time }

cli-note-revision-deleted = (deleted)

## History and audit

audit-action-store-create = case file created
audit-action-store-migrate = case file upgraded
audit-action-store-passphrase-change = passphrase changed
audit-action-case-create = case opened
audit-action-case-close = case closed
audit-action-case-reopen = case reopened
audit-action-case-set-kind = case kind set
audit-action-case-export = case exported
audit-action-case-set-edition = case pinned to another SOP edition
audit-action-fact-set = fact set
audit-action-fact-remove = fact removed
audit-action-step-set = step state set
audit-action-note-add = note added
audit-action-note-edit = note edited
audit-action-note-delete = note deleted
audit-action-draft-save = draft saved
audit-action-draft-discard = draft discarded

# Variables:
#   $count (Number) - how many audit entries the case has
cli-history-summary = { $count ->
        [one] One audit entry.
       *[other] { $count } audit entries.
    }

# Variables:
#   $count (Number) - how many entries the audit log has
#   $head (String) - the hash of the last entry, in hex
cli-audit-verified = The audit log is verified: { $count ->
        [one] one entry
       *[other] { $count } entries
    }, head { $head }.

# Variables:
#   $seq (String) - the number of the first entry that does not verify
#   $kind (String) - what is wrong: modified, missing, truncated, extra, head-mismatch or record-changed
cli-audit-broken = The audit log is broken at entry { $seq } ({ $kind ->
        [modified] the entry was changed
        [missing] the entry is missing
        [truncated] the log ends early
        [extra] an entry was added after the end
        [record-changed] an exhibit, a custody entry or an attached file differs from what this entry recorded
       *[other] the last entry does not match the recorded head
    }).

## Backup and restore

# Variables:
#   $path (String) - the backup file
#   $count (Number) - how many audit entries the copy holds
#   $head (String) - the hash of its last audit entry, in hex
cli-backup-written = Wrote the encrypted backup { $path } ({ $count ->
        [one] one audit entry
       *[other] { $count } audit entries
    }, head { $head }). It opens with the same passphrase.

# Variables:
#   $path (String) - the backup that was restored
#   $count (Number) - how many audit entries it holds
#   $head (String) - the hash of its last audit entry, in hex
cli-restore-done = Checked and restored { $path } ({ $count ->
        [one] one audit entry
       *[other] { $count } audit entries
    }, head { $head }).

# Variables:
#   $path (String) - where the replaced case file is kept
cli-restore-kept-previous = The case file it replaced is kept as { $path }.

## `dalil search --notes`

cli-search-notes-none = No notes match. Try fewer words.

# Variables:
#   $count (Number) - how many notes match
cli-search-notes-summary = { $count ->
        [one] One note matches.
       *[other] { $count } notes match.
    }
