//! Integration tests: exhibitors.
