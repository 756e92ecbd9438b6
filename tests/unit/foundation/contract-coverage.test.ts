import { describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandNames } from '../../../core/contract/index.js';
import { handlerFactories } from '../../../core/service/handlers/index.js';
import { CoreService } from '../../../core/service/core-service.js';
import { silentLogger } from '../../../core/contract/logger.js';

describe('handler factories', () => {
  it('together serve every command of the contract, each exactly once', () => {
    const core = new CoreService({
      dataDir: mkdtempSync(join(tmpdir(), 'sn2-cover-')),
      logger: silentLogger(),
    });
    const served = handlerFactories.flatMap((factory) => Object.keys(factory(core.context).handlers));
    expect([...served].sort()).toEqual([...commandNames].sort());
    expect(new Set(served).size).toBe(served.length);
  });
});
