## Messages of the SOP validator (`dalil validate`), one for each kind of problem. The code
## (`bad-id`, `duplicate-id`...) and the place are printed before the message and never
## translated.

## io

# Variables:
#   $path (String) - the file, relative to the content folder
validate-io-missing = الملف `{ $path }` غير موجود
validate-io-not-utf8 = الملف ليس نصًا صالحًا بترميز UTF-8

## manifest-syntax, glossary-syntax, front-matter-syntax: the TOML reader's own words, in English.

# Variables:
#   $detail (String) - the TOML reader's description of the problem, in English
validate-manifest-syntax = تعذّرت قراءة ملف البيان بصيغة TOML: { $detail }
# Variables:
#   $detail (String) - the TOML reader's description of the problem, in English
validate-glossary-syntax = تعذّرت قراءة ملف المسرد بصيغة TOML: { $detail }
# Variables:
#   $detail (String) - the TOML reader's description of the problem, in English
validate-front-matter-syntax = تعذّرت قراءة ترويسة الملف بصيغة TOML: { $detail }

## manifest-invalid

validate-manifest-empty-id = معرّف الدليل فارغ
validate-manifest-empty-version = رقم الإصدار فارغ
validate-manifest-bad-date = يُكتب التاريخ بالصيغة YYYY-MM-DD
# Variables:
#   $lang (String) - the language code, `ar` or `en`
validate-manifest-empty-label = وسم الحالة باللغة `{ $lang }` فارغ، ولا بد أن يحمل كل فصل وسم الحالة
validate-manifest-no-chapters = لم يُدرَج أي فصل في قائمة الفصول
validate-manifest-no-phases = لم تُعرَّف أي مرحلة
# Variables:
#   $fact (String) - the fact id
validate-manifest-yes-no-with-choices = الواقعة `{ $fact }` من نوع نعم/لا، فلا تأخذ `choices` ولا `default`
# Variables:
#   $fact (String) - the fact id
validate-manifest-too-few-choices = واقعة الاختيار `{ $fact }` تحتاج إلى خيارين على الأقل
# Variables:
#   $default (String) - the default as written
validate-manifest-unknown-default = القيمة الافتراضية `{ $default }` ليست من بين الخيارات
# Variables:
#   $fact (String) - the fact id
validate-manifest-no-default = واقعة الاختيار `{ $fact }` تحتاج إلى قيمة افتراضية `default`
# Variables:
#   $type (String) - the fact type as written
validate-manifest-unknown-fact-type = نوع الواقعة `{ $type }` غير معروف؛ استعمل `yes-no` أو `choice`
# Variables:
#   $kind (String) - which text is empty: `question` or `label`
#   $fact (String) - the fact id
#   $lang (String) - the language code, `ar` or `en`
validate-manifest-empty-fact-text = { $kind ->
        [question] سؤال الواقعة `{ $fact }` باللغة `{ $lang }` فارغ
       *[label] العبارة المختصرة للواقعة `{ $fact }` باللغة `{ $lang }` فارغة
    }

## glossary-invalid

# Variables:
#   $term (String) - the term id
#   $lang (String) - the language code, `ar` or `en`
validate-glossary-empty-name = اسم المصطلح `{ $term }` باللغة `{ $lang }` فارغ
# Variables:
#   $term (String) - the term id
#   $lang (String) - the language code, `ar` or `en`
validate-glossary-empty-definition = تعريف المصطلح `{ $term }` باللغة `{ $lang }` فارغ

## elements-syntax, elements-invalid: `elements.toml`, the offences and their elements.

# Variables:
#   $detail (String) - the TOML reader's description of the problem, in English
validate-elements-syntax = تعذّرت قراءة ملف أركان الجرائم بصيغة TOML: { $detail }
# Variables:
#   $id (String) - the offence or element id
#   $lang (String) - the language code, `ar` or `en`
#   $kind (String) - what is missing: `name`, `description`, `basis` or `note`
validate-elements-missing-text = { $kind ->
        [description] وصف
        [basis] السند القانوني لـ
        [note] ملاحظة
       *[name] اسم
    } `{ $id }` باللغة `{ $lang }` غير موجود
