import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { classDataArguments, classDataFiles, promoteClassData } from './class-data.ts';
import { homeLayout, resolveNeo4jConfig } from './config.ts';

const home = await mkdtemp(path.join(tmpdir(), 'class-data-'));
afterAll(() => rm(home, { recursive: true, force: true }));
// The classes of a tiny run (`java -version`) make a real archive in a second.
const config = resolveNeo4jConfig({}, { homeDir: home, libDir: path.join(home, 'lib') });
fs.mkdirSync(homeLayout(config).run, { recursive: true });
fs.mkdirSync(config.libDir, { recursive: true });
const { archive, recording } = classDataFiles(config, 17);

function record(file: string): void {
  execFileSync(config.javaBin, [`-XX:ArchiveClassesAtExit=${file}`, '-cp', path.join(config.libDir, '*'), '-version'], {
    stdio: 'ignore',
  });
}

describe('class-data sharing for the server JVM', () => {
  it('records an archive at exit when there is none, uses it once there is one, and can be turned off', () => {
    expect(classDataArguments(config, 17, {})).toEqual([`-XX:ArchiveClassesAtExit=${recording}`]);
    fs.writeFileSync(archive, 'stand-in');
    expect(classDataArguments(config, 17, {})).toEqual([`-XX:SharedArchiveFile=${archive}`]);
    expect(classDataArguments(config, 17, { NEO4J_CLASS_DATA: 'off' })).toEqual([]);
    fs.rmSync(archive);
  });

  it('promotes a recording after a clean stop, and never one a killed server left or one a JVM cannot map', async () => {
    record(recording);
    await promoteClassData(config, false);
    expect(fs.existsSync(recording) || fs.existsSync(archive)).toBe(false);

    record(recording);
    const whole = fs.readFileSync(recording);
    fs.writeFileSync(recording, whole.subarray(0, Math.floor(whole.length / 4)));
    await promoteClassData(config, true);
    expect(fs.existsSync(recording) || fs.existsSync(archive)).toBe(false);

    fs.writeFileSync(recording, whole);
    await promoteClassData(config, true);
    expect(fs.existsSync(recording)).toBe(false);
    expect(fs.readFileSync(archive).equals(whole)).toBe(true);
  }, 60_000);
});
