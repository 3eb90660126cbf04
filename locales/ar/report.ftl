## تقرير القضية (`dalil export --format html`) وحزمة القضية (`dalil export --format
## bundle`) والأمر `dalil verify`.

## التواريخ. يكتب التقرير التواريخ بنفسه، إذ لا تتوفر هنا دالة DATETIME في Fluent.

report-month-january = كانون الثاني
report-month-february = شباط
report-month-march = آذار
report-month-april = نيسان
report-month-may = أيار
report-month-june = حزيران
report-month-july = تموز
report-month-august = آب
report-month-september = أيلول
report-month-october = تشرين الأول
report-month-november = تشرين الثاني
report-month-december = كانون الأول

# Variables:
#   $day (String) - the day of the month, in the report's digits
#   $month (String) - the month's name
#   $year (String) - the year, in the report's digits
report-date = { $day } { $month } { $year }

# Variables:
#   $date (String) - the date in words
#   $time (String) - the time of day, hours and minutes
report-date-time = { $date }، الساعة { $time } بالتوقيت العالمي

## التقرير.

# Variables:
#   $reference (String) - the case's reference
report-document-title = تقرير القضية { $reference }

# Variables:
#   $page (String) - the page number, put in by the printer
#   $pages (String) - the number of pages, put in by the printer
report-page-of = الصفحة { $page } من { $pages }

report-sop-status = حالة نصّ الدليل:
report-heading = تقرير القضية
report-generated = أُعدّ هذا التقرير في
report-reference = الرقم المرجعي
report-case-title = العنوان
report-kind = نوع القضية
report-kind-trafficking = اتجار بالبشر
report-kind-smuggling = تهريب مهاجرين
report-kind-both = اتجار بالبشر وتهريب مهاجرين معًا
report-kind-undetermined = لم يتحدد بعد
report-status = الحالة
report-status-open = مفتوحة
report-status-closed = مغلقة
report-opened = تاريخ الفتح
report-closed = تاريخ الإغلاق
report-last-change = آخر تغيير
report-case-edition = إصدار الدليل عند فتح القضية
report-current-edition = إصدار الدليل في هذا التقرير
report-edition-differs = فُتحت القضية في ظل إصدار آخر من الدليل، وقائمة الخطوات أدناه تتبع إصدار هذا التقرير.

report-facts = وقائع القضية
report-fact-question = السؤال
report-fact-answer = الجواب
report-fact-answered = تاريخ الإجابة
report-facts-unanswered = لم يُجَب عنها بعد (السؤال الذي جوابه نعم أو لا ولم يُجَب عنه يُعدّ جوابه «لا»):
report-answer-yes = نعم
report-answer-no = لا

report-checklist = قائمة الخطوات
report-checklist-empty = لا تنطبق أي خطوة من خطوات الدليل على هذه القضية.
report-checklist-legend = الخطوات التي تنطبق على القضية بوقائعها الحالية، مرتبة حسب المراحل. كل خطوة إلزامية وتنطبق على كل قضية ما لم يُذكر خلاف ذلك، والخطوة التي لم يُسجَّل عليها شيء لم تُنجز بعد.
report-state-pending = لم تُنجز بعد
report-state-done = أُنجزت
report-state-not-applicable = لا تنطبق
report-state-blocked = متعذّرة
report-step-advisory = استرشادية

# Variables:
#   $reasons (String) - the facts that make the step apply, joined
report-step-because = تنطبق بسبب: { $reasons }

report-step-reason = السبب
report-step-recorded = تاريخ التسجيل
report-notes = الملاحظات
report-note-written = كُتبت في

# Variables:
#   $revision (String) - the number of the note's current revision
report-note-edited = عُدّلت (المراجعة { $revision }) في

