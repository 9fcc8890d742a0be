/** The part of `semver` (installed with npm's own dependencies, no types shipped) that test/engines.test.ts uses. */
declare module 'semver' {
  const semver: {
    satisfies(version: string, range: string): boolean;
    Range: new (range: string) => { test(version: string): boolean };
  };
  export default semver;
}
