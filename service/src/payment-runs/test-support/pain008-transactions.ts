import { SaxesParser } from 'saxes';

/** End-to-end id and instructed amount of every transaction in a pain.008 file, read with an XML parser. */
export function pain008Transactions(xml: string): { endToEndId: string; amount: string }[] {
  const parser = new SaxesParser();
  const path: string[] = [];
  const found: { endToEndId: string; amount: string }[] = [];
  let text = '';
  parser.on('opentag', (tag) => {
    path.push(tag.name);
    text = '';
    if (tag.name === 'DrctDbtTxInf') found.push({ endToEndId: '', amount: '' });
  });
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('closetag', (tag) => {
    path.pop();
    const current = found[found.length - 1];
    if (!current || !path.includes('DrctDbtTxInf')) return;
    if (tag.name === 'EndToEndId') current.endToEndId = text.trim();
    if (tag.name === 'InstdAmt') current.amount = text.trim();
  });
  parser.write(xml).close();
  return found;
}
