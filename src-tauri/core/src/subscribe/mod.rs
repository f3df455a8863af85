//! Schedule subscriptions, groundwork: fetching a schedule from its URL ([`fetch`]) and listing
//! what changed between two versions of a programme ([`diff`]). Nothing here touches the store
//! yet; keeping the subscription and its change log needs tables that come with a migration.

pub mod diff;
pub mod fetch;

pub use diff::{diff, Change, ChangeField};
pub use fetch::{fetch, FetchOptions, Fetched};
