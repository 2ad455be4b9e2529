### The hosted verification page (/verify/…).

verify-title = Kimliğinizi doğrulayın
# $purpose: as in code-action.
verify-lead = { $service }, { code-action } için onayınızı istiyor.
verify-payment = Onayladığınız ödeme
verify-amount = Tutar
verify-payee = Alıcı
verify-destination = Hesap veya adres
verify-done = Tamam
verify-method =
    { $method ->
        [webauthn] Geçiş anahtarı veya güvenlik anahtarı
        [device] Oturum açtığınız cihaz
        [totp] Kimlik doğrulama uygulaması
        [hotp] Kod üreteci
        [email] E-posta
        [sms] SMS
        [voice] Telefon araması
       *[recovery_code] Kurtarma kodu
    }
verify-send =
    { $channel ->
        [sms] Bana SMS ile kod gönderin
        [voice] Bunun yerine beni arayın
       *[email] Bana e-postayla kod gönderin
    }
verify-send-to = { verify-send } ({ $to })
verify-code-sent = { $to } adresine gönderilen kodu girin
verify-code-totp = Kimlik doğrulama uygulamanızın gösterdiği kodu girin
verify-code-hotp = Kod üretecinizin gösterdiği kodu girin
verify-code-recovery = Kurtarma kodlarınızdan birini girin
verify-verify = Doğrula
verify-resend-wait = { $time } sonra yeni bir kod isteyebilirsiniz.
verify-resend-ready = Artık yeni bir kod isteyebilirsiniz.
verify-not-received = Kod gelmedi mi?
verify-other-ways = Diğer onay yöntemleri
verify-choose = Onay yöntemini seçin
verify-passkey = Geçiş anahtarımı veya güvenlik anahtarımı kullan
verify-passkey-hint = Telefonunuz veya bilgisayarınız parmak izinizi, yüzünüzü, PIN'inizi veya anahtarınızı ister.
verify-device = Oturum açtığınız cihazda { $service } uygulamasını açın ve { $number } numarasını seçin.
verify-device-waiting = Cihazdaki onayınız bekleniyor…
verify-device-check = Onayladım
verify-next-step = Son bir adım: bunlardan biriyle onaylayın.
verify-cancel = Bu ben değilim: iptal et

## Once the verification is over.

verify-finished-approved = Kimliğiniz doğrulandı.
verify-finished-held = Onaylandı. Güvenlik ayarlarınız kısa süre önce değiştiği için, güvenliğiniz amacıyla bu para çekme işlemi { $until } tarihine kadar bekletilecektir.
verify-finished-failed = Bu doğrulama başarısız oldu. { $service } üzerinden yeniden başlayın.
verify-finished-expired = Bu doğrulamanın süresi doldu. { $service } üzerinden yeniden başlayın.
verify-finished-cancelled = Bu doğrulama iptal edildi.
verify-finished-denied = Bu isteği cihazınızda reddettiniz.
verify-back-to = { $service } hizmetine dön
verify-not-found-title = Doğrulama bulunamadı
verify-not-found-lead = Bu bağlantı geçerli değil. Kullandığınız site veya uygulamadan yeniden başlayın.

## What went wrong with the user's last action. $attempts: the attempts left.

verify-error-wrong-code = Bu kod doğru değil. Kalan deneme hakkı: { $attempts }.
verify-error-credential-refused = Bu geçiş anahtarı veya güvenlik anahtarı kabul edilmedi. Kalan deneme hakkı: { $attempts }.
verify-error-too-many-attempts = Çok fazla hatalı kod: bu doğrulama başarısız oldu.
verify-error-resend-too-soon = Lütfen yeni bir kod istemeden önce biraz bekleyin.
verify-error-delivery-failed = Kodu gönderemedik. Lütfen aşağıdan başka bir yöntem seçin.
verify-error-rate-limited = Çok fazla kod gönderildi. Başka bir yöntem seçin veya daha sonra tekrar deneyin.
verify-error-locked = Çok fazla başarısız deneme. Lütfen daha sonra tekrar deneyin.
verify-error-method-unavailable = Bu yöntem bu doğrulama için kullanılamıyor.
verify-error-expired = Bu doğrulamanın süresi doldu.
verify-error-closed = Bu doğrulama zaten sona erdi.
verify-error-other = Bir sorun oluştu. Lütfen tekrar deneyin.