# Variables:
#   $offence (String) - the offence id
validate-elements-none = لم تُذكر أي أركان للجريمة `{ $offence }`
# Variables:
#   $element (String) - the element id
#   $step (String) - the step id
validate-elements-step-twice = يذكر الركن `{ $element }` الخطوة `{ $step }` مرتين
# Variables:
#   $element (String) - the element id
#   $step (String) - the step id
validate-elements-unknown-step = يذكر الركن `{ $element }` الخطوة `{ $step }`، ولا يعرّفها أي فصل

# Variables:
#   $term (String) - the term id
#   $lang (String) - the language code, `ar` or `en`
validate-glossary-empty-avoided = في قائمة `{ $lang }-avoid` للمصطلح `{ $term }` اسم فارغ
# Variables:
#   $term (String) - the term id
#   $name (String) - the name, as listed to avoid
validate-glossary-avoided-is-a-name = يَرِد «{ $name }» في المصطلح `{ $term }` اسمًا من أسمائه واسمًا يُتجنَّب معًا

## missing-chapter, missing-language, unlisted-chapter

# Variables:
#   $chapter (String) - the chapter id
validate-missing-chapter = الفصل `{ $chapter }` مُدرَج في ملف البيان، لكن لا يوجد مجلد `chapters/{ $chapter }`
# Variables:
#   $chapter (String) - the chapter id
#   $lang (String) - the language code, `ar` or `en`
validate-missing-language = لا يوجد للفصل `{ $chapter }` ملف `{ $lang }.md`
# Variables:
#   $folder (String) - the folder name under `chapters/`
validate-unlisted-chapter = المجلد `chapters/{ $folder }` غير مُدرَج في قائمة `chapters` في ملف البيان

## front-matter-missing, front-matter-mismatch, unknown-phase

validate-front-matter-missing = يجب أن يبدأ الملف بترويسة بين سطرَي `+++` تضم `id` و`title` و`phase`
validate-front-matter-unclosed = الترويسة غير مغلقة بسطر `+++`
# Variables:
#   $id (String) - the id written in the front matter
#   $folder (String) - the chapter's folder name
validate-front-matter-wrong-id = المعرّف في الترويسة `{ $id }`، لكن اسم المجلد `{ $folder }`
# Variables:
#   $phase (String) - the phase named in en.md
#   $ar-phase (String) - the phase named in ar.md
validate-phase-differs = المرحلة `{ $phase }` تخالف المرحلة `{ $ar-phase }` المذكورة في ar.md، ويجب أن تسمّي اللغتان المرحلة نفسها
# Variables:
#   $phase (String) - the phase as written
validate-unknown-phase = المرحلة `{ $phase }` غير معرَّفة في ملف البيان

## bad-id, duplicate-id

# Variables:
#   $id (String) - the id as written
validate-bad-id = المعرّف `{ $id }` غير صالح: يُكتب بأحرف لاتينية صغيرة وأرقام تفصل بينها شرطات مفردة (kebab-case)
# Variables:
#   $kind (String) - what the id names: `chapter`, `phase`, `fact`, `choice`, `term`, `offence`, `element`, `scenario` or `stage`
#   $id (String) - the id as written
validate-bad-declared-id = معرّف { $kind ->
        [chapter] الفصل
        [phase] المرحلة
        [fact] الواقعة
        [choice] الخيار
        [offence] الجريمة
        [element] الركن
        [scenario] التمرين
        [stage] مرحلة التمرين
       *[term] المصطلح
    } `{ $id }` غير صالح: يُكتب بأحرف لاتينية صغيرة وأرقام تفصل بينها شرطات مفردة (kebab-case)
# Variables:
#   $kind (String) - what the id names: `chapter`, `phase`, `fact`, `choice`, `term`, `offence`, `element`, `scenario` or `stage`
#   $id (String) - the id
validate-declared-twice = عُرِّف { $kind ->
        [chapter] الفصل
        [phase] المرحلة
        [fact] الواقعة
        [choice] الخيار
        [offence] الجريمة
        [element] الركن
        [scenario] التمرين
        [stage] مرحلة التمرين
       *[term] المصطلح
    } `{ $id }` مرتين
# Variables:
#   $id (String) - the id, which is also the chapter's
validate-id-used-by-chapter = المعرّف `{ $id }` مستعمل أصلًا للفصل `{ $id }`
# Variables:
#   $id (String) - the id, which is also the glossary term's
validate-id-used-by-term = المعرّف `{ $id }` مستعمل أصلًا لمصطلح المسرد `{ $id }`
# Variables:
#   $id (String) - the id
#   $file (String) - the file of the heading that took it first
#   $line (String) - the line of that heading
validate-id-used-by-heading = المعرّف `{ $id }` مستعمل أصلًا لعنوان في { $file }:{ $line }

