//! "Plan my day": the best set of a day's bookmarked sessions, walking included, with the
//! reason for every choice, a backup for each chosen session, the pairs no one can make, and
//! sessions suggested for the free time.

use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

use chrono::{NaiveDate, Utc};
use rusqlite::params;
use serde::Serialize;
use ts_rs::TS;

use super::maps::Layout;
use super::minutes_up;
use super::schedule::{choose, fits_after, Score, Slot};
use super::walk::{Place, Spot, Walker};
use crate::error::{Error, Result};
use crate::store::{
    resolve_conference, BookmarkKind, PlanMark, Priority, SessionFilter, SessionView, Store,
};

/// Two bookmarked sessions that do not overlap, but with too little time between them to walk
/// from the first one's room to the second's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TooFar {
    /// The earlier session's key.
    pub from: Arc<str>,
    /// The later session's key.
    pub to: Arc<str>,
    pub walk_minutes: i64,
    pub gap_minutes: i64,
    /// True when the walk rests on an illustrative layout or walk between venues.
    pub illustrative: bool,
}

/// Why a session is in the plan or out of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Reason {
    /// In: no other bookmarked session clashes with it.
    NoClash,
    /// In: it clashes with these sessions (keys), and the plan is better with it than with them.
    ChosenOver { keys: Vec<String> },
    /// Out: it overlaps this chosen session.
    Overlaps { key: String, priority: Priority },
    /// Out: the user took it out of the plan.
    TakenOut,
    /// Out: there is no time to walk between it and this chosen session.
    TooFar {
        key: String,
        priority: Priority,
        walk_minutes: i64,
        gap_minutes: i64,
    },
}

/// A bookmarked session and what the plan makes of it.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PlanItem {
    pub session: SessionView,
    pub priority: Priority,
    /// What the user decided for it, if anything.
    pub mark: Option<PlanMark>,
    pub reason: Reason,
    /// The reason in a sentence (English), for the CLI.
    pub explanation: String,
    /// Chosen sessions only: the walk from the previous chosen session's room, in minutes.
    pub walk_minutes: Option<i64>,
    /// Chosen sessions only: left-out sessions that clash with this one, best first; the ones
    /// to go to instead if this one falls through.
    pub backups: Vec<String>,
}

/// Why a session is suggested for free time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Because {
    /// It is on a track of a bookmarked session (`like`).
    Track { track: String, like: String },
    /// A speaker of a bookmarked session speaks.
    Speaker { name: String, like: String },
    /// Its title shares a word with a bookmarked session's title.
    Word { word: String, like: String },
}

/// A session that fits free time in the plan.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Suggestion {
    pub session: SessionView,
    pub because: Vec<Because>,
    /// The reasons in a sentence (English), for the CLI.
    pub explanation: String,
}

/// A day's plan.
#[derive(Debug, Clone, Serialize, TS)]
pub struct DayPlan {
    pub conference: String,
    pub date: NaiveDate,
    /// In start order.
    pub chosen: Vec<PlanItem>,
    /// In start order.
    pub left_out: Vec<PlanItem>,
    pub too_far: Vec<TooFar>,
    /// Sessions that fit between the chosen ones, the best few for each free stretch.
    pub suggestions: Vec<Suggestion>,
    /// False when the conference has no venue map: walks count as zero.
    pub walks_known: bool,
    /// True when the user accepted or changed this day's plan (some session is marked in or
    /// out).
    pub decided: bool,
    pub musts: u32,
    pub wants: u32,
    pub maybes: u32,
}

/// Suggestions kept for each free stretch of the day.
const SUGGESTIONS_PER_GAP: usize = 3;

