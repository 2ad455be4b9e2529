### The support center (/support) and its self-service tools.

support-title = Destek merkezi
support-lead = Self servis araçları. Destek ekibinden hiç kimse kodlarınızı asla istemez.
support-join-tool = Görüntülü görüşme randevusuna katılın
support-join-tool-hint = Kimliğinizi kanıtlayın, ardından destek ekibimizle planlanan görüşmeye katılın.
support-check-tool = Bir temsilcinin gerçek olup olmadığını kontrol edin
support-check-tool-hint = Biri destek ekibinden olduğunu mu söylüyor? Size okuduğu kodu kontrol edin.
support-join-title = Görüntülü görüşmenize katılın
support-join-lead = Destek yazışmanızda aldığınız randevu kodunu girin.
support-appointment-code = Randevu kodu
support-appointment-code-hint = 12 harf ve rakam, ör. 7KQ2-9XMD-4TPR
support-continue = Devam
support-verify-lead = Görüşmeniz:
support-totp-code = Kimlik doğrulama uygulamanızdaki kod
support-totp-hint = Uygulamanızın bu hesap için gösterdiği 6 haneli kod.
support-email-code = E-postayla gönderilen kod
support-email-hint = Gönderildiği adres:
support-verify-button = Doğrula ve katıl
support-join-button = Görüntülü görüşmeye katıl
support-check-title = Bu temsilci gerçek mi?
support-check-lead = Temsilciden kodunu okumasını isteyin, ardından bu kodu randevu kodunuzla birlikte girin.
support-agent-code = Temsilcinin kodu
support-check-button = Kontrol et

## What the page's script shows. $agent and $n are filled in by the script.

support-msg-working = Bir dakika…
support-msg-verified = Kimliğiniz doğrulandı. Görüşmeye katılabilirsiniz.
support-msg-genuine = Gerçek: { $agent } destek ekibimizdendir.
support-msg-not-genuine = Bu kod doğru değil. Hiçbir bilgi paylaşmayın; görüşmeyi sonlandırın ve web sitemiz üzerinden bizimle iletişime geçin.
support-msg-not-found = Bu randevu kodu tanınmıyor. Kontrol edip tekrar deneyin.
support-msg-too-early = Henüz erken: görüşme, başlangıcından 15 dakika önce açılır.
support-msg-too-late = Bu görüşme sona erdi. Destek ekibinden yeni bir randevu alın.
support-msg-appointment-cancelled = Bu randevu iptal edildi.
support-msg-invalid-code = Bu kod doğru değil.
support-msg-attempts-left = { $n } deneme hakkınız kaldı.
support-msg-too-many-attempts = Çok fazla hatalı kod girildi. Randevu kodunuzla yeniden başlayın.
support-msg-rate-limited = Bu bağlantıdan çok fazla deneme yapıldı.
support-msg-retry = { $n } dakika sonra tekrar deneyin.
support-msg-locked = Çok fazla hatalı koddan sonra hesabınız bir süreliğine kilitlendi.
support-msg-policy-unsatisfiable = Doğrulanmış görüşmeler için bir kimlik doğrulama uygulaması gerekir. Hesabınızın güvenlik ayarlarından bir tane kurun.
support-msg-expired = Bu doğrulamanın süresi doldu. Yeniden başlayın.
support-msg-not-join-session = Bu tarayıcı bu görüşmeye katılmadı. Randevu kodunuzla yeniden başlayın.
support-msg-error = Bir sorun oluştu. Tekrar deneyin.
