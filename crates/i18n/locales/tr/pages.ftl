### What every page shares: the frame, dates, the landing page (/), and
### the pages that only say something went wrong.

## The header at the top of every page. $service is the service's name.

page-header-home = Yardım ve destek
page-header-support = Destek merkezi
page-header-help = { $service } yardım merkezi
page-header-security = Güvenlik merkezi
page-header-security-of = { $service } güvenlik merkezi
page-header-verify = Güvenli doğrulama
page-header-verify-for = { $service } için güvenli doğrulama

## Dates and times, in UTC. $month is 1 to 12; $hour and $minute have two digits.

month-long =
    { $month ->
        [1] Ocak
        [2] Şubat
        [3] Mart
        [4] Nisan
        [5] Mayıs
        [6] Haziran
        [7] Temmuz
        [8] Ağustos
        [9] Eylül
        [10] Ekim
        [11] Kasım
       *[12] Aralık
    }
month-short =
    { $month ->
        [1] Oca
        [2] Şub
        [3] Mar
        [4] Nis
        [5] May
        [6] Haz
        [7] Tem
        [8] Ağu
        [9] Eyl
        [10] Eki
        [11] Kas
       *[12] Ara
    }
# "1 Kasım 2026"
date = { $day } { month-long } { $year }
# "1 Kas 2026, 14:05 UTC"
datetime = { $day } { month-short } { $year }, { $hour }:{ $minute } UTC
# "1.11 14:05 UTC", for an SMS: numeric, GSM-7 only.
datetime-short = { $day }.{ $month } { $hour }:{ $minute } UTC

## The landing page.

landing-title = Yardım ve destek
landing-lead = Sorularınızın yanıtları ve destek ekibimize güvenle ulaşmanızı sağlayan araçlar.
landing-support = Destek merkezi
landing-support-hint = Destek ekibiyle görüntülü görüşmeye katılın veya bir temsilcinin gerçek olup olmadığını kontrol edin.
landing-help-centers = Yardım merkezleri
landing-help-hint = Oturum açma, kodlar ve hesabınızın güvenliği hakkında makaleler.
landing-no-help-center = Henüz yayımlanmış bir yardım merkezi yok.

## Pages that say something went wrong.

error-title = Bir sorun oluştu
page-not-found-title = Sayfa bulunamadı
page-not-found-lead = Bu adreste bir sayfa yok. Lütfen izlediğiniz bağlantıyı kontrol edin.
page-not-found-home = Yardım ve desteğe git
error-page-lead = Bu sayfa şu anda gösterilemiyor. Lütfen birazdan tekrar deneyin.

# The footer of a service's pages: its support contact and privacy notice.
brand-support = Destekle iletişime geçin
brand-privacy = Gizlilik
# The last lines of every email of a service with these links.
brand-email-support = Yardım: { $support }
brand-email-privacy = Gizlilik bildirimi: { $url }
# A request a page refused (a wrong method, a form it cannot read).
page-refused-lead = Bu sayfa isteği işleyemedi. Geri dönüp tekrar deneyin.