impl Store {
    /// Plans `date` of `conference` (or the current one) from its bookmarked sessions.
    pub fn plan_day(&self, conference: Option<&str>, date: NaiveDate) -> Result<DayPlan> {
        let layout = self.layout(conference)?;
        let slug = layout.conference.clone();
        let day_sessions = self.sessions(&SessionFilter {
            conference: Some(slug.clone()),
            day: Some(date),
            with_text: Some(false),
            ..SessionFilter::default()
        })?;
        if day_sessions.is_empty() {
            return Err(Error::BadRequest(format!(
                "{slug} has no sessions on {date}; `plenary sessions` lists its days"
            )));
        }
        let marks: HashMap<String, (Priority, Option<PlanMark>)> = self
            .bookmarks(Some(&slug))?
            .into_iter()
            .filter(|b| b.kind == BookmarkKind::Session && !b.orphaned)
            .map(|b| (b.key, (b.priority, b.plan)))
            .collect();
        let (mut marked, others): (Vec<SessionView>, Vec<SessionView>) = day_sessions
            .into_iter()
            .partition(|s| marks.contains_key(&s.key));
        marked.sort_by(|a, b| (a.start, a.end, &a.key).cmp(&(b.start, b.end, &b.key)));
        let walker = layout.walker();
        let too_far = too_far(&marked, &Walks::new(walker.as_ref(), &marked));
        let decided = marked.iter().any(|s| marks[&s.key].1.is_some());
        // Sessions the user took out are not planned; the rest are, those put in first.
        let (skipped, kept): (Vec<SessionView>, Vec<SessionView>) = marked
            .iter()
            .cloned()
            .partition(|s| marks[&s.key].1 == Some(PlanMark::Out));
        let walks = Walks::new(walker.as_ref(), &kept);
        let slots: Vec<Slot> = kept
            .iter()
            .map(|s| Slot {
                start: s.start.timestamp(),
                end: s.end.timestamp(),
                priority: marks[&s.key].0,
                pinned: marks[&s.key].1 == Some(PlanMark::In),
            })
            .collect();
        let (chosen, score) = choose(&slots, |i, j| walks.seconds(i, j));
        let (chosen_items, mut left_out) = explain(&kept, &slots, &chosen, &walks);
        left_out.extend(skipped.into_iter().map(|session| PlanItem {
            priority: marks[&session.key].0,
            mark: Some(PlanMark::Out),
            reason: Reason::TakenOut,
            explanation: "Left out: you took it out of the plan.".into(),
            walk_minutes: None,
            backups: Vec::new(),
            session,
        }));
        left_out.sort_by(|a, b| {
            (a.session.start, &a.session.key).cmp(&(b.session.start, &b.session.key))
        });
        let suggestions = suggest(self, &layout, &kept, &chosen, others)?;
        let Score {
            must, want, maybe, ..
        } = score;
        Ok(DayPlan {
            conference: slug,
            date,
            chosen: chosen_items,
            left_out,
            too_far,
            suggestions,
            walks_known: walker.is_some(),
            decided,
            musts: must,
            wants: want,
            maybes: maybe,
        })
    }

    /// Accepts the plan for `date` as it stands: its chosen sessions are marked in, so they
    /// outweigh any priority and later changes of priority do not move them. The left-out ones
    /// stay undecided: each clashes with a session marked in, so it stays out, and its reason
    /// still says which. Returns the plan.
    pub fn accept_plan(&self, conference: Option<&str>, date: NaiveDate) -> Result<DayPlan> {
        let plan = self.plan_day(conference, date)?;
        let changes: Vec<(String, Option<PlanMark>)> = plan
            .chosen
            .iter()
            .map(|i| (i.session.key.clone(), Some(PlanMark::In)))
            .collect();
        self.write_plan_marks(&plan, &changes)?;
        self.plan_day(Some(&plan.conference), date)
    }

    /// Changes a day's plan by hand, all at once: each bookmarked session of `date` named in
    /// `changes` is put in (`In`), taken out (`Out`) or left to the planner again (`None`).
    /// Nothing is written unless the day exists and every key is a session bookmarked on it.
    /// Returns the new plan.
    pub fn change_plan(
        &self,
        conference: Option<&str>,
        date: NaiveDate,
        changes: &[(String, Option<PlanMark>)],
    ) -> Result<DayPlan> {
        let plan = self.plan_day(conference, date)?;
        self.write_plan_marks(&plan, changes)?;
        self.plan_day(Some(&plan.conference), date)
    }

