## Messages of the `dalil` command-line tool.

# Variables:
#   $chapters (Number) - how many chapters the SOP has
#   $steps (Number) - how many steps the SOP has
cli-validate-clean = الدليل سليم: { PLURAL($chapters) ->
        [zero] لا فصول
        [one] فصل واحد
        [two] فصلان
        [few] { $chapters } فصول
        [many] { $chapters } فصلًا
       *[other] { $chapters } فصل
    }، و{ PLURAL($steps) ->
        [zero] لا خطوات
        [one] خطوة واحدة
        [two] خطوتان
        [few] { $steps } خطوات
        [many] { $steps } خطوة
       *[other] { $steps } خطوة
    }.

# Variables:
#   $scenarios (Number) - how many training scenarios the SOP has
cli-validate-scenarios = التمارين التدريبية التي فُحصت مطابقتها لقائمة الخطوات: { $scenarios }.

# Variables:
#   $count (Number) - how many problems were found
cli-validate-problems = { PLURAL($count) ->
        [zero] لم يُعثر على أي مشكلة في الدليل.
        [one] عُثر على مشكلة واحدة في الدليل.
        [two] عُثر على مشكلتين في الدليل.
        [few] عُثر على { $count } مشكلات في الدليل.
        [many] عُثر على { $count } مشكلةً في الدليل.
       *[other] عُثر على { $count } مشكلة في الدليل.
    }

# Variables:
#   $count (Number) - how many warnings were found
cli-validate-warnings = { PLURAL($count) ->
        [zero] لا تنبيهات.
        [one] تنبيه واحد: يخالف النص قواعد الأسلوب في موضع واحد.
        [two] تنبيهان: يخالف النص قواعد الأسلوب في موضعين.
        [few] { $count } تنبيهات: يخالف النص قواعد الأسلوب في { $count } مواضع.
        [many] { $count } تنبيهًا: يخالف النص قواعد الأسلوب في { $count } موضعًا.
       *[other] { $count } تنبيه: يخالف النص قواعد الأسلوب في { $count } موضع.
    } والتنبيهات لا تُعدّ مشكلات، فلا تمنع اجتياز التحقق.

# Variables:
#   $count (Number) - how many problems were found
cli-content-has-problems = { PLURAL($count) ->
        [zero] لا مشكلات في محتوى الدليل.
        [one] في محتوى الدليل مشكلة واحدة.
        [two] في محتوى الدليل مشكلتان.
        [few] في محتوى الدليل { $count } مشكلات.
        [many] في محتوى الدليل { $count } مشكلةً.
       *[other] في محتوى الدليل { $count } مشكلة.
    } شغّل الأمر `dalil validate` لعرضها.

# Variables:
#   $reason (String) - why the folder could not be read
cli-content-unreadable = تعذّرت قراءة مجلد المحتوى: { $reason }

# Variables:
#   $id (String) - the chapter id that was asked for
cli-unknown-chapter = لا يوجد فصل بالمعرّف `{ $id }`. شغّل الأمر `dalil chapters` لعرض الفصول.

# Variables:
#   $reason (String) - what is wrong with the facts
cli-bad-facts = لا يمكن استعمال الوقائع المعطاة: { $reason }.

# Variables:
#   $reasons (String) - the facts that make the step apply, joined
cli-step-because = تظهر بسبب: { $reasons }

cli-step-every-case = في كل قضية
cli-step-advisory = استرشادية

# Variables:
#   $count (Number) - how many steps apply
#   $required (Number) - how many of them are mandatory
cli-steps-summary = { PLURAL($count) ->
        [zero] لا تنطبق أي خطوة
        [one] تنطبق خطوة واحدة
        [two] تنطبق خطوتان
        [few] تنطبق { $count } خطوات
        [many] تنطبق { $count } خطوةً
       *[other] تنطبق { $count } خطوة
    }، منها { $required } إلزامية.

