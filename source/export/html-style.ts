// Inline, so the file stands alone (no fonts, images or scripts fetched). Every state has a symbol
// or a word as well as a colour, so it reads the same in greyscale print and to colour-blind readers.
export const HTML_STYLE = `
:root { color-scheme: light; --ink: #1c2128; --muted: #57606a; --line: #c9d1d9; --partner: #f2f3f5; --learner: #e6f0fb;
	--met: #1a7f37; --missed: #8a5a00; --flag: #b42318; --evidence: #fff1a8; --evidence-line: #9a7b00; --flagged: #fde4e1; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: #fff; color: var(--ink); font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 52rem; margin: 0 auto; padding: 2rem 1.25rem 3rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: 0 0 .75rem; }
h2 { font-size: 1.25rem; margin: 2.25rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: 0; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.key { font-size: .9rem; color: var(--muted); margin: 0 0 1rem; }
.turns { list-style: none; margin: 0; padding: 0; }
.turn { width: fit-content; max-width: 82%; margin: 0 0 1rem; break-inside: avoid; page-break-inside: avoid; }
.turn.learner { margin-left: auto; }
.bubble { border: 1px solid var(--line); border-radius: 1rem; padding: .55rem .9rem .65rem; }
.partner .bubble { background: var(--partner); border-bottom-left-radius: .2rem; }
.learner .bubble { background: var(--learner); border-bottom-right-radius: .2rem; }
.who { margin: 0 0 .2rem; font-size: .85rem; color: var(--muted); }
.who strong { color: var(--ink); }
.text { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.attachment { margin: .4rem 0 0; font-size: .9rem; font-style: italic; }
mark { color: inherit; background: var(--evidence); border-bottom: 2px solid var(--evidence-line); border-radius: 2px; padding: 0 .08em; }
mark::after { content: attr(data-mark); font-size: .65em; font-weight: 700; vertical-align: super; line-height: 0; margin-left: .12em; }
mark.flag { background: var(--flagged); border-bottom: 2px dashed var(--flag); }
.results, .comments { list-style: none; margin: .35rem .25rem 0; padding: 0; font-size: .88rem; }
.results li { margin: .1rem 0; }
.sign { font-weight: 700; }
.met .sign { color: var(--met); }
.missed .sign, .against .sign { color: var(--missed); }
.flag .sign, .red-flag .sign { color: var(--flag); }
.tag { display: inline-block; min-width: 1.3em; padding: 0 .25em; border: 1px solid currentColor; border-radius: .3em; font-size: .75em; font-weight: 700; text-align: center; }
.comment { margin-top: .4rem; padding: .4rem .7rem; border-left: 3px solid var(--muted); background: #fafafa; }
.comment p { margin: 0; white-space: pre-wrap; }
.comment .by { font-size: .85em; color: var(--muted); white-space: normal; }
.total { font-variant-numeric: tabular-nums; }
.capped { margin: 0 0 .75rem; }
table { width: 100%; border-collapse: collapse; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .4rem .5rem; border-bottom: 1px solid var(--line); }
th { font-weight: 600; border-bottom-width: 2px; }
td.points { white-space: nowrap; font-variant-numeric: tabular-nums; }
td.result { white-space: nowrap; }
/* A learner's link or unbroken word wraps rather than pushing the page wider than A4. */
td.evidence, .results, .comment, .steps, .flags, .answer, .why { overflow-wrap: anywhere; }
.steps, .flags { padding-left: 1.5rem; }
.steps li, .flags li { margin: .35rem 0; break-inside: avoid; page-break-inside: avoid; }
.flags { list-style: none; padding-left: 0; }
.why { margin: .15rem 0 0; }
.answer { margin: 0 0 .75rem; white-space: pre-wrap; }
.outcome { display: inline-block; padding: .05rem .5rem; border: 1.5px solid currentColor; border-radius: .4rem; font-weight: 700; }
.none { color: var(--muted); }
footer { margin-top: 2.5rem; padding-top: .5rem; border-top: 1px solid var(--line); font-size: .8rem; color: var(--muted); }
@page { size: A4; margin: 16mm 15mm 18mm; }
@media print {
	* { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
	body { font-size: 10.5pt; line-height: 1.4; }
	main { max-width: none; padding: 0; }
	h1 { font-size: 17pt; }
	h2 { font-size: 13pt; margin-top: 14pt; }
	h2, h3 { break-after: avoid; page-break-after: avoid; }
	tr, .comment, .answer, .facts { break-inside: avoid; page-break-inside: avoid; }
	.turn { max-width: 88%; }
}
`;
