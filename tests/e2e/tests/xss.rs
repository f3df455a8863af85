//! Hostile content in the real app: abstracts, descriptions, speaker bios, titles, names and
//! exhibitor entries carrying a standard set of XSS vectors (script tags, event handlers,
//! `javascript:` and `data:` URLs, SVG and MathML, style tricks, broken markup) are imported,
//! shown on every page that renders them, and stay harmless: no script runs, no element that
//! could run one or reach the network is left in the page, and no request leaves the app. A
//! canary HTTP server on 127.0.0.1 that every vector points at counts the requests that do.
//!
//! Links: one that passes the check (https) is handed to the system opener, here a recording
//! stand-in for `xdg-open`; `javascript:` and `data:` links are never handed over.

use std::io::Read;
use std::net::{Ipv4Addr, TcpListener};
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use plenary_e2e::{enabled, shared_data, App};
use serde_json::{json, Value};

/// A server that accepts connections on a free loopback port and counts them. Nothing in the
/// app should ever connect to it.
struct Canary {
    url: String,
    hits: Arc<AtomicUsize>,
}

impl Canary {
    fn start() -> Canary {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).expect("bind a free port");
        let url = format!(
            "http://127.0.0.1:{}",
            listener.local_addr().expect("port").port()
        );
        let hits = Arc::new(AtomicUsize::new(0));
        let counter = Arc::clone(&hits);
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                counter.fetch_add(1, Ordering::SeqCst);
                let mut stream = stream;
                let _ = stream.set_read_timeout(Some(Duration::from_millis(200)));
                let _ = stream.read(&mut [0; 1024]);
                // Dropping the stream closes it: whatever asked gets nothing.
            }
        });
        Canary { url, hits }
    }

    fn hits(&self) -> usize {
        self.hits.load(Ordering::SeqCst)
    }
}

/// HTML vectors for fields rendered as sanitised HTML. Each would set `window.__xss` or reach
/// the canary if it survived.
fn html_vectors(canary: &str) -> String {
    [
        "<p>Before the vectors.</p>",
        "<script>window.__xss='script'</script>",
        &format!("<script src=\"{canary}/script.js\"></script>"),
        &format!("<img src=\"{canary}/img.png\" onerror=\"window.__xss='img'\">"),
        "<svg onload=\"window.__xss='svg'\"><circle r=\"1\"/></svg>",
        "<svg><script>window.__xss='svg-script'</script></svg>",
        &format!("<svg><image href=\"{canary}/svg-image.png\"/></svg>"),
        "<math><mtext><a xlink:href=\"javascript:window.__xss='math'\">m</a></mtext></math>",
        "<a href=\"javascript:window.__xss='js-link'\">js link</a>",
        "<a href=\"JaVaScRiPt:window.__xss='js-case'\">js case</a>",
        "<a href=\"&#106;avascript:window.__xss='js-entity'\">js entity</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD53aW5kb3cuX194c3M9J2RhdGEnPC9zY3JpcHQ+\">data link</a>",
        &format!("<iframe src=\"{canary}/frame\"></iframe>"),
        "<iframe srcdoc=\"<script>parent.__xss='srcdoc'</script>\"></iframe>",
        &format!("<object data=\"{canary}/object\"></object>"),
        &format!("<embed src=\"{canary}/embed\">"),
        &format!("<link rel=\"stylesheet\" href=\"{canary}/link.css\">"),
        &format!("<style>@import url(\"{canary}/import.css\"); body {{ background: url(\"{canary}/bg.png\") }}</style>"),
        &format!("<div style=\"background-image:url({canary}/style.png)\">styled</div>"),
        "<p style=\"position:fixed;inset:0;z-index:9999;background:red\">overlay</p>",
        "<details open ontoggle=\"window.__xss='details'\">details</details>",
        "<body onload=\"window.__xss='body'\">",
        "<input autofocus onfocus=\"window.__xss='focus'\">",
        &format!("<video><source onerror=\"window.__xss='video'\" src=\"{canary}/v.mp4\"></video>"),
        &format!("<audio src=\"{canary}/a.mp3\" autoplay></audio>"),
        &format!("<form action=\"{canary}/form\"><button formaction=\"javascript:window.__xss='form'\">go</button></form>"),
        &format!("<meta http-equiv=\"refresh\" content=\"0;url={canary}/refresh\">"),
        &format!("<base href=\"{canary}/\">"),
        // Broken markup last: an unclosed tag may swallow what follows it, as in any browser.
        "<p>Well-formed vectors end here.</p>",
        "\"><script>window.__xss='break-out'</script>",
        "</textarea><script>window.__xss='textarea'</script>",
        "<scr<script>ipt>window.__xss='nested'</scr</script>ipt>",
        "<<img src=x onerror=window.__xss='double-lt'>",
        "<noscript><p title=\"</noscript><img src=x onerror=window.__xss='noscript'>\"></noscript>",
        "<!--<img src=\"--><img src=x onerror=window.__xss='comment'//\">",
        "<img src=x onerror=window.__xss='img-unquoted'//",
        "<p>After the vectors.</p>",
    ]
    .join("\n")
}

