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

describe('phone numbers in entries', () => {
  const allowlist = `numbers:
  - { number: "911", status: current, what: الطوارئ, source: { title: t, url: "https://example.org/911" } }
not_phone_numbers:
  - { number: "4446", reason: رقم عدد الوقائع العراقية }
`;
  const withBody = (body: string) => tempDir({ 'phone-numbers.yaml': allowlist, 'police/a.md': entryFile({}, body) });

  it('accepts listed numbers, years, listed non-phone numbers and short numbers', () => {
    const { entries, problems } = loadKnowledge(withBody('اتصل بـ 911 أو ٩١١ منذ 9 كانون الثاني 2025. العدد 4446، المادة 40، 24 ساعة، 1.5 مليون.'));
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(1);
  });

  it.each([
    ['an unlisted short number', 'اتصل بالدفاع المدني على 115', '115'],
    ['an unlisted number in Arabic-Indic digits', 'الرقم ١٣٩', '139'],
    ['a mobile number written in groups', 'راسلنا على 0770 123 4567', '07701234567'],
  ])('refuses %s, naming the file, the field and the number, and does not serve the entry', (_, body, number) => {
    const { entries, problems } = loadKnowledge(withBody(body));
    expect(entries).toEqual([]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'police/a.md', field: 'body' });
    expect(problems[0]!.message).toContain(`number ${number}`);
    expect(problems[0]!.message).toContain('phone-numbers.yaml');
  });

  it('checks the questions shown as buttons too', () => {
    const problems = loadKnowledge(tempDir({ 'police/a.md': entryFile({ questions: '\n  - "رقم 122 يشتغل؟"' }) })).problems;
    expect(problems).toEqual([expect.objectContaining({ file: 'police/a.md', field: 'questions.0' })]);
  });

  it('reports a malformed allowlist by field', () => {
    const problems = loadKnowledge(tempDir({ 'phone-numbers.yaml': 'numbers:\n  - { number: 911 }\n', 'police/a.md': entryFile() })).problems;
    expect(problems.map((p) => `${p.file} ${p.field}`)).toContain('phone-numbers.yaml numbers.0.number');
  });
});

describe('the shipped knowledge base', () => {
  it('passes every check', () => {
    const { entries, problems } = loadKnowledge('knowledge');
    expect(problems).toEqual([]);
    expect(entries.length).toBeGreaterThanOrEqual(15);
  });
});

describe('citations in the body', () => {
  const twoSources = '\n  - { title: "أ", publisher: "ناشر", url: "https://example.org/a" }\n  - { title: "ب", publisher: "ناشر" }';

  it('strips the markers from the text citizens read and keeps which sources each paragraph cites', () => {
    const { entries, problems } = loadKnowledge(tempDir({ 'police/a.md': entryFile({ sources: twoSources }, 'جملة أولى.[^2] جملة ثانية.[^1,2]\n\nتفاصيل بلا إحالة.') }));
    expect(problems).toEqual([]);
    expect(entries[0]!.body).toBe('جملة أولى. جملة ثانية.\n\nتفاصيل بلا إحالة.');
    expect(entries[0]!.passages).toEqual([
      { text: 'جملة أولى. جملة ثانية.', sources: [1, 0] },
      { text: 'تفاصيل بلا إحالة.', sources: [] },
    ]);
  });

  it('reports a marker that points past the list of sources', () => {
    const problems = problemsOf({ 'police/a.md': entryFile({ sources: twoSources }, 'جملة.[^3]') });
    expect(problems).toEqual([{ file: 'police/a.md', field: 'body', message: 'paragraph 1 cites [^3] but the entry has 2 source(s)' }]);
  });

  it('requires every sentence of urgent advice to cite a source', () => {
    const problems = problemsOf({ 'emergency/a.md': entryFile({ topic: 'emergency', urgent: 'fire', sources: twoSources }, 'اخرج فوراً.[^1] لا تعد إلى الداخل. اتصل بالدفاع المدني![^2]\n\nتفاصيل.') });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'emergency/a.md', field: 'body' });
    expect(problems[0]!.message).toContain('لا تعد إلى الداخل');
  });

  it('warns, without failing, about each citation that has no url', () => {
    const { problems, warnings } = loadKnowledge(tempDir({ 'police/a.md': entryFile({ sources: twoSources }) }));
    expect(problems).toEqual([]);
    expect(warnings.filter((w) => w.field !== 'translations')).toEqual([{ file: 'police/a.md', field: 'sources.1', message: expect.stringContaining('«ب» has no url') }]);
  });
});

describe('translations beside an entry', () => {
  const translation = (fields: Record<string, string> = {}, body = 'Short answer.\n\nDetails.') => {
    const front = { id: 'police-test-entry', language: 'en', status: 'pending-review', title: '"Test title"', questions: '\n  - "A question"', ...fields };
    return `---\n${Object.entries(front).map(([k, v]) => `${k}: ${v}`).join('\n')}\n---\n${body}\n`;
  };

  it('attaches an English version paragraph by paragraph, and counts the missing Kurdish one', () => {
    const { entries, problems, warnings } = loadKnowledge(tempDir({ 'police/a.md': entryFile(), 'police/police-test-entry.en.md': translation() }));
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(1);
    expect(entries[0]!.translations.en).toMatchObject({ title: 'Test title', questions: ['A question'], passages: [{ text: 'Short answer.' }, { text: 'Details.' }] });
    expect(warnings.filter((w) => w.field === 'translations').map((w) => w.message)).toEqual([expect.stringContaining('no Kurdish version')]);
  });

  it('refuses a translation with a different number of paragraphs, or a number not in the allowlist', () => {
    const problems = problemsOf({
      'police/a.md': entryFile(),
      'police/police-test-entry.en.md': translation({}, 'Only one paragraph.'),
      'police/police-test-entry.ckb.md': translation({ language: 'ckb' }, 'پەیوەندی بە 7777 بکە.\n\nوردەکاری.'),
    });
    expect(problems.map((p) => `${p.file} ${p.field}`).sort()).toEqual(['police/police-test-entry.ckb.md body', 'police/police-test-entry.en.md body']);
    expect(problems.find((p) => p.file.endsWith('.ckb.md'))!.message).toContain('7777');
  });

  it('keeps paragraph questions and refuses one for a paragraph the body does not have', () => {
    const ok = loadKnowledge(tempDir({ 'police/a.md': entryFile({ paragraph_questions: '\n  2:\n    - "سؤال عن التفاصيل"' }) }));
    expect(ok.entries[0]!.paragraph_questions).toEqual({ '2': ['سؤال عن التفاصيل'] });
    const bad = problemsOf({ 'police/a.md': entryFile({ paragraph_questions: '\n  5:\n    - "سؤال"' }) });
    expect(bad).toEqual([{ file: 'police/a.md', field: 'paragraph_questions.5', message: 'names paragraph 5 but the body has 2' }]);
  });
});
