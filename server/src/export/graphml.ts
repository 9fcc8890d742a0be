/**
 * The entity graph as GraphML (http://graphml.graphdrawing.org/) for Gephi, Cytoscape desktop and yEd: actors,
 * places, events and agreements as nodes, the relationships between them as directed edges, each with typed
 * attributes, and its citations (quote, translation, source, who asserts it, certainty) as text attributes.
 * Pure; valid against the GraphML 1.0 schema (tested with xmllint).
 */
import { ENTITY_LABELS, GRAPH_REL_TYPES } from '../../../schema/vocabulary.ts';
import { type ExportGraph, labelOf, type Props, str, strings } from './graph.ts';

type AttrType = 'string' | 'double' | 'int' | 'boolean';
interface Key {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: AttrType;
  value: (props: Props, extra: Record<string, string>) => string | number | boolean | undefined;
}

const text = (key: string) => (p: Props) => str(p, key);
const list = (key: string) => (p: Props) => strings(p, key).join('; ') || undefined;
const number = (key: string) => (p: Props) => {
  const v = p[key];
  return typeof v === 'number' ? v : undefined;
};

const NODE_KEYS: Key[] = [
  { id: 'label', for: 'node', name: 'label', type: 'string', value: (p, e) => str(p, 'name') ?? e.id },
  { id: 'n_kind', for: 'node', name: 'kind', type: 'string', value: (_, e) => e.label },
  { id: 'n_type', for: 'node', name: 'type', type: 'string', value: text('kind') },
  { id: 'n_nameAr', for: 'node', name: 'nameAr', type: 'string', value: text('nameAr') },
  { id: 'n_aliases', for: 'node', name: 'aliases', type: 'string', value: list('aliases') },
  { id: 'n_description', for: 'node', name: 'description', type: 'string', value: text('description') },
  { id: 'n_status', for: 'node', name: 'status', type: 'string', value: text('status') },
  { id: 'n_dateStart', for: 'node', name: 'dateStart', type: 'string', value: text('dateStart') },
  { id: 'n_dateEnd', for: 'node', name: 'dateEnd', type: 'string', value: text('dateEnd') },
  { id: 'n_datePrecision', for: 'node', name: 'datePrecision', type: 'string', value: text('datePrecision') },
  { id: 'n_earliest', for: 'node', name: 'earliest', type: 'string', value: text('earliest') },
  { id: 'n_latest', for: 'node', name: 'latest', type: 'string', value: text('latest') },
  { id: 'n_lat', for: 'node', name: 'latitude', type: 'double', value: number('lat') },
  { id: 'n_lon', for: 'node', name: 'longitude', type: 'double', value: number('lon') },
  { id: 'n_certainty', for: 'node', name: 'certainty', type: 'string', value: text('certainty') },
  { id: 'n_attributedTo', for: 'node', name: 'attributedTo', type: 'string', value: list('attributedTo') },
  { id: 'n_datasets', for: 'node', name: 'datasets', type: 'string', value: list('datasets') },
  { id: 'n_contested', for: 'node', name: 'contested', type: 'string', value: list('contested') },
  { id: 'n_sources', for: 'node', name: 'sources', type: 'string', value: (_, e) => e.sources },
  { id: 'n_citations', for: 'node', name: 'citations', type: 'string', value: (_, e) => e.citations },
  { id: 'n_claims', for: 'node', name: 'claims', type: 'string', value: (_, e) => e.claims },
];

const EDGE_KEYS: Key[] = [
  { id: 'e_id', for: 'edge', name: 'id', type: 'string', value: (_, e) => e.id },
  { id: 'e_type', for: 'edge', name: 'type', type: 'string', value: (_, e) => e.type },
  {
    id: 'e_label',
    for: 'edge',
    name: 'label',
    type: 'string',
    value: (p, e) => str(p, 'role') ?? str(p, 'label') ?? e.type,
  },
  { id: 'e_earliest', for: 'edge', name: 'earliest', type: 'string', value: text('earliest') },
  { id: 'e_latest', for: 'edge', name: 'latest', type: 'string', value: text('latest') },
  { id: 'e_certainty', for: 'edge', name: 'certainty', type: 'string', value: text('certainty') },
  { id: 'e_attributedTo', for: 'edge', name: 'attributedTo', type: 'string', value: list('attributedTo') },
  { id: 'e_datasets', for: 'edge', name: 'datasets', type: 'string', value: list('datasets') },
  { id: 'e_sources', for: 'edge', name: 'sources', type: 'string', value: (_, e) => e.sources },
  { id: 'e_citations', for: 'edge', name: 'citations', type: 'string', value: (_, e) => e.citations },
];

