/** A registry file that cannot be served, with every problem found, each naming its entry and field. */
export class RegistryValidationError extends Error {
  override name = "RegistryValidationError";

  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`${source}: ${problems.length === 1 ? "1 problem" : `${problems.length} problems`}\n${problems.map((p) => `  - ${p}`).join("\n")}`);
  }
}
