/**
 * Whether two flat neighbourhoods (nodes, and relationships among them) say the same thing, checked before W3 times
 * this server against the obvious-Cypher peer, so the rows compare equal work. Same node ids and same relationship
 * ids is "same". When a hop does not fit under the node limit the two may legitimately pick different nodes there
 * (this server ranks neighbours, the peer takes them by id): then each must still hold to the rule on its own (the
 * start included, as many nodes as the other, every relationship among its nodes up to the edge cap, those touching
 * the start first), checked against counts Neo4j gives for that node set. When the same nodes hold more relationships
 * than the cap, the two may keep different ones beyond those touching the start (this server takes those of its
 * best-ranked nodes first, the peer takes them by id), each side still holding to the rule.
 */
import type { Driver } from 'neo4j-driver';
import { GRAPH_REL_TYPES } from '../../schema/vocabulary.ts';
import { fetchData, type GraphQLRequest } from '../http-load.ts';
import { formatNumber } from '../stats.ts';
import { rows } from './samples.ts';

export interface FlatNeighbourhood {
  nodes: ReadonlyArray<{ id: string }>;
  edges: ReadonlyArray<{ id: string; source: string; target: string }>;
}

/** What Neo4j counts for a node set: graph relationships among the nodes, and those of them touching the start. */
export interface RelationshipsAmong {
  among: number;
  touchingStart: number;
}

export interface NeighbourhoodLimits {
  nodes: number;
  edges: number;
}

export type ContentVerdict =
  | { kind: 'same'; nodes: number; edges: number }
  | { kind: 'same rule'; nodes: number; commonNodes: number; edges: { subject: number; peer: number } }
  | { kind: 'same nodes'; nodes: number; edges: number; commonEdges: number }
  | { kind: 'different'; problems: string[] };

function duplicates(ids: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) twice.add(id);
    seen.add(id);
  }
  return [...twice];
}

/** How a neighbourhood breaks the rule "≤limit nodes with the start, every relationship among them up to the cap". */
export function ruleProblems(
  start: string,
  side: FlatNeighbourhood,
  counts: RelationshipsAmong,
  limits: NeighbourhoodLimits,
): string[] {
  const problems: string[] = [];
  const nodeIds = side.nodes.map((n) => n.id);
  const nodes = new Set(nodeIds);
  if (!nodes.has(start)) problems.push(`the start ${start} is missing`);
  if (nodeIds.length > limits.nodes) problems.push(`${nodeIds.length} nodes, over the limit of ${limits.nodes}`);
  const doubleNodes = duplicates(nodeIds);
  if (doubleNodes.length) problems.push(`nodes listed twice: ${doubleNodes.slice(0, 3).join(', ')}`);
  const doubleEdges = duplicates(side.edges.map((e) => e.id));
  if (doubleEdges.length) problems.push(`relationships listed twice: ${doubleEdges.slice(0, 3).join(', ')}`);
  const outside = side.edges.filter((e) => !nodes.has(e.source) || !nodes.has(e.target));
  if (outside.length) problems.push(`${outside.length} relationships reach outside the nodes (${outside[0]?.id})`);
  const expected = Math.min(limits.edges, counts.among);
  if (side.edges.length !== expected)
    problems.push(
      `${side.edges.length} relationships where Neo4j counts ${counts.among} among the nodes (cap ${limits.edges})`,
    );
  const touching = side.edges.filter((e) => e.source === start || e.target === start).length;
  const expectedTouching = Math.min(limits.edges, counts.touchingStart);
  if (touching !== expectedTouching)
    problems.push(`${touching} relationships touch the start where ${expectedTouching} should`);
  return problems;
}

/**
 * Compares this server's neighbourhood of `start` with the peer's. `counts` are Neo4j's counts for each side's own
 * node set (the same numbers when the node sets are the same).
 */
export function compareNeighbourhoods(
  start: string,
  subject: FlatNeighbourhood,
  peer: FlatNeighbourhood,
  counts: { subject: RelationshipsAmong; peer: RelationshipsAmong },
  limits: NeighbourhoodLimits,
): ContentVerdict {
  const problems = [
    ...ruleProblems(start, subject, counts.subject, limits).map((p) => `this server: ${p}`),
    ...ruleProblems(start, peer, counts.peer, limits).map((p) => `peer: ${p}`),
  ];
  const subjectNodes = new Set(subject.nodes.map((n) => n.id));
  const commonNodes = peer.nodes.filter((n) => subjectNodes.has(n.id)).length;
  const sameNodes = commonNodes === subjectNodes.size && commonNodes === peer.nodes.length;
  if (sameNodes) {
    const subjectEdges = new Set(subject.edges.map((e) => e.id));
    const onlyPeer = peer.edges.filter((e) => !subjectEdges.has(e.id)).length;
    const onlySubject = subject.edges.length - (peer.edges.length - onlyPeer);
    const bothCapped = counts.subject.among > limits.edges && subject.edges.length === peer.edges.length;
    if (onlyPeer && bothCapped && !problems.length)
      return {
        kind: 'same nodes',
        nodes: subjectNodes.size,
        edges: subject.edges.length,
        commonEdges: peer.edges.length - onlyPeer,
      };
    if (onlyPeer || onlySubject)
      problems.push(
        `same nodes, different relationships: ${onlySubject} only from this server, ${onlyPeer} only from the peer`,
      );
    return problems.length
      ? { kind: 'different', problems }
      : { kind: 'same', nodes: subjectNodes.size, edges: subject.edges.length };
  }
  if (subject.nodes.length !== peer.nodes.length)
    problems.push(`${subject.nodes.length} nodes from this server, ${peer.nodes.length} from the peer`);
  return problems.length
    ? { kind: 'different', problems }
    : {
        kind: 'same rule',
        nodes: subject.nodes.length,
        commonNodes,
        edges: { subject: subject.edges.length, peer: peer.edges.length },
      };
}

