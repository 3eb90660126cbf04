## Messages of the SOP validator (`dalil validate`), one for each kind of problem. The code
## (`bad-id`, `duplicate-id`...) and the place are printed before the message and never
## translated. The English here must read exactly as the sentences in `crates/content`; a
## test compares them.

## io

# Variables:
#   $path (String) - the file, relative to the content folder
validate-io-missing = `{ $path }` is missing
validate-io-not-utf8 = the file is not valid UTF-8 text

## manifest-syntax, glossary-syntax, front-matter-syntax: the TOML reader's own words.

# Variables:
#   $detail (String) - the TOML reader's description of the problem, in English
validate-manifest-syntax = { $detail }
# Variables:
#   $detail (String) - the TOML reader's description of the problem, in English
validate-glossary-syntax = { $detail }
# Variables:
#   $detail (String) - the TOML reader's description of the problem, in English
validate-front-matter-syntax = { $detail }

## manifest-invalid

validate-manifest-empty-id = the SOP id is empty
validate-manifest-empty-version = the version is empty
validate-manifest-bad-date = the date must be written YYYY-MM-DD
# Variables:
#   $lang (String) - the language code, `ar` or `en`
validate-manifest-empty-label = the `{ $lang }` label is empty; every chapter must carry the status label
validate-manifest-no-chapters = no chapters are listed
validate-manifest-no-phases = no phases are declared
# Variables:
#   $fact (String) - the fact id
validate-manifest-yes-no-with-choices = fact `{ $fact }` is yes-no, so it takes no `choices` or `default`
# Variables:
#   $fact (String) - the fact id
validate-manifest-too-few-choices = choice fact `{ $fact }` needs at least two choices
# Variables:
#   $default (String) - the default as written
validate-manifest-unknown-default = the default `{ $default }` is not one of the choices
# Variables:
#   $fact (String) - the fact id
validate-manifest-no-default = choice fact `{ $fact }` needs a `default`
# Variables:
#   $type (String) - the fact type as written
validate-manifest-unknown-fact-type = fact type `{ $type }` is unknown; use `yes-no` or `choice`
# Variables:
#   $kind (String) - which text is empty: `question` or `label`
#   $fact (String) - the fact id
#   $lang (String) - the language code, `ar` or `en`
validate-manifest-empty-fact-text = fact `{ $fact }` has an empty `{ $lang }` { $kind }

## glossary-invalid

# Variables:
#   $term (String) - the term id
#   $lang (String) - the language code, `ar` or `en`
validate-glossary-empty-name = term `{ $term }` has an empty `{ $lang }` name
# Variables:
#   $term (String) - the term id
#   $lang (String) - the language code, `ar` or `en`
validate-glossary-empty-definition = term `{ $term }` has an empty `{ $lang }` definition

## elements-syntax, elements-invalid: `elements.toml`, the offences and their elements.

# Variables:
#   $detail (String) - the TOML reader's description of the problem, in English
validate-elements-syntax = { $detail }
# Variables:
#   $id (String) - the offence or element id
#   $lang (String) - the language code, `ar` or `en`
#   $kind (String) - what is missing: `name`, `description`, `basis` or `note`
validate-elements-missing-text = `{ $id }` has no `{ $lang }` { $kind }
# Variables:
#   $offence (String) - the offence id
validate-elements-none = offence `{ $offence }` declares no elements
# Variables:
#   $element (String) - the element id
#   $step (String) - the step id
validate-elements-step-twice = element `{ $element }` lists the step `{ $step }` twice
# Variables:
#   $element (String) - the element id
#   $step (String) - the step id
validate-elements-unknown-step = element `{ $element }` lists the step `{ $step }`, which no chapter declares

# Variables:
#   $term (String) - the term id
#   $lang (String) - the language code, `ar` or `en`
validate-glossary-empty-avoided = term `{ $term }` has an empty name in `{ $lang }-avoid`
# Variables:
#   $term (String) - the term id
#   $name (String) - the name, as listed to avoid
validate-glossary-avoided-is-a-name = term `{ $term }` lists «{ $name }» both as one of its names and as a name to avoid

## missing-chapter, missing-language, unlisted-chapter

