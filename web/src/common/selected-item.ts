/**
 * The selected row as the list shows it now, or undefined once the list no longer holds it (deleted
 * meanwhile). A reload (Refresh, or after a change) brings new row objects, but the table's selection
 * keeps the old ones, so an Edit dialog would start from stale values.
 */
export function selectedItem<T extends object>(items: readonly T[] | undefined, selected: readonly T[], key: keyof T): T | undefined {
  const chosen = selected[0];
  if (chosen === undefined) return undefined;
  if (items === undefined) return chosen;
  return items.find((item) => item[key] === chosen[key]);
}