report-case-notes = ملاحظات على القضية
report-no-case-notes = لا ملاحظات على القضية ككل.
report-hidden = خطوات لم تعد تنطبق
report-hidden-intro = لا تنطبق هذه الخطوات على القضية بوقائعها الحالية، لكن سُجّل عليها شيء من قبل، وهو محفوظ هنا.
report-retired = خطوات أُلغيت
report-retired-intro = ليست هذه الخطوات في إصدار الدليل الذي يتبعه هذا التقرير، وما سُجّل عليها محفوظ هنا.
report-retired-title = خطوة ليست في هذا الإصدار من الدليل

report-audit = سجل التدقيق
report-audit-intact = كانت سلسلة سجل التدقيق سليمة عند إعداد هذا التقرير.

# Variables:
#   $seq (String) - the number of the first entry that does not verify
report-audit-broken = لم تكن سلسلة سجل التدقيق سليمة عند إعداد هذا التقرير: القيد { $seq } هو أول قيد لا يتطابق.

report-audit-length = عدد القيود في السلسلة
report-audit-head = رأس السلسلة (بصمة آخر قيد)
report-audit-case-entries = قيود هذه القضية
report-audit-last-case-entry = آخر قيد لهذه القضية
report-audit-how = للتحقق من السلسلة، شغّل هذا الأمر على الحاسوب الذي يحفظ ملف القضايا:
report-audit-how-after = يفحص الأمر كل قيود السلسلة، ويعرض عددها وبصمة آخرها. فإن لم يتغير شيء منذ هذا التقرير فهما المذكوران أعلاه، وإن استمر العمل فالسلسلة أطول وتمتد من الرأس المذكور أعلاه.

## الأمران `dalil export` و`dalil verify`.

# Variables:
#   $path (String) - the file written
report-cli-written = كُتب الملف { $path }.

report-cli-not-recorded = كُتب الملف، لكن تعذّر تسجيل التصدير في سجل القضية.

report-cli-chain-broken = تنبيه: سلسلة سجل التدقيق في ملف القضايا غير سليمة، وسيذكر التصدير ذلك.

# Variables:
#   $reference (String) - the case's reference
#   $entries (Number) - how many audit entries of the case the bundle holds
#   $length (Number) - the length of the store's audit chain when the bundle was written
#   $head (String) - the head hash of that chain
bundle-verify-intact = الحزمة سليمة: القضية { $reference }، وفيها { PLURAL($entries) ->
        [zero] لا قيود تدقيق
        [one] قيد تدقيق واحد
        [two] قيدا تدقيق
        [few] { $entries } قيود تدقيق
        [many] { $entries } قيدًا للتدقيق
       *[other] { $entries } قيد تدقيق
    }، وقد كُتبت حين كان طول سلسلة التدقيق { $length } ورأسها { $head }.

bundle-verify-altered = جرى تغيير في الحزمة:

# Variables:
#   $reason (String) - why the file could not be read
bundle-unreadable-io = تعذّرت قراءة الملف: { $reason }

bundle-unreadable-not-a-bundle = الملف ليس حزمة قضية من دليل.

# Variables:
#   $version (Number) - the format version the file names
bundle-unreadable-version = الحزمة من الإصدار { $version } من الصيغة، وهذا الإصدار من دليل لا يقرؤه.

# Variables:
#   $scheme (String) - the encryption the file names
bundle-unreadable-encrypted = الحزمة مشفّرة ({ $scheme })، وهذا الإصدار من دليل لا يقرؤها.

# Variables:
#   $line (Number) - the line of the problem
#   $column (Number) - the column of the problem
#   $part (String) - the part of the bundle the problem is in
bundle-finding-syntax-in = لم يعد الملف قابلًا للقراءة: السطر { $line }، العمود { $column }، في الجزء «{ $part }».

# Variables:
#   $line (Number) - the line of the problem
#   $column (Number) - the column of the problem
bundle-finding-syntax = لم يعد الملف قابلًا للقراءة: السطر { $line }، العمود { $column }.