const range = (values: number[]): string => {
  const low = formatNumber(Math.min(...values));
  const high = formatNumber(Math.max(...values));
  return low === high ? low : `${low}–${high}`;
};

/**
 * One sentence for a row's notes. Throws when any sample differs: the timed load is only worth running on equal
 * work.
 */
export function describeVerdicts(verdicts: readonly ContentVerdict[], limits: NeighbourhoodLimits): string {
  const different = verdicts.flatMap((v, i) => (v.kind === 'different' ? [`sample ${i + 1}: ${v.problems[0]}`] : []));
  if (different.length)
    throw new Error(
      `the two neighbourhoods differ on ${different.length} of ${verdicts.length} samples: ${different.slice(0, 3).join('; ')}`,
    );
  const same = verdicts.filter((v) => v.kind === 'same');
  const rule = verdicts.flatMap((v) => (v.kind === 'same rule' ? [v] : []));
  const capped = verdicts.flatMap((v) => (v.kind === 'same nodes' ? [v] : []));
  const parts = [`same node and relationship ids on ${same.length} of ${verdicts.length} sample actors`];
  if (capped.length)
    parts.push(
      `same nodes on ${capped.length} more, with more relationships among them than the cap of ${formatNumber(limits.edges)}: ` +
        `both keep every one touching the start, then this server those of its best-ranked nodes and the peer by id ` +
        `(${range(capped.map((v) => v.commonEdges))} of ${range(capped.map((v) => v.edges))} in common)`,
    );
  if (rule.length)
    parts.push(
      `on the other ${rule.length} the ${limits.nodes}-node limit cuts a hop, which this server fills by rank and the peer by id: ` +
        `${range(rule.map((v) => v.commonNodes))} of ${range(rule.map((v) => v.nodes))} nodes in common, ` +
        `${range(rule.map((v) => v.edges.subject))} vs ${range(rule.map((v) => v.edges.peer))} relationships, ` +
        `each side every relationship among its own nodes up to ${formatNumber(limits.edges)} (checked against Neo4j's count)`,
    );
  return parts.join('; ');
}

const TYPES = GRAPH_REL_TYPES.join('|');

const COUNT_AMONG = `
  MATCH (a:KG:Entity) WHERE a.id IN $ids
  MATCH (a)-[r:${TYPES}]->(b:Entity) WHERE b.id IN $ids
  RETURN count(r) AS among, count(CASE WHEN a.id = $start OR b.id = $start THEN r END) AS touchingStart`;

/** Neo4j's count of the graph relationships among the nodes `ids`, and of those touching `start`. */
export async function relationshipsAmong(
  driver: Driver,
  start: string,
  ids: readonly string[],
): Promise<RelationshipsAmong> {
  const [counts] = await rows<RelationshipsAmong>(driver, COUNT_AMONG, { start, ids });
  return counts ?? { among: 0, touchingStart: 0 };
}

export interface NeighbourhoodSide {
  url: string;
  /** One request per start, in the order of the starts. */
  requests: readonly GraphQLRequest[];
  /** The neighbourhood in an answer's `data`. */
  read(data: unknown): FlatNeighbourhood;
}

/**
 * Asks both servers for the neighbourhood of each start and compares the answers ({@link compareNeighbourhoods}).
 * Returns the notes' sentence; throws when any start's answers differ.
 */
export async function checkSameContent(
  driver: Driver,
  starts: readonly string[],
  subject: NeighbourhoodSide,
  peer: NeighbourhoodSide,
  limits: NeighbourhoodLimits,
): Promise<string> {
  const verdicts: ContentVerdict[] = [];
  for (const [i, start] of starts.entries()) {
    const answer = async (side: NeighbourhoodSide) => {
      const request = side.requests[i];
      if (!request) throw new Error(`no request for ${start}`);
      const neighbourhood = side.read((await fetchData(side.url, request)).data);
      const ids = neighbourhood.nodes.map((n) => n.id);
      return { neighbourhood, counts: await relationshipsAmong(driver, start, ids) };
    };
    const mine = await answer(subject);
    const theirs = await answer(peer);
    verdicts.push(
      compareNeighbourhoods(
        start,
        mine.neighbourhood,
        theirs.neighbourhood,
        { subject: mine.counts, peer: theirs.counts },
        limits,
      ),
    );
  }
  return describeVerdicts(verdicts, limits);
}
