## إصدارات الإجراءات: ‎`dalil sop keygen|pack|install|diff|editions`‏، وشاشة التحديث في التطبيق.

sop-keygen-failed = تعذّر الحصول على أرقام عشوائية من النظام، فلم يُنشأ مفتاح.
# Variables:
#   $path (String) - the secret key file
sop-keygen-done = المفتاح السري في { $path }. احفظه بعيدًا عن أي شبكة. والسطر أعلاه مفتاحه العام: ضعه في config/sop-signers.pub قبل بناء «دليل» للضباط.
# Variables:
#   $reason (String) - the system's reason
sop-key-unreadable = تعذّرت قراءة مفتاح التوقيع: { $reason }
sop-key-invalid = هذا الملف ليس مفتاح توقيع أنشأه الأمر dalil sop keygen.
# Variables:
#   $version (String) - the version in manifest.toml
sop-pack-bad-version = يجب أن يتألف رقم الإصدار { $version } من أرقام تفصل بينها نقاط، مثل 2026.2، ليُعرف الإصدار الأحدث من الأقدم.
# Variables:
#   $version (String) - the edition packed
#   $path (String) - the package written
sop-packed = وُقّع الإصدار { $version } وحُزم في { $path }.
# Variables:
#   $reason (String) - the system's reason
sop-package-unreadable = تعذّرت قراءة الحزمة: { $reason }
# Variables:
#   $version (String) - the edition installed
#   $date (String) - its date
#   $old (String) - the edition read until now
sop-installed = ثُبّت الإصدار { $version } الصادر في { $date }، وصار هو المقروء بدلًا من { $old }. وتبقى القضايا المفتوحة في ظل إصدار سابق عليه حتى تُنقل.
sop-refused-not-a-package = الملف ليس حزمة تحديث للإجراءات.
sop-refused-unsigned = الحزمة غير موقَّعة. لا يُثبَّت إصدار إلا بتوقيع المديرية.
sop-refused-untrusted = الحزمة غير موقَّعة بمفتاح يثق به هذا البرنامج. لا تستعملها، واطلب الإصدار من المديرية.
sop-refused-tampered = غُيّرت الحزمة أو تلفت بعد توقيعها. لا تستعملها، واطلب نسخة أخرى من المديرية.
# Variables:
#   $sop (String) - the package's SOP id
sop-refused-other-sop = الحزمة لإجراءات أخرى ({ $sop })، لا للإجراءات التي يقرؤها هذا البرنامج.
# Variables:
#   $version (String) - the package's edition
#   $installed (String) - the installed edition
sop-refused-older = تحمل الحزمة الإصدار { $version }، وهو أقدم من الإصدار المثبَّت { $installed }. لا يُثبَّت إصدار أقدم فوق إصدار أحدث أبدًا.
# Variables:
#   $version (String) - the edition
sop-refused-already = الإصدار { $version } مثبَّت من قبل.
# Variables:
#   $count (Number) - how many problems
sop-refused-invalid = في المحتوى الموقَّع { PLURAL($count) ->
        [zero] لا مشكلات
        [one] مشكلة واحدة
        [two] مشكلتان
        [few] { $count } مشكلات
        [many] { $count } مشكلة
       *[other] { $count } مشكلة
    }: لا يمكن استعمال الإصدار. أبلغ المديرية.
# Variables:
#   $version (String) - the edition
#   $date (String) - its date
sop-edition-built-in = { $version } ({ $date })، مدمج في البرنامج
# Variables:
#   $version (String) - the edition
#   $date (String) - its date
sop-edition-installed = { $version } ({ $date })، مثبَّت
sop-edition-unverified = حزمة لم تعد تجتاز التحقق، ولا تُقرأ
# Variables:
#   $old (String) - the older edition
#   $old_date (String) - its date
#   $new (String) - the newer edition
#   $new_date (String) - its date
sop-diff-head = ما الذي تغيّر من الإصدار { $old } ({ $old_date }) إلى الإصدار { $new } ({ $new_date }):
sop-diff-none = لا شيء: للإصدارين الخطوات والوقائع والمصطلحات نفسها.
sop-diff-definition-changed = تغيّر تعريفه
sop-diff-every-case = كل قضية
# Variables:
#   $count (Number) - how many
sop-diff-added = خطوات أُضيفت: { $count }
# Variables:
#   $count (Number) - how many
sop-diff-removed = خطوات حُذفت: { $count }
# Variables:
#   $count (Number) - how many
sop-diff-moved = خطوات نُقلت: { $count }
# Variables:
#   $count (Number) - how many
sop-diff-condition = خطوات تغيّر شرطها: { $count }
# Variables:
#   $count (Number) - how many
sop-diff-advisory = خطوات صارت إلزامية أو استرشادية: { $count }
sop-diff-now-advisory = صارت استرشادية
sop-diff-now-mandatory = صارت إلزامية
# Variables:
#   $count (Number) - how many
sop-diff-title = خطوات تغيّر عنوانها: { $count }
# Variables:
#   $count (Number) - how many
sop-diff-guidance = خطوات تغيّرت إرشاداتها ([-المحذوف-] {"{"}+المضاف+{"}"}): { $count }
# Variables:
#   $count (Number) - how many
sop-diff-facts-added = وقائع أُضيفت: { $count }
# Variables:
#   $count (Number) - how many
sop-diff-facts-removed = وقائع حُذفت: { $count }
# Variables:
#   $count (Number) - how many
sop-diff-terms = مصطلحات أُضيفت أو حُذفت أو تغيّرت: { $count }

## dalil case edition: carrying a case over to a new edition

# Variables:
#   $edition (String) - the case's edition
sop-case-edition-missing = الإصدار الذي فُتحت القضية في ظله ({ $edition }) غير موجود على هذا الحاسوب، فلا يمكن عرض ما سيتغير.
# Variables:
#   $edition (String) - the edition
sop-case-current = القضية على الإصدار { $edition } من قبل.
# Variables:
#   $reference (String) - the case
#   $from (String) - its edition
#   $to (String) - the edition now read
sop-case-change-head = نقل القضية { $reference } من { $from } إلى { $to } سيغيّر ما يلي:
# Variables:
#   $count (Number) - how many
sop-case-appear = خطوات ستظهر: { $count }
# Variables:
#   $count (Number) - how many
sop-case-retire = خطوات أُلغيت (تبقى ملاحظاتها وحالاتها محفوظة، وتُعرض على أنها ملغاة): { $count }
# Variables:
#   $count (Number) - how many
sop-case-changed = خطوات تغيّر نصها: { $count }
# Variables:
#   $count (Number) - how many notes
sop-case-notes-kept = { PLURAL($count) ->
        [zero] لا ملاحظات
        [one] ملاحظة واحدة محفوظة
        [two] ملاحظتان محفوظتان
        [few] { $count } ملاحظات محفوظة
        [many] { $count } ملاحظة محفوظة
       *[other] { $count } ملاحظة محفوظة
    }
# Variables:
#   $to (String) - the new edition
sop-case-moved = صارت القضية على { $to }. وسُجّل ذلك في سجلها.
sop-case-not-moved = لم يتغير شيء. أعد الأمر مع ‎--move‏ لنقل القضية؛ وإلى ذلك الحين تبقى على نص إصدارها.

## شاشة «ما الذي تغيّر في هذا الإصدار» في التطبيق.

# Variables:
#   $chapter (String) - the chapter's title
#   $position (Number) - the step's place among the chapter's steps
sop-changes-place = { $chapter }، الخطوة { $position }
# Variables:
#   $count (Number) - how many
sop-changes-guidance = خطوات تغيّرت إرشاداتها: { $count }