# Variables:
#   $count (Number) - how many steps the chapter has
cli-chapter-steps = { PLURAL($count) ->
        [zero] لا خطوات
        [one] خطوة واحدة
        [two] خطوتان
        [few] { $count } خطوات
        [many] { $count } خطوةً
       *[other] { $count } خطوة
    }

# Variables:
#   $reason (String) - the system's description of the failure
cli-write-failed = تعذّرت كتابة المخرجات: { $reason }

## `dalil search`

# Variables:
#   $count (Number) - how many results were found
#   $chapters (Number) - in how many chapters
cli-search-summary = { PLURAL($count) ->
        [zero] لا نتائج
        [one] نتيجة واحدة
        [two] نتيجتان
        [few] { $count } نتائج
        [many] { $count } نتيجةً
       *[other] { $count } نتيجة
    } في { PLURAL($chapters) ->
        [zero] لا فصول
        [one] فصل واحد
        [two] فصلين
        [few] { $chapters } فصول
        [many] { $chapters } فصلًا
       *[other] { $chapters } فصل
    }.

cli-search-no-results = لا نتائج. جرّب كلمات أقل، أو اللغة الأخرى.

# The label of a result in a chapter's own text (its introduction or a section that is not a step).
cli-search-chapter-text = (نص الفصل)

# Variables:
#   $names (String) - the glossary term's names, Arabic and English
cli-search-glossary-term = بُحث أيضًا عن مصطلح المسرد: { $names }

# Variables:
#   $max (Number) - the longest query accepted, in characters
cli-search-query-too-long = الاستعلام أطول مما ينبغي: الحد الأقصى { PLURAL($max) ->
        [zero] صفر
        [one] حرف واحد
        [two] حرفان
        [few] { $max } أحرف
        [many] { $max } حرفًا
       *[other] { $max } حرف
    }.

# Variables:
#   $max (Number) - the most words a query may have
cli-search-too-many-words = في الاستعلام كلمات أكثر مما ينبغي: الحد الأقصى { PLURAL($max) ->
        [zero] صفر
        [one] كلمة واحدة
        [two] كلمتان
        [few] { $max } كلمات
        [many] { $max } كلمةً
       *[other] { $max } كلمة
    }.

cli-search-control-character = في الاستعلام محرف تحكم؛ اكتب نصًا فقط.

# Variables:
#   $reason (String) - the system's description of the failure
cli-search-failed = تعذّر البحث: { $reason }

## The case file: `dalil case`, `step`, `note`, `history`, `audit`, `backup`, `restore`,
## `passphrase`, and `search --notes`. Messages name ids and codes at most: never a note,
## a title, a reference or a name, except where the officer asked to see the case.

# Variables:
#   $path (String) - the case file that was created
cli-store-created = أُنشئ ملف قضايا مشفّر جديد: { $path }

cli-passphrase-prompt = عبارة المرور:
cli-passphrase-prompt-new = عبارة المرور الجديدة:
cli-passphrase-prompt-again = اكتب عبارة المرور الجديدة مرة أخرى:
cli-passphrase-mismatch = العبارتان مختلفتان. لم يُغيَّر شيء.
cli-passphrase-empty = عبارة المرور فارغة.
cli-passphrase-no-terminal = تعذّر طلب عبارة المرور لعدم وجود طرفية. استعمل `--passphrase-file FILE` (أو DALIL_PASSPHRASE_FILE).

# Variables:
#   $reason (String) - the system's description of the failure
cli-passphrase-file-unreadable = تعذّرت قراءة عبارة المرور: { $reason }

cli-passphrase-changed = غُيّرت عبارة المرور. استعمل العبارة الجديدة من الآن؛ أما النسخ الاحتياطية السابقة فتبقى بالعبارة القديمة.

## Store errors, by the store's error code.

