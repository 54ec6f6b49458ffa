// npm run --silent ask -- [--json] [--stdin] ["question"]
// Prints what a citizen would see, or with --json one line of the answer contract per question.
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import type { App } from '../app.js';
import { composeAnswer, toContract } from '../answering/compose-answer.js';
import { runCommand } from './run-command.js';

const USAGE = 'Usage: npm run --silent ask -- [--json] "question"\n       npm run --silent ask -- [--json] --stdin   (one question per line)';

function printAnswer(app: App, question: string, json: boolean): void {
  const answer = app.answerQuestion(question);
  const text = composeAnswer(answer, app.translate(answer.uiLanguage));
  process.stdout.write(json ? `${JSON.stringify(toContract(answer, text))}\n` : `${text}\n\n`);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean', default: false }, stdin: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
}
try {
  args = parse();
} catch (error) {
  console.error(`${(error as Error).message}\n${USAGE}`);
  process.exit(2);
}
const { values, positionals } = args;
if (values.help || (!values.stdin && positionals.length === 0)) {
  console.error(USAGE);
  process.exit(values.help ? 0 : 2);
}

await runCommand(async (app) => {
  if (!values.stdin) {
    printAnswer(app, positionals.join(' '), values.json);
    return;
  }
  // One answer per input line, in order, blank lines included, so outputs line up with inputs.
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) {
    printAnswer(app, line, values.json);
  }
});
