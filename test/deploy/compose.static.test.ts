import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anchorBlock, mergedAnchors, yamlBlock, yamlKeys } from './yamlBlock';

/**
 * The production set-up as written (docker-compose.yml, the dev file, docker/nginx.conf, the
 * Dockerfile), checked as text: no engine runs here, so these rules are what keeps the files safe.
 */

const root = join(__dirname, '..', '..');
const read = (file: string): string => readFileSync(join(root, file), 'utf8');
const compose = read('docker-compose.yml');
const devCompose = read('docker-compose.dev.yml');
const nginx = read('docker/nginx.conf');
const dockerfile = read('Dockerfile');
const services = yamlKeys(compose, ['services']);

/** A service's own block followed by the blocks of the anchors it merges (what compose sees). */
function serviceText(name: string): string {
  const own = yamlBlock(compose, ['services', name]) ?? '';
  const merged = mergedAnchors(own).map((anchor) => anchorBlock(compose, anchor) ?? '');
  return [own, ...merged].join('\n');
}

describe('docker-compose.yml', () => {
  test('lists the services the docs describe', () => {
    expect(services.sort()).toEqual(['api', 'gateway', 'kurrentdb', 'kurrentdb-dev', 'live', 'mongo', 'projector']);
  });

  test('publishes no port but the gateway’s: the databases are on the compose network only', () => {
    for (const name of services) {
      const ports = yamlBlock(compose, ['services', name, 'ports']);
      if (name === 'gateway') expect(ports).toContain('"8080:8080"');
      else expect({ name, ports }).toEqual({ name, ports: undefined });
      expect(serviceText(name)).not.toMatch(/network_mode:\s*host/);
    }
  });

  test('every service restarts unless stopped', () => {
    for (const name of services) expect({ name, restart: /restart:\s*unless-stopped/.test(serviceText(name)) }).toEqual({ name, restart: true });
  });

  test('every image is pinned to a version (no latest, no bare major)', () => {
    const images = [...compose.matchAll(/^\s*image:\s*(\S+)/gm)].map((match) => match[1] ?? '');
    expect(images.length).toBeGreaterThanOrEqual(4);
    for (const image of images) {
      if (image === 'tayari:local') continue; // built from the Dockerfile next to it
      expect(image).toMatch(/:\d+\.\d+\.\d+(-[\w.]+)?(@sha256:[0-9a-f]{64})?$/);
    }
  });

  test('the app never loads the demo and takes every secret from the environment, without a default', () => {
    const app = anchorBlock(compose, 'app') ?? '';
    expect(app).toMatch(/TAYARI_DEMO:\s*"0"/);
    for (const secret of ['TAYARI_JWT_SECRET', 'KURRENTDB_ADMIN_PASSWORD', 'TAYARI_MONGO_PASSWORD']) {
      expect(app).toMatch(new RegExp(`\\$\\{${secret}:\\?`));
      expect(compose).not.toMatch(new RegExp(`\\$\\{${secret}:-`));
    }
    for (const name of ['api', 'projector', 'live']) expect(mergedAnchors(yamlBlock(compose, ['services', name]) ?? '')).toContain('app');
  });

  test('KurrentDB is secure in the prod profile and insecure only in the dev profile', () => {
    const prod = serviceText('kurrentdb');
    expect(prod).toMatch(/profiles:\s*\[prod\]/);
    expect(prod).not.toMatch(/INSECURE/);
    for (const setting of [
      'KURRENTDB_CERTIFICATE_FILE',
      'KURRENTDB_CERTIFICATE_PRIVATE_KEY_FILE',
      'KURRENTDB_TRUSTED_ROOT_CERTIFICATES_PATH',
      'KURRENTDB_DEFAULT_ADMIN_PASSWORD',
    ]) {
      expect(prod).toContain(setting);
    }
    expect(serviceText('kurrentdb-dev')).toMatch(/profiles:\s*\[dev\]/);
    const insecure = services.filter((name) => /KURRENTDB_INSECURE:\s*"true"/.test(serviceText(name)));
    expect(insecure).toEqual(['kurrentdb-dev']);
    // The CA's key is mounted nowhere; KurrentDB gets the CA certificate and its own pair only.
    const certMounts = [...compose.matchAll(/^\s*-\s*(\.\/docker\/certs[^\s:]*):/gm)].map((match) => match[1]);
    expect(certMounts.sort()).toEqual(['./docker/certs/ca', './docker/certs/ca', './docker/certs/mongo-keyfile', './docker/certs/node']);
    // The app connects with TLS, checking the certificate against our own CA.
    expect(anchorBlock(compose, 'app')).toMatch(
      /EVENTSTORE_CONNECTION_STRING:\s*esdb:\/\/admin:\$\{KURRENTDB_ADMIN_PASSWORD:\?[^}]*\}@kurrentdb:2113\?tls=true&tlsCAFile=/,
    );
  });

  test('MongoDB runs with authentication: a root user, a key file, and the app logs in as its own user', () => {
    const mongo = serviceText('mongo');
    expect(mongo).toMatch(/MONGO_INITDB_ROOT_USERNAME:/);
    expect(mongo).toMatch(/MONGO_INITDB_ROOT_PASSWORD:\s*\$\{MONGO_ROOT_PASSWORD:\?/);
    expect(mongo).toMatch(/--keyFile/);
    expect(mongo).not.toMatch(/--noauth/);
    expect(anchorBlock(compose, 'app')).toMatch(
      /MONGODB_URI:\s*mongodb:\/\/tayari:\$\{TAYARI_MONGO_PASSWORD:\?[^}]*\}@mongo:27017\/tayari\?replicaSet=rs0&authSource=admin/,
    );
    expect(read('docker/mongo-init/create-tayari-user.js')).toMatch(/role:\s*'readWrite',\s*db:\s*'tayari'/);
  });
});

