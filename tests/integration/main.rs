//! Integration tests across the crates. One binary, so the suite links once.

mod cli;
mod fixtures;
mod hostile;
mod properties;
mod real_content;
mod support;
