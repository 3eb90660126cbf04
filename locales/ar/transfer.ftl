## إرسال القضايا إلى المديرية: ‎`dalil transfer`‏ و‎`dalil device`‏، وخادم المديرية ‎`dalil-hq`‏.

## dalil transfer export and dalil device

# Variables:
#   $count (Number) - how many cases the file holds
#   $path (String) - the file written
transfer-cli-written = { PLURAL($count) ->
        [zero] لم تُكتب أي قضية للمديرية في { $path }.
        [one] كُتبت قضية واحدة للمديرية في { $path }. لا يفتحه إلا مفتاح المديرية.
        [two] كُتبت قضيتان للمديرية في { $path }. لا يفتحه إلا مفتاح المديرية.
        [few] كُتبت { $count } قضايا للمديرية في { $path }. لا يفتحه إلا مفتاح المديرية.
        [many] كُتبت { $count } قضية للمديرية في { $path }. لا يفتحه إلا مفتاح المديرية.
       *[other] كُتبت { $count } قضية للمديرية في { $path }. لا يفتحه إلا مفتاح المديرية.
    }
# Variables:
#   $key (String) - this computer's public key, in hex
transfer-cli-device = مفتاح هذا الحاسوب: { $key }
transfer-no-key = لم يُثبَّت مفتاح المديرية، فلا يمكن إرسال شيء إليها. اطلب من موظفي تقنية المعلومات في المديرية تثبيت مفتاحها: ملف اسمه directorate.pub في مجلد البيانات.
# Variables:
#   $path (String) - the key file
#   $reason (String) - the system's reason
transfer-key-unreadable = تعذّرت قراءة ملف مفتاح المديرية { $path }: { $reason }
transfer-key-empty = ملف مفتاح المديرية في مجلد البيانات لا يحوي مفتاحًا. اطلب الملف الصحيح من موظفي تقنية المعلومات في المديرية.
transfer-key-several = ملف مفتاح المديرية في مجلد البيانات يحوي أكثر من مفتاح، ويجب أن يحوي مفتاحًا واحدًا فقط.
# Variables:
#   $line (Number) - the line, from 1
transfer-key-not-a-key = السطر { $line } من ملف مفتاح المديرية في مجلد البيانات ليس مفتاحًا عامًّا للمديرية (يبدأ المفتاح بـ age1).

## dalil-hq, the directorate's command

