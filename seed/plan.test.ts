import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_LABELS, REL_TYPES } from '../schema/vocabulary.ts';
import { citationId, planDataset } from './plan-dataset.ts';
import { validateDatasetFiles } from './validate.ts';

const [fixture] = await validateDatasetFiles([path.join(import.meta.dirname, 'fixtures', 'minimal.json')]);
if (!fixture) throw new Error('fixture missing');
const dataset = fixture.dataset;

describe('planning the graph of a dataset', () => {
  const plan = planDataset(dataset);

  it('makes one node per entity, term and distinct citation', () => {
    expect(plan.nodes.Actor.map((n) => n.id)).toEqual(dataset.actors.map((a) => a.id));
    expect(plan.nodes.Event).toHaveLength(dataset.events.length);
    expect(plan.nodes.Term.map((n) => n.id)).toEqual(['agreement:fixture-deal/term/1']);
    const distinct = new Set(
      [...dataset.actors, ...dataset.places, ...dataset.events, ...dataset.agreements].flatMap((e) =>
        e.citations.map(citationId),
      ),
    );
    for (const id of distinct) expect(plan.nodes.Citation.map((c) => c.id)).toContain(id);
    expect(new Set(plan.nodes.Citation.map((c) => c.id)).size).toBe(plan.nodes.Citation.length);
  });

  it('gives every fact node and relationship at least one citation, except the citation plumbing', () => {
    for (const label of NODE_LABELS.filter((l) => l !== 'Citation' && l !== 'Source'))
      for (const node of plan.nodes[label]) expect(node.props.citationIds, node.id).not.toHaveLength(0);
    for (const type of REL_TYPES.filter((t) => !['FROM_SOURCE', 'ATTRIBUTED_TO', 'PUBLISHED_BY'].includes(t)))
      for (const rel of plan.rels[type]) expect(rel.props.citationIds, rel.id).not.toHaveLength(0);
  });

  it("lets a participant without citations inherit the event's, and says so", () => {
    const participation = plan.rels.PARTICIPATED_IN.find((r) => r.from === 'actor:fixture-sdf');
    const event = plan.nodes.Event.find((n) => n.id === 'event:fixture-capture');
    expect(participation?.props.inheritedCitations).toBe(true);
    expect(participation?.props.citationIds).toEqual(event?.props.citationIds);
    const located = plan.rels.OCCURRED_IN.find((r) => r.from === 'event:fixture-clashes');
    expect(located?.props.inheritedCitations).toBe(false);
  });

  it('keeps claims apart: certainty is the strongest of the citations, with who asserts it', () => {
    const clashes = plan.nodes.Event.find((n) => n.id === 'event:fixture-clashes');
    expect(clashes?.props).toMatchObject({ certainty: 'alleged', attributedTo: ['actor:fixture-local-sources'] });
    const fought = plan.rels.FOUGHT[0];
    expect(fought?.props).toMatchObject({
      certainty: 'claimed',
      certaintyRank: 2,
      attributedTo: ['actor:fixture-sdf'],
    });
  });

  it('stores dates at their precision with bounding days for time filters', () => {
    const capture = plan.nodes.Event.find((n) => n.id === 'event:fixture-capture');
    expect(capture?.props).toMatchObject({
      dateStart: '2019-03-23',
      datePrecision: 'day',
      earliest: '2019-03-23',
      latest: '2019-03-23',
    });
    const participation = plan.rels.PARTICIPATED_IN[0];
    expect(participation?.props).toMatchObject({ earliest: '2019-03-23', latest: '2019-03-23' });
  });

  it('is deterministic, so a reload writes the same ids and values', () => {
    expect(planDataset(dataset)).toEqual(plan);
  });

  it('marks place containment that comes from a gazetteer', () => {
    expect(plan.rels.PART_OF.find((r) => r.from === 'place:fixture-baghouz')?.props.origin).toBe('gazetteer');
  });

  it('links each citation to its source and to who asserts it', () => {
    const citation = plan.nodes.Citation[0];
    expect(plan.rels.FROM_SOURCE.find((r) => r.from === citation?.id)?.to).toBe('source:fixture');
    expect(plan.rels.ATTRIBUTED_TO.find((r) => r.from === citation?.id)?.to).toBe(citation?.props.attributedTo);
  });
});

describe('planning what the certainty policy records (issue 13)', async () => {
  const [baghouz] = await validateDatasetFiles([path.join(import.meta.dirname, 'data', 'baghouz.json')]);
  if (!baghouz) throw new Error('seed dataset missing');
  const plan = planDataset(baghouz.dataset);
  const node = (label: 'Actor' | 'Place' | 'Event' | 'Citation', id: string) =>
    plan.nodes[label].find((n) => n.id === id);

  it("stores where an Arabic name comes from: the article's span, or the editors' note", () => {
    expect(node('Event', 'event:final-battle-hajin-baghouz')?.props).toMatchObject({
      nameArOrigin: 'article',
      nameArSource: 'source:alkhabar-baghouz-2019',
      nameArStart: 2538,
      nameArEnd: 2589,
      nameArNote: null,
    });
    expect(node('Event', 'event:white-phosphorus-baghouz-hajin')?.props).toMatchObject({
      nameArOrigin: 'editors',
      nameArQuote: null,
      nameArNote: expect.any(String),
    });
  });

  it('lists the outside aliases apart, and names the gazetteer entry of a coordinate', () => {
    expect(node('Place', 'place:baghouz')?.props.aliasesOutside).toEqual(['Baghouz Fawqani', 'الباغوز فوقاني']);
    expect(node('Place', 'place:abu-kamal')?.props).toMatchObject({
      coordinatesEntryId: '174448',
      coordinatesEntryName: 'Ālbū Kamāl',
    });
    expect(node('Place', 'place:baghouz')?.props.lat).toBeNull();
  });

  it('keeps how the editors identified an unnamed party on its relationship', () => {
    const parties = plan.rels.PARTY_TO.filter((r) => r.to === 'agreement:pocket-exit-agreement');
    expect(parties.length).toBeGreaterThan(0);
    for (const party of parties) expect(party.props.inferred).toEqual(expect.any(String));
    const named = plan.rels.PARTY_TO.find((r) => r.to === 'agreement:baghouz-final-agreement');
    expect(named?.props.inferred).toBeNull();
  });

  it('links a contradicted citation to the disputed citations at the spans it names, both ways', () => {
    const citations = plan.nodes.Citation;
    const at = (start: number, end: number) =>
      citations.filter((c) => c.props.start === start && c.props.end === end && c.props.certainty === 'disputed');
    const sdfClaim = at(133, 272)[0];
    const localSources = at(1324, 1408).map((c) => c.id);
    expect(localSources.length).toBeGreaterThan(0);
    expect(sdfClaim?.props.contradictedBy).toEqual(expect.arrayContaining(localSources));
    for (const id of localSources)
      expect(citations.find((c) => c.id === id)?.props.contradictedBy).toContain(sdfClaim?.id);
    const plain = citations.find((c) => c.props.certainty === 'reported');
    expect(plain?.props.contradictedBy).toBeNull();
  });
});
