//! Integration tests: waic.
