import type { Lang } from '../lang.js';

/*
 * The help texts, one per command and one overview, in both languages. Kept as plain text next to
 * each other so that a flag added to a command is added to both languages in one place.
 */

const OVERVIEW: Readonly<Record<Lang, string>> = {
  ja: `mallkit — 日本のECモールの認証情報・受注・出荷をコマンドラインで

使い方: mallkit <コマンド> [オプション]

コマンド:
  creds     設定ファイルの全ショップの認証情報の期限を一覧 (期限切れ・期限間近なら終了コード 3)
  orders    受注を table / ndjson / csv で出力
  ship      CSV の出荷情報 (伝票番号) を確認し、--yes で送信
  sandbox   モールのサンドボックスを HTTP サーバーとして起動 (どの言語の OMS からでも)

共通オプション:
  --config FILE   設定ファイル (既定: ./mallkit.toml、環境変数 MALLKIT_CONFIG)
  --lang ja|en    表示言語 (既定: ja、環境変数 MALLKIT_LANG)
  --debug         エラーの詳細 (スタックトレース) を表示
  -h, --help      ヘルプ

終了コード: 0 正常 / 1 失敗 / 2 使い方・設定の誤り (何もしていません) / 3 要対応あり
mallkit <コマンド> --help で各コマンドの説明を表示します。
`,
  en: `mallkit — credentials, orders and shipments of Japanese e-commerce malls, from the command line

usage: mallkit <command> [options]

commands:
  creds     every credential of every shop in the config file, by expiry (exit 3 when any needs action)
  orders    orders as table, ndjson or csv
  ship      check shipments (tracking numbers) from a CSV, and send them with --yes
  sandbox   a mall's sandbox as an HTTP server, for an OMS in any language

options of every command:
  --config FILE   the config file (default ./mallkit.toml, or MALLKIT_CONFIG)
  --lang ja|en    language (default ja, or MALLKIT_LANG)
  --debug         show error details (stack traces)
  -h, --help      help

exit codes: 0 ok / 1 failed / 2 wrong usage or config (nothing done) / 3 something needs a person
mallkit <command> --help describes a command.
`,
};

