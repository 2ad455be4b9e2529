### The security center (/security).

security-title = Güvenlik merkezi
security-lead = Kimliğinizi kanıtlama yöntemleriniz ve hesabınızda son zamanlarda olanlar.
security-methods = Kimliğinizi kanıtlama yöntemleri
security-no-methods = Henüz bir kimlik doğrulayıcı yok. Bir tane ekleyin: yalnızca SMS veya e-postayla gelen kodlar kolayca çalınabilir.
security-add-method = Yöntem ekle
security-add-totp = Kimlik doğrulama uygulaması ekle
security-add-passkey = Geçiş anahtarı ekle
security-add-security-key = Güvenlik anahtarı ekle
security-devices = Güvenilir cihazlar
security-no-devices = Güvenilir cihaz yok.
security-recovery = Kurtarma kodları
security-recovery-left = 10 koddan { $n } tanesi kaldı.
security-no-recovery = Kurtarma kodu yok. Diğer yöntemlerinizi kaybetmeniz ihtimaline karşı kod alın ve bunları güvenli bir yerde saklayın.
security-new-recovery = Yeni kurtarma kodları al
security-contacts = E-posta ve telefon
security-email = E-posta
security-phone = Telefon
security-verified = Doğrulandı
security-unverified = Doğrulanmadı
security-none = Yok
security-activity = Son güvenlik etkinlikleri
security-no-activity = Henüz bir şey yok.
# Followed by a date and time.
security-added = Eklenme:
# Followed by a date and time.
security-last-used = son kullanım:
security-never-used = hiç kullanılmadı
security-remove = Kaldır
security-sign-out = Oturumu kapat
security-back-to-app = Uygulamaya dön
security-back = Güvenlik merkezine dön
security-strength =
    { $strength ->
        [phishing_resistant] Oltalamaya dayanıklı
        [strong] Güçlü
        [backup] Yedek
       *[weaker] Daha zayıf
    }
security-kind =
    { $kind ->
        [passkey] Geçiş anahtarı
        [webauthn] Geçiş anahtarı
        [security_key] Güvenlik anahtarı
        [device] Güvenilir cihaz
        [totp] Kimlik doğrulama uygulaması
        [hotp] Donanım kod üreteci
       *[recovery_codes] Kurtarma kodları
    }
security-sent-codes = SMS, arama veya e-postayla gelen kodlar
security-notice-added = Tamamlandı: yöntem eklendi. Doğrulanmış e-posta adresinize ve telefonunuza bildirim gönderdik.
security-notice-removed = Tamamlandı: yöntem kaldırıldı. Doğrulanmış e-posta adresinize ve telefonunuza bildirim gönderdik.
security-notice-session-ended = Tamamlandı: o oturum sonlandırıldı.
security-notice-others-ended = Tamamlandı: diğer oturumlarınız sonlandırıldı.

## Adding an authenticator app.

security-totp-title = Kimlik doğrulama uygulaması ekleyin
security-totp-scan = Bu QR kodunu kimlik doğrulama uygulamanızla (Google Authenticator, Aegis, 1Password…) tarayın, ardından gösterdiği kodu girin.
security-totp-qr = Kimlik doğrulama uygulamanızla taranacak QR kodu
security-totp-key = Tarayamıyor musunuz? Bu anahtarı uygulamaya girin:
security-totp-open = Bu cihazdaki bir kimlik doğrulama uygulamasında aç
security-totp-code = Uygulamadaki kod
security-totp-code-hint = 6 hane. Bu anahtar yalnızca şimdi gösterilir.
security-activate = Etkinleştir
security-wrong-code = Bu kod doğru değil. Uygulamayı kontrol edip tekrar deneyin.

## Adding a passkey or a security key.

security-passkey-title = Geçiş anahtarı ekleyin
security-passkey-lead = Telefonunuz veya bilgisayarınız geçiş anahtarını saklar ve parmak iziniz, yüzünüz veya PIN'inizle açar. Yalnızca bu sitede çalışır; sahte bir site hiçbir şey elde edemez.
security-security-key-title = Güvenlik anahtarı ekleyin
security-security-key-lead = Güvenlik anahtarınızı hazır bulundurun: istendiğinde takın veya telefonunuza yaklaştırın, ardından dokunun.
security-webauthn-label = Ad (isteğe bağlı)
security-webauthn-label-hint = Daha sonra tanımak için, ör. "İş bilgisayarı".
security-webauthn-start = Devam
security-webauthn-working = Tarayıcınızın talimatlarını izleyin…
security-webauthn-cancelled = İşlem iptal edildi veya zaman aşımına uğradı. Tekrar deneyin.
security-webauthn-failed = Eklenemedi. Tekrar deneyin.

