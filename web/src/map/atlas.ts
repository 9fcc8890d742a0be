/**
 * The map's atlas: country outlines, borders and coastlines from world-atlas (bundled, loaded lazily, once per
 * page — no tiles, no network beyond our own origin), each with its bounds so shapes far from the view are never
 * projected.
 */
import { geoBounds } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiLineString, Position } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

/** [[west, south], [east, north]]; `west > east` when the shape crosses the antimeridian. */
export type GeoBounds = [[number, number], [number, number]];

export interface CountryShape {
  feature: Feature<Geometry, { name?: string }>;
  key: string;
  atlasName: string | undefined;
  /** Geographic bounds; `west > east` when the country crosses the antimeridian. */
  bounds: GeoBounds;
}

/** One line of a mesh, with its bounds so lines far from the view are never projected. */
export interface MeshLine {
  coordinates: Position[];
  bounds: GeoBounds;
}

export interface Atlas {
  countries: CountryShape[];
  borders: MeshLine[];
  coast: MeshLine[];
}

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name?: string }>; land: GeometryCollection }>;

let atlasPromise: Promise<Atlas> | null = null;

function meshLines(lines: MultiLineString): MeshLine[] {
  return lines.coordinates.map((coordinates) => {
    let west = 180;
    let east = -180;
    let south = 90;
    let north = -90;
    for (const [lon = 0, lat = 0] of coordinates) {
      west = Math.min(west, lon);
      east = Math.max(east, lon);
      south = Math.min(south, lat);
      north = Math.max(north, lat);
    }
    // A line spanning more than half the world may cross the antimeridian: treat it as everywhere.
    if (east - west > 180) [west, east] = [-180, 180];
    return {
      coordinates,
      bounds: [
        [west, south],
        [east, north],
      ] as GeoBounds,
    };
  });
}

/** Lets the page draw and answer input before the next step: each step of reading the atlas is one task. */
export const yieldToPage = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

export function loadAtlas(): Promise<Atlas> {
  atlasPromise ??= import('world-atlas/countries-50m.json').then(async (module) => {
    const topology = module.default as unknown as CountriesTopology;
    await yieldToPage();
    const collection = feature(topology, topology.objects.countries) as FeatureCollection<Geometry, { name?: string }>;
    await yieldToPage();
    const countries = collection.features.map((f, index) => ({
      feature: f,
      key: String(f.id ?? `n${index}`),
      atlasName: f.properties?.name,
      bounds: geoBounds(f),
    }));
    await yieldToPage();
    const borders = meshLines(mesh(topology, topology.objects.countries, (a, b) => a !== b));
    await yieldToPage();
    return { countries, borders, coast: meshLines(mesh(topology, topology.objects.countries, (a, b) => a === b)) };
  });
  atlasPromise.catch(() => {
    atlasPromise = null; // a later map may try again
  });
  return atlasPromise;
}

/** Whether two geographic boxes overlap, tolerant of boxes crossing the antimeridian. */
export function boundsIntersect(a: GeoBounds, b: GeoBounds): boolean {
  if (a[1][1] < b[0][1] || b[1][1] < a[0][1]) return false;
  const crosses = (x: GeoBounds) => x[0][0] > x[1][0];
  if (crosses(a) || crosses(b)) return true;
  return a[0][0] <= b[1][0] && b[0][0] <= a[1][0];
}
