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
  for await (const line of lines) {
    if (line.trim()) {
      const answer = app.answerQuestion(line);
      output.write(`\n${composeAnswer(answer, app.translate(answer.uiLanguage))}\n\n`);
    }
    if (interactive) lines.prompt();
  }
}
