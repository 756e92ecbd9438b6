import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { z } from 'zod';

/**
 * The parts of electron-builder.yml this project relies on, checked with zod so a typo in the
 * release configuration fails a unit test instead of a release. Unknown keys pass through:
 * electron-builder validates its full schema itself when it runs.
 */
const targetSchema = z.object({ target: z.string(), arch: z.array(z.string()).optional() });

const githubPublish = z.object({
  provider: z.literal('github'),
  owner: z.string().min(1),
  repo: z.string().min(1),
  releaseType: z.enum(['draft', 'prerelease', 'release']).optional(),
});
const genericPublish = z.object({
  provider: z.literal('generic'),
  url: z.string().url(),
  channel: z.string().optional(),
});
export const publishSchema = z.discriminatedUnion('provider', [githubPublish, genericPublish]);
export type PublishConfig = z.infer<typeof publishSchema>;

export const builderConfigSchema = z
  .object({
    appId: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i, 'reverse-DNS app id'),
    productName: z.string().min(1),
    artifactName: z.string().includes('${version}'),
    directories: z.object({ output: z.string(), buildResources: z.string() }),
    files: z.array(z.string()).min(1),
    asar: z.literal(true),
    asarUnpack: z.array(z.string()),
    npmRebuild: z.boolean(),
    publish: z.array(publishSchema).min(1),
    detectUpdateChannel: z.boolean().optional(),
    mac: z
      .object({
        target: z.array(targetSchema),
        hardenedRuntime: z.boolean(),
        entitlements: z.string(),
        entitlementsInherit: z.string(),
        icon: z.string(),
      })
      .loose(),
    win: z.object({ target: z.array(targetSchema), icon: z.string() }).loose(),
    nsis: z.object({ oneClick: z.boolean(), perMachine: z.boolean(), allowElevation: z.boolean() }).loose(),
    linux: z.object({ target: z.array(targetSchema), icon: z.string(), executableName: z.string() }).loose(),
  })
  .loose();
export type BuilderConfig = z.infer<typeof builderConfigSchema>;

export const BUILDER_CONFIG_FILE = 'electron-builder.yml';

export async function loadBuilderConfig(projectDir: string): Promise<BuilderConfig> {
  const text = await readFile(join(projectDir, BUILDER_CONFIG_FILE), 'utf8');
  return builderConfigSchema.parse(yaml.load(text));
}

export function targetNames(targets: ReadonlyArray<{ target: string }>): string[] {
  return targets.map((t) => t.target);
}
