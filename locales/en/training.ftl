## Practice cases: `dalil training list|start|check|score`.

training-practice-label = PRACTICE: a training case, not a real case.
# Variables:
#   $id (String) - the scenario id
#   $title (String) - its title
#   $stages (Number) - how many stages it has
training-list-line = { $id }: { $title } (stages: { $stages })
# Variables:
#   $path (String) - the practice file
training-started = The practice case is in { $path }. Declare facts and mark steps with dalil training check, and finish each stage with --next.
# Variables:
#   $n (Number) - the stage's place
#   $total (Number) - how many stages
#   $title (String) - its title
training-stage-head = Stage { $n } of { $total }: { $title }
# Variables:
#   $earned (Number) - marks earned
#   $available (Number) - marks available
#   $percent (Number) - the score in percent
training-score = Score for this stage: { $earned } of { $available } ({ $percent }%)
training-perfect = Every mark of this stage earned.
training-missed = Steps missed (the stage expects them settled):
training-wrongly-na = Steps marked not applicable that apply to this case:
training-wrongly-done = Steps marked done that do not fit this case (they should be not applicable):
training-early = Steps settled before their time (no mark lost):
training-facts-missed = Facts not as the story tells them:
# Variables:
#   $expected (String) - the value the story gives
#   $given (String) - the value declared
training-fact-values = expected { $expected }, declared { $given }
# Variables:
#   $state (String) - the state expected
training-expected = expected: { $state }
training-state-done = done
training-state-not-applicable = not applicable
training-state-pending = still pending
# Variables:
#   $earned (Number) - marks earned
#   $available (Number) - marks available
#   $percent (Number) - the score in percent
training-done = The scenario is finished. In all: { $earned } of { $available } ({ $percent }%).
# Variables:
#   $trainee (String) - the trainee, or the file
#   $scenario (String) - the scenario id
#   $earned (Number) - marks earned
#   $available (Number) - marks available
#   $percent (Number) - the score in percent
training-score-file = { $trainee }, { $scenario }: { $earned } of { $available } ({ $percent }%)
# Variables:
#   $stage (String) - the stage id
#   $earned (Number) - marks earned
#   $available (Number) - marks available
#   $percent (Number) - the score in percent
training-score-stage = stage { $stage }: { $earned } of { $available } ({ $percent }%)
# Variables:
#   $files (Number) - how many practice files
training-summary-head = Practice files: { $files }. The steps most often missed or wrongly marked:
training-summary-facts = The facts most often missed or wrongly declared:
# Variables:
#   $times (Number) - in how many stages
#   $trainees (Number) - by how many trainees
training-summary-line = stages: { $times }, trainees: { $trainees }
training-summary-none = Nothing was missed.
# Variables:
#   $reason (String) - the system's reason
training-file-unreadable = The practice file cannot be read: { $reason }
training-not-a-file = This file is not a Dalil practice file.
# Variables:
#   $id (String) - the scenario id given
training-unknown-scenario = There is no training scenario { $id }. dalil training list names them.
# Variables:
#   $fact (String) - the fact or value given
training-bad-fact = Not a fact of the SOP, or not one of its values: { $fact }
# Variables:
#   $step (String) - the step id given
training-unknown-step = The SOP has no step { $step }.
# Variables:
#   $step (String) - the step id given
training-not-on-checklist = Step { $step } is not on the checklist for the facts declared so far.
# Variables:
#   $state (String) - the state given
training-bad-state = { $state } is not a step state. Use done, not-applicable, blocked or pending.
training-finished-already = This practice case is finished. Start a new one to practise again.
