//! Integration tests: bad_input.
