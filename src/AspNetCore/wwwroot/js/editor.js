// The Monaco editor (AMD build served at monaco/vs) with YAML highlighting, markers for findings and load errors, and
// completion and hover from a JSON Schema by the YAML path at the cursor (our own small provider over the schema).

import { cursorContext, propertiesOf, schemaAt, valuesOf } from './yaml-path.js';

let monacoPromise;
const schemas = new Map();

/** Loads Monaco once; resolves with the global monaco namespace. */
export function loadMonaco() {
  monacoPromise ??= new Promise((resolve, reject) => {
    const script = document.createElement('script');
    script.src = 'monaco/vs/loader.js';
    script.addEventListener('load', () => {
      const amd = window.require;
      amd.config({ paths: { vs: new URL('monaco/vs', document.baseURI).href.replace(/\/$/, '') } });
      amd(['vs/editor/editor.main'], () => {
        registerSchemaProviders(window.monaco);
        resolve(window.monaco);
      }, reject);
    });
    script.addEventListener('error', () => reject(new Error('De editor (Monaco) kon niet worden geladen.')));
    document.head.append(script);
  });
  return monacoPromise;
}

/** Creates a YAML editor in a container. */
export async function createEditor(container, { ariaLabel, readOnly = false } = {}) {
  const monaco = await loadMonaco();
  const editor = monaco.editor.create(container, {
    value: '',
    language: 'yaml',
    automaticLayout: true,
    minimap: { enabled: false },
    readOnly,
    ariaLabel,
    tabSize: 2,
    insertSpaces: true,
    scrollBeyondLastLine: false,
    wordBasedSuggestions: false,
    renderWhitespace: 'boundary',
    fixedOverflowWidgets: true,
  });
  return { monaco, editor };
}

/** Uses a JSON Schema for completion and hover in one model. */
export function attachSchema(model, schema) {
  schemas.set(model.uri.toString(), schema);
  model.onWillDispose(() => schemas.delete(model.uri.toString()));
}

const markerSeverity = { error: 8, warning: 4, info: 2 };

/**
 * Sets the markers of a model: every finding at its subject's line and column, every load error or lint issue at
 * its span. Owner 'procurement' so other marker sources are left alone.
 */
export function setMarkers(monaco, model, { findings = [], diagnostics = [] }) {
  const markers = [];
  const lastLine = model.getLineCount();
  const clampLine = line => Math.min(Math.max(line || 1, 1), lastLine);
  for (const finding of findings) {
    if (!finding.line) {
      continue;
    }
    const line = clampLine(finding.line);
    const severity = finding.waiver && finding.waiver.state === 'active' ? 'info' : finding.severity;
    markers.push({
      severity: markerSeverity[severity] ?? 2,
      message: `${finding.ruleId} ${finding.title}\n${finding.message}`,
      source: finding.reference || finding.ruleId,
      code: finding.ruleId,
      startLineNumber: line,
      startColumn: Math.max(finding.column || 1, 1),
      endLineNumber: line,
      endColumn: model.getLineMaxColumn(line),
    });
  }
  for (const d of diagnostics) {
    const line = clampLine(d.line);
    const endLine = clampLine(d.endLine || d.line);
    let endColumn = d.endColumn && (d.endLine > d.line || d.endColumn > d.column) ? d.endColumn : model.getLineMaxColumn(endLine);
    if (endLine === line && endColumn <= (d.column || 1)) {
      endColumn = model.getLineMaxColumn(line);
    }
    markers.push({
      severity: markerSeverity[d.severity ?? 'error'] ?? 8,
      message: d.message,
      code: d.code,
      startLineNumber: line,
      startColumn: Math.max(d.column || 1, 1),
      endLineNumber: endLine,
      endColumn,
    });
  }
  monaco.editor.setModelMarkers(model, 'procurement', markers);
}

/** Moves the cursor to a line and column, scrolls it into the middle and gives the editor focus. */
export function revealLine(editor, line, column = 1) {
  editor.setPosition({ lineNumber: line, column: Math.max(column, 1) });
  editor.revealLineInCenter(line);
  editor.focus();
}

function describe(schema) {
  const parts = [];
  if (schema.description) {
    parts.push(schema.description);
  }
  if (Array.isArray(schema.enum)) {
    parts.push(`Toegestaan: ${schema.enum.map(v => `\`${v}\``).join(', ')}`);
  } else if (schema.type) {
    parts.push(`Type: \`${[].concat(schema.type).join(' | ')}\``);
  }
  return parts.join('\n\n');
}

function registerSchemaProviders(monaco) {
  monaco.languages.registerCompletionItemProvider('yaml', {
    triggerCharacters: [' ', ':', '-', '{', ','],
    provideCompletionItems(model, position) {
      const root = schemas.get(model.uri.toString());
      if (!root) {
        return { suggestions: [] };
      }
      const context = cursorContext(model.getValue(), position.lineNumber, position.column);
      const range = new monaco.Range(position.lineNumber, position.column - context.word.length,
        position.lineNumber, position.column);
      const node = schemaAt(root, context.path);
      if (context.kind === 'value') {
        return {
          suggestions: valuesOf(root, node).map(value => ({
            label: String(value),
            kind: monaco.languages.CompletionItemKind.EnumMember,
            insertText: String(value),
            documentation: node?.description,
            range,
          })),
        };
      }
      const properties = propertiesOf(root, node);
      const required = new Set(node?.required ?? []);
      return {
        suggestions: Object.entries(properties).map(([name, property]) => ({
          label: name,
          kind: monaco.languages.CompletionItemKind.Property,
          insertText: `${name}: `,
          detail: required.has(name) ? 'verplicht' : undefined,
          documentation: { value: describe(schemaAt(root, [...context.path, name]) ?? property) },
          sortText: `${required.has(name) ? 0 : 1}${name}`,
          range,
        })),
      };
    },
  });
  monaco.languages.registerHoverProvider('yaml', {
    provideHover(model, position) {
      const root = schemas.get(model.uri.toString());
      const word = model.getWordAtPosition(position);
      if (!root || !word) {
        return null;
      }
      const lineText = model.getLineContent(position.lineNumber);
      const isKey = /^\s*:/.test(lineText.slice(word.endColumn - 1));
      if (!isKey) {
        return null;
      }
      const context = cursorContext(model.getValue(), position.lineNumber, word.startColumn);
      const node = schemaAt(root, [...context.path, word.word]);
      if (!node) {
        return null;
      }
      return {
        range: new monaco.Range(position.lineNumber, word.startColumn, position.lineNumber, word.endColumn),
        contents: [{ value: `**${word.word}**` }, { value: describe(node) }],
      };
    },
  });
}
