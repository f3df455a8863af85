//! Integration tests: ical.
