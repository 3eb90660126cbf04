## The desktop window. Every string the UI shows comes from here.

app-name = دليل
nav-library = المكتبة
nav-chapters = الفصول

lang-ar = العربية
lang-en = English
toc-title = في هذا الفصل
chapter-loading = جارٍ فتح الفصل…
content-problems = في محتوى الدليل مشكلات. شغّل الأمر dalil validate لعرضها.
error-unknown-chapter = هذا الفصل غير موجود.
error-unknown-language = هذه اللغة غير متاحة.
error-generic = حدث خطأ، ولم يتغيّر شيء.
nav-glossary = المسرد
nav-settings = الإعدادات
content-view-label = طريقة عرض الفصول
view-ar = العربية
view-en = English
view-both = ثنائي
glossary-title = المسرد
glossary-filter = تصفية المصطلحات
settings-title = الإعدادات
settings-ui-lang = لغة الواجهة
settings-font-size = حجم النص
settings-theme = المظهر
settings-saved = حُفظ.
font-small = صغير
font-medium = متوسط
font-large = كبير
font-larger = كبير جدًا
theme-light = فاتح
theme-dark = داكن
theme-contrast = تباين عالٍ
settings-digits = الأرقام في النص العربي
digits-arabic = هندية (١٢٣)
digits-latin = لاتينية (123)
error-settings-unsaved = تعذّر حفظ الإعدادات. تحقّق من إمكانية الكتابة في مجلد البيانات.
create-title = أنشئ عبارة المرور
create-warning = تُشفَّر ملاحظاتك بهذه العبارة. وإذا ضاعت فلا يستطيع أحد استعادتها: لا المديرية ولا المطوّرون. دوّنها واحفظها بعيدًا عن هذا الحاسوب.
create-passphrase = عبارة المرور
create-confirm = أعد كتابة عبارة المرور
create-submit = إنشاء
create-mismatch = العبارتان غير متطابقتين.
create-too-short = استعمل 10 أحرف على الأقل.
create-exists = يوجد ملف قضايا هنا مسبقًا؛ افتح قفله بدلًا من ذلك.
strength-too-short = قصيرة جدًا: استعمل 10 أحرف على الأقل.
strength-weak = ضعيفة: أضف كلمات أو أرقامًا أو رموزًا.
strength-fair = مقبولة: العبارة الأطول أقوى.
strength-strong = قوية.
unlock-title = فتح القفل
unlock-passphrase = عبارة المرور
unlock-submit = فتح
unlock-wrong-passphrase = عبارة المرور غير صحيحة. لم يتغيّر شيء؛ حاول مرة أخرى.
unlock-damaged = ملف القضايا تالف. وقد أُبقي كما هو ولم يُحذف شيء. استرجع نسخة احتياطية أو اطلب المساعدة.
unlock-wrong-or-damaged = إمّا أن عبارة المرور غير صحيحة وإمّا أن ملف القضايا تالف، فملف التحقق الذي يميّز بينهما مفقود. لم يتغيّر شيء.
unlock-change-interrupted = انقطع تغيير عبارة المرور. جرّب العبارة الأخرى، القديمة أو الجديدة.
unlock-too-new = كُتب ملف القضايا هذا بإصدار أحدث من «دليل». حدّث «دليل» لفتحه.
unlock-no-database = لا يوجد ملف قضايا هنا بعد.
lock-button = قفل
search-label = ابحث في الدليل
search-placeholder = بحث (Ctrl+K)
search-results-label = نتائج البحث
search-results-found = النتائج مرتّبة من الأفضل. استعمل مفاتيح الأسهم ثم Enter لفتح إحداها.
search-no-results = لا شيء يطابق هذه الكلمات.
search-too-long = البحث طويل جدًا. استعمل كلمات أقل.
search-bad-character = في البحث حرف لا يمكن البحث عنه.
search-failed = البحث غير متاح الآن، ويمكن قراءة الدليل مع ذلك.
settings-auto-lock = القفل بعد هذا العدد من دقائق الخمول
settings-mask-titles = إخفاء عناوين القضايا في قائمة القضايا
settings-bad-number = اكتب عددًا صحيحًا من الدقائق، من 1 إلى 240.
settings-data-title = البيانات
settings-data-dir = مجلد البيانات
settings-device-key = مفتاح هذا الحاسوب لدى المديرية
settings-backup = نسخة احتياطية الآن
backup-done = كُتبت النسخة الاحتياطية المشفّرة في:
settings-change-passphrase = تغيير عبارة المرور
settings-old-passphrase = عبارة المرور الحالية
settings-new-passphrase = عبارة المرور الجديدة
settings-change-submit = تغيير
passphrase-changed = تغيّرت عبارة المرور.
error-disk-full = القرص ممتلئ. لم يضع شيء؛ أفرغ بعض المساحة وحاول مرة أخرى.
error-read-only = تتعذّر الكتابة في مجلد البيانات.
error-data-dir = يتعذّر إنشاء مجلد البيانات.
error-locked = «دليل» مقفل. افتح القفل أولًا.
nav-cases = القضايا
cases-title = القضايا
cases-new = قضية جديدة
cases-filter = بحث في القضايا
cases-status = الحالة
cases-status-open = مفتوحة
cases-status-closed = مغلقة
cases-status-all = الكل
cases-empty = لا قضايا هنا بعد.
cases-more = عرض المزيد
cases-col-reference = المرجع
cases-col-title = العنوان
cases-col-kind = النوع
cases-col-progress = التقدّم
cases-col-changed = آخر تغيير
cases-col-select = اختيار
case-kind-trafficking = اتجار بالبشر
case-kind-smuggling = تهريب مهاجرين
case-kind-both = اتجار وتهريب معًا
case-kind-undetermined = لم يتحدد بعد
new-case-title = قضية جديدة
new-case-reference = رقم المرجع
new-case-case-title = عنوان القضية
new-case-facts = عن هذه القضية
new-case-facts-hint = أجب بما هو معلوم الآن. يمكنك تغيير الإجابات لاحقًا، وتتبعها قائمة الخطوات.
new-case-submit = فتح القضية
case-reference-required = أعطِ القضية رقم مرجع.
case-duplicate-reference = توجد قضية بهذا المرجع مسبقًا.
case-not-found = هذه القضية غير موجودة.
case-invalid = هذه القيمة غير مقبولة.
case-closed = هذه القضية مغلقة فلا يمكن تغييرها. أعد فتحها أولًا.
case-closed-label = مغلقة
case-title-masked = (العنوان مخفي)
case-open-label = مفتوحة
case-opened = فُتحت في
case-edition = إصدار الدليل
# Variables:
#   $count (Number) - mandatory steps that apply and are still pending
case-pending-mandatory = { PLURAL($count) ->
        [zero] لا خطوة إلزامية متبقية.
        [one] بقيت خطوة إلزامية واحدة.
        [two] بقيت خطوتان إلزاميتان.
        [few] بقيت { $count } خطوات إلزامية.
        [many] بقيت { $count } خطوةً إلزامية.
       *[other] بقيت { $count } خطوة إلزامية.
    }
