import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { messageOf } from '../api/api-error';

export interface KeysetPage<T> {
  items: T[];
  nextToken?: string | undefined;
}

interface Position {
  key: string;
  /** tokens[i] is the NextToken that loads page i + 1 (undefined for page 1): one per page known to exist. */
  tokens: (string | undefined)[];
  pageIndex: number;
  /** The last known page was loaded and had no NextToken: there is nothing after it. */
  endReached: boolean;
}

const start = (key: string): Position => ({ key, tokens: [undefined], pageIndex: 1, endReached: false });

/** The position kept in the browser's history entry (see useKeysetPages), if it is one for `key`. */
function savedPosition(state: unknown, key: string): Position | undefined {
  const saved = (state as { keysetPosition?: Position } | null)?.keysetPosition;
  return saved?.key === key && Array.isArray(saved.tokens) && saved.pageIndex >= 1 && saved.pageIndex <= saved.tokens.length ? saved : undefined;
}

/**
 * Server-side paging over a NextToken API for Cloudscape's open-ended Pagination. Only the page on
 * screen is fetched (nothing loads the whole list); a change of `resetKey` (the filter) starts again
 * at page 1, because a NextToken is only valid with the filter it was issued for. The position is
 * kept in the browser's history entry, so Back (from a number's details, say) and a reload return
 * to the page the user was on; the URL itself stays the filter's, fit to share.
 */
export function useKeysetPages<T>(resetKey: string, load: (nextToken: string | undefined) => Promise<KeysetPage<T>>) {
  const location = useLocation();
  const navigate = useNavigate();
  const [position, setPosition] = useState<Position>(() => savedPosition(location.state, resetKey) ?? start(resetKey));
  const [items, setItems] = useState<T[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | undefined>();
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // A new filter starts at page 1, or where its history entry (Back to an earlier filter) left it.
  const current = position.key === resetKey ? position : (savedPosition(location.state, resetKey) ?? start(resetKey));
  if (current !== position) setPosition(current);
  const token = current.tokens[current.pageIndex - 1];

  useEffect(() => {
    let live = true;
    setLoading(true);
    setError(undefined);
    loadRef
      .current(token)
      .then((page) => {
        if (!live) return;
        setItems(page.items);
        setPosition((p) => {
          if (p.key !== resetKey) return p;
          let tokens = p.tokens;
          if (!page.nextToken) return { ...p, tokens: tokens.slice(0, p.pageIndex), endReached: true };
          // Tokens of later pages stay valid while this page still ends where it did.
          if (tokens[p.pageIndex] !== page.nextToken) tokens = [...tokens.slice(0, p.pageIndex), page.nextToken];
          return { ...p, tokens, endReached: p.endReached && tokens.length > p.pageIndex + 1 };
        });
      })
      .catch((err: unknown) => {
        if (!live) return;
        setItems([]);
        setError(messageOf(err));
      })
      .finally(() => live && setLoading(false));
    return () => {
      live = false;
    };
  }, [resetKey, current.pageIndex, token, generation]);

  useEffect(() => {
    const saved = savedPosition(location.state, position.key);
    if (saved && saved.pageIndex === position.pageIndex && saved.tokens.join() === position.tokens.join()) return;
    if (!saved && position.pageIndex === 1) return;
    void navigate({ pathname: location.pathname, search: location.search }, { replace: true, state: { ...(location.state as object | null), keysetPosition: position } });
  }, [position, location, navigate]);

  const goTo = useCallback((pageIndex: number) => {
    setPosition((p) => (pageIndex >= 1 && pageIndex <= p.tokens.length ? { ...p, pageIndex } : p));
  }, []);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);

  return {
    items,
    loading,
    error,
    pageIndex: current.pageIndex,
    pagesCount: current.tokens.length,
    openEnd: !current.endReached,
    goTo,
    reload,
  };
}
