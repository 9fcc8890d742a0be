/**
 * Type definitions for the @neo4j/graphql peer: the product's Actor, Event and Place nodes and the relationships
 * the timeline and neighbourhood views follow, mapped onto the same labels and relationship types; and, as the
 * library's docs recommend for a read its generated operations cannot express, `@cypher` query fields running the
 * obvious Cypher for a neighbourhood (neighbourhood-cypher.ts), one per depth.
 */
import { obviousNeighbourhoodCypher, PEER_DEPTHS } from './neighbourhood-cypher.ts';

const neighbourhoodFields = PEER_DEPTHS.map(
  (depth) => /* GraphQL */ `
    neighbourhoodDepth${depth}(id: ID!, limit: Int! = 200, edgeLimit: Int! = 1000): Neighbourhood
      @cypher(statement: """${obviousNeighbourhoodCypher(depth)}""", columnName: "neighbourhood")`,
).join('');

export const neo4jGraphqlTypeDefs = /* GraphQL */ `
  type Actor @node(labels: ["Actor", "Entity", "KG"]) {
    id: ID!
    name: String
    nameAr: String
    kind: String
    participatedIn: [Event!]! @relationship(type: "PARTICIPATED_IN", direction: OUT)
  }

  type Event @node(labels: ["Event", "Entity", "KG"]) {
    id: ID!
    name: String
    nameAr: String
    kind: String
    earliest: String
    latest: String
    dateStart: String
    dateEnd: String
    datePrecision: String
    participants: [Actor!]! @relationship(type: "PARTICIPATED_IN", direction: IN)
    places: [Place!]! @relationship(type: "OCCURRED_IN", direction: OUT)
  }

  type Place @node(labels: ["Place", "Entity", "KG"]) {
    id: ID!
    name: String
    nameAr: String
    kind: String
    events: [Event!]! @relationship(type: "OCCURRED_IN", direction: IN)
  }

  type NeighbourhoodNode {
    id: ID!
    kind: String
    name: String
  }

  type NeighbourhoodEdge {
    id: ID!
    type: String!
    source: ID!
    target: ID!
  }

  type Neighbourhood {
    nodes: [NeighbourhoodNode!]!
    edges: [NeighbourhoodEdge!]!
  }

  type Query {${neighbourhoodFields}
  }
`;
