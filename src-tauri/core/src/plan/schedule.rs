//! Choosing which bookmarked sessions to attend: weighted interval scheduling where two
//! sessions fit together only if the first ends early enough to walk to the second's room.
//!
//! Priorities are lexicographic: a session the user put in the plan comes first, then one more
//! "must" beats any number of "want"s, which beat any
//! number of "maybe"s; among equal choices, more minutes in sessions wins. Because the walk
//! depends on both rooms, "fits after" is not a single cut-off time, so the classic
//! predecessor search does not apply; instead each session is tried after every earlier one,
//! which is exact and O(n²): 500 bookmarks make 125,000 tests.

use crate::store::Priority;

/// A session that could be attended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slot {
    /// Start, in seconds (Unix time).
    pub start: i64,
    /// End, in seconds (Unix time).
    pub end: i64,
    /// The bookmark's priority: what the choice weighs.
    pub priority: Priority,
    /// The user put it in the plan: it outweighs any priority.
    pub pinned: bool,
}

/// How good a set of sessions is: compared field by field, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Score {
    /// Sessions the user put in the plan.
    pub pinned: u32,
    /// Sessions bookmarked "must".
    pub must: u32,
    /// Sessions bookmarked "want".
    pub want: u32,
    /// Sessions bookmarked "maybe".
    pub maybe: u32,
    /// Minutes spent in sessions.
    pub minutes: i64,
}

impl Score {
    fn of(slot: &Slot) -> Score {
        let mut score = Score {
            pinned: u32::from(slot.pinned),
            minutes: (slot.end - slot.start) / 60,
            ..Score::default()
        };
        match slot.priority {
            Priority::Must => score.must = 1,
            Priority::Want => score.want = 1,
            Priority::Maybe => score.maybe = 1,
        }
        score
    }

    fn plus(self, other: Score) -> Score {
        Score {
            pinned: self.pinned + other.pinned,
            must: self.must + other.must,
            want: self.want + other.want,
            maybe: self.maybe + other.maybe,
            minutes: self.minutes + other.minutes,
        }
    }
}

/// Whether `b` can be attended after `a`: `a` ends, the walk is done, and `b` has not started.
pub fn fits_after(a: &Slot, b: &Slot, walk_seconds: i64) -> bool {
    a.end.saturating_add(walk_seconds) <= b.start
}

