import { useState } from 'react';
import type { CommandOutput } from '../../../core/contract/index.js';
import { useAction } from '../state/use-action.js';
import { useQuery } from '../state/use-query.js';
import { Card, Loading } from './Card.js';
import { ErrorNote } from './ErrorNote.js';

type Mapping = CommandOutput<'portMapping.status'>;

/**
 * "Open the port on my router": asks the router (NAT-PMP / UPnP) to forward the miner's UDP port, only after the user
 * has read what it does and agreed. The agreement is the `axon.openRouterPort` setting: the core then opens the port
 * whenever the miner runs and removes it when it stops. Shows what the router answered.
 */
export function RouterPortCard() {
  const settings = useQuery('settings.get', {});
  const mapping = useQuery('portMapping.status', {});
  const update = useAction('settings.update');
  const open = useAction('portMapping.open');
  const close = useAction('portMapping.close');
  const [consent, setConsent] = useState(false);
  const enabled = settings.data?.axon.openRouterPort ?? false;
  const port = settings.data?.axon.port;
  const busy = update.pending || open.pending || close.pending;
  // Practice and local chains run on this computer: no validator comes from the Internet.
  const network = settings.data?.network;
  if (network === 'practice' || network === 'local') return null;

  const show = (state: Mapping | undefined) => state && mapping.set(() => state);
  const turnOn = async () => {
    if (!(await update.run({ axon: { openRouterPort: true } }))) return;
    settings.reload();
    show(await open.run({}));
  };
  const turnOff = async () => {
    show(await close.run({}));
    if (await update.run({ axon: { openRouterPort: false } })) settings.reload();
    setConsent(false);
  };

  return (
    <Card title="Router port" id="router-port">
      <ErrorNote error={settings.error ?? mapping.error ?? update.error ?? open.error ?? close.error} />
      {(settings.loading || mapping.loading) && !mapping.data && <Loading what="the router port" />}
      {mapping.data && (
        <p
          role="status"
          className={`note ${mapping.data.state === 'mapped' ? 'note-ok' : mapping.data.state === 'failed' ? 'note-warn' : ''}`}
        >
          {mapping.data.message}
        </p>
      )}
      {enabled ? (
        <button type="button" className="btn btn-small" disabled={busy} onClick={() => void turnOff()}>
          {close.pending ? 'Removing…' : 'Remove the port from my router'}
        </button>
      ) : (
        <>
          <p className="muted">
            Validators reach the miner over UDP port {port ?? '…'}. The app can ask your router to forward it
            to this computer (NAT-PMP or UPnP, if the router allows it), renew the lease while mining, and
            remove it when mining stops. Anything on the Internet can then send packets to that port.
          </p>
          <label>
            <input type="checkbox" checked={consent} onChange={(e) => setConsent(e.target.checked)} /> I
            agree: open UDP {port ?? ''} on my router while mining
          </label>{' '}
          <button
            type="button"
            className="btn btn-small"
            disabled={!consent || busy}
            onClick={() => void turnOn()}
          >
            {open.pending ? 'Asking the router…' : 'Open the port on my router'}
          </button>
        </>
      )}
    </Card>
  );
}
