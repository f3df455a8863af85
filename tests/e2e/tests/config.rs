//! The shell's security settings, read straight from `src-tauri/`: these tests need no build
//! and no display, so they always run. Each one fails when a setting grows broader than what
//! the app uses; widen them on purpose, here, with the reason.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

fn src_tauri() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src-tauri")
}

fn read_json(path: &Path) -> Value {
    let text =
        fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{} is not JSON: {e}", path.display()))
}

fn conf() -> Value {
    read_json(&src_tauri().join("tauri.conf.json"))
}

/// Every capability file, by name.
fn capabilities() -> Vec<(String, Value)> {
    let dir = src_tauri().join("capabilities");
    let mut files: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            assert!(
                name.ends_with(".json"),
                "capabilities/{name}: only JSON capabilities are checked here; add a check for \
                 other formats before using them"
            );
            (name, read_json(&path))
        })
        .collect()
}

/// The commands the app declares in build.rs, which must each be granted explicitly.
fn declared_commands() -> BTreeSet<String> {
    let path = src_tauri().join("build.rs");
    let text = fs::read_to_string(&path).expect("read build.rs");
    let list = text
        .split("const COMMANDS: &[&str] = &[")
        .nth(1)
        .and_then(|rest| rest.split("];").next())
        .expect("build.rs declares `const COMMANDS: &[&str] = &[...];`");
    list.split(',')
        .map(|item| item.trim().trim_matches('"').to_string())
        .filter(|item| !item.is_empty())
        .collect()
}

/// The directives of a CSP, each with its sources.
fn directives(csp: &str) -> Vec<(String, Vec<String>)> {
    csp.split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut words = d.split_whitespace().map(str::to_string);
            let name = words.next().unwrap_or_default();
            (name, words.collect())
        })
        .collect()
}

/// The sources a CSP allows anywhere that are not local: a remote origin, a bare wildcard or
/// an unsafe keyword.
fn broad_sources(csp: &str) -> Vec<String> {
    let local = [
        "'self'",
        "'none'",
        "data:",
        "asset:",
        "ipc:",
        "http://ipc.localhost",
    ];
    directives(csp)
        .into_iter()
        .flat_map(|(name, sources)| {
            sources
                .into_iter()
                .filter(|s| !local.contains(&s.as_str()))
                .map(move |s| format!("{name} {s}"))
        })
        .collect()
}

#[test]
fn csp_is_strict() {
    let conf = conf();
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("app.security.csp is set (a string): without it the webview has no CSP");
    assert_eq!(
        broad_sources(csp),
        Vec::<String>::new(),
        "the CSP allows only the app itself, data: images, the asset and IPC protocols"
    );
    let names: BTreeSet<_> = directives(csp).into_iter().map(|(n, _)| n).collect();
    for required in [
        "default-src",
        "script-src",
        "style-src",
        "connect-src",
        "object-src",
        "base-uri",
        "form-action",
        "frame-src",
    ] {
        assert!(names.contains(required), "the CSP sets {required}");
    }
    for (name, sources) in directives(csp) {
        if ["object-src", "base-uri", "form-action", "frame-src"].contains(&name.as_str()) {
            assert_eq!(sources, ["'none'"], "{name} is 'none'");
        }
    }
    assert_ne!(
        conf["app"]["security"]["dangerousDisableAssetCspModification"],
        Value::Bool(true),
        "Tauri must keep adding its nonces and hashes to the CSP"
    );
    assert!(
        conf["app"]["security"]
            .get("dangerousRemoteDomainIpcAccess")
            .is_none()
            && conf["app"]["security"].get("assetProtocol").is_none(),
        "no remote IPC access and no asset protocol scope"
    );
}

/// The dev server needs its websocket and Vite's injected styles; nothing else may differ.
#[test]
fn dev_csp_only_adds_the_dev_server() {
    let conf = conf();
    let Some(dev) = conf["app"]["security"]["devCsp"].as_str() else {
        return;
    };
    let extra: Vec<_> = broad_sources(dev)
        .into_iter()
        .filter(|s| s != "style-src 'unsafe-inline'" && s != "connect-src ws://localhost:1420")
        .collect();
    assert_eq!(
        extra,
        Vec::<String>::new(),
        "devCsp adds only the Vite dev server's needs"
    );
    assert!(
        !dev.contains("script-src 'self' 'unsafe"),
        "devCsp never allows inline or eval'd scripts"
    );
}

