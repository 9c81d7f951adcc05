import { evaluateExpression, ExpressionError, toExpressionEnv } from '../expr';
import { joinKey, keyOf, storeKindOf } from '../artifacts/artifact-location';
import { withKey } from '../artifacts/artifact-key';
import type { Artifact, Template } from '../generated/argo';
import { NodeError } from './operation';
import type { Scope } from './scope';

/** The scope key of a node's output artifact: `steps.<name>.outputs.artifacts.<artifact>`. */
export const artifactScopeKey = (prefix: string, name: string, artifact: string) => `${prefix}.${name}.outputs.artifacts.${artifact}`;

/** How an artifact is held in a string scope: its JSON, which `from` and `fromExpression` read back. */
export function toScopeValue(artifact: Artifact): string {
  return JSON.stringify(artifact);
}

/**
 * Resolves `from` and `fromExpression` of a step's or task's argument artifacts against the scope, as Argo's
 * resolveArtifact: the argument becomes the referenced artifact under the argument's name, `subPath` appended to
 * its key. Run before the step is substituted, so a reference is read as an artifact and not as text.
 */
export function resolveArtifactArguments<T extends { arguments?: { artifacts?: Artifact[] } }>(holder: T, values: Scope, now: Date): T {
  const artifacts = holder.arguments?.artifacts;
  if (!artifacts?.some((a) => a.from || a.fromExpression)) return holder;
  return { ...holder, arguments: { ...holder.arguments, artifacts: artifacts.map((a) => resolveArtifact(a, values, now) ?? a) } };
}

/** The artifact `from` or `fromExpression` names, or undefined when it uses neither. Throws NodeError when it names none. */
export function resolveArtifact(artifact: Artifact, values: Scope, now: Date): Artifact | undefined {
  if (!artifact.from && !artifact.fromExpression) return undefined;
  const referenced = artifact.fromExpression ? evaluateArtifactExpression(artifact.fromExpression, values, now) : lookUp(artifact.from!, values);
  const { from: _from, fromExpression: _fromExpression, subPath, ...own } = artifact;
  let resolved: Artifact = { ...referenced, name: own.name };
  if (own.optional !== undefined) resolved.optional = own.optional;
  if (subPath) {
    const key = keyOf(resolved);
    if (key === undefined) {
      if (!own.optional) throw new NodeError(`artifact ${own.name}: subPath "${subPath}" needs an artifact with a key`);
    } else {
      resolved = withKey(resolved, storeKindOf(resolved), joinKey(key, subPath));
    }
  }
  return resolved;
}

function lookUp(reference: string, values: Scope): Artifact {
  const trimmed = reference.trim();
  // After substitution a reference may already be the artifact's JSON (e.g. `{{inputs.artifacts.x}}`).
  if (trimmed.startsWith('{') && !trimmed.startsWith('{{')) return parseArtifact(trimmed, reference);
  const match = /^\{\{\s*([^{}]+?)\s*\}\}$/.exec(trimmed);
  const value = match ? values[match[1]!] : undefined;
  if (value === undefined || value === null) throw new NodeError(`Unable to resolve: "${reference}"`);
  return parseArtifact(value, reference);
}

function evaluateArtifactExpression(expression: string, values: Scope, now: Date): Artifact {
  let result: unknown;
  try {
    result = evaluateExpression(expression, toExpressionEnv(values, { now }));
  } catch (error) {
    if (error instanceof ExpressionError) throw new NodeError(error.message);
    throw error;
  }
  if (typeof result === 'object' && result !== null && 'name' in result) return result as Artifact;
  if (typeof result === 'string') return parseArtifact(result, expression);
  throw new NodeError(`Variable {{${expression}}} is not an artifact`);
}

function parseArtifact(text: string, reference: string): Artifact {
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Artifact;
  } catch {
    // fall through
  }
  throw new NodeError(`Variable ${reference} is not an artifact`);
}

/** Scope entries for a template's own input artifacts, so steps can pass them on with `from: "{{inputs.artifacts.x}}"`. */
export function inputArtifactValues(template: Template): Record<string, string> {
  return Object.fromEntries((template.inputs?.artifacts ?? []).map((a) => [`inputs.artifacts.${a.name}`, toScopeValue(a)]));
}
