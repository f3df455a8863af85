//! The personal agenda: bookmarked sessions by day, with overlaps flagged and free gaps shown.

use std::sync::Arc;

use chrono::{DateTime, FixedOffset, NaiveDate};
use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::plan::{
    self,
    day::{TooFar, Walks},
};
use crate::store::{Bookmark, ExhibitorView, PlanMark, Priority, SessionView, Store};

/// A bookmarked session in the agenda.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AgendaItem {
    pub session: SessionView,
    pub priority: Priority,
    pub note: String,
    /// What the user decided for it when planning the day, if anything.
    pub plan: Option<PlanMark>,
    /// Keys of other agenda sessions this one overlaps.
    // Shared, not copied (here and in `too_far`): 500 bookmarks can overlap in thousands of
    // pairs.
    pub overlaps: Vec<Arc<str>>,
    /// Keys of agenda sessions that do not overlap this one but are too far to walk to or
    /// from in the time between ("can't make it").
    pub too_far: Vec<Arc<str>>,
}

/// Free time between bookmarked sessions on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Gap {
    pub start: DateTime<FixedOffset>,
    pub end: DateTime<FixedOffset>,
    pub minutes: i64,
}

/// One conference day of the agenda.
#[derive(Debug, Clone, Serialize, TS)]
pub struct AgendaDay {
    pub date: NaiveDate,
    pub items: Vec<AgendaItem>,
    pub gaps: Vec<Gap>,
}

/// The whole agenda of a conference.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Agenda {
    pub conference: String,
    pub days: Vec<AgendaDay>,
    /// Number of overlapping pairs.
    pub overlap_count: usize,
    /// Pairs of sessions with too little time between them for the walk, every day's.
    pub too_far: Vec<TooFar>,
    /// False when the conference has no venue map, so walks are not known.
    pub walks_known: bool,
    /// Bookmarked exhibitors, to visit.
    pub exhibitors: Vec<ExhibitorView>,
    /// Bookmarks whose session, speaker or exhibitor vanished from the programme; kept for
    /// the user.
    pub orphans: Vec<Bookmark>,
}

impl Store {
    /// The agenda of `conference` (or the current one).
    pub fn agenda(&self, conference: Option<&str>) -> Result<Agenda> {
        let marked = self.bookmarked_sessions(conference)?;
        let slug = marked.slug;
        let items: Vec<AgendaItem> = marked
            .sessions
            .into_iter()
            .map(|marked| AgendaItem {
                priority: marked.session.bookmark.unwrap_or_default(),
                note: marked.note,
                plan: marked.plan,
                session: marked.session,
                overlaps: Vec::new(),
                too_far: Vec::new(),
            })
            .collect();
        let (mut days, overlap_count) = by_day(items);
        let layout = self.layout(Some(&slug))?;
        let walker = layout.walker();
        let mut too_far = Vec::new();
        for day in &mut days {
            let sessions: Vec<&SessionView> = day.items.iter().map(|i| &i.session).collect();
            let walks = Walks::new(walker.as_ref(), &sessions);
            let pairs = plan::day::too_far_pairs(&sessions, &walks);
            drop(sessions);
            let ends = pairs
                .iter()
                .map(|(i, j, pair)| (*i, *j, &pair.to, &pair.from));
            link(&mut day.items, ends, |item| &mut item.too_far);
            too_far.extend(pairs.into_iter().map(|(_, _, pair)| pair));
        }
        let exhibitors = self.bookmarked_exhibitors(&slug)?;
        Ok(Agenda {
            conference: slug,
            days,
            overlap_count,
            too_far,
            walks_known: walker.is_some(),
            exhibitors,
            orphans: marked.orphans,
        })
    }
}

/// Sorts items by start, groups them by day, flags overlaps and finds gaps.
fn by_day(items: Vec<AgendaItem>) -> (Vec<AgendaDay>, usize) {
    // Positions are sorted, not the items, which are large. Keys are unique, so the order is
    // total.
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_unstable_by(|&a, &b| {
        let (a, b) = (&items[a].session, &items[b].session);
        a.start.cmp(&b.start).then(a.key.cmp(&b.key))
    });
    let mut slots: Vec<Option<AgendaItem>> = items.into_iter().map(Some).collect();
    let mut items: Vec<AgendaItem> = order.iter().filter_map(|&i| slots[i].take()).collect();
    let mut overlapping: Vec<(usize, usize)> = Vec::new();
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            if items[j].session.start >= items[i].session.end {
                // Sorted by start: nothing later can overlap item i... unless item i is long,
                // which this check already covers since we compare with i's own end.
                break;
            }
            overlapping.push((i, j));
        }
    }
    let keys: Vec<Arc<str>> = items.iter().map(|i| Arc::from(&*i.session.key)).collect();
    let ends = overlapping.iter().map(|&(i, j)| (i, j, &keys[j], &keys[i]));
    link(&mut items, ends, |item| &mut item.overlaps);
    let mut days: Vec<AgendaDay> = Vec::new();
    for item in items {
        match days.last_mut() {
            Some(day) if day.date == item.session.day => day.items.push(item),
            _ => days.push(AgendaDay {
                date: item.session.day,
                items: vec![item],
                gaps: Vec::new(),
            }),
        }
    }
    for day in &mut days {
        let mut busy_until: Option<DateTime<FixedOffset>> = None;
        for item in &day.items {
            if let Some(until) = busy_until.filter(|u| *u < item.session.start) {
                day.gaps.push(Gap {
                    start: until,
                    end: item.session.start,
                    minutes: (item.session.start - until).num_minutes(),
                });
            }
            busy_until = Some(busy_until.map_or(item.session.end, |u| u.max(item.session.end)));
        }
    }
    (days, overlapping.len())
}

/// For each pair `(i, j, j's key, i's key)`, adds to item `i` the key of `j` and to item `j`
/// the key of `i`, in the list `list` picks. Each list is sized first: with thousands of pairs,
/// growing the lists one key at a time was a large part of the agenda's work.
fn link<'k>(
    items: &mut [AgendaItem],
    pairs: impl Iterator<Item = (usize, usize, &'k Arc<str>, &'k Arc<str>)> + Clone,
    list: impl Fn(&mut AgendaItem) -> &mut Vec<Arc<str>>,
) {
    let mut counts = vec![0; items.len()];
    for (i, j, _, _) in pairs.clone() {
        counts[i] += 1;
        counts[j] += 1;
    }
    for (item, count) in items.iter_mut().zip(counts) {
        list(item).reserve_exact(count);
    }
    for (i, j, j_key, i_key) in pairs {
        list(&mut items[i]).push(Arc::clone(j_key));
        list(&mut items[j]).push(Arc::clone(i_key));
    }
}
