import { useCallback, useEffect, useState } from 'react';
import { messageOf } from '../api/api-error';

/** Loads something once (and again on reload()), with its loading and error state. */
export function useAsync<T>(load: () => Promise<T>, deps: readonly unknown[]) {
  const [value, setValue] = useState<T | undefined>();
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [generation, setGeneration] = useState(0);
  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    load()
      .then((result) => live && setValue(result))
      .catch((err: unknown) => live && setError(messageOf(err)))
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
    // `deps` name what `load` depends on, as with useEffect.
  }, [...deps, generation]);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  return { value, loading, error, reload };
}
