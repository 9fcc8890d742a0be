import type { CodegenConfig } from '@graphql-codegen/cli';

/** Resolver types generated from the SDL: `npm run codegen` after changing schema/schema.graphql. */
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
          DateRange: '../../../db/records.ts#DateRangeRecord',
        },
        scalars: { ID: 'string' },
      },
    },
  },
};

export default config;
