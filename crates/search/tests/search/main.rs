//! Integration tests of dalil-search, in one binary: the real SOP, hostile queries and the
//! notes API.

mod hostile;
mod invariance;
mod known_answers;
mod notes;
mod prebuilt;
mod support;
mod typing;
