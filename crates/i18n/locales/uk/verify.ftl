### Сторінка підтвердження (/verify/…).

verify-title = Підтвердьте, що це ви
# $purpose: як у code-action.
verify-lead = { $service } просить вас { code-action }.
verify-payment = Платіж, який ви підтверджуєте
verify-amount = Сума
verify-payee = Одержувач
verify-destination = Рахунок або адреса
verify-done = Готово
# $method: webauthn, device, totp, hotp, email, sms, voice або recovery_code.
verify-method =
    { $method ->
        [webauthn] Ключ доступу або ключ безпеки
        [device] Ваш пристрій, на якому виконано вхід
        [totp] Застосунок-автентифікатор
        [hotp] Токен для кодів
        [email] Електронна пошта
        [sms] SMS
        [voice] Телефонний дзвінок
       *[recovery_code] Код відновлення
    }
# $channel: sms, voice або email.
verify-send =
    { $channel ->
        [sms] Надіслати код в SMS
        [voice] Краще зателефонувати мені
       *[email] Надіслати код електронною поштою
    }
# $to: замаскований номер телефону або адреса.
verify-send-to = { verify-send } ({ $to })
verify-code-sent = Введіть код, надісланий на { $to }
verify-code-totp = Введіть код, який показує застосунок-автентифікатор
verify-code-hotp = Введіть код, який показує ваш токен
verify-code-recovery = Введіть один із ваших кодів відновлення
verify-verify = Підтвердити
# $time: хвилини й секунди, «0:27»; скрипт сторінки веде зворотний відлік.
verify-resend-wait = Новий код можна запросити через { $time }.
verify-resend-ready = Тепер можна запросити новий код.
verify-not-received = Не отримали код?
verify-other-ways = Інші способи підтвердження
verify-choose = Виберіть спосіб підтвердження
verify-passkey = Використати ключ доступу або ключ безпеки
verify-passkey-hint = Телефон або комп’ютер попросить відбиток пальця, обличчя, PIN-код або ключ.
verify-device = Відкрийте { $service } на пристрої, на якому виконано вхід, і виберіть число { $number }.
verify-device-waiting = Очікуємо вашого підтвердження на пристрої…
verify-device-check = Я підтвердив(ла)
verify-next-step = Ще один крок: підтвердьте одним із цих способів.
verify-cancel = Це не я: скасувати

## Коли підтвердження завершено.

verify-finished-approved = Особу підтверджено.
verify-finished-held = Підтверджено. З міркувань вашої безпеки це виведення коштів буде виконано не раніше { $until }, оскільки параметри безпеки нещодавно змінилися.
verify-finished-failed = Підтвердження не вдалося. Почніть знову в { $service }.
verify-finished-expired = Термін дії цього підтвердження минув. Почніть знову в { $service }.
verify-finished-cancelled = Це підтвердження скасовано.
verify-finished-denied = Ви відхилили цей запит на своєму пристрої.
verify-back-to = Повернутися до { $service }
verify-not-found-title = Підтвердження не знайдено
verify-not-found-lead = Це посилання недійсне. Почніть знову на сайті або в застосунку, яким ви користувалися.

## Що пішло не так під час останньої дії. $attempts: спроби, що залишилися.

verify-error-wrong-code = Код неправильний. Залишилося спроб: { $attempts }.
verify-error-credential-refused = Цей ключ доступу або ключ безпеки не прийнято. Залишилося спроб: { $attempts }.
verify-error-too-many-attempts = Забагато неправильних кодів: підтвердження не вдалося.
verify-error-resend-too-soon = Будь ласка, зачекайте трохи, перш ніж запитувати новий код.
verify-error-delivery-failed = Не вдалося надіслати код. Виберіть інший спосіб нижче.
verify-error-rate-limited = Надіслано забагато кодів. Виберіть інший спосіб або спробуйте пізніше.
verify-error-locked = Забагато невдалих спроб. Спробуйте пізніше.
verify-error-method-unavailable = Цей спосіб недоступний для цього підтвердження.
verify-error-expired = Термін дії цього підтвердження минув.
verify-error-closed = Це підтвердження вже завершено.
verify-error-other = Щось пішло не так. Будь ласка, спробуйте ще раз.
