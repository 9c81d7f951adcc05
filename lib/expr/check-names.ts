import { ExpressionError } from './expression-error';
import type { ExprNode } from './expr-ast';
import type { ValueMap } from './value';

// expr-lang compiles against the environment before running, so a name the environment lacks is an error even on
// a branch that never runs (`false && missing`). Argo relies on that: an expression naming a variable that is not
// known yet fails to compile and the tag is left for later. This walk reproduces the check.

/** Visits every direct child of a node. */
export function forEachChild(node: ExprNode, visit: (child: ExprNode) => void): void {
  switch (node.kind) {
    case 'unary': visit(node.operand); break;
    case 'binary': visit(node.left); visit(node.right); break;
    case 'member': visit(node.object); visit(node.property); break;
    case 'slice': visit(node.object); if (node.from) visit(node.from); if (node.to) visit(node.to); break;
    case 'call': visit(node.callee); node.args.forEach(visit); break;
    case 'builtin': node.args.forEach(visit); break;
    case 'predicate': visit(node.body); break;
    case 'chain': visit(node.node); break;
    case 'conditional': visit(node.condition); visit(node.then); visit(node.otherwise); break;
    case 'array': node.items.forEach(visit); break;
    case 'map': node.pairs.forEach((pair) => { visit(pair.key); visit(pair.value); }); break;
    case 'let': visit(node.value); visit(node.body); break;
    case 'sequence': node.nodes.forEach(visit); break;
    default: break;
  }
}

/** Throws ExpressionError("unknown name x") for the first identifier neither the environment nor a `let` defines. */
export function checkNames(root: ExprNode, env: ValueMap, source: string): void {
  const walk = (node: ExprNode, lets: ReadonlySet<string>): void => {
    if (node.kind === 'identifier') {
      if (node.name !== '$env' && !lets.has(node.name) && !Object.hasOwn(env, node.name)) {
        throw new ExpressionError(`unknown name ${node.name}`, source, node.position);
      }
      return;
    }
    // expr-lang does not check the arguments of a call to a function of unknown type (a map entry such as
    // sprig.upper), so a missing name there is not an error; it reads as nil when evaluated.
    if (node.kind === 'call' && node.callee.kind === 'member' && node.callee.method) {
      walk(node.callee.object, lets);
      return;
    }
    if (node.kind === 'let') {
      if (lets.has(node.name) || Object.hasOwn(env, node.name)) {
        throw new ExpressionError(`cannot redeclare ${node.name}`, source, node.position);
      }
      walk(node.value, lets);
      walk(node.body, new Set([...lets, node.name]));
      return;
    }
    forEachChild(node, (child) => walk(child, lets));
  };
  walk(root, new Set());
}

/**
 * The variables an expression reads, as Argo's getIdentifiers reports them: identifiers, and for member chains of
 * constant names the dotted path (`inputs.parameters.x`). Paths guarded by `??` or `?.` are left out, because they
 * may be absent; their root identifiers are still reported.
 */
export function collectVariables(root: ExprNode): string[] {
  const guarded = new Set<ExprNode>();
  const markMembers = (node: ExprNode): void => {
    if (node.kind === 'member') guarded.add(node);
    forEachChild(node, markMembers);
  };
  const findGuards = (node: ExprNode): void => {
    if (node.kind === 'binary' && node.operator === '??') markMembers(node.left);
    if (node.kind === 'member' && node.optional && node.object.kind === 'member') guarded.add(node.object);
    forEachChild(node, findGuards);
  };
  findGuards(root);
  const seen: string[] = [];
  const add = (name: string): void => {
    if (!seen.includes(name)) seen.push(name);
  };
  const visit = (node: ExprNode): void => {
    // expr-lang's walker visits children before the node itself; keep that order for identical results.
    forEachChild(node, visit);
    if (guarded.has(node)) return;
    if (node.kind === 'identifier') add(node.name);
    if (node.kind === 'member') {
      const path = memberPath(node);
      if (path !== undefined) add(path);
    }
  };
  visit(root);
  return seen;
}

function memberPath(node: ExprNode): string | undefined {
  const parts: string[] = [];
  let current: ExprNode = node;
  while (current.kind === 'member') {
    if (current.optional || current.property.kind !== 'string') return undefined;
    parts.unshift(current.property.value);
    current = current.object;
  }
  if (current.kind !== 'identifier') return undefined;
  return [current.name, ...parts].join('.');
}
