//! Harness for driving the real Plenary binary: each [`App`] gets its own X server (a free
//! display from `Xvfb -displayfd`), its own tauri-driver on free ports and its own data
//! directory, so tests never share state and may run side by side.
//!
//! The app is not built here; `scripts/test` builds it first. Journeys run only with
//! `PLENARY_E2E=1` (see [`enabled`]).

use std::ffi::OsString;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// How long to wait for an element before failing.
pub const TIMEOUT: Duration = Duration::from_secs(15);
/// How soon after a click the page has asked for the native dialog, if the click arrived.
const DIALOG_ASKED: Duration = Duration::from_secs(5);
/// How long GTK may take to show a native dialog the page asked for.
const DIALOG_SHOWN: Duration = Duration::from_secs(30);

pub type Error = Box<dyn std::error::Error + Send + Sync>;
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The repository root.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The debug app binary: `PLENARY_APP` if set, else `<target>/debug/plenary-desktop` where
/// `<target>` is `CARGO_TARGET_DIR` or the workspace's `target/`.
pub fn app_binary() -> PathBuf {
    if let Some(path) = std::env::var_os("PLENARY_APP").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .filter(|t| !t.is_empty())
        .map(PathBuf::from)
        .map(|t| {
            if t.is_relative() {
                repo_root().join(t)
            } else {
                t
            }
        })
        .unwrap_or_else(|| repo_root().join("target"));
    target.join("debug").join("plenary-desktop")
}

/// The shared test data: `PLENARY_SHARED_DATA`, else `shared/data` beside the repository (as
/// in core's suite), e.g. `shared_data("schedules/36c3.schedule.xml")`.
pub fn shared_data(relative: &str) -> PathBuf {
    std::env::var_os("PLENARY_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared/data"))
        .join(relative)
}

/// tauri-driver: `TAURI_DRIVER` if set, else the copy `scripts/test` installs in `tools/`,
/// else whatever is on `PATH`.
pub fn tauri_driver() -> PathBuf {
    if let Some(path) = std::env::var_os("TAURI_DRIVER").filter(|p| !p.is_empty()) {
        return PathBuf::from(path);
    }
    let local = repo_root().join("tools/bin/tauri-driver");
    if local.exists() {
        local
    } else {
        PathBuf::from("tauri-driver")
    }
}

/// Whether journeys should run. They need `PLENARY_E2E=1`; then a missing app binary is a
/// skip on a developer's machine but a failure in CI (`CI=true`), where a skip would hide a
/// broken build.
pub fn enabled() -> bool {
    if std::env::var("PLENARY_E2E").as_deref() != Ok("1") {
        eprintln!("skipped: set PLENARY_E2E=1 (scripts/test does) to run end-to-end journeys");
        return false;
    }
    let binary = app_binary();
    if binary.is_file() {
        return true;
    }
    let message = format!(
        "no app binary at {}: build it with `npx tauri build --debug --no-bundle`",
        binary.display()
    );
    if std::env::var("CI").as_deref() == Ok("true") {
        panic!("{message}");
    }
    eprintln!("skipped: {message}");
    false
}

/// Whether apps started from here choose their own painting (see [`leave_painting_to_the_app`]).
static APP_CHOOSES_PAINTING: AtomicBool = AtomicBool::new(false);

/// Lets apps started after this call choose how WebKit paints, as they do for users. Without
/// a GPU the app asks for CPU painting, and WebKitWebDriver's automation sometimes hangs that
/// way (docs/benchmarks.md), so by default the harness keeps compositing on
/// (`WEBKIT_DISABLE_COMPOSITING_MODE=0`) unless the variable is already set. The benchmarks
/// call this to measure what a user gets.
pub fn leave_painting_to_the_app() {
    APP_CHOOSES_PAINTING.store(true, Ordering::Relaxed);
}

