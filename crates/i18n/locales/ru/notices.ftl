### Уведомления безопасности: отправляются на все подтверждённые контакты
### при изменении безопасности учётной записи, а также предупреждения о
### замеченном. $service: название сервиса; $when: дата и время; $until: до
### какого момента задерживается вывод средств.

notice-subject = Изменение безопасности вашей учётной записи { $service }
notice-alert-subject = Предупреждение о безопасности вашей учётной записи { $service }

## Что произошло ($what ниже). $factor: totp, hotp, webauthn, device или
## recovery_codes.

notice-factor-added =
    { $factor ->
        [totp] в вашу учётную запись добавлено приложение-аутентификатор
        [hotp] в вашу учётную запись добавлен аппаратный токен для кодов
        [webauthn] в вашу учётную запись добавлен ключ доступа или ключ безопасности
        [device] в вашу учётную запись добавлено доверенное устройство
       *[recovery_codes] в вашу учётную запись добавлен набор кодов восстановления
    }
notice-factor-removed =
    { $factor ->
        [totp] из вашей учётной записи удалено приложение-аутентификатор
        [hotp] из вашей учётной записи удалён аппаратный токен для кодов
        [webauthn] из вашей учётной записи удалён ключ доступа или ключ безопасности
        [device] из вашей учётной записи удалено доверенное устройство
       *[recovery_codes] из вашей учётной записи удалён набор кодов восстановления
    }
notice-email-changed = адрес электронной почты вашей учётной записи изменён
notice-phone-changed = номер телефона вашей учётной записи изменён
notice-codes-regenerated = созданы новые коды восстановления (прежние больше не действуют)
notice-totp-replayed = код из вашего приложения-аутентификатора был введён повторно после того, как уже был использован, чего при обычном использовании не бывает: возможно, ваши коды видит кто-то другой
# $seen: device, country или both.
notice-risky-sign-in =
    { $seen ->
        [device] кто-то вошёл в вашу учётную запись с нового устройства
        [country] кто-то вошёл в вашу учётную запись из новой страны
       *[both] кто-то вошёл в вашу учётную запись с нового устройства из новой страны
    }

## SMS (и звонок): ОДИН сегмент. Кириллица (UCS-2, 70 символов) не
## вмещает название сервиса, две даты и совет, поэтому SMS пишутся
## латиницей (транслитом, GSM-7, 160 символов). $when, $until: «27.11 01:10 UTC».

notice-sms-factor-added =
    { $factor ->
        [totp] dobavleno prilozhenie-autentifikator
        [hotp] dobavlen token dlya kodov
        [webauthn] dobavlen klyuch dostupa ili bezopasnosti
        [device] dobavleno doverennoe ustroistvo
       *[recovery_codes] dobavleny kody vosstanovleniya
    }
notice-sms-factor-removed =
    { $factor ->
        [totp] udaleno prilozhenie-autentifikator
        [hotp] udalen token dlya kodov
        [webauthn] udalen klyuch dostupa ili bezopasnosti
        [device] udaleno doverennoe ustroistvo
       *[recovery_codes] udaleny kody vosstanovleniya
    }
notice-sms-email-changed = izmenen adres e-mail
notice-sms-phone-changed = izmenen nomer telefona
notice-sms-codes-regenerated = sozdany novye kody vosstanovleniya
notice-sms-totp-replayed = povtor koda autentifikatora, vozmozhen chuzhoi dostup
notice-sms-risky-sign-in =
    { $seen ->
        [device] vkhod s novogo ustroistva
        [country] vkhod iz novoi strany
       *[both] vkhod s novogo ustroistva iz novoi strany
    }
notice-sms = { $service }: { $what } ({ $when }). Ne vy? Srochno zvonite v podderzhku.
notice-sms-held = { $service }: { $what } ({ $when }). Ne vy? Zvonite v podderzhku. Vyvod zablokirovan do { $until }.

## Абзацы письма (оно начинается с email-hello).

notice-email-what = { $when }: { $what }.
notice-email-what-ip = { $when }, с IP-адреса { $ip }: { $what }.
notice-email-if-you = Если это были вы, ничего делать не нужно.
notice-email-if-not-you = Если это были не вы, возможно, кто-то получил доступ к вашей учётной записи: немедленно свяжитесь со службой поддержки { $service } и никому не сообщайте полученные коды.
notice-email-held = В целях вашей защиты вывод средств приостановлен до { $until }.
notice-email-never-ask = { $service } никогда не попросит у вас код или пароль.
