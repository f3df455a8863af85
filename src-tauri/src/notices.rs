//! Desktop notifications: a thread that asks the store what is due (reminders before bookmarked
//! sessions, changes a refresh made to them) and shows each as a notification through the
//! official notification plugin, and as a `notice` event for the window's own banner. What is
//! due, and that each is shown once, is decided by plenary-core (`Store::take_notices`).

use std::time::Duration;

use chrono::Utc;
use plenary_core::reminders::Notice;
use plenary_core::Store;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_notification::NotificationExt;

/// The longest the thread sleeps: how soon it sees a reminder that was just set, or a change
/// that a refresh just recorded. Otherwise it wakes when the next reminder falls due.
const MAX_SLEEP: Duration = Duration::from_secs(5);

/// Starts the notice thread for the store managed by `app`.
pub fn start(app: &AppHandle) {
    let app = app.clone();
    let spawned = std::thread::Builder::new()
        .name("notices".into())
        .spawn(move || loop {
            let wait = tick(&app);
            std::thread::sleep(wait);
        });
    if let Err(error) = spawned {
        eprintln!("plenary: no reminders this run: cannot start their thread: {error}");
    }
}

/// Shows what is due now; returns how long to sleep.
fn tick(app: &AppHandle) -> Duration {
    let Some(store) = app.try_state::<Store>() else {
        return MAX_SLEEP;
    };
    let now = Utc::now();
    match store.take_notices(now) {
        Ok(notices) => notices.iter().for_each(|n| show(app, n)),
        Err(error) => eprintln!("plenary: cannot read reminders: {error}"),
    }
    store
        .next_reminder_at(Utc::now())
        .ok()
        .flatten()
        .and_then(|at| (at - Utc::now()).to_std().ok())
        .map_or(MAX_SLEEP, |until| until.min(MAX_SLEEP))
}

fn show(app: &AppHandle, notice: &Notice) {
    // Without a notification service (a bare X session) the banner in the window still shows it.
    if let Err(error) = app
        .notification()
        .builder()
        .title(&notice.title)
        .body(&notice.body)
        .show()
    {
        eprintln!("plenary: notification not shown: {error}");
    }
    if let Err(error) = app.emit("notice", notice) {
        eprintln!("plenary: notice not sent to the window: {error}");
    }
}
