import { buildChildBundle } from "./child-bundle-nomin";
import fs from "node:fs";
buildChildBundle().then((b) => { fs.copyFileSync(b.file, process.argv[2]); b.cleanup(); console.log("built", process.argv[2]); });
