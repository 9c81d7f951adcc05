import { readFileSync } from 'node:fs';
import type { StepSpec } from '../runner/step-runner';

const read = (file: string) => readFileSync(new URL(`./images/${file}`, import.meta.url), 'utf8');
const toolsDir = '/argo/bin';
const containerPath = `${toolsDir}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`;

/**
 * Embedded mode runs host commands, not images. A few images that Argo's examples and tests use everywhere have
 * tiny entrypoints or tools; this gives a step from those images the same commands, as small shell scripts.
 */
export function withKnownImageTools(spec: StepSpec): StepSpec {
  const image = spec.container.image ?? '';
  const argosay = /(^|\/)argoproj\/argosay:v2$/.test(image);
  const cowsay = /(^|\/)(argoproj\/argosay:v1|docker\/whalesay)(:.*)?$/.test(image);
  if (!argosay && !cowsay) return spec;
  const files = [
    { path: `${toolsDir}/argosay`, content: read('argosay.sh'), mode: 0o755 },
    { path: `${toolsDir}/cowsay`, content: read('cowsay.sh'), mode: 0o755 },
  ];
  const env = spec.container.env ?? [];
  return {
    ...spec,
    container: {
      ...spec.container,
      // argosay:v2's entrypoint is the argosay binary; a template without a command runs it with its args.
      ...(argosay && !spec.container.command?.length && !spec.script ? { command: [`${toolsDir}/argosay`] } : {}),
      env: env.some((e) => e.name === 'PATH') ? env : [{ name: 'PATH', value: containerPath }, ...env],
    },
    inputFiles: [...(spec.inputFiles ?? []), ...files],
  };
}