case-walk = انتقل إلى الخطوة التالية
case-edit-facts = تغيير الوقائع
case-history = السجل
case-close = إغلاق القضية
case-reopen = إعادة فتح القضية
case-close-question = أتغلق هذه القضية؟ تصبح للقراءة فقط حتى يُعاد فتحها، ويُسجَّل الأمران في السجل.
case-close-confirm = أغلقها
cancel = إلغاء
case-hidden-steps = خطوات لم تعد تنطبق
case-hidden-steps-hint = تغيّرت الوقائع فلم تعد هذه الخطوات لازمة، وما دُوّن عليها محفوظ.
case-retired-steps = خطوات أُلغيت من الدليل
case-retired-steps-hint = ألغى إصدار أحدث من الدليل هذه الخطوات، وما دُوّن عليها محفوظ.
facts-title = وقائع القضية
facts-save = حفظ الوقائع
facts-saved = حُفظت الوقائع.
facts-appeared = أصبحت هذه الخطوات منطبقة:
facts-hidden = لم تعد هذه الخطوات منطبقة (وملاحظاتها محفوظة):
back-to-case = العودة إلى القضية
step-state-label = حالة الخطوة
step-state-done = تمّت
step-state-na = لا تنطبق
step-state-blocked = متعذّرة
step-state-pending = قيد الانتظار
step-reason = السبب
step-reason-required = اذكر سببًا لـ«لا تنطبق» أو «متعذّرة».
step-mandatory-pending = إلزامية
step-shown-because = تظهر بسبب:
# Variables:
#   $count (Number) - notes tied to the step
step-notes-count = { PLURAL($count) ->
        [zero] لا ملاحظات
        [one] ملاحظة واحدة
        [two] ملاحظتان
        [few] { $count } ملاحظات
        [many] { $count } ملاحظةً
       *[other] { $count } ملاحظة
    }
