//! Step conditions: a small expression language over the manifest's case facts.
//!
//! ```text
//! expr    := and ("or" and)*
//! and     := unary ("and" unary)*
//! unary   := "not" unary | primary
//! primary := "(" expr ")" | FACT | FACT ("==" | "!=") STRING | FACT "in" "[" STRING ("," STRING)* "]"
//! ```
//!
//! A STRING is written in single or double quotes: single quotes need no escaping inside a
//! heading's `when="…"`.
//!
//! A condition is parsed once, when the content loads. [`Condition::check`] checks it against
//! the manifest; [`Condition::eval`] decides it for a case's facts, and
//! [`Condition::reasons`] says which facts made it true.

use std::collections::BTreeMap;

use crate::diagnostic::{Args, Code, Message};
use crate::manifest::{FactType, Manifest};

/// A case's answers: fact id to value (`yes` or `no` for a yes-no fact, a choice id for a
/// choice fact). A missing yes-no fact is "no"; a missing choice fact takes its default.
pub type Facts = BTreeMap<String, String>;

/// A parsed condition, with the source it came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    source: String,
    expr: Expr,
}

/// The syntax tree of a condition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expr {
    /// A yes-no fact, true when answered "yes".
    Fact(String),
    /// A choice fact compared with a set of choices; `negated` for `!=`.
    Choice {
        /// The fact id.
        fact: String,
        /// The choices it is compared with.
        values: Vec<String>,
        /// True for `!=`: the fact is none of `values`.
        negated: bool,
    },
    /// Logical negation.
    Not(Box<Expr>),
    /// Both hold.
    And(Box<Expr>, Box<Expr>),
    /// Either holds.
    Or(Box<Expr>, Box<Expr>),
}

/// An atom of a condition that holds for a case: the piece of a reason why a step is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// The yes-no fact is answered "yes" (or "no", when `negated`).
    Fact {
        /// The fact id.
        fact: String,
        /// True when the reason is that the fact does *not* hold.
        negated: bool,
    },
    /// The choice fact has this value.
    Choice {
        /// The fact id.
        fact: String,
        /// The case's value.
        value: String,
    },
}

/// A condition that does not parse, with the byte offset in the condition's text.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct SyntaxError {
    /// The byte offset of the problem within the condition.
    pub offset: usize,
    /// What is wrong, in English.
    pub message: String,
    /// The Fluent id of the diagnostic this error becomes, which puts "the condition cannot
    /// be read" before it.
    pub message_id: &'static str,
    /// The named arguments of that message.
    pub args: Args,
}

impl SyntaxError {
    fn new(offset: usize, message: Message) -> Self {
        SyntaxError {
            offset,
            message: message.english,
            message_id: message.id,
            args: message.args,
        }
    }
}

/// A condition that parses but does not fit the manifest.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UseError {
    /// The fact is not declared in the manifest.
    #[error("the condition uses `{0}`, which the manifest does not declare as a fact")]
    UnknownFact(String),
    /// A yes-no fact was compared with a value.
    #[error("`{0}` is a yes-no fact: use it on its own, or with `not`")]
    YesNoCompared(String),
    /// A choice fact was used on its own.
    #[error("`{0}` is a choice fact: compare it with `==`, `!=` or `in`")]
    ChoiceAlone(String),
    /// The value is not one of the choice fact's choices.
    #[error("`{value}` is not one of the choices of `{fact}`")]
    UnknownChoice {
        /// The fact id.
        fact: String,
        /// The unknown value.
        value: String,
    },
}

impl UseError {
    /// The Fluent id of the message; its English is this error's `Display`.
    pub fn message_id(&self) -> &'static str {
        match self {
            UseError::UnknownFact(_) => "validate-unknown-fact",
            UseError::YesNoCompared(_) => "validate-yes-no-fact-compared",
            UseError::ChoiceAlone(_) => "validate-choice-fact-alone",
            UseError::UnknownChoice { .. } => "validate-unknown-choice",
        }
    }

    /// The named arguments of the message.
    pub fn args(&self) -> Args {
        match self {
            UseError::UnknownFact(fact)
            | UseError::YesNoCompared(fact)
            | UseError::ChoiceAlone(fact) => vec![("fact", fact.clone())],
            UseError::UnknownChoice { fact, value } => {
                vec![("fact", fact.clone()), ("value", value.clone())]
            }
        }
    }
}