describe('docker-compose.dev.yml', () => {
  test('publishes database ports on 127.0.0.1 only and points the app at the dev KurrentDB', () => {
    const ports = [...devCompose.matchAll(/^\s*-\s*"([^"]+)"\s*$/gm)].map((match) => match[1] ?? '');
    expect(ports.length).toBeGreaterThan(0);
    for (const port of ports) expect(port).toMatch(/^127\.0\.0\.1:\d+:\d+$/);
    expect(devCompose).toMatch(/EVENTSTORE_CONNECTION_STRING:\s*esdb:\/\/kurrentdb:2113\?tls=false/);
    // It is not named docker-compose.override.yml, which compose would load on a server unasked.
    expect(() => accessSync(join(root, 'docker-compose.override.yml'))).toThrow();
  });
});

describe('docker/nginx.conf', () => {
  test('re-resolves the upstreams: a resolver, and proxy_pass through variables only', () => {
    expect(nginx).toMatch(/^\s*resolver\s+127\.0\.0\.11\s+valid=\d+s/m);
    const targets = [...nginx.matchAll(/proxy_pass\s+([^;]+);/g)].map((match) => match[1] ?? '');
    expect(targets.length).toBe(2);
    for (const target of targets) expect(target).toMatch(/^http:\/\/\$\w+$/);
    expect(nginx).toMatch(/set \$api_upstream api:8080;/);
    expect(nginx).toMatch(/set \$live_upstream live:8080;/);
  });

  test('logs no query string (tokens ride in /ws?token=) and no referer', () => {
    const format = /log_format\s+(\w+)\s+([^;]+);/.exec(nginx);
    expect(format).not.toBeNull();
    const [, name, text] = format ?? [];
    for (const leaky of ['$request ', '$request"', '$request_uri', '$args', '$query_string', '$arg_', '$http_referer', '$is_args']) {
      expect(text).not.toContain(leaky);
    }
    expect(text).toContain('$uri');
    const accessLogs = [...nginx.matchAll(/access_log\s+([^;]+);/g)].map((match) => match[1] ?? '');
    expect(accessLogs.length).toBeGreaterThan(0);
    for (const log of accessLogs) expect(log === 'off' || log.endsWith(` ${name}`)).toBe(true);
  });

  test('does not forward /metrics', () => {
    expect(nginx).toMatch(/location\s+\^~\s+\/metrics\s*\{\s*return 404;\s*\}/);
  });
});

describe('Dockerfile', () => {
  test('builds and runs on a pinned Node 22', () => {
    const bases = [...dockerfile.matchAll(/^FROM\s+(\S+)/gm)].map((match) => match[1] ?? '');
    expect(bases.length).toBe(2);
    for (const base of bases) expect(base).toMatch(/^node:22\.\d+\.\d+-[\w-]+$/);
  });
});

describe('docker/make-certs.sh', () => {
  const hasOpenssl = spawnSync('openssl', ['version']).status === 0;
  if (!hasOpenssl) console.warn('SKIPPED: docker/make-certs.sh is not run: no openssl on this machine');
  (hasOpenssl ? test : test.skip)(
    'makes a CA, a KurrentDB node certificate it signed for kurrentdb, and a MongoDB key file; a second run keeps them',
    () => {
      const folder = mkdtempSync(join(tmpdir(), 'tayari-certs-'));
      try {
        cpSync(join(root, 'docker', 'make-certs.sh'), join(folder, 'make-certs.sh'));
        const run = () => execFileSync('bash', [join(folder, 'make-certs.sh')], { stdio: 'pipe' });
        run();
        const certs = join(folder, 'certs');
        const caBefore = readFileSync(join(certs, 'ca', 'ca.crt'), 'utf8');
        run();
        expect(readFileSync(join(certs, 'ca', 'ca.crt'), 'utf8')).toBe(caBefore);
        execFileSync('openssl', ['verify', '-CAfile', join(certs, 'ca', 'ca.crt'), join(certs, 'node', 'node.crt')], { stdio: 'pipe' });
        const names = execFileSync('openssl', ['x509', '-in', join(certs, 'node', 'node.crt'), '-noout', '-ext', 'subjectAltName'], { encoding: 'utf8' });
        expect(names).toContain('DNS:kurrentdb');
        expect(readFileSync(join(certs, 'mongo-keyfile'), 'utf8').length).toBeGreaterThan(700);
        // KurrentDB reads every file of ca/: the CA's key lives elsewhere.
        expect(() => accessSync(join(certs, 'ca', 'ca.key'))).toThrow();
        accessSync(join(certs, 'private', 'ca.key'), constants.R_OK);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    60_000,
  );
});
