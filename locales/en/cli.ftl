## Messages of the `dalil` command-line tool.

# Variables:
#   $chapters (Number) - how many chapters the SOP has
#   $steps (Number) - how many steps the SOP has
cli-validate-clean = The SOP is valid: { $chapters ->
        [one] one chapter
       *[other] { $chapters } chapters
    }, { $steps ->
        [one] one step
       *[other] { $steps } steps
    }.

# Variables:
#   $count (Number) - how many problems were found
cli-validate-problems = { $count ->
        [one] Found one problem in the SOP.
       *[other] Found { $count } problems in the SOP.
    }

# Variables:
#   $count (Number) - how many problems were found
cli-content-has-problems = { $count ->
        [one] The SOP content has one problem.
       *[other] The SOP content has { $count } problems.
    } Run `dalil validate` to see them.

# Variables:
#   $reason (String) - why the folder could not be read
cli-content-unreadable = Cannot read the content folder: { $reason }

# Variables:
#   $id (String) - the chapter id that was asked for
cli-unknown-chapter = There is no chapter `{ $id }`. Run `dalil chapters` to list them.

# Variables:
#   $reason (String) - what is wrong with the facts
cli-bad-facts = The facts cannot be used: { $reason }.

# Variables:
#   $reasons (String) - the facts that make the step apply, joined
cli-step-because = shown because: { $reasons }

cli-step-every-case = every case
cli-step-advisory = advisory

# Variables:
#   $count (Number) - how many steps apply
#   $required (Number) - how many of them are mandatory
cli-steps-summary = { $count ->
        [one] One step applies
       *[other] { $count } steps apply
    }, { $required } of them mandatory.

# Variables:
#   $count (Number) - how many steps the chapter has
cli-chapter-steps = { $count ->
        [one] one step
       *[other] { $count } steps
    }

# Variables:
#   $reason (String) - the system's description of the failure
cli-write-failed = Cannot write the output: { $reason }

## `dalil search`

# Variables:
#   $count (Number) - how many results were found
#   $chapters (Number) - in how many chapters
cli-search-summary = { $count ->
        [one] One result
       *[other] { $count } results
    } in { $chapters ->
        [one] one chapter
       *[other] { $chapters } chapters
    }.

cli-search-no-results = No results. Try fewer words, or the other language.

# The label of a result in a chapter's own text (its introduction or a section that is not a step).
cli-search-chapter-text = (chapter text)

# Variables:
#   $names (String) - the glossary term's names, Arabic and English
cli-search-glossary-term = Also searched the glossary term: { $names }

# Variables:
#   $max (Number) - the longest query accepted, in characters
cli-search-query-too-long = The query is too long: at most { $max ->
        [one] one character
       *[other] { $max } characters
    }.

# Variables:
#   $max (Number) - the most words a query may have
cli-search-too-many-words = The query has too many words: at most { $max ->
        [one] one word
       *[other] { $max } words
    }.

cli-search-control-character = The query holds a control character; type text only.

# Variables:
#   $reason (String) - the system's description of the failure
cli-search-failed = The search failed: { $reason }
