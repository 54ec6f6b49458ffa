import { describe, expect, it } from 'vitest';
import { entryFile, tempDir } from '../support/temp-dir.js';
import { runCli } from '../support/run-cli.js';

describe('npm start without a Telegram token', () => {
  it('answers questions typed in the terminal from the founding text, then exits at end of input', async () => {
    const { code, stdout } = await runCli('src/main.ts', [], 'شنو يعني الامن المجتمعي؟\nمنو وزير الداخليه\n');
    expect(code).toBe(0);
    expect(stdout).toContain('TELEGRAM_BOT_TOKEN');
    expect(stdout).toContain('الأمن المجتمعي');
    expect(stdout).toContain('المصدر: النص التأسيسي للحملة');
    expect(stdout).toContain('الشمري');
  });

  it('numbers the topics offered under a fallback, and typing a number answers with that topic', async () => {
    const question = 'اذا المتعاطي اجه للعلاج بنفسه يفرق عن اللي ينلزم بالسيطرة؟';
    const { code, stdout } = await runCli('src/main.ts', [], `${question}\n1\n1\n`);
    expect(code).toBe(0);
    expect(stdout).toMatch(/ربما تقصد[^\n]*\n1\. [^\n]+\n2\. /);
    expect(stdout).toContain('اكتب رقم الموضوع');
    // The first «1» answers with the first topic (Article 40: no prosecution for who comes forward);
    const lead = 'لا تُقام الدعوى الجزائية على متعاطي المخدرات';
    expect(stdout.split(lead).length - 1).toBe(1);
    // the offer is used once: the second «1» is a new message, which falls back.
    expect(stdout.slice(stdout.indexOf(lead))).toContain('ليس لديّ جواب معتمد');
  });

  it('refuses to start on a malformed knowledge file, naming the file and the field', async () => {
    const knowledge = tempDir({ 'police/broken.md': entryFile({ sources: null }) });
    const { code, stderr } = await runCli('src/main.ts', [], '', { KNOWLEDGE_DIR: knowledge });
    expect(code).toBe(1);
    expect(stderr).toContain('police/broken.md: sources is missing');
  });

  it('refuses a bad configuration with a message naming the variable', async () => {
    const { code, stderr } = await runCli('src/main.ts', [], '', { LOG_LEVEL: 'loud' });
    expect(code).toBe(1);
    expect(stderr).toContain('LOG_LEVEL');
    expect(stderr).toContain('.env.example');
  });
});

describe('npm run knowledge:check', () => {
  it('passes on the shipped knowledge base', async () => {
    const { code, stdout } = await runCli('src/cli/knowledge-check.ts', ['knowledge']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/\d+ entries OK/);
  });

  it('lists every problem with its file and field and exits 1', async () => {
    const dir = tempDir({
      'police/a.md': entryFile({ title: null }),
      'police/b.md': entryFile({ id: 'police-b', topic: 'weather' }),
    });
    const { code, stderr } = await runCli('src/cli/knowledge-check.ts', [dir]);
    expect(code).toBe(1);
    expect(stderr).toContain('police/a.md: title is missing');
    expect(stderr).toContain('police/b.md: topic must be one of');
    expect(stderr).toContain('2 problem(s)');
  });
});
