/**
 * The rooms' one-way imports (docs/architecture.md), checked by `npm run lint`:
 *   schema ← db ← seed, schema ← db ← server, and start composes them; web reads only schema's pure files;
 *   neo4j stands alone. bench/ and test/ may import anything, and so may tests (`*.test.ts`), which set up data
 *   through the seed and servers through start/ wherever they live. No cycles anywhere.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const TESTS = '(^(test|bench)/|\\.test\\.ts$)';

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'A cycle makes two modules one; split what they share into a third.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'schema-imports-only-schema',
      severity: 'error',
      comment: 'The model room is pure: other rooms import it, it imports none of them.',
      from: { path: '^schema/', pathNot: TESTS },
      to: { pathNot: '^(schema/|node_modules/)', dependencyTypesNot: ['core'] },
    },
    {
      name: 'db-imports-only-schema',
      severity: 'error',
      comment: 'Database access serves the seed and the server; it knows neither (nor web, neo4j or start).',
      from: { path: '^db/', pathNot: TESTS },
      to: { path: '^(server|seed|web|start|neo4j|bench|test)/' },
    },
    {
      name: 'server-not-to-seed',
      severity: 'error',
      comment: 'Serving never loads datasets: start/ composes seeding and serving.',
      from: { path: '^server/', pathNot: TESTS },
      to: { path: '^(seed|start|neo4j|web|bench|test)/' },
    },
    {
      name: 'seed-not-to-server',
      severity: 'error',
      comment: 'Loading goes through db/ (the writer, load jobs), never through the server.',
      from: { path: '^seed/', pathNot: TESTS },
      to: { path: '^(server|start|web|bench|test)/' },
    },
    {
      name: 'web-imports-only-pure-schema',
      severity: 'error',
      comment: 'The explorer imports generated API types and the model room’s pure files only.',
      from: { path: '^web/', pathNot: TESTS },
      to: { path: '^(server|seed|db|neo4j|start|bench|test)/' },
    },
    {
      name: 'web-not-to-zod-schema',
      severity: 'error',
      comment: 'Of schema/, the web may import vocabulary.ts and dates.ts (no zod, no Node APIs in the bundle).',
      from: { path: '^web/', pathNot: TESTS },
      to: { path: '^schema/', pathNot: '^schema/(vocabulary|dates)\\.ts$' },
    },
    {
      name: 'neo4j-stands-alone',
      severity: 'error',
      comment: 'Starting a local Neo4j needs nothing of the product.',
      from: { path: '^neo4j/', pathNot: TESTS },
      to: { path: '^(schema|db|seed|server|web|start|bench|test)/' },
    },
    {
      name: 'only-start-composes',
      severity: 'error',
      comment: 'Nothing outside it imports the composition root (its entry points share its modules).',
      from: { pathNot: [TESTS, '^start/'] },
      to: { path: '^start/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|\\.neo4j[^/]*|target)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
