## The evidence register and the offence elements: the words the command line, the report
## and the app share, and the command line's messages.

## Exhibit kinds, custody events and element states.

evidence-kind-document = Document
evidence-kind-phone = Phone or SIM card
evidence-kind-ledger = Ledger
evidence-kind-transfer-receipt = Money-transfer receipt
evidence-kind-photograph = Photograph
evidence-kind-digital-image = Digital image
evidence-kind-other = Other
evidence-event-handover = Hand-over
evidence-event-seal-check = Seal check
evidence-event-to-lab = Sent to a laboratory
evidence-event-from-lab = Returned from a laboratory
evidence-event-correction = Correction
evidence-element-state-open = Open
evidence-element-state-supported = Supported
evidence-element-state-contested = Contested

## dalil evidence

# Variables:
#   $number (String) - the exhibit's number in the case
cli-evidence-added = Exhibit { $number } registered.
cli-evidence-none = This case has no exhibits yet.
cli-evidence-none-given = none
# Variables:
#   $number (String) - the exhibit's number
#   $kind (String) - its kind, in words
#   $description (String) - what it is
cli-evidence-line = Exhibit { $number } ({ $kind }): { $description }
# Variables:
#   $at (String) - when it was seized, as given
#   $where (String) - where
#   $by (String) - by whom
cli-evidence-seized = { "  " }seized { $at }, at { $where }, by { $by }
# Variables:
#   $authorisation (String) - the judicial authorisation's reference, or "none"
#   $seal (String) - the seal's number, or "none"
cli-evidence-authorisation-seal = { "  " }authorisation { $authorisation } | seal { $seal }
cli-evidence-seal-intact = seal intact
cli-evidence-seal-broken = SEAL BROKEN
# Variables:
#   $seq (String) - the entry's number in the custody record
#   $event (String) - what happened, in words
#   $at (String) - when
#   $from (String) - from whom
#   $to (String) - to whom
#   $purpose (String) - why
#   $seal (String) - whether the seal was intact, in words
cli-custody-line = { "  " }{ $seq }. { $event }, { $at }: { $from } → { $to }, { $purpose } ({ $seal })
# Variables:
#   $seq (String) - the number of the entry corrected
cli-custody-corrects = { "     " }corrects entry { $seq }
# Variables:
#   $id (String) - the attachment's id
#   $name (String) - the file's name
#   $size (Number) - its size in bytes
#   $sha256 (String) - its SHA-256
cli-evidence-file-line = { "  " }file { $id }: { $name }, { $size } bytes, SHA-256 { $sha256 }
# Variables:
#   $name (String) - the element's name
cli-evidence-element-line = { "  " }supports: { $name }
# Variables:
#   $seq (String) - the new entry's number
#   $number (String) - the exhibit's number
cli-custody-added = Custody entry { $seq } of exhibit { $number } recorded.
# Variables:
#   $id (String) - the attachment's id
#   $number (String) - the exhibit's number
#   $sha256 (String) - the file's SHA-256
cli-evidence-attached = File { $id } attached to exhibit { $number }. SHA-256 { $sha256 }
cli-evidence-no-such-file = There is no file at that path; nothing was attached.
cli-evidence-not-a-file = That path is a folder, not a file; nothing was attached.
# Variables:
#   $reason (String) - the operating system's reason, in English
cli-evidence-cannot-read = The file cannot be read ({ $reason }); nothing was attached.
cli-evidence-empty-file = The file is empty (0 bytes); nothing was attached.
cli-evidence-no-files = This exhibit has no attached files.
cli-evidence-check-which = With --file, say which attachment to compare it with.
# Variables:
#   $id (String) - the attachment's id
#   $name (String) - the file's name
#   $sha256 (String) - the SHA-256 read
cli-evidence-check-matches = File { $id } ({ $name }) matches: SHA-256 { $sha256 }
# Variables:
#   $id (String) - the attachment's id
#   $name (String) - the file's name
#   $sha256 (String) - the SHA-256 read
cli-evidence-check-differs = File { $id } ({ $name }) does NOT match what was attached: it now reads SHA-256 { $sha256 }
# Variables:
#   $id (String) - the exhibit number given
cli-evidence-not-found = This case has no exhibit { $id }.
# Variables:
#   $id (String) - the attachment id given
cli-evidence-file-not-found = There is no attached file { $id } whose bytes are kept here.

## dalil elements, dalil element

# Variables:
#   $name (String) - the offence
#   $basis (String) - its legal basis
cli-elements-offence = { $name } ({ $basis })
cli-elements-required = required
cli-elements-optional = not required
# Variables:
#   $id (String) - the element id
#   $name (String) - its name
#   $need (String) - required or not, in words
#   $state (String) - its state, in words
cli-elements-row = { "  " }{ $name } [{ $id }], { $need }: { $state }
# Variables:
#   $kind (String) - note, step or exhibit
#   $id (String) - its id
#   $label (String) - what it is, in a few words
cli-elements-support = { "    " }{ $kind }:{ $id } { $label }
cli-elements-gap = { "    " }GAP: nothing supports this required element yet. Steps that gather its evidence:
# Variables:
#   $step (String) - the step id
#   $title (String) - its title
cli-elements-gather = { "      " }{ $title } [{ $step }]
# Variables:
#   $count (Number) - how many required elements have no support
cli-elements-gaps = { $count ->
        [0] No required element is without support.
        [one] One required element has no support yet.
       *[other] { $count } required elements have no support yet.
    }
cli-element-reason-required = Supported and contested need a reason: add --reason.
# Variables:
#   $id (String) - the element id
#   $state (String) - its new state, in words
cli-element-set = Element { $id }: { $state }.
# Variables:
#   $id (String) - the element id
#   $target (String) - what was linked, as kind:id
cli-element-linked = { $target } now supports { $id }.
# Variables:
#   $id (String) - the element id
#   $target (String) - what was linked, as kind:id
cli-element-already-linked = { $target } already supports { $id }.
# Variables:
#   $id (String) - the element id
#   $target (String) - what was unlinked, as kind:id
cli-element-unlinked = { $target } no longer supports { $id }.
# Variables:
#   $id (String) - the element id
#   $target (String) - what was to be unlinked, as kind:id
cli-element-not-linked = { $target } was not linked to { $id }.
# Variables:
#   $id (String) - the element id given
cli-element-unknown = The SOP declares no element { $id }; `dalil elements CASE` lists them.
# Variables:
#   $target (String) - what was given
cli-element-bad-target = `{ $target }` is not a note, step or exhibit: write note:12, step:STEP-ID or exhibit:3.

## The history's words for the register's and the elements' audit entries.

audit-action-exhibit-add = exhibit registered
audit-action-custody-add = custody entry recorded
audit-action-attachment-add = file attached
audit-action-element-set = element assessed
audit-action-element-link = support linked to an element
audit-action-element-unlink = support removed from an element

## dalil evidence extract

cli-evidence-extract-exists = A file is already there; it was not overwritten. Choose a new name.
# Variables:
#   $reason (String) - the operating system's reason, in English
cli-evidence-cannot-write = The file cannot be written ({ $reason }).
