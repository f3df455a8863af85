//! Planning: venue maps, "plan my day" and the booth route.

use std::path::Path;

use chrono::NaiveDate;
use plenary_core::plan::booths::{BoothRoute, RouteRequest};
use plenary_core::plan::day::DayPlan;
use plenary_core::plan::maps::VenueMapReport;
use plenary_core::plan::venues::VenueMap;
use plenary_core::store::PlanMark;
use plenary_core::Store;
use tauri::State;

use crate::error::CommandError;

#[tauri::command(async)]
pub fn plan_day(
    store: State<'_, Store>,
    conference: Option<String>,
    date: NaiveDate,
) -> Result<DayPlan, CommandError> {
    Ok(store.plan_day(conference.as_deref(), date)?)
}

#[tauri::command(async)]
pub fn accept_plan(
    store: State<'_, Store>,
    conference: Option<String>,
    date: NaiveDate,
) -> Result<DayPlan, CommandError> {
    Ok(store.accept_plan(conference.as_deref(), date)?)
}

#[tauri::command(async)]
pub fn set_plan_mark(
    store: State<'_, Store>,
    conference: Option<String>,
    key: String,
    mark: Option<PlanMark>,
) -> Result<(), CommandError> {
    Ok(store.set_plan_mark(conference.as_deref(), &key, mark)?)
}

#[tauri::command(async)]
pub fn change_plan(
    store: State<'_, Store>,
    conference: Option<String>,
    date: NaiveDate,
    changes: Vec<(String, Option<PlanMark>)>,
) -> Result<DayPlan, CommandError> {
    Ok(store.change_plan(conference.as_deref(), date, &changes)?)
}

#[tauri::command(async)]
pub fn reset_plan(
    store: State<'_, Store>,
    conference: Option<String>,
    date: NaiveDate,
) -> Result<DayPlan, CommandError> {
    Ok(store.reset_plan(conference.as_deref(), date)?)
}

#[tauri::command(async)]
pub fn booth_route(
    store: State<'_, Store>,
    request: RouteRequest,
) -> Result<BoothRoute, CommandError> {
    Ok(store.booth_route(&request)?)
}

#[tauri::command(async)]
pub fn venue_map(
    store: State<'_, Store>,
    conference: Option<String>,
) -> Result<Option<VenueMap>, CommandError> {
    Ok(store.venue_map(conference.as_deref())?)
}

#[tauri::command(async)]
pub fn import_venue_file(
    store: State<'_, Store>,
    conference: Option<String>,
    path: String,
) -> Result<VenueMapReport, CommandError> {
    Ok(store.import_venue_file(conference.as_deref(), Path::new(&path))?)
}
