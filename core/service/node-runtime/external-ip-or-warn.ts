import { httpIpLookup, resolveExternalIp } from '../../chain/external-ip.js';
import type { CoreEvent } from '../../contract/index.js';
import { errorMessage } from '../../util/errors.js';

/** The public IP to announce (the manual override wins), or undefined with a warning that says what follows. */
export async function externalIpOrWarn(
  manual: string | undefined,
  emit: (event: CoreEvent) => void,
  consequence: string,
): Promise<string | undefined> {
  try {
    return await resolveExternalIp(manual, httpIpLookup());
  } catch (err) {
    emit({
      type: 'notification',
      level: 'warning',
      title: 'External IP unknown',
      body: `${errorMessage(err)}; ${consequence}`,
    });
    return undefined;
  }
}
