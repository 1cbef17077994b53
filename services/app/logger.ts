import pino, { type Logger } from 'pino';

/**
 * Structured JSON logs. Tokens never reach a log line: the access log records the path without its
 * query, and these paths are redacted should an object with them be logged by mistake.
 */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? 'info',
      base: { service: 'tayari' },
      redact: {
        paths: [
          'token',
          '*.token',
          'authorization',
          '*.authorization',
          'headers.authorization',
          'req.headers.authorization',
          // Sign-in secrets, should a body be logged by mistake.
          'code',
          '*.code',
          'refreshToken',
          '*.refreshToken',
          'link',
          '*.link',
        ],
        censor: '[redacted]',
      },
    },
    options.destination,
  );
}
