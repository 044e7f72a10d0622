// Where the cursor is in a YAML document, for completion and hover from a JSON Schema: the path of keys and sequence
// items from the root ('[]' for an item), and whether the cursor is on a key or on a value. Block style and one level
// of flow mapping on the cursor's line ("- { id: x, na|") are understood; this is a reading aid, not a parser.

const keyPattern = /^([A-Za-z_][\w-]*)\s*:(?:\s+|$)(.*)$/;

/** Splits a line into its indentation, the number of "- " item markers and the rest. */
function shape(line) {
  const spaces = /^ */.exec(line)[0].length;
  let rest = line.slice(spaces);
  let dashes = 0;
  while (/^-(\s+|$)/.test(rest)) {
    const marker = /^-\s*/.exec(rest)[0];
    rest = rest.slice(marker.length);
    dashes += 1;
  }
  const contentIndent = line.length - rest.length;
  return { spaces, dashes, contentIndent, rest };
}

function isBlank(line) {
  return /^\s*(#.*)?$/.test(line);
}

/** The key a line opens a block under ("key:" with nothing but a comment after it), or null. */
function blockKey(rest) {
  const match = keyPattern.exec(rest);
  return match && /^(#.*)?$/.test(match[2].trim()) ? match[1] : null;
}

/** Path of the mapping that holds content at indent `indent` of line `row`, walking up the lines. */
function parentPath(lines, row, indent, startsItem, itemSpaces) {
  const path = [];
  let target = indent;
  let inItem = startsItem;
  if (startsItem) {
    path.unshift('[]');
    target = itemSpaces;
  }
  for (let i = row - 1; i >= 0 && target >= 0; i--) {
    const line = lines[i];
    if (isBlank(line)) {
      continue;
    }
    const s = shape(line);
    const key = blockKey(s.rest);
    if (s.dashes > 0 && !inItem && s.contentIndent === target) {
      path.unshift('[]');
      inItem = true;
      target = s.spaces;
      continue;
    }
    const opensParent = inItem ? s.contentIndent <= target : s.contentIndent < target;
    if (!opensParent) {
      continue;
    }
    if (key === null) {
      break;
    }
    path.unshift(key);
    if (s.dashes > 0) {
      path.unshift('[]');
      inItem = true;
      target = s.spaces;
    } else {
      inItem = false;
      target = s.contentIndent;
    }
    if (target === 0 && !inItem) {
      break;
    }
  }
  return path;
}

/** The unclosed '{' of a flow mapping in a line prefix, or -1. */
function openFlowBrace(prefix) {
  let depth = 0;
  for (let i = prefix.length - 1; i >= 0; i--) {
    if (prefix[i] === '}') {
      depth += 1;
    } else if (prefix[i] === '{') {
      if (depth === 0) {
        return i;
      }
      depth -= 1;
    }
  }
  return -1;
}

/**
 * The cursor context at 1-based (lineNumber, column): { path, kind: 'key'|'value', key, word }.
 * For 'key', path is the mapping the key belongs to; for 'value', path ends with the key whose value it is.
 */
export function cursorContext(text, lineNumber, column) {
  const lines = text.split(/\r?\n/);
  const row = lineNumber - 1;
  const prefix = (lines[row] ?? '').slice(0, column - 1);
  const s = shape(prefix);
  const brace = openFlowBrace(prefix);
  if (brace >= 0 && !prefix.slice(0, brace).includes('#')) {
    return flowContext(lines, row, prefix, brace);
  }
  const word = /[\w-]*$/.exec(prefix)[0];
  const keyMatch = keyPattern.exec(s.rest);
  const base = parentPath(lines, row, s.contentIndent, s.dashes > 0, s.spaces);
  if (keyMatch && !s.rest.includes('#')) {
    return { path: [...base, keyMatch[1]], kind: 'value', key: keyMatch[1], word };
  }
  return { path: base, kind: 'key', key: null, word };
}

function flowContext(lines, row, prefix, brace) {
  const before = prefix.slice(0, brace);
  const inside = prefix.slice(brace + 1);
  const s = shape(before);
  let base;
  const keyMatch = keyPattern.exec(s.rest);
  if (keyMatch) {
    base = [...parentPath(lines, row, s.contentIndent, s.dashes > 0, s.spaces), keyMatch[1]];
  } else {
    base = parentPath(lines, row, s.contentIndent, s.dashes > 0, s.spaces);
  }
  const segment = inside.slice(inside.lastIndexOf(',') + 1).trimStart();
  const word = /[\w-]*$/.exec(prefix)[0];
  const pair = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(segment);
  if (pair) {
    return { path: [...base, pair[1]], kind: 'value', key: pair[1], word };
  }
  return { path: base, kind: 'key', key: null, word };
}

/** Follows a path through a JSON Schema ($ref to #/definitions or #/$defs, items, properties, allOf/anyOf/oneOf). */
export function schemaAt(root, path) {
  let node = resolve(root, root);
  for (const step of path) {
    if (!node) {
      return null;
    }
    if (step === '[]') {
      node = resolve(root, node.items ?? firstOf(root, node, n => n.items));
    } else {
      node = resolve(root, propertiesOf(root, node)[step] ?? additional(root, node));
    }
  }
  return node;
}

/** The properties a mapping schema allows, merged over allOf/anyOf/oneOf. */
export function propertiesOf(root, node) {
  node = resolve(root, node);
  if (!node) {
    return {};
  }
  const merged = { ...(node.properties ?? {}) };
  for (const list of [node.allOf, node.anyOf, node.oneOf]) {
    for (const part of list ?? []) {
      Object.assign(merged, propertiesOf(root, part));
    }
  }
  return merged;
}

/** The enum values (or booleans) a value schema allows. */
export function valuesOf(root, node) {
  node = resolve(root, node);
  if (!node) {
    return [];
  }
  if (Array.isArray(node.enum)) {
    return node.enum;
  }
  if (node.const !== undefined) {
    return [node.const];
  }
  if (node.type === 'boolean') {
    return [true, false];
  }
  const values = [];
  for (const list of [node.allOf, node.anyOf, node.oneOf]) {
    for (const part of list ?? []) {
      values.push(...valuesOf(root, part));
    }
  }
  return values;
}

function additional(root, node) {
  return typeof node.additionalProperties === 'object' ? node.additionalProperties : null;
}

function firstOf(root, node, pick) {
  for (const list of [node.allOf, node.anyOf, node.oneOf]) {
    for (const part of list ?? []) {
      const found = pick(resolve(root, part) ?? {});
      if (found) {
        return found;
      }
    }
  }
  return null;
}

function resolve(root, node) {
  let guard = 0;
  while (node && typeof node.$ref === 'string' && guard++ < 32) {
    const match = /^#\/(definitions|\$defs)\/(.+)$/.exec(node.$ref);
    node = match ? root[match[1]]?.[decodeURIComponent(match[2])] : null;
  }
  return node ?? null;
}
