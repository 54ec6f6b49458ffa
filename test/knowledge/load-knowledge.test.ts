import { describe, expect, it } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load-knowledge.js';
import { entryFile, tempDir } from '../support/temp-dir.js';

const problemsOf = (files: Record<string, string>) => loadKnowledge(tempDir(files)).problems;

describe('loadKnowledge', () => {
  it('loads a valid entry with its questions and sources', () => {
    const { entries, problems } = loadKnowledge(tempDir({ 'police/a.md': entryFile() }));
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ id: 'police-test-entry', topic: 'police', questions: ['سؤال تجريبي'], file: 'police/a.md' });
    expect(entries[0]!.sources[0]).toMatchObject({ url: 'https://example.org/a', date: '2025-01-12' });
  });

  it.each([
    ['id', { id: null }],
    ['title', { title: null }],
    ['topic', { topic: null }],
    ['sources', { sources: null }],
  ])('names the file and the missing field %s', (field, fields) => {
    expect(problemsOf({ 'police/a.md': entryFile(fields) })).toContainEqual({ file: 'police/a.md', field, message: 'is missing' });
  });

  it('reports an unknown topic, an empty body and a source without url or publisher', () => {
    const problems = problemsOf({
      'police/a.md': entryFile({ topic: 'weather' }),
      'police/b.md': entryFile({ id: 'police-b' }, '   '),
      'police/c.md': entryFile({ id: 'police-c', sources: '\n  - { title: "بلا رابط" }' }),
    });
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual(['police/a.md topic', 'police/b.md body', 'police/c.md sources.0']);
    expect(problems[0]!.message).toMatch(/rights, duties, drugs, police, security, emergency/);
  });

  it('reports a duplicate id with the file that used it first', () => {
    const problems = problemsOf({ 'police/a.md': entryFile(), 'police/b.md': entryFile() });
    expect(problems).toEqual([{ file: 'police/b.md', field: 'id', message: '"police-test-entry" is already used by police/a.md' }]);
  });

  it('reports broken front matter and a topic that disagrees with the folder', () => {
    const problems = problemsOf({ 'police/a.md': 'no front matter', 'drugs/b.md': entryFile({ id: 'police-b' }) });
    expect(problems.map((p) => `${p.file} ${p.field}`)).toEqual(['drugs/b.md topic', 'police/a.md front matter']);
  });

  it('changes its content hash when any entry changes', () => {
    const a = loadKnowledge(tempDir({ 'police/a.md': entryFile() })).contentHash;
    const b = loadKnowledge(tempDir({ 'police/a.md': entryFile({ title: 'عنوان آخر' }) })).contentHash;
    expect(a).not.toBe(b);
  });
});

describe('the shipped knowledge base', () => {
  it('passes every check', () => {
    const { entries, problems } = loadKnowledge('knowledge');
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(15);
  });
});