cli-store-wrong-passphrase = عبارة المرور غير صحيحة. لم يُغيَّر ملف القضايا.
cli-store-damaged = ملف القضايا تالف: عبارة المرور صحيحة، لكن الملف لا يُقرأ كما كُتب. لم يُحذف ولم يُغيَّر. احتفظ به، واسترجع نسخة احتياطية بالأمر `dalil restore`.
cli-store-wrong-passphrase-or-damaged = تعذّر فتح ملف القضايا: إما أن عبارة المرور غير صحيحة وإما أن الملف تالف، وملف التحقق من المفتاح مفقود فلا يمكن التمييز بينهما. لم يُغيَّر الملف.
cli-store-passphrase-change-interrupted = انقطع تغيير سابق لعبارة المرور. هذه العبارة إحدى العبارتين، والملف يُفتح بالأخرى.

# Variables:
#   $found (String) - the schema version of the file
#   $supported (String) - the newest schema version this Dalil knows
cli-store-too-new = كُتب ملف القضايا بإصدار أحدث من دليل (المخطط { $found }، وهذا الإصدار يعرف حتى { $supported }). تُرك الملف كما هو: حدّث دليل.

cli-store-no-database = لا يوجد ملف قضايا في هذا المكان.
cli-store-already-exists = يوجد ملف بهذا الاسم، ودليل لا يكتب فوق ملف موجود أبدًا. اختر اسمًا آخر.
cli-store-disk-full = القرص ممتلئ. لم يُحفظ شيء؛ أفرغ بعض المساحة وحاول مجددًا.
cli-store-read-only = ملف القضايا أو مجلده للقراءة فقط. لم يُحفظ شيء.
cli-store-permission-denied = الإذن مرفوض: لا يستطيع هذا المستخدم استعمال ملف القضايا أو مجلده.
cli-store-busy = ملف القضايا مستعمل في برنامج آخر (تطبيق دليل؟). أغلقه وحاول مجددًا.
cli-store-no-data-dir = لا يوجد مجلد للبيانات: عيّن DALIL_DATA_DIR أو استعمل `--data-dir DIR`.

# Variables:
#   $reason (String) - the system's description of the failure
cli-store-folder-unusable = تعذّر استعمال مجلد البيانات: { $reason }

# Variables:
#   $id (String) - the id that was looked for
cli-store-not-found = لا يوجد شيء بالمعرّف { $id }.

# Variables:
#   $field (String) - the name of the field, such as "title" or "text"
cli-store-invalid = قيمة الحقل { $field } فارغة أو غير صالحة.

# Variables:
#   $op (String) - what the store was doing
#   $kind (String) - the kind of the system's error
cli-store-io = خطأ في الإدخال والإخراج أثناء العملية { $op } ({ $kind }). لم يُغيَّر ملف القضايا.

# Variables:
#   $code (String) - the store's error code
cli-store-failed = تعذّر استعمال ملف القضايا (الخطأ { $code }).

## Cases

cli-case-not-found = لا توجد قضية بهذا الرقم المرجعي أو المعرّف. شغّل الأمر `dalil case list` لعرض القضايا.
cli-case-closed = هذه القضية مغلقة ولا تقبل أي تغيير. أعد فتحها أولًا بالأمر `dalil case reopen`.
cli-case-not-closed = هذه القضية مفتوحة، فلا يمكن إعادة فتحها.
cli-case-duplicate-reference = لقضية أخرى الرقم المرجعي نفسه.

# Variables:
#   $reference (String) - the case's reference
#   $id (String) - the case's internal id
cli-case-created = فُتحت القضية { $reference } (المعرّف { $id }).

# Variables:
#   $reference (String) - the case's reference
cli-case-closed-done = أُغلقت القضية { $reference }. لا تقبل أي تغيير حتى يُعاد فتحها.

# Variables:
#   $reference (String) - the case's reference
cli-case-reopened = أُعيد فتح القضية { $reference }.

