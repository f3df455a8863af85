//! Ordering visits so that the walk is short: an open path from a fixed start (an entrance, or
//! where the person is) through every stop, once each.
//!
//! Up to [`EXACT_UP_TO`] stops every order is tried, so the answer is the shortest there is.
//! Beyond that, nearest neighbour gives a first order and 2-opt (reversing any stretch of the
//! path that makes it shorter) improves it until no reversal helps.

/// Stops up to which every order is tried (8! = 40,320 orders).
pub const EXACT_UP_TO: usize = 8;

/// The order of stops `1..n` to visit after starting at stop 0, and the route's length, for a
/// distance `dist(a, b)` between any two of the `n` points (the start is point 0). The distance
/// must be the same both ways, as a walk is: 2-opt reverses stretches of the path.
pub fn order(n: usize, dist: impl Fn(usize, usize) -> f64) -> (Vec<usize>, f64) {
    order_with_end(n, None, dist)
}

/// As [`order`], but when `end` is given the route finishes at that point (where the next
/// session is, say): it is not among the stops returned, and the walk to it is in the length.
pub fn order_with_end(
    n: usize,
    end: Option<usize>,
    dist: impl Fn(usize, usize) -> f64,
) -> (Vec<usize>, f64) {
    let mut stops: Vec<usize> = (1..n).filter(|&p| Some(p) != end).collect();
    if stops.is_empty() {
        return (stops, end.map_or(0.0, |e| dist(0, e)));
    }
    if stops.len() <= EXACT_UP_TO {
        exact(&mut stops, end, &dist);
    } else {
        stops = nearest_neighbour(n, end, &dist);
        two_opt(&mut stops, end, &dist);
    }
    let length = total(&stops, end, &dist);
    (stops, length)
}

/// The length of the path 0 → stops[0] → stops[1] → ….
pub fn length(stops: &[usize], dist: &impl Fn(usize, usize) -> f64) -> f64 {
    total(stops, None, dist)
}

/// The length of the path 0 → stops[0] → … → end.
fn total(stops: &[usize], end: Option<usize>, dist: &impl Fn(usize, usize) -> f64) -> f64 {
    let mut at = 0;
    let mut sum = 0.0;
    for &s in stops.iter().chain(end.iter()) {
        sum += dist(at, s);
        at = s;
    }
    sum
}

/// Tries every order of `stops` (Heap's algorithm) and leaves the shortest in place.
fn exact(stops: &mut [usize], end: Option<usize>, dist: &impl Fn(usize, usize) -> f64) {
    let mut best = stops.to_vec();
    let mut best_length = total(stops, end, dist);
    let mut counters = vec![0; stops.len()];
    let mut i = 1;
    while i < stops.len() {
        if counters[i] < i {
            let swap = if i % 2 == 0 { 0 } else { counters[i] };
            stops.swap(swap, i);
            let l = total(stops, end, dist);
            if l < best_length {
                best_length = l;
                best.copy_from_slice(stops);
            }
            counters[i] += 1;
            i = 1;
        } else {
            counters[i] = 0;
            i += 1;
        }
    }
    stops.copy_from_slice(&best);
}

/// From the start, always to the closest stop not yet visited.
pub(crate) fn nearest_neighbour(
    n: usize,
    end: Option<usize>,
    dist: &impl Fn(usize, usize) -> f64,
) -> Vec<usize> {
    let mut left: Vec<usize> = (1..n).filter(|&p| Some(p) != end).collect();
    let mut path = Vec::with_capacity(left.len());
    let mut at = 0;
    while let Some((k, _)) = left
        .iter()
        .enumerate()
        .min_by(|a, b| dist(at, *a.1).total_cmp(&dist(at, *b.1)))
    {
        at = left.swap_remove(k);
        path.push(at);
    }
    path
}