/// A condition written in the content (a step's `when`, an element's `required`), read and
/// checked against the manifest: the condition if it parses, and each problem found with its
/// byte offset within `source`, its code and its message. Every place that reads a
/// condition from the content reports its problems through here.
pub(crate) fn read(
    source: &str,
    manifest: &Manifest,
) -> (Option<Condition>, Vec<(usize, Code, Message)>) {
    match Condition::parse(source) {
        Err(e) => (
            None,
            vec![(
                e.offset,
                Code::ConditionSyntax,
                Message {
                    id: e.message_id,
                    args: e.args,
                    english: format!("the condition cannot be read: {}", e.message),
                },
            )],
        ),
        Ok(c) => {
            let problems = c
                .check(manifest)
                .into_iter()
                .map(|e| {
                    let code = match e {
                        UseError::UnknownFact(_) => Code::UnknownFact,
                        _ => Code::BadFactUse,
                    };
                    let message = Message {
                        id: e.message_id(),
                        args: e.args(),
                        english: e.to_string(),
                    };
                    (0, code, message)
                })
                .collect();
            (Some(c), problems)
        }
    }
}

impl Condition {
    /// Parses a condition.
    pub fn parse(source: &str) -> Result<Condition, SyntaxError> {
        let tokens = tokenize(source)?;
        let mut parser = Parser {
            tokens,
            pos: 0,
            end: source.len(),
        };
        let expr = parser.expr(0)?;
        if let Some(token) = parser.peek() {
            return Err(SyntaxError::new(
                token.offset,
                Message::new(
                    "validate-condition-trailing",
                    format!("unexpected `{}` after a complete condition", token.text()),
                )
                .arg("token", token.text()),
            ));
        }
        Ok(Condition {
            source: source.to_owned(),
            expr,
        })
    }

    /// The condition as written.
    pub fn source(&self) -> &str {
        &self.source
    }

    /// The syntax tree.
    pub fn expr(&self) -> &Expr {
        &self.expr
    }

    /// Checks every fact and choice against the manifest.
    pub fn check(&self, manifest: &Manifest) -> Vec<UseError> {
        let mut errors = Vec::new();
        check_expr(&self.expr, manifest, &mut errors);
        errors
    }

    /// Whether the condition holds for `facts`.
    pub fn eval(&self, manifest: &Manifest, facts: &Facts) -> bool {
        eval(&self.expr, manifest, facts)
    }

    /// The atoms that make the condition hold for `facts`, or an empty list when it does not.
    pub fn reasons(&self, manifest: &Manifest, facts: &Facts) -> Vec<Reason> {
        let mut out = Vec::new();
        if eval(&self.expr, manifest, facts) {
            reasons(&self.expr, manifest, facts, false, &mut out);
        }
        out
    }

