## Sending cases to the directorate: `dalil transfer`, `dalil device`, and the directorate's
## server, `dalil-hq`.

## dalil transfer export and dalil device

# Variables:
#   $count (Number) - how many cases the file holds
#   $path (String) - the file written
transfer-cli-written = { $count ->
        [one] Wrote one case for the directorate to { $path }. Only the directorate's key opens it.
       *[other] Wrote { $count } cases for the directorate to { $path }. Only the directorate's key opens it.
    }
# Variables:
#   $key (String) - this computer's public key, in hex
transfer-cli-device = This computer's key: { $key }
transfer-no-key = No directorate key is installed, so nothing can be sent to the directorate. Ask the directorate's IT staff to install its key: a file named directorate.pub in the data folder.
# Variables:
#   $path (String) - the key file
#   $reason (String) - the system's reason
transfer-key-unreadable = The directorate key file { $path } cannot be read: { $reason }
transfer-key-empty = The directorate key file in the data folder holds no key. Ask the directorate's IT staff for the right file.
transfer-key-several = The directorate key file in the data folder holds more than one key. It must hold exactly one.
# Variables:
#   $line (Number) - the line, from 1
transfer-key-not-a-key = Line { $line } of the directorate key file in the data folder is not a directorate public key (it starts with age1).

## dalil-hq, the directorate's command

