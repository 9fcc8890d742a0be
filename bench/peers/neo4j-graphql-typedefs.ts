/**
 * Type definitions for the @neo4j/graphql peer: the product's Actor, Event and Place nodes and the relationships
 * the timeline and neighbourhood views follow, mapped onto the same labels and relationship types.
 */
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
`;