/// The environment that keeps an app run private: the store in `data_dir`
/// (`PLENARY_DATA_DIR`), and WebKit's storage (the UI's settings) and GTK's recent files under
/// it too, so tests share nothing with each other or with the user's own profile.
pub fn profile_env(data_dir: &Path) -> Vec<(&'static str, PathBuf)> {
    vec![
        ("PLENARY_DATA_DIR", data_dir.to_path_buf()),
        ("XDG_DATA_HOME", data_dir.join("xdg/data")),
        ("XDG_CONFIG_HOME", data_dir.join("xdg/config")),
        ("XDG_CACHE_HOME", data_dir.join("xdg/cache")),
        // No accessibility bus on a bare X server; without this GTK waits for one.
        ("NO_AT_BRIDGE", "1".into()),
        // GTK's own settings (the file chooser's) in memory: there is no dconf service.
        ("GSETTINGS_BACKEND", "memory".into()),
    ]
}

/// `WEBKIT_DISABLE_COMPOSITING_MODE=0` for the app, unless it may choose or the caller chose.
fn painting_env() -> Option<(&'static str, &'static str)> {
    const VAR: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";
    let chosen = APP_CHOOSES_PAINTING.load(Ordering::Relaxed) || std::env::var_os(VAR).is_some();
    (!chosen).then_some((VAR, "0"))
}

/// Writes a dunst configuration under `data_dir` whose one rule runs a script logging every
/// notification (summary U+001F body U+001E) to a file; returns (config, log).
fn notification_daemon(data_dir: &Path) -> Result<(PathBuf, PathBuf)> {
    let dir = data_dir.join("dunst");
    std::fs::create_dir_all(&dir)?;
    let log = dir.join("notifications.log");
    let script = dir.join("log.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nprintf '%s\\037%s\\036' \"$2\" \"$3\" >> '{}'\n",
            log.display()
        ),
    )?;
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))?;
    let config = dir.join("dunstrc");
    std::fs::write(
        &config,
        format!(
            "[global]\n    font = Sans 10\n[log]\n    summary = \"*\"\n    script = {}\n",
            script.display()
        ),
    )?;
    Ok((config, log))
}

/// A free TCP port on the loopback interface. Another process could take it before we use it;
/// on a test machine that is rare enough.
fn free_port() -> Result<u16> {
    Ok(TcpListener::bind((Ipv4Addr::LOCALHOST, 0))?
        .local_addr()?
        .port())
}

