import fs from "node:fs"; import zlib from "node:zlib";
import { Inflate, inflateSync } from "fflate";
import { openZip } from "/work/main/src/engine/xlsx-zip";
const zip = openZip(fs.readFileSync("/tmp/rb/in.xlsx"));
const e = zip.entries.find(e => e.name.includes("sheet1"))!;
const at = e.localOffset; const ds = at + 30 + zip.bytes.readUInt16LE(at+26) + zip.bytes.readUInt16LE(at+28);
const data = zip.bytes.subarray(ds, ds + e.compressedSize);
console.log(e.declaredSize, e.compressedSize);
function t(name: string, f: () => void) { for (let k=0;k<3;k++){ const s=performance.now(); f(); if(k==2) console.log(name, (performance.now()-s).toFixed(1)); } }
for (const CH of [16384, 65536, 262144]) t("fflate stream "+CH, () => { let n=0; const inf = new Inflate((p)=>{n+=p.length}); for (let i=0;i<data.length;i+=CH) inf.push(data.subarray(i, Math.min(data.length,i+CH)), i+CH>=data.length); });
t("fflate sync", () => inflateSync(data));
t("zlib sync", () => zlib.inflateRawSync(data, { maxOutputLength: e.declaredSize + 1 }));
(async () => {
  for (let k=0;k<3;k++){ const s=performance.now(); await new Promise<void>((res, rej) => { const z = zlib.createInflateRaw({ chunkSize: 65536 }); let n=0; z.on("data", (c: Buffer)=>{n+=c.length}); z.on("end", ()=>res()); z.on("error", rej); z.end(data); }); if(k==2) console.log("zlib stream", (performance.now()-s).toFixed(1)); }
})();
