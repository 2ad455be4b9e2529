### Сповіщення безпеки: надсилаються на всі підтверджені контакти, коли
### змінюється безпека облікового запису, а також попередження про
### помічене. $service: назва сервісу; $when: дата й час; $until: до
### якого моменту затримується виведення коштів.

notice-subject = Зміна безпеки вашого облікового запису { $service }
notice-alert-subject = Попередження про безпеку вашого облікового запису { $service }

## Що сталося ($what нижче). $factor: totp, hotp, webauthn, device або
## recovery_codes.

notice-factor-added =
    { $factor ->
        [totp] до вашого облікового запису додано застосунок-автентифікатор
        [hotp] до вашого облікового запису додано апаратний токен для кодів
        [webauthn] до вашого облікового запису додано ключ доступу або ключ безпеки
        [device] до вашого облікового запису додано довірений пристрій
       *[recovery_codes] до вашого облікового запису додано набір кодів відновлення
    }
notice-factor-removed =
    { $factor ->
        [totp] з вашого облікового запису видалено застосунок-автентифікатор
        [hotp] з вашого облікового запису видалено апаратний токен для кодів
        [webauthn] з вашого облікового запису видалено ключ доступу або ключ безпеки
        [device] з вашого облікового запису видалено довірений пристрій
       *[recovery_codes] з вашого облікового запису видалено набір кодів відновлення
    }
notice-email-changed = адресу електронної пошти вашого облікового запису змінено
notice-phone-changed = номер телефону вашого облікового запису змінено
notice-codes-regenerated = створено нові коди відновлення (попередні більше не діють)
notice-totp-replayed = код із вашого застосунку-автентифікатора було введено повторно після того, як його вже використали, чого за звичайного використання не буває: можливо, ваші коди бачить хтось інший
# $seen: device, country або both.
notice-risky-sign-in =
    { $seen ->
        [device] хтось увійшов у ваш обліковий запис із нового пристрою
        [country] хтось увійшов у ваш обліковий запис із нової країни
       *[both] хтось увійшов у ваш обліковий запис із нового пристрою з нової країни
    }

## SMS (і дзвінок): ОДИН сегмент. Кирилиця (UCS-2, 70 символів) не
## вміщує назву сервісу, дві дати й пораду, тому SMS пишуться латиницею
## (транслітом, GSM-7, 160 символів). $when, $until: «27.11 01:10 UTC».

notice-sms-factor-added =
    { $factor ->
        [totp] dodano zastosunok-avtentyfikator
        [hotp] dodano token dlia kodiv
        [webauthn] dodano kliuch dostupu abo bezpeky
        [device] dodano dovirenyi prystrii
       *[recovery_codes] dodano kody vidnovlennia
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] vydaleno zastosunok-avtentyfikator
        [hotp] vydaleno token dlia kodiv
        [webauthn] vydaleno kliuch dostupu abo bezpeky
        [device] vydaleno dovirenyi prystrii
       *[recovery_codes] vydaleno kody vidnovlennia
    }
notice-sms-email-changed = zmineno adresu e-mail
notice-sms-phone-changed = zmineno nomer telefonu
notice-sms-codes-regenerated = stvoreno novi kody vidnovlennia
notice-sms-totp-replayed = povtor kodu avtentyfikatora, mozhlyvyi chuzhyi dostup
notice-sms-risky-sign-in =
    { $seen ->
        [device] vkhid z novoho prystroiu
        [country] vkhid z novoi krainy
       *[both] vkhid z novoho prystroiu z novoi krainy
    }
notice-sms = { $service }: { $what } ({ $when }). Ne vy? Terminovo telefonuite v pidtrymku.
notice-sms-held = { $service }: { $what } ({ $when }). Ne vy? Telefonuite v pidtrymku. Vyvid zablokovano do { $until }.

## Абзаци листа (він починається з email-hello).

notice-email-what = { $when }: { $what }.
notice-email-what-ip = { $when }, з IP-адреси { $ip }: { $what }.
notice-email-if-you = Якщо це були ви, нічого робити не потрібно.
notice-email-if-not-you = Якщо це були не ви, можливо, хтось отримав доступ до вашого облікового запису: негайно зверніться до служби підтримки { $service } і нікому не повідомляйте отримані коди.
notice-email-held = З міркувань вашого захисту виведення коштів призупинено до { $until }.
notice-email-never-ask = { $service } ніколи не попросить у вас код або пароль.
