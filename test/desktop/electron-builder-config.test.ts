// electron-builder.yml, loaded and checked by electron-builder's own loader and schema validator (no Electron
// download involved), plus the keys the desktop face relies on.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEV_SQLITE_BINDING, PACKAGED_SQLITE_BINDING } from '../../main/desktop/sqlite-binding.js';
import { APP_ID, PRODUCT_NAME } from '../../main/desktop/start-desktop.js';

interface BuilderConfig {
  appId?: string;
  productName?: string;
  asar?: boolean;
  extraResources?: Array<{ from: string; to: string }>;
  npmRebuild?: boolean;
  directories?: { output?: string };
  files?: Array<string | { filter?: string[] }>;
  mac?: { target?: unknown; category?: string; extendInfo?: Record<string, unknown> };
  win?: { target?: unknown };
  linux?: { target?: unknown; category?: string; maintainer?: string };
}

interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, configFromOptions: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, debugLogger: unknown): Promise<void>;
}

// app-builder-lib is electron-builder's own library; its config helpers live at a deep CommonJS path.
const require = createRequire(import.meta.url);
const { getConfig, validateConfiguration } = require('app-builder-lib/out/util/config/config.js') as ConfigModule;
const { DebugLogger } = require('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

const projectDir = fileURLToPath(new URL('../..', import.meta.url));
let config: BuilderConfig;

beforeAll(async () => {
  config = await getConfig(projectDir, 'electron-builder.yml', null);
});

const filePatterns = () =>
  config.files?.flatMap((entry) => (typeof entry === 'string' ? [entry] : (entry.filter ?? [])));

describe('electron-builder.yml', () => {
  it('passes electron-builder’s schema validation', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    // and the validator does reject a typo, so the pass above means something
    const typo = { ...config, mac: { ...config.mac, extendedInfo: {} } };
    await expect(validateConfiguration(typo, new DebugLogger(false))).rejects.toThrow(/configuration\.mac/);
  });

  it('names the app as the code does (AppUserModelId, data folder)', () => {
    expect(config.appId).toBe(APP_ID);
    expect(config.productName).toBe(PRODUCT_NAME);
    expect(config.directories?.output).toBe('release');
    expect(config.asar).toBe(true);
  });

  it('ships only the bundles and package.json', () => {
    expect(filePatterns()).toEqual(['dist/**', 'package.json', '!dist/main/serve.mjs*', '!node_modules/**']);
  });

  it('ships SQLite built for Electron outside the archive, where the app loads it from', () => {
    // The file scripts/electron-native.mjs writes, to the place main/desktop/sqlite-binding.ts reads.
    expect(config.extraResources).toEqual([
      { from: DEV_SQLITE_BINDING.split(path.sep).join('/'), to: PACKAGED_SQLITE_BINDING.split(path.sep).join('/') },
    ]);
    // and the project's Node build of it is not rebuilt in place for Electron
    expect(config.npmRebuild).toBe(false);
  });

  it('builds a menu-bar dmg, an NSIS installer, an AppImage and a deb', () => {
    expect(config.mac).toMatchObject({ target: 'dmg', extendInfo: { LSUIElement: true } });
    expect(config.mac?.category).toMatch(/^public\.app-category\./);
    expect(config.win?.target).toBe('nsis');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBeTruthy();
    expect(config.linux?.maintainer).toMatch(/<.+@.+>/);
  });
});
