#!/usr/bin/env node
// `npm run test:servers`: the EventStoreDB and MongoDB suites against real servers. Starts the
// databases of the dev compose set-up (docker-compose.yml + docker-compose.dev.yml, profile dev,
// a project of its own so that a running dev set-up is left alone), runs the suites that need them,
// and removes the containers and their volumes again.
//
// Without a Docker engine it says so and exits 0, unless asked to require one:
//   npm run test:servers -- --require-docker      (or TAYARI_REQUIRE_SERVERS=1)
// Plain JavaScript on purpose: it must run before anything is built.

const { spawnSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..', '..');
const requireDocker = process.argv.includes('--require-docker') || process.env.TAYARI_REQUIRE_SERVERS === '1';
// The suites that talk to the servers when the variables are set (each skips loudly otherwise).
const SUITES = ['shared/eventstore/esdb', 'shared/readstore/mongo', 'test/split'];

function say(line) {
  process.stdout.write(`test:servers: ${line}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', ...options });
  return result.error ? 127 : (result.status ?? 1);
}

/** KEY=value lines of docker/dev.env (the public development passwords). */
function devEnv() {
  const values = {};
  for (const line of readFileSync(join(root, 'docker', 'dev.env'), 'utf8').split('\n')) {
    const match = /^([A-Z0-9_]+)=(.*)$/.exec(line.trim());
    if (match) values[match[1]] = match[2];
  }
  return values;
}

function main() {
  const docker = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { encoding: 'utf8' });
  if (docker.error || docker.status !== 0) {
    const why = docker.error ? `no docker command (${docker.error.code})` : `no engine answers (${(docker.stderr || '').trim().split('\n')[0]})`;
    say(`no Docker engine on this machine: ${why}.`);
    say(`NOT RUN: ${SUITES.join(', ')} against EventStoreDB and MongoDB.`);
    if (requireDocker) {
      say('--require-docker was given: failing.');
      return 1;
    }
    say('exiting 0; pass --require-docker (or TAYARI_REQUIRE_SERVERS=1) to make this an error.');
    return 0;
  }
  const env = devEnv();
  const compose = [
    'compose',
    '--project-name',
    'tayari-servers-test',
    '--env-file',
    'docker/dev.env',
    '-f',
    'docker-compose.yml',
    '-f',
    'docker-compose.dev.yml',
    '--profile',
    'dev',
  ];
  if (run('bash', ['docker/make-certs.sh', '--mongo-only']) !== 0) return 1;
  say('starting kurrentdb-dev and mongo (127.0.0.1:2113 and 127.0.0.1:27017 must be free)');
  let status = run('docker', [...compose, 'up', '--detach', '--wait', 'kurrentdb-dev', 'mongo']);
  try {
    if (status !== 0) {
      say('the databases did not become healthy');
      return status;
    }
    status = run(process.execPath, [require.resolve('jest/bin/jest'), '--runInBand', ...SUITES], {
      env: {
        ...process.env,
        EVENTSTORE_CONNECTION_STRING: 'esdb://127.0.0.1:2113?tls=false',
        // The root user: each suite makes and drops a database of its own.
        MONGODB_URI: `mongodb://root:${encodeURIComponent(env.MONGO_ROOT_PASSWORD ?? '')}@127.0.0.1:27017/?replicaSet=rs0&directConnection=true&authSource=admin`,
      },
    });
    return status;
  } finally {
    run('docker', [...compose, 'down', '--volumes', '--remove-orphans']);
  }
}

process.exit(main());
