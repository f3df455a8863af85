// What the whole app shares: the conferences, which one is current, and a version number that
// views depend on so they reload after anything changes the store (a bookmark, an import, a switch).
import { computed, signal } from "@preact/signals";
import * as ipc from "../ipc";
import type { ConferenceSummary, RefreshReport, WhatChanged } from "../ipc/bindings";

export const conferenceList = signal<ConferenceSummary[] | null>(null);
export const conferenceError = signal<ipc.IpcError | null>(null);
export const current = computed<ConferenceSummary | null>(
  () => conferenceList.value?.find((c) => c.current) ?? conferenceList.value?.[0] ?? null,
);
/** Bumped after every change to the store; views read it to know when to reload. */
export const dataVersion = signal(0);
/** A path dropped on the window or picked elsewhere, waiting for the import view. */
export const pendingImport = signal<string | null>(null);
export const searchOpen = signal(false);

export async function loadConferences(): Promise<void> {
  try {
    conferenceList.value = await ipc.conferences();
    conferenceError.value = null;
  } catch (error) {
    conferenceError.value = ipc.toIpcError(error);
  }
}

/** Call after a change to the store. */
export function touched(): void {
  dataVersion.value++;
}

export async function switchConference(slug: string): Promise<void> {
  await ipc.setCurrentConference(slug);
  await loadConferences();
  touched();
}

/** What changed in the current conference since the user last looked (null until loaded). */
export const whatChanged = signal<WhatChanged | null>(null);
/** Keys of the current conference's sessions changed since the user last looked. */
export const changedKeys = computed<ReadonlySet<string>>(() => new Set(whatChanged.value?.changed_keys ?? []));

/** Reloads {@link whatChanged}; a failure leaves the markers off rather than breaking a list. */
export async function loadWhatChanged(): Promise<void> {
  try {
    whatChanged.value = await ipc.whatsChanged(current.value?.slug ?? null);
  } catch {
    whatChanged.value = null;
  }
}

/** How often a subscribed conference is fetched while the app runs. */
export const REFRESH_EVERY_MS = 30 * 60 * 1000;

/**
 * Fetches the current conference's subscription, if it has one, and reloads what depends on
 * it. Resolves to the report, or null when there is no subscription. Errors reject: the store
 * keeps its last good copy, and the "What changed" view shows the error.
 */
export async function refreshSubscription(): Promise<RefreshReport | null> {
  if (!whatChanged.value?.subscription) return null;
  try {
    const report = await ipc.refresh(current.value?.slug ?? null);
    if (report.status === "updated") touched();
    return report;
  } finally {
    await loadWhatChanged();
  }
}

/** Refreshes every {@link REFRESH_EVERY_MS}; returns the function that stops it. */
export function startPeriodicRefresh(every: number = REFRESH_EVERY_MS): () => void {
  const id = setInterval(() => void refreshSubscription().catch(() => {}), every);
  return () => clearInterval(id);
}