hq-no-db = أي قاعدة بيانات؟ أعطِ ‎--db‏ مع سلسلة الاتصال، أو اضبط ‎DALIL_HQ_DB‏ (مثل ‎host=/run/postgresql dbname=dalil_hq‏).
# Variables:
#   $reason (String) - PostgreSQL's own message
hq-db-failed = رفضت قاعدة البيانات الطلب أو تعطّلت: { $reason }
# Variables:
#   $path (String) - the secret key file written
hq-keygen-done = المفتاح السري للمديرية في { $path }. احفظه في المديرية ولا تنسخه أبدًا إلى حاسوب ضابط؛ أعطِ الضباط المفتاح العام أعلاه.
# Variables:
#   $path (String) - the key file
#   $reason (String) - the system's reason
hq-identity-unreadable = تعذّرت قراءة المفتاح السري للمديرية { $path }: { $reason }
hq-identity-invalid = هذا الملف ليس المفتاح السري للمديرية (يبدأ بـ AGE-SECRET-KEY-1).
# Variables:
#   $label (String) - the computer's label
hq-device-added = سُجّل { $label }: ستُقبل الحزم الواردة منه.
hq-device-bad-key = هذا ليس مفتاح حاسوب: المفتاح ٦٤ رمزًا ست عشريًا، كما يطبعه الأمر dalil device على حاسوب الضابط.
hq-device-exists = هذا الحاسوب مسجَّل من قبل.
hq-device-label-required = يحتاج الحاسوب إلى وصف، مثل اسم الضابط ووحدته.
hq-device-revoked = أُلغي مفتاح الحاسوب: تُرفض حزمه من الآن. ويبقى ما أرسله من قبل محفوظًا.
hq-device-not-revocable = لا يوجد حاسوب مسجَّل بهذا المفتاح، أو أن مفتاحه أُلغي من قبل.
# Variables:
#   $at (String) - when the key was revoked
hq-device-row-revoked = أُلغي في { $at }
hq-devices-none = لم يُسجَّل أي حاسوب بعد.
# Variables:
#   $label (String) - the computer's label
#   $key (String) - its key
#   $bundles (Number) - how many bundles it sent
#   $cases (Number) - how many cases
#   $last (String) - when its last bundle was imported
hq-device-row = { $label }  { $key }  الحزم: { $bundles }، القضايا: { $cases }، آخر استيراد: { $last }
# Variables:
#   $file (String) - the bundle's file
#   $device (String) - the label of the computer that sent it
hq-imported = { $file }: استُورد، من { $device }.
# Variables:
#   $file (String) - the bundle's file
#   $reason (String) - why
hq-import-not-imported = { $file }: لم يُستورد. { $reason }
# Variables:
#   $file (String) - the bundle's file
#   $reason (String) - the system's reason
hq-import-unreadable = { $file }: تعذّرت قراءته: { $reason }
# Variables:
#   $reference (String) - the case's reference
hq-case-new = { $reference }: قضية جديدة.
# Variables:
#   $reference (String) - the case's reference
hq-case-updated = { $reference }: حُدّثت؛ تكمل ما كان محفوظًا.
# Variables:
#   $reference (String) - the case's reference
hq-case-diverged = { $reference }: سجلّ هذا الحاسوب للقضية لا يكمل السجل المحفوظ. حُفظ الاثنان، والقضية تحتاج إلى مراجعة.
# Variables:
#   $reference (String) - the case's reference
hq-case-unchanged = { $reference }: لا جديد.
# Variables:
#   $reference (String) - the case's reference
hq-case-older = { $reference }: أقدم مما هو محفوظ؛ لم يُضف شيء.
# Variables:
#   $at (String) - when it was imported
hq-refused-already-imported = استُوردت هذه الحزمة من قبل، في { $at }. لم يتغير شيء.
# Variables:
#   $key (String) - the key that signed it
hq-refused-unknown-device = موقَّعة من حاسوب غير مسجَّل (المفتاح { $key }). إن كان الحاسوب من حواسيبنا فسجّله بالأمر dalil-hq device add ثم أعد الاستيراد.
# Variables:
#   $at (String) - when the key was revoked
hq-refused-revoked-device = موقَّعة من حاسوب أُلغي مفتاحه في { $at } (لفقدانه أو إخراجه من الخدمة). إن وُجد وعادت الثقة به فسجّله من جديد.
hq-refused-replayed = كل قضية فيها أقدم مما تحفظه المديرية من ذلك الحاسوب: إنها حزمة قديمة أُعيد تقديمها. لم يتغير شيء.
hq-refused-nothing-new = كل ما فيها محفوظ من قبل: نسخة ثانية من تصدير سابق. لم يتغير شيء.
hq-refused-not-a-transfer = الملف ليس حزمة نقل من «دليل».
# Variables:
#   $have (Number) - the encrypted bytes present
#   $want (Number) - the encrypted bytes it should have
hq-refused-truncated = الملف ناقص ({ $have } من { $want } بايت)، كأن تكون الذاكرة قد نُزعت قبل الأوان. اطلب من الضابط تصديره من جديد.
hq-refused-changed = غُيّر الملف أو تلف بعد إنشائه. اطلب من الضابط تصديره من جديد.
hq-refused-other-key = الملف مشفَّر بمفتاح آخر غير مفتاح هذه المديرية: على حاسوب الضابط مفتاح مديرية خاطئ.
hq-refused-undecryptable = تعذّر فك تشفير الملف: أُعيدت كتابته بعد إنشائه.
hq-refused-malformed = الملف بعد فك تشفيره لا يتبع صيغة النقل: لم يُنشئه «دليل».
hq-refused-bad-signature = التوقيع لا يصح: لم يُنشئ الحزمةَ الحاسوبُ الذي تذكره. عاملها على أنها مزوّرة.
hq-refused-manifest-lies = قائمة القضايا الموقَّعة فيها لا تطابق القضايا التي تحملها. عاملها على أنها مزوّرة.
# Variables:
#   $reference (String) - the case's reference
hq-refused-case-altered = القضية { $reference } داخلها لا تجتاز فحوصها: محتواها وسجل تدقيقها غير متطابقين.
# Variables:
#   $code (String) - the refusal's code
hq-refused-other = رُفضت الحزمة ({ $code }).
hq-cases-none = لم تصل أي قضية.
hq-case-not-found = لم يرسل أي حاسوب قضية بهذا الرقم.
# Variables:
#   $reference (String) - the case's reference
#   $devices (Number) - how many computers sent it
#   $versions (Number) - how many versions are held
#   $review (String) - why it needs review, or that it does not
hq-case-row = { $reference }  الحواسيب: { $devices }، النسخ: { $versions }. { $review }
hq-review-none = لا تحتاج إلى مراجعة.
hq-review-several-sources = تحتاج إلى مراجعة: أكثر من قضية بهذا الرقم.
hq-review-diverged = تحتاج إلى مراجعة: أرسل حاسوب سجلّين مختلفين لها.
hq-review-chain-broken = تحتاج إلى مراجعة: أُرسلت وسجل التدقيق في الحاسوب لا يصح.
hq-list-separator = {" "}
# Variables:
#   $reference (String) - the case's reference
hq-show-head = القضية { $reference }
# Variables:
#   $review (String) - why it needs review
hq-show-review = { $review }
# Variables:
#   $device (String) - the computer's label
#   $versions (Number) - how many versions
#   $entries (Number) - how many audit entries
hq-show-stream = من { $device }: النسخ { $versions }، قيود التدقيق { $entries }.
# Variables:
#   $title (String) - the case's title
#   $status (String) - open or closed
#   $edition (String) - the SOP edition
#   $imported (String) - when the latest version was imported
hq-show-latest = {"  "}آخر نسخة: { $title } ({ $status }، الإجراءات { $edition })، استُوردت في { $imported }.
hq-show-deleted = (محذوفة)
hq-report-none = لم تُستورد أي حزمة.
# Variables:
#   $imported (String) - when it was imported
#   $device (String) - the computer's label
#   $made (String) - when the computer made it
#   $count (Number) - how many cases it added to
#   $cases (String) - their references
hq-report-row = { $imported }  { $device } (أُنشئت في { $made }): القضايا { $count } { $cases }
