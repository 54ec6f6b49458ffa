import { createInterface } from 'node:readline';
import type { App } from '../app.js';
import { composeAnswer } from '../answering/compose-answer.js';

/**
 * The terminal chat: the same engine as the bot, one answer per line of input. It exits when
 * input ends, so it also serves scripted sessions (`echo "سؤال" | npm start`).
 */
export async function runTerminalChat(app: App, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stdout): Promise<void> {
  const t = app.translate('ar');
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY);
  output.write(`${t('chat.welcome')}\n${t('chat.telegramHint')}\n\n`);
  const lines = createInterface({ input, output: interactive ? output : undefined, terminal: interactive, crlfDelay: Infinity });
  // Without a listener, readline only pauses on Ctrl+C; a person expects it to quit.
  lines.on('SIGINT', () => lines.close());
  if (interactive) {
    lines.setPrompt(t('chat.prompt'));
    lines.prompt();
  }
  // The last fallback's suggestions: typing «1» or «2» next answers with that entry, as the bot's
  // buttons do.
  let offered: { question: string; ids: string[] } | undefined;
  for await (const line of lines) {
    const picked = /^[12]$/.test(line.trim()) ? offered?.ids[Number(line.trim()) - 1] : undefined;
    if (offered && picked) {
      const answer = app.answerWithSuggestion(offered.question, picked);
      offered = undefined;
      if (answer) output.write(`\n${composeAnswer(answer, app.translate(answer.uiLanguage))}\n\n`);
    } else if (line.trim()) {
      const answer = app.answerQuestion(line);
      const t = app.translate(answer.uiLanguage);
      const suggested = answer.kind === 'fallback' && answer.suggestions.length > 0;
      offered = suggested ? { question: line, ids: answer.suggestions.map((s) => s.id) } : undefined;
      output.write(`\n${composeAnswer(answer, t)}${suggested ? `\n${t('chat.pickHint')}` : ''}\n\n`);
    }
    if (interactive) lines.prompt();
  }
}