note-label = ملاحظة
note-saving = جارٍ الحفظ…
note-saved = حُفظت.
note-draft-restored = استُعيد ما كنت تكتبه، وهو محفوظ.
note-edit = تعديل
note-revisions = المراجعات
note-deleted = (محذوفة)
walk-prev = السابقة
walk-next = التالية
walk-next-mandatory = الخطوة الإلزامية التالية
# Variables:
#   $count (Number) - entries in the audit log
history-verified = السجل سليم: { PLURAL($count) ->
        [zero] لا قيود
        [one] قيد واحد
        [two] قيدان
        [few] { $count } قيود
        [many] { $count } قيدًا
       *[other] { $count } قيد
    }، وتنتهي السلسلة عند
# Variables:
#   $entry (Number) - the first entry that does not verify
history-broken = عُدّل السجل: تنقطع السلسلة عند القيد { $entry }.
history-when = الوقت
history-action = الإجراء
history-entity = العنصر
note-deleted-error = حُذفت هذه الملاحظة.
export-heading = التصدير
export-hint = التقرير ملف قابل للطباعة. والحزمة ملف يُتحقَّق من سلامته، ويقرؤه كل من يحمله. أما «تصدير إلى المديرية» فيكتب ملفًا مشفّرًا وموقَّعًا لا تفتحه إلا المديرية: استعمله للنقل على ذاكرة USB.
export-report-lang = لغة التقرير
export-lang-ar = العربية
export-lang-en = الإنجليزية
export-lang-both = العربية والإنجليزية
export-report = تصدير التقرير…
export-bundle = تصدير الحزمة…
export-report-title = حفظ تقرير القضية
export-bundle-title = حفظ حزمة القضية
export-report-filter = تقرير القضية (HTML)
export-bundle-filter = حزمة القضية (JSON)
export-saved = حُفظ الملف هنا:
export-cancelled = لم يُصدَّر شيء.
export-write-failed = تعذّرت كتابة الملف هناك. اختر مجلدًا آخر، أو تأكد أن القرص غير محمي من الكتابة.
export-chain-broken = سجلّ ملف القضايا منقطع. يذكر الملف المُصدَّر ذلك، ولن تجتاز الحزمة التحقق.
menu-file = ملف
menu-go = انتقال
menu-content = النص
menu-help = مساعدة
menu-lock = قفل
menu-search = بحث
menu-view-both = العربية والإنجليزية جنبًا إلى جنب
menu-about = عن هذا المرجع
history-entity-case = القضية
# Variables:
#   $id (Number) - the note's number in the case file
history-entity-note = الملاحظة { $id }
export-not-recorded = كُتب الملف، لكن تعذّر تسجيل التصدير في سجل القضية.
export-directorate = تصدير إلى المديرية…
directorate-send = إرسال القضايا المختارة إلى المديرية…
directorate-select = اختيار للمديرية:
directorate-selected = القضايا المختارة للمديرية:
directorate-none-selected = ضع علامة على القضايا التي تريد إرسالها إلى المديرية.
directorate-save-title = حفظ القضايا للمديرية
directorate-save-filter = نقل إلى المديرية
directorate-saved = حُفظت للمديرية، مشفّرة فلا يفتحها غير المديرية. عدد القضايا:
directorate-saved-where = الملف هنا:
directorate-cancelled = لم يُرسَل شيء.
directorate-no-key = لم يُثبَّت مفتاح المديرية، فلا يمكن إرسال شيء إليها. اطلب من موظفي تقنية المعلومات في المديرية تثبيت مفتاحها.
directorate-key-invalid = مفتاح المديرية المثبَّت على هذا الحاسوب غير صالح للاستعمال. اطلب الملف الصحيح من موظفي تقنية المعلومات في المديرية.
history-entity-report = تقرير القضية
history-entity-bundle = حزمة القضية