# Variables:
#   $count (Number) - how many cases are listed
cli-case-list-summary = { PLURAL($count) ->
        [zero] لا قضايا.
        [one] قضية واحدة.
        [two] قضيتان.
        [few] { $count } قضايا.
        [many] { $count } قضيةً.
       *[other] { $count } قضية.
    }

cli-case-status-open = مفتوحة
cli-case-status-closed = مغلقة
cli-case-kind-trafficking = اتجار بالبشر
cli-case-kind-smuggling = تهريب مهاجرين
cli-case-kind-both = اتجار وتهريب معًا
cli-case-kind-undetermined = لم يتحدد بعد

# Variables:
#   $id (String) - the case's internal id
#   $status (String) - open or closed, in words
#   $kind (String) - the case kind, in words
#   $edition (String) - the SOP edition the case was opened under
#   $opened (String) - when the case was opened
#   $changed (String) - when the case last changed
cli-case-header = المعرّف { $id } · { $status } · { $kind } · الدليل { $edition } · فُتحت { $opened } · آخر تغيير { $changed }

# Variables:
#   $case (String) - the SOP edition the case was opened under
#   $current (String) - the SOP edition shown now
cli-case-other-edition = فُتحت القضية وفق الدليل { $case }؛ وقائمة الخطوات أدناه وفق الدليل { $current }.

cli-case-facts-heading = الوقائع
cli-case-no-facts = لم تُسجَّل أي وقائع بعد. سجّلها بالأمر `dalil case facts`.
cli-case-hidden-heading = مخفية: خطوات لم تعد تنطبق على الوقائع، محفوظة بما سُجّل فيها
cli-case-retired-heading = مُلغاة: خطوات لم تعد في إصدار الدليل هذا، محفوظة بما سُجّل فيها
cli-case-notes-heading = ملاحظات على القضية

## Facts

# Variables:
#   $value (String) - the value given for the fact `kind`
cli-fact-kind-unknown = `{ $value }` ليس نوع قضية يعرفه دليل، فلا يمكن أن يتبعه نوع القضية.

# Variables:
#   $reference (String) - the case's reference
#   $count (Number) - how many facts were given
cli-facts-saved = { PLURAL($count) ->
        [zero] لم تُحفظ أي واقعة للقضية { $reference }.
        [one] حُفظت واقعة واحدة للقضية { $reference }.
        [two] حُفظت واقعتان للقضية { $reference }.
        [few] حُفظت { $count } وقائع للقضية { $reference }.
        [many] حُفظت { $count } واقعةً للقضية { $reference }.
       *[other] حُفظت { $count } واقعة للقضية { $reference }.
    }

cli-facts-checklist-unchanged = لم تتغير قائمة الخطوات.

# Variables:
#   $count (Number) - how many steps now appear
cli-facts-steps-shown = { PLURAL($count) ->
        [zero] لم تظهر أي خطوة:
        [one] ظهرت خطوة واحدة:
        [two] ظهرت خطوتان:
        [few] ظهرت { $count } خطوات:
        [many] ظهرت { $count } خطوةً:
       *[other] ظهرت { $count } خطوة:
    }

# Variables:
#   $count (Number) - how many steps are now hidden
cli-facts-steps-hidden = { PLURAL($count) ->
        [zero] لم تُخفَ أي خطوة:
        [one] أُخفيت خطوة واحدة (حالتها وملاحظاتها محفوظة):
        [two] أُخفيت خطوتان (حالتاهما وملاحظاتهما محفوظة):
        [few] أُخفيت { $count } خطوات (حالاتها وملاحظاتها محفوظة):
        [many] أُخفيت { $count } خطوةً (حالاتها وملاحظاتها محفوظة):
       *[other] أُخفيت { $count } خطوة (حالاتها وملاحظاتها محفوظة):
    }

## Steps