    /// Writes `changes` for the sessions of `plan`'s day in one transaction, refusing all of
    /// them if any key is not one of its bookmarked sessions.
    fn write_plan_marks(
        &self,
        plan: &DayPlan,
        changes: &[(String, Option<PlanMark>)],
    ) -> Result<()> {
        let of_day: HashSet<&str> = plan
            .chosen
            .iter()
            .chain(&plan.left_out)
            .map(|i| i.session.key.as_str())
            .collect();
        if let Some((key, _)) = changes.iter().find(|(k, _)| !of_day.contains(k.as_str())) {
            return Err(Error::BadRequest(format!(
                "{key:?} is not a session bookmarked on {}; `plenary agenda` lists them",
                plan.date
            )));
        }
        self.write(|tx| {
            let mut set = tx.prepare_cached(
                "UPDATE bookmark SET plan = ?3, updated_at = ?4
                 WHERE conference_slug = ?1 AND target_kind = 'session' AND target_key = ?2",
            )?;
            let now = Utc::now().to_rfc3339();
            for (key, mark) in changes {
                set.execute(params![
                    plan.conference,
                    key,
                    mark.map(PlanMark::as_str),
                    now
                ])?;
            }
            Ok(())
        })
    }

    /// Changes the plan by hand: puts a bookmarked session in, takes it out, or (`None`) leaves
    /// it to the planner again.
    pub fn set_plan_mark(
        &self,
        conference: Option<&str>,
        key: &str,
        mark: Option<PlanMark>,
    ) -> Result<()> {
        let slug = self.read(|conn| resolve_conference(conn, conference))?.slug;
        self.write(|tx| {
            let changed = tx.execute(
                "UPDATE bookmark SET plan = ?3, updated_at = ?4
                 WHERE conference_slug = ?1 AND target_kind = 'session' AND target_key = ?2",
                params![
                    slug,
                    key,
                    mark.map(PlanMark::as_str),
                    Utc::now().to_rfc3339()
                ],
            )?;
            if changed == 0 {
                return Err(Error::NotFound {
                    what: "bookmarked session",
                    key: key.to_string(),
                });
            }
            Ok(())
        })
    }

    /// Forgets every decision for `date`: the planner chooses by priority again.
    pub fn reset_plan(&self, conference: Option<&str>, date: NaiveDate) -> Result<DayPlan> {
        let plan = self.plan_day(conference, date)?;
        let keys: Vec<&String> = plan
            .chosen
            .iter()
            .chain(&plan.left_out)
            .map(|i| &i.session.key)
            .collect();
        self.write(|tx| {
            let mut clear = tx.prepare_cached(
                "UPDATE bookmark SET plan = NULL, updated_at = ?3
                 WHERE conference_slug = ?1 AND target_kind = 'session' AND target_key = ?2
                   AND plan IS NOT NULL",
            )?;
            let now = Utc::now().to_rfc3339();
            for key in keys {
                clear.execute(params![plan.conference, key, now])?;
            }
            Ok(())
        })?;
        self.plan_day(Some(&plan.conference), date)
    }
}

/// Walks between the rooms of a list of sessions: each room is placed once, and a walk is
/// then arithmetic, worked out when asked for.
pub(crate) struct Walks<'w> {
    walker: Option<&'w Walker<'w>>,
    spots: Vec<Option<Spot>>,
}

impl<'w> Walks<'w> {
    pub(crate) fn new<S: Borrow<SessionView>>(
        walker: Option<&'w Walker<'w>>,
        sessions: &[S],
    ) -> Walks<'w> {
        let mut placed: HashMap<&str, Option<Spot>> = HashMap::new();
        let spots = sessions
            .iter()
            .map(|s| {
                let (w, room) = (walker?, s.borrow().room.as_deref()?);
                *placed
                    .entry(room)
                    .or_insert_with(|| w.spot(Place::Room(room)))
            })
            .collect();
        Walks { walker, spots }
    }

    /// The walk between sessions `i` and `j`, in seconds; unknown walks count as none.
    pub(crate) fn seconds(&self, i: usize, j: usize) -> i64 {
        self.known(i, j).unwrap_or(0)
    }

    fn known(&self, i: usize, j: usize) -> Option<i64> {
        let (a, b) = (self.spots[i]?, self.spots[j]?);
        if a == b {
            return Some(0);
        }
        self.walker?.between(a, b)
    }

    fn illustrative(&self, i: usize, j: usize) -> bool {
        match (self.walker, self.spots[i], self.spots[j]) {
            (Some(w), Some(a), Some(b)) => w.illustrative_between(a, b),
            _ => false,
        }
    }

    /// No walk between these sessions takes longer than this (0 without a map).
    fn longest(&self) -> i64 {
        self.walker
            .map_or(0, |w| w.longest(self.spots.iter().flatten().copied()))
    }
}