## The case's tabs: the offence elements and the evidence register.

case-tabs = أقسام القضية
case-tab-checklist = قائمة الخطوات
case-tab-elements = الأركان
case-tab-evidence = الأدلة المادية
elements-heading = أركان الجريمة
elements-intro = يجب أن يسند كل ركن دليل: اربط به الملاحظات والخطوات والأدلة المادية التي تثبته، وقدّر إن كان ثابتًا بالأدلة أو محل نزاع مع سبب موجز. والثغرة ركن مطلوب لم يُربط به شيء بعد.
elements-gaps = أركان مطلوبة لم يُربط بها شيء:
elements-none = لا تتصل بهذه القضية أي جريمة بحسب وقائعها الحالية.
elements-col-element = الركن
elements-col-state = التقدير
elements-col-support = ما يسنده
elements-required = مطلوب
elements-optional = غير مطلوب
elements-reason = السبب
elements-save = حفظ
elements-unlink = إزالة
elements-gap = ثغرة: لا شيء يسند هذا الركن المطلوب بعد. هذه الخطوات تجمع أدلته:
elements-link-exhibit = اربط دليلًا ماديًا…
element-state-open = لم يُبتّ فيه
element-state-supported = ثابت بالأدلة
element-state-contested = محل نزاع
support-note = ملاحظة
support-step = خطوة
support-exhibit = دليل مادي
evidence-heading = سجل الأدلة المادية
evidence-intro = كل دليل مادي مع تسلسل حيازته. لا يُعدَّل أي قيد أبدًا: لتصحيح قيد، أضف قيد تصحيح يشير إليه.
evidence-none = لم يُسجَّل أي دليل مادي في هذه القضية بعد.
evidence-none-given = لا يوجد
exhibit-number = الدليل المادي
exhibit-add = تسجيل دليل مادي
exhibit-description = الوصف
exhibit-kind = النوع
exhibit-kind-document = وثيقة
exhibit-kind-phone = هاتف أو شريحة اتصال
exhibit-kind-ledger = سجل حسابات
exhibit-kind-transfer-receipt = إيصال تحويل مالي
exhibit-kind-photograph = صورة فوتوغرافية
exhibit-kind-digital-image = نسخة رقمية جنائية
exhibit-kind-other = غير ذلك
exhibit-seized-at = تاريخ الضبط
exhibit-seized-where = مكان الضبط
exhibit-seized-by = القائم بالضبط (الصفة أو الاسم)
exhibit-authorisation = الإذن القضائي
exhibit-seal = رقم الختم
exhibit-registered = تاريخ التسجيل
exhibit-elements = الأركان التي يسندها
exhibit-supports = يسند:
exhibit-file = ملف مرفق
custody-heading = تسلسل الحيازة
custody-none = لا يوجد قيد حيازة بعد: سجّل أول تسليم.
custody-add = تسجيل قيد حيازة
custody-event = الإجراء
custody-event-handover = تسليم
custody-event-seal-check = فحص الختم
custody-event-to-lab = إرسال إلى المختبر
custody-event-from-lab = إعادة من المختبر
custody-event-correction = تصحيح
custody-corrects = يصحّح القيد
custody-at = الوقت
custody-at-optional = الوقت (اتركه فارغًا للوقت الحالي)
custody-from = من
custody-to = إلى
custody-purpose = الغرض
custody-seal = الختم
custody-seal-intact = سليم
custody-seal-broken = مكسور
custody-seal-intact-question = الختم سليم
exhibit-attach = إرفاق ملف…
exhibit-attach-digest-only = الاحتفاظ ببصمة SHA-256 والحجم فقط، دون نسخة من الملف
attach-title = اختر الملف المراد إرفاقه
attach-cancelled = لم يُرفق أي ملف.
attach-unreadable = تتعذّر قراءة الملف، ولم يُرفق شيء.
attach-empty = الملف فارغ (0 بايت)، ولم يُرفق شيء.

