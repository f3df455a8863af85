// Test helpers: a fresh fake backend and fresh app state for each test.
import { cleanup } from "@testing-library/preact";
import { afterEach } from "vitest";
import { clearMockBackend, emitMockEvent, installMockBackend, type MockHandlers } from "../ipc/mock";
import { createMockBackend, createMockState, type MockOptions, type MockState } from "../mocks/backend";
import { conferenceError, conferenceList, loadConferences, pendingImport, searchOpen } from "../state/app";
import { route } from "../state/router";
import { resetStartup } from "../state/startup";
import { resetProgrammeView } from "../features/programme/Programme";
import { lang, theme, timeMode } from "../state/settings";

export interface TestBackend {
  state: MockState;
  calls: { cmd: string; args: Record<string, unknown> }[];
}

/** Installs the fixture backend (optionally with some handlers replaced) and loads conferences. */
export async function startBackend(overrides: MockHandlers = {}, options: MockOptions = {}): Promise<TestBackend> {
  const state = createMockState(options);
  const handlers = { ...createMockBackend(state, { emit: emitMockEvent, ...options }), ...overrides };
  const calls = installMockBackend(handlers);
  await loadConferences();
  return { state, calls };
}

export function callsTo(backend: TestBackend, cmd: string) {
  return backend.calls.filter((c) => c.cmd === cmd).map((c) => c.args);
}

afterEach(() => {
  cleanup();
  resetStartup();
  clearMockBackend();
  conferenceList.value = null;
  conferenceError.value = null;
  pendingImport.value = null;
  searchOpen.value = false;
  route.value = { view: "now" };
  timeMode.value = "conference";
  lang.value = "en";
  theme.value = "system";
  location.hash = "";
  resetProgrammeView();
  localStorage.clear();
});
