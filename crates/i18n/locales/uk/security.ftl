### Центр безпеки (/security).

security-title = Центр безпеки
security-lead = Способи підтвердити, що це ви, і останні події у вашому обліковому записі.
security-methods = Способи підтвердити, що це ви
security-no-methods = Автентифікатор ще не додано. Додайте його: коди лише в SMS або електронною поштою легко викрасти.
security-add-method = Додати спосіб
security-add-totp = Додати застосунок-автентифікатор
security-add-passkey = Додати ключ доступу
security-add-security-key = Додати ключ безпеки
security-devices = Довірені пристрої
security-no-devices = Довірених пристроїв немає.
security-recovery = Коди відновлення
security-recovery-left = Залишилося кодів: { $n } із 10.
security-no-recovery = Кодів відновлення немає. Отримайте їх і зберігайте в надійному місці на випадок, якщо ви втратите інші способи.
security-new-recovery = Отримати нові коди відновлення
security-contacts = Електронна пошта й телефон
security-email = Електронна пошта
security-phone = Телефон
security-verified = Підтверджено
security-unverified = Не підтверджено
security-none = Немає
security-activity = Останні події безпеки
security-no-activity = Поки нічого.
# Далі йдуть дата й час.
security-added = Додано
# Далі йдуть дата й час.
security-last-used = останнє використання
security-never-used = не використовувався
security-remove = Видалити
security-sign-out = Вийти
security-back-to-app = Повернутися до застосунку
security-back = Повернутися до центру безпеки
# $strength: phishing_resistant, strong, backup або weaker.
security-strength =
    { $strength ->
        [phishing_resistant] Захищений від фішингу
        [strong] Надійний
        [backup] Резервний
       *[weaker] Менш надійний
    }
# $kind: passkey, security_key, device, totp, hotp або recovery_codes
# (webauthn, тип фактора, — це ключ доступу).
security-kind =
    { $kind ->
        [passkey] Ключ доступу
        [webauthn] Ключ доступу
        [security_key] Ключ безпеки
        [device] Довірений пристрій
        [totp] Застосунок-автентифікатор
        [hotp] Апаратний токен
       *[recovery_codes] Коди відновлення
    }
security-sent-codes = Коди в SMS, дзвінком або електронною поштою
security-notice-added = Готово: спосіб додано. Ми надіслали сповіщення на ваші підтверджені адресу електронної пошти й телефон.
security-notice-removed = Готово: спосіб видалено. Ми надіслали сповіщення на ваші підтверджені адресу електронної пошти й телефон.
security-notice-session-ended = Готово: цю сесію завершено.
security-notice-others-ended = Готово: інші ваші сесії завершено.

## Додавання застосунку-автентифікатора.

security-totp-title = Додати застосунок-автентифікатор
security-totp-scan = Відскануйте цей QR-код застосунком-автентифікатором (Google Authenticator, Aegis, 1Password…), потім введіть показаний код.
security-totp-qr = QR-код для сканування застосунком-автентифікатором
security-totp-key = Не вдається відсканувати? Введіть цей ключ у застосунку:
security-totp-open = Відкрити в застосунку-автентифікаторі на цьому пристрої
security-totp-code = Код із застосунку
security-totp-code-hint = 6 цифр. Цей ключ показується лише зараз.
security-activate = Активувати
security-wrong-code = Цей код неправильний. Перевірте застосунок і спробуйте ще раз.

## Додавання ключа доступу або ключа безпеки.

security-passkey-title = Додати ключ доступу
security-passkey-lead = Ключ доступу зберігається на вашому телефоні чи комп’ютері й розблоковується відбитком пальця, обличчям або PIN-кодом. Він працює лише на цьому сайті, тож підроблений сайт нічого не отримає.
security-security-key-title = Додати ключ безпеки
security-security-key-lead = Тримайте ключ безпеки під рукою: на запит вставте його або піднесіть до телефону, потім торкніться його.
security-webauthn-label = Назва (необов’язково)
security-webauthn-label-hint = Щоб потім його впізнати, наприклад «Робочий ноутбук».
security-webauthn-start = Продовжити
security-webauthn-working = Дотримуйтеся інструкцій браузера…
security-webauthn-cancelled = Операцію скасовано або час очікування минув. Спробуйте ще раз.
security-webauthn-failed = Не вдалося додати. Спробуйте ще раз.

