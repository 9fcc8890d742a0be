import { buildSchema, parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { inlineFragments } from './inline-fragments.ts';

const schema = buildSchema(/* GraphQL */ `
  interface Node { id: ID! name: String! }
  type Actor implements Node { id: ID! name: String! kind: String! }
  type Event implements Node { id: ID! name: String! date: Date actors: [Actor!]! }
  type Date { start: String end: String }
  type Query { node(id: ID!): Node events: [Event!]! }
`);

const inline = (text: string) => print(inlineFragments(parse(text), schema));
const compact = (text: string) => print(parse(text));

describe('inlining fragments into operations', () => {
  it('merges a spread on the field’s own type, or on an interface the type implements, into the selection', () => {
    const out = inline(`
      fragment DateFields on Date { start end }
      fragment Ref on Node { id name }
      query Q { events { ...Ref date { ...DateFields } actors { ...Ref kind } } }`);
    expect(out).toContain(compact('query Q { events { id name date { start end } actors { id name kind } } }'));
  });

  it('keeps a type condition the field’s type does not always meet, and drops one it can never meet', () => {
    const out = inline(`
      fragment NodeFields on Node { id ... on Actor { kind } ... on Event { date { start } } }
      query Q { node(id: "a") { ...NodeFields } events { ...NodeFields } }`);
    expect(out).toContain(
      compact(
        'query Q { node(id: "a") { id ... on Actor { kind } ... on Event { date { start } } } events { id date { start } } }',
      ),
    );
  });

  it('leaves fragment definitions in place, so they still name the shared result types', () => {
    const out = inline('fragment Ref on Node { id } query Q { events { ...Ref } }');
    expect(out).toContain(compact('fragment Ref on Node { id }'));
    expect(out).not.toMatch(/\.\.\.Ref/);
  });

  it('names what is wrong with a document it cannot inline', () => {
    expect(() => inline('query Q { events { ...Missing } }')).toThrow('fragment Missing is not defined');
    expect(() => inline('fragment A on Event { ...A } query Q { events { ...A } }')).toThrow(
      'fragment A spreads itself',
    );
    expect(() => inline('query Q { events { nowhere { id } } }')).toThrow('Event has no field nowhere');
  });
});
