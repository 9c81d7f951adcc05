// The syntax tree of an expr-lang expression, shaped like expr-lang's ast package so the evaluator can follow its
// semantics node by node. `position` is the offset of the node's defining token in the source.

/** A node of the expression syntax tree. */
export type ExprNode =
  | { kind: 'nil'; position: number }
  | { kind: 'bool'; value: boolean; position: number }
  | { kind: 'int'; value: bigint; position: number }
  | { kind: 'float'; value: number; position: number }
  | { kind: 'string'; value: string; position: number }
  | { kind: 'identifier'; name: string; position: number }
  /** `#`, `#acc`, `#index` (or the implicit `#` of `.field`) inside a predicate. */
  | { kind: 'pointer'; name: string; position: number }
  | { kind: 'unary'; operator: string; operand: ExprNode; position: number }
  | { kind: 'binary'; operator: string; left: ExprNode; right: ExprNode; position: number }
  /** `a.b`, `a["b"]`, `a?.b`; `method` marks `a.b(...)`, the callee of a call. */
  | { kind: 'member'; object: ExprNode; property: ExprNode; optional: boolean; method: boolean; position: number }
  | { kind: 'slice'; object: ExprNode; from?: ExprNode; to?: ExprNode; position: number }
  | { kind: 'call'; callee: ExprNode; args: ExprNode[]; position: number }
  | { kind: 'builtin'; name: string; args: ExprNode[]; position: number }
  | { kind: 'predicate'; body: ExprNode; position: number }
  /** The extent of an optional chain: a nil reached through `?.` makes the whole chain nil. */
  | { kind: 'chain'; node: ExprNode; position: number }
  | { kind: 'conditional'; condition: ExprNode; then: ExprNode; otherwise: ExprNode; position: number }
  | { kind: 'array'; items: ExprNode[]; position: number }
  | { kind: 'map'; pairs: Array<{ key: ExprNode; value: ExprNode }>; position: number }
  | { kind: 'let'; name: string; value: ExprNode; body: ExprNode; position: number }
  | { kind: 'sequence'; nodes: ExprNode[]; position: number };

/** The kind of a node, e.g. 'binary'. */
export type ExprNodeKind = ExprNode['kind'];

/** The node type of a given kind. */
export type NodeOf<K extends ExprNodeKind> = Extract<ExprNode, { kind: K }>;
