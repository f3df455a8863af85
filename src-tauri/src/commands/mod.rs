//! Tauri commands, one module per domain. Each command is one delegation to plenary-core; the
//! shapes are in `docs/ipc.md` and the TypeScript types in `ui/src/ipc/bindings.ts`.

pub mod backup;
pub mod bookmarks;
pub mod conferences;
pub mod exhibitors;
pub mod exports;
pub mod imports;
pub mod plan;
pub mod reminders;
pub mod search;
pub mod sessions;
pub mod share;
pub mod subscriptions;
