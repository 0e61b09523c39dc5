// The repository paths a source file's comments name ("see main/desktop/ipc-bridge.ts"), so a test can hold them to
// what exists: a comment that points at a moved file sends the next reader nowhere.

/** The text of every comment: `// …` (not a URL's `//`) and `/* … *\/` blocks. Strings are not comments. */
export function commentsOf(source: string): string[] {
  const comments: string[] = [];
  const pattern =
    /\/\*[\s\S]*?\*\/|(?<![:\w'"`/\\])\/\/[^\n]*|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`/g;
  for (const [match] of source.matchAll(pattern)) if (match.startsWith('/')) comments.push(match);
  return comments;
}

const TOP_FOLDERS = ['main', 'shared', 'renderer', 'test', 'scripts', 'bench', 'docs'];
const PATH = new RegExp(String.raw`(?<![\w./@-])((?:${TOP_FOLDERS.join('|')})/[\w./@-]*[\w/])`, 'g');

/** The repository paths a comment names: a top folder, then file or folder names (no globs, no placeholders). */
export function pathsIn(comment: string): string[] {
  return [...comment.matchAll(PATH)]
    .filter((match) => !/[*<>{}]/.test(/^\S*/.exec(comment.slice(match.index ?? 0))?.[0] ?? ''))
    .map((match) => match[1] ?? '');
}
