import { useEffect, useState } from "preact/hooks";
import { toIpcError, type IpcError } from "../ipc";

export interface AsyncState<T> {
  data: T | undefined;
  error: IpcError | undefined;
  /** True while a load runs; earlier data stays visible meanwhile, so reloads don't flicker. */
  loading: boolean;
}

/**
 * Runs `load` whenever `deps` change and keeps only the newest answer: a slow response to an
 * older request never overwrites a newer one.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ data: undefined, error: undefined, loading: true });
  useEffect(() => {
    let live = true;
    setState((s) => ({ ...s, loading: true }));
    load().then(
      (data) => live && setState({ data, error: undefined, loading: false }),
      (error: unknown) => live && setState({ data: undefined, error: toIpcError(error), loading: false }),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return state;
}
