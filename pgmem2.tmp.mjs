import { readFileSync } from 'node:fs';
function regions(){ const s=readFileSync('/proc/self/smaps','utf8').split('\n'); let cur=null; const out=new Map(); for(const l of s){ if(/^[0-9a-f]+-[0-9a-f]+ /.test(l)){ const [a,b]=l.split(' ')[0].split('-'); cur={key:a, size:(parseInt(b,16)-parseInt(a,16))/1048576,name:l.split(/\s+/).slice(1,2).join(' ')+' '+l.split(/\s+/).slice(5).join(' '),rss:0}; out.set(a,cur);} else if(l.startsWith('Rss:')) cur.rss=parseInt(l.split(/\s+/)[1])/1024; } return out; }
const { PGlite } = await import('@electric-sql/pglite');
const before = regions();
const opts = { startParams: [...PGlite.defaultStartParams, '-c', 'shared_buffers=' + (process.env.SB||'32MB')] };
const db = await PGlite.create(process.argv[2], opts);
await db.query('select 1');
await new Promise(r=>setTimeout(r,1000)); globalThis.gc?.(); await new Promise(r=>setTimeout(r,1000)); globalThis.gc?.();
const after = regions();
let tot=0;
for (const [k,r] of after){ const b=before.get(k); const d=r.rss-(b?b.rss:0); tot+=d; if (Math.abs(d)>1) console.log(`${k} size ${r.size.toFixed(0)}M rss ${r.rss.toFixed(1)} delta ${d.toFixed(1)} ${r.name}`); }
console.log('total delta', tot.toFixed(0), 'wasm mem bytes?', process.memoryUsage().external/1048576|0, 'heapUsed', process.memoryUsage().heapUsed/1048576|0);
process.exit(0);