cli-step-state-pending = قيد الانتظار
cli-step-state-done = مُنجزة
cli-step-state-not-applicable = لا تنطبق
cli-step-state-blocked = متعثّرة
cli-step-reason-required = الخطوة التي لا تنطبق أو المتعثّرة تحتاج إلى سبب: أضف `--reason "…"`.
cli-step-reason-not-allowed = لا يُعطى سبب إلا لخطوة لا تنطبق أو متعثّرة.

# Variables:
#   $id (String) - the step id that was given
cli-step-unknown = لا توجد خطوة `{ $id }` في هذا الدليل. شغّل الأمر `dalil case show` لعرض خطوات القضية.

# Variables:
#   $id (String) - the step id
cli-step-not-shown = تنبيه: الخطوة { $id } لا تنطبق على هذه القضية بوقائعها الحالية؛ وقد حُفظت حالتها مع ذلك.

# Variables:
#   $id (String) - the step id
#   $reference (String) - the case's reference
#   $state (String) - the new state, in words
cli-step-set = الخطوة { $id } من القضية { $reference }: { $state }.

# Variables:
#   $reason (String) - why the step is not applicable or blocked
cli-step-reason-line = السبب: { $reason }

# Variables:
#   $time (String) - when the state was set
cli-step-updated-line = سُجّلت في { $time }

## Notes

cli-note-bad-id = معرّف الملاحظة رقم، كما يعرضه الأمر `dalil note list`.

# Variables:
#   $id (String) - the note id
cli-note-not-found = لا توجد ملاحظة بالمعرّف { $id }.

# Variables:
#   $id (String) - the note id
cli-note-deleted = الملاحظة { $id } محذوفة، فلا يمكن تغييرها. يعرض الأمر `dalil note revisions` سجلّها.

cli-note-stdin-taken = المدخل القياسي يحمل عبارة المرور: أعطِ نص الملاحظة بالخيار `--text` أو `--file`.

# Variables:
#   $reason (String) - the system's description of the failure
cli-note-file-unreadable = تعذّرت قراءة نص الملاحظة: { $reason }

# Variables:
#   $id (String) - the note id
#   $reference (String) - the case's reference
cli-note-added = أُضيفت الملاحظة { $id } إلى القضية { $reference }.

# Variables:
#   $id (String) - the note id
#   $revision (String) - the note's new revision number
cli-note-edited = حُفظت الملاحظة { $id } بوصفها المراجعة { $revision }؛ والمراجعات السابقة محفوظة.

# Variables:
#   $id (String) - the note id
cli-note-deleted-done = حُذفت الملاحظة { $id }. مراجعاتها محفوظة في سجلّها.

# Variables:
#   $id (String) - the note id
#   $revision (String) - the note's revision number
#   $time (String) - when the revision was written
cli-note-heading = الملاحظة { $id }، المراجعة { $revision }، { $time }

# Variables:
#   $id (String) - the note id
cli-note-id = الملاحظة { $id }

cli-note-on-case = (القضية نفسها)

# Variables:
#   $count (Number) - how many notes the case has
cli-note-list-summary = { PLURAL($count) ->
        [zero] لا ملاحظات.
        [one] ملاحظة واحدة.
        [two] ملاحظتان.
        [few] { $count } ملاحظات.
        [many] { $count } ملاحظةً.
       *[other] { $count } ملاحظة.
    }

# Variables:
#   $revision (String) - the revision number
#   $time (String) - when it was written
cli-note-revision-heading = المراجعة { $revision }، { $time }

cli-note-revision-deleted = (محذوفة)

## History and audit

audit-action-store-create = أُنشئ ملف القضايا
audit-action-store-migrate = حُدّث ملف القضايا
audit-action-store-passphrase-change = غُيّرت عبارة المرور
audit-action-case-create = فُتحت القضية
audit-action-case-close = أُغلقت القضية
audit-action-case-reopen = أُعيد فتح القضية
audit-action-case-set-kind = حُدّد نوع القضية
audit-action-case-export = صُدّرت القضية
audit-action-case-set-edition = رُبطت القضية بإصدار آخر من الإجراءات
audit-action-fact-set = سُجّلت واقعة
audit-action-fact-remove = حُذفت واقعة
audit-action-step-set = سُجّلت حالة خطوة
audit-action-note-add = أُضيفت ملاحظة
audit-action-note-edit = عُدّلت ملاحظة
audit-action-note-delete = حُذفت ملاحظة
audit-action-draft-save = حُفظت مسودة
audit-action-draft-discard = أُهملت مسودة