    /// Every fact id the condition mentions, in order of appearance.
    pub fn facts(&self) -> Vec<&str> {
        fn walk<'a>(e: &'a Expr, out: &mut Vec<&'a str>) {
            match e {
                Expr::Fact(f) | Expr::Choice { fact: f, .. } => out.push(f),
                Expr::Not(e) => walk(e, out),
                Expr::And(a, b) | Expr::Or(a, b) => {
                    walk(a, out);
                    walk(b, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.expr, &mut out);
        out
    }
}

fn check_expr(expr: &Expr, manifest: &Manifest, errors: &mut Vec<UseError>) {
    match expr {
        Expr::Fact(id) => match manifest.fact(id).map(|f| &f.kind) {
            None => errors.push(UseError::UnknownFact(id.clone())),
            Some(FactType::Choice { .. }) => errors.push(UseError::ChoiceAlone(id.clone())),
            Some(FactType::YesNo) => {}
        },
        Expr::Choice { fact, values, .. } => match manifest.fact(fact).map(|f| &f.kind) {
            None => errors.push(UseError::UnknownFact(fact.clone())),
            Some(FactType::YesNo) => errors.push(UseError::YesNoCompared(fact.clone())),
            Some(FactType::Choice { choices, .. }) => {
                for value in values {
                    if !choices.iter().any(|c| &c.id == value) {
                        errors.push(UseError::UnknownChoice {
                            fact: fact.clone(),
                            value: value.clone(),
                        });
                    }
                }
            }
        },
        Expr::Not(e) => check_expr(e, manifest, errors),
        Expr::And(a, b) | Expr::Or(a, b) => {
            check_expr(a, manifest, errors);
            check_expr(b, manifest, errors);
        }
    }
}

/// The value of a fact for a case: the answer, or the default.
pub fn fact_value<'a>(manifest: &'a Manifest, facts: &'a Facts, id: &str) -> Option<&'a str> {
    if let Some(v) = facts.get(id) {
        return Some(v);
    }
    match manifest.fact(id).map(|f| &f.kind) {
        Some(FactType::Choice { default, .. }) => Some(default.as_str()),
        Some(FactType::YesNo) => Some("no"),
        None => None,
    }
}

fn eval(expr: &Expr, manifest: &Manifest, facts: &Facts) -> bool {
    match expr {
        Expr::Fact(id) => fact_value(manifest, facts, id) == Some("yes"),
        Expr::Choice {
            fact,
            values,
            negated,
        } => {
            let value = fact_value(manifest, facts, fact);
            let hit = value.is_some_and(|v| values.iter().any(|c| c == v));
            hit != *negated
        }
        Expr::Not(e) => !eval(e, manifest, facts),
        Expr::And(a, b) => eval(a, manifest, facts) && eval(b, manifest, facts),
        Expr::Or(a, b) => eval(a, manifest, facts) || eval(b, manifest, facts),
    }
}

/// Collects the atoms that make `expr` evaluate to `!negated`.
fn reasons(expr: &Expr, manifest: &Manifest, facts: &Facts, negated: bool, out: &mut Vec<Reason>) {
    match expr {
        Expr::Fact(id) => out.push(Reason::Fact {
            fact: id.clone(),
            negated,
        }),
        Expr::Choice { fact, .. } => out.push(Reason::Choice {
            fact: fact.clone(),
            value: fact_value(manifest, facts, fact)
                .unwrap_or_default()
                .to_owned(),
        }),
        Expr::Not(e) => reasons(e, manifest, facts, !negated, out),
        // `a and b` holds: both are reasons. `not (a and b)` holds: the false one is.
        // `a or b` holds: the first true one is. `not (a or b)` holds: both false ones are.
        Expr::And(a, b) | Expr::Or(a, b) => {
            let is_and = matches!(expr, Expr::And(..));
            let want = !negated;
            let both = is_and == want;
            for side in [a, b] {
                if eval(side, manifest, facts) == want {
                    reasons(side, manifest, facts, negated, out);
                    if !both {
                        return;
                    }
                }
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Tok {
    Ident(String),
    Str(String),
    And,
    Or,
    Not,
    In,
    Eq,
    Ne,
    LParen,
    RParen,
    LBracket,
    RBracket,
    Comma,
}

#[derive(Debug, Clone)]
struct Token {
    tok: Tok,
    offset: usize,
}

impl Token {
    fn text(&self) -> String {
        match &self.tok {
            Tok::Ident(s) => s.clone(),
            Tok::Str(s) => format!("\"{s}\""),
            Tok::And => "and".into(),
            Tok::Or => "or".into(),
            Tok::Not => "not".into(),
            Tok::In => "in".into(),
            Tok::Eq => "==".into(),
            Tok::Ne => "!=".into(),
            Tok::LParen => "(".into(),
            Tok::RParen => ")".into(),
            Tok::LBracket => "[".into(),
            Tok::RBracket => "]".into(),
            Tok::Comma => ",".into(),
        }
    }
}

fn tokenize(src: &str) -> Result<Vec<Token>, SyntaxError> {
    let mut tokens = Vec::new();
    let mut chars = src.char_indices().peekable();
    while let Some(&(offset, c)) = chars.peek() {
        let single = match c {
            '(' => Some(Tok::LParen),
            ')' => Some(Tok::RParen),
            '[' => Some(Tok::LBracket),
            ']' => Some(Tok::RBracket),
            ',' => Some(Tok::Comma),
            _ => None,
        };
        if let Some(tok) = single {
            chars.next();
            tokens.push(Token { tok, offset });
            continue;
        }
        if c.is_whitespace() {
            chars.next();
        } else if c == '=' || c == '!' {
            chars.next();
            if chars.next_if(|&(_, n)| n == '=').is_none() {
                return Err(SyntaxError::new(
                    offset,
                    Message::new(
                        "validate-condition-single-equals",
                        format!("`{c}` must be followed by `=`: write `==` or `!=`"),
                    )
                    .arg("char", c),
                ));
            }
            let tok = if c == '=' { Tok::Eq } else { Tok::Ne };
            tokens.push(Token { tok, offset });
        } else if c == '"' || c == '\'' {
            chars.next();
            let mut value = String::new();
            loop {
                match chars.next() {
                    Some((_, q)) if q == c => break,
                    Some((_, ch)) => value.push(ch),
                    None => {
                        return Err(SyntaxError::new(
                            offset,
                            Message::new(
                                "validate-condition-unclosed-quote",
                                "a quoted value is not closed",
                            ),
                        ));
                    }
                }
            }
            tokens.push(Token {
                tok: Tok::Str(value),
                offset,
            });
        } else if c.is_ascii_alphanumeric() || c == '-' {
            let mut word = String::new();
            while let Some((_, ch)) = chars.next_if(|&(_, n)| n.is_ascii_alphanumeric() || n == '-')
            {
                word.push(ch);
            }
            let tok = match word.as_str() {
                "and" => Tok::And,
                "or" => Tok::Or,
                "not" => Tok::Not,
                "in" => Tok::In,
                _ => Tok::Ident(word),
            };
            tokens.push(Token { tok, offset });
        } else {
            return Err(SyntaxError::new(
                offset,
                Message::new(
                    "validate-condition-bad-char",
                    format!("`{c}` cannot appear in a condition"),
                )
                .arg("char", c),
            ));
        }
    }
    Ok(tokens)
}

/// Nesting deeper than this is refused, so that hostile input cannot overflow the stack.
const MAX_DEPTH: usize = 64;

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    end: usize,
}

impl Parser {
    fn peek(&self) -> Option<&Token> {
        self.tokens.get(self.pos)
    }

    fn next_if(&mut self, tok: &Tok) -> bool {
        if self.peek().is_some_and(|t| &t.tok == tok) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn offset(&self) -> usize {
        self.peek().map_or(self.end, |t| t.offset)
    }

    /// What was expected and is missing. `id` names the message for `expected`; its `kind`
    /// argument says whether a token or the end of the condition stood there instead.
    fn error(&self, id: &'static str, expected: &str) -> SyntaxError {
        let message = match self.peek() {
            Some(t) => Message::new(id, format!("expected {expected}, found `{}`", t.text()))
                .arg("kind", "token")
                .arg("found", t.text()),
            None => Message::new(
                id,
                format!("expected {expected}, found the end of the condition"),
            )
            .arg("kind", "end"),
        };
        SyntaxError::new(self.offset(), message)
    }

    fn too_deep(&self) -> SyntaxError {
        SyntaxError::new(
            self.offset(),
            Message::new(
                "validate-condition-too-deep",
                "the condition is nested too deeply",
            ),
        )
    }

    fn expr(&mut self, depth: usize) -> Result<Expr, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.too_deep());
        }
        let mut left = self.and(depth)?;
        while self.next_if(&Tok::Or) {
            let right = self.and(depth)?;
            left = Expr::Or(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn and(&mut self, depth: usize) -> Result<Expr, SyntaxError> {
        let mut left = self.unary(depth)?;
        while self.next_if(&Tok::And) {
            let right = self.unary(depth)?;
            left = Expr::And(Box::new(left), Box::new(right));
        }
        Ok(left)
    }

    fn unary(&mut self, depth: usize) -> Result<Expr, SyntaxError> {
        if self.next_if(&Tok::Not) {
            if depth > MAX_DEPTH {
                return Err(self.too_deep());
            }
            return Ok(Expr::Not(Box::new(self.unary(depth + 1)?)));
        }
        self.primary(depth)
    }

    fn primary(&mut self, depth: usize) -> Result<Expr, SyntaxError> {
        if self.next_if(&Tok::LParen) {
            let inner = self.expr(depth + 1)?;
            if !self.next_if(&Tok::RParen) {
                return Err(self.error("validate-condition-expected-close-paren", "`)`"));
            }
            return Ok(inner);
        }
        let fact = match self.peek().map(|t| &t.tok) {
            Some(Tok::Ident(name)) => name.clone(),
            _ => return Err(self.error("validate-condition-expected-fact", "a fact")),
        };
        self.pos += 1;
        if self.next_if(&Tok::Eq) || self.next_if(&Tok::Ne) {
            let negated = self.tokens[self.pos - 1].tok == Tok::Ne;
            let value = self.string()?;
            return Ok(Expr::Choice {
                fact,
                values: vec![value],
                negated,
            });
        }
        if self.next_if(&Tok::In) {
            if !self.next_if(&Tok::LBracket) {
                return Err(
                    self.error("validate-condition-expected-open-bracket", "`[` after `in`")
                );
            }
            let mut values = vec![self.string()?];
            while self.next_if(&Tok::Comma) {
                values.push(self.string()?);
            }
            if !self.next_if(&Tok::RBracket) {
                return Err(self.error("validate-condition-expected-comma", "`,` or `]`"));
            }
            return Ok(Expr::Choice {
                fact,
                values,
                negated: false,
            });
        }
        Ok(Expr::Fact(fact))
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        match self.peek().map(|t| &t.tok) {
            Some(Tok::Str(s)) => {
                let s = s.clone();
                self.pos += 1;
                Ok(s)
            }
            _ => Err(self.error(
                "validate-condition-expected-value",
                "a quoted value such as \"smuggling\"",
            )),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(s: &str) -> Expr {
        match Condition::parse(s) {
            Ok(c) => c.expr,
            Err(e) => panic!("{s}: {e}"),
        }
    }

    #[test]
    fn precedence_is_not_then_and_then_or() {
        let e = parse("a or not b and c");
        let expected = Expr::Or(
            Box::new(Expr::Fact("a".into())),
            Box::new(Expr::And(
                Box::new(Expr::Not(Box::new(Expr::Fact("b".into())))),
                Box::new(Expr::Fact("c".into())),
            )),
        );
        assert_eq!(e, expected);
    }

    #[test]
    fn single_and_double_quotes_are_the_same() {
        assert_eq!(parse("kind == 'smuggling'"), parse("kind == \"smuggling\""));
    }

    #[test]
    fn choices() {
        assert_eq!(
            parse(r#"kind in ["smuggling", "both"]"#),
            Expr::Choice {
                fact: "kind".into(),
                values: vec!["smuggling".into(), "both".into()],
                negated: false
            }
        );
        assert_eq!(
            parse(r#"kind != "trafficking""#),
            Expr::Choice {
                fact: "kind".into(),
                values: vec!["trafficking".into()],
                negated: true
            }
        );
    }

    #[test]
    fn syntax_errors_point_at_the_problem() {
        let cases = [
            (
                "child and",
                9,
                "expected a fact, found the end of the condition",
            ),
            (
                "child foo",
                6,
                "unexpected `foo` after a complete condition",
            ),
            ("(child", 6, "expected `)`, found the end of the condition"),
            (
                "kind = \"x\"",
                5,
                "`=` must be followed by `=`: write `==` or `!=`",
            ),
            ("kind == \"x", 8, "a quoted value is not closed"),
            (
                "kind in [\"a\" \"b\"]",
                13,
                "expected `,` or `]`, found `\"b\"`",
            ),
            ("child & adult", 6, "`&` cannot appear in a condition"),
            ("", 0, "expected a fact, found the end of the condition"),
        ];
        for (src, offset, message) in cases {
            let err = Condition::parse(src).err();
            assert_eq!(
                err.map(|e| (e.offset, e.message)),
                Some((offset, message.to_owned())),
                "{src}"
            );
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_overflowed() {
        let src = format!("{}a{}", "(".repeat(10_000), ")".repeat(10_000));
        assert!(Condition::parse(&src).is_err());
        let src = format!("{}a", "not ".repeat(10_000));
        assert!(Condition::parse(&src).is_err());
    }
}
