//! Integration tests: frab_json.