/// `freezePrototype` stays off on purpose: @preact/signals assigns `Signal.prototype.toString`
/// and `valueOf`, which throws in strict code once `Object.prototype` is frozen (the "override
/// mistake"), and the UI renders nothing. The CSP and the capability are the defence instead.
#[test]
fn no_global_tauri() {
    let conf = conf();
    assert_ne!(
        conf["app"]["withGlobalTauri"],
        Value::Bool(true),
        "window.__TAURI__ stays off: the UI imports @tauri-apps/api"
    );
    let frontend = conf["build"]["frontendDist"].as_str().unwrap_or_default();
    assert!(
        !frontend.contains("://"),
        "the app loads its bundled UI, not a remote page: frontendDist = {frontend:?}"
    );
}

#[test]
fn capabilities_grant_only_what_is_used() {
    let commands = declared_commands();
    assert!(
        commands.len() >= 14,
        "build.rs declares the contract's commands, got {commands:?}"
    );
    let mut allowed: BTreeSet<String> = commands
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    allowed.extend(
        [
            "core:event:allow-listen",
            "core:event:allow-unlisten",
            "dialog:allow-open",
            "dialog:allow-save",
            "opener:allow-open-url",
        ]
        .map(str::to_string),
    );
    let conf = conf();
    let enabled: Vec<_> = conf["app"]["security"]["capabilities"]
        .as_array()
        .expect("app.security.capabilities names the capabilities in use")
        .iter()
        .map(|c| c.as_str().unwrap_or_default().to_string())
        .collect();
    let mut granted = BTreeSet::new();
    for (name, cap) in capabilities() {
        let id = cap["identifier"].as_str().unwrap_or_default();
        assert!(
            enabled.iter().any(|e| e == id),
            "capabilities/{name} is enabled in the config"
        );
        assert_eq!(
            cap["windows"],
            serde_json::json!(["main"]),
            "{name}: main window only"
        );
        assert!(cap.get("webviews").is_none(), "{name}: no extra webviews");
        assert!(
            cap.get("remote").is_none(),
            "{name}: no remote URLs get IPC access"
        );
        assert!(
            cap.get("platforms").is_none() || cap["platforms"].is_array(),
            "{name}: platforms is a list if present"
        );
        for permission in cap["permissions"].as_array().expect("permissions list") {
            let id = match permission {
                Value::String(id) => id.clone(),
                Value::Object(scoped) => {
                    let id = scoped["identifier"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string();
                    check_scope(&name, &id, scoped);
                    id
                }
                other => panic!("{name}: unexpected permission entry {other}"),
            };
            for banned in ["fs:", "shell:", "http:", "sql:", "process:", "updater:"] {
                assert!(
                    !id.starts_with(banned),
                    "{name}: {id} grants a {banned} plugin"
                );
            }
            assert!(!id.contains('*'), "{name}: no wildcard permissions ({id})");
            assert!(
                !id.ends_with(":default") && id != "default",
                "{name}: {id} is a default set; grant single permissions instead"
            );
            assert!(
                allowed.contains(&id),
                "{name}: {id} is not something the app uses"
            );
            granted.insert(id);
        }
    }
    let missing: Vec<_> = allowed.difference(&granted).collect();
    assert!(
        missing.is_empty(),
        "declared commands and used plugins are all granted, missing {missing:?}"
    );
}

/// Only the opener carries a scope, and it opens web and mail addresses only.
fn check_scope(file: &str, id: &str, scoped: &serde_json::Map<String, Value>) {
    assert_eq!(
        id, "opener:allow-open-url",
        "{file}: only the opener is scoped"
    );
    assert!(
        scoped.get("deny").is_none_or(Value::is_array),
        "{file}: deny is a list"
    );
    let urls: BTreeSet<_> = scoped["allow"]
        .as_array()
        .expect("opener:allow-open-url has an allow list; without one it opens nothing")
        .iter()
        .map(|entry| {
            let keys: Vec<_> = entry.as_object().expect("scope entry").keys().collect();
            assert_eq!(
                keys,
                ["url"],
                "{file}: scope entries name a url and nothing else"
            );
            entry["url"].as_str().unwrap_or_default().to_string()
        })
        .collect();
    let expected: BTreeSet<_> = ["http://*", "https://*", "mailto:*"]
        .map(str::to_string)
        .into();
    assert_eq!(
        urls, expected,
        "{file}: the opener opens http, https and mailto only"
    );
}
