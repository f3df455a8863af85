//! What the webview may do, checked in the running app: the CSP and the capability's limits on
//! IPC. These hold whatever the UI looks like.

use plenary_e2e::{enabled, App};
use serde_json::{json, Value};

/// `invoke(cmd, args)` in the page, failing the test if the script itself cannot run.
async fn invoke(app: &App, cmd: &str, args: Value) -> Result<Value, String> {
    app.invoke(cmd, args).await.expect("script runs")
}

#[tokio::test]
async fn webview_is_locked_down() {
    if !enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp data dir");
    let app = App::start(data.path()).await.expect("app starts");
    app.wait_for_js("document.readyState === 'complete' && !!window.__TAURI_INTERNALS__")
        .await
        .expect("page loaded");

    // Every CSP violation from here on is recorded.
    app.client
        .execute(
            "window.__violations = [];\
             document.addEventListener('securitypolicyviolation',\
               (e) => window.__violations.push(e.effectiveDirective));",
            vec![],
        )
        .await
        .expect("script runs");

    // An inline script, as an injected payload would be, must not run.
    let ran = app
        .client
        .execute(
            "window.__inlineRan = false;\
             const s = document.createElement('script');\
             s.textContent = 'window.__inlineRan = true';\
             document.body.append(s);\
             return window.__inlineRan;",
            vec![],
        )
        .await
        .expect("script runs");
    assert_eq!(ran, json!(false), "the CSP blocks inline scripts");

    // A request to any other origin is a CSP violation, network or not.
    app.client
        .execute("fetch('https://example.com/').catch(() => {});", vec![])
        .await
        .expect("script runs");
    let seen = app
        .wait_for_js(
            "window.__violations.includes('script-src-elem') &&\
             window.__violations.includes('connect-src') && window.__violations",
        )
        .await
        .expect("the inline script and the remote fetch are both reported as violations");
    assert!(seen.is_array(), "violations: {seen}");

    let conferences = invoke(&app, "conferences", json!({})).await;
    assert!(
        matches!(&conferences, Ok(Value::Array(list)) if !list.is_empty()),
        "our own commands are allowed and WAIC 2025 is loaded: {conferences:?}"
    );

    let not_found = invoke(
        &app,
        "session",
        json!({ "conference": null, "key": "no-such" }),
    )
    .await;
    let error: Value = serde_json::from_str(&not_found.expect_err("unknown session fails"))
        .expect("errors cross IPC as JSON");
    assert_eq!(
        error["kind"], "not-found",
        "CommandError carries core's kind: {error}"
    );
    assert!(error["message"].is_string(), "and a message: {error}");

    for (cmd, args) in [
        ("plugin:fs|read_text_file", json!({ "path": "/etc/passwd" })),
        ("plugin:opener|open_path", json!({ "path": "/etc/passwd" })),
        (
            "plugin:opener|open_url",
            json!({ "url": "file:///etc/passwd" }),
        ),
        ("plugin:window|close", json!({ "label": "main" })),
        ("plugin:webview|print", json!({})),
    ] {
        let result = invoke(&app, cmd, args).await;
        assert!(
            matches!(&result, Err(e) if e.to_lowercase().contains("not allowed")),
            "{cmd} is refused by the capability: got {result:?}"
        );
    }

    app.quit().await.expect("app quits cleanly");
}
