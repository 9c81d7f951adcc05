/** The test bed's coordinates, from `scripts/test-bed/test-cluster.sh env`; a clear failure when it is not up. */
export function testBed() {
  const need = (name: string): string => {
    const value = process.env[name];
    if (!value) {
      throw new Error(
        `${name} is not set: start the test bed with \`WITH_ALL=1 scripts/test-bed/test-cluster.sh up\` and ` +
          '`eval "$(scripts/test-bed/test-cluster.sh env)"`, or run `npm run test:integration`',
      );
    }
    return value;
  };
  return {
    kubeconfig: () => need('KUBECONFIG'),
    kubeServer: () => need('CAPSTAN_TEST_KUBE_SERVER'),
    userToken: () => need('CAPSTAN_TEST_USER_TOKEN'),
    pgUrl: () => need('CAPSTAN_TEST_PG_URL'),
    s3: () => ({
      endpoint: need('CAPSTAN_TEST_S3_ENDPOINT'),
      accessKey: need('CAPSTAN_TEST_S3_ACCESS_KEY'),
      secretKey: need('CAPSTAN_TEST_S3_SECRET_KEY'),
    }),
    argoBin: () => need('CAPSTAN_TEST_ARGO_BIN'),
    argoServer: () => need('CAPSTAN_TEST_ARGO_SERVER'),
    oracleNamespace: () => need('CAPSTAN_TEST_ORACLE_NAMESPACE'),
  };
}

/** A namespace name unique to one test run, so tests never see each other's objects. */
export function uniqueNamespace(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`;
}
