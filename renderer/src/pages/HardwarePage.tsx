import { useState } from 'react';
import type { CoreEvent } from '../../../core/contract/index.js';
import { Card, Loading, Page } from '../components/Card.js';
import { ErrorNote } from '../components/ErrorNote.js';
import { ProversPanel } from '../components/ProversPanel.js';
import { useQuery } from '../state/use-query.js';
import { useAction } from '../state/use-action.js';
import { useCoreEvent } from '../state/use-core-events.js';
import { formatBytes, formatMs } from '../format.js';

type Progress = Extract<CoreEvent, { type: 'progress' }>;

export function HardwarePage({ onContinue }: { onContinue?: () => void }) {
  const report = useQuery('hardware.get', {});
  const bench = useAction('hardware.benchmark');
  const [result, setResult] = useState<Awaited<ReturnType<typeof bench.run>>>();
  const [progress, setProgress] = useState<Progress>();
  useCoreEvent('progress', (event) => {
    if (bench.pending) setProgress(event);
  });
  const r = report.data;

  return (
    <Page
      title="Hardware"
      lead="What this computer has, how it compares with what SN2 miners need, and how fast it proves real circuits."
    >
      <Card title="This computer" id="hardware">
        <ErrorNote error={report.error} onRetry={report.reload} />
        {report.loading && !r && <Loading what="hardware report" />}
        {r && (
          <>
            <dl className="stats">
              <div className="stat">
                <dt>CPU</dt>
                <dd>
                  {r.cpu.brand}
                  <span className="muted">
                    {' '}
                    {r.cpu.physicalCores} cores / {r.cpu.threads} threads
                    {r.cpu.speedGHz ? ` @ ${r.cpu.speedGHz} GHz` : ''}
                  </span>
                </dd>
              </div>
              <div className="stat">
                <dt>Memory</dt>
                <dd>
                  {formatBytes(r.memory.totalBytes)}{' '}
                  <span className="muted">({formatBytes(r.memory.availableBytes)} free)</span>
                </dd>
              </div>
              <div className="stat">
                <dt>Disk</dt>
                <dd>
                  {formatBytes(r.disk.freeBytes)} free{' '}
                  <span className="muted">of {formatBytes(r.disk.totalBytes)}</span>
                </dd>
              </div>
              <div className="stat">
                <dt>GPU</dt>
                <dd>
                  {r.gpus.length === 0
                    ? 'none detected'
                    : r.gpus
                        .map(
                          (g) =>
                            `${g.vendor} ${g.model}${g.vramMb ? ` (${formatBytes(g.vramMb * 1024 * 1024)})` : ''}`,
                        )
                        .join(', ')}
                </dd>
              </div>
              <div className="stat">
                <dt>System</dt>
                <dd>
                  {r.os.distro} {r.os.release} <span className="muted">({r.os.arch})</span>
                </dd>
              </div>
            </dl>
            <h3>Verdict</h3>
            <p
              className={r.verdict.meetsMinimum ? 'note note-ok' : 'note note-warn'}
              data-testid="hardware-verdict"
            >
              {r.verdict.summary}
            </p>
            <ul className="checks">
              {r.verdict.checks.map((c) => (
                <li key={c.name} className={c.ok ? 'check-ok' : 'check-fail'}>
                  <span aria-hidden="true">{c.ok ? '✓' : '✗'}</span>
                  <span className="visually-hidden">{c.ok ? 'Meets:' : 'Below:'}</span> {c.message}
                </li>
              ))}
            </ul>
          </>
        )}
      </Card>
      <ProversPanel />
      <Card
        title="Benchmark"
        id="benchmark"
        actions={
          <button
            type="button"
            className="btn btn-primary"
            disabled={bench.pending}
            onClick={async () => {
              setProgress(undefined);
              const out = await bench.run({});
              if (out) setResult(out);
            }}
          >
            {bench.pending ? 'Proving…' : result ? 'Run again' : 'Run benchmark'}
          </button>
        }
      >
        <p className="muted">
          Proves each circuit on this computer with the prover the miner would use and compares the time with
          the validators' timeout. Figures vary with load: read them as a range, not a promise.
        </p>
        {bench.pending && (
          <p role="status">
            {progress
              ? `${progress.label}: ${progress.done}${progress.total ? ` of ${progress.total}` : ''}`
              : 'Starting…'}
          </p>
        )}
        <ErrorNote error={bench.error} />
        {result && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Circuit</th>
                <th scope="col">Prover</th>
                <th scope="col">Median</th>
                <th scope="col">Range</th>
                <th scope="col">Timeout</th>
                <th scope="col">Fits</th>
              </tr>
            </thead>
            <tbody>
              {result.circuits.map((c) => (
                <tr key={c.circuitId}>
                  <td>{c.circuitName}</td>
                  <td>{c.prover}</td>
                  <td>{formatMs(c.p50Ms)}</td>
                  <td>
                    {formatMs(c.minMs)} – {formatMs(c.maxMs)}
                  </td>
                  <td>{formatMs(c.timeoutMs)}</td>
                  <td className={c.ok ? 'text-ok' : 'text-error'}>
                    {c.ok ? 'yes' : (c.error ?? 'too slow')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {onContinue && (
        <div className="button-row">
          <button type="button" className="btn btn-primary" onClick={onContinue}>
            Continue to mining
          </button>
        </div>
      )}
    </Page>
  );
}
