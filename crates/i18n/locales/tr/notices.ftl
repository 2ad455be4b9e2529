### Security notices: told to every verified contact when the account's
### security changes, and alerts about something seen. $service: the
### service's name; $when: a datetime; $until: when withdrawals are held to.

notice-subject = { $service } hesabınızda güvenlik değişikliği
notice-alert-subject = { $service } hesabınız için güvenlik uyarısı

## What happened ($what below), for the email.

notice-factor-added =
    { $factor ->
        [totp] hesabınıza bir kimlik doğrulama uygulaması eklendi
        [hotp] hesabınıza bir donanım kod üreteci eklendi
        [webauthn] hesabınıza bir geçiş anahtarı veya güvenlik anahtarı eklendi
        [device] hesabınıza güvenilir bir cihaz eklendi
       *[recovery_codes] hesabınıza bir kurtarma kodu seti eklendi
    }
notice-factor-removed =
    { $factor ->
        [totp] hesabınızdan bir kimlik doğrulama uygulaması kaldırıldı
        [hotp] hesabınızdan bir donanım kod üreteci kaldırıldı
        [webauthn] hesabınızdan bir geçiş anahtarı veya güvenlik anahtarı kaldırıldı
        [device] hesabınızdan güvenilir bir cihaz kaldırıldı
       *[recovery_codes] hesabınızdan bir kurtarma kodu seti kaldırıldı
    }
notice-email-changed = hesabınızın e-posta adresi değiştirildi
notice-phone-changed = hesabınızın telefon numarası değiştirildi
notice-codes-regenerated = yeni kurtarma kodları oluşturuldu (eski kodlar artık çalışmıyor)
notice-totp-replayed = kimlik doğrulama uygulamanızdan bir kod, zaten kullanıldıktan sonra yeniden girildi; bu normal kullanımda olmaz: kodlarınızı başka biri görüyor olabilir
notice-risky-sign-in =
    { $seen ->
        [device] birisi hesabınıza yeni bir cihazdan giriş yaptı
        [country] birisi hesabınıza yeni bir ülkeden giriş yaptı
       *[both] birisi hesabınıza yeni bir ülkedeki yeni bir cihazdan giriş yaptı
    }

## The SMS: ONE segment, without Turkish letters outside GSM-7.

notice-sms-factor-added =
    { $factor ->
        [totp] dogrulama uygulamasi eklendi
        [hotp] kod ureteci eklendi
        [webauthn] gecis veya guvenlik anahtari eklendi
        [device] guvenilir cihaz eklendi
       *[recovery_codes] kurtarma kodlari eklendi
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] dogrulama uygulamasi kaldirildi
        [hotp] kod ureteci kaldirildi
        [webauthn] gecis veya guvenlik anahtari kaldirildi
        [device] guvenilir cihaz kaldirildi
       *[recovery_codes] kurtarma kodlari kaldirildi
    }
notice-sms-email-changed = e-posta adresi degisti
notice-sms-phone-changed = telefon numarasi degisti
notice-sms-codes-regenerated = yeni kurtarma kodlari olusturuldu
notice-sms-totp-replayed = kod tekrar kullanildi, kodlar gorulebilir
notice-sms-risky-sign-in =
    { $seen ->
        [device] yeni cihazdan giris
        [country] yeni ulkeden giris
       *[both] yeni ulkede yeni cihazdan giris
    }
notice-sms = { $service }: { $what } ({ $when }). Siz degilseniz hemen destekle iletisime gecin.
notice-sms-held = { $service }: { $what } ({ $when }). Siz degilseniz destekle iletisime gecin. Para cekme { $until } dek durduruldu.

## The email's paragraphs (it starts with email-hello).

notice-email-what = { $when } tarihinde { $what }.
notice-email-what-ip = { $when } tarihinde { $ip } IP adresinden { $what }.
notice-email-if-you = Bunu siz yaptıysanız yapmanız gereken bir şey yok.
notice-email-if-not-you = Bunu siz yapmadıysanız, birisi hesabınıza erişmiş olabilir: hemen { $service } destek ekibiyle iletişime geçin ve aldığınız hiçbir kodu paylaşmayın.
notice-email-held = Güvenliğiniz için para çekme işlemleri { $until } tarihine kadar durduruldu.
notice-email-never-ask = { $service } sizden asla kod veya şifre istemez.

## The call, read out by a Turkish voice: full sentences with Turkish
## letters, long dates ($when, $until: "26 Kas 2026, 01:10 UTC"), the hold
## always; the email's words without the IP address.

notice-call = Bu, { $service } tarafından gönderilen bir güvenlik bildirimidir. { notice-email-what } { notice-email-if-you } { notice-email-if-not-you }
notice-call-held = { notice-call } { notice-email-held }
