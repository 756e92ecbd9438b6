/**
 * What a release build will sign and notarise, decided from the environment variables
 * electron-builder reads. A build without them still succeeds; this makes it say so.
 */
export type BuildOs = 'mac' | 'win' | 'linux';

export interface SigningStatus {
  os: BuildOs;
  /** Code signing: where the identity comes from, or null when the build is unsigned. */
  signWith: string | null;
  /** macOS notarisation method, or null when the app will not be notarised. */
  notarizeWith: string | null;
  /** Variables that are set but incomplete (a half-configured setup is a mistake, not "unsigned"). */
  incomplete: string[];
  /** Environment to add for electron-builder (an unsigned mac build must not pick a keychain identity). */
  extraEnv: Record<string, string>;
  summary: string;
}

type Env = Readonly<Record<string, string | undefined>>;
const has = (env: Env, name: string): boolean => (env[name] ?? '').trim() !== '';

export function osOf(platform: NodeJS.Platform): BuildOs {
  if (platform === 'darwin') return 'mac';
  if (platform === 'win32') return 'win';
  return 'linux';
}

function macNotarization(env: Env, incomplete: string[]): string | null {
  const groups: Array<{ name: string; vars: string[] }> = [
    { name: 'App Store Connect API key', vars: ['APPLE_API_KEY', 'APPLE_API_KEY_ID', 'APPLE_API_ISSUER'] },
    { name: 'Apple ID', vars: ['APPLE_ID', 'APPLE_APP_SPECIFIC_PASSWORD', 'APPLE_TEAM_ID'] },
    { name: 'keychain profile', vars: ['APPLE_KEYCHAIN_PROFILE'] },
  ];
  for (const group of groups) {
    const set = group.vars.filter((v) => has(env, v));
    if (set.length === group.vars.length) return group.name;
    if (set.length > 0) {
      incomplete.push(...group.vars.filter((v) => !has(env, v)).map((v) => `${v} (for ${group.name})`));
    }
  }
  return null;
}

export function signingStatus(env: Env, os: BuildOs): SigningStatus {
  const incomplete: string[] = [];
  const extraEnv: Record<string, string> = {};
  let signWith: string | null = null;
  let notarizeWith: string | null = null;

  if (os === 'mac') {
    if (has(env, 'CSC_LINK')) signWith = 'certificate file CSC_LINK';
    else if (has(env, 'CSC_NAME')) signWith = `keychain identity "${env.CSC_NAME}"`;
    else extraEnv.CSC_IDENTITY_AUTO_DISCOVERY = 'false';
    if (has(env, 'CSC_LINK') && !has(env, 'CSC_KEY_PASSWORD')) incomplete.push('CSC_KEY_PASSWORD');
    notarizeWith = macNotarization(env, incomplete);
    if (notarizeWith && !signWith) incomplete.push('CSC_LINK or CSC_NAME (notarisation needs a signed app)');
  } else if (os === 'win') {
    const link = has(env, 'WIN_CSC_LINK') ? 'WIN_CSC_LINK' : has(env, 'CSC_LINK') ? 'CSC_LINK' : null;
    if (link) {
      signWith = `certificate file ${link}`;
      const password = link === 'WIN_CSC_LINK' ? 'WIN_CSC_KEY_PASSWORD' : 'CSC_KEY_PASSWORD';
      if (!has(env, password)) incomplete.push(password);
    }
  }

  const parts: string[] = [];
  if (os === 'linux') parts.push('Linux packages are not code-signed (the update feed is checked by sha512)');
  else if (signWith) parts.push(`signed with ${signWith}`);
  else parts.push('UNSIGNED: no CSC_LINK/CSC_NAME (mac) or WIN_CSC_LINK/CSC_LINK (Windows) set');
  if (os === 'mac') parts.push(notarizeWith ? `notarised via ${notarizeWith}` : 'NOT notarised');
  if (incomplete.length) parts.push(`incomplete signing setup, missing: ${incomplete.join(', ')}`);
  return { os, signWith, notarizeWith, incomplete, extraEnv, summary: parts.join('; ') };
}
