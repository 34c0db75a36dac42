import { describe, expect, it } from 'vitest';
import { DisjointSets, groupBoxes } from '../src/disjoint.js';

describe('DisjointSets and groupBoxes', () => {
  it('joins slots into groups and boxes them by rows and columns', () => {
    // a 3 × 3 grid: slot 0–1 joined (a cell spanning two columns), 4–7 joined (two rows), the rest alone
    const sets = new DisjointSets(9);
    sets.join(0, 1);
    sets.join(4, 7);
    expect(sets.find(0)).toBe(sets.find(1));
    expect(sets.find(4)).toBe(sets.find(7));
    expect(sets.find(0)).not.toBe(sets.find(3));
    const boxes = [...groupBoxes(sets, 3, 3).values()];
    expect(boxes).toHaveLength(7);
    expect(boxes).toContainEqual({ r0: 0, r1: 0, c0: 0, c1: 1 });
    expect(boxes).toContainEqual({ r0: 1, r1: 2, c0: 1, c1: 1 });
    expect(boxes).toContainEqual({ r0: 2, r1: 2, c0: 2, c1: 2 });
  });

  it('boxes an L-shaped group by its bounding rectangle', () => {
    const sets = new DisjointSets(4);
    sets.join(0, 1);
    sets.join(1, 3);
    const boxes = [...groupBoxes(sets, 2, 2).values()];
    expect(boxes).toContainEqual({ r0: 0, r1: 1, c0: 0, c1: 1 });
    expect(boxes).toContainEqual({ r0: 1, r1: 1, c0: 0, c1: 0 });
  });
});