## Recovery codes, confirmations, and the session's beginning and end.

security-codes-title = Yeni kurtarma kodlarınız
security-codes-lead = Her kod bir kez çalışır. Yazdırın veya not alın ve güvenli bir yerde saklayın: yalnızca şimdi gösterilirler. Önceki kodlarınız artık geçerli değil.
security-done = Tamam
security-confirm-title = Doğrulandı
security-confirm-lead = Kimliğinizi kanıtladınız. Bu yöntem kaldırılsın mı?
security-confirm-add-lead = Kimliğinizi kanıtladınız. Eklemek için devam edin:
security-cancel = Kalsın
security-opening-title = Güvenlik merkeziniz açılıyor
security-opening-lead = Bir dakika…
security-continue = Devam
security-signed-out-title = Oturum kapatıldı
security-signed-out-lead = Güvenlik merkezinden çıktınız.
security-step-up-first-title = Önce kimliğinizi doğrulayın
security-step-up-first-lead = Hesabınıza giriş yöntemi eklemek için yeni bir doğrulama gerekir.
security-verify-me = Kimliğimi doğrula

## What went wrong.

security-link-title = Bu bağlantı artık çalışmıyor
security-link-lead = Güvenlik merkezi bağlantıları bir kez ve 5 dakika boyunca çalışır. Uygulamaya dönüp güvenlik merkezini yeniden açın.
security-session-title = Oturumunuz sona erdi
security-session-lead = Güvenliğiniz için güvenlik merkezi 10 dakika işlem yapılmadığında ve toplam 30 dakika sonra kapanır. Uygulamaya dönüp yeniden açın.
security-csrf-title = Bu istek doğrulanamadı
security-csrf-lead = Hiçbir şey değiştirilmedi. Güvenlik merkezine dönün, sayfayı yenileyin ve tekrar deneyin.
security-not-found-title = Bulunamadı
security-not-found-lead = Bu yöntem hesabınızda yok.
security-step-up-title = Doğrulanmadı
security-step-up-lead = Bu doğrulama tamamlanmadı veya zaten kullanıldı. Hiçbir şey değiştirilmedi.
security-unsatisfiable-lead = Yöntemlerinizi değiştirmek için kimliğinizi bir kimlik doğrulayıcı ve e-posta ya da SMS ile gelen bir kodla kanıtlamanız gerekir; bu hesap bunu yapamıyor. Destek ekibiyle iletişime geçin.
security-locked-lead = Çok fazla hatalı kod: hesabınız bir süreliğine kilitlendi. Daha sonra tekrar deneyin.
security-expired-lead = Bu kurulum çok uzun süre bekledi. Yeniden başlayın.
security-error-lead = Hiçbir şey değiştirilmedi. Birazdan tekrar deneyin.

## Sessions.

security-sessions = Oturumlarınız
security-sessions-lead = Tanımadığınız bir oturum varsa sonlandırın.
security-this-session = Bu oturum
security-browser-on = { $system } üzerinde { $browser }
security-unknown-browser = Bilinmeyen tarayıcı
# Followed by a date and time.
security-opened = Açılış:
# Followed by a date and time.
security-last-active = son etkinlik:
security-end-session = Bu oturumu sonlandır
security-end-others = Diğer tüm oturumları sonlandır
security-end-others-offer = Bu değişikliği bir şey ters göründüğü için mi yaptınız? Diğer oturumlarınızı da sonlandırın.

## Recent activity. $kind: as in security-kind; $purpose: as in code-action.

security-event-factor-activated = Yöntem eklendi: { security-kind }
security-event-factor-removed = Yöntem kaldırıldı: { security-kind }
security-event-recovery-codes = Yeni kurtarma kodları
security-event-factor-activation-failed = Yöntem eklenirken hatalı kod
security-event-factor-possible-clone = Bir güvenlik anahtarı kopyalanmış göründü ve reddedildi
security-event-contact-changed =
    { $field ->
        [email] E-posta değiştirildi
       *[phone] Telefon değiştirildi
    }
security-event-challenge-approved = Doğrulandı: { code-action }
security-event-challenge-failed = Doğrulama başarısız: { code-action }
security-event-challenge-denied = Güvenilir cihazda reddedildi: { code-action }
security-event-challenge-code-rejected = Hatalı kod girildi
security-event-user-locked = Hatalı kodlar nedeniyle hesap kilitlendi
security-event-portal-session-opened = Güvenlik merkezi açıldı
security-event-portal-session-revoked = Güvenlik merkezi oturumu sonlandırıldı
