### Страница подтверждения (/verify/…).

verify-title = Подтвердите, что это вы
# $purpose: как в code-action.
verify-lead = { $service } просит вас { code-action }.
verify-payment = Подтверждаемый платёж
verify-amount = Сумма
verify-payee = Получатель
verify-destination = Счёт или адрес
verify-done = Готово
# $method: webauthn, device, totp, hotp, email, sms, voice или recovery_code.
verify-method =
    { $method ->
        [webauthn] Ключ доступа или ключ безопасности
        [device] Ваше устройство со входом в систему
        [totp] Приложение-аутентификатор
        [hotp] Токен для кодов
        [email] Электронная почта
        [sms] SMS
        [voice] Телефонный звонок
       *[recovery_code] Код восстановления
    }
# $channel: sms, voice или email.
verify-send =
    { $channel ->
        [sms] Прислать код в SMS
        [voice] Лучше позвонить мне
       *[email] Прислать код по электронной почте
    }
# $to: маскированный номер телефона или адрес.
verify-send-to = { verify-send } ({ $to })
verify-code-sent = Введите код, отправленный на { $to }
verify-code-totp = Введите код, который показывает приложение-аутентификатор
verify-code-hotp = Введите код, который показывает ваш токен
verify-code-recovery = Введите один из ваших кодов восстановления
verify-verify = Подтвердить
# $time: минуты и секунды, «0:27»; скрипт страницы ведёт обратный отсчёт.
verify-resend-wait = Новый код можно запросить через { $time }.
verify-resend-ready = Теперь можно запросить новый код.
verify-not-received = Не получили код?
verify-other-ways = Другие способы подтверждения
verify-choose = Выберите способ подтверждения
verify-passkey = Использовать ключ доступа или ключ безопасности
verify-passkey-hint = Телефон или компьютер запросит отпечаток пальца, лицо, PIN-код или ключ.
verify-device = Откройте { $service } на устройстве, где вы вошли в систему, и выберите число { $number }.
verify-device-waiting = Ожидаем вашего подтверждения на устройстве…
verify-device-check = Я подтвердил(а)
verify-next-step = Ещё один шаг: подтвердите одним из этих способов.
verify-cancel = Это не я: отменить

## Когда подтверждение завершено.

verify-finished-approved = Личность подтверждена.
verify-finished-held = Подтверждено. В целях вашей безопасности этот вывод средств будет выполнен не ранее { $until }, так как параметры безопасности недавно изменились.
verify-finished-failed = Подтверждение не удалось. Начните заново в { $service }.
verify-finished-expired = Срок этого подтверждения истёк. Начните заново в { $service }.
verify-finished-cancelled = Это подтверждение отменено.
verify-finished-denied = Вы отклонили этот запрос на своём устройстве.
verify-back-to = Вернуться в { $service }
verify-not-found-title = Подтверждение не найдено
verify-not-found-lead = Эта ссылка недействительна. Начните заново на сайте или в приложении, которым вы пользовались.

## Что пошло не так при последнем действии. $attempts: оставшиеся попытки.

verify-error-wrong-code = Код неверен. Осталось попыток: { $attempts }.
verify-error-credential-refused = Этот ключ доступа или ключ безопасности не принят. Осталось попыток: { $attempts }.
verify-error-too-many-attempts = Слишком много неверных кодов: подтверждение не удалось.
verify-error-resend-too-soon = Пожалуйста, подождите немного, прежде чем запрашивать новый код.
verify-error-delivery-failed = Не удалось отправить код. Выберите другой способ ниже.
verify-error-rate-limited = Отправлено слишком много кодов. Выберите другой способ или повторите попытку позже.
verify-error-locked = Слишком много неудачных попыток. Повторите попытку позже.
verify-error-method-unavailable = Этот способ недоступен для данного подтверждения.
verify-error-expired = Срок этого подтверждения истёк.
verify-error-closed = Это подтверждение уже завершено.
verify-error-other = Что-то пошло не так. Пожалуйста, повторите попытку.
