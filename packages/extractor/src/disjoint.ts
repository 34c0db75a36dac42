/**
 * Disjoint sets over 0..n-1 (union–find with path halving), and the bounding boxes of the groups of a grid's
 * slots. Shared by the finders that join a grid's elementary cells into merged cells: the lattice finder
 * (ruled PDF tables, pdf/lattice.ts) and the drawn-table reader (box characters and grid tables, drawn.ts).
 */
export class DisjointSets {
  private readonly parent: Int32Array;

  constructor(n: number) {
    this.parent = Int32Array.from({ length: n }, (_, i) => i);
  }

  find(i: number): number {
    const p = this.parent;
    while (p[i] !== i) {
      p[i] = p[p[i]!]!;
      i = p[i]!;
    }
    return i;
  }

  /** Joins the group of `a` into the group of `b`. */
  join(a: number, b: number): void {
    this.parent[this.find(a)] = this.find(b);
  }
}

export interface SlotBox {
  r0: number;
  r1: number;
  c0: number;
  c1: number;
}

/** The bounding box (rows and columns) of every group of a grid's slots, slot `r * nCols + c`, by group root. */
export function groupBoxes(sets: DisjointSets, nRows: number, nCols: number): Map<number, SlotBox> {
  const boxes = new Map<number, SlotBox>();
  for (let r = 0; r < nRows; r++)
    for (let c = 0; c < nCols; c++) {
      const root = sets.find(r * nCols + c);
      const b = boxes.get(root);
      if (!b) boxes.set(root, { r0: r, r1: r, c0: c, c1: c });
      else {
        b.r0 = Math.min(b.r0, r);
        b.r1 = Math.max(b.r1, r);
        b.c0 = Math.min(b.c0, c);
        b.c1 = Math.max(b.c1, c);
      }
    }
  return boxes;
}
