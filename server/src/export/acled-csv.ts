/**
 * Events as CSV in the ACLED-style columns (schema/acled.ts lists them), for spreadsheets and tools that read
 * ACLED files. Events imported from ACLED keep their own coding and notes, so such a CSV imports back to the same
 * events; other events get the closest values: their type, participants in the actor columns, the place hierarchy,
 * and in `notes` every citation (translation, quote, source, who asserts it, certainty). UTF-8 with a byte-order mark.
 * Pure.
 */
import { ACLED_COLUMNS, type AcledColumn } from '../../../schema/acled.ts';
import { type ExportGraph, type ExportNode, labelOf, num, type Props, str, strings } from './graph.ts';

const PRODUCT_TO_ACLED_TYPE: Record<string, string> = {
  battle: 'Battles',
  territory_captured: 'Battles',
  territory_lost: 'Battles',
  airstrike: 'Explosions/Remote violence',
  shelling: 'Explosions/Remote violence',
  weapons_use: 'Explosions/Remote violence',
  attack: 'Violence against civilians',
  detention: 'Strategic developments',
  displacement: 'Strategic developments',
  surrender: 'Strategic developments',
  relocation: 'Strategic developments',
  declaration: 'Strategic developments',
  announcement: 'Strategic developments',
  press_conference: 'Strategic developments',
  airdrop_raid: 'Battles',
  campaign: 'Strategic developments',
  publication: 'Strategic developments',
  other: 'Strategic developments',
};

export const UTF8_BOM = '\uFEFF';

/** RFC 4180 field: quoted when it holds a comma, quote or line break; a leading =+-@ is defused for spreadsheets. */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) && !/^-?\d/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const PLACE_LEVELS: Record<string, 'country' | 'admin1' | 'admin2' | 'admin3'> = {
  country: 'country',
  governorate: 'admin1',
  district: 'admin2',
  area: 'admin3',
};

