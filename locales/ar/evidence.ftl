## The evidence register and the offence elements: the words the command line, the report
## and the app share, and the command line's messages.

## Exhibit kinds, custody events and element states.

evidence-kind-document = وثيقة
evidence-kind-phone = هاتف أو شريحة اتصال
evidence-kind-ledger = سجل حسابات
evidence-kind-transfer-receipt = إيصال تحويل مالي
evidence-kind-photograph = صورة فوتوغرافية
evidence-kind-digital-image = نسخة رقمية جنائية
evidence-kind-other = غير ذلك
evidence-event-handover = تسليم
evidence-event-seal-check = فحص الختم
evidence-event-to-lab = إرسال إلى المختبر
evidence-event-from-lab = إعادة من المختبر
evidence-event-correction = تصحيح
evidence-element-state-open = لم يُبتّ فيه
evidence-element-state-supported = ثابت بالأدلة
evidence-element-state-contested = محل نزاع

## dalil evidence

# Variables:
#   $number (String) - the exhibit's number in the case
cli-evidence-added = سُجّل الدليل المادي رقم { $number }.
cli-evidence-none = لا توجد أدلة مادية في هذه القضية بعد.
cli-evidence-none-given = لا يوجد
# Variables:
#   $number (String) - the exhibit's number
#   $kind (String) - its kind, in words
#   $description (String) - what it is
cli-evidence-line = الدليل المادي { $number } ({ $kind }): { $description }
# Variables:
#   $at (String) - when it was seized, as given
#   $where (String) - where
#   $by (String) - by whom
cli-evidence-seized = { "  " }ضُبط في { $at }، في { $where }، وضبطه { $by }
# Variables:
#   $authorisation (String) - the judicial authorisation's reference, or "none"
#   $seal (String) - the seal's number, or "none"
cli-evidence-authorisation-seal = { "  " }الإذن القضائي { $authorisation } | الختم { $seal }
cli-evidence-seal-intact = الختم سليم
cli-evidence-seal-broken = الختم مكسور
# Variables:
#   $seq (String) - the entry's number in the custody record
#   $event (String) - what happened, in words
#   $at (String) - when
#   $from (String) - from whom
#   $to (String) - to whom
#   $purpose (String) - why
#   $seal (String) - whether the seal was intact, in words
cli-custody-line = { "  " }{ $seq }. { $event }، { $at }: من { $from } إلى { $to }، { $purpose } ({ $seal })
# Variables:
#   $seq (String) - the number of the entry corrected
cli-custody-corrects = { "     " }يصحّح القيد { $seq }
# Variables:
#   $id (String) - the attachment's id
#   $name (String) - the file's name
#   $size (Number) - its size in bytes
#   $sha256 (String) - its SHA-256
cli-evidence-file-line = { "  " }الملف { $id }: { $name }، { $size } بايت، SHA-256 { $sha256 }
# Variables:
#   $name (String) - the element's name
cli-evidence-element-line = { "  " }يسند: { $name }
# Variables:
#   $seq (String) - the new entry's number
#   $number (String) - the exhibit's number
cli-custody-added = سُجّل قيد الحيازة { $seq } للدليل المادي { $number }.
# Variables:
#   $id (String) - the attachment's id
#   $number (String) - the exhibit's number
#   $sha256 (String) - the file's SHA-256
cli-evidence-attached = أُرفق الملف { $id } بالدليل المادي { $number }. SHA-256 { $sha256 }
cli-evidence-no-such-file = لا يوجد ملف في هذا المسار، ولم يُرفق شيء.
cli-evidence-not-a-file = هذا المسار مجلد وليس ملفًا، ولم يُرفق شيء.
# Variables:
#   $reason (String) - the operating system's reason, in English
cli-evidence-cannot-read = تتعذّر قراءة الملف ({ $reason })، ولم يُرفق شيء.
cli-evidence-empty-file = الملف فارغ (0 بايت)، ولم يُرفق شيء.
cli-evidence-no-files = لا توجد ملفات مرفقة بهذا الدليل المادي.
cli-evidence-check-which = عند استعمال ‎--file‏ حدّد الملف المرفق الذي يُقارن به.
# Variables:
#   $id (String) - the attachment's id
#   $name (String) - the file's name
#   $sha256 (String) - the SHA-256 read
cli-evidence-check-matches = الملف { $id } ({ $name }) مطابق: SHA-256 { $sha256 }
# Variables:
#   $id (String) - the attachment's id
#   $name (String) - the file's name
#   $sha256 (String) - the SHA-256 read
cli-evidence-check-differs = الملف { $id } ({ $name }) لا يطابق ما أُرفق: بصمته الآن SHA-256 { $sha256 }
# Variables:
#   $id (String) - the exhibit number given
cli-evidence-not-found = لا يوجد في هذه القضية دليل مادي رقم { $id }.
# Variables:
#   $id (String) - the attachment id given
cli-evidence-file-not-found = لا يوجد ملف مرفق رقم { $id } محفوظة بياناته هنا.

