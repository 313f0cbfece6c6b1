/** The schematic placement of the members' map. */
import { describe, expect, it } from 'vitest';
import { PANEL_EXTENTS, panelSize, placeLabels, project, textWidth } from '../../../src/core/cities/member-map.js';

describe('member-map', () => {
  it('projects a panel’s corners to the frame and keeps degrees of longitude shorter than of latitude', () => {
    const size = panelSize(PANEL_EXTENTS.DE, 400);
    expect(size.height).toBeGreaterThan(400);
    expect(project(PANEL_EXTENTS.DE, size, PANEL_EXTENTS.DE.north, PANEL_EXTENTS.DE.west)).toEqual({ x: 0, y: 0 });
    const se = project(PANEL_EXTENTS.DE, size, PANEL_EXTENTS.DE.south, PANEL_EXTENTS.DE.east);
    expect(se.x).toBeCloseTo(400);
    expect(se.y).toBeCloseTo(size.height);
    // Köln lies west of and north of Nürnberg.
    const koeln = project(PANEL_EXTENTS.DE, size, 50.93, 6.95);
    const nuernberg = project(PANEL_EXTENTS.DE, size, 49.45, 11.08);
    expect(koeln.x < nuernberg.x && koeln.y < nuernberg.y).toBe(true);
  });

  it('measures Chinese labels wider per character than Latin ones', () => {
    expect(textWidth('佛山')).toBe(2);
    expect(textWidth('Foshan')).toBeLessThan(4.5);
  });

  it('puts crowded labels where they overlap no other label, inside the panel', () => {
    const size = { width: 400, height: 400 };
    // The Pearl River Delta: eight cities within a few units of each other.
    const markers = ['Foshan', 'Jiangmen', 'Zhaoqing', 'Yunfu', 'Bao’an', 'Nansha', '江门', '佛山'].map((label, i) => ({
      x: 200 + (i % 3) * 4,
      y: 200 + Math.floor(i / 3) * 4,
      label,
    }));
    const places = placeLabels(markers, size, 12, 5);
    const boxes = places.map((p, i) => {
      const width = textWidth(markers[i]?.label ?? '') * 12;
      const left = p.anchor === 'start' ? p.x : p.x - width;
      return { left, right: left + width, top: p.y - 12 * 0.9, bottom: p.y + 12 * 0.25 };
    });
    for (const [i, a] of boxes.entries()) {
      expect(a.left >= 0 && a.right <= 400 && a.top >= 0 && a.bottom <= 400, `label ${i} inside`).toBe(true);
      for (const b of boxes.slice(i + 1)) expect(a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom).toBe(false);
    }
    expect(places.some((p) => p.leader)).toBe(true);
  });
});
