// Mock mode: the app in a plain browser, served by the in-memory backend. Loaded only in dev
// (`?mock`) or in a build made with `--mode mock`; the production build never includes it.
import { emitMockEvent, installMockBackend } from "../ipc/mock";
import { createMockBackend, createMockState } from "./backend";

export function installMocks(params: URLSearchParams): void {
  const big = Number(params.get("sessions") ?? 0) || undefined;
  const options = { bigProgramme: big, importMs: 1500, emit: emitMockEvent };
  const state = createMockState(options);
  // Two more booths than the tests start with, so the preview's booth route has a walk to show.
  const unitree = state.bookmarks.find((b) => b.kind === "exhibitor");
  if (unitree) {
    state.bookmarks.push({ ...unitree, key: "e-huawei", title: "Huawei", priority: "must" });
    state.bookmarks.push({ ...unitree, key: "e-tesla", title: "Tesla", priority: "maybe" });
  }
  installMockBackend(createMockBackend(state, options));
}