/// Every pair of `sessions` (in start order) that does not overlap but leaves too little time
/// to walk between the rooms.
pub(crate) fn too_far(sessions: &[SessionView], walks: &Walks<'_>) -> Vec<TooFar> {
    too_far_pairs(sessions, walks)
        .into_iter()
        .map(|(_, _, pair)| pair)
        .collect()
}

/// [`too_far`] with each pair's positions in `sessions`.
pub(crate) fn too_far_pairs<S: Borrow<SessionView>>(
    sessions: &[S],
    walks: &Walks<'_>,
) -> Vec<(usize, usize, TooFar)> {
    let longest = walks.longest();
    if longest == 0 {
        return Vec::new();
    }
    let keys: Vec<Arc<str>> = sessions
        .iter()
        .map(|s| Arc::from(&*s.borrow().key))
        .collect();
    // In seconds: subtracting two zoned times took most of the loop's time. Sessions' times
    // are stored in whole seconds, so the gaps are the same.
    let times: Vec<(i64, i64)> = sessions
        .iter()
        .map(|s| (s.borrow().start.timestamp(), s.borrow().end.timestamp()))
        .collect();
    let mut pairs = Vec::new();
    for (i, &(_, end)) in times.iter().enumerate() {
        for (j, &(start, _)) in times.iter().enumerate().skip(i + 1) {
            let gap = start - end;
            if gap >= longest {
                // Later sessions start later still: none of them is too far from session `i`.
                break;
            }
            if gap < 0 {
                continue;
            }
            let walk = walks.seconds(i, j);
            if walk > gap {
                let pair = TooFar {
                    from: Arc::clone(&keys[i]),
                    to: Arc::clone(&keys[j]),
                    walk_minutes: minutes_up(walk),
                    gap_minutes: gap / 60,
                    illustrative: walks.illustrative(i, j),
                };
                pairs.push((i, j, pair));
            }
        }
    }
    pairs
}

/// Whether two sessions cannot both be attended, in either order.
fn clash(slots: &[Slot], walks: &Walks<'_>, i: usize, j: usize) -> bool {
    !(fits_after(&slots[i], &slots[j], walks.seconds(i, j))
        || fits_after(&slots[j], &slots[i], walks.seconds(j, i)))
}