const COMMANDS: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  creds: {
    ja: `使い方: mallkit creds [--config FILE] [--shop 名前]... [--json]

設定ファイルの全ショップの全認証情報を、対処が急ぐ順 (期限切れ・無効 → 期限間近 → 不明 → 有効) に表示します。
秘密の値は表示しません。確認できなかったショップも行として表示します。
  --shop 名前   このショップだけ (複数指定可)
  --json        JSON で出力 (ok、needsAction、credentials[])
終了コード: 0 すべて有効 / 3 期限切れ・期限間近・無効・確認できず があった (cron 向け)
`,
    en: `usage: mallkit creds [--config FILE] [--shop NAME]... [--json]

Lists every credential of every shop in the config file, most urgent first (expired or invalid,
then expiring, unknown, valid). Secret values are never shown. A shop that cannot be checked is a row too.
  --shop NAME   only this shop (repeatable)
  --json        JSON output (ok, needsAction, credentials[])
exit: 0 all valid / 3 something expired, expiring, invalid or not checked (for cron)
`,
  },
  orders: {
    ja: `使い方: mallkit orders --shop 名前 --from 日時 [--to 日時] [--status 状態,...] [--date-type 種類] [--format table|ndjson|csv]
        mallkit orders --shop 名前 --since-cursor ファイル [--from 日時] [--format ndjson|csv|table]

受注を1件ずつ標準出力に書きます。進捗・読めなかった注文・変換できなかった値は標準エラーに出します。
  --from, --to   2026-11-01 (日本時間のその日)、2026-11-01T09:00 (日本時間)、+09:00 付きの時刻、7d / 12h / 30m (その時間だけ前)
  --status       pending_confirmation, confirmed, awaiting_payment, ready_to_ship, shipped, delivered, completed, cancel_requested, cancelled, on_hold
  --date-type    ordered (既定), updated, confirmed, shipped, paid, released (モールが対応するもの)
  --format       table (既定), ndjson (1行1注文の JSON), csv (1行1商品)
  --raw          ndjson にモールの元データ (raw) も含める
  --bom          csv の先頭に BOM を付ける (Excel で開くとき)
  --since-cursor ファイル
                 差分取得: 前回から新しく入った・変わった注文だけを出します (ndjson では {type, key, changedFields, order})。
                 初回は --from から (省略時はモールの既定の遡及期間)。成功したときだけファイルに次回のカーソルを保存します。
終了コード: 0 正常 / 3 読めない注文があった / 1 途中で失敗 (出力済みの注文は有効、カーソルは前回のまま)
`,
    en: `usage: mallkit orders --shop NAME --from TIME [--to TIME] [--status S,...] [--date-type TYPE] [--format table|ndjson|csv]
       mallkit orders --shop NAME --since-cursor FILE [--from TIME] [--format ndjson|csv|table]

Writes the shop's orders to standard output as they arrive; progress, unreadable orders and values
no mapping table knew go to standard error.
  --from, --to   2026-11-01 (that JST day), 2026-11-01T09:00 (JST), a time with offset, or 7d / 12h / 30m (that long ago)
  --status       pending_confirmation, confirmed, awaiting_payment, ready_to_ship, shipped, delivered, completed, cancel_requested, cancelled, on_hold
  --date-type    ordered (default), updated, confirmed, shipped, paid, released (those the mall has)
  --format       table (default), ndjson (one JSON order per line), csv (one row per order line)
  --raw          include the mall's own record (raw) in ndjson
  --bom          start the csv with a BOM (for Excel)
  --since-cursor FILE
                 incremental sync: only the orders new or changed since the cursor in FILE (ndjson lines are
                 {type, key, changedFields, order}); the first run starts at --from (default: the mall's look-back).
                 The next cursor is saved to FILE only when the run succeeded.
exit: 0 ok / 3 some orders could not be read / 1 the sync failed (orders already written stay valid, the cursor is unchanged)
`,
  },
  ship: {
    ja: `使い方: mallkit ship --shop 名前 --csv ファイル [--yes] [--skip-invalid] [--failed ファイル]

CSV の全行を確認し (列、配送会社、日付、モール独自のルール — 何も送信せずに)、送信内容を表示します。
既定はドライランです。--yes で送信し、行ごとの結果を表示します。送れなかった行は再送用ファイルに書きます。
CSV の列: order_id (注文番号), carrier (配送会社: yamato / sagawa / japan_post… または社名), tracking_number (伝票番号),
          shipped_at (出荷日: 2026-11-20 または 2026/11/20)、任意で delivery_id (送付先ID), carrier_name, shipping_method
  --yes           送信する
  --dry-run       送信しない (既定)
  --skip-invalid  問題のある行を除いて送信する (除いた行は再送用ファイルへ)
  --failed FILE   再送用ファイル (既定: 入力ファイル名.failed.csv)
UTF-8 と Shift_JIS (Excel) の CSV を読めます。
終了コード: 0 すべて完了 / 3 送れなかった行がある / 1 モール側のエラーで中断 (未送信の行は再送用ファイルへ)
`,
    en: `usage: mallkit ship --shop NAME --csv FILE [--yes] [--skip-invalid] [--failed FILE]

Checks every row of the CSV (columns, carriers, dates, then the mall's own rules — nothing sent) and
prints what would be sent. A dry run by default; --yes sends and prints each row's result. Rows not
sent are written to a retry file.
columns: order_id, carrier (yamato / sagawa / japan_post… or a company name), tracking_number,
         shipped_at (2026-11-20 or 2026/11/20); optional delivery_id, carrier_name, shipping_method
  --yes           send
  --dry-run       do not send (the default)
  --skip-invalid  send the good rows, put the others in the retry file
  --failed FILE   the retry file (default: INPUT.failed.csv)
Reads UTF-8 and Shift_JIS (Excel) CSV.
exit: 0 all done / 3 some rows not sent / 1 stopped by a connector-wide error (the rest is in the retry file)
`,
  },
  sandbox: {
    ja: `使い方: mallkit sandbox --mall モール [--port N] [--orders N] [--seed S] [--days D] [--rate-scale X]

モールのサンドボックス (本物の電文形式・状態・ルール) を 127.0.0.1 の HTTP サーバーとして起動します。
OMS のベース URL を表示された URL に向けてください。認証情報は GET /__mallkit/connection で取得できます。
  --mall         rakuten, yahoo, amazon, aupay, qoo10, shopserve, makeshop
  --port N       ポート (既定 0: 空いているポート)
  --orders N     最初に入れる注文数 (既定 50)、--seed S で内容が決まります (既定 1)、--days D で過去何日分か (既定 30)
  --rate-scale X QPS 制限を X 倍に緩める (既定 1: モールの実際の制限)
管理 API (JSON): GET /__mallkit, GET /__mallkit/connection, GET|POST /__mallkit/clock, POST|DELETE /__mallkit/faults,
  POST /__mallkit/seed, POST /__mallkit/expire-credential, GET /__mallkit/log, POST /__mallkit/reset
Ctrl+C で停止します。
`,
    en: `usage: mallkit sandbox --mall MALL [--port N] [--orders N] [--seed S] [--days D] [--rate-scale X]

Serves the mall's sandbox (its real wire format, state and rules) as an HTTP server on 127.0.0.1.
Point your OMS's base URL at the URL printed; GET /__mallkit/connection gives the credentials.
  --mall         rakuten, yahoo, amazon, aupay, qoo10, shopserve, makeshop
  --port N       the port (default 0: a free one)
  --orders N     orders seeded at start (default 50); --seed S picks them (default 1); --days D over how many past days (default 30)
  --rate-scale X loosen the QPS limits X times (default 1: the mall's real limits)
admin API (JSON): GET /__mallkit, GET /__mallkit/connection, GET|POST /__mallkit/clock, POST|DELETE /__mallkit/faults,
  POST /__mallkit/seed, POST /__mallkit/expire-credential, GET /__mallkit/log, POST /__mallkit/reset
Ctrl+C stops it.
`,
  },
};

/** The help text of a command, or the overview. */
export function helpText(command: string | null, lang: Lang): string {
  return (command !== null ? COMMANDS[command]?.[lang] : undefined) ?? OVERVIEW[lang];
}
