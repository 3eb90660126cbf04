//! Snippets: a window of the original text around the matched words, with the matches
//! marked by byte ranges. Nothing here is HTML until [`Highlighted::to_html`] escapes it.

use std::ops::Range;

/// How many words a body snippet shows at most.
const SNIPPET_WORDS: usize = 28;
/// How many words a snippet shows before its first match, when it can.
const LEAD_WORDS: usize = 6;
/// The mark for text left out before or after a snippet.
const ELLIPSIS: &str = "…";

/// A piece of the original, un-normalized text, with the matched words marked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Highlighted {
    /// The text, as written in the SOP or the note.
    pub text: String,
    /// The matched words, as byte ranges of `text`, in order and not overlapping. Adjacent
    /// matches separated only by spaces are one range.
    pub marks: Vec<Range<usize>>,
    /// Whether text was left out before `text`.
    pub cut_before: bool,
    /// Whether text was left out after `text`.
    pub cut_after: bool,
}

impl Highlighted {
    /// The snippet as HTML: the text escaped, each match in `<mark>`, and `…` where text was
    /// left out. The text is never trusted: it is escaped whatever it holds.
    pub fn to_html(&self) -> String {
        self.render("<mark>", "</mark>", dalil_content::render::escape, ELLIPSIS)
    }

    /// The snippet as plain text with each match between `open` and `close` (for example
    /// `«` and `»` on a terminal), and `…` where text was left out.
    pub fn marked(&self, open: &str, close: &str) -> String {
        self.render(open, close, str::to_owned, ELLIPSIS)
    }

    fn render(
        &self,
        open: &str,
        close: &str,
        text: impl Fn(&str) -> String,
        ellipsis: &str,
    ) -> String {
        let mut out = String::new();
        if self.cut_before {
            out.push_str(ellipsis);
            out.push(' ');
        }
        let mut pos = 0;
        for m in &self.marks {
            let (Some(before), Some(marked)) =
                (self.text.get(pos..m.start), self.text.get(m.clone()))
            else {
                continue;
            };
            out.push_str(&text(before));
            out.push_str(open);
            out.push_str(&text(marked));
            out.push_str(close);
            pos = m.end;
        }
        out.push_str(&text(self.text.get(pos..).unwrap_or_default()));
        if self.cut_after {
            out.push(' ');
            out.push_str(ellipsis);
        }
        out
    }
}

/// The whole of `text`, with the words at `words` marked where `matched` says so.
pub(crate) fn whole(text: &str, words: &[Range<usize>], matched: &[bool]) -> Highlighted {
    Highlighted {
        text: text.to_owned(),
        marks: merge(
            text,
            words
                .iter()
                .zip(matched)
                .filter(|(_, m)| **m)
                .map(|(r, _)| r.clone()),
        ),
        cut_before: false,
        cut_after: false,
    }
}

/// A window of `text` of at most [`SNIPPET_WORDS`] words, the one with the most matches,
/// starting a few words before its first match; the first words when nothing matched.
pub(crate) fn snippet(text: &str, words: &[Range<usize>], matched: &[bool]) -> Highlighted {
    let n = words.len();
    if n == 0 {
        return Highlighted::default();
    }
    // Matches before each word, to count a window's matches in constant time.
    let mut before = Vec::with_capacity(n + 1);
    before.push(0usize);
    for m in matched {
        before.push(before.last().copied().unwrap_or(0) + usize::from(*m));
    }
    let window = |start: usize| {
        let start = start.min(n.saturating_sub(SNIPPET_WORDS));
        (start, (start + SNIPPET_WORDS).min(n))
    };
    let mut best = window(0);
    let mut best_count = before[best.1] - before[best.0];
    let mut seen_match = false;
    for (i, m) in matched.iter().enumerate() {
        if !*m {
            continue;
        }
        let (s, e) = window(i.saturating_sub(LEAD_WORDS));
        let count = before[e] - before[s];
        if !seen_match || count > best_count {
            best = (s, e);
            best_count = count;
            seen_match = true;
        }
    }
    let (s, e) = best;
    // A window that reaches an end of the text keeps what stands beyond its outer word, such
    // as a closing bracket or a full stop.
    let start = if s == 0 { 0 } else { words[s].start };
    let end = if e == n { text.len() } else { words[e - 1].end };
    let Some(window_text) = text.get(start..end) else {
        return Highlighted::default();
    };
    let marks = words[s..e]
        .iter()
        .zip(&matched[s..e])
        .filter(|(_, m)| **m)
        .map(|(r, _)| r.start - start..r.end - start);
    Highlighted {
        text: window_text.to_owned(),
        marks: merge(window_text, marks),
        cut_before: s > 0,
        cut_after: e < n,
    }
}