## إصدارات الدليل: تثبيت تحديث، وما الذي تغيّر، ونقل قضية إلى إصدار جديد.

settings-sop-title = إصدار الدليل
settings-sop-read = الإصدار المقروء الآن
settings-sop-list = الإصدارات على هذا الحاسوب
sop-source-built-in = مدمج في «دليل»
sop-source-installed = مثبَّت من تحديث
sop-source-unverified = حزمة لم تعد تجتاز التحقق، فلا تُقرأ
sop-read-now = المقروء الآن
sop-install-button = تثبيت تحديث…
sop-install-hint = تصل التحديثات من المديرية على ذاكرة USB، في ملف امتداده dalil-sop. ولا يثبّت «دليل» إلا إصدارًا وقّعته المديرية وأحدث من الإصدار الذي يقرؤه.
sop-install-title = اختر حزمة تحديث الدليل
sop-install-filter = حزم تحديث الدليل
sop-install-done = ثُبّت التحديث. يقرأ «دليل» الآن الإصدار
sop-install-cancelled = لم يُثبَّت شيء.
sop-install-unreadable = تعذّرت قراءة الملف، ولم يُثبَّت شيء.
sop-install-not-a-package = الملف ليس حزمة تحديث للدليل، ولم يُثبَّت شيء.
sop-install-unsigned = الحزمة غير موقّعة. لا يُثبَّت إصدار إلا بتوقيع المديرية.
sop-install-untrusted = الحزمة غير موقّعة بمفتاح يثق به «دليل». لا تستعملها، واطلب الإصدار من المديرية.
sop-install-tampered = غُيّرت الحزمة أو تلفت بعد توقيعها. لا تستعملها، واطلب نسخة أخرى من المديرية.
sop-install-other-sop = الحزمة لدليل آخر غير الذي يقرؤه «دليل»، ولم يُثبَّت شيء.
sop-install-older = في الحزمة إصدار أقدم من الذي يقرؤه «دليل». لا يُثبَّت إصدار أقدم فوق إصدار أحدث أبدًا.
sop-install-already = هذا الإصدار مثبَّت من قبل.
sop-install-invalid = في المحتوى الموقّع أخطاء. لا تستعمله، واطلب نسخة أخرى من المديرية.
sop-changes-link = ما الذي تغيّر في هذا الإصدار
changes-title = ما الذي تغيّر في هذا الإصدار
changes-from = من الإصدار
changes-to = إلى الإصدار
changes-none = ليس على هذا الحاسوب إصدار أقدم يُقارن به الإصدار المقروء.
changes-empty = لم يتغيّر شيء: للإصدارين الخطوات والوقائع والمصطلحات نفسها.
changes-legend = الكلمات المشطوبة حُذفت، والكلمات المسطّرة أُضيفت.
changes-before = قبل
changes-after = الآن
changes-removed-words = حُذف:
changes-added-words = أُضيف:
case-edition-missing = لم يعد على هذا الحاسوب الإصدار الذي تتبعه هذه القضية.
case-edition-notice = تتبع هذه القضية إصدارًا أقدم من الدليل، وتبقى قائمتها وإرشاداتها من ذلك الإصدار حتى تنقلها.
case-edition-review = اعرض ما سيتغيّر إن نُقلت
case-move-title = نقل هذه القضية إلى الإصدار المقروء الآن
case-move-from = تتبع القضية الإصدار
case-move-to = الإصدار المقروء الآن
case-move-appear = خطوات ستظهر
case-move-retire = خطوات ستُلغى (تُحفظ ملاحظاتها وحالاتها وتُعرض ملغاة)
case-move-changed = خطوات تغيّرت إرشاداتها أو عناوينها
case-move-nothing = لا شيء.
case-move-notes = الملاحظات:
case-move-removed = حُذفت من الدليل
case-move-button = انقل القضية إلى هذا الإصدار
case-move-question = أتنقل هذه القضية؟ يُسجَّل النقل في سجلها، ولا يُعرض لها نص الإصدار الأقدم بعد ذلك.
case-move-confirm = انقل
case-move-done = تتبع القضية الآن الإصدار
case-move-current = تتبع هذه القضية الإصدار المقروء الآن.