/// The best attendable set of `slots`, as indices in start order, and its score. `walk(i, j)`
/// is the walk in seconds from slot `i`'s room to slot `j`'s (0 for the same room).
pub fn choose(slots: &[Slot], walk: impl Fn(usize, usize) -> i64) -> (Vec<usize>, Score) {
    let mut order: Vec<usize> = (0..slots.len()).collect();
    order.sort_by_key(|&i| (slots[i].start, slots[i].end, i));
    // best[k]: the best score of a set ending with order[k]; prev[k]: the one before it.
    let mut best: Vec<Score> = Vec::with_capacity(order.len());
    let mut prev: Vec<Option<usize>> = Vec::with_capacity(order.len());
    for (k, &j) in order.iter().enumerate() {
        let mut top = (Score::default(), None);
        for (m, &i) in order[..k].iter().enumerate() {
            if fits_after(&slots[i], &slots[j], walk(i, j)) && best[m] > top.0 {
                top = (best[m], Some(m));
            }
        }
        best.push(top.0.plus(Score::of(&slots[j])));
        prev.push(top.1);
    }
    let Some(last) = (0..order.len()).max_by(|&a, &b| best[a].cmp(&best[b]).then(b.cmp(&a))) else {
        return (Vec::new(), Score::default());
    };
    let mut chosen = Vec::new();
    let mut at = Some(last);
    while let Some(k) = at {
        chosen.push(order[k]);
        at = prev[k];
    }
    chosen.reverse();
    (chosen, best[last])
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn slot(start_min: i64, end_min: i64, priority: Priority) -> Slot {
        Slot {
            start: start_min * 60,
            end: end_min * 60,
            priority,
            pinned: false,
        }
    }

    /// Every subset, checked for fitting in start order: the definition of the best choice.
    fn brute_force(slots: &[Slot], walk: &dyn Fn(usize, usize) -> i64) -> Score {
        let mut best = Score::default();
        for mask in 0u32..(1 << slots.len()) {
            let mut set: Vec<usize> = (0..slots.len()).filter(|i| mask & (1 << i) != 0).collect();
            set.sort_by_key(|&i| (slots[i].start, slots[i].end, i));
            let fits = set
                .windows(2)
                .all(|w| fits_after(&slots[w[0]], &slots[w[1]], walk(w[0], w[1])));
            if fits {
                let score = set
                    .iter()
                    .fold(Score::default(), |s, &i| s.plus(Score::of(&slots[i])));
                best = best.max(score);
            }
        }
        best
    }

    #[test]
    fn one_must_beats_two_wants() {
        let slots = [
            slot(0, 60, Priority::Want),
            slot(30, 90, Priority::Must),
            slot(60, 120, Priority::Want),
        ];
        let (chosen, score) = choose(&slots, |_, _| 0);
        assert_eq!(chosen, [1]);
        assert_eq!(score.must, 1);
    }

    #[test]
    fn a_walk_longer_than_the_gap_rules_out_the_pair() {
        // 10:00-10:30 in one venue, 10:40-11:10 in the other, 15 minutes apart.
        let slots = [
            slot(600, 630, Priority::Must),
            slot(640, 670, Priority::Want),
        ];
        let far = |i: usize, j: usize| if i == j { 0 } else { 15 * 60 };
        assert_eq!(choose(&slots, far).0, [0], "can't make it: keeps the must");
        assert_eq!(
            choose(&slots, |_, _| 5 * 60).0,
            [0, 1],
            "a 5-minute walk fits"
        );
    }

    #[test]
    fn a_session_put_in_the_plan_beats_two_musts() {
        let mut slots = [
            slot(0, 60, Priority::Must),
            slot(30, 90, Priority::Maybe),
            slot(60, 120, Priority::Must),
        ];
        slots[1].pinned = true;
        let (chosen, score) = choose(&slots, |_, _| 0);
        assert_eq!(chosen, [1]);
        assert_eq!((score.pinned, score.must, score.maybe), (1, 0, 1));
    }

    #[test]
    fn nothing_to_choose() {
        assert_eq!(choose(&[], |_, _| 0), (Vec::new(), Score::default()));
    }

    fn priority() -> impl Strategy<Value = Priority> {
        prop_oneof![
            Just(Priority::Must),
            Just(Priority::Want),
            Just(Priority::Maybe)
        ]
    }

    proptest! {
        /// Exact: the same score as trying every subset, and the choice itself fits.
        #[test]
        fn matches_brute_force(
            raw in prop::collection::vec((0i64..600, 10i64..120, priority(), 0usize..3, prop::bool::weighted(0.2)), 0..11),
            walks in prop::collection::vec(0i64..40, 9),
        ) {
            let slots: Vec<Slot> = raw
                .iter()
                .map(|&(s, d, p, _, pinned)| Slot { pinned, ..slot(s, s + d, p) })
                .collect();
            let rooms: Vec<usize> = raw.iter().map(|r| r.3).collect();
            let walk = |i: usize, j: usize| {
                if rooms[i] == rooms[j] { 0 } else { walks[rooms[i] * 3 + rooms[j]] * 60 }
            };
            let (chosen, score) = choose(&slots, walk);
            prop_assert_eq!(score, brute_force(&slots, &walk));
            for w in chosen.windows(2) {
                prop_assert!(fits_after(&slots[w[0]], &slots[w[1]], walk(w[0], w[1])));
            }
        }
    }
}
