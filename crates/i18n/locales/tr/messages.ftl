### Codes sent by SMS, phone call and email. Each names the service and the
### action being approved, and warns never to share the code.
### $service: the service's name; $code: the code; $digits: the code spelled
### out for speech; $minutes: how long it works; $action: code-action below.

# What the code approves, as a noun ("… için"). Its .sms wording has no
# Turkish letters outside GSM-7 (ş ğ ı ç İ), as the SMS below: with one,
# an SMS holds 70 characters, too few for the WebOTP line and a sentence.
code-action =
    { $purpose ->
        [login] oturum açma
        [withdrawal] para çekme onayı
        [security_change] güvenlik ayarlarınızın değiştirilmesi
        [support_call] destek görüşmenize katılım
        [verify_contact] bu iletişim bilgisinin onayı
       *[other] işlem onayı
    }
    .sms =
        { $purpose ->
            [login] oturum acma
            [withdrawal] para cekme onayi
            [security_change] guvenlik ayari degisikligi
            [support_call] destek gorusmesine katilim
            [verify_contact] iletisim bilgisi onayi
           *[other] islem onayi
        }
# $recipient: the payee, the destination, or "payee (destination)".
code-action-payment = { code-action }: { $amount } { $currency }, alıcı: { $recipient }

## The SMS: ONE segment with the WebOTP line; without Turkish letters
## outside GSM-7 (160 characters instead of 70).

code-sms = { $code }: { $action } icin { $service } kodunuz. { $minutes } dk gecerli. Kimseyle paylasmayin.
code-sms-payment = { $code }: { $amount } { $currency } odemesi icin { $service } kodu, alici { $recipient }. Kimseye vermeyin.
code-voice = Merhaba. Burası { $service }. { $action } için kodunuz: { $digits }. Tekrarlıyorum, kodunuz: { $digits }. Bu kodu asla kimseyle paylaşmayın. İyi günler.
# A call's first words: no code (a voicemail box must never record it).
code-call-prompt = Merhaba. Burası { $service }; { $action } için istediğiniz kodu iletmek üzere arıyoruz. Kodu dinlemek için şimdi telefonunuzda herhangi bir tuşa basın.
code-call-goodbye = Hiçbir tuşa basılmadığı için kod okunmayacak. İyi günler.
code-subject = { $service } kodunuz: { $code }

## The email's paragraphs.

email-hello = Merhaba,
code-email-intro = { $action } için { $service } kodunuz:
code-email-expiry = Kodun süresi { $minutes } dakika içinde dolar. Bu kodu asla kimseyle paylaşmayın: { $service } sizden bu kodu asla istemez.
code-email-not-you = Bu kodu siz istemediyseniz, birisi hesabınızı kullanmaya çalışıyor olabilir. Kodu hiçbir yere girmeyin ve şifrenizi değiştirmeyi düşünün.
