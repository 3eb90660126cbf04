## The desktop window. Every string the UI shows comes from here.

app-name = دليل
nav-library = المكتبة
nav-chapters = الفصول
lang-switch-label = لغة المحتوى
lang-ar = العربية
lang-en = English
toc-title = في هذا الفصل
chapter-loading = جارٍ فتح الفصل…
content-problems = في محتوى الدليل مشكلات. شغّل الأمر dalil validate لعرضها.
error-unknown-chapter = هذا الفصل غير موجود.
error-unknown-language = هذه اللغة غير متاحة.
error-generic = حدث خطأ، ولم يتغيّر شيء.
