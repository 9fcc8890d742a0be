import { Neo4jGraphQL } from '@neo4j/graphql';
import { describe, expect, it } from 'vitest';
import { obviousNeighbourhoodCypher, type PeerDepth } from './neighbourhood-cypher.ts';
import { neo4jGraphqlTypeDefs } from './neo4j-graphql-typedefs.ts';

describe('obviousNeighbourhoodCypher', () => {
  it('bounds the variable-length hop by the depth and takes every value as a parameter', () => {
    for (const depth of [1, 2] as const) {
      const cypher = obviousNeighbourhoodCypher(depth);
      expect(cypher).toContain(`*1..${depth}]-(m:Entity)`);
      expect(cypher).toContain('MATCH (start:KG {id: $id})');
      expect(cypher).toContain('LIMIT $limit - 1');
      expect(cypher).toContain('LIMIT $edgeLimit');
    }
  });

  it('has no query for a depth outside the allow-list', () => {
    expect(() => obviousNeighbourhoodCypher(3 as PeerDepth)).toThrow('no peer neighbourhood query for depth 3');
  });
});

describe('the @neo4j/graphql peer schema', () => {
  it('serves the generated operations and one @cypher neighbourhood field per depth', async () => {
    const schema = await new Neo4jGraphQL({ typeDefs: neo4jGraphqlTypeDefs }).getSchema();
    const query = schema.getQueryType()?.getFields() ?? {};
    expect(Object.keys(query)).toEqual(
      expect.arrayContaining(['actors', 'events', 'neighbourhoodDepth1', 'neighbourhoodDepth2']),
    );
    expect(query.neighbourhoodDepth2?.args.map((a) => a.name)).toEqual(['id', 'limit', 'edgeLimit']);
  });
});