bundle-finding-manifest = جرى تغيير في البيان (قائمة الأجزاء وبصماتها) أو في بصمته.
bundle-finding-envelope = جرى تغيير في النص المحيط بالبيان والأجزاء.

# Variables:
#   $part (String) - the part's name
bundle-finding-part-altered = جرى تغيير في الجزء «{ $part }»: بصمته لا تطابق البيان.

# Variables:
#   $part (String) - the part's name
bundle-finding-part-missing = الجزء «{ $part }» مفقود.

# Variables:
#   $part (String) - the part's name
bundle-finding-part-unexpected = الجزء «{ $part }» غير مذكور في البيان.

# Variables:
#   $part (String) - the part's name
bundle-finding-part-invalid = الجزء «{ $part }» يطابق بصمته لكنه لا يتبع الصيغة.

# Variables:
#   $seq (Number) - the entry's number
bundle-finding-audit-entry = جرى تغيير في قيد التدقيق { $seq }: بصمته لا تنتج عن محتواه.

# Variables:
#   $seq (Number) - the entry's number
bundle-finding-audit-link = قيد التدقيق { $seq } غير مرتبط بالقيد الذي قبله.

bundle-finding-audit-head = رأس السلسلة في البيان لا يتفق مع قيود التدقيق.

# Variables:
#   $part (String) - the part's name
#   $item (String) - the case, fact, step or note id that disagrees
bundle-finding-disagrees = في الجزء «{ $part }»، لا يطابق «{ $item }» ما سجّله سجل التدقيق.

## The element matrix and the evidence register.

report-elements = أركان الجريمة
report-elements-intro = كل ركن من أركان كل جريمة تتصل بالقضية، وهل يلزم إثباته فيها، وتقدير المنتسب له، وما يسنده. والثغرة ركنٌ مطلوب لم يُربط به شيء بعد.
report-element = الركن
report-element-state = التقدير
report-element-support = ما يسنده
report-element-required = (مطلوب)
report-element-optional = (غير مطلوب)
report-element-gap = ثغرة: لا شيء يسند هذا الركن المطلوب بعد.
report-element-nothing = لم يُربط به شيء.
# Variables:
#   $number (String) - the exhibit's number, in the chosen digits
report-support-exhibit = الدليل المادي { $number }
# Variables:
#   $count (Number) - how many required elements have no support
#   $shown (String) - the same number, in the chosen digits
report-element-gaps = { PLURAL($count) ->
        [zero] لا يوجد ركن مطلوب بلا سند.
        [one] ركن مطلوب واحد بلا سند بعد.
        [two] ركنان مطلوبان بلا سند بعد.
        [few] { $shown } أركان مطلوبة بلا سند بعد.
        [many] { $shown } ركنًا مطلوبًا بلا سند بعد.
       *[other] { $shown } ركن مطلوب بلا سند بعد.
    }
report-evidence = سجل الأدلة المادية وتسلسل الحيازة
report-evidence-none = لم يُسجَّل أي دليل مادي في هذه القضية.
report-evidence-none-given = لا يوجد
# Variables:
#   $number (String) - the exhibit's number, in the chosen digits
report-exhibit = الدليل المادي { $number }
report-seized-at = تاريخ الضبط
report-seized-where = مكان الضبط
report-seized-by = القائم بالضبط
report-authorisation = الإذن القضائي
report-seal = الختم
report-custody = تسلسل الحيازة
report-custody-none = لم يُسجَّل أي قيد حيازة لهذا الدليل المادي.
report-custody-event = الإجراء
report-custody-at = الوقت
report-custody-from = من
report-custody-to = إلى
report-custody-purpose = الغرض
report-custody-seal = الختم
report-custody-seal-intact = سليم
report-custody-seal-broken = مكسور
# Variables:
#   $seq (String) - the number of the entry corrected, in the chosen digits
report-custody-corrects = يصحّح القيد { $seq }
report-file = ملف مرفق
# Variables:
#   $size (Number) - the file's size in bytes
report-file-size = { $size } بايت
