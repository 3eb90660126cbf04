## SOP editions: `dalil sop keygen|pack|install|diff|editions`, and the app's update screen.

sop-keygen-failed = No random numbers could be had from the system, so no key was made.
# Variables:
#   $path (String) - the secret key file
sop-keygen-done = The secret key is in { $path }. Keep it offline. The line above is its public key: put it in config/sop-signers.pub before building Dalil for officers.
# Variables:
#   $reason (String) - the system's reason
sop-key-unreadable = The signing key cannot be read: { $reason }
sop-key-invalid = That file is not a signing key made by dalil sop keygen.
# Variables:
#   $version (String) - the version in manifest.toml
sop-pack-bad-version = The edition's version { $version } must be numbers separated by dots, such as 2026.2, so that a newer edition can be told from an older one.
# Variables:
#   $version (String) - the edition packed
#   $path (String) - the package written
sop-packed = Edition { $version } is signed and packed in { $path }.
# Variables:
#   $reason (String) - the system's reason
sop-package-unreadable = The package cannot be read: { $reason }
# Variables:
#   $version (String) - the edition installed
#   $date (String) - its date
#   $old (String) - the edition read until now
sop-installed = Edition { $version } of { $date } is installed and is read from now on, in place of { $old }. Cases opened under an earlier edition keep it until they are moved.
sop-refused-not-a-package = The file is not an SOP update package.
sop-refused-unsigned = The package is not signed. An edition is installed only with the directorate's signature.
sop-refused-untrusted = The package is not signed by a key this program trusts. Do not use it: ask the directorate for the edition.
sop-refused-tampered = The package was changed or damaged after it was signed. Do not use it: ask the directorate for another copy.
# Variables:
#   $sop (String) - the package's SOP id
sop-refused-other-sop = The package is of another SOP ({ $sop }), not the one this program reads.
# Variables:
#   $version (String) - the package's edition
#   $installed (String) - the installed edition
sop-refused-older = The package holds edition { $version }, older than the installed { $installed }. An older edition is never installed over a newer one.
# Variables:
#   $version (String) - the edition
sop-refused-already = Edition { $version } is already installed.
# Variables:
#   $count (Number) - how many problems
sop-refused-invalid = The signed content has { $count ->
        [one] a problem
       *[other] { $count } problems
    }: the edition cannot be used. Tell the directorate.
# Variables:
#   $version (String) - the edition
#   $date (String) - its date
sop-edition-built-in = { $version } ({ $date }), built in
# Variables:
#   $version (String) - the edition
#   $date (String) - its date
sop-edition-installed = { $version } ({ $date }), installed
sop-edition-unverified = a package that no longer verifies, not read
# Variables:
#   $old (String) - the older edition
#   $old_date (String) - its date
#   $new (String) - the newer edition
#   $new_date (String) - its date
sop-diff-head = What changed from edition { $old } ({ $old_date }) to edition { $new } ({ $new_date }):
sop-diff-none = Nothing: the two editions have the same steps, facts and terms.
sop-diff-definition-changed = its definition changed
sop-diff-every-case = every case
# Variables:
#   $count (Number) - how many
sop-diff-added = Steps added: { $count }
# Variables:
#   $count (Number) - how many
sop-diff-removed = Steps removed: { $count }
# Variables:
#   $count (Number) - how many
sop-diff-moved = Steps moved: { $count }
# Variables:
#   $count (Number) - how many
sop-diff-condition = Steps whose condition changed: { $count }
# Variables:
#   $count (Number) - how many
sop-diff-advisory = Steps now mandatory or advisory: { $count }
sop-diff-now-advisory = now advisory
sop-diff-now-mandatory = now mandatory
# Variables:
#   $count (Number) - how many
sop-diff-title = Steps renamed: { $count }
# Variables:
#   $count (Number) - how many
sop-diff-guidance = Steps whose guidance changed ([-removed-] {"{"}+added+{"}"}): { $count }
# Variables:
#   $count (Number) - how many
sop-diff-facts-added = Facts added: { $count }
# Variables:
#   $count (Number) - how many
sop-diff-facts-removed = Facts removed: { $count }
# Variables:
#   $count (Number) - how many
sop-diff-terms = Glossary terms added, removed or changed: { $count }

## dalil case edition: carrying a case over to a new edition

# Variables:
#   $edition (String) - the case's edition
sop-case-edition-missing = The edition this case was opened under ({ $edition }) is not on this computer, so what would change cannot be shown.
# Variables:
#   $edition (String) - the edition
sop-case-current = The case is already on edition { $edition }.
# Variables:
#   $reference (String) - the case
#   $from (String) - its edition
#   $to (String) - the edition now read
sop-case-change-head = Moving case { $reference } from { $from } to { $to } would change this:
# Variables:
#   $count (Number) - how many
sop-case-appear = Steps that would appear: { $count }
# Variables:
#   $count (Number) - how many
sop-case-retire = Steps retired (their notes and states are kept, shown as retired): { $count }
# Variables:
#   $count (Number) - how many
sop-case-changed = Steps whose text changed: { $count }
# Variables:
#   $count (Number) - how many notes
sop-case-notes-kept = { $count ->
        [one] one note kept
       *[other] { $count } notes kept
    }
# Variables:
#   $to (String) - the new edition
sop-case-moved = The case is now on { $to }. This is in its history.
sop-case-not-moved = Nothing was changed. Run again with --move to move the case; until then it keeps the text of its edition.

## The app's "What changed in this edition" view.

# Variables:
#   $chapter (String) - the chapter's title
#   $position (Number) - the step's place among the chapter's steps
sop-changes-place = { $chapter }, step { $position }
# Variables:
#   $count (Number) - how many
sop-changes-guidance = Steps whose guidance changed: { $count }
