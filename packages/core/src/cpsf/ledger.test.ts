import { describe, expect, it } from 'vitest';
import { columnLetter, graphFromLedger, ledgerRows, type LedgerTable } from './ledger.ts';
import { model } from './test-fixtures.ts';

const table = (sheet: string, header: string[], rows: (string | number | null)[][]): LedgerTable => ({
  sheet,
  header,
  rows: rows.map((cells, i) => ({ row: i + 2, cells })),
});

describe('asset ledger (資産台帳)', () => {
  it('reads Japanese headers and words', () => {
    const r = graphFromLedger(
      table(
        'elements',
        ['資産番号', '資産名', '種類', '層', '重要度'],
        [
          ['PLC-1', 'ライン制御PLC', 'モノ', '第2層', '高'],
          ['SCADA', 'SCADA', 'システム', 3, null],
        ],
      ),
      table(
        'edges',
        ['ID', '接続元', '接続先', '種類', '暗号化'],
        [['e1', 'SCADA', 'PLC-1', 'ネットワーク', 'いいえ']],
      ),
    );
    expect(r.problems).toEqual([]);
    expect(r.graph.elements[0]).toMatchObject({
      id: 'PLC-1',
      component: 'thing',
      layer: 2,
      criticality: 'high',
    });
    expect(r.graph.edges).toEqual([
      { id: 'e1', from: 'SCADA', to: 'PLC-1', kind: 'network', encrypted: false },
    ]);
  });

  it('locates every problem by sheet, row and column', () => {
    const r = graphFromLedger(
      table(
        'elements',
        ['ID', 'Name', 'Component', 'Layer', 'Support ends'],
        [
          ['a', 'A', 'robot', '4', '2030/01/01'],
          ['a', null, 'system', 1, null],
          ['b', 'B', 'system', 1, '2030-02-30'],
        ],
      ),
      null,
    );
    expect(r.problems).toEqual([
      {
        code: 'bad_value',
        sheet: 'elements',
        row: 2,
        column: 'C',
        params: {
          value: 'robot',
          allowed:
            'ソシキ/ヒト/モノ/データ/プロシージャ/システム, organization/people/thing/data/procedure/system',
        },
      },
      {
        code: 'bad_value',
        sheet: 'elements',
        row: 2,
        column: 'D',
        params: { value: '4', allowed: '1, 2, 3' },
      },
      { code: 'bad_date', sheet: 'elements', row: 2, column: 'E', params: { value: '2030/01/01' } },
      { code: 'missing_value', sheet: 'elements', row: 3, column: 'B' },
      { code: 'duplicate_ref', sheet: 'elements', row: 3, column: 'A', params: { value: 'a', first: 2 } },
      { code: 'bad_date', sheet: 'elements', row: 4, column: 'E', params: { value: '2030-02-30' } },
    ]);
    expect(graphFromLedger(table('elements', ['ID', 'Name'], []), null).problems.map((p) => p.code)).toEqual([
      'missing_column',
      'missing_column',
    ]);
  });

  it('writes rows that read back to the same graph', () => {
    const g = model(
      [
        { id: 'o', name: 'Org', component: 'organization', layer: 1 },
        { id: 's', name: 'Srv', component: 'system', layer: 3, orgRef: 'o', categorization: { privacy: 3 } },
      ],
      [{ id: 'e', from: 'o', to: 's', kind: 'contract', authenticated: true }],
    );
    const rows = ledgerRows(g, 'ja');
    const asTable = (sheet: string, r: (string | number | boolean | null)[][]): LedgerTable => ({
      sheet,
      header: r[0]!.map(String),
      rows: r.slice(1).map((cells, i) => ({ row: i + 2, cells })),
    });
    const back = graphFromLedger(asTable('elements', rows.elements), asTable('edges', rows.edges));
    expect(back).toEqual({ graph: g, problems: [] });
    expect(columnLetter(0)).toBe('A');
    expect(columnLetter(26)).toBe('AA');
  });
});
