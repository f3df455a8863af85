//! Planning beyond the agenda (issue 7): the algorithms, free of the store so they can be
//! tested exhaustively.
//!
//! - [`schedule`]: the best set of bookmarked sessions one person can attend, by priority,
//!   with the walk between rooms counted (weighted interval scheduling, exact);
//! - [`route`]: an order of visits that keeps walking short (exact for a few stops, nearest
//!   neighbour and 2-opt beyond).
//!
//! Not yet wired to the store, the CLI or the app: see issue 7's note.

pub mod route;
pub mod schedule;
