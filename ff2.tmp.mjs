import pty from '@lydell/node-pty';
const [mode, T] = process.argv.slice(2);
const args = mode==='min' ? ['scripts/minimal-ink-app.mjs'] : ['dist/cli.js','play','patient-dm-rash','--learner','Bench','--offline','--transcripts',T];
const marker = mode==='min' ? 'minimal ink app ready' : 'Reply to Jade';
const start = Date.now();
const p = pty.spawn(process.execPath, args, {cols:80,rows:24,env:process.env});
let out='';
p.onData(d=>{out+=d; if(out.includes(marker)){console.log(mode, Date.now()-start); out=''; p.kill('SIGKILL');}});
p.onExit(()=>process.exit(0));
