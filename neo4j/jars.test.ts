import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { POM_PATH } from './config.ts';
import { neo4jJarsPresent, pinnedNeo4jVersion } from './jars.ts';

describe('pinnedNeo4jVersion', () => {
  it('reads the 5.26 version pinned in neo4j/pom.xml', () => {
    const version = pinnedNeo4jVersion();
    expect(version).toMatch(/^5\.26\.\d+$/);
    expect(fs.readFileSync(POM_PATH, 'utf8')).toContain(`<neo4j.version>${version}</neo4j.version>`);
  });
});

describe('neo4jJarsPresent', () => {
  const version = pinnedNeo4jVersion();
  let libDir = '';
  const touch = (name: string, text = ''): void => fs.writeFileSync(path.join(libDir, name), text);

  beforeEach(() => {
    libDir = fs.mkdtempSync(path.join(os.tmpdir(), 'neo4j-lib-'));
  });
  afterEach(() => {
    fs.rmSync(libDir, { recursive: true, force: true });
  });

  it('wants the version marker and the main, server and bolt jars of the pinned version', () => {
    expect(neo4jJarsPresent({ libDir })).toBe(false);
    for (const jar of [`neo4j-${version}.jar`, `neo4j-server-${version}.jar`, `neo4j-bolt-${version}.jar`]) touch(jar);
    expect(neo4jJarsPresent({ libDir }), 'no marker yet').toBe(false);
    touch('.neo4j-version', `${version}\n`);
    expect(neo4jJarsPresent({ libDir })).toBe(true);
    fs.rmSync(path.join(libDir, `neo4j-bolt-${version}.jar`));
    expect(neo4jJarsPresent({ libDir }), 'bolt jar missing').toBe(false);
  });

  it('refuses jars of another version', () => {
    for (const jar of [`neo4j-${version}.jar`, `neo4j-server-${version}.jar`, `neo4j-bolt-${version}.jar`]) touch(jar);
    touch('.neo4j-version', '5.26.0\n');
    expect(neo4jJarsPresent({ libDir })).toBe(false);
  });

  it('is false for a folder that does not exist', () => {
    expect(neo4jJarsPresent({ libDir: path.join(libDir, 'missing') })).toBe(false);
  });
});