fn explain(
    sessions: &[SessionView],
    slots: &[Slot],
    chosen: &[usize],
    walks: &Walks<'_>,
) -> (Vec<PlanItem>, Vec<PlanItem>) {
    let is_chosen: HashSet<usize> = chosen.iter().copied().collect();
    let clashes =
        |i: usize| (0..sessions.len()).filter(move |&j| j != i && clash(slots, walks, i, j));
    let title = |i: usize| format!("“{}”", sessions[i].title);
    let mut chosen_items = Vec::new();
    let mut previous: Option<usize> = None;
    for &i in chosen {
        let mut over: Vec<usize> = clashes(i).filter(|j| !is_chosen.contains(j)).collect();
        over.sort_by_key(|&j| (slots[j].priority, slots[j].start));
        let reason = if over.is_empty() {
            Reason::NoClash
        } else {
            Reason::ChosenOver {
                keys: over.iter().map(|&j| sessions[j].key.clone()).collect(),
            }
        };
        let why = if slots[i].pinned {
            "You put it in the plan"
        } else {
            capital(slots[i].priority)
        };
        let explanation = match &reason {
            Reason::NoClash => format!("{why}: nothing else you bookmarked clashes with it."),
            _ => format!(
                "{why}, chosen over {}.",
                over.iter()
                    .map(|&j| format!("{} ({})", title(j), slots[j].priority.as_str()))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
        chosen_items.push(PlanItem {
            session: sessions[i].clone(),
            priority: slots[i].priority,
            mark: slots[i].pinned.then_some(PlanMark::In),
            reason,
            explanation,
            walk_minutes: previous.map(|p| minutes_up(walks.seconds(p, i))),
            backups: over.iter().map(|&j| sessions[j].key.clone()).collect(),
        });
        previous = Some(i);
    }
    let mut left_out = Vec::new();
    for i in (0..sessions.len()).filter(|i| !is_chosen.contains(i)) {
        // The chosen session it gives way to: an overlapping one first, the highest priority.
        let winner = chosen
            .iter()
            .copied()
            .filter(|&c| clash(slots, walks, i, c))
            .min_by_key(|&c| (!overlap(slots, i, c), slots[c].priority, slots[c].start));
        let Some(c) = winner else {
            continue;
        };
        let key = sessions[c].key.clone();
        let priority = slots[c].priority;
        let (reason, explanation) = if overlap(slots, i, c) {
            (
                Reason::Overlaps { key, priority },
                format!(
                    "Left out: it overlaps {} ({}), which the plan keeps.",
                    title(c),
                    priority.as_str()
                ),
            )
        } else {
            let (first, second) = if slots[c].start < slots[i].start {
                (c, i)
            } else {
                (i, c)
            };
            let walk = minutes_up(walks.seconds(first, second));
            let gap = (slots[second].start - slots[first].end) / 60;
            (
                Reason::TooFar {
                    key,
                    priority,
                    walk_minutes: walk,
                    gap_minutes: gap,
                },
                format!(
                    "Left out: can't make it from {} to {}: the walk takes {walk} minutes and \
                     there are {gap} between them.",
                    title(first),
                    title(second)
                ),
            )
        };
        left_out.push(PlanItem {
            session: sessions[i].clone(),
            priority: slots[i].priority,
            mark: slots[i].pinned.then_some(PlanMark::In),
            reason,
            explanation,
            walk_minutes: None,
            backups: Vec::new(),
        });
    }
    (chosen_items, left_out)
}

fn overlap(slots: &[Slot], i: usize, j: usize) -> bool {
    slots[i].start < slots[j].end && slots[j].start < slots[i].end
}

fn capital(p: Priority) -> &'static str {
    match p {
        Priority::Must => "Must see",
        Priority::Want => "Wanted",
        Priority::Maybe => "Maybe",
    }
}

/// Words too common in session titles to say anything about a person's interests.
const COMMON: &[&str] = &[
    "about",
    "after",
    "from",
    "into",
    "more",
    "over",
    "that",
    "their",
    "this",
    "what",
    "when",
    "with",
    "your",
    "forum",
    "session",
    "talk",
    "keynote",
    "panel",
    "opening",
    "closing",
    "conference",
    "world",
    "2025",
    "2026",
];

fn words(title: &str) -> impl Iterator<Item = String> + '_ {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 4 && w.is_ascii())
        .map(str::to_lowercase)
        .filter(|w| !COMMON.contains(&w.as_str()))
}

