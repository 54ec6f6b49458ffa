// Citizens' text is printed in an operator's terminal: control characters (escape sequences can
// move the cursor, retitle the window or hide lines), bidirectional overrides and line breaks are
// shown as a visible mark or a space, never passed through.
export function printable(text: string): string {
  return text
    .replace(/\r\n|[\r\n\u2028\u2029]/g, ' ⏎ ')
    .replace(/[\p{Cc}\u202A-\u202E\u2066-\u2069]/gu, '�');
}
