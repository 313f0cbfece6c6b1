/**
 * @module member-map
 * The schematic placement of the members' map: each country a panel of its own (no borders drawn: the panels
 * place points by coordinates and nothing else), coordinates projected equirectangularly with the panel's middle
 * latitude, and labels put where they overlap neither another label nor a marker — beside the point, else a
 * little further off with a leader line. Pure: sizes are in the SVG's own units.
 */
import type { Country } from '../model.js';

/** The part of the globe a panel shows (degrees), wide enough for every city the country could have. */
export interface PanelExtent {
  readonly west: number;
  readonly east: number;
  readonly south: number;
  readonly north: number;
}

export const PANEL_EXTENTS: Readonly<Record<Country, PanelExtent>> = {
  DE: { west: 5.6, east: 15.2, south: 47.2, north: 55.1 },
  CN: { west: 97, east: 125, south: 18.5, north: 43.5 },
};

/** A panel's size in SVG units for a width: the height follows from the extent (a degree of longitude is cos(φ) of one of latitude). */
export function panelSize(extent: PanelExtent, width: number): { width: number; height: number } {
  const middle = ((extent.north + extent.south) / 2) * (Math.PI / 180);
  return { width, height: Math.round((width * (extent.north - extent.south)) / ((extent.east - extent.west) * Math.cos(middle))) };
}

/** Where a coordinate lies in a panel of that size. */
export function project(extent: PanelExtent, size: { width: number; height: number }, lat: number, lng: number): { x: number; y: number } {
  return {
    x: ((lng - extent.west) / (extent.east - extent.west)) * size.width,
    y: ((extent.north - lat) / (extent.north - extent.south)) * size.height,
  };
}

/** The width of a label in units of its font size: Han characters a full em, others about half. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) width += /\p{Script=Han}/u.test(ch) ? 1 : /[A-Z]/.test(ch) ? 0.72 : 0.6;
  return width;
}

export interface Marker {
  readonly x: number;
  readonly y: number;
  readonly label: string;
}

/** Where a label goes: its anchor point, which side it reads from, and whether it needs a line to its marker. */
export interface LabelPlace {
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'end';
  readonly leader: boolean;
}

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/**
 * Places the markers' labels one after another (west to east, so the crowded ones meet their neighbours in
 * order): the first candidate spot inside the panel that overlaps no label and no marker wins; with none, the
 * nearest spot at all. `font` is the labels' size, `radius` the markers'.
 */
export function placeLabels(
  markers: readonly Marker[],
  size: { width: number; height: number },
  font: number,
  radius: number,
): LabelPlace[] {
  const placed: Box[] = markers.map((m) => ({ left: m.x - radius, right: m.x + radius, top: m.y - radius, bottom: m.y + radius }));
  const result: LabelPlace[] = new Array(markers.length);
  const order = markers.map((m, i) => ({ m, i })).sort((a, b) => a.m.x - b.m.x || a.m.y - b.m.y);
  const gap = radius + 2;
  // Beside the marker, then above and below, then further off along a line.
  const offsets: Array<[number, number, boolean]> = [[0, 0, false]];
  for (const step of [1, 2, 3, 4, 5, 6]) offsets.push([0, -step * font * 1.15, true], [0, step * font * 1.15, true]);
  for (const { m, i } of order) {
    const width = textWidth(m.label) * font;
    let choice: LabelPlace | undefined;
    let fallback: LabelPlace | undefined;
    for (const [dx, dy, leader] of offsets) {
      for (const anchor of ['start', 'end'] as const) {
        const x = anchor === 'start' ? m.x + gap + dx + (leader ? font : 0) : m.x - gap - dx - (leader ? font : 0);
        const y = m.y + dy + font * 0.35;
        const box = {
          left: anchor === 'start' ? x : x - width,
          right: anchor === 'start' ? x + width : x,
          top: y - font * 0.9,
          bottom: y + font * 0.25,
        };
        const inside = box.left >= 0 && box.right <= size.width && box.top >= 0 && box.bottom <= size.height;
        const place = { x, y, anchor, leader };
        fallback ??= inside ? place : undefined;
        if (inside && !placed.some((p) => overlaps(p, box))) {
          choice = place;
          placed.push(box);
          break;
        }
      }
      if (choice) break;
    }
    result[i] = choice ?? fallback ?? { x: m.x + gap, y: m.y + font * 0.35, anchor: 'start', leader: false };
  }
  return result;
}
