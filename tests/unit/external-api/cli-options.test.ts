import { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { SettingsSchema } from '../../../core/contract/index.js';
import {
  addExternalApiOptions,
  externalApiSettingsPatch,
  type ExternalApiCliOptions,
} from '../../../core/validator/api/cli-options.js';

const ALICE = '5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY';
const BOB = '5FHneW46xGXgs5mUiveU4sbTyGBzmstUspZC92UhjJM694ty';

function parse(args: string[]): ExternalApiCliOptions {
  const cmd = addExternalApiOptions(new Command('validate')).exitOverride();
  cmd.parse(args, { from: 'user' });
  return cmd.opts<ExternalApiCliOptions>();
}

describe('sn2 validate switches for the external API, Prometheus and proof publishing', () => {
  it('maps upstream switches to the settings they stand for', async () => {
    await cryptoWaitReady();
    const patch = externalApiSettingsPatch(
      parse([
        '--external-api',
        '--external-api.port',
        '9443',
        '--whitelisted-public-keys',
        ALICE,
        `${BOB},0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d`,
        '--prometheus.port',
        '9091',
      ]),
    );
    expect(patch).toEqual({
      validator: {
        externalApi: {
          enabled: true,
          port: 9443,
          whitelistedPublicKeys: [
            ALICE,
            BOB,
            '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d',
          ],
        },
        prometheus: { enabled: true, port: 9091 },
      },
    });
    const merged = SettingsSchema.parse({ version: 1, ...patch });
    expect(merged.validator.prometheus.host).toBe('127.0.0.1');
    expect(merged.validator.proofPublishing.enabled).toBe(false);
  });

  it('changes nothing when no switch is given', () => {
    expect(externalApiSettingsPatch(parse([]))).toEqual({});
  });

  it('turns proof publishing on with its URL', () => {
    expect(externalApiSettingsPatch(parse(['--proof-publishing.url', 'https://pps.example/proof']))).toEqual({
      validator: { proofPublishing: { enabled: true, url: 'https://pps.example/proof' } },
    });
  });

  it.each([
    [['--external-api.port', '80'], /--external-api.port must be a port/],
    [['--prometheus.port', 'x'], /--prometheus.port must be a port/],
    [['--whitelisted-public-keys', 'nope'], /--whitelisted-public-keys/],
  ])('refuses %j', (args, message) => {
    expect(() => externalApiSettingsPatch(parse(args))).toThrow(message);
  });
});
