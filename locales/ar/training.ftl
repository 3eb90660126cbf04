## قضايا التدريب: ‎`dalil training list|start|check|score`‏.

training-practice-label = تدريب: قضية تدريبية، لا قضية حقيقية.
# Variables:
#   $id (String) - the scenario id
#   $title (String) - its title
#   $stages (Number) - how many stages it has
training-list-line = { $id }: { $title } (عدد المراحل: { $stages })
# Variables:
#   $path (String) - the practice file
training-started = القضية التدريبية في { $path }. صرّح بالوقائع وحدّد حالات الخطوات بالأمر dalil training check، وأنهِ كل مرحلة بالخيار ‎--next‏.
# Variables:
#   $n (Number) - the stage's place
#   $total (Number) - how many stages
#   $title (String) - its title
training-stage-head = المرحلة { $n } من { $total }: { $title }
# Variables:
#   $earned (Number) - marks earned
#   $available (Number) - marks available
#   $percent (Number) - the score in percent
training-score = درجة هذه المرحلة: { $earned } من { $available } ({ $percent }٪)
training-perfect = نلتَ كل درجات هذه المرحلة.
training-missed = خطوات فاتتك (تنتظر المرحلة حسمها):
training-wrongly-na = خطوات عُدّت غير منطبقة وهي تنطبق على هذه القضية:
training-wrongly-done = خطوات عُدّت منجزة ولا تناسب هذه القضية (حقها أن تُعدّ غير منطبقة):
training-early = خطوات حُسمت قبل أوانها (لا تُنقص الدرجة):
training-facts-missed = وقائع تخالف ما ترويه القصة:
# Variables:
#   $expected (String) - the value the story gives
#   $given (String) - the value declared
training-fact-values = المتوقع { $expected }، والمصرّح به { $given }
# Variables:
#   $state (String) - the state expected
training-expected = المتوقع: { $state }
training-state-done = منجزة
training-state-not-applicable = غير منطبقة
training-state-pending = لم يحن وقتها
# Variables:
#   $earned (Number) - marks earned
#   $available (Number) - marks available
#   $percent (Number) - the score in percent
training-done = انتهى السيناريو. المجموع: { $earned } من { $available } ({ $percent }٪).
# Variables:
#   $trainee (String) - the trainee, or the file
#   $scenario (String) - the scenario id
#   $earned (Number) - marks earned
#   $available (Number) - marks available
#   $percent (Number) - the score in percent
training-score-file = { $trainee }، { $scenario }: { $earned } من { $available } ({ $percent }٪)
# Variables:
#   $stage (String) - the stage id
#   $earned (Number) - marks earned
#   $available (Number) - marks available
#   $percent (Number) - the score in percent
training-score-stage = المرحلة { $stage }: { $earned } من { $available } ({ $percent }٪)
# Variables:
#   $files (Number) - how many practice files
training-summary-head = عدد ملفات التدريب: { $files }. الخطوات التي فاتت أو حُدّدت خطأً أكثر من غيرها:
training-summary-facts = الوقائع التي فاتت أو صُرّح بها خطأً أكثر من غيرها:
# Variables:
#   $times (Number) - in how many stages
#   $trainees (Number) - by how many trainees
training-summary-line = عدد المراحل: { $times }، عدد المتدربين: { $trainees }
training-summary-none = لم يفت شيء.
# Variables:
#   $reason (String) - the system's reason
training-file-unreadable = تتعذّر قراءة ملف التدريب: { $reason }
training-not-a-file = هذا الملف ليس ملف تدريب من «دليل».
# Variables:
#   $id (String) - the scenario id given
training-unknown-scenario = لا يوجد سيناريو تدريب باسم { $id }. يسرد الأمر dalil training list السيناريوهات.
# Variables:
#   $fact (String) - the fact or value given
training-bad-fact = ليست واقعة من وقائع الدليل، أو ليست من قيمها: { $fact }
# Variables:
#   $step (String) - the step id given
training-unknown-step = لا توجد في الدليل خطوة { $step }.
# Variables:
#   $step (String) - the step id given
training-not-on-checklist = الخطوة { $step } ليست في قائمة الخطوات للوقائع المصرّح بها حتى الآن.
# Variables:
#   $state (String) - the state given
training-bad-state = ‏{ $state } ليست حالة خطوة. استعمل done أو not-applicable أو blocked أو pending.
training-finished-already = انتهت هذه القضية التدريبية. ابدأ قضية جديدة لتتدرّب من جديد.