/// Joins marks that only spaces separate, so that "debt bondage" is one mark.
fn merge(text: &str, marks: impl Iterator<Item = Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    for m in marks {
        if let Some(last) = out.last_mut() {
            if text
                .get(last.end..m.start)
                .is_some_and(|gap| gap.chars().all(char::is_whitespace))
            {
                last.end = m.end;
                continue;
            }
        }
        out.push(m);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Range<usize>> {
        dalil_normalize::tokens(text).map(|t| t.range).collect()
    }

    /// A made-up word for `i`, of letters only: 50 is `wfa`.
    fn word(i: usize) -> String {
        let letters: String = i
            .to_string()
            .bytes()
            .map(|d| char::from(b'a' + d - b'0'))
            .collect();
        format!("w{letters}")
    }

    #[test]
    fn html_is_escaped_and_marked() {
        let text = "a <b>&\"x\" y";
        let w = words(text);
        let matched: Vec<bool> = w.iter().map(|r| &text[r.clone()] == "x").collect();
        let h = whole(text, &w, &matched);
        assert_eq!(h.to_html(), "a &lt;b&gt;&amp;&quot;<mark>x</mark>&quot; y");
        assert_eq!(h.marked("«", "»"), "a <b>&\"«x»\" y");
    }

    #[test]
    fn adjacent_marks_are_merged() {
        let text = "the debt  bondage, and debt";
        let w = words(text);
        let matched: Vec<bool> = w
            .iter()
            .map(|r| matches!(&text[r.clone()], "debt" | "bondage"))
            .collect();
        let h = whole(text, &w, &matched);
        assert_eq!(h.marked("[", "]"), "the [debt  bondage], and [debt]");
    }

    #[test]
    fn a_snippet_is_a_window_around_the_matches() {
        let text: String = (0..100).map(|i| word(i) + " ").collect();
        let w = words(&text);
        let matched: Vec<bool> = (0..w.len()).map(|i| i == 50 || i == 52).collect();
        let h = snippet(&text, &w, &matched);
        assert!(h.cut_before && h.cut_after);
        assert!(h.text.starts_with("wee "), "{}", h.text);
        assert_eq!(h.marks.len(), 2);
        assert_eq!(&h.text[h.marks[0].clone()], "wfa");
        let start = h.marked("«", "»");
        assert!(start.starts_with("… wee"));
        assert!(start.ends_with(" …"));
    }

    #[test]
    fn a_snippet_without_matches_is_the_beginning() {
        let text = "one two three";
        let w = words(text);
        let h = snippet(text, &w, &[false, false, false]);
        assert_eq!(h.text, "one two three");
        assert!(!h.cut_before && !h.cut_after && h.marks.is_empty());
    }

    #[test]
    fn a_match_near_the_end_fills_the_window_backwards() {
        let text: String = (0..40).map(|i| word(i) + " ").collect();
        let w = words(&text);
        let matched: Vec<bool> = (0..w.len()).map(|i| i == 39).collect();
        let h = snippet(&text, &w, &matched);
        assert!(h.cut_before && !h.cut_after);
        assert!(h.text.starts_with("wbc "), "{}", h.text);
    }
}
