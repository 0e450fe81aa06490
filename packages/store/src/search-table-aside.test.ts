import { describe, expect, it } from 'vitest';
import { asideSearchTable } from './search-table-aside';

describe('asideSearchTable', () => {
  it('keeps the columns and tokenizer of an external-content table and drops where its content lives', () => {
    expect(
      asideSearchTable(
        `CREATE VIRTUAL TABLE item_search using fts5(title, rationale, content='items', content_rowid='id', tokenize='porter unicode61')`,
      ),
    ).toEqual({
      table: 'item_search',
      createAside: `create virtual table main.item_search using fts5(title, rationale, tokenize='porter unicode61', content='')`,
      contentTable: 'items',
      contentRowid: 'id',
      columns: ['title', 'rationale'],
    });
  });

  it('takes rowid when the content table names no rowid column', () => {
    expect(asideSearchTable(`create virtual table s using fts5(body, content='docs')`)).toMatchObject({
      contentTable: 'docs',
      contentRowid: 'rowid',
      columns: ['body'],
    });
  });

  it('leaves alone what is not an external-content FTS5 table', () => {
    expect(asideSearchTable(`create virtual table s using fts5(body)`)).toBeNull();
    expect(asideSearchTable(`create virtual table s using fts5(body, content='')`)).toBeNull();
    expect(asideSearchTable(`create virtual table s using rtree(id, x0, x1)`)).toBeNull();
    expect(asideSearchTable(`create table s (body text)`)).toBeNull();
  });

  it('refuses names it would have to quote', () => {
    expect(() => asideSearchTable(`create virtual table s using fts5(body, content='my docs')`)).toThrow(
      /content table "my docs" is not a plain name/,
    );
  });
});