## Коди відновлення, підтвердження, початок і кінець сесії.

security-codes-title = Ваші нові коди відновлення
security-codes-lead = Кожен код діє один раз. Роздрукуйте або запишіть їх і зберігайте в надійному місці: вони показуються лише зараз. Попередні коди більше не діють.
security-done = Готово
security-confirm-title = Підтверджено
security-confirm-lead = Ви підтвердили, що це ви. Видалити цей спосіб?
security-confirm-add-lead = Ви підтвердили, що це ви. Продовжити додавання:
security-cancel = Залишити
security-opening-title = Відкриваємо центр безпеки
security-opening-lead = Хвилинку…
security-continue = Продовжити
security-signed-out-title = Вихід виконано
security-signed-out-lead = Ви вийшли з центру безпеки.
security-step-up-first-title = Спочатку підтвердьте, що це ви
security-step-up-first-lead = Щоб додати спосіб входу до облікового запису, потрібне нове підтвердження.
security-verify-me = Підтвердити, що це я

## Що пішло не так.

security-link-title = Це посилання більше не діє
security-link-lead = Посилання на центр безпеки діють один раз і 5 хвилин. Поверніться до застосунку й знову відкрийте центр безпеки.
security-session-title = Вашу сесію завершено
security-session-lead = З міркувань безпеки центр безпеки закривається після 10 хвилин бездіяльності й у будь-якому разі через 30 хвилин. Поверніться до застосунку й відкрийте його знову.
security-csrf-title = Не вдалося перевірити цей запит
security-csrf-lead = Нічого не змінено. Поверніться до центру безпеки, оновіть сторінку й спробуйте ще раз.
security-not-found-title = Не знайдено
security-not-found-lead = Цього способу немає у вашому обліковому записі.
security-step-up-title = Не підтверджено
security-step-up-lead = Це підтвердження не було завершено або вже використане. Нічого не змінено.
security-unsatisfiable-lead = Щоб змінити способи, потрібно підтвердити особу автентифікатором і кодом електронною поштою або в SMS, а для цього облікового запису це неможливо. Зверніться до служби підтримки.
security-locked-lead = Забагато неправильних кодів: ваш обліковий запис тимчасово заблоковано. Спробуйте пізніше.
security-expired-lead = Налаштування очікувало надто довго. Почніть знову.
security-error-lead = Нічого не змінено. Спробуйте ще раз трохи пізніше.

## Сесії.

security-sessions = Ваші сесії
security-sessions-lead = Якщо ви не впізнаєте сесію, завершіть її.
security-this-session = Ця сесія
security-browser-on = { $browser } на { $system }
security-unknown-browser = Невідомий браузер
# Далі йдуть дата й час.
security-opened = Відкрито
# Далі йдуть дата й час.
security-last-active = остання активність
security-end-session = Завершити цю сесію
security-end-others = Завершити всі інші сесії
security-end-others-offer = Ви внесли цю зміну, бо щось здалося підозрілим? Завершіть і інші сесії.

## Останні події. $kind: як у security-kind; $purpose: як у code-action.

security-event-factor-activated = Спосіб додано: { security-kind }
security-event-factor-removed = Спосіб видалено: { security-kind }
security-event-recovery-codes = Нові коди відновлення
security-event-factor-activation-failed = Неправильний код під час додавання способу
security-event-factor-possible-clone = Ключ безпеки схожий на копію й відхилений
# $field: email або phone.
security-event-contact-changed =
    { $field ->
        [email] Адресу електронної пошти змінено
       *[phone] Телефон змінено
    }
security-event-challenge-approved = Підтверджено: { code-action }
security-event-challenge-failed = Підтвердження не вдалося: { code-action }
security-event-challenge-denied = Відхилено на довіреному пристрої: { code-action }
security-event-challenge-code-rejected = Введено неправильний код
security-event-user-locked = Обліковий запис заблоковано після неправильних кодів
security-event-portal-session-opened = Центр безпеки відкрито
security-event-portal-session-revoked = Сесію центру безпеки завершено
