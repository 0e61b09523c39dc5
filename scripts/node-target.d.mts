export function nodeTarget(packageJson?: { engines?: { node?: string } }): string;
