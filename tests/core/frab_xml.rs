//! Integration tests: frab_xml.
