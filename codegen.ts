import type { CodegenConfig } from '@graphql-codegen/cli';
import { inlineFragmentsTransform } from './web/inline-fragments.ts';

/**
 * Types generated from the SDL: the server's resolver types, and the web client's typed operations (from
 * web/src/operations.graphql). `npm run codegen` after changing either; a test in each generated folder checks they match.
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  generates: {
    'server/src/generated/graphql.ts': {
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        useTypeImports: true,
        contextType: '../context.ts#Context',
        enumsAsTypes: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        mappers: {
          Actor: '../../../db/records.ts#NodeRecord',
          Place: '../../../db/records.ts#NodeRecord',
          Event: '../../../db/records.ts#NodeRecord',
          Agreement: '../../../db/records.ts#NodeRecord',
          Source: '../../../db/records.ts#NodeRecord',
          Node: '../../../db/records.ts#NodeRecord',
          Edge: '../../../db/records.ts#EdgeRecord',
          Citation: '../../../db/records.ts#CitationRecord',
          Figure: '../../../db/records.ts#PartRecord',
          Term: '../../../db/records.ts#PartRecord',
          Claim: '../../../db/records.ts#PartRecord',
          Participation: '../../../db/records.ts#EdgeRecord',
          EventPlace: '../../../db/records.ts#EdgeRecord',
          AgreementParty: '../../../db/records.ts#EdgeRecord',
          Rejection: '../../../db/records.ts#EdgeRecord',
          Affiliation: '../../../db/records.ts#AffiliationRecord',
          TermPlace: '../../../db/records.ts#EdgeRecord',
          Path: '../../../db/repositories/paths.ts#PathRecord',
          SearchHit: '../../../db/records.ts#SearchHitRecord',
          Subgraph: '../../../db/records.ts#SubgraphRecord',
          Overview: '../../../db/repositories/overview.ts#OverviewRecord',
          DateRange: '../../../db/records.ts#DateRangeRecord',
        },
        scalars: { ID: 'string' },
      },
    },
    // Result and variable types of the client's own operations, and the operations as typed strings: no runtime
    // beyond the strings the client sends anyway.
    'web/src/generated/graphql.ts': {
      documents: ['web/src/operations.graphql'],
      // Operations are sent with their fragments inlined (see web/inline-fragments.ts); the fragments still name the types.
      documentTransforms: [inlineFragmentsTransform],
      plugins: ['typescript-operations', 'typed-document-node'],
      config: {
        documentMode: 'string',
        // Lets the bundler drop the fragments' own document strings, which the client never sends alone.
        pureMagicComment: true,
        useTypeImports: true,
        enumsAsTypes: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        scalars: { ID: 'string' },
      },
    },
  },
};

export default config;
