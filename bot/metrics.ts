/**
 * What operations see at `GET /metrics` (Prometheus text format, prom-client): events received, acked and
 * refused at the door, answers by verdict and topic, escalations, corrections, errors, and the latency of the
 * pipeline, of the ack and of the store. One registry per app (tests run several in one process).
 */
import { Counter, collectDefaultMetrics, Histogram, Registry } from 'prom-client';
import type { AdvisorStore } from './store/api.js';

export class Metrics {
  readonly registry = new Registry();
  readonly eventsReceived: Counter<'kind'>;
  readonly eventsAcked: Counter<'outcome'>;
  readonly eventsRefused: Counter<'reason'>;
  readonly answered: Counter<'verdict' | 'topic'>;
  readonly escalations: Counter;
  readonly corrections: Counter;
  readonly errors: Counter<'where'>;
  readonly pipelineSeconds: Histogram;
  readonly ackSeconds: Histogram;
  readonly storeSeconds: Histogram<'op' | 'engine'>;

  constructor(o: { defaults?: boolean; labels?: Record<string, string> } = {}) {
    const registers = [this.registry];
    if (o.labels) this.registry.setDefaultLabels(o.labels);
    this.eventsReceived = new Counter({
      name: 'advisor_events_received_total',
      help: 'Slack events that reached the door (retries included), by event type',
      labelNames: ['kind'],
      registers,
    });
    this.eventsAcked = new Counter({
      name: 'advisor_events_acked_total',
      help: 'Slack events acknowledged after being recorded: new, or a known id (a retry or duplicate)',
      labelNames: ['outcome'],
      registers,
    });
    this.eventsRefused = new Counter({
      name: 'advisor_events_refused_total',
      help: 'Slack events not acknowledged (the store could not record them, or the replica is stopping)',
      labelNames: ['reason'],
      registers,
    });
    this.answered = new Counter({
      name: 'advisor_answers_total',
      help: 'Answers posted, by verdict and topic',
      labelNames: ['verdict', 'topic'],
      registers,
    });
    this.escalations = new Counter({
      name: 'advisor_escalations_total',
      help: 'Cases opened for the advisers',
      registers,
    });
    this.corrections = new Counter({
      name: 'advisor_corrections_total',
      help: 'Answers given again after a person corrected the facts',
      registers,
    });
    this.errors = new Counter({
      name: 'advisor_errors_total',
      help: 'Failures, by where they happened',
      labelNames: ['where'],
      registers,
    });
    this.pipelineSeconds = new Histogram({
      name: 'advisor_pipeline_seconds',
      help: 'Time the pipeline took to answer one question',
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers,
    });
    this.ackSeconds = new Histogram({
      name: 'advisor_ack_seconds',
      help: 'Time from an event reaching the door to its ack (recording included)',
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 3],
      registers,
    });
    this.storeSeconds = new Histogram({
      name: 'advisor_store_seconds',
      help: 'Time of store operations, by operation and engine',
      labelNames: ['op', 'engine'],
      buckets: [0.0001, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.5],
      registers,
    });
    if (o.defaults) collectDefaultMetrics({ register: this.registry, prefix: 'advisor_' });
  }

  /** The exposition text and its content type. */
  async text(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}

/** Operations that are not timed (they are not calls to the database). */
const UNTIMED = new Set(['isOpen', 'engine', 'replicaId', 'where']);

/** The store with every call timed into `advisor_store_seconds` (errors counted too). */
export function timedStore(store: AdvisorStore, metrics: Metrics): AdvisorStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      const v = Reflect.get(target, prop, receiver);
      if (typeof v !== 'function' || typeof prop !== 'string' || UNTIMED.has(prop)) return v;
      return (...args: unknown[]) => {
        const end = metrics.storeSeconds.startTimer({ op: prop, engine: target.engine });
        let r: unknown;
        try {
          r = (v as (...a: unknown[]) => unknown).apply(target, args);
        } catch (e) {
          end();
          metrics.errors.inc({ where: 'store' });
          throw e;
        }
        if (r instanceof Promise) {
          return r.then(
            (x) => {
              end();
              return x;
            },
            (e: unknown) => {
              end();
              metrics.errors.inc({ where: 'store' });
              throw e;
            },
          );
        }
        end();
        return r;
      };
    },
  });
}
