## The case report (`dalil export --format html`), the case bundle (`dalil export --format
## bundle`) and `dalil verify`.

## Dates. The report writes dates itself: Fluent's DATETIME is not available here.

report-month-january = January
report-month-february = February
report-month-march = March
report-month-april = April
report-month-may = May
report-month-june = June
report-month-july = July
report-month-august = August
report-month-september = September
report-month-october = October
report-month-november = November
report-month-december = December

# Variables:
#   $day (String) - the day of the month, in the report's digits
#   $month (String) - the month's name
#   $year (String) - the year, in the report's digits
report-date = { $day } { $month } { $year }

# Variables:
#   $date (String) - the date in words
#   $time (String) - the time of day, hours and minutes
report-date-time = { $date }, { $time } UTC

## The report.

# Variables:
#   $reference (String) - the case's reference
report-document-title = Case report { $reference }

# Variables:
#   $page (String) - the page number, put in by the printer
#   $pages (String) - the number of pages, put in by the printer
report-page-of = Page { $page } of { $pages }

report-sop-status = Status of the SOP text:
report-heading = Case report
report-generated = Report made on
report-reference = Reference
report-case-title = Title
report-kind = Kind of case
report-kind-trafficking = Trafficking in persons
report-kind-smuggling = Smuggling of migrants
report-kind-both = Both trafficking and smuggling
report-kind-undetermined = Not yet determined
report-status = Status
report-status-open = Open
report-status-closed = Closed
report-opened = Opened
report-closed = Closed on
report-last-change = Last change
report-case-edition = SOP edition of the case
report-current-edition = SOP edition of this report
report-edition-differs = The case was opened under another edition; the checklist below follows the edition of this report.

report-facts = Facts of the case
report-fact-question = Question
report-fact-answer = Answer
report-fact-answered = Answered
report-facts-unanswered = Not answered yet (a yes-no question not answered counts as “no”):
report-answer-yes = Yes
report-answer-no = No

report-checklist = Checklist
report-checklist-empty = No step of the SOP applies to this case.
report-checklist-legend = The steps that apply to the case with its current facts, by phase. A step is mandatory and applies to every case unless it says otherwise; a step with nothing recorded is pending.
report-state-pending = Pending
report-state-done = Done
report-state-not-applicable = Not applicable
report-state-blocked = Blocked
report-step-advisory = Advisory

# Variables:
#   $reasons (String) - the facts that make the step apply, joined
report-step-because = Applies because: { $reasons }

report-step-reason = Reason
report-step-recorded = Recorded
report-notes = Notes
report-note-written = Written

# Variables:
#   $revision (String) - the number of the note's current revision
report-note-edited = Edited (revision { $revision })

report-case-notes = Notes on the case
report-no-case-notes = No notes on the case as a whole.
report-hidden = Steps that no longer apply
report-hidden-intro = These steps do not apply to the case with its current facts, but something was recorded against them. It is kept here.
report-retired = Retired steps
report-retired-intro = These steps are not in the SOP edition of this report. What was recorded against them is kept here.
report-retired-title = Step not in this SOP edition

report-audit = Audit log
report-audit-intact = The audit chain verified when this report was made.

# Variables:
#   $seq (String) - the number of the first entry that does not verify
report-audit-broken = The audit chain did NOT verify when this report was made: entry { $seq } is the first that fails.

report-audit-length = Entries in the chain
report-audit-head = Head of the chain (hash of the last entry)
report-audit-case-entries = Entries for this case
report-audit-last-case-entry = Last entry for this case
report-audit-how = To check the chain, run this command on the computer that holds the case file:
report-audit-how-after = It checks every entry of the chain and shows how many there are and the hash of the last one. If nothing was changed since this report, they are the ones above; if work went on, the chain is longer and goes on from the head above.

## The `dalil export` and `dalil verify` commands.

# Variables:
#   $path (String) - the file written
report-cli-written = Wrote { $path }.

report-cli-not-recorded = The file was written, but the case's history could not record the export.

report-cli-chain-broken = Warning: the audit chain of the case file does not verify. The export says so.

# Variables:
#   $reference (String) - the case's reference
#   $entries (Number) - how many audit entries of the case the bundle holds
#   $length (Number) - the length of the store's audit chain when the bundle was written
#   $head (String) - the head hash of that chain
bundle-verify-intact = The bundle is intact: case { $reference }, { $entries ->
        [one] one audit entry
       *[other] { $entries } audit entries
    }, written when the audit chain had { $length } entries and ended at { $head }.

