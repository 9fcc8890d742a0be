/** Each node's neighbours, both directions of every edge: what the layouts place nodes around. */
export function neighboursOf(edges: ReadonlyArray<{ source: string; target: string }>): Map<string, string[]> {
  const neighbours = new Map<string, string[]>();
  const link = (from: string, to: string) => {
    const list = neighbours.get(from);
    if (list) list.push(to);
    else neighbours.set(from, [to]);
  };
  for (const e of edges) {
    link(e.source, e.target);
    link(e.target, e.source);
  }
  return neighbours;
}