## step-missing-id, empty-title, empty-step

validate-step-missing-id = الخطوة بلا معرّف `#id`؛ أضف معرّفًا مثل `{ "{" }#intake-log-report .step{ "}" }`
validate-empty-chapter-title = عنوان الفصل فارغ
validate-empty-step-title = الخطوة بلا عنوان
validate-empty-step = لا إرشادات تحت عنوان الخطوة

## bad-attribute

validate-attribute-second-id = لا يحمل العنوان إلا معرّفًا واحدًا `#id`
# Variables:
#   $class (String) - the class as written, without its dot
validate-attribute-unknown-class = الصنف `.{ $class }` غير معروف؛ استعمل `.step` أو `.advisory`
# Variables:
#   $word (String) - the word in the braces that is not an attribute
validate-attribute-not-an-attribute = `{ $word }` ليست سمة؛ اكتب `#id` أو `.class` أو `key="value"`
validate-attribute-unclosed-quote = قيمة بين علامتي تنصيص لم تُغلَق
# Variables:
#   $attribute (String) - the attribute name
validate-attribute-twice = السمة `{ $attribute }` مكرّرة
# Variables:
#   $attribute (String) - the attribute name
validate-attribute-unknown = السمة `{ $attribute }` غير معروفة؛ استعمل `when` أو `basis`
validate-attribute-not-on-step = لا توضع `when` و`basis` و`.advisory` إلا على عناوين الخطوات `.step`

## step-only-in-one-language, step-order, step-mismatch

# Variables:
#   $step (String) - the step id
#   $lang (String) - the language code of the file that lacks it, `ar` or `en`
validate-step-only-in-one-language = الخطوة `{ $step }` ناقصة من الملف { $lang }.md
# Variables:
#   $step (String) - the step id in en.md
#   $ar-step (String) - the step id at the same place in ar.md
validate-step-order = الخطوة `{ $step }` تقع حيث يضع ar.md الخطوة `{ $ar-step }`، ويجب أن يسرد الملفان الخطوات بالترتيب نفسه
# Variables:
#   $step (String) - the step id
validate-step-mismatch = الخطوة `{ $step }` تخالف نظيرتها في ar.md في الشرط `when` أو في الصنف

## condition-syntax. In the `validate-condition-expected-*` messages, `$kind` says what stood
## where something else was expected: a token, or the end of the condition.

# Variables:
#   $token (String) - the token after the condition
validate-condition-trailing = تعذّرت قراءة الشرط: ورد `{ $token }` بعد شرط مكتمل
# Variables:
#   $char (String) - `=` or `!`
validate-condition-single-equals = تعذّرت قراءة الشرط: يجب أن تلي `{ $char }` علامةُ `=`؛ اكتب `==` أو `!=`
validate-condition-unclosed-quote = تعذّرت قراءة الشرط: قيمة بين علامتي تنصيص لم تُغلَق
# Variables:
#   $char (String) - the character
validate-condition-bad-char = تعذّرت قراءة الشرط: لا يجوز أن يرد `{ $char }` في شرط
validate-condition-too-deep = تعذّرت قراءة الشرط: التداخل فيه أعمق من المسموح
# Variables:
#   $kind (String) - `token` or `end`
#   $found (String) - the token found instead, when `$kind` is `token`
validate-condition-expected-close-paren = تعذّرت قراءة الشرط: يُنتظر `)`، { $kind ->
        [end] لكن الشرط انتهى
       *[token] لكن ورد `{ $found }`
    }
# Variables:
#   $kind (String) - `token` or `end`
#   $found (String) - the token found instead, when `$kind` is `token`
validate-condition-expected-fact = تعذّرت قراءة الشرط: يُنتظر اسم واقعة، { $kind ->
        [end] لكن الشرط انتهى
       *[token] لكن ورد `{ $found }`
    }
# Variables:
#   $kind (String) - `token` or `end`
#   $found (String) - the token found instead, when `$kind` is `token`
validate-condition-expected-open-bracket = تعذّرت قراءة الشرط: يُنتظر `[` بعد `in`، { $kind ->
        [end] لكن الشرط انتهى
       *[token] لكن ورد `{ $found }`
    }
