//! TypeScript declarations of every type that crosses the desktop app's IPC, generated from
//! these Rust types so the UI never keeps hand-written copies. The file is committed at
//! `ui/src/ipc/bindings.ts`; a test fails when it is stale, and
//! `PLENARY_UPDATE_BINDINGS=1 cargo test -p plenary-core bindings` rewrites it.

use ts_rs::{Config, TS};

use crate::agenda::{Agenda, AgendaDay, AgendaItem, Gap};
use crate::model::{Format, Link, Warning};
use crate::plan::booths::{BoothRoute, LeftOff, RouteRequest, RouteStop, Skipped};
use crate::plan::day::{Because, DayPlan, PlanItem, Reason, Suggestion, TooFar};
use crate::plan::maps::VenueMapReport;
use crate::plan::share::{QrCode, Share, ShareReport, ShareScope, ShareView, SharedItem};
use crate::plan::venues::{HallPlan, VenueMap, VenuePlan, Walk};
use crate::reminders::{Notice, NoticeKind, PendingReminder, Reminder, ReminderDefaults};
use crate::search::{Entity, SearchHit, SearchQuery};
use crate::store::{
    BackupBookmark, Bookmark, BookmarkChange, BookmarkKind, BookmarkTally, ConferenceSummary,
    ExhibitorFilter, ExhibitorView, ImportReport, PersonView, PlanMark, Priority, ProductView,
    Progress, Recovery, RestoreReport, SessionFilter, SessionView,
};
use crate::subscribe::{
    Change, ChangeField, RefreshOutcome, RefreshReport, RefreshStatus, StoredChange,
    SubscriptionView, WhatChanged,
};

/// The whole bindings file.
pub fn typescript() -> String {
    // Unix seconds and counts fit comfortably in a JavaScript number.
    let cfg = Config::new().with_large_int("number");
    let decls = [
        Format::decl(&cfg),
        Link::decl(&cfg),
        Warning::decl(&cfg),
        ConferenceSummary::decl(&cfg),
        SessionFilter::decl(&cfg),
        SessionView::decl(&cfg),
        PersonView::decl(&cfg),
        ExhibitorFilter::decl(&cfg),
        ExhibitorView::decl(&cfg),
        ProductView::decl(&cfg),
        BookmarkKind::decl(&cfg),
        Priority::decl(&cfg),
        Reminder::decl(&cfg),
        ReminderDefaults::decl(&cfg),
        PendingReminder::decl(&cfg),
        NoticeKind::decl(&cfg),
        Notice::decl(&cfg),
        Bookmark::decl(&cfg),
        BookmarkChange::decl(&cfg),
        BookmarkTally::decl(&cfg),
        ImportReport::decl(&cfg),
        BackupBookmark::decl(&cfg),
        RestoreReport::decl(&cfg),
        Recovery::decl(&cfg),
        Progress::decl(&cfg),
        Entity::decl(&cfg),
        SearchQuery::decl(&cfg),
        SearchHit::decl(&cfg),
        Agenda::decl(&cfg),
        AgendaDay::decl(&cfg),
        AgendaItem::decl(&cfg),
        Gap::decl(&cfg),
        ChangeField::decl(&cfg),
        Change::decl(&cfg),
        StoredChange::decl(&cfg),
        RefreshStatus::decl(&cfg),
        RefreshReport::decl(&cfg),
        SubscriptionView::decl(&cfg),
        WhatChanged::decl(&cfg),
        RefreshOutcome::decl(&cfg),
        PlanMark::decl(&cfg),
        TooFar::decl(&cfg),
        Reason::decl(&cfg),
        PlanItem::decl(&cfg),
        Because::decl(&cfg),
        Suggestion::decl(&cfg),
        DayPlan::decl(&cfg),
        RouteRequest::decl(&cfg),
        RouteStop::decl(&cfg),
        Skipped::decl(&cfg),
        LeftOff::decl(&cfg),
        BoothRoute::decl(&cfg),
        VenueMapReport::decl(&cfg),
        VenueMap::decl(&cfg),
        VenuePlan::decl(&cfg),
        HallPlan::decl(&cfg),
        Walk::decl(&cfg),
        ShareScope::decl(&cfg),
        SharedItem::decl(&cfg),
        Share::decl(&cfg),
        ShareReport::decl(&cfg),
        QrCode::decl(&cfg),
        ShareView::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from plenary-core's Rust types by `src-tauri/core/src/bindings.rs`.\n\
         // Do not edit: run `PLENARY_UPDATE_BINDINGS=1 cargo test -p plenary-core bindings`.\n\n",
    );
    for decl in decls {
        out.push_str("export ");
        out.push_str(&decl);
        out.push_str("\n\n");
    }
    out.truncate(out.trim_end().len());
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    #[test]
    fn bindings_file_is_fresh() {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/ipc/bindings.ts");
        let fresh = super::typescript();
        if std::env::var_os("PLENARY_UPDATE_BINDINGS").is_some() {
            std::fs::create_dir_all(path.parent().expect("has a parent"))
                .expect("create ui/src/ipc");
            std::fs::write(&path, &fresh).expect("write bindings");
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == fresh,
            "ui/src/ipc/bindings.ts is stale: run PLENARY_UPDATE_BINDINGS=1 cargo test -p plenary-core bindings"
        );
    }
}
