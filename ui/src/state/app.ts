// What the whole app shares: the conferences, which one is current, and a version number that
// views depend on so they reload after anything changes the store (a bookmark, an import, a switch).
import { computed, signal } from "@preact/signals";
import * as ipc from "../ipc";
import type { ConferenceSummary } from "../ipc/bindings";

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
