import type { Lang } from '../lang.js';

const ja = {
  planHeader: ['行', '注文番号', '送付先', '配送会社', '伝票番号', '出荷日', '確認'],
  resultHeader: ['行', '注文番号', '伝票番号', '結果'],
  ok: 'OK',
  missingColumns: (missing: string, found: string) => `CSV に必要な列がありません: ${missing} (見つかった列: ${found})。1行目に見出しを付けてください。`,
  unknownColumns: (columns: string) => `知らない列は無視します: ${columns}`,
  emptyFile: 'CSV にデータ行がありません。',
  csvUnreadable: (path: string, reason: string) => `CSV ファイル ${path} を読めません (${reason})。`,
  yesAndDryRun: '--yes と --dry-run は同時に使えません。',
  badCsv: (line: number) => `CSV の ${line} 行目から始まる引用符 (") が閉じていません。`,
  shiftJis: 'CSV を Shift_JIS として読みました。',
  missingValue: (column: string) => `${column} が空です`,
  unknownCarrier: (value: string) => `配送会社「${value}」が分かりません: yamato / sagawa / japan_post などのコードか「ヤマト運輸」などの社名、その他は other と carrier_name 列を使ってください`,
  otherNeedsName: 'carrier が other のときは carrier_name 列に社名を書いてください',
  scientific: (value: string) => `伝票番号「${value}」が指数表記になっています (Excel が数値に変換しました)。列を文字列にして保存し直してください`,
  duplicate: (line: number) => `${line} 行目と同じ出荷です`,
  mallRule: (message: string) => message,
  planSummary: (valid: number, invalid: number) => `送信できる行: ${valid} / 問題のある行: ${invalid}`,
  dryRun: 'ドライラン: 何も送信していません。送信するには --yes を付けて再実行してください。',
  invalidStop: '問題のある行があるので何も送信していません。直して再実行するか、--skip-invalid で問題のない行だけ送信できます。',
  nothingToSend: '送信する行がありません。',
  sent: '送信しました',
  alreadyDone: '反映済みでした (変更なし)',
  failed: (message: string) => `失敗: ${message}`,
  notSent: '未送信 (処理が中断されたため)',
  invalidRow: (message: string) => `未送信 (問題あり: ${message})`,
  resultSummary: (succeeded: number, alreadyDone: number, failed: number, notSent: number) =>
    `成功 ${succeeded} / 反映済み ${alreadyDone} / 失敗 ${failed}${notSent > 0 ? ` / 未送信 ${notSent}` : ''}`,
  retryWritten: (count: number, path: string) => `送れなかった ${count} 行を ${path} に書きました。直してから mallkit ship --csv ${path} で再送できます。`,
  retryEmptied: (path: string) => `すべて送れたので ${path} は見出しだけになりました。`,
};

/** The ship command's messages of one language. */
export type ShipMessages = typeof ja;

const en: ShipMessages = {
  planHeader: ['line', 'order', 'destination', 'carrier', 'tracking', 'shipped', 'check'],
  resultHeader: ['line', 'order', 'tracking', 'result'],
  ok: 'OK',
  missingColumns: (missing, found) => `the CSV lacks required columns: ${missing} (found: ${found}); the first line must be the header.`,
  unknownColumns: (columns) => `ignoring unknown columns: ${columns}`,
  emptyFile: 'the CSV has no data rows.',
  csvUnreadable: (path, reason) => `cannot read the CSV file ${path} (${reason}).`,
  yesAndDryRun: '--yes and --dry-run exclude each other.',
  badCsv: (line) => `a quote (") opened on line ${line} of the CSV is never closed.`,
  shiftJis: 'read the CSV as Shift_JIS.',
  missingValue: (column) => `${column} is empty`,
  unknownCarrier: (value) => `unknown carrier "${value}": use a code (yamato, sagawa, japan_post…), a company name (ヤマト運輸…), or other with a carrier_name column`,
  otherNeedsName: 'carrier other needs the company in the carrier_name column',
  scientific: (value) => `tracking number "${value}" is in scientific notation (Excel turned it into a number): save the column as text`,
  duplicate: (line) => `same shipment as line ${line}`,
  mallRule: (message) => message,
  planSummary: (valid, invalid) => `rows ready: ${valid} / rows with problems: ${invalid}`,
  dryRun: 'dry run: nothing was sent. Run again with --yes to send.',
  invalidStop: 'some rows have problems, so nothing was sent. Fix them and run again, or send the good rows only with --skip-invalid.',
  nothingToSend: 'no rows to send.',
  sent: 'sent',
  alreadyDone: 'already recorded (nothing changed)',
  failed: (message) => `failed: ${message}`,
  notSent: 'not sent (the run was stopped)',
  invalidRow: (message) => `not sent (problem: ${message})`,
  resultSummary: (succeeded, alreadyDone, failed, notSent) =>
    `sent ${succeeded} / already recorded ${alreadyDone} / failed ${failed}${notSent > 0 ? ` / not sent ${notSent}` : ''}`,
  retryWritten: (count, path) => `wrote the ${count} row(s) not sent to ${path}; fix them and resend with mallkit ship --csv ${path}.`,
  retryEmptied: (path) => `everything was sent: ${path} now holds the header only.`,
};

/** The ship command's messages, by language. */
export const SHIP_MESSAGES: Readonly<Record<Lang, ShipMessages>> = { ja, en };
