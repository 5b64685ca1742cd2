import "reflect-metadata";
import { writeFile } from "node:fs/promises";
import { directorySdlPath, printDirectorySdl } from "./directory-sdl.ts";

await writeFile(directorySdlPath, await printDirectorySdl());
console.log(`wrote ${directorySdlPath}`);
