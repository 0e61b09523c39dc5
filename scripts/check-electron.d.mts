export function findElectronBinary(
  packageDir: string | null,
  env: NodeJS.ProcessEnv,
): { ok: true; binary: string } | { ok: false; detail: string };
export function missingElectronMessage(detail: string): string;
