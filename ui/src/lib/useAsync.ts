import { useEffect, useRef, useState } from "preact/hooks";
import { toIpcError, type IpcError } from "../ipc";

export interface AsyncState<T> {
  data: T | undefined;
  error: IpcError | undefined;
  /** True while a load runs; earlier data stays visible meanwhile, so reloads don't flicker. */
  loading: boolean;
}

/**
 * Runs `load` whenever `deps` change and keeps only the newest answer: a slow response to an
 * older request never overwrites a newer one. With `initial` (data fetched before the first
 * render) the first run is skipped and the first frame already shows it.
 */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[], initial?: T): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>(() =>
    initial === undefined
      ? { data: undefined, error: undefined, loading: true }
      : { data: initial, error: undefined, loading: false },
  );
  const skipFirst = useRef(initial !== undefined);
  useEffect(() => {
    if (skipFirst.current) {
      skipFirst.current = false;
      return;
    }
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
