import packageJson from '../package.json' with { type: 'json' };

/** The Argo API level Capstan implements; clients read it from /api/v1/version. */
export const argoApiVersion = 'v4.1.2';

/** Capstan's own version, from package.json. */
export const capstanVersion: string = packageJson.version;

/** The body of GET /api/v1/version, shaped like argo-server's `Version`. */
export function versionInfo() {
  return {
    version: `${argoApiVersion}+capstan.${capstanVersion}`,
    buildDate: process.env.CAPSTAN_BUILD_DATE ?? '',
    gitCommit: process.env.CAPSTAN_GIT_COMMIT ?? '',
    gitTag: `capstan-v${capstanVersion}`,
    gitTreeState: 'clean',
    goVersion: `node ${process.version}`,
    compiler: 'typescript',
    platform: `${process.platform}/${process.arch}`,
  };
}