# Variables:
#   $chapter (String) - the chapter id
validate-missing-chapter = the chapter `{ $chapter }` is listed, but there is no folder `chapters/{ $chapter }`
# Variables:
#   $chapter (String) - the chapter id
#   $lang (String) - the language code, `ar` or `en`
validate-missing-language = the chapter `{ $chapter }` has no `{ $lang }.md`
# Variables:
#   $folder (String) - the folder name under `chapters/`
validate-unlisted-chapter = the folder `chapters/{ $folder }` is not listed in the manifest's `chapters`

## front-matter-missing, front-matter-mismatch, unknown-phase

validate-front-matter-missing = the file must start with `+++` front matter holding `id`, `title` and `phase`
validate-front-matter-unclosed = the front matter is not closed by a `+++` line
# Variables:
#   $id (String) - the id written in the front matter
#   $folder (String) - the chapter's folder name
validate-front-matter-wrong-id = the front matter says id `{ $id }`, but the folder is `{ $folder }`
# Variables:
#   $phase (String) - the phase named in en.md
#   $ar-phase (String) - the phase named in ar.md
validate-phase-differs = the phase `{ $phase }` differs from `{ $ar-phase }` in ar.md; both languages must name the same phase
# Variables:
#   $phase (String) - the phase as written
validate-unknown-phase = the phase `{ $phase }` is not declared in the manifest

## bad-id, duplicate-id

# Variables:
#   $id (String) - the id as written
validate-bad-id = the id `{ $id }` is not ASCII kebab-case
# Variables:
#   $kind (String) - what the id names: `chapter`, `phase`, `fact`, `choice`, `term`, `offence`, `element`, `scenario` or `stage`
#   $id (String) - the id as written
validate-bad-declared-id = { $kind } id `{ $id }` is not ASCII kebab-case
# Variables:
#   $kind (String) - what the id names: `chapter`, `phase`, `fact`, `choice`, `term`, `offence`, `element`, `scenario` or `stage`
#   $id (String) - the id
validate-declared-twice = { $kind } id `{ $id }` is declared twice
# Variables:
#   $id (String) - the id, which is also the chapter's
validate-id-used-by-chapter = the id `{ $id }` is already used by the chapter `{ $id }`
# Variables:
#   $id (String) - the id, which is also the glossary term's
validate-id-used-by-term = the id `{ $id }` is already used by the glossary term `{ $id }`
# Variables:
#   $id (String) - the id
#   $file (String) - the file of the heading that took it first
#   $line (String) - the line of that heading
validate-id-used-by-heading = the id `{ $id }` is already used by a heading at { $file }:{ $line }

## step-missing-id, empty-title, empty-step

validate-step-missing-id = the step has no `#id`; add one such as `{ "{" }#intake-log-report .step{ "}" }`
validate-empty-chapter-title = the chapter title is empty
validate-empty-step-title = the step has no title
validate-empty-step = the step has no guidance under its heading

## bad-attribute

validate-attribute-second-id = a heading can have only one `#id`
# Variables:
#   $class (String) - the class as written, without its dot
validate-attribute-unknown-class = unknown class `.{ $class }`; use `.step` or `.advisory`
# Variables:
#   $word (String) - the word in the braces that is not an attribute
validate-attribute-not-an-attribute = `{ $word }` is not an attribute; write `#id`, `.class` or `key="value"`
validate-attribute-unclosed-quote = a quoted value is not closed
# Variables:
#   $attribute (String) - the attribute name
validate-attribute-twice = `{ $attribute }` is given twice
# Variables:
#   $attribute (String) - the attribute name
validate-attribute-unknown = unknown attribute `{ $attribute }`; use `when` or `basis`
validate-attribute-not-on-step = `when`, `basis` and `.advisory` belong on `.step` headings only

## step-only-in-one-language, step-order, step-mismatch

# Variables:
#   $step (String) - the step id
#   $lang (String) - the language code of the file that lacks it, `ar` or `en`
validate-step-only-in-one-language = the step `{ $step }` is missing from { $lang }.md
# Variables:
#   $step (String) - the step id in en.md
#   $ar-step (String) - the step id at the same place in ar.md
validate-step-order = the step `{ $step }` stands where ar.md has `{ $ar-step }`; both files must list the steps in the same order
# Variables:
#   $step (String) - the step id
validate-step-mismatch = the step `{ $step }` has a different `when` or class than in ar.md