# Variables:
#   $count (Number) - how many audit entries the case has
cli-history-summary = { PLURAL($count) ->
        [zero] لا قيود في سجل التدقيق.
        [one] قيد واحد في سجل التدقيق.
        [two] قيدان في سجل التدقيق.
        [few] { $count } قيود في سجل التدقيق.
        [many] { $count } قيدًا في سجل التدقيق.
       *[other] { $count } قيد في سجل التدقيق.
    }

# Variables:
#   $count (Number) - how many entries the audit log has
#   $head (String) - the hash of the last entry, in hex
cli-audit-verified = تحقّق سجل التدقيق: { PLURAL($count) ->
        [zero] لا قيود
        [one] قيد واحد
        [two] قيدان
        [few] { $count } قيود
        [many] { $count } قيدًا
       *[other] { $count } قيد
    }، والرأس { $head }.

# Variables:
#   $seq (String) - the number of the first entry that does not verify
#   $kind (String) - what is wrong: modified, missing, truncated, extra, head-mismatch or record-changed
cli-audit-broken = سجل التدقيق مكسور عند القيد { $seq } ({ $kind ->
        [modified] غُيّر القيد
        [missing] القيد مفقود
        [truncated] ينتهي السجل قبل أوانه
        [extra] أُضيف قيد بعد نهاية السجل
        [record-changed] يختلف دليل مادي أو قيد حيازة أو ملف مرفق عمّا سجّله هذا القيد
       *[other] القيد الأخير لا يطابق الرأس المسجّل
    }).

## Backup and restore

# Variables:
#   $path (String) - the backup file
#   $count (Number) - how many audit entries the copy holds
#   $head (String) - the hash of its last audit entry, in hex
cli-backup-written = كُتبت النسخة الاحتياطية المشفّرة { $path } ({ PLURAL($count) ->
        [zero] لا قيود تدقيق
        [one] قيد تدقيق واحد
        [two] قيدا تدقيق
        [few] { $count } قيود تدقيق
        [many] { $count } قيدَ تدقيق
       *[other] { $count } قيد تدقيق
    }، والرأس { $head }). تُفتح بعبارة المرور نفسها.

# Variables:
#   $path (String) - the backup that was restored
#   $count (Number) - how many audit entries it holds
#   $head (String) - the hash of its last audit entry, in hex
cli-restore-done = فُحصت النسخة { $path } واستُرجعت ({ PLURAL($count) ->
        [zero] لا قيود تدقيق
        [one] قيد تدقيق واحد
        [two] قيدا تدقيق
        [few] { $count } قيود تدقيق
        [many] { $count } قيدَ تدقيق
       *[other] { $count } قيد تدقيق
    }، والرأس { $head }).

# Variables:
#   $path (String) - where the replaced case file is kept
cli-restore-kept-previous = ملف القضايا الذي حلّت محله محفوظ باسم { $path }.

## `dalil search --notes`

cli-search-notes-none = لا ملاحظات مطابقة. جرّب كلمات أقل.

# Variables:
#   $count (Number) - how many notes match
cli-search-notes-summary = { PLURAL($count) ->
        [zero] لا ملاحظات مطابقة.
        [one] ملاحظة واحدة مطابقة.
        [two] ملاحظتان مطابقتان.
        [few] { $count } ملاحظات مطابقة.
        [many] { $count } ملاحظةً مطابقة.
       *[other] { $count } ملاحظة مطابقة.
    }