# Variables:
#   $kind (String) - `token` or `end`
#   $found (String) - the token found instead, when `$kind` is `token`
validate-condition-expected-comma = تعذّرت قراءة الشرط: يُنتظر `,` أو `]`، { $kind ->
        [end] لكن الشرط انتهى
       *[token] لكن ورد `{ $found }`
    }
# Variables:
#   $kind (String) - `token` or `end`
#   $found (String) - the token found instead, when `$kind` is `token`
validate-condition-expected-value = تعذّرت قراءة الشرط: تُنتظر قيمة بين علامتي تنصيص مثل "smuggling"، { $kind ->
        [end] لكن الشرط انتهى
       *[token] لكن ورد `{ $found }`
    }

## unknown-fact, bad-fact-use

# Variables:
#   $fact (String) - the fact id as written
validate-unknown-fact = يستعمل الشرط `{ $fact }`، وهي ليست واقعة معرَّفة في ملف البيان
# Variables:
#   $fact (String) - the fact id
validate-yes-no-fact-compared = `{ $fact }` واقعة من نوع نعم/لا: استعملها وحدها أو مع `not`
# Variables:
#   $fact (String) - the fact id
validate-choice-fact-alone = `{ $fact }` واقعة اختيار: قارنها بـ `==` أو `!=` أو `in`
# Variables:
#   $value (String) - the value as written
#   $fact (String) - the fact id
validate-unknown-choice = `{ $value }` ليست من خيارات الواقعة `{ $fact }`

## broken-reference, external-link

# Variables:
#   $link (String) - the link as written
validate-broken-reference = الرابط `{ $link }` لا يشير إلى أي فصل أو خطوة أو قسم
# Variables:
#   $link (String) - the link as written
validate-broken-term-link = الرابط `{ $link }` لا يشير إلى أي مصطلح في المسرد
# Variables:
#   $link (String) - the link, cut at 60 characters
validate-external-link = الرابط `{ $link }` يشير إلى خارج الدليل؛ لا تربط إلا بـ `#id` أو `term:id`

## avoided-variant: a warning, which does not fail validation

# Variables:
#   $variant (String) - the name to avoid, as the glossary lists it
#   $preferred (String) - the term's own name in the same language
#   $term (String) - the term id
validate-avoided-variant = يُتجنَّب «{ $variant }»، ويُكتب بدلًا منه «{ $preferred }» (مصطلح المسرد `{ $term }`)

## Training scenarios (`training/`). training-syntax: the TOML reader's own words, in English.

# Variables:
#   $detail (String) - the TOML reader's description of the problem, in English
validate-training-syntax = تعذّرت قراءة ملف التدريب بصيغة TOML: { $detail }

## training-invalid

# Variables:
#   $lang (String) - the language code, `ar` or `en`
validate-training-empty-label = وسم التدريب باللغة `{ $lang }` فارغ، ولا بد أن يحمل كل تمرين وسم التدريب
validate-training-no-scenarios = لم يُدرَج أي تمرين في قائمة التمارين
validate-scenario-no-stages = لم تُعرَّف للتمرين أي مرحلة؛ أضف `[[stage]]`
validate-stage-reserved-id = المعرّف `debrief` محجوز لخلاصة المدرّب، فلا تُسمّى به مرحلة من مراحل التمرين
# Variables:
#   $stage (String) - the stage id
validate-stage-empty = مرحلة التمرين `{ $stage }` لا تنتظر شيئًا من المتدرّب؛ أضف إليها وقائع يُصرَّح بها أو خطوات تُؤشَّر
# Variables:
#   $fact (String) - the fact id
validate-stage-yes-no-value = الواقعة `{ $fact }` من نوع نعم/لا، فتُكتب قيمتها `true` أو `false` بلا علامتي تنصيص
# Variables:
#   $fact (String) - the fact id
#   $value (String) - the value as written
validate-stage-unknown-choice = القيمة `{ $value }` ليست من خيارات الواقعة `{ $fact }`
# Variables:
#   $fact (String) - the fact id
validate-stage-choice-value = الواقعة `{ $fact }` واقعة اختيار، فتُكتب قيمتها أحد خياراتها بين علامتي تنصيص
# Variables:
#   $step (String) - the step id
#   $lang (String) - the language code, `ar` or `en`
validate-stage-no-reason = يُنتظر أن تُؤشَّر الخطوة `{ $step }` «لا تنطبق»، فلا بد لها من سبب باللغة `{ $lang }`
# Variables:
#   $stage (String) - the stage id
#   $step (String) - the step id
validate-stage-step-twice = تذكر مرحلة التمرين `{ $stage }` الخطوة `{ $step }` مرتين

