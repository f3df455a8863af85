//! Screenshots of the main views in light and dark, English and Chinese, on the real app with
//! WAIC 2025. They land in the e2e shots folder; `docs/screenshots/` keeps the ones the README
//! shows. Each view must render its `view-*` element first, so a broken view fails here.

use plenary_e2e::{enabled, App};

const VIEWS: [&str; 6] = [
    "now",
    "programme",
    "keynotes",
    "exhibitors",
    "agenda",
    "conferences",
];

#[tokio::test]
async fn main_views_in_both_themes_and_languages() {
    if !enabled() {
        return;
    }
    let data = tempfile::tempdir().expect("temp data dir");
    let app = App::start(data.path()).await.expect("app starts");
    app.testid("app-ready").await.expect("ready");
    for (language, theme) in [
        ("en", "light"),
        ("en", "dark"),
        ("zh", "light"),
        ("zh", "dark"),
    ] {
        app.open_view("settings").await.expect("settings");
        app.click(&format!("setting-language-{language}"))
            .await
            .expect("language");
        app.click(&format!("setting-theme-{theme}"))
            .await
            .expect("theme");
        for view in VIEWS {
            app.open_view(view)
                .await
                .unwrap_or_else(|e| panic!("{view} renders: {e}"));
            app.wait_for_js("!document.querySelector('[data-testid=loading]')")
                .await
                .unwrap_or_else(|e| panic!("{view} finishes loading: {e}"));
            app.screenshot(&format!("{view}-{language}-{theme}"))
                .await
                .expect("screenshot");
        }
    }
    app.quit().await.expect("quit");
}