## condition-syntax. In the `validate-condition-expected-*` messages, `$kind` says what stood
## where something else was expected: a token, or the end of the condition.

# Variables:
#   $token (String) - the token after the condition
validate-condition-trailing = the condition cannot be read: unexpected `{ $token }` after a complete condition
# Variables:
#   $char (String) - `=` or `!`
validate-condition-single-equals = the condition cannot be read: `{ $char }` must be followed by `=`: write `==` or `!=`
validate-condition-unclosed-quote = the condition cannot be read: a quoted value is not closed
# Variables:
#   $char (String) - the character
validate-condition-bad-char = the condition cannot be read: `{ $char }` cannot appear in a condition
validate-condition-too-deep = the condition cannot be read: the condition is nested too deeply
# Variables:
#   $kind (String) - `token` or `end`
#   $found (String) - the token found instead, when `$kind` is `token`
validate-condition-expected-close-paren = the condition cannot be read: expected `)`, found { $kind ->
        [end] the end of the condition
       *[token] `{ $found }`
    }
# Variables:
#   $kind (String) - `token` or `end`
#   $found (String) - the token found instead, when `$kind` is `token`
validate-condition-expected-fact = the condition cannot be read: expected a fact, found { $kind ->
        [end] the end of the condition
       *[token] `{ $found }`
    }
# Variables:
#   $kind (String) - `token` or `end`
#   $found (String) - the token found instead, when `$kind` is `token`
validate-condition-expected-open-bracket = the condition cannot be read: expected `[` after `in`, found { $kind ->
        [end] the end of the condition
       *[token] `{ $found }`
    }
# Variables:
#   $kind (String) - `token` or `end`
#   $found (String) - the token found instead, when `$kind` is `token`
validate-condition-expected-comma = the condition cannot be read: expected `,` or `]`, found { $kind ->
        [end] the end of the condition
       *[token] `{ $found }`
    }
# Variables:
#   $kind (String) - `token` or `end`
#   $found (String) - the token found instead, when `$kind` is `token`
validate-condition-expected-value = the condition cannot be read: expected a quoted value such as "smuggling", found { $kind ->
        [end] the end of the condition
       *[token] `{ $found }`
    }

## unknown-fact, bad-fact-use

# Variables:
#   $fact (String) - the fact id as written
validate-unknown-fact = the condition uses `{ $fact }`, which the manifest does not declare as a fact
# Variables:
#   $fact (String) - the fact id
validate-yes-no-fact-compared = `{ $fact }` is a yes-no fact: use it on its own, or with `not`
# Variables:
#   $fact (String) - the fact id
validate-choice-fact-alone = `{ $fact }` is a choice fact: compare it with `==`, `!=` or `in`
# Variables:
#   $value (String) - the value as written
#   $fact (String) - the fact id
validate-unknown-choice = `{ $value }` is not one of the choices of `{ $fact }`

## broken-reference, external-link

# Variables:
#   $link (String) - the link as written
validate-broken-reference = the link `{ $link }` names no chapter, step or section
# Variables:
#   $link (String) - the link as written
validate-broken-term-link = the link `{ $link }` names no glossary term
# Variables:
#   $link (String) - the link, cut at 60 characters
validate-external-link = the link `{ $link }` points outside the SOP; link only to `#id` or `term:id`

## avoided-variant: a warning, which does not fail validation

# Variables:
#   $variant (String) - the name to avoid, as the glossary lists it
#   $preferred (String) - the term's own name in the same language
#   $term (String) - the term id
validate-avoided-variant = «{ $variant }» is a name to avoid; write «{ $preferred }» (glossary term `{ $term }`)

## Training scenarios (`training/`). training-syntax: the TOML reader's own words.

# Variables:
#   $detail (String) - the TOML reader's description of the problem, in English
validate-training-syntax = { $detail }

## training-invalid

