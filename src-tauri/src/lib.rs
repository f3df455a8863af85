//! Plenary's desktop shell: opens the store, hands it to the commands, and nothing else. All the
//! domain logic is in `plenary-core`.

pub mod commands;
pub mod error;
mod notices;

use std::path::PathBuf;

use plenary_core::store::{default_data_dir, Recovery, DB_FILE};
use plenary_core::Store;
use tauri::{App, Manager};
use tauri_plugin_dialog::{DialogExt, MessageDialogKind};

pub use error::CommandError;

/// Builds and runs the app until its last window closes.
pub fn run() {
    prefer_cpu_painting_without_a_gpu();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            setup(app);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::conferences::conferences,
            commands::conferences::set_current_conference,
            commands::sessions::sessions,
            commands::sessions::session,
            commands::sessions::speakers,
            commands::exhibitors::exhibitors,
            commands::search::search,
            commands::bookmarks::bookmarks,
            commands::bookmarks::set_bookmark,
            commands::bookmarks::remove_bookmark,
            commands::bookmarks::agenda,
            commands::imports::import_file,
            commands::exports::export_agenda_ics,
            commands::exports::export_session_ics,
            commands::backup::backup_user_data,
            commands::backup::restore_user_data,
            commands::subscriptions::subscribe,
            commands::subscriptions::refresh,
            commands::subscriptions::whats_changed,
            commands::subscriptions::mark_changes_seen,
            commands::subscriptions::unsubscribe,
            commands::reminders::reminder_defaults,
            commands::reminders::set_reminder_defaults,
            commands::reminders::pending_reminders,
            commands::plan::plan_day,
            commands::plan::accept_plan,
            commands::plan::set_plan_mark,
            commands::plan::change_plan,
            commands::plan::reset_plan,
            commands::plan::booth_route,
            commands::plan::venue_map,
            commands::plan::import_venue_file,
            commands::share::share,
            commands::share::write_share,
            commands::share::merge_share_link,
            commands::share::merge_share_file,
            commands::share::export_plan_ics,
            commands::share::export_plan_pdf,
        ])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("plenary: {error}");
        std::process::exit(1);
    }
}

/// On a machine with no GPU (no DRI device: a VM, a remote desktop, Xvfb), WebKitGTK still
/// composites every frame through OpenGL, which Mesa then emulates on the CPU: scrolling the
/// 100× exhibitor list ran at 5–9 frames a second that way, and at 62 with WebKit's own CPU
/// painting (docs/benchmarks.md). So without a GPU the app asks for the latter, unless the
/// user set `WEBKIT_DISABLE_COMPOSITING_MODE` themselves (`0` keeps compositing on). It runs
/// before GTK starts, while the process has one thread.
fn prefer_cpu_painting_without_a_gpu() {
    const VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    if cfg!(target_os = "linux")
        && std::env::var_os(VAR).is_none()
        && !std::path::Path::new("/dev/dri").exists()
    {
        std::env::set_var(VAR, "1");
    }
}

/// Opens the store and, on a first start, loads WAIC 2025 into it. A damaged store is set
/// aside and replaced by a fresh one holding the bookmarks that could be read back; the user is
/// told what happened and where the old file is. If the store cannot be opened at all (a full
/// disk, a store from a newer Plenary) the user is told what and where, and the app quits when
/// they close the message: running on without the store would only fail every command.
fn setup(app: &mut App) {
    match open_store() {
        Ok((store, recovery)) => {
            app.manage(store);
            notices::start(app.handle());
            if let Some(recovery) = recovery {
                eprintln!("plenary: {}", recovery.message);
                app.dialog()
                    .message(recovery.message)
                    .title("Plenary repaired its data")
                    .kind(MessageDialogKind::Warning)
                    .show(|_| {});
            }
        }
        Err(message) => {
            eprintln!("plenary: {message}");
            // The window could only show failing commands behind the message.
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.hide();
            }
            let handle = app.handle().clone();
            app.dialog()
                .message(message)
                .title("Plenary cannot open its data")
                .kind(MessageDialogKind::Error)
                .show(move |_| handle.exit(1));
        }
    }
}

/// The store in the data directory (`PLENARY_DATA_DIR` if set), with WAIC 2025 loaded if it
/// was empty, and what was done if it had to be recovered. Errors are returned as the text the
/// user sees.
fn open_store() -> Result<(Store, Option<Recovery>), String> {
    let dir = default_data_dir().ok_or_else(|| {
        "no data directory: set PLENARY_DATA_DIR or HOME to a writable folder".to_string()
    })?;
    let path: PathBuf = dir.join(DB_FILE);
    let (store, recovery) = Store::open_or_recover(&path).map_err(|error| error.to_string())?;
    // Failing to load the built-in conference is not fatal: the user can still import one.
    if let Err(error) = store.load_default_if_empty() {
        eprintln!("plenary: could not load WAIC 2025: {error}");
    }
    Ok((store, recovery))
}