bundle-verify-altered = The bundle was altered:

# Variables:
#   $reason (String) - why the file could not be read
bundle-unreadable-io = Cannot read the file: { $reason }

bundle-unreadable-not-a-bundle = The file is not a Dalil case bundle.

# Variables:
#   $version (Number) - the format version the file names
bundle-unreadable-version = The bundle is of format version { $version }, which this version of Dalil does not read.

# Variables:
#   $scheme (String) - the encryption the file names
bundle-unreadable-encrypted = The bundle is encrypted ({ $scheme }), which this version of Dalil does not read.

# Variables:
#   $line (Number) - the line of the problem
#   $column (Number) - the column of the problem
#   $part (String) - the part of the bundle the problem is in
bundle-finding-syntax-in = The file no longer parses: line { $line }, column { $column }, in the part “{ $part }”.

# Variables:
#   $line (Number) - the line of the problem
#   $column (Number) - the column of the problem
bundle-finding-syntax = The file no longer parses: line { $line }, column { $column }.

bundle-finding-manifest = The manifest (the list of parts and their checksums) or its checksum was changed.
bundle-finding-envelope = The text around the manifest and the parts was changed.

# Variables:
#   $part (String) - the part's name
bundle-finding-part-altered = The part “{ $part }” was changed: its checksum does not match the manifest.

# Variables:
#   $part (String) - the part's name
bundle-finding-part-missing = The part “{ $part }” is missing.

# Variables:
#   $part (String) - the part's name
bundle-finding-part-unexpected = The part “{ $part }” is not listed in the manifest.

# Variables:
#   $part (String) - the part's name
bundle-finding-part-invalid = The part “{ $part }” matches its checksum but does not follow the format.

# Variables:
#   $seq (Number) - the entry's number
bundle-finding-audit-entry = Audit entry { $seq } was changed: its hash does not follow from its content.

# Variables:
#   $seq (Number) - the entry's number
bundle-finding-audit-link = Audit entry { $seq } is not linked to the entry before it.

bundle-finding-audit-head = The chain head in the manifest does not agree with the audit entries.

# Variables:
#   $part (String) - the part's name
#   $item (String) - the case, fact, step or note id that disagrees
bundle-finding-disagrees = In the part “{ $part }”, “{ $item }” does not match what the audit log recorded.

## The element matrix and the evidence register.

report-elements = Offence elements
report-elements-intro = Each element of each offence that concerns the case, whether this case must prove it, the officer's assessment, and what supports it. A gap is a required element with nothing linked to it yet.
report-element = Element
report-element-state = Assessment
report-element-support = Supported by
report-element-required = (required)
report-element-optional = (not required)
report-element-gap = Gap: nothing supports this required element yet.
report-element-nothing = Nothing linked.
# Variables:
#   $number (String) - the exhibit's number, in the chosen digits
report-support-exhibit = Exhibit { $number }
# Variables:
#   $count (Number) - how many required elements have no support
#   $shown (String) - the same number, in the chosen digits
report-element-gaps = { $count ->
        [0] No required element is without support.
        [one] One required element has no support yet.
       *[other] { $shown } required elements have no support yet.
    }
report-evidence = Evidence register and chain of custody
report-evidence-none = No exhibit has been registered in this case.
report-evidence-none-given = none
# Variables:
#   $number (String) - the exhibit's number, in the chosen digits
report-exhibit = Exhibit { $number }
report-seized-at = Seized
report-seized-where = Where
report-seized-by = By
report-authorisation = Judicial authorisation
report-seal = Seal
report-custody = Chain of custody
report-custody-none = No custody entry is recorded for this exhibit.
report-custody-event = Event
report-custody-at = When
report-custody-from = From
report-custody-to = To
report-custody-purpose = Purpose
report-custody-seal = Seal
report-custody-seal-intact = intact
report-custody-seal-broken = BROKEN
# Variables:
#   $seq (String) - the number of the entry corrected, in the chosen digits
report-custody-corrects = corrects entry { $seq }
report-file = Attached file
# Variables:
#   $size (Number) - the file's size in bytes
report-file-size = { $size } bytes
