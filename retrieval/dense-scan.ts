/**
 * Exact scan of a small hnswlib-node cosine index: every stored vector scored against a query with
 * the same single-precision arithmetic hnswlib performs, so the distances, and hence the order, are
 * the ones `searchKnn` returns when it is asked for every document.
 *
 * Why: the dense half of the hybrid asks for the whole store on every question (rank fusion needs
 * every document's rank). On ~150 documents hnswlib visits them all anyway, but each call also copies
 * the 2048 coordinates of the query one N-API call at a time and multiplies all 2048 of them, while
 * the query has only ~100 non-zero coordinates. Here only those are multiplied, against the stored
 * vectors read once from the index. hnswlib-node stays the vector store (it holds and persists the
 * vectors and serves every other search); this is used only where `verify` has shown, on the running
 * machine's build of hnswlib, that it gives bit-identical distances and the same order.
 *
 * The arithmetic reproduced (hnswlib-node 3, x86-64 build without AVX, dimension a multiple of 16):
 * the query is rounded to float and L2-normalised in float (`normalizePoint`: a sequential float sum
 * of squares, `sqrtf`, a float division per coordinate); the distance is `1.0f - sum` where `sum`
 * comes from `InnerProductSIMD16ExtSSE`: four float lanes, lane `j` adding the float products of the
 * coordinates `i ≡ j (mod 4)` in order, then `((l0 + l1) + l2) + l3` in float. A zero coordinate adds
 * nothing (`x + ±0 = x`), so skipping it changes no bit. Ties are ordered by label, as hnswlib's
 * priority queue of (distance, label) pairs orders them.
 */

/** A query vector by its non-zero coordinates, in ascending order of index. */
export interface SparseVector {
  index: Int32Array;
  value: Float64Array;
}

const f = Math.fround;

export class DenseScan {
  /**
   * The stored (already normalised, float) vectors by coordinate, only their non-zero values (a zero
   * adds nothing to a lane): coordinate `i` holds `labels[offsets[i] .. offsets[i + 1])` and `values`.
   */
  private readonly offsets: Int32Array;
  private readonly labels: Int32Array;
  private readonly values: Float32Array;
  private readonly n: number;
  /** Scratch: each document's four float lanes. */
  private readonly lanes: [Float64Array, Float64Array, Float64Array, Float64Array];
  /** Bits for sorting: labels below `2 ** shift`. */
  private readonly shift: number;

  constructor(
    readonly dim: number,
    stored: readonly (readonly number[])[],
  ) {
    this.n = stored.length;
    this.offsets = new Int32Array(dim + 1);
    const labels: number[] = [];
    const values: number[] = [];
    for (let i = 0; i < dim; i += 1) {
      this.offsets[i] = labels.length;
      for (let label = 0; label < this.n; label += 1) {
        const x = Math.fround(stored[label]![i]!);
        if (x !== 0) {
          labels.push(label);
          values.push(x);
        }
      }
    }
    this.offsets[dim] = labels.length;
    this.labels = Int32Array.from(labels);
    this.values = Float32Array.from(values);
    this.lanes = [
      new Float64Array(this.n),
      new Float64Array(this.n),
      new Float64Array(this.n),
      new Float64Array(this.n),
    ];
    this.shift = Math.max(1, Math.ceil(Math.log2(this.n + 1)));
  }

  /** hnswlib-node's query preparation: float coordinates, normalised in float. */
  private static normalise(q: SparseVector): Float32Array {
    const v = Float32Array.from(q.value); // rounds each coordinate to float, as `FloatValue()`
    let sum = 0;
    for (let j = 0; j < v.length; j += 1) sum = f(sum + f(v[j]! * v[j]!));
    const norm = f(Math.sqrt(sum));
    if (norm > 0) for (let j = 0; j < v.length; j += 1) v[j] = f(v[j]! / norm);
    return v;
  }

  /** Every document's cosine distance to the query, as hnswlib computes it (float values). */
  distances(q: SparseVector): Float64Array {
    const { n, offsets, labels, values, lanes } = this;
    const v = DenseScan.normalise(q);
    for (const lane of lanes) lane.fill(0);
    for (let j = 0; j < q.index.length; j += 1) {
      const i = q.index[j]!;
      const x = v[j]!;
      if (x === 0) continue;
      const lane = lanes[i & 3]!;
      for (let p = offsets[i]!, end = offsets[i + 1]!; p < end; p += 1) {
        const label = labels[p]!;
        lane[label] = f(lane[label]! + f(x * values[p]!));
      }
    }
    const [l0, l1, l2, l3] = lanes;
    const out = new Float64Array(n);
    for (let label = 0; label < n; label += 1)
      out[label] = f(1 - f(f(f(l0[label]! + l1[label]!) + l2[label]!) + l3[label]!)) + 0; // + 0: no -0
    return out;
  }

  /** Labels by ascending distance (ties by label), with their distances, as `searchKnn(q, n)`. */
  rank(q: SparseVector, keep?: Uint8Array): { labels: number[]; distances: Float64Array } {
    const d = this.distances(q);
    if (this.shift > 21) {
      const all: number[] = [];
      for (let label = 0; label < this.n; label += 1) if (!keep || keep[label] === 1) all.push(label);
      return { labels: all.sort((a, b) => d[a]! - d[b]! || a - b), distances: d };
    }
    // Sort keys: a float's bits made order-preserving as an unsigned integer, the label below them
    // (at most 32 + 21 bits: exact in a double), so that a plain numeric sort orders by (distance, label).
    const bits = new Uint32Array(Float32Array.from(d).buffer);
    const scale = 2 ** this.shift;
    const keys: number[] = [];
    for (let label = 0; label < this.n; label += 1) {
      if (keep && keep[label] !== 1) continue;
      const b = bits[label]!;
      const ordered = b & 0x80000000 ? ~b >>> 0 : (b | 0x80000000) >>> 0;
      keys.push(ordered * scale + label);
    }
    const sorted = Float64Array.from(keys).sort();
    return { labels: Array.from(sorted, (k) => k % scale), distances: d };
  }
}

/** The dense form of a sparse vector. */
export function densify(q: SparseVector, dim: number): number[] {
  const out = new Array<number>(dim).fill(0);
  for (let j = 0; j < q.index.length; j += 1) out[q.index[j]!] = q.value[j]!;
  return out;
}

/** The sparse form of a dense vector. */
export function sparsify(v: readonly number[]): SparseVector {
  const index: number[] = [];
  const value: number[] = [];
  v.forEach((x, i) => {
    if (x !== 0) {
      index.push(i);
      value.push(x);
    }
  });
  return { index: Int32Array.from(index), value: Float64Array.from(value) };
}