/// Reverses stretches of the path while that shortens it. With no fixed end the path's end is
/// free (it does not return to the start), so reversing a stretch that reaches the end changes
/// one edge only; with one, the last edge goes to it.
pub(crate) fn two_opt(
    stops: &mut [usize],
    end: Option<usize>,
    dist: &impl Fn(usize, usize) -> f64,
) {
    let n = stops.len();
    let before = |stops: &[usize], i: usize| if i == 0 { 0 } else { stops[i - 1] };
    let after = |stops: &[usize], j: usize| if j + 1 < n { Some(stops[j + 1]) } else { end };
    let mut improved = true;
    while improved {
        improved = false;
        for i in 0..n {
            for j in i + 1..n {
                let a = before(stops, i);
                let (b, c) = (stops[i], stops[j]);
                let d = after(stops, j);
                let old = dist(a, b) + d.map_or(0.0, |d| dist(c, d));
                let new = dist(a, c) + d.map_or(0.0, |d| dist(b, d));
                if new + 1e-9 < old {
                    stops[i..=j].reverse();
                    improved = true;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    use crate::synth::rng::Rng;

    /// How far the heuristic is from the shortest route on random 8-stop walks (seeded), where
    /// `order` itself would try every order; run with `--nocapture` to see the figures.
    #[test]
    fn the_heuristic_on_random_eight_stop_walks() {
        let mut rng = Rng::new(7);
        let (mut sum, mut worst, mut exact, runs) = (0.0, 0.0f64, 0, 300);
        for _ in 0..runs {
            let points: Vec<(f64, f64)> = (0..9)
                .map(|_| (rng.below(1000) as f64 / 10.0, rng.below(1000) as f64 / 10.0))
                .collect();
            let dist = euclid(&points);
            let mut stops = nearest_neighbour(points.len(), None, &dist);
            two_opt(&mut stops, None, &dist);
            let excess = length(&stops, &dist) / brute_force(points.len(), &dist) - 1.0;
            sum += excess;
            worst = worst.max(excess);
            exact += usize::from(excess < 1e-9);
        }
        let mean = sum / runs as f64;
        eprintln!("2-opt on {runs} random 8-stop walks: mean excess {:.2} %, worst {:.2} %, shortest in {exact}", mean * 100.0, worst * 100.0);
        // Measured: 1.62 % mean, 18.42 % worst, shortest in 202 of 300 (docs/benchmarks.md).
        assert!(mean < 0.03, "mean excess {mean}");
    }

    fn euclid(points: &[(f64, f64)]) -> impl Fn(usize, usize) -> f64 + '_ {
        move |a, b| {
            ((points[a].0 - points[b].0).powi(2) + (points[a].1 - points[b].1).powi(2)).sqrt()
        }
    }

    /// The shortest length over every order, by plain recursion: the definition.
    fn brute_force(n: usize, dist: &impl Fn(usize, usize) -> f64) -> f64 {
        fn go(at: usize, left: &mut Vec<usize>, dist: &impl Fn(usize, usize) -> f64) -> f64 {
            if left.is_empty() {
                return 0.0;
            }
            let mut best = f64::INFINITY;
            for k in 0..left.len() {
                let next = left.remove(k);
                best = best.min(dist(at, next) + go(next, left, dist));
                left.insert(k, next);
            }
            best
        }
        go(0, &mut (1..n).collect(), dist)
    }

    /// As [`brute_force`], for routes that must finish at `end`.
    fn brute_force_to(n: usize, end: usize, dist: &impl Fn(usize, usize) -> f64) -> f64 {
        fn go(
            at: usize,
            end: usize,
            left: &mut Vec<usize>,
            dist: &impl Fn(usize, usize) -> f64,
        ) -> f64 {
            if left.is_empty() {
                return dist(at, end);
            }
            let mut best = f64::INFINITY;
            for k in 0..left.len() {
                let next = left.remove(k);
                best = best.min(dist(at, next) + go(next, end, left, dist));
                left.insert(k, next);
            }
            best
        }
        go(0, end, &mut (1..n).filter(|&p| p != end).collect(), dist)
    }

    #[test]
    fn a_fixed_end_is_walked_to_last() {
        // Start at 0, the next session's room at 10: the stop at 4 comes first, then 9.
        let points = [(0.0, 0.0), (9.0, 0.0), (4.0, 0.0), (10.0, 0.0)];
        let (stops, length) = order_with_end(points.len(), Some(3), euclid(&points));
        assert_eq!(stops, [2, 1]);
        assert!((length - 10.0).abs() < 1e-9);
        assert_eq!(
            order_with_end(2, Some(1), euclid(&points)),
            (Vec::new(), 9.0)
        );
    }

    #[test]
    fn stops_on_a_line_are_visited_in_order() {
        let points = [(0.0, 0.0), (3.0, 0.0), (1.0, 0.0), (2.0, 0.0)];
        let (stops, length) = order(points.len(), euclid(&points));
        assert_eq!(stops, [2, 3, 1]);
        assert!((length - 3.0).abs() < 1e-9);
    }

    #[test]
    fn no_stops_no_walk() {
        assert_eq!(order(1, |_, _| 1.0), (Vec::new(), 0.0));
        assert_eq!(order(0, |_, _| 1.0), (Vec::new(), 0.0));
    }

    proptest! {
        /// Up to EXACT_UP_TO stops the order is the shortest there is.
        #[test]
        fn small_routes_are_the_shortest(points in prop::collection::vec((0.0f64..100.0, 0.0f64..100.0), 1..=EXACT_UP_TO + 1)) {
            let dist = euclid(&points);
            let (stops, length) = order(points.len(), &dist);
            let mut sorted = stops.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (1..points.len()).collect::<Vec<_>>());
            prop_assert!((length - brute_force(points.len(), &dist)).abs() < 1e-6);
        }

        /// With a fixed end too, small routes are the shortest, and larger ones visit every
        /// stop once and end there.
        #[test]
        fn routes_to_a_fixed_end_are_the_shortest(points in prop::collection::vec((0.0f64..100.0, 0.0f64..100.0), 2..=EXACT_UP_TO + 2)) {
            let dist = euclid(&points);
            let end = points.len() - 1;
            let (stops, length) = order_with_end(points.len(), Some(end), &dist);
            let mut sorted = stops.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (1..end).collect::<Vec<_>>());
            prop_assert!((length - brute_force_to(points.len(), end, &dist)).abs() < 1e-6);
        }

        /// The heuristic visits every stop once, is never longer than nearest neighbour alone,
        /// and no single reversal can shorten what it returns.
        #[test]
        fn the_heuristic_is_locally_optimal(points in prop::collection::vec((0.0f64..100.0, 0.0f64..100.0), 2..=12)) {
            let dist = euclid(&points);
            let nn = nearest_neighbour(points.len(), None, &dist);
            let mut improved = nn.clone();
            two_opt(&mut improved, None, &dist);
            let mut sorted = improved.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (1..points.len()).collect::<Vec<_>>());
            let l = length(&improved, &dist);
            prop_assert!(l <= length(&nn, &dist) + 1e-9);
            for i in 0..improved.len() {
                for j in i + 1..improved.len() {
                    let mut other = improved.clone();
                    other[i..=j].reverse();
                    prop_assert!(length(&other, &dist) + 1e-6 >= l);
                }
            }
        }
    }
}
