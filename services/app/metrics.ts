import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { RequestHandler } from 'express';
import { problem } from '@tayari/api/http/Problem';
import type { MetricsAccess } from './metricsAccess';

export interface MetricsSources {
  /** How far the projections are behind the event store, in events (or undefined if unknown). */
  projectionLag?: () => Promise<number | undefined>;
  /** Live gateway figures. */
  live?: () => { connections: number; messagesSent: number; messagesReceived?: number };
}

/** Prometheus metrics: commands by type and outcome, projection lag, websocket connections and messages. */
export class Metrics {
  readonly registry = new Registry();
  private readonly commands = new Counter({
    name: 'tayari_commands_total',
    help: 'Commands handled, by type and HTTP status',
    labelNames: ['command', 'status'],
    registers: [this.registry],
  });
  private readonly latency = new Histogram({
    name: 'tayari_command_duration_seconds',
    help: 'Command latency, by type and outcome class',
    labelNames: ['command', 'outcome'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  constructor(sources: MetricsSources = {}) {
    collectDefaultMetrics({ register: this.registry, prefix: 'tayari_' });
    const { projectionLag, live } = sources;
    if (projectionLag) {
      new Gauge({
        name: 'tayari_projection_lag_events',
        help: 'Events written but not yet projected',
        registers: [this.registry],
        async collect() {
          const lag = await projectionLag();
          if (lag !== undefined) this.set(lag);
        },
      });
    }
    if (live) {
      new Gauge({
        name: 'tayari_ws_connections',
        help: 'Open websocket connections',
        registers: [this.registry],
        collect() {
          this.set(live().connections);
        },
      });
      new Gauge({
        name: 'tayari_ws_messages_sent',
        help: 'Websocket messages sent since start',
        registers: [this.registry],
        collect() {
          this.set(live().messagesSent);
        },
      });
    }
  }

  observeCommand = (command: string, status: number, seconds: number): void => {
    this.commands.inc({ command, status: String(status) });
    this.latency.observe({ command, outcome: status < 400 ? 'accepted' : status < 500 ? 'refused' : 'failed' }, seconds);
  };

  /** `GET /metrics`, for those `access` lets in; anyone else gets a 401 problem. */
  handler(access: MetricsAccess): RequestHandler {
    return async (req, res, next) => {
      if (req.method !== 'GET' || req.path !== '/metrics') return next();
      if (!(await access(req.get('Authorization')))) {
        const body = problem(401, 'unauthorized', 'metrics need Authorization: Bearer <TAYARI_METRICS_TOKEN> or an in-charge token');
        res
          .status(401)
          .set('WWW-Authenticate', 'Bearer realm="tayari-metrics"')
          .set('Cache-Control', 'no-store')
          .type('application/problem+json')
          .send(JSON.stringify(body));
        return;
      }
      res
        .set('Cache-Control', 'no-store')
        .type(this.registry.contentType)
        .send(await this.registry.metrics());
    };
  }
}