/// What plain-text fields (titles, names) get: shown as text, never parsed as markup.
const TEXT_VECTOR: &str =
    "<img src=x onerror=window.__xss='text'><script>window.__xss='text'</script> XSS";

/// The real GOOD 2025 schedule.json with its first event and first speaker made hostile.
fn hostile_schedule(dir: &Path, canary: &str) -> (PathBuf, String) {
    let path = shared_data("schedules/good-2025.pretalx.schedule.json");
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("test data at {}: {e}", path.display()));
    let mut schedule: Value = serde_json::from_str(&text).expect("GOOD 2025 is JSON");
    let conference = &mut schedule["schedule"]["conference"];
    conference["acronym"] = json!("xss-2025");
    conference["title"] = json!(format!("Hostile {TEXT_VECTOR}"));
    let rooms = conference["days"][0]["rooms"]
        .as_object_mut()
        .expect("day 1 has rooms");
    let event = rooms
        .values_mut()
        .next()
        .and_then(|events| events.get_mut(0))
        .expect("a first event");
    let vectors = html_vectors(canary);
    event["title"] = json!(format!("Hostile talk {TEXT_VECTOR}"));
    // A keynote, so the Keynotes reading view shows its abstract too.
    event["type"] = json!("Keynote");
    event["abstract"] = json!(vectors);
    event["description"] = json!(vectors);
    event["url"] = json!("javascript:window.__xss='event-url'");
    event["links"] = json!([
        { "url": "https://example.org/safe", "title": "safe link" },
        { "url": "javascript:window.__xss='link'", "title": "javascript link" },
        { "url": "data:text/html,<script>window.__xss='data'</script>", "title": "data link" },
    ]);
    let person = &mut event["persons"][0];
    person["public_name"] = json!(format!("Mallory {TEXT_VECTOR}"));
    person["biography"] = json!(vectors);
    let file = dir.join("hostile.schedule.json");
    std::fs::write(&file, serde_json::to_vec(&schedule).expect("JSON")).expect("write");
    (file, "xss-2025".to_string())
}

/// An exhibitor list whose name, website and description cells are hostile.
fn hostile_exhibitors(dir: &Path, canary: &str) -> PathBuf {
    let quote = |cell: &str| format!("\"{}\"", cell.replace('"', "\"\""));
    let rows = [
        ["name", "hall", "booths", "website", "description"].map(String::from),
        [
            format!("Evil Corp {TEXT_VECTOR}"),
            "H1".into(),
            "A1".into(),
            "javascript:window.__xss='website'".into(),
            html_vectors(canary),
        ],
    ];
    let text: String = rows
        .iter()
        .map(|row| row.iter().map(|c| quote(c)).collect::<Vec<_>>().join(",") + "\n")
        .collect();
    let file = dir.join("hostile-exhibitors.csv");
    std::fs::write(&file, text).expect("write");
    file
}

/// A directory holding an `xdg-open` that appends each URL it is given to `opened.txt`.
fn recording_opener(dir: &Path) -> (PathBuf, PathBuf) {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).expect("bin dir");
    let log = dir.join("opened.txt");
    let script = bin.join("xdg-open");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s\\n' \"$*\" >> '{}'\n", log.display()),
    )
    .expect("write xdg-open");
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    (bin, log)
}

/// Everything in the page that could run script or fetch something, as a list of findings:
/// in sanitised HTML (`.prose`) any element of those kinds; anywhere, event-handler attributes
/// (the UI adds listeners in script, never as attributes) and URLs with a script-running or
/// local-network scheme.
const AUDIT_DOM: &str = r#"
const bad = [];
const risky = ['script','iframe','frame','object','embed','style','link','img','svg','math',
  'form','button','meta','base','video','audio','source','input','textarea','noscript'];
