import { readFileSync } from 'node:fs';
import type { StepContainer, StepSpec } from '../runner/step-runner';
import { serverFile } from '../server-files';

const read = (file: string) => readFileSync(serverFile(`controller/images/${file}`), 'utf8');
const toolsDir = '/argo/bin';
const containerPath = `${toolsDir}:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin`;

/**
 * Embedded mode runs host commands, not images. A few images that Argo's examples and tests use everywhere have
 * tiny entrypoints or tools; this gives a step from those images the same commands, as small shell scripts.
 */
export function withKnownImageTools(spec: StepSpec): StepSpec {
  const main = withTools(spec.container, Boolean(spec.script));
  const containers = spec.containers?.map((c) => ({ ...c, known: withTools(c.container, false) }));
  if (!main.known && !containers?.some((c) => c.known.known)) return spec;
  const files = [
    { path: `${toolsDir}/argosay`, content: read('argosay.sh'), mode: 0o755 },
    { path: `${toolsDir}/cowsay`, content: read('cowsay.sh'), mode: 0o755 },
  ];
  return {
    ...spec,
    container: main.container,
    ...(containers ? { containers: containers.map(({ known, ...c }) => ({ ...c, container: known.container })) } : {}),
    inputFiles: [...(spec.inputFiles ?? []), ...files],
  };
}

// One container of a known image: its entrypoint when it gives no command, and the tools on its PATH.
function withTools(container: StepContainer, isScript: boolean): { container: StepContainer; known: boolean } {
  const image = container.image ?? '';
  const argosay = /(^|\/)argoproj\/argosay:v2$/.test(image);
  const cowsay = /(^|\/)(argoproj\/argosay:v1|docker\/whalesay)(:.*)?$/.test(image);
  if (!argosay && !cowsay) return { container, known: false };
  const env = container.env ?? [];
  return {
    known: true,
    container: {
      ...container,
      // argosay:v2's entrypoint is the argosay binary; a template without a command runs it with its args.
      ...(argosay && !container.command?.length && !isScript ? { command: [`${toolsDir}/argosay`] } : {}),
      env: env.some((e) => e.name === 'PATH') ? env : [{ name: 'PATH', value: containerPath }, ...env],
    },
  };
}
