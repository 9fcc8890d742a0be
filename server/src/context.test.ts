import { type FieldNode, type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { selectedFields } from './context.ts';

/** The resolve info of the first top-level field of a query, as graphql-js hands it to a resolver. */
function infoFor(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return { fieldNodes: [operation.selectionSet.selections[0] as FieldNode], fragments };
}

describe('selectedFields', () => {
  it('lists the fields under the current field, through inline fragments and fragment spreads', () => {
    const info = infoFor(
      '{ events { id ... on Event { places { role } } ...F } } fragment F on Event { participants { role } name }',
    );
    expect([...selectedFields(info)].sort()).toEqual(['id', 'name', 'participants', 'places']);
  });

  it('lists the fields under a named child field, merging every place it is selected', () => {
    const info = infoFor(
      '{ neighborhood(id: "a") { nodes { id } edges { id source } ...E } } fragment E on Subgraph { edges { label } }',
    );
    expect([...selectedFields(info, 'edges')].sort()).toEqual(['id', 'label', 'source']);
    expect([...selectedFields(info, 'nodes')]).toEqual(['id']);
    expect(selectedFields(info, 'missing').size).toBe(0);
  });

  it('does not loop on a fragment spread twice', () => {
    const info = infoFor('{ events { ...F ...F } } fragment F on Event { id }');
    expect([...selectedFields(info)]).toEqual(['id']);
  });
});
