//! Plenary's end-to-end suite. `config` always runs; the journeys drive the built app and run
//! only with `PLENARY_E2E=1` (see `plenary_e2e::enabled`).

mod config;
mod first_start;
