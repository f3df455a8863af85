#![no_main]

use libfuzzer_sys::fuzz_target;
use plenary_core::model::Format;

fuzz_target!(|data: &[u8]| plenary_fuzz::import_as(Format::ExhibitorsCsv, data));
