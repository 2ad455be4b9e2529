### サポートセンター (/support) とセルフサービスツール。

support-title = サポートセンター
support-lead = セルフサービスツールです。サポート担当者がお客様に認証コードを尋ねることは決してありません。
support-join-tool = ビデオ通話の予約に参加
support-join-tool-hint = ご本人であることを確認したうえで、サポートと予約した通話に参加します。
support-check-tool = 担当者が本物か確認
support-check-tool-hint = サポートを名乗る人物から連絡がありましたか？相手が読み上げたコードをご確認ください。
support-join-title = ビデオ通話に参加
support-join-lead = サポートとのやり取りで受け取った予約コードを入力してください。
support-appointment-code = 予約コード
support-appointment-code-hint = 英数字12文字 (例: 7KQ2-9XMD-4TPR)
support-continue = 次へ
support-verify-lead = 通話の相手:
support-totp-code = 認証アプリのコード
support-totp-hint = このアカウントについてアプリに表示される6桁のコードです。
support-email-code = メールで届いたコード
support-email-hint = 送信先:
support-verify-button = 確認して参加
support-join-button = ビデオ通話に参加
support-check-title = この担当者は本物ですか？
support-check-lead = 担当者にコードを読み上げてもらい、予約コードと一緒に入力してください。
support-agent-code = 担当者のコード
support-check-button = 確認

## ページのスクリプトが表示する文言。$agent と $n はスクリプトが埋め込みます。

support-msg-working = お待ちください…
support-msg-verified = 本人確認が完了しました。通話に参加できます。
support-msg-genuine = 本物です: { $agent } は当社のサポート担当者です。
support-msg-not-genuine = このコードは正しくありません。何も伝えずに通話を終了し、当社ウェブサイトからご連絡ください。
support-msg-not-found = この予約コードは登録されていません。ご確認のうえ、もう一度お試しください。
support-msg-too-early = まだ開始前です。通話は開始15分前から参加できます。
support-msg-too-late = この通話は終了しました。サポートで新しく予約してください。
support-msg-appointment-cancelled = この予約はキャンセルされました。
support-msg-invalid-code = このコードは正しくありません。
support-msg-attempts-left = あと { $n } 回入力できます。
support-msg-too-many-attempts = 誤ったコードが多すぎます。予約コードの入力からやり直してください。
support-msg-rate-limited = この接続からの試行回数が多すぎます。
support-msg-retry = { $n } 分後にもう一度お試しください。
support-msg-locked = 誤ったコードが続いたため、アカウントはしばらくロックされています。
support-msg-policy-unsatisfiable = 本人確認付きの通話には認証アプリが必要です。アカウントのセキュリティ設定で設定してください。
support-msg-expired = この本人確認は有効期限が切れました。最初からやり直してください。
support-msg-not-join-session = このブラウザはこの通話に参加していません。予約コードの入力からやり直してください。
support-msg-error = 問題が発生しました。もう一度お試しください。
