// A linear model over hashed features (message-features.ts), stored compactly: int8 weights with
// one scale, base64-encoded in a JSON data file. Scores in microseconds; trained offline by
// scripts/train-urgent.ts, deterministically.

export interface StoredLinear {
  /** Number of classes: 1 for a yes/no model (a logistic score), more for a softmax. */
  classes: number;
  dim: number;
  scale: number;
  bias: number[];
  /** Int8 weights, class-major (class c, slot s at c * dim + s), base64. */
  weights: string;
}

export interface LinearModel {
  classes: number;
  dim: number;
  /** Raw scores (logits) of each class for a bag of hashed slots. */
  scores(slots: number[]): number[];
}

/** Each message's bag of slots is L2-normalised: long and short messages weigh alike. */
export function slotValue(count: number): number {
  return count > 0 ? 1 / Math.sqrt(count) : 0;
}

export function loadLinear(stored: StoredLinear): LinearModel {
  const bytes = Buffer.from(stored.weights, 'base64');
  const stride = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { classes, dim, scale, bias } = stored;
  // Scoring reads every class of one slot: slot-major in memory, those reads are contiguous
  // (class-major, 116 entries x 8192 slots cost a cache miss per read and tripled answer time).
  const weights = new Int8Array(stride.length);
  for (let c = 0; c < classes; c++) for (let s = 0; s < dim; s++) weights[s * classes + c] = stride[c * dim + s]!;
  return {
    classes,
    dim,
    scores(slots) {
      const value = slotValue(slots.length);
      const sums = new Int32Array(classes);
      for (const raw of slots) {
        const base = (raw % dim) * classes;
        for (let c = 0; c < classes; c++) sums[c]! += weights[base + c]!;
      }
      return bias.map((b, c) => b + sums[c]! * scale * value);
    },
  };
}

export function storeLinear(weights: Float32Array, bias: number[], classes: number, dim: number): StoredLinear {
  let max = 0;
  for (const w of weights) max = Math.max(max, Math.abs(w));
  const scale = max / 127 || 1;
  const quantized = new Int8Array(weights.length);
  for (let i = 0; i < weights.length; i++) quantized[i] = Math.round(weights[i]! / scale);
  return { classes, dim, scale, bias, weights: Buffer.from(quantized.buffer).toString('base64') };
}

export const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

export function softmax(scores: number[]): number[] {
  const max = Math.max(...scores);
  const exps = scores.map((s) => Math.exp(s - max));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}