/// Sessions of the day that fit the free time around the chosen ones and share a track, a
/// speaker or a title word with a bookmarked session of the conference.
fn suggest(
    store: &Store,
    layout: &Layout,
    marked: &[SessionView],
    chosen: &[usize],
    others: Vec<SessionView>,
) -> Result<Vec<Suggestion>> {
    // What the person likes, from every bookmarked session of the conference, not just today's.
    let keys: Vec<String> = store
        .bookmarks(Some(&layout.conference))?
        .into_iter()
        .filter(|b| b.kind == BookmarkKind::Session && !b.orphaned)
        .map(|b| b.key)
        .collect();
    let liked = store.sessions(&SessionFilter {
        conference: Some(layout.conference.clone()),
        keys: Some(keys),
        with_text: Some(false),
        ..SessionFilter::default()
    })?;
    let mut tracks: HashMap<&str, &SessionView> = HashMap::new();
    let mut speakers: HashMap<&str, &SessionView> = HashMap::new();
    let mut title_words: HashMap<String, &SessionView> = HashMap::new();
    for s in &liked {
        if let Some(t) = s.track.as_deref() {
            tracks.entry(t).or_insert(s);
        }
        for p in &s.speakers {
            speakers.entry(p.as_str()).or_insert(s);
        }
        for w in words(&s.title) {
            title_words.entry(w).or_insert(s);
        }
    }
    let walker = layout.walker();
    let walk = |a: &SessionView, b: &SessionView| -> i64 {
        let (Some(w), Some(ra), Some(rb)) = (walker.as_ref(), a.room.as_deref(), b.room.as_deref())
        else {
            return 0;
        };
        w.seconds(Place::Room(ra), Place::Room(rb)).unwrap_or(0)
    };
    let plan: Vec<&SessionView> = chosen.iter().map(|&i| &marked[i]).collect();
    // Free stretches: before the first chosen session, between each two, after the last.
    let mut stretches: Vec<(Option<&SessionView>, Option<&SessionView>)> = Vec::new();
    for k in 0..=plan.len() {
        stretches.push((k.checked_sub(1).map(|p| plan[p]), plan.get(k).copied()));
    }
    let title_of = |key: &str| {
        liked
            .iter()
            .find(|l| l.key == key)
            .map_or(String::new(), |l| l.title.clone())
    };
    let mut out = Vec::new();
    for (before, after) in stretches {
        // The times alone rule out most sessions of a long day; walks are looked up only for
        // those left, and a suggestion is written out only for the ones kept.
        let mut fitting: Vec<(u32, &SessionView, Vec<Because>)> = others
            .iter()
            .filter(|s| {
                before.is_none_or(|b| b.end <= s.start) && after.is_none_or(|a| s.end <= a.start)
            })
            .filter(|s| {
                before.is_none_or(|b| b.end.timestamp() + walk(b, s) <= s.start.timestamp())
                    && after.is_none_or(|a| s.end.timestamp() + walk(s, a) <= a.start.timestamp())
            })
            .filter_map(|s| {
                let mut because = Vec::new();
                if let Some(like) = s.track.as_deref().and_then(|t| tracks.get(t)) {
                    because.push(Because::Track {
                        track: s.track.clone().unwrap_or_default(),
                        like: like.key.clone(),
                    });
                }
                for p in &s.speakers {
                    if let Some(like) = speakers.get(p.as_str()) {
                        because.push(Because::Speaker {
                            name: p.clone(),
                            like: like.key.clone(),
                        });
                    }
                }
                for w in words(&s.title) {
                    if let Some(like) = title_words.get(&w) {
                        because.push(Because::Word {
                            word: w,
                            like: like.key.clone(),
                        });
                    }
                }
                if because.is_empty() {
                    return None;
                }
                let weight = because
                    .iter()
                    .map(|b| match b {
                        Because::Speaker { .. } => 3,
                        Because::Track { .. } => 2,
                        Because::Word { .. } => 1,
                    })
                    .sum();
                Some((weight, s, because))
            })
            .collect();
        fitting.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.start.cmp(&b.1.start)));
        out.extend(
            fitting
                .into_iter()
                .take(SUGGESTIONS_PER_GAP)
                .map(|(_, s, because)| {
                    let explanation = because
                        .iter()
                        .map(|b| match b {
                            Because::Track { track, like } => {
                                format!("on {track}, like “{}”", title_of(like))
                            }
                            Because::Speaker { name, like } => {
                                format!("{name} speaks, as in “{}”", title_of(like))
                            }
                            Because::Word { word, like } => {
                                format!("about “{word}”, like “{}”", title_of(like))
                            }
                        })
                        .collect::<Vec<_>>()
                        .join("; ");
                    Suggestion {
                        session: s.clone(),
                        because,
                        explanation: crate::text::capitalise(&explanation) + ".",
                    }
                }),
        );
    }
    Ok(out)
}