hq-no-db = Which database? Give --db with a connection string, or set DALIL_HQ_DB (for example host=/run/postgresql dbname=dalil_hq).
# Variables:
#   $reason (String) - PostgreSQL's own message
hq-db-failed = The database refused or failed: { $reason }
# Variables:
#   $path (String) - the secret key file written
hq-keygen-done = The directorate's secret key is in { $path }. Keep it at the directorate and never copy it to an officer's computer; give officers the public key above.
# Variables:
#   $path (String) - the key file
#   $reason (String) - the system's reason
hq-identity-unreadable = The directorate's secret key { $path } cannot be read: { $reason }
hq-identity-invalid = That file is not the directorate's secret key (it starts with AGE-SECRET-KEY-1).
# Variables:
#   $label (String) - the computer's label
hq-device-added = Registered { $label }: its bundles will be accepted.
hq-device-bad-key = That is not a computer's key: it is 64 hexadecimal digits, as dalil device prints it on the officer's computer.
hq-device-exists = This computer is already registered.
hq-device-label-required = A computer needs a label, such as the officer's name and unit.
hq-device-revoked = The computer's key is revoked: its bundles are refused from now on. What it sent before is kept.
hq-device-not-revocable = No registered computer has this key, or it is already revoked.
# Variables:
#   $at (String) - when the key was revoked
hq-device-row-revoked = revoked at { $at }
hq-devices-none = No computer is registered yet.
# Variables:
#   $label (String) - the computer's label
#   $key (String) - its key
#   $bundles (Number) - how many bundles it sent
#   $cases (Number) - how many cases
#   $last (String) - when its last bundle was imported
hq-device-row = { $label }  { $key }  bundles: { $bundles }, cases: { $cases }, last: { $last }
# Variables:
#   $file (String) - the bundle's file
#   $device (String) - the label of the computer that sent it
hq-imported = { $file }: imported, from { $device }.
# Variables:
#   $file (String) - the bundle's file
#   $reason (String) - why
hq-import-not-imported = { $file }: not imported. { $reason }
# Variables:
#   $file (String) - the bundle's file
#   $reason (String) - the system's reason
hq-import-unreadable = { $file }: cannot be read: { $reason }
# Variables:
#   $reference (String) - the case's reference
hq-case-new = { $reference }: new.
# Variables:
#   $reference (String) - the case's reference
hq-case-updated = { $reference }: updated; it extends what was held.
# Variables:
#   $reference (String) - the case's reference
hq-case-diverged = { $reference }: this computer's history of the case does not extend the one held. Both are kept; the case needs review.
# Variables:
#   $reference (String) - the case's reference
hq-case-unchanged = { $reference }: nothing new.
# Variables:
#   $reference (String) - the case's reference
hq-case-older = { $reference }: older than what is held; nothing added.
# Variables:
#   $at (String) - when it was imported
hq-refused-already-imported = This bundle was already imported, at { $at }. Nothing changed.
# Variables:
#   $key (String) - the key that signed it
hq-refused-unknown-device = It is signed by a computer that is not registered (key { $key }). If the computer is one of ours, register it with dalil-hq device add, then import again.
# Variables:
#   $at (String) - when the key was revoked
hq-refused-revoked-device = It is signed by a computer whose key was revoked at { $at } (lost or retired). If it was found and is trusted again, register it anew.
hq-refused-replayed = Every case in it is older than what the directorate already holds from that computer: it is an old bundle played again. Nothing changed.
hq-refused-nothing-new = Everything in it is already held: a second copy of an export. Nothing changed.
hq-refused-not-a-transfer = The file is not a Dalil transfer bundle.
# Variables:
#   $have (Number) - the encrypted bytes present
#   $want (Number) - the encrypted bytes it should have
hq-refused-truncated = The file is cut short ({ $have } of { $want } bytes), for example by a stick pulled out too early. Ask the officer to export it again.
hq-refused-changed = The file was changed or damaged after it was made. Ask the officer to export it again.
hq-refused-other-key = The file is encrypted to another key, not this directorate's: the officer's computer has the wrong directorate key installed.
hq-refused-undecryptable = The file cannot be decrypted: it was rewritten after it was made.
hq-refused-malformed = The decrypted file does not follow the transfer format: it was not made by Dalil.
hq-refused-bad-signature = Its signature does not verify: it was not made by the computer it names. Treat it as forged.
hq-refused-manifest-lies = Its signed list of cases does not match the cases it holds. Treat it as forged.
# Variables:
#   $reference (String) - the case's reference
hq-refused-case-altered = The case { $reference } inside it fails its own checks: its content and its audit log disagree.
# Variables:
#   $code (String) - the refusal's code
hq-refused-other = The bundle was refused ({ $code }).
hq-cases-none = No case has been received.
hq-case-not-found = No computer has sent a case with this reference.
# Variables:
#   $reference (String) - the case's reference
#   $devices (Number) - how many computers sent it
#   $versions (Number) - how many versions are held
#   $review (String) - why it needs review, or that it does not
hq-case-row = { $reference }  computers: { $devices }, versions: { $versions }. { $review }
hq-review-none = No review needed.
hq-review-several-sources = Needs review: more than one case under this reference.
hq-review-diverged = Needs review: a computer sent two histories of it.
hq-review-chain-broken = Needs review: sent while the computer's audit log did not verify.
hq-list-separator = {" "}
# Variables:
#   $reference (String) - the case's reference
hq-show-head = Case { $reference }
# Variables:
#   $review (String) - why it needs review
hq-show-review = { $review }
# Variables:
#   $device (String) - the computer's label
#   $versions (Number) - how many versions
#   $entries (Number) - how many audit entries
hq-show-stream = From { $device }: { $versions } versions, { $entries } audit entries.
# Variables:
#   $title (String) - the case's title
#   $status (String) - open or closed
#   $edition (String) - the SOP edition
#   $imported (String) - when the latest version was imported
hq-show-latest = {"  "}Latest: { $title } ({ $status }, SOP { $edition }), imported { $imported }.
hq-show-deleted = (deleted)
hq-report-none = No bundle has been imported.
# Variables:
#   $imported (String) - when it was imported
#   $device (String) - the computer's label
#   $made (String) - when the computer made it
#   $count (Number) - how many cases it added to
#   $cases (String) - their references
hq-report-row = { $imported }  { $device } (made { $made }): { $count } cases { $cases }
