/** Keys that could reach an object's prototype if a later merge copied them naively. */
const POLLUTION_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Json = Record<string, unknown>;

function isContainer(value: unknown): value is Json | unknown[] {
  return value !== null && typeof value === 'object';
}

/**
 * Walks a parsed JSON value without recursion (so no input can overflow the stack) and
 * reports whether it nests deeper than `maxDepth` containers. On the way it deletes
 * prototype-pollution keys from every object, so they never travel further.
 */
export function jsonDepth(value: unknown, maxDepth: number): { tooDeep: boolean; pollutionKeys: number } {
  const stack: Array<[unknown, number]> = [[value, 1]];
  let pollutionKeys = 0;
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [unknown, number];
    if (!isContainer(current)) continue;
    if (depth > maxDepth) return { tooDeep: true, pollutionKeys };
    if (Array.isArray(current)) {
      for (const item of current) if (isContainer(item)) stack.push([item, depth + 1]);
      continue;
    }
    for (const key of Object.keys(current)) {
      if (POLLUTION_KEYS.has(key)) {
        delete current[key];
        pollutionKeys += 1;
        continue;
      }
      const child = current[key];
      if (isContainer(child)) stack.push([child, depth + 1]);
    }
  }
  return { tooDeep: false, pollutionKeys };
}
