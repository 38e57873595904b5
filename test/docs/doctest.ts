/**
 * Turns the ```ts blocks of a markdown guide into a runnable module in which
 * every line ending `// → VALUE` asserts that the expression (or the variable
 * a `const x = …` line declares) equals VALUE after a JSON round trip (so
 * Money compares as its decimal string). Used by the guides test so a guide's
 * numbers cannot drift from the code (DOCS-SITE-1).
 */
export interface DocCheck {
  line: number;
  source: string;
}

const CHECK = /^(\s*)(.*?);?\s*\/\/\s*→\s*(.+)$/;
const DECL = /^(?:const|let)\s+([A-Za-z_$][\w$]*)(?:\s*:[^=]+)?\s*=\s*([\s\S]+)$/;

/** The ts blocks of a markdown file, each with its first line number. */
export function codeBlocks(markdown: string): { startLine: number; code: string }[] {
  const out: { startLine: number; code: string }[] = [];
  const lines = markdown.split("\n");
  for (let i = 0; i < lines.length; i++) {
    if (/^```(ts|typescript)\s*$/.test(lines[i]!)) {
      const start = i + 2;
      const body: string[] = [];
      for (i++; i < lines.length && !/^```\s*$/.test(lines[i]!); i++) body.push(lines[i]!);
      out.push({ startLine: start, code: body.join("\n") });
    }
  }
  return out;
}

/** The module source for a guide, and how many checks it holds. */
export function doctestModule(markdown: string): { source: string; checks: number } {
  const imports: string[] = [];
  const named = new Map<string, Set<string>>();
  const body: string[] = [];
  let checks = 0;
  for (const block of codeBlocks(markdown)) {
    body.push("{");
    block.code.split("\n").forEach((raw, k) => {
      const lineNo = block.startLine + k;
      const im = /^\s*import\s*\{([^}]*)\}\s*from\s*["']([^"']+)["'];?\s*$/.exec(raw);
      if (im) {
        const set = named.get(im[2]!) ?? new Set<string>();
        for (const n of im[1]!
          .split(",")
          .map((x) => x.trim())
          .filter(Boolean))
          set.add(n);
        named.set(im[2]!, set);
        return;
      }
      if (/^\s*import\s/.test(raw)) {
        imports.push(raw);
        return;
      }
      const m = CHECK.exec(raw);
      if (!m) {
        body.push(raw);
        return;
      }
      checks++;
      const [, indent, stmt, expected] = m;
      const decl = DECL.exec(stmt!);
      if (decl) {
        body.push(`${indent}${stmt};`);
        body.push(`${indent}__check(${lineNo}, () => ${decl[1]}, ${JSON.stringify(expected!.trim())});`);
      } else {
        body.push(`${indent}__check(${lineNo}, () => (${stmt}), ${JSON.stringify(expected!.trim())});`);
      }
    });
    body.push("}");
  }
  const source = [
    ...[...named].map(([from, names]) => `import { ${[...names].join(", ")} } from ${JSON.stringify(from)};`),
    ...imports,
    "const __check = (globalThis as unknown as { __docCheck: (line: number, actual: () => unknown, expected: string) => void }).__docCheck;",
    ...body,
    "export {};",
  ].join("\n");
  return { source, checks };
}
