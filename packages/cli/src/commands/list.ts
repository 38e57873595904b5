import type { Registry } from "../scenario/computation";
import { table } from "../render/table";
import { EXIT, type Io, type Lang } from "./io";

/**
 * `sannong list`: the computations a scenario can name.
 * @internal
 */
export function listCommand(registry: Registry, lang: Lang, json: boolean, io: Io): number {
  const rows = registry.ids().map((id) => registry.get(id)!);
  if (json) {
    io.out(
      JSON.stringify(
        rows.map((c) => ({
          id: c.id,
          label: c.label ?? null,
          parameters: c.parameters ? [...c.parameters.parameters.keys()] : [],
        })),
        null,
        2,
      ),
    );
    return EXIT.OK;
  }
  const zh = lang === "zh";
  io.out(
    table(
      zh ? ["计算", "名称", "可覆盖的参数"] : ["computation", "name", "parameters"],
      rows.map((c) => [c.id, c.label?.[lang] ?? "", c.parameters ? String(c.parameters.parameters.size) : "—"]),
    ),
  );
  io.out(
    zh
      ? `共 ${rows.length} 个计算。场景文件写 computation: <计算>。`
      : `${rows.length} computations. A scenario file names one with computation: <id>.`,
  );
  return EXIT.OK;
}