export function toAcledCsv(graph: ExportGraph): string {
  const nodes = new Map(graph.nodes.map((n) => [n.id, n]));
  const name = (id: string) => str(nodes.get(id)?.props ?? {}, 'name') ?? id;
  const rels = (type: string) => graph.rels.filter((r) => r.type === type);
  const partOf = new Map(rels('PART_OF').map((r) => [r.from, r.to]));
  const cited = (props: Props) =>
    strings(props, 'citationIds')
      .map((id) => nodes.get(id))
      .filter((c): c is ExportNode => c !== undefined);

  const rows = graph.nodes
    .filter((n) => labelOf(n) === 'Event')
    .sort(
      (a, b) =>
        (str(a.props, 'earliest') ?? '').localeCompare(str(b.props, 'earliest') ?? '') || a.id.localeCompare(b.id),
    )
    .map((event) => {
      const p = event.props;
      const row = Object.fromEntries(ACLED_COLUMNS.map((c) => [c, ''])) as Record<AcledColumn, string>;
      const participants = rels('PARTICIPATED_IN').filter((r) => r.to === event.id);
      const byRole = (...roles: string[]) =>
        participants.filter((r) => roles.includes(str(r.props, 'role') ?? '')).map((r) => name(r.from));
      let actor1 = byRole('initiator');
      let actor2 = byRole('opponent', 'target');
      const assoc1 = byRole('associate_of_initiator');
      let assoc2 = byRole('associate_of_opponent');
      if (actor1.length === 0) {
        // Not from ACLED: the first participant leads, the others follow in the second column.
        const all = participants.map((r) => name(r.from));
        actor1 = all.slice(0, 1);
        actor2 = all.slice(1, 2);
        assoc2 = all.slice(2);
      }
      const placeRel = rels('OCCURRED_IN').find((r) => r.from === event.id);
      const place = placeRel ? nodes.get(placeRel.to) : undefined;
      if (place) {
        row.location = str(place.props, 'name') ?? place.id;
        const lat = num(place.props, 'lat');
        const lon = num(place.props, 'lon');
        if (lat !== undefined && lon !== undefined) {
          row.latitude = String(lat);
          row.longitude = String(lon);
        }
        for (let at = partOf.get(place.id), guard = 0; at && guard < 10; at = partOf.get(at), guard++) {
          const level = PLACE_LEVELS[str(nodes.get(at)?.props ?? {}, 'kind') ?? ''];
          if (level && row[level] === '') row[level] = name(at);
        }
      }
      const citations = cited(p);
      const acledId = str(p, 'acledEventId');
      const precision = str(p, 'datePrecision');
      const timePrecision =
        num(p, 'acledTimePrecision') ?? (precision === 'day' ? (p.dateApproximate === true ? 2 : 1) : 3);
      const fatalities = graph.rels
        .filter((r) => r.type === 'HAS_FIGURE' && r.from === event.id)
        .map((r) => nodes.get(r.to))
        .find((f) => f && str(f.props, 'measure') === 'fatalities');
      // An event known only by the day it ended by ("on or before") is dated by that day, at best as "within about a
      // week" (ACLED's 2), so every row has a date a spreadsheet can sort by.
      const startDay = str(p, 'earliest') ?? str(p, 'dateStart');
      const eventDate = startDay ?? str(p, 'latest') ?? '';
      Object.assign(row, {
        event_id_cnty: acledId ?? event.id,
        event_date: eventDate,
        year: eventDate.slice(0, 4),
        time_precision: String(startDay === null && eventDate !== '' ? Math.max(2, timePrecision) : timePrecision),
        disorder_type: str(p, 'acledDisorderType') ?? '',
        event_type: str(p, 'acledEventType') ?? PRODUCT_TO_ACLED_TYPE[str(p, 'kind') ?? 'other'] ?? '',
        sub_event_type: str(p, 'acledSubEventType') ?? str(p, 'kind') ?? '',
        actor1: actor1.join('; '),
        assoc_actor_1: assoc1.join('; '),
        inter1: str(p, 'acledInter1') ?? '',
        actor2: actor2.join('; '),
        assoc_actor_2: assoc2.join('; '),
        inter2: str(p, 'acledInter2') ?? '',
        interaction: str(p, 'acledInteraction') ?? '',
        civilian_targeting: str(p, 'acledCivilianTargeting') ?? '',
        geo_precision: String(
          num(p, 'acledGeoPrecision') ?? (place?.props.coordinatesApproximate === true ? 2 : row.latitude ? 1 : ''),
        ),
        source: [...new Set(citations.map((c) => name(str(c.props, 'attributedTo') ?? '')))].join('; '),
        source_scale: str(p, 'acledSourceScale') ?? '',
        notes: acledId
          ? (str(citations[0]?.props ?? {}, 'quote') ?? '')
          : citations
              .map(
                (c) =>
                  `"${str(c.props, 'translation')}" (${name(str(c.props, 'sourceId') ?? '')}; ${name(str(c.props, 'attributedTo') ?? '')}; ${str(c.props, 'certainty')}; quote: ${str(c.props, 'quote')})`,
              )
              .join(' | '),
        fatalities: fatalities ? String(num(fatalities.props, 'value') ?? num(fatalities.props, 'min') ?? '') : '',
        tags: str(p, 'acledTags') ?? '',
        iso: str(p, 'acledIso') ?? '',
        region: str(p, 'acledRegion') ?? '',
        timestamp: num(p, 'acledTimestamp') === undefined ? '' : String(num(p, 'acledTimestamp')),
      });
      if (row.notes.startsWith(`${acledId} | `)) row.notes = '';
      return ACLED_COLUMNS.map((c) => csvField(row[c])).join(',');
    });
  // The byte-order mark tells spreadsheet programs (Excel among them) that the file is UTF-8, so Arabic reads right.
  return `${UTF8_BOM}${[ACLED_COLUMNS.join(','), ...rows].join('\r\n')}\r\n`;
}