for (const el of document.body.querySelectorAll('*')) {
  const tag = el.tagName.toLowerCase();
  if (['script','iframe','frame','object','embed','base','meta'].includes(tag)
      || (risky.includes(tag) && el.closest('.prose'))) bad.push('<' + tag + '>');
  for (const attr of el.attributes) {
    const name = attr.name.toLowerCase();
    const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
    if (name.startsWith('on')) bad.push(tag + '@' + name);
    if (['style', 'srcdoc', 'formaction'].includes(name) && el.closest('.prose')) bad.push(tag + '@' + name);
    if (/^(javascript|data|vbscript):/.test(value) || value.includes('127.0.0.1')) {
      bad.push(tag + '@' + name + '=' + value.slice(0, 40));
    }
  }
}
return bad;
"#;

/// Resources the page fetched from anywhere but the app itself.
const FOREIGN_REQUESTS: &str = r#"
return performance.getEntriesByType('resource')
  .map((e) => e.name)
  .filter((url) => !url.startsWith(location.origin) && !url.startsWith('ipc:')
                   && !url.startsWith('http://ipc.localhost'));
"#;

async fn js(app: &App, script: &str) -> Value {
    app.client
        .execute(script, vec![])
        .await
        .unwrap_or_else(|e| panic!("script fails: {e}\n{script}"))
}

/// Opens `hash` and waits for `testid` to show; then audits the page.
async fn visit(app: &App, hash: &str, testid: &str) -> Vec<String> {
    js(app, &format!("location.hash = {};", json!(hash))).await;
    app.testid(testid)
        .await
        .unwrap_or_else(|e| panic!("{hash} shows {testid}: {e}"));
    // Give anything that would load or fire (onerror, onload, autofocus) a moment to do so.
    tokio::time::sleep(Duration::from_millis(400)).await;
    let found = js(app, AUDIT_DOM).await;
    let found: Vec<String> = serde_json::from_value(found).expect("a list");
    found.into_iter().map(|f| format!("{hash}: {f}")).collect()
}

