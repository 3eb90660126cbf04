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
error-settings-unsaved = تعذّر حفظ الإعدادات. تحقّق من إمكانية الكتابة في مجلد البيانات.
