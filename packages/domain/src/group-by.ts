/**
 * Items grouped by a key, each group in the items' order and the groups in the order their keys first appear.
 * Node 20, which the app supports, has no `Map.groupBy`; this is the one copy the workspace uses instead.
 */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
