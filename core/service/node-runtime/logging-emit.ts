import type { CoreEvent } from '../../contract/index.js';
import type { ServiceContext } from '../service-context.js';

/** Emit through the service and keep the lines a person reads later (Logs view) in sn2.log. */
export function loggingEmit(ctx: ServiceContext): (event: CoreEvent) => void {
  return (event) => {
    if (event.type === 'log' && event.level !== 'debug')
      ctx.logger[event.level]({ component: event.component }, event.msg);
    else if (event.type === 'status')
      ctx.logger.info({ component: event.component, state: event.state }, event.detail ?? event.state);
    else if (event.type === 'weights')
      ctx.logger.info({ component: 'validator', ...event }, `weights ${event.ok ? 'set' : 'not set'}`);
    else if (event.type === 'notification') ctx.logger.warn({ title: event.title }, event.body);
    ctx.emit(event);
  };
}