## dalil elements, dalil element

# Variables:
#   $name (String) - the offence
#   $basis (String) - its legal basis
cli-elements-offence = { $name } ({ $basis })
cli-elements-required = مطلوب
cli-elements-optional = غير مطلوب
# Variables:
#   $id (String) - the element id
#   $name (String) - its name
#   $need (String) - required or not, in words
#   $state (String) - its state, in words
cli-elements-row = { "  " }{ $name } [{ $id }]، { $need }: { $state }
# Variables:
#   $kind (String) - note, step or exhibit
#   $id (String) - its id
#   $label (String) - what it is, in a few words
cli-elements-support = { "    " }{ $kind }:{ $id } { $label }
cli-elements-gap = { "    " }ثغرة: لا شيء يسند هذا الركن المطلوب بعد. الخطوات التي تجمع أدلته:
# Variables:
#   $step (String) - the step id
#   $title (String) - its title
cli-elements-gather = { "      " }{ $title } [{ $step }]
# Variables:
#   $count (Number) - how many required elements have no support
cli-elements-gaps = { PLURAL($count) ->
        [zero] لا يوجد ركن مطلوب بلا سند.
        [one] ركن مطلوب واحد بلا سند بعد.
        [two] ركنان مطلوبان بلا سند بعد.
        [few] { $count } أركان مطلوبة بلا سند بعد.
        [many] { $count } ركنًا مطلوبًا بلا سند بعد.
       *[other] { $count } ركن مطلوب بلا سند بعد.
    }
cli-element-reason-required = الحالتان «ثابت بالأدلة» و«محل نزاع» تحتاجان إلى سبب: أضف ‎--reason‏.
# Variables:
#   $id (String) - the element id
#   $state (String) - its new state, in words
cli-element-set = الركن { $id }: { $state }.
# Variables:
#   $id (String) - the element id
#   $target (String) - what was linked, as kind:id
cli-element-linked = أصبح { $target } يسند الركن { $id }.
# Variables:
#   $id (String) - the element id
#   $target (String) - what was linked, as kind:id
cli-element-already-linked = { $target } يسند الركن { $id } من قبل.
# Variables:
#   $id (String) - the element id
#   $target (String) - what was unlinked, as kind:id
cli-element-unlinked = لم يعد { $target } يسند الركن { $id }.
# Variables:
#   $id (String) - the element id
#   $target (String) - what was to be unlinked, as kind:id
cli-element-not-linked = لم يكن { $target } مربوطًا بالركن { $id }.
# Variables:
#   $id (String) - the element id given
cli-element-unknown = لا يعرّف الدليل الإجرائي ركنًا باسم { $id }؛ يعرض الأمر ‎`dalil elements CASE`‏ الأركان.
# Variables:
#   $target (String) - what was given
cli-element-bad-target = ‏`{ $target }` ليس ملاحظة ولا خطوة ولا دليلًا ماديًا: اكتب note:12 أو step:STEP-ID أو exhibit:3.

## The history's words for the register's and the elements' audit entries.

audit-action-exhibit-add = سُجّل دليل مادي
audit-action-custody-add = سُجّل قيد حيازة
audit-action-attachment-add = أُرفق ملف
audit-action-element-set = قُدّر ركن
audit-action-element-link = رُبط سند بركن
audit-action-element-unlink = أُزيل سند من ركن

## dalil evidence extract

cli-evidence-extract-exists = يوجد ملف بهذا الاسم، ولم يُكتب فوقه. اختر اسمًا جديدًا.
# Variables:
#   $reason (String) - the operating system's reason, in English
cli-evidence-cannot-write = تتعذّر كتابة الملف ({ $reason }).