## التدريب: السيناريوهات، وقضايا تدريبية بمعزل عن القضايا الحقيقية.

nav-training = التدريب
practice-window-title = دليل — تدريب
practice-banner = تدريب. هذه قضية تدريبية، لا قضية حقيقية، ولا يدخل شيء منها في ملف القضايا.
training-title = التدريب
training-hint = كل سيناريو قضية متخيَّلة تُروى على مراحل. صرّح بالوقائع التي ترويها القصة، وحدّد حالات الخطوات كما تفعل في قضية حقيقية، وافحص إجاباتك في نهاية كل مرحلة.
training-trainee = اسمك أو رقمك (للمدرّب)
training-start = ابدأ هذا السيناريو
training-stages = المراحل:
training-yours = قضاياك التدريبية
training-none = لا قضية تدريبية بعد.
training-open = تابِع
training-finished-label = منتهية
practice-stage = المرحلة
practice-of = من
practice-facts = ما ترويه القصة
practice-save-facts = صرّح بهذه الوقائع
practice-checklist = قائمة خطواتك للوقائع المصرّح بها
practice-check = افحص إجاباتي
practice-finish = أنهِ هذه المرحلة
practice-score = الدرجة
practice-perfect = نلتَ كل درجات هذه المرحلة.
practice-missed = خطوات فاتتك: تنتظر المرحلة حسمها
practice-wrongly-not-applicable = عُدّت غير منطبقة وهي تنطبق على هذه القضية
practice-wrongly-done = عُدّت منجزة ولا تناسب هذه القضية
practice-early = حُسمت قبل أوانها (لا تُنقص الدرجة)
practice-facts-missed = وقائع تخالف ما ترويه القصة
practice-expected = المتوقع:
practice-declared = المصرّح به:
practice-yes = نعم
practice-no = لا
practice-state-done = منجزة
practice-state-not-applicable = غير منطبقة
practice-state-pending = لم يحن وقتها
practice-state-blocked = متعذّرة
practice-finished-all = انتهى السيناريو.
practice-total = المجموع
practice-back = العودة إلى التدريب
practice-not-found = تتعذّر قراءة هذه القضية التدريبية.
practice-not-on-checklist = هذه الخطوة ليست في قائمة الخطوات للوقائع المصرّح بها.
practice-finished = انتهت هذه القضية التدريبية.