# Variables:
#   $lang (String) - the language code, `ar` or `en`
validate-training-empty-label = the `{ $lang }` label is empty; every scenario must carry the training label
validate-training-no-scenarios = no scenarios are listed
validate-scenario-no-stages = the scenario declares no stages; add a `[[stage]]`
validate-stage-reserved-id = the stage id `debrief` is kept for the trainer's debrief; choose another
# Variables:
#   $stage (String) - the stage id
validate-stage-empty = stage `{ $stage }` expects nothing; give it facts to declare or steps to mark
# Variables:
#   $fact (String) - the fact id
validate-stage-yes-no-value = `{ $fact }` is a yes-no fact: write `true` or `false`, without quotes
# Variables:
#   $fact (String) - the fact id
#   $value (String) - the value as written
validate-stage-unknown-choice = `{ $value }` is not one of the choices of `{ $fact }`
# Variables:
#   $fact (String) - the fact id
validate-stage-choice-value = `{ $fact }` is a choice fact: write one of its choices, in quotes
# Variables:
#   $step (String) - the step id
#   $lang (String) - the language code, `ar` or `en`
validate-stage-no-reason = the step `{ $step }` is expected not applicable, so it needs a reason in `{ $lang }`
# Variables:
#   $stage (String) - the stage id
#   $step (String) - the step id
validate-stage-step-twice = stage `{ $stage }` names the step `{ $step }` twice

## missing-scenario, missing-language, unlisted-scenario

# Variables:
#   $scenario (String) - the scenario id
validate-missing-scenario = the scenario `{ $scenario }` is listed, but there is no folder `training/{ $scenario }`
# Variables:
#   $scenario (String) - the scenario id
#   $file (String) - the missing file's name
validate-scenario-missing-file = the scenario `{ $scenario }` has no `{ $file }`
# Variables:
#   $scenario (String) - the scenario id
#   $lang (String) - the language code, `ar` or `en`
validate-scenario-missing-language = the scenario `{ $scenario }` has no `{ $lang }.md`
# Variables:
#   $folder (String) - the folder name under `training/`
validate-unlisted-scenario = the folder `training/{ $folder }` is not listed in the `scenarios` of training/training.toml

## front-matter-missing, empty-title, bad-attribute in a scenario's text

validate-scenario-front-matter-missing = the file must start with `+++` front matter holding `id` and `title`
validate-empty-scenario-title = the scenario title is empty
validate-scenario-heading-attribute = a scenario's heading takes only an `#id`; `.step`, `when` and `basis` belong in chapters

## stage-mismatch, empty-stage

validate-stage-heading-no-id = a `##` heading of a scenario opens a stage and needs the stage's id, such as `{ "{" }#first-report{ "}" }`
# Variables:
#   $stage (String) - the id of the section's heading
validate-stage-heading-unknown = the section `{ $stage }` names no stage of scenario.toml
# Variables:
#   $stage (String) - the stage id
validate-stage-heading-twice = the stage `{ $stage }` has a second section
# Variables:
#   $stage (String) - the stage id
#   $lang (String) - the language code of the file, `ar` or `en`
validate-stage-heading-missing = the stage `{ $stage }` of scenario.toml has no section in { $lang }.md
# Variables:
#   $stage (String) - the stage id of the section
#   $expected (String) - the stage scenario.toml has at that place
validate-stage-heading-order = the stage `{ $stage }` stands where scenario.toml has `{ $expected }`; the sections must follow the stages' order
validate-debrief-not-last = the `debrief` section must come after the last stage
# Variables:
#   $stage (String) - the section's id: a stage id, or `debrief`
validate-empty-stage = the section `{ $stage }` has no text under its heading

## unknown-fact, broken-reference in a scenario

# Variables:
#   $stage (String) - the stage id
#   $fact (String) - the fact id as written
validate-stage-unknown-fact = stage `{ $stage }` sets `{ $fact }`, which the manifest does not declare as a fact
# Variables:
#   $stage (String) - the stage id
#   $step (String) - the step id as written
validate-stage-unknown-step = stage `{ $stage }` names the step `{ $step }`, which no chapter declares

## step-not-shown, step-unaccounted: a scenario against the checklist

# Variables:
#   $stage (String) - the stage id
#   $step (String) - the step id
#   $when (String) - the step's condition, as written
validate-step-not-shown = stage `{ $stage }` expects a state for `{ $step }`, which the checklist does not show for the facts declared so far (it applies when `{ $when }`)
# Variables:
#   $stage (String) - the stage id
#   $step (String) - the step id
validate-step-unaccounted = the facts of stage `{ $stage }` bring `{ $step }` into the checklist, but no stage up to this one gives it an expected state
