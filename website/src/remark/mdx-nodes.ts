/**
 * Small builders for the MDX syntax-tree nodes the site's remark plugins insert:
 * an `import x from "…"` statement and a JSX element whose attributes are strings or identifiers.
 * MDX compiles these nodes from their `data.estree`, so each one carries it.
 */
import type { Node, Parent } from 'unist';

export interface Identifier {
  identifier: string;
}
export type AttributeValue = string | number | boolean | Identifier | undefined;

interface EstreeProgram {
  type: 'Program';
  sourceType: 'module';
  body: unknown[];
}

function program(body: unknown[]): EstreeProgram {
  return { type: 'Program', sourceType: 'module', body };
}

export function importDefault(localName: string, source: string): Node {
  return {
    type: 'mdxjsEsm',
    value: `import ${localName} from ${JSON.stringify(source)};`,
    data: {
      estree: program([
        {
          type: 'ImportDeclaration',
          specifiers: [{ type: 'ImportDefaultSpecifier', local: { type: 'Identifier', name: localName } }],
          source: { type: 'Literal', value: source, raw: JSON.stringify(source) },
          attributes: [],
        },
      ]),
    },
  } as Node;
}

function expressionAttribute(name: string, expression: unknown, text: string) {
  return {
    type: 'mdxJsxAttribute',
    name,
    value: {
      type: 'mdxJsxAttributeValueExpression',
      value: text,
      data: { estree: program([{ type: 'ExpressionStatement', expression }]) },
    },
  };
}

export function jsxElement(name: string, attributes: Record<string, AttributeValue>): Node {
  const attrs: unknown[] = [];
  for (const [key, value] of Object.entries(attributes)) {
    if (value === undefined) continue;
    if (typeof value === 'string') {
      attrs.push({ type: 'mdxJsxAttribute', name: key, value });
    } else if (typeof value === 'object') {
      attrs.push(expressionAttribute(key, { type: 'Identifier', name: value.identifier }, value.identifier));
    } else {
      attrs.push(expressionAttribute(key, { type: 'Literal', value, raw: String(value) }, String(value)));
    }
  }
  return { type: 'mdxJsxFlowElement', name, attributes: attrs, children: [] } as Node;
}

/** Depth-first walk over every node with its parent and index; the callback may replace nodes. */
export function walk(tree: Node, visit: (node: Node, parent: Parent | undefined, index: number) => void): void {
  const step = (node: Node, parent: Parent | undefined, index: number): void => {
    visit(node, parent, index);
    const children = (node as Partial<Parent>).children;
    if (Array.isArray(children)) {
      // Read the live array: the visitor may have replaced a child.
      for (let i = 0; i < children.length; i += 1) step(children[i]!, node as Parent, i);
    }
  };
  step(tree, undefined, -1);
}

/** Reads a string attribute of an MDX JSX element (undefined when absent or not a plain string). */
export function stringAttribute(node: Node, name: string): string | undefined {
  const attributes = (node as unknown as { attributes?: { type: string; name?: string; value?: unknown }[] })
    .attributes;
  const found = attributes?.find((a) => a.type === 'mdxJsxAttribute' && a.name === name);
  return typeof found?.value === 'string' ? found.value : undefined;
}

/** Puts import statements at the top of the document. */
export function addImports(tree: Node, imports: Node[]): void {
  const root = tree as Parent;
  root.children.unshift(...(imports as Parent['children']));
}
