//! Declares every command the app exposes, so each one needs an explicit `allow-<command>` in a
//! capability: a command nobody granted cannot be called from the webview.

/// Keep in step with the handler list in `src/lib.rs` and with `capabilities/default.json`.
const COMMANDS: &[&str] = &[
    "conferences",
    "set_current_conference",
    "sessions",
    "session",
    "speakers",
    "exhibitors",
    "search",
    "bookmarks",
    "set_bookmark",
    "remove_bookmark",
    "agenda",
    "import_file",
    "export_agenda_ics",
    "export_session_ics",
    "backup_user_data",
    "restore_user_data",
    "subscribe",
    "refresh",
    "whats_changed",
    "mark_changes_seen",
    "unsubscribe",
    "reminder_defaults",
    "set_reminder_defaults",
    "pending_reminders",
    "plan_day",
    "accept_plan",
    "set_plan_mark",
    "change_plan",
    "reset_plan",
    "booth_route",
    "venue_map",
    "import_venue_file",
    "share",
    "write_share",
    "merge_share_link",
    "merge_share_file",
    "export_plan_ics",
    "export_plan_pdf",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(error) = tauri_build::try_build(attributes) {
        // A build script can only report by failing; the message names the broken config.
        eprintln!("tauri-build failed: {error:#}");
        std::process::exit(1);
    }
}
