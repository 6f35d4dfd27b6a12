import { fieldsToObject, type AmiHeaderValue } from '../protocol/ami-message.js';

type Factory = (fields: readonly string[], server: string) => Record<string, AmiHeaderValue>;

interface Shape {
  readonly names: readonly string[];
  readonly build: Factory;
}

/** Shapes kept per event name, and in all: bounds the cache against a peer that varies headers endlessly. */
const SHAPES_PER_EVENT = 4;
const MAX_SHAPES = 512;

/**
 * Builds event objects fast. Asterisk sends each event type with the same header names in the same order, so
 * the first time a header list (a "shape") is seen a factory is compiled that returns an object literal with
 * those keys; later events of that shape are built with it, which is several times faster than adding
 * properties one by one. Shapes with a repeated header or a `__proto__` header are never compiled: they go
 * through {@link fieldsToObject}. Keys enter the generated code only through JSON.stringify.
 */
export class EventShapeCache {
  private readonly byName = new Map<string, Shape[]>();
  private count = 0;

  build(name: string, fields: readonly string[], server: string): Record<string, AmiHeaderValue> {
    const shapes = this.byName.get(name);
    if (shapes) {
      for (let s = 0; s < shapes.length; s++) {
        const shape = shapes[s]!;
        if (matches(shape.names, fields)) return shape.build(fields, server);
      }
    }
    const shape = this.compile(fields);
    if (shape && this.count < MAX_SHAPES && (shapes?.length ?? 0) < SHAPES_PER_EVENT) {
      this.count++;
      if (shapes) shapes.push(shape);
      else this.byName.set(name, [shape]);
    }
    if (shape) return shape.build(fields, server);
    const event = fieldsToObject(fields);
    event['$server'] = server;
    return event;
  }

  private compile(fields: readonly string[]): Shape | undefined {
    const names: string[] = [];
    const seen = new Set<string>();
    for (let i = 0; i < fields.length; i += 2) {
      const key = fields[i]!;
      if (key === '__proto__' || key === '$server' || seen.has(key)) return undefined;
      seen.add(key);
      names.push(key);
    }
    const body = names.map((key, i) => `${JSON.stringify(key)}: f[${2 * i + 1}]`).join(', ');
    // eslint-disable-next-line @typescript-eslint/no-implied-eval -- keys are JSON-escaped string literals
    const build = new Function('f', 's', `return { ${body}${body ? ', ' : ''}$server: s };`) as Factory;
    return { names, build };
  }
}

function matches(names: readonly string[], fields: readonly string[]): boolean {
  if (fields.length !== names.length * 2) return false;
  for (let i = 0, j = 0; j < names.length; i += 2, j++) if (fields[i] !== names[j]) return false;
  return true;
}
