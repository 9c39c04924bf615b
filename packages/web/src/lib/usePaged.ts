import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '../api/types';
import { notifyError } from './notify';

/** Cursor-paginated list ("load more"). Reloads from the first page whenever `key` changes. */
export function usePaged<T>(key: string, fetchPage: (cursor: string | null) => Promise<Page<T>>) {
  const [items, setItems] = useState<T[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const fetchRef = useRef(fetchPage);
  const generation = useRef(0);

  useEffect(() => {
    fetchRef.current = fetchPage;
  });

  const load = useCallback(async (cursor: string | null) => {
    if (cursor === null) generation.current += 1;
    const current = generation.current;
    setLoading(true);
    try {
      const page = await fetchRef.current(cursor);
      if (current !== generation.current) return;
      setItems((previous) => (cursor === null ? page.items : [...previous, ...page.items]));
      setNextCursor(page.nextCursor);
    } catch (error) {
      if (current === generation.current) notifyError(error);
    } finally {
      if (current === generation.current) setLoading(false);
    }
  }, []);

  useEffect(() => {
    setItems([]);
    setNextCursor(null);
    void load(null);
  }, [key, load]);

  const reload = useCallback(() => load(null), [load]);
  const loadMore = useCallback(() => {
    if (nextCursor) void load(nextCursor);
  }, [load, nextCursor]);

  return { items, setItems, nextCursor, hasMore: nextCursor !== null, loading, reload, loadMore };
}