## missing-scenario, missing-language, unlisted-scenario

# Variables:
#   $scenario (String) - the scenario id
validate-missing-scenario = التمرين `{ $scenario }` مُدرَج في القائمة، لكن لا يوجد مجلد `training/{ $scenario }`
# Variables:
#   $scenario (String) - the scenario id
#   $file (String) - the missing file's name
validate-scenario-missing-file = لا يوجد للتمرين `{ $scenario }` ملف `{ $file }`
# Variables:
#   $scenario (String) - the scenario id
#   $lang (String) - the language code, `ar` or `en`
validate-scenario-missing-language = لا يوجد للتمرين `{ $scenario }` ملف `{ $lang }.md`
# Variables:
#   $folder (String) - the folder name under `training/`
validate-unlisted-scenario = المجلد `training/{ $folder }` غير مُدرَج في قائمة `scenarios` في الملف training/training.toml

## front-matter-missing, empty-title, bad-attribute in a scenario's text

validate-scenario-front-matter-missing = يجب أن يبدأ الملف بترويسة بين سطرَي `+++` تضم `id` و`title`
validate-empty-scenario-title = عنوان التمرين فارغ
validate-scenario-heading-attribute = لا يحمل عنوان في التمرين إلا معرّفًا `#id`؛ أما `.step` و`when` و`basis` فمكانها الفصول

## stage-mismatch, empty-stage

validate-stage-heading-no-id = العنوان `##` في التمرين يفتتح مرحلة، فلا بد له من معرّف المرحلة، مثل `{ "{" }#first-report{ "}" }`
# Variables:
#   $stage (String) - the id of the section's heading
validate-stage-heading-unknown = القسم `{ $stage }` لا يطابق أي مرحلة في scenario.toml
# Variables:
#   $stage (String) - the stage id
validate-stage-heading-twice = للمرحلة `{ $stage }` قسم ثانٍ
# Variables:
#   $stage (String) - the stage id
#   $lang (String) - the language code of the file, `ar` or `en`
validate-stage-heading-missing = ليس للمرحلة `{ $stage }` المعرَّفة في scenario.toml قسم في الملف { $lang }.md
# Variables:
#   $stage (String) - the stage id of the section
#   $expected (String) - the stage scenario.toml has at that place
validate-stage-heading-order = تقع المرحلة `{ $stage }` حيث يضع scenario.toml المرحلة `{ $expected }`، ويجب أن تتبع الأقسامُ ترتيبَ المراحل
validate-debrief-not-last = يأتي قسم الخلاصة `debrief` بعد آخر مرحلة
# Variables:
#   $stage (String) - the section's id: a stage id, or `debrief`
validate-empty-stage = لا نص تحت عنوان القسم `{ $stage }`

## unknown-fact, broken-reference in a scenario

# Variables:
#   $stage (String) - the stage id
#   $fact (String) - the fact id as written
validate-stage-unknown-fact = تضبط مرحلة التمرين `{ $stage }` الواقعة `{ $fact }`، وهي ليست واقعة معرَّفة في ملف البيان
# Variables:
#   $stage (String) - the stage id
#   $step (String) - the step id as written
validate-stage-unknown-step = تذكر مرحلة التمرين `{ $stage }` الخطوة `{ $step }`، ولا يعرّفها أي فصل

## step-not-shown, step-unaccounted: a scenario against the checklist

# Variables:
#   $stage (String) - the stage id
#   $step (String) - the step id
#   $when (String) - the step's condition, as written
validate-step-not-shown = تنتظر مرحلة التمرين `{ $stage }` حالةً للخطوة `{ $step }`، لكن قائمة الخطوات لا تعرضها بحسب الوقائع المصرَّح بها حتى الآن (تنطبق عندما `{ $when }`)
# Variables:
#   $stage (String) - the stage id
#   $step (String) - the step id
validate-step-unaccounted = تُدخل وقائعُ مرحلة التمرين `{ $stage }` الخطوةَ `{ $step }` في قائمة الخطوات، ولم تحدّد لها أي مرحلة حتى هذه حالةً منتظرة
