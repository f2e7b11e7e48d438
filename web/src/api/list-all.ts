/** The most items a choice list loads (10 pages of 100); lists longer than that are paged tables instead. */
export const CHOICE_LIST_MAX_ITEMS = 1000;

/**
 * Every item of a short NextToken list, for a Select (accounts, users, connectors, applications):
 * these lists are small next to the inventory, which is never loaded whole.
 */
export async function listAll<T>(fetchPage: (nextToken: string | undefined) => Promise<{ items: T[]; nextToken?: string | undefined }>): Promise<T[]> {
  const items: T[] = [];
  let nextToken: string | undefined;
  do {
    const page = await fetchPage(nextToken);
    items.push(...page.items);
    nextToken = page.nextToken;
  } while (nextToken && items.length < CHOICE_LIST_MAX_ITEMS);
  return items;
}
