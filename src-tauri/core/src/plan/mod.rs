//! Planning beyond the agenda (issue 7). The algorithms are free of the store so they can be
//! tested exhaustively:
//!
//! - [`schedule`]: the best set of bookmarked sessions one person can attend, by priority,
//!   with the walk between rooms counted (weighted interval scheduling, exact);
//! - [`route`]: an order of visits that keeps walking short (exact for a few stops, nearest
//!   neighbour and 2-opt beyond);
//! - [`venues`] and [`walk`]: where rooms, halls and booths are, and the walks between them;
//!
//! and the store uses them:
//!
//! - [`maps`]: venue maps in the store;
//! - [`day`]: "plan my day", the "can't make it" pairs and "fill the gaps";
//! - [`booths`]: the booth route;
//! - [`floorplan`]: floor plans drawn as SVG;
//! - [`share`]: agendas, plans and booth lists as files, links, QR codes and iCalendar;
//! - [`pdf`]: a day's plan as a one-page PDF.

pub mod booths;
pub mod day;
pub mod floorplan;
pub mod maps;
pub mod pdf;
pub mod route;
pub mod schedule;
pub mod share;
pub mod venues;
pub mod walk;

/// Minutes, rounded up: a walk of 61 seconds needs two minutes.
pub(crate) fn minutes_up(seconds: i64) -> i64 {
    (seconds + 59).div_euclid(60)
}
