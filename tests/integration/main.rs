//! Integration tests across the crates. One binary, so the suite links once.

mod case_cli;
mod case_layer;
mod cli;
mod contrast;
mod editions;
mod evidence;
mod fixtures;
mod full_disk;
mod hostile;
mod l10n;
mod practice;
mod properties;
mod real_content;
mod report;
mod support;
mod training;
