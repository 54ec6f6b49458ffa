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
  const weights = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const { classes, dim, scale, bias } = stored;
  return {
    classes,
    dim,
    scores(slots) {
      const value = slotValue(slots.length);
      const out = bias.slice();
      for (const raw of slots) {
        const slot = raw % dim;
        for (let c = 0; c < classes; c++) out[c]! += weights[c * dim + slot]! * scale * value;
      }
      return out;
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
