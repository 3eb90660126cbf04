## Messages of the `dalil` command-line tool.

# Variables:
#   $chapters (Number) - how many chapters the SOP has
#   $steps (Number) - how many steps the SOP has
cli-validate-clean = الدليل سليم: { $chapters ->
        [zero] لا فصول
        [one] فصل واحد
        [two] فصلان
        [few] { $chapters } فصول
        [many] { $chapters } فصلًا
       *[other] { $chapters } فصل
    }، و{ $steps ->
        [zero] لا خطوات
        [one] خطوة واحدة
        [two] خطوتان
        [few] { $steps } خطوات
        [many] { $steps } خطوة
       *[other] { $steps } خطوة
    }.

# Variables:
#   $count (Number) - how many problems were found
cli-validate-problems = { $count ->
        [zero] لم تُعثر على أي مشكلة في الدليل.
        [one] عُثر على مشكلة واحدة في الدليل.
        [two] عُثر على مشكلتين في الدليل.
        [few] عُثر على { $count } مشكلات في الدليل.
        [many] عُثر على { $count } مشكلةً في الدليل.
       *[other] عُثر على { $count } مشكلة في الدليل.
    }

# Variables:
#   $count (Number) - how many problems were found
cli-content-has-problems = { $count ->
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
cli-steps-summary = { $count ->
        [zero] لا تنطبق أي خطوة
        [one] تنطبق خطوة واحدة
        [two] تنطبق خطوتان
        [few] تنطبق { $count } خطوات
        [many] تنطبق { $count } خطوةً
       *[other] تنطبق { $count } خطوة
    }، منها { $required } إلزامية.

# Variables:
#   $count (Number) - how many steps the chapter has
cli-chapter-steps = { $count ->
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
cli-search-summary = { $count ->
        [zero] لا نتائج
        [one] نتيجة واحدة
        [two] نتيجتان
        [few] { $count } نتائج
        [many] { $count } نتيجةً
       *[other] { $count } نتيجة
    } في { $chapters ->
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
cli-search-query-too-long = الاستعلام أطول مما ينبغي: الحد الأقصى { $max ->
        [zero] صفر
        [one] حرف واحد
        [two] حرفان
        [few] { $max } أحرف
        [many] { $max } حرفًا
       *[other] { $max } حرف
    }.

# Variables:
#   $max (Number) - the most words a query may have
cli-search-too-many-words = في الاستعلام كلمات أكثر مما ينبغي: الحد الأقصى { $max ->
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
