import type { Page } from '../api/types';

/** Every item of a cursor-paginated list, up to `maxPages` pages (for pickers that need the whole list). */
export async function allPages<T>(
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  maxPages = 20,
): Promise<T[]> {
  const out: T[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < maxPages; i++) {
    const page: Page<T> = await fetchPage(cursor);
    out.push(...page.items);
    cursor = page.nextCursor;
    if (!cursor) break;
  }
  return out;
}
