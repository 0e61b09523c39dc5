// System errors shown to the user (status, notices) keep their code and words but not the file path Node appends
// ("EACCES: permission denied, open '/home/ada/.config/Shelfwatch/journal/…'"): paths never reach the UI.
export function withoutPath(error: Error): string {
  return error.message.replace(/,\s*[a-z]+\s+'[^']*'(?:\s*->\s*'[^']*')?\s*$/i, '');
}
