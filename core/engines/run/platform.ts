/**
 * Where upstream builds `sn2-miner` (spec sn2-2026.md §2.1): raw executables for Linux x64/arm64 and
 * Apple-silicon macOS only. No Windows build (the miner uses unix signals) and no Intel macOS build.
 */
const MINER_ASSETS: Record<string, string> = {
  'linux-x64': 'sn2-miner-linux-x86_64',
  'linux-arm64': 'sn2-miner-linux-aarch64',
  'darwin-arm64': 'sn2-miner-macos-aarch64',
};

export type EnginePlatform = { supported: true; asset: string } | { supported: false; reason: string };

export function enginePlatform(platform: string, arch: string): EnginePlatform {
  const asset = MINER_ASSETS[`${platform}-${arch}`];
  if (asset) return { supported: true, asset };
  const reason =
    platform === 'win32'
      ? 'upstream publishes no Windows build of sn2-miner (it relies on unix signals); WSL2 would need UDP forwarding and is untested'
      : platform === 'darwin'
        ? 'upstream publishes sn2-miner for Apple-silicon Macs only, not Intel Macs'
        : `upstream publishes no sn2-miner build for ${platform}/${arch}`;
  return { supported: false, reason };
}