/** Characters XML 1.0 does not allow are dropped; markup characters are escaped. */
const allowedInXml = (code: number): boolean =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code <= 0xd7ff) ||
  (code >= 0xe000 && code <= 0xfffd) ||
  code >= 0x10000;

export function escapeXml(value: string): string {
  let kept = '';
  for (const c of value) if (allowedInXml(c.codePointAt(0) ?? 0)) kept += c;
  return kept.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function toGraphml(graph: ExportGraph): string {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const entities = graph.nodes.filter((n) => (ENTITY_LABELS as readonly string[]).includes(labelOf(n)));
  const entityIds = new Set(entities.map((n) => n.id));
  const edgeTypes = new Set<string>(GRAPH_REL_TYPES);
  const edges = graph.rels.filter((r) => edgeTypes.has(r.type) && entityIds.has(r.from) && entityIds.has(r.to));

  const citationsOf = (props: Props) => {
    const cited = strings(props, 'citationIds')
      .map((id) => nodes.get(id))
      .filter((c) => c !== undefined);
    const sourceIds = [...new Set(cited.map((c) => str(c.props, 'sourceId') ?? ''))].filter(Boolean);
    const sources = sourceIds.map((id) => `${id} (${str(nodes.get(id)?.props ?? {}, 'name') ?? id})`).join('; ');
    const citations = cited
      .map((c) => {
        const p = c.props;
        return `«${str(p, 'quote')}» = "${str(p, 'translation')}" [${str(p, 'sourceId')} ${p.start}–${p.end}; ${str(p, 'attributedTo')}; ${str(p, 'certainty')}]`;
      })
      .join('\n');
    return { sources, citations };
  };
  const claimsOf = (id: string) =>
    graph.rels
      .filter((r) => r.type === 'HAS_CLAIM' && r.from === id)
      .map((r) => nodes.get(r.to))
      .filter((c) => c !== undefined)
      .map((c) => `${str(c.props, 'property')}: ${str(c.props, 'name')} (${strings(c.props, 'datasets').join(', ')})`)
      .join('\n');

  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"',
    '    xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const k of [...NODE_KEYS, ...EDGE_KEYS])
    lines.push(`  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`);
  lines.push('  <graph id="G" edgedefault="directed">');
  const data = (keys: Key[], props: Props, extra: Record<string, string>) => {
    for (const k of keys) {
      const value = k.value(props, extra);
      if (value === undefined || value === '') continue;
      lines.push(`      <data key="${k.id}">${escapeXml(String(value))}</data>`);
    }
  };
  // Node ids are the product's ids (kind:slug), which are XML name tokens as GraphML requires.
  for (const n of entities) {
    lines.push(`    <node id="${escapeXml(n.id)}">`);
    data(NODE_KEYS, n.props, { id: n.id, label: labelOf(n), claims: claimsOf(n.id), ...citationsOf(n.props) });
    lines.push('    </node>');
  }
  // Edge ids must be XML name tokens; the product's relationship id (with > and /) is the `id` attribute.
  for (const [i, e] of edges.entries()) {
    lines.push(`    <edge id="e${i + 1}" source="${escapeXml(e.from)}" target="${escapeXml(e.to)}">`);
    data(EDGE_KEYS, e.props, { id: e.id, type: e.type, ...citationsOf(e.props) });
    lines.push('    </edge>');
  }
  lines.push('  </graph>', '</graphml>', '');
  return lines.join('\n');
}
