//! The integration tests live in `integration/`; this library is empty so that the package
//! can hold them. See `integration/main.rs`.