async fn wait_for_port(port: u16, timeout: Duration) -> Result<()> {
    let start = Instant::now();
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
    while TcpStream::connect_timeout(&address, Duration::from_millis(200)).is_err() {
        if start.elapsed() > timeout {
            return Err(format!("nothing listening on port {port} after {timeout:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    Ok(())
}

/// A private X server on a display it chose itself, killed when dropped.
pub struct Xvfb {
    /// Held so that the server is killed when the handle drops.
    _process: Child,
    display: String,
}

impl Xvfb {
    /// Starts an X server on the first free display.
    pub async fn start() -> Result<Xvfb> {
        // -displayfd 1: Xvfb picks a free display and writes its number on stdout when ready.
        let mut child = Command::new("Xvfb")
            .args([
                "-displayfd",
                "1",
                "-screen",
                "0",
                "1366x900x24",
                "-nolisten",
                "tcp",
            ])
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .map_err(|e| format!("cannot start Xvfb (apt package xvfb): {e}"))?;
        let stdout = child.stdout.take().ok_or("Xvfb has no stdout")?;
        let mut line = String::new();
        tokio::time::timeout(
            Duration::from_secs(10),
            BufReader::new(stdout).read_line(&mut line),
        )
        .await
        .map_err(|_| "Xvfb did not report a display within 10 s")??;
        let number = line.trim();
        if number.is_empty() {
            return Err("Xvfb exited without reporting a display".into());
        }
        Ok(Xvfb {
            _process: child,
            display: format!(":{number}"),
        })
    }

    /// The display name, e.g. `:3`, for `DISPLAY`.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// Runs `xdotool` on this display.
    pub async fn xdotool(&self, args: &[&str]) -> Result<String> {
        let out = Command::new("xdotool")
            .env("DISPLAY", &self.display)
            .args(args)
            .output()
            .await
            .map_err(|e| format!("cannot run xdotool (apt package xdotool): {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "xdotool {args:?}: {}",
                String::from_utf8_lossy(&out.stderr).trim()
            )
            .into());
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// The id of the first window named `title`, polling until one appears. (`search --sync`
    /// gives up when a window vanishes while GTK is still mapping the dialog.)
    pub async fn wait_for_window(&self, title: &str) -> Result<String> {
        self.wait_for_window_within(title, TIMEOUT).await
    }

    /// [`Xvfb::wait_for_window`], giving up after `timeout`. The error names the windows that
    /// are shown instead.
    pub async fn wait_for_window_within(&self, title: &str, timeout: Duration) -> Result<String> {
        let start = Instant::now();
        loop {
            // xdotool exits 1 when nothing matches.
            // Only mapped windows: GTK keeps a closed dialog's window around, unmapped.
            let found = self
                .xdotool(&["search", "--onlyvisible", "--name", title])
                .await
                .unwrap_or_default();
            if let Some(id) = found.lines().map(str::trim).find(|l| !l.is_empty()) {
                return Ok(id.to_string());
            }
            if start.elapsed() > timeout {
                let shown = self.window_names().await;
                return Err(format!(
                    "no window named {title:?} within {timeout:?}; shown: {shown:?}"
                )
                .into());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// The names of the windows that are mapped and have one, for error messages.
    async fn window_names(&self) -> Vec<String> {
        let ids = self
            .xdotool(&["search", "--onlyvisible", "--name", "."])
            .await
            .unwrap_or_default();
        let mut names = Vec::new();
        for id in ids.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if let Ok(name) = self.xdotool(&["getwindowname", id]).await {
                names.push(name.trim().to_string());
            }
        }
        names
    }

    /// The whole screen as a PNG in [`shots_dir`], via ImageMagick's `import`.
    pub async fn grab(&self, name: &str) -> Result<PathBuf> {
        let path = shots_dir().join(format!("{name}.png"));
        let status = Command::new("import")
            .args(["-display", self.display(), "-window", "root"])
            .arg(&path)
            .status()
            .await?;
        if !status.success() {
            return Err(format!("import failed: {status}").into());
        }
        Ok(path)
    }
}

/// How long a new WebDriver session (which starts the app) may take. A debug build starts in
/// a few seconds even on a loaded 2-core machine.
const SESSION_TIMEOUT: Duration = Duration::from_secs(60);
const SESSION_STALLED: &str = "the WebDriver session did not start";

/// The running app, driven through WebDriver.
pub struct App {
    pub client: Client,
    /// Where the app keeps its store (`PLENARY_DATA_DIR`); survives [`App::restart`].
    pub data_dir: PathBuf,
    /// The driver's process group: dropped (killed) before the X server.
    _driver: Group,
    driver_port: u16,
    xvfb: Xvfb,
    /// Where dunst logs each desktop notification, when started with
    /// [`App::start_with_notifications`].
    notify_log: Option<PathBuf>,
}

impl App {
    /// Starts the app on a fresh, empty data directory.
    pub async fn start(data_dir: &Path) -> Result<App> {
        App::start_with_env(data_dir, &[]).await
    }

    /// Starts the app as [`App::start`] does, with these variables added to its environment
    /// (e.g. a `PATH` whose `xdg-open` records what the app asked the system to open).
    pub async fn start_with_env(data_dir: &Path, extra: &[(&str, OsString)]) -> Result<App> {
        App::start_inner(data_dir, extra, false).await
    }

    /// Starts the app as [`App::start`] does, with dunst, a real notification daemon, on its
    /// session bus and X screen: the app's desktop notifications are shown there (a
    /// [`App::screen_grab`] sees them) and logged for [`App::notifications`].
    pub async fn start_with_notifications(data_dir: &Path) -> Result<App> {
        App::start_inner(data_dir, &[], true).await
    }

    async fn start_inner(
        data_dir: &Path,
        extra: &[(&str, OsString)],
        notifications: bool,
    ) -> Result<App> {
        // Rarely, a new WebDriver session never answers (WebKitWebDriver up, the app never
        // reached): give up on that stack after SESSION_TIMEOUT and start a fresh one, once.
        match App::launch(data_dir, extra, notifications).await {
            Err(error) if error.to_string().starts_with(SESSION_STALLED) => {
                eprintln!("e2e: {error}; starting a fresh X server and driver");
                App::launch(data_dir, extra, notifications).await
            }
            other => other,
        }
    }

    async fn launch(
        data_dir: &Path,
        extra: &[(&str, OsString)],
        notifications: bool,
    ) -> Result<App> {
        let xvfb = Xvfb::start().await?;
        let driver_port = free_port()?;
        let native_port = free_port()?;
        let notify_log = notifications
            .then(|| notification_daemon(data_dir))
            .transpose()?;
        let mut command = match &notify_log {
            // dunst starts first on the private bus, then the shell becomes tauri-driver.
            Some((config, _)) => {
                let mut command = in_private_session(Path::new("sh"));
                command
                    .args(["-c", "dunst -config \"$0\" & exec \"$@\""])
                    .arg(config)
                    .arg(tauri_driver());
                command
            }
            None => in_private_session(&tauri_driver()),
        };
        let driver = command
            .args([
                "--port",
                &driver_port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DISPLAY", &xvfb.display)
            .envs(profile_env(data_dir))
            .envs(painting_env())
            .envs(extra.iter().map(|(k, v)| (*k, v)))
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::inherit())
            .spawn()
            .map(Group)
            .map_err(|e| {
                format!(
                    "cannot start {} in a private D-Bus session (scripts/test installs it \
                     into tools/): {e}",
                    tauri_driver().display()
                )
            })?;
        // tauri-driver listens at once but fails requests until WebKitWebDriver is up.
        wait_for_port(driver_port, Duration::from_secs(10)).await?;
        wait_for_port(native_port, Duration::from_secs(10)).await?;
        let client = match tokio::time::timeout(SESSION_TIMEOUT, connect(driver_port)).await {
            Ok(client) => client?,
            Err(_) => {
                return Err(format!("{SESSION_STALLED} within {SESSION_TIMEOUT:?}").into());
            }
        };
        Ok(App {
            client,
            data_dir: data_dir.to_path_buf(),
            _driver: driver,
            driver_port,
            xvfb,
            notify_log: notify_log.map(|(_, log)| log),
        })
    }

    /// The desktop notifications dunst has shown so far, as (summary, body), oldest first.
    pub fn notifications(&self) -> Vec<(String, String)> {
        let Some(log) = &self.notify_log else {
            return Vec::new();
        };
        std::fs::read_to_string(log)
            .unwrap_or_default()
            .split('\u{1e}')
            .filter_map(|record| {
                let (summary, body) = record.split_once('\u{1f}')?;
                Some((summary.to_string(), body.to_string()))
            })
            .collect()
    }

    /// Waits up to `timeout` for a desktop notification whose (summary, body) satisfy `pred`.
    pub async fn wait_for_notification(
        &self,
        pred: impl Fn(&str, &str) -> bool,
        timeout: Duration,
    ) -> Result<(String, String)> {
        let start = Instant::now();
        loop {
            if let Some(found) = self.notifications().into_iter().find(|(s, b)| pred(s, b)) {
                return Ok(found);
            }
            if start.elapsed() > timeout {
                return Err(format!(
                    "no such desktop notification after {timeout:?}; shown: {:?}",
                    self.notifications()
                )
                .into());
            }
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
    }

    /// Quits the app and starts it again on the same data directory, as a user reopening it.
    pub async fn restart(&mut self) -> Result<()> {
        self.client.clone().close().await?;
        self.client = connect(self.driver_port).await?;
        Ok(())
    }

    /// Ends the session (which quits the app); dropping the [`App`] then stops the driver and
    /// the X server.
    pub async fn quit(self) -> Result<()> {
        Ok(self.client.clone().close().await?)
    }

    /// The X display the app runs on, e.g. for `import -display`.
    pub fn display(&self) -> &str {
        &self.xvfb.display
    }

    /// Runs `invoke(cmd, args)` in the page, as the UI's IPC door does: `Ok(value)`, or
    /// `Err(message)` with the rejection as the UI would see it (a `{ kind, message }` JSON).
    pub async fn invoke(&self, cmd: &str, args: Value) -> Result<Result<Value, String>> {
        let script = "const [cmd, args, done] = arguments;\
            window.__TAURI_INTERNALS__.invoke(cmd, args)\
              .then((value) => done({ ok: value ?? null }))\
              .catch((error) => done({ err: typeof error === 'string' ? error : JSON.stringify(error) }));";
        let result = self
            .client
            .execute_async(script, vec![json!(cmd), args])
            .await?;
        Ok(match result.get("ok") {
            Some(value) => Ok(value.clone()),
            None => Err(result["err"].as_str().unwrap_or_default().to_string()),
        })
    }

    /// The element with this `data-testid`, waiting for it to appear.
    pub async fn testid(&self, id: &str) -> Result<Element> {
        let css = format!("[data-testid=\"{id}\"]");
        Ok(self
            .client
            .wait()
            .at_most(TIMEOUT)
            .for_element(Locator::Css(&css))
            .await
            .map_err(|e| format!("no element data-testid={id:?} within {TIMEOUT:?}: {e}"))?)
    }

    /// All elements with this `data-testid` present now (no waiting).
    pub async fn all_testid(&self, id: &str) -> Result<Vec<Element>> {
        let css = format!("[data-testid=\"{id}\"]");
        Ok(self.client.find_all(Locator::Css(&css)).await?)
    }

    /// The rendered text of the element with this `data-testid`.
    pub async fn text(&self, id: &str) -> Result<String> {
        let element = self.testid(id).await?;
        self.inner_text(&element).await
    }

    /// `innerText`, read in the page. WebDriver's own Get Element Text returns "" for text in
    /// an `overflow: hidden` box inside a flex item (the header's conference title), because its
    /// visibility atom deems it hidden.
    pub async fn inner_text(&self, element: &Element) -> Result<String> {
        let value = self
            .client
            .execute(
                "return arguments[0].innerText;",
                vec![serde_json::to_value(element)?],
            )
            .await?;
        Ok(value.as_str().unwrap_or_default().to_string())
    }

    /// Waits until the text of `data-testid=id` satisfies `pred`, returning it.
    pub async fn wait_for_text(&self, id: &str, pred: impl Fn(&str) -> bool) -> Result<String> {
        let start = Instant::now();
        let mut last = String::new();
        while start.elapsed() < TIMEOUT {
            if let Ok(elements) = self.all_testid(id).await {
                for element in elements {
                    if let Ok(text) = self.inner_text(&element).await {
                        if pred(&text) {
                            return Ok(text);
                        }
                        last = text;
                    }
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(
            format!("data-testid={id:?} never matched within {TIMEOUT:?}; last text {last:?}")
                .into(),
        )
    }

    /// Clicks the element with this `data-testid`.
    pub async fn click(&self, id: &str) -> Result<()> {
        Ok(self.testid(id).await?.click().await?)
    }

    /// Clicks the first element with this `data-testid` whose `data-key` (or another
    /// attribute) has this value, e.g. `click_where("session-row", "data-key", key)`.
    pub async fn click_where(&self, id: &str, attribute: &str, value: &str) -> Result<()> {
        let css = format!("[data-testid=\"{id}\"][{attribute}=\"{value}\"]");
        let element = self
            .client
            .wait()
            .at_most(TIMEOUT)
            .for_element(Locator::Css(&css))
            .await
            .map_err(|e| format!("no element {css} within {TIMEOUT:?}: {e}"))?;
        Ok(element.click().await?)
    }

    /// Types `text` into the field with this `data-testid` (after what it holds).
    pub async fn type_into(&self, id: &str, text: &str) -> Result<()> {
        Ok(self.testid(id).await?.send_keys(text).await?)
    }

    /// Opens a view from the sidebar (`nav-<view>`) and waits for it (`view-<view>`).
    pub async fn open_view(&self, view: &str) -> Result<Element> {
        self.click(&format!("nav-{view}")).await?;
        self.testid(&format!("view-{view}")).await
    }

    /// An attribute of the element with this `data-testid`.
    pub async fn attr(&self, id: &str, attribute: &str) -> Result<Option<String>> {
        Ok(self.testid(id).await?.attr(attribute).await?)
    }

    /// Clicks the button with this `data-testid`, which asks for a native file dialog whose title
    /// contains `title` (for xdotool, a regular expression), and answers that dialog with
    /// `path`: types it into the dialog's location field and confirms.
    ///
    /// The page marks each dialog it asks for (`dialog:asked`, with the title), so a click that
    /// never reached the page is told from a dialog that is slow to show: the first is clicked
    /// again (twice at most, and only while the page has asked for no dialog at all since the
    /// first click, so a retry never opens a second one), the second waited for, and the error
    /// says which it was.
    pub async fn choose_file(&self, button: &str, title: &str, path: &Path) -> Result<()> {
        let since = self
            .client
            .execute("return performance.now();", vec![])
            .await?;
        for _ in 0..3 {
            self.click(button).await?;
            let start = Instant::now();
            let asked = loop {
                let asked = self.dialogs_asked(&since).await?;
                if !asked.is_empty() || start.elapsed() > DIALOG_ASKED {
                    break asked;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            };
            match asked.as_slice() {
                [] => continue,
                [one] if one.contains(title) => {
                    let window = self
                        .xvfb
                        .wait_for_window_within(title, DIALOG_SHOWN)
                        .await
                        .map_err(|e| format!("the page asked for the dialog, but {e}"))?;
                    return self.type_into_file_dialog(&window, path).await;
                }
                other => {
                    return Err(format!(
                        "clicking {button:?} asked for {other:?}, not one dialog {title:?}"
                    )
                    .into())
                }
            }
        }
        Err(format!(
            "clicking {button:?} three times never asked for the dialog {title:?} \
             (no `dialog:asked` mark)"
        )
        .into())
    }

    /// The titles of the native dialogs the page has asked for since `since` (its
    /// `performance.now()`), oldest first.
    async fn dialogs_asked(&self, since: &Value) -> Result<Vec<String>> {
        let titles = self
            .client
            .execute(
                "return performance.getEntriesByName('dialog:asked')\
                     .filter((mark) => mark.startTime > arguments[0])\
                     .map((mark) => String(mark.detail));",
                vec![since.clone()],
            )
            .await?;
        Ok(serde_json::from_value(titles)?)
    }

    /// Answers the native file dialog (GTK, from the dialog plugin) in X window `window` with
    /// `path`: focuses it, types the path into its location field and confirms.
    async fn type_into_file_dialog(&self, window: &str, path: &Path) -> Result<()> {
        let path = path.to_str().ok_or("dialog paths must be UTF-8")?;
        self.xvfb
            .xdotool(&[
                "windowfocus",
                "--sync",
                window,
                "key",
                "--clearmodifiers",
                "ctrl+l",
            ])
            .await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        self.xvfb
            .xdotool(&["key", "--clearmodifiers", "ctrl+a", "BackSpace"])
            .await?;
        self.xvfb.xdotool(&["type", "--delay", "5", path]).await?;
        tokio::time::sleep(Duration::from_millis(300)).await;
        self.xvfb.xdotool(&["key", "Return"]).await?;
        Ok(())
    }

    /// Waits until `condition` (a JavaScript expression) is truthy in the page.
    pub async fn wait_for_js(&self, condition: &str) -> Result<Value> {
        let script = format!("return ({condition});");
        let start = Instant::now();
        loop {
            let value = self.client.execute(&script, vec![]).await?;
            if !matches!(value, Value::Null | Value::Bool(false)) {
                return Ok(value);
            }
            if start.elapsed() > TIMEOUT {
                return Err(format!("never true within {TIMEOUT:?}: {condition}").into());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// A PNG of the page once it has painted: WebKit's screenshot can lag the DOM, so wait two
    /// animation frames first. Saved under [`shots_dir`] as `name.png`, which is returned.
    pub async fn screenshot(&self, name: &str) -> Result<PathBuf> {
        self.client
            .execute_async(
                "const done = arguments[arguments.length - 1];\
                 requestAnimationFrame(() => requestAnimationFrame(() => done(true)));",
                vec![],
            )
            .await?;
        let png = self.client.screenshot().await?;
        let path = shots_dir().join(format!("{name}.png"));
        std::fs::write(&path, png)?;
        Ok(path)
    }

    /// The whole X screen, native dialogs included, via ImageMagick's `import`.
    pub async fn screen_grab(&self, name: &str) -> Result<PathBuf> {
        self.xvfb.grab(&format!("{name}-screen")).await
    }
}

/// A child leading its own process group, killed (the whole group) when dropped. See
/// [`in_private_session`].
pub struct Group(pub Child);

impl Drop for Group {
    fn drop(&mut self) {
        if let Some(pid) = self.0.id() {
            let _ = std::process::Command::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .stderr(Stdio::null())
                .status();
        }
    }
}

/// A command for `program` run inside its own D-Bus session and its own process group, for a
/// [`Group`] to end together: the bus, WebKitWebDriver and the app. Without a session bus, GTK
/// autolaunches one per run that outlives the test, with portals that mount FUSE in the data
/// dir, until the machine runs out of inotify instances; the bus here (`session-bus.conf`)
/// activates no services at all.
pub fn in_private_session(program: &Path) -> Command {
    let config = Path::new(env!("CARGO_MANIFEST_DIR")).join("session-bus.conf");
    let mut command = Command::new("dbus-run-session");
    command
        .arg("--config-file")
        .arg(config)
        .arg("--")
        .arg(program)
        .process_group(0);
    command
}

/// Where screenshots go: `PLENARY_E2E_SHOTS`, else `<target>/e2e-shots`.
pub fn shots_dir() -> PathBuf {
    let dir = std::env::var_os("PLENARY_E2E_SHOTS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            app_binary()
                .parent()
                .and_then(Path::parent)
                .unwrap_or(Path::new("."))
                .join("e2e-shots")
        });
    let _ = std::fs::create_dir_all(&dir);
    dir
}

/// A WebDriver session on the app, which starts it.
async fn connect(driver_port: u16) -> Result<Client> {
    let mut capabilities = serde_json::Map::new();
    capabilities.insert("browserName".into(), json!("wry"));
    capabilities.insert(
        "tauri:options".into(),
        json!({ "application": app_binary() }),
    );
    let client = ClientBuilder::new(HttpConnector::new())
        .capabilities(capabilities)
        .connect(&format!("http://127.0.0.1:{driver_port}"))
        .await
        .map_err(|e| format!("cannot start a session on {}: {e}", app_binary().display()))?;
    Ok(client)
}

/// A schedule a test publishes: (version, bytes). The test changes it to publish a new version.
pub type Feed = std::sync::Arc<std::sync::Mutex<(String, Vec<u8>)>>;

/// Serves the feed on 127.0.0.1 at any path, with its version as the ETag, answering 304 to a
/// matching If-None-Match, until the test ends. Returns the URL, ending in `path`.
pub fn serve_feed(body: Feed, path: &str) -> Result<String> {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    let url = format!("http://{}{path}", listener.local_addr()?);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let Ok(read_half) = stream.try_clone() else {
                continue;
            };
            let mut reader = BufReader::new(read_half);
            let mut if_none_match = None;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 || line.trim().is_empty() {
                    break;
                }
                if let Some(value) = line.to_ascii_lowercase().strip_prefix("if-none-match:") {
                    if_none_match = Some(value.trim().to_string());
                }
            }
            let (etag, bytes) = body.lock().unwrap_or_else(|p| p.into_inner()).clone();
            let etag = format!("\"{etag}\"");
            let response = if if_none_match.as_deref() == Some(etag.as_str()) {
                format!("HTTP/1.1 304 Not Modified\r\nETag: {etag}\r\nConnection: close\r\n\r\n")
                    .into_bytes()
            } else {
                let mut head = format!(
                    "HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nETag: {etag}\r\n\
                     Content-Length: {}\r\nConnection: close\r\n\r\n",
                    bytes.len()
                )
                .into_bytes();
                head.extend_from_slice(&bytes);
                head
            };
            let _ = stream.write_all(&response);
        }
    });
    Ok(url)
}
