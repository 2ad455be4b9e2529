### SMS、電話、メールで送る認証コード。サービス名と承認する操作を必ず示し、
### コードを他人に教えないよう注意を促します。

# コードが承認する操作 (名詞句)。
code-action =
    { $purpose ->
        [login] ログイン
        [withdrawal] 出金の承認
        [security_change] セキュリティ設定の変更
        [support_call] サポート通話への参加
        [verify_contact] 連絡先の確認
       *[other] 操作の確認
    }
# 支払いを伴う操作。$recipient は支払先、送金先、または「支払先 (送金先)」。
code-action-payment = { code-action }: { $recipient } 宛 { $amount } { $currency }

## SMS: WebOTP 行を含めて 1 通 (UCS-2 で 70 文字) に収めます。

code-sms = { $service }認証コード { $code }（{ $action }用・{ $minutes }分有効）。他人に教えないでください
code-sms-payment = { $service }認証コード { $code }（{ $recipient }宛 { $amount } { $currency } の支払用）。他人に教えないでください
code-voice = こんにちは。{ $service } です。{ $action }用のコードは { $digits } です。もう一度申し上げます。コードは { $digits } です。このコードは誰にも教えないでください。失礼いたします。
# 通話の最初の言葉: コードは含めません (留守番電話に録音されないように)。
code-call-prompt = こんにちは。{ $service } です。ご依頼の{ $action }用のコードをお知らせします。お聞きになるには、電話のいずれかのキーを押してください。
code-call-goodbye = キーが押されなかったため、コードは読み上げません。失礼いたします。
code-subject = { $service } の認証コード: { $code }

## メールの本文。

email-hello = いつもご利用いただきありがとうございます。
code-email-intro = { $service } の{ $action }用のコードは次のとおりです:
code-email-expiry = このコードの有効期限は { $minutes } 分です。誰にも教えないでください。{ $service } がお客様にコードを尋ねることは決してありません。
code-email-not-you = このコードに心当たりがない場合、第三者がお客様のアカウントを使用しようとしている可能性があります。コードはどこにも入力せず、パスワードの変更をご検討ください。
