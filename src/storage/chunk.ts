/** Splits rows so that one statement binds at most `maxParameters` values (SQLite's limit is the low one). */
export function chunkForParameters<T>(rows: readonly T[], parametersPerRow: number, maxParameters: number): T[][] {
  const size = Math.max(1, Math.floor(maxParameters / Math.max(1, parametersPerRow)));
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
}
