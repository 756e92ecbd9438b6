/**
 * Which official `sn2-miner` asset runs on this computer (spec sn2-2026.md §2.1). Upstream builds for
 * Linux x86-64, Linux arm64 and Apple-silicon macOS only; everywhere else the app says so and keeps
 * Practice (which needs no engine) available.
 */
export type EngineSupport =
  | { supported: true; platform: string; asset: string }
  | { supported: false; platform: string; reason: string };

const ASSETS: Record<string, string> = {
  'linux-x64': 'sn2-miner-linux-x86_64',
  'linux-arm64': 'sn2-miner-linux-aarch64',
  'darwin-arm64': 'sn2-miner-macos-aarch64',
};

const PRACTICE = 'Practice mode works here without it.';

export function engineSupport(
  platform: string = process.platform,
  arch: string = process.arch,
): EngineSupport {
  const key = `${platform}-${arch}`;
  const asset = ASSETS[key];
  if (asset) return { supported: true, platform: key, asset };
  const reason =
    platform === 'win32'
      ? `upstream publishes no Windows build of sn2-miner (it relies on Unix signals), so this computer cannot mine today's Subnet 2; use Linux (x86-64 or arm64) or an Apple-silicon Mac. ${PRACTICE}`
      : platform === 'darwin'
        ? `upstream publishes no Intel-Mac build of sn2-miner (only Apple silicon), so this computer cannot mine today's Subnet 2. ${PRACTICE}`
        : `upstream publishes no sn2-miner build for ${key} (only linux-x64, linux-arm64 and darwin-arm64), so this computer cannot mine today's Subnet 2. ${PRACTICE}`;
  return { supported: false, platform: key, reason };
}
