// Logs must never carry a bot token (it is inside every Bot API URL) or a citizen's phone or ID
// number, even when one slips into a message or an error.

const BOT_TOKEN = /\b\d{6,12}:[\w-]{30,}\b/g;
const BOT_URL_TOKEN = /\/bot[^/\s]+/g;
// Seven or more digits, possibly split by spaces or dashes, with an optional + (Iraqi mobiles are
// 07XX XXX XXXX; national ID numbers are 12 digits), in Latin or Arabic-Indic digits. Short numbers
// such as 911 stay readable.
const LONG_NUMBER = /\+?[0-9٠-٩۰-۹](?:[\s-]?[0-9٠-٩۰-۹]){6,}/g;

export function redactText(text: string): string {
  return text
    .replace(BOT_URL_TOKEN, '/bot<redacted>')
    .replace(BOT_TOKEN, '<redacted-token>')
    .replace(LONG_NUMBER, '<redacted-number>');
}
