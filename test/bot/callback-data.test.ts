import { describe, expect, it } from 'vitest';
import { decodeCallback, encodeCallback, type Callback } from '../../src/bot/callback-data.js';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';

describe('callback data', () => {
  it.each<Callback>([
    { kind: 'feedback', exchangeId: 42, rating: 1 },
    { kind: 'feedback', exchangeId: 42, rating: -1 },
    { kind: 'human', exchangeId: 7 },
    { kind: 'topic', topic: 'drugs' },
    { kind: 'ask', entryId: 'drugs-community-police-youth-protection' },
    { kind: 'pick', exchangeId: 9007199254740991, rank: 2 },
    { kind: 'language', language: 'ckb' },
    { kind: 'forget', confirmed: true },
  ])('round-trips %o', (callback) => {
    expect(decodeCallback(encodeCallback(callback))).toEqual(callback);
  });

  it.each(['', 'fb:up', 'fb:sideways:1', 'fb:up:0', 'fb:up:1:2', 'human:abc', 'topic:weather', 'lang:fr', 'forget:maybe', 'ask:../etc', 'ask:UPPER', 'pick:12:3', 'pick:12', 'pick:0:1', 'pick:12:1:1', '💥'.repeat(20), 'x'.repeat(65)])(
    'rejects %j',
    (data) => expect(decodeCallback(data)).toBeUndefined(),
  );

  it('fits every shipped entry id in the 64-byte limit', () => {
    for (const entry of loadKnowledge('knowledge').entries) {
      expect(() => encodeCallback({ kind: 'ask', entryId: entry.id })).not.toThrow();
    }
  });
});
