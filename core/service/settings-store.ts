import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import { SETTINGS_VERSION, SettingsSchema, type Settings, type SettingsPatch } from '../contract/settings.js';
import type { SettingsProblem } from '../contract/core-channel.js';
import { writeFileAtomic } from '../util/atomic-file.js';
import { InvalidInputError, UserError } from '../util/errors.js';
import { formatZodError, zodIssues } from '../util/zod-error.js';

/**
 * Each entry upgrades a settings object from version `from` to `from + 1`. Files without a `version`
 * are the pre-release layout (version 0), which kept the network and netuid at the top level under
 * the bittensor flag names.
 */
const migrations: Array<{ from: number; up: (raw: Record<string, unknown>) => Record<string, unknown> }> = [
  {
    from: 0,
    up: (raw) => {
      const { 'subtensor.network': network, 'subtensor.chain_endpoint': endpoint, ...rest } = raw;
      return {
        ...rest,
        ...(network ? { network } : {}),
        ...(endpoint ? { chainEndpoint: endpoint } : {}),
        version: 1,
      };
    },
  },
];

export function migrateSettings(raw: Record<string, unknown>): Record<string, unknown> {
  let current = raw;
  let version = typeof current.version === 'number' ? current.version : 0;
  if (version > SETTINGS_VERSION) {
    throw new UserError(
      `settings file is version ${version}, newer than this app understands (${SETTINGS_VERSION}): update the app`,
    );
  }
  while (version < SETTINGS_VERSION) {
    const step = migrations.find((m) => m.from === version);
    if (!step) throw new UserError(`no migration from settings version ${version}`);
    current = step.up(current);
    version = current.version as number;
  }
  return current;
}

/** The settings file cannot be used as it is; `problem` names the file, its `.bak` copy and the field. */
export class SettingsFileError extends UserError {
  override readonly name = 'SettingsFileError';
  constructor(readonly problem: SettingsProblem) {
    super(problem.message);
  }
}

export const defaultSettings = (): Settings => SettingsSchema.parse({ version: SETTINGS_VERSION });

/**
 * The settings file: read once, validated, migrated; every change is written atomically. A file that is
 * not valid JSON or not valid settings is never overwritten silently: loading fails with an error that
 * names the field, after copying the file to `<file>.bak`.
 */
export class SettingsStore {
  private current: Settings | undefined;
  constructor(readonly path: string) {}

  load(): Settings {
    if (!existsSync(this.path)) {
      this.current = defaultSettings();
      return this.current;
    }
    const text = readFileSync(this.path, 'utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (err) {
      throw this.refuse(`is not valid JSON (${(err as Error).message})`);
    }
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
      throw this.refuse('must hold a JSON object');
    let migrated: Record<string, unknown>;
    try {
      migrated = migrateSettings(raw as Record<string, unknown>);
    } catch (err) {
      throw this.refuse(`cannot be read: ${(err as Error).message}`, 'version');
    }
    const parsed = SettingsSchema.safeParse(migrated);
    if (!parsed.success)
      throw this.refuse(`is invalid: ${formatZodError(parsed.error)}`, zodIssues(parsed.error)[0]?.path);
    this.current = parsed.data;
    if ((raw as { version?: unknown }).version !== SETTINGS_VERSION) this.save(parsed.data);
    return parsed.data;
  }

  get(): Settings {
    return this.current ?? this.load();
  }

  /** The settings `patch` would give, validated, without saving them. */
  check(patch: SettingsPatch): Settings {
    const merged = deepMerge(this.get(), patch as Record<string, unknown>);
    const parsed = SettingsSchema.safeParse(merged);
    if (!parsed.success)
      throw new InvalidInputError(
        `invalid settings: ${formatZodError(parsed.error)}`,
        zodIssues(parsed.error),
      );
    return parsed.data;
  }

  update(patch: SettingsPatch): Settings {
    const next = this.check(patch);
    this.save(next);
    return next;
  }

  private save(settings: Settings): void {
    writeFileAtomic(this.path, `${JSON.stringify(settings, null, 2)}\n`);
    this.current = settings;
  }

  /**
   * Start again from the defaults after a refused file: the refused file is moved aside (next to its
   * `.bak` copy, with the time in its name) rather than overwritten.
   */
  resetToDefaults(): { settings: Settings; keptAs?: string } {
    let keptAs: string | undefined;
    if (existsSync(this.path)) {
      keptAs = `${this.path}.rejected-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      renameSync(this.path, keptAs);
    }
    const settings = defaultSettings();
    this.save(settings);
    return { settings, keptAs };
  }

  /** Copy the refused file to `.bak` first, then describe it: nothing the user wrote is lost. */
  private refuse(what: string, field?: string): SettingsFileError {
    const backup = `${this.path}.bak`;
    copyFileSync(this.path, backup);
    return new SettingsFileError({
      file: this.path,
      backup,
      ...(field ? { field } : {}),
      message: `settings file ${this.path} ${what}; a copy is in ${backup}`,
    });
  }
}

/** Settings whose value is a whole map (name → value): a patch replaces it, so an entry can be removed. */
const MAP_SETTINGS = new Set(['prover.nativePaths', 'mining.capacities']);

function deepMerge(
  base: Record<string, unknown>,
  patch: Record<string, unknown>,
  prefix = '',
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    if (value === null) {
      delete out[key];
      continue;
    }
    const path = `${prefix}${key}`;
    const prev = out[key];
    const merge = isPlainObject(prev) && isPlainObject(value) && !MAP_SETTINGS.has(path);
    out[key] = merge ? deepMerge(prev, value, `${path}.`) : value;
  }
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
