// Swaps the door to the backend for an in-page one: used by the unit tests and by the browser
// preview (mock mode). Lives here because only src/ipc/ may import @tauri-apps/api.
import { emit } from "@tauri-apps/api/event";
import { clearMocks, mockIPC, mockWindows } from "@tauri-apps/api/mocks";
import type { Command, Commands } from "./index";

/** A fake backend: any subset of the contract's commands, plus plugin commands by full name. */
export type MockHandlers = {
  [C in Command]?: (args: Commands[C]["args"]) => Commands[C]["result"] | Promise<Commands[C]["result"]>;
} & {
  [plugin: `plugin:${string}`]: ((args: Record<string, unknown>) => unknown) | undefined;
};

/** A call the fake backend received, for assertions. */
export interface MockCall {
  cmd: string;
  args: Record<string, unknown>;
}

/**
 * Installs `handlers` as the backend and returns the list of calls it receives. A command
 * without a handler rejects like a missing Rust command does; a handler that throws
 * `{kind, message}` rejects like a `CommandError`.
 */
export function installMockBackend(handlers: MockHandlers): MockCall[] {
  const calls: MockCall[] = [];
  mockWindows("main");
  mockIPC(
    async (cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args });
      const handler = (handlers as Record<string, ((a: unknown) => unknown) | undefined>)[cmd];
      if (!handler) {
        if (cmd.startsWith("plugin:")) return null;
        throw `command ${cmd} not found`;
      }
      return await handler(args);
    },
    { shouldMockEvents: true },
  );
  return calls;
}

/** Emits an event to listeners, as the Rust side's `app.emit` would. */
export function emitMockEvent(event: string, payload: unknown): Promise<void> {
  return emit(event, payload);
}

/** Removes the fake backend. */
export function clearMockBackend(): void {
  clearMocks();
}