#[tokio::test]
async fn hostile_content_is_rendered_harmless() {
    if !enabled() {
        return;
    }
    let canary = Canary::start();
    let work = tempfile::tempdir().expect("temp dir");
    let (schedule, slug) = hostile_schedule(work.path(), &canary.url);
    let exhibitors = hostile_exhibitors(work.path(), &canary.url);
    let (bin, opened) = recording_opener(work.path());
    let path = std::env::join_paths(std::iter::once(bin).chain(std::env::split_paths(
        &std::env::var_os("PATH").unwrap_or_default(),
    )))
    .expect("PATH");
    let data = work.path().join("data");
    let app = App::start_with_env(&data, &[("PATH", path)])
        .await
        .expect("app starts");
    app.testid("app-ready")
        .await
        .expect("the app reports ready");

    let report = app
        .invoke(
            "import_file",
            json!({ "path": schedule, "conference": null }),
        )
        .await
        .expect("script runs")
        .expect("the hostile schedule imports");
    assert_eq!(
        report["conference"],
        json!(slug),
        "imported as {slug}: {report}"
    );
    app.invoke(
        "import_file",
        json!({ "path": exhibitors, "conference": slug }),
    )
    .await
    .expect("script runs")
    .expect("the hostile exhibitor list imports");
    app.invoke("set_current_conference", json!({ "slug": slug }))
        .await
        .expect("script runs")
        .expect("switch conference");
    let sessions = app
        .invoke("sessions", json!({ "filter": { "conference": slug } }))
        .await
        .expect("script runs")
        .expect("sessions");
    let hostile = sessions
        .as_array()
        .and_then(|list| {
            list.iter().find(|s| {
                s["title"]
                    .as_str()
                    .is_some_and(|t| t.contains("Hostile talk"))
            })
        })
        .expect("the hostile session is listed");
    let key = hostile["key"].as_str().expect("key").to_string();
    let speakers = app
        .invoke("speakers", json!({ "conference": slug }))
        .await
        .expect("script runs")
        .expect("speakers");
    let mallory = speakers
        .as_array()
        .and_then(|list| {
            list.iter()
                .find(|p| p["name"].as_str().is_some_and(|n| n.contains("Mallory")))
        })
        .expect("the hostile speaker is listed")["key"]
        .as_str()
        .expect("key")
        .to_string();
    let listed = app
        .invoke("exhibitors", json!({ "filter": { "conference": slug } }))
        .await
        .expect("script runs")
        .expect("exhibitors");
    let evil = listed[0]["key"].as_str().expect("an exhibitor").to_string();

    // Start over on the new conference, recording every CSP violation from the first paint.
    js(&app, "location.reload();").await;
    app.testid("app-ready").await.expect("ready after reload");
    js(
        &app,
        "window.__violations = [];\
         document.addEventListener('securitypolicyviolation',\
           (e) => window.__violations.push(e.effectiveDirective + ' ' + e.blockedURI));",
    )
    .await;

    let encode = js_encode;
    let mut findings = Vec::new();
    findings.extend(
        visit(
            &app,
            &format!("#/session/{}", encode(&key)),
            "session-abstract",
        )
        .await,
    );
    let abstract_text = app.text("session-abstract").await.expect("abstract");
    assert!(
        abstract_text.contains("Before the vectors.")
            && abstract_text.contains("Well-formed vectors end here."),
        "the sanitised abstract is shown, not dropped: {abstract_text:?}"
    );
    let title = app.text("session-title").await.expect("title");
    assert!(
        title.contains("<script>") && title.contains("onerror"),
        "a title's markup is shown as text, not parsed: {title:?}"
    );
    app.screenshot("xss-session").await.ok();
    findings.extend(
        visit(
            &app,
            &format!("#/speaker/{}", encode(&mallory)),
            "speaker-bio",
        )
        .await,
    );
    findings.extend(
        visit(
            &app,
            &format!("#/exhibitor/{}", encode(&evil)),
            "exhibitor-description",
        )
        .await,
    );
    findings.extend(visit(&app, "#/programme", "view-programme").await);
    findings.extend(visit(&app, "#/speakers", "view-speakers").await);
    findings.extend(visit(&app, "#/exhibitors", "view-exhibitors").await);
    findings.extend(visit(&app, "#/keynotes", "view-keynotes").await);
    app.testid("keynote-summary")
        .await
        .expect("the keynote's abstract is shown in Keynotes");
    app.screenshot("xss-keynotes").await.ok();

    // Links: click each on the session page. Only the https one reaches the system opener.
    js(
        &app,
        &format!(
            "location.hash = {};",
            json!(format!("#/session/{}", encode(&key)))
        ),
    )
    .await;
    app.testid("session-link")
        .await
        .expect("session links are shown");
    js(
        &app,
        "for (const a of document.querySelectorAll('[data-testid=session-link], .prose a')) a.click();",
    )
    .await;
    tokio::time::sleep(Duration::from_millis(1500)).await;

    let xss = js(&app, "return window.__xss ?? null;").await;
    let violations = js(&app, "return window.__violations;").await;
    let foreign = js(&app, FOREIGN_REQUESTS).await;
    let opened = std::fs::read_to_string(&opened).unwrap_or_default();
    app.screenshot("xss-after-clicks").await.ok();
    app.quit().await.expect("app quits cleanly");

    assert_eq!(
        xss,
        Value::Null,
        "no vector ran script (window.__xss was set)"
    );
    assert!(
        findings.is_empty(),
        "dangerous markup reached the page: {findings:#?}"
    );
    assert_eq!(
        violations,
        json!([]),
        "nothing even tried to load or run against the CSP (sanitising stopped it first)"
    );
    assert_eq!(
        foreign,
        json!([]),
        "the page requested nothing from outside the app"
    );
    assert_eq!(canary.hits(), 0, "no request reached the canary server");
    let opened: Vec<&str> = opened.lines().collect();
    assert!(
        opened.contains(&"https://example.org/safe"),
        "the https link went to the system opener: {opened:?}"
    );
    assert!(
        opened
            .iter()
            .all(|url| url.starts_with("https://") || url.starts_with("http://")),
        "only http(s) links went to the system opener: {opened:?}"
    );
}

/// `encodeURIComponent`, for the keys in hash routes.
fn js_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z'
            | b'a'..=b'z'
            | b'0'..=b'9'
            | b'-'
            | b'_'
            | b'.'
            | b'!'
            | b'~'
            | b'*'
            | b'\''
            | b'('
            | b')' => out.push(byte as char),
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
