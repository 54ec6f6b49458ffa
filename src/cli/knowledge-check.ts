// npm run knowledge:check [-- DIR]
// Validates every knowledge entry and prints each problem with its file and field; exit 1 if any.
import { loadKnowledge, formatProblems } from '../knowledge/load-knowledge.js';
import { loadConfig, ConfigError } from '../config.js';

function knowledgeDir(): string {
  if (process.argv[2]) return process.argv[2];
  try {
    return loadConfig().knowledgeDir;
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

const dir = knowledgeDir();
const { entries, problems, warnings } = loadKnowledge(dir);
if (warnings.length) {
  console.error(formatProblems(warnings.map((w) => ({ ...w, message: `(warning) ${w.message}` }))));
  const missing = warnings.filter((w) => w.field === 'translations').length;
  console.error(`${warnings.length - missing} citation(s) without a url, ${missing} translation(s) missing (warnings: they do not stop the bot)\n`);
}
if (problems.length) {
  console.error(formatProblems(problems));
  console.error(`\n${problems.length} problem(s) in ${dir}`);
  process.exit(1);
}
const approved = entries.filter((e) => e.status === 'approved').length;
console.log(`${dir}: ${entries.length} entries OK (${approved} approved, ${entries.length - approved} draft)`);
