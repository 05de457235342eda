// The engine's scheduler on n8n's clock: n8n's sleep (timers are not allowed in a verified node),
// made to end early on an abort. One scheduler per execution or search, so that every request of
// it shares the rate limit AvePoint applies to the app.
import { DEFAULT_RETRY_POLICY } from '../core/protocol';
import { abortable, createScheduler, type EngineClock, type Scheduler } from '../core/engine';
import { sleep } from 'n8n-workflow';

export const N8N_CLOCK: EngineClock = {
	sleep: (ms, signal) => abortable(sleep(ms), signal),
	now: () => Date.now(),
	random: () => Math.random(),
};

export function n8nScheduler(concurrency: number): Scheduler {
	return createScheduler({ ...N8N_CLOCK, concurrency, policy: DEFAULT_RETRY_POLICY });
}
