import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';
import type { PublishConfig } from './builder-config.js';

/**
 * The update feed as electron-updater sees it: `resources/app-update.yml` inside the installed app
 * (where to look) and `<channel>[-mac|-linux].yml` beside the installers on the release (what is
 * there). electron-updater picks the channel file from the app's version: 1.2.0 → latest,
 * 1.3.0-beta.2 → beta.
 */
export const appUpdateSchema = z.discriminatedUnion('provider', [
  z.object({
    provider: z.literal('github'),
    owner: z.string().min(1),
    repo: z.string().min(1),
    releaseType: z.string().optional(),
    updaterCacheDirName: z.string().min(1),
  }),
  z.object({
    provider: z.literal('generic'),
    url: z.string().url(),
    channel: z.string().optional(),
    updaterCacheDirName: z.string().min(1),
  }),
]);
export type AppUpdateConfig = z.infer<typeof appUpdateSchema>;

export function parseAppUpdate(text: string): AppUpdateConfig {
  return appUpdateSchema.parse(yaml.load(text));
}

/** Differences between the app-update.yml a build wrote and the publish config it came from. */
export function appUpdateMismatches(
  written: AppUpdateConfig,
  publish: PublishConfig,
  appName: string,
): string[] {
  const problems: string[] = [];
  if (written.provider !== publish.provider) {
    problems.push(`provider is ${written.provider}, electron-builder.yml says ${publish.provider}`);
  } else if (written.provider === 'github' && publish.provider === 'github') {
    if (written.owner !== publish.owner || written.repo !== publish.repo) {
      problems.push(`feed is ${written.owner}/${written.repo}, expected ${publish.owner}/${publish.repo}`);
    }
  } else if (
    written.provider === 'generic' &&
    publish.provider === 'generic' &&
    written.url !== publish.url
  ) {
    problems.push(`feed url is ${written.url}, expected ${publish.url}`);
  }
  if (written.updaterCacheDirName !== `${appName}-updater`) {
    problems.push(`updaterCacheDirName is ${written.updaterCacheDirName}, expected ${appName}-updater`);
  }
  return problems;
}

const SEMVER = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z-]+)(?:\.[0-9A-Za-z.-]+)?)?(?:\+[0-9A-Za-z.-]+)?$/;

/** The update channel electron-builder derives from a version (detectUpdateChannel). */
export function channelOf(version: string): string {
  const match = SEMVER.exec(version);
  if (!match) throw new Error(`not a semantic version: ${version}`);
  return match[4] ? match[4].toLowerCase() : 'latest';
}

/** Channel file names a release of `version` carries, per OS (x64; Linux arm64 adds -arm64). */
export function channelFiles(version: string): { win: string; mac: string; linux: string } {
  const channel = channelOf(version);
  return { win: `${channel}.yml`, mac: `${channel}-mac.yml`, linux: `${channel}-linux.yml` };
}

const updateInfoSchema = z.object({
  version: z.string(),
  files: z
    .array(z.object({ url: z.string().min(1), sha512: z.string().min(1), size: z.number().int().positive() }))
    .min(1),
  releaseDate: z.string(),
});

/** Installer kinds whose updates are differential: the release must carry `<file>.blockmap`. */
const NEEDS_BLOCKMAP = /\.(exe|dmg|zip|AppImage)$/;

async function sha512(file: string): Promise<string> {
  const hash = createHash('sha512');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('base64');
}

export interface ReleaseFolderReport {
  channelFiles: string[];
  assets: string[];
  problems: string[];
}

/**
 * Checks a release folder (electron-builder's output) before it is uploaded: every channel file
 * parses, names this version, and each file it lists exists with the recorded size and sha512 and,
 * for differential targets, its blockmap. `assets` is exactly what a release must upload.
 */
export async function verifyReleaseFolder(dir: string, version: string): Promise<ReleaseFolderReport> {
  const channel = channelOf(version);
  const names = (await readdir(dir)).sort();
  const feedFiles = names.filter(
    (n) => n === `${channel}.yml` || new RegExp(`^${channel}-[a-z0-9-]+\\.yml$`).test(n),
  );
  const problems: string[] = [];
  const assets = new Set<string>(feedFiles);
  if (feedFiles.length === 0)
    problems.push(`no ${channel}*.yml in ${dir}: nothing would tell installed apps to update`);
  for (const feed of feedFiles) {
    const parsed = updateInfoSchema.safeParse(yaml.load(await readFile(join(dir, feed), 'utf8')));
    if (!parsed.success) {
      problems.push(
        `${feed}: ${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('; ')}`,
      );
      continue;
    }
    if (parsed.data.version !== version)
      problems.push(`${feed} is for ${parsed.data.version}, not ${version}`);
    for (const entry of parsed.data.files) {
      const file = join(dir, entry.url);
      if (!existsSync(file)) {
        problems.push(`${feed} lists ${entry.url}, which is missing`);
        continue;
      }
      assets.add(entry.url);
      const bytes = (await stat(file)).size;
      if (bytes !== entry.size) problems.push(`${entry.url}: ${bytes} bytes, ${feed} says ${entry.size}`);
      else if ((await sha512(file)) !== entry.sha512)
        problems.push(`${entry.url}: sha512 differs from ${feed}`);
      if (NEEDS_BLOCKMAP.test(entry.url)) {
        if (existsSync(`${file}.blockmap`)) assets.add(`${entry.url}.blockmap`);
        else problems.push(`${entry.url}.blockmap is missing (differential updates need it)`);
      }
    }
  }
  return { channelFiles: feedFiles, assets: [...assets].sort(), problems };
}
